/** `guardian init`: scaffolding a repository without overwriting anything; workflows that validate. */
import { afterEach, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { guessStack, initRepository } from '../../src/cli/commands/init.js';
import { parseQualityToml } from '../../src/spec/index.js';
import { runCli } from '../support/cli.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import {
  languageServiceProblems,
  formatFindings,
  formatProblems,
  lintWorkflow,
  workflowParserProblems,
} from '../workflows/support.js';

const dirs: string[] = [];
const repos: TempRepo[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  for (const r of repos.splice(0)) r.cleanup();
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'guardian-init-'));
  dirs.push(root);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  return root;
}

const read = (root: string, rel: string) => readFileSync(join(root, rel), 'utf8');
const checksOf = (root: string) =>
  Object.fromEntries(guessStack(root).checks.map((c) => [c.name, c.command]));

describe('quality.toml guessed from the stack', () => {
  test('Node + TypeScript: package.json scripts first, then the tools that are configured', () => {
    const root = tree({
      'package.json': JSON.stringify({
        scripts: { lint: 'eslint .', test: 'jest' },
        devDependencies: { eslint: '9' },
      }),
      'tsconfig.json': '{}',
      'package-lock.json': '{}',
    });
    expect(checksOf(root)).toEqual({
      lint: 'npm run lint',
      typecheck: 'npx tsc --noEmit',
      tests: 'npm test',
    });
    expect(guessStack(root).setup).toEqual(['npm ci']);
  });

  test('Node without scripts: ESLint config and no placeholder test script', () => {
    const root = tree({
      'package.json': JSON.stringify({ scripts: { test: 'echo "Error: no test specified" && exit 1' } }),
      'eslint.config.js': 'export default [];',
    });
    expect(checksOf(root)).toEqual({ lint: 'npx eslint .' });
  });

  test('Python: black, ruff, mypy and pytest from pyproject.toml', () => {
    const root = tree({
      'pyproject.toml':
        '[tool.black]\nline-length = 88\n[tool.ruff]\n[tool.mypy]\nstrict = true\n[project.optional-dependencies]\ndev = ["pytest>=8"]\n',
      'src/app.py': '',
    });
    expect(checksOf(root)).toEqual({
      format: 'black --check .',
      lint: 'ruff check .',
      types: 'mypy src/',
      tests: 'pytest',
    });
  });

  test('Python from requirements.txt', () => {
    const root = tree({ 'requirements.txt': 'flask\npytest==8.0\nmypy\n', 'tests/test_x.py': '' });
    expect(checksOf(root)).toEqual({ types: 'mypy .', tests: 'pytest' });
    expect(guessStack(root).setup).toEqual(['pip install -r requirements.txt']);
  });

  test('Go and Rust', () => {
    expect(checksOf(tree({ 'go.mod': 'module x\n' }))).toEqual({
      format: 'test -z "$(gofmt -l .)"',
      vet: 'go vet ./...',
      tests: 'go test ./...',
    });
    expect(checksOf(tree({ 'Cargo.toml': '[package]\nname = "x"\n' }))).toEqual({
      format: 'cargo fmt --check',
      clippy: 'cargo clippy --all-targets -- -D warnings',
      tests: 'cargo test',
    });
  });

  test('two stacks with the same check name get a prefix each', () => {
    const root = tree({ 'go.mod': 'module x\n', 'Cargo.toml': '[package]\n' });
    expect(Object.keys(checksOf(root))).toEqual([
      'go_format',
      'vet',
      'go_tests',
      'rust_format',
      'clippy',
      'rust_tests',
    ]);
  });

  test('every generated quality.toml is one Guardian accepts', () => {
    const cases: Record<string, string>[] = [
      { 'go.mod': '' },
      { 'pyproject.toml': '[tool.black]\n' },
      {},
      { 'package.json': '{}' },
    ];
    for (const files of cases) {
      const root = tree(files);
      initRepository(root);
      const r = parseQualityToml(read(root, 'quality.toml'));
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(r.config!.checks.length).toBeGreaterThan(0);
    }
  });
});

