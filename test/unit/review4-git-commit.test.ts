/**
 * Completion's commits and pushes in repositories set up in ways Guardian does not control: signature
 * settings, and a shallow clone.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  commitObject,
  commitTree,
  findCommitWithTrailer,
  pushBranch,
  trailerValues,
} from '../../src/git/commit.js';
import { readBlobs } from '../../src/git/git.js';
import { applyPatchToTree } from '../../src/git/patch.js';
import { gitIn, makeRepo, type TempRepo } from '../support/repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function repo(): TempRepo {
  const r = makeRepo(undefined, { files: { 'a.txt': 'one\n' } });
  repos.push(r);
  return r;
}

/** A program, set as the repository's gpg, that leaves a mark when run and reports a good signature. */
function plantGpg(r: TempRepo): string {
  const marker = join(r.root, '..', 'gpg-ran');
  const gpg = join(r.root, '..', 'gpg.sh');
  writeFileSync(
    gpg,
    `#!/bin/sh\necho "$*" >> '${marker}'\necho "gpg: Signature made today" >&2\necho "gpg: Good signature from someone" >&2\nexit 0\n`,
  );
  chmodSync(gpg, 0o755);
  r.git('config', 'gpg.program', gpg);
  return marker;
}

const NEW_FILE = Buffer.from(
  'diff --git a/new.txt b/new.txt\nnew file mode 100644\n--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1 @@\n+new\n',
);

describe('signatures', () => {
  it('log.showSignature runs no gpg program and does not garble the commit found by its trailer', () => {
    const r = repo();
    const marker = plantGpg(r);
    r.git('config', 'log.showSignature', 'true');
    // A signed commit (as a forge's merge commits are) carrying the task's trailer.
    const head = r.git('rev-parse', 'HEAD');
    const object =
      `tree ${r.git('rev-parse', 'HEAD^{tree}')}\nparent ${head}\n` +
      'author A <a@e> 1700000000 +0000\ncommitter A <a@e> 1700000000 +0000\n' +
      'gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n' +
      '\nfeat(TASK-007): signed\n\nTask-Id: TASK-007\n';
    const signed = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], {
      cwd: r.root,
      input: object,
      encoding: 'utf8',
    }).trim();
    r.git('update-ref', 'refs/heads/main', signed);

    expect(findCommitWithTrailer(r.root, 'HEAD', 'Task-Id', 'TASK-007')).toBe(signed);
    expect(trailerValues(r.root, signed, 'Task-Id')).toEqual(['TASK-007']);
    expect(existsSync(marker)).toBe(false);
  });

  it('commit.gpgsign in the repository: the commit is made unsigned, and no gpg program runs', () => {
    const r = repo();
    const marker = plantGpg(r);
    r.git('config', 'commit.gpgsign', 'true');
    const base = r.git('rev-parse', 'HEAD');
    const tree = applyPatchToTree(r.root, base, NEW_FILE);
    const c = commitTree(r.root, tree, base, 'feat: x\n', { name: 'G', email: 'g@example.com' });
    expect(commitObject(r.root, c)).toEqual({ tree, parents: [base] });
    expect(r.git('cat-file', 'commit', c)).not.toContain('gpgsig');
    expect(readBlobs(r.root, [`${c}:new.txt`])[0]?.toString()).toBe('new\n');
    expect(existsSync(marker)).toBe(false);
  });
});

