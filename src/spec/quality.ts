/** `quality.toml`: the Validator's checks and the optional tables other stations read. */
import { parse as parseToml, TomlError } from 'smol-toml';
import { hasControlChar } from '../util/chars.js';
import { commandProblem, describe } from './plan.js';
import { decodeSpecFile, didYouMean } from './text.js';
import {
  DEFAULT_CHECK_TIMEOUT_SECONDS,
  DEFAULT_PROTECTED,
  DEFAULT_TOKEN_BUDGET,
  type Problem,
  type QualityCheck,
  type QualityConfig,
} from './types.js';
import { globProblem } from '../util/glob.js';

/** How many globs one list of quality.toml may hold. */
const MAX_GLOBS = 200;

const TABLES = ['quality_checks', 'setup', 'guard', 'validator', 'bundle', 'llm', 'commit'] as const;
const CHECK_FIELDS = ['command', 'timeout', 'exclusive', 'env'] as const;
const CHECK_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

type Table = Record<string, unknown>;

function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** The key index's name for the lines before the first table header (a header is never a bare word). */
const TOP = 'top-level';

/** The keys a trimmed `key = value` line may define: as written, and without the quotes around it. */
function keyCandidates(line: string): string[] {
  const out: string[] = [];
  const add = (eq: number) => {
    if (eq < 0) return;
    const k = line.slice(0, eq).trimEnd();
    const open = k.startsWith('"') || k.startsWith("'");
    const close = k.endsWith('"') || k.endsWith("'");
    out.push(k);
    if (open) out.push(k.slice(1));
    if (close) out.push(k.slice(0, -1));
    if (open && close && k.length >= 2) out.push(k.slice(1, -1));
  };
  const eq = line.indexOf('=');
  add(eq);
  // A quoted key may itself hold '=': then its definition's '=' is the first one after the closing quote.
  const q = line[0];
  if (eq >= 0 && (q === '"' || q === "'")) {
    let close = 1;
    while (close < line.length && line[close] !== q) close += q === '"' && line[close] === '\\' ? 2 : 1;
    if (close > eq) add(line.indexOf('=', close + 1));
  }
  return out;
}

/** Words and quoted strings, for the "any mention" fallback of `lineOf` once scanning is too costly. */
const MENTION = /[A-Za-z0-9_.-]+|"[^"]*"|'[^']*'/g;
/** Characters the "any mention" fallback of `lineOf` may scan in all, as a multiple of the file's size. */
const MENTION_SCAN_BUDGET = 8;

/**
 * The table a trimmed `[name]` header line opens (not `[[name]]`), or undefined. Read in code: the
 * expression `^\[\s*([^\]]+?)\s*\]` backtracks quadratically on a long run of spaces with no `]`
 * after it, and such a line is valid inside a multi-line string.
 */
function tableHeader(l: string): string | undefined {
  if (!l.startsWith('[') || l.startsWith('[[')) return undefined;
  const close = l.indexOf(']');
  if (close < 0) return undefined;
  const name = l.slice(1, close).trim();
  return name === '' ? undefined : name;
}

