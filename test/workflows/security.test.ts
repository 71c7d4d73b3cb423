/**
 * The security properties of the workflows, read from the YAML (see README "Trust boundaries"):
 * least privilege per job, only `complete` writes, the model key only where a model runs, no
 * expressions in shell scripts, pinned third-party actions, validated task ids, artifacts that carry
 * the task id and run attempt, and every action on node24.
 */
import { describe, expect, test } from '@jest/globals';
import { parseDocument, isMap, isSeq, visit, isScalar, isPair, type Document } from 'yaml';
import { parse as parseYaml } from 'yaml';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { actionFiles, PROJECT_ROOT, readRepoFile, workflowFiles } from './support.js';

type Json = Record<string, unknown>;
interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string> | string;
  steps?: Step[];
  uses?: string;
  with?: Json;
  secrets?: Json;
  needs?: string | string[];
  outputs?: Record<string, string>;
  'timeout-minutes'?: number | string;
  if?: string;
}
interface Workflow {
  on: Json;
  permissions?: unknown;
  concurrency?: { group: string };
  jobs: Record<string, Job>;
}

const load = (rel: string) => parseYaml(readRepoFile(rel)) as Workflow;
const workflows = Object.fromEntries(workflowFiles().map((f) => [f, load(f)]));
const line = workflows['.github/workflows/assembly-line.yml']!;
const milestone = workflows['.github/workflows/milestone.yml']!;

const WRITERS = ['complete', 'complete-pr'];
const MODEL_JOBS = ['security', 'code'];
const PIN = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/[^@\s]+)?@[0-9a-f]{40}$/;

/** Every `uses:` value in a YAML text, with its line's trailing comment. */
function usesWithComments(text: string): { uses: string; comment: string; line: number }[] {
  const out: { uses: string; comment: string; line: number }[] = [];
  text.split('\n').forEach((l, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*(\S+)\s*(?:#\s*(.*))?$/.exec(l);
    if (m) out.push({ uses: m[1]!, comment: m[2] ?? '', line: i + 1 });
  });
  return out;
}

/** Every `run:` script in a parsed document (workflow steps and composite action steps). */
function runScripts(doc: Document): string[] {
  const out: string[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === 'run' && isScalar(pair.value)) {
        out.push(String(pair.value.value));
      }
    },
  });
  return out;
}

const secretsIn = (v: unknown) => JSON.stringify(v ?? null).match(/secrets\.[A-Za-z0-9_-]+/g) ?? [];

describe.each(Object.keys(workflows))('%s', (rel) => {
  const wf = workflows[rel]!;
  const text = readRepoFile(rel);

  test('no risky triggers (pull_request_target, workflow_run, issue_comment)', () => {
    const events = typeof wf.on === 'string' ? [wf.on] : Array.isArray(wf.on) ? wf.on : Object.keys(wf.on);
    for (const e of ['pull_request_target', 'workflow_run', 'issue_comment']) expect(events).not.toContain(e);
  });

  test('permissions: {} at the top and explicit permissions on every job', () => {
    expect(wf.permissions).toEqual({});
    for (const [id, job] of Object.entries(wf.jobs)) {
      expect([id, typeof job.permissions]).toEqual([id, 'object']);
    }
  });

  test('no ${{ }} expression inside any run: script', () => {
    const doc = parseDocument(text);
    for (const script of runScripts(doc)) expect(script).not.toContain('${{');
  });

  test('every uses: is pinned to a full commit SHA with a version comment, or is local/self', () => {
    for (const u of usesWithComments(text)) {
      if (u.uses.startsWith('$/') || u.uses.startsWith('./')) {
        expect(u.uses).not.toContain('@');
        continue;
      }
      expect([u.line, u.uses]).toEqual([u.line, expect.stringMatching(PIN)]);
      expect([u.line, u.comment]).toEqual([u.line, expect.stringMatching(/^v\d+(\.\d+)*$/)]);
    }
  });

  test('every job that runs steps has a timeout', () => {
    for (const [id, job] of Object.entries(wf.jobs)) {
      if (job.uses) continue; // a reusable workflow call: its own jobs carry the timeouts
      expect([id, typeof job['timeout-minutes']]).toEqual([id, 'number']);
    }
  });

  test('checkout keeps no credentials, except in the job that pushes', () => {
    for (const [id, job] of Object.entries(wf.jobs)) {
      for (const s of job.steps ?? []) {
        if (!s.uses?.startsWith('actions/checkout@')) continue;
        if (rel.endsWith('assembly-line.yml') && WRITERS.includes(id)) {
          expect(s.with?.['persist-credentials']).toBeUndefined();
        } else {
          expect([id, s.with?.['persist-credentials']]).toEqual([id, false]);
        }
      }
    }
  });
});

