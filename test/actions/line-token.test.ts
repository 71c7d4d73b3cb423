/**
 * The one-job line runs the tests the model wrote in its own process tree, as the runner's user: a
 * token given as an input is in the environment of the action's process, where those tests can read it
 * (/proc/<pid>/environ). `github-token` therefore has no default (the job's token is not handed over
 * unless the workflow asks), and `github-token-file` hands the pull request's token over in a file the
 * action reads and removes as it starts.
 *
 * The runs of the built action (dist/line) apply the defaults of action.yml as the runner does, with
 * `${{ github.token }}` standing for the job's token; the input checks run the sources in process.
 */
import { afterAll, beforeEach, describe, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { run as line } from '../../src/actions/line/main.js';
import { callTool, startScriptedServer } from '../support/llm-server.js';
import { PROJECT_ROOT, type TempRepo } from '../support/repo.js';
import { errorCommands, greetingCoderScript, greetingRepo, NODE24, runActionAsync } from './harness.js';
import { runSource, STACK } from './hosts-harness.js';

const KEY = 'sk-test-line-token-0123456789abcdef';
// Tokens of this run only: the scans read every process's environment on the machine, where another
// run of this file (another checkout, another worker) may hold tokens of its own.
/** What `${{ github.token }}` evaluates to in these runs. */
const JOB_TOKEN = `ghs_job${randomBytes(16).toString('hex')}`;
/** The token a workflow step writes to the file. */
const FILE_TOKEN = `ghs_file${randomBytes(16).toString('hex')}`;

const repos: TempRepo[] = [];
const dirs: string[] = [];
const track = (r: TempRepo) => (repos.push(r), r);
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'guardian-line-token-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const r of repos) r.cleanup();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/**
 * The inputs as the runner gives them to the root action: every default of action.yml (its only
 * expression is `${{ github.token }}`), then what the workflow's `with:` sets.
 */
function runnerInputs(given: Record<string, string>): Record<string, string> {
  const action = parse(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: unknown }>;
  };
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    const d = String(spec.default ?? '');
    out[name] = d.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => {
      if (expr === 'github.token') return JOB_TOKEN;
      throw new Error(
        `action.yml: input '${name}' defaults to an expression this test cannot evaluate: ${d}`,
      );
    });
  }
  return { ...out, ...given };
}

const backwards = (s: string) => JSON.stringify([...s].reverse().join(''));

/**
 * A conftest.py (the model's) that writes, each time pytest starts, how many processes have `secret`
 * in their environment, and whether `file` still exists. Both are spelled backwards in it: the value of
 * an input whose name says token is a secret the change must not contain, even the file's path.
 */
function scanner(secret: string, out: string, file: string): string {
  return `import os
SECRET = ${backwards(secret)}[::-1].encode()
exists = int(os.path.exists(${backwards(file)}[::-1]))
found = 0
for pid in os.listdir("/proc"):
    if pid.isdigit():
        try:
            with open(f"/proc/{pid}/environ", "rb") as f:
                found += SECRET in f.read()
        except OSError:
            pass
with open(${JSON.stringify(out)}, "a") as f:
    f.write(f"{found} {exists}\\n")
`;
}

interface ApiRequest {
  method: string;
  path: string;
  auth?: string;
}

