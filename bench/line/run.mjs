#!/usr/bin/env node
// Benchmark: the offline part of the line — pre-start, bundle, security, validate, complete — on a copy
// of examples/python-flask-users, TASK-042, with the Coder's change supplied (made in the working tree,
// as in the by-hand flow). What is timed is one user command, in a fresh node process:
//
//   guardian run TASK-042 --resume --push origin      (no model configured: the Coder station is skipped)
//
// Baseline, measured in the same run on an identical copy: the same commands run directly with bash,
// one after the other — the pre-start step at the base, then every quality.toml check and the
// final-submit step on the change, then the red run of that step on the base with only the change's
// test file (what the Validator proves), then `git commit` + `git push`. The ratio says what the line's
// own work (bundle, threat model, guard rules, worktrees, bookkeeping) costs on top of the checks.
//
// Target: guardian ≤ 10 s on this machine. The CLI is bundled fresh from src/ with ncc into
// bench/.work/line/ (so the figures are for this tree). Caches are warmed first and shared by all runs
// (MYPY_CACHE_DIR); rounds alternate the order of guardian and baseline; medians are reported.
//
// Usage: node bench/line/run.mjs [rounds=3] [--json]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const work = join(root, 'bench', '.work', 'line');
const cli = join(work, 'cli');
const TARGET_MS = 10_000;
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(OPENAI_|GUARDIAN_)/.test(k))),
  // Debian's Python tools (see test/support/repo.ts): pyenv's python cannot import Debian's packages.
  PATH: ['/usr/bin', '/bin', ...(process.env.PATH ?? '').split(':')].join(':'),
  MYPY_CACHE_DIR: join(work, 'mypy-cache'),
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};
const log = (s) => process.stderr.write(s + '\n');
const git = (cwd, ...a) => execFileSync('git', a, { cwd, env, encoding: 'utf8' }).trim();
const bash = (cmd, cwd) => spawnSync('bash', ['-c', cmd], { cwd, env, stdio: 'ignore' }).status;
const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// 1. A fresh CLI bundle of this tree.
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
log('bundling src/cli/index.ts with ncc …');
const built = spawnSync(
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
  { cwd: root, stdio: 'inherit' },
);
if (built.status !== 0) process.exit(1);
writeFileSync(join(cli, 'package.json'), '{ "type": "module" }\n');
writeFileSync(
  join(cli, 'guardian.mjs'),
  "import { main } from './index.js';\nprocess.exitCode = await main(process.argv.slice(2));\n",
);

// 2. A copy of the example with a bare remote; TASK-042 implemented in the working tree (test first).
let copies = 0;
function freshRepo() {
  const dir = join(work, `repo-${++copies}`);
  const remote = join(work, `remote-${copies}.git`);
  cpSync(join(root, 'examples/python-flask-users'), dir, { recursive: true });
  git(work, 'init', '-q', '--bare', '-b', 'main', remote);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'initial');
  git(dir, 'remote', 'add', 'origin', remote);
  git(dir, 'push', '-q', 'origin', 'main');
  return dir;
}
const edit = (repo, rel, from, to) => {
  const p = join(repo, rel);
  const t = readFileSync(p, 'utf8');
  const n = t.replace(from, to);
  if (n === t) throw new Error(`bench: ${rel}: ${from} not found (the example changed?)`);
  writeFileSync(p, n);
};
function addTest(repo) {
  edit(repo, 'tests/test_auth.py', 'import pytest\n', 'from datetime import timedelta\n\nimport pytest\n');
  writeFileSync(
    join(repo, 'tests/test_auth.py'),
    readFileSync(join(repo, 'tests/test_auth.py'), 'utf8').replace(/\n*$/, '\n') +
      '\n\ndef test_login_records_last_login_in_utc(session: Session) -> None:\n' +
      '    register(session, "carol@example.com", "correct horse")\n    session.commit()\n' +
      '    user = login(session, "carol@example.com", "correct horse")\n    assert user is not None\n' +
      '    assert user.last_login is not None\n    assert user.last_login.utcoffset() == timedelta(0)\n',
  );
}
function implement(repo) {
  edit(
    repo,
    'src/models/user.py',
    /( +created_at = Column\(.*\)\n)/,
    '$1    last_login = Column(UTCDateTime(), nullable=True)\n',
  );
  edit(
    repo,
    'src/services/auth.py',
    'from src.models import User\n',
    'from src.models import User\nfrom src.models.types import utcnow\n',
  );
  edit(
    repo,
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
}

// The commands, read the way the stations read them: quality.toml and the blueprint's plan.
const quality = readFileSync(join(root, 'examples/python-flask-users/quality.toml'), 'utf8');
const checks = [...quality.matchAll(/^(\w+)\s*=\s*"(.*)"\s*$/gm)].map((m) => m[2]);
const blueprint = readFileSync(
  join(root, 'examples/python-flask-users/specs/tasks/TASK-042_user-last-login.md'),
  'utf8',
);
const plan = JSON.parse(/```guardian\n([\s\S]*?)```/.exec(blueprint)[1]);
const preStart = plan.filter((s) => s.stage === 'pre-start').map((s) => s.command);
const finalSubmit = plan.filter((s) => s.stage === 'final-submit').map((s) => s.command);

/** The same work done by hand with bash: returns wall milliseconds (and whether it all behaved). */
function baseline() {
  const repo = freshRepo();
  const red = join(work, `red-${copies}`);
  const t0 = now();
  let ok = preStart.every((c) => bash(c, repo) === 0);
  addTest(repo);
  git(repo, 'worktree', 'add', '-q', '--detach', red, 'HEAD');
  cpSync(join(repo, 'tests/test_auth.py'), join(red, 'tests/test_auth.py'));
  implement(repo);
  for (const c of checks) ok = bash(c, repo) === 0 && ok;
  for (const c of finalSubmit) ok = bash(c, repo) === 0 && ok;
  for (const c of finalSubmit) ok = bash(c, red) !== 0 && ok; // red: fails without the implementation
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'feat(TASK-042): Add last_login');
  git(repo, 'push', '-q', 'origin', 'HEAD:refs/heads/feature/TASK-042');
  const ms = now() - t0;
  git(repo, 'worktree', 'remove', '--force', red);
  return { ms, ok };
}

