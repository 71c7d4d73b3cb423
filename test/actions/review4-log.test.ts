/**
 * Log lines carry model output, check output and repository text. The runner takes a line for a
 * workflow command when, after its leading white space as .NET counts it (Char.IsWhiteSpace, which
 * String.TrimStart uses), it starts with `::`, or when it holds `##[` anywhere; lines end at \n, \r or
 * \r\n (StreamReader.ReadLine).
 */
import { expect, test } from '@jest/globals';
import { actionsLogger, inertLines } from '../../src/github/log.js';

/** .NET's Char.IsWhiteSpace: Unicode separators (Zs, Zl, Zp), U+0009 to U+000D and U+0085. */
const DOTNET_LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;

/** The lines of `out` the runner would run as workflow commands. */
function commandLines(out: string): string[] {
  return out
    .split(/\r\n|\r|\n/)
    .filter((l) => l.replace(DOTNET_LEADING_SPACE, '').startsWith('::') || l.includes('##['));
}

const SPACES = ['', ' ', '\t', '\u0085', '\u00a0', '\u2003', '\u3000', ' \u0085 '];

test('a line that starts with :: after any white space the runner trims is not a workflow command', () => {
  for (const space of SPACES) {
    const line = `${space}::add-mask::Validator`;
    // The runner would take it as one: the test's model of the runner sees it.
    expect([JSON.stringify(space), commandLines(line)]).toEqual([JSON.stringify(space), [line]]);
    expect([JSON.stringify(space), commandLines(inertLines(`ok\n${line}\r${line}`))]).toEqual([
      JSON.stringify(space),
      [],
    ]);
  }
  // Text is kept as it was, but for the colons set apart.
  expect(inertLines('\u0085::stop-commands::tok')).toBe('\u0085: :stop-commands::tok');
});

test("the Actions logger's info lines (a model's message) carry no workflow command", () => {
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    actionsLogger().info('the model says:\n\u0085::add-mask::Validator\n\u0085::stop-commands::x');
  } finally {
    process.stdout.write = write;
  }
  expect(out).toContain('add-mask');
  expect(commandLines(out)).toEqual([]);
});
