// Globs from untrusted text become backtracking regular expressions (picomatch): each further wildcard
// in one path segment multiplies the time a long file name takes (four took 24 s on one name).
const MAX_GLOB_LENGTH = 256;
const MAX_SEGMENT_WILDCARDS = 2;

/**
 * Why a glob (from quality.toml, or a model's tool call) is refused: too long, too many wildcards in
 * one path segment, more than two `**`, or a repeated extglob holding a wildcard. Undefined when it is
 * fine.
 */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `longer than ${MAX_GLOB_LENGTH} characters`;
  const complex = complexityProblem(glob);
  if (complex) return complex;
  for (const segment of glob.split('/')) {
    if (segment === '**') continue;
    // `*`, `?` and `+(…)`-style extglobs each match a variable stretch of the name.
    const wildcards = (segment.replace(/\\./g, '').match(/\*+|\?|[+@!]\(/g) ?? []).length;
    if (wildcards > MAX_SEGMENT_WILDCARDS)
      return `${wildcards} wildcards in the path segment '${segment}' (at most ${MAX_SEGMENT_WILDCARDS}; split it into several globs)`;
  }
  return undefined;
}

// `**` segments one glob may hold: each further one multiplies the time a deep path takes.
const MAX_GLOBSTARS = 2;

// Why a glob is refused beyond the length and per-segment limits: picomatch turns a repeated extglob holding a
// wildcard (`+(a*)`, `*(**/a)`) into a nested quantifier that backtracks exponentially (`+(a*)b` took
// over 30 s on a name of 32 letters, `+(**/a)/b` on a path of 30 folders), and three `**` segments
// (`**/a/**/a/**/b`) took 10 s on one deep path. (Line comments: these globs would end a block comment.)
function complexityProblem(glob: string): string | undefined {
  const globstars = glob.match(/\*\*/g)?.length ?? 0;
  if (globstars > MAX_GLOBSTARS)
    return `${globstars} '**' wildcards (at most ${MAX_GLOBSTARS}; split it into several globs)`;
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '\\') {
      i++;
      continue;
    }
    if ((glob[i] !== '+' && glob[i] !== '*') || glob[i + 1] !== '(') continue;
    // The body of the repeated extglob, up to its closing parenthesis.
    let depth = 0;
    let end = i + 1;
    for (; end < glob.length; end++) {
      if (glob[end] === '\\') end++;
      else if (glob[end] === '(') depth++;
      else if (glob[end] === ')' && --depth === 0) break;
    }
    const body = glob.slice(i + 2, end);
    if (/[*?/(]/.test(body.replace(/\\./g, '')))
      return `the repeated pattern '${glob.slice(i, end + 1)}' holds a wildcard, a '/' or another pattern (exponential to match; write it without)`;
  }
  return undefined;
}
