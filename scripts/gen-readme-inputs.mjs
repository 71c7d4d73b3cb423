#!/usr/bin/env node
// Generates the input/output tables of README.md's actions section from the action.yml files and the
// reusable workflows, so that the README never drifts from what the actions accept.
//   node scripts/gen-readme-inputs.mjs          rewrite README.md between the markers
//   node scripts/gen-readme-inputs.mjs --check  exit 1 when README.md is not up to date
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const README = join(root, 'README.md');
export const BEGIN =
  '<!-- generated:action-reference (scripts/gen-readme-inputs.mjs; do not edit by hand) -->';
export const END = '<!-- /generated:action-reference -->';

/** Actions in the order of the line, then the milestone planner. */
const ACTIONS = [
  ['action.yml', '`uses: OWNER/guardian@v1` — the whole line in one job'],
  ['actions/bundle/action.yml', '`actions/bundle` — pre-start checks and the Bundler'],
  ['actions/security/action.yml', '`actions/security` — the Security Consultant'],
  ['actions/code/action.yml', '`actions/code` — the Coder'],
  ['actions/validate/action.yml', '`actions/validate` — the Validator'],
  ['actions/complete/action.yml', '`actions/complete` — Completion'],
  ['actions/plan/action.yml', '`actions/plan` — the milestone plan'],
];
const WORKFLOWS = [
  ['.github/workflows/assembly-line.yml', '`.github/workflows/assembly-line.yml` (workflow_call)'],
  ['.github/workflows/milestone.yml', '`.github/workflows/milestone.yml` (workflow_call)'],
];

const oneLine = (s) =>
  String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim();
// Outside `code spans`, < and > would be read as HTML (a `<task-id>` would vanish from the page).
const cell = (s) =>
  oneLine(s)
    .split('`')
    .map((part, i) => (i % 2 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('`')
    .replace(/\|/g, '\\|');
const code = (s) => (s === undefined || s === '' ? '' : `\`${String(s).replace(/`/g, "'")}\``);

function table(headers, rows) {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

function inputsTable(inputs) {
  const rows = Object.entries(inputs ?? {}).map(([name, i]) => [
    `\`${name}\``,
    i.required ? 'yes' : 'no',
    code(i.default === undefined ? '' : i.default),
    i.description,
  ]);
  return rows.length ? table(['Input', 'Required', 'Default', 'Description'], rows) : '_No inputs._';
}

function outputsTable(outputs) {
  const rows = Object.entries(outputs ?? {}).map(([name, o]) => [`\`${name}\``, o.description]);
  return rows.length ? table(['Output', 'Description'], rows) : '_No outputs._';
}

export function generate() {
  const parts = [BEGIN, ''];
  for (const [rel, title] of ACTIONS) {
    if (!existsSync(join(root, rel))) continue;
    const a = parse(readFileSync(join(root, rel), 'utf8'));
    parts.push(
      `#### ${title}`,
      '',
      oneLine(a.description),
      '',
      inputsTable(a.inputs),
      '',
      outputsTable(a.outputs),
      '',
    );
  }
  for (const [rel, title] of WORKFLOWS) {
    if (!existsSync(join(root, rel))) continue;
    const w = parse(readFileSync(join(root, rel), 'utf8'));
    const call = w.on?.workflow_call ?? {};
    const inputs = Object.fromEntries(
      Object.entries(call.inputs ?? {}).map(([k, v]) => [
        k,
        { ...v, description: `(${v.type}) ${oneLine(v.description)}` },
      ]),
    );
    const secrets = Object.entries(call.secrets ?? {}).map(([k, v]) => [
      `\`${k}\``,
      v.required ? 'yes' : 'no',
      v.description,
    ]);
    parts.push(
      `#### ${title}`,
      '',
      inputsTable(inputs),
      '',
      secrets.length ? table(['Secret', 'Required', 'Description'], secrets) : '_No secrets._',
      '',
      outputsTable(call.outputs),
      '',
    );
  }
  parts.push(END);
  return parts.join('\n');
}

/** README.md with the generated block replaced (the block must exist inside the actions section). */
export function updated(readme, block = generate()) {
  const i = readme.indexOf(BEGIN);
  const j = readme.indexOf(END);
  if (i < 0 || j < i) throw new Error(`README.md: the markers ${BEGIN} … ${END} are missing`);
  return readme.slice(0, i) + block + readme.slice(j + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = readFileSync(README, 'utf8');
  const next = updated(readme);
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error(
        'README.md: the action reference is out of date: run `node scripts/gen-readme-inputs.mjs`',
      );
      process.exit(1);
    }
    console.log('README.md: the action reference is up to date');
  } else if (next !== readme) {
    writeFileSync(README, next);
    console.log('README.md: action reference updated');
  } else {
    console.log('README.md: action reference already up to date');
  }
}
