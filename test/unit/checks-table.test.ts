/** The Validator's table on the terminal: a check without a command shows its rule, marked as one. */
import { describe, expect, it } from '@jest/globals';
import { checksTable } from '../../src/cli/commands/validate.js';
import type { CheckResult } from '../../src/stations/validator/types.js';

const check = (over: Partial<CheckResult>): CheckResult =>
  ({
    name: 'x',
    kind: 'guard',
    outcome: 'pass',
    exitCode: null,
    durationMs: 0,
    diagnostics: [],
    ...over,
  }) as CheckResult;

describe('checksTable', () => {
  it('marks a rule as a rule, so that a failing row does not read as one that holds', () => {
    const text = checksTable([
      check({
        name: 'guard:protected-paths',
        outcome: 'fail',
        description: 'the change touches no protected path',
      }),
      check({ name: 'linter', kind: 'quality', exitCode: 0, command: 'black --check .' }),
    ]);
    expect(text).toMatch(/^check +kind +outcome +exit +time +command or rule$/m);
    expect(text).toMatch(
      /^guard:protected-paths +guard +fail +0\.0s +rule: the change touches no protected path$/m,
    );
    expect(text).toMatch(/^linter +quality +pass +0 +0\.0s +black --check \.$/m);
  });
});
