/**
 * Every file of a Task Bundle is untrusted input (it travels between jobs as an artifact): a damaged
 * manifest, a directory where a file belongs, invalid JSON or a field of the wrong type is one clear
 * user error naming the file and the field, exit 1, no stack trace, and the manifest left as it was.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import {
  bundleDirFor,
  readBundleFile,
  readBundleJson,
  readManifest,
  verifyBundle,
  writeBundleFile,
  writeManifest,
} from '../../src/bundle/bundle.js';
import { ConfigurationError } from '../../src/errors.js';
import { loadCoderInputs } from '../../src/stations/coder/index.js';
import { runBundler } from '../../src/stations/bundler/index.js';
import { checkValidationReport, readValidationReport } from '../../src/stations/validator/report-file.js';
import { runCli, type CliRun } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';

const TASK = 'TASK-042';
let repo: TempRepo;
let dir: string;
let pristine: string;

function manifestText(): string {
  return readFileSync(join(dir, 'manifest.json'), 'utf8');
}

function editManifest(edit: (m: Record<string, unknown>) => void): string {
  const m = JSON.parse(readFileSync(join(pristine, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  edit(m);
  const text = JSON.stringify(m, null, 2);
  writeFileSync(join(dir, 'manifest.json'), text);
  return text;
}

/** One clean user error: exit 1, the message, no "internal error", no stack frames. */
function expectUserError(r: CliRun, ...patterns: RegExp[]): void {
  expect(r.code).toBe(1);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  for (const p of patterns) expect(r.stderr).toMatch(p);
}

beforeAll(async () => {
  repo = makeRepo('python-flask-users');
  await runBundler({ root: repo.root, taskId: TASK, python: { sitePackages: [] } });
  dir = bundleDirFor(repo.root, TASK);
  pristine = join(repo.root, '..', 'pristine-bundle');
  cpSync(dir, pristine, { recursive: true });
});
afterAll(() => repo.cleanup());
beforeEach(() => {
  rmSync(dir, { recursive: true, force: true });
  cpSync(pristine, dir, { recursive: true });
});

