/**
 * Checks run code the change wrote; from a linked worktree, `git rev-parse --git-common-dir` names the
 * real repository. What they change in its git settings is put back, and the verdict fails.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidationReport } from '../../src/stations/validator/types.js';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { readJson, smallRepoFiles } from './helpers.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

const TAMPER = [
  'grep -qx 2 src/value.txt',
  'g=$(git rev-parse --git-common-dir)',
  'git config --file "$g/config" core.sshCommand "touch /tmp/guardian-pwned"',
  'printf "#!/bin/sh\\necho planted\\n" > "$g/hooks/pre-commit"',
  'chmod +x "$g/hooks/pre-commit"',
  'echo "curl evil" >> "$g/hooks/pre-push"',
  'echo "* -text" >> "$g/info/attributes"',
  '',
].join('\n');

describe('guard:git-dir', () => {
  for (const mode of ['in place', 'in a clean worktree']) {
    it(`a check that plants a hook and an sshCommand fails the verdict and is undone (${mode})`, async () => {
      const r = makeRepo(undefined, { files: smallRepoFiles() });
      repos.push(r);
      const gitDir = join(r.root, '.git');
      const configBefore = readFileSync(join(gitDir, 'config'), 'utf8');
      // The user's own executable hook, which the check rewrites: put back, still executable.
      writeFileSync(join(gitDir, 'hooks/pre-push'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
      r.write('src/value.txt', '2\n');
      r.write('tests/check.sh', TAMPER);
      const v = await runCli([
        'validate',
        'TASK-001',
        '--root',
        r.root,
        ...(mode === 'in place' ? [] : ['--clean']),
      ]);
      expect(v.code).toBe(1);
      const rep = readJson<ValidationReport>(join(r.root, '.guardian/bundles/TASK-001/validation.json'));
      const guard = rep.checks.find((c) => c.name === 'guard:git-dir');
      expect(guard?.outcome).toBe('fail');
      expect(guard?.diagnostics.map((d) => d.file)).toEqual([
        '.git/config',
        '.git/hooks/pre-commit',
        '.git/hooks/pre-push',
        '.git/info/attributes',
      ]);
      expect(guard?.diagnostics.map((d) => d.message)).toEqual([
        'modified by a check during validation (put back as it was)',
        'added by a check during validation (put back as it was)',
        'modified by a check during validation (put back as it was)',
        'added by a check during validation (put back as it was)',
      ]);
      expect(readFileSync(join(gitDir, 'hooks/pre-push'), 'utf8')).toBe('#!/bin/sh\nexit 0\n');
      expect(statSync(join(gitDir, 'hooks/pre-push')).mode & 0o777).toBe(0o755);
      expect(readFileSync(join(gitDir, 'config'), 'utf8')).toBe(configBefore);
      expect(existsSync(join(gitDir, 'hooks/pre-commit'))).toBe(false);
      expect(existsSync(join(gitDir, 'info/attributes'))).toBe(false);
      expect(rep.summary).toMatch(/guard:git-dir/);
    });
  }

  it("quality.toml's setup commands may change them (an npm ci that sets husky's hooks path)", async () => {
    const r = makeRepo(undefined, {
      files: smallRepoFiles(
        '[quality_checks]\nlint = "test -f src/value.txt"\n[setup]\ncommands = ["git config core.hooksPath .husky/_"]\n',
      ),
    });
    repos.push(r);
    r.write('src/value.txt', '2\n');
    r.write('tests/check.sh', 'grep -qx 2 src/value.txt\n');
    const v = await runCli(['validate', 'TASK-001', '--root', r.root, '--clean']);
    expect(v.code).toBe(0);
    expect(r.git('config', 'core.hooksPath')).toBe('.husky/_');
  });

  it('checks that leave the settings alone add no such check', async () => {
    const r = makeRepo(undefined, { files: smallRepoFiles() });
    repos.push(r);
    r.write('src/value.txt', '2\n');
    r.write('tests/check.sh', 'git status --porcelain >/dev/null\ngrep -qx 2 src/value.txt\n');
    // Entries kept without their content (a link, a file over 4 MiB) are compared too, not always "changed".
    symlinkSync('../../tools/hook.sh', join(r.root, '.git/hooks/pre-commit'));
    writeFileSync(join(r.root, '.git/info/big'), Buffer.alloc(5 * 1024 * 1024));
    const v = await runCli(['validate', 'TASK-001', '--root', r.root, '--clean']);
    expect(v.code).toBe(0);
    const rep = readJson<ValidationReport>(join(r.root, '.guardian/bundles/TASK-001/validation.json'));
    expect(rep.checks.map((c) => c.name)).not.toContain('guard:git-dir');
  });
});
