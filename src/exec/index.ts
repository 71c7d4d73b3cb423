/**
 * The one door to subprocesses for user-authored commands (quality checks, verification plan steps,
 * setup commands). A command runs as `bash -c COMMAND` in its own process group, so a timeout or an
 * abort kills everything it started; its combined output is kept with bounded memory (head and tail);
 * its environment is scrubbed of tokens and keys unless a name is explicitly allowed.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { HeadTailBuffer } from './output.js';
import { isHiddenFromCode, scrubCodeEnv } from './env.js';

export { scrubEnv, scrubCodeEnv, isSecretEnvName, isHiddenFromCode, isCredentialUrl } from './env.js';
export { HeadTailBuffer } from './output.js';
export { runPool, type PoolJob, type PoolOptions } from './pool.js';

export const DEFAULT_TIMEOUT_MS = 600_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;
/** How long a process group gets between SIGTERM and SIGKILL. */
export const KILL_GRACE_MS = 2000;
/** The longest delay a Node timer can wait; a longer one fires at once. */
const MAX_TIMER_MS = 2_147_483_647;

/** A time limit a timer can keep: missing or not a number is the default, beyond a timer's range its end. */
function timerMs(ms: number | undefined): number {
  if (ms === undefined || Number.isNaN(ms)) return DEFAULT_TIMEOUT_MS;
  return Math.min(Math.max(0, ms), MAX_TIMER_MS);
}

export interface RunCommandOptions {
  command: string;
  cwd: string;
  /** Default 600000 (10 minutes). */
  timeoutMs?: number;
  /** Base environment (default process.env); scrubbed before use. */
  env?: NodeJS.ProcessEnv;
  /** Names kept even though they look like secrets. */
  allowEnv?: string[];
  /** Further names to remove (quality.toml `[validator] secret_env`). */
  secretEnv?: string[];
  /** Bound on the kept output; the middle is dropped beyond it. Default 1 MiB. */
  maxOutputBytes?: number;
  signal?: AbortSignal;
  onOutput?: (chunk: string) => void;
}

export interface CommandResult {
  command: string;
  /** null when the process was killed by a signal or never started. */
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  durationMs: number;
  /** stdout and stderr interleaved in arrival order, head + tail when bounded. */
  output: string;
  truncated: boolean;
  /** Set when the command could not be started or was aborted. */
  error?: string;
  /**
   * Processes the command started that left its process group (a `setsid` daemon) and were still
   * running when it ended: killed, and the command judged an error — code under test must not leave
   * something running that could touch the verdict or the job's files afterwards.
   */
  escaped?: number;
}

/** The variable that marks every process a command starts (children inherit it, also across setsid). */
export const COMMAND_MARK_VAR = 'GUARDIAN_COMMAND_ID';

/**
 * Kills the processes (other than this one) whose environment carries `mark`, and returns how many. On
 * Linux this reads /proc/<pid>/environ, which only processes of the same user (or root) can read;
 * elsewhere it finds nothing. A process that cleared its environment is not found: this catches the
 * daemons tests forget, and makes escaping deliberate work.
 */
export function killMarked(mark: string): number {
  if (!existsSync('/proc/self/environ')) return 0;
  const needle = Buffer.from(`\0${COMMAND_MARK_VAR}=${mark}\0`);
  const first = Buffer.from(`${COMMAND_MARK_VAR}=${mark}\0`);
  return killProcesses((pid) => {
    const environ = readFileSync(`/proc/${pid}/environ`);
    return environ.includes(needle) || environ.subarray(0, first.length).equals(first);
  });
}

/**
 * The fields of /proc/PID/stat after the command name, from the state on ("pid (comm) state ppid pgrp
 * …" — comm may contain spaces and parentheses); undefined when the process is gone.
 */
function statFields(pid: number | string): string[] | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** A process's start time in clock ticks since boot (field 22 of /proc/PID/stat), if known. */
function startTicks(pid: number): string | undefined {
  return statFields(pid)?.[19];
}

let ownNamespace: string | undefined;
/** This process's PID namespace (the inode of /proc/self/ns/pid), or 0 where it can not be read. */
function pidNamespace(): string {
  if (ownNamespace === undefined) {
    try {
      ownNamespace = /\[(\d+)\]/.exec(readlinkSync('/proc/self/ns/pid'))?.[1] ?? '0';
    } catch {
      ownNamespace = '0';
    }
  }
  return ownNamespace;
}

