/**
 * Files that hold secrets by their nature (environment files, private keys, credential stores). Their
 * content never enters a bundle or a prompt, whatever it looks like.
 */

interface SecretFileRule {
  test: (base: string, lowerPath: string) => boolean;
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
  { test: (b) => /^id_(?:rsa|dsa|ecdsa|ed25519)(?:_[a-z0-9]+)?$/i.test(b), reason: 'SSH private key' },
  {
    test: (b) =>
      /^(?:\.npmrc|\.pypirc|\.netrc|_netrc|\.git-credentials|\.htpasswd|\.pgpass|\.dockercfg)$/i.test(b),
    reason: 'credentials file',
  },
  {
    test: (b) =>
      /^(?:credentials|credentials\.(?:json|ya?ml|toml|xml|csv|ini)|client_secrets?\.json)$/i.test(b),
    reason: 'credentials file',
  },
  {
    test: (b) =>
      /^(?:secrets?\.(?:json|ya?ml|toml|ini|env)|\.secrets?(?:\..*)?|service[-_]account.*\.json)$/i.test(b),
    reason: 'secrets file',
  },
  {
    test: (b) => /\.tfvars(?:\.json)?$/i.test(b) || /^terraform\.tfstate(?:\.backup)?$/i.test(b),
    reason: 'Terraform variables or state',
  },
  { test: (_b, p) => /(?:^|\/)\.docker\/config\.json$/.test(p), reason: 'Docker credentials' },
  { test: (_b, p) => /(?:^|\/)\.aws\/(?:credentials|config)$/.test(p), reason: 'AWS credentials' },
  { test: (_b, p) => /(?:^|\/)\.ssh\//.test(p) && !/\.pub$/.test(p), reason: 'SSH directory' },
  { test: (_b, p) => /(?:^|\/)\.kube\/config$/.test(p), reason: 'Kubernetes credentials' },
];

/** Why a path is a secret file, or undefined when it is not one. */
export function secretFileReason(path: string): string | undefined {
  const lowerPath = path.replace(/\\/g, '/').toLowerCase();
  const base = lowerPath.split('/').pop() ?? lowerPath;
  if (base === '') return undefined;
  // Public halves of key pairs are not secret.
  if (/\.pub$/.test(base) || /\.crt$|\.cer$/.test(base)) return undefined;
  for (const r of RULES) if (r.test(base, lowerPath)) return r.reason;
  return undefined;
}

/** True for `.env*` (not templates), `*.pem`, `*.key`, `id_rsa*`, credential stores, secrets files… */
export function isSecretFile(path: string): boolean {
  return secretFileReason(path) !== undefined;
}
