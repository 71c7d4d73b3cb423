import { describe, expect, it } from '@jest/globals';
import { commands, registrationsFor } from '../../src/cli/commands/index.js';
import { runCli } from '../support/cli.js';

describe('the CLI loads only the command it runs', () => {
  it('loads one module for a named command, every module otherwise', async () => {
    expect((await registrationsFor(['search', '--query', 'x'])).length).toBe(1);
    expect((await registrationsFor(['show', 'TASK-1'])).length).toBe(1);
    expect((await registrationsFor(['search', '--help'])).length).toBe(1);
    expect((await registrationsFor([])).length).toBe(commands.length);
    expect((await registrationsFor(['--help'])).length).toBe(commands.length);
    expect((await registrationsFor(['--help', 'search'])).length).toBe(commands.length);
    expect((await registrationsFor(['nosuch'])).length).toBe(commands.length);
  });

  it('lists every command in help and refuses an unknown one', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const [names] of commands)
      for (const n of names) expect(help.stdout).toMatch(new RegExp(`^  ${n}\\b`, 'm'));
    const bad = await runCli(['nosuch']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown command 'nosuch'");
  });
});
