/**
 * The Coder's tools. Each takes the model's JSON arguments, checks them (a malformed call is an error
 * message back to the model, never an exception), applies the sandbox and the TDD phase, and answers
 * with text for the model. There is no shell: the only commands that run are the task's test commands.
 */
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  lstatSync,
  readSync,
  realpathSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import picomatch from 'picomatch';
import type { ChatTool } from '../../llm/index.js';
import { runCommand, type CommandResult } from '../../exec/index.js';
import {
  restoreGitDir,
  shownGitPath,
  snapshotGitDir,
  type GitDirChange,
  type GitDirSnapshot,
} from '../../git/gitdir.js';
import { listWorkingFiles } from '../../git/git.js';
import { searchRepository } from '../../search/index.js';
import type { Logger } from '../../util/log.js';
import { killLeftoversIn, snapshotProcesses } from './leftovers.js';
import { Sandbox } from './sandbox.js';
import { isTestPath, TEST_PATH_HELP, type Phase, type RedProof, type TestRunRecord } from './tdd.js';
import { globProblem } from '../../util/glob.js';
import { quoted, shownText } from './shown.js';

export const TOOL_NAMES = [
  'list_files',
  'read_file',
  'search_code',
  'write_file',
  'edit_file',
  'run_tests',
  'finish',
] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

const MAX_LIST = 400;
const DEFAULT_WINDOW = 250;
const MAX_READ_CHARS = 24_000;
const MAX_READ_FILE_BYTES = 8 * 1024 * 1024;
const MAX_WRITE_BYTES = 1024 * 1024;
/** The most characters one tool result hands the model (a read is bounded more tightly, at MAX_READ_CHARS). */
const MAX_RESULT_CHARS = 32_000;
const OUTPUT_TAIL_CHARS = 6_000;
/** After this many refused `finish` calls (tests not passing), the run ends as incomplete. */
export const MAX_FINISH_REFUSALS = 3;

export function toolDefinitions(): ChatTool[] {
  const fn = (
    name: ToolName,
    description: string,
    properties: Record<string, unknown>,
    required: string[],
  ): ChatTool => ({
    type: 'function',
    function: {
      name,
      description,
      parameters: { type: 'object', properties, required, additionalProperties: false },
    },
  });
  return [
    fn(
      'list_files',
      'List repository files (tracked and new, not ignored). Optionally under a folder and/or matching a glob.',
      {
        path: { type: 'string', description: 'Folder relative to the repository root (default: the root).' },
        pattern: { type: 'string', description: 'Glob on the repository-relative path, e.g. "**/*.ts".' },
      },
      [],
    ),
    fn(
      'read_file',
      `Read a text file, ${DEFAULT_WINDOW} lines at a time. Lines come prefixed with their number and a tab; the prefix is not part of the file.`,
      {
        path: { type: 'string', description: 'Path relative to the repository root.' },
        start_line: { type: 'integer', minimum: 1, description: 'First line (1-based, default 1).' },
        end_line: { type: 'integer', minimum: 1, description: 'Last line (inclusive).' },
      },
      ['path'],
    ),
    fn(
      'search_code',
      'Search the repository for code related to a query (symbols, identifiers, words). Returns ranked files with the matching symbols and line ranges.',
      {
        query: { type: 'string', description: 'What to look for, e.g. "TodoStore add method".' },
        top: { type: 'integer', minimum: 1, maximum: 20, description: 'How many files (default 8).' },
      },
      ['query'],
    ),
    fn(
      'write_file',
      'Create a file or replace its whole content. Parent folders are created.',
      {
        path: { type: 'string', description: 'Path relative to the repository root.' },
        content: { type: 'string', description: 'The complete new content.' },
      },
      ['path', 'content'],
    ),
    fn(
      'edit_file',
      'Replace an exact piece of text in a file. old_string must match the file exactly (whitespace included) and, unless replace_all is true, exactly once.',
      {
        path: { type: 'string', description: 'Path relative to the repository root.' },
        old_string: {
          type: 'string',
          description: 'The exact text to replace (include enough context to be unique).',
        },
        new_string: { type: 'string', description: 'The replacement text.' },
        replace_all: { type: 'boolean', description: 'Replace every occurrence (default false).' },
      },
      ['path', 'old_string', 'new_string'],
    ),
    fn(
      'run_tests',
      'Run the task\'s test commands (no other command can run). Without "command", runs the default test commands; with it, runs one allowed command (by its exact text or quality.toml name).',
      {
        command: {
          type: 'string',
          description: 'One allowed command (exact text) or quality.toml check name.',
        },
      },
      [],
    ),
    fn(
      'finish',
      'End the work. Only accepted when the tests pass after your last change.',
      { summary: { type: 'string', description: 'What you changed and why, in a few sentences.' } },
      ['summary'],
    ),
  ];
}

