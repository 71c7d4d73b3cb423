/**
 * The validate job of the assembly line takes the change from the code job's artifact, which the model's
 * tests could rewrite. The base commit it judges against is the one the Security Consultant's own
 * artifact names (bundled before any model-written code ran), never one the Coder's copy claims.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run as bundle } from '../../src/actions/bundle/main.js';
import { run as security } from '../../src/actions/security/main.js';
import { run as validate } from '../../src/actions/validate/main.js';
import { readManifest, writeBundleFile, writeManifest } from '../../src/bundle/bundle.js';
import { workingTreePatch } from '../../src/git/patch.js';
import type { TempRepo } from '../support/repo.js';
import {
  errorCommands,
  type ActionRun,
  GREETING_QUALITY,
  greetingRepo,
  writeGreetingChange,
} from './harness.js';
import { runSource, STACK } from './hosts-harness.js';

/** The step's failure messages (`core.setFailed`), not the annotations of failing checks. */
const failures = (r: ActionRun) => errorCommands(r).filter((l) => l.startsWith('::error::'));

let shared: { repo: TempRepo; weak: string; base: string; security: string; artifacts: string };
const scratch: string[] = [];

/**
 * A repository whose older commit `weak` checks less than its HEAD `base` (a docs check the change
 * fails), bundled and reviewed at `base`, with the change as the Coder's changes.patch, on a fresh
 * checkout of the base. `security` is the Security Consultant's artifact, downloaded apart as the
 * validate job does.
 */
beforeAll(async () => {
  const repo = greetingRepo();
  const weak = repo.git('rev-parse', 'HEAD');
  repo.write('quality.toml', `${GREETING_QUALITY}docs = "test -f docs/greeting.md"\n`);
  repo.git('commit', '-q', '-am', 'check the docs too');
  const base = repo.git('rev-parse', 'HEAD');
  repo.git('push', '-q', 'origin', 'main');

  const b = await runSource(bundle, { cwd: repo.root, inputs: { 'task-id': 'TASK-900' } });
  expect(errorCommands(b)).toEqual([]);
  expect(b.outputs['base-commit']).toBe(base);
  const s = await runSource(security, { cwd: repo.root, inputs: { 'task-id': 'TASK-900' } });
  expect(errorCommands(s)).toEqual([]);
  const dir = join(repo.root, '.guardian/bundles/TASK-900');
  const artifacts = mkdtempSync(join(tmpdir(), 'guardian-artifacts-'));
  const securityDir = join(artifacts, 'TASK-900');
  cpSync(dir, securityDir, { recursive: true });

  // The code job: the change as changes.patch, the manifest rehashed; then a fresh checkout of the base.
  writeGreetingChange(repo);
  writeBundleFile(dir, 'changes.patch', workingTreePatch(repo.root, base).patch);
  writeManifest(dir, readManifest(dir, 'TASK-900'));
  repo.git('clean', '-qfd', '--', 'src', 'tests');
  shared = { repo, weak, base, security: securityDir, artifacts };
});

afterAll(() => {
  shared?.repo.cleanup();
  if (shared) rmSync(shared.artifacts, { recursive: true, force: true });
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

/** A copy of the shared working tree for one test, and its bundle directory. */
function job(): { root: string; dir: string; git: (...args: string[]) => string } {
  const root = join(mkdtempSync(join(tmpdir(), 'guardian-validate-job-')), 'work');
  scratch.push(dirname(root));
  cpSync(shared.repo.root, root, { recursive: true, verbatimSymlinks: true });
  return {
    root,
    dir: join(root, '.guardian/bundles/TASK-900'),
    git: (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim(),
  };
}

test("a Coder's bundle naming another base than the Security Consultant's is refused, not judged there", async () => {
  const { weak, base, security } = shared;
  const { root, dir } = job();
  const inputs = { 'task-id': 'TASK-900', 'security-bundle': security, 'fail-on-fail': 'false' };

  // Control: judged against the base, the change fails the docs check.
  const honest = await runSource(validate, { cwd: root, inputs });
  expect(failures(honest)).toEqual([]);
  expect(honest.outputs.verdict).toBe('fail');
  expect(honest.outputs['failed-checks']).toBe('docs');

  // The model's tests rewrote the manifest (hashes recomputed) to name the older, weaker commit.
  writeManifest(dir, { ...readManifest(dir, 'TASK-900'), baseCommit: weak });
  const r = await runSource(validate, { cwd: root, inputs });
  expect(r.code).toBe(1);
  expect(failures(r)).toEqual([
    `::error::the Task Bundle at ${dir} names the base commit ${weak.slice(0, 12)} (manifest.json \`baseCommit\`), but the Security Consultant's Task Bundle at ${security} names ${base.slice(0, 12)}: refusing to judge the change against a base the Bundler did not choose`,
  ]);
  expect(r.stdout).not.toMatch(STACK);
  expect(r.outputs.verdict).toBeUndefined();
  expect(r.outputs['patch-sha256']).toBeUndefined();
});

test("a Coder's artifact without a manifest is judged against the Security Consultant's base, not HEAD", async () => {
  const { weak, security } = shared;
  const { root, dir, git } = job();
  // The job checked out another commit than the bundle's; the artifact lost its manifest.
  rmSync(join(dir, 'manifest.json'));
  git('checkout', '-q', weak);
  const r = await runSource(validate, {
    cwd: root,
    inputs: { 'task-id': 'TASK-900', 'security-bundle': security, 'fail-on-fail': 'false' },
  });
  expect(r.stdout).not.toMatch(STACK);
  expect(r.outputs.verdict).toBe('fail');
  expect(r.outputs['failed-checks']).toBe('docs');
});
