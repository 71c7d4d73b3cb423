/**
 * The one door to git: every git call in Guardian goes through `execGit`. Arguments are passed as an
 * array (never through a shell), so nothing from a blueprint or a model can be interpreted by a shell.
 */
import { spawnSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { GuardianError } from '../errors.js';
import { scrubEnv } from '../exec/env.js';
import { COMMAND_MARK_VAR, killMarked } from '../exec/index.js';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The signal that ended git (a Ctrl-C at the terminal reaches it too), when one did. */
  signal?: NodeJS.Signals;
}

export interface GitOptions {
  cwd: string;
  input?: string | Buffer;
  /** Return non-zero exits instead of throwing. */
  allowFailure?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Return stdout as a Buffer (binary-safe). */
  binary?: boolean;
  /** How long the call may take (default: `gitTimeoutMs()`). */
  timeoutMs?: number;
}

/** The variable that sets how long one git call may take, in seconds. */
export const GIT_TIMEOUT_VAR = 'GUARDIAN_GIT_TIMEOUT_SECONDS';
const DEFAULT_GIT_TIMEOUT_S = 600;

/**
 * How long one git call may take: `GUARDIAN_GIT_TIMEOUT_SECONDS`, else 10 minutes. A remote that
 * accepts the connection and never answers, a lock held by a hung process or a credential helper that
 * waits would otherwise stop Guardian for good (on Actions, until the job's own limit).
 */
export function gitTimeoutMs(): number {
  const raw = process.env[GIT_TIMEOUT_VAR];
  if (raw === undefined || raw.trim() === '') return DEFAULT_GIT_TIMEOUT_S * 1000;
  const s = Number(raw.trim());
  if (!Number.isFinite(s) || s <= 0 || s > 86_400)
    throw new GuardianError(
      `${GIT_TIMEOUT_VAR} must be a number of seconds between 0 and 86400 (how long one git call may take), got '${raw.slice(0, 40)}'`,
    );
  return Math.round(s * 1000);
}

/** A git call that did not finish in time; it and everything it started were killed. */
export class GitTimeoutError extends GuardianError {
  constructor(
    readonly subcommand: string,
    readonly timeoutMs: number,
  ) {
    super(
      `git ${subcommand} did not finish within ${formatSeconds(timeoutMs)} and was stopped ` +
        `(${GIT_TIMEOUT_VAR} sets how long one git call may take)`,
    );
    this.name = 'GitTimeoutError';
  }
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** The git subcommand of an argument list (after any `-c name=value` pairs). */
function subcommandOf(args: string[]): string {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-c' || args[i] === '-C') i++;
    else if (!args[i]!.startsWith('-')) return args[i]!;
  }
  return args[0] ?? '';
}

/**
 * Each call carries a mark of its own in its environment: on a timeout, git is killed and so is
 * everything it started that is still running (a remote helper blocked on a silent socket, a hook, an
 * ssh) — git's children outlive it otherwise, and spawnSync cannot start git in a process group.
 */
function newMark(): string {
  return `git-${process.pid}-${randomBytes(8).toString('hex')}`;
}

const BASE_ENV = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_CONFIG_NOSYSTEM: '1',
  // A `refs/replace/*` ref (which code under test can write) would make git show one object in place
  // of another: Guardian compares and commits objects as they are.
  GIT_NO_REPLACE_OBJECTS: '1',
  LC_ALL: 'C',
};

/**
 * git runs with the same scrubbed environment as any user command (no model key, no tokens): a
 * repository's own config can make git run programs (fsmonitor, hooks, filters), and the repository
 * may hold code a model wrote. Push credentials come from the checkout's git config, not from env.
 */
function gitEnv(mark: string, extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = scrubEnv(process.env);
  for (const name of REPOSITORY_VARS) delete env[name];
  // It sets the context lines of every patch git makes, over `-U` given on the command line: a patch
  // made with `--unified=0` would not apply (nor have the bytes, and so the sha256, that was judged).
  delete env.GIT_DIFF_OPTS;
  return { ...env, ...BASE_ENV, ...extra, [COMMAND_MARK_VAR]: mark };
}

/**
 * Variables that point git at one repository, index, object store or ref namespace (`git rev-parse
 * --local-env-vars`, but for the user's `-c` settings, and `GIT_NAMESPACE`). git sets some of them for
 * the commands it runs: a hook started by `git commit` gets `GIT_INDEX_FILE=.git/index`, an alias run
 * as `git --git-dir=/repo/.git x` gets `GIT_DIR`. Guardian names each repository by its working
 * directory (a temporary worktree, an index of its own), and an inherited one would send its calls to
 * another index or repository: the user's index replaced by the judged tree.
 */
const REPOSITORY_VARS = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_IMPLICIT_WORK_TREE',
  'GIT_COMMON_DIR',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_GRAFT_FILE',
  'GIT_REPLACE_REF_BASE',
  'GIT_SHALLOW_FILE',
  'GIT_PREFIX',
  'GIT_INTERNAL_SUPER_PREFIX',
  'GIT_CONFIG',
  'GIT_NAMESPACE',
];

