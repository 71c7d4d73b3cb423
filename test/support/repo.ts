/**
 * Real git repositories for tests: a temporary copy of an example (or an empty repo), committed, with a
 * bare repository on disk as its `origin`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXAMPLES = join(PROJECT_ROOT, 'examples');

export interface TempRepo {
  root: string;
  remote: string;
  /** Runs git in the work tree and returns trimmed stdout. */
  git(...args: string[]): string;
  write(rel: string, content: string): void;
  cleanup(): void;
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function gitIn(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' }).trim();
}

/**
 * Copies `examples/<name>` (or starts empty when name is undefined) into a temp dir, makes it a git repo
 * with one commit on `main`, and adds a bare repo as `origin` (pushed). `node_modules` of an example is
 * a symlink to the project's own, which has the same tools.
 */
export function makeRepo(name?: string, opts: { files?: Record<string, string> } = {}): TempRepo {
  const base = mkdtempSync(join(tmpdir(), 'guardian-test-'));
  const root = join(base, 'work');
  const remote = join(base, 'remote.git');
  if (name) {
    const src = join(EXAMPLES, name);
    if (!existsSync(src)) throw new Error(`no example ${name}`);
    cpSync(src, root, {
      recursive: true,
      filter: (s) => !/[\\/](node_modules|\.guardian|__pycache__|\.mypy_cache|\.pytest_cache)$/.test(s),
    });
  } else {
    mkdirSync(root, { recursive: true });
  }
  for (const [rel, content] of Object.entries(opts.files ?? {})) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  if (name && existsSync(join(root, 'package.json'))) {
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  }
  gitIn(base, ['init', '-q', '--bare', '-b', 'main', remote]);
  gitIn(root, ['init', '-q', '-b', 'main']);
  gitIn(root, ['config', 'user.name', 'Test Author']);
  gitIn(root, ['config', 'user.email', 'author@example.com']);
  gitIn(root, ['config', 'commit.gpgsign', 'false']);
  gitIn(root, ['add', '-A']);
  gitIn(root, ['commit', '-q', '--allow-empty', '-m', 'initial']);
  gitIn(root, ['remote', 'add', 'origin', remote]);
  gitIn(root, ['push', '-q', 'origin', 'main']);
  return {
    root,
    remote,
    git: (...args) => gitIn(root, args),
    write: (rel, content) => {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), content);
    },
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
}

/** PATH with Debian's /usr/bin first, so `python3`/`pytest` can import Debian's packages (not pyenv's). */
export function debianFirstPath(): string {
  return ['/usr/bin', '/bin', ...(process.env.PATH ?? '').split(':')].join(':');
}
