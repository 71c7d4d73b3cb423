export const id = 637;
export const ids = [637];
export const modules = {

/***/ 6637:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SEARCH_JSON_SCHEMA_VERSION = void 0;
exports.searchJson = searchJson;
exports.formatHuman = formatHuman;
exports.register = register;
/** `guardian search`: ranked files of a repository for a task description. */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const errors_js_1 = __webpack_require__(3916);
const index_js_1 = __webpack_require__(1276);
const chars_js_1 = __webpack_require__(5153);
const log_js_1 = __webpack_require__(9906);
const spec_js_1 = __webpack_require__(5842);
const index_js_2 = __webpack_require__(5073);
/** Version of the `--json` document; bumped only on incompatible changes. */
exports.SEARCH_JSON_SCHEMA_VERSION = 1;
const collect = (v, prev = []) => [...prev, v];
function searchJson(root, query, top, res) {
    return {
        schemaVersion: exports.SEARCH_JSON_SCHEMA_VERSION,
        root,
        query,
        top,
        files: res.files.map((f, i) => ({
            rank: i + 1,
            path: f.path,
            score: f.score,
            isTest: f.isTest,
            kind: f.kind,
            language: f.language ?? null,
            reasons: f.reasons,
            symbols: f.symbols,
        })),
        stats: res.stats,
        notes: res.notes,
    };
}
function formatHuman(res) {
    // One line per item, whatever the repository put in a name or a commit message: control characters
    // are written out, so no text can start a line of its own or rewrite one on a terminal.
    const t = chars_js_1.escapeControlChars;
    const lines = [];
    if (res.files.length === 0)
        lines.push('no matching files');
    res.files.forEach((f, i) => {
        lines.push(`${String(i + 1).padStart(2)}. ${t(f.path)}  ${f.score.toFixed(3)}${f.isTest ? '  (test)' : f.kind !== 'source' ? `  (${f.kind})` : ''}`);
        for (const s of f.symbols.slice(0, 3)) {
            lines.push(s.kind === 'lines'
                ? `      ${t(s.name)}`
                : `      ${t(s.kind)} ${t(s.name)}  L${s.startLine}-${s.endLine}`);
        }
        if (f.reasons.length)
            lines.push(`      why: ${t(f.reasons.slice(0, 3).join('; '))}`);
    });
    const st = res.stats;
    lines.push(`\n${st.indexedFiles} files indexed (${st.reusedFromCache} from cache, ${st.readFiles} read), ${st.historyCommits} commits of history, ${st.tookMs} ms`);
    for (const n of res.notes)
        lines.push(`note: ${t(n)}`);
    return lines.join('\n') + '\n';
}
function register(program, ctx) {
    program
        .command('search')
        .description('rank the files of a repository by relevance to a task (offline; embeddings optional)')
        .option('--root <dir>', 'repository root', '.')
        .option('--query <text>', 'task text to search for')
        .option('--query-file <file>', 'read the task text from a file (a blueprint, a commit message…)')
        .option('--top <k>', 'how many files to list (1 to 1000)', '10')
        .option('--json', `one JSON document on stdout (schemaVersion ${exports.SEARCH_JSON_SCHEMA_VERSION})`)
        .option('--file <path>', 'a file the task names (repeatable; ranked first)', collect)
        .option('--test <path>', 'a relevant test (repeatable; its imports are boosted)', collect)
        .option('--cache-dir <dir>', 'index cache folder (default <root>/.guardian/index)')
        .option('--embeddings-url <url>', 'OpenAI-compatible base URL for re-ranking (or GUARDIAN_EMBEDDINGS_BASE_URL)')
        .option('--embeddings-model <name>', 'embeddings model (or GUARDIAN_EMBEDDINGS_MODEL)')
        .option('--debug', 'print index notes as they happen')
        .action(async (opts) => {
        const root = (0, spec_js_1.resolveRoot)(ctx, opts.root);
        if ((opts.query === undefined) === (opts.queryFile === undefined)) {
            throw new errors_js_1.UsageError('give exactly one of --query TEXT or --query-file FILE');
        }
        let query = opts.query ?? '';
        if (opts.queryFile !== undefined) {
            const qf = (0, node_path_1.resolve)(ctx.io.cwd, opts.queryFile);
            try {
                query = readQueryFile(qf, opts.queryFile);
            }
            catch (e) {
                if (e instanceof errors_js_1.UsageError)
                    throw e;
                const code = e.code;
                const why = code === 'ENOENT'
                    ? 'no such file'
                    : code === 'EISDIR'
                        ? 'is a directory, expected a text file'
                        : code === 'EACCES'
                            ? 'permission denied'
                            : (code ?? e.message);
                throw new errors_js_1.UsageError(`--query-file ${opts.queryFile}: cannot read the task text (${why})`);
            }
        }
        if (!query.trim())
            throw new errors_js_1.UsageError('the query is empty');
        // Decimal digits only: Number() would also take `1e2`, `0x10` or an empty string (0).
        const top = /^\s*\d+\s*$/.test(opts.top) ? Number(opts.top) : NaN;
        if (!Number.isInteger(top) || top < 1 || top > 1000)
            throw new errors_js_1.UsageError(`--top ${opts.top}: expected an integer from 1 to 1000`);
        const env = ctx.io.env;
        const baseUrl = opts.embeddingsUrl ?? env.GUARDIAN_EMBEDDINGS_BASE_URL;
        const model = opts.embeddingsModel ?? env.GUARDIAN_EMBEDDINGS_MODEL;
        let embeddings;
        if (baseUrl || model) {
            if (!baseUrl || !model)
                throw new errors_js_1.UsageError('embeddings need both a base URL and a model (--embeddings-url, --embeddings-model)');
            checkEmbeddingsUrl(baseUrl, opts.embeddingsUrl !== undefined ? '--embeddings-url' : 'GUARDIAN_EMBEDDINGS_BASE_URL');
            embeddings = {
                baseUrl,
                model,
                ...(env.GUARDIAN_EMBEDDINGS_API_KEY ? { apiKey: env.GUARDIAN_EMBEDDINGS_API_KEY } : {}),
                known: (0, index_js_2.secretEnvValues)(env),
            };
        }
        const cacheDir = opts.cacheDir === undefined ? undefined : (0, node_path_1.resolve)(ctx.io.cwd, opts.cacheDir);
        if (cacheDir !== undefined && (0, node_fs_1.existsSync)(cacheDir) && !(0, node_fs_1.statSync)(cacheDir).isDirectory())
            throw new errors_js_1.UsageError(`--cache-dir ${opts.cacheDir}: not a directory`);
        const res = await (0, index_js_1.searchRepository)({
            root,
            query,
            top,
            hints: { files: opts.file ?? [], relevantTests: opts.test ?? [] },
            ...(cacheDir ? { cacheDir } : {}),
            ...(embeddings ? { embeddings } : {}),
            log: (0, log_js_1.streamLogger)(ctx.io.stderr, { debug: !!opts.debug }),
        });
        // Paths and commit subjects are the repository's: printed redacted, as the bundle quotes them.
        if (opts.json)
            ctx.io.stdout.write(JSON.stringify((0, index_js_2.redactStringsSync)(searchJson(root, query, top, res)), null, 2) + '\n');
        else
            ctx.io.stdout.write((0, index_js_2.redactSecretsSync)(formatHuman(res)).text);
        ctx.setExitCode(0);
    });
}
/**
 * The embeddings server's base URL, checked before the search: a typo would only show as a note that
 * the re-ranking was skipped. A user name or password in it would be quoted by that note: refused.
 */
function checkEmbeddingsUrl(url, source) {
    const expected = 'expected an http(s) base URL like http://localhost:11434/v1';
    const shown = url.replace(/\/\/[^/]*@/, '//…@'); // never the password, even in a malformed URL
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new errors_js_1.UsageError(`${source} ${shown}: not a URL; ${expected}`);
    }
    if (parsed.username || parsed.password)
        throw new errors_js_1.UsageError(`${source}: the URL must not contain a user name or password (the key goes in GUARDIAN_EMBEDDINGS_API_KEY)`);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        throw new errors_js_1.UsageError(`${source} ${shown}: ${expected}`);
}
/** The task text is read like a blueprint: at most 1 MiB (a device such as /dev/zero never ends), UTF-8 text. */
const MAX_QUERY_FILE_BYTES = 1024 * 1024;
function readQueryFile(path, given) {
    // Opened without waiting: a FIFO nobody writes to would otherwise block the open for ever. A pipe with
    // a writer (`--query-file <(…)`) is read to its end.
    const fd = (0, node_fs_1.openSync)(path, node_fs_1.constants.O_RDONLY | node_fs_1.constants.O_NONBLOCK);
    let buf;
    let pipe = false;
    try {
        const st = (0, node_fs_1.fstatSync)(fd);
        if (st.isDirectory())
            throw Object.assign(new Error('directory'), { code: 'EISDIR' });
        pipe = !st.isFile();
        buf = Buffer.alloc(MAX_QUERY_FILE_BYTES + 1);
        let n = 0;
        for (;;) {
            let r;
            try {
                r = (0, node_fs_1.readSync)(fd, buf, n, buf.length - n, null);
            }
            catch (e) {
                if (e.code !== 'EAGAIN')
                    throw e;
                Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20); // the writer has not written yet
                continue;
            }
            if (r === 0)
                break;
            n += r;
            if (n >= buf.length)
                break;
        }
        if (n > MAX_QUERY_FILE_BYTES)
            throw new errors_js_1.UsageError(`--query-file ${given}: larger than 1 MiB; expected the text of a task`);
        buf = buf.subarray(0, n);
    }
    finally {
        (0, node_fs_1.closeSync)(fd);
    }
    if (pipe && buf.length === 0)
        throw new errors_js_1.UsageError(`--query-file ${given}: not a regular file, and nothing was written to it; expected a text file`);
    const nul = buf.indexOf(0);
    if (nul >= 0)
        throw new errors_js_1.UsageError(`--query-file ${given}: binary content (a NUL byte at offset ${nul}); expected UTF-8 text`);
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(buf);
    }
    catch {
        throw new errors_js_1.UsageError(`--query-file ${given}: not valid UTF-8; expected UTF-8 text`);
    }
}


/***/ })

};
