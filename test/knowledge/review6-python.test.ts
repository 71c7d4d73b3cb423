/**
 * Python packages as they are installed (files copied from real site-packages): a compiled extension
 * module without sources or stubs, and a stubs-only distribution whose import name differs from the
 * distribution's name.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatherKnowledge } from '../../src/knowledge/index.js';

const PYENV_SITE = '/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages';
const DEBIAN_SITE = '/usr/lib/python3/dist-packages';

function installed(site: string, pattern: RegExp): string | undefined {
  try {
    return readdirSync(site).find((n) => pattern.test(n));
  } catch {
    return undefined;
  }
}
const cffiSo = installed(PYENV_SITE, /^_cffi_backend\..*\.so$/);
const cffiDist = installed(PYENV_SITE, /^cffi-[\d.]+\.dist-info$/);

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'guardian-knowledge-py-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('installed Python packages', () => {
  it('a compiled module without stubs is installed, at its version, with a note saying why there are no facts', async () => {
    const site = join(tmp, 'compiled-site');
    cpSync(join(PYENV_SITE, cffiSo!), join(site, cffiSo!));
    cpSync(join(PYENV_SITE, cffiDist!), join(site, cffiDist!), { recursive: true });
    const version = /^cffi-([\d.]+)\.dist-info$/.exec(cffiDist!)![1];
    const r = await gatherKnowledge({
      root: tmp,
      taskText: 'Allocate the buffer with the backend.',
      sources: [
        { path: 'app/buf.py', text: 'import _cffi_backend\n\n_cffi_backend.new_allocator()\n', weight: 1 },
      ],
      manifests: [],
      localModules: new Set(['app']),
      python: { sitePackages: [site] },
    });
    const lib = r.libraries.find((l) => l.importName === '_cffi_backend')!;
    expect(lib.packageName).toBe('cffi');
    expect(lib.version).toBe(version);
    const notes = r.notes.map((n) => n.message).join('\n');
    expect(notes).not.toContain('is not installed');
    expect(notes).toContain(
      `cffi is a compiled module (\`${join(site, cffiSo!)}\`) without stubs or sources`,
    );
  });

  it('stubs of `types-Pillow` make `PIL` and the Pillow the task names one library', async () => {
    const site = join(tmp, 'stubs-site');
    const dist = installed(DEBIAN_SITE, /^types_Pillow-.*\.dist-info$/)!;
    cpSync(join(DEBIAN_SITE, 'PIL-stubs'), join(site, 'PIL-stubs'), { recursive: true });
    cpSync(join(DEBIAN_SITE, dist), join(site, dist), { recursive: true });
    const r = await gatherKnowledge({
      root: tmp,
      taskText: 'Make thumbnails with Pillow.',
      sources: [{ path: 'app/thumbs.py', text: 'from PIL import Image\n\nImage.open(path)\n', weight: 1 }],
      manifests: [{ path: 'requirements.txt', text: 'Pillow>=9\n' }],
      localModules: new Set(['app']),
      python: { sitePackages: [site] },
    });
    expect(r.libraries.map((l) => [l.importName, l.packageName])).toEqual([['PIL', 'Pillow']]);
    const lib = r.libraries[0]!;
    expect(lib.declared).toEqual({ file: 'requirements.txt', spec: 'Pillow>=9' });
    expect(lib.reasons[0]).toBe('named in the task (Pillow)');
    expect(r.facts.map((f) => [f.library, f.symbol, f.source])).toEqual([
      ['Pillow', 'PIL.Image', 'PIL-stubs/Image.pyi:1'],
    ]);
  });

  it('a name of the task the code imports from one library is not looked up in another', async () => {
    const site = join(tmp, 'pytest-site');
    const dist = installed(PYENV_SITE, /^pytest-[\d.]+\.dist-info$/)!;
    for (const n of ['_pytest', 'pytest', dist])
      cpSync(join(PYENV_SITE, n), join(site, n), { recursive: true });
    const r = await gatherKnowledge({
      root: tmp,
      taskText: 'Pass the `Session` to `create_reset_token(session, email)`; test it with `pytest.raises`.',
      sources: [
        {
          path: 'src/services/reset.py',
          text: 'from sqlalchemy.orm import Session\n\ndef create_reset_token(session: Session, email: str): ...\n',
          weight: 1,
        },
        { path: 'tests/test_reset.py', text: 'import pytest\n\npytest.raises(ValueError)\n', weight: 0.5 },
      ],
      manifests: [],
      localModules: new Set(['src', 'tests']),
      python: { sitePackages: [site] },
    });
    const pytestFacts = r.facts.filter((f) => f.library === 'pytest').map((f) => f.symbol);
    expect(pytestFacts).toContain('raises');
    expect(pytestFacts).not.toContain('Session');
  });

  it('stubs of a namespace shared by several distributions name none of them', async () => {
    const site = join(tmp, 'namespace-site');
    cpSync(join(DEBIAN_SITE, 'google-stubs'), join(site, 'google-stubs'), { recursive: true });
    for (const n of ['types_protobuf', 'types_google_cloud_ndb']) {
      const dist = installed(DEBIAN_SITE, new RegExp(`^${n}-.*\\.dist-info$`))!;
      cpSync(join(DEBIAN_SITE, dist), join(site, dist), { recursive: true });
    }
    const r = await gatherKnowledge({
      root: tmp,
      taskText: 'Serialize the message.',
      sources: [{ path: 'app/wire.py', text: 'from google.protobuf import message\n', weight: 1 }],
      manifests: [],
      localModules: new Set(['app']),
      python: { sitePackages: [site] },
    });
    expect(r.libraries.map((l) => [l.importName, l.packageName])).toEqual([['google', 'google']]);
  });
});
