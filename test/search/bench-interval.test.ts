// The retrieval benchmark's uncertainty figures: the bootstrap interval printed under its table.
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';

type Interval = { low: number; high: number };
type Bootstrap = (
  groups: number[][],
  stat: (rows: number[]) => number,
  opts?: { resamples?: number; seed?: number },
) => Interval;

const casesModule = join(process.cwd(), 'bench', 'retrieval', 'cases.mjs');
const load = async (): Promise<Bootstrap> =>
  ((await import(casesModule)) as { bootstrapInterval: Bootstrap }).bootstrapInterval;
const mean = (rows: number[]): number => rows.reduce((a, b) => a + b, 0) / rows.length;

describe('bootstrapInterval (bench/retrieval)', () => {
  it('brackets the mean, is the same on a rerun, and narrows as the sample grows', async () => {
    const bootstrap = await load();
    // 9 hits in 10 cases, and the same rate over 100 cases.
    const small = [[1, 1, 1, 1, 1, 1, 1, 1, 1, 0]];
    const large = [Array.from({ length: 100 }, (_, i) => (i % 10 === 9 ? 0 : 1))];
    const a = bootstrap(small, mean);
    expect(a.low).toBeLessThan(0.9);
    expect(a.high).toBeGreaterThanOrEqual(0.9);
    expect(a.low).toBeGreaterThanOrEqual(0.5);
    expect(bootstrap(small, mean)).toEqual(a);
    const b = bootstrap(large, mean);
    expect(b.low).toBeLessThan(0.9);
    expect(b.high).toBeGreaterThan(0.9);
    expect(b.high - b.low).toBeLessThan((a.high - a.low) / 2);
  });

  it('resamples within each group, so a group that always hits keeps its weight', async () => {
    const bootstrap = await load();
    // Two repositories of equal size, one always right and one always wrong: every within-group
    // resample has a mean of exactly 0.5; pooled resampling would spread around it.
    const r = bootstrap([Array(20).fill(1), Array(20).fill(0)], mean);
    expect(r).toEqual({ low: 0.5, high: 0.5 });
    const constant = bootstrap([[0.25, 0.25, 0.25]], mean);
    expect(constant).toEqual({ low: 0.25, high: 0.25 });
  });
});
