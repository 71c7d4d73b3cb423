/**
 * The environment a user-authored command sees. Checks run code the Coder wrote; they must not be
 * able to read the workflow's tokens or the model's API key. A name is removed when it matches one of
 * the patterns below or the configured `secretEnv`, unless it is listed in `allow`.
 */
const SECRET_PATTERNS: RegExp[] = [
  // Action inputs whose names say they hold a credential (`llm-api-key`, `github-token`); the other
  // inputs (`task-id`, `model`) are hidden from checks too (below) but are not secrets to redact.
  /^INPUT_.*(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH)/,
  /^GITHUB_TOKEN$/,
  /^GH_TOKEN$/,
  /^ACTIONS_.*TOKEN/,
  /^ACTIONS_RUNTIME_/,
  /^ACTIONS_CACHE_URL$/,
  /^ACTIONS_RESULTS_URL$/,
  /^OPENAI_/,
  /^GUARDIAN_.*KEY/,
  /_API_KEY$/,
  /_TOKEN$/,
  /_SECRET/,
  /^CONTEXT7_/,
];

/**
 * Not secrets, but not for code under test either: the action's inputs, and the runner's file commands
 * — a check that could append to `GITHUB_OUTPUT` or `GITHUB_ENV` could overwrite the verdict the step
 * reports or the next step's environment.
 */
const RUNNER_PATTERNS: RegExp[] = [/^INPUT_/, /^GITHUB_(?:OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)$/];

export function isSecretEnvName(name: string, secretEnv: string[] = []): boolean {
  const upper = name.toUpperCase();
  if (secretEnv.some((s) => s.toUpperCase() === upper)) return true;
  return SECRET_PATTERNS.some((re) => re.test(upper));
}

export function scrubEnv(
  env: NodeJS.ProcessEnv,
  opts: { allow?: string[]; secretEnv?: string[] } = {},
): NodeJS.ProcessEnv {
  const allow = new Set((opts.allow ?? []).map((n) => n.toUpperCase()));
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) continue;
    if (!allow.has(k.toUpperCase()) && isSecretEnvName(k, opts.secretEnv)) continue;
    if (RUNNER_PATTERNS.some((re) => re.test(k.toUpperCase()))) continue;
    out[k] = v;
  }
  return out;
}
