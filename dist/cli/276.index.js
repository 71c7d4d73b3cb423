export const id = 276;
export const ids = [276];
export const modules = {

/***/ 4413:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_SYMBOLS_PER_LIBRARY = exports.REQUIREMENTS_FILE = void 0;
exports.parseImports = parseImports;
exports.parsePythonImports = parsePythonImports;
exports.parseJsImports = parseJsImports;
exports.npmPackageOf = npmPackageOf;
exports.isNodeBuiltin = isNodeBuiltin;
exports.isPythonStdlib = isPythonStdlib;
exports.parseManifest = parseManifest;
exports.requirementIncludes = requirementIncludes;
exports.normalizePyName = normalizePyName;
exports.importersOf = importersOf;
exports.detectLibraries = detectLibraries;
exports.taskIdentifiers = taskIdentifiers;
/**
 * Which third-party libraries a task touches: imports in the relevant code, names in the task text,
 * and the project's manifests (package.json, requirements*.txt, pyproject.toml) for declared versions
 * and to tell third-party code from the project's own.
 */
const node_module_1 = __webpack_require__(8995);
const smol_toml_1 = __webpack_require__(7106);
const terms_js_1 = __webpack_require__(7095);
const PY_EXT = /\.pyi?$/;
const PY_IDENT = /^[A-Za-z_]\w*$/;
/**
 * 1-based line of a character offset, by binary search over the line starts: a file of thousands of
 * imports would otherwise be rescanned from its start for each one.
 */
function lineLocator(text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        starts.push(i + 1);
    return (idx) => {
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= idx)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    };
}
const JS_EXT = /\.(?:[cm]?[jt]sx?)$/;
/** Imports of a Python or JS/TS file (by extension); other files have none. */
function parseImports(path, text) {
    if (PY_EXT.test(path))
        return parsePythonImports(text);
    if (JS_EXT.test(path))
        return parseJsImports(text);
    return [];
}
function parsePythonImports(text) {
    const out = [];
    const lineOf = lineLocator(text);
    const aliases = new Map();
    /** Local name of a `from` import → its entry and the name imported. */
    const fromNames = new Map();
    for (const m of text.matchAll(/^[ \t]*from[ \t]+([.\w]+)[ \t]+import[ \t]+(\([^)]{0,4000}\)|[^\n#]+)/gm)) {
        const module = m[1];
        const names = [];
        const entry = { ecosystem: 'python', module, names, line: lineOf(m.index) };
        for (const part of m[2].replace(/[()\\]/g, ' ').split(',')) {
            const [name, alias] = part
                .trim()
                .split(/\s+as\s+/)
                .map((x) => x.trim());
            if (!name || !PY_IDENT.test(name))
                continue;
            names.push(name);
            const local = alias ?? name;
            if (PY_IDENT.test(local))
                fromNames.set(local, { entry, name });
        }
        out.push(entry);
    }
    for (const m of text.matchAll(/^[ \t]*import[ \t]+([^\n#]+)/gm)) {
        for (const part of m[1].split(',')) {
            const [mod, alias] = part.trim().split(/\s+as\s+/);
            if (!mod || !/^[\w.]+$/.test(mod))
                continue;
            // Only an identifier is an alias (`import x as *` is not Python): its uses are looked up by it.
            const name = alias === undefined ? mod : alias.trim();
            if (name === mod || PY_IDENT.test(name))
                aliases.set(name, mod);
            out.push({ ecosystem: 'python', module: mod, names: [], line: lineOf(m.index) });
        }
    }
    // `sa.Column(...)`, `sqlalchemy.orm.relationship(...)`: names used through a module alias. One scan
    // of the dotted names for all aliases (a scan per alias costs imports × size on a file of imports).
    if (aliases.size > 0) {
        const used = new Map();
        for (const c of text.matchAll(/(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+/g)) {
            const segs = c[0].split('.').slice(0, 9);
            for (let k = 1; k < segs.length; k++) {
                const alias = segs.slice(0, k).join('.');
                if (!aliases.has(alias))
                    continue;
                const set = used.get(alias) ?? new Set();
                set.add(segs[k]);
                used.set(alias, set);
            }
        }
        const firstOf = new Map();
        for (const e of out)
            if (e.names.length === 0 && !firstOf.has(e.module))
                firstOf.set(e.module, e);
        for (const [alias, mod] of aliases) {
            const entry = firstOf.get(mod);
            if (entry)
                entry.names.push(...[...(used.get(alias) ?? [])].slice(0, 40));
        }
    }
    // `storage.Client` after `from google.cloud import storage`: members used through an imported name.
    if (fromNames.size > 0) {
        for (const c of text.matchAll(/(?<![\w.])([A-Za-z_]\w*)\.([A-Za-z_]\w*)/g)) {
            const from = fromNames.get(c[1]);
            if (!from)
                continue;
            // No prototype: an imported name `__proto__` is a key like any other.
            const members = (from.entry.members ??= Object.create(null));
            const list = Object.prototype.hasOwnProperty.call(members, from.name) ? members[from.name] : [];
            members[from.name] = list;
            if (list.length < 40 && !list.includes(c[2]))
                list.push(c[2]);
        }
    }
    return out;
}
function parseJsImports(text) {
    const out = [];
    const lineOf = lineLocator(text);
    // An import clause (`x`, `{ a, type b as c }`, `* as ns`) has no `;` or `=` and does not run into the
    // next import or export: `export const x = 1` is no clause of a later `from '…'`.
    const re = /(?:^|[;\n])[ \t]*(?:import|export)\s+(type\s+)?((?:(?!\n[ \t]*(?:import|export)\s)[^;=]){0,100000}?)\s+from\s+['"]([^'"\n]+)['"]|(?:^|[;\n])[ \t]*import\s+['"]([^'"\n]+)['"]|\brequire\(\s*['"]([^'"\n]+)['"]\s*\)|\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;
    // `alias.member` uses of every identifier, in one scan (a scan per default or namespace import costs
    // imports × size on a file of imports).
    let members;
    const membersOf = (ns) => {
        if (!members) {
            members = new Map();
            for (const u of text.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)/g)) {
                const set = members.get(u[1]) ?? new Set();
                set.add(u[2]);
                members.set(u[1], set);
            }
        }
        return members.get(ns) ?? new Set();
    };
    for (const m of text.matchAll(re)) {
        const module = m[3] ?? m[4] ?? m[5] ?? m[6];
        if (!module)
            continue;
        const names = [];
        const clause = m[2] ?? '';
        const braces = /\{([\s\S]*)\}/.exec(clause);
        if (braces) {
            for (const part of braces[1].split(',')) {
                const name = part
                    .trim()
                    .replace(/^type\s+/, '')
                    .split(/\s+as\s+/)[0]
                    .trim();
                if (/^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default')
                    names.push(name);
            }
        }
        // Default or namespace import: collect `alias.member` uses.
        const ns = /\*\s+as\s+([A-Za-z_$][\w$]*)/.exec(clause)?.[1] ??
            /^\s*([A-Za-z_$][\w$]*)\s*(?:,|$)/.exec(clause)?.[1];
        if (ns && ns !== 'type')
            names.push(...[...membersOf(ns)].slice(0, 40));
        out.push({ ecosystem: 'npm', module, names, line: lineOf(m.index + (m[0].match(/^[;\n]/) ? 1 : 0)) });
    }
    return out;
}
/** An npm package name (`x`, `@scope/x`); anything else is no package (and no name to show). */
const NPM_NAME = /^(?:@[a-z0-9~][\w.~-]*\/)?[a-z0-9~][\w.~-]*$/i;
/**
 * The npm package of a module specifier (`@scope/pkg/sub` → `@scope/pkg`), or undefined for local
 * ones and for specifiers that name no package (a URL, a path alias, markdown or control characters).
 */
function npmPackageOf(spec) {
    if (spec.startsWith('.') || spec.startsWith('/') || /^[a-z]+:\/\//.test(spec))
        return undefined;
    if (spec.startsWith('node:'))
        return /^node:[a-z_][\w-]*(?:\/[\w-]+)*$/i.test(spec) ? spec : undefined;
    if (spec.startsWith('#') || spec.startsWith('~/') || spec.startsWith('@/'))
        return undefined;
    const parts = spec.split('/');
    const pkg = spec.startsWith('@') ? (parts.length >= 2 ? `${parts[0]}/${parts[1]}` : undefined) : parts[0];
    if (!pkg || !NPM_NAME.test(pkg))
        return undefined;
    return isNodeBuiltin(pkg) ? `node:${pkg}` : pkg;
}
function isNodeBuiltin(name) {
    const n = name.replace(/^node:/, '');
    return node_module_1.builtinModules.includes(n) || node_module_1.builtinModules.includes(n.split('/')[0]);
}
/** Python standard library top-level modules (3.8–3.13), so imports of them are not "third-party". */
const PY_STDLIB = new Set(`__future__ abc argparse array ast asyncio atexit base64 binascii bisect builtins bz2 calendar cgi cmath
  code codecs collections colorsys concurrent configparser contextlib contextvars copy copyreg csv ctypes
  curses dataclasses datetime dbm decimal difflib dis email encodings enum errno faulthandler fcntl
  filecmp fileinput fnmatch fractions ftplib functools gc getopt getpass gettext glob graphlib grp gzip
  hashlib heapq hmac html http imaplib importlib inspect io ipaddress itertools json keyword linecache
  locale logging lzma mailbox marshal math mimetypes mmap multiprocessing netrc numbers operator optparse
  os pathlib pdb pickle pkgutil platform plistlib poplib posix pprint profile pstats pty pwd py_compile
  queue quopri random re readline reprlib resource rlcompleter runpy sched secrets select selectors shelve
  shlex shutil signal site smtplib socket socketserver sqlite3 ssl stat statistics string stringprep
  struct subprocess symtable sys sysconfig syslog tarfile tempfile termios textwrap threading time
  timeit tkinter token tokenize tomllib trace traceback tracemalloc tty turtle types typing unicodedata
  unittest urllib uuid venv warnings wave weakref webbrowser wsgiref xml xmlrpc zipapp zipfile zipimport
  zlib zoneinfo typing_extensions`.split(/\s+/));
// typing_extensions is third-party strictly speaking, but it only mirrors `typing`: no task needs its docs.
function isPythonStdlib(top) {
    return PY_STDLIB.has(top);
}
/** A PEP 508 distribution name; anything else in a manifest is no dependency (and no name to show). */
const PY_DIST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
/** A declared requirement is shown as written, up to this many characters. */
const MAX_SPEC_CHARS = 200;
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * Dependencies declared in manifests at the base commit. A manifest is the repository's: one that does
 * not parse declares nothing, and an entry of the wrong shape (a version that is no string, a name
 * that is no package name, a list where a table belongs) is left out.
 */
function parseManifest(path, text, kind) {
    const base = path.split('/').pop() ?? path;
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    try {
        if (base === 'package.json') {
            const j = JSON.parse(text);
            if (!isRecord(j))
                return [];
            const out = [];
            for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
                const deps = j[field];
                if (!isRecord(deps))
                    continue;
                for (const [name, spec] of Object.entries(deps)) {
                    if (typeof spec !== 'string' || !NPM_NAME.test(name))
                        continue;
                    out.push({ ecosystem: 'npm', name, spec: clipSpec(spec), file: path });
                }
            }
            return out;
        }
        if (kind === 'requirements' ||
            /^requirements.*\.(?:txt|in)$/.test(base) ||
            exports.REQUIREMENTS_FILE.test(path)) {
            return (text
                // A backslash at the end of a line continues it (pip joins them before parsing).
                .replace(/\\\r?\n/g, ' ')
                .split(/\r?\n/)
                // A comment starts at a `#` at the start of the line or after whitespace (`#egg=` is part of a URL).
                .map((l) => l.replace(/(?:^|\s)#.*/, '').trim())
                .filter((l) => l && !l.startsWith('-'))
                .map((l) => requirement(l, path))
                .filter((d) => d !== undefined));
        }
        if (base === 'pyproject.toml') {
            const t = (0, smol_toml_1.parse)(text);
            const out = [];
            const list = (v) => (Array.isArray(v) ? v : []);
            const project = isRecord(t.project) ? t.project : {};
            const reqs = [...list(project.dependencies)];
            const optional = isRecord(project['optional-dependencies']) ? project['optional-dependencies'] : {};
            for (const l of Object.values(optional))
                reqs.push(...list(l));
            // PEP 735 dependency groups (tables in them include other groups: no requirement of their own).
            if (isRecord(t['dependency-groups']))
                for (const l of Object.values(t['dependency-groups']))
                    reqs.push(...list(l));
            for (const r of reqs) {
                const d = typeof r === 'string' ? requirement(r, path) : undefined;
                if (d)
                    out.push(d);
            }
            const tool = isRecord(t.tool) ? t.tool : {};
            const poetry = isRecord(tool.poetry) ? tool.poetry : {};
            const tables = [poetry.dependencies, poetry['dev-dependencies']];
            if (isRecord(poetry.group))
                for (const g of Object.values(poetry.group))
                    if (isRecord(g))
                        tables.push(g.dependencies);
            for (const deps of tables) {
                if (!isRecord(deps))
                    continue;
                for (const [name, spec] of Object.entries(deps)) {
                    if (name.toLowerCase() === 'python' || !PY_DIST_NAME.test(name))
                        continue;
                    out.push({
                        ecosystem: 'python',
                        name,
                        spec: clipSpec(typeof spec === 'string' ? spec : tableSpec(spec)),
                        file: path,
                    });
                }
            }
            return out;
        }
    }
    catch {
        // A manifest that does not parse declares nothing we can use; the spec checker reports it elsewhere.
        return [];
    }
    return [];
}
/** A pip requirements file by its name: `requirements*.txt` / `.in` at the top or in a `requirements/` folder. */
exports.REQUIREMENTS_FILE = /^(?:requirements[^/]*|requirements\/[^/]+)\.(?:txt|in)$/;
/**
 * The requirements files a requirements file includes (`-r other.txt`, `--requirement=other.txt`), as
 * repository paths resolved from the including file's folder, each with its 1-based line. Constraints
 * files (`-c`) pin versions but declare nothing, so they are not followed. An include that is a URL,
 * an absolute path or leaves the repository is `outside` (never read).
 */
function requirementIncludes(path, text) {
    const out = [];
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const l = lines[i].replace(/(?:^|\s)#.*/, '').trim();
        const m = /^(?:-r\s*|--requirement(?:\s*=\s*|\s+))(\S.*)$/.exec(l);
        if (!m)
            continue;
        // pip splits an option line like a shell does: a quoted path may hold spaces.
        const target = m[1].replace(/^(["'])(.*)\1$/, '$2');
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/') || target.startsWith('~')) {
            out.push({ line: i + 1, target, outside: true });
            continue;
        }
        const parts = dir ? dir.split('/') : [];
        let outside = false;
        for (const seg of target.split(/[\\/]+/)) {
            if (seg === '' || seg === '.')
                continue;
            if (seg === '..') {
                if (!parts.length)
                    outside = true;
                else
                    parts.pop();
            }
            else
                parts.push(seg);
        }
        out.push(outside || !parts.length
            ? { line: i + 1, target, outside: true }
            : { line: i + 1, target, outside: false, resolved: parts.join('/') });
    }
    return out;
}
/** A Poetry table (`{ version = "^1", extras = [...] }`) as JSON; one nested too deeply for that is `{…}`. */
function tableSpec(spec) {
    try {
        return JSON.stringify(spec) ?? '';
    }
    catch {
        return '{…}';
    }
}
function clipSpec(spec) {
    return spec.length > MAX_SPEC_CHARS ? `${spec.slice(0, MAX_SPEC_CHARS - 1)}…` : spec;
}
/**
 * One PEP 508 requirement (`name[extras] specifier ; marker`), or undefined for what is not one: a
 * URL or a path to an archive (`https://…/x.whl`, `./pkg`, `git+https://…`) names no distribution.
 */
function requirement(line, file) {
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/.exec(line.split(';')[0].trim());
    if (!m || !PY_DIST_NAME.test(m[1]))
        return undefined;
    if (/\.(?:whl|zip|tar\.gz|tgz|tar\.bz2|tar\.xz)$/i.test(m[1]))
        return undefined;
    // What may follow a name: a version specifier, `@ url`, or nothing; pip options (`--hash=…`) are not
    // part of the requirement.
    const rest = ` ${m[3]}`.replace(/\s+--?[A-Za-z][\w-]*(?:[= ]\S+)?/g, '').trim();
    if (rest && !/^[<>=!~@(]/.test(rest))
        return undefined;
    return { ecosystem: 'python', name: m[1], spec: clipSpec(`${m[1]}${rest}`), file };
}
function normalizePyName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/** Names kept per library (best first), and places each is used from. */
exports.MAX_SYMBOLS_PER_LIBRARY = 100;
const MAX_SYMBOL_SOURCES = 6;
/**
 * The files that import a library, most relevant first (repository paths): node resolves a package from
 * the importing file's folder upwards, so a workspace package's own node_modules comes before the root's.
 */
const importersOfLib = new WeakMap();
function importersOf(lib) {
    // Stable: of equally relevant importers, the first given comes first.
    return [...(importersOfLib.get(lib) ?? [])].sort((a, b) => b.weight - a.weight).map((i) => i.path);
}
/**
 * Libraries the task touches, best first. Evidence: imports in the relevant code (weighted by how
 * relevant the importing file is) and the library's name in the task's own text. A library that is
 * only declared in a manifest is not "touched".
 */
function detectLibraries(input) {
    const libs = new Map();
    const get = (ecosystem, importName) => {
        const key = `${ecosystem}:${importName}`;
        let l = libs.get(key);
        if (!l) {
            const packageName = ecosystem === 'python' ? (input.pythonDistOf?.(importName) ?? importName) : importName;
            l = { ecosystem, importName, packageName, score: 0, reasons: [], symbols: [] };
            libs.set(key, l);
        }
        return l;
    };
    // Symbols by library and name: a file may import thousands of names from one library.
    const symbolIndex = new Map();
    const addSymbol = (l, name, score, from, module) => {
        let byName = symbolIndex.get(l);
        if (!byName)
            symbolIndex.set(l, (byName = new Map()));
        let s = byName.get(name);
        if (!s) {
            s = { name, score: 0, from: [], module };
            l.symbols.push(s);
            byName.set(name, s);
        }
        s.score += score;
        if (s.from.length < MAX_SYMBOL_SOURCES && !s.from.includes(from))
            s.from.push(from);
    };
    const weights = new Map();
    const use = (src, imp, lib, names) => {
        const importers = importersOfLib.get(lib) ?? [];
        if (!importers.some((i) => i.path === src.path) && importers.length < 6)
            importersOfLib.set(lib, [...importers, { path: src.path, weight: src.weight }]);
        const reason = `imported by ${src.path}:${imp.line}`;
        if (!lib.reasons.includes(reason) && lib.reasons.length < 6)
            lib.reasons.push(reason);
        const ws = weights.get(lib);
        if (ws)
            ws.push(src.weight);
        else
            weights.set(lib, [src.weight]);
        for (const n of names)
            addSymbol(lib, n, src.weight, `${src.path}:${imp.line}`, imp.module);
    };
    for (const src of input.sources) {
        for (const imp of parseImports(src.path, src.text)) {
            let lib;
            if (imp.ecosystem === 'python') {
                if (imp.module.startsWith('.'))
                    continue;
                const top = imp.module.split('.')[0];
                if (isPythonStdlib(top) || input.localModules.has(top))
                    continue;
                const libOf = input.pythonLibraryOf;
                const whole = libOf?.(imp.module);
                if (libOf && !whole && imp.names.length > 0) {
                    // `from google.cloud import storage, pubsub`: each name is a package of its own distribution.
                    const byLib = new Map();
                    for (const n of imp.names) {
                        const full = `${imp.module}.${n}`;
                        const l = libOf(full) ?? top;
                        // The name is the library's own package (`storage` of google.cloud.storage): what the code
                        // uses of it is `storage.Client`, not a name `storage` inside it.
                        const own = l === full ? (imp.members && Object.hasOwn(imp.members, n) ? imp.members[n] : []) : [n];
                        byLib.set(l, [...(byLib.get(l) ?? []), ...own]);
                    }
                    for (const [l, names] of byLib)
                        use(src, imp, get('python', l), names);
                    continue;
                }
                lib = get('python', whole ?? top);
            }
            else {
                const pkg = npmPackageOf(imp.module);
                if (!pkg)
                    continue;
                // Bare specifiers are packages (local code is imported by relative path); only the
                // project's own package name (a self-reference) is local.
                if (input.localModules.has(`npm:${pkg}`))
                    continue;
                lib = get('npm', pkg);
            }
            use(src, imp, lib, imp.names);
        }
    }
    // The most relevant importer counts fully, further importers a little: a library every test file
    // imports is not thereby more relevant than the one the code to change uses.
    for (const [lib, ws] of weights) {
        const sorted = [...ws].sort((a, b) => b - a);
        const rest = sorted.slice(1).reduce((a, c) => a + c, 0);
        lib.score += (sorted[0] ?? 0) + 0.2 * rest;
        // Node's built-in modules are documented in @types/node and well known; packages come first.
        if (lib.importName.startsWith('node:'))
            lib.score *= 0.6;
    }
    // Libraries named in the task text: declared dependencies whose name appears as a word.
    const text = input.taskText;
    const lowerText = text.toLowerCase();
    // A substring test first: a manifest may list thousands of names, and a pattern per name is costly.
    const named = (n) => lowerText.includes(n.toLowerCase()) &&
        new RegExp(`(?<![\\w/-])${escapeRe(n)}(?![\\w/-])`, 'i').test(text);
    const namedLibs = new Set();
    for (const dep of input.manifests) {
        if (dep.ecosystem === 'npm' && dep.name.startsWith('@types/'))
            continue;
        if (!named(dep.name))
            continue;
        const importName = dep.ecosystem === 'python'
            ? ([...libs.values()].find((l) => l.ecosystem === 'python' && normalizePyName(l.packageName) === normalizePyName(dep.name))?.importName ??
                input.pythonImportOf?.(dep.name) ??
                dep.name.toLowerCase().replace(/[-.]/g, '_'))
            : dep.name;
        const lib = get(dep.ecosystem, importName);
        // Declared in two manifests (requirements.txt and pyproject.toml) is still named once.
        if (namedLibs.has(lib))
            continue;
        namedLibs.add(lib);
        lib.score += 1;
        lib.reasons.unshift(`named in the task (${dep.name})`);
    }
    // Imported libraries named in the task text by their import name.
    for (const lib of libs.values()) {
        // `node:test` is named by "node:test", never by the word "test".
        const bare = lib.importName;
        if (namedLibs.has(lib))
            continue;
        if (named(bare)) {
            lib.score += 1;
            lib.reasons.unshift(`named in the task (${bare})`);
        }
    }
    // Declared versions: the first declaration of each name, looked up by name (not a scan per library).
    const npmDeclared = new Map();
    const pyDeclared = new Map();
    for (const d of input.manifests) {
        const [map, key] = d.ecosystem === 'npm' ? [npmDeclared, d.name] : [pyDeclared, normalizePyName(d.name)];
        if (!map.has(key))
            map.set(key, d);
    }
    const firstOf = (...deps) => deps
        .filter((d) => d !== undefined)
        .sort((x, y) => input.manifests.indexOf(x) - input.manifests.indexOf(y))[0];
    for (const lib of libs.values()) {
        const dep = lib.ecosystem === 'npm'
            ? firstOf(npmDeclared.get(lib.importName), lib.importName.startsWith('node:') ? npmDeclared.get('@types/node') : undefined)
            : firstOf(pyDeclared.get(normalizePyName(lib.packageName)), pyDeclared.get(normalizePyName(lib.importName)));
        if (dep) {
            lib.declared = { file: dep.file, spec: dep.spec };
            if (lib.ecosystem === 'python')
                lib.packageName = dep.name;
        }
    }
    // Identifiers of the task text raise the symbols they name.
    const taskIdents = new Set([...text.matchAll(/[A-Za-z_$][\w$]*/g)].map((m) => m[0]));
    const taskTerms = new Set((0, terms_js_1.terms)(text));
    for (const lib of libs.values()) {
        for (const s of lib.symbols) {
            if (taskIdents.has(s.name))
                s.score += 1;
            // Words of the name the task talks about (`DateTime` for "the time is recorded in UTC").
            const parts = [...new Set((0, terms_js_1.terms)(s.name))];
            const shared = parts.filter((t) => taskTerms.has(t)).length;
            if (parts.length)
                s.score += (0.5 * shared) / parts.length;
            s.score = Math.round(s.score * 1000) / 1000;
        }
        lib.symbols.sort((a, b) => b.score - a.score || byCodeUnits(a.name, b.name));
        // The best names are the ones looked up and written to the evidence; a file importing thousands
        // of names from one library would otherwise fill it with them.
        lib.symbols.length = Math.min(lib.symbols.length, exports.MAX_SYMBOLS_PER_LIBRARY);
        lib.score = Math.round(lib.score * 1000) / 1000;
    }
    return [...libs.values()]
        .filter((l) => l.score > 0)
        .sort((a, b) => b.score - a.score || byCodeUnits(a.importName, b.importName));
}
/** Identifiers in the task text that may name library APIs: `code spans`, CamelCase words, calls. */
function taskIdentifiers(text) {
    const out = new Set();
    for (const m of text.matchAll(/`([A-Za-z_$][\w$.]*)(?:\(\))?`/g))
        out.add(m[1].split('.').pop());
    for (const m of text.matchAll(/\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)\b/g))
        out.add(m[1]);
    for (const m of text.matchAll(/\b([A-Za-z_]\w*)\(/g))
        out.add(m[1]);
    return [...out];
}
/**
 * Ties are broken by code units, never by the machine's locale (`localeCompare` puts `aa` after `z` in
 * Danish): the same task gives the same libraries everywhere.
 */
function byCodeUnits(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function escapeRe(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}


/***/ }),

/***/ 7095:
/***/ ((__unused_webpack_module, exports) => {


/** Words of a text for relevance ranking (rules, library names): identifiers split at camelCase and snake_case, stemmed lightly. */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.terms = terms;
exports.stem = stem;
exports.termCounts = termCounts;
exports.bm25 = bm25;
const STOP = new Set(`a an and are as at be been but by can do does for from has have how i if in into is it its itself
  may must no not of on or our should so such than that the their them then there these they this to
  was we were what when where which while who will with within without you your all any each every
  also only other own same some more most very just use used using ensure make made new add adds added
  e g eg ie etc via per after before during about above below up down out over under again further
  once here why both few nor too s t don now`.split(/\s+/));
/** Lower-cased terms of `text`: identifiers split, stop words dropped, plurals folded. */
function terms(text) {
    const out = [];
    for (const raw of text.match(/[A-Za-z][A-Za-z0-9]*(?:[_'][A-Za-z0-9]+)*|\d+/g) ?? []) {
        const parts = raw
            .replace(/'/g, '')
            .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
            .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
            .split(/[\s_]+/);
        const whole = raw.toLowerCase().replace(/'/g, '');
        if (parts.length > 1 && !STOP.has(whole))
            out.push(stem(whole));
        for (const p of parts) {
            const w = p.toLowerCase();
            if (w.length < 2 || STOP.has(w) || /^\d+$/.test(w))
                continue;
            out.push(stem(w));
        }
    }
    return out;
}
function stem(w) {
    if (w.length > 4 && w.endsWith('ies'))
        return w.slice(0, -3) + 'y';
    if (w.length > 4 && /(?:ss|us|is)$/.test(w))
        return w;
    if (w.length > 3 && w.endsWith('s'))
        return w.slice(0, -1);
    return w;
}
function termCounts(text) {
    const m = new Map();
    for (const t of terms(text))
        m.set(t, (m.get(t) ?? 0) + 1);
    return m;
}
/**
 * Okapi BM25 over a small set of documents (rule sections, doc snippets). Deterministic, no index
 * files: the sets are small enough to score directly.
 */
function bm25(docs, query, k1 = 1.2, b = 0.75) {
    const q = [...new Set(terms(query))];
    const tfs = docs.map(termCounts);
    const lens = tfs.map((m) => [...m.values()].reduce((a, c) => a + c, 0));
    const avg = lens.reduce((a, c) => a + c, 0) / Math.max(1, lens.length) || 1;
    const df = new Map();
    for (const m of tfs)
        for (const t of m.keys())
            df.set(t, (df.get(t) ?? 0) + 1);
    const n = docs.length;
    return tfs.map((m, i) => {
        let s = 0;
        for (const t of q) {
            const f = m.get(t);
            if (!f)
                continue;
            const d = df.get(t) ?? 0;
            const idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
            s += (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * (lens[i] ?? 0)) / avg));
        }
        return s;
    });
}


/***/ }),

/***/ 9396:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_CACHE_FILE_BYTES = void 0;
exports.readCacheFile = readCacheFile;
exports.isObject = isObject;
exports.own = own;
/**
 * Reading the index cache: its files are untrusted input (a restored Actions cache, a hand edit, a
 * folder a repository ships). A cache file is read only when it is a regular file of a sane size: a
 * symbolic link is not followed, and a FIFO or a device (`/dev/zero`) is refused instead of blocking the
 * search or reading without end.
 */
const node_fs_1 = __webpack_require__(3024);
const fs_js_1 = __webpack_require__(1917);
const node_buffer_1 = __webpack_require__(4573);
/** The longest string V8 can make: a larger cache file could never be parsed anyway. */
exports.MAX_CACHE_FILE_BYTES = node_buffer_1.constants.MAX_STRING_LENGTH;
/** Reads a cache file as UTF-8 text; `absent` when there is none, `problem` when it cannot be trusted. */
function readCacheFile(path, maxBytes = exports.MAX_CACHE_FILE_BYTES) {
    let r;
    try {
        r = (0, fs_js_1.openRegularFile)(path, node_fs_1.constants.O_RDONLY);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOTDIR')
            return { absent: true };
        return { problem: code ?? e.message };
    }
    if ('absent' in r)
        return { absent: true };
    if ('not' in r)
        return {
            problem: r.not === 'a symbolic link (not followed)' || r.not === 'a directory' ? r.not : 'not a regular file',
        };
    try {
        if (r.st.size > maxBytes)
            return { problem: `${r.st.size} bytes, more than a cache file can hold` };
        const buf = (0, node_fs_1.readFileSync)(r.fd);
        if (buf.length > maxBytes)
            return { problem: `more than ${maxBytes} bytes` };
        return { text: buf.toString('utf8') };
    }
    catch (e) {
        return { problem: e.code ?? e.message };
    }
    finally {
        (0, node_fs_1.closeSync)(r.fd);
    }
}
/** Whether `v` is a plain JSON object (not null, not an array). */
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** `obj[key]` when it is the object's own property (a key such as `constructor` is not inherited). */
function own(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}


/***/ }),

/***/ 8428:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ChunkStore = exports.CHUNKS_VERSION = void 0;
/**
 * Symbol chunks for the files a search returns: tree-sitter boundaries (functions, classes, methods)
 * with the terms of each chunk, or line windows where no grammar applies. Parsing happens only for
 * files that rank, once per content: results are cached by blob id in `chunks.json`.
 */
const node_path_1 = __webpack_require__(6760);
const chars_js_1 = __webpack_require__(5153);
const fs_js_1 = __webpack_require__(1917);
const cachefile_js_1 = __webpack_require__(9396);
const definitions_js_1 = __webpack_require__(6474);
const files_js_1 = __webpack_require__(3071);
const symbols_js_1 = __webpack_require__(4157);
const text_js_1 = __webpack_require__(5593);
exports.CHUNKS_VERSION = 1;
const MAX_CHUNK_TERMS = 400;
const MAX_PARSE_CHARS = 100_000;
/** A file the index read is at most its limit (512 KiB unless a host sets another). */
const MAX_READ_BYTES = 64 * 1024 * 1024;
const isLine = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
/** Whether a cached entry has the shape `chunksOf` stores (a hand-edited cache may hold anything). */
function isChunkList(v) {
    return (Array.isArray(v) &&
        v.every((c) => Array.isArray(c) &&
            c.length === 5 &&
            typeof c[0] === 'string' &&
            !(0, chars_js_1.hasControlChar)(c[0]) &&
            typeof c[1] === 'string' &&
            isLine(c[2]) &&
            isLine(c[3]) &&
            Array.isArray(c[4]) &&
            c[4].every((t) => typeof t === 'string')));
}
class ChunkStore {
    index;
    cacheDir;
    entries = {};
    dirty = false;
    /** Files read and parsed in this run. */
    parsed = 0;
    notes = [];
    extractor;
    constructor(index, cacheDir, wasmDir) {
        this.index = index;
        this.cacheDir = cacheDir;
        this.extractor = new symbols_js_1.SymbolExtractor(wasmDir);
        const r = (0, cachefile_js_1.readCacheFile)((0, node_path_1.join)(cacheDir, 'chunks.json'));
        try {
            const parsed = 'text' in r ? JSON.parse(r.text) : undefined;
            if (parsed?.version === exports.CHUNKS_VERSION && (0, cachefile_js_1.isObject)(parsed.entries))
                this.entries = parsed.entries;
        }
        catch {
            // unreadable: chunks are recomputed for the files that need them
        }
    }
    async chunksOf(path) {
        const f = this.index.files.get(path);
        if (!f)
            return [];
        // Entries are checked as they are used: one of another shape is computed again.
        const cached = (0, cachefile_js_1.own)(this.entries, f.blob);
        if (cached !== undefined && isChunkList(cached))
            return cached;
        // Read with the index's guards (no link followed, no FIFO waited on), and only the content the index
        // saw: a file changed since would have its chunks cached under the old content's blob.
        const r = (0, files_js_1.readCandidate)(this.index.root, { path, symlink: false }, MAX_READ_BYTES);
        if (!r.ok || r.blob !== f.blob) {
            this.notes.push(`could not read ${(0, files_js_1.displayPath)(path)} for its symbols: ${r.ok ? 'changed since it was indexed' : r.reason}`);
            return [];
        }
        const text = (0, files_js_1.decodeText)(r.buf).text;
        this.parsed++;
        const lines = text.split('\n');
        // Very large files: the definition scan's outline instead of a parse that would cost more than the
        // rest of the search (a 150 KB TypeScript file takes ~0.3 s to parse).
        let symbols = text.length > MAX_PARSE_CHARS
            ? (0, definitions_js_1.outlineByScan)(f.lang, text)
            : await this.extractor.extract(f.lang, text);
        if (!symbols || symbols.length === 0)
            symbols = (0, symbols_js_1.lineWindows)(lines.length);
        const lineTerms = lines.map((l) => (0, text_js_1.tokenize)(l));
        const chunks = symbols.map((s) => {
            const set = new Set();
            for (let l = s.startLine - 1; l < s.endLine && l < lineTerms.length && set.size < MAX_CHUNK_TERMS; l++) {
                for (const t of lineTerms[l])
                    set.add(t);
            }
            return [s.name, s.kind, s.startLine, s.endLine, [...set]];
        });
        // Line windows standing in for a grammar that failed to load are not kept: next time may work.
        if (!f.lang || !this.extractor.degraded.has(f.lang)) {
            this.entries[f.blob] = chunks;
            this.dirty = true;
        }
        return chunks;
    }
    /** Writes new chunks back, dropping entries of contents no longer in the repository. */
    save() {
        this.notes.push(...this.extractor.notes.filter((n) => !this.notes.includes(n)));
        if (!this.dirty)
            return;
        const live = new Set([...this.index.files.values()].map((f) => f.blob));
        const kept = {};
        for (const [b, c] of Object.entries(this.entries))
            if (live.has(b))
                kept[b] = c;
        try {
            (0, fs_js_1.writeFileAtomic)((0, node_path_1.join)(this.cacheDir, 'chunks.json'), JSON.stringify({ version: exports.CHUNKS_VERSION, entries: kept }));
        }
        catch (e) {
            this.notes.push(`could not write the chunk cache: ${e.message}`);
        }
    }
}
exports.ChunkStore = ChunkStore;


/***/ }),

/***/ 6474:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.scanPastGroup = scanPastGroup;
exports.outlineByScan = outlineByScan;
exports.scanDefinitions = scanDefinitions;
/**
 * A quick scan for the names a file defines (functions, classes, types, constants), used by the index:
 * the symbol-name field of the lexical engine and the "defines a symbol the task names" signal. Exact
 * chunk boundaries come later from tree-sitter, for the files that rank (chunks.ts); this scan only needs
 * names, and it has to be cheap enough to run over every file of a cold index.
 */
const lines_js_1 = __webpack_require__(895);
const isBlank = (c) => c === 32 || c === 9;
const isWordChar = (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isLineEnd = (c) => c !== c || c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
/**
 * Java and Kotlin members:
 * `/^[ \t]+(?:(?:public|…|default)[ \t]+)+[\w<>[\],.? \t]+?[ \t]+([A-Za-z_]\w*)[ \t]*\(/gm`. After the
 * first modifier and one blank, the line runs through characters of `[\w<>[\],.? \t]` to a `(`; the name
 * is the word before the blanks ahead of it, preceded by a blank that is not the first character.
 */
const JAVA_MODIFIER = /^[ \t]+(?:public|private|protected|static|final|abstract|synchronized|native|default)[ \t]/gm;
const isJavaTypeChar = (c) => isWordChar(c) ||
    isBlank(c) ||
    c === 60 ||
    c === 62 ||
    c === 91 ||
    c === 93 ||
    c === 44 ||
    c === 46 ||
    c === 63;
function javaMembers(text) {
    const out = [];
    for (const m of text.matchAll(JAVA_MODIFIER)) {
        const pos = m.index + m[0].length;
        let j = pos;
        while (j < text.length && isJavaTypeChar(text.charCodeAt(j)))
            j++;
        if (text.charCodeAt(j) !== 40)
            continue; // (
        let e = j;
        while (e > pos && isBlank(text.charCodeAt(e - 1)))
            e--;
        let b = e;
        while (b > pos && isWordChar(text.charCodeAt(b - 1)))
            b--;
        const first = text.charCodeAt(b);
        if (b === e || (first >= 48 && first <= 57))
            continue;
        if (b - 1 < pos + 1 || !isBlank(text.charCodeAt(b - 1)))
            continue;
        out.push({ at: m.index, name: text.slice(b, e) });
    }
    return out;
}
/**
 * JavaScript and TypeScript methods:
 * `/^[ \t]+(?:(?:static|…|abstract)[ \t]+)*([A-Za-z_$][\w$]*)[ \t]*(?:<[^>\n]*>)?\([^)\n]*\)?[^;\n]*\{[ \t]*$/gm`.
 * The modifiers are read as the expression would try them (all it can take, then one fewer), and the
 * rest of the line is checked once per try: it holds a `{` ending the line (blanks aside) before any `;`
 * that follows the first `)`.
 */
const JS_MODIFIERS = new Set([
    'static',
    'async',
    'get',
    'set',
    'public',
    'private',
    'protected',
    'readonly',
    'override',
    'abstract',
]);
const isJsIdentStart = (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
const isJsIdentChar = (c) => isJsIdentStart(c) || (c >= 48 && c <= 57);
/**
 * Whether `[^)\n]*\)?[^;\n]*\{[ \t]*$` matches at `q`, and where: it does when a `{` ending a line (blanks
 * aside) lies before the `\n` after `q` and before any `;` that follows the first `)` after `q`; the
 * expression takes the last such `{`. The positions asked about grow (one per line at most), so a search
 * for the next `\n`, `)` or `;` is reused until it is passed.
 */
class JsMethodTails {
    text;
    /** Per character: the last search's start and what it found. */
    found = new Map();
    /** Every `{` followed by blanks and the end of a line, in order (found once, when first needed). */
    braces;
    constructor(text) {
        this.text = text;
    }
    /** The first `ch` at or after `from` (text.length: none). */
    next(ch, from) {
        const f = this.found.get(ch);
        if (f && f[0] <= from && from <= f[1])
            return f[1];
        let at = this.text.indexOf(ch, from);
        if (at < 0)
            at = this.text.length;
        this.found.set(ch, [from, at]);
        return at;
    }
    /** Where the match ends, or -1. */
    end(q) {
        const text = this.text;
        const nl = this.next('\n', q);
        const paren = this.next(')', q);
        let limit = nl;
        if (paren < nl) {
            const semi = this.next(';', paren + 1);
            if (semi < nl)
                limit = semi;
        }
        if (!this.braces) {
            this.braces = [];
            for (let b = text.indexOf('{'); b >= 0; b = text.indexOf('{', b + 1)) {
                let k = b + 1;
                while (isBlank(text.charCodeAt(k)))
                    k++;
                if (isLineEnd(text.charCodeAt(k)))
                    this.braces.push(b);
            }
        }
        // The last brace before the limit.
        let lo = 0;
        let hi = this.braces.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.braces[mid] < limit)
                lo = mid + 1;
            else
                hi = mid;
        }
        const b = lo > 0 ? this.braces[lo - 1] : -1;
        if (b < q)
            return -1;
        let k = b + 1;
        while (isBlank(text.charCodeAt(k)))
            k++;
        return k;
    }
}
function jsMethods(text) {
    const out = [];
    const tails = new JsMethodTails(text);
    let resume = 0;
    for (let start = 0; start < text.length;) {
        const next = nextLineStart(text, start);
        if (start >= resume) {
            const m = jsMethodAt(text, start, tails);
            if (m) {
                out.push({ at: start, name: m.name });
                resume = m.end;
            }
        }
        start = next;
    }
    return out;
}
/** The position after the line terminator that ends the line at `i` (where `^` matches next). */
function nextLineStart(text, i) {
    for (; i < text.length; i++)
        if (isLineEnd(text.charCodeAt(i)))
            return i + 1;
    return text.length;
}
function jsMethodAt(text, start, tails) {
    let i = start;
    while (isBlank(text.charCodeAt(i)))
        i++;
    if (i === start)
        return undefined;
    // Words each followed by blanks, as many as are modifiers: the positions the name may start at.
    const starts = [i];
    for (;;) {
        let j = i;
        while (j < text.length && isJsIdentChar(text.charCodeAt(j)))
            j++;
        if (!JS_MODIFIERS.has(text.slice(i, j)) || !isBlank(text.charCodeAt(j)))
            break;
        while (isBlank(text.charCodeAt(j)))
            j++;
        i = j;
        starts.push(i);
    }
    for (let t = starts.length - 1; t >= 0; t--) {
        const s = starts[t];
        if (!isJsIdentStart(text.charCodeAt(s)))
            continue;
        let j = s + 1;
        while (j < text.length && isJsIdentChar(text.charCodeAt(j)))
            j++;
        const name = text.slice(s, j);
        while (isBlank(text.charCodeAt(j)))
            j++;
        if (text.charCodeAt(j) === 60) {
            // <
            let k = j + 1;
            while (k < text.length && text.charCodeAt(k) !== 62 && text.charCodeAt(k) !== 10)
                k++;
            if (text.charCodeAt(k) === 62)
                j = k + 1;
        }
        if (text.charCodeAt(j) !== 40)
            continue; // (
        const end = tails.end(j + 1);
        if (end >= 0)
            return { name, end };
    }
    return undefined;
}
/**
 * Go functions and methods: `/^func[ \t]+(?:\([^)]*\)[ \t]*)?([A-Za-z_]\w*)/gm`. The receiver runs to the
 * next `)`, which is looked for once for all the `func (` before it (a file of `func (` lines without
 * one would have each of them read the rest of the file).
 */
const GO_FUNC = /^func[ \t]+/gm;
function goFuncs(text) {
    const out = [];
    let paren = -1; // the first `)` at or after the last position asked about, or text.length: none
    let resume = 0;
    for (const m of text.matchAll(GO_FUNC)) {
        if (m.index < resume)
            continue;
        let i = m.index + m[0].length;
        if (text.charCodeAt(i) === 40) {
            // (
            if (paren < i + 1) {
                paren = text.indexOf(')', i + 1);
                if (paren < 0)
                    paren = text.length;
            }
            if (paren === text.length)
                continue;
            i = paren + 1;
            while (isBlank(text.charCodeAt(i)))
                i++;
        }
        const c = text.charCodeAt(i);
        if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95))
            continue;
        let j = i + 1;
        while (isWordChar(text.charCodeAt(j)))
            j++;
        out.push({ at: m.index, name: text.slice(i, j) });
        resume = j;
    }
    return out;
}
/**
 * Matches of `head`, then of `tail` (sticky) right after it or, when a `<` follows the head, after the
 * `>` closing what `<[^>]*>` would take: the first `>` after it, looked for once for all the heads before
 * it. `afterAngle` is the tail after such a group. Matches do not overlap, as with `matchAll`.
 */
function withAngles(text, head, tail, afterAngle) {
    return scanPastGroup(text, head, '<', '>', tail, afterAngle);
}
/**
 * Matches of `head`, each followed by `tail` (sticky) right after it — or, where `open` follows the head,
 * by `after` from just past the first `close` after it, as `open[^close]*close` would take it. That
 * `close` is looked for once for all the heads before it, so the scan is linear in the text where a
 * regular expression with such a group backtracks over every head. Matches do not overlap, as with
 * `matchAll`; each gives the head's index and the tail's first group.
 */
function scanPastGroup(text, head, open, close, tail, after) {
    const out = [];
    let closeAt = -1; // the first `close` at or after the last position asked about, or text.length: none
    let resume = 0;
    for (const m of text.matchAll(head)) {
        if (m.index < resume)
            continue;
        let i = m.index + m[0].length;
        let re = tail;
        if (text.startsWith(open, i)) {
            const from = i + open.length;
            if (closeAt < from) {
                closeAt = text.indexOf(close, from);
                if (closeAt < 0)
                    closeAt = text.length;
            }
            if (closeAt === text.length)
                continue;
            i = closeAt + 1;
            re = after;
        }
        re.lastIndex = i;
        const t = re.exec(text);
        if (!t)
            continue;
        out.push({ at: m.index, name: t[1] });
        resume = re.lastIndex;
    }
    return out;
}
/** Rust impls: `/^[ \t]*impl(?:<[^>]*>)?[ \t]+(?:[\w:]+[ \t]+for[ \t]+)?([A-Za-z_]\w*)/gm`. */
const RUST_IMPL = /^[ \t]*impl/gm;
const RUST_IMPL_TAIL = /[ \t]+(?:[\w:]+[ \t]+for[ \t]+)?([A-Za-z_]\w*)/y;
const rustImpls = (text) => withAngles(text, RUST_IMPL, RUST_IMPL_TAIL, RUST_IMPL_TAIL);
/** Kotlin functions: `/\bfun[ \t]+(?:<[^>]*>[ \t]*)?(?:[\w.]+\.)?([A-Za-z_]\w*)/g`. */
const KOTLIN_FUN = /\bfun[ \t]+/g;
const KOTLIN_FUN_TAIL = /(?:[\w.]+\.)?([A-Za-z_]\w*)/y;
const KOTLIN_FUN_AFTER_ANGLE = /[ \t]*(?:[\w.]+\.)?([A-Za-z_]\w*)/y;
const kotlinFuns = (text) => withAngles(text, KOTLIN_FUN, KOTLIN_FUN_TAIL, KOTLIN_FUN_AFTER_ANGLE);
const PATTERNS = {
    python: [
        /^[ \t]*(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)/gm,
        /^[ \t]*class[ \t]+([A-Za-z_]\w*)/gm,
        /^([A-Z][A-Z0-9_]{2,})[ \t]*(?::[^=\n]+)?=/gm,
    ],
    javascript: [
        // `(?:[ \t]*\*)?[ \t]*`, not `[ \t]*\*?[ \t]*`: the same text, without trying every split of a long
        // run of blanks between two stars that may or may not be there.
        /\bfunction\b(?:[ \t]*\*)?[ \t]*([A-Za-z_$][\w$]*)/g,
        /\bclass[ \t]+([A-Za-z_$][\w$]*)/g,
        /^[ \t]*(?:export[ \t]+)?(?:const|let|var)[ \t]+([A-Za-z_$][\w$]*)[ \t]*(?::[^=\n]+)?=[ \t]*(?:async[ \t]*)?(?:function|class|\(|[A-Za-z_$][\w$]*[ \t]*=>|[A-Za-z_$][\w$.]*\()/gm,
        jsMethods,
    ],
    typescript: [
        /\b(?:interface|type|enum|namespace)[ \t]+([A-Za-z_$][\w$]*)/g,
        /^[ \t]*(?:export[ \t]+)?(?:declare[ \t]+)?function[ \t]+([A-Za-z_$][\w$]*)/gm,
    ],
    go: [goFuncs, /^(?:type[ \t]+|[ \t]+)([A-Za-z_]\w*)[ \t]+(?:struct|interface)\b/gm],
    java: [/\b(?:class|interface|enum|record|@interface)[ \t]+([A-Za-z_]\w*)/g, javaMembers],
    rust: [/\b(?:fn|struct|enum|trait|mod|type|union|macro_rules!)[ \t]+([A-Za-z_]\w*)/g, rustImpls],
    generic: [
        /\b(?:def|function|func|fn|class|struct|interface|trait|module|enum|object|sub)[ \t]+([A-Za-z_$][\w$]*)/g,
    ],
};
PATTERNS.typescript = [...PATTERNS.javascript, ...PATTERNS.typescript];
PATTERNS.tsx = PATTERNS.typescript;
PATTERNS.kotlin = [...PATTERNS.java, kotlinFuns, /\bobject[ \t]+([A-Za-z_]\w*)/g];
const NOT_NAMES = new Set([
    'if',
    'for',
    'while',
    'switch',
    'catch',
    'return',
    'function',
    'constructor',
    'super',
    'new',
    'else',
]);
/** Names defined in a file (deduplicated, in order of appearance, at most 2,000). */
function findDefinitions(lang, text) {
    const patterns = (lang && PATTERNS[lang]) || PATTERNS.generic;
    const found = [];
    for (const re of patterns) {
        if (typeof re === 'function') {
            for (const f of re(text))
                if (!NOT_NAMES.has(f.name))
                    found.push(f);
            continue;
        }
        re.lastIndex = 0;
        for (const m of text.matchAll(re)) {
            const name = m[1];
            if (!NOT_NAMES.has(name))
                found.push({ at: m.index ?? 0, name });
        }
    }
    return found.sort((a, b) => a.at - b.at);
}
/**
 * An outline from the definition scan: each definition runs to the line before the next one. The
 * stand-in for tree-sitter on very large files, where parsing costs more than it is worth.
 */
function outlineByScan(lang, text) {
    const found = findDefinitions(lang, text);
    const offsets = (0, lines_js_1.lineStarts)(text);
    const lineOf = (at) => (0, lines_js_1.lineOfOffset)(offsets, at);
    const starts = [];
    for (const f of found) {
        const line = lineOf(f.at + (text[f.at] === '\n' ? 1 : 0));
        if (!starts.length || starts[starts.length - 1].line !== line)
            starts.push({ name: f.name, line });
    }
    return starts.map((s, i) => ({
        name: s.name,
        kind: 'definition',
        startLine: s.line,
        endLine: i + 1 < starts.length ? Math.max(s.line, starts[i + 1].line - 1) : offsets.length,
    }));
}
function scanDefinitions(lang, text) {
    const found = findDefinitions(lang, text);
    const out = [];
    const seen = new Set();
    for (const f of found) {
        if (seen.has(f.name))
            continue;
        seen.add(f.name);
        out.push(f.name);
        if (out.length >= 2000)
            break;
    }
    return out;
}


/***/ }),

/***/ 3071:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.LANGUAGE_BY_EXT = void 0;
exports.extensionOf = extensionOf;
exports.languageOf = languageOf;
exports.isTestPath = isTestPath;
exports.kindOf = kindOf;
exports.displayPath = displayPath;
exports.pathSkipReason = pathSkipReason;
exports.contentSkipReason = contentSkipReason;
exports.gitBlobId = gitBlobId;
exports.listCandidates = listCandidates;
exports.readCandidate = readCandidate;
exports.readRegular = readRegular;
exports.decodeText = decodeText;
/**
 * Which files of a repository are worth indexing, and what they are. The list comes from git
 * (`ls-files`), so `.gitignore` is respected; vendored trees, lock files, binaries, minified and generated
 * files are left out with a note saying why.
 */
const node_crypto_1 = __webpack_require__(7598);
const node_fs_1 = __webpack_require__(3024);
const node_os_1 = __webpack_require__(8161);
const node_path_1 = __webpack_require__(6760);
const errors_js_1 = __webpack_require__(3916);
const chars_js_1 = __webpack_require__(5153);
const git_js_1 = __webpack_require__(308);
const fs_js_1 = __webpack_require__(1917);
/** Folder names whose contents are third-party, generated or build output. */
const VENDORED_DIRS = new Set([
    'node_modules',
    'bower_components',
    'jspm_packages',
    'vendor',
    'vendors',
    'third_party',
    'third-party',
    'thirdparty',
    'external',
    'dist',
    'build',
    'out',
    'target',
    'coverage',
    '.next',
    '.nuxt',
    '.svelte-kit',
    '.turbo',
    '.cache',
    '__pycache__',
    '.venv',
    'venv',
    'site-packages',
    '.tox',
    '.mypy_cache',
    '.pytest_cache',
    '.git',
    '.guardian',
    '__snapshots__',
]);
const LOCK_FILES = new Set([
    'package-lock.json',
    'npm-shrinkwrap.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'bun.lockb',
    'bun.lock',
    'poetry.lock',
    'pdm.lock',
    'uv.lock',
    'Pipfile.lock',
    'Cargo.lock',
    'Gemfile.lock',
    'composer.lock',
    'go.sum',
    'mix.lock',
    'pubspec.lock',
    'packages.lock.json',
    'flake.lock',
]);
const BINARY_EXT = new Set(('png jpg jpeg gif bmp ico icns webp avif tif tiff psd svgz pdf zip gz tgz bz2 xz 7z rar tar jar war ear ' +
    'class pyc pyo so dylib dll exe bin obj o a lib wasm woff woff2 ttf otf eot mp3 mp4 m4a wav ogg flac avi mov ' +
    'mkv webm sqlite sqlite3 db pkl npy npz h5 parquet onnx pt pth ckpt gguf safetensors keystore p12 pfx der').split(' '));
exports.LANGUAGE_BY_EXT = {
    py: 'python',
    pyi: 'python',
    ts: 'typescript',
    mts: 'typescript',
    cts: 'typescript',
    tsx: 'tsx',
    js: 'javascript',
    mjs: 'javascript',
    cjs: 'javascript',
    jsx: 'javascript',
    go: 'go',
    java: 'java',
    rs: 'rust',
    rb: 'ruby',
    c: 'c',
    h: 'c',
    cc: 'cpp',
    cpp: 'cpp',
    cxx: 'cpp',
    hpp: 'cpp',
    hh: 'cpp',
    cs: 'c_sharp',
    php: 'php',
    kt: 'kotlin',
    kts: 'kotlin',
    swift: 'swift',
    scala: 'scala',
    lua: 'lua',
    sh: 'bash',
    bash: 'bash',
    ex: 'elixir',
    exs: 'elixir',
    dart: 'dart',
    vue: 'vue',
    zig: 'zig',
};
const SOURCE_EXT = new Set([
    ...Object.keys(exports.LANGUAGE_BY_EXT),
    'svelte',
    'sql',
    'pyx',
    'pxd',
    'm',
    'mm',
    'r',
    'jl',
    'pl',
    'pm',
    'ps1',
    'clj',
    'hs',
    'ml',
    'erl',
    'fs',
    'groovy',
]);
const DOC_EXT = new Set(['md', 'mdx', 'rst', 'txt', 'adoc', 'asciidoc']);
const CONFIG_EXT = new Set([
    'json',
    'jsonc',
    'json5',
    'yaml',
    'yml',
    'toml',
    'ini',
    'cfg',
    'conf',
    'xml',
    'properties',
    'gradle',
    'env',
]);
function extensionOf(path) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const dot = name.lastIndexOf('.');
    return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
function languageOf(path) {
    return exports.LANGUAGE_BY_EXT[extensionOf(path)];
}
const TEST_DIR = /(^|\/)(tests?|__tests__|__test__|spec|specs|testing|test_?data|fixtures?|e2e|integration[-_]tests?)\//i;
const TEST_NAME = /(^|\/)(test_[^/]*|[^/]*_test\.[a-z]+|[^/]*_tests\.[a-z]+|[^/]*\.(test|spec|tests|e2e|test-d)\.[a-z]+|[^/]*Tests?\.(java|kt|cs|scala|swift)|conftest\.py)$/;
function isTestPath(path) {
    return TEST_DIR.test(path) || TEST_NAME.test(path);
}
/** Code that configures tools rather than implementing the product (packaging, bundlers, linters). */
const BUILD_CONFIG = /(^|\/)(setup\.py|noxfile\.py|fabfile\.py|manage\.py|\.?[\w-]+rc\.[cm]?js|[\w.-]+\.(config|conf)\.[cm]?[jt]s|Gruntfile\.js|gulpfile\.[cm]?js|sidebars\.js)$/;
function kindOf(path) {
    const ext = extensionOf(path);
    if (isTestPath(path) && (SOURCE_EXT.has(ext) || ext === ''))
        return 'test';
    if (BUILD_CONFIG.test(path))
        return 'config';
    if (SOURCE_EXT.has(ext))
        return /(^|\/)(docs?|documentation)\//.test(path) ? 'doc' : 'source';
    if (DOC_EXT.has(ext))
        return 'doc';
    if (CONFIG_EXT.has(ext))
        return 'config';
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (/^(Dockerfile|Makefile|Rakefile|Gemfile|Procfile|Justfile)$/.test(name))
        return 'config';
    return 'other';
}
/** A path for notes and messages: control characters shown as `\u000a` escapes, never raw. */
function displayPath(path) {
    return (0, chars_js_1.replaceControlChars)(path, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** Why a path is left out before its content is read, or undefined to keep it. */
function pathSkipReason(path) {
    // A line break or other control character in a name is an accident or an attack: such a path cannot be
    // cited as `path:line`, and quoted into a bundle it would start a line of its own in the prompt.
    if ((0, chars_js_1.hasControlChar)(path))
        return 'control character in the name';
    const parts = path.split('/');
    for (let i = 0; i < parts.length - 1; i++) {
        if (VENDORED_DIRS.has(parts[i]))
            return `vendored or build folder '${parts.slice(0, i + 1).join('/')}'`;
    }
    const name = parts[parts.length - 1];
    if (LOCK_FILES.has(name))
        return 'lock file';
    const ext = extensionOf(name);
    if (BINARY_EXT.has(ext))
        return 'binary file type';
    if (/\.min\.(js|css|mjs)$/.test(name) || /[.-]bundle\.js$/.test(name))
        return 'minified file';
    if (/(_pb2(_grpc)?\.py|\.pb\.go|\.pb\.(cc|h)|_pb\.(js|ts)|\.g\.dart|\.generated\.[a-z]+|\.snap|\.map)$/.test(name)) {
        return 'generated file';
    }
    return undefined;
}
/**
 * A generator's notice in a file's first lines: `@generated`, `DO NOT EDIT`, `auto-generated`, or a file
 * or code said to be generated by/from something ("Code generated by protoc-gen-go", "This file was
 * automatically generated from schema.json"). Prose that merely uses the words — a docstring about
 * "the grammar tables generated by pgen" — is not one: such a file is hand-written code.
 */
const GENERATED_HEADER = /@generated\b|\bDO NOT EDIT\b|\bauto-?generated\b|\bautomatically generated\b|\b(?:file|code|module|source|class)\s+(?:(?:is|was|has been|were)\s+)?(?:automatically\s+|auto\s+)?generated\s+(?:by|from|with|using)\b|^\W*generated\s+(?:by|from|with)\b/im;
/** Why a file's content disqualifies it (binary, minified, generated), or undefined. */
function contentSkipReason(buf, path) {
    const head = buf.subarray(0, 8192);
    if (head.includes(0)) {
        // UTF-16 text (a byte-order mark, then NUL bytes in every ASCII character) is text, just not UTF-8.
        const bom = buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff));
        return bom ? 'UTF-16 text (only UTF-8 is read)' : 'binary content';
    }
    const text = head.toString('utf8');
    const firstLines = text.split('\n', 6).join('\n');
    if (GENERATED_HEADER.test(firstLines) && !/\bnot\s+@?generated\b/i.test(firstLines)) {
        return 'generated file (header says so)';
    }
    // Minified: very long lines. Source files may have a few long lines (data tables), so look at the average.
    let lines = 0;
    let long = 0;
    for (let pos = 0; pos < buf.length;) {
        let nl = buf.indexOf(10, pos);
        if (nl < 0)
            nl = buf.length;
        if (nl - pos > 1000)
            long++;
        lines++;
        pos = nl + 1;
    }
    if (long > 0 && (buf.length / Math.max(1, lines) > 300 || long / lines > 0.2))
        return 'minified (very long lines)';
    if (kindOf(path) === 'config' && /\.json$/.test(path) && buf.length > 100_000)
        return 'large data file';
    return undefined;
}
/** Git's blob id for content (what `git hash-object` prints). */
function gitBlobId(buf) {
    return (0, node_crypto_1.createHash)('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex');
}
function splitZ(s) {
    return s.split('\0').filter(Boolean);
}
/**
 * Lists candidate files: tracked and untracked-but-not-ignored, in one `git ls-files` call. Whether a
 * tracked file is modified is not asked of git: `ls-files -m` re-hashes every "racily clean" file (all
 * of them, just after a checkout) on every call. The indexer checks modification itself, against the
 * size and mtime it recorded when it last read each file.
 */
function listCandidates(root) {
    const notes = [];
    linkedDirs.clear(); // a new listing: folders are looked at again
    // One spawn fewer than asking first: a failing ls-files means "not a repository" (walk instead).
    // `-t` tags each line: "H <mode> <blob> <stage>\t<path>" for tracked files, "? <path>" for untracked
    // (the mode tells symlinks and submodules).
    const ls = (0, git_js_1.execGit)(['-c', 'core.quotepath=off', 'ls-files', '-z', '-t', '-s', '--cached', '--others', '--exclude-standard'], { cwd: root, allowFailure: true });
    if (ls.code !== 0) {
        if ((0, git_js_1.isGitRepo)(root))
            throw new errors_js_1.GuardianError(`git ls-files failed in ${root}: ${ls.stderr.trim()}`);
        return walkCandidates(root);
    }
    const byPath = new Map();
    for (const entry of splitZ(ls.stdout)) {
        if (entry.startsWith('? ')) {
            const path = entry.slice(2);
            // git lists an untracked folder holding a repository of its own as `name/`.
            if (path.endsWith('/'))
                byPath.set(path, { path, symlink: false, skip: 'a nested git repository (not indexed)' });
            else
                byPath.set(path, { path, symlink: false });
            continue;
        }
        const tab = entry.indexOf('\t');
        if (tab < 0)
            continue;
        const mode = entry.slice(0, tab).split(' ')[1];
        const path = entry.slice(tab + 1);
        if (byPath.has(path))
            continue;
        if (mode === '160000')
            byPath.set(path, { path, symlink: false, skip: 'a submodule (not indexed)' });
        else if (entry.startsWith('S '))
            // skip-worktree: outside a sparse checkout, so not in the work tree
            byPath.set(path, { path, symlink: false, skip: 'not checked out (sparse checkout)' });
        else
            byPath.set(path, { path, symlink: mode === '120000' });
    }
    const files = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files, notes, git: true };
}
/**
 * Outside a git repository: git's own matcher lists the folder, against an empty repository made for the
 * purpose, so `.gitignore` files at every level are honoured exactly as git would (negations, anchors,
 * `**`), in time git's matcher takes rather than patterns × files in JavaScript. Vendored and build folders
 * are excluded on the command line, so git does not descend into them; the user's global excludes file
 * is not read (the listing depends on the folder alone). A nested repository is skipped with a note.
 */
function walkCandidates(root) {
    const notes = [`${root} is not a git repository: walking the folder (honouring .gitignore files)`];
    const gitDir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'guardian-walk-'));
    try {
        (0, git_js_1.execGit)(['init', '-q', '--bare', gitDir], { cwd: (0, node_os_1.tmpdir)() });
        const ls = (0, git_js_1.execGit)([
            `--git-dir=${gitDir}`,
            `--work-tree=${root}`,
            '-c',
            'core.quotepath=off',
            '-c',
            'core.excludesFile=/dev/null',
            'ls-files',
            '-z',
            '--others',
            '--exclude-standard',
            ...[...VENDORED_DIRS].map((d) => `--exclude=${d}/`),
        ], { cwd: root, allowFailure: true });
        if (ls.code !== 0)
            throw new errors_js_1.GuardianError(`cannot list the files of ${root}: ${ls.stderr.trim()}`);
        // git warns about folders it cannot open ("could not open directory 'a/locked/': Permission denied").
        for (const line of ls.stderr.split('\n').filter(Boolean).slice(0, 20))
            notes.push(`skipped: ${displayPath(line.replace(/^warning: /, ''))}`);
        const files = [];
        for (const path of splitZ(ls.stdout)) {
            if (path.endsWith('/'))
                notes.push(`skipped ${displayPath(path)}: a nested git repository`);
            else
                files.push({ path, symlink: false });
        }
        files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        return { files, notes, git: false };
    }
    finally {
        (0, node_fs_1.rmSync)(gitDir, { recursive: true, force: true });
    }
}
/** Reads a candidate from disk with every guard: symlinks, size, permissions. */
function readCandidate(root, c, maxBytes) {
    const abs = (0, node_path_1.join)(root, c.path);
    let st;
    try {
        st = (0, node_fs_1.lstatSync)(abs);
    }
    catch (e) {
        const code = e.code;
        // git lists names as bytes; one that is not UTF-8 comes back with U+FFFD and names no file.
        if (code === 'ENOENT' && c.path.includes('\ufffd'))
            return { ok: false, reason: 'name is not valid UTF-8' };
        if (code === 'ENOENT')
            return { ok: false, reason: 'cannot stat: ENOENT (not in the work tree: deleted?)' };
        return { ok: false, reason: `cannot stat: ${code ?? e.message}` };
    }
    if (st.isSymbolicLink() || c.symlink) {
        let target;
        try {
            target = (0, node_fs_1.realpathSync)(abs);
        }
        catch (e) {
            const code = e.code;
            return { ok: false, reason: code === 'ELOOP' ? 'symlink loop' : 'broken symlink' };
        }
        const rootReal = (0, node_fs_1.realpathSync)(root);
        if (target !== rootReal && !target.startsWith(rootReal + node_path_1.sep))
            return { ok: false, reason: 'symlink pointing outside the repository (not followed)' };
        return { ok: false, reason: 'symlink (its target is indexed on its own)' };
    }
    if (!st.isFile())
        return { ok: false, reason: 'not a regular file' };
    // Its content is shared with another file, maybe outside the repository (a link a test made).
    if (st.nlink > 1)
        return { ok: false, reason: 'a hard link to another file' };
    if (st.size > maxBytes)
        return { ok: false, reason: `larger than ${Math.round(maxBytes / 1024)} KiB` };
    // A folder on the way that is a symbolic link (git's index still lists `src/x.py` after `src` was
    // replaced by a link to another folder) would have a file outside the repository read as this one.
    const dir = c.path.includes('/') ? dirOutside(root, c.path.slice(0, c.path.lastIndexOf('/'))) : undefined;
    if (dir)
        return { ok: false, reason: `folder ${displayPath(dir)} is a symbolic link (not followed)` };
    const r = readRegular(abs, maxBytes);
    if (!r.ok)
        return r;
    return { ok: true, buf: r.buf, blob: gitBlobId(r.buf), size: r.st.size, mtimeMs: r.st.mtimeMs };
}
/**
 * The first folder of `dir` (relative to root) that is a symbolic link, or undefined. The folders of
 * one listing are looked at once each.
 */
function dirOutside(root, dir) {
    let cache = linkedDirs.get(root);
    if (!cache) {
        linkedDirs.clear();
        cache = new Map();
        linkedDirs.set(root, cache);
    }
    const known = cache.get(dir);
    if (known !== undefined)
        return known || undefined;
    const slash = dir.lastIndexOf('/');
    let found = slash > 0 ? dirOutside(root, dir.slice(0, slash)) : undefined;
    if (!found) {
        try {
            if ((0, node_fs_1.lstatSync)((0, node_path_1.join)(root, dir)).isSymbolicLink())
                found = dir;
        }
        catch {
            // gone: the file's own read reports it
        }
    }
    cache.set(dir, found ?? '');
    return found;
}
const linkedDirs = new Map();
/**
 * Reads a file that was a regular file when it was looked at, as what it is when it is opened: one
 * replaced meanwhile by a symbolic link is not followed, by a FIFO not waited on, and one grown past
 * the limit is not read whole.
 */
function readRegular(abs, maxBytes) {
    let r;
    try {
        r = (0, fs_js_1.openRegularFile)(abs, node_fs_1.constants.O_RDONLY);
    }
    catch (e) {
        return { ok: false, reason: `unreadable: ${e.code ?? e.message}` };
    }
    if ('absent' in r)
        return { ok: false, reason: 'cannot stat: ENOENT' };
    if ('not' in r)
        return { ok: false, reason: `replaced while it was read: now ${r.not}` };
    try {
        if (r.st.nlink > 1)
            return { ok: false, reason: 'a hard link to another file' };
        if (r.st.size > maxBytes)
            return { ok: false, reason: `larger than ${Math.round(maxBytes / 1024)} KiB` };
        const buf = Buffer.alloc(r.st.size + 1);
        let n = 0;
        for (let k; n < buf.length && (k = (0, node_fs_1.readSync)(r.fd, buf, n, buf.length - n, null)) > 0;)
            n += k;
        if (n > r.st.size)
            return { ok: false, reason: 'changed while it was read' };
        return { ok: true, buf: buf.subarray(0, n), st: r.st };
    }
    catch (e) {
        return { ok: false, reason: `unreadable: ${e.code ?? e.message}` };
    }
    finally {
        (0, node_fs_1.closeSync)(r.fd);
    }
}
/** Decodes UTF-8; invalid sequences become U+FFFD (reported, not fatal). */
function decodeText(buf) {
    try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), invalidUtf8: false };
    }
    catch {
        return { text: new TextDecoder('utf-8').decode(buf), invalidUtf8: true };
    }
}


