/**
 * Context7 over HTTP (used only when an API key is configured): resolve a library's Context7 id with
 * `GET /api/v2/libs/search?libraryName=…&query=…`, then fetch documentation snippets for the task with
 * `GET /api/v2/context?libraryId=…&query=…&type=json`. Answers are cached on disk (keyed by the request,
 * never by the key) so reruns and parallel tasks do not spend quota; failures become notes, never
 * errors — external docs improve a bundle but are never required for one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDir, sha256, writeFileAtomic } from '../util/fs.js';
import { sliceWhole } from '../util/chars.js';

export const CONTEXT7_DEFAULT_BASE_URL = 'https://context7.com/api';

export interface Context7Options {
  apiKey: string;
  /** Default https://context7.com/api (a self-hosted or test server otherwise). */
  baseUrl?: string;
  /** Cache directory; no cache when undefined. */
  cacheDir?: string;
  /** Cache entries older than this are refreshed (default 7 days). */
  cacheTtlMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Clock for cache expiry (tests). */
  now?: () => number;
}

export interface Context7Library {
  id: string;
  title: string;
  description?: string;
  versions: string[];
  totalSnippets?: number;
  trustScore?: number;
}

export interface Context7Snippet {
  title: string;
  /** Code or prose. */
  content: string;
  language?: string;
  /** Page or source URL when the API gives one. */
  source?: string;
}

export class Context7Error extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'Context7Error';
  }
}

export class Context7Client {
  private readonly base: string;
  private readonly doFetch: typeof fetch;
  /** Requests made over the network (not from cache) in this client's life. */
  requests = 0;

