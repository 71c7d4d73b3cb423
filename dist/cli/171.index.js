export const id = 171;
export const ids = [171];
export const modules = {

/***/ 6171:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.register = register;
const index_js_1 = __webpack_require__(5822);
const spec_js_1 = __webpack_require__(5842);
function register(program, ctx) {
    program
        .command('status')
        .description("show tasks (a milestone's, in its order) with their status and last run")
        .option('--milestone <id>', "only the milestone's tasks, in its order")
        .option('--root <dir>', 'repository root', '.')
        .option('--json', 'print the status as one JSON document on stdout')
        .action((flags) => {
        const report = (0, index_js_1.projectStatus)((0, spec_js_1.specsRoot)(ctx, flags.root), flags.milestone);
        if (flags.json) {
            ctx.io.stdout.write(JSON.stringify({ schemaVersion: spec_js_1.JSON_SCHEMA_VERSION, ...report }, null, 2) + '\n');
        }
        else {
            ctx.io.stdout.write((0, index_js_1.renderStatus)(report));
        }
        ctx.setExitCode(0);
    });
}


/***/ })

};
