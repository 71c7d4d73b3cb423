export const id = 969;
export const ids = [969];
export const modules = {

/***/ 5847:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DEPENDENCY_DIRS = void 0;
exports.addWorktree = addWorktree;
exports.removeStaleWorktrees = removeStaleWorktrees;
exports.linkDependencies = linkDependencies;
exports.dependencyFoldersIn = dependencyFoldersIn;
/**
 * Temporary git worktrees: a clean checkout of a commit (or of any tree on top of it) in a temp
 * directory, sharing the repository's objects. The Validator judges a bundle's patch and runs the red
 * half of the red/green proof in them, so the user's working tree is never touched.
 */
const node_fs_1 = __webpack_require__(3024);
const node_os_1 = __webpack_require__(8161);
const node_path_1 = __webpack_require__(6760);
const index_js_1 = __webpack_require__(2157);
const temp_js_1 = __webpack_require__(4868);
const git_js_1 = __webpack_require__(308);
/** The repositories whose stale worktrees this process has removed already. */
const swept = new Set();
/** Beside each temporary worktree: which Guardian made it (pid and start time), for `removeStaleWorktrees`. */
const OWNER_FILE = 'owner';
/** Checks out `commit` (detached) in a new temporary worktree, then `tree` over it when given. */
function addWorktree(root, commit, tree, prefix = 'guardian-wt-') {
    // Once per repository and process: what a Guardian that is gone left stays gone.
    if (!swept.has(root)) {
        swept.add(root);
        removeStaleWorktrees(root);
    }
    const parent = (0, node_fs_1.realpathSync)((0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), prefix)));
    (0, node_fs_1.writeFileSync)((0, node_path_1.join)(parent, OWNER_FILE), `${(0, index_js_1.ownerTag)()}\n`);
    const dir = (0, node_path_1.join)(parent, 'tree');
    let removed = false;
    /** This worktree's own entry in the repository (`.git/worktrees/<name>`), once it exists. */
    let entry;
    // Removed at exit too (a second Ctrl-C ends the process at once): no worktree is left listed.
    let forgetExit = () => { };
    const remove = () => {
        if (removed)
            return;
        removed = true;
        forgetExit();
        const r = (0, git_js_1.execGit)(['worktree', 'remove', '--force', '--force', dir], { cwd: root, allowFailure: true });
        (0, node_fs_1.rmSync)(parent, { recursive: true, force: true });
        // Only this worktree's entry, when git could not remove it (its folder was gone): `git worktree
        // prune` would also drop the user's own worktrees whose folder is missing for now (on a drive that
        // is not mounted), and their index with them.
        if (r.code !== 0 && entry)
            (0, node_fs_1.rmSync)(entry, { recursive: true, force: true });
    };
    forgetExit = (0, temp_js_1.onExit)(remove);
    try {
        (0, git_js_1.execGit)(['worktree', 'add', '--detach', '--quiet', dir, commit], { cwd: root });
        entry = ownEntry(root, dir);
        // Not into submodules (`submodule.recurse`): none is checked out in a new worktree, and git would
        // fail looking for one that a change moves to another commit.
        if (tree)
            (0, git_js_1.execGit)(['read-tree', '-u', '--reset', '--no-recurse-submodules', tree], { cwd: dir });
    }
    catch (e) {
        remove();
        throw e;
    }
    return { dir, remove };
}
/**
 * Removes the temporary worktrees of this repository that a Guardian which is gone made (one killed
 * with SIGKILL, which no exit handler sees): listed by git, in a `guardian-…` folder of the temporary
 * directory, with an owner file naming a Guardian that no longer runs. A worktree without an owner
 * file, or whose Guardian still runs, is left alone; so is every worktree of the user's. Returns the
 * paths removed.
 */
function removeStaleWorktrees(root) {
    const r = (0, git_js_1.execGit)(['worktree', 'list', '--porcelain', '-z'], { cwd: root, allowFailure: true });
    if (r.code !== 0)
        return [];
    let tmp;
    try {
        tmp = (0, node_fs_1.realpathSync)((0, node_os_1.tmpdir)());
    }
    catch {
        return [];
    }
    const removed = [];
    for (const field of r.stdout.split('\0')) {
        if (!field.startsWith('worktree '))
            continue;
        const dir = field.slice('worktree '.length);
        const parent = (0, node_path_1.dirname)(dir);
        if ((0, node_path_1.basename)(dir) !== 'tree' ||
            (0, node_path_1.dirname)(parent) !== tmp ||
            !/^guardian-[a-z-]*[A-Za-z0-9]{6}$/.test((0, node_path_1.basename)(parent)))
            continue;
        let tag;
        try {
            tag = (0, node_fs_1.readFileSync)((0, node_path_1.join)(parent, OWNER_FILE), 'utf8').trim();
        }
        catch {
            continue; // no owner file: not one this Guardian can judge
        }
        if ((0, index_js_1.ownerAlive)(tag) !== false)
            continue;
        (0, git_js_1.execGit)(['worktree', 'remove', '--force', '--force', dir], { cwd: root, allowFailure: true });
        (0, node_fs_1.rmSync)(parent, { recursive: true, force: true });
        removed.push(dir);
    }
    return removed;
}
/**
 * The entry of the worktree at `dir` under the repository's `worktrees/` folder, read when it was just
 * made (before anything runs in it that could rewrite its `.git` file); undefined when it is not there.
 */
function ownEntry(root, dir) {
    const r = (0, git_js_1.execGit)(['rev-parse', '--absolute-git-dir'], { cwd: dir, allowFailure: true });
    const common = (0, git_js_1.execGit)(['rev-parse', '--git-common-dir'], { cwd: root, allowFailure: true });
    if (r.code !== 0 || common.code !== 0)
        return undefined;
    const commonDir = common.stdout.trim();
    const gitDir = (0, node_fs_1.realpathSync)(r.stdout.trim());
    const worktrees = (0, node_path_1.join)((0, node_fs_1.realpathSync)((0, node_path_1.isAbsolute)(commonDir) ? commonDir : (0, node_path_1.join)(root, commonDir)), 'worktrees');
    return (0, node_path_1.dirname)(gitDir) === worktrees ? gitDir : undefined;
}
/** Untracked dependency folders a check usually needs and a fresh checkout lacks. */
exports.DEPENDENCY_DIRS = ['node_modules', '.venv', 'venv'];
/** Whether anything is at `p`, a link that leads nowhere included. */
function present(p) {
    try {
        (0, node_fs_1.lstatSync)(p);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Links the repository's dependency folders into a worktree (when the worktree has none of its own:
 * an entry of that name in the tree, even a link that leads nowhere, is left as it is).
 */
function linkDependencies(root, dir, names = exports.DEPENDENCY_DIRS) {
    const linked = [];
    for (const name of names) {
        if ((0, node_fs_1.existsSync)((0, node_path_1.join)(root, name)) && !present((0, node_path_1.join)(dir, name))) {
            (0, node_fs_1.symlinkSync)((0, node_path_1.join)(root, name), (0, node_path_1.join)(dir, name), 'dir');
            linked.push(name);
        }
    }
    return linked;
}
/**
 * The dependency folders present in `dir` (directories, or links to them), with their real paths: what
 * a check run in `dir` takes its tools from. A folder linked by `linkDependencies` resolves to the
 * repository's own.
 */
function dependencyFoldersIn(dir, names = exports.DEPENDENCY_DIRS) {
    const out = [];
    for (const name of names) {
        try {
            const p = (0, node_path_1.join)(dir, name);
            if ((0, node_fs_1.statSync)(p).isDirectory())
                out.push({ name, real: (0, node_fs_1.realpathSync)(p) });
        }
        catch {
            // absent, or a broken link: nothing to take tools from
        }
    }
    return out;
}


/***/ }),

