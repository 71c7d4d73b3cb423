import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  statSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { indexRepository, searchRepository } from '../../src/search/index.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { makeShopRepo } from './support.js';

const paths = (r: { files: { path: string }[] }) => r.files.map((f) => f.path);

/** Every path under a folder. */
const walk = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((p) => join(dir, p));

describe('searchRepository: ranking', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeShopRepo();
  });
  afterAll(() => repo.cleanup());

  it('finds the file a task is about, source before its test, with its best symbol', async () => {
    const res = await searchRepository({
      root: repo.root,
      query: 'The PDF invoice should show the invoice number at the top',
    });
    expect(res.files[0]!.path).toBe('src/shop/invoice.py');
    expect(res.files[0]!.isTest).toBe(false);
    expect(res.files[0]!.reasons.some((r) => r.startsWith('lexical:'))).toBe(true);
    const syms = res.files[0]!.symbols.map((s) => s.name);
    expect(syms).toContain('InvoiceRenderer.invoice_number');
    const method = res.files[0]!.symbols.find((s) => s.name === 'InvoiceRenderer.invoice_number')!;
    expect(method.kind).toBe('method');
    expect(method.startLine).toBe(14);
    expect(method.endLine).toBe(15);
    const test = paths(res).indexOf('tests/test_invoice.py');
    expect(test).toBeGreaterThan(0);
  });

  it('uses past commit messages: a word only the history knows finds the file', async () => {
    // "Stripe" appears in no file, only in the messages of commits that changed payments.py.
    const res = await searchRepository({ root: repo.root, query: 'Stripe declines should be retried' });
    expect(res.files[0]!.path).toBe('src/shop/payments.py');
    expect(res.files[0]!.reasons.join('\n')).toMatch(/history: like past commit [0-9a-f]+ "Stripe/);
  });

  it('boosts what the relevant tests import and the files the blueprint names', async () => {
    const res = await searchRepository({
      root: repo.root,
      query: 'make it faster',
      hints: { relevantTests: ['tests/test_cart.py'], files: ['web/src/util/money.ts'] },
    });
    expect(paths(res).slice(0, 2).sort()).toEqual(['src/shop/cart.py', 'web/src/util/money.ts']);
    const cart = res.files.find((f) => f.path === 'src/shop/cart.py')!;
    expect(cart.reasons).toContain('imported by tests/test_cart.py');
    expect(res.files.find((f) => f.path === 'web/src/util/money.ts')!.reasons).toContain(
      'named in blueprint',
    );
    const test = res.files.find((f) => f.path === 'tests/test_cart.py')!;
    expect(test.isTest).toBe(true);
  });

  it('names a missing relevant test in a note instead of failing', async () => {
    const res = await searchRepository({
      root: repo.root,
      query: 'cart total',
      hints: { relevantTests: ['tests/test_gone.py'] },
    });
    expect(res.notes.join('\n')).toContain('relevant test tests/test_gone.py is not in the repository index');
    expect(res.files[0]!.path).toBe('src/shop/cart.py');
  });

  it('follows identifiers: camelCase in the task matches split terms and the defining file', async () => {
    const res = await searchRepository({ root: repo.root, query: 'formatMoney rounds negative cents wrong' });
    expect(res.files[0]!.path).toBe('web/src/util/money.ts');
    expect(res.files[0]!.reasons).toContain('defines `formatmoney` named in the task');
    // The importer comes next, through the import graph and the shared term.
    expect(paths(res).slice(0, 3)).toContain('web/src/api/client.ts');
  });

  it('keeps tests first when the task is about tests', async () => {
    const res = await searchRepository({ root: repo.root, query: 'Flaky test: test_total for the cart' });
    expect(paths(res).slice(0, 2)).toContain('tests/test_cart.py');
  });

  it('lends a share of the evidence to the files that import the strongest candidate', async () => {
    const res = await searchRepository({ root: repo.root, query: 'Cart items with a total', top: 20 });
    expect(paths(res)[0]).toBe('src/shop/cart.py');
    const invoice = res.files.find((f) => f.path === 'src/shop/invoice.py')!;
    expect(invoice.reasons).toContain('imports src/shop/cart.py');
    const off = await searchRepository({
      root: repo.root,
      query: 'Cart items with a total',
      top: 20,
      weights: { importedBy: 0 },
    });
    const before = off.files.find((f) => f.path === 'src/shop/invoice.py');
    expect(invoice.score).toBeGreaterThan(before?.score ?? 0);
  });

  it('keeps documents below code unless the task names them', async () => {
    const res = await searchRepository({
      root: repo.root,
      query: 'Invoices, carts, payments and more',
      top: 20,
    });
    const got = paths(res);
    expect(got).toContain('README.md');
    for (const src of ['src/shop/invoice.py', 'src/shop/cart.py', 'src/shop/payments.py'])
      expect(got.indexOf(src)).toBeLessThan(got.indexOf('README.md'));
    const named = await searchRepository({ root: repo.root, query: 'README.md: say more about payments' });
    const at = paths(named).indexOf('README.md');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at).toBeLessThan(got.indexOf('README.md'));
    expect(at).toBeLessThan(3);
  });

  it('rejects an empty query and a bad top', async () => {
    await expect(searchRepository({ root: repo.root, query: '  ' })).rejects.toThrow('query is empty');
    await expect(searchRepository({ root: repo.root, query: 'cart', top: 0 })).rejects.toThrow(
      'top must be a positive integer',
    );
  });
});

