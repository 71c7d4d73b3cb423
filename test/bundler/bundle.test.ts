import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { readManifest, verifyBundle } from '../../src/bundle/bundle.js';
import { ConfigurationError } from '../../src/errors.js';
import { countTokens, runBundler, type BundlerResult } from '../../src/stations/bundler/index.js';
import { sha256 } from '../../src/util/fs.js';
import { silentLogger } from '../../src/util/log.js';
import { startContext7StandIn, VALID_KEY } from '../knowledge/context7-server.js';
import { makeCanaries } from '../secrets/canaries.js';
import { runCli } from '../support/cli.js';
import { EXAMPLES, makeRepo, type TempRepo } from '../support/repo.js';

const DEBIAN_PYTHON = '/usr/bin/python3';
const hasDebianSqlalchemy = existsSync('/usr/lib/python3/dist-packages/sqlalchemy');
const c = makeCanaries(7);
const SECTIONS = [
  '## Task',
  '## Acceptance Criteria',
  '## Architectural Rules',
  '## Relevant Existing Code',
  '## External Knowledge',
  '## Verification Plan',
];

function bundleFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const rel = prefix + name.name;
      if (name.isDirectory()) walk(join(d, name.name), rel + '/');
      else out[rel] = readFileSync(join(d, name.name), 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

/** The flask example with secrets planted where the Bundler will look. */
function plantedFlaskRepo(): TempRepo {
  const src = (p: string) => readFileSync(join(EXAMPLES, 'python-flask-users', p), 'utf8');
  return makeRepo('python-flask-users', {
    files: {
      '.env': `DATABASE_PASSWORD=${c.envPassword}\nOPENAI_API_KEY=${c.openaiKey}\n`,
      'deploy/id_rsa': c.privateKeyPem,
      // A token in the model the task changes (always quoted), an AWS pair and a private key in
      // files the search finds relevant.
      'src/models/user.py': src('src/models/user.py') + `\n# deploy token, to be rotated: ${c.githubToken}\n`,
      'src/db.py':
        src('src/db.py') +
        `\nAWS_ACCESS_KEY_ID = "${c.awsAccessKeyId}"\naws_secret_access_key = "${c.awsSecretAccessKey}"\n`,
      'src/services/auth.py': src('src/services/auth.py') + `\nSIGNING_KEY = """\n${c.privateKeyPem}"""\n`,
    },
  });
}

describe('runBundler on the flask example (TASK-042)', () => {
  let repo: TempRepo;
  let r: BundlerResult;
  let files: Record<string, string>;
  let ctx: string;

  beforeAll(async () => {
    repo = plantedFlaskRepo();
    r = await runBundler({ root: repo.root, taskId: 'TASK-042', python: { interpreters: [DEBIAN_PYTHON] } });
    files = bundleFiles(r.bundleDir);
    ctx = files['task_context.md']!;
  });
  afterAll(() => repo.cleanup());

  it('writes the bundle files and a manifest that hashes them', () => {
    expect(r.bundleDir).toBe(join(repo.root, '.guardian', 'bundles', 'TASK-042'));
    expect(Object.keys(files).sort()).toEqual(
      [
        'blueprint.md',
        'evidence/knowledge.json',
        'evidence/rules.json',
        'evidence/search.json',
        'manifest.json',
        'task_context.md',
      ].sort(),
    );
    const m = readManifest(r.bundleDir, 'TASK-042');
    expect(m.baseCommit).toBe(repo.git('rev-parse', 'HEAD'));
    const blueprintPath = 'specs/tasks/TASK-042_user-last-login.md';
    expect(m.blueprintPath).toBe(blueprintPath);
    expect(m.blueprintSha256).toBe(sha256(readFileSync(join(repo.root, blueprintPath))));
    expect(files['blueprint.md']).toBe(readFileSync(join(repo.root, blueprintPath), 'utf8'));
    expect(m.stations.bundle).toMatchObject({ status: 'ok' });
    expect(verifyBundle(r.bundleDir)).toEqual([]);
  });

  it('has the six sections in order', () => {
    const at = SECTIONS.map((s) => ctx.indexOf(`\n${s}\n`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(ctx).toContain('When a user successfully logs in, their `last_login` time is recorded.');
    expect(ctx).toMatch(/- \*\*pre-start\*\* `pytest tests\/test_auth\.py` must \*\*pass\*\*/);
  });

  it('quotes the User model and the relevant test with line references', () => {
    expect(ctx).toMatch(/`src\/models\/user\.py:\d+-\d+`/);
    expect(ctx).toContain('class User(Base):');
    expect(ctx).toMatch(/`tests\/test_auth\.py:\d+-\d+`/);
    expect(ctx).toContain('def test_login_succeeds_with_the_right_password');
    // The line reference is right: the cited range starts where the quoted text starts.
    const m = /`src\/models\/user\.py:(\d+)-(\d+)`[^\n]*\n```python\n([^\n]*)/.exec(ctx)!;
    const fileLines = readFileSync(join(repo.root, 'src/models/user.py'), 'utf8').split('\n');
    expect(fileLines[Number(m[1]) - 1]).toBe(m[3]);
    // Why each file was chosen.
    expect(ctx).toMatch(/### `src\/models\/user\.py`\n\n_Why: .+\(score \d/);
  });

  it('includes the SQLAlchemy rule from specs/architecture.md with its source line', () => {
    expect(ctx).toMatch(/### [^\n]*Where models live \(`specs\/architecture\.md:\d+-\d+`\)/);
    expect(ctx).toContain('All SQLAlchemy models must be defined in `src/models/`');
    expect(ctx).toContain('Times are aware `datetime` values in UTC'); // a short global rule
    expect(ctx).toMatch(
      /TASK-042 › Architectural Constraints \(`specs\/tasks\/TASK-042_user-last-login\.md:\d+-\d+`\)/,
    );
  });

  (hasDebianSqlalchemy ? it : it.skip)('adds API facts of the installed SQLAlchemy', () => {
    expect(ctx).toMatch(/### SQLAlchemy 1\.4\.\d+/);
    expect(ctx).toMatch(/#### `Column` — class \(`sqlalchemy[^`]*schema\.pyi?:\d+/);
    const k = JSON.parse(files['evidence/knowledge.json']!);
    const lib = k.libraries.find((l: { packageName: string }) => l.packageName === 'SQLAlchemy');
    expect(lib.version).toMatch(/^1\.4\./);
    expect(lib.declared).toEqual({ file: 'pyproject.toml', spec: expect.stringContaining('SQLAlchemy') });
  });

  it('lets no planted secret into any bundle file', () => {
    const all = Object.values(files).join('\n');
    for (const secret of [
      c.githubToken,
      c.openaiKey,
      c.awsAccessKeyId,
      c.awsSecretAccessKey,
      c.envPassword,
      c.privateKeyPem.split('\n')[1]!,
    ]) {
      expect(all).not.toContain(secret);
    }
    expect(all).not.toContain('PRIVATE KEY-----');
    expect(ctx).toContain('[REDACTED:');
    expect(r.redactions).toBeGreaterThan(0);
    const search = JSON.parse(files['evidence/search.json']!);
    for (const f of search.files) {
      if (f.path === '.env' || f.path === 'deploy/id_rsa') expect(f.included).toBe(false);
    }
  });

  it('stays within the token budget, counted with the real tokenizer', () => {
    expect(countTokens(ctx)).toBe(r.tokens);
    expect(r.tokens).toBeLessThanOrEqual(24000);
    expect(r.tokenBudget).toBe(24000);
  });

  it('records scores and provenance in evidence', () => {
    const search = JSON.parse(files['evidence/search.json']!);
    const user = search.files.find((f: { path: string }) => f.path === 'src/models/user.py');
    expect(user).toMatchObject({ included: true, score: expect.any(Number) });
    expect(user.reasons.length).toBeGreaterThan(0);
    expect(search.hints.relevantTests).toEqual(['tests/test_auth.py']);
    const rules = JSON.parse(files['evidence/rules.json']!);
    const where = rules.sections.find((s: { heading: string }) => s.heading.endsWith('Where models live'));
    expect(where).toMatchObject({
      source: 'specs/architecture.md',
      included: true,
      line: expect.any(Number),
    });
    expect(rules.sections.some((s: { included: boolean }) => !s.included)).toBe(true);
  });

  it('is reproducible: the same inputs give the same task_context.md', async () => {
    const again = await runBundler({
      root: repo.root,
      taskId: 'TASK-042',
      python: { interpreters: [DEBIAN_PYTHON] },
    });
    expect(readFileSync(join(again.bundleDir, 'task_context.md'), 'utf8')).toBe(ctx);
  });

  it('fits a small budget by leaving out the least relevant code, keeping task, rules and plan', async () => {
    const small = await runBundler({
      root: repo.root,
      taskId: 'TASK-042',
      tokenBudget: 3000,
      python: { sitePackages: [] },
    });
    const text = readFileSync(join(small.bundleDir, 'task_context.md'), 'utf8');
    expect(countTokens(text)).toBeLessThanOrEqual(3000);
    expect(small.tokens).toBeLessThanOrEqual(3000);
    for (const s of SECTIONS) expect(text).toContain(`\n${s}\n`);
    expect(text).toContain('src/models/user.py');
    expect(text).toMatch(/Left out to stay within the token budget: /);
  });

  it('replaces the bundle on a rerun and leaves the previous one intact when a run fails', async () => {
    writeFileSync(join(r.bundleDir, 'stale.txt'), 'from an older run');
    // The work directory of a run that was killed two hours ago.
    const killed = join(repo.root, '.guardian', 'bundles', '.TASK-042.tmp-dead');
    mkdirSync(killed);
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(killed, twoHoursAgo, twoHoursAgo);
    const ok = await runBundler({ root: repo.root, taskId: 'TASK-042', python: { sitePackages: [] } });
    expect(existsSync(join(ok.bundleDir, 'stale.txt'))).toBe(false);
    const before = readFileSync(join(ok.bundleDir, 'task_context.md'), 'utf8');
    // A failure in the middle of the run (here: while reading library APIs).
    const failing = {
      ...silentLogger,
      group: async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
        if (name.startsWith('Reading library')) throw new Error('disk on fire');
        return fn();
      },
    };
    await expect(
      runBundler({ root: repo.root, taskId: 'TASK-042', log: failing, python: { sitePackages: [] } }),
    ).rejects.toThrow(/disk on fire/);
    expect(readFileSync(join(ok.bundleDir, 'task_context.md'), 'utf8')).toBe(before);
    expect(readdirSync(join(repo.root, '.guardian', 'bundles'))).toEqual(['TASK-042']);
    expect(verifyBundle(ok.bundleDir)).toEqual([]);
  });

  it('keeps a pre-start report of the same base commit', async () => {
    const m = readManifest(r.bundleDir, 'TASK-042');
    m.stations.prestart = { status: 'ok', startedAt: new Date().toISOString() };
    writeFileSync(join(r.bundleDir, 'manifest.json'), JSON.stringify(m));
    writeFileSync(join(r.bundleDir, 'prestart.json'), '{"verdict":"pass"}\n');
    const again = await runBundler({ root: repo.root, taskId: 'TASK-042', python: { sitePackages: [] } });
    const m2 = readManifest(again.bundleDir, 'TASK-042');
    expect(m2.stations.prestart?.status).toBe('ok');
    expect(readFileSync(join(again.bundleDir, 'prestart.json'), 'utf8')).toBe('{"verdict":"pass"}\n');
    expect(verifyBundle(again.bundleDir)).toEqual([]);
  });

  it('carries over only regular files: a pre-start report that is a link is not followed', async () => {
    const m = readManifest(r.bundleDir, 'TASK-042');
    m.stations.prestart = { status: 'ok', startedAt: new Date().toISOString() };
    writeFileSync(join(r.bundleDir, 'manifest.json'), JSON.stringify(m));
    writeFileSync(join(r.bundleDir, 'prestart.json'), '{"verdict":"pass"}\n');
    const outside = join(repo.root, '..', 'outside-secret.txt');
    writeFileSync(outside, 'not for the bundle\n');
    symlinkSync(outside, join(r.bundleDir, 'prestart.md'));
    const again = await runBundler({ root: repo.root, taskId: 'TASK-042', python: { sitePackages: [] } });
    expect(readFileSync(join(again.bundleDir, 'prestart.json'), 'utf8')).toBe('{"verdict":"pass"}\n');
    expect(existsSync(join(again.bundleDir, 'prestart.md'))).toBe(false);
    expect(verifyBundle(again.bundleDir)).toEqual([]);
  });
});

describe('quality.toml [bundle]', () => {
  it('takes token_budget, include and exclude from quality.toml', async () => {
    const quality = readFileSync(join(EXAMPLES, 'python-flask-users', 'quality.toml'), 'utf8');
    const repo = makeRepo('python-flask-users', {
      files: {
        'quality.toml': `${quality}\n[bundle]\ntoken_budget = 6000\ninclude = ["alembic.ini"]\nexclude = ["src/app.py"]\n`,
      },
    });
    try {
      const r = await runBundler({ root: repo.root, taskId: 'TASK-042', python: { sitePackages: [] } });
      expect(r.tokenBudget).toBe(6000);
      const text = readFileSync(join(r.bundleDir, 'task_context.md'), 'utf8');
      expect(countTokens(text)).toBeLessThanOrEqual(6000);
      expect(text).not.toContain('### `src/app.py`');
      const search = JSON.parse(readFileSync(join(r.bundleDir, 'evidence', 'search.json'), 'utf8'));
      const app = search.files.find((f: { path: string }) => f.path === 'src/app.py');
      if (app)
        expect(app).toMatchObject({
          included: false,
          skipped: 'excluded by [bundle] exclude in quality.toml',
        });
      expect(search.hints.files).toContain('alembic.ini');
      expect(search.files.some((f: { path: string }) => f.path === 'alembic.ini')).toBe(true);
    } finally {
      repo.cleanup();
    }
  });
});

describe('a project in a subdirectory of a repository (monorepo)', () => {
  it('reads paths relative to the project root', async () => {
    const repo = makeRepo(undefined, { files: { 'README.md': '# monorepo\n' } });
    try {
      cpSync(join(EXAMPLES, 'python-flask-users'), join(repo.root, 'services', 'users'), { recursive: true });
      repo.git('add', '-A');
      repo.git('commit', '-q', '-m', 'add the users service');
      const root = join(repo.root, 'services', 'users');
      const r = await runBundler({ root, taskId: 'TASK-042', python: { sitePackages: [] } });
      expect(r.bundleDir).toBe(join(root, '.guardian', 'bundles', 'TASK-042'));
      const text = readFileSync(join(r.bundleDir, 'task_context.md'), 'utf8');
      expect(text).toMatch(/`src\/models\/user\.py:\d+-\d+`/);
      expect(text).toContain('class User(Base):');
      expect(text).toMatch(/Where models live \(`specs\/architecture\.md:\d+-\d+`\)/);
    } finally {
      repo.cleanup();
    }
  });
});

describe('a bundle for every task of both examples', () => {
  for (const example of ['python-flask-users', 'ts-todo-api']) {
    it(`${example}: every task gets a complete bundle within its budget`, async () => {
      const repo = makeRepo(example);
      try {
        const ids = readdirSync(join(repo.root, 'specs', 'tasks'))
          .map((f) => /^(TASK-\d+)/.exec(f)?.[1])
          .filter((x): x is string => !!x);
        expect(ids.length).toBeGreaterThanOrEqual(3);
        for (const id of ids) {
          const r = await runBundler({
            root: repo.root,
            taskId: id,
            python: { interpreters: [DEBIAN_PYTHON] },
          });
          const text = readFileSync(join(r.bundleDir, 'task_context.md'), 'utf8');
          for (const s of SECTIONS) expect(text).toContain(`\n${s}\n`);
          expect(countTokens(text)).toBeLessThanOrEqual(r.tokenBudget);
          expect(r.codeFiles.length).toBeGreaterThan(0);
          // Every relevant test that exists is quoted with a line range.
          const bp = readFileSync(join(repo.root, r.blueprintPath), 'utf8');
          const tests = [...bp.matchAll(/^\s+- "([^"]+)"$/gm)].map((m) => m[1]!);
          for (const t of tests) {
            if (existsSync(join(repo.root, t))) expect(text).toContain(`\`${t}:`);
          }
          expect(r.rules).toBeGreaterThan(1);
        }
      } finally {
        repo.cleanup();
      }
    });
  }
});

