#!/usr/bin/env node
// Benchmark: `guardian lint` over N generated blueprints (default 2,000), as a user runs it (a fresh
// process through bin/guardian.js and the built dist/cli bundle). Baseline, measured in the same run:
// a node process that only reads every file and splits off its front matter (the I/O floor).
// Target: under 2 s for 2,000 blueprints on a 2-core machine. Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const n = Number(process.argv[2] ?? 2000);
const runs = Number(process.argv[3] ?? 5);
const dir = join(root, 'bench', '.work', `lint-${n}`);

if (!existsSync(join(root, 'dist/cli/index.js'))) {
  console.error('dist/cli/index.js missing: run `npm run build` first');
  process.exit(2);
}

rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, 'specs/tasks'), { recursive: true });
mkdirSync(join(dir, 'specs/milestones'), { recursive: true });
writeFileSync(join(dir, 'quality.toml'), '[quality_checks]\nlint = "eslint ."\ntests = "npm test"\n');
const ids = [];
for (let i = 1; i <= n; i++) {
  const id = `TASK-${String(i).padStart(4, '0')}`;
  ids.push(id);
  const deps = i > 1 ? `depends_on: [TASK-${String(i - 1).padStart(4, '0')}]\n` : '';
  writeFileSync(
    join(dir, 'specs/tasks', `${id}_generated-task.md`),
    `---\nid: ${id}\ntitle: "Generated task number ${i}"\nstatus: pending\nrequirement_id: REQ-${i}\n` +
      `branch: feature/${id}\nrelevant_tests:\n  - tests/test_${i}.py\n${deps}milestone: M${Math.ceil(i / 100)}\nlabels: [generated, bench]\n---\n` +
      `## 1. Goal\nAs a user I want feature ${i} so that things work.\n\n## 2. Functional Acceptance Criteria\n` +
      `* [ ] Criterion one for ${i}.\n* [ ] Criterion two for ${i}.\n\n## 3. Implementation Plan\n1. Write a failing test.\n2. Implement.\n\n` +
      `## 4. Verification Plan\n\`\`\`guardian\n[\n  {"description": "baseline", "stage": "pre-start", "command": "pytest tests/test_${i}.py", "expects": "pass"},\n` +
      `  {"description": "done", "stage": "final-submit", "command": "pytest tests/test_${i}.py", "expects": "pass", "timeout": 300}\n]\n\`\`\`\n\n` +
      `## 5. Architectural Constraints\n* Models live in src/models/.\n\n## 6. Security Considerations\n* Validate input.\n\n## 7. Relevant Existing Code\n\`\`\`python\nclass X: pass\n\`\`\`\n`,
  );
}
for (let m = 1; m <= Math.ceil(n / 100); m++) {
  writeFileSync(
    join(dir, 'specs/milestones', `M${m}.md`),
    `---\nid: M${m}\ntitle: Milestone ${m}\ntasks: [${ids.slice((m - 1) * 100, m * 100).join(', ')}]\n---\n`,
  );
}

const baselineScript = `
const fs = require('fs'), path = require('path');
const d = ${JSON.stringify(join(dir, 'specs/tasks'))};
let k = 0;
for (const f of fs.readdirSync(d)) { const t = fs.readFileSync(path.join(d, f), 'utf8'); const e = t.indexOf('\\n---', 3); if (e > 0) k++; }
if (k !== ${n}) process.exit(1);`;

const time = (cmd, args) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, r };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const lint = [];
const base = [];
for (let i = 0; i < runs; i++) {
  const a = time(process.execPath, ['bin/guardian.js', 'lint', '--root', dir]);
  if (a.r.status !== 0) {
    console.error(a.r.stdout.slice(-2000), a.r.stderr.slice(-2000));
    process.exit(1);
  }
  lint.push(a.ms);
  const b = time(process.execPath, ['-e', baselineScript]);
  if (b.r.status !== 0) process.exit(1);
  base.push(b.ms);
}
const lm = median(lint);
const bm = median(base);
console.log(`guardian lint over ${n} blueprints (${Math.ceil(n / 100)} milestones), ${runs} runs, median:`);
console.log(
  `  guardian lint:           ${lm.toFixed(0)} ms  (target < 2000 ms: ${lm < 2000 ? 'met' : 'NOT met'})`,
);
console.log(`  baseline (read + split): ${bm.toFixed(0)} ms`);
console.log(`  ratio lint / baseline:   ${(lm / bm).toFixed(2)}x`);
