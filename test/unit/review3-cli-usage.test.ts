/**
 * A mistyped command line ends in one line naming the option or argument and what was expected, exit 2,
 * and nothing run; `--help` says what each command accepts.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands } from '../../src/cli/commands/index.js';
import { runCli } from '../support/cli.js';
import { EXAMPLES, makeRepo, PROJECT_ROOT, type TempRepo } from '../support/repo.js';

let plain: string; // the example's files, not a git repository
let repo: TempRepo;
beforeAll(() => {
  plain = join(mkdtempSync(join(tmpdir(), 'guardian-usage-')), 'plain');
  cpSync(join(EXAMPLES, 'python-flask-users'), plain, { recursive: true });
  repo = makeRepo('python-flask-users');
});
afterAll(() => {
  rmSync(join(plain, '..'), { recursive: true, force: true });
  repo.cleanup();
});

/** Exit 2 and exactly one line on stderr, matching `message`; nothing on stdout. */
async function refused(argv: string[], message: RegExp, cwd = plain) {
  const r = await runCli(argv, { cwd });
  expect(r.stderr).toMatch(message);
  expect(r.stderr.split('\n')).toHaveLength(2); // one line and its line break
  expect(r.stderr).toMatch(/^guardian: /);
  expect(r.stdout).toBe('');
  expect(r.code).toBe(2);
  return r;
}

describe('commander refusals read as one line naming the command', () => {
  test('an unknown command, with the closest ones', async () => {
    await refused(
      ['lsit'],
      /^guardian: unknown command 'lsit' \(did you mean list\?\); see guardian --help$/m,
    );
    await refused(['lnit'], /unknown command 'lnit' \(did you mean one of init, lint\?\)/);
  });

  test('`guardian help nosuch` says the command is unknown instead of dumping the help', async () => {
    await refused(['help', 'nosuch'], /unknown command 'nosuch'/);
    const ok = await runCli(['help', 'list']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Usage: guardian list /);
  });

  test('an unknown option names the command and suggests the close one', async () => {
    await refused(
      ['list', '--jso'],
      /^guardian: list: unknown option '--jso' \(did you mean --json\?\); see guardian list --help$/m,
    );
  });

  test('a command option written before the command says where it goes', async () => {
    await refused(
      ['--root', '.', 'list'],
      /unknown option '--root' \(--root is an option of a command: write it after the command's name\)/,
    );
  });

  test('a value given to a flag that takes none', async () => {
    await refused(['list', '--json=false'], /^guardian: list: --json takes no value \(got "--json=false"\)/);
  });

  test('an extra argument is named, with what the command takes', async () => {
    await refused(
      ['list', 'TASK-042'],
      /list: unexpected argument "TASK-042" \(it takes no arguments, only options\)/,
    );
    await refused(
      ['show', 'TASK-042', 'TASK-043'],
      /show: unexpected argument "TASK-043" \(it takes <task-id>\)/,
    );
  });

  test('a missing argument is named with its description', async () => {
    await refused(
      ['show'],
      /^guardian: show: missing <task-id>: task id, e\.g\. TASK-042; see guardian show --help$/m,
    );
    await refused(['validate'], /validate: missing <task-id>/);
  });

  test('an option missing its value at the end of the line', async () => {
    await refused(
      ['list', '--root'],
      /^guardian: list: --root: missing its value; expected <dir>: repository root/,
    );
  });
});

describe('option values commander lets through', () => {
  test('the next word is one of the command’s options: the value is missing', async () => {
    await refused(
      ['search', '--query', '--top', '3'],
      /^guardian: --query: missing its value; expected <text>: task text to search for \(the next word, --top, is an option\)$/m,
    );
    await refused(['validate', 'TASK-042', '--jobs', '--json'], /--jobs: missing its value; expected <n>/);
    await refused(
      ['list', '--root', '--help'],
      /--root: missing its value; expected <dir>: repository root \(the next word, --help, is an option\)/,
    );
    await refused(
      ['list', '--root', '--status=done'],
      /--root: missing its value;.*--status=done, is an option/,
    );
  });

  test('a value that merely starts with a dash is still a value', async () => {
    const r = await runCli(['search', '--query', 'x', '--top', '-1'], { cwd: plain });
    expect(r.stderr).toBe('guardian: --top -1: expected an integer from 1 to 1000\n');
  });

  test.each([
    [['list', '--status', '']],
    [['list', '--status=']],
    [['status', '--milestone', '']],
    [['next', '--milestone', '']],
    [['validate', 'TASK-042', '--security-json', '']],
    [['code', 'TASK-042', '--model', '']],
    [['complete', 'TASK-042', '--push', '']],
  ])('an empty value is refused, not taken as "not given": %j', async (argv) => {
    const flag = argv.find((a) => a.startsWith('--'))!.replace(/=$/, '');
    await refused(argv, new RegExp(`^guardian: ${flag}: empty value; expected <`, 'm'));
  });

  test('a single-value option given twice with two values is refused (the first would be dropped)', async () => {
    await refused(
      ['search', '--query', 'users', '--query', 'login'],
      /^guardian: --query given twice \("users" and "login"\): give it once$/m,
    );
    await refused(['list', '--root', '.', '--root=specs'], /--root given twice \("\." and "specs"\)/);
  });

  test('the same value twice, and a repeatable option, are accepted', async () => {
    const same = await runCli(['list', '--root', plain, '--root', plain, '--json']);
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout).tasks).toHaveLength(3);
    const files = await runCli(
      [
        'search',
        '--root',
        plain,
        '--query',
        'user login',
        '--file',
        'src/models/user.py',
        '--file',
        'src/services/auth.py',
        '--json',
      ],
      { env: { ...process.env, GUARDIAN_EMBEDDINGS_BASE_URL: '', GUARDIAN_EMBEDDINGS_MODEL: '' } },
    );
    expect(files.stderr).toBe('');
    expect(files.code).toBe(0);
    const ranked = (JSON.parse(files.stdout) as { files: { path: string; reasons: string[] }[] }).files;
    for (const f of ['src/models/user.py', 'src/services/auth.py']) {
      expect(ranked.find((x) => x.path === f)?.reasons.join(' ')).toMatch(/named in blueprint/);
    }
  });
});

