/**
 * The Coder's sandbox: every path a model names is checked here before any file is touched. A path
 * must be repository-relative, must stay inside the repository after every symlink is resolved, and
 * must not reach `.git/`, the bundle folder, secret files (for reading) or protected paths (for
 * writing). Checks run at the moment of each access, so a symlink created later (by a test the model
 * wrote, say) is caught too.
 */
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { isSecretFile } from '../../secrets/index.js';
import { DEFAULT_PROTECTED } from '../../spec/types.js';
import { hasControlChar } from '../../util/chars.js';

export type Access = 'read' | 'write' | 'list';

export type Resolved = { ok: true; abs: string; rel: string } | { ok: false; error: string };

/** Folders no tool may enter, whatever the configuration. */
const FORBIDDEN_DIRS = ['.git', '.guardian'];

/**
 * Files the model may read but never write, at any depth, whatever the configuration: `.gitattributes`
 * decides how git stores and shows every file — `-diff` turns a text file's change into an opaque binary
 * patch for reviewers, `filter=` and `diff=` name programs git runs. A task that needs it changed is
 * done by hand.
 */
const NEVER_WRITTEN = ['.gitattributes'];

export class Sandbox {
  readonly root: string;
  private readonly realRoot: string;
  private readonly isProtected: (rel: string) => boolean;
  readonly protectedPatterns: string[];
  /** Work-tree files git reads as settings (lower-cased path → the config file including it). */
  private readonly gitSettings: Map<string, string>;

  /**
   * `gitSettingsFiles`: files of the work tree that the repository's git config includes
   * (`include.path = ../.gitconfig`); they may be read, never written.
   */
  constructor(
    root: string,
    protectedPatterns: string[] = DEFAULT_PROTECTED,
    gitSettingsFiles: { path: string; via: string }[] = [],
  ) {
    this.root = root;
    this.gitSettings = new Map(gitSettingsFiles.map((f) => [f.path.toLowerCase(), f.via]));
    this.realRoot = realpathSync(root);
    this.protectedPatterns = protectedPatterns;
    // nocase: on a case-insensitive filesystem (macOS, Windows) QUALITY.TOML is quality.toml.
    const match = picomatch(protectedPatterns.length ? protectedPatterns : ['\0never'], {
      dot: true,
      nocase: true,
    });
    // A pattern like `specs/**` protects the folder itself too.
    this.isProtected = (rel) => match(rel) || match(`${rel}/`) || match(`${rel}/x`);
  }

  /** Checks a path the model gave for the access it wants; never throws. */
  resolve(input: unknown, access: Access): Resolved {
    if (typeof input !== 'string') return { ok: false, error: 'path must be a string' };
    // Echoed back in messages: a path is shown at most this long.
    const shownPath = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s);
    if (input.length > 4096)
      return { ok: false, error: `path is ${input.length} characters long (limit 4096)` };
    if (input.includes('\0')) return { ok: false, error: 'path contains a NUL byte' };
    if (hasControlChar(input))
      return { ok: false, error: `path ${JSON.stringify(shownPath(input))} contains a control character` };
    const p = input.trim();
    if (p !== input && access !== 'list')
      return { ok: false, error: `path ${JSON.stringify(shownPath(input))} starts or ends with whitespace` };
    if (p === '' || p === '.' || p === './') {
      return access === 'list'
        ? { ok: true, abs: this.realRoot, rel: '' }
        : { ok: false, error: 'path is empty' };
    }
    if (p.includes('\0')) return { ok: false, error: 'path contains a NUL byte' };
    if (/^\/proc(\/|$)/.test(p)) return { ok: false, error: `refused: ${p}: /proc is never accessible` };
    if (isAbsolute(p) || /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\') || p.startsWith('~')) {
      return {
        ok: false,
        error: `refused: ${p}: absolute paths are not allowed; use a path relative to the repository root`,
      };
    }
    const parts = p.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
    if (parts.includes('..')) return { ok: false, error: `refused: ${p}: '..' would leave the repository` };
    const rel = parts.join('/');
    const policy = this.policy(rel, access, p);
    if (policy) return { ok: false, error: policy };

    // Resolve symlinks: the deepest existing ancestor (and the target itself when it exists).
    const abs = join(this.realRoot, ...parts);
    let probe = abs;
    while (!existsSync(probe) && !isSymlink(probe)) {
      const up = dirname(probe);
      if (up === probe) break;
      probe = up;
    }
    let real: string;
    try {
      real = realpathSync(probe);
    } catch {
      // A dangling symlink: its target does not exist; refuse rather than create something unexpected.
      return { ok: false, error: `refused: ${p}: a symbolic link that points nowhere` };
    }
    const realRel = relative(this.realRoot, real);
    if (realRel.startsWith('..') || isAbsolute(realRel)) {
      return { ok: false, error: `refused: ${p}: resolves (through a symbolic link) outside the repository` };
    }
    const restRel = relative(probe, abs);
    const finalRel = [realRel, restRel].filter(Boolean).join(sep).split(sep).join('/');
    if (finalRel !== rel) {
      const again = this.policy(finalRel, access, p);
      if (again) return { ok: false, error: `${again} (through a symbolic link)` };
    }
    const target = join(this.realRoot, finalRel);
    // A hard link shares its content with another file, which may be outside the repository.
    const st = lstatSync(target, { throwIfNoEntry: false });
    if (st?.isFile() && st.nlink > 1 && access !== 'list')
      return {
        ok: false,
        error: `refused: ${p}: a hard link to another file (maybe outside the repository)`,
      };
    return { ok: true, abs: target, rel: finalRel };
  }

  private policy(rel: string, access: Access, shown: string): string | undefined {
    const first = rel.split('/')[0]!;
    const segments = rel.split('/');
    if (segments.some((s) => s.toLowerCase() === '.git')) {
      return `refused: ${shown}: .git/ is never accessible`;
    }
    if (FORBIDDEN_DIRS.includes(first.toLowerCase())) return `refused: ${shown}: ${first}/ is not accessible`;
    if (access !== 'list' && isSecretFile(rel)) {
      return `refused: ${shown}: looks like a secrets file (keys, .env, credentials); it is never read or written`;
    }
    const base = segments[segments.length - 1]!.toLowerCase();
    if (access === 'write' && NEVER_WRITTEN.includes(base)) {
      return `refused: ${shown}: ${base} decides how git stores and shows files (filters, binary diffs); the Coder never writes it`;
    }
    const via = access === 'write' ? this.gitSettings.get(rel.toLowerCase()) : undefined;
    if (via !== undefined) {
      return `refused: ${shown}: git reads it as the repository's settings (included by ${via}); the Coder never writes it`;
    }
    if (access === 'write' && this.isProtected(rel)) {
      return `refused: ${shown}: protected path (quality.toml [guard] protected: ${this.protectedPatterns.join(', ')})`;
    }
    return undefined;
  }

  /** Whether a repository-relative path may be shown in listings. */
  listable(rel: string): boolean {
    return this.policy(rel, 'read', rel) === undefined;
  }

  /** Whether writing `rel` is allowed by policy alone (no filesystem check). */
  writable(rel: string): boolean {
    return this.policy(rel, 'write', rel) === undefined;
  }
}

function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