/** Everything `lineOf` needs, from one pass over the lines. */
function indexLines(lines: string[]) {
  /** Per table (`[name]`, or TOP before the first header): each key's first `key = …` line. */
  const keyLine = new Map<string, Map<string, number>>();
  /** Each table's last header line. */
  const headerLine = new Map<string, number>();
  let section = TOP;
  let size = 0;
  for (let i = 0; i < lines.length; i++) {
    size += lines[i]!.length + 1;
    const l = lines[i]!.trim();
    const h = tableHeader(l);
    if (h !== undefined) {
      section = `[${h}]`;
      headerLine.set(h, i + 1);
    } else {
      let keys = keyLine.get(section);
      if (!keys) keyLine.set(section, (keys = new Map()));
      for (const k of keyCandidates(l)) if (!keys.has(k)) keys.set(k, i + 1);
    }
  }

  // The first line that contains the key. Scanning for each key is quadratic when thousands of keys are
  // looked up (dotted `quality_checks.name = …` lines without a header), so after a budget the first
  // line where the key is a word or a quoted string answers instead, from an index built once.
  const found = new Map<string, number | undefined>();
  let budget = MENTION_SCAN_BUDGET * size;
  let words: Map<string, number> | undefined;
  const wordLine = (key: string): number | undefined => {
    if (!words) {
      words = new Map();
      for (let i = 0; i < lines.length; i++) {
        for (const m of lines[i]!.matchAll(MENTION)) {
          const quoted = m[0].startsWith('"') || m[0].startsWith("'");
          for (const w of quoted ? [m[0].slice(1, -1)] : [m[0], ...m[0].split('.')])
            if (w !== '' && !words.has(w)) words.set(w, i + 1);
        }
      }
    }
    return words.get(key);
  };
  const mentionLine = (key: string): number | undefined => {
    if (found.has(key)) return found.get(key);
    let line: number | undefined;
    let i = 0;
    for (; i < lines.length && budget > 0; i++) {
      budget -= lines[i]!.length + 1;
      if (lines[i]!.includes(key)) {
        line = i + 1;
        break;
      }
    }
    if (line === undefined && i < lines.length) line = wordLine(key);
    found.set(key, line);
    return line;
  };
  return { keyLine, headerLine, mentionLine };
}