/** A command the model may run: from the verification plan or quality.toml. */
export interface AllowedCommand {
  /** How the model names it: the command text, or `name` for quality.toml checks. */
  name: string;
  command: string;
  timeoutMs: number;
  env: Record<string, string>;
  /** Run by `run_tests` without arguments. */
  isDefault: boolean;
  source: string;
}

export interface ToolOutcome {
  /** Text for the model. */
  content: string;
  ok: boolean;
  /** Set when `finish` was accepted. */
  finished?: { summary: string };
  /** Set when `finish` was refused too often. */
  incomplete?: string;
  /** Phase change caused by this call. */
  phaseChange?: { from: Phase; to: Phase; proof?: RedProof };
  /** For the transcript: files written, test runs. */
  wrote?: string;
  testRuns?: TestRunRecord[];
}

export interface ToolContext {
  root: string;
  sandbox: Sandbox;
  commands: AllowedCommand[];
  /** Base environment for test commands (scrubbed by runCommand). */
  env?: NodeJS.ProcessEnv;
  /** Extra names to scrub from the test environment. */
  secretEnv: string[];
  /** Test files named by the blueprint (count as test files whatever their name). */
  relevantTests: string[];
  signal: AbortSignal;
  /** Remaining wall time, ms: caps every test run. */
  remainingMs: () => number;
  log: Logger;
}

type Args = Record<string, unknown>;

class ArgError extends Error {}

function str(args: Args, key: string, required: true): string;
function str(args: Args, key: string, required: false): string | undefined;
function str(args: Args, key: string, required: boolean): string | undefined {
  const v = args[key];
  if (v === undefined || v === null) {
    if (required) throw new ArgError(`missing required argument "${key}" (a string)`);
    return undefined;
  }
  if (typeof v !== 'string') throw new ArgError(`argument "${key}" must be a string, got ${typeof v}`);
  return v;
}

function int(args: Args, key: string): number | undefined {
  const v = args[key];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new ArgError(`argument "${key}" must be a positive integer, got ${JSON.stringify(v)}`);
  }
  return n;
}

/** A file tool's refusal found at the moment of access: its message goes back to the model as it is. */
class Refused extends Error {}

/**
 * The checks of the file that was opened, on its descriptor: the sandbox looked at the path a moment
 * ago, and a process a test left behind may have put a FIFO, a device, a link or a hard link to a file
 * outside the repository in its place since. Only a regular file with one name passes.
 */
function checkOpened(fd: number, rel: string): number {
  const st = fstatSync(fd);
  if (st.isDirectory()) throw new Refused(`${rel} is a folder`);
  if (!st.isFile()) throw new Refused(`${rel} is not a regular file`);
  if (st.nlink > 1)
    throw new Refused(`refused: ${rel}: a hard link to another file (maybe outside the repository)`);
  return st.size;
}

/** Maps the errors of opening without following links or blocking to what the model is told. */
function openError(e: unknown, rel: string): never {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ELOOP')
    throw new Refused(`refused: ${rel}: it became a symbolic link while it was being opened`);
  // A FIFO opened for writing without a reader (O_NONBLOCK), a socket: never a source file.
  if (code === 'ENXIO' || code === 'EOPNOTSUPP') throw new Refused(`${rel} is not a regular file`);
  throw e;
}

