export const id = 948;
export const ids = [948];
export const modules = {

/***/ 7948:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.register = register;
const index_js_1 = __webpack_require__(5822);
const interrupt_js_1 = __webpack_require__(2125);
const spec_js_1 = __webpack_require__(5842);
function register(program, ctx) {
    program
        .command('run')
        .description('run one task through the line: pre-start, bundle, security, code, validate, complete (exit 0 done, 1 failed or blocked, 130 interrupted)')
        .argument('<task-id>', 'the task, e.g. TASK-042')
        .option('--root <dir>', 'repository root', '.')
        .option('--resume', 'continue from the last finished station recorded in the Task Bundle (also: validate and commit a change made by hand)')
        .option('--dry-run', 'everything except commit and push')
        .option('--until <station>', 'stop after this station: prestart, bundle, security, code, validate, complete')
        .option('--max-attempts <n>', 'Coder ↔ Validator attempts; each retry gets the failure report', '1')
        .option('--push <remote>', "push the task's branch to this remote after the commit")
        .option('--branch <name>', "commit on this branch (default: the blueprint's branch, else guardian/<task-id>)")
        .option('--run-url <url>', 'recorded in the commit as the Guardian-Run trailer')
        .option('--json', 'print the result as one JSON document on stdout')
        .option('--debug', 'debug logging')
        .action(async (taskId, flags) => {
        const root = (0, spec_js_1.resolveRoot)(ctx, flags.root);
        (0, spec_js_1.checkCommitFlags)(root, flags);
        const until = flags.until ? (0, index_js_1.parseStationName)(flags.until) : undefined;
        const maxAttempts = (0, index_js_1.parseMaxAttempts)(flags.maxAttempts);
        const progress = (0, index_js_1.createProgress)({ stream: ctx.io.stderr });
        const interrupts = (0, index_js_1.handleInterrupts)((m) => progress.log(m));
        try {
            const result = await (0, index_js_1.runTask)({
                root,
                taskId,
                ...(flags.resume ? { resume: true } : {}),
                ...(flags.dryRun ? { dryRun: true } : {}),
                ...(until ? { until } : {}),
                maxAttempts,
                ...(flags.push ? { push: flags.push } : {}),
                ...(flags.branch ? { branch: flags.branch } : {}),
                ...(flags.runUrl ? { runUrl: flags.runUrl } : {}),
                env: ctx.io.env,
                log: (0, index_js_1.progressLogger)(progress, { debug: !!flags.debug }),
                progress,
                signal: interrupts.signal,
            });
            progress.close();
            (0, spec_js_1.writeLineResult)(ctx, !!flags.json, result, index_js_1.renderTaskSummary, index_js_1.taskExitCode);
        }
        catch (e) {
            throw await (0, interrupt_js_1.interruptedInstead)(e, interrupts);
        }
        finally {
            progress.close();
            interrupts.dispose();
        }
    });
}


/***/ })

};
