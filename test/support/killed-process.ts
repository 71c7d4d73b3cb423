/**
 * A real Node process running some of the project's sources, killed with SIGKILL once it has printed its
 * first line — as the out-of-memory killer or `kill -9` would end a Guardian: no exit handler runs.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './repo.js';

/**
 * Runs `body` (module code; `source(path)` imports a file of this project, like `src/exec/index.ts`)
 * from a script written in `scratch`, waits for the first line it prints, then kills it with SIGKILL.
 */
export async function killedAfterFirstLine(
  scratch: string,
  body: string,
): Promise<{ pid: number; line: string }> {
  const script = join(scratch, `killed-${Date.now()}-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(
    script,
    `import { register } from 'node:module';
import { join } from 'node:path';
register(${JSON.stringify(join(PROJECT_ROOT, 'test/unit/ts-loader-hooks.mjs'))}, import.meta.url);
const source = (path) => import(join(${JSON.stringify(PROJECT_ROOT)}, path));
${body}
`,
  );
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((res, rej) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) res(out.slice(0, out.indexOf('\n')).trim());
    });
    child.once('exit', () => rej(new Error(`${script} ended before it printed a line`)));
  });
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
  return { pid: child.pid!, line };
}
