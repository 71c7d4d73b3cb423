#!/usr/bin/env node
// The main job on the included example: `guardian run TASK-042` on a fresh copy of
// examples/python-flask-users — a temporary git repository with a bare repository as its `origin` —
// through the whole line: pre-start, bundle, security, code, validate, complete (commit + push).
//
//   npm run demo                      a scripted local model plays the Coder (no key, no network),
//                                     through the real openai client: test first, then the code
//   OPENAI_API_KEY=… npm run demo     your model plays the Coder (GUARDIAN_MODEL, default gpt-4.1-mini;
//                                     OPENAI_BASE_URL for another OpenAI-compatible server)
//   npm run demo -- --by-hand         no model: the change is made in the working tree (as a developer
//                                     would), then `guardian run TASK-042 --resume` validates and commits it
//   npm run demo -- --keep            keep the temporary repository to look around (path printed)
//
// It runs the committed CLI bundle (dist/cli, the same code as bin/guardian.js) in this process, so it
// works from a clean checkout without a build. Python tools: Debian's black/mypy/bandit/pytest, installed
// first by scripts/setup-tools.sh when missing (the run puts /usr/bin first on PATH, see
// test/support/repo.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const byHand = args.includes('--by-hand');
const keep = args.includes('--keep');
const TASK = 'TASK-042';
const cliPath = join(root, 'dist/cli/index.js');
if (!existsSync(cliPath)) {
  console.error('dist/cli/index.js is missing: run `npm run build` first');
  process.exit(2);
}
// The example's checks need its Python tools (black, mypy, bandit, pytest, Flask, SQLAlchemy): installed
// from Debian's packages when missing, as `npm test` does.
if (!process.env.GUARDIAN_SKIP_SETUP) {
  const setup = spawnSync('bash', [join(root, 'scripts/setup-tools.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) {
    console.error("demo: the Python example's tools are missing (see the message above); nothing was run");
    process.exit(1);
  }
}
const { main } = await import(pathToFileURL(cliPath).href);

const env = {
  ...process.env,
  PATH: ['/usr/bin', '/bin', ...(process.env.PATH ?? '').split(':')].join(':'),
  GIT_AUTHOR_NAME: 'Demo Developer',
  GIT_AUTHOR_EMAIL: 'demo@example.com',
  GIT_COMMITTER_NAME: 'Demo Developer',
  GIT_COMMITTER_EMAIL: 'demo@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};
// Also this process's own PATH: the CLI bundle hands the host's environment to the checks.
process.env.PATH = env.PATH;
const git = (cwd, ...a) => execFileSync('git', a, { cwd, env, encoding: 'utf8' }).trim();
// Bold only on a terminal that wants colour (https://no-color.org); plain text in logs and pipes.
const bold = process.stderr.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
const say = (s) => process.stderr.write(bold ? `\x1b[1m${s}\x1b[0m\n` : `${s}\n`);

// 1. The example in a temporary git repository with a bare remote.
const base = mkdtempSync(join(tmpdir(), 'guardian-demo-'));
const repo = join(base, 'python-flask-users');
const remote = join(base, 'origin.git');
cpSync(join(root, 'examples/python-flask-users'), repo, {
  recursive: true,
  filter: (s) => !/[\\/](\.guardian|__pycache__|\.mypy_cache|\.pytest_cache)$/.test(s),
});
git(base, 'init', '-q', '--bare', '-b', 'main', remote);
git(repo, 'init', '-q', '-b', 'main');
git(repo, 'add', '-A');
git(repo, 'commit', '-qm', 'python-flask-users: initial');
git(repo, 'remote', 'add', 'origin', remote);
git(repo, 'push', '-q', 'origin', 'main');
say(`repository: ${repo} (origin: ${remote})`);

// 2. The change TASK-042 asks for, as exact edits: the test first, then the code.
const TESTS = [
  {
    path: 'tests/test_auth.py',
    old: 'import pytest\n',
    new: 'from datetime import timedelta\n\nimport pytest\n',
  },
  {
    path: 'tests/test_auth.py',
    old: '    assert session.query(User).count() == 1\n',
    new:
      '    assert session.query(User).count() == 1\n\n\n' +
      'def test_login_records_last_login_in_utc(session: Session) -> None:\n' +
      '    register(session, "carol@example.com", "correct horse")\n    session.commit()\n' +
      '    user = login(session, "carol@example.com", "correct horse")\n    assert user is not None\n' +
      '    assert user.last_login is not None\n    assert user.last_login.utcoffset() == timedelta(0)\n',
  },
];
const CODE = [
  {
    path: 'src/models/user.py',
    old: '    created_at = Column(UTCDateTime(), nullable=False, default=utcnow)\n',
    new:
      '    created_at = Column(UTCDateTime(), nullable=False, default=utcnow)\n' +
      '    last_login = Column(UTCDateTime(), nullable=True)\n',
  },
  {
    path: 'src/services/auth.py',
    old: 'from src.models import User\n',
    new: 'from src.models import User\nfrom src.models.types import utcnow\n',
  },
  {
    path: 'src/services/auth.py',
    old: '    if not check_password_hash(str(user.password_hash), password):\n        return None\n    return user\n',
    new:
      '    if not check_password_hash(str(user.password_hash), password):\n        return None\n' +
      '    user.last_login = utcnow()\n    session.flush()\n    return user\n',
  },
  {
    path: 'migrations/versions/0002_user_last_login.py',
    old: '',
    new:
      '"""add users.last_login\n\nRevision ID: 0002\nRevises: 0001\nCreate Date: 2026-01-06 09:00:00\n\n"""\n' +
      'import sqlalchemy as sa\nfrom alembic import op\n\n# revision identifiers, used by Alembic.\nrevision = "0002"\n' +
      'down_revision = "0001"\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade() -> None:\n' +
      '    with op.batch_alter_table("users") as batch:\n        batch.add_column(\n' +
      '            sa.Column("last_login", sa.DateTime(timezone=True), nullable=True)\n        )\n\n\n' +
      'def downgrade() -> None:\n    with op.batch_alter_table("users") as batch:\n        batch.drop_column("last_login")\n',
  },
];

// 3. A scripted OpenAI-compatible server: the model's turns for TASK-042, one per request.
function scriptedModel() {
  const call = (name, args) => ({ name, args });
  const asTool = (e) =>
    e.old === ''
      ? call('write_file', { path: e.path, content: e.new })
      : call('edit_file', { path: e.path, old_string: e.old, new_string: e.new });
  const turns = [
    TESTS.map(asTool),
    [call('run_tests', {})],
    CODE.map(asTool),
    [call('run_tests', {})],
    [
      call('finish', {
        summary: 'Added User.last_login (UTC), set on login, with an Alembic migration; test first.',
      }),
    ],
  ];
  let n = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const request = JSON.parse(body || '{}');
      const turn = (request.messages ?? []).filter((m) => m.role === 'assistant').length;
      const calls = turns[turn] ?? turns.at(-1);
      const answer = {
        id: `chatcmpl-demo-${++n}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: request.model ?? 'demo-model',
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: null,
              tool_calls: calls.map((c, i) => ({
                id: `call_${n}_${i}`,
                type: 'function',
                function: { name: c.name, arguments: JSON.stringify(c.args) },
              })),
            },
            finish_reason: 'tool_calls',
          },
        ],
        usage: {
          prompt_tokens: Math.ceil(body.length / 4),
          completion_tokens: 120,
          total_tokens: Math.ceil(body.length / 4) + 120,
        },
      };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function applyByHand() {
  for (const e of [...TESTS, ...CODE]) {
    const p = join(repo, e.path);
    if (e.old === '') writeFileSync(p, e.new);
    else writeFileSync(p, readFileSync(p, 'utf8').replace(e.old, e.new));
  }
}

let server;
const runEnv = { ...env };
let argv = ['run', TASK, '--root', repo, '--push', 'origin'];
if (byHand) {
  say(
    'no model: the change is made by hand in the working tree, then `guardian run --resume` takes it from there',
  );
  for (const k of Object.keys(runEnv))
    if (/^(OPENAI_|GUARDIAN_).*(KEY|MODEL|BASE_URL)$/.test(k)) delete runEnv[k];
  applyByHand();
  argv = [...argv, '--resume'];
} else if (process.env.OPENAI_API_KEY) {
  runEnv.GUARDIAN_MODEL ??= 'gpt-4.1-mini';
  say(`the Coder is your model: ${runEnv.GUARDIAN_CODER_MODEL ?? runEnv.GUARDIAN_MODEL}`);
} else {
  server = await scriptedModel();
  const { port } = server.address();
  Object.assign(runEnv, {
    OPENAI_API_KEY: 'sk-demo-not-a-real-key-000000000000',
    OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`,
    // Only the Coder talks to the scripted model; the Security Consultant uses its offline rules.
    GUARDIAN_CODER_MODEL: 'gpt-4.1-mini',
  });
  delete runEnv.GUARDIAN_MODEL;
  say(`no OPENAI_API_KEY: a scripted local model (http://127.0.0.1:${port}/v1) plays the Coder`);
}

say(`$ guardian ${argv.join(' ')}`);
const code = await main(argv, { stdout: process.stdout, stderr: process.stderr, cwd: repo, env: runEnv });
server?.close();

if (code === 0) {
  say('\nthe commit on the remote:');
  const branch = git(remote, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/feature/');
  console.log(git(remote, 'log', '-1', '--stat', '--format=%H%n%n%B', branch));
  say(`\n$ guardian status --root ${repo}`);
  await main(['status', '--root', repo], {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: repo,
    env: runEnv,
  });
}
if (keep) say(`kept: ${repo}`);
else rmSync(base, { recursive: true, force: true });
process.exitCode = code;
