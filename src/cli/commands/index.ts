/**
 * Every `guardian` sub-command registers itself here. Each command lives in its own file under
 * src/cli/commands/ and exports `register(program, io)`. The files are loaded on demand: a command's
 * code (and what it imports: the search engine, the model client, the validators…) is read only when
 * that command runs, so `guardian search` does not pay for loading `guardian code`.
 */
import type { Command } from 'commander';
import type { CliIO } from '../io.js';

export type CommandContext = {
  io: CliIO;
  /** Set by a command: the process exit code. */
  setExitCode(code: number): void;
};

export type Register = (program: Command, ctx: CommandContext) => void;

type Loader = () => Promise<{ register: Register }>;

/** The top-level commands each module registers, in the order `guardian --help` lists them. */
export const commands: [names: string[], load: Loader][] = [
  [['lint', 'list', 'next', 'show'], () => import('./spec.js')],
  [['search'], () => import('./search.js')],
  [['validate'], () => import('./validate.js')],
  [['prestart'], () => import('./prestart.js')],
  [['complete'], () => import('./complete.js')],
  [['bundle'], () => import('./bundle.js')],
  [['run'], () => import('./run.js')],
  [['milestone'], () => import('./milestone.js')],
  [['status'], () => import('./status.js')],
  [['code'], () => import('./code.js')],
  [['security'], () => import('./security.js')],
  [['init'], () => import('./init.js')],
];

/**
 * The registrations a command line needs: only its command's when the first word names one, else all
 * of them (help, a misspelt command, no command at all: commander then lists every command).
 */
export async function registrationsFor(argv: string[]): Promise<Register[]> {
  const first = argv.find((a) => !a.startsWith('-'));
  const wanted = commands.filter(([names]) => first !== undefined && names.includes(first));
  const help = argv.includes('--help') || argv.includes('-h');
  const load = wanted.length === 1 && !(help && argv[0] !== first) ? wanted : commands;
  // One after the other: the modules share most of their imports, so loading them together saves
  // nothing (and jest's ESM loader trips on concurrent imports of one graph).
  const out: Register[] = [];
  for (const [, loader] of load) out.push((await loader()).register);
  return out;
}
