/**
 * Files that hold secrets by their nature (environment files, private keys, credential stores). Their
 * content never enters a bundle or a prompt, whatever it looks like.
 */

interface SecretFileRule {
  test: (base: string, lowerPath: string) => boolean;
  /**
   * Quoted as `<reason>: never included`: it must not end in a secret-named word (`credentials`,
   * `token`…), or the redaction would read the rest as that secret's value.
   */
  reason: string;
}

/** Templates of environment files are committed on purpose and hold placeholders; their text is still redacted. */
const ENV_TEMPLATE = /^\.env\.(?:example|sample|template|dist|defaults)$/i;

const RULES: SecretFileRule[] = [
  { test: (b) => /^\.env(?:\..+)?$/i.test(b) && !ENV_TEMPLATE.test(b), reason: 'environment file (.env)' },
  {
    test: (b) => /\.env$/i.test(b) && b.length > 4 && !/^\.?env$/i.test(b),
    reason: 'environment file (*.env)',
  },
  { test: (b) => /^\.envrc$/i.test(b), reason: 'direnv environment file' },
  {
    test: (b) => /\.(?:pem|key|p12|pfx|jks|keystore|p8|ppk|asc|gpg|kdbx|ovpn)$/i.test(b),
    reason: 'key or certificate store',
  },
  {
    test: (b) =>
      /^id_(?:rsa|dsa|ecdsa|ed25519)(?:[_.-][a-z0-9._-]+)?$/i.test(b) ||
      /^[a-z0-9._-]+_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/i.test(b),
    reason: 'SSH private key',
  },
  { test: (b) => /\.(?:keytab|jceks|bks|kdb|sso)$/i.test(b), reason: 'key or certificate store' },
  {
    test: (b) =>
      /^(?:\.npmrc|\.pypirc|\.netrc|_netrc|\.git-credentials|\.?htpasswd|\.pgpass|\.dockercfg|\.dockerconfigjson|\.vault-token|\.my\.cnf|\.s3cfg|\.boto|\.terraformrc|terraform\.rc|\.dev\.vars|settings-security\.xml|application_default_credentials\.json|access_?tokens\.json|msal_token_cache\.(?:json|bin))$/i.test(
        b,
      ),
    reason: 'credentials file',
  },
  {
    // What a shell, a database client or a REPL keeps of what was typed, passwords included.
    test: (b) => /^\.[a-z0-9_]*_?history$/i.test(b) || /^\.(?:lesshst|viminfo)$/i.test(b),
    reason: 'command history',
  },
  {
    // The AWS console's key downloads (`rootkey.csv`, `<user>_accessKeys.csv`, `<user>_credentials.csv`).
    test: (b) => /^(?:rootkey|(?:.*_)?access_?keys|.*_credentials)\.csv$/i.test(b),
    reason: 'AWS credentials file',
  },
  {
    // Cloud service-account keys, saved under names of their own (`gcp-key.json`, `…-firebase-adminsdk-….json`).
    test: (b) => /^(?:.*[-_.])?(?:key|keyfile)\.json$/i.test(b) || /firebase-adminsdk.*\.json$/i.test(b),
    reason: 'service account key',
  },
  {
    test: (b) =>
      /^(?:credentials|credentials\.(?:json|ya?ml|toml|xml|csv|ini)|client_secrets?\.json)$/i.test(b),
    reason: 'credentials file',
  },
  {
    test: (b) =>
      /^(?:secrets?\.(?:json|ya?ml|toml|ini|env)|passwords?\.txt|\.secrets?(?:\..*)?|service[-_]account.*\.json)$/i.test(
        b,
      ),
    reason: 'secrets file',
  },
  {
    test: (b) => /\.tfvars(?:\.json)?$/i.test(b) || /^terraform\.tfstate(?:\.backup)?$/i.test(b),
    reason: 'Terraform variables or state',
  },
  { test: (_b, p) => /(?:^|\/)\.docker\/config\.json$/.test(p), reason: 'Docker credentials file' },
  { test: (_b, p) => /(?:^|\/)\.aws\/(?:credentials|config)$/.test(p), reason: 'AWS credentials file' },
  { test: (_b, p) => /(?:^|\/)\.ssh\//.test(p) && !/\.pub$/.test(p), reason: 'SSH directory' },
  {
    test: (b, p) =>
      /(?:^|\/)\.kube\/config$/.test(p) || /^kubeconfig(?:[._-].*)?$/.test(b) || /[._-]kubeconfig$/.test(b),
    reason: 'Kubernetes credentials file',
  },
  { test: (_b, p) => /(?:^|\/)\.config\/gh\/hosts\.ya?ml$/.test(p), reason: 'GitHub CLI credentials file' },
  { test: (_b, p) => /(?:^|\/)\.composer\/auth\.json$/.test(p), reason: 'Composer credentials file' },
  {
    test: (_b, p) => /(?:^|\/)(?:\.config\/gcloud|\.azure|\.gnupg|\.password-store)\//.test(p),
    reason: 'credentials directory',
  },
];

/**
 * Backup, swap and copy suffixes editors and tools add: `id_rsa.bak`, `.env~`, `credentials.orig` are
 * the file they copy.
 */
const BACKUP_SUFFIX =
  /(?:~|\.(?:bak|backup|bk|old|orig|save|sav|swp|swo|tmp|temp|copy|prev|previous|rej|\d))+$/;

/** Why a path is a secret file, or undefined when it is not one. */
export function secretFileReason(path: string): string | undefined {
  const fullPath = path.replace(/\\/g, '/').toLowerCase();
  const fullBase = fullPath.split('/').pop() ?? fullPath;
  if (fullBase === '') return undefined;
  // A backup is judged by the name it is a copy of (but a name that is all suffix stays itself).
  const stripped = fullBase.replace(BACKUP_SUFFIX, '');
  const base = stripped === '' ? fullBase : stripped;
  const lowerPath = fullPath.slice(0, fullPath.length - fullBase.length) + base;
  // Public halves of key pairs are not secret.
  if (/\.pub$/.test(base) || /\.crt$|\.cer$/.test(base)) return undefined;
  for (const r of RULES) if (r.test(base, lowerPath)) return r.reason;
  return undefined;
}

/** True for `.env*` (not templates), `*.pem`, `*.key`, `id_rsa*`, credential stores, secrets files… */
export function isSecretFile(path: string): boolean {
  return secretFileReason(path) !== undefined;
}
