/**
 * Secrets in the shapes a repository really holds them: under backup and tool-specific file names, split
 * over string literals, escaped, inside URLs and headers, base64-encoded, next to their key id with no
 * name, behind a `secretlint-disable` comment; and ordinary text (lockfiles, hashes, prose) left as it is.
 */
import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { isSecretFile, redactSecrets, redactSecretsSync, secretFileReason } from '../../src/secrets/index.js';
import { GENERIC_ASSIGNMENT, GUARDIAN_PATTERNS } from '../../src/secrets/patterns.js';
import { Redactor } from '../../src/stations/coder/redact.js';
import { makeCanaries, pseudoRandom } from './canaries.js';

const c = makeCanaries(31);
const HEX = '0123456789abcdef';
const b64 = (s: string) => Buffer.from(s).toString('base64');

async function leaves(text: string, path: string | undefined, secrets: string[]): Promise<string> {
  const r = await redactSecrets(text, path === undefined ? {} : { path });
  for (const s of secrets) expect(r.text).not.toContain(s);
  expect(r.findings.length).toBeGreaterThan(0);
  return r.text;
}

describe('secret files under the names tools and editors give them', () => {
  it.each([
    'kubeconfig',
    'deploy/kubeconfig.yaml',
    'clusters/prod.kubeconfig',
    'deploy/id_rsa.bak',
    'keys/id_ed25519-work',
    'keys/deploy_ed25519',
    'config/.env~',
    'config/.env.local.orig',
    'certs/server.key.old',
    '.git-credentials.bak',
    '.npmrc.save',
    '.docker/config.json.bak',
    '.vault-token',
    '.my.cnf',
    '.s3cfg',
    '.boto',
    '.terraformrc',
    '.dockerconfigjson',
    '.bash_history',
    '.psql_history',
    'rootkey.csv',
    'alice_accessKeys.csv',
    'gcp-key.json',
    'ops/myapp-firebase-adminsdk-x1y2z.json',
    'application_default_credentials.json',
    '.config/gh/hosts.yml',
    '.config/gcloud/credentials.db',
    'passwords.txt',
    'host.keytab',
  ])('%s is a secret file', (p) => expect(isSecretFile(p)).toBe(true));

  it.each([
    'id_rsa.pub.bak',
    'src/monkey.json',
    'src/keys.py',
    'docs/history.md',
    'src/models/user.py.orig',
    'python3.11',
    'tls.crt',
    'package.json',
  ])('%s is not a secret file', (p) => expect(isSecretFile(p)).toBe(false));

  it('gives reasons that survive redaction when quoted as "<reason>: never included"', async () => {
    for (const p of [
      '.aws/config',
      '.docker/config.json',
      '.kube/config',
      'kubeconfig',
      '.config/gh/hosts.yml',
    ]) {
      const note = `skipped \`${p}\`: ${secretFileReason(p)}: never included`;
      expect((await redactSecrets(note)).text).toBe(note);
    }
  });
});