/** A stand-in for GitHub's pull request API on 127.0.0.1: no pull request open, one created. */
async function startPullsApi(): Promise<{ url: string; requests: ApiRequest[]; close: () => Promise<void> }> {
  const requests: ApiRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    req.resume();
    req.on('end', () => {
      const path = req.url ?? '';
      requests.push({ method: req.method ?? '', path, auth: req.headers.authorization });
      const json = (status: number, data: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(data));
      };
      if (req.method === 'GET' && path.startsWith('/repos/octo/app/pulls?')) return json(200, []);
      if (req.method === 'GET' && path === '/repos/octo/app') return json(200, { default_branch: 'main' });
      if (req.method === 'POST' && path === '/repos/octo/app/pulls')
        return json(201, { number: 7, html_url: 'https://github.test/octo/app/pull/7', body: '' });
      json(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  return {
    url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

interface LineRun {
  scans: { found: number; fileExists: boolean }[];
  log: string;
  outputs: Record<string, string>;
  api: ApiRequest[];
  tokenFile: string;
}

/**
 * The whole line on TASK-900 through the built action (Node 24), the model's conftest.py scanning for
 * `secret`. With `tokenFile`, a step before it wrote that to a file, passed as `github-token-file`.
 */
async function runLine(opts: {
  secret: string;
  with: Record<string, string>;
  tokenFile?: string;
}): Promise<LineRun> {
  const repo = track(greetingRepo());
  const dir = tempDir();
  const out = join(dir, 'scans');
  const tokenFile = join(dir, 'guardian-github-token');
  if (opts.tokenFile !== undefined) writeFileSync(tokenFile, opts.tokenFile, { mode: 0o600 });
  const model = await startScriptedServer(
    greetingCoderScript([
      callTool('write_file', { path: 'tests/conftest.py', content: scanner(opts.secret, out, tokenFile) }),
    ]),
  );
  const api = await startPullsApi();
  try {
    const r = await runActionAsync('line', {
      cwd: repo.root,
      inputs: runnerInputs({
        'task-id': 'TASK-900',
        'coder-model': 'gpt-4.1',
        'llm-base-url': model.url,
        'llm-api-key': KEY,
        ...opts.with,
        ...(opts.tokenFile !== undefined ? { 'github-token-file': tokenFile } : {}),
      }),
      env: { GITHUB_REPOSITORY: 'octo/app', GITHUB_API_URL: api.url },
      node: NODE24,
    });
    expect(errorCommands(r)).toEqual([]);
    expect(r.outputs.outcome).toBe('committed');
    const scans = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => {
        const [found, exists] = l.split(' ').map(Number);
        return { found: found!, fileExists: exists === 1 };
      });
    // The Coder's two test runs and the Validator's (its checks and the red/green proof).
    expect(scans.length).toBeGreaterThanOrEqual(3);
    return { scans, log: r.stdout + r.stderr, outputs: r.outputs, api: api.requests, tokenFile };
  } finally {
    await api.close();
    await model.close();
  }
}

/** The lines of a log that mention `secret`. */
const mentions = (log: string, secret: string) => log.split('\n').filter((l) => l.includes(secret));

describe('the built line (dist/line), inputs as the runner gives them', () => {
  test('control: a token given as the github-token input is in the environment the model tests read', async () => {
    const r = await runLine({ secret: FILE_TOKEN, with: { 'open-pr': 'true', 'github-token': FILE_TOKEN } });
    expect(r.scans.every((s) => s.found >= 1)).toBe(true);
    expect(r.api.find((q) => q.method === 'POST')?.auth).toBe(`token ${FILE_TOKEN}`);
  });

  test("from github-token-file, the pull request gets the token, the file is gone before any model test runs, and no process's environment holds it", async () => {
    const r = await runLine({
      secret: FILE_TOKEN,
      with: { 'open-pr': 'true' },
      tokenFile: `${FILE_TOKEN}\n`,
    });
    expect(existsSync(r.tokenFile)).toBe(false);
    expect(r.scans).toEqual(r.scans.map(() => ({ found: 0, fileExists: false })));
    // Every call to the pull request API carried the token from the file, and the pull request exists.
    expect(r.api.map((q) => q.method)).toEqual(['GET', 'GET', 'POST']);
    expect(r.api.map((q) => q.auth)).toEqual(r.api.map(() => `token ${FILE_TOKEN}`));
    expect(r.outputs['pr-url']).toBe('https://github.test/octo/app/pull/7');
    // Masked at once, and never printed otherwise.
    expect(mentions(r.log, FILE_TOKEN)).toEqual([`::add-mask::${FILE_TOKEN}`]);
  });

  test("by default (no token input, open-pr false) the job's token is in no process's environment", async () => {
    const r = await runLine({ secret: JOB_TOKEN, with: {} });
    expect(r.scans).toEqual(r.scans.map((s) => ({ ...s, found: 0 })));
    expect(r.api).toEqual([]);
    expect(r.outputs['pr-url']).toBe('');
    expect(mentions(r.log, JOB_TOKEN)).toEqual([]);
  });
});

describe('token inputs of the line (sources, in process)', () => {
  // A fresh repository for each test: what one run left behind cannot pass for another's.
  let repo: TempRepo;
  beforeEach(() => {
    repo = track(greetingRepo());
  });

  /** A failed run that did nothing: one ::error:: (returned), no stack, no outputs, no bundle, no push. */
  function refused(r: Awaited<ReturnType<typeof runSource>>): string {
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(STACK);
    expect(r.outputs).toEqual({});
    expect(r.summary).toBe('');
    expect(existsSync(join(repo.root, '.guardian'))).toBe(false);
    expect(repo.git('--git-dir', repo.remote, 'branch', '--list')).toBe('* main');
    const errors = errorCommands(r);
    expect(errors).toHaveLength(1);
    return errors[0]!;
  }

  test('action.yml: github-token has no default; github-token-file exists', () => {
    const action = parse(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: unknown; required?: boolean }>;
    };
    expect(action.inputs['github-token']).toMatchObject({ required: false, default: '' });
    expect(action.inputs['github-token-file']).toMatchObject({ required: false, default: '' });
    expect(JSON.stringify(action.inputs)).not.toContain('github.token');
  });

  test('github-token-file and github-token together are refused, naming both, before anything runs', async () => {
    const file = join(tempDir(), 'token');
    writeFileSync(file, FILE_TOKEN);
    const r = await runSource(line, {
      cwd: repo.root,
      inputs: { 'task-id': 'TASK-900', 'github-token': FILE_TOKEN, 'github-token-file': file },
    });
    expect(refused(r)).toBe(
      "::error::inputs 'github-token-file' and 'github-token' are both set; give the token one way",
    );
    expect(r.stdout).not.toContain(FILE_TOKEN);
  });

  test('open-pr without either token input is refused before any station runs, saying what to give', async () => {
    const r = await runSource(line, {
      cwd: repo.root,
      inputs: { 'task-id': 'TASK-900', 'open-pr': 'true' },
      env: { GITHUB_REPOSITORY: 'octo/app' },
    });
    expect(refused(r)).toBe(
      "::error::input 'open-pr' is true but no token was given: set 'github-token-file' to a file holding " +
        'a token with pull-requests: write (an earlier step writes ${{ github.token }} to it), ' +
        "or 'github-token'; nothing ran",
    );
  });

  test('a token file that does not hold one token is refused, naming the input', async () => {
    const file = join(tempDir(), 'token');
    writeFileSync(file, 'two words\n');
    const r = await runSource(line, {
      cwd: repo.root,
      inputs: { 'task-id': 'TASK-900', 'open-pr': 'true', 'github-token-file': file },
      env: { GITHUB_REPOSITORY: 'octo/app' },
    });
    expect(refused(r)).toMatch(
      /^::error::input 'github-token-file': the file ".*token" does not hold one token on one line$/,
    );
    expect(existsSync(file)).toBe(false);
  });
});
