import { afterAll } from '@jest/globals';
import { mkdtempSync, mkdirSync, writeFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const GOOD_PLAN = [
  '```guardian',
  '[',
  '  {',
  '    "description": "Run the tests.",',
  '    "stage": "final-submit",',
  '    "command": "pytest tests/test_auth.py",',
  '    "expects": "pass"',
  '  }',
  ']',
  '```',
].join('\n');

export function blueprint(
  front: string,
  body = `## Goal\nDo it.\n\n## Functional Acceptance Criteria\n* [ ] works\n\n## Verification Plan\n${GOOD_PLAN}\n`,
): string {
  return `---\n${front}\n---\n${body}`;
}

export const BASIC_FRONT = 'id: TASK-001\ntitle: "Do a thing"\nstatus: pending';

const made: string[] = [];
// The folders of a test file are removed when its tests are done.
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A temp directory holding the given files (relative path → content); removed after the test file. */
export function specDir(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'guardian-spec-'));
  made.push(root);
  writeFileSync(join(root, 'quality.toml'), '[quality_checks]\ntests = "true"\n');
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  return root;
}

/** Every path under root with its size and mtime, to prove nothing was written. */
export function snapshot(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      out.push(`${p.slice(root.length)}:${st.size}:${st.mtimeMs}`);
    }
  };
  walk(root);
  return out;
}
