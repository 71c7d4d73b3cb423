import { describe, expect, it } from '@jest/globals';
import { performance } from 'node:perf_hooks';
import { isSecretFile, redactSecrets, redactSecretsSync } from '../../src/secrets/index.js';
import { makeCanaries } from './canaries.js';

const c = makeCanaries();

describe('redactSecrets', () => {
  it('leaves no process-wide performance marks behind (the engine would keep and search them all)', async () => {
    const before = performance.getEntriesByType('mark').length;
    for (let i = 0; i < 50; i++) {
      const r = await redactSecrets(`token = "${c.githubToken}"\n# file ${i}\n`, { path: `src/m${i}.py` });
      expect(r.text).not.toContain(c.githubToken);
    }
    // Let any pending observer callbacks run before counting.
    await new Promise((resolve) => setImmediate(resolve));
    expect(performance.getEntriesByType('mark').length).toBe(before);
  });

  it('redacts every canary in a source file and keeps line numbers', async () => {
    const text = [
      'import os', //1
      `GITHUB_TOKEN = "${c.githubToken}"`, //2
      `fine_grained = "${c.githubPat}"`, //3
      `client = OpenAI(api_key="${c.openaiKey}")`, //4
      `aws_access_key_id = "${c.awsAccessKeyId}"`, //5
      `aws_secret_access_key = "${c.awsSecretAccessKey}"`, //6
      `SLACK = "${c.slackToken}"`, //7
      `session_cookie = "${c.jwt}"`, //8
      'KEY = """', //9
      ...c.privateKeyPem.trimEnd().split('\n'),
      '"""',
      'def after_the_key():',
      '    return 1',
    ].join('\n');
    const r = await redactSecrets(text, { path: 'src/settings.py' });
    for (const secret of [
      c.githubToken,
      c.githubPat,
      c.openaiKey,
      c.awsAccessKeyId,
      c.awsSecretAccessKey,
      c.slackToken,
      c.jwt,
    ]) {
      expect(r.text).not.toContain(secret);
    }
    expect(r.text).not.toContain('PRIVATE KEY-----');
    const keyBody = c.privateKeyPem.split('\n')[1] ?? '';
    expect(r.text).not.toContain(keyBody);
    // Line structure is preserved: the function after the key is on the same line as before.
    const before = text.split('\n').indexOf('def after_the_key():');
    expect(r.text.split('\n').indexOf('def after_the_key():')).toBe(before);
    expect(r.text.split('\n').length).toBe(text.split('\n').length);
    expect(r.text).toContain('[REDACTED:');
    expect(r.text).toContain('import os');
    const lines = new Set(r.findings.map((f) => f.line));
    for (const l of [2, 3, 4, 5, 6, 7, 8, 10]) expect(lines).toContain(l);
    // Findings never repeat the secret.
    const all = JSON.stringify(r.findings);
    for (const secret of [c.githubToken, c.awsSecretAccessKey, c.openaiKey])
      expect(all).not.toContain(secret);
  });

  it('uses secretlint rules (ruleIds from the recommended preset)', async () => {
    const r = await redactSecrets(`token: ${c.githubToken}\n`, { path: 'config.yml' });
    expect(r.findings.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['@secretlint/secretlint-rule-github', 'guardian/github-token']),
    );
    expect(r.text).toMatch(/^token: \[REDACTED:[a-z-]+\]\n$/);
    expect(r.text).not.toContain(c.githubToken);
  });

  it('redacts password assignments in .env-like text but not test fixtures in code', async () => {
    const env = `DATABASE_PASSWORD=${c.envPassword}\nDEBUG=true\nSECRET_KEY="s3cr3t-value-here"\nAPI_KEY=\nNAME=app\n`;
    const r = await redactSecrets(env, { path: '.env.production' });
    expect(r.text).not.toContain(c.envPassword);
    expect(r.text).not.toContain('s3cr3t-value-here');
    expect(r.text).toContain('DEBUG=true');
    expect(r.text).toContain('NAME=app');
    expect(r.findings.map((f) => f.line)).toEqual([1, 3]);

    const code = 'def test_login():\n    user = register(session, "a@b.c", password="correct horse")\n';
    const rc = await redactSecrets(code, { path: 'tests/test_auth.py' });
    expect(rc.text).toBe(code);
    expect(rc.findings).toEqual([]);
  });

  it('leaves placeholders and lookups alone', async () => {
    const text = [
      'password = os.environ["DB_PASSWORD"]',
      'token: ${GITHUB_TOKEN}',
      'api_key = "<your-api-key>"',
      'secret = "changeme"',
      'PASSWORD_HASH_METHOD = "pbkdf2:sha256:260000"',
      'keys = root,sqlalchemy,alembic',
    ].join('\n');
    const r = await redactSecrets(text, { path: 'settings.ini' });
    expect(r.text).toBe(text);
  });

  it('redacts passwords in connection URLs', async () => {
    const url = `postgres://admin:${c.envPassword}@db.internal:5432/app`;
    const r = await redactSecrets(`DATABASE_URL = "${url}"\n`, { path: 'src/config.py' });
    expect(r.text).not.toContain(c.envPassword);
    expect(r.text).toContain('DATABASE_URL');
  });

  it('is a no-op on clean text and on empty input', async () => {
    const clean = 'class User(Base):\n    __tablename__ = "users"\n';
    expect(await redactSecrets(clean, { path: 'src/models/user.py' })).toEqual({ text: clean, findings: [] });
    expect(await redactSecrets('')).toEqual({ text: '', findings: [] });
  });

  it('has a synchronous Guardian-only variant', () => {
    const r = redactSecretsSync(`x = "${c.githubToken}"`);
    expect(r.text).toBe('x = "[REDACTED:github-token]"');
  });

  it('does not flag ordinary identifiers that start like keys', async () => {
    const text = 'import sklearn\nname = "sk-learn-compatible-estimator-wrapper"\nAKIAnotakey\n';
    const r = await redactSecrets(text, { path: 'src/ml.py' });
    expect(r.text).toBe(text);
  });
});

describe('isSecretFile', () => {
  it.each([
    '.env',
    '.env.local',
    '.env.production',
    'config/prod.env',
    'deploy/server.pem',
    'certs/tls.key',
    'id_rsa',
    '.ssh/id_ed25519',
    'home/.aws/credentials',
    '.npmrc',
    '.pypirc',
    '.netrc',
    '.git-credentials',
    'credentials.json',
    'client_secret.json',
    'config/secrets.yml',
    'gcp/service-account-prod.json',
    'prod.tfvars',
    'keystore.jks',
    'cert.p12',
    '.docker/config.json',
  ])('%s is a secret file', (p) => expect(isSecretFile(p)).toBe(true));

  it.each([
    '.env.example',
    '.env.sample',
    'id_rsa.pub',
    'src/models/user.py',
    'src/keys.py',
    'docs/environment.md',
    'src/env.ts',
    'tls.crt',
    'tests/test_auth.py',
    'package.json',
  ])('%s is not a secret file', (p) => expect(isSecretFile(p)).toBe(false));
});
