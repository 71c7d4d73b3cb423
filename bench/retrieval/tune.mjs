#!/usr/bin/env node
// Weight tuning for guardian search's ranking, with a train/test split by repository so the reported
// numbers are not the ones the weights were fitted on. Global weights only (no per-repository values).
//
//   node bench/retrieval/tune.mjs --train click,black,zod REPO [REPO...]   (same REPO syntax as run.mjs)
//
// Every case's index is built once and kept in memory; each weight setting then only re-ranks.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { git, metrics, mineCases, summarize } from './cases.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '..', '..');
const work = join(projectRoot, 'bench', '.work');
const build = join(work, 'build');
const argv = process.argv.slice(2);
let train = [];
let variants = false;
const opts = { cases: 25, scan: 4000 };
const repos = [];
const usage = (message) => {
  console.error(`tune.mjs: ${message}`);
  process.exit(2);
};
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--train' || a === '--cases') {
    const v = argv[++i];
    if (v === undefined || v.startsWith('--')) usage(`${a} needs a value`);
    if (a === '--train') train = v.split(',').filter(Boolean);
    else if (/^[1-9]\d*$/.test(v)) opts.cases = Number(v);
    else usage(`--cases expects a whole number of at least 1, not ${JSON.stringify(v)}`);
  } else if (a === '--variants') variants = true;
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else {
    // As in run.mjs: PATH, or NAME=PATH.
    const eq = a.indexOf('=');
    const path = resolve(eq > 0 ? a.slice(eq + 1) : a);
    let name = eq > 0 ? a.slice(0, eq) : basename(path).replace(/\.git$/, '');
    if (eq < 0 && (name === 'repo' || name === '')) name = basename(dirname(path)).replace(/^.*\+/, '');
    if (repos.some((r) => r.name === name))
      usage(`two repositories are named '${name}': name one as NAME=PATH`);
    repos.push({ name, path });
  }
}
if (!repos.length) usage('give at least one repository path');
// A misspelt name would leave the training set empty (every setting then scores 0 and nothing is tuned)
// or put every repository in it (no held-out figures): stop instead.
const names = repos.map((r) => r.name);
const unknown = train.filter((t) => !names.includes(t));
const problem = variants
  ? undefined
  : !train.length
    ? '--train names the repositories to fit the weights on (see the usage at the top of tune.mjs)'
    : unknown.length
      ? `--train names ${unknown.join(', ')}, not among the repositories given (${names.join(', ') || 'none'})`
      : !names.some((n) => !train.includes(n))
        ? '--train names every repository given: none is left to report the tuned weights on'
        : undefined;
if (problem) usage(problem);
const tsc = join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
if (spawnSync(process.execPath, [tsc, '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' }).status !== 0)
  process.exit(1);
const files = await import(join(build, 'src', 'search', 'files.js'));
const { indexRepository } = await import(join(build, 'src', 'search', 'indexer.js'));
const { rankFiles, WEIGHTS } = await import(join(build, 'src', 'search', 'rank.js'));

const cases = [];
for (const repo of repos) {
  const { picked } = mineCases(repo, opts, files);
  const clone = join(work, 'repos', repo.name);
  if (!existsSync(clone)) git(work, ['clone', '-q', '--shared', '--no-checkout', repo.path, clone]);
  mkdirSync(join(work, 'cache'), { recursive: true });
  for (const c of picked) {
    git(clone, ['checkout', '-q', '--detach', '-f', c.parent]);
    git(clone, ['clean', '-q', '-ffdx']);
    const index = await indexRepository({ root: clone, cacheDir: join(work, 'cache', repo.name) });
    cases.push({ repo: repo.name, index, query: c.message, gold: c.gold });
  }
  process.stderr.write(`indexed ${repo.name}: ${picked.length} cases\n`);
}

