/** README.md's action reference is generated from the action.yml files and never drifts from them. */
import { expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { actionFiles, PROJECT_ROOT } from './support.js';

test('the action reference in README.md is up to date (node scripts/gen-readme-inputs.mjs)', () => {
  const r = spawnSync(process.execPath, ['scripts/gen-readme-inputs.mjs', '--check'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

test('the actions section lists every input and output of every action', () => {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('<!-- section:actions -->'),
    readme.indexOf('<!-- /section:actions -->'),
  );
  expect(section.length).toBeGreaterThan(1000);
  for (const rel of actionFiles().filter((f) => !f.startsWith('.github/'))) {
    const a = parse(readFileSync(join(PROJECT_ROOT, rel), 'utf8')) as { inputs?: object; outputs?: object };
    for (const name of [...Object.keys(a.inputs ?? {}), ...Object.keys(a.outputs ?? {})]) {
      expect([rel, name, section.includes(`| \`${name}\` |`)]).toEqual([rel, name, true]);
    }
  }
});

test('the generator fails --check when README.md is stale', async () => {
  const gen = (await import(join(PROJECT_ROOT, 'scripts/gen-readme-inputs.mjs'))) as {
    updated: (readme: string, block?: string) => string;
    BEGIN: string;
    END: string;
  };
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  expect(gen.updated(readme)).toBe(readme);
  const stale = gen.updated(readme, `${gen.BEGIN}\nold\n${gen.END}`);
  expect(stale).not.toBe(readme);
  expect(gen.updated(stale)).toBe(readme);
  expect(() => gen.updated('no markers')).toThrow(/markers/);
});