/***/ }),

/***/ 8216:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.COMMIT_FIELDS = exports.LogParser = exports.MAX_COMMIT_FILES = exports.HISTORY_VERSION = void 0;
exports.headSha = headSha;
exports.referenceTerms = referenceTerms;
exports.messageTerms = messageTerms;
exports.commitIndexOptions = commitIndexOptions;
exports.storeHistory = storeHistory;
exports.restoreHistory = restoreHistory;
exports.readHistory = readHistory;
exports.openCommitIndex = openCommitIndex;
/**
 * The repository's own history before the base commit: which files each past commit touched and what
 * its message said. Messages are strong evidence of what a file is about, and files that changed
 * together tend to change together again. Only ancestors of HEAD are read, so a task's own change (not
 * committed yet, or the child of the base in a benchmark) is never visible.
 *
 * Cached as two files: `history.json` (each commit's short sha, subject and files, the paths stored
 * once in a table) and `commits.tix`, the lexical index over full messages (see termindex.ts). Both are
 * keyed by HEAD: a new HEAD reads the history again, in a child process writing to a file, so that it
 * runs while this process reads the repository's files.
 */
const git_js_1 = __webpack_require__(308);
const chars_js_1 = __webpack_require__(5153);
const termindex_js_1 = __webpack_require__(4722);
const text_js_1 = __webpack_require__(5593);
exports.HISTORY_VERSION = 7;
/** Long bodies are mostly templates and changelogs: the first few lines carry the meaning. */
const MAX_MESSAGE = 400;
const MAX_SUBJECT = 120;
/** Commits touching more files than this are bulk changes (formatting, renames): no evidence. */
exports.MAX_COMMIT_FILES = 40;
/** A string that shares no memory with the one it was cut from. */
function own(s) {
    return Buffer.from(s, 'utf8').toString('utf8');
}
/** Paths a commit can list before the rest is dropped (a bulk change is no evidence anyway). */
const MAX_NAMES_CHARS = 1 << 20;
/**
 * Parses `git log` output (see logArgs) as it is read, a chunk at a time: only the first MAX_MESSAGE
 * characters of a message are kept, so a history of multi-megabyte messages costs no more memory than
 * any other (the whole output as one string would not even fit in one).
 */
