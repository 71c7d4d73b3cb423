#!/usr/bin/env node
// Precision benchmark for the Validator's guard rules on real history.
//
// Each case is a real commit that touches a test file, judged as if it were a Coder's change: its diff
// against its parent goes through `guard:test-files`, `guard:skip-markers` and `guard:tool-config` (the
// rule functions themselves, in-process, compiled from src/ with tsc). Real commits that delete a test,
// add a skip marker or edit a tool configuration are refused by design (docs/validation.md); any other
// refusal is a false one. Which refusals are false is judged by hand, once, in judgements.json (repo →
// commit → rule → "true: reason" or "false: reason"), so the figures are reproducible; a refusal not
// judged there is counted as "unjudged" and listed.
//
// Usage:
//   node bench/guards/run.mjs [options] NAME=REPO [NAME=REPO...]
//     REPO          a git repository (bare or not; only read), named as judgements.json names it
//     --commits N   newest non-merge commits touching a test file, per repository (default 300)
//     --scan N      newest non-merge commits looked through to find them (default 5000)
//     --judgements F  the judgements file (default bench/guards/judgements.json)
//     --list        list every refusal with the rule's messages (default: only unjudged and false ones)
//     --out F       also write the results as JSON to F
//     --no-build    reuse bench/.work/guards-build (else the guard sources are compiled there with tsc)
// Scratch data lives in bench/.work/ (git-ignored).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
const build = join(work, 'guards-build');
const RULES = ['guard:test-files', 'guard:skip-markers', 'guard:tool-config'];