describe('assembly-line.yml', () => {
  const jobs = line.jobs;

  test('jobs bundle → security → code → validate → complete', () => {
    expect(Object.keys(jobs)).toEqual(['bundle', 'security', 'code', 'validate', 'complete', 'complete-pr']);
    expect(jobs.security!.needs).toEqual('bundle');
    expect(jobs.code!.needs).toEqual(['bundle', 'security']);
    expect(jobs.validate!.needs).toEqual(['bundle', 'security', 'code']);
    expect(jobs.complete!.needs).toEqual(['bundle', 'validate']);
    expect(jobs['complete-pr']!.needs).toEqual(['bundle', 'validate']);
  });

  test('only complete writes: contents, and pull-requests only when opening a PR', () => {
    for (const [id, job] of Object.entries(jobs)) {
      if (id === 'complete') expect(job.permissions).toEqual({ contents: 'write' });
      else if (id === 'complete-pr')
        expect(job.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
      else expect([id, job.permissions]).toEqual([id, { contents: 'read' }]);
    }
    expect(jobs.complete!.if).toMatch(/!inputs\.open-pr/);
    expect(jobs['complete-pr']!.if).toMatch(/inputs\.open-pr/);
  });

  test('the model key reaches only the security and code jobs; validate and complete hold no secret', () => {
    for (const [id, job] of Object.entries(jobs)) {
      const secrets = secretsIn(job);
      const modelKey = secrets.filter((s) => /llm|LLM/.test(s));
      if (MODEL_JOBS.includes(id)) expect(modelKey.length).toBeGreaterThan(0);
      else expect([id, modelKey]).toEqual([id, []]);
      if (id === 'bundle') expect(secrets).toEqual(['secrets.context7-api-key']);
      if (id === 'validate' || WRITERS.includes(id)) expect([id, secrets]).toEqual([id, []]);
    }
  });

  test('the complete jobs run no repository code and no model: only checkout, download, completion', () => {
    for (const id of WRITERS) {
      const steps = jobs[id]!.steps!;
      const kinds = steps.map((s) => s.uses?.replace(/@.*/, '') ?? 'run');
      expect(kinds).toEqual([
        'run',
        'actions/checkout',
        'actions/download-artifact',
        'run',
        '$/actions/complete',
      ]);
      // The run: steps are the task id check and the check of the download against the validate
      // job's fingerprint (sha256sum and bash only).
      expect(steps[0]!.run).toMatch(/TASK_ID/);
      expect(steps[3]!.run).toMatch(
        /^check "\.guardian\/bundles\/\$TASK_ID\/manifest\.json" "\$VALIDATED" validate$/m,
      );
    }
    // Both variants are the same job apart from the pull request.
    const strip = (j: Job) =>
      JSON.stringify({ ...j, permissions: 0, if: 0, outputs: 0 }).replace(
        /"open-pr":(true|false),?|"github-token":"[^"]*",?/g,
        '',
      );
    expect(strip(jobs.complete!)).toEqual(strip(jobs['complete-pr']!));
  });

  test('the task id is validated before any step uses it', () => {
    for (const [id, job] of Object.entries(jobs)) {
      const [first, ...rest] = job.steps!;
      expect([id, first!.env?.TASK_ID]).toEqual([id, '${{ inputs.task-id }}']);
      expect(first!.run).toContain('[[ ! "$TASK_ID" =~ ^[A-Za-z][A-Za-z0-9]*([-_][A-Za-z0-9]+)*$ ]]');
      expect(first!.run).toContain('exit 1');
      expect(JSON.stringify(first!.with ?? {})).not.toContain('task-id');
      expect(rest.length).toBeGreaterThan(0);
    }
  });

  test('a concurrency group per task id', () => {
    expect(line.concurrency!.group).toContain('${{ inputs.task-id }}');
  });

  test('the bundle travels as an artifact per job, named with task id and run attempt, hidden files included', () => {
    for (const [id, job] of Object.entries(jobs)) {
      for (const s of job.steps!) {
        if (s.uses?.startsWith('actions/upload-artifact@')) {
          expect(s.with).toMatchObject({
            name: '${{ steps.names.outputs.artifact }}',
            path: '.guardian/bundles/${{ inputs.task-id }}/',
            'include-hidden-files': true,
            'if-no-files-found': 'error',
          });
          expect(job.steps![0]!.run).toContain(`artifact=guardian-$TASK_ID-$RUN_ATTEMPT-${id}`);
          expect(job.steps![0]!.env?.RUN_ATTEMPT).toBe('${{ github.run_attempt }}');
          expect(job.outputs?.artifact).toBe('${{ steps.names.outputs.artifact }}');
        }
      }
    }
    const downloads = (id: string) =>
      jobs[id]!.steps!.filter((s) => s.uses?.startsWith('actions/download-artifact@')).map((s) => s.with);
    expect(downloads('security')).toEqual([
      { name: '${{ needs.bundle.outputs.artifact }}', path: '.guardian/bundles/${{ inputs.task-id }}' },
    ]);
    expect(downloads('code')).toEqual([
      { name: '${{ needs.security.outputs.artifact }}', path: '.guardian/bundles/${{ inputs.task-id }}' },
    ]);
    for (const id of WRITERS) {
      expect(downloads(id)).toEqual([
        { name: '${{ needs.validate.outputs.artifact }}', path: '.guardian/bundles/${{ inputs.task-id }}' },
      ]);
    }
  });

  test("validate takes security.json from the security job's artifact, not the code job's", () => {
    const steps = jobs.validate!.steps!;
    const dl = steps.filter((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(dl.map((s) => s.with?.name)).toEqual([
      '${{ needs.code.outputs.artifact }}',
      '${{ needs.security.outputs.artifact }}',
    ]);
    const validate = steps.find((s) => s.uses === '$/actions/validate')!;
    expect(validate.with?.['security-bundle']).toBe(dl[1]!.with?.path);
  });

  test('verdict and patch sha reach complete as job outputs', () => {
    expect(jobs.validate!.outputs).toMatchObject({
      verdict: '${{ steps.validate.outputs.verdict }}',
      'patch-sha256': '${{ steps.validate.outputs.patch-sha256 }}',
    });
    for (const id of WRITERS) {
      const c = jobs[id]!.steps!.find((s) => s.uses === '$/actions/complete')!;
      expect(c.with).toMatchObject({
        verdict: '${{ needs.validate.outputs.verdict }}',
        'patch-sha256': '${{ needs.validate.outputs.patch-sha256 }}',
      });
    }
  });

  test("station actions come from this repository at the workflow's own commit ($/)", () => {
    const stations = Object.values(jobs)
      .flatMap((j) => j.steps ?? [])
      .flatMap((s) => (s.uses ? [s.uses] : []))
      .filter((u) => !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+@/.test(u));
    // Local references are the caller's toolchain action; everything else of Guardian's is `$/`.
    const local = stations.filter((u) => u.startsWith('./'));
    expect(new Set(local)).toEqual(new Set(['./.github/actions/guardian-setup']));
    expect(new Set(stations.filter((u) => !u.startsWith('./')))).toEqual(
      new Set([
        '$/actions/bundle',
        '$/actions/security',
        '$/actions/code',
        '$/actions/validate',
        '$/actions/complete',
      ]),
    );
  });

  test("the caller's toolchain runs only where repository code runs", () => {
    for (const [id, job] of Object.entries(jobs)) {
      const setup = (job.steps ?? []).filter(
        (s) => s.uses === './.github/actions/guardian-setup' || s.env?.SETUP_COMMAND,
      );
      if (['bundle', 'code', 'validate'].includes(id)) expect([id, setup.length]).toEqual([id, 2]);
      else expect([id, setup.length]).toEqual([id, 0]);
    }
  });
});

describe('milestone.yml', () => {
  test('schedule, dispatch and call', () => {
    expect(Object.keys(milestone.on).sort()).toEqual(['schedule', 'workflow_call', 'workflow_dispatch']);
  });

  test('tasks run through the assembly line of the same commit; sequential halts on the first failure', () => {
    const seq = milestone.jobs.sequential!;
    const par = milestone.jobs.parallel!;
    expect(seq.uses).toBe('$/.github/workflows/assembly-line.yml');
    expect(par.uses).toBe('$/.github/workflows/assembly-line.yml');
    expect((seq as Json).strategy).toMatchObject({ 'max-parallel': 1, 'fail-fast': true });
    expect((par as Json).strategy).toMatchObject({ 'fail-fast': false });
  });

  test('the calling jobs grant no more than the assembly line needs, and the plan job reads only', () => {
    const union = { contents: 'write', 'pull-requests': 'write' };
    expect(milestone.jobs.plan!.permissions).toEqual({ contents: 'read' });
    expect(milestone.jobs.sequential!.permissions).toEqual(union);
    expect(milestone.jobs.parallel!.permissions).toEqual(union);
  });
});

describe.each(actionFiles())('%s', (rel) => {
  const action = parseYaml(readRepoFile(rel)) as {
    runs: { using: string; main?: string };
    inputs?: Record<string, { description?: string }>;
    outputs?: Record<string, { description?: string }>;
  };

  test('runs on node24 from dist/', () => {
    expect(action.runs.using).toBe('node24');
    const name = rel.split('/').slice(-2, -1)[0];
    if (rel.startsWith('actions/')) expect(action.runs.main).toBe(`../../dist/${name}/index.js`);
    if (rel === 'action.yml') expect(action.runs.main).toBe('dist/line/index.js');
    // The committed bundle it points at exists (dist/ is rebuilt and checked for drift in CI).
    expect(existsSync(join(PROJECT_ROOT, dirname(rel), action.runs.main!))).toBe(true);
  });

  test('kebab-case inputs and outputs, each with a description', () => {
    for (const [k, v] of [...Object.entries(action.inputs ?? {}), ...Object.entries(action.outputs ?? {})]) {
      expect(k).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect([k, (v.description ?? '').length > 10]).toEqual([k, true]);
    }
  });
});

test('the YAML helpers see every run: script', () => {
  const doc = parseDocument(readRepoFile('.github/workflows/assembly-line.yml'));
  expect(runScripts(doc).length).toBeGreaterThanOrEqual(8);
  expect(isMap(doc.contents)).toBe(true);
  expect(isSeq(parseDocument('[1]').contents)).toBe(true);
});
