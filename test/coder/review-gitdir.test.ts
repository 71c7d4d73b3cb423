/**
 * A test the model wrote may change the repository's git settings: a clean filter that Guardian's own
 * `git add` (for changes.patch) would run with no timeout, a hook. Each run_tests puts them back, tells
 * the model, and the run is no pass.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCoder } from '../../src/stations/coder/index.js';
import { diffWorkingTree } from '../../src/stations/coder/patch.js';
import { callTool, startScriptedServer } from '../support/llm-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { coderTools, llmFor, MINI_FILES, writeBundle } from './helpers.js';

const toolsFor = (root: string, command: string) => coderTools(root, command);

describe('run_tests and the git settings', () => {
  let repo: TempRepo;
  let marks: string;
  beforeAll(() => {
    repo = makeRepo(undefined, { files: { 'src/a.mjs': 'export const a = 1;\n' } });
    marks = mkdtempSync(join(tmpdir(), 'guardian-filter-'));
  });
  afterAll(() => {
    repo.cleanup();
    rmSync(marks, { recursive: true, force: true });
  });

  it('puts a planted filter and hook back, warns the model, and the run does not pass', async () => {
    const base = repo.git('rev-parse', 'HEAD');
    const mark = join(marks, 'filter-ran');
    const t = toolsFor(
      repo.root,
      [
        `git config filter.x.clean "sh -c 'echo ran >> ${mark}; cat'"`,
        `printf '#!/bin/sh\\nexit 0\\n' > .git/hooks/pre-commit`,
        `printf '*.mjs filter=x\\n' > .gitattributes`,
        `echo 'export const a = 2;' > src/a.mjs`,
      ].join(' && '),
    );
    const r = await t.execute('run_tests', '{}');
    expect(r.content).toMatch(/changed the repository's git settings/);
    expect(r.content).toMatch(/\.git\/config modified, put back/);
    expect(r.content).toMatch(/\.git\/hooks\/pre-commit added, put back/);
    expect(r.content).toMatch(/FAILED/);
    expect(t.testRuns[0]).toMatchObject({ exitCode: 0, passed: false });
    expect(repo.git('config', '--default', '', '--get', 'filter.x.clean')).toBe('');
    expect(existsSync(join(repo.root, '.git/hooks/pre-commit'))).toBe(false);
    // Guardian's own `git add` for the patch runs no filter of the test's.
    const { patch } = diffWorkingTree(repo.root, base);
    expect(existsSync(mark)).toBe(false);
    expect(patch.toString('utf8')).toContain('+export const a = 2;');
  });

  it('a run that leaves the settings alone passes as before', async () => {
    const t = toolsFor(repo.root, 'true');
    const r = await t.execute('run_tests', '{}');
    expect(r.content).not.toMatch(/git settings/);
    expect(t.testRuns[0]!.passed).toBe(true);
  });
});

describe('a slow filter a test planted', () => {
  it('never runs when changes.patch is written: the run keeps its time budget', async () => {
    const marks = mkdtempSync(join(tmpdir(), 'guardian-filter-'));
    const mark = join(marks, 'filter-ran');
    const testSrc = `import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { it } from 'node:test';
it('red', () => {
  execFileSync('git', ['config', 'filter.x.clean', "sh -c 'echo ran >> ${mark}; sleep 30; cat'"]);
  writeFileSync('.gitattributes', '*.mjs filter=x\\n');
  throw new Error('red');
});
`;
    const repo = makeRepo(undefined, { files: MINI_FILES });
    writeBundle(repo, 'TASK-001', '## Notes\nnothing');
    const script = [
      callTool('write_file', { path: 'test/leak.test.mjs', content: testSrc }),
      callTool('run_tests', {}),
    ];
    const server = await startScriptedServer(script);
    try {
      const t0 = Date.now();
      const r = await runCoder({
        root: repo.root,
        taskId: 'TASK-001',
        llm: llmFor(server),
        env: { ...process.env },
        budget: { maxTurns: 2 },
      });
      expect(Date.now() - t0).toBeLessThan(20_000);
      expect(existsSync(mark)).toBe(false);
      // The failing run changed the git settings: no proof of red.
      expect(r.phase).toBe('red');
      expect(r.changedFiles).toEqual(['.gitattributes', 'test/leak.test.mjs']);
    } finally {
      await server.close();
      repo.cleanup();
      rmSync(marks, { recursive: true, force: true });
    }
  });
});
