/**
 * Secrets planted everywhere a repository and its environment hold them — code (plain and base64),
 * secret files, a file name, the blueprint's file name and text, a commit message, the output of a
 * failing test, the process's environment — and the real commands run over them against a scripted
 * model server on 127.0.0.1: `bundle`, `bundle --json`, `search --json` (with embeddings), `security`,
 * `validate`, `code`, `status`. Every file written under `.guardian/`, everything printed and every
 * request the server received is searched for each planted secret.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { callTool, reply, startScriptedServer, type ScriptedServer } from '../support/llm-server.js';
import { debianFirstPath, EXAMPLES, makeRepo, type TempRepo } from '../support/repo.js';
import { makeCanaries, pseudoRandom } from './canaries.js';

const c = makeCanaries(73);
const token = (seed: number) => 'gh' + 'p_' + pseudoRandom(36, seed);
const value = (seed: number) => 'Qz7' + pseudoRandom(29, seed);

/** What each place holds; none of it may come out anywhere. */
const S = {
  codeAws: c.awsSecretAccessKey,
  codeJwt: c.jwt,
  codeBase64: Buffer.from(`token=${token(7301)}`).toString('base64'),
  keyLine: c.privateKeyPem.split('\n')[1]!,
  dotenv: value(7302),
  dotenvOther: value(7303),
  fileName: token(7304),
  blueprintName: token(7305),
  blueprintText: c.openaiKey,
  commitMessage: token(7306),
  testOutput: c.githubPat,
  prestartOutput: token(7310),
  envOpenai: 's' + 'k-proj-' + pseudoRandom(40, 7307) + '7',
  envGuardian: value(7308),
  envEmbeddings: value(7309),
};

const example = (p: string) => readFileSync(join(EXAMPLES, 'python-flask-users', p), 'utf8');

function filesUnder(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) Object.assign(out, filesUnder(join(dir, e.name), `${prefix}${e.name}/`));
    else out[prefix + e.name] = readFileSync(join(dir, e.name), 'latin1');
  }
  return out;
}

function leaksIn(places: Record<string, string>, secrets: Record<string, string> = S): string[] {
  return Object.entries(secrets).flatMap(([name, secret]) =>
    Object.entries(places)
      .filter(([, text]) => text.includes(secret))
      .map(([place]) => `${name} in ${place}`),
  );
}

