/**
 * Ctrl-C on a real `guardian` process (the CLI from its sources) while the Coder writes changes.patch,
 * sent as a terminal sends it: to the whole process group, so it kills the git command of the diff as
 * well. The run ends interrupted (exit 130), the diff is made again so the work is kept, and the tokens
 * the model spent are reported — in the result, coder.json, the manifest, and the ledger of
 * `guardian run` — whether or not changes.patch could be written.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readManifest } from '../../src/bundle/bundle.js';
import { readLedger } from '../../src/supervisor/ledger.js';
import { callTool, reply, startScriptedServer, type ScriptedServer } from '../support/llm-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { startCli, until } from '../support/cli-process.js';
import { ARITHMETIC } from '../supervisor/helpers.js';
import { MINI_FILES, writeBundle } from './helpers.js';

/**
 * git as found on PATH, but once the model has written `test/mark.test.mjs`, the first `git read-tree`
 * (the first command of the diff that makes changes.patch) says so with a marker file and waits; a later
 * one runs as usual, or fails when `later` is 'fails'.
 */
function slowDiff(later: 'runs' | 'fails'): { bin: string; marker: string } {
  const bin = mkdtempSync(join(tmpdir(), 'guardian-fakegit-'));
  const marker = join(bin, 'diff-started');
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const then = later === 'fails' ? 'echo "fatal: disk on fire" >&2; exit 128' : 'true';
  writeFileSync(
    join(bin, 'git'),
    `#!/bin/sh
if [ -e test/mark.test.mjs ]; then
  for a in "$@"; do
    if [ "$a" = read-tree ]; then
      if [ -e '${marker}' ]; then ${then}; else touch '${marker}'; sleep 30; fi
    fi
  done
fi
exec '${realGit}' "$@"
`,
  );
  chmodSync(join(bin, 'git'), 0o755);
  return { bin, marker };
}

const USAGE = { prompt_tokens: 1000, completion_tokens: 100 };
/** One file written, then three replies without a tool call: the run ends and changes.patch is made. */
const SCRIPT = [
  callTool('write_file', { path: 'test/mark.test.mjs', content: 'export {};\n' }, { usage: USAGE }),
  reply('thinking', { usage: USAGE }),
  reply('thinking', { usage: USAGE }),
  reply('thinking', { usage: USAGE }),
];
const SPENT = { promptTokens: 4000, completionTokens: 400, cachedTokens: 0 };

function modelEnv(server: ScriptedServer, bin: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(OPENAI_|GUARDIAN_)/.test(k)) env[k] = v;
  return {
    ...env,
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    OPENAI_API_KEY: 'sk-test-key-0123456789abcdef',
    OPENAI_BASE_URL: server.url,
    GUARDIAN_CODER_MODEL: 'gpt-4.1',
  };
}

describe('Ctrl-C while the Coder writes changes.patch', () => {
  const repos: TempRepo[] = [];
  const servers: ScriptedServer[] = [];
  const bins: string[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const r of repos) r.cleanup();
    for (const b of bins) rmSync(b, { recursive: true, force: true });
  });

  async function codeInterrupted(later: 'runs' | 'fails') {
    const repo = makeRepo(undefined, { files: MINI_FILES });
    repos.push(repo);
    const bundleDir = writeBundle(repo, 'TASK-001');
    const server = await startScriptedServer(SCRIPT);
    servers.push(server);
    const { bin, marker } = slowDiff(later);
    bins.push(bin);
    const cli = startCli(['code', 'TASK-001', '--json'], repo.root, modelEnv(server, bin));
    await until('the diff', () => existsSync(marker), cli);
    cli.ctrlC();
    const { code } = await cli.exited;
    expect(cli.stderr()).not.toMatch(/internal error|\n\s+at /);
    expect(code).toBe(130);
    const out = JSON.parse(cli.stdout());
    expect(out).toMatchObject({ stopReason: 'aborted', turns: 4, usage: SPENT, ok: false });
    const report = JSON.parse(readFileSync(join(bundleDir, 'coder.json'), 'utf8'));
    expect(report).toMatchObject({ stopReason: 'aborted', usage: SPENT });
    const m = readManifest(bundleDir, 'TASK-001');
    expect(m.usage).toMatchObject(SPENT);
    expect(m.stations.code).toMatchObject({ status: 'failed', stopReason: 'aborted', usage: SPENT });
    return { out, bundleDir };
  }

  it('guardian code: ends interrupted (130), reports the tokens spent and still writes changes.patch', async () => {
    const { out, bundleDir } = await codeInterrupted('runs');
    expect(out.message).toBe('interrupted while changes.patch was written; written again');
    expect(out.changedFiles).toEqual(['test/mark.test.mjs']);
    expect(out.patchPath).toBe(join(bundleDir, 'changes.patch'));
    expect(readFileSync(join(bundleDir, 'changes.patch'), 'utf8')).toContain('+++ b/test/mark.test.mjs');
  }, 120_000);

  it('guardian code: when the diff fails again, says changes.patch was not written, and still reports the tokens', async () => {
    const { out, bundleDir } = await codeInterrupted('fails');
    expect(out.message).toMatch(
      /^interrupted while changes\.patch was written \(git .*stopped by SIGINT.*\): changes\.patch not written \(git .*disk on fire\)$/,
    );
    expect(out.patchPath).toBeUndefined();
    expect(existsSync(join(bundleDir, 'changes.patch'))).toBe(false);
  }, 120_000);

  it('guardian run: the interrupted code station and the run carry the tokens spent', async () => {
    const repo = makeRepo(undefined, { files: ARITHMETIC });
    repos.push(repo);
    const server = await startScriptedServer(SCRIPT);
    servers.push(server);
    const { bin, marker } = slowDiff('runs');
    bins.push(bin);
    const cli = startCli(['run', 'TASK-101', '--json'], repo.root, modelEnv(server, bin));
    await until('the diff', () => existsSync(marker), cli);
    cli.ctrlC();
    const { code } = await cli.exited;
    expect(cli.stderr()).not.toMatch(/internal error|\n\s+at /);
    expect(code).toBe(130);
    expect(JSON.parse(cli.stdout())).toMatchObject({ outcome: 'interrupted', usage: SPENT });
    const end = readLedger(repo.root).at(-1)!;
    expect(end).toMatchObject({ event: 'end', outcome: 'interrupted', usage: SPENT });
    expect(end.stations!.at(-1)).toMatchObject({ station: 'code', status: 'interrupted', usage: SPENT });
    // The work of the Coder's temporary worktree (removed since) is kept for --resume.
    const patch = readFileSync(join(repo.root, '.guardian/bundles/TASK-101/changes.patch'), 'utf8');
    expect(patch).toContain('+++ b/test/mark.test.mjs');
  }, 120_000);
});
