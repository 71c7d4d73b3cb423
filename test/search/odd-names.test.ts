/**
 * File names are untrusted input: a committed name with a line break (or another control character)
 * must not crash the Bundler or the search, nor reach a bundle where it would start a line of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { linkSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { displayPath, pathSkipReason, readCandidate } from '../../src/search/files.js';
import { redactSecrets } from '../../src/secrets/index.js';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';

const STORE_COPY = 'export class TodoStore {\n  complete(id: number) {\n    return id;\n  }\n}\n';

describe('file names with control characters', () => {
  let repo: TempRepo;
  beforeAll(() => {
    // Named like the code the task is about, so the search would pick it if it were indexed.
    repo = makeRepo('ts-todo-api', {
      files: { 'src/store\ncompleted todo.ts': STORE_COPY, 'src/tab\tstore.ts': STORE_COPY },
    });
  });
  afterAll(() => repo.cleanup());

  it('a path check names the reason; a display form escapes the characters', () => {
    expect(pathSkipReason('src/a\nb.ts')).toBe('control character in the name');
    expect(pathSkipReason('src/a\u2028b.ts')).toBe('control character in the name');
    // A right-to-left override would show the rest of the name reversed.
    expect(pathSkipReason('src/login_\u202Egnp.py')).toBe('control character in the name');
    expect(pathSkipReason('src/lögïn_日本語.py')).toBeUndefined();
    expect(pathSkipReason('src/a b.ts')).toBeUndefined();
    expect(displayPath('src/a\nb\tc.ts')).toBe('src/a\\u000ab\\u0009c.ts');
  });

  it('guardian bundle succeeds and leaves such files out of the bundle', async () => {
    const run = await runCli(['bundle', 'TASK-001', '--root', repo.root, '--json', '--budget', '8000']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const dir = join(repo.root, '.guardian', 'bundles', 'TASK-001');
    const context = readFileSync(join(dir, 'task_context.md'), 'utf8');
    expect(context).toContain('src/store.ts');
    expect(context).not.toMatch(/store\ncompleted|tab\tstore/);
    const evidence = readFileSync(join(dir, 'evidence', 'search.json'), 'utf8');
    const paths = [...evidence.matchAll(/"path": ("(?:[^"\\]|\\.)*")/g)].map(
      (m) => JSON.parse(m[1]!) as string,
    );
    expect(paths).toContain('src/store.ts');
    expect(paths.filter((p) => /[\n\t]/.test(p))).toEqual([]);
    expect(evidence).toContain('control character in the name');
  });

  it('guardian search skips them with a note that shows the name escaped', async () => {
    const run = await runCli(['search', '--root', repo.root, '--query', 'complete todo store', '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { files: { path: string }[]; notes: string[] };
    expect(out.files.map((f) => f.path)).toContain('src/store.ts');
    expect(out.files.every((f) => !/[\n\t]/.test(f.path))).toBe(true);
    const note = out.notes.find((n) => n.includes('control character in the name'));
    expect(note).toBeDefined();
    expect(note).toContain('src/store\\u000acompleted todo.ts');
    expect(note).not.toMatch(/\n/);
  });

  it('secret scanning of a text said to come from such a path still works', async () => {
    const key = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
    const r = await redactSecrets(`token = "${key}"\n`, { path: 'src/new\nline.py' });
    expect(r.text).not.toContain(key);
    expect(r.findings.length).toBeGreaterThan(0);
  });
});

describe('hard links', () => {
  it('a working-tree file that is a hard link is not read (its content may live outside the repository)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardian-hard-'));
    try {
      writeFileSync(join(dir, 'outside.py'), 'SECRET_OUTSIDE = 1\n');
      linkSync(join(dir, 'outside.py'), join(dir, 'inside.py'));
      writeFileSync(join(dir, 'plain.py'), 'x = 1\n');
      expect(readCandidate(dir, { path: 'inside.py', symlink: false }, 1 << 20)).toEqual({
        ok: false,
        reason: 'a hard link to another file',
      });
      expect(readCandidate(dir, { path: 'plain.py', symlink: false }, 1 << 20)).toMatchObject({ ok: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
