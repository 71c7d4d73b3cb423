/**
 * The repository's own history before the base commit: which files each past commit touched and what
 * its message said. Messages are strong evidence of what a file is about, and files that changed
 * together tend to change together again. Only ancestors of HEAD are read, so a task's own change (not
 * committed yet, or the child of the base in a benchmark) is never visible.
 *
 * Cached as two files: `history.json` (each commit's short sha, subject and files, the paths stored
 * once in a table) and `commits.tix`, the lexical index over full messages (see termindex.ts). Both are
 * keyed by HEAD: a new HEAD reads the history again, in a child process writing to a file, so that it
 * runs while this process reads the repository's files.
 */
import { execGitAsync } from '../git/git.js';
import { escapeControlChars, hasControlChar } from '../util/chars.js';
import { serializeTermIndex, TermIndex } from './termindex.js';
import { cutAtWord, tokenize } from './text.js';

export interface PastCommit {
  /** Abbreviated sha. */
  h: string;
  /** Subject line (truncated). */
  m: string;
  /** Paths touched. */
  f: string[];
}

export interface History {
  head: string;
  commits: PastCommit[];
}

export const HISTORY_VERSION = 7;
/** Long bodies are mostly templates and changelogs: the first few lines carry the meaning. */
const MAX_MESSAGE = 400;
const MAX_SUBJECT = 120;

/** Commits touching more files than this are bulk changes (formatting, renames): no evidence. */
export const MAX_COMMIT_FILES = 40;

/** A string that shares no memory with the one it was cut from. */
function own(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

/** Paths a commit can list before the rest is dropped (a bulk change is no evidence anyway). */
const MAX_NAMES_CHARS = 1 << 20;

/**
 * Parses `git log` output (see logArgs) as it is read, a chunk at a time: only the first MAX_MESSAGE
 * characters of a message are kept, so a history of multi-megabyte messages costs no more memory than
 * any other (the whole output as one string would not even fit in one).
 */
export class LogParser {
  readonly commits: PastCommit[] = [];
  readonly messages: string[] = [];
  /** 0: before a record; 1: sha; 2: message; 3: paths. */
  private field = 0;
  private h = '';
  private m = '';
  private f = '';

  push(text: string): void {
    let i = 0;
    while (i < text.length) {
      if (this.field === 0) {
        const rs = text.indexOf('\x1e', i);
        if (rs < 0) return;
        i = rs + 1;
        this.field = 1;
        this.h = this.m = this.f = '';
        continue;
      }
      const stop = this.field === 3 ? text.indexOf('\x1e', i) : text.indexOf('\x1f', i);
      const end = stop < 0 ? text.length : stop;
      const piece = text.slice(i, end);
      if (this.field === 1) this.h += piece.slice(0, Math.max(0, 64 - this.h.length));
      else if (this.field === 2) this.m += piece.slice(0, Math.max(0, MAX_MESSAGE + 64 - this.m.length));
      else this.f += piece.slice(0, Math.max(0, MAX_NAMES_CHARS - this.f.length));
      if (stop < 0) return;
      i = stop;
      if (this.field === 3) {
        this.finish();
        this.field = 0; // the separator starts the next record
      } else {
        this.field++;
        i++;
      }
    }
  }

  /** Ends the output: the last record has no separator after it. */
  end(): { commits: PastCommit[]; messages: string[] } {
    if (this.field === 3) this.finish();
    this.field = 0;
    return { commits: this.commits, messages: this.messages };
  }

  private finish(): void {
    // Copies: a piece of a chunk would keep the whole (megabytes) chunk alive for as long as it lives.
    const h = own(this.h.trim());
    const m = own(this.m.trim().slice(0, MAX_MESSAGE));
    const f = own(this.f)
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean);
    this.commits.push({ h, m: subjectOf(m), f });
    this.messages.push(m);
  }
}

/**
 * A commit's subject as evidence is shown: its first line, cut between words, with control characters
 * written out (a carriage return, an escape sequence or a bidirectional override in a message would
 * otherwise rewrite the lines around it on a terminal and in a bundle).
 */
function subjectOf(message: string): string {
  return cutAtWord(escapeControlChars(message.split('\n', 1)[0]!), MAX_SUBJECT);
}

function logArgs(range: string, depth: number): string[] {
  return [
    '-c',
    'core.quotepath=off',
    'log',
    '--no-merges',
    '--no-renames',
    '--relative',
    `-n${depth}`,
    '--format=%x1e%h%x1f%B%x1f',
    '--name-only',
    range,
    '--',
  ];
}

/** HEAD's sha, or undefined in a repository without commits (or outside git). */
export async function headSha(root: string): Promise<string | undefined> {
  const r = await execGitAsync(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], {
    cwd: root,
    allowFailure: true,
  });
  return r.code === 0 ? r.stdout.trim() : undefined;
}