class LogParser {
    commits = [];
    messages = [];
    /** 0: before a record; 1: sha; 2: message; 3: paths. */
    field = 0;
    h = '';
    m = '';
    f = '';
    push(text) {
        let i = 0;
        while (i < text.length) {
            if (this.field === 0) {
                const rs = text.indexOf('\x1e', i);
                if (rs < 0)
                    return;
                i = rs + 1;
                this.field = 1;
                this.h = this.m = this.f = '';
                continue;
            }
            const stop = this.field === 3 ? text.indexOf('\x1e', i) : text.indexOf('\x1f', i);
            const end = stop < 0 ? text.length : stop;
            const piece = text.slice(i, end);
            if (this.field === 1)
                this.h += piece.slice(0, Math.max(0, 64 - this.h.length));
            else if (this.field === 2)
                this.m += piece.slice(0, Math.max(0, MAX_MESSAGE + 64 - this.m.length));
            else
                this.f += piece.slice(0, Math.max(0, MAX_NAMES_CHARS - this.f.length));
            if (stop < 0)
                return;
            i = stop;
            if (this.field === 3) {
                this.finish();
                this.field = 0; // the separator starts the next record
            }
            else {
                this.field++;
                i++;
            }
        }
    }
    /** Ends the output: the last record has no separator after it. */
    end() {
        if (this.field === 3)
            this.finish();
        this.field = 0;
        return { commits: this.commits, messages: this.messages };
    }
    finish() {
        // Copies: a piece of a chunk would keep the whole (megabytes) chunk alive for as long as it lives.
        const h = own(this.h.trim());
        const m = own(this.m.trim().slice(0, MAX_MESSAGE));
        const f = own(this.f)
            .split('\n')
            .map((x) => x.trim())
            .filter(Boolean);
        this.commits.push({ h, m: subjectOf(m), f });
        this.messages.push(m);
    }
}
exports.LogParser = LogParser;
/**
 * A commit's subject as evidence is shown: its first line, cut between words, with control characters
 * written out (a carriage return, an escape sequence or a bidirectional override in a message would
 * otherwise rewrite the lines around it on a terminal and in a bundle).
 */
