export const id = 570;
export const ids = [570];
export const modules = {

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
    {
        test: (b) => /^id_(?:rsa|dsa|ecdsa|ed25519)(?:[_.-][a-z0-9._-]+)?$/i.test(b) ||
            /^[a-z0-9._-]+_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/i.test(b),
        reason: 'SSH private key',
    },
    { test: (b) => /\.(?:keytab|jceks|bks|kdb|sso)$/i.test(b), reason: 'key or certificate store' },
    {
        test: (b) => /^(?:\.npmrc|\.pypirc|\.netrc|_netrc|\.git-credentials|\.?htpasswd|\.pgpass|\.dockercfg|\.dockerconfigjson|\.vault-token|\.my\.cnf|\.s3cfg|\.boto|\.terraformrc|terraform\.rc|\.dev\.vars|settings-security\.xml|application_default_credentials\.json|access_?tokens\.json|msal_token_cache\.(?:json|bin))$/i.test(b),
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
        test: (b) => /^(?:credentials|credentials\.(?:json|ya?ml|toml|xml|csv|ini)|client_secrets?\.json)$/i.test(b),
        reason: 'credentials file',
    },
    {
        test: (b) => /^(?:secrets?\.(?:json|ya?ml|toml|ini|env)|passwords?\.txt|\.secrets?(?:\..*)?|service[-_]account.*\.json)$/i.test(b),
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
        test: (b, p) => /(?:^|\/)\.kube\/config$/.test(p) || /^kubeconfig(?:[._-].*)?$/.test(b) || /[._-]kubeconfig$/.test(b),
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
const BACKUP_SUFFIX = /(?:~|\.(?:bak|backup|bk|old|orig|save|sav|swp|swo|tmp|temp|copy|prev|previous|rej|\d))+$/;
/** Why a path is a secret file, or undefined when it is not one. */
function secretFileReason(path) {
    const fullPath = path.replace(/\\/g, '/').toLowerCase();
    const fullBase = fullPath.split('/').pop() ?? fullPath;
    if (fullBase === '')
        return undefined;
    // A backup is judged by the name it is a copy of (but a name that is all suffix stays itself).
    const stripped = fullBase.replace(BACKUP_SUFFIX, '');
    const base = stripped === '' ? fullBase : stripped;
    const lowerPath = fullPath.slice(0, fullPath.length - fullBase.length) + base;
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
exports.redactStrings = redactStrings;
exports.redactStringsSync = redactStringsSync;
exports.secretEnvValues = secretEnvValues;
/**
 * Secret detection and redaction for everything Guardian puts in front of a model or into a bundle.
 * Two layers: secretlint's recommended preset (a maintained catalogue of provider token formats) and
 * Guardian's own patterns (`patterns.ts`). A secret is replaced by `[REDACTED:<rule>]`; line breaks inside
 * a redacted span are kept, so `path:line` references into redacted text stay right.
 */
const core_1 = __webpack_require__(6707);
const profiler_1 = __webpack_require__(806);
const env_js_1 = __webpack_require__(8966);
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
/**
 * The recommended preset's rules, each registered on its own, less `filter-comments`: that rule honours
 * `secretlint-disable` comments, and text from a repository must not be able to switch the scan off for
 * the secrets that follow. (A preset's own `disabled` setting for one of its rules is not applied by
 * this engine version, so the preset itself is not registered.)
 */
const SECRETLINT_CONFIG = {
    rules: secretlint_rule_preset_recommend_1.rules
        .filter((rule) => rule.meta.id !== '@secretlint/secretlint-rule-filter-comments')
        .map((rule) => ({ id: rule.meta.id, rule })),
};
const SECRETLINT_PREFIX = /^@secretlint\/secretlint-rule-/;
const TRAILING_PUNCTUATION = /["'`;,)\]}>]+$/;
/**
 * Finds secrets in `text` and returns the text with each one replaced by `[REDACTED:<rule>]`.
 * `path` (repository-relative or absolute) lets rules that depend on the file kind apply: the generic
 * `password = "…"` rule fires on any literal in configuration files (`.env`, `.ini`, `.yaml`, …) and
 * text of unknown origin, but in source code only on values that look machine-generated.
 */
async function redactSecrets(text, opts = {}) {
    if (text.length === 0)
        return { text, findings: [] };
    const spans = guardianSpans(text, opts.path, opts.known);
    spans.push(...(await secretlintSpans(text, opts.path)));
    const view = decodedView(text);
    if (view) {
        const inView = guardianSpans(view.text, opts.path, opts.known);
        inView.push(...(await secretlintSpans(view.text, opts.path)));
        spans.push(...inView.flatMap((s) => view.toSource(s)));
    }
    const encoded = base64View(text);
    if (encoded) {
        const inView = guardianSpans(encoded.text, undefined, opts.known);
        inView.push(...(await secretlintSpans(encoded.text, undefined)));
        spans.push(...inView.flatMap((s) => encoded.toSource(s)));
    }
    return applySpans(text, spans);
}
/** Synchronous Guardian-only pass (no secretlint) for hot paths that cannot await. */
function redactSecretsSync(text, opts = {}) {
    const spans = guardianSpans(text, opts.path, opts.known);
    const view = decodedView(text);
    if (view)
        spans.push(...guardianSpans(view.text, opts.path, opts.known).flatMap((s) => view.toSource(s)));
    const encoded = base64View(text);
    if (encoded)
        spans.push(...guardianSpans(encoded.text, undefined, opts.known).flatMap((s) => encoded.toSource(s)));
    return applySpans(text, spans);
}
function guardianSpans(text, path, known = []) {
    const spans = [];
    for (const p of patterns_js_1.GUARDIAN_PATTERNS)
        spans.push(...matchPattern(text, p));
    spans.push(...genericAssignments(text, (0, patterns_js_1.textKind)(path)));
    for (const value of known) {
        if (value.length < 8)
            continue;
        for (let i = text.indexOf(value); i !== -1; i = text.indexOf(value, i + value.length)) {
            spans.push({
                start: i,
                end: i + value.length,
                marker: 'known-secret',
                ruleId: 'guardian/known-secret',
                message: 'found the value of a secret of this run',
            });
        }
    }
    return spans;
}
/** Escapes of JSON, JavaScript, Python and URLs whose decoded character can be part of a secret. */
const ESCAPE = /\\(?:u([0-9A-Fa-f]{4})|x([0-9A-Fa-f]{2})|(["'\\/])|([nrt]))|%([0-9A-Fa-f]{2})/g;
/**
 * Between two string literals that a program joins into one: `"abc" + "def"`, `"abc" "def"`, across a
 * line break (with or without a `\` continuation), in JavaScript, Python, Java, Go, C… Written so that
 * no run of blanks can be split two ways (linear time).
 */
const CONCATENATION = /(["'])(?=[ \t+\\\r\n])[ \t]*(?:\+[ \t]*)?(?:\\?\r?\n[ \t]*(?:\+[ \t]*)?)?\1/g;
/**
 * The text as a program would see it: escapes decoded (`\u0067hp_…`, `\"`, `%5F`) and concatenated
 * string literals joined, so a secret written in pieces or escaped is found as a whole. Undefined when
 * there is nothing to decode or join.
 */
function decodedView(text) {
    const edits = [];
    for (const m of text.matchAll(ESCAPE)) {
        const [whole, u, x, lit, ctl, pct] = m;
        const code = u ?? x ?? pct;
        const to = code !== undefined
            ? String.fromCharCode(parseInt(code, 16))
            : lit !== undefined
                ? lit
                : ({ n: '\n', r: '\r', t: '\t' }[ctl ?? ''] ?? whole);
        edits.push({ start: m.index, end: m.index + whole.length, to });
    }
    for (const m of text.matchAll(CONCATENATION)) {
        edits.push({ start: m.index, end: m.index + m[0].length, to: '' });
    }
    if (edits.length === 0)
        return undefined;
    edits.sort((a, b) => a.start - b.start);
    // For each character of the view, where it comes from: [from[i], upTo[i]) in the source.
    const from = [];
    const upTo = [];
    let out = '';
    let pos = 0;
    for (const e of edits) {
        if (e.start < pos)
            continue; // an escape's backslash inside a gap, or the reverse: keep the first
        for (let i = pos; i < e.start; i++) {
            from.push(i);
            upTo.push(i + 1);
        }
        out += text.slice(pos, e.start) + e.to;
        for (let i = 0; i < e.to.length; i++) {
            from.push(e.start);
            upTo.push(e.end);
        }
        pos = e.end;
    }
    for (let i = pos; i < text.length; i++) {
        from.push(i);
        upTo.push(i + 1);
    }
    out += text.slice(pos);
    return {
        text: out,
        toSource(s) {
            // A secret joined from pieces is redacted piece by piece, so the quotes and the `+` between
            // the pieces stay where they are.
            const spans = [];
            let start = from[s.start] ?? 0;
            for (let i = s.start + 1; i < s.end; i++) {
                if ((from[i] ?? 0) !== (upTo[i - 1] ?? 0)) {
                    spans.push({ ...s, start, end: upTo[i - 1] ?? start });
                    start = from[i] ?? 0;
                }
            }
            spans.push({ ...s, start, end: upTo[s.end - 1] ?? start });
            return spans;
        },
    };
}
/**
 * A run of base64 (standard or URL-safe alphabet), on one line or wrapped over several (continuation
 * lines may be indented). Each line is delimited by its line break, so a run is read once.
 */
const BASE64_RUN = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{20,}={0,2}(?:\r?\n[ \t]*[A-Za-z0-9+/_-]{20,}={0,2})*(?![A-Za-z0-9+/=_-])/g;
/**
 * The values a run of base64 lines holds: the lines of one value wrapped over several, or one value a
 * line. A line with padding (`=`) or a length that is not a multiple of 4 ends a value; the lines of a
 * wrapped value (64 or 76 characters) continue it.
 */
function base64Segments(run, offset) {
    const segments = [];
    let start = -1;
    const re = /[A-Za-z0-9+/_-]+=*/g;
    for (const m of run.matchAll(re)) {
        if (start === -1)
            start = m.index;
        const end = m.index + m[0].length;
        if (m[0].endsWith('=') || m[0].length % 4 !== 0 || end === run.length) {
            segments.push({ start: offset + start, end: offset + end });
            start = -1;
        }
    }
    if (start !== -1)
        segments.push({ start: offset + start, end: offset + run.length });
    return segments;
}
/**
 * The text that runs of base64 stand for, where it is text: a token, an `.env` or a key written as
 * base64 (a Kubernetes Secret's `data:`, a CI variable, a test fixture) is found in what it decodes
 * to. A secret found there redacts its whole run: a piece of base64 says nothing on its own.
 * Undefined when no run decodes to text.
 */
function base64View(text) {
    const runs = [];
    let out = '';
    for (const m of text.matchAll(BASE64_RUN)) {
        for (const seg of base64Segments(m[0], m.index)) {
            const decoded = Buffer.from(text.slice(seg.start, seg.end).replace(/\s+/g, ''), 'base64');
            // Printable ASCII, tabs and line breaks only: binary data (images, hashes, keys' DER) is left to
            // the patterns that know its shape.
            if (decoded.length < 12 ||
                !decoded.every((b) => (b >= 0x20 && b < 0x7f) || b === 9 || b === 10 || b === 13))
                continue;
            const t = decoded.toString('latin1');
            runs.push({ ...seg, at: out.length, length: t.length });
            // Blank lines between runs: a value read from one run stops at the end of it.
            out += t + '\n\n';
        }
    }
    if (runs.length === 0)
        return undefined;
    return {
        text: out,
        toSource(s) {
            // The first run that ends after the span starts (runs are in order and never overlap).
            let lo = 0;
            let hi = runs.length;
            while (lo < hi) {
                const mid = (lo + hi) >> 1;
                if (runs[mid].at + runs[mid].length <= s.start)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            const spans = [];
            for (let i = lo; i < runs.length && runs[i].at < s.end; i++) {
                spans.push({ ...s, start: runs[i].start, end: runs[i].end });
            }
            return spans;
        },
    };
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
function genericAssignments(text, kind) {
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
        // look generated are. Unquoted values in code are expressions (variables, calls), never literals;
        // in documentation, scripts and notes they are literals.
        if (kind !== 'config' && !(0, patterns_js_1.looksRandom)(value))
            continue;
        if (kind === 'code' && m[3] !== undefined)
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
        // Some rules' values run on over the quote and punctuation after them (`…/app";`): those are
        // not part of the secret, and redacting them would break the text around it.
        const values = Object.values(msg.data ?? {})
            .filter((v) => typeof v === 'string')
            .map((v) => v.replace(TRAILING_PUNCTUATION, ''))
            .filter((v) => v.length >= 8 && !/\s/.test(v));
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
            const end = msg.range[0] + text.slice(msg.range[0], msg.range[1]).replace(TRAILING_PUNCTUATION, '').length;
            if (end > msg.range[0])
                out.push({ start: msg.range[0], end, ...base });
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
const MARKER = /\[REDACTED:[A-Za-z0-9_.:/@-]{0,100}\]/g;
/**
 * The spans less the markers of an earlier redaction they cover: text redacted once and scanned again
 * (a bundle's parts, then the whole) keeps its markers as they are, not `[REDACTED:[REDACTED:…]`.
 */
function outsideMarkers(text, spans) {
    if (!text.includes('[REDACTED:'))
        return [...spans];
    const markers = [...text.matchAll(MARKER)].map((m) => [m.index, m.index + m[0].length]);
    if (markers.length === 0)
        return [...spans];
    const out = [];
    for (const s of spans) {
        let start = s.start;
        // The first marker that ends after the span starts (markers are sorted and never overlap).
        let lo = 0;
        let hi = markers.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (markers[mid][1] <= start)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (let i = lo; i < markers.length && markers[i][0] < s.end; i++) {
            const [mStart, mEnd] = markers[i];
            if (mStart > start)
                out.push({ ...s, start, end: mStart });
            start = Math.max(start, mEnd);
        }
        if (start < s.end)
            out.push({ ...s, start });
    }
    return out;
}
function applySpans(text, spans) {
    if (spans.length === 0)
        return { text, findings: [] };
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++)
        if (text.charCodeAt(i) === 10)
            lineStarts.push(i + 1);
    // Merge overlapping spans; the earliest-starting (then longest) span names the merged one.
    const sorted = outsideMarkers(text, spans).sort((a, b) => a.start - b.start || b.end - a.end);
    if (sorted.length === 0)
        return { text, findings: [] };
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
/**
 * A JSON-like value with every string in it redacted, object keys included (a record keyed by file
 * path). Each string is scanned as it is: a JSON text scanned whole hides a quoted value behind `\"`
 * escapes, and a redaction that took an escape's backslash with it would break the JSON.
 */
async function redactStrings(value, opts = {}) {
    if (typeof value === 'string')
        return (await redactSecrets(value, opts)).text;
    if (Array.isArray(value)) {
        const out = [];
        for (const v of value)
            out.push(await redactStrings(v, opts));
        return out;
    }
    if (value !== null && typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value)) {
            out[(await redactSecrets(k, opts)).text] = await redactStrings(v, opts);
        }
        return out;
    }
    return value;
}
/** `redactStrings` with the synchronous Guardian-only pass. */
function redactStringsSync(value, opts = {}) {
    if (typeof value === 'string')
        return redactSecretsSync(value, opts).text;
    if (Array.isArray(value))
        return value.map((v) => redactStringsSync(v, opts));
    if (value !== null && typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value)) {
            out[redactSecretsSync(k, opts).text] = redactStringsSync(v, opts);
        }
        return out;
    }
    return value;
}
/**
 * The values of an environment's secret variables, as the Coder's redactor takes them: the variables
 * checks do not get (API keys, tokens, passwords, `secret_env`, credential URLs of any name), less
 * model names and base URLs, which are configuration. For `known`: a key that looks like nothing in
 * particular is still redacted where a repository file or a tool repeats it.
 */
function secretEnvValues(env, secretEnv = []) {
    const values = new Set();
    for (const [name, value] of Object.entries(env)) {
        if (!value || value.length < 8)
            continue;
        if (!(0, env_js_1.isHiddenFromCode)(name, value, secretEnv))
            continue;
        if (/_(?:MODEL|BASE_URL)$/i.test(name) && !(0, env_js_1.isCredentialUrl)(value))
            continue;
        values.add(value);
    }
    // Longest first: a value that contains another is redacted whole.
    return [...values].sort((a, b) => b.length - a.length);
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
exports.textKind = textKind;
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
        regex: /\baws_?(?:secret_?access_?key|secret_?key|secret)\b["']?(?:[ \t]*(?:[:=]|:=|=>)\s*|[ \t]+)["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
        group: 1,
    },
    {
        id: 'aws-secret-access-key',
        message: 'AWS secret access key next to its key id',
        // The pair as the console's CSV download, `id:secret` or two arguments writes it, with no key name.
        regex: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}["']?(?:[ \t]*[,:;|=][ \t]*|[ \t]+)["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g,
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
        regex: /(?<![A-Za-z0-9+/])LS0tLS1CRUdJTi[A-Za-z0-9+/]{20,}={0,2}(?:\r?\n[ \t]*[A-Za-z0-9+/]{60,}={0,2})*/g,
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
        regex: /\bmachine[ \t\r\n]+(?:[^\s.]{0,120}\.[^\s]{1,200}[ \t\r\n]+(?:login[ \t\r\n]+[^\s]{1,200}[ \t\r\n]+)?|[^\s]{1,253}[ \t\r\n]+login[ \t\r\n]+[^\s]{1,200}[ \t\r\n]+)password[ \t]+([^\s]{1,500})/g,
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
function isCommandPassword(value) {
    return !isPlaceholder(value.replace(/[.,;:)\]}]+$/, ''));
}
/**
 * Whether base64 text starts like the DER of a private key: a SEQUENCE whose first element is the
 * version INTEGER 0 or 1 (PKCS#8, PKCS#1, SEC1) or 3 (PKCS#12), followed by a SEQUENCE, an INTEGER or an
 * OCTET STRING. Public keys and certificates start their SEQUENCE with another SEQUENCE.
 */
function isDerPrivateKey(b64) {
    const der = Buffer.from(b64.slice(0, 24), 'base64');
    if (der[0] !== 0x30)
        return false;
    const lengthByte = der[1] ?? 0;
    const at = lengthByte < 0x80 ? 2 : 2 + (lengthByte & 0x7f);
    if (lengthByte > 0x84)
        return false;
    const [tag, len, version, next] = [der[at], der[at + 1], der[at + 2], der[at + 3]];
    return (tag === 0x02 &&
        len === 0x01 &&
        (version === 0 || version === 1 || version === 3) &&
        (next === 0x30 || next === 0x02 || next === 0x04));
}
/** Key names whose value is a secret in configuration text. */
const SECRET_KEY_NAME = '[A-Za-z0-9_.-]{0,40}?(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|session[_-]?key|master[_-]?key|private[_-]?key|client[_-]?secret|auth[_-]?key|credentials?|signing[_-]?key|encryption[_-]?key)';
/**
 * Secrets in XML: `<password>…</password>` (Maven's settings.xml, Spring and Tomcat configuration) and
 * `<add key="DbPassword" value="…"/>` (.NET's appSettings).
 */
exports.GUARDIAN_PATTERNS.push({
    id: 'generic-secret',
    message: 'secret in an XML element',
    regex: new RegExp(`<(${SECRET_KEY_NAME})>[ \\t]*([^<\\s][^<\\r\\n]{3,500}?)[ \\t]*</\\1>`, 'gi'),
    group: 2,
    accept: (s) => !isPlaceholder(s),
}, {
    id: 'generic-secret',
    message: 'secret in an XML key/value pair',
    regex: new RegExp(`\\bkey[ \\t]*=[ \\t]*"(${SECRET_KEY_NAME})"[ \\t]+value[ \\t]*=[ \\t]*"([^"\\r\\n]{4,500})"`, 'gi'),
    group: 2,
    accept: (s) => !isPlaceholder(s),
});
/**
 * `NAME = value` / `NAME: value` / `"name": "value"` where NAME ends in a secret-ish word. An unquoted
 * value runs to a blank or a quote: a `#`, `,` or `;` inside it (`Pw1x#k9Zq…`) is part of it, not the
 * start of a comment, or the redaction would leave the rest of the secret behind. Applied to
 * configuration-like files (and text of unknown origin); elsewhere it is applied only to values that
 * look random (see `looksRandom`), so test fixtures like `password="correct horse"` stay readable.
 */
exports.GENERIC_ASSIGNMENT = {
    id: 'generic-secret',
    message: 'secret-looking assignment',
    regex: new RegExp(`(?<![A-Za-z0-9])${SECRET_KEY_NAME}["']?[ \\t]*(?:=|:(?!:)|:=|=>)[ \\t]*(?:"([^"\\r\\n]{4,})"|'([^'\\r\\n]{4,})'|([^\\s"'#,;](?:[^\\s"'#,;]|[#,;](?=[^\\s"'#,;]))*))`, 'gi'),
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
/** Source files: an unquoted value there is an expression (a variable, a call), never a literal. */
const CODE_EXTENSION = /\.(?:py|pyi|pyx|js|jsx|mjs|cjs|ts|tsx|mts|cts|java|kt|kts|scala|groovy|go|rs|rb|php|cs|fs|vb|c|h|cc|cpp|cxx|hh|hpp|hxx|m|mm|swift|dart|lua|pl|pm|r|jl|ex|exs|erl|hrl|hs|ml|mli|clj|cljs|elm|vue|svelte|sol|zig|nim)$/i;
/**
 * How the generic assignment rule reads a text: `config` (any literal value of a secret-named key is a
 * secret), `code` (only quoted values that look random) or `text` (documentation, scripts, notes: any
 * value that looks random, quoted or not).
 */
function textKind(path) {
    if (isConfigLikePath(path))
        return 'config';
    const base = (path ?? '').split(/[\\/]/).pop() ?? '';
    return CODE_EXTENSION.test(base) ? 'code' : 'text';
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

/***/ 9906:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.silentLogger = void 0;
exports.streamLogger = streamLogger;
exports.silentLogger = {
    info() { },
    warn() { },
    error() { },
    debug() { },
    group: (_name, fn) => fn(),
};
/** Writes to the given streams (stderr by default, so stdout stays free for --json output). */
function streamLogger(out = process.stderr, opts = {}) {
    const where = (w) => w?.file ? ` (${w.file}${w.line ? `:${w.line}` : ''})` : '';
    return {
        info: (m) => void out.write(`${m}\n`),
        warn: (m, w) => void out.write(`warning: ${m}${where(w)}\n`),
        error: (m, w) => void out.write(`error: ${m}${where(w)}\n`),
        debug: (m) => {
            if (opts.debug)
                out.write(`debug: ${m}\n`);
        },
        group: async (name, fn) => {
            out.write(`▸ ${name}\n`);
            return fn();
        },
    };
}


/***/ })

};
