/**
 * Every workflow and action.yml parses and validates with GitHub's own parser and with actionlint 1.7.x:
 * zero findings. actionlint's findings about syntax it does not know yet are filtered by
 * .github/actionlint.yaml; the test checks that the filter hides nothing else.
 */
import { describe, expect, test } from '@jest/globals';
import {
  actionFiles,
  actionlintVersion,
  actionParserProblems,
  formatFindings,
  formatProblems,
  languageServiceProblems,
  lintWorkflow,
  workflowFiles,
  workflowParserProblems,
} from './support.js';

const workflows = workflowFiles();
const actions = actionFiles();

test('the repository has the three workflows and the station actions', () => {
  expect(workflows).toEqual(
    expect.arrayContaining([
      '.github/workflows/assembly-line.yml',
      '.github/workflows/ci.yml',
      '.github/workflows/milestone.yml',
    ]),
  );
  for (const name of ['bundle', 'security', 'code', 'validate', 'complete', 'plan']) {
    expect(actions).toContain(`actions/${name}/action.yml`);
  }
});

test('actionlint is a 1.7.x build', () => {
  expect(actionlintVersion()).toMatch(/^1\.7\.\d+$/);
});

describe.each(workflows)('%s', (rel) => {
  test('actionlint: zero findings (after .github/actionlint.yaml)', async () => {
    const { kept, ignored } = await lintWorkflow(rel);
    expect(formatFindings(kept)).toBe('');
    // The config only filters what actionlint 1.7 does not know: `$/` references and the repository
    // secrets read next to the declared ones.
    for (const f of ignored) {
      expect(f.message).toMatch(
        /^(specifying action "\$\/|reusable workflow call "\$\/|property "(guardian_llm_api_key|context7_api_key)" is not defined)/,
      );
    }
  });

  test('@actions/workflow-parser: parses and converts (reusable workflows resolved)', async () => {
    expect(formatProblems(await workflowParserProblems(rel))).toBe('');
  });

  test('@actions/languageservice: zero diagnostics (actions and reusable workflows resolved)', async () => {
    expect(formatProblems(await languageServiceProblems(rel))).toBe('');
  });
});

describe.each(actions)('%s', (rel) => {
  test('@actions/workflow-parser: valid action metadata', async () => {
    expect(formatProblems(await actionParserProblems(rel))).toBe('');
  });

  test('@actions/languageservice: zero diagnostics', async () => {
    expect(formatProblems(await languageServiceProblems(rel))).toBe('');
  });
});
