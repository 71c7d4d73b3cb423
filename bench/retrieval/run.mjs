#!/usr/bin/env node
// Retrieval benchmark for `guardian search`.
//
// Cases are mined from real repositories' history: the task text is a commit's message (subject +
// body), the answer ("gold") is the non-test source files the commit modified, and the corpus is the
// tree of the commit's PARENT, checked out in a scratch clone — the change itself is never visible,
// and the history signals only see commits up to the parent.
//
// Usage:
//   node bench/retrieval/run.mjs [options] REPO [REPO...]
//     REPO        a git repository (bare or not), optionally named: click=/path/to/click.git
//     --cases N   cases per repository (default 25)
//     --scan N    newest non-merge commits to mine from (default 4000)
//     --out F     also write the results as JSON to F (a Markdown table goes next to it as F.md)
//     --fast      run guardian in-process with one shared cache per repository (quick ranking
//                 iterations; latency columns are then not meaningful)
//     --no-build  reuse bench/.work/build (else src/search is compiled there with tsc first)
//     --no-baselines  skip the BM25 and keyword baselines (their columns then read 0)
//     --embeddings-url URL --embeddings-model NAME
//                 re-rank with an OpenAI-compatible embeddings endpoint (the key, if it needs one, from
//                 GUARDIAN_EMBEDDINGS_API_KEY); each case is then also ranked without it, and the table
//                 gains a "no embeddings" row: the re-ranking's own effect, measured in the same run.
//                 A case whose re-ranking fails stops the run (its figures would be the plain ranker's).
// Baselines, over the same files and the same task text: BM25 with MiniSearch's defaults over path, symbol
// names and content; the same BM25 with identifiers split into words and common English words dropped
// ("code tokens"); and a count of the task's words in each file.
// Scratch data lives in bench/.work/ (git-ignored).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import {
  checkRepositories,
  compileWithTsc,
  optionCount,
  optionValue,
  printHelp,
  repositoryArg,
} from '../args.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '..', '..');
const work = join(projectRoot, 'bench', '.work');
const build = join(work, 'build');

/** How many files each ranker returns for a case (MRR looks this deep; recall@k at most 10). */
const TOP = 100;

function parseArgs(argv) {
  const o = {
    cases: 25,
    scan: 4000,
    out: undefined,
    fast: false,
    build: true,
    baselines: true,
    repos: [],
    embeddingsUrl: undefined,
    embeddingsModel: undefined,
  };
  const value = (a, i) => optionValue(argv, a, i);
  const count = (a, i) => optionCount(argv, a, i);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--cases') o.cases = count(a, ++i);
    else if (a === '--scan') o.scan = count(a, ++i);
    else if (a === '--out') o.out = resolve(value(a, ++i));
    else if (a === '--fast') o.fast = true;
    else if (a === '--no-build') o.build = false;
    else if (a === '--no-baselines') o.baselines = false;
    else if (a === '--embeddings-url') o.embeddingsUrl = value(a, ++i);
    else if (a === '--embeddings-model') o.embeddingsModel = value(a, ++i);
    else if (a === '--help' || a === '-h') printHelp(import.meta.url);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else o.repos.push(repositoryArg(a));
  }
  checkRepositories(o.repos);
  if (!o.embeddingsUrl !== !o.embeddingsModel)
    throw new Error('--embeddings-url and --embeddings-model go together (see --help)');
  return o;
}

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(`run.mjs: ${e.message}`);
  process.exit(2);
}
mkdirSync(work, { recursive: true });
if (opts.build) compileWithTsc(projectRoot, join(here, 'tsconfig.json'));
const files = await import(join(build, 'src', 'search', 'files.js'));
const search = opts.fast ? await import(join(build, 'src', 'search', 'index.js')) : undefined;

import { bootstrapInterval, git, metrics, mineCases, pct, summarize } from './cases.mjs';

// ---------------------------------------------------------------- baselines
function corpusOf(root) {
  const listing = files.listCandidates(root);
  const docs = [];
  for (const c of listing.files) {
    // What guardian's index leaves out by name (submodules and nested repositories included).
    if (c.skip ?? files.pathSkipReason(c.path)) continue;
    const r = files.readCandidate(root, c, 512 * 1024);
    if (!r.ok || files.contentSkipReason(r.buf, c.path)) continue;
    docs.push({ id: c.path, path: c.path, content: files.decodeText(r.buf).text, blob: r.blob });
  }
  return docs;
}

