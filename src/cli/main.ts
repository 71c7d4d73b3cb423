import type { EventEmitter } from 'node:events';
import { Command, CommanderError, type Option } from 'commander';
import { isUserError, UsageError } from '../errors.js';
import { killOrphanedChecks } from '../exec/index.js';
import { escapeControlChars } from '../util/chars.js';
import { processIO, type CliIO } from './io.js';
import { registrationsFor } from './commands/index.js';

export const VERSION = '0.1.0';

/**
 * Runs the `guardian` CLI and returns its exit code: 0 success, 1 problems or failure, 2 usage error.
 * User errors print one line (no stack); anything else is a bug and prints its stack.
 */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const code = await run(argv, io);
  const failure = await io.outputFailure?.();
  if (failure === undefined) return code;
  io.stderr.write(`guardian: ${failure}\n`);
  return code === 0 ? 1 : code;
}

async function run(argv: string[], io: CliIO): Promise<number> {
  let exitCode = 0;
  const program = new Command('guardian')
    .description('Spec-driven development as an assembly line: blueprint in, validated commit out.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      // Commander's own messages are rewritten below into one line naming the command.
      outputError: () => {},
    })
    .addHelpText('after', HELP_FOOTER);
  const ctx = { io, setExitCode: (c: number) => (exitCode = c) };
  let failed: Command | undefined;
  try {
    for (const register of await registrationsFor(argv)) register(program, ctx);
    program.hook('preAction', (_program, action) => {
      if (RUNS_CHECKS.has(action.name())) stopOrphanedChecks(io);
    });
    for (const sub of program.commands) {
      checkOptionValues(sub);
      sub.exitOverride((e) => {
        failed = sub;
        throw e;
      });
    }
    // `guardian help nosuch` is the same mistake as `guardian nosuch`.
    const helpFor = argv[0] === 'help' ? argv[1] : undefined;
    const unknownHelp = helpFor !== undefined && !helpFor.startsWith('-') && !findCommand(program, helpFor);
    await program.parseAsync(unknownHelp ? [helpFor] : argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with exit code 0; `guardian` alone has printed the help.
      if (e.exitCode === 0) return 0;
      if (e.code !== 'commander.help') {
        io.stderr.write(`guardian: ${escapeControlChars(usageMessage(e, program, failed))}\n`);
      }
      return 2;
    }
    if (isUserError(e)) {
      // A usage error quotes what was typed: a line break or an escape sequence in it is shown, not obeyed.
      io.stderr.write(`guardian: ${e instanceof UsageError ? escapeControlChars(e.message) : e.message}\n`);
      return e.exitCode;
    }
    io.stderr.write(
      `guardian: internal error (a bug, please report it):\n${(e as Error)?.stack ?? String(e)}\n`,
    );
    return 70;
  }
}

/** The end of `guardian --help`: what every command has in common. */
const HELP_FOOTER = `
Exit codes: 0 success, 1 problems found or the command failed, 2 usage error,
130 interrupted.
--json prints one JSON document with a schemaVersion field on stdout; progress
and notes go to stderr. A command that fails before it has a result prints
nothing on stdout and says why on stderr ("guardian: ...").
Run \`guardian <command> --help\` for a command's options and their defaults.`;

/** The commands that run checks or a model's tools (and so may find ones a killed Guardian left). */
const RUNS_CHECKS = new Set(['validate', 'prestart', 'complete', 'code', 'run', 'milestone']);

/**
 * Checks a Guardian killed with SIGKILL left running are stopped before new ones start: they would
 * compete for the machine and could still write to the work tree.
 */
function stopOrphanedChecks(io: CliIO): void {
  const { killed, owners } = killOrphanedChecks();
  if (killed === 0) return;
  const who = owners.length === 1 ? `process ${owners[0]}` : `processes ${owners.join(', ')}`;
  io.stderr.write(
    `guardian: stopped ${killed} process${killed === 1 ? '' : 'es'} left running by an earlier Guardian (${who}) that ended without stopping its checks\n`,
  );
}

function findCommand(program: Command, name: string): Command | undefined {
  return program.commands.find((c) => c.name() === name || c.aliases().includes(name));
}

/** What an option takes, like `expected <dir>: repository root` for `--root <dir>`. */
function expectedValue(o: Option): string {
  const placeholder = /<[^>]+>|\[[^\]]+\]/.exec(o.flags)?.[0] ?? 'a value';
  return `expected ${placeholder}${o.description ? `: ${o.description}` : ''}`;
}

