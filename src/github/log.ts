/** The Logger port over @actions/core: log groups per phase, warnings and errors as annotations. */
import * as core from '@actions/core';
import type { Logger } from '../util/log.js';

/**
 * The runner reads a log line that starts with `::` (after spaces) as a workflow command, and a line
 * holding `##[` anywhere as one in the legacy form (`##[add-mask]value`, `##[stop-commands]token`).
 * Lines of a message come from model output, check output and repository files: such a line is shown
 * with its colons or its brackets apart, so that it cannot mask a value, stop command processing or
 * fake an annotation. The runner's "spaces" are .NET's white space, which also counts NEL (U+0085), a
 * character JavaScript's `\s` leaves out.
 */
export function inertLines(m: string): string {
  return m.replace(/^([\s\u0085]*):(?=:)/gm, '$1: ').replace(/##\[/g, '## [');
}

export function actionsLogger(): Logger {
  const props = (w?: { file?: string; line?: number }) =>
    w?.file ? { file: w.file, ...(w.line ? { startLine: w.line } : {}) } : undefined;
  let depth = 0;
  return {
    info: (m) => core.info(inertLines(m)),
    warn: (m, w) => core.warning(m, props(w)),
    error: (m, w) => core.error(m, props(w)),
    debug: (m) => core.debug(m),
    // Actions has no nested groups: an inner phase is logged as a line inside the outer group.
    group: async (name, fn) => {
      if (depth > 0) {
        core.info(inertLines(`▸ ${name}`));
        return fn();
      }
      depth++;
      try {
        return await core.group(name, fn);
      } finally {
        depth--;
      }
    },
  };
}
