/**
 * Runs independent jobs with at most `jobs` at a time, longest expected first. A job marked `exclusive` runs alone: the
 * non-exclusive jobs go first in parallel, then each exclusive job by itself (the order of results is
 * always the order of the input). With `failFast`, jobs not yet started are skipped after the first
 * failure (`isFailure` decides) and reported as undefined.
 */
export interface PoolJob<T> {
  exclusive?: boolean;
  /**
   * Expected duration (ms) when known. Jobs expected to take longest start first (unknown ones before
   * all known ones, in input order): with few workers this shortens the whole run.
   */
  expectedMs?: number;
  run: () => Promise<T>;
}

export interface PoolOptions<T> {
  jobs: number;
  failFast?: boolean;
  isFailure?: (result: T) => boolean;
}

export async function runPool<T>(list: PoolJob<T>[], opts: PoolOptions<T>): Promise<(T | undefined)[]> {
  const results: (T | undefined)[] = new Array(list.length).fill(undefined);
  let stop = false;
  const record = (i: number, r: T) => {
    results[i] = r;
    if (opts.failFast && opts.isFailure?.(r)) stop = true;
  };

  const rank = (j: PoolJob<T>) => (j.expectedMs === undefined ? Infinity : j.expectedMs);
  const shared = list
    .map((j, i) => ({ j, i }))
    .filter(({ j }) => !j.exclusive)
    .sort((a, b) => rank(b.j) - rank(a.j) || a.i - b.i);
  const alone = list.map((j, i) => ({ j, i })).filter(({ j }) => j.exclusive);

  // A job that throws stops the others from starting; the ones running are waited for before the
  // error is passed on, so that nothing of the run is still going when the caller cleans up after it.
  let failure: { error: unknown } | undefined;
  const attempt = async (j: PoolJob<T>, i: number) => {
    try {
      record(i, await j.run());
    } catch (error) {
      failure ??= { error };
      stop = true;
    }
  };
  let next = 0;
  const worker = async () => {
    while (!stop && next < shared.length) {
      const { j, i } = shared[next++]!;
      await attempt(j, i);
    }
  };
  const width = Math.max(1, Math.min(Math.floor(opts.jobs) || 1, shared.length));
  await Promise.all(Array.from({ length: width }, worker));
  for (const { j, i } of alone) {
    if (stop) break;
    await attempt(j, i);
  }
  if (failure) throw failure.error;
  return results;
}
