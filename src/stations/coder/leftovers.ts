/**
 * What a test run leaves running in the repository. `runCommand` kills the command's process group and
 * every process that still carries its mark; a process that left the group and dropped the mark (a
 * `setsid` daemon started with `env -u`) survives both, and could go on changing the working tree while
 * the model works (putting a FIFO where the tools read) or after the patch is taken.
 *
 * `killWorkingIn` (exec) kills everything whose working directory is inside a folder — right for the
 * Validator's temporary worktrees, wrong here: the Coder may work in the user's own checkout, where the
 * user's shell, editor and dev server work too. So only processes that did not exist before the run,
 * that descend from this process or were orphaned meanwhile (`straysOf`), and that work in the
 * repository are taken.
 */
import { readlinkSync } from 'node:fs';
import { listProcesses, snapshotProcesses, straysOf, type ProcessSnapshot } from '../../exec/strays.js';

export { snapshotProcesses };

function workingIn(pid: number, dirs: string[]): boolean {
  try {
    const cwd = readlinkSync(`/proc/${pid}/cwd`);
    return dirs.some((d) => cwd === d || cwd.startsWith(`${d}/`));
  } catch {
    return false; // gone, or not ours to read
  }
}

/** How long processes the command's own sweep has just killed get to be gone before they are counted. */
const SETTLE_MS = 100;

/**
 * Stops, then kills, the processes started since `snap` (see `straysOf`) whose working directory is
 * inside one of `dirs` (real paths), round after round until none is left; returns how many. Nothing
 * where there is no /proc.
 */
export async function killLeftoversIn(snap: ProcessSnapshot | undefined, dirs: string[]): Promise<number> {
  if (!snap) return 0;
  const find = () => {
    const table = listProcesses();
    return table ? straysOf(snap, table).filter((p) => workingIn(p.pid, dirs)) : [];
  };
  // `runCommand` has just SIGKILLed what still carried its mark: let those die before anything counts.
  if (find().length === 0) return 0;
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const killed = new Set<number>();
  for (let round = 0; round < 20; round++) {
    const found = find();
    if (found.length === 0) break;
    // Stopped first: a stopped process cannot fork a successor while the others are killed.
    for (const p of found) signal(p.pid, 'SIGSTOP');
    for (const p of found) if (signal(p.pid, 'SIGKILL')) killed.add(p.pid);
  }
  return killed.size;
}

function signal(pid: number, sig: NodeJS.Signals): boolean {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}