/** Config that must not run repository-controlled programs, whatever .git/config says. */
const SAFE_CONFIG = [
  '-c',
  'core.fsmonitor=false',
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'protocol.ext.allow=never',
];

function safeArgs(args: string[]): string[] {
  return [...SAFE_CONFIG, ...args];
}

export function execGit(args: string[], opts: GitOptions): GitResult {
  const r = execGitBuffer(args, opts);
  return {
    code: r.code,
    stdout: r.stdout.toString('utf8'),
    stderr: r.stderr,
    ...(r.signal ? { signal: r.signal } : {}),
  };
}

/** Binary-safe variant: stdout as a Buffer. */
export function execGitBuffer(
  args: string[],
  opts: GitOptions,
): { code: number; stdout: Buffer; stderr: string; signal?: NodeJS.Signals } {
  const timeoutMs = opts.timeoutMs ?? gitTimeoutMs();
  const mark = newMark();
  const r = spawnSync('git', safeArgs(args), {
    cwd: opts.cwd,
    input: opts.input,
    env: gitEnv(mark, opts.env),
    maxBuffer: 512 * 1024 * 1024,
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  if (r.error) {
    if ((r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
      killMarked(mark);
      throw new GitTimeoutError(subcommandOf(args), timeoutMs);
    }
    throw new GuardianError(`git ${subcommandOf(args)}: ${r.error.message}`);
  }
  const code = r.status ?? 1;
  const stderr = r.stderr.toString('utf8');
  if (code !== 0 && !opts.allowFailure) {
    const detail = stderr.trim() || r.stdout.toString('utf8').trim().slice(0, 2000);
    const how = r.signal ? `stopped by ${r.signal}` : `exit ${code}`;
    throw new GuardianError(`git ${args.join(' ')} failed (${how}): ${detail}`);
  }
  return { code, stdout: r.stdout, stderr, ...(r.signal ? { signal: r.signal } : {}) };
}

/**
 * Async variant for long-running calls (log over a whole history) so the event loop stays free. With
 * `stdoutToFile`, git writes its output to a temporary file instead of a pipe, so it never waits while
 * this process is busy with synchronous work (a pipe fills at 64 KiB and would stall a long log until
 * the event loop drains it); the output is read back and the file removed.
 */
export async function execGitAsync(
  args: string[],
  opts: GitOptions & {
    stdoutToFile?: boolean;
    /**
     * With `stdoutToFile`: the output is handed over in pieces (UTF-8 decoded) as it is read back, and
     * `stdout` is left empty — for output too large to hold as one string.
     */
    onStdout?: (text: string) => void;
  },
): Promise<GitResult> {
  const timeoutMs = opts.timeoutMs ?? gitTimeoutMs();
  const dir = opts.stdoutToFile ? mkdtempSync(join(tmpdir(), 'guardian-git-')) : undefined;
  const fd = dir ? openSync(join(dir, 'out'), 'w', 0o600) : undefined;
  const mark = newMark();
  let timer: NodeJS.Timeout | undefined;
  try {
    const res = await new Promise<GitResult>((resolve, reject) => {
      const child = spawn('git', safeArgs(args), {
        cwd: opts.cwd,
        env: gitEnv(mark, opts.env),
        stdio: ['pipe', fd ?? 'pipe', 'pipe'],
      });
      let timedOut = false;
      timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
        killMarked(mark);
      }, timeoutMs);
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout?.on('data', (d: Buffer) => out.push(d));
      child.stderr?.on('data', (d: Buffer) => err.push(d));
      child.on('error', (e) => reject(new GuardianError(`git ${subcommandOf(args)}: ${e.message}`)));
      child.on('close', (code) => {
        clearTimeout(timer);
        if (timedOut) {
          // A child that held git's pipes open may have started since the first sweep.
          killMarked(mark);
          reject(new GitTimeoutError(subcommandOf(args), timeoutMs));
          return;
        }
        try {
          let stdout = '';
          if (dir && opts.onStdout) readInPieces(join(dir, 'out'), opts.onStdout);
          else stdout = dir ? readFileSync(join(dir, 'out'), 'utf8') : Buffer.concat(out).toString('utf8');
          resolve({ code: code ?? 1, stdout, stderr: Buffer.concat(err).toString('utf8') });
        } catch (e) {
          reject(new GuardianError(`git ${subcommandOf(args)}: ${(e as Error).message}`));
        }
      });
      child.stdin?.end(opts.input);
    });
    if (res.code !== 0 && !opts.allowFailure) {
      throw new GuardianError(`git ${args.join(' ')} failed (exit ${res.code}): ${res.stderr.trim()}`);
    }
    return res;
  } finally {
    clearTimeout(timer);
    if (fd !== undefined) closeSync(fd);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads a file 8 MiB at a time, decoding UTF-8 across the pieces' boundaries. */
function readInPieces(path: string, sink: (text: string) => void): void {
  const fd = openSync(path, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const buf = Buffer.alloc(8 << 20);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) break;
      sink(decoder.write(buf.subarray(0, n)));
    }
    const rest = decoder.end();
    if (rest) sink(rest);
  } finally {
    closeSync(fd);
  }
}

/**
 * The contents of many blobs from one `git cat-file --batch`, in the order asked; undefined for an
 * object that is missing or not a blob (and for all of them when git fails).
 */
export function readBlobs(cwd: string, oids: string[]): (Buffer | undefined)[] {
  const out: (Buffer | undefined)[] = oids.map(() => undefined);
  if (oids.length === 0) return out;
  const r = execGitBuffer(['cat-file', '--batch'], {
    cwd,
    input: oids.join('\n') + '\n',
    allowFailure: true,
  });
  if (r.code !== 0) return out;
  let pos = 0;
  for (let i = 0; i < oids.length; i++) {
    const nl = r.stdout.indexOf(0x0a, pos);
    if (nl < 0) break;
    const header = r.stdout.subarray(pos, nl).toString('utf8').split(' ');
    pos = nl + 1;
    if (header[1] !== 'blob') continue; // "<oid> missing"
    const size = Number(header[2]);
    out[i] = r.stdout.subarray(pos, pos + size);
    pos += size + 1;
  }
  return out;
}

/**
 * Whether `cwd` is inside a git working tree. A repository git refuses to work in because another user
 * owns it (`safe.directory`) is one, but not usable: that is an error saying so, not "not a repository".
 */
export function isGitRepo(cwd: string): boolean {
  const r = insideWorkTree(cwd);
  if (r.code !== 0) refuseDubiousOwnership(r.stderr);
  return r.code === 0 && r.stdout.trim() === 'true';
}

/**
 * Whether `cwd` is a git directory without a work tree: a bare repository, or a folder inside `.git`
 * (git answers `false` there, with status 0).
 */
export function isGitDirWithoutWorkTree(cwd: string): boolean {
  const r = insideWorkTree(cwd);
  return r.code === 0 && r.stdout.trim() === 'false';
}

function insideWorkTree(cwd: string): GitResult {
  return execGit(['rev-parse', '--is-inside-work-tree'], { cwd, allowFailure: true });
}

/** git's refusal of a repository another user owns, as one error with git's own remedy. */
function refuseDubiousOwnership(stderr: string): void {
  const m = /detected dubious ownership in repository at '(.+)'/.exec(stderr);
  if (!m) return;
  throw new GuardianError(
    `git refuses to work in ${m[1]}: the repository is owned by another user than the one running Guardian. ` +
      `If you trust it, run \`git config --global --add safe.directory ${m[1]}\` (or run Guardian as its owner)`,
  );
}

export function repoRoot(cwd: string): string {
  return execGit(['rev-parse', '--show-toplevel'], { cwd }).stdout.trim();
}

/** Resolve a ref to a full commit sha; a user error naming the ref when it does not exist. */
export function resolveCommit(cwd: string, ref: string): string {
  if (ref.startsWith('-')) throw new GuardianError(`invalid ref '${ref}'`);
  const r = execGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd, allowFailure: true });
  if (r.code !== 0) {
    refuseDubiousOwnership(r.stderr);
    if (ref === 'HEAD' && isGitRepo(cwd))
      throw new GuardianError(
        `${cwd}: the repository has no commits yet (HEAD does not resolve); commit first`,
      );
    throw new GuardianError(`unknown git ref '${ref}' in ${cwd}`);
  }
  return r.stdout.trim();
}

