/**
 * Every `steps.<id>.outputs.<name>` a workflow reads is an output the step's action declares, and every
 * `needs.<job>.outputs.<name>` / `jobs.<job>.outputs.<name>` one the job declares: a renamed output
 * cannot silently turn into an empty string.
 */
import { describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { readRepoFile, workflowFiles } from './support.js';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
}
interface Job {
  steps?: Step[];
  outputs?: Record<string, string>;
  uses?: string;
}

/** Outputs a step declares: its action's outputs, or what its run: script writes to GITHUB_OUTPUT. */
function stepOutputs(step: Step): Set<string> | undefined {
  if (step.uses?.startsWith('$/actions/')) {
    const action = parse(readRepoFile(`${step.uses.slice(2)}/action.yml`)) as { outputs?: object };
    return new Set(Object.keys(action.outputs ?? {}));
  }
  if (step.run)
    return new Set([...step.run.matchAll(/echo "([a-z-]+)=[^"]*" >>"\$GITHUB_OUTPUT"/g)].map((m) => m[1]!));
  return undefined;
}

describe.each(workflowFiles())('%s', (rel) => {
  const text = readRepoFile(rel);
  const wf = parse(text) as {
    jobs: Record<string, Job>;
    on: { workflow_call?: { outputs?: Record<string, { value: string }> } };
  };

  test('steps.<id>.outputs.<name> are declared by the step', () => {
    for (const [jobId, job] of Object.entries(wf.jobs)) {
      const byId = new Map((job.steps ?? []).filter((s) => s.id).map((s) => [s.id!, s]));
      const refs = [...JSON.stringify(job).matchAll(/steps\.([a-z-]+)\.outputs\.([a-z0-9-]+)/g)];
      for (const [, id, name] of refs) {
        const step = byId.get(id!);
        expect([jobId, id, step ? 'found' : 'missing']).toEqual([jobId, id, 'found']);
        const outs = stepOutputs(step!);
        if (outs) expect([jobId, id, name, outs.has(name!)]).toEqual([jobId, id, name, true]);
      }
    }
  });

  test('needs.<job>.outputs.<name> and jobs.<job>.outputs.<name> are declared by the job', () => {
    const refs = [...text.matchAll(/(?:needs|jobs)\.([a-z-]+)\.outputs\.([a-z0-9-]+)/g)];
    if (!rel.endsWith('ci.yml')) expect(refs.length).toBeGreaterThan(3);
    for (const [, jobId, name] of refs) {
      const job = wf.jobs[jobId!];
      expect([jobId, job ? 'found' : 'missing']).toEqual([jobId, 'found']);
      if (job!.uses) continue; // a reusable workflow call: its outputs are checked by the parser
      expect([jobId, name, Object.keys(job!.outputs ?? {}).includes(name!)]).toEqual([jobId, name, true]);
    }
  });
});
