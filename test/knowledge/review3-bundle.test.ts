/**
 * `guardian bundle` on relevant code whose import lines are not what they seem: a line that is not
 * Python and specifiers that name no package end in a bundle, not in an internal error, and nothing of
 * them reaches the context as a library name.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { EXAMPLES, makeRepo } from '../support/repo.js';

describe('guardian bundle on hostile import lines', () => {
  it('an alias that is no identifier (`import numpy as *`) in a relevant Python file', async () => {
    const src = readFileSync(join(EXAMPLES, 'python-flask-users', 'src/models/user.py'), 'utf8');
    const repo = makeRepo('python-flask-users', {
      files: { 'src/models/user.py': `${src}\n# Example:\n#\n    import numpy as *\n` },
    });
    try {
      const r = await runCli(['bundle', 'TASK-042', '--root', repo.root]);
      expect(r.stderr).not.toMatch(/internal error|SyntaxError/);
      expect(r.code).toBe(0);
      const ctx = readFileSync(join(repo.root, '.guardian/bundles/TASK-042/task_context.md'), 'utf8');
      expect(ctx).toContain('## External Knowledge');
    } finally {
      repo.cleanup();
    }
  });

  it('a specifier with markup or control characters in a relevant TypeScript file', async () => {
    const src = readFileSync(join(EXAMPLES, 'ts-todo-api', 'src/store.ts'), 'utf8');
    const repo = makeRepo('ts-todo-api', {
      files: {
        'src/store.ts': `import x from 'evil\u0007\`** [a](http://x) ## pkg';\nimport y from 'zz\u202e';\n${src}`,
      },
    });
    try {
      const r = await runCli(['bundle', 'TASK-001', '--root', repo.root]);
      expect(r.code).toBe(0);
      const dir = join(repo.root, '.guardian/bundles/TASK-001');
      const ctx = readFileSync(join(dir, 'task_context.md'), 'utf8');
      const knowledge = ctx.slice(ctx.indexOf('## External Knowledge'));
      expect(knowledge).not.toMatch(/evil|zz/);
      // The code itself is quoted as it is, in its fence; the notes name no such library.
      const evidence = readFileSync(join(dir, 'evidence', 'search.json'), 'utf8');
      expect(evidence).not.toMatch(/no TypeScript declarations installed[^"]*evil|evil[^"]*no TypeScript/);
      expect(evidence).not.toContain('\u202e');
    } finally {
      repo.cleanup();
    }
  });
});
