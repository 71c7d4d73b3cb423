import { Command, CommanderError } from 'commander';
import { isUserError } from '../errors.js';
import { processIO, type CliIO } from './io.js';
import { registrationsFor } from './commands/index.js';

export const VERSION = '0.1.0';

/**
 * Runs the `guardian` CLI and returns its exit code: 0 success, 1 problems or failure, 2 usage error.
 * User errors print one line (no stack); anything else is a bug and prints its stack.
 */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  let exitCode = 0;
  const program = new Command('guardian')
    .description('Spec-driven development as an assembly line: blueprint in, validated commit out.')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
    });
  const ctx = { io, setExitCode: (c: number) => (exitCode = c) };
  try {
    for (const register of await registrationsFor(argv)) register(program, ctx);
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with exit code 0.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (isUserError(e)) {
      io.stderr.write(`guardian: ${e.message}\n`);
      return e.exitCode;
    }
    io.stderr.write(
      `guardian: internal error (a bug, please report it):\n${(e as Error)?.stack ?? String(e)}\n`,
    );
    return 70;
  }
}