function evaluate(weights, subset) {
  const by = new Map();
  for (const c of subset) {
    const ranked = rankFiles({ index: c.index, query: c.query, top: 100, weights }).files.map((f) => f.path);
    const list = by.get(c.repo) ?? [];
    list.push(metrics(ranked, c.gold));
    by.set(c.repo, list);
  }
  const all = [...by.values()].flat();
  const s = summarize(all);
  return {
    ...s,
    objective: s.r5 + 0.5 * s.r1 + 0.25 * s.mrr,
    byRepo: Object.fromEntries([...by].map(([k, v]) => [k, summarize(v)])),
  };
}

const fmt0 = (e) =>
  `R@1 ${(100 * e.r1).toFixed(1)} R@5 ${(100 * e.r5).toFixed(1)} R@10 ${(100 * e.r10).toFixed(1)} MRR ${e.mrr.toFixed(3)}`;
if (variants) {
  // Switch each feature off in turn (all repositories): what does it contribute?
  const V = {
    current: {},
    'no code normalization': { codeNormalize: 0 },
    'no joined pairs': { joinedPairs: 0 },
    'subject once': { subjectTwice: 0 },
    'no scope': { scope: 0 },
    'coChange 0.6': { coChange: 0.6 },
    'testFactor 0.3': { testFactor: 0.3 },
    'coChange 0.6 + testFactor 0.3': { coChange: 0.6, testFactor: 0.3 },
    'no history': { history: 0, coChange: 0, churn: 0 },
    'no structure': { testPairing: 0, importNeighbor: 0, coChange: 0, definesSymbol: 0, namedInQuery: 0 },
  };
  for (const [name, w] of Object.entries(V)) {
    const e = evaluate({ ...WEIGHTS, ...w }, cases);
    console.log(
      `${name.padEnd(24)} ${fmt0(e)}   ${Object.entries(e.byRepo)
        .map(([r, x]) => `${r} ${(100 * x.r1).toFixed(0)}/${(100 * x.r5).toFixed(0)}`)
        .join(' ')}`,
    );
  }
  process.exit(0);
}
const trainSet = cases.filter((c) => train.includes(c.repo));
const testSet = cases.filter((c) => !train.includes(c.repo));
const GRID = {
  lexical: [0.6, 1, 1.5],
  history: [0.5, 1, 1.5, 2],
  definesSymbol: [0.3, 0.6, 1.2],
  namedInQuery: [0.6, 1.2, 2],
  testPairing: [0, 0.15, 0.35],
  importNeighbor: [0, 0.15, 0.3],
  coChange: [0, 0.3, 0.6],
  churn: [0, 0.08, 0.2, 0.4],
  scope: [0, 0.25, 0.5, 1],
  testFactor: [0.3, 0.45, 0.6],
};
const fmt = (e) =>
  `R@1 ${(100 * e.r1).toFixed(1)} R@5 ${(100 * e.r5).toFixed(1)} R@10 ${(100 * e.r10).toFixed(1)} MRR ${e.mrr.toFixed(3)}`;
let best = { ...WEIGHTS };
let bestEval = evaluate(best, trainSet);
console.log(`start  train ${fmt(bestEval)} | test ${fmt(evaluate(best, testSet))}`);
for (let round = 0; round < 2; round++) {
  for (const [k, values] of Object.entries(GRID)) {
    for (const v of values) {
      if (best[k] === v) continue;
      const w = { ...best, [k]: v };
      const e = evaluate(w, trainSet);
      if (e.objective > bestEval.objective + 1e-9) {
        best = w;
        bestEval = e;
        console.log(`  ${k}=${v}  train ${fmt(e)}`);
      }
    }
  }
}
const testEval = evaluate(best, testSet);
console.log(`tuned weights: ${JSON.stringify(best)}`);
console.log(`train ${fmt(bestEval)}`);
console.log(`test  ${fmt(testEval)}`);
for (const [repo, e] of Object.entries({ ...bestEval.byRepo, ...testEval.byRepo }))
  console.log(`  ${repo}: ${fmt(e)}`);
