/**
 * Scores the offline threat model against the labelled scenarios in test/fixtures/security/.
 *
 * Each scenario is a directory with `blueprint.md`, the code under `repo/`, and `scenario.json`:
 *   expected    categories a reviewer must see for this task (missing one is a false negative)
 *   acceptable  categories that are defensible but not required (neither rewarded nor penalised)
 *   where       optional: category → ["path:line", …] locations the finding should point at
 * Anything reported outside expected ∪ acceptable is a false positive. Scenarios named `*-negative-*`
 * have no security relevance: any category reported there is a false positive.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  analyze,
  injectionFindings,
  type SourceFile,
} from '../../src/stations/security-consultant/engine.js';
import { stripHiddenText } from '../../src/stations/security-consultant/hygiene.js';

export interface ScenarioLabels {
  stack: string;
  description: string;
  expected: string[];
  acceptable: string[];
  where?: Record<string, string[]>;
  /** "holdout": written after the rules were last tuned, to measure them on unseen tasks. */
  split?: string;
}

export interface Scenario {
  name: string;
  labels: ScenarioLabels;
  blueprint: string;
  files: { path: string; content: string }[];
}

export interface ScenarioResult {
  name: string;
  stack: string;
  expected: string[];
  predicted: string[];
  truePositives: string[];
  falsePositives: string[];
  falseNegatives: string[];
  locations: { category: string; wanted: string; found: boolean }[];
}

export interface Evaluation {
  scenarios: ScenarioResult[];
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  negatives: { total: number; clean: number };
  locations: { total: number; found: number };
}

function walk(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p, base));
    else out.push(relative(base, p).split('\\').join('/'));
  }
  return out;
}

export function loadScenarios(dir: string): Scenario[] {
  return readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isDirectory())
    .sort()
    .map((name) => {
      const d = join(dir, name);
      const labels = JSON.parse(readFileSync(join(d, 'scenario.json'), 'utf8')) as ScenarioLabels;
      const files = walk(join(d, 'repo')).map((path) => ({
        path,
        content: readFileSync(join(d, 'repo', path), 'utf8'),
      }));
      return { name, labels, blueprint: readFileSync(join(d, 'blueprint.md'), 'utf8'), files };
    });
}

const TEST_PATH = /(?:^|\/)(?:tests?|__tests__)\/|(?:^|\/)test_[^/]*$|[._-](?:test|spec)\.\w+$|_test\.go$/;

/** The categories the offline engine reports for a scenario (as the station would, minus the I/O). */
export function predict(s: Scenario) {
  const id = /^id:\s*(\S+)/m.exec(s.blueprint)?.[1] ?? s.name;
  const blueprintPath = `specs/tasks/${id}.md`;
  const stripped = stripHiddenText(s.blueprint);
  const files: SourceFile[] = s.files.map((f) => ({
    path: f.path,
    content: f.content,
    relevance: 1,
    isTest: TEST_PATH.test(f.path),
  }));
  const result = analyze({
    taskId: id,
    blueprint: { path: blueprintPath, text: stripped.text },
    files,
    repoFiles: s.files.map((f) => f.path),
  });
  const hygiene = injectionFindings([
    { path: blueprintPath, text: stripped.text, hidden: stripped.removed },
    ...files.map((f) => ({ path: f.path, text: f.content })),
  ]);
  return { findings: [...hygiene, ...result.findings], assessments: result.assessments };
}

export function evaluate(scenarios: Scenario[]): Evaluation {
  const results: ScenarioResult[] = [];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let negTotal = 0;
  let negClean = 0;
  let locTotal = 0;
  let locFound = 0;
  for (const s of scenarios) {
    const { findings } = predict(s);
    const predicted = [...new Set(findings.map((f) => f.category as string))];
    const expected = new Set(s.labels.expected);
    const acceptable = new Set(s.labels.acceptable);
    const truePositives = predicted.filter((c) => expected.has(c));
    const falsePositives = predicted.filter((c) => !expected.has(c) && !acceptable.has(c));
    const falseNegatives = [...expected].filter((c) => !predicted.includes(c));
    tp += truePositives.length;
    fp += falsePositives.length;
    fn += falseNegatives.length;
    if (expected.size === 0) {
      negTotal++;
      if (predicted.length === 0) negClean++;
    }
    const locations: ScenarioResult['locations'] = [];
    for (const [category, wanted] of Object.entries(s.labels.where ?? {})) {
      const where = findings
        .filter((f) => f.category === category)
        .flatMap((f) => f.where.map((w) => `${w.path}:${w.line}`));
      for (const w of wanted) {
        const found = where.includes(w);
        locations.push({ category, wanted: w, found });
        locTotal++;
        if (found) locFound++;
      }
    }
    results.push({
      name: s.name,
      stack: s.labels.stack,
      expected: [...expected],
      predicted,
      truePositives,
      falsePositives,
      falseNegatives,
      locations,
    });
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    scenarios: results,
    tp,
    fp,
    fn,
    precision,
    recall,
    f1,
    negatives: { total: negTotal, clean: negClean },
    locations: { total: locTotal, found: locFound },
  };
}

/** A Markdown report of an evaluation (overall, then per split when the scenarios have several). */
export function report(e: Evaluation, scenarios?: Scenario[]): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    '| scenario | stack | expected | missed | extra (false positives) |',
    '|---|---|---|---|---|',
    ...e.scenarios.map(
      (r) =>
        `| ${r.name} | ${r.stack} | ${r.expected.join(', ') || '—'} | ${r.falseNegatives.join(', ') || ''} | ${r.falsePositives.join(', ') || ''} |`,
    ),
    '',
    `scenarios: ${e.scenarios.length} (${e.negatives.total} without security relevance, ${e.negatives.clean} of them reported clean)`,
    `true positives ${e.tp}, false positives ${e.fp}, false negatives ${e.fn}`,
    `precision ${pct(e.precision)} (target ≥ 80%) · recall ${pct(e.recall)} (target ≥ 90%) · F1 ${pct(e.f1)}`,
    `labelled locations found: ${e.locations.found}/${e.locations.total}`,
  ];
  const splits = [...new Set((scenarios ?? []).map((s) => s.labels.split ?? 'dev'))];
  if (scenarios && splits.length > 1) {
    for (const split of splits) {
      const sub = evaluate(scenarios.filter((s) => (s.labels.split ?? 'dev') === split));
      lines.push(
        `  ${split}: ${sub.scenarios.length} scenarios · precision ${pct(sub.precision)} · recall ${pct(sub.recall)} · ${sub.negatives.clean}/${sub.negatives.total} negatives clean`,
      );
    }
  }
  return lines.join('\n') + '\n';
}