/** References to issues and pull requests in a text (`#6415`, `gh-64`), as terms `#6415`. */
export function referenceTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|[^\w&#/])(?:#|gh-)(\d{2,7})\b/gi)) out.push(`#${m[1]!}`);
  return out;
}

/**
 * Terms of a task read against commit messages: its words, and each reference to an issue or pull
 * request. Numbers are otherwise dropped, but a task that names the change it follows up ("fixes two
 * regressions from #6415") points at that change's commit, and at the other commits of the same issue,
 * more precisely than any word. The references are a field of their own in the commit index, so the
 * words' scores are those of an index without them.
 */
export function messageTerms(text: string): string[] {
  return [...tokenize(text), ...referenceTerms(text)];
}

/** The commit index's fields: the message's words, its references. */
export const COMMIT_FIELDS = ['m', 'r'];

export function commitIndexOptions() {
  return {
    fields: COMMIT_FIELDS,
    idField: 'i',
    autoVacuum: false,
    tokenize: messageTerms,
    processTerm: (t: string) => t,
    searchOptions: { prefix: false, fuzzy: false, combineWith: 'OR' as const },
  };
}

/** Cached form of a history: paths stored once, commits as [sha, subject, path numbers]. */
export interface StoredHistory {
  version: number;
  depth: number;
  head: string;
  paths: string[];
  commits: [string, string, number[]][];
}

export function storeHistory(history: History, depth: number): StoredHistory {
  const ids = new Map<string, number>();
  const paths: string[] = [];
  const commits = history.commits.map((c): [string, string, number[]] => [
    c.h,
    c.m,
    c.f.map((p) => {
      let id = ids.get(p);
      if (id === undefined) {
        id = paths.length;
        ids.set(p, id);
        paths.push(p);
      }
      return id;
    }),
  ]);
  return { version: HISTORY_VERSION, depth, head: history.head, paths, commits };
}

/** A stored history back in memory, or undefined when it is not one (callers rebuild). */
export function restoreHistory(v: unknown, head: string, depth: number): History | undefined {
  const s = v as StoredHistory;
  if (
    !s ||
    s.version !== HISTORY_VERSION ||
    s.depth !== depth ||
    s.head !== head ||
    !Array.isArray(s.paths) ||
    !Array.isArray(s.commits)
  ) {
    return undefined;
  }
  const commits: PastCommit[] = [];
  for (const c of s.commits) {
    if (
      !Array.isArray(c) ||
      typeof c[0] !== 'string' ||
      !/^[0-9a-f]{4,64}$/.test(c[0]) ||
      typeof c[1] !== 'string' ||
      !Array.isArray(c[2])
    )
      return undefined;
    const f: string[] = [];
    for (const i of c[2]) {
      const p = s.paths[i];
      if (typeof p !== 'string') return undefined;
      f.push(p);
    }
    // A cached subject is untrusted like the rest of the cache: shown escaped as a fresh one would be.
    commits.push({ h: c[0], m: hasControlChar(c[1]) ? subjectOf(c[1]) : c[1], f });
  }
  return { head, commits };
}

/** History up to `head` (inclusive), at most `depth` commits, with its message index serialized. */
export async function readHistory(
  root: string,
  head: string,
  depth: number,
): Promise<{ history: History; commitIndexText: string }> {
  const parser = new LogParser();
  const r = await execGitAsync(logArgs(head, depth), {
    cwd: root,
    allowFailure: true,
    stdoutToFile: true,
    onStdout: (text) => parser.push(text),
  });
  const { commits, messages } = r.code === 0 ? parser.end() : { commits: [], messages: [] };
  const docs = [];
  for (let i = 0; i < commits.length; i++) {
    const n = commits[i]!.f.length;
    if (n > 0 && n <= MAX_COMMIT_FILES)
      docs.push({ id: i, fields: [tokenize(messages[i]!), referenceTerms(messages[i]!)] });
  }
  const commitIndexText = serializeTermIndex(COMMIT_FIELDS, docs, { head, count: commits.length });
  return { history: { head, commits }, commitIndexText };
}

/** Opens a serialized commit index if it belongs to this history. */
export function openCommitIndex(text: string, history: History): TermIndex | undefined {
  const ix = new TermIndex(text, commitIndexOptions());
  const meta = ix.header.meta as { head?: unknown; count?: unknown } | undefined;
  if (meta?.head !== history.head || meta.count !== history.commits.length) return undefined;
  // Documents are positions in the history: any other id is a damaged file, not a commit.
  for (const id of Object.values(ix.header.documentIds))
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= history.commits.length)
      throw new Error(`commit index names commit ${JSON.stringify(id).slice(0, 20)}, not one of the history`);
  return ix;
}