describe('searchRepository: benchmark and example code', () => {
  it('ranks benchmarks like tests and never pairs a test with a benchmark of the same name', async () => {
    const repo = makeRepo(undefined, {
      files: {
        'src/strings.ts': 'export function trimWhitespace(s: string): string {\n  return s.trim();\n}\n',
        'bench/strings.ts':
          "import { trimWhitespace } from '../src/strings';\nfor (let i = 0; i < 1e6; i++) trimWhitespace('  whitespace trim  ');\n",
        'test/strings.test.ts':
          "import { trimWhitespace } from '../src/strings';\ntest('trims whitespace', () => expect(trimWhitespace(' a ')).toBe('a'));\n",
      },
    });
    try {
      const res = await searchRepository({ root: repo.root, query: 'Trim whitespace in strings', top: 10 });
      const got = paths(res);
      expect(got[0]).toBe('src/strings.ts');
      expect(got.indexOf('bench/strings.ts')).toBeGreaterThan(got.indexOf('src/strings.ts'));
      const bench = res.files.find((f) => f.path === 'bench/strings.ts');
      expect(bench?.reasons.join('\n') ?? '').not.toContain('paired with test');
      expect(res.files[0]!.reasons.join('\n')).toContain('paired with test test/strings.test.ts');
      // A task about speed keeps the benchmark among the sources.
      const speed = await searchRepository({
        root: repo.root,
        query: 'Speed up whitespace trimming',
        top: 10,
      });
      const benchSpeed = speed.files.find((f) => f.path === 'bench/strings.ts')!;
      expect(benchSpeed.score).toBeGreaterThan(bench!.score);
    } finally {
      repo.cleanup();
    }
  });
});

