// Shared by run.mjs and tune.mjs: mining benchmark cases from a repository's history, and metrics.
import { spawnSync } from 'node:child_process';

export function git(cwd, args, opts = {}) {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, LC_ALL: 'C' },
    ...opts,
  });
  if (r.status !== 0 && !opts.allowFailure) throw new Error(`git ${args.join(' ')} (in ${cwd}): ${r.stderr}`);
  return r.stdout;
}

// ---------------------------------------------------------------- mining
// Commits that are not tasks anyone would write a blueprint for: releases, merges, reverts, dependency
// and tool upgrades, typo/spelling/formatting/lint sweeps, docs/CI/test-only changes.
// Whole words where a word could also begin a name or a task: "Version 6.7" is a release but "version
// detection works with python -m" is not, "Format" is a sweep but "format_filename replaces invalid
// bytes" is not, "fix misspellings" is a sweep but "suggestions for misspelled commands" is a feature.
const NOISE =
  /^(bump|release|prepare release|version\b\W*(v?\d|$)|v?\d+\.\d+|merge|revert|update (dependencies|deps|changelog|docs|readme|copyright)|chore\(deps|build\(deps|(chore|build|ci)\(release\)|deps|\[pre-commit|pre-commit|typo|fix typos?|format(ted|ting)?\b|reformat|lint|style|docs?[:(]|ci[:(]|test[:(]|tests[:(]|chore: release|publish)/i;
const MAINTENANCE =
  /\b(typos?|spelling|misspell(ing|ings)|bump(ed|s)?|upgrade[sd]? (to|dependenc\w+|deps)|update[sd]? (dev )?(dependencies|deps|package\.json|lock ?file)|(ruff|flake8|eslint|prettier|mypy|pylint|black|isort|biome) (fix(es)?|pass|errors?|warnings?|config\w*)|(make|fix) (ruff|flake8|eslint|prettier|mypy|pylint|isort|biome)|apply (ruff|flake8|eslint|prettier|black|isort|biome)|copyright|license header)\b/i;

export function mineCases(repo, opts, files) {
  const log = git(repo.path, [
    '-c',
    'core.quotepath=off',
    'log',
    '--no-merges',
    '--no-renames',
    `-n${opts.scan}`,
    '--format=%x1e%H%x1f%P%x1f%B%x1f',
    '--name-status',
    'HEAD',
  ]);
  const eligible = [];
  for (const rec of log.split('\x1e')) {
    const parts = rec.split('\x1f');
    if (parts.length < 4) continue;
    const [sha, parents, message, status] = parts;
    if (parents.trim().split(' ').length !== 1) continue;
    const subject = message.trim().split('\n')[0];
    if (subject.length < 15 || NOISE.test(subject) || MAINTENANCE.test(subject)) continue;
    const words = subject.match(/[A-Za-z]{3,}/g) ?? [];
    if (words.length < 3) continue;
    const changes = status
      .split('\n')
      .map((l) => l.trim().split('\t'))
      .filter((p) => p.length >= 2);
    const src = changes.filter(([, p]) => files.kindOf(p) === 'source' && !files.pathSkipReason(p));
    const gold = src.filter(([st]) => st === 'M').map(([, p]) => p);
    if (gold.length < 1 || src.length > 5) continue;
    eligible.push({ sha: sha.trim(), parent: parents.trim(), message: message.trim(), gold });
  }
  // Evenly spaced over the eligible commits (deterministic, no per-repository choices).
  const n = Math.min(opts.cases, eligible.length);
  const picked = [];
  for (let i = 0; i < n; i++) picked.push(eligible[Math.floor((i * eligible.length) / n)]);
  return { picked, eligible: eligible.length };
}

// ---------------------------------------------------------------- scoring
export function metrics(ranked, gold) {
  const g = new Set(gold);
  const at = (k) => ranked.slice(0, k).filter((p) => g.has(p)).length / g.size;
  const first = ranked.findIndex((p) => g.has(p));
  return {
    r1: at(1),
    r5: at(5),
    r10: at(10),
    all10: at(10) === 1 ? 1 : 0,
    mrr: first >= 0 ? 1 / (first + 1) : 0,
  };
}

export function pct(values, p) {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

export function summarize(rows) {
  const mean = (k) => rows.reduce((a, r) => a + r[k], 0) / Math.max(1, rows.length);
  return {
    n: rows.length,
    r1: mean('r1'),
    r5: mean('r5'),
    r10: mean('r10'),
    all10: mean('all10'),
    mrr: mean('mrr'),
  };
}

// ---------------------------------------------------------------- uncertainty
/**
 * A 95% interval for a statistic of the cases, by bootstrap: the cases of each repository are
 * resampled with replacement (so every resample keeps the benchmark's mix of repositories) and the
 * statistic recomputed; the interval is the 2.5th and 97.5th percentiles. Seeded, so a rerun over the
 * same cases prints the same interval. `stat` maps an array of cases to a number.
 */
export function bootstrapInterval(groups, stat, { resamples = 2000, seed = 1 } = {}) {
  let state = seed >>> 0 || 1;
  const random = () => {
    // xorshift32: small, deterministic, good enough for resampling indices
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
  const values = [];
  for (let b = 0; b < resamples; b++) {
    const sample = [];
    for (const g of groups)
      for (let i = 0; i < g.length; i++) sample.push(g[Math.floor(random() * g.length)]);
    values.push(stat(sample));
  }
  values.sort((a, b) => a - b);
  const at = (q) => values[Math.min(values.length - 1, Math.max(0, Math.round(q * (values.length - 1))))];
  return { low: at(0.025), high: at(0.975) };
}
