/**
 * Test-driven development, enforced by the harness rather than asked of the model. Phase `red`: only
 * test files may be written, and the phase ends when the model runs the tests and they fail (the
 * failing run is recorded as the proof). Phase `green`: any file the sandbox allows may be written; the
 * run may finish only once the tests pass after the last change.
 */

import { isTestFile } from '../validator/guard.js';

export type Phase = 'red' | 'green';

/**
 * Test files: exactly the Validator's notion (its red/green proof applies "the change's test files" to
 * the base), so what the Coder may write in phase red is what the Validator will treat as tests.
 */
export function isTestPath(rel: string, relevantTests: string[] = []): boolean {
  return isTestFile(rel, relevantTests);
}

export const TEST_PATH_HELP =
  'files under tests/, test/, __tests__/ or __mocks__/, test_*.py, *_test.py, conftest.py, *.test.*, *.spec.*, *_test.go, *Test.java, *_spec.rb, Jest and Vitest setup files (jest.setup.*, setupTests.*, vitest.setup.*, …), or the relevant tests named by the task';

/** The recorded proof that the new tests failed before the implementation existed. */
export interface RedProof {
  command: string;
  exitCode: number | null;
  /** Test files written in the red phase. */
  testFiles: string[];
  outputTail: string;
  at: string;
  turn: number;
}

export interface TestRunRecord {
  phase: Phase;
  turn: number;
  command: string;
  exitCode: number | null;
  timedOut: boolean;
  passed: boolean;
  durationMs: number;
  at: string;
  /**
   * Why a run that may have exited 0 is no pass (nor a proof of red): processes it started outlived it,
   * or it changed the repository's git settings.
   */
  spoiled?: string;
}