/**
 * Reads a regular file through one descriptor: opened without following a link at the last component
 * and without blocking (a FIFO would block the open, and with it every tool, forever), checked with
 * fstat, then read from the same descriptor — no window between the check and the read. Undefined when
 * the file does not exist; a `Refused` when it is not a regular file of one name or is larger than
 * `maxBytes` (then `tooLarge` says what to tell the model).
 */
function readRegular(
  abs: string,
  rel: string,
  maxBytes: number,
  tooLarge: (size: number) => string,
): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    openError(e, rel);
  }
  try {
    const size = checkOpened(fd, rel);
    if (size > maxBytes) throw new Refused(tooLarge(size));
    // No more than the size fstat saw (a file that grows meanwhile is cut there).
    const buf = Buffer.alloc(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n <= 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes without following a symbolic link at the last path component and without blocking on a FIFO:
 * the sandbox checked the path a moment ago, and a link, a FIFO or a hard link put there since (by a
 * process a test left behind) must not redirect or stall the write. The file is truncated only once the
 * descriptor is known to be a regular file of one name.
 */
function writeNoFollow(abs: string, rel: string, content: string): void {
  let fd: number;
  try {
    fd = openSync(
      abs,
      constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK,
      0o644,
    );
  } catch (e) {
    openError(e, rel);
  }
  try {
    checkOpened(fd, rel);
    ftruncateSync(fd, 0);
    const buf = Buffer.from(content, 'utf8');
    for (let off = 0; off < buf.length;) off += writeSync(fd, buf, off, buf.length - off);
  } finally {
    closeSync(fd);
  }
}

function lineOf(text: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function tail(s: string, n: number): string {
  return s.length <= n ? s : `[… ${s.length - n} characters cut …]\n${s.slice(-n)}`;
}

export class CoderTools {
  phase: Phase;
  readonly ctx: ToolContext;
  /** Test files written during the red phase. */
  readonly redTestFiles = new Set<string>();
  /** Every file written (repository-relative). */
  readonly written = new Set<string>();
  readonly testRuns: TestRunRecord[] = [];
  redProof?: RedProof;
  /** A file was written since the default test commands last passed. */
  private dirty = false;
  private greenPassed = false;
  private finishRefusals = 0;
  turn = 0;

  /** The repository root as the kernel reports a process's working directory (links resolved). */
  private readonly realRoot: string;

  constructor(ctx: ToolContext, phase: Phase) {
    this.ctx = ctx;
    this.phase = phase;
    this.realRoot = realpathSync(ctx.root);
  }

  /** Runs one tool call. The result is bounded: whatever the model sent or a file holds, it gets back at most MAX_RESULT_CHARS. */
  async execute(name: string, rawArgs: string): Promise<ToolOutcome> {
    const r = await this.executeUnbounded(name, rawArgs);
    if (r.content.length <= MAX_RESULT_CHARS) return r;
    const cut = r.content.length - MAX_RESULT_CHARS;
    return { ...r, content: `${r.content.slice(0, MAX_RESULT_CHARS)}\n[… ${cut} more characters cut]` };
  }

  private async executeUnbounded(name: string, rawArgs: string): Promise<ToolOutcome> {
    if (!(TOOL_NAMES as readonly string[]).includes(name)) {
      return {
        ok: false,
        content: `error: unknown tool ${quoted(name, 80)}. Available tools: ${TOOL_NAMES.join(', ')}.`,
      };
    }
    let args: Args;
    try {
      const parsed: unknown = rawArgs.trim() === '' ? {} : JSON.parse(rawArgs);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return { ok: false, content: `error: the arguments of ${name} must be a JSON object` };
      }
      args = parsed as Args;
    } catch (e) {
      return {
        ok: false,
        content: `error: the arguments of ${name} are not valid JSON (${(e as Error).message}). Send one JSON object that matches the tool's parameters.`,
      };
    }
    try {
      switch (name as ToolName) {
        case 'list_files':
          return this.listFiles(args);
        case 'read_file':
          return this.readFile(args);
        case 'search_code':
          return await this.searchCode(args);
        case 'write_file':
          return this.writeFile(args);
        case 'edit_file':
          return this.editFile(args);
        case 'run_tests':
          return await this.runTests(args);
        case 'finish':
          return this.finish(args);
      }
    } catch (e) {
      if (e instanceof ArgError) return { ok: false, content: `error: ${name}: ${e.message}` };
      if (e instanceof Refused) return { ok: false, content: `error: ${e.message}` };
      // A filesystem error (EISDIR, EACCES…) is the model's to handle, not a crash of the run.
      const code = (e as NodeJS.ErrnoException).code;
      if (code)
        return {
          ok: false,
          content: `error: ${name}: ${code}: ${(e as Error).message.replace(this.ctx.root, '.')}`,
        };
      // Anything else is a fault of the tool (search index unreadable, a bug): the run goes on without
      // it, and the transcript and the log keep the message.
      this.ctx.log.warn(`tool ${name} failed: ${shownText((e as Error)?.message ?? String(e))}`);
      return {
        ok: false,
        content: `error: ${name} failed inside Guardian (${(e as Error)?.message ?? String(e)}); use the other tools instead`,
      };
    }
    return { ok: false, content: `error: unknown tool "${name}"` };
  }

  private listFiles(args: Args): ToolOutcome {
    const dir = str(args, 'path', false);
    const pattern = str(args, 'pattern', false);
    let prefix = '';
    if (dir !== undefined) {
      const r = this.ctx.sandbox.resolve(dir, 'list');
      if (!r.ok) return { ok: false, content: `error: ${r.error}` };
      prefix = r.rel ? `${r.rel}/` : '';
    }
    const problem = pattern ? globProblem(pattern) : undefined;
    if (problem) return { ok: false, content: `error: pattern ${JSON.stringify(pattern)}: ${problem}` };
    const match = pattern ? picomatch(pattern, { dot: true }) : undefined;
    const files = listWorkingFiles(this.ctx.root)
      .filter((f) => f.startsWith(prefix))
      .filter((f) => this.ctx.sandbox.listable(f))
      .filter((f) => !match || match(f) || match(f.slice(prefix.length)))
      .filter((f) => existsSync(`${this.ctx.root}/${f}`))
      .sort();
    if (files.length === 0) return { ok: true, content: 'no files match' };
    const shown = files.slice(0, MAX_LIST);
    const more =
      files.length > shown.length
        ? `\n[… ${files.length - shown.length} more; narrow with path or pattern]`
        : '';
    return { ok: true, content: `${files.length} file(s):\n${shown.join('\n')}${more}` };
  }

  private readFile(args: Args): ToolOutcome {
    const path = str(args, 'path', true);
    const start = int(args, 'start_line') ?? 1;
    const r = this.ctx.sandbox.resolve(path, 'read');
    if (!r.ok) return { ok: false, content: `error: ${r.error}` };
    if (lstatSync(r.abs, { throwIfNoEntry: false })?.isDirectory())
      return { ok: false, content: `error: ${r.rel} is a folder; use list_files` };
    const buf = readRegular(
      r.abs,
      r.rel,
      MAX_READ_FILE_BYTES,
      (size) =>
        `${r.rel} is ${size} bytes, too large to read (limit ${MAX_READ_FILE_BYTES}); search_code finds the parts that matter`,
    );
    if (!buf) return { ok: false, content: `error: ${r.rel}: no such file` };
    if (buf.subarray(0, 8000).includes(0))
      return { ok: true, content: `${r.rel}: binary file (${buf.length} bytes), not shown` };
    const lines = buf.toString('utf8').split('\n');
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    const total = lines.length;
    if (start > Math.max(total, 1))
      return {
        ok: false,
        content: `error: ${r.rel} has ${total} lines; start_line ${start} is past the end`,
      };
    let end = Math.min(int(args, 'end_line') ?? start + DEFAULT_WINDOW - 1, total);
    if (end < start) throw new ArgError('end_line must not be before start_line');
    const out: string[] = [];
    let size = 0;
    for (let i = start; i <= end; i++) {
      const line = `${String(i).padStart(6)}\t${lines[i - 1]}`;
      if (size + line.length > MAX_READ_CHARS && out.length > 0) {
        end = i - 1;
        break;
      }
      out.push(line);
      size += line.length + 1;
    }
    const more =
      end < total ? `\n[lines ${end + 1}-${total} not shown; read again with start_line=${end + 1}]` : '';
    return { ok: true, content: `${r.rel} (lines ${start}-${end} of ${total}):\n${out.join('\n')}${more}` };
  }

  private async searchCode(args: Args): Promise<ToolOutcome> {
    const query = str(args, 'query', true);
    if (!query.trim()) throw new ArgError('"query" must not be empty');
    const top = Math.min(int(args, 'top') ?? 8, 20);
    const res = await searchRepository({ root: this.ctx.root, query, top, log: this.ctx.log });
    const files = res.files.filter((f) => this.ctx.sandbox.listable(f.path));
    if (!files.length) return { ok: true, content: `no results for "${query}"` };
    const lines = files.map((f) => {
      const syms = f.symbols
        .slice(0, 6)
        .map((s) => `${s.kind} ${s.name} (lines ${s.startLine}-${s.endLine})`)
        .join('; ');
      return `${f.path}${f.isTest ? ' [test]' : ''} — ${f.reasons.slice(0, 3).join(', ')}${syms ? `\n    ${syms}` : ''}`;
    });
    return { ok: true, content: lines.join('\n') };
  }

  private checkWritable(
    path: string,
  ): { ok: true; abs: string; rel: string } | { ok: false; content: string } {
    if (/[\\/]$/.test(path))
      return {
        ok: false,
        content: `error: ${path.slice(0, 200)} ends with a slash: name a file, not a folder`,
      };
    const r = this.ctx.sandbox.resolve(path, 'write');
    if (!r.ok) return { ok: false, content: `error: ${r.error}` };
    if (this.phase === 'red' && !isTestPath(r.rel, this.ctx.relevantTests)) {
      return {
        ok: false,
        content:
          `error: refused: ${r.rel}: phase RED allows only test files (${TEST_PATH_HELP}). ` +
          'Write the failing tests first, run them with run_tests and see them fail; then implement.',
      };
    }
    const st = lstatSync(r.abs, { throwIfNoEntry: false });
    if (st?.isDirectory()) return { ok: false, content: `error: ${r.rel} is a folder` };
    // A FIFO would block the write forever; a device or socket is no source file either.
    if (st && !st.isFile()) return { ok: false, content: `error: ${r.rel} is not a regular file` };
    return r;
  }

  private recordWrite(rel: string): void {
    this.written.add(rel);
    if (this.phase === 'red') this.redTestFiles.add(rel);
    this.dirty = true;
  }

  private writeFile(args: Args): ToolOutcome {
    const path = str(args, 'path', true);
    const content = str(args, 'content', true);
    if (Buffer.byteLength(content) > MAX_WRITE_BYTES)
      throw new ArgError(`content is larger than ${MAX_WRITE_BYTES} bytes`);
    const w = this.checkWritable(path);
    if (!w.ok) return { ok: false, content: w.content };
    const existed = existsSync(w.abs);
    mkdirSync(dirname(w.abs), { recursive: true });
    // Re-check after creating folders: a folder on the way may be a symlink made meanwhile.
    const again = this.checkWritable(path);
    if (!again.ok || again.abs !== w.abs)
      return { ok: false, content: again.ok ? 'error: path changed while writing' : again.content };
    writeNoFollow(w.abs, w.rel, content);
    this.recordWrite(w.rel);
    const n = content === '' ? 0 : content.split('\n').length - (content.endsWith('\n') ? 1 : 0);
    return { ok: true, content: `${existed ? 'replaced' : 'created'} ${w.rel} (${n} lines)`, wrote: w.rel };
  }

  private editFile(args: Args): ToolOutcome {
    const path = str(args, 'path', true);
    const oldS = str(args, 'old_string', true);
    const newS = str(args, 'new_string', true);
    const all = args.replace_all;
    if (all !== undefined && typeof all !== 'boolean')
      throw new ArgError('"replace_all" must be true or false');
    if (oldS === '') throw new ArgError('"old_string" must not be empty (use write_file to create a file)');
    if (oldS === newS) throw new ArgError('"old_string" and "new_string" are the same: nothing would change');
    const w = this.checkWritable(path);
    if (!w.ok) return { ok: false, content: w.content };
    const buf = readRegular(
      w.abs,
      w.rel,
      MAX_READ_FILE_BYTES,
      (size) => `${w.rel} is ${size} bytes, too large to edit (limit ${MAX_READ_FILE_BYTES}); write it anew`,
    );
    if (!buf) return { ok: false, content: `error: ${w.rel}: no such file (use write_file to create it)` };
    const text = buf.toString('utf8');
    const hits: number[] = [];
    for (let i = text.indexOf(oldS); i !== -1; i = text.indexOf(oldS, i + oldS.length)) hits.push(i);
    if (hits.length === 0) {
      const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
      const hint =
        text.length <= MAX_WRITE_BYTES && squash(text).includes(squash(oldS))
          ? ' The text exists with different whitespace or indentation: copy it exactly (read_file shows it; leave out the line-number prefix).'
          : ' Read the file again and copy the exact text.';
      return { ok: false, content: `error: ${w.rel}: old_string not found.${hint}` };
    }
    if (hits.length > 1 && all !== true) {
      const at = hits.slice(0, 10).map((i) => lineOf(text, i));
      return {
        ok: false,
        content: `error: ${w.rel}: old_string is ambiguous: ${hits.length} matches (lines ${at.join(', ')}). Include more surrounding lines to make it unique, or set replace_all to true.`,
      };
    }
    // The result may not grow past what write_file accepts (replace_all multiplies new_string).
    const grown = text.length + hits.length * (newS.length - oldS.length);
    if (grown > MAX_WRITE_BYTES)
      throw new ArgError(`the edited file would be about ${grown} characters, over ${MAX_WRITE_BYTES}`);
    const updated =
      all === true
        ? text.split(oldS).join(newS)
        : text.slice(0, hits[0]) + newS + text.slice(hits[0]! + oldS.length);
    if (Buffer.byteLength(updated) > MAX_WRITE_BYTES)
      throw new ArgError(`the edited file would be larger than ${MAX_WRITE_BYTES} bytes`);
    writeNoFollow(w.abs, w.rel, updated);
    this.recordWrite(w.rel);
    const where = hits.length === 1 ? `at line ${lineOf(text, hits[0]!)}` : `${hits.length} occurrences`;
    return { ok: true, content: `edited ${w.rel}: replaced ${where}`, wrote: w.rel };
  }

  private selectCommands(args: Args): AllowedCommand[] | string {
    const wanted = str(args, 'command', false)?.trim();
    const { commands } = this.ctx;
    const list = () =>
      commands
        .map((c) => (c.name === c.command ? `"${c.command}"` : `"${c.name}" (${c.command})`))
        .join(', ');
    if (!commands.length)
      return 'no test command is configured for this task (verification plan or quality.toml)';
    if (!wanted) {
      const defaults = commands.filter((c) => c.isDefault);
      return defaults.length ? defaults : `name one of the allowed commands: ${list()}`;
    }
    const found = commands.find((c) => c.name === wanted || c.command === wanted);
    if (!found) return `refused: ${quoted(wanted, 200)} is not an allowed test command. Allowed: ${list()}`;
    return [found];
  }

  private async runTests(args: Args): Promise<ToolOutcome> {
    const selected = this.selectCommands(args);
    if (typeof selected === 'string') return { ok: false, content: `error: ${selected}` };
    const runs: TestRunRecord[] = [];
    const reports: string[] = [];
    let allPassed = true;
    let firstFailure: { cmd: AllowedCommand; res: CommandResult; spoiled?: string } | undefined;
    for (const cmd of selected) {
      const remaining = this.ctx.remainingMs();
      if (remaining <= 0 || this.ctx.signal.aborted) {
        reports.push(`${cmd.command}: not run (time budget exhausted)`);
        allPassed = false;
        break;
      }
      this.ctx.log.info(`  run_tests: ${cmd.command}`);
      const { res, leftovers, gitChanges, watched } = await this.runOne(cmd, remaining);
      const notes: string[] = [];
      const spoiled: string[] = [];
      // As the Validator's judge(): a run whose processes outlived it is no pass (nor a proof of red).
      if (res.escaped) spoiled.push('processes it started left their process group');
      if (leftovers > 0) {
        spoiled.push('processes it started were still running in the repository');
        notes.push(
          `guardian: ${leftovers} process(es) the test run started were still running in the repository after it ended; killed`,
        );
        this.ctx.log.warn(
          `  run_tests: ${leftovers} process(es) left running in the repository by the tests; killed`,
        );
      }
      if (gitChanges.length) {
        const shown = gitChanges
          .map(
            (c) =>
              `${shownText(shownGitPath(this.ctx.root, watched, c.path), 200)} ${c.change}${c.restored ? ', put back' : ', NOT put back'}`,
          )
          .join('; ');
        spoiled.push("it changed the repository's git settings");
        notes.push(
          `guardian: warning: the test run changed the repository's git settings (config, hooks, refs), which later git commands would obey: ${shown}. ` +
            'Tests must not change them; the Validator fails a change whose tests do.',
        );
        this.ctx.log.warn(`  run_tests: the tests changed the repository's git settings: ${shown}`);
      }
      const passed = res.exitCode === 0 && !res.timedOut && !res.error && spoiled.length === 0;
      allPassed &&= passed;
      // Only a test command (a default one) can prove red: a failing linter says nothing about the tests.
      if (!passed && !firstFailure && cmd.isDefault)
        firstFailure = { cmd, res, ...(spoiled.length ? { spoiled: spoiled.join('; ') } : {}) };
      const rec: TestRunRecord = {
        phase: this.phase,
        turn: this.turn,
        command: cmd.command,
        exitCode: res.exitCode,
        timedOut: res.timedOut,
        passed,
        durationMs: res.durationMs,
        at: new Date().toISOString(),
        ...(spoiled.length ? { spoiled: spoiled.join('; ') } : {}),
      };
      runs.push(rec);
      this.testRuns.push(rec);
      const status = res.timedOut
        ? `timed out after ${Math.round(res.durationMs / 1000)}s`
        : res.error
          ? `could not run: ${res.error}`
          : `exit code ${res.exitCode}${res.signal ? ` (signal ${res.signal})` : ''} — ${passed ? 'PASSED' : 'FAILED'}${spoiled.length ? ` (${spoiled.join('; ')})` : ''}`;
      reports.push(
        `$ ${cmd.command}\n${status} in ${(res.durationMs / 1000).toFixed(1)}s\n--- output (end) ---\n${tail(res.output, OUTPUT_TAIL_CHARS)}${notes.length ? `\n${notes.join('\n')}` : ''}`,
      );
    }
    const outcome: ToolOutcome = { ok: true, content: reports.join('\n\n'), testRuns: runs };
    const defaultsRun =
      selected.every((c) => c.isDefault) &&
      selected.length === this.ctx.commands.filter((c) => c.isDefault).length;

    if (this.phase === 'red') {
      if (this.redTestFiles.size === 0) {
        outcome.content +=
          '\n\nPhase RED: write or extend the tests first (test files only), then run them and see them fail.';
      } else if (
        firstFailure &&
        !firstFailure.res.timedOut &&
        !firstFailure.res.error &&
        !firstFailure.spoiled
      ) {
        this.redProof = {
          command: firstFailure.cmd.command,
          exitCode: firstFailure.res.exitCode,
          testFiles: [...this.redTestFiles].sort(),
          outputTail: tail(firstFailure.res.output, 4000),
          at: new Date().toISOString(),
          turn: this.turn,
        };
        this.phase = 'green';
        this.dirty = true;
        outcome.phaseChange = { from: 'red', to: 'green', proof: this.redProof };
        outcome.content +=
          '\n\nRED confirmed: the new tests fail, as they must before the implementation exists. ' +
          'Phase is now GREEN: implement the change (any non-protected file) until run_tests passes, then call finish.';
      } else if (!selected.some((c) => c.isDefault)) {
        outcome.content +=
          '\n\nPhase RED: only a failing run of the test commands (run_tests without arguments) proves red.';
      } else if (allPassed) {
        outcome.content +=
          '\n\nPhase RED: the tests PASS, but before the implementation they must fail. Make the new tests check the behaviour the task asks for ' +
          '(and put them where the test command runs them), then run them again.';
      } else {
        outcome.content += `\n\nPhase RED: the run did not complete cleanly (${firstFailure?.spoiled ?? 'timeout or error'}), so it does not prove the tests fail. Fix and run again.`;
      }
    } else if (allPassed && defaultsRun) {
      this.dirty = false;
      this.greenPassed = true;
      outcome.content +=
        '\n\nAll default test commands pass. If the task is complete, call finish with a summary.';
    }
    return outcome;
  }

  /**
   * One test command, watched: the repository's git settings are put back as they were before it (a
   * test could plant a filter or a hook that Guardian's own `git add` for changes.patch, or a later git
   * command, would run), and the processes it started that still work in the repository once it has
   * ended are killed (a daemon that left its process group and dropped the command's mark).
   */
  private async runOne(
    cmd: AllowedCommand,
    remaining: number,
  ): Promise<{ res: CommandResult; leftovers: number; gitChanges: GitDirChange[]; watched: GitDirSnapshot }> {
    const watched = snapshotGitDir(this.ctx.root);
    let leftovers = 0;
    let gitChanges: GitDirChange[] = [];
    let res: CommandResult;
    try {
      const procs = snapshotProcesses();
      try {
        res = await runCommand({
          command: cmd.command,
          cwd: this.ctx.root,
          timeoutMs: Math.min(cmd.timeoutMs, remaining),
          env: { ...(this.ctx.env ?? process.env), ...cmd.env },
          // The check's own variables (quality.toml, at the base commit) are configuration, as for the Validator.
          allowEnv: Object.keys(cmd.env),
          secretEnv: this.ctx.secretEnv,
          signal: this.ctx.signal,
          maxOutputBytes: 256 * 1024,
        });
      } finally {
        leftovers = await killLeftoversIn(procs, [this.realRoot]);
      }
    } finally {
      // After the kill: nothing the run started can change the settings again once they are put back.
      gitChanges = restoreGitDir(watched);
    }
    return { res, leftovers, gitChanges, watched };
  }

  private finish(args: Args): ToolOutcome {
    const summary = str(args, 'summary', true).trim();
    if (!summary) throw new ArgError('"summary" must not be empty');
    let refusal: string | undefined;
    if (this.phase === 'red') {
      refusal = 'phase RED is not done: write failing tests and run them with run_tests first';
    } else if (this.ctx.commands.some((c) => c.isDefault) && (this.dirty || !this.greenPassed)) {
      refusal =
        'the default test commands must pass after your last change: call run_tests (without arguments) first';
    }
    if (!refusal) return { ok: true, content: 'finished', finished: { summary } };
    this.finishRefusals += 1;
    if (this.finishRefusals >= MAX_FINISH_REFUSALS) {
      return { ok: false, content: `error: finish refused: ${refusal}`, incomplete: refusal };
    }
    return { ok: false, content: `error: finish refused: ${refusal}` };
  }
}
