/** node_modules is untrusted input: declarations are read only from inside the project, in linear time. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  clearTypescriptCache,
  findNpmPackage,
  findTsDeclaration,
  typescriptFact,
} from '../../src/knowledge/typescript.js';

let base: string;
let project: string;
let nm: string;
const write = (path: string, text: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
};

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'guardian-npm-'));
  project = join(base, 'project');
  nm = join(project, 'node_modules');
  // Outside the project: what an attacker would like quoted.
  write(join(base, 'outside/evil/package.json'), '{"name":"evil","version":"6.6.6","types":"index.d.ts"}');
  write(join(base, 'outside/evil/index.d.ts'), 'export declare function stolen(): void;\n');
  write(join(base, 'outside/secret.d.ts'), 'export declare function secret(): void;\n');
  // A package whose `types` climbs out, one linked to the outside, one re-exporting from outside.
  write(join(nm, 'typespkg/package.json'), '{"name":"typespkg","types":"../../../outside/secret.d.ts"}');
  mkdirSync(nm, { recursive: true });
  symlinkSync(join(base, 'outside/evil'), join(nm, 'linkpkg'));
  write(join(nm, 'reexp/package.json'), '{"name":"reexp","types":"index.d.ts"}');
  write(join(nm, 'reexp/index.d.ts'), "export { secret } from '../../../outside/secret';\n");
  // Fine: a normal package, and a workspace package linked from inside the project.
  write(join(nm, 'good/package.json'), '{"name":"good","version":"1.0.0","types":"index.d.ts"}');
  write(join(nm, 'good/index.d.ts'), 'export declare function helper(x: number): string;\n');
  write(
    join(project, 'packages/ws/package.json'),
    '{"name":"@me/ws","version":"0.1.0","types":"index.d.ts"}',
  );
  write(join(project, 'packages/ws/index.d.ts'), 'export declare class Widget {}\n');
  mkdirSync(join(nm, '@me'), { recursive: true });
  symlinkSync('../../packages/ws', join(nm, '@me/ws'));
});
afterAll(() => {
  clearTypescriptCache();
  rmSync(base, { recursive: true, force: true });
});

describe('findNpmPackage stays inside the project', () => {
  it('refuses a dependency name that is a path (from a committed package.json)', () => {
    expect(findNpmPackage([nm], '../../outside/evil')).toBeUndefined();
    expect(findNpmPackage([nm], '../outside')).toBeUndefined();
    expect(findNpmPackage([nm], '/etc')).toBeUndefined();
  });

  it('refuses a types path or a package link that leads outside', () => {
    expect(findNpmPackage([nm], 'typespkg')).toBeUndefined();
    expect(findNpmPackage([nm], 'linkpkg')).toBeUndefined();
  });

  it('does not follow a re-export out of the project', () => {
    const pkg = findNpmPackage([nm], 'reexp')!;
    expect(pkg).toBeDefined();
    expect(typescriptFact(pkg, 'secret', 'reexp')).toBeUndefined();
  });

  it('reads Node built-ins only from an @types/node inside the project, and deep exports are no crash', () => {
    const other = join(base, 'other/node_modules');
    mkdirSync(join(other, '@types'), { recursive: true });
    write(join(base, 'outside/types-node/fs.d.ts'), 'export declare function readFileSync(): void;\n');
    symlinkSync(join(base, 'outside/types-node'), join(other, '@types/node'));
    expect(findNpmPackage([other], 'node:fs')).toBeUndefined();
    write(join(nm, '@types/node/fs.d.ts'), 'export declare function readFileSync(p: string): string;\n');
    expect(findNpmPackage([nm], 'node:fs')?.entry).toBe(join(nm, '@types/node/fs.d.ts'));
    expect(findNpmPackage([nm], 'node:../x')).toBeUndefined();
    let deep = '"./index.d.ts"';
    for (let i = 0; i < 10_000; i++) deep = `{"import":${deep}}`;
    write(join(nm, 'deep/package.json'), `{"name":"deep","exports":{".":${deep}}}`);
    write(join(nm, 'deep/index.d.ts'), 'export declare const x: number;\n');
    // Too deep to follow: the package's default index.d.ts, not a stack overflow.
    expect(findNpmPackage([nm], 'deep')?.entry).toBe(join(nm, 'deep/index.d.ts'));
  });

  it('still reads ordinary packages and workspace links inside the project', () => {
    const good = findNpmPackage([nm], 'good')!;
    expect(typescriptFact(good, 'helper', 'good')?.text).toContain('helper(x: number): string');
    const ws = findNpmPackage([nm], '@me/ws')!;
    expect(ws.version).toBe('0.1.0');
    expect(typescriptFact(ws, 'Widget', '@me/ws')?.text).toContain('class Widget');
  });
});

describe('findTsDeclaration on a pathological file', () => {
  it('scans hundreds of thousands of unterminated export lists and still finds a later declaration', () => {
    const file = join(project, 'node_modules/quad/index.d.ts');
    write(file, 'export {a,\n'.repeat(300_000) + 'export declare function quadFn(): void;\n');
    const d = findTsDeclaration(file, 'quadFn');
    expect(d?.text).toContain('quadFn(): void');
    expect(findTsDeclaration(file, 'missing')).toBeUndefined();
  });
});