describe('a shallow clone', () => {
  it('a remote branch at an older commit is refused as undecidable here, not as work Guardian did not make', () => {
    const r = repo();
    r.write('b.txt', 'two\n');
    r.git('add', 'b.txt');
    r.git('commit', '-q', '-m', 'second');
    r.git('push', '-q', 'origin', 'main');
    // The task branch was pushed earlier, from the first commit: the new commit would fast-forward it.
    r.git('push', '-q', 'origin', 'main~1:refs/heads/guardian/TASK-001');
    const clone = join(r.root, '..', 'shallow');
    gitIn(join(r.root, '..'), ['clone', '-q', '--depth', '1', `file://${r.remote}`, clone]);
    const base = gitIn(clone, ['rev-parse', 'HEAD']);
    const commit = commitTree(clone, applyPatchToTree(clone, base, NEW_FILE), base, 'feat: x\n', {
      name: 'G',
      email: 'g@example.com',
    });

    expect(() => pushBranch(clone, 'origin', 'guardian/TASK-001', commit)).toThrow(
      new RegExp(
        `^refused to push: origin's branch guardian/TASK-001 is at [0-9a-f]{12}, and this clone is shallow, so git can not tell ` +
          `whether that commit is an ancestor of the new commit ${commit.slice(0, 12)} .*Nothing was pushed; .*` +
          'Fetch the whole history \\(`git fetch --unshallow`',
      ),
    );
    expect(gitIn(r.remote, ['rev-parse', 'guardian/TASK-001'])).toBe(r.git('rev-parse', 'main~1'));

    // With the whole history, the same push goes through (a fast-forward).
    gitIn(clone, ['fetch', '-q', '--unshallow']);
    expect(pushBranch(clone, 'origin', 'guardian/TASK-001', commit).pushed).toBe(true);
    expect(gitIn(r.remote, ['rev-parse', 'guardian/TASK-001'])).toBe(commit);
  });
});

describe('the fetch of a remote branch that holds other work', () => {
  it('does not go into submodules, nor run a program their settings name', () => {
    const r = repo();
    const base = join(r.root, '..');
    const allow = ['-c', 'protocol.file.allow=always'];
    // A submodule with its own remote, checked out in the repository.
    gitIn(base, ['init', '-q', '--bare', '-b', 'main', 'sub.git']);
    const subWork = join(base, 'sub-work');
    gitIn(base, ['init', '-q', '-b', 'main', subWork]);
    gitIn(subWork, ['remote', 'add', 'origin', join(base, 'sub.git')]);
    writeFileSync(join(subWork, 's.txt'), 's\n');
    gitIn(subWork, ['add', 's.txt']);
    gitIn(subWork, ['commit', '-q', '-m', 's']);
    gitIn(subWork, ['push', '-q', 'origin', 'HEAD:main']);
    r.git(...allow, 'submodule', '-q', 'add', join(base, 'sub.git'), 'sub');
    r.git('commit', '-q', '-m', 'submodule');
    r.git('push', '-q', 'origin', 'main');
    // Someone else's work on the task branch moves the submodule to a commit this clone lacks.
    writeFileSync(join(subWork, 's.txt'), 's2\n');
    gitIn(subWork, ['commit', '-q', '-am', 's2']);
    gitIn(subWork, ['push', '-q', 'origin', 'HEAD:main']);
    gitIn(base, ['clone', '-q', r.remote, 'other']);
    const other = join(base, 'other');
    gitIn(other, ['update-index', '--cacheinfo', `160000,${gitIn(subWork, ['rev-parse', 'HEAD'])},sub`]);
    gitIn(other, ['commit', '-q', '-m', 'bump']);
    gitIn(other, ['push', '-q', 'origin', 'HEAD:refs/heads/guardian/TASK-001']);
    // The submodule's settings name a program for its fetches.
    const marker = join(base, 'upload-pack-ran');
    const program = join(base, 'upload-pack.sh');
    writeFileSync(program, `#!/bin/sh\necho ran >> '${marker}'\nexec git-upload-pack "$@"\n`);
    chmodSync(program, 0o755);
    gitIn(join(r.root, 'sub'), ['config', 'remote.origin.uploadpack', program]);

    const head = r.git('rev-parse', 'HEAD');
    const commit = commitTree(r.root, applyPatchToTree(r.root, head, NEW_FILE), head, 'feat: x\n', {
      name: 'G',
      email: 'g@example.com',
    });
    expect(() => pushBranch(r.root, 'origin', 'guardian/TASK-001', commit)).toThrow(
      /^refused to push: origin's branch guardian\/TASK-001 is at [0-9a-f]{12}, which is not an ancestor/,
    );
    expect(existsSync(marker)).toBe(false);
  });
});
