/**
 * Enforceable checks: regular expressions the Validator runs over the ADDED lines of a change (one line
 * at a time, without the diff's leading '+') in files matching `paths`. Each is tied to a threat category
 * and to the languages it understands; the consultant attaches the ones whose category the task
 * triggers. They aim at constructs that are wrong in nearly every context, so a hit is worth a failed
 * guard: patterns skip comment lines and the obviously safe forms (bound parameters, safe loaders,
 * tagged SQL templates, clearing `innerHTML`).
 */
import type { CategoryId } from './categories.js';

export type Language = 'python' | 'javascript' | 'go' | 'java' | 'ruby' | 'php' | 'template' | 'any';

export interface CheckDefinition {
  id: string;
  category: CategoryId;
  /** Languages whose files the check reads; the finding's `paths` are derived from them. */
  languages: Language[];
  description: string;
  /** JavaScript RegExp source, matched against one added line. */
  pattern: string;
  flags?: string;
  /** Overrides the language globs (for manifests and similar). */
  paths?: string[];
  message: string;
}

/** What security.json carries for a check (the contract the Validator reads). */
export interface SecurityCheck {
  id: string;
  description: string;
  pattern: string;
  flags?: string;
  paths?: string[];
  message: string;
}

export const LANGUAGE_GLOBS: Record<Exclude<Language, 'any'>, string[]> = {
  python: ['**/*.py', '**/*.pyw'],
  javascript: [
    '**/*.js',
    '**/*.jsx',
    '**/*.mjs',
    '**/*.cjs',
    '**/*.ts',
    '**/*.tsx',
    '**/*.mts',
    '**/*.cts',
    '**/*.vue',
    '**/*.svelte',
  ],
  go: ['**/*.go'],
  java: ['**/*.java', '**/*.kt'],
  ruby: ['**/*.rb'],
  php: ['**/*.php'],
  template: [
    '**/*.html',
    '**/*.htm',
    '**/*.jinja',
    '**/*.jinja2',
    '**/*.j2',
    '**/*.ejs',
    '**/*.hbs',
    '**/*.njk',
  ],
};

/** Lines that are comments (`#`, `//`, `/*`, ` * `) are not code. */
const NOT_COMMENT = String.raw`^(?!\s*(?:#|\/\/|\/\*|\*(?!\*)\s|--\s))`;

// SQL shapes, in upper or lower case but not mixed, so English prose ("Select one from …") stays out.
const SQL_UPPER = String.raw`(?:\bSELECT\b[^"'\x60\n]*\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\b[^"'\x60\n]*\bSET\b|\bDELETE\s+FROM\b|\bWHERE\b[^"'\x60\n]*(?:[=<>]|\bLIKE\b|\bIN\b))`;
const SQL_LOWER = String.raw`(?:\bselect\s+(?:\*|distinct\b|count\s*\(|[\w.]+(?:\s*,\s*[\w.]+)*)\s+from\b|\binsert\s+into\b|\bupdate\b[^"'\x60\n]*\bset\b|\bdelete\s+from\b|\bwhere\b[^"'\x60\n]*(?:[=<>]|\blike\b|\bin\b))`;
const SQL = `(?:${SQL_UPPER}|${SQL_LOWER})`;
const KEY_NAMES = String.raw`(?:secret|secret_?key|api_?key|apikey|access_?key|auth_?token|access_?token|private_?key|client_?secret|signing_?key)`;
const PASSWORD_NAMES = String.raw`(?:passw(?:or)?d|passwd|pwd|db_?pass)`;
const PLACEHOLDER = String.raw`(?:changeme|change-me|example|dummy|test|fake|placeholder|redacted|xxx|your[-_]|<|\$\{|%\(|\{\{)`;

