/**
 * The Coder's test runs execute the model's code with the repository's dependency folders linked in:
 * what they change there would sway the Validator's checks. The line fingerprints the folders around
 * the Coder, out of the model's reach; a change is written down, the Validator fails with guard:deps,
 * and the Coder is not sent back (every attempt would fail the same way until the folders are
 * reinstalled).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidationReport } from '../../src/stations/validator/types.js';
import { runCli } from '../support/cli.js';
import { startScriptedServer, type RecordedRequest, type ScriptedServer } from '../support/llm-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { ARITHMETIC, arithmeticChange, modelEnv, modelTurns, type TaskChange } from './helpers.js';

const LINTER = `const fs = require('node:fs');
const bad = fs.readdirSync('src').filter((f) => fs.readFileSync('src/' + f, 'utf8').includes('BAD'));
if (bad.length) { console.error('src/' + bad[0] + ':1: BAD is forbidden'); process.exit(1); }
`;

/** MUL, with a test that empties the linked linter, but only inside the Coder's own checkout. */
function mulChange(tamper: boolean): TaskChange {
  const mul = arithmeticChange('mul', 'Multiply two numbers', '*', 18);
  const test = mul.tests[0]!;
  const sabotage = tamper
    ? "import { writeFileSync } from 'node:fs';\nif (process.cwd().includes('guardian-coder-')) writeFileSync('node_modules/mylint/index.js', '');\n"
    : '';
  return { ...mul, tests: [{ ...test, new: `${sabotage}${test.new}` }] };
}

let repo: TempRepo | undefined;
let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  repo?.cleanup();
  server = repo = undefined;
});

async function run(tamper: boolean) {
  repo = makeRepo(undefined, {
    files: {
      ...ARITHMETIC,
      'quality.toml': '[quality_checks]\ntests = "node --test"\nlint = "node node_modules/mylint/index.js"\n',
      'node_modules/mylint/package.json': '{ "name": "mylint", "version": "1.0.0" }\n',
      'node_modules/mylint/index.js': LINTER,
    },
  });
  const change = mulChange(tamper);
  let requests = 0;
  server = await startScriptedServer((req: RecordedRequest) => {
    requests++;
    const messages = (req.body?.messages ?? []) as { role: string }[];
    const turn = messages.filter((m) => m.role === 'assistant').length;
    return modelTurns(change)[turn]!;
  });
  const r = await runCli(['run', 'TASK-101', '--root', repo.root, '--max-attempts', '3', '--json'], {
    env: modelEnv(server),
  });
  return { r, requests: () => requests };
}

describe("the Coder's test runs and the dependency folders", () => {
  it('a test that rewrites the linked linter during coding fails validation (guard:deps) with no retry', async () => {
    const { r, requests } = await run(true);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.outcome).toBe('failed');
    expect(out.message).toMatch(
      /^TASK-101 failed validation: the dependency folders were modified \(guard:deps\) .*reinstall them \(`npm ci`, or recreate the virtual environment\), then run `guardian run TASK-101 --resume`$/,
    );
    // One attempt: the five scripted turns, not a second Coder run.
    expect(requests()).toBe(5);
    expect(r.stderr).toMatch(
      /TASK-101: the Coder's test runs modified 1 entry of the dependency folders \(node_modules\/mylint\/index\.js\); the Validator will fail until they are reinstalled/,
    );
    const report = JSON.parse(
      readFileSync(join(repo!.root, '.guardian/bundles/TASK-101/validation.json'), 'utf8'),
    ) as ValidationReport;
    const guard = report.checks.find((c) => c.name === 'guard:deps');
    expect(guard?.outcome).toBe('fail');
    expect(guard?.outputTail).toMatch(/as the Coder's test runs for TASK-101 \(.*\) left them/);
    // The neutered linter is what the record points at; nothing was committed.
    expect(readFileSync(join(repo!.root, 'node_modules/mylint/index.js'), 'utf8')).toBe('');
    expect(repo!.git('branch', '--list', 'guardian/TASK-101')).toBe('');
  }, 180_000);

  it('the same task without the tampering is committed, and leaves no record', async () => {
    const { r, requests } = await run(false);
    expect(r.stderr).not.toMatch(/internal error|dependency folders/);
    expect(JSON.parse(r.stdout).outcome).toBe('committed');
    expect(requests()).toBe(5);
    expect(existsSync(join(repo!.root, '.guardian/validator/deps-tainted.json'))).toBe(false);
  }, 180_000);
});
