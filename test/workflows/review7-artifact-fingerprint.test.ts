/**
 * An artifact of a workflow run can be deleted and uploaded again under its name by any job of the run
 * that holds the runner's token, and the code and validate jobs run model-written code that can read
 * it (as can other tasks' jobs of a parallel milestone, which share the run). So each job of the
 * assembly line hands on the sha256 of its bundle's manifest.json as a job output, and the next job
 * refuses a downloaded bundle whose manifest differs. The scripts are taken from the workflow and run
 * with bash, as the runner runs them.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { sha256 } from '../../src/util/fs.js';
import { readRepoFile } from './support.js';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  outputs?: Record<string, string>;
  steps: Step[];
}

const jobs = (parseYaml(readRepoFile('.github/workflows/assembly-line.yml')) as { jobs: Record<string, Job> })
  .jobs;
const STATIONS: Record<string, string> = {
  bundle: '$/actions/bundle',
  security: '$/actions/security',
  code: '$/actions/code',
  validate: '$/actions/validate',
  complete: '$/actions/complete',
  'complete-pr': '$/actions/complete',
};

const scratch = mkdtempSync(join(tmpdir(), 'guardian-fingerprint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs a `run:` script as the runner does for `shell: bash`, in `cwd`, with `env`. */
function runScript(script: string, cwd: string, env: Record<string, string>) {
  const file = join(cwd, '..', `script-${Math.random().toString(36).slice(2)}.sh`);
  writeFileSync(file, script);
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  rmSync(file);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A workspace with a bundle for TASK-042 (and the same bundle as the security job's, under RUNNER_TEMP). */
function workspace(): { ws: string; temp: string; manifest: string; output: string } {
  const base = mkdtempSync(join(scratch, 'job-'));
  const ws = join(base, 'work');
  const temp = join(base, 'temp');
  const manifest = '{"schemaVersion":1,"taskId":"TASK-042","files":{}}\n';
  for (const dir of [join(ws, '.guardian/bundles/TASK-042'), join(temp, 'guardian-security/TASK-042')]) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), manifest);
  }
  const output = join(base, 'output');
  writeFileSync(output, '');
  return { ws, temp, manifest, output };
}

/** The check step that follows a job's downloads. */
function checkStep(job: string): Step {
  const steps = jobs[job]!.steps;
  const i = steps.findIndex((s) => s.uses === STATIONS[job]);
  const before = steps.slice(0, i);
  const lastDownload = before.map((s) => s.uses?.startsWith('actions/download-artifact@')).lastIndexOf(true);
  return before[lastDownload + 1]!;
}

describe('assembly-line.yml', () => {
  test.each(['bundle', 'security', 'code', 'validate'])(
    '%s: the fingerprint of its bundle is taken after its station, before the upload, and is a job output',
    (job) => {
      const steps = jobs[job]!.steps;
      const station = steps.findIndex((s) => s.uses === STATIONS[job]);
      const fp = steps.findIndex((s) => s.id === 'fingerprint');
      const upload = steps.findIndex((s) => s.uses?.startsWith('actions/upload-artifact@'));
      expect([station >= 0, fp > station, upload > fp]).toEqual([true, true, true]);
      expect(steps[fp]!.env).toEqual({ TASK_ID: '${{ inputs.task-id }}' });
      expect(jobs[job]!.outputs?.fingerprint).toBe('${{ steps.fingerprint.outputs.fingerprint }}');
    },
  );

  test.each(['security', 'code', 'validate', 'complete', 'complete-pr'])(
    '%s: every bundle it downloads is checked against the fingerprint of the job whose artifact it names, before its station runs',
    (job) => {
      const steps = jobs[job]!.steps;
      const station = steps.findIndex((s) => s.uses === STATIONS[job]);
      const downloads = steps.filter((s) => s.uses?.startsWith('actions/download-artifact@'));
      expect(downloads.length).toBeGreaterThan(0);
      const check = checkStep(job);
      expect(steps.indexOf(check)).toBeLessThan(station);
      const calls = [...check.run!.matchAll(/^check "([^"]+)" "\$([A-Z]+)" ([a-z]+)$/gm)];
      expect(calls.length).toBe(downloads.length);
      for (const d of downloads) {
        const producer = /^\$\{\{ needs\.([a-z]+)\.outputs\.artifact \}\}$/.exec(String(d.with?.name))![1]!;
        const call = calls.find((c) => c[3] === producer)!;
        expect(call).toBeDefined();
        // The variable holds that job's fingerprint, and the path is where the download put the bundle.
        expect(check.env?.[call[2]!]).toBe(`\${{ needs.${producer}.outputs.fingerprint }}`);
        const path = String(d.with?.path)
          .replace('${{ runner.temp }}', '$RUNNER_TEMP')
          .replace('${{ inputs.task-id }}', '$TASK_ID');
        expect(call[1]).toBe(`${path}/manifest.json`);
      }
    },
  );
});

