export const id = 47;
export const ids = [47];
export const modules = {

/***/ 745:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BUNDLE_JSON_SCHEMA_VERSION = void 0;
exports.register = register;
/** `guardian bundle TASK-ID`: build the Task Bundle (task_context.md + evidence) for a task. */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const bundle_js_1 = __webpack_require__(6782);
const errors_js_1 = __webpack_require__(3916);
const git_js_1 = __webpack_require__(308);
const index_js_1 = __webpack_require__(7208);
const lock_js_1 = __webpack_require__(2055);
const log_js_1 = __webpack_require__(9906);
const temp_js_1 = __webpack_require__(4868);
const io_js_1 = __webpack_require__(1604);
/** Version of the `--json` document; bumped only on incompatible changes. */
exports.BUNDLE_JSON_SCHEMA_VERSION = 1;
const collect = (v, prev = []) => [...prev, v];
function human(r) {
    const rows = Object.entries(r.sectionTokens)
        .filter(([, t]) => t > 0)
        .map(([name, t]) => [name, String(t)]);
    const lines = [
        `Task Bundle for ${r.taskId} at ${r.bundleDir}`,
        `base commit ${r.baseCommit.slice(0, 12)} · ${r.tokens}/${r.tokenBudget} tokens (${r.tokenizer})`,
        '',
        (0, io_js_1.table)(['section', 'tokens'], rows).trimEnd(),
        '',
        `code: ${r.codeFiles.length ? r.codeFiles.map((f) => `${f.path}:${f.ranges.map((x) => `${x.start}-${x.end}`).join(',')}`).join(' ') : '(none)'}`,
        `rules: ${r.rules} · libraries: ${r.libraries.length ? r.libraries.join(', ') : '(none)'} · API facts: ${r.facts}`,
    ];
    if (r.redactions)
        lines.push(`secrets redacted: ${r.redactions}`);
    for (const n of r.notes)
        lines.push(`note: ${n}`);
    return lines.join('\n') + '\n';
}
function register(program, ctx) {
    program
        .command('bundle')
        .description('build the Task Bundle (.guardian/bundles/TASK-ID/) the Coder works from')
        .argument('<task-id>', 'the task, e.g. TASK-042')
        .option('--root <dir>', 'project root (may be a subdirectory of its git repository)', '.')
        .option('--base <ref>', 'base commit (default HEAD)')
        .option('--json', `one JSON document on stdout (schemaVersion ${exports.BUNDLE_JSON_SCHEMA_VERSION})`)
        .option('--budget <tokens>', 'token budget for task_context.md (default: quality.toml [bundle] token_budget, else 24000)')
        .option('--top <k>', 'how many files code search considers', '12')
        .option('--python <path>', 'Python interpreter whose site-packages hold the libraries (repeatable)', collect)
        .option('--site-packages <dir>', 'a site-packages directory to read library APIs from (repeatable)', collect)
        .option('--debug', 'print debug notes')
        .action(async (taskId, opts) => {
        const root = (0, node_path_1.resolve)(ctx.io.cwd, opts.root);
        if (!(0, node_fs_1.existsSync)(root) || !(0, node_fs_1.statSync)(root).isDirectory())
            throw new errors_js_1.UsageError(`--root ${opts.root}: not a directory`);
        let budget;
        if (opts.budget !== undefined) {
            budget = Number(opts.budget);
            if (!Number.isInteger(budget) || budget < 1000) {
                throw new errors_js_1.UsageError(`--budget ${opts.budget}: expected an integer of at least 1000`);
            }
        }
        const top = Number(opts.top ?? '12');
        if (!Number.isInteger(top) || top < 1 || top > 200)
            throw new errors_js_1.UsageError(`--top ${opts.top}: expected an integer from 1 to 200`);
        const env = ctx.io.env;
        // Paths the user named must exist: a typo would otherwise only show as "no site-packages found".
        for (const dir of opts.sitePackages ?? []) {
            const abs = (0, node_path_1.resolve)(ctx.io.cwd, dir);
            if (!(0, node_fs_1.existsSync)(abs) || !(0, node_fs_1.statSync)(abs).isDirectory())
                throw new errors_js_1.UsageError(`--site-packages ${dir}: not a directory`);
        }
        for (const exe of opts.python ?? []) {
            if (!findExecutable(exe, ctx.io.cwd, env.PATH))
                throw new errors_js_1.UsageError(`--python ${exe}: ${/[/\\]/.test(exe) ? 'no executable file there' : 'not found on PATH'}`);
        }
        let embeddings;
        if (env.GUARDIAN_EMBEDDINGS_BASE_URL && env.GUARDIAN_EMBEDDINGS_MODEL) {
            embeddings = {
                baseUrl: env.GUARDIAN_EMBEDDINGS_BASE_URL,
                model: env.GUARDIAN_EMBEDDINGS_MODEL,
                ...(env.GUARDIAN_EMBEDDINGS_API_KEY ? { apiKey: env.GUARDIAN_EMBEDDINGS_API_KEY } : {}),
            };
        }
        const context7Key = env.CONTEXT7_API_KEY?.trim();
        const log = (0, log_js_1.streamLogger)(ctx.io.stderr, { debug: !!opts.debug });
        const quiet = opts.json ? { ...log, info: () => { }, group: (_n, fn) => fn() } : log;
        (0, bundle_js_1.bundleDirFor)(root, taskId); // a malformed task id is refused before the lock
        // Ctrl-C: the staging directory is removed at exit; the previous bundle (if any) is untouched.
        const stopHandling = (0, temp_js_1.exitOnInterrupt)((sig) => ctx.io.stderr.write(`guardian: ${sig === 'SIGTERM' ? 'terminated' : 'interrupted'}: the Task Bundle for ${taskId} was not built (the partial one was removed)\n`));
        const build = () => (0, index_js_1.runBundler)({
            root,
            taskId,
            base: opts.base,
            log: quiet,
            tokenBudget: budget,
            searchTop: top,
            embeddings,
            python: opts.sitePackages?.length
                ? { sitePackages: opts.sitePackages.map((p) => (0, node_path_1.resolve)(ctx.io.cwd, p)) }
                : opts.python?.length
                    ? { interpreters: opts.python }
                    : undefined,
            context7: context7Key
                ? { apiKey: context7Key, ...(env.CONTEXT7_API_URL ? { baseUrl: env.CONTEXT7_API_URL } : {}) }
                : undefined,
        });
        // The bundle is written under <root>/.guardian/, which a `guardian run` there may be rewriting:
        // one writer at a time (.guardian/run.lock). Outside a git repository the Bundler refuses before it
        // writes anything, so there is nothing to lock (and no .guardian/ to create for the refusal).
        const result = await ((0, git_js_1.isGitRepo)(root) ? (0, lock_js_1.withRunLock)(root, `guardian bundle ${taskId}`, quiet, build) : build()).finally(stopHandling);
        if (opts.json) {
            ctx.io.stdout.write(JSON.stringify({ schemaVersion: exports.BUNDLE_JSON_SCHEMA_VERSION, ...result }, null, 2) + '\n');
        }
        else
            ctx.io.stdout.write(human(result));
        ctx.setExitCode(0);
    });
}
/** `name` as the shell would find it: a path (relative to `cwd`), else on `PATH`; executable files only. */
function findExecutable(name, cwd, path) {
    const isExe = (p) => {
        try {
            (0, node_fs_1.accessSync)(p, node_fs_1.constants.X_OK);
            return (0, node_fs_1.statSync)(p).isFile();
        }
        catch {
            return false;
        }
    };
    if (/[/\\]/.test(name)) {
        const abs = (0, node_path_1.resolve)(cwd, name);
        return isExe(abs) ? abs : undefined;
    }
    for (const dir of (path ?? '').split(node_path_1.delimiter)) {
        if (dir && isExe((0, node_path_1.join)(dir, name)))
            return (0, node_path_1.join)(dir, name);
    }
    return undefined;
}


/***/ }),

