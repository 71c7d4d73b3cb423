/**
 * Canary secrets planted in a copy of the Python example must not leave the line: not in the bundle
 * (Bundler + Security Consultant), not in any request the local model stand-in receives, not in logs.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundleDirFor } from '../../src/bundle/bundle.js';
import { runBundler } from '../../src/stations/bundler/index.js';
import { runSecurityConsultant } from '../../src/stations/security-consultant/index.js';
import { streamLogger } from '../../src/util/log.js';
import { makeCanaries } from '../secrets/canaries.js';
import { reply, startScriptedServer, type ScriptedServer } from '../support/llm-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';

const c = makeCanaries(1234);
/** Every canary, and for the private key every line of its body (a partial leak is a leak). */
const needles = [
  c.githubToken,
  c.githubPat,
  c.openaiKey,
  c.awsAccessKeyId,
  c.awsSecretAccessKey,
  c.slackToken,
  c.envPassword,
  ...c.privateKeyPem.split('\n').filter((l) => l.length >= 20 && !l.startsWith('-----')),
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

let repo: TempRepo;
let server: ScriptedServer;
let logs = '';

beforeAll(async () => {
  const pemInPython = c.privateKeyPem.trim().split('\n').join('\\n');
  repo = makeRepo('python-flask-users', {
    files: {
      '.env': [
        `OPENAI_API_KEY=${c.openaiKey}`,
        `AWS_ACCESS_KEY_ID=${c.awsAccessKeyId}`,
        `AWS_SECRET_ACCESS_KEY=${c.awsSecretAccessKey}`,
        `DB_PASSWORD=${c.envPassword}`,
        '',
      ].join('\n'),
      'src/config.py': [
        '"""Settings (this file wrongly holds real credentials)."""',
        '',
        `GITHUB_PAT = "${c.githubPat}"`,
        `AWS_ACCESS_KEY_ID = "${c.awsAccessKeyId}"`,
        `AWS_SECRET_ACCESS_KEY = "${c.awsSecretAccessKey}"`,
        `SLACK_TOKEN = "${c.slackToken}"`,
        `SIGNING_KEY = "${pemInPython}"`,
        '',
      ].join('\n'),
      'deploy/id_rsa': c.privateKeyPem,
    },
  });
  // A token in code the task touches, and a key pasted into the blueprint itself.
  const auth = join(repo.root, 'src/services/auth.py');
  repo.write(
    'src/services/auth.py',
    readFileSync(auth, 'utf8').replace(
      'PASSWORD_HASH_METHOD',
      `GITHUB_TOKEN = "${c.githubToken}"\nPASSWORD_HASH_METHOD`,
    ),
  );
  const bpPath = readdirSync(join(repo.root, 'specs/tasks')).find((n) => n.startsWith('TASK-042'))!;
  const bp = readFileSync(join(repo.root, 'specs/tasks', bpPath), 'utf8');
  repo.write(
    join('specs/tasks', bpPath),
    bp + `\n**\`src/config.py\`:**\n\`\`\`python\nOPENAI_API_KEY = "${c.openaiKey}"\n\`\`\`\n`,
  );
  repo.git('add', '-A');
  repo.git('commit', '-qm', 'plant canaries');

  server = await startScriptedServer(() =>
    reply(
      JSON.stringify({
        findings: [
          {
            category: 'secrets',
            title: 'Credentials in src/config.py',
            severity: 'high',
            where: [{ path: 'src/config.py', line: 3 }],
            risk: `The file holds a token (${c.githubPat}) and keys.`,
            advice: `Move ${c.awsSecretAccessKey} and the other values to the environment and rotate them.`,
            verification: 'The secret guard checks stay green.',
          },
        ],
      }),
    ),
  );
  const sink = { write: (s: string) => void (logs += s) };
  const log = streamLogger(sink, { debug: true });
  await runBundler({ root: repo.root, taskId: 'TASK-042', log });
  await runSecurityConsultant({
    root: repo.root,
    taskId: 'TASK-042',
    log,
    llm: { apiKey: 'test-key', baseUrl: server.url, model: 'gpt-4.1-mini', maxRetries: 0 },
  });
});

afterAll(async () => {
  await server.close();
  repo.cleanup();
});

it('the planted files really hold the canaries (the test would prove nothing otherwise)', () => {
  expect(readFileSync(join(repo.root, 'src/config.py'), 'utf8')).toContain(c.githubPat);
  expect(readFileSync(join(repo.root, 'src/services/auth.py'), 'utf8')).toContain(c.githubToken);
  expect(server.chatRequests().length).toBe(1);
  // The consultant did read the planted files: they are cited in the findings.
  const doc = JSON.parse(readFileSync(join(bundleDirFor(repo.root, 'TASK-042'), 'security.json'), 'utf8'));
  expect(JSON.stringify(doc)).toMatch(/src\/config\.py/);
});

it('no canary appears in any bundle file', () => {
  const dir = bundleDirFor(repo.root, 'TASK-042');
  for (const f of filesUnder(dir)) {
    const text = readFileSync(f, 'utf8');
    // Name the file and the text before a leak (never the secret itself) when this fails.
    const leaks = needles
      .filter((n) => text.includes(n))
      .map((n) => `…${text.slice(Math.max(0, text.indexOf(n) - 60), text.indexOf(n))}`);
    expect({ file: f, leaks }).toEqual({ file: f, leaks: [] });
  }
  expect(readFileSync(join(dir, 'security.json'), 'utf8')).toMatch(/\[REDACTED:/);
});

it('no canary appears in any request the model stand-in received', () => {
  for (const r of server.requests) {
    for (const n of needles) expect(r.raw.includes(n)).toBe(false);
    expect(JSON.stringify(r.headers)).not.toContain(c.openaiKey);
  }
  // Secret files are never read, let alone sent.
  expect(server.chatRequests()[0]!.raw).not.toMatch(/untrusted-data source="(?:\.env|deploy\/id_rsa)"/);
});

it('no canary appears in the logs', () => {
  expect(logs.length).toBeGreaterThan(0);
  for (const n of needles) expect(logs.includes(n)).toBe(false);
});
