// Globs from untrusted text become backtracking regular expressions (picomatch): each further wildcard
// in one path segment multiplies the time a long file name takes (four took 24 s on one name).
const MAX_GLOB_LENGTH = 256;
const MAX_SEGMENT_WILDCARDS = 2;

/**
 * Why a glob (from quality.toml, or a model's tool call) is refused: too long, or too many wildcards in
 * one path segment. Undefined when it is fine.
 */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `longer than ${MAX_GLOB_LENGTH} characters`;
  for (const segment of glob.split('/')) {
    if (segment === '**') continue;
    // `*`, `?` and `+(…)`-style extglobs each match a variable stretch of the name.
    const wildcards = (segment.replace(/\\./g, '').match(/\*+|\?|[+@!]\(/g) ?? []).length;
    if (wildcards > MAX_SEGMENT_WILDCARDS)
      return `${wildcards} wildcards in the path segment '${segment}' (at most ${MAX_SEGMENT_WILDCARDS}; split it into several globs)`;
  }
  return undefined;
}