  constructor(private readonly opts: Context7Options) {
    this.base = (opts.baseUrl ?? CONTEXT7_DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.doFetch = opts.fetch ?? fetch;
  }

  /** Libraries matching a name, best match first (an exact name or id match wins over the API's order). */
  async searchLibraries(libraryName: string, query: string): Promise<Context7Library[]> {
    const body = await this.get('/v2/libs/search', { libraryName, query });
    // The answer is untrusted: anything that is not the documented shape is left out, never a crash.
    const raw = objects(Array.isArray(body) ? body : isObject(body) ? body.results : undefined);
    const libs = raw
      .filter((r) => typeof r.id === 'string')
      .map((r) => ({
        id: r.id as string,
        title: text(r.title) ?? text(r.name) ?? (r.id as string),
        description: typeof r.description === 'string' ? r.description : undefined,
        versions: Array.isArray(r.versions)
          ? r.versions
              .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
              .map(String)
          : [],
        totalSnippets: typeof r.totalSnippets === 'number' ? r.totalSnippets : undefined,
        trustScore: typeof r.trustScore === 'number' ? r.trustScore : undefined,
      }));
    const n = libraryName.toLowerCase().replace(/^@/, '');
    const exact = (l: Context7Library) =>
      l.title.toLowerCase() === n || l.id.toLowerCase().split('/').pop() === n.split('/').pop() ? 1 : 0;
    // Stable: keep the API's order except that exact name matches come first.
    return libs
      .map((l, i) => ({ l, i }))
      .sort((a, b) => exact(b.l) - exact(a.l) || a.i - b.i)
      .map((x) => x.l);
  }

  /** Documentation snippets of a library for a query. */
  async context(libraryId: string, query: string): Promise<Context7Snippet[]> {
    const body = await this.get('/v2/context', { libraryId, query, type: 'json' });
    if (typeof body === 'string')
      return body.trim() ? [{ title: libraryId, content: capSnippet(body.trim()) }] : [];
    const b = isObject(body) ? body : {};
    const out: Context7Snippet[] = [];
    for (const s of objects(b.codeSnippets)) {
      const list = objects(s.codeList);
      const code = list
        .map((c) => text(c.code) ?? '')
        .filter(Boolean)
        .join('\n\n');
      const desc = text(s.codeDescription) ?? '';
      const content = [desc, code].filter(Boolean).join('\n\n');
      if (!content.trim()) continue;
      out.push({
        title: text(s.codeTitle) ?? text(s.title) ?? 'snippet',
        content: capSnippet(content),
        language: text(list[0]?.language) ?? text(s.codeLanguage) ?? '',
        source: text(s.codeId) ?? text(s.pageTitle),
      });
    }
    for (const s of objects(b.infoSnippets)) {
      const content = (text(s.content) ?? '').trim();
      if (!content) continue;
      out.push({
        title: text(s.breadcrumb) ?? text(s.title) ?? 'documentation',
        content: capSnippet(content),
        source: text(s.pageId),
      });
    }
    return out;
  }

  private async get(path: string, params: Record<string, string>): Promise<unknown> {
    const url = new URL(this.base + path);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const cacheFile = this.opts.cacheDir
      ? join(this.opts.cacheDir, `${sha256(url.toString()).slice(0, 32)}.json`)
      : undefined;
    const now = this.opts.now?.() ?? Date.now();
    const ttl = this.opts.cacheTtlMs ?? 7 * 24 * 3600 * 1000;
    if (cacheFile && existsSync(cacheFile)) {
      try {
        const c = JSON.parse(readFileSync(cacheFile, 'utf8')) as { at: unknown; url: string; body: unknown };
        // An entry written "in the future" (a clock set wrong, a file copied in) would never expire.
        if (c.url === url.toString() && typeof c.at === 'number' && c.at <= now && now - c.at < ttl)
          return c.body;
      } catch {
        // A damaged cache entry is refetched.
      }
    }
    // One deadline for the whole exchange, body included (a server that drips one byte a second must not
    // hold the bundle), a bound on the body, and no redirects: documentation comes from this host only.
    const timeoutMs = this.opts.timeoutMs ?? 20_000;
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), timeoutMs);
    const failed = (why: string) =>
      new Context7Error(`Context7 request to ${url.origin}${url.pathname} failed: ${why}`);
    let res: Response;
    let text: string;
    try {
      this.requests++;
      try {
        res = await this.doFetch(url, {
          headers: { Authorization: `Bearer ${this.opts.apiKey}`, Accept: 'application/json, text/plain' },
          signal: ctl.signal,
          redirect: 'manual',
        });
      } catch (e) {
        throw failed(ctl.signal.aborted ? `timed out after ${timeoutMs} ms` : (e as Error).message);
      }
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel().catch(() => {});
        throw failed(`redirected (HTTP ${res.status}); redirects are not followed`);
      }
      try {
        text = await readBounded(res, MAX_BODY_BYTES);
      } catch (e) {
        throw failed(ctl.signal.aborted ? `timed out after ${timeoutMs} ms` : (e as Error).message);
      }
    } finally {
      clearTimeout(timer);
    }
    if (!res.ok) {
      let detail = '';
      try {
        const j = JSON.parse(text) as { message?: string; error?: string };
        detail = String(j.message ?? j.error ?? '');
      } catch {
        detail = text.slice(0, 200);
      }
      const what =
        res.status === 401 || res.status === 403
          ? 'the API key was refused'
          : res.status === 429
            ? 'rate limited or out of quota'
            : res.status === 404
              ? 'not found'
              : `HTTP ${res.status}`;
      // The server's text may echo the request's Authorization header: every copy of the key goes.
      const clean = this.opts.apiKey ? detail.split(this.opts.apiKey).join('***') : detail;
      throw new Context7Error(
        `Context7 ${url.pathname}: ${what}${clean ? ` (${clean.slice(0, 200)})` : ''}`,
        res.status,
      );
    }
    // A proxy's or a maintenance page answers 200 with HTML: that is no documentation, and caching it
    // would hide the library for days.
    if (
      /\btext\/html\b/i.test(res.headers.get('content-type') ?? '') ||
      /^\s*<(?:!doctype|html)\b/i.test(text)
    )
      throw failed('the answer is an HTML page, not the API');
    // A server may echo the request's Authorization header in a normal answer too: the key never
    // reaches the cache, the bundle or a prompt.
    if (this.opts.apiKey) text = text.split(this.opts.apiKey).join('***');
    let body: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') || /^\s*[[{]/.test(text)) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    if (cacheFile) {
      ensureDir(this.opts.cacheDir!);
      writeFileAtomic(cacheFile, JSON.stringify({ at: now, url: url.toString(), body }));
    }
    return body;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The objects of a JSON array (nothing for anything else). */
function objects(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

/** A JSON string or number as text; anything else (objects, null) is no text. */
function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/**
 * Characters of one snippet kept: a snippet is documentation for one query, kilobytes; a megabyte of it
 * would only cost time (counting its tokens) before the budget leaves it out.
 */
export const MAX_SNIPPET_CHARS = 16_000;

/** At most `max` characters of `s`, saying how many more there were. */
export function capChars(s: string, max: number): string {
  if (s.length <= max) return s;
  const kept = sliceWhole(s, max);
  return `${kept}\n… (${s.length - kept.length} more characters not shown)`;
}

function capSnippet(s: string): string {
  return capChars(s, MAX_SNIPPET_CHARS);
}

/** An answer larger than this is refused: documentation snippets for one query are kilobytes. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

async function readBounded(res: Response, max: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > max) {
    await res.body?.cancel().catch(() => {});
    throw new Error(`the answer is ${declared} bytes; at most ${max} are read`);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw new Error(`the answer is larger than ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The Context7 id for an installed version, when the library lists that version (`/org/lib/v1.4.46`). */
export function versionedId(lib: Context7Library, version: string | undefined): string {
  if (!version) return lib.id;
  const v = version.replace(/^v/, '');
  const tag = lib.versions.find((t) => t.replace(/^v/, '') === v);
  return tag ? `${lib.id}/${tag}` : lib.id;
}