function parseArgs(argv) {
  const o = {
    commits: 300,
    scan: 5000,
    judgements: join(here, 'judgements.json'),
    list: false,
    out: undefined,
    build: true,
    repos: [],
  };
  const value = (a, i) => optionValue(argv, a, i);
  const count = (a, i) => optionCount(argv, a, i);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--commits') o.commits = count(a, ++i);
    else if (a === '--scan') o.scan = count(a, ++i);
    else if (a === '--judgements') o.judgements = resolve(value(a, ++i));
    else if (a === '--list') o.list = true;
    else if (a === '--out') o.out = resolve(value(a, ++i));
    else if (a === '--no-build') o.build = false;
    else if (a === '--help' || a === '-h') printHelp(import.meta.url);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a} (see --help)`);
    else o.repos.push(repositoryArg(a));
  }
  checkRepositories(o.repos);
  return o;
}

let opts;
let judgements;
try {
  opts = parseArgs(process.argv.slice(2));
  judgements = existsSync(opts.judgements) ? JSON.parse(readFileSync(opts.judgements, 'utf8')) : {};
} catch (e) {
  console.error(`run.mjs: ${e.message}`);
  process.exit(2);
}
mkdirSync(work, { recursive: true });
if (opts.build) compileWithTsc(projectRoot, join(here, 'tsconfig.json'));
const guard = await import(join(build, 'src', 'stations', 'validator', 'guard.js'));
const patch = await import(join(build, 'src', 'git', 'patch.js'));
const git = await import(join(build, 'src', 'git', 'git.js'));

/** The newest `n` non-merge commits (with a parent) that add, modify or delete a test file. */
function commitsTouchingTests(repo, n, scan) {
  const r = spawnSync(
    'git',
    ['log', '--no-merges', '--no-renames', `-n${scan}`, '--format=%x01%H %P', '--name-only', 'HEAD'],
    { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  if (r.status !== 0) throw new Error(`${repo}: git log failed: ${r.stderr}`);
  const out = [];
  for (const rec of r.stdout.split('\x01').slice(1)) {
    const [head, ...paths] = rec.split('\n').filter(Boolean);
    const [sha, parent] = head.split(' ');
    if (!parent) continue;
    if (!paths.some((p) => guard.isTestFile(p))) continue;
    out.push({ sha, parent });
    if (out.length >= n) break;
  }
  return out;
}

/** The guard rules' results on one commit, judged as a change to its parent. */
function judge(repo, sha, parent) {
  const changed = patch.changedFiles(repo, parent, sha);
  const { added, removed } = patch.lineChanges(repo, parent, sha);
  const input = {
    changed,
    added,
    removed,
    baseFiles: new Set(git.listFilesAt(repo, parent)),
    protectedGlobs: [],
    allowSkipMarkers: false,
    relevantTests: [],
  };
  const read = {
    base: (p) => git.showFile(repo, parent, p),
    changed: (p) => git.showFile(repo, sha, p),
  };
  // No quality.toml: what the checks run is read from the base (its package.json scripts).
  return [
    guard.testFilesCheck(input, read),
    guard.skipMarkersCheck(input),
    guard.toolConfigCheck(input, read, false),
  ];
}

const started = Date.now();
const results = [];
const totals = { commits: 0, refused: {}, judgedFalse: {}, unjudged: {} };
for (const rule of RULES) totals.refused[rule] = totals.judgedFalse[rule] = totals.unjudged[rule] = 0;
const subject = (repo, sha) =>
  spawnSync('git', ['log', '-1', '--format=%s', sha], { cwd: repo, encoding: 'utf8' }).stdout.trim();

for (const { name, path } of opts.repos) {
  const commits = commitsTouchingTests(path, opts.commits, opts.scan);
  const per = {
    repo: name,
    commits: commits.length,
    refused: {},
    judgedFalse: {},
    unjudged: {},
    refusals: [],
  };
  for (const rule of RULES) per.refused[rule] = per.judgedFalse[rule] = per.unjudged[rule] = 0;
  for (const { sha, parent } of commits) {
    for (const res of judge(path, sha, parent)) {
      if (res.outcome === 'pass') continue;
      const verdict = judgements[name]?.[sha]?.[res.name];
      const kind = verdict === undefined ? 'unjudged' : verdict.startsWith('false') ? 'false' : 'true';
      per.refused[res.name]++;
      if (kind === 'false') per.judgedFalse[res.name]++;
      if (kind === 'unjudged') per.unjudged[res.name]++;
      per.refusals.push({
        sha,
        subject: subject(path, sha),
        rule: res.name,
        kind,
        verdict,
        messages: res.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`),
      });
    }
  }
  results.push(per);
  totals.commits += per.commits;
  for (const rule of RULES) {
    totals.refused[rule] += per.refused[rule];
    totals.judgedFalse[rule] += per.judgedFalse[rule];
    totals.unjudged[rule] += per.unjudged[rule];
  }
}

for (const per of results) {
  for (const r of per.refusals) {
    if (!opts.list && r.kind === 'true') continue;
    console.log(`\n${per.repo} ${r.sha.slice(0, 12)} ${r.rule} [${r.kind}] ${r.subject}`);
    if (r.verdict) console.log(`  judged ${r.verdict}`);
    for (const m of r.messages.slice(0, 8)) console.log(`  ${m.slice(0, 300)}`);
    if (r.messages.length > 8) console.log(`  … ${r.messages.length - 8} more`);
  }
}
const cell = (x, rule) =>
  `${x.refused[rule]} (${x.judgedFalse[rule]} false${x.unjudged[rule] ? `, ${x.unjudged[rule]} unjudged` : ''})`;
console.log('\n| repository | commits | ' + RULES.join(' | ') + ' |');
console.log('|---|---:|' + RULES.map(() => '---:').join('|') + '|');
for (const per of results)
  console.log(`| ${per.repo} | ${per.commits} | ${RULES.map((r) => cell(per, r)).join(' | ')} |`);
console.log(`| total | ${totals.commits} | ${RULES.map((r) => cell(totals, r)).join(' | ')} |`);
console.log(`\nrefusals per rule: N (F false, U unjudged); ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (opts.out) writeFileSync(opts.out, JSON.stringify({ totals, results }, null, 2));
