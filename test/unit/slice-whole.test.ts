/**
 * Text cut to a length for display (a documentation snippet, a manifest's version field) never keeps
 * half of a character outside the BMP: the lone half would be written as U+FFFD.
 */
import { describe, expect, it } from '@jest/globals';
import { capChars } from '../../src/knowledge/context7.js';
import { clip } from '../../src/stations/bundler/context.js';
import { sliceWhole } from '../../src/util/chars.js';

const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('sliceWhole', () => {
  it('steps back before a pair the cut would split, and keeps a pair the cut ends after', () => {
    expect(sliceWhole('ab😀c', 3)).toBe('ab');
    expect(sliceWhole('ab😀c', 4)).toBe('ab😀');
    expect(sliceWhole('abc', 2)).toBe('ab');
    expect(sliceWhole('ab😀', 4)).toBe('ab😀');
  });
});

describe('cut fields and snippets', () => {
  it('a Context7 snippet cut inside an emoji keeps no half of it, and counts what it left out', () => {
    const s = `${'a'.repeat(15999)}😀 and more`;
    const out = capChars(s, 16000);
    expect(out).not.toMatch(lone);
    expect(out).toBe(`${'a'.repeat(15999)}\n… (${s.length - 15999} more characters not shown)`);
  });

  it('a clipped manifest field keeps no half of an emoji', () => {
    const out = clip(`${'v'.repeat(38)}😀😀`, 40);
    expect(out).not.toMatch(lone);
    expect(out).toBe(`${'v'.repeat(38)}…`);
  });
});