function subjectOf(message) {
    return (0, text_js_1.cutAtWord)((0, chars_js_1.escapeControlChars)(message.split('\n', 1)[0]), MAX_SUBJECT);
}
function logArgs(range, depth) {
    return [
        '-c',
        'core.quotepath=off',
        'log',
        '--no-merges',
        '--no-renames',
        '--relative',
        `-n${depth}`,
        '--format=%x1e%h%x1f%B%x1f',
        '--name-only',
        range,
        '--',
    ];
}
/** HEAD's sha, or undefined in a repository without commits (or outside git). */
async function headSha(root) {
    const r = await (0, git_js_1.execGitAsync)(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], {
        cwd: root,
        allowFailure: true,
    });
    return r.code === 0 ? r.stdout.trim() : undefined;
}
/** References to issues and pull requests in a text (`#6415`, `gh-64`), as terms `#6415`. */
function referenceTerms(text) {
    const out = [];
    for (const m of text.matchAll(/(?:^|[^\w&#/])(?:#|gh-)(\d{2,7})\b/gi))
        out.push(`#${m[1]}`);
    return out;
}
/**
 * Terms of a task read against commit messages: its words, and each reference to an issue or pull
 * request. Numbers are otherwise dropped, but a task that names the change it follows up ("fixes two
 * regressions from #6415") points at that change's commit, and at the other commits of the same issue,
 * more precisely than any word. The references are a field of their own in the commit index, so the
 * words' scores are those of an index without them.
 */
function messageTerms(text) {
    return [...(0, text_js_1.tokenize)(text), ...referenceTerms(text)];
}
/** The commit index's fields: the message's words, its references. */
exports.COMMIT_FIELDS = ['m', 'r'];
function commitIndexOptions() {
    return {
        fields: exports.COMMIT_FIELDS,
        idField: 'i',
        autoVacuum: false,
        tokenize: messageTerms,
        processTerm: (t) => t,
        searchOptions: { prefix: false, fuzzy: false, combineWith: 'OR' },
    };
}
function storeHistory(history, depth) {
    const ids = new Map();
    const paths = [];
    const commits = history.commits.map((c) => [
        c.h,
        c.m,
        c.f.map((p) => {
            let id = ids.get(p);
            if (id === undefined) {
                id = paths.length;
                ids.set(p, id);
                paths.push(p);
            }
            return id;
        }),
    ]);
    return { version: exports.HISTORY_VERSION, depth, head: history.head, paths, commits };
}
/** A stored history back in memory, or undefined when it is not one (callers rebuild). */
function restoreHistory(v, head, depth) {
    const s = v;
    if (!s ||
        s.version !== exports.HISTORY_VERSION ||
        s.depth !== depth ||
        s.head !== head ||
        !Array.isArray(s.paths) ||
        !Array.isArray(s.commits)) {
        return undefined;
    }
    const commits = [];
    for (const c of s.commits) {
        if (!Array.isArray(c) ||
            typeof c[0] !== 'string' ||
            !/^[0-9a-f]{4,64}$/.test(c[0]) ||
            typeof c[1] !== 'string' ||
            !Array.isArray(c[2]))
            return undefined;
        const f = [];
        for (const i of c[2]) {
            const p = s.paths[i];
            if (typeof p !== 'string')
                return undefined;
            f.push(p);
        }
        // A cached subject is untrusted like the rest of the cache: shown escaped as a fresh one would be.
        commits.push({ h: c[0], m: (0, chars_js_1.hasControlChar)(c[1]) ? subjectOf(c[1]) : c[1], f });
    }
    return { head, commits };
}
/** History up to `head` (inclusive), at most `depth` commits, with its message index serialized. */
async function readHistory(root, head, depth) {
    const parser = new LogParser();
    const r = await (0, git_js_1.execGitAsync)(logArgs(head, depth), {
        cwd: root,
        allowFailure: true,
        stdoutToFile: true,
        onStdout: (text) => parser.push(text),
    });
    const { commits, messages } = r.code === 0 ? parser.end() : { commits: [], messages: [] };
    const docs = [];
    for (let i = 0; i < commits.length; i++) {
        const n = commits[i].f.length;
        if (n > 0 && n <= exports.MAX_COMMIT_FILES)
            docs.push({ id: i, fields: [(0, text_js_1.tokenize)(messages[i]), referenceTerms(messages[i])] });
    }
    const commitIndexText = (0, termindex_js_1.serializeTermIndex)(exports.COMMIT_FIELDS, docs, { head, count: commits.length });
    return { history: { head, commits }, commitIndexText };
}
/** Opens a serialized commit index if it belongs to this history. */
function openCommitIndex(text, history) {
    const ix = new termindex_js_1.TermIndex(text, commitIndexOptions());
    const meta = ix.header.meta;
    if (meta?.head !== history.head || meta.count !== history.commits.length)
        return undefined;
    // Documents are positions in the history: any other id is a damaged file, not a commit.
    for (const id of Object.values(ix.header.documentIds))
        if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= history.commits.length)
            throw new Error(`commit index names commit ${JSON.stringify(id).slice(0, 20)}, not one of the history`);
    return ix;
}


/***/ }),

/***/ 3758:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ImportResolver = void 0;
exports.extractImports = extractImports;
/**
 * The import graph: which repository files a file imports. Specifiers are extracted per language with
 * small patterns (cached with the file), then resolved against the current file list at query time.
 */
const node_path_1 = __webpack_require__(6760);
const definitions_js_1 = __webpack_require__(6474);
function extractImports(lang, text) {
    const out = new Set();
    const add = (s) => {
        if (s && s.length < 300)
            out.add(s);
    };
    switch (lang) {
        case 'python':
            for (const m of text.matchAll(/^[ \t]*from[ \t]+([.\w]+)[ \t]+import[ \t]+\(?([^\n#]*)/gm)) {
                const mod = m[1];
                add(mod);
                // `from pkg import mod` may name a sub-module.
                for (const name of m[2].split(',')) {
                    const n = name.trim().split(/\s+/)[0];
                    if (n && /^\w+$/.test(n))
                        add(`${mod}${mod.endsWith('.') ? '' : '.'}${n}`);
                }
            }
            for (const m of text.matchAll(/^[ \t]*import[ \t]+([\w., \t]+)/gm)) {
                for (const part of m[1].split(','))
                    add(part.trim().split(/\s+/)[0]);
            }
            break;
        case 'typescript':
        case 'tsx':
        case 'javascript':
            for (const spec of jsFromSpecifiers(text))
                add(spec);
            for (const m of text.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/g))
                add(m[1]);
            for (const m of text.matchAll(/\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g))
                add(m[1]);
            break;
        case 'go':
            // Only up to the last `)`: past it no block can close, and each `import (` would scan to the end.
            for (const m of text.slice(0, text.lastIndexOf(')') + 1).matchAll(/^import\s*\(([\s\S]*?)\)/gm)) {
                for (const q of m[1].matchAll(/"([^"]+)"/g))
                    add(q[1]);
            }
            for (const m of text.matchAll(/^import\s+(?:\w+\s+)?"([^"]+)"/gm))
                add(m[1]);
            break;
        case 'java':
        case 'kotlin':
            for (const m of text.matchAll(/^import\s+(?:static\s+)?([\w.]+)(?:\.\*)?;?/gm))
                add(m[1]);
            break;
        case 'rust':
            for (const name of rustStatements(text, RUST_MOD, RUST_MOD_AFTER_VISIBILITY))
                add(`mod:${name}`);
            for (const path of rustStatements(text, RUST_USE, RUST_USE_AFTER_VISIBILITY))
                add(path);
            break;
        default:
            break;
    }
    return [...out];
}
/**
 * Rust `mod` and `use` statements, as `/^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;/gm` and
 * `/^\s*(?:pub(?:\([^)]*\))?\s+)?use\s+((?:crate|super|self)(?:::\w+)+)/gm` find them, in time linear in
 * the text: blanks before a statement are read on its own line only (`^\s*` would also run over every
 * blank line below each line start, to the same statements), and the `)` closing `pub(` is looked for once
 * for all the `pub(` before it.
 */
const RUST_LINE = /^[^\S\n\r\u2028\u2029]*/gm;
const RUST_MOD = /(?:pub\s+)?mod\s+(\w+)\s*;/y;
const RUST_MOD_AFTER_VISIBILITY = /\s+mod\s+(\w+)\s*;/y;
const RUST_USE = /(?:pub\s+)?use\s+((?:crate|super|self)(?:::\w+)+)/y;
const RUST_USE_AFTER_VISIBILITY = /\s+use\s+((?:crate|super|self)(?:::\w+)+)/y;
function rustStatements(text, statement, afterVisibility) {
    return (0, definitions_js_1.scanPastGroup)(text, RUST_LINE, 'pub(', ')', statement, afterVisibility).map((f) => f.name);
}
const JS_FROM_HEAD = /(?:^|[\s;}])(?:import|export)\s/g;
const JS_STOP = /['"`;]/g;
const QUOTE = /['"]/g;
/**
 * The specifiers `/(?:^|[\s;}])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]/g` finds, in time linear
 * in the text: the statement's text runs to its first quote, backtick or `;`, which must be a quote right
 * after `from` (blanks aside). When it is not, no `import` or `export` before that character can match
 * either (they run to the same one), so the search goes on from there instead of trying each of them.
 */
function jsFromSpecifiers(text) {
    const out = [];
    for (let pos = 0; pos < text.length;) {
        JS_FROM_HEAD.lastIndex = pos;
        const head = JS_FROM_HEAD.exec(text);
        if (!head)
            break;
        const r = head.index + head[0].length;
        JS_STOP.lastIndex = r;
        const stop = JS_STOP.exec(text);
        if (!stop)
            break; // no statement can end any more
        const q = stop.index;
        let k = q;
        while (k > r && /\s/.test(text[k - 1]))
            k--;
        if (stop[0] !== ';' && stop[0] !== '`' && k - 4 >= r && text.startsWith('from', k - 4)) {
            QUOTE.lastIndex = q + 1;
            const close = QUOTE.exec(text);
            if (close && close.index > q + 1) {
                out.push(text.slice(q + 1, close.index));
                pos = close.index + 1;
                continue;
            }
        }
        // A failed statement: the next one may start at the character that ended this one (`;import`).
        pos = Math.max(q, head.index + 1);
    }
    return out;
}
const JS_EXTS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.jsx', '.mjs', '.cjs'];
/** Resolves specifiers to repository paths. Built once per query from the file list. */
class ImportResolver {
    files;
    /** Python module suffix (`a/b/c`) → files, for absolute imports from any source root. */
    pySuffix = new Map();
    javaSuffix = new Map();
    goDirs = new Map();
    /** Workspace package name → its folder (monorepos: `@trpc/server` → `packages/server`). */
    packages = new Map();
    goModule;
    constructor(paths, manifests) {
        this.files = new Set(paths);
        for (const p of paths) {
            if (p.endsWith('.py') || p.endsWith('.pyi')) {
                let mod = p.replace(/\.pyi?$/, '').replace(/\/__init__$/, '');
                // Index every suffix so `click.core` finds `src/click/core.py`.
                for (;;) {
                    const list = this.pySuffix.get(mod) ?? [];
                    if (!list.includes(p))
                        list.push(p);
                    this.pySuffix.set(mod, list);
                    const slash = mod.indexOf('/');
                    if (slash < 0)
                        break;
                    mod = mod.slice(slash + 1);
                }
            }
            else if (p.endsWith('.java') || p.endsWith('.kt')) {
                const m = p.replace(/\.(java|kt)$/, '');
                let s = m;
                for (;;) {
                    if (!this.javaSuffix.has(s))
                        this.javaSuffix.set(s, p);
                    const slash = s.indexOf('/');
                    if (slash < 0)
                        break;
                    s = s.slice(slash + 1);
                }
            }
            else if (p.endsWith('.go') && !p.endsWith('_test.go')) {
                const d = node_path_1.posix.dirname(p);
                const list = this.goDirs.get(d) ?? [];
                list.push(p);
                this.goDirs.set(d, list);
            }
        }
        for (const [dir, name] of manifests.packageJson)
            this.packages.set(name, dir);
        this.goModule = manifests.goModule;
    }
    resolve(from, lang, spec) {
        switch (lang) {
            case 'python':
                return this.python(from, spec);
            case 'typescript':
            case 'tsx':
            case 'javascript':
                return this.js(from, spec);
            case 'go':
                return this.go(spec);
            case 'java':
            case 'kotlin': {
                const hit = this.javaSuffix.get(spec.replace(/\./g, '/'));
                return hit ? [hit] : [];
            }
            case 'rust':
                return this.rust(from, spec);
            default:
                return [];
        }
    }
    python(from, spec) {
        let mod = spec;
        if (spec.startsWith('.')) {
            const dots = spec.match(/^\.+/)[0].length;
            let dir = node_path_1.posix.dirname(from);
            for (let i = 1; i < dots; i++)
                dir = node_path_1.posix.dirname(dir);
            const rest = spec.slice(dots).replace(/\./g, '/');
            const base = rest ? (dir === '.' ? rest : `${dir}/${rest}`) : dir;
            for (const c of [`${base}.py`, `${base}/__init__.py`, `${base}.pyi`])
                if (this.files.has(c))
                    return [c];
            return [];
        }
        mod = mod.replace(/\./g, '/');
        const hits = this.pySuffix.get(mod);
        if (!hits)
            return [];
        // Prefer exact full-path matches over suffix matches when several exist.
        return hits.length <= 3
            ? hits
            : hits.filter((h) => h.startsWith(mod) || h.startsWith(`src/${mod}`)).slice(0, 3);
    }
    jsFile(base) {
        if (this.files.has(base) && /\.[cm]?[jt]sx?$/.test(base))
            return base;
        const stripped = base.replace(/\.(js|jsx|mjs|cjs)$/, '');
        for (const ext of JS_EXTS)
            if (this.files.has(stripped + ext))
                return stripped + ext;
        for (const ext of JS_EXTS)
            if (this.files.has(`${base}/index${ext}`))
                return `${base}/index${ext}`;
        return undefined;
    }
    js(from, spec) {
        if (spec.startsWith('.')) {
            const hit = this.jsFile(node_path_1.posix.normalize(node_path_1.posix.join(node_path_1.posix.dirname(from), spec)));
            return hit ? [hit] : [];
        }
        // Workspace package (monorepo) imports.
        const parts = spec.split('/');
        const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
        const dir = this.packages.get(name);
        if (dir === undefined)
            return [];
        const sub = parts.slice(spec.startsWith('@') ? 2 : 1).join('/');
        const prefix = dir === '' ? '' : `${dir}/`;
        const tries = sub
            ? [`${prefix}src/${sub}`, `${prefix}${sub}`, `${prefix}src/${sub}/index`]
            : [`${prefix}src/index`, `${prefix}index`, `${prefix}src/main`];
        for (const t of tries) {
            const hit = this.jsFile(t);
            if (hit)
                return [hit];
        }
        return [];
    }
    go(spec) {
        if (this.goModule && (spec === this.goModule || spec.startsWith(`${this.goModule}/`))) {
            const dir = spec === this.goModule ? '.' : spec.slice(this.goModule.length + 1);
            return (this.goDirs.get(dir) ?? []).slice(0, 20);
        }
        return [];
    }
    rust(from, spec) {
        const dir = node_path_1.posix.dirname(from);
        if (spec.startsWith('mod:')) {
            const m = spec.slice(4);
            const base = /(^|\/)(main|lib|mod)\.rs$/.test(from) ? dir : `${dir}/${node_path_1.posix.basename(from, '.rs')}`;
            for (const c of [`${base}/${m}.rs`, `${base}/${m}/mod.rs`]) {
                const n = node_path_1.posix.normalize(c);
                if (this.files.has(n))
                    return [n];
            }
            return [];
        }
        const parts = spec.split('::');
        let base;
        if (parts[0] === 'crate') {
            const srcIdx = from.lastIndexOf('src/');
            base = srcIdx >= 0 ? from.slice(0, srcIdx + 3) : 'src';
        }
        else
            base = dir;
        const segs = parts.slice(1);
        for (let n = segs.length; n > 0; n--) {
            const p = node_path_1.posix.normalize(`${base}/${segs.slice(0, n).join('/')}`);
            for (const c of [`${p}.rs`, `${p}/mod.rs`])
                if (this.files.has(c))
                    return [c];
        }
        return [];
    }
}
exports.ImportResolver = ImportResolver;


/***/ }),

/***/ 1276:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.WEIGHTS = exports.GRAMMARS = exports.indexRepository = void 0;
exports.searchIndex = searchIndex;
exports.searchRepository = searchRepository;
/**
 * Code search: which files of a repository a task is about, each with its best symbols and the reasons
 * it was chosen. Works offline; an embeddings endpoint, when configured, only re-orders the head.
 */
const node_path_1 = __webpack_require__(6760);
const errors_js_1 = __webpack_require__(3916);
const log_js_1 = __webpack_require__(9906);
const chunks_js_1 = __webpack_require__(8428);
const indexer_js_1 = __webpack_require__(959);
const rank_js_1 = __webpack_require__(8388);
const termindex_js_1 = __webpack_require__(4722);
var indexer_js_2 = __webpack_require__(959);
Object.defineProperty(exports, "indexRepository", ({ enumerable: true, get: function () { return indexer_js_2.indexRepository; } }));
var symbols_js_1 = __webpack_require__(4157);
Object.defineProperty(exports, "GRAMMARS", ({ enumerable: true, get: function () { return symbols_js_1.GRAMMARS; } }));
var rank_js_2 = __webpack_require__(8388);
Object.defineProperty(exports, "WEIGHTS", ({ enumerable: true, get: function () { return rank_js_2.WEIGHTS; } }));
/** Searches a prepared index (lets a host run several queries over one index). */
async function searchIndex(index, opts) {
    const top = opts.top ?? 10;
    const cacheDir = opts.cacheDir ?? (0, node_path_1.join)(index.root, '.guardian', 'index');
    const c0 = process.cpuUsage();
    const ranked = (0, rank_js_1.rankFiles)({
        index,
        query: opts.query,
        top: Math.max(top, opts.embeddings ? 30 : top),
        ...(opts.embeddings ? { minPool: 30 } : {}),
        ...(opts.weights ? { weights: opts.weights } : {}),
        hints: opts.hints,
    });
    const notes = [...ranked.notes];
    let files = ranked.files;
    if (opts.embeddings && files.length > 1) {
        // Loaded only when configured: the HTTP client is a large module.
        const { rerankWithEmbeddings } = await Promise.all(/* import() */[__webpack_require__.e(583), __webpack_require__.e(156), __webpack_require__.e(188)]).then(__webpack_require__.t.bind(__webpack_require__, 8188, 23));
        const rr = await rerankWithEmbeddings({
            index,
            query: opts.query,
            pool: files.map((f) => ({ path: f.path, score: f.score })),
            config: opts.embeddings,
            cacheDir,
        });
        if (rr.note) {
            notes.push(rr.note);
            files = files.filter((f) => f.score > 0); // drop the padding offered to the re-ranker
        }
        else {
            const byPath = new Map(files.map((f) => [f.path, f]));
            files = rr.pool.map((p) => {
                const f = byPath.get(p.path);
                const reasons = p.similarity !== undefined
                    ? [...f.reasons, `embeddings: similarity ${p.similarity.toFixed(3)}`]
                    : f.reasons;
                return { ...f, score: Math.round(p.score * 10000) / 10000, reasons };
            });
        }
    }
    files = files.slice(0, top);
    // Best symbols: tree-sitter chunks of the returned files (parsed once per content, cached).
    const c1 = process.cpuUsage(c0);
    const store = new chunks_js_1.ChunkStore(index, cacheDir, opts.wasmDir);
    for (const f of files.slice(0, opts.symbolFiles ?? files.length))
        f.symbols = ranked.scoreChunks(await store.chunksOf(f.path));
    store.save();
    const c2 = process.cpuUsage(c0);
    const ms = (c) => Math.round((c.user + c.system) / 1000);
    opts.log?.debug(`search CPU: rank ${ms(c1)}ms, rank+chunks ${ms(c2)}ms (${store.parsed} parsed)`);
    notes.push(...store.notes);
    return { files, notes, parsedFiles: store.parsed };
}
async function searchRepository(opts) {
    const started = performance.now();
    if (!opts.query.trim())
        throw new errors_js_1.GuardianError('search: the query is empty');
    if (opts.top !== undefined && (!Number.isInteger(opts.top) || opts.top < 1)) {
        throw new errors_js_1.GuardianError(`search: top must be a positive integer, got ${opts.top}`);
    }
    const log = opts.log ?? log_js_1.silentLogger;
    let index = await (0, indexer_js_1.indexRepository)(opts);
    let res;
    try {
        res = await searchIndex(index, opts);
    }
    catch (e) {
        if (!(e instanceof termindex_js_1.CorruptIndexError))
            throw e;
        // Postings are checked only as a query reads them: a damaged line is found here, after the index
        // was opened. The lexical and commit indexes are rebuilt (from terms.json and git) and the search
        // runs again on them.
        const cacheDir = opts.cacheDir ?? (0, node_path_1.join)(opts.root, '.guardian', 'index');
        index = await (0, indexer_js_1.indexRepository)(opts, { rebuildIndexes: true });
        index.notes.unshift(`index cache in ${cacheDir} is damaged (${e.message}): rebuilt`);
        res = await searchIndex(index, opts);
    }
    for (const n of [...index.notes, ...res.notes])
        log.debug(n);
    return {
        files: res.files,
        notes: [...index.notes, ...res.notes],
        stats: { ...index.stats, parsedFiles: res.parsedFiles, tookMs: Math.round(performance.now() - started) },
    };
}


/***/ }),

/***/ 959:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.INDEX_VERSION = void 0;
exports.lexicalOptions = lexicalOptions;
exports.isBlobRecord = isBlobRecord;
exports.statSettled = statSettled;
exports.indexRepository = indexRepository;
/**
 * Builds (or updates) the repository index: one record per file content (keyed by git blob id), the
 * lexical engine over path, symbol names and content, and the history. Everything lives under
 * `.guardian/index/`; a warm run reads only the files whose content changed. A cache that cannot be
 * read is rebuilt with a note, never trusted and never fatal.
 *
 * Cache files: `blobs.json` (per blob: line count, defined names, imports, or why it is skipped; plus,
 * per path, the size and mtime the file had when it was read), `terms.json` (per blob: its content terms, read only when the
 * lexical index must be rebuilt), `lexical.tix` (the lexical index, term by term: see termindex.ts),
 * `history.json` and `commits.tix` (see history.ts), `chunks.json` (symbol chunks: see chunks.ts).
 */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const log_js_1 = __webpack_require__(9906);
const cachefile_js_1 = __webpack_require__(9396);
const fs_js_1 = __webpack_require__(1917);
const files_js_1 = __webpack_require__(3071);
const history_js_1 = __webpack_require__(8216);
const imports_js_1 = __webpack_require__(3758);
const definitions_js_1 = __webpack_require__(6474);
const termindex_js_1 = __webpack_require__(4722);
const text_js_1 = __webpack_require__(5593);
exports.INDEX_VERSION = 7;
const MAX_TOKENS_PER_FILE = 40_000;
const TF_CAP = 3;
const LEXICAL_FIELDS = ['path', 'symbols', 'content'];
function lexicalOptions() {
    return {
        fields: LEXICAL_FIELDS,
        idField: 'id',
        autoVacuum: false,
        // Documents are indexed as term arrays (see termindex.ts); queries use the full tokenizer below.
        tokenize: (terms) => terms,
        processTerm: (term) => term,
        searchOptions: {
            tokenize: (text) => (0, text_js_1.queryTerms)(text),
            processTerm: (term) => term,
            prefix: false,
            fuzzy: false,
            combineWith: 'OR',
            boost: { path: 3, symbols: 2, content: 1 },
        },
    };
}
/** A cache file's text, or undefined (with a note when it exists but cannot be trusted). */
function readText(path, notes, what) {
    const r = (0, cachefile_js_1.readCacheFile)(path);
    if ('text' in r)
        return r.text;
    if ('problem' in r)
        notes.push(`${what} cache at ${path} is unreadable (${r.problem}): rebuilt`);
    return undefined;
}
function readJson(path, notes, what) {
    const text = readText(path, notes, what);
    if (text === undefined)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch (e) {
        notes.push(`${what} cache at ${path} is unreadable (${e.message.slice(0, 80)}): rebuilt`);
        (0, node_fs_1.rmSync)(path, { force: true });
        return undefined;
    }
}
const isStringArray = (v) => Array.isArray(v) && v.every((x) => typeof x === 'string');
/** Whether a cached blob record has the shape the indexer writes (anything else is read again). */
function isBlobRecord(r) {
    if (!(0, cachefile_js_1.isObject)(r))
        return false;
    if (r.s !== undefined)
        return typeof r.s === 'string' && r.s !== '';
    return (typeof r.n === 'number' &&
        Number.isSafeInteger(r.n) &&
        r.n >= 0 &&
        isStringArray(r.d) &&
        isStringArray(r.i) &&
        (r.u === undefined || r.u === 1) &&
        (r.pk === undefined || typeof r.pk === 'string'));
}
function isRecordMap(v) {
    // Each record is checked when it is used (see isBlobRecord).
    return (0, cachefile_js_1.isObject)(v);
}
/** A cached [size, mtime, blob] entry, or undefined when it is not one. */
function statEntry(v) {
    return Array.isArray(v) &&
        v.length === 3 &&
        typeof v[0] === 'number' &&
        typeof v[1] === 'number' &&
        typeof v[2] === 'string' &&
        /^[0-9a-f]{40}$/.test(v[2])
        ? v
        : undefined;
}
function isStatMap(v) {
    return (0, cachefile_js_1.isObject)(v);
}
function isStringMap(v) {
    // Values are checked when used (a term list that is not a string is rebuilt).
    return (0, cachefile_js_1.isObject)(v);
}
/**
 * Whether a file's size and mtime, seen at `seenAt`, can vouch for its content next time. A write in the
 * same timestamp tick as the one we saw would leave both unchanged (git's "racily clean" problem), so a
 * file modified less than a tick before we read it is read again next time. File times come from a
 * clock with a tick of a few milliseconds (Linux, macOS, Windows); whole-second mtimes mean a filesystem
 * with coarse timestamps, and a two-second window.
 */
function statSettled(mtimeMs, seenAt) {
    return seenAt - mtimeMs > (mtimeMs % 1000 === 0 ? 2000 : 25);
}
function symbolTerms(rec) {
    const out = [];
    for (const d of rec.d ?? [])
        (0, text_js_1.identifierTerms)(d, out);
    for (const d of rec.d ?? [])
        (0, text_js_1.identifierPairs)(d, out);
    return out;
}
/** The path field: the path's terms, and adjacent parts of each name joined (see `identifierPairs`). */
function pathFieldTerms(path) {
    const out = (0, text_js_1.pathTerms)(path);
    for (const seg of path.split(/[/\\.-]+/))
        if (seg)
            (0, text_js_1.identifierPairs)(seg, out);
    return out;
}
/** Analyzes one file's text: its terms, the names it defines, its imports. */
function analyze(path, text) {
    const lang = (0, files_js_1.languageOf)(path);
    // BM25 saturates term frequency quickly (k1 = 1.2): past a few occurrences a term adds almost nothing,
    // so each term is indexed at most TF_CAP times — a much smaller index for the same ranking.
    const all = (0, text_js_1.tokenize)(text);
    const contentTerms = [];
    const seenCount = new Map();
    for (const t of all) {
        const n = seenCount.get(t) ?? 0;
        if (n < TF_CAP) {
            contentTerms.push(t);
            seenCount.set(t, n + 1);
            if (contentTerms.length >= MAX_TOKENS_PER_FILE)
                break;
        }
    }
    let lines = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        lines++;
    const rec = { n: lines, d: (0, definitions_js_1.scanDefinitions)(lang, text), i: (0, imports_js_1.extractImports)(lang, text) };
    if (path === 'package.json' || path.endsWith('/package.json')) {
        try {
            const name = JSON.parse(text).name;
            if (typeof name === 'string')
                rec.pk = name;
        }
        catch {
            // an invalid package.json only loses workspace import resolution
        }
    }
    else if (path === 'go.mod') {
        rec.pk = text.match(/^module\s+(\S+)/m)?.[1];
    }
    return { rec, contentTerms };
}
function summarizeSkips(skipped) {
    const by = new Map();
    for (const s of skipped) {
        // Vendored folders and binary types are expected; only count them.
        const key = s.reason.startsWith('vendored or build folder') ? 'vendored or build folders' : s.reason;
        const list = by.get(key) ?? [];
        list.push((0, files_js_1.displayPath)(s.path));
        by.set(key, list);
    }
    return [...by.entries()].map(([reason, paths]) => `skipped ${paths.length} file${paths.length === 1 ? '' : 's'} (${reason}): ${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ', …' : ''}`);
}
/** A term index whose documents are exactly `files` at their blobs, or undefined. */
function openLexical(text, files, notes) {
    if (text === undefined)
        return undefined;
    try {
        const ix = new termindex_js_1.TermIndex(text, lexicalOptions());
        const meta = ix.header.meta;
        const blobs = meta?.blobs;
        if (meta?.version !== exports.INDEX_VERSION ||
            !Array.isArray(blobs) ||
            blobs.length !== ix.documentCount ||
            ix.documentCount !== files.size)
            return undefined;
        const seen = new Set();
        for (let i = 0; i < blobs.length; i++) {
            const path = ix.header.documentIds[i];
            if (typeof path !== 'string' || seen.has(path) || files.get(path)?.blob !== blobs[i])
                return undefined;
            seen.add(path);
        }
        return ix;
    }
    catch (e) {
        notes.push(`lexical cache is unreadable (${e.message.slice(0, 80)}): rebuilt`);
        return undefined;
    }
}
const CACHE_FOLDER = 'the index cache folder';
/**
 * The cache folder as a path relative to `root` when it lies inside the repository (a `--cache-dir`
 * there is listed by git as untracked files): its files are the index's own, never part of it.
 */
function cacheFolderIn(root, cacheDir) {
    const real = (p) => {
        p = (0, node_path_1.resolve)(p);
        try {
            return (0, node_fs_1.realpathSync)(p);
        }
        catch {
            // not there yet: its parent decides where it will be
            const up = (0, node_path_1.join)(p, '..');
            return up === p ? p : (0, node_path_1.join)(real(up), p.slice(p.lastIndexOf(node_path_1.sep) + 1));
        }
    };
    const rel = (0, node_path_1.relative)(real(root), real(cacheDir));
    if (rel === '' || rel === '..' || rel.startsWith(`..${node_path_1.sep}`) || (0, node_path_1.isAbsolute)(rel))
        return undefined;
    return rel.split(node_path_1.sep).join('/');
}
/** Indexes the repository at `root`, reusing the on-disk cache. */
async function indexRepository(opts, internal = {}) {
    const log = opts.log ?? log_js_1.silentLogger;
    const root = opts.root;
    const cacheDir = opts.cacheDir ?? (0, node_path_1.join)(root, '.guardian', 'index');
    // The cache Guardian keeps in the repository, never one behind a link (named by the caller: theirs).
    if (opts.cacheDir === undefined)
        (0, fs_js_1.refuseLinkedState)(cacheDir);
    const maxBytes = opts.maxFileBytes ?? 512 * 1024;
    const depth = opts.historyDepth ?? 5000;
    const notes = [];
    const phases = [];
    let mark = process.cpuUsage();
    let wall = performance.now();
    const phase = (name) => {
        const d = process.cpuUsage(mark);
        const now = performance.now();
        phases.push(`${name} ${Math.round(now - wall)}ms (CPU ${Math.round((d.user + d.system) / 1000)}ms)`);
        mark = process.cpuUsage();
        wall = now;
    };
    // git answers HEAD while it lists the files; when HEAD moved, the history is read by a child process
    // while this one reads the files.
    const headP = (0, history_js_1.headSha)(root);
    const listing = (0, files_js_1.listCandidates)(root);
    notes.push(...listing.notes);
    const head = await headP;
    phase('list');
    const histPath = (0, node_path_1.join)(cacheDir, 'history.json');
    const commitsPath = (0, node_path_1.join)(cacheDir, 'commits.tix');
    let history = head ? undefined : { head: '', commits: [] };
    let commitIndex;
    if (head) {
        history = (0, history_js_1.restoreHistory)(readJson(histPath, notes, 'history'), head, depth);
        const text = history && !internal.rebuildIndexes ? readText(commitsPath, notes, 'history') : undefined;
        if (history && text !== undefined) {
            try {
                commitIndex = (0, history_js_1.openCommitIndex)(text, history);
            }
            catch (e) {
                notes.push(`history cache is unreadable (${e.message.slice(0, 80)}): rebuilt`);
            }
        }
    }
    else {
        commitIndex = new termindex_js_1.TermIndex((0, termindex_js_1.serializeTermIndex)(history_js_1.COMMIT_FIELDS, []), (0, history_js_1.commitIndexOptions)());
    }
    const historyP = head && !commitIndex ? (0, history_js_1.readHistory)(root, head, depth) : undefined;
    phase('history cache');
    const blobsPath = (0, node_path_1.join)(cacheDir, 'blobs.json');
    const cachedBlobs = readJson(blobsPath, notes, 'index');
    const blobsOk = !!cachedBlobs && cachedBlobs.version === exports.INDEX_VERSION && isRecordMap(cachedBlobs.entries);
    const blobCache = blobsOk ? cachedBlobs.entries : {};
    const statCache = blobsOk && isStatMap(cachedBlobs.stat) ? cachedBlobs.stat : {};
    const newStat = {};
    /** Cached records of the wrong shape (a damaged or hand-edited cache): their files are read again. */
    const badRecords = new Set();
    const cachedRecord = (blob) => {
        const r = (0, cachefile_js_1.own)(blobCache, blob);
        if (r === undefined)
            return undefined;
        if (isBlobRecord(r))
            return r;
        badRecords.add(blob);
        return undefined;
    };
    const files = new Map();
    const skipped = [];
    let reused = 0;
    /** Files whose blob came from the stat cache (not read in this run). */
    const fromCache = new Set();
    let read = 0;
    const newBlobs = {};
    /** Content terms of the blobs analyzed in this run. */
    const freshTerms = new Map();
    const candidates = new Map();
    phase('load caches');
    const ownCache = cacheFolderIn(root, cacheDir);
    for (const c of listing.files) {
        const why = ownCache !== undefined && (c.path === ownCache || c.path.startsWith(`${ownCache}/`))
            ? CACHE_FOLDER
            : (c.skip ?? (0, files_js_1.pathSkipReason)(c.path));
        if (why) {
            skipped.push({ path: c.path, reason: why });
            continue;
        }
        // Unchanged since a previous run read it (same size and mtime): its blob is known without reading.
        let blob;
        const prev = c.symlink ? undefined : statEntry((0, cachefile_js_1.own)(statCache, c.path));
        if (prev) {
            try {
                const st = (0, node_fs_1.lstatSync)((0, node_path_1.join)(root, c.path));
                if (st.isFile() && st.size === prev[0] && st.mtimeMs === prev[1])
                    blob = prev[2];
            }
            catch {
                // gone: readCandidate below reports it
            }
        }
        let rec = blob ? cachedRecord(blob) : undefined;
        if (!rec) {
            const r = (0, files_js_1.readCandidate)(root, c, maxBytes);
            if (!r.ok) {
                skipped.push({ path: c.path, reason: r.reason });
                continue;
            }
            read++;
            blob = r.blob;
            if (statSettled(r.mtimeMs, Date.now()))
                newStat[c.path] = [r.size, r.mtimeMs, blob];
            rec = cachedRecord(blob) ?? (0, cachefile_js_1.own)(newBlobs, blob);
            if (!rec) {
                const why2 = (0, files_js_1.contentSkipReason)(r.buf, c.path);
                if (why2) {
                    newBlobs[blob] = { s: why2 };
                    skipped.push({ path: c.path, reason: why2 });
                    continue;
                }
                const { text, invalidUtf8 } = (0, files_js_1.decodeText)(r.buf);
                const a = analyze(c.path, text);
                rec = a.rec;
                if (invalidUtf8)
                    rec.u = 1;
                freshTerms.set(blob, a.contentTerms);
            }
        }
        else {
            if (!rec.s) {
                reused++;
                fromCache.add(c.path);
            }
            newStat[c.path] = prev;
        }
        newBlobs[blob] = rec;
        if (rec.s) {
            skipped.push({ path: c.path, reason: rec.s });
            continue;
        }
        candidates.set(c.path, c);
        files.set(c.path, {
            path: c.path,
            blob: blob,
            kind: (0, files_js_1.kindOf)(c.path),
            lang: (0, files_js_1.languageOf)(c.path),
            lines: rec.n ?? 0,
            definitions: rec.d ?? [],
            imports: rec.i ?? [],
        });
    }
    phase('read+analyze');
    if (badRecords.size > 0)
        notes.push(`index cache at ${blobsPath} has ${badRecords.size} damaged record(s): those files were read again`);
    // The lexical index: reused when its documents are exactly these files at these blobs, else rebuilt
    // from the content terms of each blob (kept in terms.json, so only new content is ever tokenized).
    const lexPath = (0, node_path_1.join)(cacheDir, 'lexical.tix');
    const termsPath = (0, node_path_1.join)(cacheDir, 'terms.json');
    let lexical = internal.rebuildIndexes
        ? undefined
        : openLexical(readText(lexPath, notes, 'lexical'), files, notes);
    let lexicalText;
    let termsCache = {};
    let termsChanged = false;
    if (!lexical) {
        const cachedTerms = readJson(termsPath, notes, 'terms');
        if (cachedTerms?.version === exports.INDEX_VERSION && isStringMap(cachedTerms.entries))
            termsCache = cachedTerms.entries;
        const newTerms = {};
        const docs = [];
        for (const f of [...files.values()]) {
            let terms = freshTerms.get(f.blob);
            if (!terms) {
                const cached = (0, cachefile_js_1.own)(termsCache, f.blob);
                if (typeof cached === 'string')
                    terms = cached ? cached.split(' ') : [];
            }
            if (!terms) {
                // Known blob without its terms (terms.json lost): read it once more.
                const r = (0, files_js_1.readCandidate)(root, candidates.get(f.path), maxBytes);
                if (!r.ok) {
                    skipped.push({ path: f.path, reason: r.reason });
                    files.delete(f.path);
                    continue;
                }
                read++;
                if (fromCache.has(f.path))
                    reused--;
                terms = analyze(f.path, (0, files_js_1.decodeText)(r.buf).text).contentTerms;
                termsChanged = true;
            }
            newTerms[f.blob] = terms.join(' ');
            docs.push({ id: f.path, fields: [pathFieldTerms(f.path), symbolTerms(newBlobs[f.blob]), terms] });
        }
        termsChanged ||= freshTerms.size > 0 || Object.keys(newTerms).length !== Object.keys(termsCache).length;
        termsCache = newTerms;
        lexicalText = (0, termindex_js_1.serializeTermIndex)(LEXICAL_FIELDS, docs, {
            version: exports.INDEX_VERSION,
            blobs: docs.map((d) => files.get(d.id).blob),
        });
        lexical = new termindex_js_1.TermIndex(lexicalText, lexicalOptions());
    }
    phase('lexical');
    const invalid = [...files.values()].filter((f) => newBlobs[f.blob]?.u).map((f) => f.path);
    if (invalid.length)
        notes.push(`${invalid.length} file(s) with invalid UTF-8 indexed with replacement characters: ${invalid.slice(0, 3).join(', ')}`);
    notes.push(...summarizeSkips(skipped.filter((s) => s.reason !== CACHE_FOLDER &&
        !/^(vendored|binary file type|lock file|symlink \(its target)/.test(s.reason))));
    if (files.size === 0)
        notes.push('no source files to index');
    let commitIndexText;
    if (historyP) {
        const fresh = await historyP;
        history = fresh.history;
        commitIndexText = fresh.commitIndexText;
        commitIndex = new termindex_js_1.TermIndex(commitIndexText, (0, history_js_1.commitIndexOptions)());
    }
    phase('history');
    // Write back only what changed.
    try {
        if (read > 0 ||
            Object.keys(newBlobs).length !== Object.keys(blobCache).length ||
            Object.keys(newStat).length !== Object.keys(statCache).length) {
            (0, fs_js_1.writeFileAtomic)(blobsPath, JSON.stringify({ version: exports.INDEX_VERSION, entries: newBlobs, stat: newStat }));
        }
        if (lexicalText !== undefined) {
            if (termsChanged)
                (0, fs_js_1.writeFileAtomic)(termsPath, JSON.stringify({ version: exports.INDEX_VERSION, entries: termsCache }));
            (0, fs_js_1.writeFileAtomic)(lexPath, lexicalText);
        }
        if (commitIndexText !== undefined && history) {
            (0, fs_js_1.writeFileAtomic)(histPath, JSON.stringify((0, history_js_1.storeHistory)(history, depth)));
            (0, fs_js_1.writeFileAtomic)(commitsPath, commitIndexText);
        }
    }
    catch (e) {
        notes.push(`could not write the index cache in ${cacheDir}: ${e.message}`);
    }
    phase('write caches');
    log.debug(`search index: ${phases.join(', ')}`);
    log.debug(`search index: ${files.size} files (${reused} from cache, ${read} read), ${history.commits.length} commits`);
    return {
        root,
        files,
        lexical,
        history: history,
        commitIndex: commitIndex,
        notes,
        skipped,
        manifests: manifestsOf(files, newBlobs),
        stats: {
            indexedFiles: files.size,
            reusedFromCache: reused,
            readFiles: read,
            skippedFiles: skipped.length,
            historyCommits: history.commits.length,
        },
    };
}
function manifestsOf(files, blobs) {
    const packageJson = new Map();
    let goModule;
    for (const f of files.values()) {
        const pk = blobs[f.blob]?.pk;
        if (!pk)
            continue;
        if (f.path.endsWith('package.json'))
            packageJson.set(f.path.slice(0, -'package.json'.length).replace(/\/$/, ''), pk);
        else if (f.path === 'go.mod')
            goModule = pk;
    }
    return { packageJson, goModule };
}


/***/ }),

