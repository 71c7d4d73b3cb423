/** The Bundler asks a virtualenv's interpreter for its sys.path, but never one the repository commits. */
import { afterAll, describe, expect, it } from '@jest/globals';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { defaultInterpreters } from '../../src/knowledge/index.js';
import { makeRepo, type TempRepo } from '../support/repo.js';

const repos: TempRepo[] = [];
afterAll(() => {
  for (const r of repos) r.cleanup();
});

const FAKE_PYTHON = '#!/bin/sh\nexit 0\n';

describe('defaultInterpreters', () => {
  it('skips a committed .venv interpreter (repository code) and keeps a local, git-ignored one', () => {
    const committed = makeRepo(undefined, { files: { '.venv/bin/python': FAKE_PYTHON, 'a.py': 'x = 1\n' } });
    repos.push(committed);
    chmodSync(join(committed.root, '.venv/bin/python'), 0o755);
    expect(committed.git('ls-files', '.venv/bin/python')).toBe('.venv/bin/python');
    expect(defaultInterpreters(committed.root)).toEqual(['python3', '/usr/bin/python3']);

    const local = makeRepo(undefined, { files: { '.gitignore': '.venv/\n', 'a.py': 'x = 1\n' } });
    repos.push(local);
    local.write('.venv/bin/python', FAKE_PYTHON);
    expect(defaultInterpreters(local.root)).toEqual([
      join(local.root, '.venv/bin/python'),
      'python3',
      '/usr/bin/python3',
    ]);
  });
});
