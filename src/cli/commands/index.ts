/**
 * Every `guardian` sub-command registers itself here. Each command lives in its own file under
 * src/cli/commands/ and exports `register(program, io)`.
 */
import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import * as spec from './spec.js';
import * as validate from './validate.js';
import * as prestart from './prestart.js';
import * as complete from './complete.js';
import * as search from './search.js';
import * as bundle from './bundle.js';
import * as run from './run.js';
import * as milestone from './milestone.js';
import * as status from './status.js';
import * as code from './code.js';
import * as security from './security.js';
import * as init from './init.js';

export type CommandContext = {
  io: CliIO;
  /** Set by a command: the process exit code. */
  setExitCode(code: number): void;
};

export type Register = (program: Command, ctx: CommandContext) => void;

export const registrations: Register[] = [
  spec.register,
  search.register,
  validate.register,
  prestart.register,
  complete.register,
  bundle.register,
  run.register,
  milestone.register,
  status.register,
  code.register,
  security.register,
  init.register,
];