describe('numbers are written in decimal digits', () => {
  test.each([
    [['prestart', 'TASK-042', '--jobs', '1e2'], /^guardian: --jobs 1e2: expected a whole number ≥ 1$/m],
    [['validate', 'TASK-042', '--jobs', '0x10'], /--jobs 0x10: expected a whole number ≥ 1/],
    [['validate', 'TASK-042', '--jobs', '2.0'], /--jobs 2\.0: expected a whole number ≥ 1/],
    [
      ['validate', 'TASK-042', '--jobs', '99999999999999999999'],
      /--jobs 99999999999999999999: expected a whole number ≥ 1/,
    ],
    [
      ['code', 'TASK-042', '--token-budget', '99999999999999999999'],
      /--token-budget 9+: expected a whole number ≥ 1/,
    ],
    [['code', 'TASK-042', '--attempt', '1e1'], /--attempt 1e1: expected a whole number ≥ 1/],
    [['code', 'TASK-042', '--cost-budget', '0x10'], /^guardian: --cost-budget 0x10: expected a number > 0$/m],
    [['code', 'TASK-042', '--time-budget', '1e3'], /--time-budget 1e3: expected a number > 0/],
    [['code', 'TASK-042', '--time-budget', '-5'], /--time-budget -5: expected a number > 0/],
    [['bundle', 'TASK-042', '--top', '1e2'], /^guardian: --top 1e2: expected an integer from 1 to 200$/m],
    [['bundle', 'TASK-042', '--top', '0x10'], /--top 0x10: expected an integer from 1 to 200/],
    [['bundle', 'TASK-042', '--budget', '1e4'], /--budget 1e4: expected an integer of at least 1000/],
    [
      ['milestone', 'M1', '--parallel', '0x2'],
      /^guardian: --parallel 0x2: expected a whole number from 1 to 16$/m,
    ],
    [['milestone', 'M1', '--parallel', '2.0'], /--parallel 2\.0: expected a whole number from 1 to 16/],
  ])('%j', async (argv, message) => {
    await refused(argv, message);
  });

  test('decimal numbers pass the parser (the command then goes on to its own checks)', async () => {
    const ok = await runCli(
      ['code', 'TASK-042', '--cost-budget', '.5', '--time-budget', '90', '--max-turns', '3'],
      { cwd: plain },
    );
    expect(ok.stderr).toMatch(/is not inside a git repository/);
    expect(ok.code).toBe(2);
  });
});