describe('secrets planted across a repository, its history and its environment', () => {
  let repo: TempRepo;
  let home: string;
  let server: ScriptedServer;
  const out: Record<string, { code: number; stdout: string; stderr: string }> = {};
  let bundle: Record<string, string>;

  beforeAll(async () => {
    repo = makeRepo('python-flask-users', {
      files: {
        'quality.toml': '[quality_checks]\ntest_runner = "python3 -m pytest -q tests/test_leak.py"\n',
        'src/models/user.py':
          `from src.models.last_login_${S.fileName} import record_last_login\n` +
          example('src/models/user.py') +
          `\nAWS_SECRET_ACCESS_KEY = "${S.codeAws}"\nSESSION = "${S.codeJwt}"\nLAST_LOGIN_FIXTURE = "${S.codeBase64}"\nLABELS = ["${S.envGuardian}", "${S.envEmbeddings}"]\n`,
        [`src/models/last_login_${S.fileName}.py`]:
          '"""Records the last login time of a user, in UTC."""\n\n\ndef record_last_login(user, now):\n    user.last_login = now\n',
        'src/models/signing.txt': c.privateKeyPem,
        '.env': `DATABASE_PASSWORD=${S.dotenv}\n`,
        'config/last_login.env': `LAST_LOGIN_SECRET=${S.dotenvOther}\n`,
        'tests/test_leak.py': `def test_last_login_token():\n    assert "${S.testOutput}" == "x", "last_login"\n`,
        // The verification plan's pre-start step runs this file at the base commit.
        'tests/test_auth.py':
          example('tests/test_auth.py') +
          `\n\ndef test_session_token_at_base() -> None:\n    assert "${S.prestartOutput}" == "x"\n`,
      },
    });
    const bp = join(repo.root, 'specs/tasks/TASK-042_user-last-login.md');
    writeFileSync(
      bp,
      readFileSync(bp, 'utf8').replace('activity.', `activity. The deploy key is ${S.blueprintText}.`),
    );
    renameSync(bp, join(repo.root, `specs/tasks/TASK-042_${S.blueprintName}.md`));
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', `last_login: rotate ${S.commitMessage}`);

    server = await startScriptedServer([
      callTool('read_file', { path: 'src/models/user.py' }),
      callTool('read_file', { path: 'tests/test_leak.py' }),
      callTool('write_file', {
        path: 'tests/test_env.py',
        content:
          'import os\n\ndef test_env():\n    assert False, repr(dict(os.environ)) + open("src/models/signing.txt").read()\n',
      }),
      callTool('run_tests', {}),
      reply('done'),
    ]);
    home = mkdtempSync(join(tmpdir(), 'guardian-home-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: debianFirstPath(),
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
      OPENAI_API_KEY: S.envOpenai,
      OPENAI_BASE_URL: server.url,
      GUARDIAN_CODER_API_KEY: S.envGuardian,
      GUARDIAN_EMBEDDINGS_BASE_URL: server.url,
      GUARDIAN_EMBEDDINGS_MODEL: 'embed-test',
      GUARDIAN_EMBEDDINGS_API_KEY: S.envEmbeddings,
    };
    const run = async (name: string, argv: string[]) => {
      out[name] = await runCli(argv, { cwd: repo.root, env });
    };
    await run('prestart', ['prestart', 'TASK-042']);
    await run('bundle', ['bundle', 'TASK-042']);
    await run('bundle --json', ['bundle', 'TASK-042', '--json']);
    await run('search --json', ['search', '--json', '--query', 'record the last login time of a user']);
    await run('security', ['security', 'TASK-042']);
    await run('validate', ['validate', 'TASK-042', '--json']);
    await run('code', ['code', 'TASK-042', '--model', 'gpt-4.1', '--max-turns', '5', '--json']);
    await run('status', ['status', 'TASK-042']);
    bundle = filesUnder(join(repo.root, '.guardian', 'bundles', 'TASK-042'));
  });
  afterAll(async () => {
    await server.close();
    repo.cleanup();
    rmSync(home, { recursive: true, force: true });
  });

  it('ran every command over the planted repository', () => {
    expect(out['bundle']!.code).toBe(0);
    expect(out['security']!.code).toBe(0);
    // The failing test ran, and the model was asked and called tools.
    expect(bundle['validation.json']).toMatch(/test_last_login_token/);
    expect(server.requests.filter((r) => r.path.endsWith('/embeddings')).length).toBeGreaterThan(0);
    expect(server.chatRequests().length).toBe(5);
    expect(bundle['transcript.jsonl']).toMatch(/run_tests/);
  });

  it('writes no planted secret into what the bundle quotes', () => {
    const {
      'manifest.json': _manifest,
      'validation.json': _json,
      'validation.md': _md,
      'prestart.json': _prestartJson,
      'prestart.md': _prestartMd,
      ...quoted
    } = bundle;
    const { envOpenai: _openai, envGuardian: _guardian, envEmbeddings: _embeddings, ...planted } = S;
    expect(leaksIn(quoted, planted)).toEqual([]);
    // The base64 fixture was quoted, with its value redacted.
    expect(bundle['task_context.md']).toMatch(/^LAST_LOGIN_FIXTURE = "\[REDACTED:[a-z-]+\]"$/m);
  });

  it('sends the chat model no planted secret and no value of the environment', () => {
    expect(
      leaksIn(Object.fromEntries(server.chatRequests().map((r, i) => [`chat request ${i}`, r.raw]))),
    ).toEqual([]);
  });

  it('prints no value of the environment and nothing to stderr that was planted', () => {
    const places = Object.fromEntries(
      Object.entries(out).flatMap(([name, r]) => [
        [`${name} stdout`, r.stdout],
        [`${name} stderr`, r.stderr],
      ]),
    );
    const { envOpenai, envGuardian, envEmbeddings } = S;
    expect(leaksIn(places, { envOpenai, envGuardian, envEmbeddings })).toEqual([]);
    expect(leaksIn(Object.fromEntries(Object.entries(places).filter(([p]) => p.endsWith('stderr'))))).toEqual(
      [],
    );
  });

  it("keeps the values of the process's secret variables out of the bundle, whatever their shape", () => {
    // user.py holds them under names that say nothing: only the values tell them apart.
    const { envOpenai, envGuardian, envEmbeddings } = S;
    expect(leaksIn(bundle, { envOpenai, envGuardian, envEmbeddings })).toEqual([]);
  });

  it("keeps a secret in the blueprint's file name out of manifest.json and `bundle --json`", () => {
    expect(
      leaksIn({ 'manifest.json': bundle['manifest.json']!, 'bundle --json': out['bundle --json']!.stdout }),
    ).toEqual([]);
  });

  it("keeps a secret in a code file's name out of the bundle's summary", () => {
    // The file is one the bundle quotes (user.py imports it).
    expect(out['bundle']!.stdout).toMatch(/^code: .* src\/models\/last_login_\S+\.py:1-5/m);
    expect(leaksIn({ bundle: out['bundle']!.stdout })).toEqual([]);
  });

  it('keeps what a failing pre-start step printed out of prestart.json and prestart.md', () => {
    expect(bundle['prestart.json']).toMatch(/test_session_token_at_base/);
    expect(
      leaksIn({ 'prestart.json': bundle['prestart.json']!, 'prestart.md': bundle['prestart.md']! }),
    ).toEqual([]);
  });

  it('keeps what a failing test printed out of validation.json and validation.md', () => {
    expect(
      leaksIn({ 'validation.json': bundle['validation.json']!, 'validation.md': bundle['validation.md']! }),
    ).toEqual([]);
    expect(leaksIn({ 'validate --json': out['validate']!.stdout })).toEqual([]);
  });

  it('sends the embeddings endpoint neither secret files nor planted secrets', () => {
    const embeddings = server.requests.filter((r) => r.path.endsWith('/embeddings'));
    expect(leaksIn(Object.fromEntries(embeddings.map((r, i) => [`embeddings request ${i}`, r.raw])))).toEqual(
      [],
    );
  });

  it('prints no secret of a commit message or a file name in `search --json`', () => {
    expect(out['search --json']!.code).toBe(0);
    expect(leaksIn({ 'search --json': out['search --json']!.stdout })).toEqual([]);
  });
});