let ownTag: string | undefined;
/**
 * Who started a command, as written into its mark: this process's PID namespace, pid and start time,
 * so that a later Guardian can tell a check left running by one that is gone (killed with SIGKILL,
 * which no exit handler sees) from one whose Guardian is still at work — a pid alone may have been
 * reused, and means another process in another PID namespace (a container, `unshare --pid`).
 */
export function ownerTag(): string {
  ownTag ??= `${pidNamespace()}-${process.pid}-${startTicks(process.pid) ?? 0}`;
  return ownTag;
}

/**
 * Whether the Guardian an owner tag (`ownerTag()`) names is still running: its pid is alive and started
 * at the same time. Undefined where that can not be known: no /proc, a Guardian of another PID
 * namespace (its pid names another process here), or what is no owner tag.
 */
export function ownerAlive(tag: string): boolean | undefined {
  const m = /^(\d+)-(\d+)-(\d+)$/.exec(tag);
  if (!m || !existsSync('/proc/self/stat')) return undefined;
  if (m[1] === '0' || m[1] !== pidNamespace()) return undefined;
  return startTicks(Number(m[2])) === m[3];
}

/**
 * Kills the processes a Guardian that is gone left running (its checks and what they started, found
 * by their mark: a Guardian killed with SIGKILL cannot stop them itself), and returns how many and
 * the pids of the Guardians they belonged to. A process whose Guardian is still running (same pid and
 * start time) is left alone; so is one whose Guardian ran in another PID namespace (a container's, whose
 * processes this one may see), one whose mark names no owner (an older Guardian's) and one that
 * cleared its environment. Linux only (it reads /proc); elsewhere it finds nothing.
 */
export function killOrphanedChecks(): { killed: number; owners: number[] } {
  const owners = new Set<number>();
  if (!existsSync('/proc/self/environ')) return { killed: 0, owners: [] };
  const prefix = `${COMMAND_MARK_VAR}=`;
  const gone = new Map<string, boolean>();
  const killed = killProcesses((pid) => {
    const environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
    let at = 0;
    if (!environ.startsWith(prefix)) {
      at = environ.indexOf(`\0${prefix}`) + 1;
      if (at === 0) return false;
    }
    const end = environ.indexOf('\0', at);
    const value = environ.slice(at + prefix.length, end < 0 ? undefined : end);
    const m = /^(\d+)-(\d+)-(\d+)-[0-9a-f]{16}$/.exec(value);
    if (!m) return false;
    const owner = `${m[1]}-${m[2]}-${m[3]}`;
    if (owner === ownerTag()) return false;
    // Only a Guardian known to be gone: one of another PID namespace is not judged from here.
    if (!gone.has(owner)) gone.set(owner, ownerAlive(owner) === false);
    if (!gone.get(owner)) return false;
    owners.add(Number(m[2]));
    return true;
  });
  return { killed, owners: [...owners].sort((a, b) => a - b) };
}

/**
 * SIGKILLs every process (other than this one) that `matches` (a throw counts as no: a process that is
 * gone, or another user's whose /proc entries cannot be read), and returns how many.
 */
function killProcesses(matches: (pid: string) => boolean): number {
  let killed = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (!matches(name)) continue;
      process.kill(Number(name), 'SIGKILL');
      killed++;
    } catch {
      // gone already, or not ours to read
    }
  }
  return killed;
}

/**
 * The values a command's output may not show: those of the variables scrubbed from its environment as
 * secrets (secret names, credential URLs), and of this process's own (a check can read its parent's initial environment through
 * /proc, and print it). Values under 8 characters are left alone: they would redact ordinary words.
 */
export function hiddenValues(opts: Pick<RunCommandOptions, 'env' | 'allowEnv' | 'secretEnv'>): string[] {
  // Allowed names are matched exactly, as `scrubCodeEnv` keeps them: `openai_api_key` is not `OPENAI_API_KEY`.
  const allow = new Set(opts.allowEnv ?? []);
  const values = new Set<string>();
  for (const env of [opts.env ?? process.env, process.env])
    for (const [k, v] of Object.entries(env))
      if (v && v.trim().length >= 8 && !allow.has(k) && isHiddenFromCode(k, v, opts.secretEnv)) values.add(v);
  return [...values].sort((a, b) => b.length - a.length);
}

export function redactValues(text: string, values: string[]): string {
  for (const v of values) if (text.includes(v)) text = text.split(v).join('***');
  return text;
}