/***/ 8388:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.WEIGHTS = void 0;
exports.rankFiles = rankFiles;
exports.bestSymbols = bestSymbols;
/**
 * Ranking: the lexical engine's scores fused with structural evidence — files named in the task, the
 * symbols it names, the relevant tests and what they import, test↔source pairing, the import graph, and
 * the repository's history (past commits whose messages resemble the task, co-changes, churn).
 *
 * Every signal is normalized to [0, 1] over the candidates and weighted; the weights are global (no
 * per-repository tuning) and documented next to each signal.
 */
const node_path_1 = __webpack_require__(6760);
const imports_js_1 = __webpack_require__(3758);
const text_js_1 = __webpack_require__(5593);
const detect_js_1 = __webpack_require__(4413);
const chars_js_1 = __webpack_require__(5153);
exports.WEIGHTS = {
    /** BM25 over path, symbol names and content. */
    lexical: 1.0,
    /** Past commits with messages like the task, voting for the files they touched. */
    history: 1.0,
    /** The task names a symbol this file defines. */
    definesSymbol: 0.6,
    /** The task names this file (path, file name or dotted module). */
    namedInQuery: 1.2,
    /** A conventional-commit scope (`fix(server): …`) that names a folder or file of this path. */
    scope: 0.5,
    /** The blueprint lists this file. */
    namedInBlueprint: 3.0,
    /** A relevant test: the test itself, and what it imports / is paired with. */
    relevantTest: 1.0,
    relevantTestImport: 1.2,
    /** Evidence flowing from a test to its paired source, and along imports. */
    testPairing: 0.35,
    importNeighbor: 0.15,
    /** Files that import one of the strongest candidates (callers, re-exporting entry points). */
    importedBy: 0.5,
    /**
     * Source files under examples/, www/, docs/, sandbox/… are multiplied by this unless the task names
     * that kind of folder or the example's own folder.
     */
    auxFactor: 0.5,
    /** A word of the task is a module's file name. */
    stemWord: 0.3,
    /**
     * A file's folder holds a strong candidate: the folder's best source score (relative to the best
     * folder's) times this, for files that have evidence of their own. A change tends to stay in one
     * module; a weak match beside the task's strongest file is likelier than the same match far away.
     */
    folder: 0.3,
    /**
     * The task names a third-party package this file imports (`@types/express`, `jinja2`): a task about a
     * library (upgrading it, working around it) changes the code that uses it. Shared among the importers;
     * a package imported by more than 30 files says little. Python and npm packages; standard libraries
     * do not count.
     */
    library: 0.3,
    /** Files that changed together with the strongest candidates. */
    coChange: 0.6,
    /** How often a file changes at all. */
    churn: 0.08,
    /** Test files' scores are multiplied by this unless the task is about tests. */
    testFactor: 0.3,
    /** Switches (1 = on), kept as weights so the benchmark can compare them. */
    codeNormalize: 1,
    joinedPairs: 1,
    subjectTwice: 1,
};
/** Languages whose imports name npm packages. */
const NPM_LANGS = new Set(['typescript', 'tsx', 'javascript']);
/**
 * Multipliers by kind: sources first, tests below unless the task is about tests. Documents, configuration
 * and other files rarely are what a code task changes, yet their text often matches it (a changelog
 * entry, a CI workflow): they stay far below unless the task names them (then `NAMED_FACTOR`).
 */
