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
    // 36 characters follow the prefix; 16 are enough to know one, so a token cut short (a commit
    // subject shortened for display) still goes whole. Bounded by letters and digits, not by word
    // boundaries: in a file name (`last_login_ghp_….py`) an underscore sits next to the token.
    regex: /(?<![A-Za-z0-9])(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{16,255}(?![A-Za-z0-9])/g,
  },
  {
    id: 'github-token',
    message: 'GitHub fine-grained personal access token',
    regex: /(?<![A-Za-z0-9])github_pat_[A-Za-z0-9_]{22,255}(?![A-Za-z0-9_])/g,
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
    regex: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9])/g,
  },
  {
    id: 'aws-secret-access-key',
    message: 'AWS secret access key',
    regex:
      /\baws_?(?:secret_?access_?key|secret_?key|secret)\b["']?(?:[ \t]*(?:[:=]|:=|=>)\s*|[ \t]+)["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
    group: 1,
  },
  {
    id: 'aws-secret-access-key',
    message: 'AWS secret access key next to its key id',
    // The pair as the console's CSV download, `id:secret` or two arguments writes it, with no key name.
    regex:
      /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}["']?(?:[ \t]*[,:;|=][ \t]*|[ \t]+)["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g,
    group: 1,
  },
  {
    id: 'slack-token',
    message: 'Slack token',
    // Bot, user, legacy and refresh tokens (`xoxe-`, `xoxe.xoxp-`) and app-level tokens (`xapp-`).
    regex: /(?<![A-Za-z0-9_-])(?:xox[abposre](?:\.xox[bp])?|xapp)-[A-Za-z0-9-]{10,250}/g,
  },
  {
    id: 'slack-webhook',
    message: 'Slack webhook URL',
    regex: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,}/g,
  },
  {
    id: 'stripe-key',
    message: 'Stripe secret key',
    regex: /(?<![A-Za-z0-9])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,}(?![A-Za-z0-9])/g,
  },
  {
    id: 'stripe-key',
    message: 'Stripe webhook signing secret',
    regex: /(?<![A-Za-z0-9])whsec_[A-Za-z0-9+/]{24,}/g,
  },
  {
    id: 'gitlab-token',
    message: 'GitLab personal access token',
    regex: /(?<![A-Za-z0-9])glpat-[A-Za-z0-9_-]{20,}/g,
  },
  {
    id: 'pypi-token',
    message: 'PyPI upload token',
    regex: /(?<![A-Za-z0-9])pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{40,}/g,
  },
  {
    id: 'huggingface-token',
    message: 'Hugging Face access token',
    regex: /(?<![A-Za-z0-9])hf_[A-Za-z0-9]{30,}(?![A-Za-z0-9])/g,
    accept: (s) => looksRandom(s.slice(3)),
  },
  {
    id: 'google-api-key',
    message: 'Google API key',
    regex: /(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g,
  },
  {
    id: 'npm-token',
    message: 'npm access token',
    regex: /(?<![A-Za-z0-9])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g,
  },
  {
    id: 'jwt',
    message: 'JSON Web Token',
    // Starts only where a run of base64url characters starts: a `\b` start would try again at every
    // `eyJ` inside one long run (`eyJ-eyJ-…`) and scan the run each time, quadratic in its length.
    regex: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g,
  },
  {
    id: 'private-key',
    message: 'base64-encoded private key block',
    // `client-key-data:` of a kubeconfig, a key in a Kubernetes Secret or a CI variable: the base64 of
    // `-----BEGIN`, on one line or wrapped in lines of 60 characters or more.
    regex:
      /(?<![A-Za-z0-9+/])LS0tLS1CRUdJTi[A-Za-z0-9+/]{20,}={0,2}(?:\r?\n[ \t]*[A-Za-z0-9+/]{60,}={0,2})*/g,
    accept: (s) => /PRIVATE KEY/.test(Buffer.from(s.slice(0, 80), 'base64').toString('latin1')),
  },
  {
    id: 'private-key',
    message: 'base64 DER private key',
    // A key's body without its BEGIN/END lines (as environment variables and CI secrets often hold it):
    // PKCS#8, PKCS#1, SEC1 or a PKCS#12 store, on one line or wrapped (also in `\n`-escaped JSON).
    regex: /(?<![A-Za-z0-9+/])M[A-Za-z0-9+/]{59,}={0,2}(?:(?:\r?\n|\\n)[ \t]*[A-Za-z0-9+/]{20,}={0,2})*/g,
    accept: isDerPrivateKey,
  },
  {
    id: 'basic-auth',
    message: 'HTTP Basic credentials',
    // `Authorization: Basic <base64 of user:password>`, and the `auth` of a Docker config.json.
    regex: /(?:\bBasic[ \t]+|"auth"[ \t]*:[ \t]*")([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/g,
    group: 1,
    accept: (s) => /^[\x20-\x7e]+:[\x20-\x7e]+$/.test(Buffer.from(s, 'base64').toString('latin1')),
  },
  {
    id: 'bearer-token',
    message: 'bearer token',
    regex: /\b(?:Bearer|token)[ \t]+([A-Za-z0-9._~+/-]{20,500}=*)(?![A-Za-z0-9._~+/=-])/g,
    group: 1,
    accept: (s) => looksRandom(s),
  },
  {
    id: 'netrc-password',
    message: 'password in a .netrc entry',
    // A host name with a dot, or a login before the password: "machine learning password strength"
    // in prose is neither.
    regex:
      /\bmachine[ \t\r\n]+(?:[^\s.]{0,120}\.[^\s]{1,200}[ \t\r\n]+(?:login[ \t\r\n]+[^\s]{1,200}[ \t\r\n]+)?|[^\s]{1,253}[ \t\r\n]+login[ \t\r\n]+[^\s]{1,200}[ \t\r\n]+)password[ \t]+([^\s]{1,500})/g,
    group: 1,
    accept: (s) => !isPlaceholder(s),
  },
  {
    id: 'url-credentials',
    message: 'password in a URL',
    regex: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@'"]{1,100}:([^\s:/@'"]{3,200})@[^\s/'"]/gi,
    group: 1,
    accept: (s) => !isPlaceholder(s),
  },
  {
    id: 'url-credentials',
    message: 'token in a URL',
    // `https://<token>@github.com/…`: a user part that is a generated token rather than a name.
    regex: /(?<![A-Za-z0-9+.-])[a-z][a-z0-9+.-]{1,20}:\/\/([^\s:/@'"]{16,200})@[^\s/'"]/gi,
    group: 1,
    accept: (s) => looksRandom(s),
  },
  {
    id: 'azure-key',
    message: 'Azure storage or service bus key in a connection string',
    regex: /\b(?:AccountKey|SharedAccessKey)[ \t]*=[ \t]*([A-Za-z0-9+/]{20,}={0,2})(?![A-Za-z0-9+/=])/g,
    group: 1,
  },
  {
    id: 'command-password',
    message: 'password on a command line',
    // `curl -u user:password` (and `--user`): the shell hands the value to curl as it is.
    regex: /\bcurl\b[^\r\n]{0,300}?[ \t](?:-u|--user)(?:[ \t]+|=)["'`]?[^\s:"'`]{1,100}:([^\s"'`]{4,200})/g,
    group: 1,
    accept: isCommandPassword,
  },
  {
    id: 'command-password',
    message: 'password on a command line',
    regex: /\bsshpass[ \t]+-p[ \t]*["'`]?([^\s"'`]{4,200})/g,
    group: 1,
    accept: isCommandPassword,
  },
  {
    id: 'command-password',
    message: 'password on a command line',
    // `mysql -p<password>`: the value follows the flag with no blank.
    regex: /\b(?:mysql|mysqldump|mysqladmin|mariadb)\b[^\r\n]{0,300}?[ \t]-p([^\s"'`-][^\s"'`]{3,200})/g,
    group: 1,
    accept: isCommandPassword,
  },
];

/** A value on a command line that is not a variable or a placeholder (`-p<password>:` in prose). */
function isCommandPassword(value: string): boolean {
  return !isPlaceholder(value.replace(/[.,;:)\]}]+$/, ''));
}

/**
 * Whether base64 text starts like the DER of a private key: a SEQUENCE whose first element is the
 * version INTEGER 0 or 1 (PKCS#8, PKCS#1, SEC1) or 3 (PKCS#12), followed by a SEQUENCE, an INTEGER or an
 * OCTET STRING. Public keys and certificates start their SEQUENCE with another SEQUENCE.
 */
function isDerPrivateKey(b64: string): boolean {
  const der = Buffer.from(b64.slice(0, 24), 'base64');
  if (der[0] !== 0x30) return false;
  const lengthByte = der[1] ?? 0;
  const at = lengthByte < 0x80 ? 2 : 2 + (lengthByte & 0x7f);
  if (lengthByte > 0x84) return false;
  const [tag, len, version, next] = [der[at], der[at + 1], der[at + 2], der[at + 3]];
  return (
    tag === 0x02 &&
    len === 0x01 &&
    (version === 0 || version === 1 || version === 3) &&
    (next === 0x30 || next === 0x02 || next === 0x04)
  );
}

/** Key names whose value is a secret in configuration text. */
const SECRET_KEY_NAME =
  '[A-Za-z0-9_.-]{0,40}?(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|session[_-]?key|master[_-]?key|private[_-]?key|client[_-]?secret|auth[_-]?key|credentials?|signing[_-]?key|encryption[_-]?key)';

/**
 * Secrets in XML: `<password>…</password>` (Maven's settings.xml, Spring and Tomcat configuration) and
 * `<add key="DbPassword" value="…"/>` (.NET's appSettings).
 */
GUARDIAN_PATTERNS.push(
  {
    id: 'generic-secret',
    message: 'secret in an XML element',
    regex: new RegExp(`<(${SECRET_KEY_NAME})>[ \\t]*([^<\\s][^<\\r\\n]{3,500}?)[ \\t]*</\\1>`, 'gi'),
    group: 2,
    accept: (s) => !isPlaceholder(s),
  },
  {
    id: 'generic-secret',
    message: 'secret in an XML key/value pair',
    regex: new RegExp(
      `\\bkey[ \\t]*=[ \\t]*"(${SECRET_KEY_NAME})"[ \\t]+value[ \\t]*=[ \\t]*"([^"\\r\\n]{4,500})"`,
      'gi',
    ),
    group: 2,
    accept: (s) => !isPlaceholder(s),
  },
);

/**
 * `NAME = value` / `NAME: value` / `"name": "value"` where NAME ends in a secret-ish word. An unquoted
 * value runs to a blank or a quote: a `#`, `,` or `;` inside it (`Pw1x#k9Zq…`) is part of it, not the
 * start of a comment, or the redaction would leave the rest of the secret behind. Applied to
 * configuration-like files (and text of unknown origin); elsewhere it is applied only to values that
 * look random (see `looksRandom`), so test fixtures like `password="correct horse"` stay readable.
 */
export const GENERIC_ASSIGNMENT: SecretPattern = {
  id: 'generic-secret',
  message: 'secret-looking assignment',
  regex: new RegExp(
    `(?<![A-Za-z0-9])${SECRET_KEY_NAME}["']?[ \\t]*(?:=|:(?!:)|:=|=>)[ \\t]*(?:"([^"\\r\\n]{4,})"|'([^'\\r\\n]{4,})'|([^\\s"'#,;](?:[^\\s"'#,;]|[#,;](?=[^\\s"'#,;]))*))`,
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

/** Source files: an unquoted value there is an expression (a variable, a call), never a literal. */
const CODE_EXTENSION =
  /\.(?:py|pyi|pyx|js|jsx|mjs|cjs|ts|tsx|mts|cts|java|kt|kts|scala|groovy|go|rs|rb|php|cs|fs|vb|c|h|cc|cpp|cxx|hh|hpp|hxx|m|mm|swift|dart|lua|pl|pm|r|jl|ex|exs|erl|hrl|hs|ml|mli|clj|cljs|elm|vue|svelte|sol|zig|nim)$/i;

/**
 * How the generic assignment rule reads a text: `config` (any literal value of a secret-named key is a
 * secret), `code` (only quoted values that look random) or `text` (documentation, scripts, notes: any
 * value that looks random, quoted or not).
 */
export function textKind(path: string | undefined): 'config' | 'code' | 'text' {
  if (isConfigLikePath(path)) return 'config';
  const base = (path ?? '').split(/[\\/]/).pop() ?? '';
  return CODE_EXTENSION.test(base) ? 'code' : 'text';
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