describe('a directory where a bundle file belongs', () => {
  it.each([
    ['changes.patch', /changes\.patch: cannot read this Task Bundle file: it is a directory/],
    ['security.json', /security\.json: cannot read this Task Bundle file: it is a directory/],
    // Refused before the checks run, not after.
    ['validation.json', /validation\.json: cannot write this Task Bundle file: a directory is in its place/],
  ])('validate: %s is a directory → one message naming it, manifest untouched', async (name, message) => {
    mkdirSync(join(dir, name));
    const before = manifestText();
    const r = await runCli(['validate', TASK, '--root', repo.root]);
    expectUserError(r, message);
    expect(manifestText()).toBe(before);
  });

  it('security: security.json is a directory → one message, nothing written', async () => {
    mkdirSync(join(dir, 'security.json'));
    const before = manifestText();
    const context = readFileSync(join(dir, 'task_context.md'), 'utf8');
    const r = await runCli(['security', TASK, '--root', repo.root, '--offline']);
    expectUserError(r, /security\.json: cannot write this Task Bundle file: a directory is in its place/);
    expect(manifestText()).toBe(before);
    expect(readFileSync(join(dir, 'task_context.md'), 'utf8')).toBe(context);
  });

  it('security: task_context.md is a directory → names the file', async () => {
    rmSync(join(dir, 'task_context.md'));
    mkdirSync(join(dir, 'task_context.md'));
    const r = await runCli(['security', TASK, '--root', repo.root, '--offline']);
    expectUserError(r, /task_context\.md: cannot read this Task Bundle file: it is a directory/);
  });

  it('security: evidence is a file, so evidence/search.json cannot be read → names the path', async () => {
    rmSync(join(dir, 'evidence'), { recursive: true });
    writeFileSync(join(dir, 'evidence'), 'not a folder');
    const r = await runCli(['security', TASK, '--root', repo.root, '--offline']);
    expectUserError(
      r,
      /evidence\/search\.json: cannot read this Task Bundle file: a part of its path is a file/,
    );
  });

  it('complete: validation.json is a directory → names it, nothing committed', async () => {
    mkdirSync(join(dir, 'validation.json'));
    const head = repo.git('rev-parse', 'HEAD');
    const r = await runCli(['complete', TASK, '--root', repo.root]);
    expectUserError(
      r,
      /validation\.json: cannot read this Task Bundle file: it is a directory.*nothing committed/,
    );
    expect(repo.git('rev-parse', 'HEAD')).toBe(head);
  });

  it('coder: changes.patch is a directory → refused when the inputs are read', () => {
    mkdirSync(join(dir, 'changes.patch'));
    expect(() => loadCoderInputs(repo.root, TASK)).toThrow(
      /changes\.patch: cannot write this Task Bundle file: a directory is in its place/,
    );
  });

  it('a symbolic link is not read through', () => {
    writeFileSync(join(repo.root, '..', 'outside.txt'), 'secret');
    symlinkSync(join(repo.root, '..', 'outside.txt'), join(dir, 'coder.json'));
    expect(() => readBundleFile(dir, 'coder.json')).toThrow(/coder\.json: .*it is a symbolic link/);
    expect(verifyBundle(dir)).toContain(
      'coder.json: not a regular file (a bundle holds only files and folders)',
    );
  });

  it('writeBundleFile refuses a directory in place of the file and leaves no temporary file', () => {
    mkdirSync(join(dir, 'validation.md'));
    expect(() => writeBundleFile(dir, 'validation.md', 'x')).toThrow(ConfigurationError);
    expect(verifyBundle(dir)).toEqual([]);
  });

  it('verifyBundle names a directory where the manifest lists a file', () => {
    rmSync(join(dir, 'task_context.md'));
    mkdirSync(join(dir, 'task_context.md'));
    expect(verifyBundle(dir)).toContain('task_context.md: a directory, but manifest.json lists a file there');
  });

  it('an unreadable file is permission denied, naming it (as an unprivileged user when the tests run as root)', () => {
    chmodSync(join(dir, 'task_context.md'), 0o000);
    if (process.getuid?.() !== 0) {
      expect(() => readBundleFile(dir, 'task_context.md')).toThrow(/task_context\.md: .*permission denied/);
      return;
    }
    // Root reads every file: read it in a child process as `nobody`, from the sources.
    const script = join(dirname(fileURLToPath(import.meta.url)), 'bundle-read-as-nobody.mjs');
    const parents: string[] = [];
    for (let d = dir; d !== dirname(d); d = dirname(d)) parents.push(d);
    const modes = parents.map((p) => [p, statSync(p).mode & 0o7777] as const);
    try {
      for (const [p, mode] of modes) chmodSync(p, mode | 0o005);
      const r = spawnSync(process.execPath, [script, dir, 'task_context.md'], {
        uid: 65534,
        gid: 65534,
        encoding: 'utf8',
        env: { PATH: process.env.PATH },
      });
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/task_context\.md: .*permission denied/);
    } finally {
      for (const [p, mode] of modes) chmodSync(p, mode);
    }
  });
});

describe('a base commit the repository does not have', () => {
  it.each([
    ['validate', ['validate', TASK]],
    ['complete', ['complete', TASK]],
    ['code', ['code', TASK]],
  ])('%s: names the field, exit 1, manifest not rewritten', async (_, argv) => {
    const text = editManifest((m) => (m.baseCommit = 'f'.repeat(40)));
    const r = await runCli([...argv, '--root', repo.root]);
    expectUserError(
      r,
      /manifest\.json: field `baseCommit` is ffffffffffff, which is not a commit of the repository at /,
    );
    expect(manifestText()).toBe(text);
  });
});

