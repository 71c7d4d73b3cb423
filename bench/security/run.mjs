#!/usr/bin/env node
// Benchmark of the Security Consultant's offline threat model: precision and recall of the threat
// categories it reports on the labelled scenarios in test/fixtures/security/ (see evaluate.ts for the
// labelling rules). Targets: recall ≥ 0.9, precision ≥ 0.8.
//
// Usage:
//   node bench/security/run.mjs [--json] [--verbose] [--check] [--no-build] [--fixtures DIR]
//     --json      print the evaluation as JSON instead of the Markdown report
//     --verbose   also print, per scenario, the score of every category (text + code evidence)
//     --check     exit 1 when a target is missed
//     --explain S print the evidence behind every category for scenario S (a name or a prefix)
//     --no-build  reuse bench/.work/security-build (else the engine is compiled there with tsc first)
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '..', '..');
const build = join(projectRoot, 'bench', '.work', 'security-build');
const args = process.argv.slice(2);
const flag = (f) => args.includes(f);
const fixturesArg = args.indexOf('--fixtures');
const fixtures =
  fixturesArg >= 0 ? resolve(args[fixturesArg + 1]) : join(projectRoot, 'test', 'fixtures', 'security');

if (!flag('--no-build')) {
  const tsc = join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('tsc failed');
    process.exit(2);
  }
}
const { loadScenarios, evaluate, report, predict } = await import(
  join(build, 'bench', 'security', 'evaluate.js')
);
const scenarios = loadScenarios(fixtures);
const started = performance.now();
const e = evaluate(scenarios);
const ms = performance.now() - started;
if (flag('--json')) {
  process.stdout.write(JSON.stringify({ ...e, ms }, null, 2) + '\n');
} else {
  process.stdout.write(report(e, scenarios));
  process.stdout.write(`engine time: ${ms.toFixed(0)} ms for ${scenarios.length} scenarios\n`);
  if (flag('--verbose')) {
    for (const s of scenarios) {
      const { assessments } = predict(s);
      const rows = assessments
        .filter((a) => a.textScore > 0 || a.codeScore > 0)
        .map(
          (a) =>
            `${a.applies ? '*' : ' '} ${a.category} text=${a.textScore.toFixed(1)} code=${a.codeScore.toFixed(1)}`,
        );
      process.stdout.write(`\n${s.name}\n  ${rows.join('\n  ')}\n`);
    }
  }
}
const explainArg = args.indexOf('--explain');
if (explainArg >= 0) {
  const want = args[explainArg + 1] ?? '';
  for (const s of scenarios.filter((x) => x.name.startsWith(want))) {
    process.stdout.write(`\n${s.name}\n`);
    for (const a of predict(s).assessments.filter((x) => x.evidence.length)) {
      process.stdout.write(
        `  ${a.applies ? '*' : ' '} ${a.category} text=${a.textScore} code=${a.codeScore.toFixed(1)}\n`,
      );
      for (const ev of a.evidence) {
        process.stdout.write(
          `      ${ev.kind.padEnd(18)} ${ev.weight.toFixed(1)} ${ev.label} @ ${ev.path}:${ev.line} «${ev.excerpt}»\n`,
        );
      }
    }
  }
}
if (flag('--check') && (e.precision < 0.8 || e.recall < 0.9)) process.exit(1);
