/** `guardian code`'s report says where the work is: changes.patch only when it was written. */
import { describe, expect, it } from '@jest/globals';
import { humanReport } from '../../src/cli/commands/code.js';
import { emptyUsage } from '../../src/bundle/bundle.js';
import type { CoderResult } from '../../src/stations/coder/index.js';

const result = (over: Partial<CoderResult>): CoderResult =>
  ({
    taskId: 'TASK-001',
    bundleDir: '/r/.guardian/bundles/TASK-001',
    attempt: 1,
    stopReason: 'aborted',
    message: 'interrupted',
    model: 'm',
    turns: 2,
    usage: { ...emptyUsage(), promptTokens: 10, completionTokens: 5 },
    phase: 'green',
    ok: false,
    changedFiles: ['src/a.ts'],
    ...over,
  }) as CoderResult;

describe('the report of an interrupted Coder', () => {
  it('names changes.patch when it was written', () => {
    const text = humanReport(result({ patchPath: '/r/.guardian/bundles/TASK-001/changes.patch' }), '/r');
    expect(text).toContain('interrupted: the work so far is in the working tree and in changes.patch\n');
  });

  it('says changes.patch was not written when it was not', () => {
    const text = humanReport(result({}), '/r');
    expect(text).toContain(
      'interrupted: the work so far is in the working tree (changes.patch was not written)\n',
    );
    expect(text).not.toMatch(/and in changes\.patch/);
  });

  it('a run that stopped unfinished says the same before what to do next', () => {
    const text = humanReport(result({ stopReason: 'max_turns' }), '/r');
    expect(text).toContain(
      'the work so far is in the working tree (changes.patch was not written); run `guardian validate TASK-001`',
    );
  });
});
