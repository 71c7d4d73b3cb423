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
  // Names tested with every run of characters other than letters and digits made one `_` (`my-token`,
  // `Azure.OpenAI.Key` become MY_TOKEN, AZURE_OPENAI_KEY): a name ending in a TOKEN, KEY, SECRET or PAT
  // word, or with SECRET, TOKEN, APIKEY, ACCESS_KEY or AUTH_TOKEN anywhere in it.
  /(?:^|_)(?:TOKENS?|KEYS?|APIKEYS?|SECRETS?|PAT|AUTH)$/,
  /TOKENS?$/,
  /(?:^|_)TOKENS?_/,
  /SECRET/,
  /API_?KEY/,
  /ACCESS_?KEY/,
  /AUTH_?TOKEN/,
  /^CONTEXT7_/,
  // Passwords by their usual names: DB_PASSWORD, PGPASSWORD, SMTP_PASSWD, GPG_PASSPHRASE, DOCKER_PASS,
  // MYSQL_PWD. `PWD` and `OLDPWD` (the working directory) and `GIT_ASKPASS` (a program) do not match.
  /PASSWORD/,
  /PASSWD/,
  /PASSPHRASE/,
  /(?:^|_)PASS$/,
  /_PWD$/,
  /PRIVATE_KEY/,
  /_ACCESS_KEY$/,
  /_CREDENTIALS?$/,
];

/**
 * Not secrets themselves but a way to use one: the SSH agent's socket signs with every key it holds.
 * Kept for git (a push over SSH goes through the agent), hidden from code under test (`scrubCodeEnv`).
 */
const AGENT_PATTERNS: RegExp[] = [/^SSH_AUTH_SOCK$/];

/**
 * A URL with credentials in it (`postgres://user:pass@host/db`, `https://token@host`): a secret whatever
 * the variable holding it is called. The one rule for it: the Coder's Redactor uses it too.
 */
export function isCredentialUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]+@/i.test(value.trim());
}

/**
 * Not secrets, but not for code under test either: the action's inputs, and the runner's file commands
 * — a check that could append to `GITHUB_OUTPUT` or `GITHUB_ENV` could overwrite the verdict the step
 * reports or the next step's environment.
 */
const RUNNER_PATTERNS: RegExp[] = [/^INPUT_/, /^GITHUB_(?:OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)$/];

export function isSecretEnvName(name: string, secretEnv: string[] = []): boolean {
  const upper = name.toUpperCase();
  if (secretEnv.some((s) => s.toUpperCase() === upper)) return true;
  const words = upper.replace(/[^A-Z0-9]+/g, '_');
  return SECRET_PATTERNS.some((re) => re.test(upper) || re.test(words));
}

/**
 * The names kept although they look like secrets: exactly as written. Names differ by case in an
 * environment; allowing `openai_api_key` (a check's own dummy value) must not let `OPENAI_API_KEY` through.
 */
function allowSet(allow: string[] | undefined): Set<string> {
  return new Set(allow ?? []);
}

/**
 * Whether code under test must not see a variable (nor its value in what it prints): a secret name
 * (`isSecretEnvName`), an agent socket, or a credential URL of any name.
 */
export function isHiddenFromCode(name: string, value: string | undefined, secretEnv: string[] = []): boolean {
  if (isSecretEnvName(name, secretEnv)) return true;
  if (AGENT_PATTERNS.some((re) => re.test(name.toUpperCase()))) return true;
  return value !== undefined && isCredentialUrl(value);
}

/**
 * The environment of git's own calls (src/git/git.ts): secret names removed, and the runner's file
 * commands. An SSH agent and a proxy URL with a password stay: a push may need them.
 */
export function scrubEnv(
  env: NodeJS.ProcessEnv,
  opts: { allow?: string[]; secretEnv?: string[] } = {},
): NodeJS.ProcessEnv {
  const allow = allowSet(opts.allow);
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) continue;
    if (!allow.has(k) && isSecretEnvName(k, opts.secretEnv)) continue;
    if (RUNNER_PATTERNS.some((re) => re.test(k.toUpperCase()))) continue;
    out[k] = v;
  }
  return out;
}

/**
 * The environment of a user-authored command (checks, test commands: code a model may have written):
 * `scrubEnv`, and also the SSH agent's socket and every variable whose value is a credential URL
 * (`DATABASE_URL=postgres://user:pass@db/prod`, a proxy with a password), unless allowed by name.
 */
export function scrubCodeEnv(
  env: NodeJS.ProcessEnv,
  opts: { allow?: string[]; secretEnv?: string[] } = {},
): NodeJS.ProcessEnv {
  const allow = allowSet(opts.allow);
  const out = scrubEnv(env, opts);
  for (const [k, v] of Object.entries(out)) {
    if (!allow.has(k) && isHiddenFromCode(k, v, opts.secretEnv)) delete out[k];
  }
  return out;
}
