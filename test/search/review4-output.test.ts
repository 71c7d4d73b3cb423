/**
 * What `guardian search` prints comes partly from the repository (commit messages, the text of the
 * code) and partly from its cache: none of it may start a line of its own or rewrite one on a terminal.
 * And a `--query-file` that is a FIFO nobody writes to ends in a message, not a wait without end.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasControlChar } from '../../src/util/chars.js';
import { runCli } from '../support/cli.js';
import { makeRepo } from '../support/repo.js';

/** Control characters other than the line breaks and tabs of the output's own layout. */
const controls = (s: string) => hasControlChar(s.replace(/[\n\t]/g, ''));

describe('guardian search output', () => {
  it('shows a commit subject with a carriage return, an escape sequence and a bidirectional override escaped', async () => {
    const repo = makeRepo(undefined, { files: { 'pay.py': 'def pay():\n    pass\n' } });
    try {
      repo.write('pay.py', 'def pay():\n    return 1\n');
      repo.git('commit', '-q', '-am', 'payment refund\r 1. /etc/passwd  9.999 \u001b[31mred\u202e evil');
      for (let run = 0; run < 2; run++) {
        // cold, then from the history cache
        const text = await runCli(['search', '--root', repo.root, '--query', 'payment refund']);
        expect(text.code).toBe(0);
        expect(controls(text.stdout)).toBe(false);
        expect(text.stdout).toContain(
          'payment refund\\u000d 1. /etc/passwd  9.999 \\u001b[31mred\\u202e evil',
        );
        const json = await runCli(['search', '--root', repo.root, '--query', 'payment refund', '--json']);
        const doc = JSON.parse(json.stdout) as { files: { reasons: string[] }[] };
        expect(controls(doc.files[0]!.reasons.join('\n'))).toBe(false);
      }
    } finally {
      repo.cleanup();
    }
  });

  it('a subject and a sha in a hand-made history cache are checked like fresh ones', async () => {
    const repo = makeRepo(undefined, { files: { 'pay.py': 'def pay():\n    pass\n' } });
    try {
      repo.write('pay.py', 'def pay():\n    return 1\n');
      repo.git('commit', '-q', '-am', 'payment refund');
      await runCli(['search', '--root', repo.root, '--query', 'payment refund']);
      const path = join(repo.root, '.guardian', 'index', 'history.json');
      const stored = JSON.parse(readFileSync(path, 'utf8')) as { commits: [string, string, number[]][] };
      stored.commits[0]![1] = 'payment refund\r 9. forged line';
      writeFileSync(path, JSON.stringify(stored));
      const forged = await runCli(['search', '--root', repo.root, '--query', 'payment refund']);
      expect(controls(forged.stdout)).toBe(false);
      expect(forged.stdout).toContain('payment refund\\u000d 9. forged line');
      stored.commits[0]![0] = '\u001b[2Jfake';
      writeFileSync(path, JSON.stringify(stored));
      const badSha = await runCli(['search', '--root', repo.root, '--query', 'payment refund']);
      expect(controls(badSha.stdout)).toBe(false);
      expect(badSha.stdout).toMatch(/like past commit [0-9a-f]{7,} "payment refund"/);
    } finally {
      repo.cleanup();
    }
  });

  it('lists a Rust impl of a type written over several lines on one line, and a cached name with a line break is computed again', async () => {
    const repo = makeRepo(undefined, {
      files: {
        'src/lib.rs':
          'pub struct Wrapper<T>(T);\n\nimpl<T> Wrapper<\n 2. /etc/shadow  9.999\n    T> {\n    pub fn wrap_value(&self) {}\n}\n',
      },
    });
    try {
      const json = await runCli(['search', '--root', repo.root, '--query', 'wrapper wrap value', '--json']);
      const doc = JSON.parse(json.stdout) as { files: { symbols: { name: string }[] }[] };
      const names = doc.files[0]!.symbols.map((s) => s.name);
      expect(names).toContain('Wrapper< 2. /etc/shadow  9.999 T>.wrap_value');
      expect(controls(names.join(''))).toBe(false);
      const text = await runCli(['search', '--root', repo.root, '--query', 'wrapper wrap value']);
      expect(text.stdout).not.toMatch(/^ 2\. \/etc\/shadow/m);

      const chunks = join(repo.root, '.guardian', 'index', 'chunks.json');
      writeFileSync(chunks, readFileSync(chunks, 'utf8').replace('wrap_value', 'wrap_value\\n 3. forged'));
      const again = await runCli(['search', '--root', repo.root, '--query', 'wrapper wrap value']);
      expect(again.stdout).not.toMatch(/^ 3\. forged/m);
      expect(again.stdout).not.toContain('forged');
    } finally {
      repo.cleanup();
    }
  });
});

describe('guardian search --query-file', () => {
  it('a FIFO nobody writes to ends in a message instead of a wait', async () => {
    const repo = makeRepo(undefined, { files: { 'a.py': 'def handler():\n    pass\n' } });
    const fifo = join(repo.root, '..', 'task.fifo');
    try {
      execFileSync('mkfifo', [fifo]);
      // Should the open wait for a writer, one comes after a while and leaves without writing.
      const writer = spawn('sh', ['-c', `sleep 3; exec 3>'${fifo}'`], { stdio: 'ignore' });
      const r = await runCli(['search', '--root', repo.root, '--query-file', fifo]);
      writer.kill();
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `guardian: --query-file ${fifo}: not a regular file, and nothing was written to it; expected a text file\n`,
      );
    } finally {
      rmSync(fifo, { force: true });
      repo.cleanup();
    }
  });

  it('a pipe with a writer is read to its end', async () => {
    const repo = makeRepo(undefined, { files: { 'a.py': 'def quokka_handler():\n    pass\n' } });
    const fifo = join(repo.root, '..', 'task.fifo');
    try {
      execFileSync('mkfifo', [fifo]);
      const writer = spawn(
        'sh',
        ['-c', `exec 3>'${fifo}'; sleep 0.3; printf 'quokka ' >&3; sleep 0.3; printf 'handler' >&3`],
        {
          stdio: 'ignore',
        },
      );
      await new Promise((r) => setTimeout(r, 100));
      const r = await runCli(['search', '--root', repo.root, '--query-file', fifo, '--json']);
      writer.kill();
      expect(r.stderr).toBe('');
      const doc = JSON.parse(r.stdout) as { query: string; files: { path: string }[] };
      expect(doc.query).toBe('quokka handler');
      expect(doc.files.map((f) => f.path)).toEqual(['a.py']);
    } finally {
      rmSync(fifo, { force: true });
      repo.cleanup();
    }
  });
});