/**
 * Streams output through `redactValues`. What could be the start of a value still to arrive (the last
 * longest-value-minus-one characters) is held back until more output comes or the command ends. The
 * kept output is fed from here too: redacted before the head/tail cut, which would otherwise split a
 * value printed across it into a start kept in the head and an end kept in the tail.
 */
class RedactingStream {
  private pending: Buffer = Buffer.alloc(0);
  private readonly keep: number;
  private readonly values: Buffer[];
  constructor(
    values: string[],
    private readonly sink: (chunk: Buffer) => void,
  ) {
    // Matched as bytes: fast on any output (even one that is not UTF-8), and the same matches as in text.
    this.values = values.map((v) => Buffer.from(v, 'utf8'));
    this.keep = Math.max(0, ...this.values.map((v) => v.length - 1));
  }
  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    if (this.values.length === 0) return this.sink(chunk);
    const data = redactBytes(this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk, this.values);
    const cut = data.length - this.keep;
    this.pending = cut > 0 ? Buffer.from(data.subarray(cut)) : data;
    if (cut > 0) this.sink(data.subarray(0, cut));
  }
  flush(): void {
    if (this.pending.length) this.sink(this.pending);
    this.pending = Buffer.alloc(0);
  }
}

const REDACTED = Buffer.from('***');

/** `redactValues` over bytes (`values` longest first). */
function redactBytes(data: Buffer, values: Buffer[]): Buffer {
  for (const v of values) {
    let i = data.indexOf(v);
    if (i < 0) continue;
    const parts: Buffer[] = [];
    let from = 0;
    for (; i >= 0; i = data.indexOf(v, from)) {
      parts.push(data.subarray(from, i), REDACTED);
      from = i + v.length;
    }
    parts.push(data.subarray(from));
    data = Buffer.concat(parts);
  }
  return data;
}

/**
 * Kills the processes (of this user, other than this one) whose working directory is inside one of
 * `dirs`, and returns how many. For temporary worktrees once every command run in them has ended:
 * what still works there was left behind, even a process that left its group and cleared its
 * environment (which `killMarked` cannot recognise). On Linux only.
 */
export function killWorkingIn(dirs: string[]): number {
  if (dirs.length === 0 || !existsSync('/proc/self/cwd')) return 0;
  return killProcesses((pid) => {
    const cwd = readlinkSync(`/proc/${pid}/cwd`);
    return dirs.some((d) => cwd === d || cwd.startsWith(`${d}/`));
  });
}

function killGroup(pid: number | undefined, sig: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, sig);
  } catch {
    // The group is already gone.
  }
}

/**
 * True while a live (not zombie) process of the group `pgid` exists. On Linux this reads /proc, since
 * an orphan killed with its group stays a zombie until init reaps it, and `kill(-pgid, 0)` counts it.
 */
export function processGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  if (!existsSync('/proc/self/stat')) return true;
  // The group's leader, when it is still alive and still in its group, answers without a walk of
  // every process (about 2 ms per hundred processes, polled every 10 ms while a killed group ends).
  const leader = procStat(pgid);
  if (leader && leader[2] === pgid) return true;
  for (const [, [, pgrp]] of processTable()) if (pgrp === pgid) return true;
  return false;
}

/** [state, parent pid, process group] of a live (not zombie) process, from /proc/PID/stat. */
function procStat(pid: number | string): [state: string, ppid: number, pgrp: number] | undefined {
  const fields = statFields(pid);
  if (!fields || fields[0] === 'Z' || fields[0] === 'X') return undefined;
  return [fields[0]!, Number(fields[1]), Number(fields[2])];
}

/** pid → [parent pid, process group] of every live process, from /proc (empty where there is none). */
export function processTable(): Map<number, [ppid: number, pgrp: number]> {
  const out = new Map<number, [number, number]>();
  if (!existsSync('/proc/self/stat')) return out;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const st = procStat(name); // undefined: gone meanwhile, or a zombie
    if (st) out.set(Number(name), [st[1], st[2]]);
  }
  return out;
}

