/**
 * Secrets written as base64 (a Kubernetes Secret, a CI variable, a fixture holding an encoded `.env`),
 * in XML configuration, in connection strings and on command lines: each is redacted by both passes,
 * and base64, XML and command lines that hold no secret are left as they are.
 */
import { describe, expect, it } from '@jest/globals';
import {
  redactSecrets,
  redactSecretsSync,
  redactStrings,
  redactStringsSync,
  secretEnvValues,
} from '../../src/secrets/index.js';
import { makeCanaries, pseudoRandom } from './canaries.js';

const c = makeCanaries(71);
const password = 'Hk3' + pseudoRandom(17, 7101);
const b64 = (s: string) => Buffer.from(s).toString('base64');

async function both(text: string, path?: string): Promise<string[]> {
  return [(await redactSecrets(text, { path })).text, redactSecretsSync(text, { path }).text];
}

describe('secrets written as base64', () => {
  it('redacts a token encoded in a string of source code', async () => {
    const encoded = b64(c.githubToken);
    for (const out of await both(`FIXTURE = "${encoded}"\n`, 'tests/fixtures.py')) {
      expect(out).toBe('FIXTURE = "[REDACTED:github-token]"\n');
    }
  });

  it('redacts an encoded environment file, also wrapped in lines of 76 characters', async () => {
    const env = `DATABASE_URL=postgres://app:${password}@db/app\nAPI_TOKEN=${c.githubToken}\n`;
    const wrapped = b64(env + '# '.repeat(40) + '\n').match(/.{1,76}/g)!;
    expect(wrapped.length).toBeGreaterThan(2);
    const text = `ENV_FILE_B64 = (\n${wrapped.map((l) => `  ${l}`).join('\n')}\n)\n`;
    for (const out of await both(text, 'notes/deploy.txt')) {
      for (const line of wrapped) expect(out).not.toContain(line);
      // The line breaks of the block are kept, so line numbers after it stay right.
      expect(out.split('\n')).toHaveLength(text.split('\n').length);
    }
  });

  it('redacts the values of a Kubernetes Secret outside configuration files', async () => {
    const text = `data:\n  github: ${b64(c.githubToken)}\n  aws: ${b64(`aws_secret_access_key=${c.awsSecretAccessKey}`)}\n`;
    for (const out of await both(text, 'docs/deploy.md')) {
      expect(out).toBe(`data:\n  github: [REDACTED:github-token]\n  aws: [REDACTED:aws-secret-access-key]\n`);
    }
  });

  it('reads a list of padded values one a line each on its own', async () => {
    const lines = [
      b64('first value, plain text only'),
      b64(`second=${c.githubToken}`),
      b64('third value, plain text again'),
    ];
    expect(lines.every((l) => l.endsWith('='))).toBe(true);
    for (const out of await both(lines.join('\n') + '\n', 'fixtures/values.txt')) {
      expect(out).toBe(`${lines[0]}\n[REDACTED:github-token]\n${lines[2]}\n`);
    }
  });

  it('redacts URL-safe base64 of a bearer header', async () => {
    const encoded = Buffer.from(`Authorization: Bearer ${c.openaiKey}`).toString('base64url');
    for (const out of await both(`header=${encoded}`, 'a.txt')) expect(out).not.toContain(encoded);
  });

  it('leaves base64 alone when it decodes to text without a secret, or to binary data', async () => {
    const text = [
      `GREETING = "${b64('Hello, this is only a message for the decoder test')}"`,
      `USER_JSON = "${b64('{"name":"alice","id":42,"active":true}')}"`,
      `BLOB = "${Buffer.from(pseudoRandom(90, 7102)).toString('base64').slice(0, 60)}"`,
      `PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="`,
      'def test_user_login_with_invalid_password_returns_unauthorized(client):',
    ].join('\n');
    for (const out of await both(text, 'tests/test_data.py')) expect(out).toBe(text);
  });
});

describe('secrets in XML, connection strings and command lines', () => {
  it('redacts a password element and an appSettings pair', async () => {
    const text = `<server>\n  <username>deploy</username>\n  <password>${password}</password>\n</server>\n<add key="DbPassword" value="${password}"/>\n`;
    for (const out of await both(text, 'settings.xml')) {
      expect(out).toBe(
        '<server>\n  <username>deploy</username>\n  <password>[REDACTED:generic-secret]</password>\n</server>\n<add key="DbPassword" value="[REDACTED:generic-secret]"/>\n',
      );
    }
  });

  it('redacts the account key of an Azure connection string in code', async () => {
    const key = pseudoRandom(86, 7103) + '==';
    const text = `conn = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${key};EndpointSuffix=core.windows.net"`;
    for (const out of await both(text, 'app/storage.py')) {
      expect(out).toBe(
        'conn = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=[REDACTED:azure-key];EndpointSuffix=core.windows.net"',
      );
    }
  });

  it('redacts passwords given to curl, sshpass and mysql', async () => {
    const text = [
      `curl -u admin:${password} https://ci.example.com/api`,
      `sshpass -p '${password}' ssh deploy@host`,
      `mysql -uroot -p${password} app`,
    ].join('\n');
    for (const out of await both(text, 'scripts/deploy.sh')) {
      expect(out).not.toContain(password);
      expect(out).toContain('curl -u admin:[REDACTED:command-password] https://ci.example.com/api');
      expect(out).toContain('mysql -uroot -p[REDACTED:command-password] app');
    }
  });

  it('leaves variables, prompts and placeholders on command lines and in XML alone', async () => {
    const text = [
      'curl -u "$USER:$TOKEN" https://ci.example.com/api',
      'mysql -u root -p app',
      'mysql -u root -p$MYSQL_PASSWORD app',
      '<password>${DB_PASSWORD}</password>',
      '<add key="ApiKey" value="<your api key>"/>',
    ].join('\n');
    for (const out of await both(text, 'scripts/deploy.sh')) expect(out).toBe(text);
  });
});