function symbolNames(cacheDir, docs) {
  // The names each file defines, as guardian's index recorded them, for the BM25 symbols field.
  // Without them the baseline would silently lose a field: say so.
  let blobs;
  try {
    blobs = JSON.parse(readFileSync(join(cacheDir, 'blobs.json'), 'utf8')).entries;
  } catch (e) {
    if (docs.length)
      console.error(`  warning: BM25 without symbol names (${cacheDir}/blobs.json: ${e.message})`);
  }
  for (const d of docs) d.symbols = (blobs?.[d.blob]?.d ?? []).join(' ');
}

function bm25(docs, query, code = false) {
  const ms = new MiniSearch({
    fields: ['path', 'symbols', 'content'],
    idField: 'id',
    ...(code ? { tokenize: codeTokens, processTerm: (t) => t } : {}),
  });
  ms.addAll(docs);
  return ms.search(query).map((r) => r.id);
}

// The same BM25 with the two things any code search does before it: identifiers split into their words
// (`parseJSONStream` → parse, json, stream, and the whole name kept too; `format_filename` likewise) and
// common English words dropped, for the documents and the task alike. MiniSearch's default tokenizer
// does neither, so a task saying "JSON stream" never meets `parseJSONStream`, and a long task's
// "the", "to" and "of" count as matches in every file. No stemming, no other signal.
const CODE_STOP = new Set(
  'a an and are as at be but by can do does for from has have i if in into is it its not of on or our so that the their then there these this to was we were when which will with you'.split(
    ' ',
  ),
);
function codeTokens(text) {
  const out = [];
  for (const word of text.match(/[\p{L}\p{N}_$]+/gu) ?? []) {
    const parts = word
      .split(
        /_+|\$+|(?<=[\p{Ll}\p{N}])(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u,
      )
      .filter(Boolean);
    for (const part of parts) out.push(part.toLowerCase());
    if (parts.length > 1) out.push(word.toLowerCase());
  }
  return out.filter((t) => t.length > 1 && !CODE_STOP.has(t));
}

const STOP = new Set(
  'the and for with from that this are was were not but into when then than have has its use fix fixes fixed add adds added'.split(
    ' ',
  ),
);
function keywordCount(docs, query) {
  const words = [
    ...new Set(
      (query.toLowerCase().match(/[a-z0-9_]{3,}/g) ?? []).filter((w) => !STOP.has(w) && !/^\d+$/.test(w)),
    ),
  ];
  const scored = [];
  for (const d of docs) {
    const text = `${d.path}\n${d.content}`.toLowerCase();
    let s = 0;
    for (const w of words) {
      let i = text.indexOf(w);
      while (i >= 0) {
        s++;
        i = text.indexOf(w, i + w.length);
      }
    }
    if (s > 0) scored.push({ id: d.id, s });
  }
  scored.sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : 1));
  return scored.map((x) => x.id);
}

// ---------------------------------------------------------------- run
// The endpoint, without its key: the key stays in the environment (never in a file or the results).
const embeddings = opts.embeddingsUrl
  ? { baseUrl: opts.embeddingsUrl, model: opts.embeddingsModel }
  : undefined;
const withKey = (e) =>
  e && process.env.GUARDIAN_EMBEDDINGS_API_KEY
    ? { ...e, apiKey: process.env.GUARDIAN_EMBEDDINGS_API_KEY }
    : e;

/** A ranking that was meant to be re-ranked and was not measures the plain ranker: stop. */
function checkReranked(notes, what) {
  const failed = notes.find((n) => n.startsWith('embeddings re-ranking skipped'));
  if (failed) throw new Error(`${what}: ${failed}`);
}

