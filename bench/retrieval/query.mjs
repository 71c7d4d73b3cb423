// One `guardian search` query in a fresh process (so "cold" includes starting tree-sitter), used by
// run.mjs. Input: a JSON file path as argv[2] with { root, query, cacheDir, top, embeddings? }. Output: one
// JSON line.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const { searchRepository } = await import(join(here, '..', '.work', 'build', 'src', 'search', 'index.js'));
const args = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const started = performance.now();
const cpu0 = process.cpuUsage();
// Ranks 100 files (for MRR) but, like a normal call, extracts symbols for the first 10 only.
const res = await searchRepository({
  root: args.root,
  query: args.query,
  top: args.top,
  symbolFiles: 10,
  cacheDir: args.cacheDir,
  // The endpoint from the arguments, its key (if any) from the environment.
  ...(args.embeddings
    ? {
        embeddings: {
          ...args.embeddings,
          ...(process.env.GUARDIAN_EMBEDDINGS_API_KEY
            ? { apiKey: process.env.GUARDIAN_EMBEDDINGS_API_KEY }
            : {}),
        },
      }
    : {}),
});
const ms = performance.now() - started;
// CPU time of this process (git's child processes excluded): a contention-proof second view of latency.
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(
  JSON.stringify({
    ms,
    cpuMs,
    stats: res.stats,
    files: res.files.map((f) => f.path),
    notes: res.notes,
  }) + '\n',
);