export function parseQualityToml(
  data: string | Buffer,
  file = 'quality.toml',
): { config?: QualityConfig; problems: Problem[] } {
  const decoded = decodeSpecFile(data, file);
  if (decoded.text === undefined) return { problems: decoded.problems };
  const text = decoded.text;
  const lines = text.split(/\r?\n/);
  const problems: Problem[] = [];

  let doc: Table;
  try {
    doc = parseToml(text) as Table;
  } catch (e) {
    if (e instanceof TomlError) {
      const first = e.message.split('\n')[0] ?? e.message;
      return {
        problems: [{ file, line: e.line, severity: 'error', message: `TOML syntax error: ${first}` }],
      };
    }
    return { problems: [{ file, severity: 'error', message: `TOML: ${(e as Error).message}` }] };
  }

  /**
   * Best-effort line of `key` inside `[table]` (smol-toml does not report positions): the first
   * `key = …` line (the key bare or quoted) under a `[table]` header, else the table's header, else the
   * first line that mentions the key. The lines are indexed once: a lookup per check must not rescan
   * the file (10,000 checks took 22 s).
   */
  const { keyLine, headerLine, mentionLine } = indexLines(lines);
  const lineOf = (table: string | undefined, key?: string): number | undefined => {
    if (key !== undefined) {
      const line = keyLine.get(table === undefined ? TOP : `[${table}]`)?.get(key);
      if (line !== undefined) return line;
      // A key that is a table of its own: `[validator.extra]`, `[quality_checks.tests]`.
      const own = headerLine.get(table === undefined ? key : `${table}.${key}`);
      if (own !== undefined) return own;
    }
    // Dotted or inline definitions: fall back to the table header or any mention.
    const tableLine = table === undefined ? undefined : headerLine.get(table);
    if (tableLine) return tableLine;
    return key === undefined ? undefined : mentionLine(key);
  };
  const err = (table: string | undefined, key: string | undefined, message: string, at?: number) => {
    const field = [table, key].filter(Boolean).join('.');
    const line = at ?? lineOf(table, key);
    problems.push({
      file,
      ...(line ? { line } : {}),
      field: field || undefined,
      severity: 'error',
      message,
    } as Problem);
  };

  for (const k of Object.keys(doc)) {
    if (!(TABLES as readonly string[]).includes(k)) {
      err(
        undefined,
        k,
        `unknown table or key '${k}'${didYouMean(k, TABLES)}; known tables: ${TABLES.map((t) => `[${t}]`).join(', ')}`,
      );
    } else if (!isTable(doc[k])) {
      err(undefined, k, `expected a table [${k}], got ${describe(doc[k])}`);
    }
  }
  const table = (name: string): Table => (isTable(doc[name]) ? (doc[name] as Table) : {});
  const allowOnly = (name: string, allowed: readonly string[]) => {
    for (const k of Object.keys(table(name))) {
      if (!allowed.includes(k))
        err(name, k, `unknown key '${k}'${didYouMean(k, allowed)}; expected one of ${allowed.join(', ')}`);
    }
  };
  const positive = (
    name: string,
    key: string,
    opts: { int?: boolean; max?: number } = {},
  ): number | undefined => {
    const v = table(name)[key];
    if (v === undefined) return undefined;
    const n = typeof v === 'bigint' ? Number(v) : v;
    if (
      typeof n !== 'number' ||
      !(n > 0) ||
      (opts.int && !Number.isInteger(n)) ||
      (opts.max !== undefined && n > opts.max)
    ) {
      err(
        name,
        key,
        `expected a positive ${opts.int ? 'integer' : 'number'}${opts.max ? ` up to ${opts.max}` : ''}, got ${describe(v)}`,
      );
      return undefined;
    }
    return n;
  };
  const str = (name: string, key: string, t: Table = table(name)): string | undefined => {
    const v = t[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v.trim() === '') {
      err(name, key, `expected a non-empty string, got ${describe(v)}`);
      return undefined;
    }
    // Names, e-mail addresses, models and URLs: one line of plain text (they reach commits and logs).
    if (hasControlChar(v)) {
      err(
        name,
        key,
        `expected one line of plain text, got ${describe(v)}: it contains a control character (a line break, an escape sequence or a bidi override)`,
      );
      return undefined;
    }
    return v;
  };
  const bool = (name: string, key: string): boolean | undefined => {
    const v = table(name)[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') {
      err(name, key, `expected true or false, got ${describe(v)}`);
      return undefined;
    }
    return v;
  };
  const strings = (
    name: string,
    key: string,
    opts: { check?: (s: string) => string | undefined } = {},
    t: Table = table(name),
  ): string[] | undefined => {
    const v = t[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) {
      err(name, key, `expected a list of non-empty strings, got ${describe(v)}`);
      return undefined;
    }
    // Every bad item, each named: "got a list" did not say which one was wrong.
    let ok = true;
    for (const [i, s] of v.entries()) {
      const why =
        typeof s !== 'string' || s.trim() === ''
          ? `expected a non-empty string, got ${describe(s)}`
          : opts.check?.(s);
      if (why) {
        err(
          name,
          key,
          `item ${i + 1}${typeof s === 'string' && s.trim() !== '' ? ` ${describe(s)}` : ''}: ${why}`,
        );
        ok = false;
      }
    }
    return ok ? (v as string[]) : undefined;
  };
  // Globs become backtracking regular expressions: each further wildcard in one path segment multiplies
  // the time a long file name takes (four took 24 s on one name), so a glob is kept simple.
  const globs = (name: string, key: string): string[] | undefined => {
    const v = strings(name, key);
    if (v === undefined) return undefined;
    if (v.length > MAX_GLOBS) {
      err(name, key, `expected at most ${MAX_GLOBS} globs, got ${v.length}`);
      return undefined;
    }
    let ok = true;
    for (const g of v) {
      const problem = globProblem(g);
      if (problem) {
        err(name, key, `glob ${describe(g)}: ${problem}`);
        ok = false;
      }
    }
    return ok ? v : undefined;
  };
  const url = (name: string, key: string, t: Table = table(name)): string | undefined => {
    const v = str(name, key, t);
    if (v === undefined) return undefined;
    try {
      const u = new URL(v);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
      return v;
    } catch {
      err(name, key, `expected an http(s) URL, got ${describe(v)}`);
      return undefined;
    }
  };

  // [quality_checks]
  const checks: QualityCheck[] = [];
  if (doc.quality_checks === undefined) {
    err(
      undefined,
      'quality_checks',
      'missing [quality_checks] table: the Validator needs at least one check (name = "command")',
    );
  }
  for (const [name, v] of Object.entries(table('quality_checks'))) {
    if (!CHECK_NAME.test(name)) {
      err('quality_checks', name, `check name '${name}' must be letters, digits, '_', '.', '-' (up to 64)`);
      continue;
    }
    if (typeof v === 'string') {
      const why = v.trim() === '' ? 'expected a non-empty command' : commandProblem(v);
      if (why) err('quality_checks', name, why);
      else checks.push({ name, command: v, exclusive: false, env: {}, line: lineOf('quality_checks', name) });
      continue;
    }
    if (!isTable(v)) {
      err(
        'quality_checks',
        name,
        `expected a command string or a table {command, timeout, exclusive, env}, got ${describe(v)}`,
      );
      continue;
    }
    const before = problems.length;
    // A check written as its own table (`[quality_checks.tests]`): a key's own line there.
    const fieldLine = (k: string) => keyLine.get(`[quality_checks.${name}]`)?.get(k);
    for (const k of Object.keys(v)) {
      if (!(CHECK_FIELDS as readonly string[]).includes(k)) {
        err(
          'quality_checks',
          name,
          `unknown key '${k}' in check '${name}'${didYouMean(k, CHECK_FIELDS)}; expected ${CHECK_FIELDS.join(', ')}`,
          fieldLine(k),
        );
      }
    }
    if (typeof v.command !== 'string' || v.command.trim() === '') {
      err(
        'quality_checks',
        name,
        `check '${name}': expected a non-empty 'command' string, got ${describe(v.command)}`,
        fieldLine('command'),
      );
    } else {
      const why = commandProblem(v.command);
      if (why) err('quality_checks', name, `check '${name}': ${why}`, fieldLine('command'));
    }
    const timeout = typeof v.timeout === 'bigint' ? Number(v.timeout) : v.timeout;
    // The bounds the message names (and a plan step's `timeout` keeps): 0.001 passed and timed every
    // run of the check out.
    if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout >= 1) || timeout > 86400)) {
      err(
        'quality_checks',
        name,
        `check '${name}': 'timeout' must be seconds between 1 and 86400, got ${describe(v.timeout)}`,
        fieldLine('timeout'),
      );
    }
    if (v.exclusive !== undefined && typeof v.exclusive !== 'boolean') {
      err(
        'quality_checks',
        name,
        `check '${name}': 'exclusive' must be true or false, got ${describe(v.exclusive)}`,
        fieldLine('exclusive'),
      );
    }
    const env: Record<string, string> = {};
    if (v.env !== undefined) {
      if (!isTable(v.env))
        err('quality_checks', name, `check '${name}': 'env' must be a table of strings`, fieldLine('env'));
      else
        for (const [ek, ev] of Object.entries(v.env)) {
          // A NUL in a value cannot be passed to a process (spawning the check threw).
          if (typeof ev !== 'string' || ev.includes('\0') || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(ek)) {
            err(
              'quality_checks',
              name,
              `check '${name}': env.${ek} must be a string with a valid variable name`,
              keyLine.get(`[quality_checks.${name}.env]`)?.get(ek) ?? fieldLine('env'),
            );
          } else env[ek] = ev;
        }
    }
    if (problems.length === before) {
      checks.push({
        name,
        command: v.command as string,
        ...(timeout !== undefined ? { timeout: timeout as number } : {}),
        exclusive: (v.exclusive as boolean | undefined) ?? false,
        env,
        line: lineOf('quality_checks', name),
      });
    }
  }

  if (isTable(doc.quality_checks) && Object.keys(doc.quality_checks).length === 0) {
    problems.push({
      file,
      ...(headerLine.get('quality_checks') ? { line: headerLine.get('quality_checks') } : {}),
      field: 'quality_checks',
      severity: 'warning',
      message:
        '[quality_checks] is empty: the Validator will judge changes by the verification plan alone (add name = "command")',
    });
  }

  allowOnly('setup', ['commands', 'timeout']);
  allowOnly('guard', ['protected', 'allow_skip_markers', 'allow_config_changes']);
  allowOnly('validator', ['jobs', 'fail_fast', 'default_timeout', 'secret_env', 'clean_worktree']);
  allowOnly('bundle', ['token_budget', 'include', 'exclude']);
  allowOnly('llm', [
    'model',
    'base_url',
    'coder',
    'security',
    'max_turns',
    'token_budget',
    'cost_budget_usd',
    'timeout_seconds',
  ]);
  allowOnly('commit', ['author_name', 'author_email']);

  const llm = table('llm');
  const stationLlm = (name: 'coder' | 'security') => {
    const t = llm[name];
    if (t === undefined) return {};
    if (!isTable(t)) {
      err('llm', name, `expected a table [llm.${name}] with model and base_url`);
      return {};
    }
    for (const k of Object.keys(t)) {
      if (k !== 'model' && k !== 'base_url')
        err(`llm.${name}`, k, `unknown key '${k}'; expected model, base_url`);
    }
    const model = str(`llm.${name}`, 'model', t);
    const baseUrl = url(`llm.${name}`, 'base_url', t);
    return { ...(model ? { model } : {}), ...(baseUrl ? { baseUrl } : {}) };
  };

  const tokenBudget = positive('bundle', 'token_budget', { int: true });
  if (tokenBudget !== undefined && tokenBudget < 1000)
    err('bundle', 'token_budget', `expected at least 1000 tokens, got ${tokenBudget}`);
  const email = str('commit', 'author_email');
  if (email !== undefined && !/^[^\s@<>]+@[^\s@<>]+$/.test(email))
    err('commit', 'author_email', `expected an e-mail address, got ${describe(email)}`);

  /** `{ key: value }` when the value is set, else nothing (optional fields stay absent). */
  const opt = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

  const config: QualityConfig = {
    path: file,
    checks,
    setup: {
      commands: strings('setup', 'commands', { check: commandProblem }) ?? [],
      ...opt('timeout', positive('setup', 'timeout', { max: 86400 })),
    },
    guard: {
      // A project's own list adds to the defaults: quality.toml, the specs, workflows and bundles stay
      // protected whatever the list says, or a change could rewrite the next run's checks.
      protected: [...new Set([...DEFAULT_PROTECTED, ...(globs('guard', 'protected') ?? [])])],
      allowSkipMarkers: bool('guard', 'allow_skip_markers') ?? false,
      allowConfigChanges: bool('guard', 'allow_config_changes') ?? false,
    },
    validator: {
      ...opt('jobs', positive('validator', 'jobs', { int: true, max: 64 })),
      failFast: bool('validator', 'fail_fast') ?? false,
      defaultTimeout:
        positive('validator', 'default_timeout', { max: 86400 }) ?? DEFAULT_CHECK_TIMEOUT_SECONDS,
      secretEnv:
        strings('validator', 'secret_env', {
          check: (s) =>
            /^[A-Za-z_][A-Za-z0-9_]*$/.test(s)
              ? undefined
              : 'expected an environment variable name (letters, digits, _)',
        }) ?? [],
      cleanWorktree: bool('validator', 'clean_worktree') ?? false,
    },
    bundle: {
      tokenBudget: tokenBudget ?? DEFAULT_TOKEN_BUDGET,
      include: globs('bundle', 'include') ?? [],
      exclude: globs('bundle', 'exclude') ?? [],
    },
    llm: {
      ...opt('model', str('llm', 'model')),
      ...opt('baseUrl', url('llm', 'base_url')),
      coder: stationLlm('coder'),
      security: stationLlm('security'),
      ...opt('maxTurns', positive('llm', 'max_turns', { int: true })),
      ...opt('tokenBudget', positive('llm', 'token_budget', { int: true })),
      ...opt('costBudgetUsd', positive('llm', 'cost_budget_usd')),
      ...opt('timeoutSeconds', positive('llm', 'timeout_seconds', { max: 86400 })),
    },
    commit: {
      ...opt('authorName', str('commit', 'author_name')),
      ...opt('authorEmail', email),
    },
  };
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { config, problems };
}
