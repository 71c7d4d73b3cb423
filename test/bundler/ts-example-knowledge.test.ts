/**
 * The TypeScript example with a node_modules of its own, as a real checkout has: the bundle's External
 * Knowledge carries the API facts of the node:http the code imports, read from the installed
 * `@types/node` at its installed version, each citing a declaration line that is really there. (The
 * other tests link the example's node_modules to the project's, which lies outside the repository
 * and is rightly not followed.)
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runBundler } from '../../src/stations/bundler/index.js';
import { makeRepo, PROJECT_ROOT, type TempRepo } from '../support/repo.js';

const TYPES_NODE = join(PROJECT_ROOT, 'node_modules', '@types', 'node');

describe('ts-todo-api with its own node_modules', () => {
  let repo: TempRepo;
  let context: string;
  let version: string;
  beforeAll(async () => {
    repo = makeRepo('ts-todo-api');
    rmSync(join(repo.root, 'node_modules'));
    mkdirSync(join(repo.root, 'node_modules', '@types'), { recursive: true });
    cpSync(TYPES_NODE, join(repo.root, 'node_modules', '@types', 'node'), { recursive: true });
    version = JSON.parse(readFileSync(join(TYPES_NODE, 'package.json'), 'utf8')).version;
    const r = await runBundler({ root: repo.root, taskId: 'TASK-001' });
    context = readFileSync(join(r.bundleDir, 'task_context.md'), 'utf8');
  });
  afterAll(() => repo.cleanup());

  const knowledge = () =>
    context.slice(context.indexOf('\n## External Knowledge\n'), context.indexOf('\n## Verification Plan\n'));

  it('names node:http at the installed version, imported by src/server.ts', () => {
    expect(knowledge()).toContain(`\n### node:http ${version}\n`);
    expect(knowledge()).toMatch(/installed version .*why: imported by src\/server\.ts:\d+/);
  });

  it('quotes the declarations the code uses, each at a line that declares it', () => {
    const cited = [...knowledge().matchAll(/^#### `(\w+)` — (\w+) \(`@types\/node\/([\w./-]+):(\d+)`/gm)];
    const names = cited.map((m) => m[1]);
    for (const used of ['createServer', 'IncomingMessage', 'ServerResponse']) expect(names).toContain(used);
    for (const [, name, kind, file, line] of cited) {
      const lines = readFileSync(join(TYPES_NODE, file!), 'utf8').split('\n');
      const at = lines[Number(line) - 1]!;
      expect(`${file}:${line} ${at}`).toMatch(new RegExp(`\\b${kind} ${name}\\b`));
    }
  });

  it('has no "no API facts" note for node:http', () => {
    expect(knowledge()).not.toMatch(/No API facts found offline for:[^\n]*node:http/);
  });
});

describe('ts-todo-api with node_modules linked from outside the repository', () => {
  it('says once that the link is not followed, instead of only "no declarations installed"', async () => {
    const repo = makeRepo('ts-todo-api');
    try {
      const r = await runBundler({ root: repo.root, taskId: 'TASK-001' });
      const context = readFileSync(join(r.bundleDir, 'task_context.md'), 'utf8');
      const link = `\`${join(repo.root, 'node_modules')}\` is a symbolic link out of the project (to \`${join(PROJECT_ROOT, 'node_modules')}\`): declarations there are not read`;
      expect(context.split(link).length - 1).toBe(1);
      expect(context).toMatch(/_No API facts found offline for: node:http/);
    } finally {
      repo.cleanup();
    }
  });
});
