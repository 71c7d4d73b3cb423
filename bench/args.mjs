// Pieces the benchmark scripts share: option values, the help text (the comment block at the top of
// the script), the repositories named on the command line, and compiling the sources they measure.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The value of option `a`, which must follow it at argv[i]. */
export function optionValue(argv, a, i) {
  const v = argv[i];
  if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value (see --help)`);
  return v;
}

/** A count: a whole number of at least 1 (a typo would otherwise select nothing and print NaN). */
export function optionCount(argv, a, i) {
  const v = optionValue(argv, a, i);
  if (!/^[1-9]\d*$/.test(v))
    throw new Error(`${a} expects a whole number of at least 1, not ${JSON.stringify(v)}`);
  return Number(v);
}

/** Prints the comment block that opens the script at `url` (after its first line) and exits. */
export function printHelp(url) {
  const lines = readFileSync(fileURLToPath(url), 'utf8').split('\n').slice(1);
  console.log(
    lines
      .slice(
        0,
        lines.findIndex((l) => !l.startsWith('//')),
      )
      .map((l) => l.replace(/^\/\/ ?/, ''))
      .join('\n'),
  );
  process.exit(0);
}

/** `NAME=PATH`, or a path named after its folder (`click.git` → click, `…/pallets+click/repo` → click). */
export function repositoryArg(a) {
  const eq = a.indexOf('=');
  const path = resolve(eq > 0 ? a.slice(eq + 1) : a);
  let name = eq > 0 ? a.slice(0, eq) : basename(path).replace(/\.git$/, '');
  if (eq < 0 && (name === 'repo' || name === '')) name = basename(dirname(path)).replace(/^.*\+/, '');
  return { name, path };
}

/** Each repository's scratch data is named after it: names must differ, and each must have commits. */
export function checkRepositories(repos) {
  if (!repos.length) throw new Error('give at least one repository path (see --help)');
  const seen = new Map();
  for (const r of repos) {
    if (seen.has(r.name))
      throw new Error(
        `${seen.get(r.name)} and ${r.path} are both named '${r.name}': name one, e.g. other-${r.name}=${r.path}`,
      );
    seen.set(r.name, r.path);
    const ok = spawnSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], {
      cwd: r.path,
      encoding: 'utf8',
    });
    if (ok.error || ok.status !== 0) throw new Error(`${r.path}: not a git repository with commits`);
  }
}

/** Compiles the sources a benchmark measures with the project's tsc and the benchmark's tsconfig. */
export function compileWithTsc(projectRoot, tsconfig) {
  const tsc = join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', tsconfig], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('tsc failed');
}
