/** A site-packages folder is untrusted input: metadata that is not a small regular file is not read. */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installedDists } from '../../src/knowledge/python.js';

const site = mkdtempSync(join(tmpdir(), 'guardian-site-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('installedDists', () => {
  it('lists every distribution but reads top_level.txt only from a small regular file', () => {
    for (const d of ['good-1.0.dist-info', 'fifo-2.0.dist-info', 'zero-3.0.dist-info'])
      mkdirSync(join(site, d));
    writeFileSync(join(site, 'good-1.0.dist-info/top_level.txt'), 'good\n');
    execFileSync('mkfifo', [join(site, 'fifo-2.0.dist-info/top_level.txt')]);
    symlinkSync('/dev/zero', join(site, 'zero-3.0.dist-info/top_level.txt'));
    const dists = installedDists(site).sort((a, b) => a.name.localeCompare(b.name));
    expect(dists).toEqual([
      { name: 'fifo', version: '2.0', topLevel: [] },
      { name: 'good', version: '1.0', topLevel: ['good'] },
      { name: 'zero', version: '3.0', topLevel: [] },
    ]);
  });
});