const KIND_FACTOR = { source: 1, test: exports.WEIGHTS.testFactor, doc: 0.2, config: 0.2, other: 0.2 };
const NAMED_FACTOR = 0.35;
/**
 * Scales a signal to [0, 1] by its maximum over code files (sources and tests). Documents are left out
 * of the maximum: a changelog or the blueprint itself can match a task far better than any code, and
 * would otherwise flatten every code file's score. Values above 1 are clipped.
 */
function normalize(m, files, byCode = true) {
    let max = 0;
    let codeMax = 0;
    for (const [k, v] of m) {
        if (v > max)
            max = v;
        const kind = files?.get(k)?.kind;
        if ((kind === 'source' || kind === 'test') && v > codeMax)
            codeMax = v;
    }
    const d = byCode && codeMax > 0 ? codeMax : max;
    if (d <= 0)
        return new Map();
    const out = new Map();
    for (const [k, v] of m)
        out.set(k, Math.min(1, v / d));
    return out;
}
/** Folders of code that supports the product without being it. */
function auxFolder(path) {
    return path.match(/(?:^|\/)(bench|benchmarks?|examples?|fixtures?|scripts?|docs?)\//)?.[1];
}
const BENCH_PATH = /(?:^|\/)(?:bench|benchmarks?|perf)\/|\.bench\.[a-z]+$/;
function stemOfTest(path) {
    const name = node_path_1.posix.basename(path);
    const m = name.match(/^test_(.+)\.[a-z]+$/) ??
        name.match(/^(.+?)_tests?\.[a-z]+$/) ??
        name.match(/^(.+?)\.(test|spec|tests|e2e|test-d)\.[a-z]+$/) ??
        name.match(/^(.+?)Tests?\.[a-z]+$/);
    return m?.[1]?.toLowerCase();
}
/** A path as the index keys it: no `./`, no `a/../` (a `../` above the root stays, and is not found). */
function repoPath(p) {
    const n = node_path_1.posix.normalize(p);
    return n === '.' ? '' : n.replace(/\/$/, '');
}
function fileStem(path) {
    const name = node_path_1.posix.basename(path);
    const dot = name.indexOf('.');
    return (dot > 0 ? name.slice(0, dot) : name).toLowerCase();
}
function rankFiles(input) {
    const { index } = input;
    const W = { ...exports.WEIGHTS, ...input.weights };
    const notes = [];
    // Paths a caller names are repository paths as git lists them: `./src/app.py` is `src/app.py`.
    const hintFiles = (input.hints?.files ?? []).map(repoPath);
    const hintTests = (input.hints?.relevantTests ?? []).map(repoPath);
    const query = (0, text_js_1.cleanQuery)(input.query.slice(0, 20_000), W.subjectTwice > 0);
    const parsed = (0, text_js_1.parseQuery)(query);
    const files = index.files;
    const paths = [...files.keys()];
    const sig = new Map();
    const get = (p) => {
        let s = sig.get(p);
        if (!s) {
            s = { score: 0, parts: new Map(), reasons: [] };
            sig.set(p, s);
        }
        return s;
    };
    const add = (p, name, value, reason) => {
        if (!files.has(p) || !(value > 0))
            return;
        const s = get(p);
        s.score += value;
        s.parts.set(name, (s.parts.get(name) ?? 0) + value);
        if (reason)
            s.reasons.push({ weight: value, text: reason });
    };
    const identifierTermSet = new Set();
    for (const id of parsed.identifiers)
        for (const t of (0, text_js_1.tokenize)(id))
            identifierTermSet.add(t);
    // 1. Lexical.
    const lexHits = parsed.terms.length
        ? index.lexical.scores(query, {
            tokenize: W.joinedPairs > 0 ? text_js_1.queryTerms : text_js_1.tokenize,
            boostTerm: (term) => (identifierTermSet.has(term) ? 2 : 1),
        })
        : [];
    const df = new Map();
    for (const h of lexHits)
        for (const t of h.terms)
            df.set(t, (df.get(t) ?? 0) + 1);
    const N = Math.max(1, files.size);
    const idf = (t) => Math.log(1 + (N - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
    const lex = normalize(new Map(lexHits.map((h) => [String(h.id), h.score])), files, W.codeNormalize > 0);
    for (const h of lexHits) {
        const p = String(h.id);
        const v = lex.get(p) ?? 0;
        if (v < 0.02)
            continue;
        // The matched terms, rarest first, are sorted only for the files that are shown.
        const reason = () => `lexical: ${[...h.terms]
            .sort((a, b) => idf(b) - idf(a))
            .slice(0, 4)
            .join(', ')}`;
        add(p, 'lexical', W.lexical * v, reason);
    }
    // 2. History: past commits whose messages resemble the task vote for the files they touched.
    const churn = new Map();
    for (const c of index.history.commits)
        for (const f of c.f)
            churn.set(f, (churn.get(f) ?? 0) + 1);
    if (index.history.commits.length > 0 && parsed.terms.length) {
        const hits = index.commitIndex.scores(query).slice(0, 40);
        const votes = new Map();
        const why = new Map();
        for (const h of hits) {
            const c = index.history.commits[h.id];
            const present = c.f.filter((f) => files.has(f));
            if (!present.length)
                continue;
            const w = h.score / Math.sqrt(present.length);
            for (const f of present) {
                votes.set(f, (votes.get(f) ?? 0) + w);
                const prev = why.get(f);
                if (!prev || prev.score < w)
                    why.set(f, { score: w, h: c.h, subject: (0, text_js_1.cutAtWord)(c.m.split('\n', 1)[0], 80) });
            }
        }
        for (const [f, v] of normalize(votes, files, W.codeNormalize > 0)) {
            if (v < 0.02)
                continue;
            const w = why.get(f);
            add(f, 'history', W.history * v, `history: like past commit ${w.h} "${w.subject}"`);
        }
    }
    // 3. Symbols the task names.
    const defs = new Map();
    for (const f of files.values()) {
        for (const d of f.definitions) {
            const key = (0, text_js_1.compoundKey)(d);
            if (key.length < 3)
                continue;
            const list = defs.get(key);
            if (!list)
                defs.set(key, [f.path]);
            else if (list[list.length - 1] !== f.path && list.length < 50)
                list.push(f.path);
        }
    }
    const strongIds = new Set(parsed.identifiers.map(text_js_1.compoundKey));
    // Capitalized words (not first in a sentence) are often class names written in prose.
    const weakIds = new Set();
    for (const m of input.query.matchAll(/(?<![.!?]\s|^)\b([A-Z][a-z]+[A-Za-z]*)\b/gm))
        weakIds.add((0, text_js_1.compoundKey)(m[1]));
    // A file defining many of the names gains less from each further one: a long task that lists a dozen
    // identifiers would otherwise bury every file but the one that defines them all.
    const symSum = new Map();
    for (const [key, list] of defs) {
        const strength = strongIds.has(key) ? 1 : weakIds.has(key) ? 0.4 : 0;
        if (!strength)
            continue;
        const v = (strength * W.definesSymbol) / Math.sqrt(list.length);
        for (const p of list) {
            const prev = symSum.get(p);
            if (!prev)
                symSum.set(p, { v, key, best: v });
            else {
                prev.v += v;
                if (v > prev.best)
                    Object.assign(prev, { key, best: v });
            }
        }
    }
    if (W.definesSymbol > 0)
        for (const [p, { v, key }] of symSum)
            add(p, 'symbol', W.definesSymbol * Math.log2(1 + v / W.definesSymbol), `defines \`${key}\` named in the task`);
    // 4a. The task's scope, conventional-commit style: `fix(server): …`, `feat(form-data): …`.
    const scopeMatch = query.match(/^\s*[a-z]+\(([^)\n]{1,60})\)!?:/i);
    if (scopeMatch && W.scope > 0) {
        const scopes = scopeMatch[1]
            .split(/[\s,/|]+/)
            .map((x) => x.toLowerCase().replace(/[^a-z0-9]/g, ''))
            .filter((x) => x.length >= 2);
        const scopeStems = new Set(scopes.flatMap((x) => [x, ...(0, text_js_1.tokenize)(x)]));
        // Only files with other evidence get it: look at those, not at every path.
        for (const p of [...sig.keys()]) {
            const segs = p.toLowerCase().split('/');
            const hit = segs.some((seg, i) => {
                const bare = (i === segs.length - 1 ? seg.replace(/\.[^.]+$/, '') : seg).replace(/[^a-z0-9]/g, '');
                return scopeStems.has(bare) || (0, text_js_1.tokenize)(bare).some((t) => scopeStems.has(t) && t.length >= 4);
            });
            if (hit)
                add(p, 'scope', W.scope, `in the task's scope (${scopeMatch[1]})`);
        }
    }
    // 4. Files the task names.
    for (const m of parsed.pathMentions) {
        const dotted = !m.includes('/') && !/\.[a-z]+$/.test(m) ? m.replace(/\./g, '/') : undefined;
        const hits = [];
        for (const p of paths) {
            const noExt = p.replace(/\.[^./]+$/, '');
            const hit = p === m ||
                p.endsWith(`/${m}`) ||
                (dotted !== undefined &&
                    (noExt === dotted || noExt.endsWith(`/${dotted}`) || noExt.endsWith(`/${dotted}/__init__`)));
            if (hit)
                hits.push(p);
        }
        // An exact path gets the full weight; files that only end with the name (`package.json`) share it.
        const share = 1 / Math.sqrt(Math.max(1, hits.filter((p) => p !== m).length));
        for (const p of hits)
            add(p, 'named', W.namedInQuery * (p === m ? 1 : share), `named in the task (${m})`);
    }
    // A word of the task that is a module's name ("annotations of the staticfiles module"); a name shared by
    // more than five files says little.
    if (W.stemWord > 0) {
        const words = new Set((input.query.match(/[A-Za-z][A-Za-z0-9_-]{4,}/g) ?? []).map((w) => w.toLowerCase()));
        const byStem = new Map();
        for (const f of files.values()) {
            if (f.kind !== 'source')
                continue;
            const st = fileStem(f.path);
            if (st.length < 5 || !words.has(st))
                continue;
            const l = byStem.get(st);
            if (l)
                l.push(f.path);
            else
                byStem.set(st, [f.path]);
        }
        for (const [st, list] of byStem) {
            if (list.length > 5)
                continue;
            for (const p of list)
                add(p, 'stemWord', W.stemWord / Math.sqrt(list.length), `the task names module ${st}`);
        }
    }
    // A third-party package the task names (`@types/express` names express), and the files importing it.
    const resolver = new imports_js_1.ImportResolver(paths, index.manifests);
    if (W.library > 0) {
        const named = new Set();
        for (const m of input.query.matchAll(/(?<![\w./-])(@[a-z0-9][\w.-]*\/[a-z0-9][\w.-]*|[a-z][a-z0-9._-]{2,})/gi)) {
            const w = m[1].toLowerCase().replace(/[.]+$/, '');
            named.add(w);
            if (w.startsWith('@types/'))
                named.add(w.slice(7));
        }
        const users = new Map();
        for (const f of files.values()) {
            // Python and npm packages: the ecosystems whose standard libraries are known here.
            if (f.kind !== 'source' || !(f.lang === 'python' || NPM_LANGS.has(f.lang ?? '')))
                continue;
            for (const spec of f.imports) {
                // Node's builtins come back as `node:fs`, which no task word matches; local specifiers as undefined.
                const root = f.lang === 'python' ? spec.split('.')[0] : (0, detect_js_1.npmPackageOf)(spec);
                if (!root || root.length < 3 || !named.has(root.toLowerCase()))
                    continue;
                if (f.lang === 'python' && (0, detect_js_1.isPythonStdlib)(root))
                    continue;
                const l = users.get(root) ?? [];
                if (!l.some((u) => u.p === f.path))
                    l.push({ p: f.path, spec, lang: f.lang });
                users.set(root, l);
            }
        }
        for (const [root, list] of users) {
            if (list.length > 30)
                continue;
            // The repository's own packages are not third-party libraries.
            if (list.some((u) => resolver.resolve(u.p, u.lang, u.spec).length > 0))
                continue;
            for (const u of list)
                add(u.p, 'library', W.library / Math.sqrt(list.length), `imports ${root}, named in the task`);
        }
    }
    for (const h of hintFiles) {
        if (files.has(h))
            add(h, 'blueprint', W.namedInBlueprint, 'named in blueprint');
        else {
            const suffix = paths.filter((p) => p.endsWith(`/${h}`));
            if (suffix.length)
                for (const p of suffix)
                    add(p, 'blueprint', W.namedInBlueprint / suffix.length, 'named in blueprint');
            else
                notes.push(`blueprint names ${(0, chars_js_1.escapeControlChars)(h)}, which is not in the index`);
        }
    }
    // 5. Relevant tests and what they import.
    const importsOf = (f) => {
        const out = new Set();
        for (const spec of f.imports)
            for (const r of resolver.resolve(f.path, f.lang, spec))
                if (r !== f.path)
                    out.add(r);
        return [...out];
    };
    const sourcesByStem = new Map();
    for (const f of files.values()) {
        if (f.kind !== 'source')
            continue;
        const st = fileStem(f.path);
        const list = sourcesByStem.get(st) ?? [];
        list.push(f.path);
        sourcesByStem.set(st, list);
    }
    const pairedSources = (test) => {
        const st = stemOfTest(test);
        if (!st)
            return [];
        // A benchmark, example, fixture or script of the same name is not what the test tests (unless the
        // test lives in such a folder too).
        const testAux = auxFolder(test);
        const list = (sourcesByStem.get(st) ?? sourcesByStem.get(st.replace(/^test_?/, '')) ?? []).filter((p) => {
            const a = auxFolder(p);
            return !a || a === testAux;
        });
        if (list.length <= 1)
            return list;
        // Several candidates: prefer the one sharing the most path segments with the test.
        const segs = new Set(test.split('/'));
        const scored = list.map((p) => ({ p, n: p.split('/').filter((s) => segs.has(s)).length }));
        const best = Math.max(...scored.map((s) => s.n));
        return scored.filter((s) => s.n === best).map((s) => s.p);
    };
    for (const t of hintTests) {
        const f = files.get(t);
        if (!f) {
            notes.push(`relevant test ${(0, chars_js_1.escapeControlChars)(t)} is not in the repository index`);
            continue;
        }
        add(t, 'relevantTest', W.relevantTest, 'relevant test of the task');
        const imps = importsOf(f).filter((p) => files.get(p)?.kind !== 'test');
        for (const p of imps)
            add(p, 'relevantTestImport', W.relevantTestImport / Math.sqrt(imps.length), `imported by ${t}`);
        for (const p of pairedSources(t))
            add(p, 'relevantTestImport', W.relevantTestImport, `paired with test ${t}`);
    }
    // 6. Propagation: tests lend evidence to their sources; imports to their neighbours.
    const base = new Map();
    for (const [p, s] of sig)
        base.set(p, s.score);
    for (const [p, v] of base) {
        const f = files.get(p);
        if (f.kind === 'test') {
            for (const src of pairedSources(p))
                add(src, 'pairing', W.testPairing * v, `paired with test ${p}`);
        }
    }
    const seeds = [...base.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20);
    const topScore = seeds[0]?.[1] ?? 0;
    const neighborGain = new Map();
    for (const [p, v] of seeds) {
        const f = files.get(p);
        if (f.kind === 'test')
            continue;
        for (const q of importsOf(f)) {
            const g = (W.importNeighbor * v) / Math.max(1, topScore);
            const prev = neighborGain.get(q);
            if (!prev || prev.v < g)
                neighborGain.set(q, { v: g, from: p });
        }
    }
    for (const [q, g] of neighborGain)
        add(q, 'imports', g.v, `imported by ${g.from}`);
    // 6b. Dependents: files importing one of the five strongest sources (their callers, the index or
    // `__init__` that re-exports them) often change with them. A source imported by many files shares
    // the evidence among them.
    if (W.importedBy > 0) {
        const strongest = new Map(seeds.filter(([p]) => files.get(p).kind === 'source').slice(0, 5));
        // Resolving every import of every file costs more than the rest of the ranking: only files with an
        // import that mentions a seed's name or folder are resolved (resolution then decides).
        const keys = new Set();
        for (const q of strongest.keys()) {
            const segs = q.toLowerCase().split('/');
            const stem = segs[segs.length - 1].replace(/\..*$/, '');
            if (stem.length >= 2)
                keys.add(stem);
            for (const dir of segs.slice(-3, -1))
                if (dir.length >= 2)
                    keys.add(dir);
        }
        const mentionsSeed = (spec) => {
            const low = spec.toLowerCase();
            for (const k of keys)
                if (low.includes(k))
                    return true;
            return false;
        };
        const dependents = new Map();
        for (const f of files.values()) {
            if (f.kind !== 'source' || !f.imports.some(mentionsSeed))
                continue;
            for (const q of importsOf(f)) {
                if (!strongest.has(q))
                    continue;
                const list = dependents.get(q);
                if (list)
                    list.push(f.path);
                else
                    dependents.set(q, [f.path]);
            }
        }
        const gain = new Map();
        for (const [q, list] of dependents) {
            const v = (W.importedBy * strongest.get(q)) / Math.max(1, topScore) / Math.sqrt(list.length);
            for (const d of list)
                if (v > (gain.get(d)?.v ?? 0))
                    gain.set(d, { v, of: q });
        }
        for (const [d, g] of gain)
            add(d, 'importedBy', g.v, `imports ${g.of}`);
    }
    // 6c. Folder: each folder is as strong as its strongest source so far; files with evidence of their
    // own gain a share of their folder's strength.
    if (W.folder > 0) {
        const byFolder = new Map();
        const bestOf = new Map();
        for (const [p, s] of sig) {
            if (files.get(p).kind !== 'source')
                continue;
            const d = node_path_1.posix.dirname(p);
            if (s.score > (byFolder.get(d) ?? 0)) {
                byFolder.set(d, s.score);
                bestOf.set(d, p);
            }
        }
        const strength = normalize(byFolder);
        for (const p of sig.keys()) {
            const d = node_path_1.posix.dirname(p);
            const v = strength.get(d);
            // Said in a file's reasons only when another file makes its folder strong.
            if (v && v >= 0.02) {
                const best = bestOf.get(d);
                const why = v >= 0.5 && best !== p ? `in ${d}/, beside ${node_path_1.posix.basename(best)}` : undefined;
                add(p, 'folder', W.folder * v, why);
            }
        }
    }
    // 7. Co-change with the strongest candidates (blueprint files first).
    const anchor = [...sig.entries()]
        .filter(([p]) => files.get(p).kind === 'source')
        .sort((a, b) => b[1].score - a[1].score)
        .slice(0, 3)
        .map(([p]) => p);
    if (anchor.length && index.history.commits.length) {
        const anchorSet = new Set(anchor);
        const co = new Map();
        /** For the reason only: in how many commits each file changed with an anchor, and with which. */
        const withAnchors = new Map();
        const anchorCount = new Map();
        for (const c of index.history.commits) {
            if (c.f.length > 20)
                continue;
            const inA = c.f.filter((f) => anchorSet.has(f));
            if (!inA.length)
                continue;
            for (const a of inA)
                anchorCount.set(a, (anchorCount.get(a) ?? 0) + 1);
            for (const f of c.f) {
                if (anchorSet.has(f))
                    continue;
                co.set(f, (co.get(f) ?? 0) + inA.length);
                const w = withAnchors.get(f) ?? { commits: 0, anchors: new Set() };
                w.commits++;
                for (const a of inA)
                    w.anchors.add(a);
                withAnchors.set(f, w);
            }
        }
        const total = [...anchorCount.values()].reduce((a, b) => a + b, 0);
        if (total >= 3) {
            for (const [f, n] of co) {
                const conf = n / total;
                if (n >= 2 && conf >= 0.1) {
                    const w = withAnchors.get(f);
                    const names = anchor.filter((a) => w.anchors.has(a));
                    add(f, 'cochange', W.coChange * conf, `changed together with ${names.join(', ')} in ${w.commits} past commit${w.commits === 1 ? '' : 's'}`);
                }
            }
        }
    }
    // 8. Churn prior (only for files with other evidence), scaled by the most-changed path's. Only the
    // maximum is taken over every path the history touched (tens of thousands in a large repository);
    // the scaled value is computed for the candidates alone.
    let churnMax = 0;
    for (const v of churn.values())
        churnMax = Math.max(churnMax, Math.log1p(v));
    if (churnMax > 0) {
        for (const p of sig.keys()) {
            const n = churn.get(p);
            if (n)
                add(p, 'churn', W.churn * Math.min(1, Math.log1p(n) / churnMax));
        }
    }
    // Kind factor and final order.
    const blueprint = new Set(hintFiles);
    const relevant = new Set(hintTests);
    const aboutSpeed = /\b(bench\w*|perf\w*|speed\w*|slow\w*|fast\w*)\b/i.test(input.query);
    // Example apps, sample servers and the docs site are code, yet rarely what a task changes unless it
    // says so: by naming the folder kind or the example's own folder.
    const qTermSet = new Set(parsed.terms);
    const auxWord = /\b(examples?|www|website|docs?|sandbox|demos?|playground|sample)\b/i.test(input.query);
    const auxNamed = (p) => {
        const m = p.match(/(?:^|\/)(examples?|www|website|docs?|sandbox|demos?|samples?)\/(?:([^/]+)\/)?/);
        if (!m)
            return true;
        if (auxWord)
            return true;
        return !!m[2] && (0, text_js_1.pathTerms)(m[2]).some((t) => t.length >= 4 && qTermSet.has(t));
    };
    const scored = [];
    for (const [p, s] of sig) {
        const f = files.get(p);
        let k = f.kind === 'test' ? W.testFactor : KIND_FACTOR[f.kind];
        if (f.kind !== 'source' && f.kind !== 'test' && s.parts.has('named'))
            k = Math.max(k, NAMED_FACTOR);
        if (f.kind === 'test' && (parsed.aboutTests || relevant.has(p)))
            k = 0.9;
        // Benchmark code is not product code either: ranked like tests unless the task is about speed.
        if (f.kind === 'source' && BENCH_PATH.test(p) && !aboutSpeed)
            k = W.testFactor;
        if (W.auxFactor < 1 && f.kind === 'source' && !auxNamed(p))
            k *= W.auxFactor;
        if (blueprint.has(p))
            k = 1;
        scored.push({
            path: p,
            score: s.score * k,
            ...(input.explain ? { parts: Object.fromEntries(s.parts) } : {}),
        });
    }
    scored.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1));
    if (input.minPool && scored.length < input.minPool) {
        // Semantic re-ranking may find what no term matched: offer it the most-changed sources too.
        const rest = [...files.values()]
            .filter((f) => f.kind === 'source' && !sig.has(f.path))
            .sort((a, b) => (churn.get(b.path) ?? 0) - (churn.get(a.path) ?? 0) || (a.path < b.path ? -1 : 1));
        for (const f of rest.slice(0, input.minPool - scored.length)) {
            sig.set(f.path, { score: 0, parts: new Map(), reasons: [] });
            scored.push({ path: f.path, score: 0 });
        }
    }
    const queryTerms = new Set(parsed.terms);
    const out = scored.slice(0, input.top).map(({ path, score }) => {
        const f = files.get(path);
        const s = sig.get(path);
        const reasons = dedupeReasons(s.reasons);
        return {
            path,
            score: round(score),
            isTest: f.kind === 'test',
            kind: f.kind,
            ...(f.lang ? { language: f.lang } : {}),
            reasons,
            symbols: [],
        };
    });
    return {
        files: out,
        pool: scored,
        notes,
        parsed,
        scoreChunks: (chunks, limit) => bestSymbols(chunks, queryTerms, strongIds, idf, limit),
    };
}
function dedupeReasons(rs) {
    const by = new Map();
    for (const r of rs) {
        const text = typeof r.text === 'function' ? r.text() : r.text;
        by.set(text, Math.max(by.get(text) ?? 0, r.weight));
    }
    return [...by.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([t]) => t);
}
function round(n) {
    return Math.round(n * 10000) / 10000;
}
/** The symbols of a file that best match the task (defined names count double). */
function bestSymbols(symbols, queryTerms, strongIds, idf, limit = 5) {
    const scored = [];
    for (const [name, kind, startLine, endLine, terms] of symbols) {
        let s = 0;
        for (const t of terms)
            if (queryTerms.has(t))
                s += idf(t);
        const last = name.slice(name.lastIndexOf('.') + 1);
        const nameTerms = (0, text_js_1.tokenize)(last);
        for (const t of nameTerms)
            if (queryTerms.has(t))
                s += 2 * idf(t);
        if (strongIds.has((0, text_js_1.compoundKey)(last)))
            s += 10;
        // Prefer precise chunks: a whole class matches everything its methods match.
        const span = endLine - startLine + 1;
        s = s / Math.log2(2 + span / 40);
        if (s > 0)
            scored.push({ name, kind, startLine, endLine, score: s });
    }
    scored.sort((a, b) => b.score - a.score || a.startLine - b.startLine);
    if (scored.length === 0) {
        // Nothing matched (a file chosen by a hint or by history): its outline is still useful.
        return symbols
            .filter((s) => !s[0].includes('.'))
            .slice(0, limit)
            .map(([name, kind, startLine, endLine]) => ({ name, kind, startLine, endLine, score: 0 }));
    }
    const max = scored[0].score;
    return scored.slice(0, limit).map((s) => ({ ...s, score: round(s.score / max) }));
}


