/**
 * A temporary home for the tests of one file: HOME, XDG_CONFIG_HOME (`<home>/xdg`) and no
 * GIT_CONFIG_GLOBAL while they run, so git's global config is neither read from nor written to the real
 * one. Returns a getter for the home's path (set in beforeAll).
 */
import { afterAll, beforeAll } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const KEYS = ['HOME', 'XDG_CONFIG_HOME', 'GIT_CONFIG_GLOBAL'] as const;

export function useTempHome(): () => string {
  let home = '';
  const saved = new Map<string, string | undefined>();
  beforeAll(() => {
    for (const k of KEYS) saved.set(k, process.env[k]);
    home = mkdtempSync(join(tmpdir(), 'guardian-home-'));
    process.env.HOME = home;
    process.env.XDG_CONFIG_HOME = join(home, 'xdg');
    delete process.env.GIT_CONFIG_GLOBAL;
  });
  afterAll(() => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(home, { recursive: true, force: true });
  });
  return () => home;
}
