/**
 * `guardian validate` with a hand-edited security.json: a check whose `paths` glob backtracks, one with
 * a forged id and one that is sound, on a tiny repository whose change is otherwise good.
 */
import { afterEach, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidationReport } from '../../src/stations/validator/types.js';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { doubleValue, smallRepoFiles, writeBundleManifest } from '../validator/helpers.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

it('ends in one verdict naming each bad check, without hanging on a backtracking glob', async () => {
  const r = makeRepo(undefined, { files: smallRepoFiles() });
  repos.push(r);
  doubleValue(r);
  // A file of the change with a long name: `*a*a*…b` backtracks for minutes on it.
  r.write(`docs/${'a'.repeat(80)}.txt`, 'notes\n');
  writeBundleManifest(r, 'TASK-001', 'specs/tasks/TASK-001_double.md');
  const check = (id: string, over: Record<string, unknown> = {}) => ({
    id: `F-${id}`,
    severity: 'high',
    check: { id, pattern: 'TODO-SECRET', message: 'no secret placeholders', ...over },
  });
  r.write(
    '.guardian/bundles/TASK-001/security.json',
    JSON.stringify({
      schemaVersion: 1,
      taskId: 'TASK-001',
      findings: [
        check('slow-glob', { paths: ['*a*a*a*a*a*a*a*a*a*b', 'docs/*a*a*a*a*a*a*a*a*a*b'] }),
        check('guard:skip-markers'),
        check('sound', { paths: ['src/**'] }),
      ],
    }),
  );
  const v = await runCli(['validate', 'TASK-001', '--root', r.root]);
  expect(v.code).toBe(1);
  const report = JSON.parse(
    readFileSync(join(r.root, '.guardian/bundles/TASK-001/validation.json'), 'utf8'),
  ) as ValidationReport;
  const row = (name: string) => report.checks.filter((c) => c.name === name);
  expect(row('security:slow-glob')).toEqual([
    expect.objectContaining({ outcome: 'error', outputTail: expect.stringMatching(/timed out/) }),
  ]);
  expect(row('security:security.json')).toEqual([
    expect.objectContaining({
      outcome: 'error',
      outputTail: expect.stringMatching(
        /security\.json: findings\[1\]\.check\.id: expected .*"guard:skip-markers"/,
      ),
    }),
  ]);
  expect(row('security:sound')).toEqual([expect.objectContaining({ outcome: 'pass' })]);
  expect(row('guard:skip-markers')).toEqual([expect.objectContaining({ outcome: 'pass' })]);
  expect(report.summary).toBe('fail: security:security.json (error), security:slow-glob (error)');
});