describe('searchRepository: the on-disk cache', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeShopRepo();
  });
  afterAll(() => repo.cleanup());

  it('reads only what changed on a warm run', async () => {
    const cold = await searchRepository({ root: repo.root, query: 'cart total' });
    expect(cold.stats.readFiles).toBe(cold.stats.indexedFiles);
    expect(cold.stats.reusedFromCache).toBe(0);
    expect(existsSync(join(repo.root, '.guardian', 'index', 'blobs.json'))).toBe(true);

    const warm = await searchRepository({ root: repo.root, query: 'cart total' });
    expect(warm.stats.readFiles).toBe(0);
    expect(warm.stats.reusedFromCache).toBe(cold.stats.indexedFiles);
    expect(warm.stats.parsedFiles).toBe(0);
    expect(paths(warm)).toEqual(paths(cold));

    // One modified file, one new untracked file: exactly those two are read.
    repo.write(
      'src/shop/cart.py',
      `${readFileSync(join(repo.root, 'src/shop/cart.py'), 'utf8')}\n\ndef discount_total(cart):\n    return 0\n`,
    );
    repo.write('src/shop/shipping.py', 'def shipping_quote(weight):\n    return weight * 2\n');
    // Dated a minute back: a file read within a clock tick of its write is rightly read again next time
    // (statSettled), which would make the last step below depend on how fast this step runs.
    const past = new Date(Date.now() - 60_000);
    for (const p of ['src/shop/cart.py', 'src/shop/shipping.py']) utimesSync(join(repo.root, p), past, past);
    const changed = await searchRepository({ root: repo.root, query: 'shipping quote for a discount total' });
    expect(changed.stats.readFiles).toBe(2);
    expect(changed.stats.indexedFiles).toBe(cold.stats.indexedFiles + 1);
    expect(paths(changed).slice(0, 2).sort()).toEqual(['src/shop/cart.py', 'src/shop/shipping.py']);

    // A deleted file leaves the index (and the ranking) without a read.
    rmSync(join(repo.root, 'src/shop/shipping.py'));
    const removed = await searchRepository({ root: repo.root, query: 'shipping quote' });
    expect(removed.stats.readFiles).toBe(0);
    expect(paths(removed)).not.toContain('src/shop/shipping.py');
  });

  it('sees a same-size edit git was not told about, and a new commit in the history', async () => {
    const cacheDir = join(repo.root, '..', 'cache-edits');
    await searchRepository({ root: repo.root, query: 'invoice', cacheDir });
    const file = join(repo.root, 'src/shop/invoice.py');
    const before = readFileSync(file, 'utf8');
    // Same length, different content and a later mtime: the stat cache must not vouch for it.
    const after = before.replace('invoice_number', 'quetzalcoatl_x');
    expect(after.length).toBe(before.length);
    writeFileSync(file, after);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const edited = await searchRepository({ root: repo.root, query: 'quetzalcoatl', cacheDir });
    expect(edited.stats.readFiles).toBe(1);
    expect(paths(edited)[0]).toBe('src/shop/invoice.py');
    writeFileSync(file, before);

    // A commit whose message alone names a file: the history is read again for the new HEAD.
    repo.write('src/shop/cart.py', `${readFileSync(join(repo.root, 'src/shop/cart.py'), 'utf8')}\n# tidy\n`);
    repo.git('commit', '-q', '-am', 'Quokkafication of the basket arithmetic');
    const res = await searchRepository({ root: repo.root, query: 'more quokkafication', cacheDir });
    expect(res.stats.historyCommits).toBe(5);
    expect(paths(res)[0]).toBe('src/shop/cart.py');
    expect(res.files[0]!.reasons.join('\n')).toMatch(/history: like past commit .* "Quokkafication/);
  });

  it('rebuilds a corrupted cache with a note, never crashing', async () => {
    const dir = join(repo.root, '.guardian', 'index');
    await searchRepository({ root: repo.root, query: 'invoice' });
    for (const f of [
      'blobs.json',
      'terms.json',
      'lexical.tix',
      'history.json',
      'commits.tix',
      'chunks.json',
    ]) {
      writeFileSync(join(dir, f), '{"version": 4, "entries": [1, 2');
    }
    const res = await searchRepository({ root: repo.root, query: 'invoice pdf' });
    expect(res.files[0]!.path).toBe('src/shop/invoice.py');
    expect(res.notes.join('\n')).toMatch(/cache at .*blobs\.json is unreadable .*rebuilt/);
    expect(res.stats.readFiles).toBe(res.stats.indexedFiles);
    // Well-formed JSON of the wrong shape is not trusted either.
    writeFileSync(join(dir, 'blobs.json'), JSON.stringify({ version: 5, entries: { abc: 'not a record' } }));
    writeFileSync(
      join(dir, 'terms.json'),
      JSON.stringify({ version: 5, entries: { abc: ['not', 'a string'] } }),
    );
    writeFileSync(join(dir, 'lexical.tix'), `${JSON.stringify({ format: 1, documentIds: 'nonsense' })}\n`);
    writeFileSync(join(dir, 'history.json'), JSON.stringify({ version: 4, commits: [['x', 'y', [99]]] }));
    const again = await searchRepository({ root: repo.root, query: 'invoice pdf' });
    expect(again.files[0]!.path).toBe('src/shop/invoice.py');
  });

  it('honours a custom cache folder and indexRepository alone', async () => {
    const cacheDir = join(repo.root, '..', 'elsewhere');
    const idx = await indexRepository({ root: repo.root, cacheDir });
    expect(idx.files.has('src/shop/invoice.py')).toBe(true);
    expect(idx.history.commits.length).toBe(5);
    expect(existsSync(join(cacheDir, 'lexical.tix'))).toBe(true);
  });
});

describe('searchRepository: evidence from the history', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeShopRepo();
  });
  afterAll(() => repo.cleanup());

  it('quotes a past commit subject cut between words, never half a word (half a token escapes the secret scan)', async () => {
    const cacheDir = join(repo.root, '..', 'cache-subject');
    const lead = 'Wombatification of the basket arithmetic, and the deploy key moved to ';
    const token = `ghp_${'r1gDn5NNlEXJZ4SATkLrImKhQx7PaW2e9bUc'}`;
    // The 80th character falls inside the token.
    expect(lead.length).toBeLessThan(80);
    expect(lead.length + token.length).toBeGreaterThan(80);
    repo.write('src/shop/cart.py', `${readFileSync(join(repo.root, 'src/shop/cart.py'), 'utf8')}\n# more\n`);
    repo.git('commit', '-q', '-am', `${lead}${token}`);
    const res = await searchRepository({ root: repo.root, query: 'wombatification basket', cacheDir });
    const reasons = res.files.flatMap((f) => f.reasons).join('\n');
    expect(reasons).toContain('"Wombatification of the basket arithmetic, and the deploy key moved to…"');
    expect(reasons).not.toContain('ghp_');
  });
});

