/** What the lock-file suites read from a knowledge result. */
import type { KnowledgeResult } from '../../src/knowledge/index.js';

/** Each library's locked version as `file v1|v2`, by import name (undefined: none locked). */
export const locked = (r: KnowledgeResult) =>
  Object.fromEntries(
    r.libraries.map((l) => [
      l.importName,
      l.locked ? `${l.locked.file} ${l.locked.versions.join('|')}` : undefined,
    ]),
  );

/** The notes' messages, one a line. */
export const notes = (r: KnowledgeResult) => r.notes.map((x) => x.message).join('\n');