describe('manifest.json of the wrong shape', () => {
  it.each([
    ['validate', ['validate', TASK]],
    ['security', ['security', TASK, '--offline']],
  ])('%s: `stations` a number → the field and what was expected, manifest not rewritten', async (_, argv) => {
    const text = editManifest((m) => (m.stations = 5));
    const r = await runCli([...argv, '--root', repo.root]);
    expectUserError(
      r,
      /manifest\.json: field `stations` must be an object of station records, got the number 5/,
    );
    expect(manifestText()).toBe(text);
  });

  it.each<[string, (m: Record<string, unknown>) => void, RegExp]>([
    [
      'taskId a number',
      (m) => (m.taskId = 42),
      /field `taskId` must be a task id like TASK-042, got the number 42/,
    ],
    [
      'baseCommit an option',
      (m) => (m.baseCommit = '--output=/tmp/x'),
      /field `baseCommit` must be a commit id \(7 to 64 hex digits\), got the string "--output=\/tmp\/x"/,
    ],
    [
      'stations an array',
      (m) => (m.stations = []),
      /field `stations` must be an object of station records, got an array/,
    ],
    [
      'a station record a string',
      (m) => (m.stations = { validate: 'ok' }),
      /field `stations.validate` must be a station record \(an object\), got the string "ok"/,
    ],
    [
      'a station status unknown',
      (m) => (m.stations = { bundle: { status: 'done', startedAt: '' } }),
      /field `stations.bundle.status` must be one of running, ok, failed, skipped, got the string "done"/,
    ],
    [
      'a station usage of strings',
      (m) =>
        (m.stations = {
          code: {
            status: 'ok',
            startedAt: '',
            usage: { promptTokens: '1', completionTokens: 0, cachedTokens: 0, costUsd: 0 },
          },
        }),
      /field `stations.code.usage.promptTokens` must be a number ≥ 0, got the string "1"/,
    ],
    [
      'an unknown station',
      (m) => (m.stations = { deploy: {} }),
      /field `stations` has an unknown station "deploy"/,
    ],
    [
      'files leaving the bundle',
      (m) => (m.files = { '../../../etc/passwd': 'a'.repeat(64) }),
      /field `files` names "..\/..\/..\/etc\/passwd", a path that leaves the repository/,
    ],
    [
      'a file hash a number',
      (m) => (m.files = { 'x.md': 1 }),
      /field `files\["x.md"\]` must be a sha256 hash/,
    ],
    ['usage null', (m) => (m.usage = null), /field `usage` must be an object of promptTokens.*, got null/],
    [
      'blueprintPath a number',
      (m) => (m.blueprintPath = 3),
      /field `blueprintPath` must be a string, got the number 3/,
    ],
  ])('%s', (_, edit, message) => {
    editManifest(edit);
    let err: unknown;
    try {
      readManifest(dir, TASK);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(/manifest\.json: /);
    expect((err as Error).message).toMatch(message);
  });

  it('a manifest that is an array names what was expected', () => {
    writeFileSync(join(dir, 'manifest.json'), '[1]');
    expect(() => readManifest(dir, TASK)).toThrow(
      /manifest\.json: not a Guardian manifest \(expected a JSON object, got an array\)/,
    );
  });

  it('a well-formed manifest still reads and round-trips', () => {
    const m = readManifest(dir, TASK);
    writeManifest(dir, m);
    expect(readManifest(dir, TASK)).toEqual(m);
    expect(verifyBundle(dir)).toEqual([]);
  });
});

describe('JSON bundle files', () => {
  it('invalid JSON names the file', () => {
    writeFileSync(join(dir, 'validation.json'), '{"verdict": ');
    expect(() => readValidationReport(dir)).toThrow(/validation\.json: not valid JSON/);
  });

  it('a validation report of the wrong shape names the field', () => {
    const file = '.guardian/bundles/TASK-042/validation.json';
    const good = {
      taskId: TASK,
      baseCommit: 'a'.repeat(40),
      patchSha256: 'b'.repeat(64),
      summary: 'fail: tests',
      verdict: 'fail',
      checks: [
        { name: 'tests', kind: 'quality', outcome: 'fail', exitCode: 1, outputTail: '', diagnostics: [] },
      ],
    };
    expect(checkValidationReport(good, file).checks).toHaveLength(1);
    expect(() => checkValidationReport({ ...good, checks: 5 }, file)).toThrow(
      `${file}: field \`checks\` must be an array of check results, got the number 5`,
    );
    expect(() => checkValidationReport({ ...good, verdict: 'maybe' }, file)).toThrow(
      /field `verdict` must be "pass" or "fail"/,
    );
    expect(() =>
      checkValidationReport(
        { ...good, checks: [{ ...good.checks[0], diagnostics: [{ file: 'a.py', line: '3' }] }] },
        file,
      ),
    ).toThrow(/field `checks\[0\].diagnostics\[0\].message` must be a string, got undefined/);
  });

  it('complete: validation.json with `checks` a string → one message, nothing committed', async () => {
    writeFileSync(
      join(dir, 'validation.json'),
      JSON.stringify({
        taskId: TASK,
        baseCommit: 'a',
        patchSha256: '',
        summary: '',
        verdict: 'pass',
        checks: 'all',
      }),
    );
    const r = await runCli(['complete', TASK, '--root', repo.root]);
    expectUserError(
      r,
      /validation\.json: field `checks` must be an array of check results, got the string "all"; nothing committed/,
    );
  });

  it('readBundleJson returns undefined for a missing file and passes the checked value through', () => {
    expect(readBundleJson(dir, 'nope.json', () => 1)).toBeUndefined();
    writeFileSync(join(dir, 'x.json'), '{"a":1}');
    expect(readBundleJson(dir, 'x.json', (doc) => (doc as { a: number }).a)).toBe(1);
  });
});
