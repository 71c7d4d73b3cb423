/**
 * pip requirements files that include others (`-r base.txt`): the included files' requirements are
 * read like the top file's, within the repository only, each once; an include that cannot be read is
 * a note, never an error.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest, requirementIncludes } from '../../src/knowledge/detect.js';
import { runCli } from '../support/cli.js';
import { EXAMPLES, makeRepo } from '../support/repo.js';

describe('requirementIncludes', () => {
  it('resolves -r and --requirement from the including file, and marks what leaves the repository', () => {
    const text = [
      '-r base.txt',
      '--requirement=../common.txt  # shared',
      '--requirement  "dev tools.txt"',
      '-rlint.txt',
      '-c constraints.txt',
      '-r ../../outside.txt',
      '-r /etc/passwd',
      '-r https://example.com/req.txt',
      '# -r commented.txt',
      'flask>=2',
    ].join('\n');
    expect(requirementIncludes('requirements/prod.txt', text)).toEqual([
      { line: 1, target: 'base.txt', outside: false, resolved: 'requirements/base.txt' },
      { line: 2, target: '../common.txt', outside: false, resolved: 'common.txt' },
      { line: 3, target: 'dev tools.txt', outside: false, resolved: 'requirements/dev tools.txt' },
      { line: 4, target: 'lint.txt', outside: false, resolved: 'requirements/lint.txt' },
      { line: 6, target: '../../outside.txt', outside: true },
      { line: 7, target: '/etc/passwd', outside: true },
      { line: 8, target: 'https://example.com/req.txt', outside: true },
    ]);
  });

  it('an included file is read as requirements whatever its name', () => {
    expect(parseManifest('deps/common.txt', 'requests==2.31.0\n', 'requirements')).toEqual([
      { ecosystem: 'python', name: 'requests', spec: 'requests==2.31.0', file: 'deps/common.txt' },
    ]);
    expect(parseManifest('deps/common.txt', 'requests==2.31.0\n')).toEqual([]);
    expect(parseManifest('requirements/base.txt', 'requests==2.31.0\n')).toHaveLength(1);
  });
});

describe('guardian bundle with requirements files that include others', () => {
  it('names the requirement where an included file declares it, and notes what it could not read', async () => {
    const pyproject = readFileSync(join(EXAMPLES, 'python-flask-users/pyproject.toml'), 'utf8').replace(
      /^dependencies = .*$/m,
      'dependencies = []',
    );
    const repo = makeRepo('python-flask-users', {
      files: {
        'pyproject.toml': pyproject,
        'requirements.txt': '-r requirements/prod.txt\n-r ../secrets/outside.txt\n',
        'requirements/prod.txt': '-r base.txt\n-r ../requirements.txt\n-r missing.txt\nFlask>=2.2,<3\n',
        'requirements/base.txt': 'SQLAlchemy==1.4.46  # the pinned ORM\n',
      },
    });
    try {
      const r = await runCli(['bundle', 'TASK-042', '--root', repo.root]);
      expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
      expect(r.code).toBe(0);
      const dir = join(repo.root, '.guardian/bundles/TASK-042');
      const ctx = readFileSync(join(dir, 'task_context.md'), 'utf8');
      expect(ctx).toMatch(/declared in requirements\/base\.txt: `SQLAlchemy==1\.4\.46`/);
      const notes = ctx.slice(ctx.lastIndexOf('## Notes'));
      expect(notes).toContain('`requirements.txt:2` includes a requirements file outside the repository');
      expect(notes).toContain(
        '`requirements/prod.txt:3` includes `requirements/missing.txt`, which is not in the repository',
      );
    } finally {
      repo.cleanup();
    }
  });
});