/***/ }),

/***/ 4157:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SymbolExtractor = exports.GRAMMARS = void 0;
exports.lineWindows = lineWindows;
/**
 * Symbol chunks (functions, classes, methods, types) from tree-sitter's wasm grammars, and line windows
 * for everything else.
 *
 * Where the .wasm files come from, in order:
 *   1. `wasmDir` passed by the host;
 *   2. a `tree-sitter/` folder next to the running bundle, or beside its folder: the build copies
 *      `web-tree-sitter/tree-sitter.wasm` and `tree-sitter-wasms/out/tree-sitter-<lang>.wasm` once into
 *      `dist/tree-sitter/`, which every bundle in `dist/<name>/` shares;
 *   3. the installed packages `web-tree-sitter` and `tree-sitter-wasms` (development, tests).
 * A grammar that cannot be found or loaded degrades that language to line windows, with a note.
 */
const node_fs_1 = __webpack_require__(3024);
const node_v8_1 = __importDefault(__webpack_require__(8877));
const node_module_1 = __webpack_require__(8995);
const node_path_1 = __webpack_require__(6760);
const node_url_1 = __webpack_require__(3136);
const chars_js_1 = __webpack_require__(5153);
const definitions_js_1 = __webpack_require__(6474);
/** Grammars the build must ship (file names inside tree-sitter-wasms/out/). */
exports.GRAMMARS = {
    python: 'tree-sitter-python.wasm',
    typescript: 'tree-sitter-typescript.wasm',
    tsx: 'tree-sitter-tsx.wasm',
    javascript: 'tree-sitter-javascript.wasm',
    go: 'tree-sitter-go.wasm',
    java: 'tree-sitter-java.wasm',
    rust: 'tree-sitter-rust.wasm',
    ruby: 'tree-sitter-ruby.wasm',
    c: 'tree-sitter-c.wasm',
    cpp: 'tree-sitter-cpp.wasm',
    c_sharp: 'tree-sitter-c_sharp.wasm',
    php: 'tree-sitter-php.wasm',
    kotlin: 'tree-sitter-kotlin.wasm',
};
/** Node types that define a symbol, per language, with the kind reported. */
const DEFINITIONS = {
    python: { function_definition: 'function', class_definition: 'class' },
    javascript: {
        function_declaration: 'function',
        generator_function_declaration: 'function',
        class_declaration: 'class',
        method_definition: 'method',
        variable_declarator: 'variable',
        field_definition: 'field',
    },
    typescript: {
        function_declaration: 'function',
        generator_function_declaration: 'function',
        function_signature: 'function',
        class_declaration: 'class',
        abstract_class_declaration: 'class',
        method_definition: 'method',
        method_signature: 'method',
        abstract_method_signature: 'method',
        interface_declaration: 'interface',
        type_alias_declaration: 'type',
        enum_declaration: 'enum',
        internal_module: 'namespace',
        variable_declarator: 'variable',
        public_field_definition: 'field',
    },
    go: {
        function_declaration: 'function',
        method_declaration: 'method',
        type_spec: 'type',
    },
    java: {
        class_declaration: 'class',
        interface_declaration: 'interface',
        enum_declaration: 'enum',
        record_declaration: 'class',
        annotation_type_declaration: 'interface',
        method_declaration: 'method',
        constructor_declaration: 'constructor',
    },
    rust: {
        function_item: 'function',
        function_signature_item: 'function',
        struct_item: 'struct',
        enum_item: 'enum',
        union_item: 'struct',
        trait_item: 'trait',
        impl_item: 'impl',
        mod_item: 'module',
        macro_definition: 'macro',
        type_item: 'type',
    },
    ruby: { method: 'method', singleton_method: 'method', class: 'class', module: 'module' },
    c: { function_definition: 'function', struct_specifier: 'struct', enum_specifier: 'enum' },
    cpp: {
        function_definition: 'function',
        class_specifier: 'class',
        struct_specifier: 'struct',
        enum_specifier: 'enum',
        namespace_definition: 'namespace',
    },
    c_sharp: {
        class_declaration: 'class',
        interface_declaration: 'interface',
        struct_declaration: 'struct',
        enum_declaration: 'enum',
        record_declaration: 'class',
        method_declaration: 'method',
        constructor_declaration: 'constructor',
        property_declaration: 'property',
    },
    php: {
        function_definition: 'function',
        class_declaration: 'class',
        interface_declaration: 'interface',
        trait_declaration: 'trait',
        method_declaration: 'method',
    },
    kotlin: { class_declaration: 'class', object_declaration: 'object', function_declaration: 'function' },
};
DEFINITIONS.tsx = DEFINITIONS.typescript;
/** Kinds whose members get qualified names (`Class.method`). */
const CONTAINERS = new Set([
    'class',
    'interface',
    'impl',
    'trait',
    'module',
    'namespace',
    'struct',
    'enum',
    'object',
]);
const FUNCTION_VALUES = new Set([
    'arrow_function',
    'function',
    'function_expression',
    'generator_function',
    'class',
    'call_expression',
    'object',
    'as_expression',
    'satisfies_expression',
]);
/**
 * Where a file of the tree-sitter runtime or grammars is: the host's folder, a `tree-sitter/` folder
 * next to this module or beside its folder (`dist/tree-sitter/`, shared by the bundles), then the
 * installed packages.
 */
function locate(wasmDir, file, pkg) {
    const candidates = [];
    if (wasmDir)
        candidates.push((0, node_path_1.join)(wasmDir, file));
    try {
        const here = (0, node_path_1.dirname)((0, node_url_1.fileURLToPath)(import.meta.url));
        candidates.push((0, node_path_1.join)(here, 'tree-sitter', file), (0, node_path_1.join)(here, '..', 'tree-sitter', file));
    }
    catch {
        // not a file: URL (unusual hosts); fall through to the packages
    }
    if (pkg) {
        try {
            const require = (0, node_module_1.createRequire)(import.meta.url);
            // web-tree-sitter's `exports` hides package.json; tree-sitter-wasms has no loadable main.
            const pkgDir = pkg === 'web-tree-sitter'
                ? (0, node_path_1.dirname)(require.resolve(pkg))
                : (0, node_path_1.dirname)(require.resolve(`${pkg}/package.json`));
            candidates.push(pkg === 'web-tree-sitter' ? (0, node_path_1.join)(pkgDir, file) : (0, node_path_1.join)(pkgDir, 'out', file));
        }
        catch {
            // package not installed next to this module (bundled host): rely on the folders above
        }
    }
    return candidates.find((c) => (0, node_fs_1.existsSync)(c));
}
/**
 * Keeps WebAssembly on V8's baseline compiler (Liftoff). Guardian parses a handful of files per query;
 * with V8's default tiering, the grammars' huge parse functions get recompiled by the optimizing
 * compiler on first use, which costs more than it ever saves here (measured: the first ten TypeScript
 * files parse in half the time). Must run before the first wasm compile; only this process's wasm
 * (tree-sitter) is affected.
 */
let baselineSet = false;
function baselineWasmOnly() {
    if (baselineSet)
        return;
    baselineSet = true;
    try {
        node_v8_1.default.setFlagsFromString('--liftoff-only');
    }
    catch {
        // an embedder that rejects runtime flags keeps V8's default tiering
    }
}
/** The runtime, started once per process (compiling the wasm is the expensive part). */
const runtimes = new Map();
const grammars = new Map();
function startRuntime(wasmDir) {
    const key = wasmDir ?? '';
    let p = runtimes.get(key);
    if (!p) {
        p = (async () => {
            baselineWasmOnly();
            const core = locate(wasmDir, 'tree-sitter.wasm', 'web-tree-sitter');
            if (!core)
                return { error: 'tree-sitter.wasm not found: symbols fall back to line windows' };
            try {
                // A bundle ships web-tree-sitter's own ESM file next to its wasm and loads it as it is: bundlers
                // rewrite its `import.meta.url` handling into `__dirname`, which an ES module does not have.
                const shipped = locate(wasmDir, 'tree-sitter.js', undefined);
                const ts = shipped
                    ? (await import(/* webpackIgnore: true */ (0, node_url_1.pathToFileURL)(shipped).href))
                    : await __webpack_require__.e(/* import() */ 254).then(__webpack_require__.bind(__webpack_require__, 254));
                await ts.Parser.init({ locateFile: () => core });
                return { ts };
            }
            catch (e) {
                return {
                    error: `tree-sitter failed to start (${e.message}): symbols fall back to line windows`,
                };
            }
        })();
        runtimes.set(key, p);
    }
    return p;
}
function loadGrammar(wasmDir, lang) {
    const key = `${wasmDir ?? ''}\0${lang}`;
    let p = grammars.get(key);
    if (!p) {
        p = (async () => {
            const file = exports.GRAMMARS[lang];
            const rt = await startRuntime(wasmDir);
            if (!rt.ts)
                return { error: rt.error };
            const path = locate(wasmDir, file, 'tree-sitter-wasms');
            if (!path)
                return { error: `grammar ${file} not found: ${lang} files use line windows` };
            try {
                const language = await rt.ts.Language.load(path);
                const parser = new rt.ts.Parser();
                parser.setLanguage(language);
                const types = Object.keys(DEFINITIONS[lang] ?? {}).filter((t) => language.idForNodeType(t, true) !== null);
                const query = new rt.ts.Query(language, types.map((t) => `(${t}) @def`).join('\n'));
                return { loaded: { parser, language, query } };
            }
            catch (e) {
                return {
                    error: `grammar ${file} failed to load (${e.message}): ${lang} files use line windows`,
                };
            }
        })();
        grammars.set(key, p);
    }
    return p;
}
/** Children of the root of a tree with errors past which a query is not run (see `extract`). */
const MAX_ERROR_CHILDREN = 5000;
class SymbolExtractor {
    wasmDir;
    notes = [];
    /** Languages whose grammar should exist but could not be used (results must not be cached). */
    degraded = new Set();
    constructor(wasmDir) {
        this.wasmDir = wasmDir;
    }
    async load(lang) {
        const r = await loadGrammar(this.wasmDir, lang);
        if (r.error) {
            this.degraded.add(lang);
            if (!this.notes.includes(r.error))
                this.notes.push(r.error);
        }
        return r.loaded;
    }
    /** Symbols of a file, or undefined when the language has no grammar (caller uses line windows). */
    async extract(lang, text) {
        if (!lang || !DEFINITIONS[lang])
            return undefined;
        const loaded = await this.load(lang);
        if (!loaded)
            return undefined;
        let tree;
        try {
            tree = loaded.parser.parse(text);
        }
        catch {
            return undefined;
        }
        if (!tree)
            return undefined;
        try {
            // Error recovery over unbalanced input (`{` repeated thousands of times, at any depth) leaves the
            // root an ERROR node with a child per token, and the query's time grows with the square of that:
            // such a file gets the outline of the definition scan instead of a query that could run for minutes.
            if (tree.rootNode.hasError && tree.rootNode.childCount > MAX_ERROR_CHILDREN)
                return (0, definitions_js_1.outlineByScan)(lang, text);
            return collect(loaded.query.captures(tree.rootNode).map((c) => c.node), DEFINITIONS[lang]);
        }
        finally {
            tree.delete();
        }
    }
}
exports.SymbolExtractor = SymbolExtractor;
function nameOf(node, type) {
    if (type === 'impl_item') {
        const t = node.childForFieldName('type');
        const tr = node.childForFieldName('trait');
        return t ? (tr ? `${t.text}` : t.text) : undefined;
    }
    if (type === 'method_declaration' && node.childForFieldName('receiver')) {
        // Go: func (s *Server) Serve() → Server.Serve
        const recv = node.childForFieldName('receiver').text.match(/\*?\s*([A-Za-z_]\w*)\s*(\[.*\])?\s*\)$/);
        const n = node.childForFieldName('name')?.text;
        return recv && n ? `${recv[1]}.${n}` : n;
    }
    const n = node.childForFieldName('name');
    if (n)
        return n.text.length <= 120 ? n.text : undefined;
    if (type === 'function_definition' || type === 'struct_specifier' || type === 'class_specifier') {
        const d = node.childForFieldName('declarator') ?? node.childForFieldName('name');
        const id = d?.text.match(/([A-Za-z_~][\w:~]*)\s*\(/) ?? d?.text.match(/([A-Za-z_]\w*)/);
        return id?.[1];
    }
    return undefined;
}
/** Longer names (the text of a node, a deep nesting) are cut. */
const MAX_NAME = 200;
/**
 * A name as it is listed: the text of a node can span lines (a Rust `impl` of a type written over
 * several), and a line break or other control character in it would start a line of its own wherever
 * the name is printed. Line breaks with their indentation become one space; other control characters
 * are written out.
 */