describe('values known to be secret', () => {
  it('redacts every occurrence of a known value, whatever its shape, also escaped or in base64', async () => {
    const key = 'plain' + pseudoRandom(20, 7104).toLowerCase();
    const text = `label = "${key}"\nurl = "https://x/?k=${key}"\nencoded = "${b64(`k=${key}`)}"\n`;
    for (const out of [
      (await redactSecrets(text, { path: 'a.py', known: [key, 'short'] })).text,
      redactSecretsSync(text, { path: 'a.py', known: [key, 'short'] }).text,
    ]) {
      expect(out).toBe(
        'label = "[REDACTED:known-secret]"\nurl = "https://x/?k=[REDACTED:known-secret]"\nencoded = "[REDACTED:known-secret]"\n',
      );
    }
    // Without the value, nothing tells it from an ordinary string; a value under 8 characters is ignored.
    expect(redactSecretsSync(text, { path: 'a.py' }).text).toBe(text);
    expect(redactSecretsSync('a short word', { known: ['short'] }).text).toBe('a short word');
  });
});

describe('tokens inside file names', () => {
  it('redacts a token that an underscore joins to the rest of a name', async () => {
    const names = [
      `specs/tasks/TASK-042_${c.githubToken}.md`,
      `src/models/last_login_${c.githubPat}_old.py`,
      `config/stripe_${'sk' + '_live_' + pseudoRandom(24, 7105)}_backup.txt`,
      `keys/aws_${c.awsAccessKeyId}_ci.txt`,
    ];
    for (const name of names) {
      for (const out of await both(name)) {
        expect(out).toMatch(/\[REDACTED:[a-z-]+\]/);
        expect(out).not.toMatch(/ghp_|github_pat_|sk_live_|AKIA/);
      }
    }
  });
});

describe('redacting the strings of a JSON document', () => {
  it('redacts values and keys, and the document stays valid JSON', async () => {
    const doc = {
      files: { [`src/${c.githubToken}.py`]: { score: 1 } },
      checks: [{ outputTail: `E   assert "${c.githubPat}" == "x"\npassword = "${password}"`, exitCode: 1 }],
      quoted: `config = "password = \\"${password}\\""`,
      n: null,
      ok: true,
    };
    for (const out of [await redactStrings(doc), redactStringsSync(doc)]) {
      const text = JSON.stringify(out);
      expect(JSON.parse(text)).toEqual(out);
      for (const secret of [c.githubToken, c.githubPat, password]) expect(text).not.toContain(secret);
      expect(out.checks[0]!.exitCode).toBe(1);
      expect(out.n).toBeNull();
      expect(Object.keys(out.files)).toEqual(['src/[REDACTED:github-token].py']);
    }
  });
});

describe('the values of secret variables', () => {
  it('takes API keys, tokens, passwords and credential URLs, not models, base URLs or short values', () => {
    const env = {
      OPENAI_API_KEY: 'key-' + pseudoRandom(20, 7106),
      GUARDIAN_CODER_API_KEY: 'coder-' + pseudoRandom(20, 7107),
      MY_SERVICE_TOKEN: 'tok-' + pseudoRandom(20, 7108),
      DB_PASSWORD: 'pw-' + pseudoRandom(12, 7109),
      CACHE_URL: `redis://user:${password}@cache:6379`,
      LISTED: 'listed-' + pseudoRandom(12, 7110),
      GUARDIAN_MODEL: 'gpt-4.1-mini-long-name',
      OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1',
      GITHUB_TOKEN: 'short',
      HOME: '/home/someone-with-a-long-name',
      PATH: '/usr/local/bin:/usr/bin:/bin',
    };
    const values = secretEnvValues(env, ['LISTED']);
    expect(new Set(values)).toEqual(
      new Set([
        env.OPENAI_API_KEY,
        env.GUARDIAN_CODER_API_KEY,
        env.MY_SERVICE_TOKEN,
        env.DB_PASSWORD,
        env.CACHE_URL,
        env.LISTED,
      ]),
    );
    // Longest first, so a value holding another is redacted whole.
    expect(values.map((v) => v.length)).toEqual([...values.map((v) => v.length)].sort((a, b) => b - a));
  });
});