/** `guardian run TASK-042 --resume` in a new node process: wall time and the stations' own times. */
function guardian() {
  const repo = freshRepo();
  addTest(repo);
  implement(repo);
  const t0 = now();
  const r = spawnSync(
    process.execPath,
    [join(cli, 'guardian.mjs'), 'run', 'TASK-042', '--root', repo, '--resume', '--push', 'origin', '--json'],
    { cwd: repo, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const ms = now() - t0;
  let out;
  try {
    out = JSON.parse(r.stdout);
  } catch {
    throw new Error(`guardian run did not print JSON (exit ${r.status}):\n${r.stderr.slice(-3000)}`);
  }
  if (out.outcome !== 'committed') {
    throw new Error(`guardian run: ${out.message}\n${out.report ?? ''}\n${r.stderr.slice(-3000)}`);
  }
  const stations = Object.fromEntries(out.stations.map((s) => [s.station, s.durationMs]));
  return { ms, ok: true, stations };
}

log('warming caches (mypy, pytest, the search index code) …');
guardian();
baseline();

const g = [];
const b = [];
for (let i = 0; i < rounds; i++) {
  const order = i % 2 === 0 ? ['g', 'b'] : ['b', 'g'];
  for (const which of order) {
    if (which === 'g') g.push(guardian());
    else b.push(baseline());
  }
  log(
    `round ${i + 1}/${rounds}: guardian ${(g.at(-1).ms / 1000).toFixed(2)} s, baseline ${(b.at(-1).ms / 1000).toFixed(2)} s`,
  );
}
if (!b.every((x) => x.ok)) log('warning: a baseline command did not behave as expected (see the example)');

const stationNames = ['prestart', 'bundle', 'security', 'code', 'validate', 'complete'];
const perStation = Object.fromEntries(stationNames.map((s) => [s, median(g.map((x) => x.stations[s] ?? 0))]));
const gMs = median(g.map((x) => x.ms));
const bMs = median(b.map((x) => x.ms));
const result = {
  benchmark: 'line (offline: pre-start, bundle, security, validate, complete; change supplied)',
  example: 'examples/python-flask-users TASK-042',
  rounds,
  guardianMs: Math.round(gMs),
  baselineMs: Math.round(bMs),
  ratio: Number((gMs / bMs).toFixed(2)),
  targetMs: TARGET_MS,
  withinTarget: gMs <= TARGET_MS,
  stationsMs: Object.fromEntries(Object.entries(perStation).map(([k, v]) => [k, Math.round(v)])),
};
if (asJson) {
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
} else {
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`line benchmark — ${result.example}, median of ${rounds} rounds`);
  console.log(
    `  guardian run (one process, all stations)  ${s(gMs)}   target ≤ ${s(TARGET_MS)}: ${result.withinTarget ? 'met' : 'NOT met'}`,
  );
  console.log(`  baseline (same commands with bash + git)  ${s(bMs)}`);
  console.log(`  ratio guardian / baseline                  ${result.ratio}×`);
  console.log('  per station (median):');
  for (const [k, v] of Object.entries(perStation)) console.log(`    ${k.padEnd(9)} ${s(v)}`);
}
rmSync(join(work, 'cli'), { recursive: true, force: true });