describe('paths and typed text in messages', () => {
  test('a line break or an escape sequence in what was typed is shown, not obeyed', async () => {
    await refused(['list', '--root', 'no\nsuch'], /^guardian: --root no\\u000asuch: not a directory$/m);
    await refused(
      ['search', '--root', '.', '--query-file', 'a\u001b[31mb'],
      /--query-file a\\u001b\[31mb: cannot read/,
    );
    await refused(['lnit\nx'], /unknown command 'lnit\\u000ax'/);
  });

  test('validate --security-json naming a file that is not there is refused before anything runs', async () => {
    const r = await refused(
      ['validate', 'TASK-042', '--security-json', 'nope.json'],
      /^guardian: --security-json nope\.json: no such file$/m,
      repo.root,
    );
    expect(r.code).toBe(2);
    await refused(
      ['validate', 'TASK-042', '--security-json', 'specs'],
      /--security-json specs: a directory, expected a JSON file$/m,
      repo.root,
    );
    expect(existsSync(join(repo.root, '.guardian'))).toBe(false);
  });
});

describe('search: what the user named is checked before the search', () => {
  const noEnv = { ...process.env, GUARDIAN_EMBEDDINGS_BASE_URL: '', GUARDIAN_EMBEDDINGS_MODEL: '' };
  test.each([
    [
      ['--embeddings-url', 'notaurl'],
      /^guardian: --embeddings-url notaurl: not a URL; expected an http\(s\) base URL/m,
    ],
    [
      ['--embeddings-url', 'file:///etc/v1'],
      /--embeddings-url file:\/\/\/etc\/v1: expected an http\(s\) base URL/,
    ],
  ])('%j', async (flags, message) => {
    const argv = ['search', '--root', plain, '--query', 'user', ...flags, '--embeddings-model', 'm'];
    const r = await runCli(argv, { env: noEnv });
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  test('a password in the embeddings URL is refused, never echoed', async () => {
    const url = 'http://user:s3cr3t-pw@127.0.0.1:9/v1';
    for (const bad of ['ftp://user:s3cr3t-pw@host/v1', 'http://user:s3cr3t-pw@ho st/v1']) {
      const r = await runCli([
        'search',
        '--root',
        plain,
        '--query',
        'u',
        '--embeddings-url',
        bad,
        '--embeddings-model',
        'm',
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toContain('s3cr3t');
    }
    for (const [flags, env] of [
      [['--embeddings-url', url, '--embeddings-model', 'm'], noEnv],
      [[], { ...noEnv, GUARDIAN_EMBEDDINGS_BASE_URL: url, GUARDIAN_EMBEDDINGS_MODEL: 'm' }],
    ] as const) {
      const r = await runCli(['search', '--root', plain, '--query', 'user', ...flags], { env });
      expect(r.stderr).toMatch(/: the URL must not contain a user name or password/);
      expect(r.stdout + r.stderr).not.toContain('s3cr3t');
      expect(r.code).toBe(2);
    }
  });

  test('--cache-dir naming a file', async () => {
    await refused(
      ['search', '--root', plain, '--query', 'user', '--cache-dir', join(plain, 'README.md')],
      /--cache-dir .*README\.md: not a directory$/m,
    );
  });
});

describe('the commands that read the specs, run from a folder of the repository', () => {
  test.each([[['lint']], [['list', '--json']], [['status']], [['show', 'TASK-042']]])(
    '%j says where the specs are instead of finding none without a word',
    async (argv) => {
      const top = realpathSync(repo.root); // as git names it
      const r = await runCli(argv, { cwd: join(repo.root, 'src') });
      expect(r.stderr).toContain(
        `guardian: note: no specs/ in ${join(repo.root, 'src')}; this repository's specs/ is in ${top} (run there, or pass --root ${top})\n`,
      );
      const atTop = await runCli(argv, { cwd: repo.root });
      expect(atTop.stderr).not.toMatch(/note: no specs/);
    },
  );
});

describe('--help', () => {
  const names = commands.flatMap(([n]) => n);
  test.each(
    names.flatMap((n) => [
      [n, '--help'],
      [n, '-h'],
    ]),
  )('%s %s: its usage on stdout, exit 0', async (name, flag) => {
    const r = await runCli([name, flag]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: guardian ${name} `));
  });

  test('every option README shows for a command is one the command accepts', async () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const help = new Map<string, string>();
    const missing: string[] = [];
    for (const m of readme.matchAll(/`guardian ([a-z]+)((?: [^`|\n]*)?)`/g)) {
      const [, name, rest] = m;
      if (!names.includes(name!)) continue;
      if (!help.has(name!)) help.set(name!, (await runCli([name!, '--help'])).stdout);
      for (const flag of rest!.match(/--[a-z][a-z-]*/g) ?? []) {
        if (!new RegExp(`^\\s+(-\\w, )?${flag}\\b`, 'm').test(help.get(name!)!))
          missing.push(`guardian ${name} ${flag}`);
      }
    }
    expect(help.size).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });
});
