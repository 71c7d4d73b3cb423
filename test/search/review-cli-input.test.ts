/** Odd command-line input and odd file names: one clear message, never a misleading one. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { searchRepository } from '../../src/search/index.js';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';

let repo: TempRepo;
beforeAll(() => {
  repo = makeRepo(undefined, {
    files: { 'src/invoice.py': 'def invoice_total(items):\n    return sum(items)\n' },
  });
});
afterAll(() => repo.cleanup());

describe('guardian search: --top', () => {
  it('takes decimal digits only', async () => {
    for (const top of ['1e2', '0x10', '', ' ', '+3', '5abc']) {
      const r = await runCli(['search', '--root', repo.root, '--query', 'invoice', '--top', top]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`guardian: --top ${top}: expected an integer from 1 to 1000\n`);
    }
    const ok = await runCli(['search', '--root', repo.root, '--query', 'invoice', '--top', '3']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^ 1\. src\/invoice\.py/);
  });
});

describe('a file name that is not UTF-8', () => {
  it('is skipped with a note saying so, not "cannot stat: ENOENT"', async () => {
    const name = Buffer.concat([
      Buffer.from(join(repo.root, 'src', 'caf')),
      Buffer.from([0xe9]),
      Buffer.from('.py'),
    ]);
    writeFileSync(name, 'def latin_total():\n    return 1\n');
    const res = await searchRepository({ root: repo.root, query: 'latin total invoice' });
    expect(res.files.map((f) => f.path)).toEqual(['src/invoice.py']);
    const notes = res.notes.join('\n');
    expect(notes).toMatch(/skipped 1 file \(name is not valid UTF-8\): src\/caf\ufffd\.py/);
    expect(notes).not.toMatch(/ENOENT/);
  });
});

describe('paths a caller names (--file, --test, the blueprint)', () => {
  it('are read as repository paths: ./src/x.py is src/x.py', async () => {
    const res = await searchRepository({
      root: repo.root,
      query: 'unrelated words',
      hints: { files: ['./src/invoice.py'], relevantTests: ['tests/../tests/none.py'] },
    });
    expect(res.files[0]?.path).toBe('src/invoice.py');
    expect(res.files[0]?.reasons.join('; ')).toMatch(/named in blueprint/);
    expect(res.notes.join('\n')).toMatch(/relevant test tests\/none\.py is not in the repository index/);
  });

  it('are shown in notes with control characters escaped', async () => {
    const res = await searchRepository({
      root: repo.root,
      query: 'invoice',
      hints: { files: ['src/\u001b[2Jgone.py'], relevantTests: ['t\u0007.py'] },
    });
    const notes = res.notes.join('\n');
    expect(notes).toContain('blueprint names src/\\u001b[2Jgone.py, which is not in the index');
    expect(notes).toContain('relevant test t\\u0007.py is not in the repository index');
    expect([...notes].filter((c) => c !== '\n' && c.charCodeAt(0) < 0x20)).toEqual([]);
  });
});
