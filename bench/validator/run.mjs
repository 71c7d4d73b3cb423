#!/usr/bin/env node
// Benchmark: `guardian validate TASK-042` on a copy of examples/python-flask-users with the task
// implemented, against running the same commands directly with bash, all in the same run.
//
//   direct  sequential  every quality.toml check + the final-submit step in the working tree, then the
//                       red run of that step in a prepared base+tests worktree (the same commands the
//                       Validator runs; the worktree's creation is not counted for bash)
//   guardian --jobs 1   the Validator, one check at a time (target ≤ 1.05× direct sequential)
//   guardian --jobs N   the Validator in parallel, N = cores (target ≤ 0.75× guardian --jobs 1)
//
// The CLI is bundled fresh from src/ with ncc into bench/.work/ (so the figures are for this tree) and
// run as a user runs it: a new node process per validation. Caches are warmed first and shared by all
// variants (MYPY_CACHE_DIR). Rounds alternate the order of the variants; medians are reported.
//
// Also reported: the station's own time (validation.json's durationMs), which leaves out node's start
// and the loading of the CLI bundle (measured alone with `guardian --version`).
//
// Usage: node bench/validator/run.mjs [rounds=3] [--json]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const cores = availableParallelism();
const work = join(root, 'bench', '.work', 'validator');
const cli = join(work, 'cli');
const repo = join(work, 'repo');
const redTree = join(work, 'red');
const env = {
  ...process.env,
  // Debian's Python tools (see test/support/repo.ts): pyenv's python cannot import Debian's packages.
  PATH: ['/usr/bin', '/bin', ...(process.env.PATH ?? '').split(':')].join(':'),
  MYPY_CACHE_DIR: join(work, 'mypy-cache'),
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
};
const log = (s) => process.stderr.write(s + '\n');
const git = (cwd, ...a) => execFileSync('git', a, { cwd, env, encoding: 'utf8' }).trim();

// 1. A fresh CLI bundle of this tree.
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
log('bundling src/cli/index.ts with ncc …');
let r = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
    'build',
    'src/cli/index.ts',
    '-o',
    cli,
    '-q',
    '--transpile-only',
  ],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (r.status !== 0) process.exit(1);
writeFileSync(join(cli, 'package.json'), '{ "type": "module" }\n');
writeFileSync(
  join(cli, 'guardian.mjs'),
  "import { main } from './index.js';\nprocess.exitCode = await main(process.argv.slice(2));\n",
);

// 2. The example with TASK-042 implemented (the test first, then the code), uncommitted.
cpSync(join(root, 'examples/python-flask-users'), repo, { recursive: true });
git(repo, 'init', '-q', '-b', 'main');
git(repo, 'add', '-A');
git(repo, 'commit', '-qm', 'initial');
const edit = (rel, from, to) => {
  const p = join(repo, rel);
  const t = readFileSync(p, 'utf8');
  const n = t.replace(from, to);
  if (n === t) throw new Error(`bench: ${rel}: ${from} not found (the example changed?)`);
  writeFileSync(p, n);
};
edit('tests/test_auth.py', 'import pytest\n', 'from datetime import timedelta\n\nimport pytest\n');
writeFileSync(
  join(repo, 'tests/test_auth.py'),
  readFileSync(join(repo, 'tests/test_auth.py'), 'utf8').replace(/\n*$/, '\n') +
    '\n\ndef test_login_records_last_login_in_utc(session: Session) -> None:\n' +
    '    register(session, "carol@example.com", "correct horse")\n    session.commit()\n' +
    '    user = login(session, "carol@example.com", "correct horse")\n    assert user is not None\n' +
    '    assert user.last_login is not None\n    assert user.last_login.utcoffset() == timedelta(0)\n',
);
// The red tree for the direct run: the base plus the change's test file.
git(repo, 'worktree', 'add', '-q', '--detach', redTree, 'HEAD');
cpSync(join(repo, 'tests/test_auth.py'), join(redTree, 'tests/test_auth.py'));
edit(
  'src/models/user.py',
  /( +created_at = Column\(.*\)\n)/,
  '$1    last_login = Column(UTCDateTime(), nullable=True)\n',
);
edit(
  'src/services/auth.py',
  'from src.models import User\n',
  'from src.models import User\nfrom src.models.types import utcnow\n',
);
edit(
  'src/services/auth.py',
  /( {4}if not check_password_hash\(.*\):\n {8}return None\n)( {4}return user)/,
  '$1    user.last_login = utcnow()\n    session.flush()\n$2',
);
writeFileSync(
  join(repo, 'migrations/versions/0002_user_last_login.py'),
  '"""add users.last_login\n\nRevision ID: 0002\nRevises: 0001\nCreate Date: 2026-01-06 09:00:00\n\n"""\n' +
    'import sqlalchemy as sa\nfrom alembic import op\n\n# revision identifiers, used by Alembic.\nrevision = "0002"\n' +
    'down_revision = "0001"\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade() -> None:\n' +
    '    with op.batch_alter_table("users") as batch:\n        batch.add_column(\n' +
    '            sa.Column("last_login", sa.DateTime(timezone=True), nullable=True)\n        )\n\n\n' +
    'def downgrade() -> None:\n    with op.batch_alter_table("users") as batch:\n        batch.drop_column("last_login")\n',
);

// The commands, read the way the Validator reads them (quality.toml + the plan's final-submit step).
const quality = readFileSync(join(repo, 'quality.toml'), 'utf8');
const checks = [...quality.matchAll(/^(\w+)\s*=\s*"(.*)"\s*$/gm)].map((m) => m[2]);
const planStep = 'pytest tests/test_auth.py';