describe('bad input', () => {
  it('an unknown task id is a clear error and writes nothing', async () => {
    const repo = makeRepo('python-flask-users');
    try {
      const err = await runBundler({ root: repo.root, taskId: 'TASK-999' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigurationError);
      expect((err as Error).message).toMatch(/unknown task TASK-999.*known: TASK-042, TASK-043, TASK-044/);
      expect(existsSync(join(repo.root, '.guardian', 'bundles', 'TASK-999'))).toBe(false);
      await expect(runBundler({ root: repo.root, taskId: '../etc' })).rejects.toThrow(/invalid task id/);
      // A blueprint that exists but is not committed.
      repo.write(
        'specs/tasks/TASK-050_new.md',
        '---\nid: TASK-050\ntitle: "New"\nstatus: pending\n---\n## 1. Goal\nx\n',
      );
      await expect(runBundler({ root: repo.root, taskId: 'TASK-050' })).rejects.toThrow(
        /TASK-050 .*is not in the base commit .*commit the blueprint first/,
      );
      await expect(runBundler({ root: repo.root, taskId: 'TASK-042', base: 'no-such-ref' })).rejects.toThrow(
        /unknown git ref 'no-such-ref'/,
      );
    } finally {
      repo.cleanup();
    }
  });

  it('a repository with no source files, missing relevant tests and awkward files still gets a bundle', async () => {
    const blueprint = [
      '---',
      'id: TASK-001',
      'title: "Add payment export"',
      'status: pending',
      'relevant_tests:',
      '  - "tests/test_payment_export.py"',
      '---',
      '## 1. Goal',
      'Export payments as CSV.',
      '## 2. Functional Acceptance Criteria',
      '*   [ ] The export has a header row.',
      '## 4. Verification Plan',
      '```guardian',
      '[{"description": "tests", "stage": "final-submit", "command": "pytest", "expects": "pass"}]',
      '```',
      '',
    ].join('\n');
    const repo = makeRepo(undefined, { files: { 'specs/tasks/TASK-001_export.md': blueprint } });
    try {
      const r = await runBundler({ root: repo.root, taskId: 'TASK-001', python: { sitePackages: [] } });
      const text = readFileSync(join(r.bundleDir, 'task_context.md'), 'utf8');
      for (const s of SECTIONS) expect(text).toContain(`\n${s}\n`);
      expect(text).toMatch(
        /relevant test `tests\/test_payment_export\.py` \(relevant_tests\) does not exist at the base commit/,
      );
      expect(text).toContain('_Code search found no relevant files at the base commit._');
      expect(text).toContain('_No project rules found');

      // Now awkward files that all look relevant to "payment export".
      repo.write('src/payment_export.py', 'def export_payments():\n    return "header"\n');
      writeFileSync(
        join(repo.root, 'src/payment_latin1.py'),
        Buffer.from('# paiement export \xe9\xe8\n', 'latin1'),
      );
      writeFileSync(join(repo.root, 'src/payment_export.bin'), Buffer.from([0, 1, 2, 3, 0x70, 0x61, 0x79]));
      repo.write('src/payment_export.min.js', `var payment_export=function(){${'x;'.repeat(3000)}};\n`);
      repo.write('src/payment_big.py', '# payment export filler line\n'.repeat(40_000));
      const { symlinkSync } = await import('node:fs');
      symlinkSync('/etc/passwd', join(repo.root, 'src/payment_passwd.py'));
      repo.git('add', '-A');
      repo.git('commit', '-q', '-m', 'awkward files');
      const r2 = await runBundler({ root: repo.root, taskId: 'TASK-001', python: { sitePackages: [] } });
      const text2 = readFileSync(join(r2.bundleDir, 'task_context.md'), 'utf8');
      expect(text2).toContain('def export_payments():');
      expect(text2).not.toMatch(/root:.*:0:0:/);
      expect(text2).not.toContain('x;x;x;');
      expect(text2).not.toContain(
        'filler line\n# payment export filler line\n# payment export filler line\n# payment',
      );
      expect(countTokens(text2)).toBeLessThanOrEqual(24000);
    } finally {
      repo.cleanup();
    }
  });

  it('an invalid quality.toml at the base commit is a clear error naming the file', async () => {
    const repo = makeRepo('python-flask-users', {
      files: { 'quality.toml': '[bundle]\ntoken_budget = "lots"\n' },
    });
    try {
      await expect(runBundler({ root: repo.root, taskId: 'TASK-042' })).rejects.toThrow(
        /quality\.toml in the base commit [0-9a-f]{12} is invalid:[\s\S]*quality\.toml:2: error: bundle\.token_budget/,
      );
      expect(existsSync(join(repo.root, '.guardian', 'bundles', 'TASK-042'))).toBe(false);
    } finally {
      repo.cleanup();
    }
  });

  it('a directory that is not a git repository is a clear error', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'guardian-nogit-'));
    try {
      await expect(runBundler({ root: dir, taskId: 'TASK-001' })).rejects.toThrow(/is not a git repository/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('guardian bundle (CLI)', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo('ts-todo-api');
  });
  afterAll(() => repo.cleanup());

  it('--json prints one document with the result', async () => {
    const run = await runCli(['bundle', 'TASK-001', '--root', repo.root, '--json', '--budget', '8000']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({
      schemaVersion: 1,
      taskId: 'TASK-001',
      tokenBudget: 8000,
      tokenizer: 'o200k_base',
    });
    expect(doc.tokens).toBeLessThanOrEqual(8000);
    expect(doc.bundleDir).toBe(join(repo.root, '.guardian', 'bundles', 'TASK-001'));
  });

  it('prints a summary table for people', async () => {
    const run = await runCli(['bundle', 'TASK-002'], { cwd: repo.root });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Task Bundle for TASK-002 at /);
    expect(run.stdout).toMatch(/section\s+tokens/);
  });

  it('adds Context7 documentation when CONTEXT7_API_KEY is set (local stand-in)', async () => {
    const server = await startContext7StandIn();
    try {
      const flask = makeRepo('python-flask-users');
      try {
        const env = { ...process.env, CONTEXT7_API_KEY: VALID_KEY, CONTEXT7_API_URL: server.url };
        const run = await runCli(
          ['bundle', 'TASK-042', '--root', flask.root, '--json', '--python', DEBIAN_PYTHON],
          {
            env,
          },
        );
        expect(run.code).toBe(0);
        const text = readFileSync(join(flask.root, '.guardian/bundles/TASK-042/task_context.md'), 'utf8');
        expect(text).toMatch(/#### Add a timezone-aware DateTime column \(context7:\/sqlalchemy\/sqlalchemy/);
        expect(server.requests.every((r) => r.authorization === `Bearer ${VALID_KEY}`)).toBe(true);
        // The key itself goes nowhere near the bundle.
        for (const f of ['task_context.md', 'evidence/knowledge.json', 'manifest.json']) {
          expect(readFileSync(join(flask.root, '.guardian/bundles/TASK-042', f), 'utf8')).not.toContain(
            VALID_KEY,
          );
        }
      } finally {
        flask.cleanup();
      }
    } finally {
      await server.close();
    }
  });

  it('fails with one line for an unknown task and with usage errors for bad options', async () => {
    const run = await runCli(['bundle', 'TASK-404', '--root', repo.root]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^guardian: unknown task TASK-404/);
    const bad = await runCli(['bundle', 'TASK-001', '--root', repo.root, '--budget', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--budget lots: expected an integer/);
  });
});
