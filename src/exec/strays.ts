/**
 * What a check of model-written code can leave behind on a CI runner, and how the host takes it back
 * before it says what the Validator judged.
 *
 * A check may start a process that leaves its process group and session, clears its environment and
 * works from `/`: none of the per-check sweeps (process group, environment marker, working folder) can
 * tell it from anything else. On a runner it would outlive the checks and could write the step's
 * outputs (`GITHUB_OUTPUT` and the other file commands) after the Validator, or the bundle. Two guards:
 *
 * - `snapshotProcesses` at the action's start, `killStrays` once the checks are over: every process of
 *   this user that did not exist at the start and descends from this process or was orphaned (its
 *   nearest surviving ancestor from before the start is the init process or a `systemd` subreaper) is
 *   stopped, then killed, until none is left. Processes other jobs start under their own runner
 *   (descendants of a runner process that is not an orphan's reaper) are left alone, and so, for a
 *   runner working as root, are the services systemd starts meanwhile.
 * - `snapshotFileCommands` / `restoreFileCommands`: the step's file-command files are put back as they
 *   were before the checks, and a change is reported, so nothing a check wrote there reaches the runner.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, rmSync, writeFileSync, type Stats } from 'node:fs';

export interface ProcInfo {
  pid: number;
  ppid: number;
  uid: number;
  comm: string;
}

/** The processes visible in /proc (Linux), or undefined where there is no /proc. */
export function listProcesses(): ProcInfo[] | undefined {
  if (!existsSync('/proc/self/status')) return undefined;
  const out: ProcInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let status: string;
    try {
      status = readFileSync(`/proc/${name}/status`, 'utf8');
    } catch {
      continue; // gone
    }
    const field = (k: string) => status.match(new RegExp(`^${k}:\\s*(.*)$`, 'm'))?.[1] ?? '';
    if (/^[Zz]/.test(field('State'))) continue; // a zombie is already dead
    out.push({
      pid: Number(name),
      ppid: Number(field('PPid')),
      uid: Number(field('Uid').split(/\s+/)[0]),
      comm: field('Name'),
    });
  }
  return out;
}

export interface ProcessSnapshot {
  pids: Set<number>;
  uid: number;
  self: number;
  /** This process's ancestors (never touched). */
  ancestors: Set<number>;
}

export function snapshotProcesses(): ProcessSnapshot | undefined {
  const all = listProcesses();
  if (!all || typeof process.getuid !== 'function') return undefined;
  const byPid = new Map(all.map((p) => [p.pid, p]));
  const ancestors = new Set<number>();
  for (let p = byPid.get(process.pid)?.ppid; p && !ancestors.has(p); p = byPid.get(p)?.ppid) ancestors.add(p);
  return { pids: new Set(all.map((p) => p.pid)), uid: process.getuid(), self: process.pid, ancestors };
}

/** Where orphans go: the init process of this PID namespace, or a `systemd` (user manager) subreaper. */
function isReaper(p: ProcInfo | undefined): boolean {
  return !!p && (p.pid === 1 || p.comm === 'systemd' || p.comm === 'init');
}

/**
 * The processes `killStrays` would take: of this user, started after the snapshot, and descending from
 * this process or orphaned. Pure, over a process table, so that the choice itself can be tested.
 */
export function straysOf(snap: ProcessSnapshot, table: ProcInfo[]): ProcInfo[] {
  const byPid = new Map(table.map((p) => [p.pid, p]));
  const out: ProcInfo[] = [];
  for (const p of table) {
    if (p.uid !== snap.uid || snap.pids.has(p.pid) || p.pid === snap.self || snap.ancestors.has(p.pid))
      continue;
    // The nearest ancestor that existed at the start (a loop in a table read while it changed ends it).
    let q = byPid.get(p.ppid);
    const seen = new Set<number>([p.pid]);
    while (q && !snap.pids.has(q.pid) && !seen.has(q.pid)) {
      seen.add(q.pid);
      q = byPid.get(q.ppid);
    }
    if (!q) continue; // its ancestry left the table while it was read: looked at on the next round
    // As root on a machine systemd runs, a service systemd starts meanwhile looks like an orphan: there
    // only orphans of other reapers (a container's init) are taken.
    if (q.pid === snap.self || (isReaper(q) && !(snap.uid === 0 && q.comm === 'systemd'))) out.push(p);
  }
  return out;
}

/**
 * Stops, then kills, every stray process (see `straysOf`), round after round until none is left: a stopped
 * process cannot fork, so a process that forks to escape is caught on the next round. Returns how many
 * were killed (0 where there is no /proc).
 */
export function killStrays(snap: ProcessSnapshot | undefined): number {
  if (!snap) return 0;
  let killed = 0;
  for (let round = 0; round < 50; round++) {
    const table = listProcesses();
    if (!table) return killed;
    const strays = straysOf(snap, table);
    if (strays.length === 0) return killed;
    for (const p of strays) signal(p.pid, 'SIGSTOP');
    for (const p of strays) if (signal(p.pid, 'SIGKILL')) killed++;
  }
  return killed;
}

function signal(pid: number, sig: NodeJS.Signals): boolean {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false; // gone already
  }
}

/** The runner's per-step file commands. */
export const FILE_COMMANDS = [
  'GITHUB_OUTPUT',
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY',
];

export type FileCommandSnapshot = {
  name: string;
  path: string;
  content: Buffer | undefined;
  /** The file as it was (device and inode): one put in its place is not the runner's. */
  id?: string;
}[];

function fileId(st: Stats): string {
  return `${st.dev}:${st.ino}`;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

export function snapshotFileCommands(env: NodeJS.ProcessEnv = process.env): FileCommandSnapshot {
  const out: FileCommandSnapshot = [];
  for (const name of FILE_COMMANDS) {
    const path = env[name];
    if (!path) continue;
    let content: Buffer | undefined;
    try {
      content = readFileSync(path);
    } catch {
      content = undefined; // not there yet
    }
    const st = lstatOrUndefined(path);
    out.push({ name, path, content, ...(st?.isFile() ? { id: fileId(st) } : {}) });
  }
  return out;
}

/**
 * Puts each file-command file back as the snapshot found it, and returns the names of those that had
 * changed (a check wrote an output, an environment variable for a later step, a path, a summary). What
 * is at the path is read only when it is still the runner's file: a check may have put a link there (to
 * a file it keeps writing), a second name for it, a directory or a named pipe (reading which would wait
 * for ever). Those are removed and the file written anew.
 */
export function restoreFileCommands(snap: FileCommandSnapshot): string[] {
  const changed: string[] = [];
  for (const f of snap) {
    const before = f.content ?? Buffer.alloc(0);
    const st = lstatOrUndefined(f.path);
    if (!st && f.content === undefined) continue; // not there before, not there now
    const same = st?.isFile() && st.nlink === 1 && (f.id === undefined || fileId(st) === f.id);
    if (same) {
      let now: Buffer | undefined;
      try {
        now = readFileSync(f.path);
      } catch {
        now = undefined;
      }
      if ((now ?? Buffer.alloc(0)).equals(before)) continue;
    } else if (!st && before.length === 0) continue; // an empty file removed: as good as it was
    changed.push(f.name);
    if (same) writeFileSync(f.path, before);
    else {
      if (st) rmSync(f.path, { recursive: true, force: true });
      writeFileSync(f.path, before, { flag: 'wx' });
    }
  }
  return changed;
}