/***/ 2023:
/***/ ((__unused_webpack_module, exports) => {


/**
 * Which tests of a test file the runner would collect, read from the file's text without running it.
 * The guard on removed tests compares them at the base and in the change: a test whose `def` or `it(`
 * line stays in the file can still vanish from the run when the change wraps it in a string or a
 * comment, nests it in a function or in a class the runner does not collect, puts it under a condition,
 * deletes or rebinds its name (`del test_x`) or defines it a second time (the later definition wins).
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.pythonTests = pythonTests;
exports.jsCodeMask = jsCodeMask;
exports.jsTests = jsTests;
exports.collectedTests = collectedTests;
/** Python's line breaks: `\r\n`, `\n`, and a lone `\r`, which Python reads as a line break too. */
const PY_NEWLINE = /\r\n|\r|\n/;
/** A string literal's prefix and opening quote, read where the scan stands. */
const PY_STRING = /([rRbBuUfF]{0,2})("""|'''|"|')/y;
/** The logical lines of a Python module (strings and comments blanked out), with their indentation. */
function pythonStatements(src) {
    const out = [];
    const lines = src.split(PY_NEWLINE);
    // Lines as git and editors number them (a lone `\r` does not start one): for each of Python's lines.
    const gitLine = [];
    let at = 1;
    for (const piece of src.split(/(\r\n|\r|\n)/)) {
        if (piece === '\r')
            continue;
        if (piece === '\n' || piece === '\r\n')
            at++;
        else
            gitLine.push(at);
    }
    let code = '';
    let start = 0;
    let indent = 0;
    let depth = 0;
    let continued = false;
    // A string still open at the end of a line (a triple-quoted one): its quote.
    let open;
    const flush = () => {
        if (code.trim())
            out.push({ line: gitLine[start] ?? start + 1, indent, code: code.trim() });
        code = '';
    };
    for (let n = 0; n < lines.length; n++) {
        const text = lines[n];
        let i = 0;
        if (!open && depth === 0 && !continued) {
            flush();
            start = n;
            indent = 0;
            for (; i < text.length; i++) {
                const c = text[i];
                if (c === ' ')
                    indent++;
                else if (c === '\t')
                    indent = indent - (indent % 8) + 8;
                else if (c === '\f')
                    indent = 0;
                else
                    break;
            }
        }
        continued = false;
        // A backslash that ends the line inside a one-quote string continues the string.
        let escapedEnd = false;
        while (i < text.length) {
            if (open) {
                const c = text[i];
                // Even in a raw string a backslash keeps the quote after it from ending the string.
                if (c === '\\') {
                    escapedEnd = i === text.length - 1;
                    i += 2;
                    continue;
                }
                if (text.startsWith(open.quote, i)) {
                    i += open.quote.length;
                    open = undefined;
                    code += "''";
                    continue;
                }
                i++;
                continue;
            }
            const c = text[i];
            if (c === '#')
                break;
            if (c === '\\' && i === text.length - 1) {
                continued = true;
                break;
            }
            // A string literal, with its prefix (`r"…"`, `b'…'`, `f"""…"""`) when that is not the end of a name.
            PY_STRING.lastIndex = i;
            const str = PY_STRING.exec(text);
            if (str && !(str[1] && i > 0 && /\w/.test(text[i - 1]))) {
                open = { quote: str[2] };
                i += str[0].length;
                continue;
            }
            if ('([{'.includes(c))
                depth++;
            else if (')]}'.includes(c))
                depth = Math.max(0, depth - 1);
            code += c;
            i++;
        }
        // A one-quote string does not span lines (an unterminated one is a syntax error: close it here).
        if (open && open.quote.length === 1 && !escapedEnd) {
            open = undefined;
            code += "''";
        }
        code += ' ';
    }
    flush();
    return out;
}
/** Splits a logical line at its top-level `;`. */
function simpleStatements(code) {
    const parts = [];
    let depth = 0;
    let from = 0;
    for (let i = 0; i < code.length; i++) {
        const c = code[i];
        if ('([{'.includes(c))
            depth++;
        else if (')]}'.includes(c))
            depth = Math.max(0, depth - 1);
        else if (c === ';' && depth === 0) {
            parts.push(code.slice(from, i).trim());
            from = i + 1;
        }
    }
    parts.push(code.slice(from).trim());
    return parts.filter(Boolean);
}
/** The position of the `:` that ends a compound statement's header, or -1. */
function headerEnd(code) {
    let depth = 0;
    for (let i = 0; i < code.length; i++) {
        const c = code[i];
        if ('([{'.includes(c))
            depth++;
        else if (')]}'.includes(c))
            depth = Math.max(0, depth - 1);
        else if (c === ':' && depth === 0 && code[i + 1] !== '=')
            return i;
    }
    return -1;
}
const PY_COMPOUND = /^(?:async\s+)?(?:def|class|if|elif|else|while|for|with|try|except|finally|match|case)\b/;
/** The names a simple statement binds or deletes in its scope (not a `def`/`class`). */
function boundNames(statement) {
    // The names come first: a long statement (a data literal) is not read to its end.
    const code = statement.slice(0, 2000);
    const del = /^del\s+(.+)$/.exec(code);
    if (del)
        return { names: del[1].split(',').map((s) => s.trim().replace(/^\(|\)$/g, '')), deleted: true };
    const imp = /^(?:from\s+\S+\s+)?import\s+(.+)$/.exec(code);
    if (imp) {
        return {
            names: imp[1]
                .replace(/[()]/g, '')
                .split(',')
                .map((s) => {
                const as = /\bas\s+(\w+)\s*$/.exec(s);
                return as ? as[1] : s.trim().split('.')[0];
            }),
            deleted: false,
        };
    }
    // `test_x = …`, `test_x: T = …`, `a = test_x = …`, `test_x, y = …`, `test_x += …`.
    const names = [];
    let rest = code;
    for (;;) {
        const m = /^((?:\s*\w+\s*,)*\s*\w+\s*,?\s*)(?::[^=]*)?(?:[-+*/%&|^@]|\/\/|\*\*|<<|>>)?=(?!=)/.exec(rest);
        if (!m)
            break;
        names.push(...m[1].split(',').map((s) => s.trim()));
        rest = rest.slice(m[0].length);
    }
    return { names, deleted: false };
}
/**
 * The tests pytest (or unittest) would collect from a Python test file: functions named `test…` at module
 * level or in classes (nested in no function), under their class path. A definition a later statement of
 * the same scope deletes, rebinds or defines again is hidden, not collected.
 */
function pythonTests(src) {
    const stack = [];
    // Per scope (class path), the last binding of each name: a test definition, or what replaced it.
    const last = new Map();
    const hidden = [];
    // Classes (by their path) that hold tests.
    const holders = new Set();
    const bind = (scope, name, line, why, test) => {
        const key = scope ? `${scope}::${name}` : name;
        const what = why ?? `defined again at line ${line} (the later definition replaces it)`;
        const hide = (k) => {
            const v = last.get(k);
            if (!v?.test)
                return;
            hidden.push({ key: k, line: v.test.line, why: what });
            last.set(k, { line, why: what });
        };
        hide(key);
        // The tests of a class of that name (`del TestAuth`, a second `class TestAuth:`).
        if (holders.delete(key)) {
            for (const k of [...last.keys()])
                if (k.startsWith(`${key}::`))
                    hide(k);
        }
        last.set(key, { test, line, why });
        if (test && scope) {
            const parts = scope.split('::');
            parts.forEach((_, i) => holders.add(parts.slice(0, i + 1).join('::')));
        }
    };
    // Python reads names in their NFKC form: `def ｔｅｓｔ_x` defines test_x.
    for (const st of pythonStatements(src.normalize('NFKC'))) {
        while (stack.length && stack[stack.length - 1].indent >= st.indent)
            stack.pop();
        const inDef = stack.some((b) => b.kind === 'def');
        const scope = stack
            .filter((b) => b.kind === 'class')
            .map((b) => b.name)
            .join('::');
        const condition = stack.find((b) => b.kind === 'other')?.header;
        const collected = stack.every((b) => b.kind !== 'class' || b.collects);
        for (const part of simpleStatements(st.code)) {
            if (PY_COMPOUND.test(part)) {
                const end = headerEnd(part);
                const header = end >= 0 ? part.slice(0, end + 1) : part;
                const body = end >= 0 ? part.slice(end + 1).trim() : '';
                const def = /^(?:async\s+)?def\s+(\w+)/.exec(header);
                const cls = /^class\s+(\w+)/.exec(header);
                if (def && !inDef && collected && /^test/.test(def[1])) {
                    const key = scope ? `${scope}::${def[1]}` : def[1];
                    bind(scope, def[1], st.line, undefined, {
                        key,
                        line: st.line,
                        ...(condition ? { condition } : {}),
                    });
                }
                else if ((def || cls) && !inDef) {
                    bind(scope, (def ?? cls)[1], st.line, `rebound at line ${st.line}`);
                }
                if (!body) {
                    stack.push({
                        indent: st.indent,
                        kind: def ? 'def' : cls ? 'class' : 'other',
                        name: (def ?? cls)?.[1] ?? '',
                        header,
                        ...(cls ? { collects: /^Test/.test(cls[1]) || /\(.*Test/.test(header) } : {}),
                    });
                }
                else if (!def && !cls && !inDef) {
                    // `if c: del test_x` — the body runs in the same scope.
                    for (const s of simpleStatements(body)) {
                        const b = boundNames(s);
                        for (const n of b.names)
                            bind(scope, n, st.line, `${b.deleted ? 'deleted' : 'rebound'} at line ${st.line}`);
                    }
                }
                continue;
            }
            if (inDef || part.startsWith('@'))
                continue;
            const b = boundNames(part);
            for (const n of b.names)
                bind(scope, n, st.line, `${b.deleted ? 'deleted' : 'rebound'} at line ${st.line}`);
        }
    }
    return { tests: [...last.values()].flatMap((v) => (v.test ? [v.test] : [])), hidden };
}
/** The end of a `//` comment: JavaScript's line terminators. */
const JS_LINE_END = /[\r\n\u2028\u2029]/g;
/**
 * The text of a JavaScript/TypeScript file with every comment blanked out and the contents of every
 * string, template and regular expression literal blanked out too (their delimiters stay, and so does
 * every line break), so that a search of it finds code only, at the original offsets.
 */
function jsCodeMask(src) {
    const out = src.split('');
    const blank = (from, to) => {
        for (let k = from; k < to && k < out.length; k++)
            if (out[k] !== '\n' && out[k] !== '\r')
                out[k] = ' ';
    };
    // Brace depths at which a template's `${…}` returns to the template.
    const templates = [];
    let braces = 0;
    let prev = '';
    let i = 0;
    const readTemplate = () => {
        // From just after "`" or "}" of a substitution: to the closing "`" or the next "${".
        const from = i;
        while (i < src.length) {
            const c = src[i];
            if (c === '\\') {
                i += 2;
                continue;
            }
            if (c === '`') {
                blank(from, i);
                i++;
                prev = '`';
                return;
            }
            if (c === '$' && src[i + 1] === '{') {
                blank(from, i);
                i += 2;
                templates.push(braces);
                braces++;
                prev = '{';
                return;
            }
            i++;
        }
        blank(from, i);
    };
    while (i < src.length) {
        const c = src[i];
        if (c === '/' && src[i + 1] === '/') {
            JS_LINE_END.lastIndex = i;
            const to = JS_LINE_END.exec(src) ? JS_LINE_END.lastIndex - 1 : src.length;
            blank(i, to);
            i = to;
            continue;
        }
        if (c === '/' && src[i + 1] === '*') {
            const end = src.indexOf('*/', i + 2);
            const to = end < 0 ? src.length : end + 2;
            blank(i, to);
            i = to;
            continue;
        }
        if (c === '"' || c === "'") {
            let k = i + 1;
            while (k < src.length && src[k] !== c && src[k] !== '\n')
                k += src[k] === '\\' ? 2 : 1;
            blank(i + 1, k);
            i = k + 1;
            prev = c;
            continue;
        }
        if (c === '`') {
            i++;
            readTemplate();
            continue;
        }
        if (c === '/' &&
            (prev === '' ||
                /[(,=:[!&|?{};+\-*%<>~^]/.test(prev) ||
                /\b(?:return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/.test(src.slice(Math.max(0, i - 10), i).trimEnd()))) {
            let k = i + 1;
            let cls = false;
            while (k < src.length && src[k] !== '\n') {
                const d = src[k];
                if (d === '\\')
                    k++;
                else if (d === '[')
                    cls = true;
                else if (d === ']')
                    cls = false;
                else if (d === '/' && !cls)
                    break;
                k++;
            }
            blank(i + 1, k);
            i = k + 1;
            prev = '/';
            continue;
        }
        if (c === '{')
            braces++;
        if (c === '}') {
            braces--;
            if (templates.length && templates[templates.length - 1] === braces) {
                templates.pop();
                i++;
                readTemplate();
                continue;
            }
        }
        if (!/\s/.test(c))
            prev = /\w/.test(c) ? 'w' : c;
        i++;
    }
    return out.join('');
}
/** The titles of the `it(…)`, `test(…)` and `specify(…)` calls of a JavaScript/TypeScript test file that are code. */
function jsTests(src) {
    const code = jsCodeMask(src);
    const tests = [];
    // With a modifier too (`test.only(`, `it.concurrent(`): the skip-marker rule judges those.
    const call = /(?<![\w.$])(?:it|test|specify)(?:\s*\.\s*\w+)*\s*\(\s*(['"`])/g;
    // Lines counted as git counts them, up to each match in turn; the blocks open at each match.
    let line = 1;
    let counted = 0;
    const blocks = [];
    let scanned = 0;
    for (const m of code.matchAll(call)) {
        const open = m.index + m[0].length;
        const close = code.indexOf(m[1], open);
        if (close < 0)
            continue;
        for (let k = src.indexOf('\n', counted); k >= 0 && k < m.index; k = src.indexOf('\n', k + 1))
            line++;
        counted = m.index;
        for (; scanned < m.index; scanned++) {
            if (code[scanned] === '{')
                blocks.push(code[scanned - 1] === '$' ? undefined : jsBlockCondition(code, scanned));
            else if (code[scanned] === '}')
                blocks.pop();
        }
        const condition = blocks.find((b) => b !== undefined);
        tests.push({ key: src.slice(open, close), line, ...(condition ? { condition } : {}) });
    }
    return { tests, hidden: [] };
}
/** The position of the `(` that the `)` at `at` closes, in code whose strings and comments are blank. */
function openingParen(code, at) {
    let depth = 0;
    for (let i = at; i >= 0; i--) {
        if (code[i] === ')')
            depth++;
        else if (code[i] === '(' && --depth === 0)
            return i;
    }
    return -1;
}
/**
 * Why the block that a `{` at `at` opens may not run when the file is loaded: the body of an `if`, a
 * loop, an `else` or a `catch`, or of a function that is declared or stored rather than passed to a
 * call (`function later() {`, `const later = () => {`, a method). A callback passed to a call
 * (`describe('x', () => {`) and plain blocks run.
 */
function jsBlockCondition(code, at) {
    // Without a TypeScript return type (`function later(): void {`, `(): void => {`).
    let before = code.slice(Math.max(0, at - 2000), at).trimEnd();
    const typed = /\)\s*:\s*[\w$<>[\]|&.,\s]+?(\s*=>)?$/.exec(before.slice(-120));
    if (typed)
        before = `${before.slice(0, before.length - typed[0].length)})${typed[1] ?? ''}`;
    const shown = (text) => `${text.replace(/\s+/g, ' ').trim().slice(0, 80)} {`;
    if (/\b(?:else|do)$/.test(before))
        return shown(before.slice(-4));
    let end = before.length - 1;
    const arrow = before.endsWith('=>');
    if (arrow)
        end = before.slice(0, -2).trimEnd().length - 1;
    let start;
    if (before[end] === ')') {
        start = openingParen(before, end);
        if (start < 0)
            return undefined;
    }
    else if (arrow && /[\w$]/.test(before[end] ?? '')) {
        start = end;
        while (start > 0 && /[\w$]/.test(before[start - 1]))
            start--;
    }
    else {
        return undefined;
    }
    const head = before.slice(0, start).trimEnd();
    if (arrow) {
        // `const later = () => {`, `{ later: () => {`, `return () => {`: stored, not run here.
        const held = /(?:[=:]|\breturn)$/.test(head.replace(/\basync$/, '').trimEnd());
        const statement = Math.max(...[';', '{', '}', '\n'].map((c) => head.lastIndexOf(c))) + 1;
        return held ? shown(before.slice(statement)) : undefined;
    }
    const word = /([\w$]+)$/.exec(head)?.[1];
    if (!word)
        return undefined;
    if (['if', 'while', 'for', 'switch', 'catch', 'with'].includes(word))
        return shown(before.slice(head.length - word.length));
    if (word === 'function' || /\bfunction\s*\*?\s*[\w$]+$/.test(head)) {
        // A function expression passed to a call runs when the call runs it (`describe('x', function () {`).
        const fn = head.slice(0, head.lastIndexOf('function')).trimEnd();
        return /[(,]$/.test(fn) ? undefined : shown(before.slice(head.lastIndexOf('function')));
    }
    // A method (`later() {` in a class or an object), not a call: calls are not followed by a block.
    if (/^[\w$]+$/.test(word) && !/[.\w$]$/.test(head.slice(0, -word.length).trimEnd() || '')) {
        return ['super', 'catch', 'constructor'].includes(word)
            ? undefined
            : shown(before.slice(head.length - word.length));
    }
    return undefined;
}
/** The tests of a test file by its language, or undefined for a file of another kind. */
function collectedTests(path, src) {
    if (/\.py$/.test(path))
        return pythonTests(src);
    if (/\.[cm]?[jt]sx?$/.test(path))
        return jsTests(src);
    return undefined;
}


/***/ }),

/***/ 8969:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SECURITY_REGEX_BUDGET_MS = exports.MAX_SECURITY_CHECKS = void 0;
exports.isTestFile = isTestFile;
exports.protectedPathsCheck = protectedPathsCheck;
exports.gitConfigFilesCheck = gitConfigFilesCheck;
exports.resolveLink = resolveLink;
exports.linksCheck = linksCheck;
exports.testFilesCheck = testFilesCheck;
exports.skipMarkersCheck = skipMarkersCheck;
exports.securityChecksOf = securityChecksOf;
exports.securityCheck = securityCheck;
exports.toolConfigCheck = toolConfigCheck;
/**
 * Guard rules: checks on the change itself that no test run can replace. They are what keeps a Coder
 * from passing by weakening the checks: editing quality.toml or the specs, deleting or renaming a test,
 * skipping a test, silencing a linter, or writing what the Security Consultant said must not be written.
 */
const node_fs_1 = __webpack_require__(3024);
const node_os_1 = __webpack_require__(8161);
const node_path_1 = __webpack_require__(6760);
const node_vm_1 = __importDefault(__webpack_require__(714));
const picomatch_1 = __importDefault(__webpack_require__(4006));
const smol_toml_1 = __webpack_require__(7106);
const git_js_1 = __webpack_require__(308);
const worktree_js_1 = __webpack_require__(5847);
const plan_js_1 = __webpack_require__(9948);
const project_js_1 = __webpack_require__(246);
const quality_js_1 = __webpack_require__(3650);
const collected_tests_js_1 = __webpack_require__(2023);
const TEST_GLOBS = [
    '**/tests/**',
    '**/test/**',
    '**/__tests__/**',
    // Jest's manual mocks stand in for the module beside them whenever a test calls `jest.mock(…)` (and
    // for a package's module always): test code, which the red tree must hold like the tests themselves.
    '**/__mocks__/**',
    // The setup files Jest and Vitest run before every test file (`setupFiles`, `setupFilesAfterEach`,
    // `setupFiles` of Vitest) by their usual names: a `jest.mock(…)` there replaces a module for every test.
    '**/jest.setup.*',
    '**/jest-setup.*',
    '**/vitest.setup.*',
    '**/vitest-setup.*',
    '**/setupTests.*',
    '**/setup-tests.*',
    '**/test-setup.*',
    '**/test.setup.*',
    '**/test_*.py',
    '**/*_test.py',
    '**/conftest.py',
    '**/*.test.*',
    '**/*.spec.*',
    '**/*_test.go',
    '**/*Test.java',
    '**/*_spec.rb',
];
const isTestGlob = (0, picomatch_1.default)(TEST_GLOBS, { dot: true });
/** Whether a path is a test file (by the usual conventions, or named in the blueprint's relevant_tests). */
function isTestFile(path, relevantTests = []) {
    return isTestGlob(path) || relevantTests.includes(path);
}
/** The built-in matchers of Jest's and Vitest's `expect`, which `expect.extend` could replace. */
const JS_MATCHERS = '(?:toBe|toEqual|toStrictEqual|toMatch|toMatchObject|toMatchSnapshot|toMatchInlineSnapshot|toThrow|toThrowError|toContain|toContainEqual|toBeTruthy|toBeFalsy|toBeDefined|toBeUndefined|toBeNull|toBeNaN|toHaveLength|toHaveProperty|toBeCloseTo|toBeGreaterThan|toBeGreaterThanOrEqual|toBeLessThan|toBeLessThanOrEqual|toBeInstanceOf|toHaveBeenCalled|toHaveBeenCalledWith|toHaveBeenCalledTimes|toHaveReturnedWith|toResolve|toReject)';
/** Markers that skip, focus or expect-to-fail tests. */
const SKIP_MARKERS = [
    // With or without '@': `pytestmark = pytest.mark.skip`, `item.add_marker(pytest.mark.skip(...))`, `@mark.skip`.
    { re: /\b(pytest\.)?mark\.(skip|skipif|xfail)\b/, what: 'a pytest skip/xfail marker' },
    { re: /(^|[^\w.])skip(If|Unless)?\s*\(/, what: 'a skip decorator or call' },
    // Called, raised (`raise pytest.skip.Exception(…)`) or taken under another name (`s = pytest.skip`).
    { re: /\bpytest\s*\.\s*(skip|xfail|importorskip)\b/, what: 'a pytest.skip()/xfail() call' },
    { re: /\braise\s+[\w.]*\b(?:Skipped|XFailed|SkipTest)\b/, what: 'a raised skip exception' },
    // pytest skips a test whose parameter set is empty: `@pytest.mark.parametrize("x", [])`.
    {
        re: /\bparametrize\s*\(\s*(?:[^,()[\]]+|\([^()]*\)|\[[^[\]]*\])\s*,\s*(?:argvalues\s*=\s*)?(?:\[\s*\]|\(\s*\)|\{\s*\}|(?:list|tuple|set|dict)\s*\(\s*\)|(["'])\1)\s*[,)]|\bargvalues\s*=\s*(?:\[\s*\]|\(\s*\)|\{\s*\}|(?:list|tuple|set|dict)\s*\(\s*\))\s*[,)]/,
        what: 'an empty parameter set (pytest skips the test)',
    },
    { re: /@unittest\.(skip|skipIf|skipUnless|expectedFailure)\b/, what: 'a unittest skip decorator' },
    { re: /\b(self\.skipTest\s*\(|raise\s+(unittest\.)?SkipTest\b)/, what: 'a unittest skip' },
    {
        re: /\b(it|test|describe|suite|context|specify)\s*\.\s*(skip|only|todo|skipIf|runIf|failing|fails)\b/,
        what: 'a skip/only modifier',
    },
    // The same modifiers read by name: `test['only'](…)`, `const { skip } = it`. (`test.failing` in Jest
    // and `test.fails` in Vitest pass when the test's body fails.)
    {
        re: /\b(?:it|test|describe|suite|context|specify)\s*(?:\.\s*concurrent\s*)?\[\s*(['"`])(?:skip|only|todo|skipIf|runIf|failing|fails)\1\s*\]|\{[^}]*\b(?:skip|only|todo|failing|fails)\b[^}]*\}\s*=\s*(?:it|test|describe|suite|context|specify)\b/,
        what: 'a skip/only modifier',
    },
    { re: /\b(it|test|describe)\s*\.\s*concurrent\s*\.\s*(skip|only)\b/, what: 'a skip/only modifier' },
    {
        re: /(^|[^.\w])(xit|xtest|xdescribe|xcontext|xspecify|fit|fdescribe|fcontext)\s*\(/,
        what: 'an x/f-prefixed test',
    },
    { re: /\bthis\.skip\s*\(\s*\)/, what: 'a mocha this.skip()' },
    // Hooks that drop or replace collected tests (`items[:] = []` in a conftest.py), or rewrite pytest's
    // arguments before it collects (a `-k` added to `args`, `config.option.keyword` set). In any Python
    // module: a conftest.py's `pytest_plugins = ["src.plugin"]` loads hooks from the source tree.
    {
        re: /\bdef\s+pytest_(collection_modifyitems|ignore_collect|collect_file|pycollect_makeitem|itemcollected|collection|deselected|load_initial_conftests|cmdline_preparse|cmdline_parse|cmdline_main)\b|\bconfig\s*\.\s*(?:option|known_args_namespace)\s*\.\s*\w+\s*=(?!=)|\bsetattr\s*\(\s*\w*config\s*\.\s*(?:option|known_args_namespace)\b/,
        what: 'a pytest collection hook',
        outside: 'plugin',
    },
    // Hooks that rewrite a test's outcome or pytest's exit status (a conftest.py is a test file: its
    // fixtures may change freely, but a failure reported as a pass is not a fixture). `pytest_pyfunc_call`
    // calls the test function: one that returns True without calling it passes every test.
    {
        re: /\bdef\s+pytest_(runtest_makereport|report_teststatus|runtest_protocol|runtest_call|runtest_logreport|runtestloop|pyfunc_call)\b|\.(?:exitstatus|testsfailed|shouldfail|shouldstop)\s*=(?!=)/,
        what: 'a pytest hook that can rewrite test outcomes',
        outside: 'plugin',
    },
    // Ending the process from a test, a conftest.py or a test helper: the exit status is then the test's
    // choice, not the runner's verdict (`os._exit(0)` once the implementation's file exists, an `atexit`
    // that exits 0 after failures, `process.exit(0)` in a module the tests import). `os._exit` and
    // `process.reallyExit` skip every cleanup and reporter, in any file.
    {
        re: /\bos\s*\.\s*_exit\b|\bprocess\s*\.\s*reallyExit\b/,
        what: "a call that ends the test process at once (its exit status would not be the tests' verdict)",
        outside: 'everywhere',
    },
    {
        re: /\bsys\s*\.\s*exit\s*\(|\bpytest\s*\.\s*exit\s*\(|\braise\s+SystemExit\b|\batexit\s*\.\s*register\b|\bprocess\s*\.\s*(?:exit|abort)\s*\(|\bprocess\s*\.\s*exitCode\s*=(?!=)|\bprocess\s*\.\s*on\s*\(\s*['"`](?:exit|beforeExit)['"`]|\bprocess\s*\.\s*kill\s*\(\s*process\s*\.\s*pid\b|\bos\s*\.\s*kill\s*\(\s*os\s*\.\s*getpid\b/,
        what: "a call that ends the test process (its exit status would not be the tests' verdict)",
    },
    // Code that rewrites the assertion library the tests call (`Object.assign(assert, { equal() {} })` in
    // a module the tests import; `unittest.TestCase.assertEqual = …`): the tests run and cannot fail.
    {
        re: /\bObject\s*\.\s*(?:assign|defineProperty|defineProperties)\s*\(\s*assert\b|\bassert(?:\s*\.\s*strict)?\s*\.\s*\w+\s*=(?!=)|\bTestCase\s*\.\s*(?:assert\w*|fail\w*|run)\s*=(?!=)|\bsetattr\s*\(\s*(?:unittest\.)?TestCase\b/,
        what: 'code that rewrites the assertion library',
        outside: 'everywhere',
    },
    // The same for a test case's own assertion methods (`self.assertEqual = lambda *a: None` in setUp),
    // Jest's and Vitest's built-in matchers (`expect.extend({ toBe() { return { pass: true } } })`, one
    // key a line too) and chai's (`Assertion.overwriteMethod('equal', …)`).
    {
        re: /\bself\s*\.\s*(?:assert\w*|fail\w*)\s*=(?!=)|\bsetattr\s*\(\s*self\s*,\s*['"](?:assert|fail)/,
        what: 'code that rewrites the assertion library',
        outside: 'everywhere',
        files: /\.py$/,
    },
    {
        re: new RegExp(`\\bexpect\\s*\\.\\s*extend\\s*\\(.*\\b${JS_MATCHERS}\\b|^\\s*(?:async\\s+)?(['"]?)${JS_MATCHERS}\\1\\s*(?:\\(|:)|\\.\\s*overwrite(?:Method|Property|ChainableMethod)\\s*\\(`),
        what: 'code that rewrites the assertion library',
        outside: 'everywhere',
        files: /\.[cm]?[jt]sx?$/,
    },
    // Code outside the tests that asks whether a test runner is running it: it can answer the tests
    // differently from everyone else (`if "pytest" in sys.modules: return expected`).
    {
        re: /\b(?:PYTEST_CURRENT_TEST|PYTEST_VERSION|PYTEST_XDIST_WORKER|NODE_TEST_CONTEXT|JEST_WORKER_ID|VITEST(?:_WORKER_ID|_POOL_ID)?)\b|['"](?:pytest|_pytest|unittest|jest|vitest|mocha)['"]\s*in\s*sys\.modules|sys\.modules\s*(?:\.get\s*\(|\[)\s*['"](?:pytest|_pytest)['"]|process\.argv[^;]*(?:--test|\.test\.|jest|vitest|mocha)/,
        what: 'code that checks whether it runs under a test runner',
        outside: 'only',
    },
    // Code outside the tests that reaches into the test runner: pytest's internals imported by the module
    // under test (`_pytest.python.Function.runtest = lambda self: None` passes every test), the test
    // framework's globals read or replaced from the code under test (`globalThis.expect = …`).
    {
        re: /^\s*(?:import|from)\s+_?pytest\b|\bimport\s+_pytest\b|\b(?:__import__|import_module)\s*\(\s*['"]_?pytest\b/,
        what: 'code outside the tests that reaches into the test runner (pytest)',
        outside: 'only',
        files: /\.py$/,
    },
    {
        re: /\b(?:globalThis|global|window)\s*(?:\.\s*|\[\s*['"`])(?:expect|test|it|describe|jest|vi|assert|beforeEach|afterEach|beforeAll|afterAll)\b|\b(?:globalThis|global)\s*,\s*['"`](?:expect|test|it|describe|jest|vi)['"`]|(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|^\s*import\s*)['"](?:@jest\/[\w-]+|vitest|@vitest\/[\w-]+|expect|node:test|mocha|chai)['"]/,
        what: 'code outside the tests that reaches into the test runner (its globals or its modules)',
        outside: 'only',
        files: /\.[cm]?[jt]sx?$/,
    },
    // A block that never runs, around tests that are still defined in it (`if False:` above the existing
    // `def test_…`, `if (false) {` around an `it(…)`): their names stay, their code is never collected.
    {
        re: /^\s*(?:el)?if\s*\(?\s*(?:False|0|None|not\s+True)\s*\)?\s*:|\bif\s*\(\s*(?:false|0|null|undefined|!1|!true)\s*\)/,
        what: 'a block that never runs',
    },
    // node:test's options and context methods: `it('x', { skip: true }, …)`, `{ todo: 'later' }`,
    // `t.skip()`, `t.todo('why')` (a cursor's `.skip(10)` takes a number and is left alone).
    {
        re: /(?:^|[{,\s])(?:skip|todo)\s*:\s*(?:true\b|!0\b|1\b|['"`])|\.\s*(?:skip|todo)\s*\(\s*(?:\)|['"`])/,
        what: 'a node:test skip/todo option',
    },
    { re: /^\s*__test__\s*=\s*False\b/, what: 'a __test__ = False opt-out' },
    { re: /\bt\.(Skip|SkipNow|Skipf)\s*\(/, what: 'a Go t.Skip()' },
    { re: /@(Disabled|Ignore)\b/, what: 'a JUnit @Disabled/@Ignore' },
    {
        // pytest's `--ignore`/`--ignore-glob`/`--deselect`, not another tool's longer option that starts the
        // same (`--ignore-words-list`, `--ignore-unknown`, `--ignore-missing-imports`).
        re: /--deselect(?![\w-])|--ignore(?:-glob)?(?![\w-])|(^|[\s"'])-k\s|\bcollect_ignore\b|\bnorecursedirs\b|\btestpaths\b|\bpython_files\b|\btestMatch\b|\btestRegex\b|\btestPathIgnorePatterns\b|\bmodulePathIgnorePatterns\b/,
        what: 'a test exclusion',
    },
];
/**
 * Comments (and annotations) that silence the very tools the Validator runs, or lower what they report.
 */
const SUPPRESSIONS = [
    { re: /#\s*nosec\b/, what: 'a bandit suppression (# nosec)' },
    { re: /\bnosemgrep\b/, what: 'a semgrep suppression (nosemgrep)' },
    { re: /#\s*type:\s*ignore\b/, what: 'a mypy suppression (# type: ignore)', comment: true },
    // mypy's inline configuration: `# mypy: ignore-errors`, `disable-error-code=…`, `allow-untyped-defs`,
    // `no-strict-optional`, `strict-optional=False`, … (not the ones that only add checks).
    {
        re: /#\s*mypy\s*:\s*(?:ignore-errors|disable-error-code|allow-|no-|ignore-|follow-imports|[\w-]+\s*=\s*(?:False|false|0|skip|silent)\b)/,
        what: 'a mypy inline configuration that turns checks off (# mypy: …)',
        comment: true,
    },
    {
        re: /#\s*pyright\s*:\s*(?:ignore\b|basic\b|standard\b|report\w+\s*=\s*(?:false|none|information|warning)\b)/,
        what: 'a pyright suppression (# pyright: …)',
        comment: true,
    },
    { re: /#\s*pyre-(?:ignore|fixme|unsafe)\b/, what: 'a pyre suppression', comment: true },
    { re: /#\s*pytype\s*:\s*disable\b/, what: 'a pytype suppression', comment: true },
    // `# noqa`, `# NOQA: E501`, and the file-wide `# ruff: noqa` / `# flake8: noqa`.
    { re: /#\s*(?:(?:ruff|flake8)\s*:\s*)?noqa\b/i, what: 'a linter suppression (# noqa)' },
    { re: /#\s*pylint\s*:\s*(?:disable|skip-file)/, what: 'a pylint suppression', comment: true },
    {
        re: /#\s*fmt:\s*(off|skip)\b|#\s*yapf:\s*disable\b/,
        what: 'a formatter suppression (# fmt: off)',
        comment: true,
    },
    { re: /\bisort\s*:\s*(?:skip(?:_file)?|off)\b/, what: 'an isort suppression' },
    // coverage.py's own default: `#\s*(pragma|PRAGMA)[:\s]?\s*(no|NO)\s*(cover|COVER)`.
    { re: /#\s*pragma[:\s]?\s*no\s*(?:cover|branch)\b/i, what: 'a coverage exclusion (# pragma: no cover)' },
    { re: /\beslint-disable\b/, what: 'an ESLint suppression (eslint-disable)' },
    // `/* eslint no-eval: "off" */`, `/* eslint eqeqeq: 0 */`, `/* eslint max-len: ["warn", 80] */`: a
    // rule turned off or down to a warning (which does not fail `eslint`). `eslint-env`/`global` only
    // declare globals and are left alone.
    {
        re: /\/\*\s*eslint\s(?:[^*]|\*(?!\/))*?:\s*\[?\s*(?:(["'])(?:off|warn)\1|[01]\b)/,
        what: 'an ESLint configuration comment that turns a rule off',
    },
    { re: /@ts-(ignore|nocheck|expect-error)\b/, what: 'a TypeScript suppression' },
    { re: /\b(?:tslint:disable|stylelint-disable)\b/, what: 'a linter suppression' },
    { re: /\bmarkdownlint-disable\b/, what: 'a linter suppression', prose: true },
    { re: /\bbiome-ignore\b/, what: 'a Biome suppression (biome-ignore)' },
    { re: /\bdeno-(?:lint|fmt|coverage)-ignore\b/, what: 'a Deno suppression (deno-lint-ignore)' },
    { re: /\bprettier-ignore\b/, what: 'a formatter suppression (prettier-ignore)', prose: true },
    { re: /\$Flow(?:FixMe|Ignore|ExpectedError|Issue)\b/, what: 'a Flow suppression' },
    {
        re: /\b(?:istanbul|c8|v8)\s+ignore\b|\bnode:coverage\s+(?:ignore|disable)\b/,
        what: 'a coverage suppression',
    },
    // Go (golangci-lint `//nolint`, staticcheck `//lint:ignore`) and clang-tidy / cpplint `// NOLINT`.
    {
        re: /(?:\/\/|\/\*)\s*(?:nolint|NOLINT(?:NEXTLINE|BEGIN)?)\b|\/\/\s*lint:(?:file-)?ignore\b/,
        what: 'a linter suppression (nolint)',
    },
    // Java/Kotlin annotations, C# and C/C++ pragmas, Rust lint attributes.
    {
        re: /@(?:file:)?Suppress(?:Warnings|Lint|FBWarnings)?\b|\[\s*(?:assembly\s*:\s*)?SuppressMessage\b/,
        what: 'a compiler/linter suppression annotation (@SuppressWarnings)',
    },
    {
        re: /#\s*pragma\s+(?:warning\s+disable|(?:GCC|clang)\s+diagnostic\s+ignored)\b/,
        what: 'a compiler warning suppression (#pragma)',
    },
    { re: /#!?\[\s*(?:allow|expect)\s*\(/, what: 'a Rust lint suppression (#[allow(…)])' },
    { re: /#\s*rubocop\s*:\s*(?:disable|todo)\b/, what: 'a RuboCop suppression' },
    { re: /#\s*shellcheck\s+disable\b/, what: 'a ShellCheck suppression' },
    { re: /#\s*yamllint\s+disable\b/, what: 'a yamllint suppression' },
    {
        re: /@phpstan-ignore|@psalm-suppress\b|\bphpcs:(?:ignore|disable)\b|@codingStandardsIgnore/,
        what: 'a PHP linter suppression',
    },
    { re: /\bNOSONAR\b/, what: 'a SonarQube suppression (NOSONAR)' },
];
function guardResult(name, description, diagnostics, pass = diagnostics.length === 0) {
    return {
        name,
        kind: 'guard',
        description,
        exitCode: null,
        durationMs: 0,
        outcome: pass ? 'pass' : 'fail',
        outputTail: pass
            ? 'ok'
            : diagnostics
                .slice(0, 60)
                .map((d) => `${d.file}:${d.line}: ${d.message}`)
                .join('\n'),
        diagnostics,
    };
}
function protectedPathsCheck(input) {
    const isProtected = (0, picomatch_1.default)(input.protectedGlobs, { dot: true });
    const diags = [];
    for (const f of input.changed) {
        for (const p of [f.path, f.oldPath].filter((x) => !!x)) {
            if (isProtected(p)) {
                diags.push({
                    file: p,
                    line: 1,
                    message: `the change ${verb(f, p)} ${p}, a protected path ([guard] protected: ${input.protectedGlobs.join(', ')})`,
                    tool: 'guard',
                });
            }
        }
    }
    return guardResult('guard:protected-paths', 'the change touches no protected path', diags);
}
/**
 * The change edits no file that git reads as its settings: a work-tree file the repository's config (or
 * the user's global config) includes, such as the `.gitconfig` a project asks its users to add with `git
 * config include.path ../.gitconfig`. Once applied, such an edit decides what git runs (`core.fsmonitor`,
 * `core.sshCommand`, `core.hooksPath`) at Guardian's commit and push and at the user's next git command.
 * Matched without regard to case (a case-insensitive file system has one `.GitConfig`).
 */
function gitConfigFilesCheck(changed, included) {
    const byPath = new Map(included.map((i) => [i.path.toLowerCase(), i]));
    const diags = [];
    for (const f of changed) {
        for (const p of [f.path, f.oldPath].filter((x) => !!x)) {
            const inc = byPath.get(p.toLowerCase());
            if (!inc)
                continue;
            diags.push({
                file: p,
                line: 1,
                message: `the change ${verb(f, p)} ${p}, which git reads as settings (included by ${inc.via}); a change may not alter what git runs: edit it by hand, or drop the include`,
                tool: 'guard',
            });
        }
    }
    return guardResult('guard:git-config', "the change edits no file that git reads as the repository's settings", diags);
}
/**
 * Where a link's target leads inside the tree, following the tree's other links on the way (`out ->
 * d/up/..` with `d/up -> ..` leaves the repository although its own text does not say so): the resolved
 * path's segments, or why it cannot be resolved inside the repository.
 */
function resolveLink(path, target, treeLinks) {
    if (!target || /[\0\n]/.test(target))
        return { why: 'malformed' };
    if (/^(?:[/\\]|[A-Za-z]:)/.test(target))
        return { why: 'absolute' };
    const parts = path.split('/').slice(0, -1);
    const queue = target.split(/[/\\]+/);
    let hops = 0;
    while (queue.length) {
        const seg = queue.shift();
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..') {
            if (!parts.length)
                return { why: 'outside' };
            parts.pop();
            continue;
        }
        parts.push(seg);
        const through = treeLinks.get(parts.join('/'));
        if (through === undefined)
            continue;
        // As the kernel does: at most 40 links on one path.
        if (++hops > 40)
            return { why: 'loop' };
        if (!through || /[\0\n]/.test(through))
            return { why: 'malformed' };
        if (/^(?:[/\\]|[A-Za-z]:)/.test(through))
            return { why: 'absolute' };
        parts.pop();
        queue.unshift(...through.split(/[/\\]+/));
    }
    return { parts };
}
/** Why a link (resolved through the tree's links) does not stay inside the repository, if it does not. */
function linkProblem(path, target, treeLinks) {
    const shown = JSON.stringify(target);
    const r = resolveLink(path, target, treeLinks);
    if ('why' in r) {
        const why = {
            malformed: 'an empty or malformed target',
            absolute: `an absolute target ${shown}`,
            outside: `a target outside the repository ${shown}`,
            loop: `a target that loops through links ${shown}`,
        }[r.why];
        // Said plainly when only the other links make it so.
        if (r.why !== 'malformed' && 'parts' in resolveLink(path, target, new Map()))
            return `${why} (through other links)`;
        return why;
    }
    if (['.git', '.guardian'].includes(r.parts[0] ?? ''))
        return `a target inside ${r.parts[0]}/ ${shown}`;
    return undefined;
}
/**
 * Symbolic links the change adds or retargets must stay inside the repository: a link to an absolute
 * path or out of the tree (`../../.ssh`, directly or through other links) would let a later tool read
 * or write outside it, and a link into `.git/` or `.guardian/` would reach Guardian's own state. A link
 * the change leaves alone must not start to leave the repository because of the links it adds (`s/p ->
 * d/../../x` is inside until the change adds `s/d -> .`): with `baseLinks`, the base tree's links, every
 * other link of the resulting tree is resolved again. A git submodule the change adds or moves is
 * refused too: its code is not in the tree the checks ran on.
 */
function linksCheck(links, treeLinks = new Map(), gitlinks = [], baseLinks) {
    const diags = [];
    for (const l of links) {
        const why = linkProblem(l.path, l.target, treeLinks);
        if (why)
            diags.push({
                file: l.path,
                line: 1,
                message: `the change adds a symbolic link ${l.path} with ${why}; links must point inside the repository`,
                tool: 'guard',
            });
    }
    if (baseLinks && links.length) {
        const changed = new Set(links.map((l) => l.path));
        for (const [path, target] of treeLinks) {
            if (changed.has(path))
                continue;
            const why = linkProblem(path, target, treeLinks);
            // A link that already led out at the base is not this change's doing.
            if (!why || linkProblem(path, target, baseLinks))
                continue;
            diags.push({
                file: path,
                line: 1,
                message: `the links the change adds make the existing symbolic link ${path} lead to ${why}; links must point inside the repository`,
                tool: 'guard',
            });
        }
    }
    for (const g of gitlinks)
        diags.push({
            file: g.path,
            line: 1,
            message: `the change adds a git submodule at ${g.path} (commit ${g.commit.slice(0, 12)}): its code is not in the tree the checks ran on`,
            tool: 'guard',
        });
    return guardResult('guard:links', 'the change adds no symbolic link that leaves the repository and no submodule', diags);
}
function verb(f, p) {
    if (f.status === 'A')
        return 'adds';
    if (f.status === 'D')
        return 'deletes';
    if (f.status === 'R')
        return p === f.oldPath ? 'renames' : 'renames a file to';
    return 'modifies';
}
const TEST_DEF = [/^\s*(?:async\s+)?def\s+(test\w*)\s*\(/, /^\s*(?:it|test|specify)\s*\(\s*(['"`])(.+?)\1/];
function testNames(lines) {
    const names = new Map();
    for (const l of lines) {
        for (const re of TEST_DEF) {
            // As Python reads it: `def ｔｅｓｔ_x` defines test_x.
            const m = re.exec(l.text.normalize('NFKC'));
            if (m)
                names.set(m[m.length - 1], l.text.trim());
        }
    }
    return names;
}
/** Files pytest reads its settings from, among them `python_files`. */
const PYTEST_CONFIG_FILES = new Set([
    'pytest.ini',
    '.pytest.ini',
    'pytest.toml',
    '.pytest.toml',
    'pyproject.toml',
    'tox.ini',
    'setup.cfg',
]);
/**
 * Which Python files the runner collects tests from, by name: `test*.py` (unittest's default, which holds
 * pytest's `test_*.py`), `*_test.py`, the files the blueprint names, and the `python_files` patterns of
 * every pytest configuration at the base. Other Python files in a test folder define no test the run
 * collects: helpers, and data the tests read (a formatter's cases hold each `def test_…` twice, as input
 * and as expected output).
 */
function pythonTestModules(input, read) {
    const patterns = ['test*.py', '*_test.py'];
    for (const p of input.baseFiles) {
        if (!PYTEST_CONFIG_FILES.has(p.split('/').pop()))
            continue;
        const text = read.base(p)?.toString('utf8') ?? '';
        // `python_files = check_*.py *_check.py`, on one line or on indented lines after it; a TOML list.
        for (const m of text.matchAll(/^[ \t]*python_files[ \t]*[=:](.*(?:\r?\n[ \t]+\S.*)*)/gm))
            patterns.push(...(m[1].match(/[^\s"',[\]]+/g) ?? []));
    }
    const named = (0, picomatch_1.default)(patterns, { dot: true, basename: true });
    return (path) => named(path) || input.relevantTests.includes(path);
}
/**
 * Tests of a test file the change keeps (its `def test_…` or `it('…'` line stays) but takes out of the
 * run: wrapped in a string or a comment, nested in a function or a class that is not collected, put
 * under a condition, deleted or rebound (`del test_x`), or defined a second time. The file's tests are
 * read at the base and in the change; a test gone from one file may reappear in another file of the
 * change (moved). `flagged`: tests the line-based rule has reported already.
 */
function hiddenTests(input, read, flagged) {
    let testModule;
    const files = input.changed.filter((f) => f.status !== 'D' &&
        isTestFile(f.path, input.relevantTests) &&
        (0, collected_tests_js_1.collectedTests)(f.path, '') !== undefined &&
        (!f.path.endsWith('.py') || (testModule ??= pythonTestModules(input, read))(f.path)));
    const before = new Map();
    const after = new Map();
    for (const f of files) {
        const now = read.changed(f.path);
        if (now === undefined)
            continue;
        after.set(f.path, (0, collected_tests_js_1.collectedTests)(f.path, now.toString('utf8')));
        const old = f.status === 'M' && input.baseFiles.has(f.path) ? read.base(f.path) : undefined;
        if (old !== undefined)
            before.set(f.path, (0, collected_tests_js_1.collectedTests)(f.path, old.toString('utf8')));
    }
    const bare = (key) => key.split('::').pop();
    // Tests that are new in a file of the change (this one too: a test class renamed): where a test moved to.
    const arrived = () => new Set([...after].flatMap(([p, t]) => {
        const had = new Set(before.get(p)?.tests.map((x) => x.key));
        return t.tests.filter((x) => !had.has(x.key)).map((x) => bare(x.key));
    }));
    const count = (list) => {
        const n = new Map();
        for (const x of list)
            n.set(x.key, (n.get(x.key) ?? 0) + 1);
        return n;
    };
    const diags = [];
    let moved;
    for (const [file, base] of before) {
        const now = after.get(file);
        const reported = new Set();
        const report = (key, line, message) => {
            if (reported.has(key) || flagged.has(bare(key)))
                return;
            reported.add(key);
            diags.push({ file, line, message, tool: 'guard' });
        };
        // Defined again, deleted or rebound by a later statement.
        const hiddenBefore = count(base.hidden);
        const seen = new Map();
        for (const h of now.hidden) {
            seen.set(h.key, (seen.get(h.key) ?? 0) + 1);
            if (seen.get(h.key) <= (hiddenBefore.get(h.key) ?? 0))
                continue;
            report(h.key, h.line, `the change takes the test ${h.key} of ${file} out of the run: ${h.why}`);
        }
        const hiddenNow = new Map(now.hidden.map((h) => [h.key, h]));
        const nowCount = count(now.tests);
        const baseCount = count(base.tests);
        for (const [key, n] of baseCount) {
            if ((nowCount.get(key) ?? 0) >= n)
                continue;
            const gone = hiddenNow.get(key);
            if (gone) {
                report(key, gone.line, `the change takes the test ${key} of ${file} out of the run: ${gone.why}`);
                continue;
            }
            moved ??= arrived();
            if (moved.has(bare(key)))
                continue;
            report(key, 1, `the change removes the test ${key} from ${file}: its definition is no longer where the test runner collects it (inside a string or a comment, nested in a function, or in a class that is not collected)`);
        }
        // Put under a condition it was not under at the base.
        const baseCondition = new Map(base.tests.map((t) => [t.key, t.condition]));
        for (const t of now.tests) {
            if (!t.condition || !baseCount.has(t.key) || baseCondition.get(t.key))
                continue;
            report(t.key, t.line, `the change puts the test ${t.key} of ${file} inside \`${t.condition.slice(0, 120)}\`: it is collected only when that block runs`);
        }
    }
    return diags;
}
/**
 * Whether a test whose definition line the change removes is still collected from its file as often as
 * at the base, under every class path it had there (`it('title'` rewritten as `it(` and `'title'` on the
 * next line by a formatter; not `TestA::test_x` deleted while `TestB::test_x` stays).
 */
function keptTests(input, read) {
    let testModule;
    return (file, name) => {
        const f = input.changed.find((c) => c.path === file);
        if (f?.status !== 'M' || !input.baseFiles.has(file) || (0, collected_tests_js_1.collectedTests)(file, '') === undefined)
            return false;
        if (file.endsWith('.py') && !(testModule ??= pythonTestModules(input, read))(file))
            return false;
        const [base, now] = [read.base(file), read.changed(file)].map((b) => b === undefined ? undefined : (0, collected_tests_js_1.collectedTests)(file, b.toString('utf8')).tests);
        if (!base || !now)
            return false;
        const count = (list, key) => list.filter((t) => t.key === key).length;
        const keys = new Set(base.map((t) => t.key).filter((k) => k.split('::').pop() === name));
        return keys.size > 0 && [...keys].every((k) => count(now, k) >= count(base, k));
    };
}
/**
 * `read` gives the test files' text at the base and in the change, to see tests taken out of the run
 * although their definition line stays.
 */
function testFilesCheck(input, read) {
    const diags = [];
    for (const f of input.changed) {
        if (f.status === 'D' && isTestFile(f.path, input.relevantTests) && input.baseFiles.has(f.path)) {
            diags.push({
                file: f.path,
                line: 1,
                message: `the change deletes the test file ${f.path}`,
                tool: 'guard',
            });
        }
        if (f.status === 'R' && f.oldPath && isTestFile(f.oldPath, input.relevantTests)) {
            diags.push({
                file: f.path,
                line: 1,
                message: `the change renames the test file ${f.oldPath} to ${f.path}`,
                tool: 'guard',
            });
        }
    }
    // A test case removed from a file that stays (its name is not added back anywhere).
    const removedTests = testNames(input.removed.filter((l) => isTestFile(l.file, input.relevantTests)));
    const addedTests = testNames(input.added.filter((l) => isTestFile(l.file, input.relevantTests)));
    const removedByFile = new Map(input.removed.map((l) => [l.text.trim(), l.file]));
    const kept = read ? keptTests(input, read) : () => false;
    const flagged = new Set();
    for (const [name, text] of removedTests) {
        if (addedTests.has(name))
            continue;
        const file = removedByFile.get(text) ?? '';
        if (input.changed.some((f) => f.status === 'D' && f.path === file))
            continue;
        // Its definition line rewritten, not removed: `it(` and the title on two lines once reformatted.
        if (kept(file, name))
            continue;
        flagged.add(name);
        diags.push({ file, line: 1, message: `the change removes the test ${name}`, tool: 'guard' });
    }
    if (read) {
        diags.push(...hiddenTests(input, read, flagged));
    }
    return guardResult('guard:test-files', 'no test file is deleted or renamed and no test case removed', diags);
}
/**
 * Whether the test files' added lines name the Python module at `path` where a module is loaded: in an
 * import, a `pytest_plugins` list (one entry a line too) or a plugin manager call. The module may be
 * named by any dotted tail of its path (`src/app/plugin.py` is `app.plugin` with `pythonpath = src`).
 */
function loadedByTests(path, testLines) {
    if (!/\.py$/.test(path))
        return false;
    const parts = path
        .replace(/\.py$/, '')
        .replace(/\/__init__$/, '')
        .split('/');
    const names = parts.map((_, i) => parts.slice(i).join('.')).filter((n) => /^[\w.]+$/.test(n));
    if (!names.length)
        return false;
    const named = new RegExp(`(?<![\\w.])(?:${names.map((n) => n.replace(/\./g, '\\.')).join('|')})(?![\\w])`);
    return testLines.some((l) => (/\b(?:import|pytest_plugins|register|consider_module|import_plugin)\b/.test(l.text) ||
        /^\s*['"][\w.]+['"]\s*,?\s*\]?\s*$/.test(l.text)) &&
        named.test(l.text));
}
/**
 * Line breaks inside what git shows as one line: Python reads a lone `\r` as a line break, JavaScript
 * also `\u2028` and `\u2029`, so `x = 0\rif False:` is two lines to the interpreter.
 */
const INNER_LINE_BREAK = /\r\n?|[\u2028\u2029]/;
/**
 * Whether a marker matches an added line, or one of the lines the interpreter reads in it. Python reads
 * names in their NFKC form (`@pytest.mark.ｓｋｉｐ` is `@pytest.mark.skip`), so the line is matched in
 * that form too.
 */
function matches(re, text, file, code) {
    let line = text;
    if (file !== undefined || code) {
        // With `file`: the pieces that are a comment only are left out (`# with fmt: skip (see #12)`).
        let pieces = text.split(INNER_LINE_BREAK);
        if (file !== undefined)
            pieces = pieces.filter((p) => !commentOnly(file, p));
        if (!pieces.length)
            return false;
        line = (code ? pieces.map(code) : pieces).join('\r');
    }
    const forms = [line];
    const nfkc = line.normalize('NFKC');
    if (nfkc !== line)
        forms.push(nfkc);
    return forms.some((t) => re.test(t) || (INNER_LINE_BREAK.test(t) && t.split(INNER_LINE_BREAK).some((p) => re.test(p))));
}
/**
 * Whether a line (or a piece of one the interpreter reads as a line) is a comment and nothing else: `//`
 * in JavaScript and TypeScript, `#` in Python and the configuration files. Only a whole-line comment: a
 * `#` or `//` after code may be inside a string.
 */
function commentOnly(file, piece) {
    return /\.[cm]?[jt]sx?$/.test(file) ? /^\s*\/\//.test(piece) : /^\s*#/.test(piece);
}
/**
 * A piece of a Python line with the string literals that open and close on it blanked out (`"# type:
 * ignore"` is text); the piece as it is when a quote stays open on it (a string continued from or onto
 * another line, whose extent one line cannot tell), and everything from the first `#` outside a string.
 */
function pythonCode(piece) {
    let out = '';
    for (let i = 0; i < piece.length;) {
        const c = piece[i];
        if (c === '#')
            return out + piece.slice(i);
        if (c !== '"' && c !== "'") {
            out += c;
            i++;
            continue;
        }
        const quote = piece.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
        let k = i + quote.length;
        while (k < piece.length && !piece.startsWith(quote, k))
            k += piece[k] === '\\' ? 2 : 1;
        if (k >= piece.length)
            return piece;
        out += quote + quote;
        i = k + quote.length;
    }
    return out;
}
/**
 * Prose and data files that none of the linters, type checkers and coverage tools the checks run reads
 * as code (a changelog entry about `# fmt: skip`, a source map, a Jest snapshot): a suppression written
 * there silences nothing, except those of the tools that do read them (markdownlint, prettier).
 */
const PROSE_OR_DATA = /\.(?:md|markdown|rst|txt|adoc|snap|map)$/i;
/** An added line as a message quotes it: the line breaks inside it shown, at most 200 characters. */
function shownLine(text) {
    return text
        .trim()
        .replace(/\r/g, '\\r')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029')
        .slice(0, 200);
}
function skipMarkersCheck(input) {
    const diags = [];
    if (!input.allowSkipMarkers) {
        const testLines = input.added.filter((l) => isTestFile(l.file, input.relevantTests));
        const loaded = new Map();
        const isLoaded = (file) => {
            if (!loaded.has(file))
                loaded.set(file, loadedByTests(file, testLines));
            return loaded.get(file);
        };
        for (const l of input.added) {
            const inTest = isTestFile(l.file, input.relevantTests);
            for (const m of SKIP_MARKERS) {
                // Test-exclusion options are also written in configuration files (pyproject.toml, jest config).
                const applies = (!m.files || m.files.test(l.file)) &&
                    ((inTest && m.outside !== 'only') ||
                        (!inTest && m.outside === 'only') ||
                        m.what === 'a test exclusion' ||
                        m.outside === 'everywhere' ||
                        (m.outside === 'plugin' && isLoaded(l.file)));
                if (applies && matches(m.re, l.text, l.file)) {
                    diags.push({
                        file: l.file,
                        line: l.line,
                        message: `the change adds ${m.what}: ${shownLine(l.text)}`,
                        tool: 'guard',
                    });
                    break;
                }
            }
            const prose = PROSE_OR_DATA.test(l.file);
            for (const m of SUPPRESSIONS) {
                const code = m.comment && /\.pyi?$/.test(l.file) ? pythonCode : undefined;
                if ((!prose || m.prose) && matches(m.re, l.text, undefined, code)) {
                    diags.push({
                        file: l.file,
                        line: l.line,
                        message: `the change adds ${m.what}: ${shownLine(l.text)}`,
                        tool: 'guard',
                    });
                    break;
                }
            }
        }
    }
    if (!input.allowSkipMarkers)
        diags.push(...shadowingStubs(input));
    return guardResult('guard:skip-markers', 'no test is skipped or focused and no tool is silenced', diags);
}
/**
 * Stub files (`auth.pyi`) the change adds or edits beside the module they describe (`auth.py`, or a
 * package `auth/__init__.py`): mypy, pyright and pytype read the stub instead of the module, so the
 * module's own code is no longer type-checked at all, whatever it holds.
 */
function shadowingStubs(input) {
    const gone = new Set(input.changed.filter((f) => f.status === 'D').map((f) => f.path));
    const inTree = (p) => !gone.has(p) && (input.baseFiles.has(p) || input.changed.some((f) => f.status !== 'D' && f.path === p));
    const diags = [];
    for (const f of input.changed) {
        if (f.status === 'D' || !f.path.endsWith('.pyi'))
            continue;
        const stem = f.path.slice(0, -'.pyi'.length);
        const module = [`${stem}.py`, `${stem}/__init__.py`].find(inTree);
        if (!module)
            continue;
        diags.push({
            file: f.path,
            line: 1,
            message: `the change ${verb(f, f.path)} the stub ${f.path} beside ${module}: type checkers read the stub instead, so ${module} itself is no longer type-checked`,
            tool: 'guard',
        });
    }
    return diags;
}
/** Checks read from one security.json (the Security Consultant writes a few dozen at most). */
exports.MAX_SECURITY_CHECKS = 200;
/** Longest pattern, glob, message or description a check may have. */
const MAX_CHECK_TEXT = 4096;
/** A check id: it names a row of the verdict (`security:<id>`), so plain and short. */
const CHECK_ID = /^[A-Za-z0-9][\w.-]{0,79}$/;
const SEVERITIES = new Set(['low', 'medium', 'high']);
/** A value of security.json as a message quotes it: one line, short. */
function quoted(v) {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}
/** The engine's reason for refusing a pattern, without the pattern it repeats. */
function regexReason(e) {
    const m = e.message ?? String(e);
    const reason = /^Invalid regular expression: [\s\S]*: ([^:]+)$/.exec(m)?.[1] ?? m;
    return quoted(reason).slice(1, -1);
}
/** What is wrong with a field of one check of security.json ("field: expectation"), or undefined. */
function checkProblem(ck, severity) {
    const pattern = ck.pattern;
    if (pattern === '')
        return 'pattern: expected a regular expression, got an empty string';
    if (pattern.length > MAX_CHECK_TEXT) {
        return `pattern: expected at most ${MAX_CHECK_TEXT} characters, got ${pattern.length}`;
    }
    if (ck.flags !== undefined &&
        (typeof ck.flags !== 'string' ||
            !/^[dgimsuvy]{0,8}$/.test(ck.flags) ||
            new Set(ck.flags).size !== ck.flags.length)) {
        return `flags: expected regular-expression flags (d, i, m, s, u, v), got ${quoted(ck.flags)}`;
    }
    let re;
    try {
        re = new RegExp(pattern, (ck.flags ?? '').replace(/[gy]/g, ''));
    }
    catch (e) {
        return `pattern: not a valid JavaScript regular expression (${regexReason(e)})`;
    }
    // Escapes of other dialects that JavaScript accepts without the u flag as the bare letter: `\A`,
    // `\Z` (Python, PCRE) match "A" and "Z", and `\p{L}` matches "p{L}"; such a check would quietly
    // never fire.
    if (!/[uv]/.test(re.flags)) {
        const escape = /(?<!\\)(?:\\\\)*\\([aeghijlmoqyzACEFGHIJKLMNOQRTUVXYZ]|[pP]\{)/.exec(pattern)?.[1];
        if (escape) {
            return /^[pP]/.test(escape)
                ? `flags: the pattern uses \\${escape}…}, a Unicode property escape, which needs the u flag`
                : `pattern: \\${escape} is not an escape in JavaScript (it matches the letter ${escape}); write what it means in JavaScript (\\A is ^, \\Z is $)`;
        }
    }
    // Every change has lines, and most have empty ones: such a check would fail any change.
    if (re.test(''))
        return 'pattern: it matches an empty line, so it would fail every change';
    if (ck.paths !== undefined &&
        (!Array.isArray(ck.paths) ||
            ck.paths.length === 0 ||
            ck.paths.some((p) => typeof p !== 'string' || p.trim() === '' || p.length > MAX_CHECK_TEXT))) {
        return `paths: expected a list of glob patterns (non-empty strings), got ${quoted(ck.paths)}`;
    }
    for (const k of ['message', 'description']) {
        const v = ck[k];
        if (v !== undefined && (typeof v !== 'string' || v.length > MAX_CHECK_TEXT)) {
            return `${k}: expected a string of at most ${MAX_CHECK_TEXT} characters, got ${typeof v === 'string' ? `${v.length} characters` : quoted(v)}`;
        }
    }
    if (severity !== undefined && !SEVERITIES.has(severity)) {
        return `severity: expected "low", "medium" or "high", got ${quoted(severity)}`;
    }
    return undefined;
}
/**
 * Checks in a security.json document; nothing malformed is dropped or run. What has no usable id (none,
 * a forged one, a repeated one, one past the limit) is a problem of the file; a check whose pattern,
 * flags, paths, message or severity is wrong keeps its id and carries `problem`, which its own row
 * reports as an error (naming the file, the field and what was expected). Either fails the verdict.
 */
function securityChecksOf(doc, file) {
    const checks = [];
    const problems = [];
    if (typeof doc !== 'object' || doc === null || !Array.isArray(doc.findings)) {
        return { checks, problems: [`${file}: expected an object with a "findings" array`] };
    }
    const findings = doc.findings;
    const seen = new Map();
    let count = 0;
    findings.forEach((f, i) => {
        if (typeof f !== 'object' || f === null)
            return;
        const c = f.check;
        if (c === undefined || c === null)
            return;
        if (typeof c !== 'object' || Array.isArray(c)) {
            problems.push(`${file}: findings[${i}].check: expected an object, got ${quoted(c)}`);
            return;
        }
        const ck = c;
        if (typeof ck.id !== 'string' || typeof ck.pattern !== 'string') {
            problems.push(`${file}: findings[${i}].check needs a string "id" and "pattern"`);
            return;
        }
        // `security:security.json` is the row of the file's own problems.
        if (!CHECK_ID.test(ck.id) || ck.id === 'security.json') {
            problems.push(`${file}: findings[${i}].check.id: expected letters, digits, '.', '_' and '-' (at most 80, starting with a letter or digit), got ${quoted(ck.id)}`);
            return;
        }
        const first = seen.get(ck.id);
        if (first !== undefined) {
            problems.push(`${file}: findings[${i}].check.id: ${quoted(ck.id)} is the id of findings[${first}].check already; expected each check to have its own id`);
            return;
        }
        seen.set(ck.id, i);
        if (++count > exports.MAX_SECURITY_CHECKS) {
            if (count === exports.MAX_SECURITY_CHECKS + 1) {
                problems.push(`${file}: findings[${i}].check: expected at most ${exports.MAX_SECURITY_CHECKS} checks; this one and the ones after it are not run`);
            }
            return;
        }
        const severity = f.severity;
        const problem = checkProblem(ck, severity);
        if (problem) {
            // The check's own row says what is wrong with it (and fails the verdict).
            const field = problem.slice(0, problem.indexOf(':'));
            const at = field === 'severity' ? `findings[${i}].severity` : `findings[${i}].check.${field}`;
            checks.push({
                id: ck.id,
                pattern: '',
                message: ck.id,
                problem: `invalid ${field} in ${file} check ${ck.id} (${at}):${problem.slice(field.length + 1)}`,
            });
            return;
        }
        checks.push({
            id: ck.id,
            pattern: ck.pattern,
            ...(typeof ck.flags === 'string' ? { flags: ck.flags } : {}),
            ...(Array.isArray(ck.paths) ? { paths: ck.paths } : {}),
            message: typeof ck.message === 'string' && ck.message.trim() !== ''
                ? ck.message
                : typeof ck.description === 'string' && ck.description.trim() !== ''
                    ? ck.description
                    : ck.id,
            ...(typeof ck.description === 'string' ? { description: ck.description } : {}),
            ...(typeof f.id === 'string' ? { findingId: f.id } : {}),
            ...(typeof severity === 'string' ? { severity } : {}),
        });
    });
    return { checks, problems };
}
/** How long one security check may run over all added lines (a hand-edited pattern or glob may backtrack badly). */
exports.SECURITY_REGEX_BUDGET_MS = 2000;
/**
 * Matching inside a separate context with a time-out: both the pattern and the `paths` globs (which
 * picomatch turns into regular expressions) can backtrack for minutes on a crafted line or path. Each
 * file's scope is decided once.
 */
const SECURITY_SCRIPT = new node_vm_1.default.Script(`
  (() => {
    const inScope = globs.length ? picomatch(globs, { dot: true }) : () => true;
    const scoped = new Map();
    const hits = [];
    for (let i = 0; i < texts.length; i++) {
      let ok = scoped.get(files[i]);
      if (ok === undefined) scoped.set(files[i], (ok = inScope(files[i])));
      if (ok && re.test(texts[i])) hits.push(i);
    }
    return hits;
  })()
`);
function securityCheck(spec, added) {
    const started = Date.now();
    const name = `security:${spec.id}`;
    const description = spec.description ?? spec.message;
    const shownPattern = spec.pattern.length > 200 ? `${spec.pattern.slice(0, 200)}…` : spec.pattern;
    if (spec.problem)
        return { ...guardResult(name, description, []), outcome: 'error', outputTail: spec.problem };
    let re;
    try {
        // Global/sticky flags would make `test` stateful across lines.
        re = new RegExp(spec.pattern, (spec.flags ?? '').replace(/[gy]/g, ''));
    }
    catch (e) {
        return {
            ...guardResult(name, description, []),
            outcome: 'error',
            outputTail: `invalid pattern in security.json check ${spec.id}: ${regexReason(e)}`,
        };
    }
    let hits;
    try {
        hits = Array.from(SECURITY_SCRIPT.runInNewContext({
            picomatch: picomatch_1.default,
            globs: spec.paths ?? [],
            files: added.map((l) => l.file),
            texts: added.map((l) => l.text),
            re,
        }, { timeout: exports.SECURITY_REGEX_BUDGET_MS }));
    }
    catch (e) {
        const timedOut = /timed out/i.test(e.message ?? '');
        return {
            ...guardResult(name, description, []),
            outcome: 'error',
            durationMs: Date.now() - started,
            outputTail: timedOut
                ? `security.json check ${spec.id}: its pattern and paths did not finish within ${exports.SECURITY_REGEX_BUDGET_MS / 1000} s over ${added.length} added line(s) (execution timed out): simplify its pattern ${shownPattern} or its paths`
                : `security.json check ${spec.id}: ${quoted(e.message).slice(1, -1)} (pattern ${shownPattern})`,
        };
    }
    const diags = Array.from(hits, (i) => ({
        file: added[i].file,
        line: added[i].line,
        message: `${spec.message} [${spec.id}${spec.severity ? `, ${spec.severity}` : ''}]`,
        tool: 'security',
    }));
    return { ...guardResult(name, description, diags), durationMs: Date.now() - started };
}
/**
 * Tool configuration the checks read from the judged tree. quality.toml comes from the base commit, but
 * `npm test`, `eslint .`, `tsc -p tsconfig.json`, `pytest` and `mypy` take their settings from files a
 * change controls: rewriting `"test": "… || true"`, an `addopts = -k 'not …'` or an `.npmrc` with
 * `script-shell=/bin/true` would neuter a check while its command stays the same. Such files may change
 * only with `[guard] allow_config_changes`.
 */
const TOOL_CONFIG_GLOBS = [
    '**/tsconfig*.json',
    '**/jsconfig*.json',
    '**/eslint.config.*',
    '**/.eslintrc*',
    '**/.eslintignore',
    '**/jest.config.*',
    '**/vitest.config.*',
    '**/vitest.workspace.*',
    '**/.mocharc*',
    '**/.c8rc*',
    '**/.nycrc*',
    '**/.prettierrc*',
    '**/prettier.config.*',
    '**/.prettierignore',
    '**/biome.json',
    '**/biome.jsonc',
    '**/deno.json',
    '**/deno.jsonc',
    // How npm, yarn, pnpm and bun run scripts and install the tools (`script-shell`, `yarnPath`, a
    // `readPackage` hook, bun's test `preload`), and Babel, which transforms the code Jest runs.
    '**/.npmrc',
    '**/.yarnrc',
    '**/.yarnrc.yml',
    '**/.pnpmfile.*',
    '**/bunfig.toml',
    '**/.babelrc',
    '**/.babelrc.*',
    '**/babel.config.*',
    // Files that make tools skip paths: ruff and ripgrep honour `.ignore`/`.rgignore` as they do
    // `.gitignore`. (`.gitignore` itself changes freely: ignoring a file the change adds is refused below.)
    '**/.ignore',
    '**/.rgignore',
    // What git itself does with a file: `-diff`/`binary` hides its lines from the diff the guards read,
    // `eol`/`text`/`working-tree-encoding` change the bytes checked out into the judged tree.
    '**/.gitattributes',
    '**/pytest.ini',
    '**/.pytest.ini',
    '**/pytest.toml',
    '**/.pytest.toml',
    '**/tox.ini',
    '**/setup.cfg',
    '**/mypy.ini',
    '**/.mypy.ini',
    '**/pyrightconfig.json',
    '**/.bandit',
    '**/.flake8',
    '**/.pylintrc',
    '**/pylintrc',
    '**/ruff.toml',
    '**/.ruff.toml',
    '**/.coveragerc',
    '**/.golangci.y*ml',
    '**/.golangci.toml',
    '**/.golangci.json',
    '**/phpunit.xml*',
];
const isToolConfig = (0, picomatch_1.default)(TOOL_CONFIG_GLOBS, { dot: true });
/**
 * Files of a task runner or a tool that reads more than the checks' settings: they configure the checks
 * only when a check runs that tool, so they are guarded only then (a Makefile's build targets may change
 * freely in a project whose checks never run `make`). Whether a check runs it is read from the commands
 * the Validator runs — quality.toml's `[quality_checks]` and `[setup]`, the verification plans — and the
 * base's package.json scripts they may go through (`npm test` → `make check`).
 */
const RUNNER_CONFIG = [
    {
        tool: 'make',
        runs: commandWord('(?:g|b)?make'),
        isFile: (0, picomatch_1.default)(['**/Makefile', '**/makefile', '**/GNUmakefile', '**/*.mk'], { dot: true }),
    },
    {
        tool: 'just',
        runs: commandWord('just'),
        isFile: (0, picomatch_1.default)(['**/justfile', '**/.justfile', '**/*.just'], { dot: true, nocase: true }),
    },
    { tool: 'nox', runs: commandWord('nox'), isFile: (0, picomatch_1.default)('**/noxfile.py', { dot: true }) },
    // vitest reads vite.config.* (its `test` block) when there is no vitest.config.*.
    { tool: 'vitest', runs: commandWord('vitest'), isFile: (0, picomatch_1.default)('**/vite.config.*', { dot: true }) },
];
/** `word` run as a command: `make test`, `cd x && make`, `python -m nox`, `"test": "vitest run"`. */
function commandWord(word) {
    return new RegExp(`(?:^|[\\s;&|(\`'"=/])${word}(?=$|[\\s;&|)\`'"])`);
}
/**
 * What the checks run, as far as the base commit says: quality.toml's checks and setup commands, every
 * task's verification plan (the task being judged is one of them), and the base's package.json scripts.
 */
function commandsAtBase(input, read) {
    const out = [];
    const quality = read.base('quality.toml');
    if (quality) {
        const { config } = (0, quality_js_1.parseQualityToml)(quality);
        if (config)
            out.push(...config.checks.map((c) => c.command), ...config.setup.commands);
    }
    for (const p of input.baseFiles) {
        if (!p.startsWith(`${project_js_1.TASKS_DIR}/`) || !p.endsWith('.md'))
            continue;
        const text = read.base(p);
        if (text)
            out.push(...(0, plan_js_1.parsePlan)(text.toString('utf8'), 1, p).steps.map((s) => s.command));
    }
    return out;
}
function packageScripts(bytes) {
    try {
        const scripts = JSON.parse(bytes?.toString('utf8') ?? '{}').scripts;
        if (typeof scripts !== 'object' || scripts === null)
            return [];
        return Object.values(scripts).filter((v) => typeof v === 'string');
    }
    catch {
        return [];
    }
}
/**
 * The dependency folder a path lies in, if any: `node_modules` at any depth (a workspace package's own),
 * a virtual environment at the top (where the Validator links the repository's into its worktrees).
 * `npx`, npm scripts and a venv's `bin/` run what is there, so a change that brings its own
 * `node_modules/.bin/eslint` replaces the check's tool with its own.
 */
function dependencyFolderOf(path) {
    const parts = path.split('/');
    const at = parts.indexOf('node_modules');
    if (at >= 0)
        return parts.slice(0, at + 1).join('/');
    if (worktree_js_1.DEPENDENCY_DIRS.includes(parts[0]))
        return parts[0];
    return undefined;
}
/**
 * The metadata folder of an installed Python distribution a path lies in (`cheat-1.0.dist-info/`,
 * `pkg.egg-info/`): importlib.metadata reads it from every folder on the import path, and pytest loads
 * the `[pytest11]` entry points it declares as plugins before any conftest.py.
 */
function distributionMetadataOf(path) {
    const parts = path.split('/');
    const at = parts.findIndex((p, i) => i < parts.length - 1 && /\.(?:dist|egg)-info$/i.test(p));
    return at >= 0 ? parts.slice(0, at + 1).join('/') : undefined;
}
/**
 * Compiled Python: bytecode (`__pycache__/value.cpython-311.pyc`, a `.pyc` beside its module) and
 * extension modules (`value.cpython-311-x86_64-linux-gnu.so`, `value.pyd`). Python imports them instead
 * of the `.py` source, which is all the linters, the type checker and a reviewer read.
 */
const isCompiledPython = (0, picomatch_1.default)(['**/__pycache__/**', '**/*.py[co]', '**/*.so', '**/*.pyd'], {
    dot: true,
});
/**
 * The module a top-level path would stand in for when a check runs `python -m NAME` (the repository
 * root comes first on `sys.path` then): `pytest.py` or `mypy/__main__.py` replaces the tool itself.
 */
function shadowedModule(path, baseFiles, runs) {
    const m = /^([A-Za-z_]\w*)(?:\.py|\/__(?:init|main)__\.py)$/.exec(path);
    if (!m)
        return undefined;
    const name = m[1];
    // The project's own module or package, there at the base, is what the check means to run.
    if ([...baseFiles].some((p) => p === `${name}.py` || p.startsWith(`${name}/`)))
        return undefined;
    return runs(new RegExp(`\\s-m\\s*${name}(?![\\w.])`)) ? name : undefined;
}
/** The file git reads ignore rules from in each directory. */
const GITIGNORE = '.gitignore';
/**
 * Which of `paths` git ignores in a tree whose `.gitignore` files are `ignoreFiles` (path → content), as
 * `git check-ignore --no-index` decides it (the user's global excludes file included, as in the judged
 * tree): in a scratch repository holding only those files.
 */
function gitIgnored(paths, ignoreFiles) {
    if (!paths.length)
        return [];
    const dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'guardian-ignore-'));
    try {
        const gitDir = (0, node_path_1.join)(dir, '.git');
        const work = (0, node_path_1.join)(dir, 'tree');
        (0, node_fs_1.mkdirSync)(work);
        (0, git_js_1.execGit)(['--git-dir', gitDir, 'init', '-q'], { cwd: dir });
        for (const [p, content] of ignoreFiles) {
            (0, node_fs_1.mkdirSync)((0, node_path_1.join)(work, (0, node_path_1.dirname)(p)), { recursive: true });
            (0, node_fs_1.writeFileSync)((0, node_path_1.join)(work, p), content, { mode: 0o600 });
        }
        const r = (0, git_js_1.execGit)(['--git-dir', gitDir, '--work-tree', work, 'check-ignore', '--no-index', '-v', '-z', '--stdin'], { cwd: work, input: paths.join('\0') + '\0', allowFailure: true });
        // Exit 1: nothing is ignored.
        if (r.code !== 0 && r.code !== 1) {
            throw new Error(`git check-ignore failed (exit ${r.code}): ${r.stderr.trim()}`);
        }
        const f = r.stdout.split('\0');
        const out = [];
        for (let i = 0; i + 3 < f.length; i += 4) {
            const [source, line, pattern, path] = [f[i], f[i + 1], f[i + 2], f[i + 3]];
            // With -v a path matched by a negated pattern (`!keep.py`) is listed too: it is not ignored.
            if (pattern.startsWith('!'))
                continue;
            out.push({ path, source, line, pattern });
        }
        return out;
    }
    finally {
        (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
    }
}
/**
 * Files the change adds or modifies that git ignores in the judged tree. `git apply` puts them there
 * anyway and Completion commits them, but black, ruff, prettier (and anything that lists files with
 * git) skip them, so a change could bring in a file no check judges by ignoring it in `.gitignore`.
 * A file that was tracked and ignored at the base already is not this change's doing.
 */
function ignoredChangedFiles(input, read) {
    const kept = input.changed.filter((f) => f.status !== 'D');
    if (!kept.length)
        return [];
    const gone = new Set(input.changed.flatMap((f) => f.status === 'D' ? [f.path] : f.status === 'R' && f.oldPath ? [f.oldPath] : []));
    const inChange = new Map(kept.map((f) => [f.path, f]));
    /** The `.gitignore` files git reads for these paths (those of their directories), from one side. */
    const ignoreFilesFor = (paths, side) => {
        const files = new Map();
        for (const p of paths) {
            const parts = p.split('/');
            for (let i = 0; i < parts.length; i++) {
                const ig = [...parts.slice(0, i), GITIGNORE].join('/');
                if (files.has(ig))
                    continue;
                const exists = side === 'base'
                    ? input.baseFiles.has(ig)
                    : inChange.has(ig) || (input.baseFiles.has(ig) && !gone.has(ig));
                const content = exists ? read[side](ig) : undefined;
                if (content !== undefined)
                    files.set(ig, content);
            }
        }
        return files;
    };
    let ignored;
    let ignoredAtBase;
    try {
        const paths = kept.map((f) => f.path);
        ignored = gitIgnored(paths, ignoreFilesFor(paths, 'changed'));
        const wereThere = ignored.map((i) => i.path).filter((p) => input.baseFiles.has(p));
        ignoredAtBase = new Set(gitIgnored(wereThere, ignoreFilesFor(wereThere, 'base')).map((i) => i.path));
    }
    catch (e) {
        return [
            {
                file: GITIGNORE,
                line: 1,
                message: `could not tell whether git ignores the files the change adds: ${e.message}`,
                tool: 'guard',
            },
        ];
    }
    return ignored
        .filter((i) => !ignoredAtBase.has(i.path))
        .map((i) => {
        const f = inChange.get(i.path) ?? { status: 'A', path: i.path };
        return {
            file: i.path,
            line: 1,
            message: `the change ${verb(f, i.path)} ${i.path}, which git ignores (${i.source}:${i.line}: ${i.pattern}): tools that honour .gitignore (black, ruff, prettier, …) skip it, so no check judges what would be committed (stop ignoring it, or set [guard] allow_config_changes = true in quality.toml to allow it)`,
            tool: 'guard',
        };
    });
}
/** Keys of package.json / pyproject.toml that configure how checks run (dependencies may change freely). */
const PACKAGE_JSON_KEYS = [
    'scripts',
    'jest',
    'mocha',
    'ava',
    'c8',
    'nyc',
    'eslintConfig',
    'prettier',
    'type',
];
const PYPROJECT_TOOL_KEYS = [
    'pytest',
    'mypy',
    'black',
    'bandit',
    'ruff',
    'coverage',
    'pylint',
    'isort',
    'flake8',
    'pyright',
    'tox',
];
function changedKeys(a, b, keys) {
    return keys.filter((k) => JSON.stringify(a?.[k]) !== JSON.stringify(b?.[k]));
}
/**
 * `commands`: what the checks run (quality.toml's checks and setup, the plan's steps), to tell whether a
 * Makefile, justfile, noxfile.py or vite.config.* configures them; by default read from the base (every
 * task's plan, so a runner another task's plan uses is guarded too).
 */
function toolConfigCheck(input, read, allowConfigChanges, commands) {
    const diags = [];
    const parseJson = (b) => {
        if (b === undefined)
            return undefined;
        try {
            const v = JSON.parse(b.toString('utf8'));
            return typeof v === 'object' && v !== null ? v : undefined;
        }
        catch {
            return { '<unparseable>': b.toString('base64') };
        }
    };
    const pyTools = (b) => {
        if (b === undefined)
            return undefined;
        try {
            const doc = (0, smol_toml_1.parse)(b.toString('utf8'));
            return doc.tool ?? {};
        }
        catch {
            return { '<unparseable>': b.toString('base64') };
        }
    };
    if (!allowConfigChanges) {
        // The commands the checks run, read only when the change touches a runner's file.
        let ran;
        const runs = (re) => {
            ran ??= [...(commands ?? commandsAtBase(input, read)), ...packageScripts(read.base('package.json'))];
            return ran.some((c) => re.test(c));
        };
        for (const f of input.changed) {
            const name = f.path.split('/').pop() ?? f.path;
            const folder = f.status === 'D' ? undefined : dependencyFolderOf(f.path);
            if (folder) {
                diags.push({
                    file: f.path,
                    line: 1,
                    message: `the change ${verb(f, f.path)} ${f.path}${folder === f.path ? '' : `, inside ${folder}/`}, the dependency folder the checks take their tools from (a file there can stand in for the linter or the test runner; install dependencies from the package files instead, or set [guard] allow_config_changes = true in quality.toml to allow it)`,
                    tool: 'guard',
                });
            }
            const metadata = f.status === 'D' ? undefined : distributionMetadataOf(f.path);
            if (metadata) {
                diags.push({
                    file: f.path,
                    line: 1,
                    message: `the change ${verb(f, f.path)} ${f.path}, inside ${metadata}/, the metadata of an installed Python package: on the import path (\`python -m pytest\` puts the repository there) its entry points are loaded as plugins, a \`[pytest11]\` entry as a pytest plugin that can rewrite test outcomes (install packages from the package files instead, or set [guard] allow_config_changes = true in quality.toml to allow it)`,
                    tool: 'guard',
                });
            }
            if (f.status !== 'D' && isCompiledPython(f.path)) {
                diags.push({
                    file: f.path,
                    line: 1,
                    message: `the change ${verb(f, f.path)} ${f.path}, compiled code that Python imports instead of the module's source (an unchecked .pyc is never compared with its .py; an extension module comes before it): the tests would run it while the linters and type checkers read the source (change the source instead, or set [guard] allow_config_changes = true in quality.toml to allow it)`,
                    tool: 'guard',
                });
            }
            for (const p of [f.path, f.oldPath].filter((x) => !!x)) {
                const runner = isToolConfig(p) ? undefined : RUNNER_CONFIG.find((r) => r.isFile(p) && runs(r.runs));
                if (isToolConfig(p) || runner) {
                    diags.push({
                        file: p,
                        line: 1,
                        message: `the change ${verb(f, p)} ${p}, which configures the checks${runner ? ` (a check runs ${runner.tool})` : ''} (set [guard] allow_config_changes = true in quality.toml to allow it)`,
                        tool: 'guard',
                    });
                }
            }
            const shadowed = f.status === 'D' ? undefined : shadowedModule(f.path, input.baseFiles, runs);
            if (shadowed) {
                diags.push({
                    file: f.path,
                    line: 1,
                    message: `the change ${verb(f, f.path)} ${f.path}, which \`python -m ${shadowed}\` in a check would run instead of the installed ${shadowed} (set [guard] allow_config_changes = true in quality.toml to allow it)`,
                    tool: 'guard',
                });
            }
            if (name === 'package.json') {
                const keys = changedKeys(parseJson(read.base(f.path)), parseJson(read.changed(f.path)), [
                    ...PACKAGE_JSON_KEYS,
                    '<unparseable>',
                ]);
                if (keys.length) {
                    diags.push({
                        file: f.path,
                        line: 1,
                        message: `the change modifies ${keys.map((k) => `"${k}"`).join(', ')} in ${f.path}, which configures how the checks run`,
                        tool: 'guard',
                    });
                }
            }
            if (name === 'pyproject.toml') {
                const keys = changedKeys(pyTools(read.base(f.path)), pyTools(read.changed(f.path)), [
                    ...PYPROJECT_TOOL_KEYS,
                    '<unparseable>',
                ]);
                if (keys.length) {
                    diags.push({
                        file: f.path,
                        line: 1,
                        message: `the change modifies ${keys.map((k) => `[tool.${k}]`).join(', ')} in ${f.path}, which configures the checks`,
                        tool: 'guard',
                    });
                }
            }
        }
        diags.push(...ignoredChangedFiles(input, read));
    }
    return guardResult('guard:tool-config', "the change leaves the checks' tool configuration alone", diags);
}


/***/ })

};
