export const id = 335;
export const ids = [335];
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
const spec_js_1 = __webpack_require__(5842);
const index_js_2 = __webpack_require__(5073);
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
        const root = (0, spec_js_1.resolveRoot)(ctx, opts.root);
        let budget;
        if (opts.budget !== undefined) {
            budget = /^\d+$/.test(opts.budget) ? Number(opts.budget) : NaN;
            if (!Number.isInteger(budget) || budget < 1000) {
                throw new errors_js_1.UsageError(`--budget ${opts.budget}: expected an integer of at least 1000`);
            }
        }
        // Decimal digits only: Number() would take 1e2, 0x10 and 2.0.
        const top = /^\d+$/.test(opts.top ?? '12') ? Number(opts.top ?? '12') : NaN;
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
            known: (0, index_js_2.secretEnvValues)(env),
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