function time(fn) {
  const t = process.hrtime.bigint();
  const ok = fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, ok };
}
function bash(cmd, cwd) {
  return spawnSync('bash', ['-c', cmd], { cwd, env, stdio: 'ignore' }).status;
}
function direct() {
  let ok = true;
  for (const c of checks) ok = bash(c, repo) === 0 && ok;
  ok = bash(planStep, repo) === 0 && ok;
  ok = bash(planStep, redTree) !== 0 && ok; // red: must fail without the implementation
  return ok;
}
function guardian(jobs) {
  const res = spawnSync(
    process.execPath,
    [join(cli, 'guardian.mjs'), 'validate', 'TASK-042', '--root', repo, '--jobs', String(jobs), '--json'],
    {
      cwd: repo,
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (res.status !== 0) {
    log(res.stdout.slice(-3000) + res.stderr.slice(-3000));
    throw new Error(`bench: guardian validate --jobs ${jobs} exited ${res.status}`);
  }
  const report = JSON.parse(res.stdout);
  stationMs[`guardian --jobs ${jobs}`].push(report.durationMs);
  return report.verdict === 'pass';
}

// The station's own time (validation.json's durationMs): the CLI run minus node's start and the
// loading of the CLI bundle.
const stationMs = { 'guardian --jobs 1': [], [`guardian --jobs ${cores}`]: [] };

// 3. Warm-up (mypy cache, Python bytecode, file cache), not measured.
log('warming up …');
if (!direct()) throw new Error('bench: the direct commands do not give the expected results');
guardian(cores);
for (const k of Object.keys(stationMs)) stationMs[k].length = 0;
// node's start plus loading the CLI bundle, measured alone.
const startup = [];
for (let i = 0; i < 3; i++) {
  startup.push(
    time(() => spawnSync(process.execPath, [join(cli, 'guardian.mjs'), '--version'], { env }).status === 0)
      .ms,
  );
}

const variants = {
  'direct sequential (bash)': () => direct(),
  'guardian --jobs 1': () => guardian(1),
  [`guardian --jobs ${cores}`]: () => guardian(cores),
};
const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let i = 0; i < rounds; i++) {
  const order = Object.keys(variants);
  if (i % 2) order.reverse();
  for (const name of order) {
    const { ms, ok } = time(variants[name]);
    if (!ok) throw new Error(`bench: ${name} did not give the expected verdict`);
    samples[name].push(ms);
    log(`round ${i + 1}: ${name}: ${(ms / 1000).toFixed(2)} s`);
  }
}
const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
const d = m['direct sequential (bash)'];
const s1 = m['guardian --jobs 1'];
const sp = m[`guardian --jobs ${cores}`];
const ratios = {
  sequentialOverhead: s1 / d,
  parallelVsSequential: sp / s1,
  parallelVsDirect: sp / d,
};
const st1 = median(stationMs['guardian --jobs 1']);
const stp = median(stationMs[`guardian --jobs ${cores}`]);
ratios.stationSequentialOverhead = st1 / d;
// Per round (the variants of a round run back to back): robust when the machine's load drifts.
const perRound = (a, b) => median(samples[a].map((x, i) => x / samples[b][i]));
ratios.perRoundSequentialOverhead = perRound('guardian --jobs 1', 'direct sequential (bash)');
ratios.perRoundParallelVsSequential = perRound(`guardian --jobs ${cores}`, 'guardian --jobs 1');
ratios.stationParallelVsSequential = stp / st1;
const result = {
  rounds,
  cores,
  commands: [...checks, planStep, `${planStep} (red tree)`],
  medianMs: m,
  stationMedianMs: { 'guardian --jobs 1': st1, [`guardian --jobs ${cores}`]: stp },
  cliStartupMs: median(startup),
  ratios,
};
if (asJson) console.log(JSON.stringify(result, null, 2));
else {
  console.log(
    `\nValidator benchmark — examples/python-flask-users, TASK-042, ${rounds} rounds, ${cores} cores (medians)`,
  );
  for (const [k, v] of Object.entries(m)) console.log(`  ${k.padEnd(28)} ${(v / 1000).toFixed(2)} s`);
  console.log(
    `  guardian --jobs 1 / direct sequential   ${ratios.sequentialOverhead.toFixed(3)}×  (target ≤ 1.05×)`,
  );
  console.log(
    `  guardian --jobs ${cores} / guardian --jobs 1    ${ratios.parallelVsSequential.toFixed(3)}×  (target ≤ 0.75×)`,
  );
  console.log(`  guardian --jobs ${cores} / direct sequential    ${ratios.parallelVsDirect.toFixed(3)}×`);
  console.log(
    `  per-round medians: --jobs 1 / direct ${ratios.perRoundSequentialOverhead.toFixed(3)}×, ` +
      `--jobs ${cores} / --jobs 1 ${ratios.perRoundParallelVsSequential.toFixed(3)}×`,
  );
  console.log(
    `\n  without node's start and the CLI bundle's loading (${(result.cliStartupMs / 1000).toFixed(2)} s, measured alone):`,
  );
  console.log(
    `  station --jobs 1             ${(st1 / 1000).toFixed(2)} s   ${ratios.stationSequentialOverhead.toFixed(3)}× direct sequential`,
  );
  console.log(
    `  station --jobs ${cores}             ${(stp / 1000).toFixed(2)} s   ${ratios.stationParallelVsSequential.toFixed(3)}× station --jobs 1`,
  );
}
if (!existsSync(join(work, 'keep'))) {
  try {
    git(repo, 'worktree', 'remove', '--force', redTree);
  } catch {
    // left for inspection
  }
}
