/**
 * A second Ctrl-C on `guardian code` quits at once, while the first is still being honoured (here: a
 * test that ignores SIGTERM keeps the Coder waiting out the kill's grace period). The process ends 130
 * without a stack trace, the test it ran is killed, the run lock is released, and coder.json records
 * what the attempt spent — before, the second signal killed the process and the usage was lost.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest } from '../../src/bundle/bundle.js';
import { QUIT_MESSAGE } from '../../src/stations/coder/index.js';
import { startCli, until } from '../support/cli-process.js';
import { callTool, hang, startScriptedServer, type ScriptedServer } from '../support/llm-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { MINI_FILES, writeBundle } from './helpers.js';

const USAGE = { prompt_tokens: 1000, completion_tokens: 100 };

/** A program that says it runs (its pid, in a marker file) and will not end on SIGTERM. */
function stubbornTest(marker: string): string {
  return [
    "import { writeFileSync } from 'node:fs';",
    "process.on('SIGTERM', () => {});",
    "process.on('SIGINT', () => {});",
    `writeFileSync(${JSON.stringify(marker)}, String(process.pid));`,
    'setInterval(() => {}, 1000);',
    '',
  ].join('\n');
}

/** Whether the process runs (a zombie, killed and waiting to be reaped, does not). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('guardian code interrupted twice', () => {
  const repos: TempRepo[] = [];
  const servers: ScriptedServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const r of repos) r.cleanup();
  });

  it('quits at once (130), kills the test it ran, releases the lock and records the usage in coder.json', async () => {
    // A check command the Coder may run, which is the stubborn program itself (no test runner between
    // them to pass signals on).
    const repo = makeRepo(undefined, {
      files: { ...MINI_FILES, 'quality.toml': '[quality_checks]\nstubborn = "node test/stubborn.mjs"\n' },
    });
    repos.push(repo);
    const bundleDir = writeBundle(repo, 'TASK-001');
    const marker = join(repo.root, '..', 'stubborn-running');
    const server = await startScriptedServer([
      callTool('write_file', { path: 'test/stubborn.mjs', content: stubbornTest(marker) }, { usage: USAGE }),
      callTool('run_tests', { command: 'node test/stubborn.mjs' }, { usage: USAGE }),
      hang(),
    ]);
    servers.push(server);
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^(OPENAI_|GUARDIAN_)/.test(k)) env[k] = v;
    const cli = startCli(['code', 'TASK-001', '--json'], repo.root, {
      ...env,
      OPENAI_API_KEY: 'sk-test-key-0123456789abcdef',
      OPENAI_BASE_URL: server.url,
      GUARDIAN_CODER_MODEL: 'gpt-4.1',
    });
    await until('the stubborn test', () => existsSync(marker) && readFileSync(marker, 'utf8') !== '', cli);
    const testPid = Number(readFileSync(marker, 'utf8'));
    expect(existsSync(join(repo.root, '.guardian/run.lock'))).toBe(true);

    cli.ctrlC();
    await until('the first interrupt taken', () => /interrupted: stopping/.test(cli.stderr()), cli);
    // The Coder now waits for the test, which ignores SIGTERM, to be killed: quit instead.
    cli.ctrlC();
    const { code } = await cli.exited;

    expect(code).toBe(130);
    expect(cli.stderr()).toContain('quitting now: coder.json records what this attempt spent');
    expect(cli.stderr()).not.toMatch(/internal error|\n\s+at /);
    expect(cli.stdout()).toBe(''); // no result: the command did not finish
    // Killed with SIGKILL before the exit; the kernel may take a moment to carry it out.
    for (let i = 0; i < 100 && running(testPid); i++) await new Promise((r) => setTimeout(r, 20));
    expect(running(testPid)).toBe(false);
    expect(existsSync(join(repo.root, '.guardian/run.lock'))).toBe(false);

    const report = JSON.parse(readFileSync(join(bundleDir, 'coder.json'), 'utf8'));
    expect(report).toMatchObject({
      taskId: 'TASK-001',
      attempt: 1,
      stopReason: 'aborted',
      message: QUIT_MESSAGE,
      turns: 2,
      usage: { promptTokens: 2000, completionTokens: 200, cachedTokens: 0 },
      filesWritten: ['test/stubborn.mjs'],
      changedFiles: [],
    });
    expect(report.patchSha256).toBeUndefined();
    // The station is left running: the next `guardian code` (or `run --resume`) does it again.
    expect(readManifest(bundleDir, 'TASK-001').stations.code?.status).toBe('running');
    // The work stays in the working tree.
    expect(existsSync(join(repo.root, 'test/stubborn.mjs'))).toBe(true);
  }, 120_000);
});
