/**
 * What a run's result and its ledger entry say when Completion has deleted the bundle: the base commit
 * the task was built on, and — for a run resumed at Completion after a dry run — the verdict and the
 * patch hash it committed, read from what the Validator recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readLedger } from '../../src/supervisor/ledger.js';
import { runCli } from '../support/cli.js';
import { startScriptedServer, type RecordedRequest, type ScriptedServer } from '../support/llm-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { ARITHMETIC, modelEnv, modelTurns, MUL } from './helpers.js';
import { callTool } from '../support/llm-server.js';

describe('a run committed after a dry run', () => {
  let repo: TempRepo;
  let server: ScriptedServer;

  beforeAll(async () => {
    repo = makeRepo(undefined, { files: ARITHMETIC });
    server = await startScriptedServer((req: RecordedRequest) => {
      const messages = (req.body?.messages ?? []) as { role: string }[];
      const turn = messages.filter((m) => m.role === 'assistant').length;
      return modelTurns(MUL)[turn] ?? callTool('finish', { summary: 'done' });
    });
  });
  afterAll(async () => {
    await server?.close();
    repo?.cleanup();
  });

  it('reports the base commit, the verdict and the judged patch hash', async () => {
    const base = repo.git('rev-parse', 'HEAD');
    const env = modelEnv(server);
    const dry = await runCli(['run', 'TASK-101', '--root', repo.root, '--dry-run', '--json'], { env });
    expect(dry.stderr).not.toMatch(/internal error/);
    const judged = JSON.parse(dry.stdout);
    expect(judged).toMatchObject({ outcome: 'validated', verdict: 'pass', baseCommit: base });
    expect(judged.patchSha256).toMatch(/^[0-9a-f]{64}$/);
    // The security station's note counts risks by severity, and findings apart.
    const note = judged.stations.find((s: { station: string }) => s.station === 'security').note as string;
    const m = /^(\d+) risks \((\d+) high, (\d+) medium, (\d+) low\), (\d+) findings, \d+ guard checks$/.exec(
      note,
    );
    expect(m).not.toBeNull();
    const [risks, high, medium, low, findings] = m!.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    expect(high + medium + low).toBe(risks);
    expect(findings).toBeGreaterThanOrEqual(risks);

    const r = await runCli(
      ['run', 'TASK-101', '--root', repo.root, '--resume', '--push', 'origin', '--json'],
      {
        env,
      },
    );
    expect(r.stderr).not.toMatch(/internal error/);
    const out = JSON.parse(r.stdout);
    expect(out.stations.map((s: { station: string }) => s.station)).toEqual(['complete']);
    expect(out).toMatchObject({
      outcome: 'committed',
      verdict: 'pass',
      baseCommit: base,
      patchSha256: judged.patchSha256,
      pushedTo: 'origin',
    });
    expect(out.bundleDir).toBeUndefined(); // Completion deleted it
    expect(r.code).toBe(0);
    expect(readLedger(repo.root).at(-1)).toMatchObject({
      event: 'end',
      outcome: 'committed',
      baseCommit: base,
      verdict: 'pass',
      commit: out.commit,
    });
  }, 240_000);
});
