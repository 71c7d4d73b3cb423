/** A check may not leave anything running in its worktree, however it hides from the per-command sweep. */
import { afterEach, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidationReport } from '../../src/stations/validator/types.js';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { readJson, smallRepoFiles } from './helpers.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

const alive = (pid: number) => {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').match(/\) [ZX] /);
  } catch {
    return false;
  }
};

it('a daemon that left its group and cleared its environment is killed, and the verdict fails', async () => {
  const r = makeRepo(undefined, { files: smallRepoFiles() });
  repos.push(r);
  const pidFile = join(r.root, '.guardian', 'daemon.pid');
  r.write('src/value.txt', '2\n');
  r.write(
    'tests/check.sh',
    `grep -qx 2 src/value.txt || exit 1\nsetsid env -i sh -c 'echo $$ > ${pidFile}; exec sleep 300' </dev/null >/dev/null 2>&1 &\nsleep 0.3\n`,
  );
  const v = await runCli(['validate', 'TASK-001', '--root', r.root, '--clean']);
  expect(v.code).toBe(1);
  const rep = readJson<ValidationReport>(join(r.root, '.guardian/bundles/TASK-001/validation.json'));
  const guard = rep.checks.find((c) => c.name === 'guard:processes');
  expect(guard?.outcome).toBe('fail');
  expect(guard?.outputTail).toMatch(/^1 process\(es\) the checks started were still running/);
  const pid = Number(readFileSync(pidFile, 'utf8'));
  await new Promise((res) => setTimeout(res, 200));
  expect(alive(pid)).toBe(false);
});