export function headCommit(cwd: string): string {
  return resolveCommit(cwd, 'HEAD');
}

/** A file's bytes at a commit, or undefined when the file does not exist there. */
export function showFile(cwd: string, commit: string, path: string): Buffer | undefined {
  // `cat-file blob`, not `show`: show reads a path that names no file as a pathspec (`*.py`, `[a].py`
  // exit 0 with nothing), prints a folder's listing, and applies textconv filters.
  const r = execGitBuffer(['cat-file', 'blob', `${commit}:${path}`], { cwd, allowFailure: true });
  return r.code === 0 ? r.stdout : undefined;
}

/** Paths (posix, repository-relative) of files in a commit, optionally under a folder. */
export function listFilesAt(cwd: string, commit: string, under?: string): string[] {
  const args = ['ls-tree', '-r', '-z', '--name-only', commit];
  if (under) args.push('--', under);
  return execGit(args, { cwd }).stdout.split('\0').filter(Boolean);
}

/** Tracked and untracked (not ignored) files of the working tree. */
export function listWorkingFiles(cwd: string): string[] {
  return execGit(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd })
    .stdout.split('\0')
    .filter(Boolean);
}

export function isCleanWorkingTree(cwd: string, ignorePaths: string[] = []): boolean {
  const out = execGit(['status', '--porcelain', '-z', '--untracked-files=all'], { cwd }).stdout;
  const entries = out
    .split('\0')
    .filter(Boolean)
    .map((e) => e.slice(3));
  return entries.filter((p) => !ignorePaths.some((ig) => p === ig || p.startsWith(ig))).length === 0;
}