/** A parser that folds a value into the previous ones (a repeatable option), found by trying it. */
function accumulates(parse: ((value: string, previous: unknown) => unknown) | undefined): boolean {
  if (!parse) return false;
  try {
    const out = parse('x', ['y']);
    return Array.isArray(out) && out.length === 2;
  } catch {
    return false;
  }
}

/**
 * What commander lets through for an option that takes a value: no value at all (the next word, one
 * of the command's own options, was taken as the value), an empty value where the command would take
 * it for "not given", and the option given twice
 * with two values (the first would be dropped without a word). An option whose parser folds each
 * value into the previous ones (`--file`, `--test`…) is repeatable.
 */
function checkOptionValues(cmd: Command): void {
  const words = new Set(['-h', '--help']);
  for (const o of cmd.options) for (const w of [o.long, o.short]) if (w) words.add(w);
  const given = new Map<string, string>();
  for (const o of cmd.options) {
    if (!o.required && !o.optional) continue;
    const flag = o.long ?? o.short ?? o.flags;
    const repeatable = o.variadic || accumulates(o.parseArg);
    const expected = expectedValue(o);
    // Before commander's own listener: its parser would judge `--jobs --json` as a number.
    (cmd as unknown as EventEmitter).prependListener(`option:${o.name()}`, (value: unknown) => {
      if (typeof value !== 'string') return;
      const word = value.startsWith('--') ? value.replace(/=.*$/s, '') : value;
      if (words.has(word)) {
        throw new UsageError(
          `${flag}: missing its value; ${expected} (the next word, ${value}, is an option)`,
        );
      }
      // An option with a default checks its value itself; one without would take '' as "not given".
      if (value === '' && o.defaultValue === undefined)
        throw new UsageError(`${flag}: empty value; ${expected}`);
      if (repeatable) return;
      const before = given.get(o.name());
      if (before !== undefined && before !== value) {
        throw new UsageError(
          `${flag} given twice (${JSON.stringify(before)} and ${JSON.stringify(value)}): give it once`,
        );
      }
      given.set(o.name(), value);
    });
  }
}

/** Commander's message for a command line it refuses, as one line that says where to look. */
function usageMessage(e: CommanderError, program: Command, cmd: Command | undefined): string {
  let message = e.message.replace(/^error: /, '');
  const hint: string[] = [];
  // Commander's suggestion is a last line of its own: "(Did you mean --json?)".
  const suggestion = message.lastIndexOf('\n(Did you mean ');
  if (suggestion >= 0) {
    hint.push(message.slice(suggestion + 2, -1).replace(/^Did/, 'did'));
    message = message.slice(0, suggestion);
  }
  if (e.code === 'commander.optionMissingArgument') {
    const flags = /option '(.*)' argument missing/s.exec(message)?.[1];
    const o = (cmd ?? program).options.find((x) => x.flags === flags);
    if (o) message = `${o.long ?? o.short ?? o.flags}: missing its value; ${expectedValue(o)}`;
  }
  if (cmd && e.code === 'commander.excessArguments') {
    const expected = cmd.registeredArguments;
    const extra = cmd.args[expected.length];
    const takes = expected.length
      ? `it takes ${expected.map((a) => `<${a.name()}>`).join(' ')}`
      : 'it takes no arguments, only options';
    message = `unexpected argument ${JSON.stringify(extra)} (${takes})`;
  }
  if (cmd && e.code === 'commander.missingArgument') {
    const missing = cmd.registeredArguments.find(
      (a) => a.required && cmd.args.length <= cmd.registeredArguments.indexOf(a),
    );
    if (missing)
      message = `missing <${missing.name()}>${missing.description ? `: ${missing.description}` : ''}`;
  }
  if (e.code === 'commander.unknownOption') {
    const word = /unknown option '(.*)'/s.exec(message)?.[1] ?? '';
    const name = word.replace(/=.*$/s, '');
    const owner = cmd ?? program;
    const known = owner.options.find((o) => o.long === name || o.short === name);
    if (known && word !== name && !known.required && !known.optional) {
      message = `${name} takes no value (got ${JSON.stringify(word)})`;
      hint.length = 0;
    } else if (
      !cmd &&
      program.commands.some((c) => c.options.some((o) => o.long === name || o.short === name))
    ) {
      hint.push(`${name} is an option of a command: write it after the command's name`);
    }
  }
  const where = cmd ? `guardian ${cmd.name()} --help` : 'guardian --help';
  return `${cmd ? `${cmd.name()}: ` : ''}${message}${hint.length ? ` (${hint.join('; ')})` : ''}; see ${where}`;
}
