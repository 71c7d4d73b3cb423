/**
 * The CLI's log is a terminal: escape sequences the model sends (echoed in a refusal, quoted by a JSON
 * error) reach it as visible text, never as commands (OSC 52 clipboard writes, window titles, a
 * carriage return that overwrites the line). And a test run whose processes escaped their group is no
 * pass, as for the Validator's judge().
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { judge, runCommand } from '../../src/exec/index.js';
import { runCoder } from '../../src/stations/coder/index.js';
import { streamLogger } from '../../src/util/log.js';
import { callTool, startScriptedServer, type ScriptedServer } from '../support/llm-server.js';
import { makeRepo, type TempRepo } from '../support/repo.js';
import { coderTools, llmFor, MINI_FILES, toolResults, writeBundle } from './helpers.js';

const ESC = '\x1b';
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe('model text in the log', () => {
  let repo: TempRepo;
  let server: ScriptedServer;
  const lines: string[] = [];
  const wanted = `x${ESC}]52;c;ZWNobyBwd25lZA==${ESC}\\${ESC}]0;PWNED${'\x07'}${ESC}[2K\rall tests PASSED\u202e`;
  beforeAll(async () => {
    repo = makeRepo(undefined, { files: MINI_FILES });
    writeBundle(repo, 'TASK-001', '## Notes\nnothing');
    const script = [
      callTool('run_tests', { command: wanted }),
      // Invalid JSON: the parser's message quotes the raw text.
      callTool('read_file', `${ESC}[31mXX`),
      callTool(`bad${ESC}[2Jname`, {}),
      callTool('list_files', {}),
    ];
    server = await startScriptedServer(script);
    await runCoder({
      root: repo.root,
      taskId: 'TASK-001',
      llm: llmFor(server),
      log: streamLogger({ write: (s: string) => lines.push(s) }),
      env: { ...process.env },
      budget: { maxTurns: script.length },
    });
  });
  afterAll(async () => {
    await server.close();
    repo.cleanup();
  });

  it('never writes a control character but the line break ending each line', () => {
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect([l, CONTROL.test(l.replace(/\n$/, ''))]).toEqual([l, false]);
    expect(lines.join('')).toContain('\\u001b]52;c;');
  });

  it('echoes a refused command to the model JSON-quoted, bidirectional overrides escaped', () => {
    const refusal = toolResults(server).find((c) => c.includes('is not an allowed test command'))!;
    expect(refusal).toContain('refused: "x\\u001b]52;c;');
    expect(refusal).toContain('\\u202e');
    expect(CONTROL.test(refusal)).toBe(false);
  });
});

describe('a run whose processes escaped their group', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo(undefined, { files: { 'a.txt': 'x\n' } });
  });
  afterAll(() => repo.cleanup());

  it('is not a pass (as judge() says), and finish stays refused', async () => {
    const command = 'setsid sleep 60 > /dev/null 2>&1 < /dev/null & sleep 0.5; exit 0';
    const t = coderTools(repo.root, command);
    const r = await t.execute('run_tests', '{}');
    expect(r.content).toMatch(/exit code 0 — FAILED \(processes it started left their process group\)/);
    expect(t.testRuns[0]).toMatchObject({ exitCode: 0, passed: false });
    expect((await t.execute('finish', '{"summary":"done"}')).content).toMatch(/finish refused/);
    // The Validator's reading of the same kind of run.
    expect(judge(await runCommand({ command, cwd: repo.root }))).toBe('error');
  });
});