describe('guardian init', () => {
  test('scaffolds an empty repository', async () => {
    const root = tree({ 'go.mod': 'module x\n' });
    const r = await runCli(['init', '--repository', 'octo/guardian', '--ref', 'v1'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('stack: go');
    for (const p of [
      'specs/README.md',
      'specs/tasks/.gitkeep',
      'specs/milestones/.gitkeep',
      'quality.toml',
      '.github/workflows/guardian.yml',
      '.github/workflows/guardian-milestone.yml',
    ]) {
      expect([p, existsSync(join(root, p))]).toEqual([p, true]);
    }
    expect(read(root, '.gitignore')).toBe("# Guardian's Task Bundles and caches\n.guardian/\n");
    expect(read(root, '.github/workflows/guardian.yml')).toContain(
      'uses: octo/guardian/.github/workflows/assembly-line.yml@v1',
    );
    expect(r.stdout).not.toContain('OWNER');
  });

  test('never overwrites: existing files are reported as skipped and left byte for byte', async () => {
    const repo = makeRepo('python-flask-users');
    repos.push(repo);
    const before = read(repo.root, 'quality.toml');
    const gitignoreBefore = read(repo.root, '.gitignore');
    const r = await runCli(['init', '--json'], { cwd: repo.root });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.created).toEqual([
      'specs/README.md',
      '.github/workflows/guardian.yml',
      '.github/workflows/guardian-milestone.yml',
    ]);
    expect(out.skipped).toEqual(
      expect.arrayContaining([
        { path: 'quality.toml', reason: 'exists (not overwritten)' },
        { path: 'specs/tasks/', reason: 'exists' },
        { path: 'specs/milestones/', reason: 'exists' },
      ]),
    );
    expect(read(repo.root, 'quality.toml')).toBe(before);
    if (/^\.guardian\/?$/m.test(gitignoreBefore)) expect(read(repo.root, '.gitignore')).toBe(gitignoreBefore);
    else
      expect(read(repo.root, '.gitignore')).toBe(
        `${gitignoreBefore}${gitignoreBefore.endsWith('\n') ? '' : '\n'}# Guardian's Task Bundles and caches\n.guardian/\n`,
      );
    // The milestone workflow runs the repository's own milestone.
    expect(read(repo.root, '.github/workflows/guardian-milestone.yml')).toContain(
      "inputs.milestone || 'MVP'",
    );
    expect(out.notes[0]).toMatch(/replace OWNER/);

    const again = JSON.parse((await runCli(['init', '--json'], { cwd: repo.root })).stdout);
    expect(again.created).toEqual([]);
    expect(again.appended).toEqual([]);
  });

  test('--dry-run writes nothing', async () => {
    const root = tree({ 'Cargo.toml': '[package]\n' });
    const r = await runCli(['init', '--dry-run'], { cwd: root });
    expect(r.stdout).toContain('would create quality.toml');
    expect(existsSync(join(root, 'quality.toml'))).toBe(false);
    expect(existsSync(join(root, '.gitignore'))).toBe(false);
  });

  test('a bad --repository is a usage error', async () => {
    const r = await runCli(['init', '--repository', 'not a repo'], { cwd: tree({}) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--repository "not a repo": expected owner/name');
  });

  test("the caller workflows validate against this repository's reusable workflows (inputs and secrets)", async () => {
    const root = tree({ 'package.json': '{}' });
    initRepository(root, { repository: 'octo/guardian', ref: 'v1' });
    for (const rel of ['.github/workflows/guardian.yml', '.github/workflows/guardian-milestone.yml']) {
      const text = read(root, rel);
      expect(formatProblems(await workflowParserProblems(rel, text))).toBe('');
      expect(formatProblems(await languageServiceProblems(rel, text))).toBe('');
      expect(formatFindings((await lintWorkflow(rel, text)).kept)).toBe('');
    }
  });
});