/***/ 7130:
/***/ ((__unused_webpack_module, exports) => {


/**
 * Files that hold secrets by their nature (environment files, private keys, credential stores). Their
 * content never enters a bundle or a prompt, whatever it looks like.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.secretFileReason = secretFileReason;
exports.isSecretFile = isSecretFile;
/** Templates of environment files are committed on purpose and hold placeholders; their text is still redacted. */
const ENV_TEMPLATE = /^\.env\.(?:example|sample|template|dist|defaults)$/i;
const RULES = [
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
        test: (b) => /^(?:\.npmrc|\.pypirc|\.netrc|_netrc|\.git-credentials|\.htpasswd|\.pgpass|\.dockercfg)$/i.test(b),
        reason: 'credentials file',
    },
    {
        test: (b) => /^(?:credentials|credentials\.(?:json|ya?ml|toml|xml|csv|ini)|client_secrets?\.json)$/i.test(b),
        reason: 'credentials file',
    },
    {
        test: (b) => /^(?:secrets?\.(?:json|ya?ml|toml|ini|env)|\.secrets?(?:\..*)?|service[-_]account.*\.json)$/i.test(b),
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
function secretFileReason(path) {
    const lowerPath = path.replace(/\\/g, '/').toLowerCase();
    const base = lowerPath.split('/').pop() ?? lowerPath;
    if (base === '')
        return undefined;
    // Public halves of key pairs are not secret.
    if (/\.pub$/.test(base) || /\.crt$|\.cer$/.test(base))
        return undefined;
    for (const r of RULES)
        if (r.test(base, lowerPath))
            return r.reason;
    return undefined;
}
/** True for `.env*` (not templates), `*.pem`, `*.key`, `id_rsa*`, credential stores, secrets files… */
function isSecretFile(path) {
    return secretFileReason(path) !== undefined;
}


/***/ }),

/***/ 5073:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.secretFileReason = exports.isSecretFile = void 0;
exports.redactSecrets = redactSecrets;
exports.redactSecretsSync = redactSecretsSync;
/**
 * Secret detection and redaction for everything Guardian puts in front of a model or into a bundle.
 * Two layers: secretlint's recommended preset (a maintained catalogue of provider token formats) and
 * Guardian's own patterns (`patterns.ts`). A secret is replaced by `[REDACTED:<rule>]`; line breaks inside
 * a redacted span are kept, so `path:line` references into redacted text stay right.
 */
const core_1 = __webpack_require__(6707);
const profiler_1 = __webpack_require__(806);
const chars_js_1 = __webpack_require__(5153);
const secretlint_rule_preset_recommend_1 = __webpack_require__(1577);
const patterns_js_1 = __webpack_require__(2374);
var files_js_1 = __webpack_require__(7130);
Object.defineProperty(exports, "isSecretFile", ({ enumerable: true, get: function () { return files_js_1.isSecretFile; } }));
Object.defineProperty(exports, "secretFileReason", ({ enumerable: true, get: function () { return files_js_1.secretFileReason; } }));
// The engine times every scan with process-wide performance marks, and its observer keeps every mark
// and searches them all for each new one: the cost of a scan grows with the number of scans before it
// (a bundle of 3,000 rule files spent 40 s there) and the marks are never freed. Nothing here reads the
// timings. The package is pinned to the engine's own version, so this is the instance the engine uses.
profiler_1.secretLintProfiler.mark = () => { };
const SECRETLINT_CONFIG = {
    rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: secretlint_rule_preset_recommend_1.creator }],
};
const SECRETLINT_PREFIX = /^@secretlint\/secretlint-rule-/;
/**
 * Finds secrets in `text` and returns the text with each one replaced by `[REDACTED:<rule>]`.
 * `path` (repository-relative or absolute) lets rules that depend on the file kind apply: the generic
 * `password = "…"` rule fires on any literal in configuration files (`.env`, `.ini`, `.yaml`, …) and
 * text of unknown origin, but in source code only on values that look machine-generated.
 */
