import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commands } from '../../src/cli/commands/index.js';
import { parseQualityToml } from '../../src/spec/quality.js';
import { runCli } from '../support/cli.js';

/**
 * The README's reference parts against the code they describe: the CLI reference names every option
 * each command accepts, and the quality.toml section shows every key the parser accepts (and only those).
 */
const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const README = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
const NAMES = commands.flatMap(([n]) => n);

/** The options `guardian NAME --help` lists (without --help itself), each as its spellings. */
async function optionsOf(name: string): Promise<string[][]> {
  const help = await runCli([name, '--help']);
  expect(help.code).toBe(0);
  const out: string[][] = [];
  for (const m of help.stdout.matchAll(/^ {2}(?:(-\w), )?(--[a-z][a-z-]*)/gm)) {
    if (m[2] !== '--help') out.push(m[1] ? [m[2]!, m[1]] : [m[2]!]);
  }
  return out;
}

/** Whether a synopsis shows one of an option's spellings. */
function shows(synopsis: string, spellings: string[]): boolean {
  return spellings.some((f) => new RegExp(`(?<![a-z-])${f}(?![a-z-])`).test(synopsis));
}

/** The README's `quality.toml` example, with its commented-out `[llm]` lines switched on. */
function qualityExample(): string {
  const section = README.slice(README.indexOf('### quality.toml'));
  const block = /```toml\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error('README.md: no ```toml block under "### quality.toml"');
  return block.replace(/^# (\[|[a-z_]+ = )/gm, '$1');
}

/** The keys the parser accepts in `[table]`, read from its refusal of an unknown one. */
function acceptedKeys(toml: string): string[] {
  const { problems } = parseQualityToml(toml);
  const refusal = problems.find((p) => p.message.includes("'not_a_key'"))?.message ?? '';
  const m = /expected (?:one of )?([a-z_, ]+)$/.exec(refusal);
  if (!m) throw new Error(`no list of keys in ${JSON.stringify(problems)}`);
  return m[1]!.split(', ');
}

describe('README: CLI reference', () => {
  test('the reference table lists every option of every command', async () => {
    const missing: string[] = [];
    for (const name of NAMES) {
      const row = new RegExp(`^\\| \`guardian ${name}\\b([^\`]*)\``, 'm').exec(README);
      if (!row) {
        missing.push(`guardian ${name} (no row)`);
        continue;
      }
      for (const flag of await optionsOf(name)) {
        if (!shows(row[1]!, flag)) missing.push(`guardian ${name} ${flag[0]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('the synopses in bold (run, milestone, status) list every option of their command', async () => {
    const missing: string[] = [];
    let seen = 0;
    for (const m of README.matchAll(/\*\*`guardian ([a-z]+) ([^`]*)`\*\*/g)) {
      const [, name, synopsis] = m;
      if (!NAMES.includes(name!)) continue;
      seen++;
      for (const flag of await optionsOf(name!)) {
        if (!shows(synopsis!, flag)) missing.push(`guardian ${name} ${flag[0]}`);
      }
    }
    expect(seen).toBeGreaterThanOrEqual(3);
    expect(missing).toEqual([]);
  });
});

describe('README: quality.toml', () => {
  test('the example is accepted as it is shown, its commented [llm] tables included', () => {
    const text = qualityExample();
    expect(text).toMatch(/^\[llm\.coder\]$/m);
    const { config, problems } = parseQualityToml(text);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(config?.llm.security.model).toBe('gpt-4.1-mini');
  });

  test('every key the parser accepts is documented', () => {
    const refusal = parseQualityToml('not_a_table = 1\n').problems[0]?.message ?? '';
    const tables = [...(/known tables: (.*)$/.exec(refusal)?.[1] ?? '').matchAll(/\[([a-z_]+)\]/g)].map(
      (m) => m[1]!,
    );
    expect(tables).toContain('quality_checks');
    const example = qualityExample();
    const undocumented: string[] = [];
    for (const table of tables.filter((t) => t !== 'quality_checks')) {
      for (const key of acceptedKeys(`[${table}]\nnot_a_key = 1\n`)) {
        if (key === 'coder' || key === 'security') continue; // the [llm.coder] / [llm.security] tables
        const shown = new RegExp(`^${key} = `, 'm').test(example.slice(example.indexOf(`[${table}]`)));
        if (!shown && !README.includes(`\`${key}\``)) undocumented.push(`[${table}] ${key}`);
      }
    }
    for (const station of ['coder', 'security']) {
      expect(example).toContain(`[llm.${station}]`);
      for (const key of acceptedKeys(`[llm.${station}]\nnot_a_key = 1\n`)) {
        if (!new RegExp(`^${key} = `, 'm').test(example) && !README.includes(`[llm.${station}] ${key}`))
          undocumented.push(`[llm.${station}] ${key}`);
      }
    }
    const checkFields = acceptedKeys('[quality_checks]\nx = { command = "true", not_a_key = 1 }\n');
    const shape = /name = \{ ([a-z, ]+) \}/.exec(example)?.[1]?.split(', ') ?? [];
    for (const f of checkFields) if (!shape.includes(f)) undocumented.push(`[quality_checks] check ${f}`);
    expect(undocumented).toEqual([]);
  });
});