describe('the scripts, run with bash', () => {
  const fingerprint = jobs.bundle!.steps.find((s) => s.id === 'fingerprint')!.run!;

  test('the fingerprint step writes the sha256 of manifest.json as its output', () => {
    const { ws, manifest, output } = workspace();
    const r = runScript(fingerprint, ws, { TASK_ID: 'TASK-042', GITHUB_OUTPUT: output });
    expect(r.code).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(`fingerprint=${sha256(manifest)}\n`);
  });

  test('the fingerprint step fails when the bundle has no manifest.json', () => {
    const { ws, output } = workspace();
    rmSync(join(ws, '.guardian/bundles/TASK-042/manifest.json'));
    const r = runScript(fingerprint, ws, { TASK_ID: 'TASK-042', GITHUB_OUTPUT: output });
    expect(r.code).not.toBe(0);
    expect(readFileSync(output, 'utf8')).toBe('');
  });

  test('validate: both bundles as their jobs uploaded them pass the check', () => {
    const { ws, temp, manifest } = workspace();
    const r = runScript(checkStep('validate').run!, ws, {
      TASK_ID: 'TASK-042',
      RUNNER_TEMP: temp,
      CODED: sha256(manifest),
      REVIEWED: sha256(manifest),
    });
    expect([r.code, r.stdout]).toEqual([0, '']);
  });

  test('validate: a security bundle replaced after the security job (security.json weakened, manifest rehashed) is refused', () => {
    const { ws, temp, manifest } = workspace();
    const replaced = join(temp, 'guardian-security/TASK-042/manifest.json');
    writeFileSync(replaced, manifest.replace('"files":{}', '"files":{"security.json":"0"}'));
    const r = runScript(checkStep('validate').run!, ws, {
      TASK_ID: 'TASK-042',
      RUNNER_TEMP: temp,
      CODED: sha256(manifest),
      REVIEWED: sha256(manifest),
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `::error title=Task Bundle replaced::${replaced} (sha256 ${sha256(readFileSync(replaced))}) is not the manifest.json the security job uploaded (${sha256(manifest)}): its artifact was replaced after that job; this job stops here\n`,
    );
  });

  test('security: a missing manifest, a symbolic link to the right one, or no fingerprint at all is refused', () => {
    const { ws, temp, manifest } = workspace();
    const dir = join(ws, '.guardian/bundles/TASK-042');
    const good = { TASK_ID: 'TASK-042', BUNDLED: sha256(manifest) };
    expect(runScript(checkStep('security').run!, ws, good).code).toBe(0);

    const none = runScript(checkStep('security').run!, ws, { ...good, BUNDLED: '' });
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(
      /^::error title=Task Bundle not fingerprinted::the bundle job recorded no fingerprint/,
    );

    rmSync(join(dir, 'manifest.json'));
    symlinkSync(join(temp, 'guardian-security/TASK-042/manifest.json'), join(dir, 'manifest.json'));
    const link = runScript(checkStep('security').run!, ws, good);
    expect(link.code).toBe(1);
    expect(link.stdout).toContain('(sha256 missing) is not the manifest.json the bundle job uploaded');

    rmSync(join(dir, 'manifest.json'));
    const missing = runScript(checkStep('security').run!, ws, good);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('(sha256 missing)');
  });

  test("code: the security job's bundle is checked where the download put it", () => {
    const { ws, manifest } = workspace();
    const ok = runScript(checkStep('code').run!, ws, { TASK_ID: 'TASK-042', REVIEWED: sha256(manifest) });
    expect(ok.code).toBe(0);
    const bad = runScript(checkStep('code').run!, ws, { TASK_ID: 'TASK-042', REVIEWED: sha256('other') });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('is not the manifest.json the security job uploaded');
  });
});
