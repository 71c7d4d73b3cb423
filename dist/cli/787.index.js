export const id = 787;
export const ids = [787];
export const modules = {

/***/ 9787:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NIGHTLY_CRON = exports.DEFAULT_GUARDIAN_REF = exports.DEFAULT_GUARDIAN_REPOSITORY = void 0;
exports.guessStack = guessStack;
exports.renderQualityToml = renderQualityToml;
exports.dispatchWorkflow = dispatchWorkflow;
exports.milestoneWorkflow = milestoneWorkflow;
exports.initRepository = initRepository;
exports.register = register;
/**
 * `guardian init`: scaffolds Guardian into a repository — specs/tasks/, specs/milestones/, a
 * quality.toml guessed from the repository's stack, `.guardian/` in .gitignore, and caller workflows
 * (a dispatch with a task id, a nightly milestone). It never overwrites a file: what exists is
 * reported as skipped.
 */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const errors_js_1 = __webpack_require__(3916);
const index_js_1 = __webpack_require__(5371);
const fs_js_1 = __webpack_require__(1917);
const spec_js_1 = __webpack_require__(5842);
/** Where callers take Guardian's reusable workflows from; `--repository` names the real one. */
exports.DEFAULT_GUARDIAN_REPOSITORY = 'OWNER/guardian';
exports.DEFAULT_GUARDIAN_REF = 'v1';
exports.NIGHTLY_CRON = '0 3 * * *';
function read(root, rel) {
    try {
        return (0, node_fs_1.readFileSync)((0, node_path_1.join)(root, rel), 'utf8');
    }
    catch {
        return '';
    }
}
const has = (root, rel) => (0, node_fs_1.existsSync)((0, node_path_1.join)(root, rel));
function nodeChecks(root) {
    if (!has(root, 'package.json'))
        return undefined;
    let pkg;
    try {
        pkg = JSON.parse(read(root, 'package.json'));
    }
    catch {
        pkg = {};
    }
    const scripts = pkg.scripts ?? {};
    const deps = { ...pkg.dependencies, ...pkg.devDependencies };
    const files = (0, node_fs_1.readdirSync)(root);
    const checks = [];
    const script = (names) => names.find((n) => typeof scripts[n] === 'string');
    const lint = script(['lint']);
    if (lint)
        checks.push({ name: 'lint', command: `npm run ${lint}`, why: `package.json script "${lint}"` });
    else if (deps.eslint || files.some((f) => /^(\.eslintrc(\..+)?|eslint\.config\.[cm]?[jt]s)$/.test(f))) {
        checks.push({ name: 'lint', command: 'npx eslint .', why: 'ESLint is configured' });
    }
    const types = script(['typecheck', 'type-check', 'types', 'tsc']);
    if (types)
        checks.push({ name: 'typecheck', command: `npm run ${types}`, why: `package.json script "${types}"` });
    else if (has(root, 'tsconfig.json')) {
        checks.push({ name: 'typecheck', command: 'npx tsc --noEmit', why: 'tsconfig.json' });
    }
    const fmt = script(['format:check', 'fmt:check', 'prettier:check']);
    if (fmt)
        checks.push({ name: 'format', command: `npm run ${fmt}`, why: `package.json script "${fmt}"` });
    const test = scripts.test && !/no test specified/.test(scripts.test) ? 'test' : undefined;
    if (test)
        checks.push({ name: 'tests', command: 'npm test', why: 'package.json script "test"' });
    const setup = has(root, 'pnpm-lock.yaml')
        ? ['pnpm install --frozen-lockfile']
        : has(root, 'yarn.lock')
            ? ['yarn install --frozen-lockfile']
            : has(root, 'package-lock.json')
                ? ['npm ci']
                : ['npm install'];
    return { stacks: [has(root, 'tsconfig.json') ? 'typescript' : 'javascript'], checks, setup };
}
function pythonChecks(root) {
    const files = (0, node_fs_1.readdirSync)(root);
    const reqs = files.filter((f) => /^requirements.*\.(txt|in)$/.test(f));
    if (!has(root, 'pyproject.toml') && !has(root, 'setup.py') && !has(root, 'setup.cfg') && reqs.length === 0)
        return undefined;
    const text = [
        read(root, 'pyproject.toml'),
        read(root, 'setup.cfg'),
        ...reqs.map((r) => read(root, r)),
    ].join('\n');
    const mentions = (tool) => new RegExp(`(^|[\\s"'\\[])${tool}([\\s"'\\]=<>~!.,]|$)`, 'm').test(text) ||
        text.includes(`[tool.${tool}]`);
    const src = has(root, 'src') ? 'src/' : '.';
    const checks = [];
    if (mentions('black'))
        checks.push({ name: 'format', command: 'black --check .', why: 'black is configured' });
    if (mentions('ruff'))
        checks.push({ name: 'lint', command: 'ruff check .', why: 'ruff is configured' });
    if (mentions('flake8') && !mentions('ruff'))
        checks.push({ name: 'lint', command: 'flake8', why: 'flake8 is configured' });
    if (mentions('mypy') || has(root, 'mypy.ini'))
        checks.push({ name: 'types', command: `mypy ${src}`, why: 'mypy is configured' });
    if (mentions('bandit'))
        checks.push({ name: 'security', command: `bandit -r ${src} -ll`, why: 'bandit is configured' });
    if (mentions('pytest') || has(root, 'tests') || has(root, 'pytest.ini') || has(root, 'conftest.py')) {
        checks.push({
            name: 'tests',
            command: 'pytest',
            why: mentions('pytest') ? 'pytest is configured' : 'a tests/ folder',
        });
    }
    const setup = reqs.includes('requirements.txt')
        ? ['pip install -r requirements.txt']
        : has(root, 'pyproject.toml')
            ? ['pip install -e .']
            : [];
    for (const dev of ['requirements-dev.txt', 'requirements_dev.txt', 'dev-requirements.txt']) {
        if (reqs.includes(dev))
            setup.push(`pip install -r ${dev}`);
    }
    return { stacks: ['python'], checks, setup };
}
function goChecks(root) {
    if (!has(root, 'go.mod'))
        return undefined;
    return {
        stacks: ['go'],
        checks: [
            { name: 'format', command: 'test -z "$(gofmt -l .)"', why: 'go.mod' },
            { name: 'vet', command: 'go vet ./...', why: 'go.mod' },
            { name: 'tests', command: 'go test ./...', why: 'go.mod' },
        ],
        setup: ['go mod download'],
    };
}
function rustChecks(root) {
    if (!has(root, 'Cargo.toml'))
        return undefined;
    return {
        stacks: ['rust'],
        checks: [
            { name: 'format', command: 'cargo fmt --check', why: 'Cargo.toml' },
            { name: 'clippy', command: 'cargo clippy --all-targets -- -D warnings', why: 'Cargo.toml' },
            { name: 'tests', command: 'cargo test', why: 'Cargo.toml' },
        ],
        setup: ['cargo fetch'],
    };
}
/** The checks a repository's own tooling suggests; names get a stack prefix when two stacks collide. */
function guessStack(root) {
    const found = [nodeChecks(root), pythonChecks(root), goChecks(root), rustChecks(root)].filter((g) => !!g);
    const out = { stacks: [], checks: [], setup: [] };
    const names = new Map();
    for (const g of found)
        for (const c of g.checks)
            names.set(c.name, (names.get(c.name) ?? 0) + 1);
    for (const g of found) {
        out.stacks.push(...g.stacks);
        out.setup.push(...g.setup);
        for (const c of g.checks) {
            out.checks.push((names.get(c.name) ?? 0) > 1 ? { ...c, name: `${g.stacks[0]}_${c.name}` } : c);
        }
    }
    return out;
}
const tomlString = (s) => JSON.stringify(s);
function renderQualityToml(guess) {
    const lines = [
        '# Guardian: the checks the Validator runs on every change (read from the base commit, so a change',
        "# cannot weaken them). Guessed by `guardian init` from this repository's tooling: review them.",
        '',
        '[quality_checks]',
    ];
    if (guess.checks.length === 0) {
        lines.push('# No linter, type checker or test runner was recognised. Name your checks, one command each:', '#   tests = "make test"', '#   lint = { command = "make lint", timeout = 300 }', 'tests = "echo \'configure the tests in quality.toml\' >&2; exit 1"');
    }
    for (const c of guess.checks)
        lines.push(`${c.name} = ${tomlString(c.command)}  # ${c.why}`);
    lines.push('', '[setup]', '# Commands that install the toolchain in a fresh checkout (the Validator runs them in its worktrees).', `commands = [${guess.setup.map(tomlString).join(', ')}]`, '', '[guard]', '# Paths a change may not touch.', 'protected = ["quality.toml", "specs/**", ".github/**", ".guardian/**"]', '', '[llm]', '# model = "gpt-4.1"        # or GUARDIAN_MODEL; the key comes from OPENAI_API_KEY, never from this file', '# base_url = "https://api.openai.com/v1"', '');
    return lines.join('\n');
}
function dispatchWorkflow(repository, ref) {
    return `# Runs Guardian's assembly line for one task: Actions → "Guardian task" → Run workflow.
# Pin the reusable workflow to a full commit SHA of ${repository} for a reproducible line.
name: Guardian task

on:
  workflow_dispatch:
    inputs:
      task-id:
        description: The task to build, like TASK-042 (specs/tasks/TASK-042_*.md).
        required: true
        type: string
      open-pr:
        description: Open or update a pull request when the Validator passes.
        required: false
        type: boolean
        default: true

permissions: {}

jobs:
  line:
    # The most any job of the line needs; each job narrows it down (only "complete" writes).
    permissions:
      contents: write
      pull-requests: write
    uses: ${repository}/.github/workflows/assembly-line.yml@${ref}
    with:
      task-id: \${{ inputs.task-id }}
      open-pr: \${{ inputs.open-pr }}
    secrets:
      llm-api-key: \${{ secrets.OPENAI_API_KEY }}
`;
}
function milestoneWorkflow(repository, ref, milestone) {
    return `# Runs a milestone's pending tasks through Guardian's assembly line every night (and on demand).
# Pin the reusable workflow to a full commit SHA of ${repository} for a reproducible line.
name: Guardian milestone

on:
  schedule:
    - cron: '${exports.NIGHTLY_CRON}'
  workflow_dispatch:
    inputs:
      milestone:
        description: The milestone to run (specs/milestones/<ID>.md).
        required: true
        type: string
        default: ${milestone}

permissions: {}

jobs:
  milestone:
    permissions:
      contents: write
      pull-requests: write
    uses: ${repository}/.github/workflows/milestone.yml@${ref}
    with:
      milestone: \${{ inputs.milestone || '${milestone}' }}
    secrets:
      llm-api-key: \${{ secrets.OPENAI_API_KEY }}
`;
}
const SPECS_README = `# Specs

- \`tasks/TASK-042_short-name.md\` — one blueprint per task: YAML front matter (\`id\`, \`title\`,
  \`status\`, optional \`branch\`, \`relevant_tests\`, \`depends_on\`, \`milestone\`) and the sections
  Goal, Functional Acceptance Criteria, Implementation Plan, Verification Plan (a fenced \`guardian\`
  JSON array of steps), Architectural Constraints, Security Considerations, Relevant Existing Code.
- \`milestones/MVP.md\` — front matter \`id\`, \`title\`, \`tasks: [TASK-001, …]\` in order, optional
  \`parallel: true\` and \`schedule: "${exports.NIGHTLY_CRON}"\`.

Check them with \`guardian lint\`; see what can start with \`guardian next\`.
`;
function initRepository(root, opts = {}) {
    const repository = opts.repository ?? exports.DEFAULT_GUARDIAN_REPOSITORY;
    const ref = opts.ref ?? exports.DEFAULT_GUARDIAN_REF;
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
        throw new errors_js_1.UsageError(`--repository ${JSON.stringify(repository)}: expected owner/name`);
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(ref) || ref.includes('..')) {
        throw new errors_js_1.UsageError(`--ref ${JSON.stringify(ref)}: expected a tag, branch or commit SHA`);
    }
    const stack = guessStack(root);
    const project = (0, index_js_1.loadProject)(root, (0, index_js_1.fsSource)(root), { quality: false });
    const milestone = project.milestones[0]?.id ?? 'MVP';
    const quality = renderQualityToml(stack);
    // Generated text must be what Guardian itself accepts.
    const check = (0, index_js_1.parseQualityToml)(quality);
    if (check.problems.some((p) => p.severity === 'error')) {
        throw new Error(`generated quality.toml is invalid: ${JSON.stringify(check.problems)}`);
    }
    const files = [
        { path: 'specs/README.md', content: SPECS_README },
        { path: 'specs/tasks/.gitkeep', content: '' },
        { path: 'specs/milestones/.gitkeep', content: '' },
        { path: 'quality.toml', content: quality },
        { path: '.github/workflows/guardian.yml', content: dispatchWorkflow(repository, ref) },
        {
            path: '.github/workflows/guardian-milestone.yml',
            content: milestoneWorkflow(repository, ref, milestone),
        },
    ];
    const result = { root, stack, created: [], appended: [], skipped: [], notes: [] };
    // Every path init writes is checked before anything is written: one in the way stops it all.
    const problems = [];
    const problem = (p) => void (problems.includes(p) || problems.push(p));
    const notWritable = (rel) => `${rel === '.' ? 'the repository folder' : rel} is not writable`;
    const planned = [];
    for (const f of files) {
        const dir = f.path.endsWith('.gitkeep') ? (0, node_path_1.dirname)(f.path) : undefined;
        const blocked = (0, fs_js_1.findBlocker)(root, dir ?? f.path, dir ? 'dir' : 'file');
        if (blocked) {
            problem((0, fs_js_1.blockerMessage)(blocked));
            continue;
        }
        if (dir && (0, node_fs_1.existsSync)((0, node_path_1.join)(root, dir)) && (0, node_fs_1.readdirSync)((0, node_path_1.join)(root, dir)).length > 0) {
            result.skipped.push({ path: `${dir}/`, reason: 'exists' });
            continue;
        }
        if ((0, node_fs_1.existsSync)((0, node_path_1.join)(root, f.path))) {
            result.skipped.push({ path: f.path, reason: 'exists (not overwritten)' });
            continue;
        }
        const denied = (0, fs_js_1.unwritableAncestor)(root, f.path);
        if (denied)
            problem(notWritable(denied));
        planned.push(f);
        result.created.push(dir ? `${dir}/` : f.path);
    }
    const gitignore = (0, node_path_1.join)(root, '.gitignore');
    const gitignoreBlocked = (0, fs_js_1.findBlocker)(root, '.gitignore', 'file');
    const existed = (0, node_fs_1.existsSync)(gitignore);
    const ignored = !gitignoreBlocked &&
        existed &&
        (0, node_fs_1.readFileSync)(gitignore, 'utf8')
            .split(/\r?\n/)
            .some((l) => /^\/?\.guardian\/?(\*\*?)?$/.test(l.trim()));
    if (gitignoreBlocked)
        problem((0, fs_js_1.blockerMessage)(gitignoreBlocked));
    else if (!ignored) {
        // The file itself when it exists, else the folder it would be created in.
        const denied = (0, fs_js_1.unwritableAncestor)(root, '.gitignore');
        if (denied)
            problem(notWritable(denied));
    }
    if (problems.length === 1)
        throw new errors_js_1.ConfigurationError(`cannot set up: ${problems[0]}`);
    if (problems.length > 1) {
        throw new errors_js_1.ConfigurationError(`cannot set up, ${problems.length} paths are in the way:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    }
    const written = opts.dryRun ? [] : writeAll(root, planned);
    if (ignored)
        result.skipped.push({ path: '.gitignore', reason: '.guardian/ is already ignored' });
    else {
        if (!opts.dryRun) {
            try {
                const text = existed ? (0, node_fs_1.readFileSync)(gitignore, 'utf8') : '';
                const sep = text === '' || text.endsWith('\n') ? '' : '\n';
                (0, node_fs_1.appendFileSync)(gitignore, `${sep}# Guardian's Task Bundles and caches\n.guardian/\n`);
            }
            catch (e) {
                undo(written);
                throw writeFailed('.gitignore', e);
            }
        }
        (existed ? result.appended : result.created).push('.gitignore');
    }
    if (repository === exports.DEFAULT_GUARDIAN_REPOSITORY) {
        result.notes.push(`the workflows call ${exports.DEFAULT_GUARDIAN_REPOSITORY}: replace OWNER with the account Guardian is installed from (or run again with --repository)`);
    }
    result.notes.push('add the model key as the repository secret OPENAI_API_KEY (Settings → Secrets and variables → Actions)');
    if (stack.checks.length === 0)
        result.notes.push('no checks were recognised: edit [quality_checks] in quality.toml');
    return result;
}
/** Writes the files (and the directories they need); returns what it made, newest last. */
function writeAll(root, planned) {
    const made = [];
    let current = '';
    try {
        for (const f of planned) {
            current = f.path;
            const parts = (0, node_path_1.dirname)(f.path).split('/');
            for (let i = 1; i <= parts.length; i++) {
                const dir = (0, node_path_1.join)(root, ...parts.slice(0, i));
                if (parts[0] === '.' || (0, node_fs_1.existsSync)(dir))
                    continue;
                (0, node_fs_1.mkdirSync)(dir);
                made.push({ path: dir, dir: true });
            }
            // 'wx': never replace a file that appeared in the meantime.
            (0, node_fs_1.writeFileSync)((0, node_path_1.join)(root, f.path), f.content, { flag: 'wx' });
            made.push({ path: (0, node_path_1.join)(root, f.path), dir: false });
        }
    }
    catch (e) {
        undo(made);
        throw writeFailed(current, e);
    }
    return made;
}
/** Removes what init made (files, then the directories it created, if still empty). */
function undo(made) {
    for (const m of [...made].reverse()) {
        try {
            if (m.dir)
                (0, node_fs_1.rmdirSync)(m.path);
            else
                (0, node_fs_1.rmSync)(m.path, { force: true });
        }
        catch {
            // Not empty (something else wrote there) or gone: leave it.
        }
    }
}
function writeFailed(path, e) {
    const code = e.code;
    if (!code)
        return e;
    return new errors_js_1.ConfigurationError(`cannot set up: writing ${path} failed (${code}: ${e.message}); nothing was left behind`, { cause: e });
}
function register(program, ctx) {
    program
        .command('init')
        .description('scaffold specs/, quality.toml (guessed from the stack), .guardian/ in .gitignore and the caller workflows; never overwrites a file')
        .option('--root <dir>', 'repository root', '.')
        .option('--repository <owner/name>', "where the workflows take Guardian's reusable workflows from", exports.DEFAULT_GUARDIAN_REPOSITORY)
        .option('--ref <ref>', 'tag, branch or commit SHA of that repository', exports.DEFAULT_GUARDIAN_REF)
        .option('--dry-run', 'show what would be created, write nothing')
        .option('--json', 'machine-readable output')
        .action((opts) => {
        const root = (0, spec_js_1.resolveRoot)(ctx, opts.root);
        const r = initRepository(root, { repository: opts.repository, ref: opts.ref, dryRun: opts.dryRun });
        if (opts.json) {
            ctx.io.stdout.write(JSON.stringify({ schemaVersion: 1, dryRun: !!opts.dryRun, ...r }, null, 2) + '\n');
            return;
        }
        const out = [];
        out.push(`stack: ${r.stack.stacks.join(', ') || 'not recognised'}`);
        for (const c of r.stack.checks)
            out.push(`  check ${c.name} = ${c.command}  (${c.why})`);
        const verb = opts.dryRun ? 'would create' : 'created';
        for (const p of r.created)
            out.push(`${verb} ${p}`);
        for (const p of r.appended)
            out.push(`${opts.dryRun ? 'would add' : 'added'} .guardian/ to ${p}`);
        for (const s of r.skipped)
            out.push(`skipped ${s.path}: ${s.reason}`);
        for (const n of r.notes)
            out.push(`note: ${n}`);
        ctx.io.stdout.write(out.join('\n') + '\n');
    });
}


/***/ })

};