export const CHECKS: CheckDefinition[] = [
  // --- SQL injection
  {
    id: 'no-sql-fstring',
    category: 'sql-injection',
    languages: ['python'],
    description: 'SQL built with a Python f-string',
    pattern: String.raw`${NOT_COMMENT}.*\b[fF][rR]?(["'])(?=(?:(?!\1).)*\{)(?=(?:(?!\1).)*${SQL})`,
    message: 'SQL built with an f-string: pass values as bound parameters (`:name`, `?`, `%s`) instead.',
  },
  {
    id: 'no-sql-string-format',
    category: 'sql-injection',
    languages: ['python', 'javascript', 'java', 'ruby', 'php'],
    description: 'SQL string literal joined or formatted with data (`+`, `%`, `.format()`)',
    pattern: String.raw`${NOT_COMMENT}.*(["'])(?=(?:(?!\1).)*\1\s*(?:\+\s*[\w(\[]|%\s*[\w(\[]|\.format\s*\())(?=(?:(?!\1).)*${SQL})`,
    message: 'SQL built by joining or formatting strings: use bound parameters instead.',
  },
  {
    id: 'no-sql-template-literal',
    category: 'sql-injection',
    languages: ['javascript'],
    description: 'SQL in an untagged template literal with `${…}`',
    // Tagged templates (sql`…`, Prisma.sql`…`, $queryRaw`…`) bind their values: the backtick must not
    // follow an identifier.
    pattern: String.raw`${NOT_COMMENT}.*(?<![\w$.\x60])\x60(?=[^\x60]*\$\{)(?=[^\x60]*${SQL})`,
    message:
      'SQL in a template literal with ${…}: use placeholders ($1, ?) with a values array, or a tagged sql`` template.',
  },
  {
    id: 'no-sql-sprintf',
    category: 'sql-injection',
    languages: ['go'],
    description: 'SQL built with fmt.Sprintf',
    pattern: String.raw`${NOT_COMMENT}.*\bfmt\.Sprintf\(\s*["\x60][^"\x60]*${SQL}`,
    message: 'SQL built with fmt.Sprintf: pass values as query arguments ($1 / ?) instead.',
  },
  // --- Command and code injection
  {
    id: 'no-shell-true',
    category: 'command-injection',
    languages: ['python'],
    description: 'subprocess with shell=True',
    pattern: String.raw`${NOT_COMMENT}.*\bshell\s*=\s*True\b`,
    message: 'shell=True runs the command through a shell: pass an argument list without shell=True.',
  },
  {
    id: 'no-os-system',
    category: 'command-injection',
    languages: ['python'],
    description: 'os.system / os.popen / subprocess.getoutput with a non-constant command',
    pattern: String.raw`${NOT_COMMENT}.*\b(?:os\.(?:system|popen)|subprocess\.(?:getoutput|getstatusoutput))\s*\((?!\s*[rb]?(["'])[^"'{}%]*\1\s*\))`,
    message: 'os.system/os.popen/getoutput run a shell: use subprocess.run([...]) with an argument list.',
  },
  {
    id: 'no-subprocess-built-string',
    category: 'command-injection',
    languages: ['python'],
    description: 'subprocess called with a formatted command string',
    pattern: String.raw`${NOT_COMMENT}.*\bsubprocess\.(?:run|call|check_call|check_output|Popen)\s*\(\s*(?:[fF]["']|(["'])[^"'\n]*\1\s*(?:\+|%|\.format\())`,
    message: 'subprocess called with a built string: pass the program and its arguments as a list.',
  },
  {
    id: 'no-python-eval',
    category: 'command-injection',
    languages: ['python'],
    description: 'eval()/exec() in Python',
    pattern: String.raw`${NOT_COMMENT}.*(?<![\w.])(?:eval|exec)\s*\(`,
    message: 'eval/exec run arbitrary code: parse the data instead (json, ast.literal_eval, a lookup table).',
  },
  {
    id: 'no-child-process-exec-built',
    category: 'command-injection',
    languages: ['javascript'],
    description: 'child_process exec/execSync with a template string or concatenation',
    pattern: String.raw`${NOT_COMMENT}.*(?:(?<![\w$.])|\b(?:child_process|childProcess|cp)\.)(?:exec|execSync)\s*\(\s*(?:\x60[^\x60]*\$\{|(["'])[^"'\n]*\1\s*\+|[\w$.]+\s*\+)`,
    message:
      'exec() with a built command runs it through a shell: use execFile/spawn with an argument array.',
  },
  {
    id: 'no-spawn-shell',
    category: 'command-injection',
    languages: ['javascript'],
    description: 'spawn/execFile with shell: true',
    pattern: String.raw`${NOT_COMMENT}.*\bshell\s*:\s*true\b`,
    message: 'shell: true turns an argument array back into a shell command line: leave it off.',
  },
  {
    id: 'no-js-eval',
    category: 'command-injection',
    languages: ['javascript'],
    description: 'eval(), new Function() or string timers in JavaScript',
    pattern: String.raw`${NOT_COMMENT}.*(?:(?<![\w$.])eval\s*\(|\bnew\s+Function\s*\(|\bset(?:Timeout|Interval)\s*\(\s*["'\x60])`,
    message: 'eval/new Function run strings as code: parse data with JSON.parse or use a lookup table.',
  },
  {
    id: 'no-go-shell',
    category: 'command-injection',
    languages: ['go'],
    description: 'exec.Command through a shell (sh -c)',
    pattern: String.raw`${NOT_COMMENT}.*\bexec\.Command(?:Context)?\([^)\n]*"(?:/bin/)?(?:ba|z)?sh"\s*,\s*"-c"`,
    message:
      'exec.Command("sh", "-c", …) runs a shell command line: call the program with separate arguments.',
  },
  // --- Path traversal
  {
    id: 'no-request-path-to-file-api',
    category: 'path-traversal',
    languages: ['python'],
    description: 'request data passed straight to open()/send_file()/os.path.join()',
    pattern: String.raw`${NOT_COMMENT}.*\b(?:open|send_file|os\.path\.join|Path)\s*\([^)\n]*\brequest\.(?:args|form|values|files|json|GET|POST|query_params|path_params)\b`,
    message:
      'A path built from request data can leave the base directory: resolve it and check it stays inside, or use send_from_directory/secure_filename.',
  },
  {
    id: 'no-request-path-to-fs',
    category: 'path-traversal',
    languages: ['javascript'],
    description: 'req.params/query/body passed straight to fs or sendFile',
    pattern: String.raw`${NOT_COMMENT}.*\b(?:fs(?:\.promises)?\.\w+|res\.(?:sendFile|download)|path\.(?:join|resolve))\s*\([^)\n]*\breq\.(?:params|query|body)\b`,
    message:
      'A path built from request data can leave the base directory: resolve it and check the prefix, or use sendFile with { root }.',
  },
  // --- XSS and template injection
  {
    id: 'no-inner-html',
    category: 'xss',
    languages: ['javascript', 'template'],
    description: 'assignment to innerHTML/outerHTML (other than clearing it)',
    pattern: String.raw`${NOT_COMMENT}.*\.(?:inner|outer)HTML\s*\+?=(?!=)(?!\s*(?:""|''|\x60\x60)\s*;?\s*$)`,
    message: 'innerHTML/outerHTML parse data as markup: set textContent, or sanitize with DOMPurify.',
  },
  {
    id: 'no-dangerously-set-inner-html',
    category: 'xss',
    languages: ['javascript'],
    description: 'React dangerouslySetInnerHTML / insertAdjacentHTML / document.write',
    pattern: String.raw`${NOT_COMMENT}.*(?:\bdangerouslySetInnerHTML\s*=|\.insertAdjacentHTML\s*\(|\bdocument\.write(?:ln)?\s*\()`,
    message: 'This renders a string as HTML: render text, or sanitize with DOMPurify first.',
  },
  {
    id: 'no-render-template-string-data',
    category: 'xss',
    languages: ['python'],
    description: 'render_template_string / Markup / mark_safe on built strings',
    pattern: String.raw`${NOT_COMMENT}.*\b(?:render_template_string|Markup|mark_safe|Template)\s*\(\s*(?:[fF]["']|(["'])[^"'\n]*\1\s*(?:\+|%|\.format\()|request\.)`,
    message:
      'A template or markup built from data allows template injection/XSS: render a constant template with variables.',
  },
  {
    id: 'no-unescaped-template-output',
    category: 'xss',
    languages: ['template'],
    description: 'autoescape off or raw output in templates',
    pattern: String.raw`\{%-?\s*autoescape\s+(?:false|off)\b|<%-|\{\{\{`,
    message: 'Raw template output bypasses escaping: use the escaping form and pre-escaped values.',
  },
  {
    id: 'no-go-template-html-cast',
    category: 'xss',
    languages: ['go'],
    description: 'converting data to template.HTML',
    pattern: String.raw`${NOT_COMMENT}.*\btemplate\.(?:HTML|JS|URL)\(\s*(?!")`,
    message: 'template.HTML(...) disables escaping for this value: pass plain strings to html/template.',
  },
  // --- SSRF
  {
    id: 'no-request-url-fetch',
    category: 'ssrf',
    languages: ['python'],
    description: 'HTTP request to a URL taken straight from the request',
    pattern: String.raw`${NOT_COMMENT}.*\b(?:requests|httpx|session|client|urllib\.request)\.(?:get|post|put|patch|delete|head|request|urlopen)\s*\(\s*(?:request\.(?:args|form|values|json|GET|POST|data|query_params)\b|[fF]["']https?://\{)`,
    message:
      'The server fetches a URL the client controls: validate scheme and host and refuse private addresses first.',
  },
  {
    id: 'no-request-url-fetch-js',
    category: 'ssrf',
    languages: ['javascript'],
    description: 'fetch/axios/got/http.get of a URL taken straight from the request',
    pattern: String.raw`${NOT_COMMENT}.*\b(?:fetch|axios(?:\.(?:get|post|put|patch|delete|head|request))?|got|https?\.(?:get|request))\s*\(\s*(?:req|request)\.(?:query|body|params)\b`,
    message:
      'The server fetches a URL the client controls: validate scheme and host and refuse private addresses first.',
  },
  // --- Authentication and sessions
  {
    id: 'no-jwt-verification-bypass',
    category: 'authentication',
    languages: ['python', 'javascript', 'go'],
    description: 'JWT decoding without signature verification or with alg none',
    pattern: String.raw`${NOT_COMMENT}.*(?:["']?verify_signature["']?\s*:\s*False|\bverify\s*=\s*False[^\n]*\bjwt\b|\bjwt\b[^\n]*\bverify\s*=\s*False|algorithms\s*[:=]\s*\[\s*["']none["']|\bjwt\.decode\s*\((?![^)\n]*\b(?:algorithms|key|secret)\b)[^)\n]*\)\s*$|\bParseUnverified\s*\()`,
    flags: 'i',
    message: 'The token is decoded without verifying its signature: verify with an explicit algorithm list.',
  },
  {
    id: 'no-csrf-exempt',
    category: 'authentication',
    languages: ['python'],
    description: 'CSRF protection switched off',
    pattern: String.raw`${NOT_COMMENT}.*(?:@csrf_exempt\b|\bcsrf\.exempt\b|WTF_CSRF_ENABLED["']?\]?\s*[:=]\s*False)`,
    message: 'CSRF protection is switched off here: keep it on for cookie-authenticated state changes.',
  },
  // --- Authorization
  {
    id: 'no-allow-any-permission',
    category: 'authorization',
    languages: ['python'],
    description: 'Django REST framework AllowAny on a view',
    pattern: String.raw`${NOT_COMMENT}.*\bpermission_classes\s*=\s*[\[(]\s*AllowAny\b`,
    message: 'AllowAny makes the view public: require authentication and check object ownership.',
  },
  // --- Cryptography and randomness
  {
    id: 'no-weak-hash',
    category: 'cryptography',
    languages: ['python'],
    description: 'MD5/SHA-1 in Python (unless usedforsecurity=False)',
    pattern: String.raw`${NOT_COMMENT}.*\bhashlib\.(?:md5|sha1)\s*\((?![^)\n]*usedforsecurity\s*=\s*False)|\bhashlib\.new\(\s*["'](?:md5|sha1)["']`,
    message:
      'MD5/SHA-1 are broken for security use: use SHA-256 (HMAC) or a password hash (argon2/bcrypt/scrypt).',
  },
  {
    id: 'no-weak-hash-js',
    category: 'cryptography',
    languages: ['javascript'],
    description: 'MD5/SHA-1 in Node crypto',
    pattern: String.raw`${NOT_COMMENT}.*\bcreate(?:Hash|Hmac)\(\s*["'](?:md5|sha1)["']`,
    flags: 'i',
    message: 'MD5/SHA-1 are broken for security use: use sha256 (HMAC) or scrypt/argon2 for passwords.',
  },
  {
    id: 'no-weak-hash-go',
    category: 'cryptography',
    languages: ['go'],
    description: 'MD5/SHA-1 in Go',
    pattern: String.raw`${NOT_COMMENT}.*"crypto/(?:md5|sha1)"|\b(?:md5|sha1)\.(?:New|Sum)\w*\(`,
    message: 'MD5/SHA-1 are broken for security use: use crypto/sha256 (HMAC) or bcrypt/argon2.',
  },
  {
    id: 'no-insecure-random',
    category: 'cryptography',
    languages: ['python'],
    description: 'the random module (not a CSPRNG) in security-relevant code',
    pattern: String.raw`${NOT_COMMENT}.*\brandom\.(?:random|randint|randrange|choice|choices|getrandbits|sample|uniform)\s*\(`,
    message:
      'The random module is predictable: use the secrets module (secrets.token_urlsafe, secrets.choice).',
  },
  {
    id: 'no-math-random',
    category: 'cryptography',
    languages: ['javascript'],
    description: 'Math.random() in security-relevant code',
    pattern: String.raw`${NOT_COMMENT}.*\bMath\.random\s*\(`,
    message:
      'Math.random is predictable: use crypto.randomBytes / crypto.randomUUID / crypto.getRandomValues.',
  },
  {
    id: 'no-go-math-rand',
    category: 'cryptography',
    languages: ['go'],
    description: 'math/rand in security-relevant code',
    pattern: String.raw`"math/rand(?:/v2)?"`,
    message: 'math/rand is predictable: use crypto/rand.',
  },
  {
    id: 'no-tls-verify-off',
    category: 'cryptography',
    languages: ['python', 'javascript', 'go'],
    description: 'TLS certificate verification disabled',
    pattern: String.raw`${NOT_COMMENT}.*(?:\b(?:requests|httpx|session|client)\.\w+\([^\n]*\bverify\s*=\s*False|\brejectUnauthorized\s*:\s*false|\bInsecureSkipVerify\s*:\s*true|NODE_TLS_REJECT_UNAUTHORIZED[^\n]*["']?0|\bssl\._create_unverified_context\b|\bCERT_NONE\b)`,
    message: 'TLS certificate verification is off: connections can be intercepted; keep verification on.',
  },
  // --- Unsafe deserialization
  {
    id: 'no-pickle-loads',
    category: 'deserialization',
    languages: ['python'],
    description: 'pickle/marshal/dill/jsonpickle deserialization',
    pattern: String.raw`${NOT_COMMENT}.*\b(?:c?[pP]ickle|dill|marshal|jsonpickle|shelve|joblib)\.(?:loads?|Unpickler|decode|open)\s*\(`,
    message: 'Unpickling runs code embedded in the data: exchange JSON (validated) instead.',
  },
  {
    id: 'no-yaml-unsafe-load',
    category: 'deserialization',
    languages: ['python'],
    description: 'yaml.load without a safe loader, or yaml.unsafe_load',
    pattern: String.raw`${NOT_COMMENT}.*\byaml\.(?:(?:load|load_all)\s*\((?![^\n]*Loader\s*=\s*(?:yaml\.)?C?(?:SafeLoader|BaseLoader))|unsafe_load(?:_all)?\s*\(|full_load(?:_all)?\s*\()`,
    message:
      'yaml.load can construct arbitrary objects: use yaml.safe_load (or Loader=yaml.SafeLoader on the same line).',
  },
  {
    id: 'no-node-unserialize',
    category: 'deserialization',
    languages: ['javascript', 'java'],
    description: 'node-serialize unserialize() / Java ObjectInputStream',
    pattern: String.raw`${NOT_COMMENT}.*(?:\bunserialize\s*\(|\brequire\(\s*["']node-serialize["']\)|\bnew\s+ObjectInputStream\s*\()`,
    message: 'This deserializer can run code from the data: use JSON with schema validation.',
  },
  // --- Secrets
  {
    id: 'no-hardcoded-credential',
    category: 'secrets',
    languages: ['python', 'javascript', 'go', 'java', 'ruby', 'php'],
    description: 'a credential-named variable or key assigned a string literal',
    // Password-named values must look like real passwords (12+ characters with letters and digits) so test
    // fixtures such as "correct horse" pass; key/secret/token-named values need 8+ characters.
    pattern: String.raw`${NOT_COMMENT}.*(?:^|[^\w])["']?\w*(?:${KEY_NAMES}["']?\s*(?::=|[:=])\s*["'](?!${PLACEHOLDER})[^"'\s]{8,}["']|${PASSWORD_NAMES}["']?\s*(?::=|[:=])\s*["'](?!${PLACEHOLDER})(?=[^"'\s]*\d)(?=[^"'\s]*[a-z])[^"'\s]{12,}["'])`,
    flags: 'i',
    message: 'A credential is written into the code: read it from the environment or a secret store.',
  },
  {
    id: 'no-secret-token-literal',
    category: 'secrets',
    languages: ['any'],
    description: 'a known secret format (GitHub, OpenAI, AWS, Slack tokens, private keys)',
    pattern: String.raw`\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,}|sk-(?:proj-|ant-)?[A-Za-z0-9_-]{32,}|(?:AKIA|ASIA)[A-Z2-7]{16}|xox[abposr]-[A-Za-z0-9-]{10,})\b|-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----`,
    paths: ['**'],
    message:
      'A secret token or private key is in the change: remove it, rotate it, and load it from the environment.',
  },
  // --- Sensitive logging
  {
    id: 'no-secret-in-logs',
    category: 'sensitive-logging',
    languages: ['python', 'javascript', 'go'],
    description: 'a log call whose arguments include a password/token/secret variable',
    pattern: String.raw`${NOT_COMMENT}.*\b(?:logger|logging|log|console|slog|logrus)\.\w+\s*\([^\n]*(?:[{,+(%]\s*|\$\{\s*)(?:\w+\.)*(?:password|passwd|secret|token|api_?key|access_?token|refresh_?token|authorization|card_?number|ssn)(?!\w)(?!\s*[=(])`,
    flags: 'i',
    message: 'A secret value is passed to a log call: log an id or a masked value instead.',
  },
  // --- File upload
  {
    id: 'no-client-filename',
    category: 'file-upload',
    languages: ['python', 'javascript'],
    description: 'saving an upload under the client-supplied file name',
    pattern: String.raw`${NOT_COMMENT}.*(?:\.save\s*\([^\n]*(?<!secure_filename\(\s*)(?<![\w.])\w+\.filename\b|(?:path\.(?:join|resolve)|fs\.\w+)\s*\([^)\n]*\.originalname\b)`,
    message:
      'The client chooses this file name: generate a name (or use secure_filename) and store outside the web root.',
  },
  // --- Open redirect
  {
    id: 'no-redirect-from-request',
    category: 'open-redirect',
    languages: ['python', 'javascript'],
    description: 'redirect to a target taken straight from the request',
    pattern: String.raw`${NOT_COMMENT}.*(?:\b(?:redirect|HttpResponseRedirect|RedirectResponse)\s*\(\s*request\.(?:args|form|values|GET|POST|query_params)\b|\bres\.redirect\s*\(\s*(?:\d{3}\s*,\s*)?req\.(?:query|body|params)\b)`,
    message: 'Redirect target taken from the request: allow only relative paths or known hosts.',
  },
  // --- Dependency risk
  {
    id: 'no-unpinned-requirement',
    category: 'dependency-risk',
    languages: ['python'],
    description: 'an unpinned requirement in requirements*.txt',
    pattern: String.raw`^\s*(?!-|#)[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[^\]]*\])?\s*(?:(?:>=|>|~=|!=)[^=,;#]*)?(?:;[^#]*)?(?:#.*)?$`,
    paths: ['**/requirements*.txt', '**/requirements/*.txt', '**/constraints*.txt'],
    message:
      'Pin the exact version (name==x.y.z), ideally with hashes, so builds cannot pull a different release.',
  },
  {
    id: 'no-floating-npm-version',
    category: 'dependency-risk',
    languages: ['javascript'],
    description: 'a wildcard, latest or URL version in package.json',
    pattern: String.raw`^\s*"(?!(?:name|version|description|main|module|types|typings|homepage|url|repository|bugs|license|author|email|type|browser|funding|packageManager|directory)")[@\w./-]+"\s*:\s*"(?:\*|latest|x|git(?:\+\w+)?:[^"]*|https?:[^"]*|github:[^"]*)"`,
    paths: ['**/package.json'],
    message: 'Use a registry version range committed with a lock file, not *, latest or a URL.',
  },
  {
    id: 'no-pipe-to-shell',
    category: 'dependency-risk',
    languages: ['any'],
    description: 'downloading a script and piping it to a shell',
    pattern: String.raw`\b(?:curl|wget)\b[^|\n]*\|\s*(?:sudo\s+)?(?:ba|z)?sh\b`,
    paths: ['**/*.sh', '**/Dockerfile', '**/Dockerfile.*', '**/Makefile', '**/*.yml', '**/*.yaml', '**/*.mk'],
    message: 'Piping a download into a shell runs unreviewed code: pin a version and verify a checksum.',
  },
];

export function checkById(id: string): CheckDefinition | undefined {
  return CHECKS.find((c) => c.id === id);
}

/** The globs for a check: its own `paths`, or those of its languages. */
export function pathsFor(check: CheckDefinition): string[] {
  if (check.paths) return check.paths;
  const langs = check.languages.filter((l): l is Exclude<Language, 'any'> => l !== 'any');
  return [...new Set(langs.flatMap((l) => LANGUAGE_GLOBS[l]))];
}

export function toSecurityCheck(check: CheckDefinition): SecurityCheck {
  return {
    id: check.id,
    description: check.description,
    pattern: check.pattern,
    ...(check.flags ? { flags: check.flags } : {}),
    paths: pathsFor(check),
    message: check.message,
  };
}

/** Compiles a check once (no 'g' flag: a stateful lastIndex would skip matches between lines). */
export function compileCheck(check: Pick<SecurityCheck, 'pattern' | 'flags'>): RegExp {
  return new RegExp(check.pattern, (check.flags ?? '').replace(/g/g, ''));
}

/** Whether one line violates the check (what the Validator does per added line). */
export function lineViolates(check: Pick<SecurityCheck, 'pattern' | 'flags'>, line: string): boolean {
  return compileCheck(check).test(line);
}
