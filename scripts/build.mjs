#!/usr/bin/env node
// Bundles every action (src/actions/<name>/index.ts) and the CLI (src/cli/index.ts) with ncc into
// dist/<name>/. dist/ is committed; CI rebuilds from clean and fails on any difference. ncc only
// transpiles (--transpile-only): type checking is `npm run typecheck`'s job, so one broken test file
// cannot change or block a bundle.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);

const entries = [{ name: 'cli', entry: 'src/cli/index.ts' }];
const actionsDir = join(root, 'src/actions');
if (existsSync(actionsDir)) {
  for (const name of readdirSync(actionsDir).sort()) {
    if (existsSync(join(actionsDir, name, 'index.ts')))
      entries.push({ name, entry: `src/actions/${name}/index.ts` });
  }
}

const selected = only.length ? entries.filter((e) => only.includes(e.name)) : entries;
if (!only.length) rmSync(join(root, 'dist'), { recursive: true, force: true });

const ncc = join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js');
let failed = 0;
let searchBundles = 0;
for (const { name, entry } of selected) {
  const out = join(root, 'dist', name);
  rmSync(out, { recursive: true, force: true });
  const r = spawnSync(
    process.execPath,
    [ncc, 'build', entry, '-o', `dist/${name}`, '--license', 'licenses.txt', '--transpile-only', '-q'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) {
    console.error(`build: ${name} failed`);
    failed++;
    continue;
  }
  // ESM bundle: make sure Node treats dist/<name>/*.js as modules even when ncc does not say so.
  writeFileSync(join(out, 'package.json'), '{\n  "type": "module"\n}\n');
  if (usesSearch(out)) searchBundles++;
  console.log(`build: dist/${name}/index.js`);
}
if (searchBundles) copyTreeSitterAssets(join(root, 'dist'));
process.exit(failed ? 1 : 0);

// A bundle that contains the code search loads web-tree-sitter and its grammars from a tree-sitter/
// folder beside its own folder (src/search/symbols.ts): the files src/search/tree-sitter-assets.json
// lists are copied once into dist/tree-sitter/, which all the bundles share (every action runs from
// the same checkout of this repository), instead of 7 MB into each bundle that needs them.
function usesSearch(out) {
  return readdirSync(out).some(
    (f) => f.endsWith('.js') && readFileSync(join(out, f), 'utf8').includes('tree-sitter.wasm'),
  );
}

function copyTreeSitterAssets(dist) {
  const list = join(root, 'src/search/tree-sitter-assets.json');
  if (!existsSync(list)) return;
  const assets = JSON.parse(readFileSync(list, 'utf8'));
  const dir = join(dist, assets.folder);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const rel of assets.files) {
    copyFileSync(join(root, 'node_modules', rel), join(dir, rel.split('/').pop()));
  }
  // web-tree-sitter's tree-sitter.js is an ES module.
  writeFileSync(join(dir, 'package.json'), '{\n  "type": "module"\n}\n');
  console.log(
    `build: dist/${assets.folder}/ (${assets.files.length} files, shared by ${searchBundles} bundles)`,
  );
}
