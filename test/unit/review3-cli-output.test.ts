/**
 * Output that cannot be written, in a real process: a reader that went away (`guardian list | head -0`)
 * ends the output quietly; a write that fails (a full disk) is one message and exit 1. No stack trace.
 */
import { describe, expect, test } from '@jest/globals';
import { spawn, type StdioOptions } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, PROJECT_ROOT } from '../support/repo.js';

const CLI = join(PROJECT_ROOT, 'test/unit/cli-from-source.mjs');
const EXAMPLE = join(EXAMPLES, 'python-flask-users');

/** Runs the CLI from its sources; `closeStdout` closes the read end of its stdout pipe at once. */
function guardian(
  argv: string[],
  stdout: 'pipe' | number,
  closeStdout = false,
): Promise<{ code: number | null; stderr: string }> {
  const stdio: StdioOptions = ['ignore', stdout, 'pipe'];
  const child = spawn(process.execPath, [CLI, ...argv], { cwd: EXAMPLE, stdio });
  if (closeStdout) child.stdout!.destroy();
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('output to a closed pipe or a full disk', () => {
  test.each([[['list']], [['show', 'TASK-042']]])(
    '%j | head -0: no EPIPE, no stack trace, the command’s own exit code',
    async (argv) => {
      const r = await guardian(argv, 'pipe', true);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    },
  );

  test('stdout on a full disk: one line saying so, exit 1', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = await guardian(['list'], full);
      expect(r.stderr).toBe('guardian: cannot write to standard output (ENOSPC: no space left on device)\n');
      expect(r.code).toBe(1);
    } finally {
      closeSync(full);
    }
  });
});