async function redactSecrets(text, opts = {}) {
    if (text.length === 0)
        return { text, findings: [] };
    const spans = [];
    for (const p of patterns_js_1.GUARDIAN_PATTERNS)
        spans.push(...matchPattern(text, p));
    spans.push(...genericAssignments(text, (0, patterns_js_1.isConfigLikePath)(opts.path)));
    spans.push(...(await secretlintSpans(text, opts.path)));
    return applySpans(text, spans);
}
/** Synchronous Guardian-only pass (no secretlint) for hot paths that cannot await. */
function redactSecretsSync(text, opts = {}) {
    const spans = [];
    for (const p of patterns_js_1.GUARDIAN_PATTERNS)
        spans.push(...matchPattern(text, p));
    spans.push(...genericAssignments(text, (0, patterns_js_1.isConfigLikePath)(opts.path)));
    return applySpans(text, spans);
}
function matchPattern(text, p) {
    const out = [];
    p.regex.lastIndex = 0;
    for (const m of text.matchAll(p.regex)) {
        const whole = m[0];
        if (whole.length === 0)
            continue;
        let start = m.index;
        let secret = whole;
        if (p.group !== undefined) {
            const g = m[p.group];
            if (g === undefined)
                continue;
            // The group is the last occurrence of its text inside the match (values follow key names).
            start = m.index + whole.lastIndexOf(g);
            secret = g;
        }
        if (p.accept && !p.accept(secret))
            continue;
        out.push({
            start,
            end: start + secret.length,
            marker: p.id,
            ruleId: `guardian/${p.id}`,
            message: `found ${p.message}`,
        });
    }
    return out;
}
function genericAssignments(text, configLike) {
    const out = [];
    const re = patterns_js_1.GENERIC_ASSIGNMENT.regex;
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
        const value = m[1] ?? m[2] ?? m[3];
        if (value === undefined)
            continue;
        if ((0, patterns_js_1.isPlaceholder)(value))
            continue;
        // In code, `password = "correct horse"` in a test is a fixture, not a secret; only values that
        // look generated are. Unquoted values in code are expressions (variables, calls), never literals.
        if (!configLike && (m[3] !== undefined || !(0, patterns_js_1.looksRandom)(value)))
            continue;
        const start = m.index + m[0].lastIndexOf(value);
        out.push({
            start,
            end: start + value.length,
            marker: patterns_js_1.GENERIC_ASSIGNMENT.id,
            ruleId: `guardian/${patterns_js_1.GENERIC_ASSIGNMENT.id}`,
            message: `found ${patterns_js_1.GENERIC_ASSIGNMENT.message}`,
        });
    }
    return out;
}
async function secretlintSpans(text, path) {
    // The engine's profiler names performance marks after the path and measures them with a pattern that
    // stops at a line break: a file named with one (repository names are untrusted) would crash the
    // process from a stray promise. The rules need only a path-like name.
    const name = path === undefined ? undefined : (0, chars_js_1.replaceControlChars)(path, () => '_');
    const result = await (0, core_1.lintSource)({
        source: { content: text, filePath: name ?? 'input.txt', contentType: 'text' },
        options: {
            config: SECRETLINT_CONFIG,
            noPhysicFilePath: name === undefined || name !== path,
            locale: 'en',
        },
    });
    const out = [];
    for (const msg of result.messages) {
        if (msg.type !== 'message')
            continue;
        const marker = msg.ruleId.replace(SECRETLINT_PREFIX, '');
        const base = {
            marker,
            ruleId: msg.ruleId,
            message: `found ${describeSecretlintMessage(msg.messageId, marker)}`,
        };
        // secretlint reports the secret's value in `data`; its `range` is not always the value's exact
        // place (some rules report the start of the line), so redact every occurrence of the value and
        // fall back to the range only when no value is found in the text.
        const values = Object.values(msg.data ?? {}).filter((v) => typeof v === 'string' && v.length >= 8 && !/\s/.test(v));
        let found = false;
        for (const v of values) {
            let i = text.indexOf(v);
            while (i !== -1) {
                found = true;
                out.push({ start: i, end: i + v.length, ...base });
                i = text.indexOf(v, i + v.length);
            }
        }
        if (!found && msg.range[1] > msg.range[0]) {
            out.push({ start: msg.range[0], end: msg.range[1], ...base });
        }
    }
    return out;
}
function describeSecretlintMessage(messageId, rule) {
    // messageIds are like "AWSSecretAccessKey", "GITHUB_TOKEN", "PostgreSQLConnection": readable enough.
    const words = messageId
        .replace(/_/g, ' ')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .trim();
    return words ? `${words} (${rule})` : rule;
}
function lineAt(lineStarts, index) {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((lineStarts[mid] ?? 0) <= index)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo + 1;
}
function applySpans(text, spans) {
    if (spans.length === 0)
        return { text, findings: [] };
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++)
        if (text.charCodeAt(i) === 10)
            lineStarts.push(i + 1);
    // Merge overlapping spans; the earliest-starting (then longest) span names the merged one.
    const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
    const merged = [];
    for (const s of sorted) {
        const last = merged[merged.length - 1];
        if (last && s.start < last.end) {
            last.end = Math.max(last.end, s.end);
            continue;
        }
        merged.push({ ...s });
    }
    const findings = [];
    const seen = new Set();
    for (const s of sorted) {
        const f = { ruleId: s.ruleId, line: lineAt(lineStarts, s.start), message: s.message };
        const key = `${f.ruleId}\0${f.line}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        findings.push(f);
    }
    findings.sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
    let out = '';
    let pos = 0;
    for (const s of merged) {
        out += text.slice(pos, s.start);
        const newlines = text.slice(s.start, s.end).split('\n').length - 1;
        out += `[REDACTED:${s.marker}]` + '\n'.repeat(newlines);
        pos = s.end;
    }
    out += text.slice(pos);
    return { text: out, findings };
}


/***/ }),

/***/ 2374:
/***/ ((__unused_webpack_module, exports) => {


/**
 * Guardian's own secret patterns, on top of secretlint's recommended preset. They cover tokens the
 * preset misses or only finds in some shapes (OpenAI keys, a lone AWS access key id, fine-grained
 * GitHub tokens, private key blocks of any kind, JWTs) and the generic `password = "…"` assignment of
 * configuration files.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.GENERIC_ASSIGNMENT = exports.GUARDIAN_PATTERNS = void 0;
exports.isPlaceholder = isPlaceholder;
exports.entropy = entropy;
exports.looksRandom = looksRandom;
exports.isConfigLikePath = isConfigLikePath;
exports.GUARDIAN_PATTERNS = [
    {
        id: 'private-key',
        message: 'private key block',
        // Any PEM/OpenSSH/PGP private key, including a block cut off before its END line.
        regex: /-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----|$(?![\s\S]))/g,
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
        regex: /\baws_?(?:secret_?access_?key|secret_?key|secret)\b["']?\s*(?:[:=]|:=|=>)\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
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
const SECRET_KEY_NAME = '[A-Za-z0-9_.-]{0,40}?(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|session[_-]?key|master[_-]?key|private[_-]?key|client[_-]?secret|auth[_-]?key|credentials?|signing[_-]?key|encryption[_-]?key)';
/**
 * `NAME = value` / `NAME: value` / `"name": "value"` where NAME ends in a secret-ish word. Applied to
 * configuration-like files (and text of unknown origin); in source code it is applied only to values
 * that look random (see `looksRandom`), so test fixtures like `password="correct horse"` stay readable.
 */
exports.GENERIC_ASSIGNMENT = {
    id: 'generic-secret',
    message: 'secret-looking assignment',
    regex: new RegExp(`(?<![A-Za-z0-9])${SECRET_KEY_NAME}["']?[ \\t]*(?:=|:(?!:)|:=|=>)[ \\t]*(?:"([^"\\r\\n]{4,})"|'([^'\\r\\n]{4,})'|([^\\s"'#,;]{4,}))`, 'gi'),
};
const PLACEHOLDER = /^(?:\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\{\{.*\}\}|<[^>]*>|%\(.*\)s?|\*+|x+|\.{3}|changeme|change[_-]?me|your[_-].*|example.*|dummy|placeholder|redacted|none|null|nil|true|false|undefined|secret|password|token|todo|tbd|fake.*|test|\[REDACTED:[^\]]*\])$/i;
function isPlaceholder(value) {
    const v = value.trim();
    if (v.length < 4)
        return true;
    if (PLACEHOLDER.test(v))
        return true;
    // Lookups rather than literals: os.environ[...], process.env.X, getenv("X"), ENV["X"].
    if (/(?:environ|process\.env|getenv|ENV\[|env\(|secrets\.|vars\.)/i.test(v))
        return true;
    // A function call or expression rather than a literal.
    if (/^[A-Za-z_][A-Za-z0-9_.]*\(/.test(v))
        return true;
    return false;
}
/** Shannon entropy in bits per character. */
function entropy(s) {
    const counts = new Map();
    for (const ch of s)
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
    let h = 0;
    for (const c of counts.values()) {
        const p = c / s.length;
        h -= p * Math.log2(p);
    }
    return h;
}
/** A value that looks machine-generated: long, no spaces, mixed classes, high entropy. */
function looksRandom(value) {
    if (value.length < 12 || /\s/.test(value))
        return false;
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length;
    return classes >= 2 && /\d/.test(value) && entropy(value) >= 3.3;
}
/** Files whose text is configuration (KEY=value), where any secret-named key holds a secret. */
function isConfigLikePath(path) {
    if (path === undefined)
        return true;
    const base = path.split(/[\\/]/).pop() ?? path;
    return (/^\.env(?:\..*)?$/i.test(base) ||
        /\.(?:env|ini|cfg|conf|config|properties|toml|ya?ml|json|tfvars|envrc)$/i.test(base) ||
        /^(?:\.npmrc|\.pypirc|\.netrc|_netrc|\.htpasswd|dockerfile|docker-compose.*)$/i.test(base));
}


/***/ }),

/***/ 7183:
/***/ ((__unused_webpack_module, exports) => {


// Untrusted text in Markdown: job summaries and the Validator's reports.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.escapeHtml = escapeHtml;
exports.longestBackticks = longestBackticks;
exports.fenceFor = fenceFor;
/** `&`, `<` and `>` as entities: text that cannot open a tag. */
function escapeHtml(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** The longest run of backticks in `s` (0 without one). */
function longestBackticks(s) {
    return Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
}
/** A fence for a code block holding `text`: longer than any run of backticks in it, so nothing inside closes it. */
function fenceFor(text) {
    return '`'.repeat(Math.max(3, longestBackticks(text) + 1));
}


/***/ })

};