describe('secrets in included text', () => {
  it('are found behind a secretlint-disable comment', async () => {
    const sendgrid = 'SG.' + pseudoRandom(22, 1) + '.' + pseudoRandom(43, 2);
    const linear = 'lin' + '_api_' + pseudoRandom(40, 3);
    const text = `// secretlint-disable\nconst SENDGRID = "${sendgrid}";\nconst LINEAR = "${linear}";\n`;
    const out = await leaves(text, 'src/mail.ts', [sendgrid, linear]);
    expect(out).toBe(
      '// secretlint-disable\nconst SENDGRID = "[REDACTED:sendgrid]";\nconst LINEAR = "[REDACTED:linear]";\n',
    );
  });

  it('keep the quote and semicolon after a redacted connection string', async () => {
    const pw = 'Zq8' + pseudoRandom(20, 4);
    const text = `const db = "mongodb+srv://admin:${pw}@cluster0.example.net/app";\nconst next = 1;\n`;
    const out = await leaves(text, 'src/db.ts', [pw]);
    expect(out.split('\n')[0]).toMatch(/^const db = "[^"]*\[REDACTED:[a-z-]+\][^"]*";$/);
  });

  it('are found when split over concatenated string literals, each piece redacted in place', async () => {
    const t = c.githubToken;
    const py = `LOGIN_TOKEN = ("${t.slice(0, 18)}"\n               "${t.slice(18)}")\nnext_line = 1\n`;
    const outPy = await leaves(py, 'src/login.py', [t.slice(0, 18), t.slice(18)]);
    expect(outPy).toBe(
      'LOGIN_TOKEN = ("[REDACTED:github-token]"\n               "[REDACTED:github-token]")\nnext_line = 1\n',
    );
    const js = `const key = '${c.openaiKey.slice(0, 12)}' +\n  '${c.openaiKey.slice(12)}';\n`;
    await leaves(js, 'src/client.js', [c.openaiKey.slice(12)]);
    const sync = redactSecretsSync(py, { path: 'src/login.py' });
    expect(sync.text).not.toContain(t.slice(18));
  });

  it('are found \\u-escaped, %-encoded or with escaped quotes', async () => {
    const t = c.githubToken;
    const escaped = [...t.slice(0, 4)]
      .map((ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'))
      .join('');
    await leaves(`const t = "${escaped}${t.slice(4)}";\n`, 'src/a.js', [t.slice(4)]);
    await leaves(`curl "https://api.example.com/?t=${t.slice(0, 3)}%5F${t.slice(4)}"\n`, 'docs/api.md', [
      t.slice(4),
    ]);
    await leaves(JSON.stringify({ cfg: `password="${c.envPassword}"` }), 'fixtures/app.json', [
      c.envPassword,
    ]);
  });

  it('are found as the user part of a URL, and a second scan keeps the marker whole', async () => {
    const token = 'Qz9' + pseudoRandom(29, 5);
    const text = `git clone https://${token}@github.com/acme/users.git\n`;
    const once = await leaves(text, 'README.md', [token]);
    expect(once).toBe('git clone https://[REDACTED:url-credentials]@github.com/acme/users.git\n');
    expect((await redactSecrets(once, { path: 'task_context.md' })).text).toBe(once);
    const withUser = (await redactSecrets(`https://admin:${token}@example.com/x\n`, { path: 'a.md' })).text;
    expect((await redactSecrets(withUser, { path: 'a.md' })).text).toBe(withUser);
  });

  it('are found as an AWS key pair with no key name', async () => {
    const { awsAccessKeyId: id, awsSecretAccessKey: secret } = c;
    await leaves(`Access key ID,Secret access key\n${id},${secret}\n`, 'notes/keys.csv', [id, secret]);
    await leaves(`AWS=${id}:${secret}\n`, 'ci/vars.txt', [secret]);
    await leaves(`aws configure set aws_secret_access_key ${secret}\n`, 'scripts/setup.sh', [secret]);
  });

  it('are found in the shapes of Slack, Stripe, GitLab and PyPI tokens the preset misses', async () => {
    const tokens = [
      'xa' +
        'pp-1-A' +
        pseudoRandom(10, 6) +
        '-' +
        pseudoRandom(13, 7, '0123456789') +
        '-' +
        pseudoRandom(64, 8, HEX),
      'xo' + 'xe-1-' + pseudoRandom(140, 9),
      'wh' + 'sec_' + pseudoRandom(32, 10),
      'gl' + 'pat-' + pseudoRandom(20, 11),
      'py' + 'pi-AgEIcHlwaS5vcmc' + pseudoRandom(60, 12),
    ];
    for (const t of tokens) await leaves(`value: ${t}\n`, 'notes.txt', [t.slice(8)]);
  });

  it('are found base64-encoded: a private key in a kubeconfig, Basic credentials, a Docker auth', async () => {
    const keyData = b64(c.privateKeyPem);
    await leaves(`users:\n- name: admin\n  user:\n    client-key-data: ${keyData}\n`, 'deploy/cluster.yaml', [
      keyData.slice(40, 80),
    ]);
    const basic = b64('admin:' + c.envPassword);
    await leaves(`AUTH = "Basic ${basic}"\n`, 'src/client.py', [basic]);
    await leaves(`curl -H "Authorization: Basic ${basic}" https://x\n`, 'docs/api.md', [basic]);
    const docker = b64('bot:' + c.githubToken);
    await leaves(`{"auths": {"ghcr.io": {"auth": "${docker}"}}}\n`, 'ci/registry.json', [docker]);
    const bearer = pseudoRandom(40, 13);
    await leaves(`curl -H "Authorization: Bearer ${bearer}" https://x\n`, 'docs/api.md', [bearer]);
  });

  it('are found as unquoted assignments in documentation, scripts and notes, not in code', async () => {
    const pw = c.envPassword;
    for (const path of [
      'specs/architecture.md',
      'notes.txt',
      'scripts/run.sh',
      'Procfile',
      'task_context.md',
    ])
      await leaves(`Use DATABASE_PASSWORD=${pw} here.\nexport API_KEY=${pw}\n`, path, [pw]);
    await leaves(`machine api.example.com login bob password ${pw}\n`, 'ci/netrc.txt', [pw]);
    // In code an unquoted value is an expression.
    const code = `password = read_password(${'x'.repeat(3)})\ntoken = make_token_2024(user)\n`;
    expect((await redactSecrets(code, { path: 'src/auth.py' })).text).toBe(code);
  });

  it('are found when cut short, as a shortened commit subject quotes them', async () => {
    const cut = c.githubToken.slice(0, 28);
    const reason = `history: like past commit ad0be2a "User last_login model and login: rotated deploy key ${cut}"`;
    const out = await leaves(reason, 'evidence/search.md', [cut.slice(4)]);
    expect(out).toBe(
      'history: like past commit ad0be2a "User last_login model and login: rotated deploy key [REDACTED:github-token]"',
    );
  });

  it('are found as the base64 body of a private key without its BEGIN line, and public keys are kept', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const der = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const pkcs1 = privateKey.export({ type: 'pkcs1', format: 'der' }).toString('base64');
    const wrapped = der.replace(/(.{64})/g, '$1\n').trim();
    await leaves(`signing = "${der}"\n`, 'src/sign.py', [der.slice(100, 140)]);
    await leaves(`SIGNING: |\n  ${wrapped.split('\n').join('\n  ')}\n`, 'notes.md', [
      der.slice(100, 140),
      der.slice(-40, -4),
    ]);
    await leaves(JSON.stringify({ signing: wrapped }), 'fixtures/keys.json', [der.slice(-40, -4)]);
    await leaves(`k = "${pkcs1}"\n`, 'src/sign.py', [pkcs1.slice(100, 140)]);
    const spki = `verify = "${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}"\n`;
    expect((await redactSecrets(spki, { path: 'src/sign.py' })).text).toBe(spki);
  });

  it('redact an unquoted value whole, with a #, ; or , inside it', async () => {
    const tail = pseudoRandom(16, 15);
    for (const [text, path] of [
      [`db:\n  password: Pw1x#${tail} # rotated monthly\n`, 'config.yaml'],
      [`password = Pw1x;${tail}\n`, 'app.ini'],
      [`PASSWORD=Pw1x,${tail}\n`, 'scripts/deploy.sh'],
    ] as const) {
      const out = await leaves(text, path, [tail]);
      expect(out).toMatch(/\[REDACTED:generic-secret\]( # rotated monthly)?\n$/);
    }
  });

  it('leave hashes, UUIDs, lockfile integrity strings and prose alone', async () => {
    const texts: Record<string, string> = {
      'package-lock.json': `{"node_modules/zod": {"resolved": "https://registry.npmjs.org/zod/-/zod-3.22.4.tgz", "integrity": "sha512-iC+8Io04lddc+mVqQ9AZ7OQ2MrUKGN+oIQyq1vemgt46jwCwLfhq7/pwnBnNXXXZb8VTVLKwp9EDkx+ryxIWmg=="}}\n`,
      'poetry.lock': `files = [\n    {file = "flask-3.0.0.tar.gz", hash = "sha256:cfadcdb638b609361d29ec22360d6070a77d7463dcb3ab08d2c2f2f168845f58"},\n]\n`,
      'go.sum': 'github.com/google/uuid v1.3.0 h1:t6JiXgmwXMjEs8VusXIJk2BXHsn+wx8BZdTaoZ5fu7I=\n',
      'src/models/user.py': `FIXED_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"\ncommit = "9fceb02d0ae598e95dc970b74767f19372d61af8"\nmsg = "Hello, " + name + "!"\nreset_token = secrets.token_urlsafe(32)\n`,
      'docs/api.md':
        'Send `Authorization: Bearer <token>`.\npassword: required, at least 12 characters\nA machine learning password strength estimator.\nThe line "a\\nb" has an escape; 100% of 5 %s.\n',
      'scripts/deploy.sh':
        'export API_KEY="$API_KEY"\ncurl -H "Authorization: Bearer $TOKEN" https://api.example.com\n',
    };
    for (const [path, text] of Object.entries(texts)) {
      const r = await redactSecrets(text, { path });
      expect({ path, text: r.text }).toEqual({ path, text });
    }
  });

  it('match in linear time: every pattern over 1 MiB inputs built to make a regular expression backtrack', async () => {
    const M = 1 << 20;
    const inputs = [
      'eyJ-'.repeat(M / 4), // each `eyJ` used to start a scan of the rest of the run: half an hour here
      'AKIA' + 'A'.repeat(16) + ' '.repeat(M),
      'aws_secret_access_key' + ' '.repeat(M),
      '"' + ' '.repeat(M),
      'Basic ' + 'A'.repeat(M) + '===',
      'machine ' + ' '.repeat(M),
      ' password="x'.repeat(M / 12),
      'xo' + 'xb-'.repeat(M / 5),
      'M' + 'A'.repeat(M),
      ('M' + 'A'.repeat(70) + '\\n').repeat(M / 73),
    ];
    const regexes = [...GUARDIAN_PATTERNS, GENERIC_ASSIGNMENT].map((p) => ({
      source: p.regex.source,
      flags: p.regex.flags,
    }));
    // Each scan runs in a worker that is stopped when it hangs, so a catastrophic pattern fails the test
    // instead of blocking the run.
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       for (const r of workerData.regexes) {
         const re = new RegExp(r.source, r.flags);
         for (const text of workerData.inputs) for (const _ of text.matchAll(re));
       }
       parentPort.postMessage('done');`,
      { eval: true, workerData: { regexes, inputs } },
    );
    const outcome = await new Promise<string>((resolve) => {
      const timer = setTimeout(() => resolve('still running after 60 s'), 60_000);
      worker.once('message', (m) => {
        clearTimeout(timer);
        resolve(String(m));
      });
      worker.once('error', (e) => {
        clearTimeout(timer);
        resolve(e.message);
      });
    });
    await worker.terminate();
    expect(outcome).toBe('done');
  }, 90_000);

  it('keeps the text of a long JWT-like run as it is', () => {
    const text = 'eyJ-'.repeat(1 << 14);
    expect(redactSecretsSync(text).text).toBe(text);
  });
});

describe("the Coder's redactor", () => {
  const key = 'sk-' + 'proj-' + pseudoRandom(40, 14) + '9';

  it('leaves no base64 or hex form of a known secret in what it redacts, and still reports it', async () => {
    const r = new Redactor([{ value: key, label: 'api-key' }]);
    for (const encoded of [
      b64(`OPENAI_API_KEY=${key}\nHOME=/root\n`),
      Buffer.from(key).toString('hex'),
      Buffer.from(`x${key}`).toString('base64url'),
    ]) {
      const out = await r.full(`test output: ${encoded}\n`);
      expect(r.leaks(`test output: ${encoded}\n`)).toEqual(['api-key']);
      expect(r.leaks(out)).toEqual(['api-key']);
      // No stretch of 12 characters of any encoded form is left.
      const forms = [b64(key), Buffer.from(key).toString('hex'), Buffer.from(key).toString('base64url')];
      for (const f of forms)
        for (let i = 4; i + 12 <= f.length - 4; i += 4) expect(out).not.toContain(f.slice(i, i + 12));
    }
  });
});
