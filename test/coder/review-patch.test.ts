/**
 * changes.patch whatever `.gitattributes` says: a text file's change stays a readable hunk (a `-diff`
 * attribute made it an opaque "GIT binary patch"), a binary file stays a binary patch that applies, and
 * the secret check reads every file's new content, not the patch text (zlib hid a key from it). The
 * model's own tools never write `.gitattributes`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GuardianError } from '../../src/errors.js';
import { runCoder } from '../../src/stations/coder/index.js';
import { diffWorkingTree } from '../../src/stations/coder/patch.js';
import { Sandbox } from '../../src/stations/coder/sandbox.js';
import { callTool, startScriptedServer, type ScriptedServer } from '../support/llm-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { llmFor, MINI_FILES, writeBundle } from './helpers.js';

const API_KEY = 'sk-proj-leakcanary0123456789abcdefXYZ';

describe('diffWorkingTree under a `-diff` attribute', () => {
  let repo: TempRepo;
  let base: string;
  const files = {
    '.gitattributes': '*.mjs -diff\n*.dat -diff\n',
    'src/add.mjs': 'export function add(a, b) {\n  return a + b;\n}\n',
    'src/gone.mjs': 'export const gone = 1;\n',
    'data/blob.dat': 'plain before\n',
  };
  beforeAll(() => {
    repo = makeRepo(undefined, { files });
    base = repo.git('rev-parse', 'HEAD');
    writeFileSync(join(repo.root, 'src/add.mjs'), 'export function add(a, b) {\n  return a * b;\n}\n');
    writeFileSync(join(repo.root, 'src/new.mjs'), 'export const fresh = "visible";\n');
    rmSync(join(repo.root, 'src/gone.mjs'));
    // Binary now (a NUL byte): must stay a binary patch.
    writeFileSync(join(repo.root, 'data/blob.dat'), Buffer.from([0, 1, 2, 0xff, 10, 0]));
    writeFileSync(join(repo.root, 'img.bin'), Buffer.from([0x89, 0x50, 0, 0, 7, 8]));
  });
  afterAll(() => repo.cleanup());

  it('shows text files as text hunks and binary files as binary patches', () => {
    const text = diffWorkingTree(repo.root, base).patch.toString('latin1');
    expect(text).toContain('+  return a * b;');
    expect(text).toContain('-  return a + b;');
    expect(text).toContain('+export const fresh = "visible";');
    expect(text).toContain('-export const gone = 1;');
    // Exactly the two files with a NUL byte are binary patches.
    expect(text.match(/GIT binary patch/g)).toHaveLength(2);
    expect(text).toMatch(/diff --git a\/data\/blob\.dat b\/data\/blob\.dat\n[^]*?GIT binary patch/);
  });

  it('the mixed patch applies to a clean checkout of the base and gives the same files', () => {
    const { patch } = diffWorkingTree(repo.root, base);
    const clone = makeRepo(undefined, { files });
    try {
      const p = join(clone.root, '..', 'mixed.patch');
      writeFileSync(p, patch);
      clone.git('apply', '--binary', p);
      for (const f of ['src/add.mjs', 'src/new.mjs', 'data/blob.dat', 'img.bin'])
        expect([f, readFileSync(join(clone.root, f)).equals(readFileSync(join(repo.root, f)))]).toEqual([
          f,
          true,
        ]);
      expect(existsSync(join(clone.root, 'src/gone.mjs'))).toBe(false);
    } finally {
      clone.cleanup();
    }
  });

  it('hands every new content to `inspect`, not the deleted ones', () => {
    const seen = new Map<string, Buffer>();
    diffWorkingTree(repo.root, base, { inspect: (p, c) => seen.set(p, c) });
    expect([...seen.keys()].sort()).toEqual(['data/blob.dat', 'img.bin', 'src/add.mjs', 'src/new.mjs']);
    expect(seen.get('data/blob.dat')).toEqual(Buffer.from([0, 1, 2, 0xff, 10, 0]));
  });
});

describe('a secret in a change the patch shows as binary', () => {
  let server: ScriptedServer | undefined;
  let repo: TempRepo | undefined;
  afterAll(async () => {
    await server?.close();
    repo?.cleanup();
  });

  async function run(files: Record<string, string>, path: string, content: string) {
    await server?.close();
    repo?.cleanup();
    repo = makeRepo(undefined, {
      files: {
        ...MINI_FILES,
        // No default test command: phase green at once.
        'quality.toml': '[quality_checks]\nlint = "true"\n',
        'specs/tasks/TASK-001_mul.md': MINI_FILES['specs/tasks/TASK-001_mul.md']!.replace(
          /```guardian[\s\S]*```/,
          '',
        ),
        ...files,
      },
    });
    const bundleDir = writeBundle(repo, 'TASK-001', '## Notes\nnothing');
    const script = [callTool('write_file', { path, content }), callTool('finish', { summary: 'done' })];
    server = await startScriptedServer(script);
    const failure = await runCoder({
      root: repo.root,
      taskId: 'TASK-001',
      llm: llmFor(server, API_KEY),
      env: { ...process.env, OPENAI_API_KEY: API_KEY },
      budget: { maxTurns: script.length },
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    return { failure, bundleDir };
  }

  it('a key in a file with a NUL byte (zlib in the patch) is found', async () => {
    const { failure, bundleDir } = await run({}, 'test/fixtures/data.bin', `\0\x01${API_KEY}\0`);
    expect(failure).toBeInstanceOf(GuardianError);
    expect(String((failure as Error).message)).toMatch(/contains a secret \(api-key\)/);
    expect(existsSync(join(bundleDir, 'changes.patch'))).toBe(false);
  });

  it('a key in a text file the base marks `-diff` is found', async () => {
    const { failure, bundleDir } = await run(
      { '.gitattributes': '*.mjs -diff\n' },
      'src/add.mjs',
      `export function add(a, b) {\n  return a + b; // ${API_KEY}\n}\n`,
    );
    expect(failure).toBeInstanceOf(GuardianError);
    expect(existsSync(join(bundleDir, 'changes.patch'))).toBe(false);
  });
});

describe('.gitattributes and the sandbox', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo(undefined, { files: { '.gitattributes': '*.png binary\n', 'sub/.gitattributes': '' } });
  });
  afterAll(() => repo.cleanup());

  it('is never written by the model, at any depth, whatever the protected paths; it is still read', () => {
    const sandbox = new Sandbox(repo.root, []);
    for (const p of ['.gitattributes', 'sub/.gitattributes', 'new/.GitAttributes']) {
      const r = sandbox.resolve(p, 'write');
      expect([p, r.ok]).toEqual([p, false]);
      if (!r.ok) expect(r.error).toMatch(/never writes it/);
    }
    expect(sandbox.resolve('.gitattributes', 'read').ok).toBe(true);
    expect(sandbox.resolve('src/gitattributes.ts', 'write').ok).toBe(true);
  });
});