function shownName(name) {
    if (name === undefined)
        return undefined;
    if ((0, chars_js_1.hasControlChar)(name))
        name = (0, chars_js_1.escapeControlChars)(name.replace(/[ \t]*(?:\r\n|[\r\n\u2028\u2029])\s*/g, ' '));
    return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME)}…` : name;
}
/** Turns definition nodes (in document order) into qualified symbols. */
function collect(nodes, defs) {
    const out = [];
    const stack = [];
    nodes.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
    for (const node of nodes) {
        const type = node.type;
        const kind = defs[type];
        if (!kind)
            continue;
        while (stack.length && stack[stack.length - 1].end <= node.startIndex)
            stack.pop();
        let k = kind;
        if (type === 'variable_declarator') {
            // Only top-level constants holding functions, classes, schemas or objects are symbols.
            const value = node.childForFieldName('value');
            if (!value || !FUNCTION_VALUES.has(value.type) || stack.length > 0)
                continue;
            k = value.type.includes('function') ? 'function' : 'const';
        }
        const name = shownName(nameOf(node, type));
        if (!name)
            continue;
        const parent = stack[stack.length - 1];
        // Qualified names stay short however deep the nesting (thousands of nested functions would
        // otherwise make names whose total length grows with the square of the depth).
        const qualified = parent ? shownName(`${parent.name}.${name}`) : name;
        const inType = parent !== undefined && CONTAINERS.has(parent.kind);
        out.push({
            name: qualified,
            kind: inType && k === 'function' ? 'method' : k,
            startLine: node.startPosition.row + 1,
            endLine: node.endPosition.row + 1,
        });
        if (CONTAINERS.has(kind) || kind === 'function' || kind === 'method')
            stack.push({ end: node.endIndex, name: qualified, kind });
    }
    return out;
}
/** Fixed windows of lines for files without a grammar (or without symbols). */
function lineWindows(lineCount, size = 60) {
    const out = [];
    for (let s = 1; s <= lineCount; s += size) {
        const e = Math.min(lineCount, s + size - 1);
        out.push({ name: `lines ${s}-${e}`, kind: 'lines', startLine: s, endLine: e });
    }
    return out;
}


/***/ }),

/***/ 4722:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TermIndex = exports.CorruptIndexError = exports.TERM_INDEX_FORMAT = void 0;
exports.serializeTermIndex = serializeTermIndex;
/**
 * A MiniSearch index kept on disk term by term, so that a query loads only the postings of its own terms.
 *
 * MiniSearch (the lexical engine) scores with BM25 from three things: the postings of each query term,
 * every document's field lengths, and the average field lengths. The file written here holds exactly
 * MiniSearch's own serialization (`toJSON`, serialization version 2), split into lines: the first line
 * is everything but the postings, then one line per term, `["term",{fieldId:{docId:freq}}]`, sorted by
 * term (found by binary search). `engineFor` hands MiniSearch's `loadJS` the header plus the lines of
 * the query's terms: the scores are the ones the whole index would give, at a small fraction of the cost
 * of loading it (a warm query on a 1,500-file repository reads a few dozen lines instead of rebuilding a
 * 30,000-term tree).
 *
 * The index is also built here, from already-tokenized documents, in the form `toJSON` would produce:
 * building it through `MiniSearch.addAll` and then `toJSON` costs several times more for the same bytes.
 * A test checks that both give identical search results.
 */
const minisearch_1 = __importDefault(__webpack_require__(6008));
const cachefile_js_1 = __webpack_require__(9396);
exports.TERM_INDEX_FORMAT = 1;
/** MiniSearch's BM25 parameters (its defaults). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
/** Whether a property name is an array index: `Object.keys` lists those first, in numeric order. */
const isArrayIndex = (t) => /^(?:0|[1-9]\d*)$/.test(t) && Number(t) < 4294967295;
/** Serializes documents as a term-sliced MiniSearch index (see the module comment). */
function serializeTermIndex(fieldNames, docs, meta) {
    const documentIds = {};
    const fieldLength = {};
    const sums = fieldNames.map(() => 0);
    // Postings as flat (field, document, frequency) triples, appended in document order: few objects, so
    // little garbage on a large repository.
    const postings = new Map();
    const counts = new Map();
    docs.forEach((d, short) => {
        documentIds[short] = d.id;
        const lengths = [];
        for (let f = 0; f < fieldNames.length; f++) {
            counts.clear();
            for (const t of d.fields[f] ?? [])
                counts.set(t, (counts.get(t) ?? 0) + 1);
            // MiniSearch's field length is the number of distinct terms.
            lengths.push(counts.size);
            sums[f] += counts.size;
            for (const [t, n] of counts) {
                if (!t)
                    continue;
                const p = postings.get(t);
                if (p)
                    p.push(f, short, n);
                else
                    postings.set(t, [f, short, n]);
            }
        }
        fieldLength[short] = lengths;
    });
    const header = {
        format: exports.TERM_INDEX_FORMAT,
        documentCount: docs.length,
        nextId: docs.length,
        documentIds,
        fieldIds: Object.fromEntries(fieldNames.map((n, i) => [n, i])),
        fieldLength,
        averageFieldLength: sums.map((s) => (docs.length ? s / docs.length : 0)),
        storedFields: {},
        dirtCount: 0,
        serializationVersion: 2,
        ...(meta !== undefined ? { meta } : {}),
    };
    const terms = [...postings.keys()].sort();
    const parts = [JSON.stringify(header)];
    for (const t of terms) {
        // `toJSON`'s shape, written directly: ["term",{"field":{"doc":freq,…},…}]
        const p = postings.get(t);
        let line = `[${JSON.stringify(t)},{`;
        let firstField = true;
        for (let f = 0; f < fieldNames.length; f++) {
            let entries = '';
            for (let i = 0; i < p.length; i += 3) {
                if (p[i] !== f)
                    continue;
                entries += `${entries ? ',' : ''}"${p[i + 1]}":${p[i + 2]}`;
            }
            if (!entries)
                continue;
            line += `${firstField ? '' : ','}"${f}":{${entries}}`;
            firstField = false;
        }
        parts.push(`${line}}]`);
    }
    return `${parts.join('\n')}\n`;
}
/**
 * A term index whose postings turn out to be damaged when a query reads them (the header is checked
 * when the index is opened; the postings, term by term, only when a query needs them).
 */
class CorruptIndexError extends Error {
    name = 'CorruptIndexError';
}
exports.CorruptIndexError = CorruptIndexError;
const isCount = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
/**
 * Why a parsed header is not one `serializeTermIndex` wrote, or undefined. Everything a query relies
 * on is checked, so that a damaged or hand-edited file is rebuilt rather than trusted: documents
 * numbered 0..n-1, one length per field for each, and the average lengths those lengths give (a
 * `nextId` of billions would otherwise be an allocation of gigabytes, and a wrong length a wrong score).
 */
function headerProblem(h, fieldNames) {
    if (!(0, cachefile_js_1.isObject)(h))
        return 'no header';
    if (h.format !== exports.TERM_INDEX_FORMAT || h.serializationVersion !== 2)
        return 'format';
    const n = h.documentCount;
    if (!isCount(n) || h.nextId !== n || h.dirtCount !== 0)
        return 'document count';
    if (!(0, cachefile_js_1.isObject)(h.documentIds) ||
        !(0, cachefile_js_1.isObject)(h.fieldLength) ||
        !(0, cachefile_js_1.isObject)(h.fieldIds) ||
        !(0, cachefile_js_1.isObject)(h.storedFields))
        return 'tables';
    const byName = h.fieldIds;
    const fieldIds = Object.values(byName);
    const f = fieldIds.length;
    if (!fieldIds.every((id) => isCount(id) && id < f) || new Set(fieldIds).size !== f)
        return 'field ids';
    // The fields are numbered in the order the engine names them (a swap would move the field boosts).
    if (fieldNames && (f !== fieldNames.length || fieldNames.some((name, i) => byName[name] !== i)))
        return 'field names';
    const ids = h.documentIds;
    const lengths = h.fieldLength;
    if (Object.keys(ids).length !== n || Object.keys(lengths).length !== n)
        return 'document table';
    const sums = new Array(f).fill(0);
    for (let d = 0; d < n; d++) {
        const id = ids[d];
        if (typeof id !== 'string' && typeof id !== 'number')
            return `document ${d}`;
        const ls = lengths[d];
        if (!Array.isArray(ls) || ls.length !== f || !ls.every(isCount))
            return `lengths of document ${d}`;
        for (let i = 0; i < f; i++)
            sums[i] += ls[i];
    }
    const avg = h.averageFieldLength;
    // The averages are recomputed as the serializer computes them (sums of integers, exact).
    if (!Array.isArray(avg) || avg.length !== f || avg.some((a, i) => a !== (n ? sums[i] / n : 0)))
        return 'average lengths';
    return undefined;
}
/** A postings line parsed and checked: `["term",{"field":{"doc":frequency,…},…}]`. */
function checkedPostings(line, term) {
    let v;
    try {
        v = JSON.parse(line);
    }
    catch (e) {
        throw new CorruptIndexError(`postings of '${term.slice(0, 40)}': ${e.message.slice(0, 80)}`);
    }
    const ok = Array.isArray(v) &&
        v.length === 2 &&
        v[0] === term &&
        (0, cachefile_js_1.isObject)(v[1]) &&
        Object.values(v[1]).every((docs) => (0, cachefile_js_1.isObject)(docs) &&
            Object.values(docs).every((tf) => typeof tf === 'number' && Number.isSafeInteger(tf) && tf > 0));
    if (!ok)
        throw new CorruptIndexError(`postings of '${term.slice(0, 40)}' are not a term's postings`);
    return v;
}
/**
 * A term-sliced index opened for searching. `search` has MiniSearch's signature; the terms a query
 * needs are the ones the (search-time) tokenizer makes of it.
 */
class TermIndex {
    header;
    text;
    options;
    bodyStart;
    /** Throws when the text is not a term index of this format (callers rebuild it). */
    constructor(text, options) {
        const nl = text.indexOf('\n');
        if (nl < 0)
            throw new Error('no header line');
        const header = JSON.parse(text.slice(0, nl));
        const problem = headerProblem(header, options.fields);
        if (problem)
            throw new Error(`not a term index of this format: ${problem}`);
        this.header = header;
        this.text = text;
        this.options = options;
        this.bodyStart = nl;
    }
    get documentCount() {
        return this.header.documentCount;
    }
    /** The term a postings line (starting at `start`) is about. */
    termAt(start) {
        // Lines start with `["term",`: the term is a JSON string (plain tokens need no decoding).
        const text = this.text;
        let i = start + 2;
        let escaped = false;
        while (i < text.length && text.charCodeAt(i) !== 34 /* " */) {
            if (text.charCodeAt(i) === 92 /* \ */) {
                escaped = true;
                i++;
            }
            i++;
        }
        const raw = text.slice(start + 2, i);
        return escaped ? JSON.parse(`"${raw}"`) : raw;
    }
    /** The postings line of one term, parsed, or undefined when no document has it (binary search). */
    postings(term) {
        const text = this.text;
        let lo = this.bodyStart + 1; // always the start of a line
        let hi = text.length; // the start of a line, or the end
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            const start = text.lastIndexOf('\n', mid - 1) + 1;
            let end = text.indexOf('\n', start);
            if (end < 0)
                end = text.length;
            const t = this.termAt(start);
            if (t === term)
                return checkedPostings(text.slice(start, end), term);
            if (t < term)
                lo = end + 1;
            else
                hi = start;
        }
        return undefined;
    }
    /** Field lengths per document (MiniSearch's `_fieldLength`), one array per field, made on first use. */
    lengths;
    fieldLengths() {
        if (this.lengths)
            return this.lengths;
        const n = this.header.nextId;
        const fields = Object.keys(this.header.fieldIds).length;
        const out = Array.from({ length: fields }, () => new Float64Array(n));
        for (const [doc, ls] of Object.entries(this.header.fieldLength)) {
            const d = Number(doc);
            if (Number.isInteger(d) && d >= 0 && d < n)
                for (let f = 0; f < fields; f++)
                    out[f][d] = ls[f] ?? 0;
        }
        this.lengths = out;
        return out;
    }
    /** Whether the header knows a document (postings of others are skipped, as MiniSearch does). */
    known(doc) {
        return doc < this.header.nextId && this.header.documentIds[doc] !== undefined;
    }
    /** The query's terms as the search-time tokenizer makes them, each with its number of occurrences. */
    queryTerms(query, searchOptions) {
        const defaults = this.options.searchOptions ?? {};
        const tokenize = searchOptions.tokenize ?? defaults.tokenize ?? this.options.tokenize;
        const processTerm = searchOptions.processTerm ?? defaults.processTerm ?? this.options.processTerm;
        if (!tokenize)
            throw new Error('TermIndex needs a tokenizer');
        const counts = new Map();
        for (const raw of tokenize(query)) {
            const p = processTerm ? processTerm(raw) : raw;
            for (const t of Array.isArray(p) ? p : p ? [p] : [])
                counts.set(t, (counts.get(t) ?? 0) + 1);
        }
        return counts;
    }
    /**
     * `search` without MiniSearch: the same BM25 sums, in the same order of floating-point operations, and
     * the same order of results (ties in the order MiniSearch first meets the documents), read straight
     * from the postings lines. MiniSearch builds a match object per document and term and merges one map
     * per term; on a long task text over a few thousand commits that was a third of a warm query's time.
     * Covers what the ranking uses (exact terms, OR, field and term boosts); other options go to `search`.
     */
    scores(query, searchOptions = {}) {
        const defaults = this.options.searchOptions ?? {};
        const o = { ...defaults, ...searchOptions };
        if (o.fuzzy ||
            o.prefix ||
            o.boostDocument ||
            o.filter ||
            o.weights ||
            o.bm25 ||
            (o.combineWith && o.combineWith.toUpperCase() !== 'OR')) {
            return this.search(query, searchOptions).map((r) => ({
                id: r.id,
                score: r.score,
                terms: r.terms,
            }));
        }
        const counts = this.queryTerms(query, searchOptions);
        const unique = [...counts.keys()];
        const fieldNames = (o.fields ?? this.options.fields);
        const fields = fieldNames.map((name) => ({
            boost: (o.boost && Object.prototype.hasOwnProperty.call(o.boost, name) ? o.boost[name] : 0) || 1,
            id: this.header.fieldIds[name],
        }));
        const lengths = this.fieldLengths();
        const avg = this.header.averageFieldLength;
        const total = this.header.documentCount;
        const n = this.header.nextId;
        const sum = new Float64Array(n);
        const partial = new Float64Array(n);
        const quality = new Uint32Array(n);
        const matched = [];
        const order = [];
        const touched = [];
        const { k, b, d } = BM25;
        unique.forEach((term, i) => {
            const line = this.postings(term);
            if (!line)
                return;
            const data = line[1];
            const boost = counts.get(term) * (o.boostTerm ? o.boostTerm(term, i, unique) : 1);
            touched.length = 0;
            for (const { boost: fieldBoost, id } of fields) {
                const entry = id === undefined ? undefined : data[id];
                if (!entry)
                    continue;
                const docs = Object.keys(entry);
                let matching = docs.length;
                const avgLength = avg[id];
                let idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
                const length = lengths[id];
                for (const key of docs) {
                    const doc = Number(key);
                    if (!this.known(doc)) {
                        // MiniSearch drops it and counts one document fewer from there on.
                        matching--;
                        idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
                        continue;
                    }
                    const tf = entry[key];
                    const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length[doc]) / avgLength)));
                    const weighted = boost * fieldBoost * raw;
                    if (quality[doc] === 0) {
                        order.push(doc);
                        matched[doc] = [];
                    }
                    if (matched[doc][matched[doc].length - 1] !== i) {
                        matched[doc].push(i);
                        quality[doc]++;
                        touched.push(doc);
                        partial[doc] = weighted;
                    }
                    else
                        partial[doc] += weighted;
                }
            }
            for (const doc of touched)
                sum[doc] = matched[doc].length === 1 ? partial[doc] : sum[doc] + partial[doc];
        });
        const out = order.map((doc) => {
            let terms = matched[doc].map((i) => unique[i]);
            // MiniSearch lists the terms as the keys of an object: array indices first, in numeric order.
            if (terms.some(isArrayIndex))
                terms = [
                    ...terms.filter(isArrayIndex).sort((x, y) => Number(x) - Number(y)),
                    ...terms.filter((t) => !isArrayIndex(t)),
                ];
            return { id: this.header.documentIds[doc], score: sum[doc] * quality[doc], terms };
        });
        // Array.prototype.sort is stable: ties keep the order the documents were met in, as in MiniSearch.
        return out.sort((x, y) => y.score - x.score);
    }
    /** A MiniSearch holding every document but only the postings of `terms`. */
    engineFor(terms) {
        const index = [];
        for (const t of new Set(terms)) {
            const line = this.postings(t);
            if (line)
                index.push(line);
        }
        return minisearch_1.default.loadJS({ ...this.header, index }, this.options);
    }
    /**
     * MiniSearch's `search`. A term repeated in the query is looked up once with its boost multiplied by
     * its count: MiniSearch sums one result per occurrence, so the scores are the same (to the last bits
     * of floating point) for a fraction of the work on a long task text.
     */
    search(query, searchOptions = {}) {
        const counts = this.queryTerms(query, searchOptions);
        const unique = [...counts.keys()];
        const boost = searchOptions.boostTerm ?? this.options.searchOptions?.boostTerm;
        return this.engineFor(unique).search(query, {
            ...searchOptions,
            tokenize: () => unique,
            processTerm: (t) => t,
            boostTerm: (t, i, ts) => counts.get(t) * (boost ? boost(t, i, ts) : 1),
        });
    }
}
exports.TermIndex = TermIndex;


/***/ }),

/***/ 5593:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.stem = stem;
exports.splitIdentifier = splitIdentifier;
exports.identifierPairs = identifierPairs;
exports.identifierTerms = identifierTerms;
exports.tokenize = tokenize;
exports.cleanQuery = cleanQuery;
exports.queryTerms = queryTerms;
exports.compoundKey = compoundKey;
exports.pathTerms = pathTerms;
exports.parseQuery = parseQuery;
exports.cutAtWord = cutAtWord;
/**
 * Tokenization shared by the index and the query: identifiers are split at camelCase and snake_case
 * boundaries (and kept whole as well, so an exact identifier still outranks its parts), lower-cased,
 * stemmed, and stripped of stop words. Numbers are dropped: in task text they are mostly issue numbers.
 */
const stemmer_1 = __webpack_require__(3946);
const STOP = new Set(('a an and are as at be been but by can could did do does done for from had has have he her his how i if in ' +
    'into is it its just let may me might more most must my no nor not of on or our out should so some such than ' +
    'that the their them then there these they this those to too up us use used using via was we were what when ' +
    'where which while who why will with would you your also all any each other only own same very now new ' +
    // Words every commit message or every file has; their idf is near zero anyway, dropping them keeps the
    // index small.
    'self return def const var import export true false none null undefined fix fixes fixed issue pr ' +
    'http https www com github').split(' '));
const stemCache = new Map();
function stem(word) {
    let s = stemCache.get(word);
    if (s === undefined) {
        // Three-letter words are stemmed too: the stemmer maps "keys" to "kei", so "key" must go there as well.
        s = word.length <= 2 ? word : (0, stemmer_1.stemmer)(word);
        if (stemCache.size > 200_000)
            stemCache.clear();
        stemCache.set(word, s);
    }
    return s;
}
/** `parseHTTPResponse_v2` → ["parse", "HTTP", "Response", "v2"]. */
function splitIdentifier(id) {
    return id
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .split(/[\s_$]+/)
        .filter(Boolean);
}
const IDENT = /[A-Za-z_$][A-Za-z0-9_$]*/g;
const termsCache = new Map();
function computeIdentifierTerms(id) {
    const out = [];
    const parts = splitIdentifier(id);
    for (const p of parts) {
        const low = p.toLowerCase();
        if (low.length < 2 || STOP.has(low) || /^\d+$/.test(low))
            continue;
        out.push(stem(low));
    }
    if (parts.length > 1) {
        const whole = id.toLowerCase().replace(/[_$]/g, '');
        if (whole.length >= 3)
            out.push(whole);
    }
    return out;
}
/**
 * Adjacent parts of a compound identifier joined (stemmed), as `queryTerms` joins adjacent words:
 * `getArrayQueryKey` → `getarrai`, `arraiqueri`, `querikei`, so "query keys" finds it.
 */
function identifierPairs(id, out) {
    const parts = splitIdentifier(id);
    for (let i = 0; i + 1 < parts.length; i++) {
        const a = parts[i].toLowerCase();
        const b = parts[i + 1].toLowerCase();
        if (a.length < 3 || b.length < 3 || STOP.has(a) || STOP.has(b) || /\d/.test(a + b))
            continue;
        out.push(stem(a) + stem(b));
    }
}
/** Terms of one identifier: its stemmed parts and, when compound, the whole identifier (memoized). */
function identifierTerms(id, out) {
    let terms = termsCache.get(id);
    if (!terms) {
        terms = computeIdentifierTerms(id);
        if (termsCache.size > 500_000)
            termsCache.clear();
        termsCache.set(id, terms);
    }
    for (const t of terms)
        out.push(t);
}
/** All terms of a text, in order (with repeats). A hand-written scanner: this runs over every file. */
function tokenize(text) {
    const out = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
        const c = text.charCodeAt(i);
        // [A-Za-z_$] starts an identifier
        if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36) {
            let j = i + 1;
            while (j < n) {
                const d = text.charCodeAt(j);
                if ((d >= 65 && d <= 90) || (d >= 97 && d <= 122) || (d >= 48 && d <= 57) || d === 95 || d === 36)
                    j++;
                else
                    break;
            }
            if (j - i <= 80)
                identifierTerms(text.slice(i, j), out);
            i = j;
        }
        else if (c >= 48 && c <= 57) {
            // skip numbers together with any letters glued to them (0x1F, 10px)
            let j = i + 1;
            while (j < n) {
                const d = text.charCodeAt(j);
                if ((d >= 65 && d <= 90) || (d >= 97 && d <= 122) || (d >= 48 && d <= 57) || d === 95)
                    j++;
                else
                    break;
            }
            i = j;
        }
        else
            i++;
    }
    return out;
}
/**
 * Task text as the ranking should read it: without trailers, links, HTML comments and checklists
 * (templates say the same in every task), with the first line (the subject) counted twice.
 */
function cleanQuery(text, subjectTwice = true) {
    const lines = text
        .replace(/<!--[\s\S]*?-->/g, ' ')
        .replace(/\bhttps?:\/\/\S+/g, ' ')
        .split('\n')
        .filter((l) => !/^\s*(co-authored-by|signed-off-by|reviewed-by|acked-by|change-id|cc):/i.test(l) &&
        !/^\s*[-*]\s*\[[ xX]\]/.test(l));
    const subject = lines.find((l) => l.trim()) ?? '';
    return subjectTwice ? `${subject}\n${lines.join('\n')}` : lines.join('\n');
}
/**
 * Query terms: the text's terms plus each pair of adjacent words joined, so "HTTPS redirect" also
 * looks for `httpsredirect` / `HttpsRedirect` (file and identifier names written as one word).
 */
function queryTerms(text) {
    const out = tokenize(text);
    const words = text.match(/[A-Za-z]+/g) ?? [];
    const seen = new Set();
    for (let i = 0; i + 1 < words.length; i++) {
        const a = words[i].toLowerCase();
        const b = words[i + 1].toLowerCase();
        if (a.length < 3 || b.length < 3 || STOP.has(a) || STOP.has(b))
            continue;
        for (const joined of [stem(a) + stem(b), a + b]) {
            if (!seen.has(joined)) {
                seen.add(joined);
                out.push(joined);
            }
        }
    }
    return out;
}
/** The compound form of an identifier, as `identifierTerms` emits it (for exact symbol matching). */
function compoundKey(id) {
    return id.toLowerCase().replace(/[_$]/g, '');
}
/** Tokens of a repository path: its folders, name and extension split like identifiers. */
function pathTerms(path) {
    const out = [];
    for (const seg of path.split(/[/\\.-]+/))
        if (seg)
            identifierTerms(seg, out);
    return out;
}
const PATH_MENTION = /(?:^|[\s`'"([])((?:[\w@.-]+\/)*[\w@-]+\.(?:py|pyi|ts|tsx|js|jsx|mjs|cjs|go|java|rs|rb|c|h|cc|cpp|hpp|cs|php|kt|swift|scala|md|rst|toml|json|ya?ml))\b/g;
const DOTTED = /\b([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)+)\b/g;
const BACKTICK = /`([^`\n]{1,80})`/g;
function parseQuery(text) {
    const terms = tokenize(text);
    const identifiers = new Set();
    const pathMentions = new Set();
    for (const m of text.matchAll(PATH_MENTION))
        pathMentions.add(m[1]);
    for (const m of text.matchAll(BACKTICK)) {
        for (const id of m[1].matchAll(IDENT))
            if (id[0].length >= 3)
                identifiers.add(id[0]);
    }
    for (const m of text.matchAll(DOTTED)) {
        const d = m[1];
        if (/\.(py|ts|js|tsx|jsx|md|rst|go|rs|java|json|toml|ya?ml)$/.test(d))
            continue;
        if (/^(e\.g|i\.e|etc)\b/i.test(d))
            continue;
        pathMentions.add(d);
        for (const part of d.split('.'))
            if (part.length >= 3)
                identifiers.add(part);
    }
    for (const m of text.matchAll(IDENT)) {
        const id = m[0];
        // camelCase / PascalCase with an inner capital, or snake_case: almost certainly code.
        if (id.length >= 4 &&
            (/[a-z][A-Z]/.test(id) || /[A-Za-z]_[A-Za-z]/.test(id) || /^[A-Z][a-z]+[A-Z]/.test(id))) {
            identifiers.add(id.replace(/^_+|_+$/g, ''));
        }
    }
    const head = text.split('\n', 1)[0] ?? '';
    const aboutTests = /\b(tests?|testing|test suite|unit tests?|spec|specs|fixtures?|flaky|coverage|conftest|pytest|jest|vitest)\b/i.test(head) && !/\b(add(ed|s)?|with|and|update[sd]?)\s+(a\s+|some\s+|more\s+)?(regression\s+)?tests?\b/i.test(head);
    return { terms, identifiers: [...identifiers], pathMentions: [...pathMentions], aboutTests };
}
/**
 * The first `max` characters of a line shown as evidence, cut between words: a secret in a commit
 * subject cut in its middle would be too short for the secret scan to recognise, and would be shown
 * half. A cut line ends in `…`.
 */
function cutAtWord(text, max) {
    if (text.length <= max)
        return text;
    let t = text.slice(0, max);
    if (/\S/.test(text[max]))
        t = t.replace(/\S+$/, '');
    return `${t.trimEnd()}…`;
}


/***/ })

};
