/** The tools on their own (no model): windows, exact edits, listings, phases. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { linkSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoderTools, type AllowedCommand } from '../../src/stations/coder/tools.js';
import { Sandbox } from '../../src/stations/coder/sandbox.js';
import { isTestPath } from '../../src/stations/coder/tdd.js';
import { silentLogger } from '../../src/util/log.js';
import { makeRepo, type TempRepo } from '../support/repo.js';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

describe('CoderTools', () => {
  let repo: TempRepo;
  const commands: AllowedCommand[] = [
    {
      name: 'tests',
      command: 'node --test test/*.test.mjs',
      timeoutMs: 60_000,
      env: {},
      isDefault: true,
      source: 'plan',
    },
    { name: 'lint', command: 'true', timeoutMs: 60_000, env: {}, isDefault: false, source: 'quality.toml' },
  ];
  const tools = (phase: 'red' | 'green' = 'green') =>
    new CoderTools(
      {
        root: repo.root,
        sandbox: new Sandbox(repo.root),
        commands,
        env: { ...process.env },
        secretEnv: [],
        relevantTests: ['checks/behaviour.mjs'],
        signal: new AbortController().signal,
        remainingMs: () => 60_000,
        log: silentLogger,
      },
      phase,
    );

  beforeAll(() => {
    repo = makeRepo(undefined, {
      files: {
        'src/long.txt': lines(600),
        'src/dup.ts': 'const a = 1;\nconst a = 1;\n',
        'src/bin.dat': '\0\x01\x02binary',
        'docs/readme.md': '# x\n',
        '.env': 'SECRET=1\n',
      },
    });
  });
  afterAll(() => repo.cleanup());

  it('reads files in numbered windows and says how to go on', async () => {
    const t = tools();
    const first = (await t.execute('read_file', JSON.stringify({ path: 'src/long.txt' }))).content;
    expect(first).toMatch(/^src\/long\.txt \(lines 1-250 of 600\):\n {5}1\tline 1\n/);
    expect(first).toMatch(/read again with start_line=251\]$/);
    const mid = (
      await t.execute('read_file', JSON.stringify({ path: 'src/long.txt', start_line: 590, end_line: 700 }))
    ).content;
    expect(mid).toMatch(/lines 590-600 of 600/);
    expect(
      (await t.execute('read_file', JSON.stringify({ path: 'src/long.txt', start_line: 700 }))).content,
    ).toMatch(/past the end/);
    expect((await t.execute('read_file', JSON.stringify({ path: 'src/bin.dat' }))).content).toMatch(
      /binary file/,
    );
    expect((await t.execute('read_file', JSON.stringify({ path: 'src' }))).content).toMatch(/is a folder/);
    expect((await t.execute('read_file', JSON.stringify({ path: 'nope.txt' }))).content).toMatch(
      /no such file/,
    );
  });

  it('lists files by folder and glob, hiding secret files', async () => {
    const t = tools();
    expect((await t.execute('list_files', '{}')).content).not.toContain('.env');
    expect((await t.execute('list_files', JSON.stringify({ path: 'src', pattern: '*.ts' }))).content).toBe(
      '1 file(s):\nsrc/dup.ts',
    );
    expect((await t.execute('list_files', JSON.stringify({ pattern: '**/*.md' }))).content).toContain(
      'docs/readme.md',
    );
    expect((await t.execute('list_files', JSON.stringify({ pattern: '**/*.none' }))).content).toBe(
      'no files match',
    );
    // A glob that would take the matcher minutes on a long name is refused, not run.
    const costly = await t.execute('list_files', JSON.stringify({ pattern: '*a*a*a*a*c' }));
    expect(costly).toMatchObject({ ok: false });
    expect(costly.content).toMatch(/^error: pattern "\*a\*a\*a\*a\*c": 5 wildcards in the path segment/);
    // So is a repeated extglob holding a wildcard (`+(a*)b` backtracks exponentially on a long name),
    // and a third `**`.
    const nested = await t.execute('list_files', JSON.stringify({ pattern: '+(a*)b' }));
    expect(nested).toMatchObject({ ok: false });
    expect(nested.content).toMatch(
      /^error: pattern "\+\(a\*\)b": the repeated pattern '\+\(a\*\)' holds a wildcard/,
    );
    const deep = await t.execute('list_files', JSON.stringify({ pattern: '**/a/**/a/**/b' }));
    expect(deep.content).toMatch(/^error: pattern .*: 3 '\*\*' wildcards \(at most 2/);
  });

  it('refuses FIFOs and hard links, caps edits and every result, and takes paths exactly', async () => {
    const t = tools();
    const outside = mkdtempSync(join(tmpdir(), 'guardian-outside-'));
    try {
      // A FIFO would block a write forever (the call is synchronous: nothing could stop it).
      execFileSync('mkfifo', [join(repo.root, 'src/pipe.txt')]);
      expect(await t.execute('write_file', JSON.stringify({ path: 'src/pipe.txt', content: 'x' }))).toEqual({
        ok: false,
        content: 'error: src/pipe.txt is not a regular file',
      });
      expect(
        (
          await t.execute(
            'edit_file',
            JSON.stringify({ path: 'src/pipe.txt', old_string: 'a', new_string: 'b' }),
          )
        ).content,
      ).toBe('error: src/pipe.txt is not a regular file');
      // A hard link to a file outside the repository: neither read nor written.
      writeFileSync(join(outside, 'victim.txt'), 'OUTSIDE\n');
      linkSync(join(outside, 'victim.txt'), join(repo.root, 'src/hard.txt'));
      for (const [tool, args] of [
        ['read_file', { path: 'src/hard.txt' }],
        ['write_file', { path: 'src/hard.txt', content: 'PWNED\n' }],
        ['edit_file', { path: 'src/hard.txt', old_string: 'OUTSIDE', new_string: 'PWNED' }],
      ] as const) {
        const r = await t.execute(tool, JSON.stringify(args));
        expect([tool, r.ok, r.content]).toEqual([tool, false, expect.stringMatching(/hard link/)]);
      }
      expect(readFileSync(join(outside, 'victim.txt'), 'utf8')).toBe('OUTSIDE\n');
      // replace_all may not grow a file past the write limit.
      await t.execute('write_file', JSON.stringify({ path: 'src/seed.txt', content: 'x'.repeat(100_000) }));
      const grow = await t.execute(
        'edit_file',
        JSON.stringify({
          path: 'src/seed.txt',
          old_string: 'x',
          new_string: 'w '.repeat(100),
          replace_all: true,
        }),
      );
      expect(grow).toEqual({
        ok: false,
        content: expect.stringMatching(
          /^error: edit_file: the edited file would be about 20000000 characters, over 1048576/,
        ),
      });
      expect(statSync(join(repo.root, 'src/seed.txt')).size).toBe(100_000);
      // Whatever the model sends, what comes back is bounded.
      const huge = await t.execute('search_code', JSON.stringify({ query: 'zz '.repeat(300_000) }));
      expect(huge.content.length).toBeLessThanOrEqual(32_100);
      const named = await t.execute('x'.repeat(1_000_000), '{}');
      expect(named.content.length).toBeLessThan(300);
      expect(
        (await t.execute('write_file', JSON.stringify({ path: 'src/trail/', content: 'x' }))).content,
      ).toBe('error: src/trail/ ends with a slash: name a file, not a folder');
      // A trailing space names another file: refused, not trimmed into src/dup.ts.
      expect(await t.execute('write_file', JSON.stringify({ path: 'src/dup.ts ', content: 'x' }))).toEqual({
        ok: false,
        content: 'error: path "src/dup.ts " starts or ends with whitespace',
      });
      expect(
        (await t.execute('write_file', JSON.stringify({ path: 'src/a\nb.ts', content: 'x' }))).content,
      ).toBe('error: path "src/a\\nb.ts" contains a control character');
    } finally {
      rmSync(outside, { recursive: true, force: true });
      rmSync(join(repo.root, 'src/pipe.txt'), { force: true });
      rmSync(join(repo.root, 'src/hard.txt'), { force: true });
    }
  });

  it('edits exactly: unique anchor, ambiguity, replace_all', async () => {
    const t = tools();
    const amb = await t.execute(
      'edit_file',
      JSON.stringify({ path: 'src/dup.ts', old_string: 'const a = 1;', new_string: 'let a = 2;' }),
    );
    expect(amb.content).toMatch(/ambiguous: 2 matches \(lines 1, 2\)/);
    const all = await t.execute(
      'edit_file',
      JSON.stringify({
        path: 'src/dup.ts',
        old_string: 'const a = 1;',
        new_string: 'let a = 2;',
        replace_all: true,
      }),
    );
    expect(all.content).toBe('edited src/dup.ts: replaced 2 occurrences');
    expect(readFileSync(join(repo.root, 'src/dup.ts'), 'utf8')).toBe('let a = 2;\nlet a = 2;\n');
    const one = await t.execute(
      'edit_file',
      JSON.stringify({ path: 'docs/readme.md', old_string: '# x', new_string: '# y' }),
    );
    expect(one).toMatchObject({
      ok: true,
      content: 'edited docs/readme.md: replaced at line 1',
      wrote: 'docs/readme.md',
    });
    const same = await t.execute(
      'edit_file',
      JSON.stringify({ path: 'docs/readme.md', old_string: '# y', new_string: '# y' }),
    );
    expect(same.content).toMatch(/nothing would change/);
    expect(
      (await t.execute('edit_file', JSON.stringify({ path: 'new.md', old_string: 'a', new_string: 'b' })))
        .content,
    ).toMatch(/no such file \(use write_file/);
  });

  it('in phase red writes only test files (conventions or relevant_tests), in green anything allowed', async () => {
    const red = tools('red');
    expect(
      (await red.execute('write_file', JSON.stringify({ path: 'src/x.ts', content: 'x' }))).content,
    ).toMatch(/phase RED allows only test files/);
    expect(
      (await red.execute('write_file', JSON.stringify({ path: 'test/x.test.mjs', content: 'x' }))).ok,
    ).toBe(true);
    expect(
      (await red.execute('write_file', JSON.stringify({ path: 'checks/behaviour.mjs', content: 'x' }))).ok,
    ).toBe(true);
    expect(red.redTestFiles).toEqual(new Set(['test/x.test.mjs', 'checks/behaviour.mjs']));
    const green = tools('green');
    expect(
      (await green.execute('write_file', JSON.stringify({ path: 'src/deep/new/x.ts', content: 'x\n' })))
        .content,
    ).toBe('created src/deep/new/x.ts (1 lines)');
  });

  it('a failing lint run does not prove red; a failing test run does', async () => {
    const red = tools('red');
    const failing = "import { it } from 'node:test';\nit('f', () => {\n  throw new Error('no');\n});\n";
    await red.execute('write_file', JSON.stringify({ path: 'test/fail.test.mjs', content: failing }));
    const lint = await red.execute('run_tests', JSON.stringify({ command: 'lint' }));
    expect(lint.content).toMatch(/only a failing run of the test commands/);
    expect(red.phase).toBe('red');
    const run = await red.execute('run_tests', '{}');
    expect(run.phaseChange).toMatchObject({ from: 'red', to: 'green' });
    expect(red.redProof?.testFiles).toEqual(['test/fail.test.mjs']);
  });

  it('knows test files by the Validator conventions', () => {
    for (const p of [
      'tests/test_auth.py',
      'pkg/foo_test.go',
      'src/a.test.ts',
      'web/x.spec.js',
      'src/test/java/FooTest.java',
      'app/conftest.py',
    ]) {
      expect(isTestPath(p)).toBe(true);
    }
    for (const p of ['src/auth.py', 'src/testing.ts', 'README.md']) expect(isTestPath(p)).toBe(false);
  });
});
