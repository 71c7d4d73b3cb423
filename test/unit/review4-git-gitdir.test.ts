/**
 * The repository's git settings watched around code under test include its submodules' git
 * directories: a program planted there would run at the user's next `git status`.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { restoreGitDir, shownGitPath, snapshotGitDir } from '../../src/git/gitdir.js';
import { gitIn, makeRepo, type TempRepo } from '../support/repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

describe('a submodule’s git directory', () => {
  it('a hook and a core.fsmonitor planted there are reported and put back', () => {
    const r = makeRepo(undefined, { files: { 'a.txt': 'one\n' } });
    repos.push(r);
    const base = join(r.root, '..');
    const sub = join(base, 'sub-work');
    gitIn(base, ['init', '-q', '-b', 'main', sub]);
    writeFileSync(join(sub, 's.txt'), 's\n');
    gitIn(sub, ['add', 's.txt']);
    gitIn(sub, ['commit', '-q', '-m', 's']);
    r.git('-c', 'protocol.file.allow=always', 'submodule', '-q', 'add', sub, 'nested/sub');
    r.git('commit', '-q', '-m', 'submodule');
    const marker = join(base, 'planted-ran');
    const before = snapshotGitDir(r.root);

    // What a test could do, from inside the submodule's checkout.
    execFileSync(
      'sh',
      [
        '-c',
        [
          'g=$(git rev-parse --absolute-git-dir)',
          `printf '#!/bin/sh\\necho ran >> "%s"\\nexit 1\\n' '${marker}' > "$g/planted"`,
          'chmod +x "$g/planted"',
          'git config core.fsmonitor "$g/planted"',
          `printf '#!/bin/sh\\necho ran >> "%s"\\n' '${marker}' > "$g/hooks/post-checkout"`,
          'chmod +x "$g/hooks/post-checkout"',
        ].join('\n'),
      ],
      { cwd: join(r.root, 'nested/sub') },
    );

    const changes = restoreGitDir(before);
    expect(changes.map((c) => [shownGitPath(r.root, before, c.path), c.change, c.restored])).toEqual([
      ['.git/modules/nested/sub/config', 'modified', true],
      ['.git/modules/nested/sub/hooks/post-checkout', 'added', true],
    ]);
    r.git('status', '--porcelain');
    expect(existsSync(marker)).toBe(false);
  });
});
