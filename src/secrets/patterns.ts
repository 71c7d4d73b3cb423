/**
 * Guardian's own secret patterns, on top of secretlint's recommended preset. They cover tokens the
 * preset misses or only finds in some shapes (OpenAI keys, a lone AWS access key id, fine-grained
 * GitHub tokens, private key blocks of any kind, JWTs) and the generic `password = "…"` assignment of
 * configuration files.
 */

export interface SecretPattern {
  /** Short id, used in `[REDACTED:<id>]` and as `guardian/<id>` in findings. */
  id: string;
  message: string;
  /** Global regex. When `group` is set, only that capture group is the secret. */
  regex: RegExp;
  group?: number;
  /** Extra check on the matched secret (false = not a secret, e.g. a placeholder). */
  accept?: (secret: string) => boolean;
}

export const GUARDIAN_PATTERNS: SecretPattern[] = [
  {
    id: 'private-key',
    message: 'private key block',
    // Any PEM/OpenSSH/PGP private key, including a block cut off before its END line.
    regex:
      /-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----|$(?![\s\S]))/g,
  },
  {
    id: 'github-token',
    message: 'GitHub token',
    regex: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}\b/g,
  },
  {
    id: 'github-token',
    message: 'GitHub fine-grained personal access token',
    regex: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g,
  },
  {
    id: 'openai-key',
    message: 'OpenAI-style API key (sk-…)',
    regex: /(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-|ant-(?:api\d\d-)?)?[A-Za-z0-9_-]{20,}/g,
    // Real keys mix letters and digits; "sk-learn-style-identifiers" do not.
    accept: (s) => /\d/.test(s) && /[A-Za-z]/.test(s.slice(3)),
  },
  {
    id: 'aws-access-key-id',
    message: 'AWS access key id',
    regex: /\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b/g,
  },
  {
    id: 'aws-secret-access-key',
    message: 'AWS secret access key',
    regex:
      /\baws_?(?:secret_?access_?key|secret_?key|secret)\b["']?\s*(?:[:=]|:=|=>)\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
    group: 1,
  },
  {
    id: 'slack-token',
    message: 'Slack token',
    regex: /\bxox[abposr]-[A-Za-z0-9-]{10,250}/g,
  },
  {
    id: 'slack-webhook',
    message: 'Slack webhook URL',
    regex: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,}/g,
  },
  {
    id: 'stripe-key',
    message: 'Stripe secret key',
    regex: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,}\b/g,
  },
  {
    id: 'google-api-key',
    message: 'Google API key',
    regex: /\bAIza[0-9A-Za-z_-]{35}\b/g,
  },
  {
    id: 'npm-token',
    message: 'npm access token',
    regex: /\bnpm_[A-Za-z0-9]{36}\b/g,
  },
  {
    id: 'jwt',
    message: 'JSON Web Token',
    regex: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g,
  },
  {
    id: 'url-credentials',
    message: 'password in a URL',
    regex: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@'"]{1,100}:([^\s:/@'"]{3,200})@[^\s/'"]/gi,
    group: 1,
    accept: (s) => !isPlaceholder(s),
  },
];

/** Key names whose value is a secret in configuration text. */
const SECRET_KEY_NAME =
  '[A-Za-z0-9_.-]{0,40}?(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|session[_-]?key|master[_-]?key|private[_-]?key|client[_-]?secret|auth[_-]?key|credentials?|signing[_-]?key|encryption[_-]?key)';

/**
 * `NAME = value` / `NAME: value` / `"name": "value"` where NAME ends in a secret-ish word. Applied to
 * configuration-like files (and text of unknown origin); in source code it is applied only to values
 * that look random (see `looksRandom`), so test fixtures like `password="correct horse"` stay readable.
 */
export const GENERIC_ASSIGNMENT: SecretPattern = {
  id: 'generic-secret',
  message: 'secret-looking assignment',
  regex: new RegExp(
    `(?<![A-Za-z0-9])${SECRET_KEY_NAME}["']?[ \\t]*(?:=|:(?!:)|:=|=>)[ \\t]*(?:"([^"\\r\\n]{4,})"|'([^'\\r\\n]{4,})'|([^\\s"'#,;]{4,}))`,
    'gi',
  ),
};

const PLACEHOLDER =
  /^(?:\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\{\{.*\}\}|<[^>]*>|%\(.*\)s?|\*+|x+|\.{3}|changeme|change[_-]?me|your[_-].*|example.*|dummy|placeholder|redacted|none|null|nil|true|false|undefined|secret|password|token|todo|tbd|fake.*|test|\[REDACTED:[^\]]*\])$/i;

export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length < 4) return true;
  if (PLACEHOLDER.test(v)) return true;
  // Lookups rather than literals: os.environ[...], process.env.X, getenv("X"), ENV["X"].
  if (/(?:environ|process\.env|getenv|ENV\[|env\(|secrets\.|vars\.)/i.test(v)) return true;
  // A function call or expression rather than a literal.
  if (/^[A-Za-z_][A-Za-z0-9_.]*\(/.test(v)) return true;
  return false;
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** A value that looks machine-generated: long, no spaces, mixed classes, high entropy. */
export function looksRandom(value: string): boolean {
  if (value.length < 12 || /\s/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length;
  return classes >= 2 && /\d/.test(value) && entropy(value) >= 3.3;
}

/** Files whose text is configuration (KEY=value), where any secret-named key holds a secret. */
export function isConfigLikePath(path: string | undefined): boolean {
  if (path === undefined) return true;
  const base = path.split(/[\\/]/).pop() ?? path;
  return (
    /^\.env(?:\..*)?$/i.test(base) ||
    /\.(?:env|ini|cfg|conf|config|properties|toml|ya?ml|json|tfvars|envrc)$/i.test(base) ||
    /^(?:\.npmrc|\.pypirc|\.netrc|_netrc|\.htpasswd|dockerfile|docker-compose.*)$/i.test(base)
  );
}
