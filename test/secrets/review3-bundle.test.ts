/**
 * `guardian bundle TASK-042` on the flask example with secrets planted where a real repository keeps
 * them: credential files under backup and tool names, a key split over two string literals, unquoted
 * assignments in notes and in the architecture rules, a token in a clone URL, a base64 private key, and
 * secrets behind a `secretlint-disable` comment. None may reach any file of the bundle.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { EXAMPLES, makeRepo, type TempRepo } from '../support/repo.js';
import { makeCanaries, pseudoRandom } from './canaries.js';

const c = makeCanaries(57);
const example = (p: string) => readFileSync(join(EXAMPLES, 'python-flask-users', p), 'utf8');
const secret = (seed: number) => 'Qz9' + pseudoRandom(29, seed);

const S = {
  kubeToken: secret(1),
  backupPassword: secret(2),
  envBackup: secret(3),
  notesPassword: secret(4),
  docsKey: secret(5),
  cloneToken: secret(6),
  rulePassword: secret(7),
  sendgrid: 'SG.' + pseudoRandom(22, 8) + '.' + pseudoRandom(43, 9),
  linear: 'lin' + '_api_' + pseudoRandom(40, 10),
  keyBase64: Buffer.from(c.privateKeyPem).toString('base64'),
};

function bundleFiles(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) Object.assign(out, bundleFiles(join(dir, e.name), `${prefix}${e.name}/`));
    else out[prefix + e.name] = readFileSync(join(dir, e.name), 'utf8');
  }
  return out;
}

describe('guardian bundle TASK-042 with secrets in the shapes repositories hold them', () => {
  let repo: TempRepo;
  let files: Record<string, string>;
  let code: number;
  let stderr: string;

  beforeAll(async () => {
    repo = makeRepo('python-flask-users', {
      files: {
        // Every planted file is quoted when it is not a secret file.
        'quality.toml':
          example('quality.toml') + '\n[bundle]\ninclude = ["src/models/**", "kubeconfig", "deploy/**"]\n',
        kubeconfig: `apiVersion: v1\nusers:\n- name: admin\n  user:\n    token: ${S.kubeToken}\n`,
        'deploy/id_rsa.bak': c.privateKeyPem,
        'src/models/.env~': `DATABASE_PASSWORD=${S.envBackup}\n`,
        'src/models/user.py.orig': `class User:\n    pass\nDATABASE_PASSWORD=${S.backupPassword}\n`,
        'src/models/user_notes.txt': `The login of the User model uses DATABASE_PASSWORD=${S.notesPassword}\n`,
        'src/models/last_login.md': `# last_login\nexport API_KEY=${S.docsKey}\ngit clone https://${S.cloneToken}@github.com/acme/users.git\n`,
        'src/models/login_token.py': `LOGIN_TOKEN = ("${c.githubToken.slice(0, 18)}"\n               "${c.githubToken.slice(18)}")\n`,
        'src/models/cluster.yaml': `users:\n- name: admin\n  user:\n    client-key-data: ${S.keyBase64}\n`,
        'src/services/auth.py':
          example('src/services/auth.py') +
          `\n# secretlint-disable\nSENDGRID = "${S.sendgrid}"\nLINEAR = "${S.linear}"\n`,
        'specs/architecture.md':
          example('specs/architecture.md') +
          `\n## Where models live: credentials\n\nThe User model connects with DATABASE_PASSWORD=${S.rulePassword} (last_login).\n`,
      },
    });
    const r = await runCli(['bundle', 'TASK-042'], { cwd: repo.root });
    code = r.code;
    stderr = r.stderr;
    files = bundleFiles(join(repo.root, '.guardian', 'bundles', 'TASK-042'));
  });
  afterAll(() => repo.cleanup());

  it('writes the bundle', () => {
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    expect(files['task_context.md']).toContain('## Relevant Existing Code');
  });

  it('lets no planted secret into any bundle file', () => {
    const all = Object.entries(files);
    const planted: Record<string, string> = {
      ...S,
      keyBase64: S.keyBase64.slice(40, 120),
      privateKey: c.privateKeyPem.split('\n')[1]!,
      tokenHead: c.githubToken.slice(0, 18),
      tokenTail: c.githubToken.slice(18),
    };
    const leaks = Object.entries(planted).flatMap(([name, value]) =>
      all.filter(([, text]) => text.includes(value)).map(([file]) => `${name} in ${file}`),
    );
    expect(leaks).toEqual([]);
  });

  it('keeps the text around each redaction', () => {
    const ctx = files['task_context.md']!;
    expect(ctx).toContain(
      'LOGIN_TOKEN = ("[REDACTED:github-token]"\n               "[REDACTED:github-token]")',
    );
    expect(ctx).toContain(
      'The User model connects with DATABASE_PASSWORD=[REDACTED:generic-secret] (last_login).',
    );
    expect(ctx).toContain('git clone https://[REDACTED:url-credentials]@github.com/acme/users.git');
    expect(ctx).toContain('SENDGRID = "[REDACTED:sendgrid]"');
    const search = JSON.parse(files['evidence/search.json']!) as {
      files: { path: string; included: boolean; skipped?: string }[];
    };
    for (const p of ['kubeconfig', 'deploy/id_rsa.bak', 'src/models/.env~']) {
      const f = search.files.find((x) => x.path === p);
      if (f)
        expect(f).toMatchObject({ included: false, skipped: expect.stringMatching(/: never included$/) });
    }
  });
});