/** Waits (up to `maxMs`) until a killed group has really gone, so callers can remove its directory. */
async function waitGroupGone(pgid: number | undefined, maxMs: number): Promise<void> {
  if (pgid === undefined) return;
  const until = Date.now() + maxMs;
  while (processGroupAlive(pgid) && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
}

export function runCommand(opts: RunCommandOptions): Promise<CommandResult> {
  const started = Date.now();
  const timeoutMs = timerMs(opts.timeoutMs);
  const out = new HeadTailBuffer(opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES);
  const env = scrubCodeEnv(opts.env ?? process.env, { allow: opts.allowEnv, secretEnv: opts.secretEnv });
  const hidden = hiddenValues(opts);
  // What is streamed is decoded as a whole: a character split across two reads arrives whole.
  const decoder = new StringDecoder('utf8');
  const stream = new RedactingStream(hidden, (bytes) => {
    out.push(bytes);
    if (opts.onOutput) {
      const text = decoder.write(bytes);
      if (text) opts.onOutput(text);
    }
  });
  const mark = `${ownerTag()}-${randomBytes(8).toString('hex')}`;
  env[COMMAND_MARK_VAR] = mark;

  return new Promise<CommandResult>((resolve) => {
    let timedOut = false;
    let aborted = false;
    let spawnError: string | undefined;
    let settled = false;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    const timers: NodeJS.Timeout[] = [];

    if (opts.signal?.aborted) {
      resolve({
        command: opts.command,
        exitCode: null,
        signal: null,
        timedOut: false,
        durationMs: 0,
        output: '',
        truncated: false,
        error: 'aborted before start',
      });
      return;
    }

    let child: ReturnType<typeof spawn>;
    try {
      child = spawn('bash', ['-c', opts.command], {
        cwd: opts.cwd,
        env,
        // Its own process group: a timeout kills the whole tree, not only bash.
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      // Thrown, not emitted, for some bad starts (a working directory that is a file: ENOTDIR).
      resolve({
        command: opts.command,
        exitCode: null,
        signal: null,
        timedOut: false,
        durationMs: Date.now() - started,
        output: '',
        truncated: false,
        error: `cannot start in ${opts.cwd}: ${(e as Error).message}`,
      });
      return;
    }
    const pid = child.pid;

    child.stdout?.on('data', (d: Buffer) => stream.push(d));
    child.stderr?.on('data', (d: Buffer) => stream.push(d));

    const terminate = () => {
      killGroup(pid, 'SIGTERM');
      timers.push(setTimeout(() => killGroup(pid, 'SIGKILL'), KILL_GRACE_MS));
    };

    const finish = () => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      opts.signal?.removeEventListener('abort', onAbort);
      // Nothing of the group may outlive the command (background jobs, daemons started by a test).
      killGroup(pid, 'SIGKILL');
      void waitGroupGone(pid, 1000).then(() => {
        stream.flush();
        const rest = decoder.end();
        if (rest && opts.onOutput) opts.onOutput(rest);
        const escaped = killMarked(mark);
        if (escaped > 0)
          out.push(
            Buffer.from(
              `\nguardian: ${escaped} process(es) this command started left its process group and were still running when it ended; killed\n`,
            ),
          );
        const { text: raw, truncated } = out.result();
        const text = redactValues(raw, hidden);
        let error = spawnError;
        if (!error && aborted) error = 'aborted';
        resolve({
          command: opts.command,
          exitCode: exit?.code ?? null,
          signal: exit?.signal ?? null,
          timedOut,
          durationMs: Date.now() - started,
          output: text,
          truncated,
          ...(error ? { error } : {}),
          ...(escaped > 0 ? { escaped } : {}),
        });
      });
    };

    const onAbort = () => {
      aborted = true;
      terminate();
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    timers.push(
      setTimeout(() => {
        timedOut = true;
        terminate();
      }, timeoutMs),
    );

    child.on('error', (e) => {
      spawnError = e.message;
      finish();
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // bash is gone; a background process may still hold the pipes open. Kill the rest of the group
      // (politely first) and stop waiting for the pipes after the grace period.
      killGroup(pid, 'SIGTERM');
      timers.push(
        setTimeout(() => {
          killGroup(pid, 'SIGKILL');
          child.stdout?.destroy();
          child.stderr?.destroy();
          finish();
        }, KILL_GRACE_MS),
      );
    });
    child.on('close', () => {
      if (exit === undefined) exit = { code: child.exitCode, signal: child.signalCode };
      finish();
    });
  });
}

/** The outcome of a command judged against an expectation: `expects: fail` inverts the exit status. */
export function judge(
  r: CommandResult,
  expects: 'pass' | 'fail' = 'pass',
): 'pass' | 'fail' | 'timeout' | 'error' {
  if (r.timedOut) return 'timeout';
  if (r.error && r.exitCode === null) return 'error';
  if (r.escaped) return 'error';
  const ok = r.exitCode === 0;
  return ok === (expects === 'pass') ? 'pass' : 'fail';
}
