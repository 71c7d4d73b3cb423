/** The Supervisor's small parts: the ledger, the resume point, the milestone plan and the progress display. */
import { describe, expect, it } from '@jest/globals';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyUsage, newManifest, type Manifest } from '../../src/bundle/bundle.js';
import { parseBlueprint, parseMilestone, type Project } from '../../src/spec/index.js';
import {
  appendLedger,
  lastRuns,
  ledgerPath,
  readLedger,
  type LedgerEntry,
} from '../../src/supervisor/ledger.js';
import { dependentsOf, planMilestone } from '../../src/supervisor/plan.js';
import { createProgress, formatCost, formatDuration } from '../../src/supervisor/progress.js';
import { parseMaxAttempts, parseStationName, resumePoint } from '../../src/supervisor/task.js';
import { watchTranscript } from '../../src/supervisor/watch.js';

const entry = (
  runId: string,
  taskId: string,
  event: 'start' | 'end',
  outcome: LedgerEntry['outcome'],
): LedgerEntry => ({
  schemaVersion: 1,
  runId,
  event,
  taskId,
  status: outcome === 'committed' ? 'done' : 'in_progress',
  outcome,
  at: new Date().toISOString(),
  startedAt: new Date().toISOString(),
  resumed: false,
  dryRun: false,
});

