/**
 * A TCP server on 127.0.0.1 that accepts connections, reads and never answers (a remote that hangs),
 * and a check that the processes a killed call started are gone.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';

export interface SilentServer {
  port: number;
  close(): Promise<void>;
}

export async function startSilentServer(): Promise<SilentServer> {
  const sockets: Socket[] = [];
  const server = createServer((s) => {
    sockets.push(s);
    s.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Live (not zombie) processes whose command line contains `needle`; none where there is no /proc. */
export function running(needle: string): string[] {
  if (!existsSync('/proc/self/cmdline')) return [];
  const out: string[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const state = readFileSync(`/proc/${name}/stat`, 'utf8').replace(/^.*\) /, '')[0];
      if (cmd.includes(needle) && state !== 'Z') out.push(`${name}: ${cmd}`);
    } catch {
      // gone
    }
  }
  return out;
}

/** Killed processes take a moment to leave /proc: what still runs after waiting (bounded) for none. */
export async function noneRunning(needle: string): Promise<string[]> {
  let left = running(needle);
  for (let i = 0; i < 50 && left.length; i++) {
    await new Promise((r) => setTimeout(r, 100));
    left = running(needle);
  }
  return left;
}
