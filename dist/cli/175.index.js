export const id = 175;
export const ids = [175];
export const modules = {

/***/ 4175:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SECURITY_JSON_OUTPUT_VERSION = void 0;
exports.register = register;
/** `guardian security TASK-ID`: the Security Consultant station from the command line. */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const bundle_js_1 = __webpack_require__(6782);
const git_js_1 = __webpack_require__(308);
const index_js_1 = __webpack_require__(6627);
const index_js_2 = __webpack_require__(5371);
const index_js_3 = __webpack_require__(7982);
const lock_js_1 = __webpack_require__(2055);
const log_js_1 = __webpack_require__(9906);
const io_js_1 = __webpack_require__(1604);
const spec_js_1 = __webpack_require__(5842);
/** Version of the `--json` document; bumped only on incompatible changes. */
exports.SECURITY_JSON_OUTPUT_VERSION = 1;
function human(r) {
    const main = r.findings.filter((f) => !f.id.includes('/') || f.source === 'model');
    const rows = main.map((f) => [
        f.severity,
        f.category,
        f.source,
        f.where
            .slice(0, 3)
            .map((w) => `${w.path}:${w.line}`)
            .join(' ') || '-',
    ]);
    const lines = [
        `Security Considerations for ${r.taskId} (${r.model ? `rules + model ${r.model}` : 'offline rules'})`,
        `stack: ${r.stacks.join(', ') || 'unknown'} · ${r.counts.high} high, ${r.counts.medium} medium, ${r.counts.low} low · ${r.checks.length} guard checks`,
        '',
        rows.length
            ? (0, io_js_1.table)(['severity', 'category', 'source', 'where'], rows).trimEnd()
            : 'no security-relevant risk found',
        '',
        `written: ${r.securityJson}`,
        `         ${r.taskContext} (## Security Considerations)`,
    ];
    for (const n of r.notes)
        lines.push(`note: ${n}`);
    return lines.join('\n') + '\n';
}
function register(program, ctx) {
    program
        .command('security')
        .description('threat-model a task: security.json (enforced checks) and ## Security Considerations in the bundle')
        .argument('<task-id>', 'the task, e.g. TASK-042')
        .option('--root <dir>', 'repository root', '.')
        .option('--json', `one JSON document on stdout (schemaVersion ${exports.SECURITY_JSON_OUTPUT_VERSION})`)
        .option('--offline', 'rules only, even when a model is configured')
        .option('--model <name>', 'model for the optional model pass (overrides GUARDIAN_SECURITY_MODEL / quality.toml)')
        .option('--base-url <url>', 'OpenAI-compatible server for the model pass')
        .option('--debug', 'print debug notes')
        .action(async (taskId, opts) => {
        // From a subdirectory, the bundle still lives at the repository root.
        const dir = (0, spec_js_1.resolveRoot)(ctx, opts.root);
        const root = (0, git_js_1.isGitRepo)(dir) ? (0, git_js_1.repoRoot)(dir) : dir;
        const log = (0, log_js_1.streamLogger)(ctx.io.stderr, { debug: !!opts.debug });
        const bundleDir = (0, bundle_js_1.bundleDirFor)(root, taskId); // a malformed task id is refused before the lock
        // security.json and task_context.md are written into the bundle, which a `guardian run` there may
        // be rebuilding: one writer at a time (.guardian/run.lock), the bundle read under the lock too.
        const result = await (0, lock_js_1.withRunLock)(root, `guardian security ${taskId}`, log, () => consult(ctx, root, bundleDir, taskId, log, opts));
        if (opts.json) {
            ctx.io.stdout.write(JSON.stringify({ schemaVersion: exports.SECURITY_JSON_OUTPUT_VERSION, ...result }, null, 2) + '\n');
        }
        else
            ctx.io.stdout.write(human(result));
        ctx.setExitCode(0);
    });
}
/** The model settings (from the bundle's base commit) and the station's run: under the run lock. */
async function consult(ctx, root, bundleDir, taskId, log, opts) {
    let llm;
    if (!opts.offline) {
        // quality.toml decides where the model key is sent: read it from the bundle's base commit (as
        // every station does), never from a working tree a change may have edited.
        // A base commit this repository does not have is one message naming the manifest's field (the
        // working tree's quality.toml is not a stand-in: it decides where the key goes).
        const manifest = (0, node_fs_1.existsSync)((0, node_path_1.join)(bundleDir, 'manifest.json'))
            ? (0, bundle_js_1.readManifest)(bundleDir, taskId)
            : undefined;
        const qBytes = (0, git_js_1.isGitRepo)(root)
            ? (0, git_js_1.showFile)(root, manifest ? (0, bundle_js_1.manifestBase)(root, bundleDir, manifest) : (0, git_js_1.resolveCommit)(root, 'HEAD'), 'quality.toml')
            : undefined;
        const quality = qBytes ? (0, index_js_2.parseQualityToml)(qBytes, 'quality.toml').config : undefined;
        const cfg = (0, index_js_1.resolveLlmConfig)({
            station: 'security',
            env: ctx.io.env,
            quality,
            overrides: { model: opts.model, baseUrl: opts.baseUrl },
        });
        const timeout = quality?.llm.timeoutSeconds;
        if (cfg) {
            llm = {
                apiKey: cfg.apiKey,
                baseUrl: cfg.baseUrl,
                model: cfg.model,
                ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
            };
        }
    }
    return (0, index_js_3.runSecurityConsultant)({
        root,
        taskId,
        log: opts.json ? { ...log, info: () => { }, group: (_n, fn) => fn() } : log,
        llm,
    });
}


/***/ })

};