function runQuery(root, query, cacheDir, emb) {
  const argFile = join(work, 'query-args.json');
  writeFileSync(
    argFile,
    JSON.stringify({ root, query, cacheDir, top: TOP, ...(emb ? { embeddings: emb } : {}) }),
  );
  const r = spawnSync(process.execPath, [join(here, 'query.mjs'), argFile], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`query failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const results = {
  startedAt: new Date().toISOString(),
  options: { cases: opts.cases, scan: opts.scan, fast: opts.fast, ...(embeddings ? { embeddings } : {}) },
  repos: [],
};
for (const repo of opts.repos) {
  const { picked, eligible } = mineCases(repo, opts, files);
  const clone = join(work, 'repos', repo.name);
  if (!existsSync(clone)) git(work, ['clone', '-q', '--shared', '--no-checkout', repo.path, clone]);
  const perCase = [];
  const t0 = Date.now();
  for (const [i, c] of picked.entries()) {
    git(clone, ['checkout', '-q', '--detach', '-f', c.parent]);
    git(clone, ['clean', '-q', '-ffdx']);
    const cacheDir = opts.fast ? join(work, 'cache', repo.name) : join(work, 'cache', `${repo.name}-case`);
    let guardian;
    /** Embeddings configured: the same case ranked without them. */
    let plain;
    let cold;
    let warm;
    let coldCpu;
    let warmCpu;
    if (opts.fast) {
      const t = performance.now();
      const res = await search.searchRepository({
        root: clone,
        query: c.message,
        top: TOP,
        symbolFiles: 10,
        cacheDir,
        ...(embeddings ? { embeddings: withKey(embeddings) } : {}),
      });
      guardian = res.files.map((f) => f.path);
      cold = warm = coldCpu = warmCpu = performance.now() - t;
      if (embeddings) {
        checkReranked(res.notes, `${repo.name} ${c.sha.slice(0, 10)}`);
        const p = await search.searchRepository({
          root: clone,
          query: c.message,
          top: TOP,
          symbolFiles: 10,
          cacheDir,
        });
        plain = p.files.map((f) => f.path);
      }
    } else {
      rmSync(cacheDir, { recursive: true, force: true });
      const a = runQuery(clone, c.message, cacheDir, embeddings);
      const b = runQuery(clone, c.message, cacheDir, embeddings);
      if (embeddings) {
        for (const x of [a, b]) checkReranked(x.notes, `${repo.name} ${c.sha.slice(0, 10)}`);
        plain = runQuery(clone, c.message, cacheDir).files;
      }
      if (a.stats.reusedFromCache !== 0)
        console.error(`  warning: cold run reused ${a.stats.reusedFromCache} files from a cache`);
      if (b.stats.readFiles !== 0) console.error(`  warning: warm run re-read ${b.stats.readFiles} files`);
      if (JSON.stringify(a.files) !== JSON.stringify(b.files))
        console.error('  warning: warm ranking differs from cold');
      guardian = a.files;
      cold = a.ms;
      warm = b.ms;
      coldCpu = a.cpuMs;
      warmCpu = b.cpuMs;
    }
    const docs = opts.baselines ? corpusOf(clone) : [];
    symbolNames(cacheDir, docs);
    // Every ranking cut at the depth guardian is asked for, so a file past it counts alike for all (MRR).
    const bm = opts.baselines ? bm25(docs, c.message).slice(0, TOP) : [];
    const bmCode = opts.baselines ? bm25(docs, c.message, true).slice(0, TOP) : [];
    const kw = opts.baselines ? keywordCount(docs, c.message).slice(0, TOP) : [];
    const row = {
      sha: c.sha.slice(0, 10),
      subject: c.message.split('\n')[0].slice(0, 90),
      gold: c.gold,
      corpus: docs.length,
      coldMs: Math.round(cold),
      warmMs: Math.round(warm),
      coldCpuMs: Math.round(coldCpu),
      warmCpuMs: Math.round(warmCpu),
      guardian: metrics(guardian, c.gold),
      ...(plain ? { plain: metrics(plain, c.gold) } : {}),
      bm25: metrics(bm, c.gold),
      bm25Code: metrics(bmCode, c.gold),
      keyword: metrics(kw, c.gold),
      guardianTop5: guardian.slice(0, 5),
    };
    perCase.push(row);
    process.stderr.write(
      `${repo.name} ${i + 1}/${picked.length} ${row.sha} g@1=${row.guardian.r1.toFixed(2)} g@5=${row.guardian.r5.toFixed(2)} bm@1=${row.bm25.r1.toFixed(2)} cold=${row.coldMs}ms warm=${row.warmMs}ms  ${row.subject.slice(0, 60)}\n`,
    );
  }
  results.repos.push({
    name: repo.name,
    eligible,
    cases: perCase,
    seconds: Math.round((Date.now() - t0) / 1000),
  });
}

// ---------------------------------------------------------------- report
function line(name, rows) {
  const g = summarize(rows.map((r) => r.guardian));
  const b = summarize(rows.map((r) => r.bm25));
  const bc = summarize(rows.map((r) => r.bm25Code));
  const k = summarize(rows.map((r) => r.keyword));
  const n = embeddings ? summarize(rows.map((r) => r.plain)) : undefined;
  const p = (x) => (100 * x).toFixed(1);
  const lat = (key) => {
    const v = rows.map((r) => r[key]);
    return `${pct(v, 50)} / ${pct(v, 95)}`;
  };
  return [
    `| ${name} | ${g.n} | guardian${n ? ' + embeddings' : ''} | ${p(g.r1)} | ${p(g.r5)} | ${p(g.r10)} | ${p(g.all10)} | ${g.mrr.toFixed(3)} | ${lat('coldMs')} | ${lat('warmMs')} | ${lat('coldCpuMs')} | ${lat('warmCpuMs')} |`,
    ...(n
      ? [
          `| | | guardian, no embeddings | ${p(n.r1)} | ${p(n.r5)} | ${p(n.r10)} | ${p(n.all10)} | ${n.mrr.toFixed(3)} | | | | |`,
        ]
      : []),
    `| | | BM25 | ${p(b.r1)} | ${p(b.r5)} | ${p(b.r10)} | ${p(b.all10)} | ${b.mrr.toFixed(3)} | | | | |`,
    `| | | BM25, code tokens | ${p(bc.r1)} | ${p(bc.r5)} | ${p(bc.r10)} | ${p(bc.all10)} | ${bc.mrr.toFixed(3)} | | | | |`,
    `| | | keyword | ${p(k.r1)} | ${p(k.r5)} | ${p(k.r10)} | ${p(k.all10)} | ${k.mrr.toFixed(3)} | | | | |`,
  ].join('\n');
}
const all = results.repos.flatMap((r) => r.cases);
const table = [
  '| repo | cases | ranker | R@1 % | R@5 % | R@10 % | all-gold@10 % | MRR | cold wall p50 / p95 ms | warm wall p50 / p95 ms | cold CPU p50 / p95 ms | warm CPU p50 / p95 ms |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...results.repos.map((r) => line(r.name, r.cases)),
  line('**all**', all),
].join('\n');
// How far the headline figures could move on another sample of the same size: 95% bootstrap intervals,
// resampling cases within each repository.
const groups = results.repos.map((r) => r.cases).filter((g) => g.length);
const mean = (rows, f) => rows.reduce((a, r) => a + f(r), 0) / Math.max(1, rows.length);
const interval = (f) => {
  const { low, high } = bootstrapInterval(groups, (rows) => mean(rows, f));
  return { value: mean(all, f), low, high };
};
results.intervals = {
  guardianR1: interval((r) => r.guardian.r1),
  guardianR5: interval((r) => r.guardian.r5),
  guardianR10: interval((r) => r.guardian.r10),
  r1OverBm25: interval((r) => r.guardian.r1 - r.bm25.r1),
  r1OverBm25Code: interval((r) => r.guardian.r1 - r.bm25Code.r1),
  r5OverBm25Code: interval((r) => r.guardian.r5 - r.bm25Code.r5),
  ...(embeddings ? { r5FromEmbeddings: interval((r) => r.guardian.r5 - r.plain.r5) } : {}),
};
const fmt = ({ value, low, high }) =>
  `${(100 * value).toFixed(1)} (95% interval ${(100 * low).toFixed(1)}–${(100 * high).toFixed(1)})`;
const intervals = [
  `guardian recall@1 ${fmt(results.intervals.guardianR1)}, recall@5 ${fmt(results.intervals.guardianR5)}, recall@10 ${fmt(results.intervals.guardianR10)}`,
  ...(opts.baselines
    ? [
        `recall@1 above BM25: ${fmt(results.intervals.r1OverBm25)} points`,
        `above BM25 with code tokens: recall@1 ${fmt(results.intervals.r1OverBm25Code)} points, recall@5 ${fmt(results.intervals.r5OverBm25Code)} points`,
      ]
    : []),
  ...(embeddings
    ? [`recall@5 change from embeddings: ${fmt(results.intervals.r5FromEmbeddings)} points`]
    : []),
  `(bootstrap over the ${all.length} cases, resampled within each repository, 2000 resamples)`,
].join('\n');
console.log(`\n${table}\n\n${intervals}\n`);
if (opts.fast) console.log('(--fast: in-process with shared caches; latency columns are not meaningful)');
if (opts.out) {
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, JSON.stringify({ ...results, table }, null, 2));
  writeFileSync(`${opts.out}.md`, `${table}\n\n${intervals}\n`);
}