describe('the ledger', () => {
  it('appends lines, ignores itself in git, skips a torn last line, and finds each task’s last run', () => {
    const root = mkdtempSync(join(tmpdir(), 'guardian-ledger-'));
    try {
      appendLedger(root, entry('r1', 'TASK-1', 'start', 'running'));
      appendLedger(root, entry('r1', 'TASK-1', 'end', 'committed'));
      appendLedger(root, entry('r2', 'TASK-2', 'start', 'running'));
      appendFileSync(ledgerPath(root), '{"schemaVersion":1,"runId":"r3","ev'); // a crash mid-write
      expect(readFileSync(join(root, '.guardian/.gitignore'), 'utf8')).toMatch(/^\*$/m);
      const all = readLedger(root);
      expect(all.map((e) => `${e.runId}:${e.event}`)).toEqual(['r1:start', 'r1:end', 'r2:start']);
      const last = lastRuns(all);
      expect(last.get('TASK-1')).toMatchObject({ unfinished: false, entry: { outcome: 'committed' } });
      expect(last.get('TASK-2')).toMatchObject({ unfinished: true });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('resumePoint', () => {
  const m = (stations: Manifest['stations']): Manifest => ({
    ...newManifest({ taskId: 'T-1', baseCommit: 'abc', blueprintPath: 'x', blueprintSha256: 'y' }),
    stations,
  });
  const ok = { status: 'ok' as const, startedAt: '' };
  it('continues at the first unfinished station', () => {
    expect(resumePoint(undefined)).toBe('prestart');
    expect(resumePoint(m({ prestart: ok }))).toBe('bundle');
    expect(resumePoint(m({ prestart: ok, bundle: ok, security: { status: 'running', startedAt: '' } }))).toBe(
      'security',
    );
    expect(
      resumePoint(m({ prestart: ok, bundle: ok, security: ok, code: { status: 'skipped', startedAt: '' } })),
    ).toBe('validate');
  });
  it('sends a failed verdict back to the Coder', () => {
    const failed = { status: 'failed' as const, verdict: 'fail' as const, startedAt: '' };
    expect(resumePoint(m({ prestart: ok, bundle: ok, security: ok, code: ok, validate: failed }))).toBe(
      'code',
    );
    expect(
      resumePoint(
        m({
          prestart: ok,
          bundle: ok,
          security: ok,
          code: ok,
          validate: ok,
          complete: { status: 'failed', startedAt: '' },
        }),
      ),
    ).toBe('complete');
  });
});

describe('flags', () => {
  it('accepts station names and their long forms, and refuses others', () => {
    expect(parseStationName('validator')).toBe('validate');
    expect(parseStationName('pre-start')).toBe('prestart');
    expect(() => parseStationName('deploy')).toThrow(/expected one of prestart, bundle/);
    expect(parseMaxAttempts('3')).toBe(3);
    expect(() => parseMaxAttempts('1.5')).toThrow(/whole number from 1 to 10/);
    for (const v of ['1e1', '0x5', '', ' '])
      expect(() => parseMaxAttempts(v)).toThrow(/expected a whole number from 1 to 10/);
    expect(parseMaxAttempts(' 2 ')).toBe(2);
  });
});

function project(
  tasks: Record<string, string[]>,
  milestone: string[],
  extraProblems: Project['problems'] = [],
): Project {
  const bps = Object.entries(tasks).map(([id, deps]) => {
    const text = `---\nid: ${id}\ntitle: "${id}"\nstatus: pending\ndepends_on: [${deps.join(', ')}]\n---\n## 1. Goal\nx\n`;
    return parseBlueprint(Buffer.from(text), `specs/tasks/${id}.md`).blueprint!;
  });
  const ms = parseMilestone(
    Buffer.from(`---\nid: M\ntitle: M\ntasks: [${milestone.join(', ')}]\n---\n`),
    'specs/milestones/M.md',
  ).milestone!;
  return { root: '/x', tasks: bps, milestones: [ms], problems: extraProblems };
}

describe('planMilestone', () => {
  it('orders tasks after their dependencies, keeping the milestone order otherwise', () => {
    const p = planMilestone(project({ A: ['C'], B: [], C: [], D: ['A'] }, ['A', 'B', 'C', 'D']), 'M');
    expect(p.order.map((t) => t.id)).toEqual(['B', 'C', 'A', 'D']);
    expect([...dependentsOf(p, 'C')].sort()).toEqual(['A', 'D']);
  });
  it('finds dependents through every path of a diamond, and none of the task itself or its siblings', () => {
    // E needs B and C, both need A; F needs only C; G stands alone. Listed in reverse.
    const p = planMilestone(
      project({ A: [], B: ['A'], C: ['A'], E: ['B', 'C'], F: ['C'], G: [] }, ['G', 'F', 'E', 'C', 'B', 'A']),
      'M',
    );
    expect([...dependentsOf(p, 'A')].sort()).toEqual(['B', 'C', 'E', 'F']);
    expect([...dependentsOf(p, 'B')].sort()).toEqual(['E']);
    expect([...dependentsOf(p, 'C')].sort()).toEqual(['E', 'F']);
    expect(dependentsOf(p, 'G').size).toBe(0);
  });
  it('refuses a cycle reachable from the milestone, naming it', () => {
    expect(() => planMilestone(project({ A: ['B'], B: ['C'], C: ['B'] }, ['A']), 'M')).toThrow(
      /dependency cycle[\s\S]*B → C → B/,
    );
  });
  it('keeps dependencies outside the milestone apart (they must already be done)', () => {
    const p = planMilestone(project({ A: ['X'], X: [] }, ['A']), 'M');
    expect(p.externalDeps.get('A')).toEqual(['X']);
  });
});

describe('the progress display', () => {
  const usage = { ...emptyUsage(), promptTokens: 1200, completionTokens: 34, costUsd: 0.0123 };

  it('prints plain lines when the stream is not a terminal', () => {
    let out = '';
    const p = createProgress({ stream: { write: (s: string) => (out += s) } });
    p.taskStart('T-1', 'A task');
    p.stationStart('T-1', 'code', 1);
    p.usage('T-1', usage);
    p.stationEnd('T-1', 'code', 'ok', 2500, 'finished');
    p.taskEnd('T-1', 'done');
    p.taskEnd('T-1', 'T-1 failed validation'); // a message naming its task is not prefixed twice
    p.close();
    expect(out).toBe(
      'T-1: A task\nT-1 ▸ code\nT-1 ✓ code ok in 2.5s · 1,234 tokens · $0.01 — finished\nT-1: done\nT-1 failed validation\n',
    );
  });

  it('redraws one line in place on a terminal, with the station, time, tokens and cost', () => {
    let out = '';
    let t = 0;
    const p = createProgress({
      stream: { write: (s: string) => (out += s), isTTY: true },
      now: () => t,
      intervalMs: 10_000,
    });
    p.taskStart('T-1', 'A task');
    t = 1500;
    p.stationStart('T-1', 'validate', 2);
    p.usage('T-1', usage);
    t = 4000;
    p.log('a log line');
    p.close();
    const frames = out.split('\r\x1b[2K').filter(Boolean);
    expect(frames).toContain('a log line\n');
    expect(frames.at(-1)).toMatch(/T-1 validate #2 2\.5s · total 4\.0s · 1,234 tokens · \$0\.01$/);
    expect(out.endsWith('\r\x1b[2K')).toBe(true); // the live line is cleared at the end
  });

  it('formats durations and costs for people', () => {
    expect(formatDuration(250)).toBe('250ms');
    expect(formatDuration(65_000)).toBe('1m05s');
    expect(formatCost(emptyUsage())).toBe('$0');
    expect(formatCost({ ...emptyUsage(), costUsd: 0.0042 })).toBe('$0.0042');
  });
});

describe('watchTranscript', () => {
  it("adds up the Coder's model calls of this attempt as they are appended", () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardian-watch-'));
    const path = join(dir, 'transcript.jsonl');
    try {
      const seen: number[] = [];
      const model = (attempt: number, prompt: number) =>
        JSON.stringify({
          type: 'model',
          attempt,
          usage: { promptTokens: prompt, completionTokens: 1, cachedTokens: 0, costUsd: 0.5 },
        }) + '\n';
      appendFileSync(path, model(1, 999)); // before the watch: an earlier attempt's lines
      const stop = watchTranscript(path, 2, (u) => seen.push(u.promptTokens + u.completionTokens), 60_000);
      appendFileSync(
        path,
        model(2, 10) + '{"type":"tool","name":"run_tests"}\n' + model(1, 5) + model(2, 20),
      );
      appendFileSync(path, '{"type":"model","attempt":2,"usa'); // a line still being written
      stop();
      expect(seen).toEqual([32]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
