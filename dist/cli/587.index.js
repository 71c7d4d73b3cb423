export const id = 587;
export const ids = [587];
export const modules = {

/***/ 1587:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.register = register;
const index_js_1 = __webpack_require__(5822);
const interrupt_js_1 = __webpack_require__(2125);
const spec_js_1 = __webpack_require__(5842);
function register(program, ctx) {
    program
        .command('milestone')
        .description("run a milestone's tasks in dependency order, skipping done tasks and halting at the first failure (exit 0 done, 1 failed, 130 interrupted)")
        .argument('<name>', 'the milestone id, e.g. MVP')
        .option('--root <dir>', 'repository root', '.')
        .option('--parallel <n>', 'run up to N tasks whose dependencies are done at the same time, each in its own git worktree', '1')
        .option('--dry-run', 'everything except commit and push (tasks that depend on an uncommitted task are not run)')
        .option('--push <remote>', 'push the milestone branch to this remote after each commit')
        .option('--branch <name>', 'the branch that receives the commits (default guardian/<milestone>; created and checked out)')
        .option('--max-attempts <n>', 'Coder ↔ Validator attempts per task', '1')
        .option('--run-url <url>', 'recorded in each commit as the Guardian-Run trailer')
        .option('--json', 'print the result as one JSON document on stdout')
        .option('--debug', 'debug logging')
        .action(async (name, flags) => {
        const root = (0, spec_js_1.resolveRoot)(ctx, flags.root);
        (0, spec_js_1.checkCommitFlags)(root, flags);
        const parallel = (0, index_js_1.parseParallel)(flags.parallel);
        const maxAttempts = (0, index_js_1.parseMaxAttempts)(flags.maxAttempts);
        const progress = (0, index_js_1.createProgress)({ stream: ctx.io.stderr });
        const interrupts = (0, index_js_1.handleInterrupts)((m) => progress.log(m));
        try {
            const result = await (0, index_js_1.runMilestone)({
                root,
                milestone: name,
                parallel,
                maxAttempts,
                ...(flags.dryRun ? { dryRun: true } : {}),
                ...(flags.push ? { push: flags.push } : {}),
                ...(flags.branch ? { branch: flags.branch } : {}),
                ...(flags.runUrl ? { runUrl: flags.runUrl } : {}),
                env: ctx.io.env,
                log: (0, index_js_1.progressLogger)(progress, { debug: !!flags.debug }),
                progress,
                signal: interrupts.signal,
            });
            progress.close();
            (0, spec_js_1.writeLineResult)(ctx, !!flags.json, result, index_js_1.renderMilestoneSummary, index_js_1.milestoneExitCode);
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