describe('searchRepository: bad input', () => {
  it('indexes nothing useful in a repository without source files, with a note', async () => {
    const repo = makeRepo(undefined, {
      files: { 'logo.png': '\x89PNG\r\n\x1a\n\0\0', 'package-lock.json': '{}' },
    });
    try {
      const res = await searchRepository({ root: repo.root, query: 'anything at all' });
      expect(res.files).toEqual([]);
      expect(res.notes).toContain('no source files to index');
    } finally {
      repo.cleanup();
    }
  });

  it('skips binary, huge, minified, generated, vendored and lock files; survives invalid UTF-8, symlinks and deleted files', async () => {
    const outside = join(tmpdir(), `guardian-outside-${process.pid}.py`);
    writeFileSync(outside, 'def secret_outside():\n    pass\n');
    const repo = makeRepo(undefined, {
      files: {
        'app/main.py': 'def handle_request(req):\n    return route(req)\n',
        'app/blob.py': 'x = 1\n\0\0\0binary after all\n',
        'app/huge.py': `# huge\n${'value = 1\n'.repeat(70_000)}`,
        'app/bundle.js': `var a=1;${'function x(){return 1};'.repeat(200)}\n`,
        'app/schema_pb2.py': 'DESCRIPTOR = 1\n',
        'app/gen.py': '# @generated by a tool\nrequest_handler = 1\n',
        'node_modules/lib/index.js': 'export function handle_request() {}\n',
        'vendor/x/y.go': 'package y\nfunc HandleRequest() {}\n',
        'yarn.lock': 'handle_request@1\n',
        'app/latin1.py': '',
        'app/gone.py': 'def handle_request_gone():\n    pass\n',
      },
    });
    try {
      writeFileSync(
        join(repo.root, 'app/latin1.py'),
        Buffer.from([
          0x23, 0x20, 0xe9, 0x74, 0xe9, 0x0a, 0x64, 0x65, 0x66, 0x20, 0x72, 0x65, 0x71, 0x75, 0x65, 0x73,
          0x74, 0x5f, 0x63, 0x61, 0x66, 0x65, 0x28, 0x29, 0x3a, 0x20, 0x70, 0x61, 0x73, 0x73, 0x0a,
        ]),
      );
      symlinkSync(outside, join(repo.root, 'app/outside.py'));
      symlinkSync('main.py', join(repo.root, 'app/alias.py'));
      repo.git('add', '-A');
      repo.git('commit', '-q', '-m', 'more files');
      rmSync(join(repo.root, 'app/gone.py'));
      let unreadable: string | undefined;
      if (process.getuid?.() !== 0) {
        unreadable = 'app/locked.py';
        repo.write(unreadable, 'def locked():\n    pass\n');
        chmodSync(join(repo.root, unreadable), 0o000);
      }
      const res = await searchRepository({ root: repo.root, query: 'handle request', top: 20 });
      const got = paths(res);
      expect(got[0]).toBe('app/main.py');
      for (const p of [
        'app/blob.py',
        'app/huge.py',
        'app/bundle.js',
        'app/schema_pb2.py',
        'app/gen.py',
        'node_modules/lib/index.js',
        'vendor/x/y.go',
        'yarn.lock',
        'app/outside.py',
        'app/alias.py',
        'app/gone.py',
      ]) {
        expect(got).not.toContain(p);
      }
      expect(got).toContain('app/latin1.py');
      const notes = res.notes.join('\n');
      expect(notes).toContain('binary content');
      expect(notes).toMatch(/larger than 512 KiB.*app\/huge\.py/);
      expect(notes).toMatch(/minified \(very long lines\).*app\/bundle\.js/);
      expect(notes).toMatch(/generated file \(header says so\).*app\/gen\.py/);
      expect(notes).toMatch(/symlink pointing outside the repository \(not followed\).*app\/outside\.py/);
      expect(notes).toMatch(/invalid UTF-8.*app\/latin1\.py/);
      expect(notes).toMatch(/cannot stat.*app\/gone\.py/);
      if (unreadable) expect(notes).toMatch(/unreadable.*app\/locked\.py/);
      expect(res.stats.skippedFiles).toBeGreaterThanOrEqual(11);
    } finally {
      rmSync(outside, { force: true });
      repo.cleanup();
    }
  });

  it('skips a file it may not read, with a note (run as an unprivileged user when the tests run as root)', async () => {
    // Root reads every file, so as root the search runs in a child process as `nobody`, through the CLI
    // bundle, over a repository that user owns; otherwise in this process.
    const repo = makeRepo(undefined, {
      files: {
        'app/main.py': 'def handle_request(req):\n    return req\n',
        'app/locked.py': 'def handle_request_locked():\n    pass\n',
      },
    });
    const runner = mkdtempSync(join(tmpdir(), 'guardian-nobody-'));
    try {
      chmodSync(join(repo.root, 'app/locked.py'), 0o000);
      let out: { files: { path: string }[]; notes: string[] };
      if (process.getuid?.() === 0) {
        const base = dirname(repo.root);
        for (const p of [base, ...walk(base)]) chownSync(p, 65534, 65534);
        for (const d of ['cli', 'tree-sitter'])
          cpSync(join(process.cwd(), 'dist', d), join(runner, d), { recursive: true });
        writeFileSync(
          join(runner, 'run.mjs'),
          "import { main } from './cli/index.js';\nprocess.exitCode = await main(process.argv.slice(2));\n",
        );
        for (const p of [runner, ...walk(runner)]) chmodSync(p, statSync(p).isDirectory() ? 0o755 : 0o644);
        const r = spawnSync(
          process.execPath,
          [join(runner, 'run.mjs'), 'search', '--root', repo.root, '--query', 'handle request', '--json'],
          { uid: 65534, gid: 65534, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: base } },
        );
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        out = JSON.parse(r.stdout) as typeof out;
      } else {
        out = await searchRepository({ root: repo.root, query: 'handle request' });
      }
      expect(paths(out)).toEqual(['app/main.py']);
      expect(out.notes.join('\n')).toMatch(/unreadable.*app\/locked\.py/);
    } finally {
      rmSync(runner, { recursive: true, force: true });
      repo.cleanup();
    }
  });

  it('works outside git, honouring .gitignore', async () => {
    const dir = join(tmpdir(), `guardian-nogit-${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'lib'), { recursive: true });
    mkdirSync(join(dir, 'ignored'), { recursive: true });
    writeFileSync(join(dir, '.gitignore'), 'ignored/\n*.tmp.py\n');
    writeFileSync(join(dir, 'lib', 'parser.py'), 'def parse_config(text):\n    return {}\n');
    writeFileSync(join(dir, 'lib', 'scratch.tmp.py'), 'def parse_config_scratch():\n    pass\n');
    writeFileSync(join(dir, 'ignored', 'parser.py'), 'def parse_config():\n    pass\n');
    try {
      const res = await searchRepository({ root: dir, query: 'parse config', cacheDir: join(dir, '.cache') });
      expect(paths(res)).toEqual(['lib/parser.py']);
      expect(res.notes.join('\n')).toContain('not a git repository');
      expect(res.stats.historyCommits).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("outside git, lists the folder as git would: nested .gitignore files, negations, a long .gitignore's last line, vendored folders and nested repositories", async () => {
    const dir = join(tmpdir(), `guardian-nogit2-${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    for (const d of ['lib/gen', 'node_modules/pkg', 'other', 'deep/a/b'])
      mkdirSync(join(dir, d), { recursive: true });
    const body = 'def parse_config(text):\n    return {}\n';
    // 20,000 patterns that match nothing, then the one that does.
    writeFileSync(
      join(dir, '.gitignore'),
      `${Array.from({ length: 20_000 }, (_, i) => `nomatch${i}/`).join('\n')}\n*.gen.py\n`,
    );
    writeFileSync(join(dir, 'lib', '.gitignore'), 'gen/*\n!gen/kept.py\n');
    writeFileSync(join(dir, 'deep', '.gitignore'), '/a/b/\n');
    for (const f of [
      'lib/parser.py',
      'lib/x.gen.py',
      'lib/gen/dropped.py',
      'lib/gen/kept.py',
      'node_modules/pkg/config.py',
      'other/config.py',
      'deep/a/b/config.py',
      'deep/a/config.py',
    ])
      writeFileSync(join(dir, f), body);
    expect(spawnSync('git', ['init', '-q', join(dir, 'other')]).status).toBe(0);
    try {
      const res = await searchRepository({ root: dir, query: 'parse config', cacheDir: join(dir, '.cache') });
      expect(paths(res).sort()).toEqual(['deep/a/config.py', 'lib/gen/kept.py', 'lib/parser.py']);
      expect(res.notes.join('\n')).toContain('skipped other/: a nested git repository');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
