export const id = 208;
export const ids = [208];
export const modules = {

/***/ 1142:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_SNIPPET_CHARS = exports.Context7Client = exports.Context7Error = exports.CONTEXT7_DEFAULT_BASE_URL = void 0;
exports.capChars = capChars;
exports.versionedId = versionedId;
/**
 * Context7 over HTTP (used only when an API key is configured): resolve a library's Context7 id with
 * `GET /api/v2/libs/search?libraryName=…&query=…`, then fetch documentation snippets for the task with
 * `GET /api/v2/context?libraryId=…&query=…&type=json`. Answers are cached on disk (keyed by the request,
 * never by the key) so reruns and parallel tasks do not spend quota; failures become notes, never
 * errors — external docs improve a bundle but are never required for one.
 */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const fs_js_1 = __webpack_require__(1917);
const chars_js_1 = __webpack_require__(5153);
exports.CONTEXT7_DEFAULT_BASE_URL = 'https://context7.com/api';
class Context7Error extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.name = 'Context7Error';
    }
}
exports.Context7Error = Context7Error;
class Context7Client {
    opts;
    base;
    doFetch;
    /** Requests made over the network (not from cache) in this client's life. */
    requests = 0;
    constructor(opts) {
        this.opts = opts;
        this.base = (opts.baseUrl ?? exports.CONTEXT7_DEFAULT_BASE_URL).replace(/\/+$/, '');
        this.doFetch = opts.fetch ?? fetch;
    }
    /** Libraries matching a name, best match first (an exact name or id match wins over the API's order). */
    async searchLibraries(libraryName, query) {
        const body = await this.get('/v2/libs/search', { libraryName, query });
        // The answer is untrusted: anything that is not the documented shape is left out, never a crash.
        const raw = objects(Array.isArray(body) ? body : isObject(body) ? body.results : undefined);
        const libs = raw
            .filter((r) => typeof r.id === 'string')
            .map((r) => ({
            id: r.id,
            title: text(r.title) ?? text(r.name) ?? r.id,
            description: typeof r.description === 'string' ? r.description : undefined,
            versions: Array.isArray(r.versions)
                ? r.versions
                    .filter((v) => typeof v === 'string' || typeof v === 'number')
                    .map(String)
                : [],
            totalSnippets: typeof r.totalSnippets === 'number' ? r.totalSnippets : undefined,
            trustScore: typeof r.trustScore === 'number' ? r.trustScore : undefined,
        }));
        const n = libraryName.toLowerCase().replace(/^@/, '');
        const exact = (l) => l.title.toLowerCase() === n || l.id.toLowerCase().split('/').pop() === n.split('/').pop() ? 1 : 0;
        // Stable: keep the API's order except that exact name matches come first.
        return libs
            .map((l, i) => ({ l, i }))
            .sort((a, b) => exact(b.l) - exact(a.l) || a.i - b.i)
            .map((x) => x.l);
    }
    /** Documentation snippets of a library for a query. */
    async context(libraryId, query) {
        const body = await this.get('/v2/context', { libraryId, query, type: 'json' });
        if (typeof body === 'string')
            return body.trim() ? [{ title: libraryId, content: capSnippet(body.trim()) }] : [];
        const b = isObject(body) ? body : {};
        const out = [];
        for (const s of objects(b.codeSnippets)) {
            const list = objects(s.codeList);
            const code = list
                .map((c) => text(c.code) ?? '')
                .filter(Boolean)
                .join('\n\n');
            const desc = text(s.codeDescription) ?? '';
            const content = [desc, code].filter(Boolean).join('\n\n');
            if (!content.trim())
                continue;
            out.push({
                title: text(s.codeTitle) ?? text(s.title) ?? 'snippet',
                content: capSnippet(content),
                language: text(list[0]?.language) ?? text(s.codeLanguage) ?? '',
                source: text(s.codeId) ?? text(s.pageTitle),
            });
        }
        for (const s of objects(b.infoSnippets)) {
            const content = (text(s.content) ?? '').trim();
            if (!content)
                continue;
            out.push({
                title: text(s.breadcrumb) ?? text(s.title) ?? 'documentation',
                content: capSnippet(content),
                source: text(s.pageId),
            });
        }
        return out;
    }
    async get(path, params) {
        const url = new URL(this.base + path);
        for (const [k, v] of Object.entries(params))
            url.searchParams.set(k, v);
        const cacheFile = this.opts.cacheDir
            ? (0, node_path_1.join)(this.opts.cacheDir, `${(0, fs_js_1.sha256)(url.toString()).slice(0, 32)}.json`)
            : undefined;
        const now = this.opts.now?.() ?? Date.now();
        const ttl = this.opts.cacheTtlMs ?? 7 * 24 * 3600 * 1000;
        if (cacheFile && (0, node_fs_1.existsSync)(cacheFile)) {
            try {
                const c = JSON.parse((0, node_fs_1.readFileSync)(cacheFile, 'utf8'));
                // An entry written "in the future" (a clock set wrong, a file copied in) would never expire.
                if (c.url === url.toString() && typeof c.at === 'number' && c.at <= now && now - c.at < ttl)
                    return c.body;
            }
            catch {
                // A damaged cache entry is refetched.
            }
        }
        // One deadline for the whole exchange, body included (a server that drips one byte a second must not
        // hold the bundle), a bound on the body, and no redirects: documentation comes from this host only.
        const timeoutMs = this.opts.timeoutMs ?? 20_000;
        const ctl = new AbortController();
        const timer = setTimeout(() => ctl.abort(), timeoutMs);
        const failed = (why) => new Context7Error(`Context7 request to ${url.origin}${url.pathname} failed: ${why}`);
        let res;
        let text;
        try {
            this.requests++;
            try {
                res = await this.doFetch(url, {
                    headers: { Authorization: `Bearer ${this.opts.apiKey}`, Accept: 'application/json, text/plain' },
                    signal: ctl.signal,
                    redirect: 'manual',
                });
            }
            catch (e) {
                throw failed(ctl.signal.aborted ? `timed out after ${timeoutMs} ms` : e.message);
            }
            if (res.status >= 300 && res.status < 400) {
                await res.body?.cancel().catch(() => { });
                throw failed(`redirected (HTTP ${res.status}); redirects are not followed`);
            }
            try {
                text = await readBounded(res, MAX_BODY_BYTES);
            }
            catch (e) {
                throw failed(ctl.signal.aborted ? `timed out after ${timeoutMs} ms` : e.message);
            }
        }
        finally {
            clearTimeout(timer);
        }
        if (!res.ok) {
            let detail = '';
            try {
                const j = JSON.parse(text);
                detail = String(j.message ?? j.error ?? '');
            }
            catch {
                detail = text.slice(0, 200);
            }
            const what = res.status === 401 || res.status === 403
                ? 'the API key was refused'
                : res.status === 429
                    ? 'rate limited or out of quota'
                    : res.status === 404
                        ? 'not found'
                        : `HTTP ${res.status}`;
            // The server's text may echo the request's Authorization header: every copy of the key goes.
            const clean = this.opts.apiKey ? detail.split(this.opts.apiKey).join('***') : detail;
            throw new Context7Error(`Context7 ${url.pathname}: ${what}${clean ? ` (${clean.slice(0, 200)})` : ''}`, res.status);
        }
        // A proxy's or a maintenance page answers 200 with HTML: that is no documentation, and caching it
        // would hide the library for days.
        if (/\btext\/html\b/i.test(res.headers.get('content-type') ?? '') ||
            /^\s*<(?:!doctype|html)\b/i.test(text))
            throw failed('the answer is an HTML page, not the API');
        // A server may echo the request's Authorization header in a normal answer too: the key never
        // reaches the cache, the bundle or a prompt.
        if (this.opts.apiKey)
            text = text.split(this.opts.apiKey).join('***');
        let body = text;
        if ((res.headers.get('content-type') ?? '').includes('json') || /^\s*[[{]/.test(text)) {
            try {
                body = JSON.parse(text);
            }
            catch {
                body = text;
            }
        }
        if (cacheFile) {
            (0, fs_js_1.ensureDir)(this.opts.cacheDir);
            (0, fs_js_1.writeFileAtomic)(cacheFile, JSON.stringify({ at: now, url: url.toString(), body }));
        }
        return body;
    }
}
exports.Context7Client = Context7Client;
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** The objects of a JSON array (nothing for anything else). */
function objects(v) {
    return Array.isArray(v) ? v.filter(isObject) : [];
}
/** A JSON string or number as text; anything else (objects, null) is no text. */
function text(v) {
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}
/**
 * Characters of one snippet kept: a snippet is documentation for one query, kilobytes; a megabyte of it
 * would only cost time (counting its tokens) before the budget leaves it out.
 */
exports.MAX_SNIPPET_CHARS = 16_000;
/** At most `max` characters of `s`, saying how many more there were. */
function capChars(s, max) {
    if (s.length <= max)
        return s;
    const kept = (0, chars_js_1.sliceWhole)(s, max);
    return `${kept}\n… (${s.length - kept.length} more characters not shown)`;
}
function capSnippet(s) {
    return capChars(s, exports.MAX_SNIPPET_CHARS);
}
/** An answer larger than this is refused: documentation snippets for one query are kilobytes. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
async function readBounded(res, max) {
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > max) {
        await res.body?.cancel().catch(() => { });
        throw new Error(`the answer is ${declared} bytes; at most ${max} are read`);
    }
    if (!res.body)
        return '';
    const reader = res.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        size += value.byteLength;
        if (size > max) {
            await reader.cancel().catch(() => { });
            throw new Error(`the answer is larger than ${max} bytes`);
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
}
/** The Context7 id for an installed version, when the library lists that version (`/org/lib/v1.4.46`). */
function versionedId(lib, version) {
    if (!version)
        return lib.id;
    const v = version.replace(/^v/, '');
    const tag = lib.versions.find((t) => t.replace(/^v/, '') === v);
    return tag ? `${lib.id}/${tag}` : lib.id;
}


/***/ }),

/***/ 2904:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_LOOKUPS_PER_LIBRARY = exports.MAX_FACT_CHARS = exports.parseManifest = exports.parseImports = exports.detectLibraries = exports.CONTEXT7_DEFAULT_BASE_URL = exports.Context7Error = exports.Context7Client = void 0;
exports.discoverSitePackages = discoverSitePackages;
exports.defaultInterpreters = defaultInterpreters;
exports.gatherKnowledge = gatherKnowledge;
/**
 * External knowledge for a task: the third-party libraries it touches and their API facts, from what
 * is installed (TypeScript declarations in node_modules, Python stubs and docstrings in site-packages)
 * and, when a key is configured, from Context7. Offline by default; never fails a bundle.
 */
const node_fs_1 = __webpack_require__(3024);
const node_os_1 = __webpack_require__(8161);
const node_path_1 = __webpack_require__(6760);
const index_js_1 = __webpack_require__(2157);
const git_js_1 = __webpack_require__(308);
const chars_js_1 = __webpack_require__(5153);
const log_js_1 = __webpack_require__(9906);
const context7_js_1 = __webpack_require__(1142);
const detect_js_1 = __webpack_require__(4413);
const python_js_1 = __webpack_require__(6564);
const typescript_js_1 = __webpack_require__(9765);
const lockfiles_js_1 = __webpack_require__(8522);
var context7_js_2 = __webpack_require__(1142);
Object.defineProperty(exports, "Context7Client", ({ enumerable: true, get: function () { return context7_js_2.Context7Client; } }));
Object.defineProperty(exports, "Context7Error", ({ enumerable: true, get: function () { return context7_js_2.Context7Error; } }));
Object.defineProperty(exports, "CONTEXT7_DEFAULT_BASE_URL", ({ enumerable: true, get: function () { return context7_js_2.CONTEXT7_DEFAULT_BASE_URL; } }));
var detect_js_2 = __webpack_require__(4413);
Object.defineProperty(exports, "detectLibraries", ({ enumerable: true, get: function () { return detect_js_2.detectLibraries; } }));
Object.defineProperty(exports, "parseImports", ({ enumerable: true, get: function () { return detect_js_2.parseImports; } }));
Object.defineProperty(exports, "parseManifest", ({ enumerable: true, get: function () { return detect_js_2.parseManifest; } }));
const sysPathCache = new Map();
/** site-packages directories of the given interpreters (asked once per process each). */
async function discoverSitePackages(interpreters, log = log_js_1.silentLogger) {
    const out = [];
    for (const py of interpreters) {
        let paths = sysPathCache.get(py);
        if (paths === undefined) {
            const quoted = `'${py.replace(/'/g, `'\\''`)}'`;
            // Asked from an empty folder, never from the repository: `python -c` puts the working folder first
            // on the import path, so a committed json.py or sys.py would run.
            const empty = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'guardian-python-'));
            const r = await (0, index_js_1.runCommand)({
                command: `${quoted} -c 'import json, sys; print(json.dumps(sys.path))'`,
                cwd: empty,
                timeoutMs: 20_000,
                maxOutputBytes: 64 * 1024,
            }).finally(() => (0, node_fs_1.rmSync)(empty, { recursive: true, force: true }));
            paths = null;
            if (r.exitCode === 0) {
                try {
                    const line = r.output.trim().split('\n').pop() ?? '[]';
                    paths = JSON.parse(line).filter((p) => typeof p === 'string');
                }
                catch {
                    paths = null;
                }
            }
            if (!paths)
                log.debug(`python interpreter ${py} did not answer (${r.error ?? `exit ${r.exitCode}`})`);
            sysPathCache.set(py, paths);
        }
        for (const p of paths ?? []) {
            if (!/(?:site|dist)-packages\/?$/.test(p))
                continue;
            if (!isDir(p) || out.includes(p))
                continue;
            out.push(p);
        }
    }
    return out;
}
/** Where a node_modules folder that is a link leading out of its project's folder points, if it is one. */
function linkedOutOfProject(nm) {
    try {
        if (!(0, node_fs_1.lstatSync)(nm).isSymbolicLink())
            return undefined;
        const to = (0, node_fs_1.realpathSync)(nm);
        const rel = (0, node_path_1.relative)((0, node_fs_1.realpathSync)((0, node_path_1.dirname)(nm)), to);
        return rel.startsWith('..') || (0, node_path_1.isAbsolute)(rel) ? to : undefined;
    }
    catch {
        return undefined;
    }
}
function isDir(p) {
    try {
        return (0, node_fs_1.statSync)(p).isDirectory();
    }
    catch {
        return false;
    }
}
function defaultInterpreters(root) {
    const venvs = ['.venv/bin/python', 'venv/bin/python', '.venv/Scripts/python.exe']
        .filter((p) => (0, node_fs_1.existsSync)((0, node_path_1.join)(root, p)))
        // A virtualenv made on this machine is git-ignored; an interpreter the repository itself commits is
        // code from the repository, and the Bundler never runs that.
        .filter((p) => !isTracked(root, p))
        .map((p) => (0, node_path_1.join)(root, p));
    return [...venvs, 'python3', '/usr/bin/python3'];
}
function isTracked(root, rel) {
    const r = (0, git_js_1.execGit)(['ls-files', '-z', '--', rel], { cwd: root, allowFailure: true });
    // Outside a repository nothing is tracked, and nothing vouches for the file either.
    return r.code !== 0 || r.stdout.length > 0;
}
/** Gathers libraries, API facts and notes. Errors of providers become notes. */
async function gatherKnowledge(opts) {
    const log = opts.log ?? log_js_1.silentLogger;
    (0, python_js_1.clearPythonCache)();
    (0, typescript_js_1.clearTypescriptCache)();
    const notes = [];
    const manifests = opts.manifests.flatMap((m) => (0, detect_js_1.parseManifest)(m.path, m.text, m.kind));
    const maxLibraries = opts.maxLibraries ?? 4;
    const maxFacts = opts.maxFactsPerLibrary ?? 6;
    // Python environment only when the task touches Python code or declares Python dependencies.
    const pythonRelevant = opts.sources.some((s) => /\.pyi?$/.test(s.path)) || manifests.some((d) => d.ecosystem === 'python');
    let sites = [];
    if (pythonRelevant) {
        sites =
            opts.python?.sitePackages?.filter(isDir) ??
                (await discoverSitePackages(opts.python?.interpreters ?? defaultInterpreters(opts.root), log));
        if (sites.length === 0)
            notes.push({ message: 'no Python site-packages found: no offline API facts for Python libraries' });
    }
    const topLevelDist = new Map();
    const distImport = new Map();
    for (const site of sites) {
        for (const d of (0, python_js_1.installedDists)(site)) {
            for (const t of d.topLevel)
                if (!topLevelDist.has(t))
                    topLevelDist.set(t, d.name);
            const imp = (0, python_js_1.importNameOf)(d);
            const key = (0, detect_js_1.normalizePyName)(d.name);
            if (imp && !distImport.has(key))
                distImport.set(key, imp);
        }
    }
    // A stubs-only distribution names the package it types (`types-Pillow` installs `PIL-stubs`): with
    // the package itself not installed, that still tells `PIL` and Pillow are one library. Stubs of a
    // namespace (`google-stubs`, from types-protobuf and others) name no one distribution.
    const typedBy = new Map();
    for (const site of sites) {
        for (const d of (0, python_js_1.installedDists)(site)) {
            const typed = /^types[-_.](.+)$/i.exec(d.name)?.[1];
            if (!typed)
                continue;
            for (const t of d.topLevel) {
                const imp = /^([A-Za-z_]\w*)-stubs$/.exec(t)?.[1];
                if (imp)
                    typedBy.set(imp, (typedBy.get(imp) ?? new Set()).add(typed));
            }
        }
    }
    for (const [imp, typed] of typedBy) {
        if (typed.size !== 1)
            continue;
        const [dist] = [...typed];
        if (!topLevelDist.has(imp))
            topLevelDist.set(imp, dist);
        if (!distImport.has((0, detect_js_1.normalizePyName)(dist)))
            distImport.set((0, detect_js_1.normalizePyName)(dist), imp);
    }
    // Distributions sharing a namespace (`google-auth` and `protobuf` both install under `google/`) each
    // own their packages below it (`google.auth`, `google.protobuf`), by their RECORD: a module of the
    // namespace is attributed to the distribution owning it, at that distribution's version.
    // Stubs-only distributions (`types-protobuf`) do not: their version is not the library's.
    const rootDist = new Map();
    for (const site of sites)
        for (const d of (0, python_js_1.installedDists)(site)) {
            if (/^types[-_.]/i.test(d.name))
                continue;
            for (const r of (0, python_js_1.distRoots)(d))
                if (r.includes('.') && !rootDist.has(r))
                    rootDist.set(r, d.name);
        }
    const namespaces = new Set();
    for (const r of rootDist.keys()) {
        const parts = r.split('.');
        for (let k = 1; k < parts.length; k++)
            namespaces.add(parts.slice(0, k).join('.'));
    }
    const pythonLibraryOf = (module) => {
        const parts = module.split('.');
        if (!namespaces.has(parts[0]))
            return undefined;
        for (let k = parts.length; k >= 2; k--) {
            const p = parts.slice(0, k).join('.');
            if (rootDist.has(p))
                return p;
        }
        // Not installed: the package below the namespaces others install into (`google.cloud.storage`).
        for (let k = 2; k <= parts.length; k++) {
            const p = parts.slice(0, k).join('.');
            if (!namespaces.has(p))
                return p;
        }
        return undefined;
    };
    const libraries = (0, detect_js_1.detectLibraries)({
        taskText: opts.taskText,
        sources: opts.sources,
        manifests,
        localModules: opts.localModules,
        pythonDistOf: (n) => rootDist.get(n) ?? topLevelDist.get(n),
        pythonLibraryOf: namespaces.size > 0 ? pythonLibraryOf : undefined,
        pythonImportOf: (n) => distImport.get((0, detect_js_1.normalizePyName)(n)),
    }).slice(0, maxLibraries);
    // Lock files of the ecosystems the libraries belong to: the version used when one is not installed.
    const ecosystems = new Set(libraries.map((l) => l.ecosystem));
    let locks;
    if (ecosystems.size > 0) {
        locks = (0, lockfiles_js_1.readLockfiles)(opts.root, ecosystems, manifests);
        notes.push(...locks.notes);
        for (const lib of libraries) {
            const locked = lockedVersion(locks, lib);
            if (locked)
                lib.locked = { file: locked.file, versions: [...locked.versions] };
        }
    }
    const nodeModules = (opts.nodeModules ?? [(0, node_path_1.join)(opts.root, 'node_modules')]).filter(isDir);
    // Said once, or every library would read "no TypeScript declarations installed" with no reason why.
    if (libraries.some((l) => l.ecosystem === 'npm')) {
        for (const nm of nodeModules) {
            const to = linkedOutOfProject(nm);
            if (to)
                notes.push({
                    message: `${codeSpan(nm)} is a symbolic link out of the project (to ${codeSpan(to)}): declarations there are not read`,
                });
        }
    }
    const identifiers = (0, detect_js_1.taskIdentifiers)(opts.taskText);
    // A name of the task text that the code imports from one library is that library's: `Session` is
    // SQLAlchemy's when the code imports it from sqlalchemy.orm, not pytest's `Session` too.
    const importedFrom = new Map();
    for (const lib of libraries)
        for (const s of lib.symbols) {
            const set = importedFrom.get(s.name) ?? new Set();
            set.add(lib);
            importedFrom.set(s.name, set);
        }
    const taskNamesFor = (lib) => identifiers.filter((n) => {
        const owners = importedFrom.get(n);
        return !owners || owners.has(lib);
    });
    const facts = [];
    // Libraries whose version is their `@types` package's, not their own.
    const typesVersionOnly = new Set();
    for (const lib of libraries) {
        const label = lib.ecosystem === 'python' ? lib.packageName : lib.importName;
        // Installed files are the repository's (or anyone's): one that cannot be read costs its facts, never
        // the bundle.
        try {
            if (lib.ecosystem === 'python') {
                const pkg = (0, python_js_1.findPythonPackage)(sites, lib.importName);
                if (!pkg) {
                    notes.push({
                        library: label,
                        message: `${label} is not installed in ${sites.length ? sites.map(codeSpan).join(', ') : 'any site-packages found'}: no offline API facts${lockedClause(lib)}`,
                    });
                    continue;
                }
                lib.version = pkg.version;
                noteVersionMismatch(lib, label, notes);
                if (pkg.compiled) {
                    notes.push({
                        library: label,
                        message: `${label} is a compiled module (${codeSpan(pkg.compiled)}) without stubs or sources: no offline API facts`,
                    });
                    continue;
                }
                facts.push(...pickFacts(lib, taskNamesFor(lib), maxFacts, (name, module) => (0, python_js_1.pythonFact)(pkg, name, label, module)));
                noteIfNone(lib, facts, notes, pkg);
            }
            else {
                // Resolved as node does from the most relevant importing file: a workspace package's own
                // node_modules (another version) comes before the root's.
                const pkg = (0, typescript_js_1.findNpmPackage)(nestedNodeModules(opts.root, (0, detect_js_1.importersOf)(lib)), lib.importName, opts.root) ??
                    (0, typescript_js_1.findNpmPackage)(nodeModules, lib.importName);
                if (!pkg) {
                    notes.push({
                        library: label,
                        message: `${label}: no TypeScript declarations installed (${nodeModules.length ? nodeModules.map(codeSpan).join(', ') : 'no node_modules'}): no offline API facts${lockedClause(lib)}`,
                    });
                    continue;
                }
                lib.version = pkg.version;
                // A workspace's own copy (`packages/web/node_modules/zod`) is compared with what the lock file
                // records for that location, not for the root's.
                const atPath = pkg.typesPackage
                    ? undefined
                    : locks?.npmPaths.get((0, node_path_1.relative)(opts.root, pkg.dir).split(node_path_1.sep).join('/'));
                if (atPath)
                    lib.locked = { file: atPath.file, versions: [...atPath.versions] };
                if (pkg.versionOfTypes)
                    typesVersionOnly.add(lib);
                if (pkg.versionOfTypes && lib.locked) {
                    // Declarations of `@types/x` at their own version: the library itself is not installed.
                    notes.push({
                        library: label,
                        message: `${label} is not installed: the API facts are from ${pkg.typesPackage} ${pkg.version}${lockedClause(lib)}`,
                    });
                }
                else
                    noteVersionMismatch(lib, label, notes);
                facts.push(...pickFacts(lib, taskNamesFor(lib), maxFacts, (name, module) => (0, typescript_js_1.typescriptFact)(pkg, name, label, module)));
                noteIfNone(lib, facts, notes, pkg);
            }
        }
        catch (e) {
            notes.push({
                library: label,
                message: `${label}: its installed files could not be read (${e.message}): no offline API facts`,
            });
        }
    }
    // Installed files are untrusted too: a declaration on one minified line of megabytes would cost
    // minutes of token counting before the budget leaves it out.
    for (const f of facts)
        f.text = (0, context7_js_1.capChars)(f.text, exports.MAX_FACT_CHARS);
    for (const [file, why] of [...python_js_1.unreadableFiles, ...typescript_js_1.unreadableFiles])
        notes.push({ message: `skipped unreadable ${codeSpan(file)} (${why})` });
    if (opts.context7 && libraries.length > 0) {
        const client = new context7_js_1.Context7Client(opts.context7);
        let stopped;
        const query = (opts.docsQuery ?? opts.taskText).slice(0, 400);
        const asked = libraries.slice(0, 3);
        for (const [k, lib] of asked.entries()) {
            const name = lib.ecosystem === 'npm' ? lib.importName.replace(/^node:/, 'node ') : lib.packageName;
            if (stopped) {
                const rest = asked.slice(k).map((l) => (l.ecosystem === 'python' ? l.packageName : l.importName));
                notes.push({ message: `Context7 not asked about ${rest.join(', ')} after: ${stopped}` });
                break;
            }
            try {
                const found = await client.searchLibraries(name, query);
                const best = found[0];
                if (!best) {
                    notes.push({ library: name, message: `Context7 has no library matching ${name}` });
                    continue;
                }
                // The installed version is what the code runs against; without one, the locked version.
                const id = (0, context7_js_1.versionedId)(best, typesVersionOnly.has(lib) ? soleLocked(lib) : (lib.version ?? soleLocked(lib)));
                const snippets = await client.context(id, query);
                snippets.slice(0, 3).forEach((s, i) => {
                    facts.push({
                        library: lib.ecosystem === 'python' ? lib.packageName : lib.importName,
                        version: lib.version,
                        symbol: s.title,
                        kind: 'documentation',
                        text: s.content,
                        language: s.language || 'text',
                        provider: 'context7',
                        source: `context7:${id}${s.source ? ` (${s.source})` : ''}`,
                        score: 0.5 - i * 0.1,
                    });
                });
            }
            catch (e) {
                notes.push({ library: name, message: e.message });
                log.warn(`Context7: ${e.message}`);
                // A server that does not answer, a refused key or a spent quota fails every library alike: the
                // others are not asked (each would wait out its own deadline or spend a request for nothing).
                const status = e instanceof context7_js_1.Context7Error ? e.status : undefined;
                if (status === undefined || status === 401 || status === 403 || status === 429)
                    stopped = status === undefined ? 'a request that failed' : `HTTP ${status}`;
            }
        }
    }
    return { libraries, facts, notes };
}
/**
 * node_modules folders between the first importing file and the repository root (nearest first, the
 * root's own left to the caller), as node resolves a bare specifier. Importers are repository paths.
 */
function nestedNodeModules(root, importers) {
    return importerFolders(importers)
        .map((f) => (0, node_path_1.join)(root, ...f, 'node_modules'))
        .filter(isDir);
}
/**
 * The folders of the most relevant importer, deepest first, below the root (`packages/web/src`,
 * `packages/web`, `packages`): where node looks for a package before the root's node_modules. None for
 * a path that leaves the tree or lies in a node_modules.
 */
function importerFolders(importers) {
    const first = importers[0];
    if (!first || (0, node_path_1.isAbsolute)(first))
        return [];
    const parts = first.split('/').slice(0, -1);
    if (parts.some((p) => p === '..' || p === '.' || p === '' || p === 'node_modules'))
        return [];
    const out = [];
    for (let k = parts.length; k > 0; k--)
        out.push(parts.slice(0, k));
    return out;
}
/** Characters of one offline API fact kept (a declaration with its documentation is kilobytes). */
exports.MAX_FACT_CHARS = 16_000;
/** The locked version of a library, looked up by its distribution or package name. */
function lockedVersion(locks, lib) {
    if (lib.ecosystem === 'npm') {
        if (lib.importName.startsWith('node:'))
            return undefined;
        // Where node would install it for the file importing it: a workspace's own entry before the root's.
        for (const folder of importerFolders((0, detect_js_1.importersOf)(lib))) {
            const hit = locks.npmPaths.get([...folder, 'node_modules', lib.importName].join('/'));
            if (hit)
                return hit;
        }
        return locks.npm.get(lib.importName);
    }
    const names = [lib.packageName, lib.importName];
    // A module of a namespace (`google.protobuf`, `google.cloud.storage`) not installed: its distribution
    // is commonly named by its last part or by its dotted path (`protobuf`, `google-cloud-storage`).
    if (lib.importName.includes('.') && lib.packageName === lib.importName)
        names.push(lib.importName.replace(/\./g, '-'), lib.importName.split('.').pop());
    for (const n of names) {
        const hit = locks.python.get((0, detect_js_1.normalizePyName)(n));
        if (hit)
            return hit;
    }
    return undefined;
}
/** `2.0` and `2.0.0`, `v1.2.3` and `1.2.3` are one version (as PEP 440 and npm compare them). */
function sameVersion(a, b) {
    const norm = (v) => v
        .toLowerCase()
        .replace(/^v/, '')
        .replace(/(?:\.0)+$/, '');
    return norm(a) === norm(b);
}
function soleLocked(lib) {
    return lib.locked?.versions.length === 1 ? lib.locked.versions[0] : undefined;
}
/** What the lock file says of a library that is not installed (appended to the note saying so). */
function lockedClause(lib) {
    if (!lib.locked)
        return '';
    const file = codeSpan(lib.locked.file);
    return lib.locked.versions.length === 1
        ? `; ${file} locks version ${lib.locked.versions[0]}`
        : `; ${file} locks several versions (${lib.locked.versions.join(', ')})`;
}
/** A pinned version (`==1.4.46`, `"1.4.46"`) that differs from the installed one: the facts may not match. */
function noteVersionMismatch(lib, label, notes) {
    // A lock file (not the requirements file declaring the pin) that records other versions than the
    // installed one: the installed one is what the code runs against.
    if (lib.version &&
        lib.locked &&
        lib.locked.file !== lib.declared?.file &&
        !lib.locked.versions.some((v) => sameVersion(v, lib.version))) {
        const locked = lib.locked.versions.join(', ');
        notes.push({
            library: label,
            message: `${label}: ${codeSpan(lib.locked.file)} locks ${locked} but ${lib.version} is installed; the API facts describe ${lib.version}, the version the code runs against`,
        });
    }
    if (!lib.version || !lib.declared)
        return;
    const spec = lib.declared.spec.replace(/^[A-Za-z0-9._-]+(?=\s*==)/, '').trim();
    const pinned = /^==\s*v?([\w.+-]+)$/.exec(spec)?.[1] ?? /^v?(\d+\.\d+\.\d+[\w.+-]*)$/.exec(spec)?.[1];
    if (pinned && pinned !== lib.version) {
        notes.push({
            library: label,
            message: `${label}: ${lib.declared.file} pins ${pinned} but ${lib.version} is installed; the API facts describe ${lib.version}`,
        });
    }
}
/**
 * Names looked up per library at most. The relevant code may import thousands of names from one
 * library; each lookup may follow re-exports through dozens of files, and the best-ranked come first.
 */
exports.MAX_LOOKUPS_PER_LIBRARY = 48;
function pickFacts(lib, identifiers, max, lookup) {
    const out = [];
    const tried = new Set();
    for (const s of lib.symbols) {
        if (out.length >= max || tried.size >= exports.MAX_LOOKUPS_PER_LIBRARY)
            break;
        tried.add(s.name);
        const f = lookup(s.name, s.module);
        if (f)
            out.push({ ...f, score: Math.round(s.score * 1000) / 1000 });
    }
    // Names the task text uses that the library defines, though the code does not import them yet.
    for (const name of identifiers.slice(0, 20)) {
        if (out.length >= max || tried.size >= exports.MAX_LOOKUPS_PER_LIBRARY + 20)
            break;
        if (tried.has(name))
            continue;
        tried.add(name);
        const f = lookup(name);
        if (f) {
            out.push({ ...f, score: 0.5 });
            if (!lib.symbols.some((s) => s.name === name))
                lib.symbols.push({ name, score: 0.5, from: ['task text'] });
        }
    }
    return out;
}
function noteIfNone(lib, facts, notes, pkg) {
    const label = lib.ecosystem === 'python' ? lib.packageName : lib.importName;
    if (!facts.some((f) => f.library === label)) {
        const where = 'entry' in pkg ? pkg.entry : (pkg.stubDir ?? pkg.srcDir ?? pkg.site);
        notes.push({
            library: label,
            message: `${label}: none of the names the task uses were found in ${codeSpan(safeReal(where))}`,
        });
    }
}
/**
 * A path as a code span: installed packages choose their file names (`types` of a package.json, a
 * re-export), and a name like `[x](https://…).d.ts` is shown, never rendered as a link in the context.
 */
function codeSpan(p) {
    const t = (0, chars_js_1.escapeControlChars)(p);
    const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
    const fence = '`'.repeat(longest + 1);
    return longest === 0 ? `${fence}${t}${fence}` : `${fence} ${t} ${fence}`;
}
function safeReal(p) {
    try {
        return (0, node_fs_1.realpathSync)(p);
    }
    catch {
        return p;
    }
}


/***/ }),

/***/ 8522:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PYTHON_LOCKFILES = exports.NPM_LOCKFILES = exports.MAX_LOCK_ENTRIES = exports.MAX_LOCKFILE_BYTES = void 0;
exports.readLockfiles = readLockfiles;
/**
 * Versions a project's lock files record: `package-lock.json` / `npm-shrinkwrap.json` (v1–v3),
 * `yarn.lock` (classic and berry), `pnpm-lock.yaml`, `poetry.lock`, `uv.lock`, `Pipfile.lock`, and `==`
 * pins of requirements files. A lock file is the repository's and untrusted: one that is too large, not
 * a regular file, not UTF-8 or not of the expected shape is a note, never a failure; each is read once
 * and bounded in size and nesting depth; YAML lock files are read line by line, never expanded.
 */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const smol_toml_1 = __webpack_require__(7106);
const chars_js_1 = __webpack_require__(5153);
const detect_js_1 = __webpack_require__(4413);
/** Bytes of one lock file read at most (a large monorepo's package-lock.json is some megabytes). */
exports.MAX_LOCKFILE_BYTES = 16 * 1024 * 1024;
/** Entries of one lock file looked at most. */
exports.MAX_LOCK_ENTRIES = 100_000;
exports.NPM_LOCKFILES = ['npm-shrinkwrap.json', 'package-lock.json', 'pnpm-lock.yaml', 'yarn.lock'];
exports.PYTHON_LOCKFILES = ['poetry.lock', 'uv.lock', 'Pipfile.lock'];
/** A version worth reporting: short, starts with a digit, no markup or control characters. */
const VERSION = /^v?\d[\w.+!-]{0,63}$/;
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An own property only: a lock file naming `constructor` or `__proto__` reads no inherited value. */
function own(o, key) {
    return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}
class Collector {
    file;
    key;
    map = new Map();
    entries = 0;
    /** Set by a reader that stopped before the end of the file for a bound of its own (lines read). */
    cut;
    constructor(file, key = (n) => n) {
        this.file = file;
        this.key = key;
    }
    /** False once the entry bound is reached. */
    add(name, version) {
        if (++this.entries > exports.MAX_LOCK_ENTRIES)
            return false;
        if (typeof name !== 'string' || typeof version !== 'string' || name.length > 214)
            return true;
        const v = version.trim();
        if (!VERSION.test(v))
            return true;
        const k = this.key(name);
        const cur = this.map.get(k);
        if (!cur)
            this.map.set(k, { file: this.file, versions: [v] });
        else if (!cur.versions.includes(v) && cur.versions.length < 8)
            cur.versions.push(v);
        return true;
    }
}
/** The text of a lock file at the project root, or a note saying why it is left out. */
function readLockText(root, file, notes) {
    const path = (0, node_path_1.join)(root, file);
    let size;
    try {
        const st = (0, node_fs_1.lstatSync)(path);
        if (!st.isFile()) {
            notes.push({ message: `lock file \`${file}\` skipped: not a regular file` });
            return undefined;
        }
        size = st.size;
    }
    catch {
        return undefined;
    }
    if (size > exports.MAX_LOCKFILE_BYTES) {
        notes.push({
            message: `lock file \`${file}\` skipped: ${size} bytes, over the bound of ${exports.MAX_LOCKFILE_BYTES / (1024 * 1024)} MiB`,
        });
        return undefined;
    }
    let bytes;
    try {
        bytes = (0, node_fs_1.readFileSync)(path);
    }
    catch (e) {
        notes.push({
            message: `lock file \`${file}\` skipped: ${e.code ?? 'unreadable'}`,
        });
        return undefined;
    }
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        notes.push({ message: `lock file \`${file}\` skipped: not valid UTF-8` });
        return undefined;
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/** Declared ranges of the root package.json, to tell which of several locked versions is the project's. */
function declaredRanges(manifests) {
    const out = new Map();
    for (const d of manifests)
        if (d.ecosystem === 'npm' && d.file === 'package.json' && !out.has(d.name))
            out.set(d.name, d.spec);
    return out;
}
function packageLock(text, c, paths) {
    const j = JSON.parse(text);
    if (!isRecord(j))
        throw new Error('not a JSON object');
    const packages = own(j, 'packages');
    if (isRecord(packages)) {
        // v2 / v3: `node_modules/<name>` at the top of the tree is what the project's code resolves.
        for (const [path, entry] of Object.entries(packages)) {
            if (!isRecord(entry))
                continue;
            const version = own(entry, 'version');
            if (paths && /(?:^|\/)node_modules\/(?:@[^/]+\/)?[^/]+$/.test(path) && !paths.add(path, version))
                return;
            const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(path);
            if (m && !c.add(m[1], version))
                return;
        }
        return;
    }
    // v1: top-level `dependencies` (nested ones belong to other packages).
    const deps = own(j, 'dependencies');
    if (!isRecord(deps))
        throw new Error('neither packages nor dependencies is an object');
    for (const [name, entry] of Object.entries(deps)) {
        if (!isRecord(entry))
            continue;
        if (!c.add(name, own(entry, 'version')))
            return;
    }
}
/** The package name of a yarn descriptor (`@scope/x@^1.0.0`, `x@npm:^1.0.0`), and its range. */
function descriptor(d) {
    const at = d.indexOf('@', 1);
    if (at < 0)
        return undefined;
    return { name: d.slice(0, at), range: d.slice(at + 1) };
}
/** Chooses, for each name yarn locks several times, the entry the root package.json's range resolves to. */
function yarnEntries(entries, c, declared) {
    const byName = new Map();
    for (const e of entries) {
        const seen = new Set();
        const parsed = e.descriptors
            .map((d) => descriptor(d.trim().replace(/^"|"$/g, '')))
            .filter((p) => p !== undefined);
        // A workspace or a linked folder is the project's own code, not a locked version of a package; so
        // is a range yarn resolves to one (berry's `"x@npm:^1.0.0, x@workspace:packages/x":` locks
        // `0.0.0-use.local`).
        const local = new Set(parsed.filter((p) => /^(?:workspace|link|portal|file):/.test(p.range)).map((p) => p.name));
        for (const p of parsed) {
            if (local.has(p.name))
                continue;
            if (seen.has(p.name)) {
                byName.get(p.name).at(-1).ranges.push(p.range);
                continue;
            }
            seen.add(p.name);
            const list = byName.get(p.name) ?? [];
            list.push({ ranges: [p.range], version: e.version });
            byName.set(p.name, list);
        }
    }
    for (const [name, list] of byName) {
        const want = declared.get(name);
        const hit = want === undefined
            ? undefined
            : list.find((e) => e.ranges.some((r) => r === want || r === `npm:${want}`));
        for (const e of hit ? [hit] : list)
            if (!c.add(name, e.version))
                return;
    }
}
/**
 * yarn.lock, classic (`zod@^3.0.0:` / `  version "3.22.4"`) and berry (YAML of the same shape:
 * `"zod@npm:^3.0.0":` / `  version: 3.22.4`), read line by line for the same reasons as pnpm's.
 */
function yarnLock(text, c, declared) {
    const entries = [];
    let cur;
    for (const line of text.split(/\r?\n/)) {
        if (line === '' || line.startsWith('#'))
            continue;
        if (!/^\s/.test(line)) {
            cur = undefined;
            const m = /^(.+):\s*$/.exec(line);
            if (!m)
                continue;
            if (entries.length >= exports.MAX_LOCK_ENTRIES)
                break;
            cur = { descriptors: m[1].split(/,\s*/), version: undefined };
            entries.push(cur);
            continue;
        }
        const v = /^ {2}version:?\s+"?([^"\s]+)"?\s*$/.exec(line);
        if (v && cur && cur.version === undefined)
            cur.version = v[1];
    }
    yarnEntries(entries, c, declared);
}
/**
 * `1.2.3(react@18.2.0)` (v6+) and `1.2.3_react@18.2.0` (v5) are 1.2.3; so is the version of an alias
 * (`zod3: npm:zod@^3` locks `zod@3.24.3` in v9, `/zod@3.24.3` in v6, `/zod/3.24.3` in v5); `link:…`
 * is no version.
 */
function pnpmVersion(v) {
    const s = isRecord(v) ? own(v, 'version') : v;
    if (typeof s !== 'string')
        return undefined;
    // Not `1.2.3_react@18.2.0`: a version starts with a digit, an alias's name does not.
    const aliased = /^\d/.test(s)
        ? undefined
        : /^\/?(?:@[^/@]+\/)?[^/@:()]+[@/](\d[^/()]*)(?:\(.*)?$/.exec(s)?.[1];
    return (aliased ?? s).replace(/\(.*$/, '').replace(/_.*$/, '');
}
const unquote = (s) => s.replace(/^'(.*)'$|^"(.*)"$/, '$1$2');
/**
 * pnpm-lock.yaml read line by line, not as YAML: only a few fields at known depths are needed, and a
 * YAML parser given deep nesting (`[[[[…`, `- - - …`) or aliases runs out of memory or time. What the
 * projects lock (`importers:` of a workspace and v9, else the single project's top-level fields of v5
 * and v6): the root project's version of a name first, else the versions the workspace's other
 * projects lock; only when no project locks anything, every package the file holds (`/x/1.0.0`,
 * `/x@1.0.0`, `x@1.0.0`). Each project's dependency is also its install location
 * (`packages/web/node_modules/zod`), as package-lock.json records them.
 */
function pnpmLock(text, c, paths) {
    /** Importer (`.` for the root or a single project) → name → version. */
    const importers = new Map();
    let depCount = 0;
    const setDep = (importer, name, value) => {
        let deps = importers.get(importer);
        if (!deps)
            importers.set(importer, (deps = new Map()));
        if (!deps.has(name) && depCount < exports.MAX_LOCK_ENTRIES) {
            deps.set(name, value);
            depCount++;
        }
    };
    const packages = [];
    const stack = [];
    const depFields = new Set(['dependencies', 'devDependencies', 'optionalDependencies']);
    let lines = 0;
    for (const line of text.split(/\r?\n/)) {
        if (++lines > 4 * exports.MAX_LOCK_ENTRIES) {
            c.cut = `more than ${4 * exports.MAX_LOCK_ENTRIES} lines`;
            break;
        }
        // No lazy group before a trailing `\s*$`: on a line of spaces that is quadratic.
        const m = /^( *)('[^']*'|"[^"]*"|[^\s:'"#-][^:#]*?):(?:[ \t]+(.*))?$/.exec(line);
        if (!m)
            continue;
        const indent = m[1].length;
        const key = unquote(m[2]);
        const rest = m[3]?.trim();
        const value = rest ? unquote(rest) : undefined;
        while (stack.length > 0 && stack[stack.length - 1].indent >= indent)
            stack.pop();
        // Only the first levels matter: a deeper line is read no further (nesting costs nothing).
        if (stack.length <= 4) {
            const path = stack.map((e) => e.key);
            const at = (...want) => path.length === want.length && want.every((w, i) => w === '*' || w === path[i]);
            const inImporter = path[0] === 'importers' && path.length >= 2;
            const importer = inImporter ? path[1] : '.';
            if (value !== undefined &&
                ((inImporter && path.length === 3) || path.length === 1) &&
                depFields.has(path[path.length - 1])) {
                setDep(importer, key, value);
            }
            else if (key === 'version' &&
                value !== undefined &&
                (inImporter ? at('importers', '*', '*', '*') : at('*', '*')) &&
                depFields.has(path[path.length - 2])) {
                setDep(importer, path[path.length - 1], value);
            }
            else if (at('packages') && packages.length < exports.MAX_LOCK_ENTRIES)
                packages.push(key);
        }
        stack.push({ indent, key });
    }
    if (importers.size > 0) {
        const root = importers.get('.');
        if (paths)
            for (const [importer, deps] of importers) {
                // An importer is a folder of the workspace: one that leaves it names no install location.
                if (importer !== '.' && importer.split('/').some((s) => s === '..' || s === '' || s === '.'))
                    continue;
                const base = importer === '.' ? '' : `${importer}/`;
                for (const [name, v] of deps)
                    if (!paths.add(`${base}node_modules/${name}`, pnpmVersion(v)))
                        break;
            }
        for (const [name, v] of root ?? [])
            if (!c.add(name, pnpmVersion(v)))
                return;
        for (const [importer, deps] of importers) {
            if (importer === '.')
                continue;
            for (const [name, v] of deps)
                if (!root?.has(name) && !c.add(name, pnpmVersion(v)))
                    return;
        }
        return;
    }
    for (const key of packages) {
        const m = /^\/?((?:@[^/@]+\/)?[^/@]+)[/@]([^/(]+)/.exec(key);
        if (m && !c.add(m[1], pnpmVersion(m[2])))
            return;
    }
}
/** `[[package]]` tables with `name` and `version` (poetry.lock, uv.lock). */
function tomlPackages(text, c) {
    // Dotted keys (`a.a.a…`) nest tables beyond the parser's depth bound, millions deep in a few megabytes.
    for (let i = 0, start = 0; i <= text.length; i++) {
        if (i < text.length && text.charCodeAt(i) !== 10)
            continue;
        if (i - start > 1024) {
            let dots = 0;
            for (let k = start; k < i; k++)
                if (text.charCodeAt(k) === 46)
                    dots++;
            if (dots > 1024)
                throw new Error(`line ${text.slice(0, start).split('\n').length} nests keys too deeply`);
        }
        start = i + 1;
    }
    const t = (0, smol_toml_1.parse)(text, { maxDepth: 32 });
    const list = own(t, 'package');
    if (!Array.isArray(list))
        throw new Error('no [[package]] list');
    for (const p of list) {
        if (!isRecord(p))
            continue;
        // uv lists the project itself and its workspace members, built from their own folders (`editable`,
        // `virtual`): the project's code, not a locked version of a dependency.
        const source = own(p, 'source');
        if (isRecord(source) && (own(source, 'editable') !== undefined || own(source, 'virtual') !== undefined))
            continue;
        if (!c.add(own(p, 'name'), own(p, 'version')))
            return;
    }
}
function pipfileLock(text, c) {
    const j = JSON.parse(text);
    if (!isRecord(j))
        throw new Error('not a JSON object');
    let any = false;
    for (const section of ['default', 'develop']) {
        const deps = own(j, section);
        if (!isRecord(deps))
            continue;
        any = true;
        for (const [name, entry] of Object.entries(deps)) {
            const v = isRecord(entry) ? own(entry, 'version') : undefined;
            const pinned = typeof v === 'string' ? /^===?\s*(\S+)$/.exec(v.trim())?.[1] : undefined;
            if (!c.add(name, pinned))
                return;
        }
    }
    if (!any)
        throw new Error('neither default nor develop is an object');
}
/** Why a lock file does not parse, on one line and short. */
function reason(e) {
    const msg = e instanceof RangeError ? 'nested too deeply' : e instanceof Error ? e.message : String(e);
    const line = msg.split('\n')[0].replace(/`/g, "'").trim();
    return (0, chars_js_1.escapeControlChars)(line.length > 160 ? `${line.slice(0, 159)}…` : line);
}
/**
 * Locked versions of the ecosystems asked for, from the lock files at the project root and the `==`
 * pins of its requirements files. Lock files come first; of npm's, the shrinkwrap wins as it does for npm.
 */
function readLockfiles(root, ecosystems, manifests) {
    const notes = [];
    const npm = new Map();
    const python = new Map();
    const merge = (into, from) => {
        for (const [k, v] of from)
            if (!into.has(k))
                into.set(k, v);
    };
    const npmPaths = new Map();
    const read = (file, parse, key) => {
        const text = readLockText(root, file, notes);
        if (text === undefined)
            return undefined;
        const c = new Collector(file, key);
        const paths = new Collector(file);
        try {
            parse(text, c, paths);
            merge(npmPaths, paths.map);
        }
        catch (e) {
            notes.push({ message: `lock file \`${file}\` skipped: it does not parse (${reason(e)})` });
            return undefined;
        }
        const cut = c.cut ?? (c.entries > exports.MAX_LOCK_ENTRIES ? `more than ${exports.MAX_LOCK_ENTRIES} entries` : undefined);
        if (cut)
            notes.push({ message: `lock file \`${file}\` has ${cut}: the rest are not read` });
        return c.map;
    };
    if (ecosystems.has('npm')) {
        const declared = declaredRanges(manifests);
        const shrinkwrap = read('npm-shrinkwrap.json', packageLock);
        const lock = shrinkwrap ? undefined : read('package-lock.json', packageLock);
        for (const m of [
            shrinkwrap,
            lock,
            read('pnpm-lock.yaml', pnpmLock),
            read('yarn.lock', (t, c) => yarnLock(t, c, declared)),
        ])
            if (m)
                merge(npm, m);
    }
    if (ecosystems.has('python')) {
        for (const file of exports.PYTHON_LOCKFILES) {
            const m = read(file, file === 'Pipfile.lock' ? pipfileLock : tomlPackages, detect_js_1.normalizePyName);
            if (m)
                merge(python, m);
        }
        // `name==1.2.3` in requirements files (the parsed manifests): a pin, when no lock file says more.
        const pins = new Map();
        for (const d of manifests) {
            if (d.ecosystem !== 'python' || d.file.endsWith('pyproject.toml'))
                continue;
            const v = /^[A-Za-z0-9._-]+\s*===?\s*([^\s,;*]+)$/.exec(d.spec)?.[1];
            const k = (0, detect_js_1.normalizePyName)(d.name);
            if (v && VERSION.test(v) && !pins.has(k))
                pins.set(k, { file: d.file, versions: [v] });
        }
        merge(python, pins);
    }
    return { npm, npmPaths, python, notes };
}


/***/ }),

/***/ 6564:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_PYTHON_BYTES = exports.unreadableFiles = exports.MAX_METADATA_BYTES = void 0;
exports.distRoots = distRoots;
exports.installedDists = installedDists;
exports.importNameOf = importNameOf;
exports.findPythonPackage = findPythonPackage;
exports.moduleFile = moduleFile;
exports.resolvePythonDef = resolvePythonDef;
exports.describePythonDef = describePythonDef;
exports.pythonFact = pythonFact;
exports.clearPythonCache = clearPythonCache;
/**
 * API facts of installed Python packages, read statically (nothing is imported or executed): the
 * declaration from the package's `.pyi` stubs (`<pkg>-stubs/`, or stubs next to the sources) and the
 * docstring from its sources, at the version installed in the project's site-packages.
 */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
/**
 * The packages a distribution installs, as imported: its top-level names, except that a distribution
 * installing into a namespace shared with others (`google/`, `google/cloud/`) owns the packages below
 * it (`google.protobuf`, `google.auth`, `google.cloud.storage`), from its RECORD. Stubs
 * (`google-stubs/protobuf/`) are named as the package they type (`google.protobuf`).
 */
const rootsByDist = new WeakMap();
function distRoots(dist) {
    return rootsByDist.get(dist) ?? dist.topLevel.filter((t) => IDENT.test(t));
}
/**
 * Bytes of distribution metadata (top_level.txt, RECORD) one bundle reads at most: a site directory may
 * hold thousands of metadata folders, each RECORD of megabytes.
 */
exports.MAX_METADATA_BYTES = 64 * 1024 * 1024;
let metadataRead = 0;
let metadataOver = false;
/**
 * A regular file of sane size, or undefined: a FIFO would block, a link to /dev/zero would never end.
 * Counted against the metadata bound; the first file over it is noted.
 */
function smallFile(path, max) {
    try {
        const st = (0, node_fs_1.statSync)(path);
        if (!st.isFile() || st.size > max)
            return undefined;
        if (metadataRead + st.size > exports.MAX_METADATA_BYTES) {
            if (!metadataOver)
                exports.unreadableFiles.set(path, `over the read bound of ${exports.MAX_METADATA_BYTES / (1024 * 1024)} MiB of distribution metadata; later metadata files are skipped too`);
            metadataOver = true;
            return undefined;
        }
        metadataRead += st.size;
        return (0, node_fs_1.readFileSync)(path, 'utf8');
    }
    catch {
        return undefined;
    }
}
/**
 * Top-level modules a wheel installed, from its RECORD (`yaml/__init__.py,sha256=…,123`), for the
 * distributions that have no top_level.txt (wheels not built by setuptools).
 */
function topLevelFromRecord(record) {
    const out = new Set();
    for (const line of record.split('\n')) {
        const path = line.split(',')[0].trim();
        const first = path.split('/')[0];
        if (path.includes('/')) {
            if (/^[A-Za-z_]\w*$/.test(first))
                out.add(first);
        }
        else {
            const m = /^([A-Za-z_]\w*)\.pyi?$/.exec(first);
            if (m)
                out.add(m[1]);
        }
    }
    return [...out].sort();
}
/**
 * The packages a RECORD installs below namespace packages: the outermost folders with an `__init__`
 * that are no namespace themselves (`google/protobuf/__init__.py` → `google.protobuf`), and top-level
 * modules. `<name>-stubs/` is named as `<name>`. Paths that leave the site directory are ignored.
 */
function rootsFromRecord(record, namespaces) {
    const packages = new Set();
    const modules = new Set();
    for (const line of record.split('\n')) {
        const path = line.split(',')[0].trim();
        const segs = path.split('/');
        if (segs.length > 16 || segs.some((x) => x === '..' || x === ''))
            continue;
        segs[0] = segs[0].replace(/-stubs$/, '');
        const file = segs.pop();
        if (!segs.every((x) => IDENT.test(x)))
            continue;
        if (/^__init__\.pyi?$/.test(file)) {
            if (segs.length)
                packages.add(segs.join('.'));
        }
        else if (segs.length === 0) {
            const m = /^([A-Za-z_]\w*)(?:\.pyi?|\.(?:[\w-]+\.)?(?:so|pyd))$/.exec(file);
            if (m)
                modules.add(m[1]);
        }
    }
    const owned = [...packages].filter((p) => !namespaces.has(p));
    const ownedSet = new Set(owned);
    const outermost = owned.filter((p) => {
        const parts = p.split('.');
        for (let k = 1; k < parts.length; k++)
            if (ownedSet.has(parts.slice(0, k).join('.')))
                return false;
        return true;
    });
    return [...new Set([...outermost, ...modules])].sort();
}
const IDENT = /^[A-Za-z_]\w*$/;
/**
 * The package below a namespace a distribution is named after (`lazr.uri` → `lazr.uri`,
 * `google-cloud-storage` → `google.cloud.storage`), when the site holds it as a regular package or a
 * module, else undefined.
 */
function packageNamedAfter(site, distName, namespaces) {
    const parts = distName.split(/[-_.]+/);
    for (let i = parts.length - 1; i >= 1; i--) {
        const ns = parts.slice(0, i).join('.');
        if (!namespaces.has(ns))
            continue;
        const tail = parts.slice(i).join('_');
        if (!IDENT.test(tail) || !parts.slice(0, i).every((x) => IDENT.test(x)))
            continue;
        const dir = (0, node_path_1.join)(site, ...parts.slice(0, i));
        if (isFile((0, node_path_1.join)(dir, tail, '__init__.py')) ||
            isFile((0, node_path_1.join)(dir, tail, '__init__.pyi')) ||
            isFile((0, node_path_1.join)(dir, `${tail}.py`)))
            return `${ns}.${tail}`;
    }
    return undefined;
}
/** A folder of the site without `__init__`: a namespace package (PEP 420) several distributions share. */
function isNamespaceDir(site, name) {
    const dir = (0, node_path_1.join)(site, name);
    return isDirectory(dir) && !(0, node_fs_1.existsSync)((0, node_path_1.join)(dir, '__init__.py')) && !(0, node_fs_1.existsSync)((0, node_path_1.join)(dir, '__init__.pyi'));
}
const distCache = new Map();
/** Distributions installed in a site directory, from `*.dist-info` / `*.egg-info` metadata. */
function installedDists(site) {
    const cached = distCache.get(site);
    if (cached)
        return cached;
    let names;
    try {
        names = (0, node_fs_1.readdirSync)(site);
    }
    catch {
        return [];
    }
    const found = [];
    // In name order, not the file system's: which of two metadata folders wins must not vary by machine.
    for (const n of names.sort()) {
        const m = /^(.+?)-(\d[^-]*?)(?:-py[\d.]+)?\.(?:dist-info|egg-info)$/.exec(n);
        // The name and version are shown in the context: a distribution name and a version, nothing else.
        if (!m || !/^[A-Za-z0-9](?:[\w.-]*[A-Za-z0-9])?$/.test(m[1]) || !/^[\w.+!]{1,64}$/.test(m[2]))
            continue;
        const meta = (0, node_path_1.join)(site, n);
        const lines = (t) => t
            ?.split('\n')
            .map((s) => s.trim())
            .filter(Boolean);
        const namespaces = (lines(smallFile((0, node_path_1.join)(meta, 'namespace_packages.txt'), 64 * 1024)) ?? []).filter((x) => /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(x));
        found.push({
            name: m[1],
            version: m[2],
            meta,
            top: lines(smallFile((0, node_path_1.join)(meta, 'top_level.txt'), 64 * 1024)),
            namespaces,
        });
    }
    // A top-level name two distributions install is a namespace too (`google` of pkg_resources style).
    const claims = new Map();
    for (const d of found)
        for (const t of d.top ?? [])
            claims.set(t, (claims.get(t) ?? 0) + 1);
    const out = [];
    for (const d of found) {
        // Only names of packages (`google`, `google-stubs`) are looked up in the site directory.
        const shared = (d.top ?? [])
            .filter((t) => /^[A-Za-z_]\w*(?:-stubs)?$/.test(t))
            .filter((t) => {
            const bare = t.replace(/-stubs$/, '');
            return ((claims.get(t) ?? 0) > 1 ||
                d.namespaces.includes(bare) ||
                isNamespaceDir(site, t) ||
                // Stubs of a namespace package (`google-stubs` has an `__init__.pyi`; `google/` has none).
                (bare !== t && isNamespaceDir(site, bare)));
        });
        // RECORD is read only where it tells more than top_level.txt: without one, or below a namespace.
        const record = d.top === undefined || shared.length > 0 || d.namespaces.length > 0
            ? smallFile((0, node_path_1.join)(d.meta, 'RECORD'), 4 * 1024 * 1024)
            : undefined;
        // Unreadable metadata: the distribution is still listed by its name.
        const topLevel = d.top ?? (record !== undefined ? topLevelFromRecord(record) : []);
        let roots = topLevel.map((t) => t.replace(/-stubs$/, '')).filter((t) => IDENT.test(t));
        const namespaces = new Set([...d.namespaces, ...shared.map((t) => t.replace(/-stubs$/, ''))]);
        // A namespace of pkg_resources style has an `__init__` of its own in each distribution.
        for (const ns of [...namespaces]) {
            const parts = ns.split('.');
            for (let k = 1; k < parts.length; k++)
                namespaces.add(parts.slice(0, k).join('.'));
        }
        let fromRecord = [];
        if (record !== undefined && (namespaces.size > 0 || d.top === undefined)) {
            fromRecord = rootsFromRecord(record, namespaces);
            // A top-level name outside the namespaces that the RECORD shows no package of (a folder of
            // compiled modules only) is still the distribution's.
            const covered = new Set(fromRecord.map((r) => r.split('.')[0]));
            if (fromRecord.length > 0)
                roots = [...fromRecord, ...roots.filter((t) => !namespaces.has(t) && !covered.has(t))];
        }
        // No RECORD to tell (Debian's egg-info of `lazr.uri` has none): the package below the namespace
        // the distribution is named after (`lazr/uri/`), when the site holds it.
        if (namespaces.size > 0 && fromRecord.length === 0) {
            const own = packageNamedAfter(site, d.name, namespaces);
            if (own)
                roots = [own, ...roots.filter((t) => !namespaces.has(t))];
        }
        const dist = { name: d.name, version: d.version, topLevel };
        rootsByDist.set(dist, [...new Set(roots)].sort());
        out.push(dist);
    }
    distCache.set(site, out);
    return out;
}
/**
 * The module a distribution is imported as (`PyYAML` → `yaml`, `beautifulsoup4` → `bs4`), from its
 * installed metadata: the top-level name like the distribution's, else its first public one.
 */
function importNameOf(dist) {
    // Stubs-only distributions name the package they type, not one to import.
    if (/^types[-_.]/i.test(dist.name))
        return undefined;
    const roots = distRoots(dist);
    const names = roots.length > 0 ? roots : dist.topLevel.filter((t) => IDENT.test(t));
    const n = norm(dist.name);
    // `google-auth` → `google.auth`, `protobuf` → `google.protobuf`.
    return (names.find((t) => norm(t) === n) ??
        names.find((t) => norm(t.split('.').pop()) === n) ??
        names.find((t) => !t.split('.').pop().startsWith('_')) ??
        names[0]);
}
const norm = (s) => s.toLowerCase().replace(/[-_.]+/g, '_');
/** Finds an importable top-level package in the site directories (first hit wins, like Python). */
function findPythonPackage(sites, importName) {
    // A name from a manifest or the task is joined onto site-packages: only an identifier may be, or a
    // dotted package below a namespace (`google.protobuf`).
    if (!/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*){0,7}$/.test(importName))
        return undefined;
    const [top, ...rest] = importName.split('.');
    const last = rest.length ? rest[rest.length - 1] : top;
    let found;
    for (const site of sites) {
        const dir = (0, node_path_1.join)(site, top, ...rest);
        const parent = (0, node_path_1.join)(site, top, ...rest.slice(0, -1));
        const srcDir = firstExisting([(0, node_path_1.join)(dir, '__init__.py'), (0, node_path_1.join)(dir, '__init__.pyi')])
            ? dir
            : rest.length
                ? firstExisting([(0, node_path_1.join)(parent, `${last}.py`), (0, node_path_1.join)(parent, `${last}.pyi`)])
                : firstExisting([(0, node_path_1.join)(site, `${importName}.py`), (0, node_path_1.join)(site, `${importName}.pyi`)]);
        const stubPath = (0, node_path_1.join)(site, `${top}-stubs`, ...rest);
        const stubDir = (0, node_fs_1.existsSync)(stubPath) ? stubPath : undefined;
        if (!srcDir && !stubDir)
            continue;
        if (!found)
            found = { importName, site };
        if (srcDir && !found.srcDir) {
            found.srcDir = srcDir;
            found.srcSite = site;
        }
        if (stubDir && !found.stubDir) {
            found.stubDir = stubDir;
            found.stubSite = site;
        }
        if (found.srcDir && found.stubDir)
            break;
    }
    // A compiled extension module without sources or stubs is still installed: its version is known,
    // its API is not readable.
    if (!found && rest.length === 0) {
        for (const site of sites) {
            const so = extensionModule(site, importName);
            if (so) {
                found = { importName, site, compiled: (0, node_path_1.join)(site, so) };
                break;
            }
        }
    }
    // A folder without `__init__` is a namespace package (PEP 420: `google.cloud` spread over several
    // distributions), importable when no regular package or module of the name is found.
    if (!found) {
        const site = sites.find((d) => isDirectory((0, node_path_1.join)(d, top, ...rest)));
        if (site)
            found = { importName, site, srcDir: (0, node_path_1.join)(site, top, ...rest), srcSite: site };
    }
    if (!found)
        return undefined;
    // The distribution that installs the package: below a namespace, the one whose RECORD holds it (not
    // another one installing into the same namespace); never a stubs-only one (its version is the stubs').
    for (const site of sites) {
        const dists = installedDists(site).filter((d) => !/^types[-_.]/i.test(d.name));
        const dist = dists.find((d) => distRoots(d).includes(importName)) ??
            (rest.length === 0
                ? dists.find((d) => d.topLevel.includes(importName) || norm(d.name) === norm(importName))
                : undefined);
        if (dist) {
            found.version = dist.version;
            found.distName = dist.name;
            break;
        }
    }
    return found;
}
/** `name.so`, `name.abi3.so`, `name.cpython-311-x86_64-linux-gnu.so`, `name.cp311-win_amd64.pyd`. */
function extensionModule(site, importName) {
    let names;
    try {
        names = (0, node_fs_1.readdirSync)(site);
    }
    catch {
        return undefined;
    }
    return names
        .sort()
        .find((n) => n.startsWith(`${importName}.`) &&
        /^\.(?:[\w-]+\.)?(?:so|pyd)$/.test(n.slice(importName.length)) &&
        isFile((0, node_path_1.join)(site, n)));
}
function isFile(p) {
    try {
        return (0, node_fs_1.statSync)(p).isFile();
    }
    catch {
        return false;
    }
}
function isDirectory(p) {
    try {
        return (0, node_fs_1.statSync)(p).isDirectory();
    }
    catch {
        return false;
    }
}
function firstExisting(paths) {
    return paths.find((p) => (0, node_fs_1.existsSync)(p));
}
const fileCache = new Map();
/** Files that exist but could not be read, with why (reported as notes by the caller). */
exports.unreadableFiles = new Map();
/** Bytes of stubs and sources one bundle reads at most: a site directory is large and untrusted. */
exports.MAX_PYTHON_BYTES = 32 * 1024 * 1024;
let bytesRead = 0;
let overBound = false;
function readPyFile(file) {
    if (!fileCache.has(file)) {
        try {
            const st = (0, node_fs_1.statSync)(file);
            if (!st.isFile())
                throw new Error('not a regular file');
            if (st.size > 4 * 1024 * 1024)
                throw new Error(`too large (${st.size} bytes)`);
            if (bytesRead + st.size > exports.MAX_PYTHON_BYTES) {
                // One note for the first file left out: the later ones add nothing to it.
                if (!overBound)
                    exports.unreadableFiles.set(file, `over the read bound of ${exports.MAX_PYTHON_BYTES / (1024 * 1024)} MiB of Python files; later files are skipped too`);
                overBound = true;
                fileCache.set(file, null);
                return undefined;
            }
            bytesRead += st.size;
            fileCache.set(file, indexPyFile((0, node_fs_1.readFileSync)(file, 'utf8')));
        }
        catch (e) {
            fileCache.set(file, null);
            const code = e.code;
            if (code !== 'ENOENT')
                exports.unreadableFiles.set(file, code ?? e.message);
        }
    }
    return fileCache.get(file) ?? undefined;
}
function readLines(file) {
    return readPyFile(file)?.lines;
}
/** One pass over a file: each lookup of a name is then a map access, not a scan of megabytes. */
function indexPyFile(text) {
    const lines = text.split(/\r?\n/);
    const defs = new Map();
    lines.forEach((l, index) => {
        const m = /^(?:async\s+)?(def|class)\s+(\w+)|^(\w+)\s*(?::[^=]*)?=|^(\w+)\s*:/.exec(l);
        if (!m)
            return;
        const name = m[2] ?? m[3] ?? m[4];
        if (defs.has(name))
            return;
        defs.set(name, { index, kind: m[1] === 'class' ? 'class' : m[1] === 'def' ? 'function' : 'variable' });
    });
    const froms = [];
    // The parenthesised list is bounded: an unclosed `(` on every line would rescan the rest of the file.
    for (const m of text.matchAll(/^from[ \t]+([.\w]+)[ \t]+import[ \t]+(\([^)]{0,4000}\)|[^\n#]+)/gm))
        froms.push({ spec: m[1], clause: m[2].replace(/[()\\]/g, ' ') });
    return { lines, defs, froms };
}
/** The file of a dotted module (`['sqlalchemy', 'orm']`) in a layout, or undefined. */
function moduleFile(layout, parts, ext) {
    const [top, ...rest] = parts;
    if (!top)
        return undefined;
    let dir = (0, node_path_1.join)(layout.site, top);
    if (layout.stubs && (0, node_fs_1.existsSync)((0, node_path_1.join)(layout.site, `${top}-stubs`)))
        dir = (0, node_path_1.join)(layout.site, `${top}-stubs`);
    if (rest.length === 0 && !(0, node_fs_1.existsSync)(dir))
        return firstExisting([(0, node_path_1.join)(layout.site, `${top}${ext}`)]);
    const base = (0, node_path_1.join)(dir, ...rest);
    return firstExisting([`${base}${ext}`, (0, node_path_1.join)(base, `__init__${ext}`)]);
}
/**
 * Finds where `name` is defined, starting at module `parts` and following `from x import name`
 * re-exports (relative or absolute, into other packages of the same site) and star imports.
 */
function resolvePythonDef(layout, parts, name, ext, depth = 0, seen = new Set()) {
    if (depth > 8)
        return undefined;
    const file = moduleFile(layout, parts, ext);
    if (!file || seen.has(`${file}#${name}`))
        return undefined;
    seen.add(`${file}#${name}`);
    const pf = readPyFile(file);
    if (!pf)
        return undefined;
    const def = pf.defs.get(name);
    if (def)
        return { file, index: def.index, lines: pf.lines, kind: def.kind };
    const isPkg = /__init__\.pyi?$/.test(file);
    const resolveModule = (spec) => {
        const dots = /^\.*/.exec(spec)[0].length;
        const rest = spec.slice(dots).split('.').filter(Boolean);
        if (dots === 0)
            return rest;
        const here = isPkg ? parts : parts.slice(0, -1);
        return [...here.slice(0, Math.max(1, here.length - (dots - 1))), ...rest];
    };
    const stars = [];
    for (const { spec, clause } of pf.froms) {
        const target = resolveModule(spec);
        if (clause.trim() === '*') {
            stars.push(target);
            continue;
        }
        for (const part of clause.split(',')) {
            const [orig, alias] = part
                .trim()
                .split(/\s+as\s+/)
                .map((x) => x.trim());
            if (!orig || (alias ?? orig) !== name)
                continue;
            const r = resolvePythonDef(layout, target, orig, ext, depth + 1, seen);
            if (r)
                return r;
        }
    }
    for (const target of stars) {
        const r = resolvePythonDef(layout, target, name, ext, depth + 1, seen);
        if (r)
            return r;
    }
    return undefined;
}
const MAX_DOC_LINES = 14;
const MAX_MEMBERS = 24;
/** Header (decorators + signature up to its colon), docstring, and for classes the public members. */
function describePythonDef(def, opts) {
    const { lines, index } = def;
    let start = index;
    while (start > 0 && /^\s*@/.test(lines[start - 1]))
        start--;
    const header = lines.slice(start, index);
    let depth = 0;
    let i = index;
    for (; i < lines.length && i < index + 40; i++) {
        const l = lines[i];
        header.push(l);
        for (const ch of l.replace(/#.*$/, '')) {
            if ('([{'.includes(ch))
                depth++;
            else if (')]}'.includes(ch))
                depth--;
        }
        if (def.kind === 'variable' && depth <= 0)
            break;
        if (depth <= 0 && /:\s*(?:\.\.\.)?\s*(?:#.*)?$/.test(l))
            break;
    }
    const bodyStart = i + 1;
    const indent = /^(\s*)/.exec(lines[index])[1].length;
    const doc = opts.withDoc ? docstringAt(lines, bodyStart) : undefined;
    // Further @overload signatures of the same function (stubs list them one after the other).
    const name = /(?:def|class)\s+(\w+)/.exec(lines[index])?.[1];
    if (def.kind === 'function' && name && header.some((h) => /^\s*@(?:typing\.)?overload\b/.test(h))) {
        let j = bodyStart;
        let count = 1;
        while (count < 3) {
            while (j < lines.length && lines[j].trim() === '')
                j++;
            const deco = [];
            while (j < lines.length && /^\s*@/.test(lines[j]))
                deco.push(lines[j++]);
            if (j >= lines.length || !new RegExp(`^\\s*(?:async\\s+)?def\\s+${name}\\b`).test(lines[j]))
                break;
            let d = 0;
            const sig = [];
            for (; j < lines.length; j++) {
                sig.push(lines[j]);
                for (const ch of lines[j].replace(/#.*$/, '')) {
                    if ('([{'.includes(ch))
                        d++;
                    else if (')]}'.includes(ch))
                        d--;
                }
                if (d <= 0 && /:\s*(?:\.\.\.)?\s*(?:#.*)?$/.test(lines[j]))
                    break;
            }
            j++;
            header.push(...deco, ...sig);
            count++;
        }
    }
    const members = [];
    if (def.kind === 'class') {
        let memberIndent;
        for (let j = bodyStart; j < lines.length; j++) {
            const l = lines[j];
            if (l.trim() === '')
                continue;
            const ind = /^(\s*)/.exec(l)[1].length;
            if (ind <= indent)
                break;
            memberIndent ??= ind;
            if (ind !== memberIndent)
                continue;
            const m = /^\s*(?:async\s+)?def\s+(\w+)\s*\(/.exec(l);
            if (m && (!m[1].startsWith('_') || m[1] === '__init__' || m[1] === '__call__')) {
                // The whole signature of each public method, up to its colon.
                const sig = [];
                let d = 0;
                for (let k = j; k < lines.length && k < j + 20; k++) {
                    sig.push(lines[k].trim());
                    for (const ch of lines[k]) {
                        if ('([{'.includes(ch))
                            d++;
                        else if (')]}'.includes(ch))
                            d--;
                    }
                    if (d <= 0 && /:\s*(?:\.\.\.)?\s*(?:#.*)?$/.test(lines[k]))
                        break;
                }
                const text = sig
                    .join(' ')
                    .replace(/\(\s+/g, '(')
                    .replace(/,\s*\)/g, ')');
                if (!members.includes(text))
                    members.push(text);
            }
            if (members.length >= MAX_MEMBERS)
                break;
        }
    }
    return { header: dedent(header).join('\n'), doc, members };
}
function docstringAt(lines, from) {
    let j = from;
    while (j < lines.length && lines[j].trim() === '')
        j++;
    const first = lines[j];
    if (first === undefined)
        return undefined;
    const m = /^\s*[rRuU]?("""|''')(.*)$/.exec(first);
    if (!m)
        return undefined;
    const quote = m[1];
    const out = [];
    let rest = m[2];
    for (let k = j; k < lines.length && k < j + 400; k++) {
        if (k > j)
            rest = lines[k];
        const end = rest.indexOf(quote);
        if (end >= 0) {
            out.push(rest.slice(0, end));
            break;
        }
        out.push(rest);
    }
    const trimmed = dedent(out.slice(1)).map((l) => l.trimEnd());
    const all = [out[0].trim(), ...trimmed];
    while (all.length && all[all.length - 1] === '')
        all.pop();
    if (all[0] === '')
        all.shift();
    if (all.length > MAX_DOC_LINES)
        return [...all.slice(0, MAX_DOC_LINES), '…'].join('\n');
    return all.join('\n');
}
function dedent(lines) {
    const ind = Math.min(...lines.filter((l) => l.trim()).map((l) => /^(\s*)/.exec(l)[1].length));
    return Number.isFinite(ind) ? lines.map((l) => l.slice(ind)) : lines;
}
/** One API fact for `name` of a package: stub declaration + source docstring, with provenance. */
function pythonFact(pkg, name, library, module = pkg.importName) {
    const parts = module.split('.');
    const find = (site, stubs, ext) => {
        if (!site)
            return undefined;
        const layout = { site, stubs };
        return (resolvePythonDef(layout, parts, name, ext) ??
            (module !== pkg.importName ? resolvePythonDef(layout, pkg.importName.split('.'), name, ext) : undefined));
    };
    let stubDef = find(pkg.stubSite, true, '.pyi');
    const srcDef = find(pkg.srcSite, false, '.pyi') ?? find(pkg.srcSite, false, '.py');
    // A stub that only says `name: Any` knows less than the source's real definition.
    if (stubDef?.kind === 'variable' && srcDef && srcDef.kind !== 'variable')
        stubDef = undefined;
    const primary = stubDef ?? srcDef;
    if (!primary)
        return moduleFact(pkg, [...parts, name], library);
    // `name: Any` says nothing the Coder can use.
    if (primary.kind === 'variable' && /^\s*\w+\s*:\s*Any\s*$/.test(primary.lines[primary.index]))
        return undefined;
    const p = describePythonDef(primary, { withDoc: true });
    const src = srcDef && srcDef !== primary ? describePythonDef(srcDef, { withDoc: true }) : undefined;
    let doc = p.doc;
    let docFrom = doc ? primary : undefined;
    if (!doc && src?.doc) {
        doc = src.doc;
        docFrom = srcDef;
    }
    const members = p.members.length > 0 ? p.members : (src?.members ?? []);
    const parts2 = [p.header.replace(/:\s*\.\.\.\s*(#.*)?$/, ':')];
    if (doc)
        parts2.push(indentBlock(`"""${doc}"""`, primary.kind === 'variable' ? '' : '    '));
    if (members.length)
        parts2.push(...members.map((m) => `    ${m.replace(/:\s*(?:\.\.\.)?\s*(#.*)?$/, ': ...')}`));
    // Weak stubs (`__init__(self, *args, **kwargs)`) hide the real parameters: list the ones the
    // source documents.
    if (primary.kind === 'class') {
        const init = srcDef ? initParams(srcDef) : [];
        if (init.length)
            parts2.push(`    # __init__ parameters: ${init.join(', ')}`);
    }
    const rel = (f) => siteRelative(pkg, f);
    const source = `${rel(primary.file)}:${primary.index + 1}` +
        (docFrom && docFrom !== primary ? ` (docstring: ${rel(docFrom.file)}:${docFrom.index + 1})` : '');
    return {
        library,
        version: pkg.version,
        symbol: name,
        kind: primary.kind,
        text: parts2.join('\n'),
        language: 'python',
        provider: primary === stubDef ? 'python-stub' : 'python-source',
        source,
        file: primary.file,
        line: primary.index + 1,
        score: 0,
    };
}
function siteRelative(pkg, file) {
    const site = [pkg.stubSite, pkg.srcSite, pkg.site].find((d) => d && file.startsWith(d + '/')) ?? pkg.site;
    return (0, node_path_1.relative)(site, file).split('\\').join('/');
}
/** A module imported as a name (`from alembic import op`): its public functions and classes. */
function moduleFact(pkg, parts, library) {
    const layouts = [
        [pkg.stubSite ? { site: pkg.stubSite, stubs: true } : undefined, '.pyi'],
        [pkg.srcSite ? { site: pkg.srcSite, stubs: false } : undefined, '.pyi'],
        [pkg.srcSite ? { site: pkg.srcSite, stubs: false } : undefined, '.py'],
    ];
    for (const [layout, ext] of layouts) {
        if (!layout)
            continue;
        const file = moduleFile(layout, parts, ext);
        const lines = file ? readLines(file) : undefined;
        if (!file || !lines)
            continue;
        const sigs = [];
        for (let i = 0; i < lines.length && sigs.length < 40; i++) {
            const m = /^(?:async\s+)?(def|class)\s+([A-Za-z]\w*)/.exec(lines[i]);
            if (!m)
                continue;
            let sig = '';
            let d = 0;
            for (let k = i; k < lines.length && k < i + 30; k++) {
                sig += (k > i ? ' ' : '') + lines[k].trim();
                for (const ch of lines[k]) {
                    if ('([{'.includes(ch))
                        d++;
                    else if (')]}'.includes(ch))
                        d--;
                }
                if (d <= 0 && /:\s*(?:\.\.\.)?\s*(?:#.*)?$/.test(lines[k]))
                    break;
            }
            sig = sig
                .replace(/\(\s+/g, '(')
                .replace(/,\s*\)/g, ')')
                .replace(/:\s*(?:\.\.\.)?\s*(#.*)?$/, ': ...');
            if (sig.length > 300)
                sig = sig.slice(0, 297) + '...';
            if (!sigs.includes(sig))
                sigs.push(sig);
        }
        if (sigs.length === 0)
            continue;
        const doc = docstringAt(lines, 0);
        return {
            library,
            version: pkg.version,
            symbol: parts.join('.'),
            kind: 'module',
            text: [doc ? `"""${doc}"""` : undefined, ...sigs].filter(Boolean).join('\n'),
            language: 'python',
            provider: layout.stubs || ext === '.pyi' ? 'python-stub' : 'python-source',
            source: `${siteRelative(pkg, file)}:1`,
            file,
            line: 1,
            score: 0,
        };
    }
    return undefined;
}
/** Parameter names a class's `__init__` docstring documents (`:param name:`), in order. */
function initParams(def) {
    const { lines, index } = def;
    const indent = /^(\s*)/.exec(lines[index])[1].length;
    for (let j = index + 1; j < lines.length; j++) {
        const l = lines[j];
        if (l.trim() && /^(\s*)/.exec(l)[1].length <= indent)
            break;
        if (/^\s*def\s+__init__\s*\(/.test(l)) {
            const names = [];
            for (let k = j + 1; k < lines.length && k < j + 1500; k++) {
                const ln = lines[k];
                if (/^\s*def\s+\w+\s*\(/.test(ln))
                    break;
                const m = /:param\s+(?:[\w.[\], ]+\s+)?(\*{0,2}\w+):/.exec(ln);
                if (m && !names.includes(m[1]))
                    names.push(m[1]);
            }
            return names.slice(0, 30);
        }
    }
    return [];
}
function indentBlock(text, prefix) {
    return text
        .split('\n')
        .map((l) => (l ? prefix + l : l))
        .join('\n');
}
/** Clears the file cache (tests that rewrite files between runs). */
function clearPythonCache() {
    fileCache.clear();
    distCache.clear();
    exports.unreadableFiles.clear();
    bytesRead = 0;
    overBound = false;
    metadataRead = 0;
    metadataOver = false;
}


/***/ }),

/***/ 9765:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_FILES_PER_LOOKUP = exports.MAX_DECLARATION_BYTES = exports.unreadableFiles = void 0;
exports.findNpmPackage = findNpmPackage;
exports.findTsDeclaration = findTsDeclaration;
exports.subpathEntry = subpathEntry;
exports.typescriptFact = typescriptFact;
exports.clearTypescriptCache = clearTypescriptCache;
exports.hasNodeModules = hasNodeModules;
/**
 * API facts of installed npm packages from their TypeScript declarations (`.d.ts` in the package, or
 * `@types/<pkg>`; Node's built-in modules from `@types/node`), at the installed version. Declarations
 * are read as text: the declaration of each name (JSDoc, signature, overloads, members), following
 * re-exports (`export * from`, `export { a } from`) across the package's files.
 */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
/**
 * Declarations are read only from inside the project that holds the node_modules folder (after links
 * are resolved): a package name, a `types` path, a re-export or a symlinked package that leads out of
 * it (`../../etc`, a link to /) is not followed. pnpm's store and workspace links stay inside.
 */
function within(boundary, file) {
    let real;
    try {
        real = (0, node_fs_1.realpathSync)(file);
    }
    catch {
        return false;
    }
    const rel = (0, node_path_1.relative)(boundary, real);
    return rel !== '' && !rel.startsWith('..') && !(0, node_path_1.isAbsolute)(rel);
}
function boundaryOf(nodeModules) {
    return realOr((0, node_path_1.dirname)(nodeModules));
}
function realOr(p) {
    try {
        return (0, node_fs_1.realpathSync)(p);
    }
    catch {
        return p;
    }
}
/** An npm package name (`x`, `@scope/x`): nothing else is joined onto a node_modules path. */
const NPM_NAME = /^(?:@[a-z0-9~][\w.~-]*\/)?[a-z0-9~][\w.~-]*$/i;
function readJson(path) {
    try {
        // A FIFO would block the read forever and /dev/zero would never end: regular files up to 1 MiB.
        const st = (0, node_fs_1.statSync)(path);
        if (!st.isFile() || st.size > 1024 * 1024)
            return undefined;
        const j = JSON.parse((0, node_fs_1.readFileSync)(path, 'utf8').replace(/^\uFEFF/, ''));
        return j && typeof j === 'object' && !Array.isArray(j) ? j : undefined;
    }
    catch {
        return undefined;
    }
}
/** A package.json `version` worth showing: a short string without control characters or markup. */
function versionOf(pj) {
    const v = pj?.version;
    return typeof v === 'string' && /^[\w.+-]{1,64}$/.test(v) ? v : undefined;
}
function isFile(p) {
    try {
        return (0, node_fs_1.statSync)(p).isFile();
    }
    catch {
        return false;
    }
}
/** `types` of a package.json `exports` entry (string or nested conditions). */
function typesFromExports(exp, sub = '.') {
    if (!exp || typeof exp !== 'object')
        return undefined;
    const e = exp;
    const target = sub in e ? e[sub] : sub === '.' && Object.keys(e).every((k) => !k.startsWith('.')) ? e : undefined;
    // Conditions nest a few levels in practice; a file nesting thousands would overflow the stack.
    const pick = (v, depth = 0) => {
        if (typeof v === 'string')
            return /\.d\.[cm]?ts$/.test(v) ? v : undefined;
        if (v && typeof v === 'object' && depth < 16) {
            const o = v;
            if (typeof o.types === 'string')
                return o.types;
            // `"types": { "import": "./x.d.mts", "require": "./x.d.cts" }`.
            const nested = o.types !== undefined ? pick(o.types, depth + 1) : undefined;
            if (nested)
                return nested;
            for (const k of ['import', 'default', 'require', 'node']) {
                const r = pick(o[k], depth + 1);
                if (r)
                    return r;
            }
        }
        return undefined;
    };
    return pick(target);
}
/** The JavaScript file an `exports` entry names for `import` (else `default`, `require`, `node`). */
function targetFromExports(exp, sub = '.') {
    if (typeof exp === 'string')
        return sub === '.' ? exp : undefined;
    if (!exp || typeof exp !== 'object' || Array.isArray(exp))
        return undefined;
    const e = exp;
    const target = sub in e ? e[sub] : sub === '.' && Object.keys(e).every((k) => !k.startsWith('.')) ? e : undefined;
    const pick = (v, depth = 0) => {
        if (typeof v === 'string')
            return v;
        if (v && typeof v === 'object' && !Array.isArray(v) && depth < 16) {
            const o = v;
            for (const k of ['import', 'default', 'require', 'node']) {
                const r = pick(o[k], depth + 1);
                if (r)
                    return r;
            }
        }
        return undefined;
    };
    return pick(target);
}
/**
 * Finds a package's declarations in the given node_modules directories. `boundary` is the project folder
 * declarations must stay inside (default: the folder holding each node_modules directory); a workspace
 * package's own node_modules is bounded by the project, as its links lead to the root's.
 */
function findNpmPackage(nodeModulesDirs, spec, boundary) {
    const boundaryOfNm = (nm) => (boundary !== undefined ? realOr(boundary) : boundaryOf(nm));
    if (spec.startsWith('node:')) {
        const mod = spec.slice(5).split('/')[0];
        if (!/^[a-z_][\w-]*$/i.test(mod))
            return undefined;
        for (const nm of nodeModulesDirs) {
            // The same bound as any package: @types/node linked out of the tree is not read.
            const boundary = boundaryOfNm(nm);
            const dir = (0, node_path_1.join)(nm, '@types', 'node');
            const entry = [(0, node_path_1.join)(dir, `${mod}.d.ts`), (0, node_path_1.join)(dir, mod, 'index.d.ts')].find(isFile);
            if (entry && within(boundary, entry)) {
                const pj = readJson((0, node_path_1.join)(dir, 'package.json'));
                return {
                    name: spec,
                    dir,
                    entry,
                    version: versionOf(pj),
                    typesPackage: '@types/node',
                    nodeModules: nm,
                    boundary,
                };
            }
        }
        return undefined;
    }
    if (!NPM_NAME.test(spec) || spec.split('/').some((seg) => seg === '.' || seg === '..'))
        return undefined;
    for (const nm of nodeModulesDirs) {
        const boundary = boundaryOfNm(nm);
        const dir = (0, node_path_1.join)(nm, spec);
        const pj = readJson((0, node_path_1.join)(dir, 'package.json'));
        if (pj) {
            // As TypeScript resolves: the `types` of `exports`, else the declarations beside its JavaScript
            // target (`./x.mjs` → `./x.d.mts`), then `types` / `typings`, then `index.d.ts`.
            const rels = [
                typesFromExports(pj.exports),
                targetFromExports(pj.exports),
                typeof pj.types === 'string' ? pj.types : undefined,
                typeof pj.typings === 'string' ? pj.typings : undefined,
                'index.d.ts',
            ].filter((r) => r !== undefined);
            const entry = rels
                .map((rel) => resolveDeclFile(dir, rel.startsWith('.') ? rel : `./${rel}`))
                .find((e) => e !== undefined);
            if (entry && within(boundary, entry))
                return {
                    name: spec,
                    dir,
                    entry,
                    version: versionOf(pj),
                    nodeModules: nm,
                    boundary,
                };
        }
        const typesName = spec.startsWith('@') ? `@types/${spec.slice(1).replace('/', '__')}` : `@types/${spec}`;
        const tdir = (0, node_path_1.join)(nm, typesName);
        const tpj = readJson((0, node_path_1.join)(tdir, 'package.json'));
        if (tpj) {
            const rel = (typeof tpj.types === 'string' ? tpj.types : undefined) ??
                typesFromExports(tpj.exports) ??
                'index.d.ts';
            const entry = resolveDeclFile(tdir, rel.startsWith('.') ? rel : `./${rel}`);
            if (entry && within(boundary, entry)) {
                return {
                    name: spec,
                    dir: tdir,
                    entry,
                    version: versionOf(pj) ?? versionOf(tpj),
                    typesPackage: typesName,
                    ...(versionOf(pj) === undefined && versionOf(tpj) !== undefined ? { versionOfTypes: true } : {}),
                    nodeModules: nm,
                    boundary,
                };
            }
        }
    }
    return undefined;
}
function resolveDeclFile(fromDir, spec) {
    const base = (0, node_path_1.resolve)(fromDir, spec);
    const noJs = base.replace(/\.(?:[cm]?js)$/, '');
    // `./x.mjs` is declared by `x.d.mts`, `./x.cjs` by `x.d.cts` (a dual package ships both and `x.d.ts`).
    const ext = /\.([cm])js$/.exec(base)?.[1];
    const candidates = [
        base,
        ...(ext ? [`${noJs}.d.${ext}ts`] : []),
        `${noJs}.d.ts`,
        `${noJs}.d.mts`,
        `${noJs}.d.cts`,
        (0, node_path_1.join)(base, 'index.d.ts'),
        base.replace(/\.ts$/, '.d.ts'),
    ];
    return candidates.find((c) => /\.d\.[cm]?ts$/.test(c) && isFile(c));
}
const fileCache = new Map();
/** Files that exist but could not be read, with why (reported as notes by the caller). */
exports.unreadableFiles = new Map();
/** Bytes of declarations one bundle reads at most: installed packages are untrusted, and large. */
exports.MAX_DECLARATION_BYTES = 32 * 1024 * 1024;
let bytesRead = 0;
let overBound = false;
/** The start of a declaration line, up to the declared name. */
const DECL_START = '^\\s*(?:export\\s+)?(?:declare\\s+)?(?:default\\s+)?(?:abstract\\s+)?(?:async\\s+)?(function\\*?|class|interface|type|const|let|var|enum|namespace)\\s+';
const DECL_HEAD = new RegExp(`${DECL_START}([A-Za-z_$][\\w$]*)`);
function readDeclFile(file) {
    if (!fileCache.has(file)) {
        try {
            const st = (0, node_fs_1.statSync)(file);
            if (!st.isFile())
                throw new Error('not a regular file');
            if (st.size > 8 * 1024 * 1024)
                throw new Error(`too large (${st.size} bytes)`);
            if (bytesRead + st.size > exports.MAX_DECLARATION_BYTES) {
                // One note for the first file left out: the later ones add nothing to it.
                if (!overBound)
                    exports.unreadableFiles.set(file, `over the read bound of ${exports.MAX_DECLARATION_BYTES / (1024 * 1024)} MiB of declarations; later files are skipped too`);
                overBound = true;
                fileCache.set(file, null);
                return undefined;
            }
            bytesRead += st.size;
            fileCache.set(file, indexDeclFile((0, node_fs_1.readFileSync)(file, 'utf8')));
        }
        catch (e) {
            fileCache.set(file, null);
            const code = e.code;
            if (code !== 'ENOENT')
                exports.unreadableFiles.set(file, code ?? e.message);
        }
    }
    return fileCache.get(file) ?? undefined;
}
/** One pass over a file: each lookup of a name is then a map access, not a scan of megabytes. */
function indexDeclFile(text) {
    const lines = text.split(/\r?\n/);
    const decls = new Map();
    lines.forEach((l, i) => {
        const m = DECL_HEAD.exec(l);
        if (m && !decls.has(m[2]))
            decls.set(m[2], i);
    });
    const named = new Map();
    const addNamed = (list, spec) => {
        for (const part of list.split(',')) {
            const [orig, alias] = part
                .trim()
                .replace(/^type\s+/, '')
                .split(/\s+as\s+/)
                .map((x) => x.trim());
            if (!orig)
                continue;
            const key = alias ?? orig;
            const edges = named.get(key) ?? [];
            edges.push({ orig, spec });
            named.set(key, edges);
        }
    };
    for (const m of text.matchAll(/export\s+(?:type\s+)?\{([^{}]{0,4000})\}\s*from\s*['"]([^'"]+)['"]/g))
        addNamed(m[1], m[2]);
    // `import { a as b } from './x'; export { b }`.
    for (const m of text.matchAll(/import\s+(?:type\s+)?\{([^{}]{0,4000})\}\s*from\s*['"]([^'"]+)['"]/g))
        addNamed(m[1], m[2]);
    const stars = [];
    for (const m of text.matchAll(/export\s+\*\s+(?:as\s+(\w+)\s+)?from\s*['"]([^'"]+)['"]/g))
        stars.push({ as: m[1], spec: m[2] });
    const references = [...text.matchAll(/\/\/\/\s*<reference\s+path=['"]([^'"]+)['"]/g)].map((m) => m[1]);
    return { lines, decls, named, stars, references };
}
const MAX_DECL_LINES = 40;
const MAX_DOC_LINES = 12;
/** Finds `name`'s declaration starting at a declaration file, following re-exports breadth-first. */
function findTsDeclaration(entry, name, maxFiles = 60, boundary) {
    // A re-export from another package (`export { defineConfig } from '@eslint/config-helpers'`) is
    // followed into that package as node resolves it from the file, inside the same bound.
    const resolveSpec = (file, spec) => spec.startsWith('.')
        ? resolveDeclFileOnce((0, node_path_1.dirname)(file), spec)
        : boundary !== undefined
            ? resolveBare(file, spec, boundary)
            : undefined;
    const queue = [{ file: entry, name }];
    const seen = new Set();
    while (queue.length > 0 && seen.size < maxFiles) {
        const { file, name: want } = queue.shift();
        const key = `${file}#${want}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        if (boundary !== undefined && !within(boundary, file))
            continue;
        const df = readDeclFile(file);
        if (!df)
            continue;
        const d = declarationIn(file, df, want);
        if (d)
            return d;
        // Files queued past what can be visited are never read: resolving them would only cost time (a
        // file of thousands of `export * from` lines).
        const full = () => queue.length >= 2 * maxFiles;
        for (const { orig, spec } of df.named.get(want) ?? []) {
            if (full())
                break;
            const f = resolveSpec(file, spec);
            if (f)
                queue.push({ file: f, name: orig === 'default' ? want : orig });
        }
        for (const { as, spec } of df.stars) {
            if (full())
                break;
            if (as && as !== want)
                continue;
            const f = resolveSpec(file, spec);
            if (f)
                queue.push({ file: f, name: want });
        }
        // `/// <reference path="x.d.ts" />` (how @types/node's index pulls in its modules).
        for (const ref of df.references) {
            if (full())
                break;
            const f = resolveDeclFileOnce((0, node_path_1.dirname)(file), ref.startsWith('.') ? ref : `./${ref}`);
            if (f)
                queue.push({ file: f, name: want });
        }
    }
    return undefined;
}
/**
 * The declaration entry of a bare specifier (`pkg`, `@scope/pkg/sub`) imported by a declaration file:
 * the nearest node_modules above the file that holds the package, inside the bound.
 */
function resolveBare(fromFile, spec, boundary) {
    const key = `${boundary}\0${(0, node_path_1.dirname)(fromFile)}\0${spec}`;
    if (bareCache.has(key))
        return bareCache.get(key);
    const parts = spec.split('/');
    const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    let entry;
    if (!spec.startsWith('node:') && NPM_NAME.test(name)) {
        const dirs = [];
        for (let d = (0, node_path_1.dirname)(fromFile), n = 0; n < 64; d = (0, node_path_1.dirname)(d), n++) {
            const atBoundary = realOr(d) === boundary;
            if (!atBoundary && !within(boundary, d))
                break;
            if ((0, node_path_1.basename)(d) !== 'node_modules' && isDirectory((0, node_path_1.join)(d, 'node_modules')))
                dirs.push((0, node_path_1.join)(d, 'node_modules'));
            if (atBoundary || (0, node_path_1.dirname)(d) === d)
                break;
        }
        const pkg = findNpmPackage(dirs, name, boundary);
        entry = pkg && (spec === name ? pkg.entry : subpathEntry(pkg, spec));
    }
    bareCache.set(key, entry);
    return entry;
}
/**
 * A relative specifier resolved once per bundle: every lookup of a name walks the same `export * from`
 * lines, and each resolution asks the file system about several candidate files.
 */
function resolveDeclFileOnce(fromDir, spec) {
    const key = `${fromDir}\0${spec}`;
    if (!relCache.has(key))
        relCache.set(key, resolveDeclFile(fromDir, spec));
    return relCache.get(key);
}
const relCache = new Map();
/** Bare specifiers resolved in this bundle: (bound, folder, specifier) → declaration entry. */
const bareCache = new Map();
function isDirectory(p) {
    try {
        return (0, node_fs_1.statSync)(p).isDirectory();
    }
    catch {
        return false;
    }
}
function declarationIn(file, df, name) {
    const ls = df.lines;
    const i = df.decls.get(name);
    if (i !== undefined) {
        const re = new RegExp(`${DECL_START}${name.replace(/\$/g, '\\$')}(?![\\w$])`);
        const m = re.exec(ls[i]);
        const kind = m[1].replace('*', '');
        const blocks = [];
        let end = extractBlock(ls, i, kind);
        blocks.push(withDoc(ls, i, end));
        // Overloads: the same function declared again right after.
        let j = end + 1;
        let n = 1;
        while (kind === 'function' && n < 4) {
            let k = j;
            while (k < ls.length && (ls[k].trim() === '' || /^\s*(?:\/\*\*|\*|\*\/|\/\/)/.test(ls[k])))
                k++;
            if (k >= ls.length || !re.exec(ls[k]))
                break;
            end = extractBlock(ls, k, kind);
            blocks.push(withDoc(ls, k, end));
            j = end + 1;
            n++;
        }
        return { file, index: i, kind, text: blocks.join('\n') };
    }
    return undefined;
}
/** Last line (0-based) of the declaration starting at `i`: matching brace or the `;` at depth 0. */
function extractBlock(ls, i, kind) {
    const braceKinds = new Set(['class', 'interface', 'enum', 'namespace']);
    let depth = 0;
    let opened = false;
    let inBlockComment = false;
    for (let k = i; k < ls.length && k < i + 5000; k++) {
        const l = ls[k];
        let quote;
        for (let c = 0; c < l.length; c++) {
            const ch = l[c];
            if (inBlockComment) {
                if (ch === '*' && l[c + 1] === '/') {
                    inBlockComment = false;
                    c++;
                }
                continue;
            }
            if (quote) {
                if (ch === '\\')
                    c++;
                else if (ch === quote)
                    quote = undefined;
                continue;
            }
            if (ch === '/' && l[c + 1] === '/')
                break;
            if (ch === '/' && l[c + 1] === '*') {
                inBlockComment = true;
                c++;
                continue;
            }
            if (ch === "'" || ch === '"' || ch === '`')
                quote = ch;
            else if (ch === '{' || ch === '(' || ch === '[') {
                depth++;
                if (ch === '{')
                    opened = true;
            }
            else if (ch === '}' || ch === ')' || ch === ']')
                depth--;
            else if (ch === ';' && depth === 0 && !braceKinds.has(kind))
                return k;
        }
        if (inBlockComment)
            continue;
        if (braceKinds.has(kind) && opened && depth <= 0)
            return k;
        if (!braceKinds.has(kind) &&
            depth <= 0 &&
            /^\s*(?:export|declare|\/\*\*|function|interface|class|type)\b/.test(ls[k + 1] ?? '')) {
            return k;
        }
    }
    return i;
}
/**
 * A long class or interface condensed to its member signatures (depth-1 lines without comments), so
 * the Coder sees the whole surface rather than the first screen of it.
 */
function condenseMembers(body) {
    // The header runs to the line that opens the body: type parameters may span lines
    // (`class Server<\n  Request …,\n> extends NetServer {`), and its members are one level inside.
    const opens = body.findIndex((l) => l.replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, '""').includes('{'));
    const headerEnd = opens >= 0 && opens < 20 ? opens : 0;
    const out = body.slice(0, headerEnd + 1);
    let depth = 0;
    let inDoc = false;
    for (const raw of body.slice(headerEnd + 1)) {
        const t = raw.trim();
        if (inDoc) {
            if (t.includes('*/'))
                inDoc = false;
            continue;
        }
        if (t.startsWith('/*')) {
            if (!t.includes('*/'))
                inDoc = true;
            continue;
        }
        if (t.startsWith('//') || t === '')
            continue;
        if (depth === 0)
            out.push(raw);
        else if (out.length > headerEnd + 1 && out[out.length - 1].length < 240)
            out[out.length - 1] += ` ${t}`;
        for (const ch of t.replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, '""')) {
            if (ch === '{' || ch === '(' || ch === '[')
                depth++;
            else if (ch === '}' || ch === ')' || ch === ']')
                depth--;
        }
        if (depth < 0)
            depth = 0;
    }
    return out;
}
/** The declaration's lines with its JSDoc (trimmed), long bodies cut with a note. */
function withDoc(ls, start, end) {
    let docStart = start;
    if (/\*\/\s*$/.test(ls[start - 1] ?? '')) {
        let k = start - 1;
        while (k >= 0 && !/^\s*\/\*\*/.test(ls[k]))
            k--;
        if (k >= 0)
            docStart = k;
    }
    let doc = ls.slice(docStart, start);
    if (doc.length > MAX_DOC_LINES)
        doc = [...doc.slice(0, MAX_DOC_LINES - 1), ls[start - 1].replace(/^(\s*).*/, '$1 * …'), ls[start - 1]];
    let body = ls.slice(start, end + 1);
    if (body.length > MAX_DECL_LINES)
        body = condenseMembers(body);
    if (body.length > MAX_DECL_LINES) {
        const more = body.length - (MAX_DECL_LINES - 1);
        body = [
            ...body.slice(0, MAX_DECL_LINES - 1),
            `${/^(\s*)/.exec(body[0])[1]}    // … ${more} more lines`,
        ];
    }
    const all = [...doc, ...body];
    const ind = Math.min(...all.filter((l) => l.trim()).map((l) => /^(\s*)/.exec(l)[1].length));
    return all.map((l) => l.slice(Number.isFinite(ind) ? ind : 0)).join('\n');
}
/**
 * The declaration entry of a subpath import (`pkg/compiler`): its `exports` entry, else the file or
 * folder of that name in the package. Undefined when the module is the package itself or the subpath
 * has no declarations inside the project.
 */
function subpathEntry(pkg, module) {
    if (pkg.name.startsWith('node:') || !module.startsWith(`${pkg.name}/`))
        return undefined;
    const sub = `./${module.slice(pkg.name.length + 1)}`;
    if (sub.split('/').some((seg) => seg === '..') || !/^[\w./@~-]+$/.test(sub))
        return undefined;
    const pj = readJson((0, node_path_1.join)(pkg.dir, 'package.json'));
    const exp = pj?.exports;
    let entry;
    if (exp && typeof exp === 'object' && !Array.isArray(exp) && sub in exp) {
        entry = [typesFromExports(exp, sub), targetFromExports(exp, sub)]
            .filter((r) => r !== undefined)
            .map((rel) => resolveDeclFile(pkg.dir, rel.startsWith('.') ? rel : `./${rel}`))
            .find((e) => e !== undefined);
    }
    else {
        entry = resolveDeclFile(pkg.dir, sub);
    }
    return entry && (pkg.boundary === undefined || within(pkg.boundary, entry)) ? entry : undefined;
}
/**
 * Files one lookup visits at most. A package's index may re-export a hundred modules with
 * `export * from` (TypeBox's does), and each visit is a map access on a file read once per bundle.
 */
exports.MAX_FILES_PER_LOOKUP = 400;
function typescriptFact(pkg, name, library, module) {
    // A name imported from a subpath (`pkg/compiler`) is declared there, and may differ from the
    // package's main export of the same name.
    const entry = (module !== undefined ? subpathEntry(pkg, module) : undefined) ?? pkg.entry;
    const d = findTsDeclaration(entry, name, exports.MAX_FILES_PER_LOOKUP, pkg.boundary);
    if (!d)
        return undefined;
    const rel = (0, node_path_1.relative)(pkg.nodeModules, d.file).split('\\').join('/');
    return {
        library,
        version: pkg.version,
        symbol: name,
        kind: d.kind,
        text: d.text,
        language: 'ts',
        provider: 'typescript-declarations',
        source: `${rel}:${d.index + 1}`,
        file: d.file,
        line: d.index + 1,
        score: 0,
    };
}
function clearTypescriptCache() {
    fileCache.clear();
    bareCache.clear();
    relCache.clear();
    exports.unreadableFiles.clear();
    bytesRead = 0;
    overBound = false;
}
/** True when a path exists (used by callers deciding which node_modules to search). */
function hasNodeModules(dir) {
    return (0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'node_modules'));
}


/***/ }),

/***/ 9707:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SECTION_TITLES = void 0;
exports.languageOf = languageOf;
exports.oneLine = oneLine;
exports.inlineCode = inlineCode;
exports.quoteMarkdown = quoteMarkdown;
exports.clip = clip;
exports.assembleContext = assembleContext;
/**
 * task_context.md: the one document the Coder reads. Sections in a fixed order (Task, Acceptance
 * Criteria, Architectural Rules, Relevant Existing Code, External Knowledge, Verification Plan), items
 * most relevant first, no timestamps — the same inputs give the same bytes, so providers' prompt caches
 * hit on a rerun. Everything is fitted into a token budget counted with a real tokenizer.
 */
const errors_js_1 = __webpack_require__(3916);
const chars_js_1 = __webpack_require__(5153);
const markdown_js_1 = __webpack_require__(7183);
const tokens_js_1 = __webpack_require__(408);
exports.SECTION_TITLES = {
    task: 'Task',
    criteria: 'Acceptance Criteria',
    rules: 'Architectural Rules',
    code: 'Relevant Existing Code',
    knowledge: 'External Knowledge',
    plan: 'Verification Plan',
};
const LANGUAGES = {
    py: 'python',
    pyi: 'python',
    ts: 'ts',
    tsx: 'tsx',
    mts: 'ts',
    cts: 'ts',
    js: 'js',
    jsx: 'jsx',
    mjs: 'js',
    cjs: 'js',
    go: 'go',
    rs: 'rust',
    java: 'java',
    kt: 'kotlin',
    rb: 'ruby',
    php: 'php',
    cs: 'csharp',
    c: 'c',
    h: 'c',
    cpp: 'cpp',
    hpp: 'cpp',
    sh: 'bash',
    sql: 'sql',
    md: 'markdown',
    toml: 'toml',
    yaml: 'yaml',
    yml: 'yaml',
    json: 'json',
    ini: 'ini',
    html: 'html',
    css: 'css',
    mako: 'mako',
};
function languageOf(path) {
    const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
    return LANGUAGES[ext] ?? '';
}
/** A fence longer than any backtick run inside the text; an info string that is not a plain word is dropped. */
function fence(text, lang = '') {
    const longest = Math.max(2, (0, markdown_js_1.longestBackticks)(text));
    const f = '`'.repeat(Math.max(3, longest + 1));
    const info = /^[\w+#.-]{1,32}$/.test(lang) ? lang : '';
    return `${f}${info}\n${text}\n${f}`;
}
/**
 * Untrusted text (a file name, a server's title, a manifest's version, a note) on one line of the
 * document: a line break in it would start a heading or a list item of its own.
 */
function oneLine(s) {
    return (0, chars_js_1.replaceControlChars)(s, () => ' ');
}
/** `s` as a code span on one line, whatever backticks it holds. */
function inlineCode(s) {
    const t = oneLine(s);
    const n = (0, markdown_js_1.longestBackticks)(t);
    if (n === 0)
        return `\`${t}\``;
    const f = '`'.repeat(n + 1);
    return `${f} ${t} ${f}`;
}
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const PARAGRAPH_LINE = /^ {0,3}(?![-*+](?:[ \t]|$)|[>|]|#{1,6}(?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3,}|~{3,})\S/;
/** CommonMark's HTML blocks that end only at a given string, however many blank lines come first. */
const HTML_BLOCKS = [
    {
        start: /^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i,
        end: /<\/(?:script|pre|style|textarea)>/i,
        close: '',
    },
    { start: /^ {0,3}<!--/, end: /-->/, close: '-->' },
    { start: /^ {0,3}<\?/, end: /\?>/, close: '?>' },
    { start: /^ {0,3}<![A-Za-z]/, end: />/, close: '>' },
    { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/, close: ']]>' },
];
/**
 * A Markdown body quoted inside the document (a rule section, a part of the blueprint): it stays inside
 * its own section. A code fence it leaves open is closed at its end (else everything after it, the
 * later sections included, would read as code), so is an HTML block that only a closing string ends
 * (`<!--` without `-->` would hide the rest of the document), and a setext underline (`Title` over
 * `====`), which would make a heading of the line above, is escaped. A carriage return alone ends a
 * line for a Markdown reader but not for `path:line` (nor for the checks here): it is shown as a space.
 * Every line keeps its place (a closing line is added after the last one), so `path:line` references
 * into the body still hold. A fence opened inside a list item may be ended by the item rather than by
 * its closing line, and that line then opens a fence of its own: a body where that can happen is quoted
 * whole in a fence of its own instead.
 */
function quoteMarkdown(body) {
    const text = body.replace(/\r\n/g, '\n').replace(/\r/g, ' ');
    const lines = text.split('\n');
    const indent = (line) => /^ */.exec(line)[0].length;
    // Lines inside a fence or an HTML block, as CommonMark reads them: a fence closes only on a line of the
    // same character, at least as long, indented at most three spaces, with nothing after it.
    const inBlock = new Set();
    let openFence;
    let html;
    let nested = false;
    lines.forEach((line, i) => {
        if (openFence) {
            inBlock.add(i);
            // Less indented than the opening line: a list item holding the fence would end here.
            if (line.trim() !== '' && indent(line) < openFence.indent)
                nested = true;
            const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)?.[1];
            if (close && close[0] === openFence.char && close.length >= openFence.length)
                openFence = undefined;
            return;
        }
        if (html) {
            inBlock.add(i);
            if (html.end.test(line))
                html = undefined;
            return;
        }
        const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
        if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
            inBlock.add(i);
            openFence = { char: open[1][0], length: open[1].length, indent: indent(line) };
            return;
        }
        const block = HTML_BLOCKS.find((b) => b.start.test(line));
        if (block) {
            inBlock.add(i);
            const startAt = block.start.exec(line)[0].length;
            const tag = /^ {0,3}<([A-Za-z]+)/.exec(line)?.[1]?.toLowerCase();
            if (!block.end.test(line.slice(startAt)))
                html = { end: block.end, close: block.close || `</${tag}>`, indent: indent(line) };
        }
    });
    if (nested)
        return fence(text, 'markdown');
    for (let i = 1; i < lines.length; i++) {
        if (inBlock.has(i) || inBlock.has(i - 1))
            continue;
        if (SETEXT_UNDERLINE.test(lines[i]) && PARAGRAPH_LINE.test(lines[i - 1])) {
            lines[i] = lines[i].replace(/^( {0,3})/, '$1\\');
        }
    }
    // Closed at the opening line's indentation: inside a list item too.
    if (openFence)
        lines.push(' '.repeat(openFence.indent) + openFence.char.repeat(openFence.length));
    else if (html)
        lines.push(' '.repeat(html.indent) + html.close);
    return lines.join('\n');
}
function cite(path, start, end) {
    return end !== undefined && end !== start ? `${path}:${start}-${end}` : `${path}:${start}`;
}
function renderTask(bp) {
    const out = [`## ${exports.SECTION_TITLES.task}`, ''];
    const meta = [
        `**${bp.id}** — ${oneLine(bp.title)}`,
        bp.requirementId ? `requirement ${oneLine(bp.requirementId)}` : undefined,
        bp.branch ? `branch ${inlineCode(bp.branch)}` : undefined,
        bp.dependsOn.length ? `depends on ${oneLine(bp.dependsOn.join(', '))}` : undefined,
        bp.labels.length ? `labels ${oneLine(bp.labels.join(', '))}` : undefined,
    ].filter(Boolean);
    out.push(meta.join(' · '), '', `Blueprint: ${inlineCode(bp.path)}`);
    const sub = (key, title) => {
        const s = bp.sections[key];
        if (!s || !s.body.trim())
            return;
        out.push('', `### ${title} (${inlineCode(cite(bp.path, s.line))})`, '', quoteMarkdown(s.body.trim()));
    };
    sub('goal', 'Goal');
    sub('implementation_plan', 'Implementation Plan');
    for (const s of bp.otherSections) {
        if (s.body.trim())
            out.push('', `### ${oneLine(s.title)} (${inlineCode(cite(bp.path, s.line))})`, '', quoteMarkdown(s.body.trim()));
    }
    sub('relevant_existing_code', "The blueprint's pointers to existing code");
    sub('security_considerations', 'Security notes from the blueprint');
    return out.join('\n');
}
function renderCriteria(bp) {
    const out = [`## ${exports.SECTION_TITLES.criteria}`, ''];
    if (bp.acceptanceCriteria.length === 0) {
        const s = bp.sections.acceptance_criteria;
        out.push(s?.body.trim() ? quoteMarkdown(s.body.trim()) : '_The blueprint lists no acceptance criteria._');
    }
    else {
        for (const c of bp.acceptanceCriteria) {
            out.push(`- [${c.checked ? 'x' : ' '}] ${oneLine(c.text)} (${inlineCode(cite(bp.path, c.line))})`);
        }
    }
    return out.join('\n');
}
function renderPlan(bp) {
    const out = [`## ${exports.SECTION_TITLES.plan}`, ''];
    if (bp.plan.length === 0) {
        out.push('_The blueprint has no verification plan steps._');
        return out.join('\n');
    }
    out.push('The Validator runs these steps (from the blueprint at the base commit) after the quality checks of `quality.toml`.', '');
    for (const st of bp.plan) {
        const t = st.timeout ? `, timeout ${st.timeout}s` : '';
        out.push(`- **${oneLine(st.stage)}** \`${(0, chars_js_1.escapeControlChars)(st.command).replace(/`/g, "'")}\` must **${oneLine(st.expects)}**${t} — ${oneLine(st.description)} (${inlineCode(cite(bp.path, st.line))})`);
    }
    return out.join('\n');
}
function renderRule(r) {
    const why = r.reasons.length ? `\n_Why: ${oneLine(r.reasons.join('; '))}._\n` : '';
    // A TOML table is quoted as TOML: its `# comments` would otherwise be Markdown headings.
    const body = /\.toml$/i.test(r.source) ? fence(r.body.trim(), 'toml') : quoteMarkdown(r.body.trim());
    return `### ${oneLine(r.heading)} (${inlineCode(cite(r.source, r.line, r.endLine))})\n${why}\n${body}`;
}
function renderCode(c, ranges) {
    const lang = languageOf(c.path);
    const kind = c.isTest ? ' (test)' : '';
    const out = [
        `### ${inlineCode(c.path)}${kind}`,
        '',
        `_Why: ${c.reasons.length ? oneLine(c.reasons.join('; ')) : 'ranked by code search'} (score ${c.score.toFixed(3)})._`,
    ];
    for (const r of ranges) {
        const text = c.lines.slice(r.start - 1, r.end).join('\n');
        out.push('', `${inlineCode(cite(c.path, r.start, r.end))}${r.label ? ` — ${oneLine(r.label)}` : ''}`, fence(text, lang));
    }
    return out.join('\n');
}
function renderLibraryHeader(lib, name, version) {
    // Not installed: the version the project's lock file records, said to be that.
    const locked = !version && lib?.locked?.versions.length === 1 ? lib.locked.versions[0] : undefined;
    const shown = version ?? locked;
    const parts = [`### ${oneLine(name)}${shown ? ` ${oneLine(clip(shown, 40))}` : ''}`];
    const meta = [];
    if (version)
        meta.push('installed version');
    else if (locked)
        meta.push(`locked in ${oneLine(lib.locked.file)}, not installed`);
    if (version && lib?.locked && !lib.locked.versions.includes(version))
        meta.push(`${oneLine(lib.locked.file)} locks ${oneLine(clip(lib.locked.versions.join(', '), 60))}`);
    if (lib?.declared)
        meta.push(`declared in ${oneLine(lib.declared.file)}: ${inlineCode(clip(lib.declared.spec, 120))}`);
    if (lib?.reasons.length)
        meta.push(`why: ${oneLine(lib.reasons.slice(0, 3).join('; '))}`);
    if (meta.length)
        parts.push('', `_${meta.join(' · ')}._`);
    return parts.join('\n');
}
/**
 * At most `max` characters of a field a manifest or a server chose (a version, a title), never cut
 * between the two halves of a character outside the BMP (an emoji, a rare CJK ideograph): half of one
 * is no text, and is written as U+FFFD.
 */
function clip(s, max) {
    return s.length <= max ? s : `${(0, chars_js_1.sliceWhole)(s, max - 1)}…`;
}
function renderFact(f) {
    const head = f.provider === 'context7'
        ? `#### ${oneLine(clip(f.symbol, 200))} (${oneLine(clip(f.source, 300))})`
        : `#### ${inlineCode(f.symbol)} — ${oneLine(f.kind)} (${inlineCode(f.source)}, ${f.provider})`;
    return `${head}\n${fence(f.text.trimEnd(), f.language === 'text' ? '' : f.language)}`;
}
/**
 * Builds the document within the budget. Fixed sections (task, criteria, plan) always go in; the
 * rest is filled greedily in relevance order with shares for rules and library facts, and code taking
 * what remains. An item that does not fit is tried in a smaller form, then omitted (and recorded).
 */
function assembleContext(input) {
    const { blueprint: bp, budget } = input;
    const omitted = [];
    const header = [
        `# ${bp.id}: ${bp.title}`,
        '',
        `> Task context assembled by Guardian's Bundler at base commit \`${input.baseCommit.slice(0, 12)}\`. Code, rules and API facts below are quoted from that commit and the installed libraries, with \`path:line\` sources; secrets are redacted. Token budget ${budget} (${tokens_js_1.TOKENIZER}).`,
    ].join('\n');
    const task = renderTask(bp);
    const criteria = renderCriteria(bp);
    const plan = renderPlan(bp);
    // Notes are for transparency; past a dozen they would crowd out code, and evidence/ has them all.
    const MAX_NOTES = 12;
    const noteBlock = (notes) => {
        if (notes.length === 0)
            return '';
        const shown = notes.slice(0, MAX_NOTES).map((n) => `- ${oneLine(n)}`);
        if (notes.length > MAX_NOTES)
            shown.push(`- … and ${notes.length - MAX_NOTES} more (see evidence/*.json)`);
        return `## Notes\n\n${shown.join('\n')}`;
    };
    const SEP = 2; // tokens for the blank lines joining blocks (over-estimate)
    const fixed = (0, tokens_js_1.countTokens)(header) + (0, tokens_js_1.countTokens)(task) + (0, tokens_js_1.countTokens)(criteria) + (0, tokens_js_1.countTokens)(plan) + 6 * SEP;
    let notesCost = (0, tokens_js_1.countTokens)(noteBlock(input.notes));
    let remaining = budget - fixed - notesCost - 40;
    if (remaining < 0) {
        throw new errors_js_1.ConfigurationError(`token budget ${budget} is too small for ${bp.id}: the task's own text (goal, criteria, plan) already takes ${fixed} tokens; raise [bundle] token_budget in quality.toml (or --budget)`);
    }
    const rulesOut = [];
    const codeOut = [];
    const factsOut = [];
    let rulesUsed = 0;
    let factsUsed = 0;
    // A library's header (version, declared requirement, why) is paid for by its first fact placed.
    const libraryOf = (name) => input.libraries.find((l) => l.packageName === name || l.importName === name);
    const headerPaid = new Set();
    const factCost = (f, text) => (0, tokens_js_1.countTokens)(text) +
        SEP +
        (headerPaid.has(f.library)
            ? 0
            : (0, tokens_js_1.countTokens)(renderLibraryHeader(libraryOf(f.library), f.library, f.version)) + SEP);
    // The files left out are named in the notes (the first few, most relevant first): evidence/search.json
    // has them all.
    const MAX_OMITTED_NAMED = 8;
    const notesBlock = () => {
        const omittedCode = omitted
            .filter((o) => o.kind === 'code')
            .map((o) => o.id)
            .sort((a, b) => codeRank(a) - codeRank(b))
            .map((id) => inlineCode(id));
        if (omittedCode.length === 0)
            return noteBlock(input.notes);
        const named = omittedCode.slice(0, MAX_OMITTED_NAMED).join(', ');
        const more = omittedCode.length > MAX_OMITTED_NAMED ? ` and ${omittedCode.length - MAX_OMITTED_NAMED} more` : '';
        return noteBlock([
            `Left out to stay within the token budget: ${named}${more} (see evidence/search.json).`,
            ...input.notes,
        ]);
    };
    const codeRank = (path) => input.code.findIndex((c) => c.path === path);
    // A file left out is named in the notes: the room that takes comes out of what the rest may use, so
    // the document fits without dropping a file that was placed.
    const omitCode = (path) => {
        omitted.push({ kind: 'code', id: path, reason: 'token budget' });
        const cost = (0, tokens_js_1.countTokens)(notesBlock());
        remaining -= cost - notesCost;
        notesCost = cost;
    };
    const build = () => {
        const notesText = notesBlock();
        const rulesText = [
            `## ${exports.SECTION_TITLES.rules}`,
            '',
            rulesOut.length
                ? rulesOut.map((x) => x.text).join('\n\n')
                : '_No project rules found (specs/architecture.md, other specs/*.md, Project.toml, AGENTS.md, CONTRIBUTING.md)._',
        ].join('\n');
        const codeText = [
            `## ${exports.SECTION_TITLES.code}`,
            '',
            codeOut.length
                ? codeOut.map((x) => x.text).join('\n\n')
                : omitted.some((o) => o.kind === 'code')
                    ? '_Left out for the token budget (see the notes)._'
                    : '_Code search found no relevant files at the base commit._',
        ].join('\n');
        const byLib = new Map();
        for (const x of factsOut) {
            const k = x.f.library;
            if (!byLib.has(k))
                byLib.set(k, []);
            byLib.get(k).push(x);
        }
        const knowledgeText = [
            `## ${exports.SECTION_TITLES.knowledge}`,
            '',
            byLib.size
                ? [...byLib.entries()]
                    .map(([name, xs]) => {
                    const lib = libraryOf(name);
                    return [renderLibraryHeader(lib, name, xs[0].f.version), ...xs.map((x) => x.text)].join('\n\n');
                })
                    .join('\n\n')
                : input.libraries.length
                    ? `_No API facts found offline for: ${oneLine(input.libraries.map((l) => (l.ecosystem === 'python' ? l.packageName : l.importName)).join(', '))}._`
                    : '_The task touches no third-party library._',
        ].join('\n');
        const sections = {
            header,
            task,
            criteria,
            rules: rulesText,
            code: codeText,
            knowledge: knowledgeText,
            plan,
            notes: notesText,
        };
        const markdown = [header, task, criteria, rulesText, codeText, knowledgeText, plan, notesText]
            .filter(Boolean)
            .join('\n\n') + '\n';
        return { markdown, sections };
    };
    // What the document takes with nothing placed yet: its section titles and the placeholders of empty
    // sections count too (an item placed only ever replaces a placeholder, so this is an upper bound).
    remaining = Math.min(remaining, budget - (0, tokens_js_1.countTokens)(build().markdown) - 16);
    const share = (p) => Math.max(0, Math.floor(remaining * p));
    const rulesCap = share(0.25);
    const factsCap = share(0.2);
    // Short global rules always go in, as long as they leave most of the room to the task's code: dozens
    // of packages' "Conventions" would otherwise take it all. The rest get what is left at the end.
    const globalsCap = share(0.4);
    // 1. Rules: the blueprint's and global ones first (they come first in `input.rules`).
    const pendingRules = [];
    for (const r of input.rules) {
        const text = renderRule(r);
        const t = (0, tokens_js_1.countTokens)(text) + SEP;
        const fits = r.kind === 'blueprint'
            ? t <= remaining
            : rulesUsed + t <= (r.kind === 'global' ? globalsCap : rulesCap);
        if (fits) {
            rulesOut.push({ r, text, tokens: t });
            rulesUsed += t;
            remaining -= t;
        }
        else
            pendingRules.push(r);
    }
    // 2. Library facts, within their share.
    const pendingFacts = [];
    for (const f of input.facts) {
        const text = renderFact(f);
        const t = factCost(f, text);
        if (factsUsed + t <= factsCap) {
            factsOut.push({ f, text, tokens: t });
            headerPaid.add(f.library);
            factsUsed += t;
            remaining -= t;
        }
        else
            pendingFacts.push(f);
    }
    // 3. Code takes what remains, most relevant first; a file that does not fit is tried smaller.
    for (const c of input.code) {
        let placed = false;
        for (const ranges of [c.ranges, c.fallback].filter((r) => !!r && r.length > 0)) {
            const text = renderCode(c, ranges);
            const t = (0, tokens_js_1.countTokens)(text) + SEP;
            if (t <= remaining) {
                codeOut.push({ c, ranges, text, tokens: t });
                remaining -= t;
                placed = true;
                break;
            }
        }
        if (!placed)
            omitCode(c.path);
    }
    // 4. Leftover room goes to the rules and facts that missed their share.
    for (const r of pendingRules) {
        const text = renderRule(r);
        const t = (0, tokens_js_1.countTokens)(text) + SEP;
        if (t <= remaining) {
            rulesOut.push({ r, text, tokens: t });
            remaining -= t;
        }
        else
            omitted.push({ kind: 'rule', id: cite(r.source, r.line, r.endLine), reason: 'token budget' });
    }
    for (const f of pendingFacts) {
        const text = renderFact(f);
        const t = factCost(f, text);
        if (t <= remaining) {
            factsOut.push({ f, text, tokens: t });
            headerPaid.add(f.library);
            remaining -= t;
        }
        else
            omitted.push({ kind: 'fact', id: `${f.library}:${f.symbol}`, reason: 'token budget' });
    }
    // 5. Room left over: a file quoted in parts is quoted whole, most relevant first (the parts left out
    // of a mid-sized file, a helper or an error class, are often what the change needs).
    for (const x of codeOut) {
        if (!x.c.whole || x.ranges === x.c.whole)
            continue;
        const text = renderCode(x.c, x.c.whole);
        const t = (0, tokens_js_1.countTokens)(text) + SEP;
        if (t - x.tokens <= remaining) {
            remaining -= t - x.tokens;
            Object.assign(x, { ranges: x.c.whole, text, tokens: t });
        }
    }
    // Stable order inside sections: the input order (relevance), not the order of placement.
    rulesOut.sort((a, b) => input.rules.indexOf(a.r) - input.rules.indexOf(b.r));
    factsOut.sort((a, b) => input.facts.indexOf(a.f) - input.facts.indexOf(b.f));
    codeOut.sort((a, b) => input.code.indexOf(a.c) - input.code.indexOf(b.c));
    let { markdown, sections } = build();
    let tokens = (0, tokens_js_1.countTokens)(markdown);
    // The estimate above is conservative; if rounding still overflows, drop the least relevant code,
    // then the least relevant API facts, then ranked rules: the document written always fits.
    while (tokens > budget) {
        if (codeOut.length > 0) {
            const dropped = codeOut.pop();
            omitted.push({ kind: 'code', id: dropped.c.path, reason: 'token budget' });
        }
        else if (factsOut.length > 0) {
            const { f } = factsOut.pop();
            omitted.push({ kind: 'fact', id: `${f.library}:${f.symbol}`, reason: 'token budget' });
        }
        else {
            const i = rulesOut.map((x) => x.r.kind).lastIndexOf('ranked');
            if (i < 0)
                break;
            const { r } = rulesOut.splice(i, 1)[0];
            omitted.push({ kind: 'rule', id: cite(r.source, r.line, r.endLine), reason: 'token budget' });
        }
        ({ markdown, sections } = build());
        tokens = (0, tokens_js_1.countTokens)(markdown);
    }
    if (tokens > budget) {
        throw new errors_js_1.ConfigurationError(`token budget ${budget} is too small for ${bp.id}: the task's own text, its constraints, the project's global rules and the notes already take ${tokens} tokens; raise [bundle] token_budget in quality.toml (or --budget)`);
    }
    const sectionTokens = {};
    for (const [k, v] of Object.entries(sections))
        sectionTokens[k] = v ? (0, tokens_js_1.countTokens)(v) : 0;
    return {
        markdown,
        tokens,
        sectionTokens,
        includedRules: rulesOut.map((x) => x.r),
        includedCode: codeOut.map((x) => ({ path: x.c.path, ranges: x.ranges, tokens: x.tokens })),
        includedFacts: factsOut.map((x) => x.f),
        omitted,
    };
}


/***/ }),

/***/ 7208:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TOKENIZER = exports.countTokens = exports.assembleContext = void 0;
exports.runBundler = runBundler;
exports.blueprintQuery = blueprintQuery;
exports.namedFiles = namedFiles;
exports.chooseRanges = chooseRanges;
exports.readManifests = readManifests;
/**
 * The Bundler station: reads a task's blueprint at the base commit and writes the Task Bundle —
 * `task_context.md` (task, acceptance criteria, the project rules that apply, the existing code to
 * reuse or change, API facts of the libraries involved, verification plan) within a token budget, plus
 * `evidence/*.json` (scores and provenance of every choice), `blueprint.md` and `manifest.json`.
 *
 * The bundle is built in a temporary directory next to its final place and moved there at the end, so
 * a failure leaves the previous bundle (or none) — never half of a new one.
 */
const node_crypto_1 = __webpack_require__(7598);
const picomatch_1 = __importDefault(__webpack_require__(4006));
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const bundle_js_1 = __webpack_require__(6782);
const errors_js_1 = __webpack_require__(3916);
const git_js_1 = __webpack_require__(308);
const detect_js_1 = __webpack_require__(4413);
const index_js_1 = __webpack_require__(2904);
const index_js_2 = __webpack_require__(5073);
const index_js_3 = __webpack_require__(1276);
const index_js_4 = __webpack_require__(5371);
const types_js_1 = __webpack_require__(9518);
const fs_js_1 = __webpack_require__(1917);
const log_js_1 = __webpack_require__(9906);
const temp_js_1 = __webpack_require__(4868);
const context_js_1 = __webpack_require__(9707);
const rules_js_1 = __webpack_require__(5851);
const tokens_js_1 = __webpack_require__(408);
const tree_js_1 = __webpack_require__(5502);
var context_js_2 = __webpack_require__(9707);
Object.defineProperty(exports, "assembleContext", ({ enumerable: true, get: function () { return context_js_2.assembleContext; } }));
var tokens_js_2 = __webpack_require__(408);
Object.defineProperty(exports, "countTokens", ({ enumerable: true, get: function () { return tokens_js_2.countTokens; } }));
Object.defineProperty(exports, "TOKENIZER", ({ enumerable: true, get: function () { return tokens_js_2.TOKENIZER; } }));
const SEARCH_TOP = 12;
async function runBundler(opts) {
    const log = opts.log ?? log_js_1.silentLogger;
    const { root, taskId } = opts;
    const finalDir = (0, bundle_js_1.bundleDirFor)(root, taskId);
    if (!(0, node_fs_1.existsSync)(root))
        throw new errors_js_1.ConfigurationError(`repository root ${root} does not exist`);
    if (!(0, git_js_1.isGitRepo)(root))
        throw new errors_js_1.ConfigurationError(`${root} is not a git repository: the Bundler reads the base commit`, {
            exitCode: 2,
        });
    let baseCommit;
    try {
        baseCommit = (0, git_js_1.resolveCommit)(root, opts.base ?? 'HEAD');
    }
    catch (e) {
        if (opts.base === undefined)
            throw new errors_js_1.ConfigurationError(`${root}: the repository has no commits yet (HEAD does not resolve)`);
        throw e;
    }
    const short = baseCommit.slice(0, 12);
    const tree = new tree_js_1.RepoTree(root, baseCommit);
    const project = (0, index_js_4.loadProject)(root, tree.asFileSource());
    let task;
    try {
        task = (0, index_js_4.requireTask)(project, taskId);
    }
    catch (e) {
        // A blueprint written but not committed yet: say so rather than "unknown task".
        if (e instanceof errors_js_1.GuardianError && !project.tasks.some((t) => t.id === taskId)) {
            const wt = (0, index_js_4.loadProject)(root, (0, index_js_4.fsSource)(root), { quality: false });
            const local = wt.tasks.find((t) => t.id === taskId);
            if (local) {
                throw new errors_js_1.ConfigurationError(`task ${taskId} (${local.path}) is not in the base commit ${short}: commit the blueprint first (the bundle is built from committed files)`);
            }
        }
        throw e;
    }
    // A quality.toml that does not parse would silently lose its [bundle] settings: say so now (its
    // absence is fine — the defaults apply).
    if ((0, index_js_4.errorsOf)(project.problems, index_js_4.QUALITY_FILE).length > 0)
        (0, index_js_4.requireQuality)(project, `the base commit ${short}`);
    const budget = opts.tokenBudget ?? project.quality?.bundle.tokenBudget ?? types_js_1.DEFAULT_TOKEN_BUDGET;
    if (!Number.isInteger(budget) || budget < 1000) {
        throw new errors_js_1.ConfigurationError(`token budget must be an integer of at least 1000, got ${budget}`);
    }
    // Build next to the final place (same filesystem, so the final rename is atomic).
    const parent = (0, node_path_1.dirname)(finalDir);
    (0, fs_js_1.ensureDir)(parent, root);
    removeStaleWork(parent, taskId);
    const work = (0, node_path_1.join)(parent, `.${taskId}.tmp-${(0, node_crypto_1.randomBytes)(4).toString('hex')}`);
    // Registered before it exists: an exit (Ctrl-C) from here on removes it.
    (0, temp_js_1.registerTemp)(work);
    try {
        (0, fs_js_1.ensureDir)(work, root);
        const manifest = (0, bundle_js_1.newManifest)({
            taskId,
            baseCommit,
            blueprintPath: (0, index_js_2.redactSecretsSync)(task.path).text,
            blueprintSha256: task.sha256,
        });
        carryOverPrestart(finalDir, work, manifest);
        (0, bundle_js_1.writeManifest)(work, manifest);
        const result = await (0, bundle_js_1.recordStation)(work, taskId, 'bundle', async () => {
            const r = await buildBundle({
                ...opts,
                log,
                tree,
                baseCommit,
                task,
                budget,
                dir: work,
                include: project.quality?.bundle.include ?? [],
                exclude: project.quality?.bundle.exclude ?? [],
            });
            return {
                result: r,
                record: {
                    note: `${r.tokens}/${budget} tokens · ${r.codeFiles.length} code files · ${r.rules} rules · ${r.facts} API facts${r.redactions ? ` · ${r.redactions} secrets redacted` : ''}`,
                },
            };
        });
        swapIn(work, finalDir);
        return { ...result, bundleDir: finalDir };
    }
    catch (e) {
        (0, node_fs_1.rmSync)(work, { recursive: true, force: true });
        throw e;
    }
    finally {
        (0, temp_js_1.releaseTemp)(work);
    }
}
/**
 * A pre-start report written before the Bundler (into a manifest-only bundle) stays valid when the
 * base commit is the same: keep it. Everything later (security, code, validation) depended on the old
 * context and is dropped.
 */
function carryOverPrestart(finalDir, work, manifest) {
    if (!(0, node_fs_1.existsSync)((0, node_path_1.join)(finalDir, 'manifest.json')))
        return;
    let old;
    try {
        old = (0, bundle_js_1.readManifest)(finalDir, manifest.taskId);
    }
    catch {
        return;
    }
    if (old.baseCommit !== manifest.baseCommit || !old.stations.prestart)
        return;
    for (const name of (0, node_fs_1.readdirSync)(finalDir)) {
        if (!/^prestart\.(?:json|md)$/.test(name))
            continue;
        // Only a regular file is carried over: a link put there would copy whatever it points at.
        if ((0, node_fs_1.lstatSync)((0, node_path_1.join)(finalDir, name)).isFile())
            (0, node_fs_1.copyFileSync)((0, node_path_1.join)(finalDir, name), (0, node_path_1.join)(work, name));
    }
    manifest.stations.prestart = old.stations.prestart;
}
/** Work directories of runs that were killed (older than an hour, so a concurrent run is left alone). */
function removeStaleWork(parent, taskId) {
    const prefixes = [`.${taskId}.tmp-`, `${taskId}.old-`];
    for (const name of (0, node_fs_1.readdirSync)(parent)) {
        if (!prefixes.some((p) => name.startsWith(p)))
            continue;
        const p = (0, node_path_1.join)(parent, name);
        try {
            if (Date.now() - (0, node_fs_1.statSync)(p).mtimeMs > 3600_000)
                (0, node_fs_1.rmSync)(p, { recursive: true, force: true });
        }
        catch {
            // Gone already, or not ours to remove: leave it.
        }
    }
}
function swapIn(work, finalDir) {
    const old = `${finalDir}.old-${(0, node_crypto_1.randomBytes)(4).toString('hex')}`;
    const hadOld = (0, node_fs_1.existsSync)(finalDir);
    if (hadOld)
        (0, node_fs_1.renameSync)(finalDir, old);
    try {
        (0, node_fs_1.renameSync)(work, finalDir);
    }
    catch (e) {
        if (hadOld)
            (0, node_fs_1.renameSync)(old, finalDir);
        throw e;
    }
    if (hadOld)
        (0, node_fs_1.rmSync)(old, { recursive: true, force: true });
}
async function buildBundle(input) {
    const { root, log, baseCommit, dir } = input;
    const notes = [];
    let redactions = 0;
    const redact = async (text, path) => {
        const r = await (0, index_js_2.redactSecrets)(text, { path, known: input.known });
        redactions += r.findings.length;
        return r.text;
    };
    // The blueprint as at the base commit, redacted, re-parsed so every line reference still holds.
    const rawBlueprint = await redact(input.task.raw, input.task.path);
    const bp = (0, index_js_4.parseBlueprint)(rawBlueprint, input.task.path).blueprint ?? input.task;
    (0, bundle_js_1.writeBundleFile)(dir, 'blueprint.md', rawBlueprint);
    const tree = input.tree;
    const taskText = blueprintQuery(bp);
    // 1. Code search.
    const excludeMatch = input.exclude.length ? (0, picomatch_1.default)(input.exclude, { dot: true }) : undefined;
    const excluded = (p) => (excludeMatch ? excludeMatch(p) : false);
    const includeMatch = input.include.length ? (0, picomatch_1.default)(input.include, { dot: true }) : undefined;
    const includedByConfig = includeMatch
        ? tree
            .files()
            .filter((p) => includeMatch(p) && !excluded(p))
            .slice(0, 20)
        : [];
    const hintFiles = [...new Set([...namedFiles(bp, tree), ...includedByConfig])];
    const relevantTests = [];
    for (const t of bp.relevantTests) {
        if (tree.has(t))
            relevantTests.push(t);
        else
            notes.push(`relevant test \`${t}\` (relevant_tests) does not exist at the base commit ${baseCommit.slice(0, 12)}: the task may have to create it`);
    }
    const search = await log.group('Searching the code', async () => {
        try {
            return await (0, index_js_3.searchRepository)({
                root,
                query: taskText,
                top: input.searchTop ?? SEARCH_TOP,
                hints: { files: hintFiles, relevantTests },
                cacheDir: input.searchCacheDir,
                // What leaves the machine is redacted with the same known values as the bundle.
                embeddings: input.embeddings && input.known ? { ...input.embeddings, known: input.known } : input.embeddings,
                log,
            });
        }
        catch (e) {
            // A search failure costs precision, not the bundle: fall back to the files the blueprint names.
            const msg = e.message;
            log.warn(`code search failed: ${msg}`);
            notes.push(`code search failed (${msg}); only the files the blueprint names are included`);
            return undefined;
        }
    });
    for (const n of search?.notes ?? [])
        log.debug(`search: ${n}`);
    const named = new Set(namedFiles(bp, tree));
    const ranked = withHints(search?.files ?? [], [
        ...hintFiles.map((p) => ({
            path: p,
            reason: named.has(p) ? 'named in the blueprint' : 'listed in [bundle] include of quality.toml',
            isTest: false,
        })),
        ...relevantTests.map((p) => ({ path: p, reason: 'relevant_tests in the blueprint', isTest: true })),
    ]);
    if (tree.files().length === 0)
        notes.push('the repository has no files at the base commit');
    else if (ranked.length === 0)
        notes.push('code search found no source files related to the task');
    tree.prefetch([
        ...ranked.map((f) => f.path),
        ...tree
            .files()
            .filter((p) => /^(?:package\.json|pyproject\.toml|requirements[^/]*\.(?:txt|in))$/.test(p)),
    ]);
    const candidates = [];
    const skipped = [];
    for (const f of ranked) {
        // Blueprints, milestones and rule files are specifications: they reach the context through their
        // own sections, not as code.
        if (f.path.startsWith('specs/') || f.path.startsWith('.guardian/')) {
            skipped.push({ path: f.path, reason: 'specification file (quoted in its own sections, not as code)' });
            continue;
        }
        if (excluded(f.path)) {
            skipped.push({ path: f.path, reason: 'excluded by [bundle] exclude in quality.toml' });
            continue;
        }
        const r = tree.read(f.path);
        if (!r.ok) {
            skipped.push({ path: f.path, reason: r.reason });
            notes.push(`skipped \`${f.path}\`: ${r.reason}`);
            continue;
        }
        const text = await redact(r.file.text, f.path);
        const lines = text.split(/\r?\n/);
        if (lines.length > 0 && lines[lines.length - 1] === '')
            lines.pop();
        candidates.push({
            path: f.path,
            score: f.score,
            isTest: f.isTest,
            reasons: f.reasons,
            lines,
            ...chooseRanges(f, lines),
        });
    }
    // 2. Architectural rules.
    const { sections, notes: ruleNotes } = (0, rules_js_1.readRuleSections)(tree, bp.path);
    for (const n of ruleNotes) {
        n.reason = await redact(n.reason);
        notes.push(`rule source \`${n.path}\` skipped: ${n.reason}`);
    }
    for (const s of sections) {
        // Heading and body in one scan (a heading is one line, and redaction keeps line breaks).
        const text = await redact(`${s.heading}\n${s.body}`, s.source);
        const nl = text.indexOf('\n');
        s.heading = text.slice(0, nl);
        s.body = text.slice(nl + 1);
    }
    // 3. External knowledge (needs the relevant code to know what is imported).
    const maxScore = Math.max(...candidates.map((c) => c.score), 1e-9);
    const manifests = readManifests(tree, notes);
    const knowledge = await log.group('Reading library APIs', () => (0, index_js_1.gatherKnowledge)({
        root,
        taskText,
        docsQuery: `${bp.title}. ${bp.sections.goal?.body ?? ''}`.slice(0, 400),
        sources: candidates.slice(0, 8).map((c) => ({
            path: c.path,
            text: c.lines.join('\n'),
            weight: Math.round((c.score / maxScore) * (c.isTest ? 0.5 : 1) * 1000) / 1000,
        })),
        manifests,
        localModules: localModules(tree),
        python: input.python,
        nodeModules: input.nodeModules,
        context7: input.context7
            ? {
                ...input.context7,
                cacheDir: input.context7.cacheDir ?? (0, node_path_1.join)(root, '.guardian', 'cache', 'context7'),
            }
            : undefined,
        log,
    }));
    for (const f of knowledge.facts) {
        f.text = await redact(f.text, f.provider === 'context7' ? undefined : (f.file ?? 'doc.txt'));
        // A documentation server also chooses the title and source shown above its text.
        if (f.provider === 'context7') {
            f.symbol = await redact(f.symbol);
            f.source = await redact(f.source);
        }
    }
    // Notes quote what failed (a server's error text, a file's reason): redacted before they are written
    // anywhere, the evidence included.
    for (const n of knowledge.notes) {
        n.message = await redact(n.message);
        notes.push(n.message);
    }
    const libraryNames = knowledge.libraries.map((l) => l.ecosystem === 'python' ? l.packageName : l.importName);
    const ranking = (0, rules_js_1.rankRules)({
        sections,
        query: taskText,
        relevantPaths: candidates.map((c) => c.path),
        libraries: [...libraryNames, ...knowledge.libraries.map((l) => l.importName)],
    });
    const own = (0, rules_js_1.blueprintConstraints)(bp);
    const selection = (0, rules_js_1.selectRules)(ranking, own);
    // 4. Assembly within the budget.
    const redactedNotes = await Promise.all(notes.map((n) => redact(n)));
    const ctx = (0, context_js_1.assembleContext)({
        blueprint: bp,
        baseCommit,
        budget: input.budget,
        rules: selection.included,
        code: candidates,
        libraries: knowledge.libraries,
        facts: knowledge.facts,
        notes: redactedNotes,
    });
    // Belt and braces: the assembled document is scanned once more as a whole.
    const finalScan = await (0, index_js_2.redactSecrets)(ctx.markdown, { path: 'task_context.md', known: input.known });
    redactions += finalScan.findings.length;
    (0, bundle_js_1.writeBundleFile)(dir, 'task_context.md', finalScan.text);
    // A marker is not as long as what it replaces: the count reported is the one of the bytes written.
    const tokens = finalScan.text === ctx.markdown ? ctx.tokens : (0, tokens_js_1.countTokens)(finalScan.text);
    // 5. Evidence: every candidate with its score and provenance, and what made it in.
    const included = new Map(ctx.includedCode.map((c) => [c.path, c]));
    const evidence = {
        search: {
            schemaVersion: 1,
            taskId: bp.id,
            baseCommit,
            query: taskText,
            hints: { files: hintFiles, relevantTests },
            stats: search?.stats ?? null,
            notes: search?.notes ?? [],
            /** Everything the Bundler noted (the context shows the first dozen). */
            bundleNotes: redactedNotes,
            files: ranked.map((f, i) => ({
                rank: i + 1,
                path: f.path,
                score: f.score,
                isTest: f.isTest,
                reasons: f.reasons,
                symbols: f.symbols,
                included: included.has(f.path),
                ranges: included.get(f.path)?.ranges ?? [],
                tokens: included.get(f.path)?.tokens ?? 0,
                skipped: skipped.find((s) => s.path === f.path)?.reason,
                omitted: ctx.omitted.find((o) => o.kind === 'code' && o.id === f.path)?.reason,
            })),
        },
        rules: {
            schemaVersion: 1,
            taskId: bp.id,
            sources: [...new Set(sections.map((s) => s.source))],
            notes: ruleNotes,
            sections: [...(own ? [own] : []), ...ranking]
                .map((s) => ({
                source: s.source,
                line: s.line,
                endLine: s.endLine,
                heading: s.heading,
                kind: s.kind,
                score: s.score,
                reasons: s.reasons,
                included: ctx.includedRules.includes(s) ||
                    ctx.includedRules.some((r) => r.source === s.source && r.line === s.line),
            }))
                .sort((a, b) => Number(b.included) - Number(a.included) ||
                b.score - a.score ||
                (0, rules_js_1.byCodeUnits)(a.source, b.source) ||
                a.line - b.line),
        },
        knowledge: {
            schemaVersion: 1,
            taskId: bp.id,
            providers: [
                'python-stub',
                'python-source',
                'typescript-declarations',
                ...(input.context7 ? ['context7'] : []),
            ],
            libraries: knowledge.libraries,
            facts: knowledge.facts.map((f) => ({
                library: f.library,
                version: f.version,
                symbol: f.symbol,
                kind: f.kind,
                provider: f.provider,
                source: f.source,
                file: f.file,
                line: f.line,
                score: f.score,
                included: ctx.includedFacts.includes(f),
            })),
            notes: knowledge.notes,
        },
    };
    for (const [name, value] of Object.entries(evidence)) {
        const path = `evidence/${name}.md`;
        // The written JSON is scanned as a whole below, but there a string's quotes and line breaks are
        // escapes (`\"`, `\n`) that hide a quoted value or a line's start from the patterns: every string
        // JSON escapes is scanned as it is first.
        const unescaped = await redactEscapedStrings(value, (s) => redact(s, path));
        const json = JSON.stringify(unescaped, null, 2) + '\n';
        const clean = await (0, index_js_2.redactSecrets)(json, { path, known: input.known });
        JSON.parse(clean.text); // a redaction never breaks the JSON (markers hold no quotes)
        (0, bundle_js_1.writeBundleFile)(dir, `evidence/${name}.json`, clean.text);
    }
    return {
        taskId: bp.id,
        baseCommit,
        blueprintPath: (0, index_js_2.redactSecretsSync)(bp.path).text,
        tokens,
        tokenBudget: input.budget,
        tokenizer: tokens_js_1.TOKENIZER,
        sectionTokens: ctx.sectionTokens,
        codeFiles: ctx.includedCode.map((c) => ({ path: (0, index_js_2.redactSecretsSync)(c.path).text, ranges: c.ranges })),
        rules: ctx.includedRules.length,
        libraries: libraryNames,
        facts: ctx.includedFacts.length,
        redactions,
        notes: redactedNotes,
    };
}
/** `value` with every string that JSON would escape (quotes, backslashes, control characters) redacted. */
async function redactEscapedStrings(value, redact) {
    // A string JSON writes as it is (its quotes aside) was scanned with the whole file.
    if (typeof value === 'string')
        return JSON.stringify(value).length !== value.length + 2 ? redact(value) : value;
    if (Array.isArray(value)) {
        const out = [];
        for (const v of value)
            out.push(await redactEscapedStrings(v, redact));
        return out;
    }
    if (value !== null && typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[k] = await redactEscapedStrings(v, redact);
        return out;
    }
    return value;
}
/** The search query: what the task is about, in the blueprint's own words. */
function blueprintQuery(bp) {
    const parts = [bp.title];
    for (const key of [
        'goal',
        'acceptance_criteria',
        'implementation_plan',
        'architectural_constraints',
        'relevant_existing_code',
    ]) {
        const body = bp.sections[key]?.body;
        if (body)
            parts.push(body.replace(/```[\s\S]*?```/g, (m) => (key === 'relevant_existing_code' ? m : '')));
    }
    return parts.join('\n\n').trim();
}
/** Repository files the blueprint names (in code spans, bold paths or its "Relevant Existing Code"). */
function namedFiles(bp, tree) {
    const out = [];
    const text = bp.raw.replace(/^---[\s\S]*?\n---/, '');
    for (const p of (0, rules_js_1.mentionedPaths)(text))
        if (tree.has(p) && !out.includes(p))
            out.push(p);
    for (const m of text.matchAll(/(?:^|[\s(*"'])((?:[A-Za-z0-9_.-]+\/)+[A-Za-z0-9_.-]+\.[A-Za-z0-9]{1,6})(?=$|[\s),.:;*"'])/gm)) {
        const p = m[1];
        if (tree.has(p) && !out.includes(p))
            out.push(p);
    }
    return out;
}
/** Search results plus the blueprint's own pointers (and configured files) when search left them out. */
function withHints(files, hints) {
    const out = [...files];
    const have = new Set(files.map((f) => f.path));
    const low = Math.min(...files.map((f) => f.score), 1);
    for (const h of hints) {
        if (have.has(h.path))
            continue;
        have.add(h.path);
        const kind = h.isTest ? 'test' : 'source';
        out.push({ path: h.path, score: low * 0.9, isTest: h.isTest, reasons: [h.reason], symbols: [], kind });
    }
    return out;
}
/** Files up to this many lines may be quoted whole when the budget leaves room. */
const WHOLE_FILE_MAX_LINES = 300;
const IMPORT_LINE = /^\s*(?:import\s|from\s+\S+\s+import\s|export\s+\*?\s*\{?[^=]*\bfrom\s|const\s+\w+\s*=\s*require\(|#include\s|use\s+[\w:]+|package\s+\w)/;
/** Line ranges to quote from a file: all of a short file; else its imports and its best symbols. */
function chooseRanges(f, lines) {
    const n = lines.length;
    if (n === 0)
        return { ranges: [] };
    const syms = [...f.symbols].sort((a, b) => b.score - a.score || a.startLine - b.startLine);
    const best = syms[0];
    const clamp = (s, e, label, max = 100) => {
        const start = Math.max(1, Math.min(n, s));
        const end = Math.max(start, Math.min(n, e, start + max - 1));
        return { start, end, label };
    };
    const label = (s) => s.name.startsWith(s.kind) ? s.name : `${s.kind} ${s.name}`;
    const fallback = best
        ? [clamp(best.startLine, best.endLine, label(best), 40)]
        : [clamp(1, 30, 'beginning of the file')];
    if (n <= 80)
        return { ranges: [{ start: 1, end: n, label: 'whole file' }], fallback };
    const ranges = [];
    let lastImport = 0;
    for (let i = 0; i < Math.min(n, 60); i++)
        if (IMPORT_LINE.test(lines[i]))
            lastImport = i + 1;
    if (lastImport > 0 && lastImport <= 40)
        ranges.push({ start: 1, end: lastImport, label: 'imports' });
    if (best) {
        for (const s of syms.filter((s) => s.score >= best.score * 0.4).slice(0, 3)) {
            ranges.push(clamp(s.startLine - 1, s.endLine, label(s)));
        }
    }
    else {
        ranges.push(clamp(1, 60, 'beginning of the file'));
    }
    // Merge overlapping or nearly adjacent ranges; keep the labels of what they hold.
    ranges.sort((a, b) => a.start - b.start);
    const merged = [];
    for (const r of ranges) {
        const last = merged[merged.length - 1];
        if (last && r.start <= last.end + 3) {
            last.end = Math.max(last.end, r.end);
            const labels = [last.label, r.label].filter(Boolean);
            last.label = [...new Set(labels)].join(', ');
        }
        else
            merged.push({ ...r });
    }
    // A file of a few hundred lines is quoted whole when the budget has room left at the end.
    const whole = n <= WHOLE_FILE_MAX_LINES ? [{ start: 1, end: n, label: 'whole file' }] : undefined;
    return { ranges: merged, fallback, ...(whole ? { whole } : {}) };
}
/** Top-level names of the project's own modules (folders and files at the root and under src/). */
function localModules(tree) {
    const out = new Set();
    for (const p of tree.files()) {
        const parts = p.split('/');
        const top = parts[0].replace(/\.(?:py|pyi|ts|js|mjs|cjs)$/, '');
        out.add(top);
        if (parts[0] === 'src' && parts[1])
            out.add(parts[1].replace(/\.(?:py|pyi|ts|js)$/, ''));
    }
    // The package's own name: JS code may import itself by it.
    const pj = tree.read('package.json');
    if (pj.ok) {
        try {
            const name = JSON.parse(pj.file.text).name;
            if (typeof name === 'string')
                out.add(`npm:${name}`);
        }
        catch {
            // An invalid package.json names nothing.
        }
    }
    return out;
}
/** At most this many requirements files are read through `-r` includes, and this deep. */
const MAX_REQUIREMENTS_FILES = 32;
const MAX_INCLUDE_DEPTH = 8;
/**
 * The manifests at the base commit: `package.json` and `pyproject.toml` at the top, pip requirements
 * files at the top or in a `requirements/` folder, and the requirements files those include with `-r`
 * (followed within the repository only, each read once). An include that cannot be read is noted.
 */
function readManifests(tree, notes) {
    const out = [];
    const seen = new Set();
    const queue = [];
    for (const p of tree.files()) {
        if (p === 'package.json' || p === 'pyproject.toml') {
            const r = tree.read(p);
            if (r.ok)
                out.push({ path: p, text: r.file.text });
        }
        else if (detect_js_1.REQUIREMENTS_FILE.test(p)) {
            seen.add(p);
            queue.push({ path: p, depth: 0 });
        }
    }
    let read = 0;
    while (queue.length) {
        const { path, depth } = queue.shift();
        if (read >= MAX_REQUIREMENTS_FILES) {
            notes.push(`requirements file \`${path}\` not read: more than ${MAX_REQUIREMENTS_FILES} requirements files`);
            continue;
        }
        const r = tree.read(path);
        if (!r.ok) {
            if (depth > 0)
                notes.push(`requirements file \`${path}\` not read: ${r.reason}`);
            continue;
        }
        read++;
        out.push({ path, text: r.file.text, kind: 'requirements' });
        for (const inc of (0, detect_js_1.requirementIncludes)(path, r.file.text)) {
            const where = `\`${path}:${inc.line}\``;
            if (inc.outside || !inc.resolved) {
                notes.push(`${where} includes a requirements file outside the repository; not read`);
            }
            else if (seen.has(inc.resolved)) {
                continue;
            }
            else if (!tree.entries.has(inc.resolved)) {
                notes.push(`${where} includes \`${inc.resolved}\`, which is not in the repository at the base commit`);
            }
            else if (depth + 1 > MAX_INCLUDE_DEPTH) {
                notes.push(`${where} includes \`${inc.resolved}\`: includes nested deeper than ${MAX_INCLUDE_DEPTH}; not read`);
            }
            else {
                seen.add(inc.resolved);
                queue.push({ path: inc.resolved, depth: depth + 1 });
            }
        }
    }
    return out;
}


/***/ }),

/***/ 5851:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RULE_MAX_LINE_LENGTH = exports.MAX_RULE_BYTES = exports.MAX_RULE_SOURCES = void 0;
exports.ruleSourcePaths = ruleSourcePaths;
exports.readRuleSections = readRuleSections;
exports.splitMarkdown = splitMarkdown;
exports.splitToml = splitToml;
exports.blueprintConstraints = blueprintConstraints;
exports.rankRules = rankRules;
exports.mentionedPaths = mentionedPaths;
exports.byCodeUnits = byCodeUnits;
exports.selectRules = selectRules;
const markdown_js_1 = __webpack_require__(3938);
const terms_js_1 = __webpack_require__(7095);
/** Files, besides specs/**.md, that hold project-wide rules (first match of each group wins nothing: all are read). */
const RULE_FILES = [
    'Project.toml',
    'project.toml',
    'AGENTS.md',
    'CLAUDE.md',
    'CONTRIBUTING.md',
    '.github/CONTRIBUTING.md',
    'docs/CONTRIBUTING.md',
    'ARCHITECTURE.md',
    'docs/architecture.md',
    'docs/ARCHITECTURE.md',
    '.github/copilot-instructions.md',
];
const GLOBAL_HEADING = /\b(?:global|general|overall|principles?|conventions?|ground rules|always|golden rules|core rules|guidelines|non-negotiables?)\b/i;
/** Sections longer than this are never "short global rules" (lines, and characters of heading and body). */
const GLOBAL_MAX_LINES = 30;
const GLOBAL_MAX_CHARS = 4000;
/** The rule files present at the base commit, in a stable order (specs first). */
function ruleSourcePaths(tree, blueprintPath) {
    // Every entry, links included: a link is not followed, but it is named in the notes.
    const specs = [...tree.entries.keys()].filter((p) => p.startsWith('specs/') &&
        /\.(?:md|markdown)$/i.test(p) &&
        !p.startsWith('specs/tasks/') &&
        !p.startsWith('specs/milestones/') &&
        p !== blueprintPath);
    // specs/architecture.md first: it is the conventional home of the rules.
    specs.sort((a, b) => Number(b === 'specs/architecture.md') - Number(a === 'specs/architecture.md') || byCodeUnits(a, b));
    const others = RULE_FILES.filter((p) => tree.has(p) && !specs.includes(p));
    return [...specs, ...others];
}
const MIB = 1024 * 1024;
/** How many rule sources, and how many bytes of them, one bundle reads at most. */
exports.MAX_RULE_SOURCES = 500;
exports.MAX_RULE_BYTES = 4 * MIB;
/** The longest line a rule source may hold (characters); longer, it is taken for generated text. */
exports.RULE_MAX_LINE_LENGTH = 16_000;
/** Splits every rule source into sections. Files that cannot be read are reported in `notes`. */
function readRuleSections(repoTree, blueprintPath) {
    const sections = [];
    const notes = [];
    // Prose is often written a paragraph to a line: a long line does not make a rule file generated code.
    const tree = repoTree.withLimits({ ...repoTree.limits, maxLineLength: exports.RULE_MAX_LINE_LENGTH });
    // Most relevant sources first (specs/architecture.md, then by name); a repository with thousands of
    // them gets the first MAX_RULE_SOURCES / MAX_RULE_BYTES and one note for the rest.
    const all = ruleSourcePaths(tree, blueprintPath);
    const paths = [];
    let bytes = 0;
    for (const path of all) {
        // A file over the size limit is not read (read() says so): it costs nothing here.
        const size = tree.entries.get(path)?.size ?? 0;
        const cost = size > tree.limits.maxBytes ? 0 : size;
        if (paths.length >= exports.MAX_RULE_SOURCES || (paths.length > 0 && bytes + cost > exports.MAX_RULE_BYTES))
            break;
        paths.push(path);
        bytes += cost;
    }
    if (paths.length < all.length) {
        const rest = all.length - paths.length;
        notes.push({
            path: all[paths.length],
            reason: `over the limit of ${exports.MAX_RULE_SOURCES} rule sources or ${exports.MAX_RULE_BYTES / MIB} MiB per bundle; ` +
                (rest === 1
                    ? 'it is the only one not read'
                    : `neither it nor the ${rest - 1} after it (up to \`${all[all.length - 1]}\`) are read`),
        });
    }
    // One git process for all of them rather than one per file.
    tree.prefetch(paths);
    for (const path of paths) {
        const r = tree.read(path);
        if (!r.ok) {
            notes.push({ path, reason: r.reason });
            continue;
        }
        const split = /\.toml$/i.test(path) ? splitToml(path, r.file.lines) : splitMarkdown(path, r.file.lines);
        sections.push(...split);
    }
    return { sections, notes };
}
/** Splits Markdown at headings (ATX `#` headings outside code fences). */
function splitMarkdown(path, lines) {
    const inFence = new Set();
    for (const f of (0, markdown_js_1.findFences)(lines.join('\n'))) {
        const end = f.closeLine ?? lines.length;
        for (let l = f.openLine; l <= end; l++)
            inFence.add(l);
    }
    const headings = [];
    lines.forEach((text, i) => {
        const m = /^ {0,3}(#{1,6})\s(.*)$/.exec(text);
        if (m && !inFence.has(i + 1))
            headings.push({ line: i + 1, level: m[1].length, title: (0, markdown_js_1.headingText)(m[2]) });
    });
    const out = [];
    const stack = [];
    const push = (start, end, headingLine) => {
        const bodyStart = headingLine === undefined ? start : start + 1;
        let a = bodyStart;
        let b = end;
        while (a <= b && (lines[a - 1] ?? '').trim() === '')
            a++;
        while (b >= a && (lines[b - 1] ?? '').trim() === '')
            b--;
        if (a > b)
            return;
        const heading = stack.map((s) => s.title).join(' › ') || fileTitle(path);
        out.push({
            source: path,
            line: headingLine ?? a,
            endLine: b,
            heading,
            body: lines.slice(a - 1, b).join('\n'),
            bodyLine: a,
            kind: 'ranked',
            score: 0,
            reasons: [],
        });
    };
    const first = headings[0]?.line ?? lines.length + 1;
    if (first > 1)
        push(1, first - 1, undefined);
    headings.forEach((h, i) => {
        while (stack.length > 0 && stack[stack.length - 1].level >= h.level)
            stack.pop();
        stack.push({ level: h.level, title: h.title });
        const end = (headings[i + 1]?.line ?? lines.length + 1) - 1;
        push(h.line, end, h.line);
    });
    return out;
}
/** Splits TOML at table headers (`[table]`, `[[array]]`); keys before the first table form one section. */
function splitToml(path, lines) {
    const out = [];
    let start = 1;
    let title = fileTitle(path);
    const flush = (end, headingLine) => {
        let a = headingLine === undefined ? start : start + 1;
        let b = end;
        while (a <= b && /^\s*(?:#.*)?$/.test(lines[a - 1] ?? '') && (lines[a - 1] ?? '').trim() === '')
            a++;
        while (b >= a && (lines[b - 1] ?? '').trim() === '')
            b--;
        if (a > b)
            return;
        out.push({
            source: path,
            line: headingLine ?? a,
            endLine: b,
            heading: title,
            body: lines.slice(a - 1, b).join('\n'),
            bodyLine: a,
            kind: 'ranked',
            score: 0,
            reasons: [],
        });
    };
    let headingLine;
    lines.forEach((text, i) => {
        const m = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/.exec(text);
        if (!m)
            return;
        flush(i, headingLine);
        start = i + 1;
        headingLine = i + 1;
        title = m[1];
    });
    flush(lines.length, headingLine);
    return out;
}
function fileTitle(path) {
    return path.split('/').pop() ?? path;
}
/** The blueprint's own "Architectural Constraints" section, as a rule that always applies. */
function blueprintConstraints(bp) {
    const s = bp.sections.architectural_constraints;
    if (!s || s.body.trim() === '')
        return undefined;
    const bodyLines = s.body.split('\n');
    return {
        source: bp.path,
        line: s.line,
        endLine: s.bodyLine + bodyLines.length - 1,
        heading: `${bp.id} › ${s.title}`,
        body: s.body,
        bodyLine: s.bodyLine,
        kind: 'blueprint',
        score: 1,
        reasons: ["the task's own architectural constraints"],
    };
}
/**
 * Scores every section. Global sections (an introduction directly under the document title, or a
 * heading such as "Global rules"/"Conventions") that are short are marked `global` and always kept;
 * the rest are scored with BM25 on heading + body, plus evidence from the code: a section that names a
 * folder or file the search found, or a library the task uses, is about this task.
 */
function rankRules(input) {
    const { sections } = input;
    const docs = sections.map((s) => `${s.heading} ${s.heading} ${s.body}`);
    const lexical = (0, terms_js_1.bm25)(docs, input.query);
    const top = Math.max(...lexical, 1e-9);
    const queryTerms = new Set((0, terms_js_1.terms)(input.query));
    const relevantTop = input.relevantPaths.slice(0, 8);
    return sections.map((s, i) => {
        const reasons = [];
        let score = (lexical[i] ?? 0) / top;
        if (score > 0) {
            const shared = [...new Set((0, terms_js_1.terms)(`${s.heading} ${s.body}`))]
                .filter((t) => queryTerms.has(t))
                .slice(0, 6);
            if (shared.length > 0)
                reasons.push(`lexical: ${shared.join(', ')}`);
        }
        const mentioned = mentionedPaths(s.body);
        const hits = mentioned.filter((m) => relevantTop.some((p) => p === m || (m.endsWith('/') && p.startsWith(m))));
        if (hits.length > 0) {
            score += 0.35;
            reasons.push(`names ${hits.slice(0, 3).join(', ')} where relevant code lives`);
        }
        const libs = input.libraries.filter((l) => new RegExp(`\\b${escapeRe(l)}\\b`, 'i').test(`${s.heading}\n${s.body}`));
        if (libs.length > 0) {
            score += 0.15;
            reasons.push(`about ${libs.slice(0, 3).join(', ')}, used by the task`);
        }
        const isGlobal = isGlobalSection(s, sections);
        if (isGlobal)
            reasons.unshift('short global rule (always included)');
        return { ...s, kind: isGlobal ? 'global' : s.kind, score: Math.round(score * 1000) / 1000, reasons };
    });
}
function isGlobalSection(s, all) {
    const lines = s.endLine - s.line + 1;
    if (lines > GLOBAL_MAX_LINES || s.heading.length + s.body.length > GLOBAL_MAX_CHARS)
        return false;
    const last = s.heading.split(' › ').pop() ?? '';
    if (GLOBAL_HEADING.test(last) || /^\s*(?:global|general) rules?\b/im.test(s.body))
        return true;
    // The introduction under a document's single top heading is its preamble of project-wide rules,
    // when it states rules (a list), not only prose.
    const depth = s.heading.split(' › ').length;
    const firstOfFile = all.find((o) => o.source === s.source) === s;
    return firstOfFile && depth <= 1 && /^\s*(?:[-*+]|\d+\.)\s+/m.test(s.body);
}
/** Repository paths written in a text: `src/models/`, `tests/test_auth.py`, … */
function mentionedPaths(text) {
    const out = new Set();
    for (const m of text.matchAll(/`([^`\s]+)`/g)) {
        const p = m[1].replace(/^\.\//, '');
        if (/^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]*)+$|^[A-Za-z0-9_-]+\.[A-Za-z0-9]{1,5}$/.test(p))
            out.add(p);
    }
    return [...out];
}
/**
 * Paths compared by their UTF-16 code units, never by the machine's locale: `localeCompare` puts `ch`
 * after `h` under a Czech locale and `ä` after `z` under a Swedish one, and the same commit would give
 * a different task_context.md (and miss the prompt cache) on another machine.
 */
function byCodeUnits(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function escapeRe(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * Chooses the rules for the context: the blueprint's constraints, then short global rules, then
 * ranked sections above a relevance floor (a share of the best score) — most relevant first, ties
 * broken by source and line so the order is stable.
 */
function selectRules(ranked, blueprint, opts = {}) {
    const maxRanked = opts.maxRanked ?? 8;
    const floor = opts.floor ?? 0.3;
    const order = (a, b) => b.score - a.score || byCodeUnits(a.source, b.source) || a.line - b.line;
    const globals = ranked
        .filter((s) => s.kind === 'global')
        .sort((a, b) => byCodeUnits(a.source, b.source) || a.line - b.line);
    const rest = ranked.filter((s) => s.kind !== 'global').sort(order);
    const best = rest[0]?.score ?? 0;
    const chosen = rest.filter((s) => s.score > 0 && s.score >= best * floor).slice(0, maxRanked);
    const included = [...(blueprint ? [blueprint] : []), ...globals, ...chosen];
    const set = new Set(included);
    return { included, excluded: rest.filter((s) => !set.has(s)) };
}


/***/ }),

/***/ 408:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TOKENIZER = void 0;
exports.countTokens = countTokens;
/**
 * Token counting with a real tokenizer: OpenAI's o200k_base (GPT-4o / GPT-4.1 / o-series) through
 * js-tiktoken. Other providers' tokenizers differ by a few percent; the budget is a ceiling, not a
 * target, so the bundle leaves that margin implicitly.
 */
const lite_1 = __webpack_require__(5229);
const o200k_base_1 = __importDefault(__webpack_require__(5395));
exports.TOKENIZER = 'o200k_base';
let encoder;
function enc() {
    encoder ??= new lite_1.Tiktoken(o200k_base_1.default);
    return encoder;
}
const memo = new Map();
/** Tokens of `text` (memoized: assembly counts the same pieces several times). */
function countTokens(text) {
    if (text.length === 0)
        return 0;
    const known = memo.get(text);
    if (known !== undefined)
        return known;
    const n = encodedLength(text);
    if (memo.size > 5000)
        memo.clear();
    memo.set(text, n);
    return n;
}
/**
 * Byte-pair merging is quadratic in the length of one pre-token, and a run of punctuation or of letters
 * without a space is one pre-token: 40,000 `=` in a blueprint took minutes. Runs longer than RUN are
 * counted RUN characters at a time (a cut costs at most a token; the budget is a ceiling anyway), so
 * the count stays linear. Text without such runs is counted exactly as one piece.
 */
const RUN = 128;
const LONG_RUN = new RegExp(`\\S{${RUN + 1},}`, 'g');
function encodedLength(text) {
    // Special-token text in a repository (e.g. "<|endoftext|>") is ordinary text here.
    const count = (t) => (t ? enc().encode(t, [], []).length : 0);
    let n = 0;
    let last = 0;
    for (const m of text.matchAll(LONG_RUN)) {
        n += count(text.slice(last, m.index));
        for (let i = 0; i < m[0].length; i += RUN)
            n += count(m[0].slice(i, i + RUN));
        last = m.index + m[0].length;
    }
    return n + count(text.slice(last));
}


/***/ }),

/***/ 5502:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RepoTree = exports.DEFAULT_READ_LIMITS = void 0;
exports.classifyBytes = classifyBytes;
exports.listTree = listTree;
/**
 * The repository as it is at the base commit, read through git's object store. Reading blobs (not the
 * working tree) means the bundle shows exactly the code the Coder's patch will apply to, symbolic links
 * are never followed (git stores a link as its target text), and nothing outside the repository can be
 * reached.
 */
const git_js_1 = __webpack_require__(308);
const index_js_1 = __webpack_require__(5073);
const index_js_2 = __webpack_require__(5371);
exports.DEFAULT_READ_LIMITS = { maxBytes: 512 * 1024, maxLineLength: 1000 };
const MINIFIED_NAME = /\.min\.(?:js|mjs|cjs|css)$|[.-]bundle\.js$|\.map$/i;
class RepoTree {
    root;
    commit;
    limits;
    entries;
    cache = new Map();
    fileList;
    constructor(root, commit, limits = exports.DEFAULT_READ_LIMITS, entries) {
        this.root = root;
        this.commit = commit;
        this.limits = limits;
        this.entries = entries ?? listTree(root, commit);
    }
    /** The same tree read with other limits (and a cache of its own). */
    withLimits(limits) {
        return new RepoTree(this.root, this.commit, limits, this.entries);
    }
    has(path) {
        return this.entries.has(path);
    }
    /** The raw bytes of a regular file (no text checks), or undefined. */
    bytes(path) {
        const e = this.entries.get(path);
        if (!e || (e.mode !== '100644' && e.mode !== '100755'))
            return undefined;
        const r = (0, git_js_1.execGitBuffer)(['cat-file', 'blob', e.oid], { cwd: this.root, allowFailure: true });
        return r.code === 0 ? r.stdout : undefined;
    }
    /**
     * The tree as a spec `FileSource`, so blueprints and quality.toml are read from exactly the files the
     * bundle quotes — also when the project is a subdirectory of its repository.
     */
    asFileSource() {
        return {
            label: `commit ${this.commit.slice(0, 12)}`,
            list: (dir) => {
                const prefix = dir.replace(/\/+$/, '') + '/';
                return this.files().filter((p) => p.startsWith(prefix));
            },
            read: (p) => this.bytes(p),
            size: (p) => {
                const e = this.entries.get(p);
                return e && (e.mode === '100644' || e.mode === '100755') ? e.size : undefined;
            },
            exists: (p) => this.entries.has(p) || this.files().some((f) => f.startsWith(p.replace(/\/+$/, '') + '/')),
            unreadable: (p) => {
                const e = this.entries.get(p);
                return e?.mode === '120000' ? index_js_2.SYMLINK_REASON : e ? 'not a regular file' : 'no such file';
            },
            notFollowed: (dir) => {
                const prefix = dir.replace(/\/+$/, '') + '/';
                return [...this.entries.values()]
                    .filter((e) => e.path.startsWith(prefix) && e.mode === '120000')
                    .map((e) => ({ path: e.path, reason: index_js_2.SYMLINK_REASON }))
                    .sort((a, b) => (a.path < b.path ? -1 : 1));
            },
        };
    }
    /** Paths of regular files, sorted. */
    files() {
        this.fileList ??= [...this.entries.values()]
            .filter((e) => e.mode === '100644' || e.mode === '100755')
            .map((e) => e.path)
            .sort();
        return this.fileList;
    }
    /** Reads a file as UTF-8 text, or says why it is not read (missing, link, secret, binary, …). */
    read(path) {
        const cached = this.cache.get(path);
        if (cached)
            return cached;
        const r = this.readUncached(path);
        this.cache.set(path, r);
        return r;
    }
    /**
     * Reads many files with one `git cat-file --batch` (one process instead of one per file) and keeps
     * the results for `read`. Paths that cannot be read are left to `read` to explain.
     */
    prefetch(paths) {
        const wanted = paths.filter((p) => !this.cache.has(p) && this.readable(p) === undefined);
        if (wanted.length === 0)
            return;
        const blobs = (0, git_js_1.readBlobs)(this.root, wanted.map((p) => this.entries.get(p).oid));
        // A missing object is left to read() to report.
        wanted.forEach((path, i) => {
            const b = blobs[i];
            if (b)
                this.cache.set(path, classifyBytes(path, b, this.limits));
        });
    }
    /** Why a path cannot be read from its tree entry alone (undefined: its bytes decide). */
    readable(path) {
        const e = this.entries.get(path);
        if (!e)
            return `not in the base commit ${this.commit.slice(0, 12)}`;
        if (e.mode === '120000')
            return 'symbolic link (not followed)';
        if (e.mode === '160000')
            return 'git submodule (not read)';
        const secret = (0, index_js_1.secretFileReason)(path);
        if (secret)
            return `${secret}: never included`;
        if (e.size > this.limits.maxBytes)
            return `too large (${e.size} bytes > ${this.limits.maxBytes})`;
        if (MINIFIED_NAME.test(path))
            return 'minified or generated file';
        return undefined;
    }
    readUncached(path) {
        const no = (reason) => ({ ok: false, path, reason });
        const why = this.readable(path);
        if (why)
            return no(why);
        const e = this.entries.get(path);
        const r = (0, git_js_1.execGitBuffer)(['cat-file', 'blob', e.oid], { cwd: this.root, allowFailure: true });
        if (r.code !== 0)
            return no(`unreadable (${r.stderr.trim() || `git cat-file exit ${r.code}`})`);
        return classifyBytes(path, r.stdout, this.limits);
    }
}
exports.RepoTree = RepoTree;
/** Decides whether bytes are usable source text. Exported for files read from disk. */
function classifyBytes(path, data, limits = exports.DEFAULT_READ_LIMITS) {
    const no = (reason) => ({ ok: false, path, reason });
    if (data.length > limits.maxBytes)
        return no(`too large (${data.length} bytes > ${limits.maxBytes})`);
    if (data.subarray(0, 8000).includes(0))
        return no('binary file');
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    }
    catch {
        return no('not valid UTF-8');
    }
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    const lines = text.split(/\r?\n/);
    if (lines.length > 0 && lines[lines.length - 1] === '')
        lines.pop();
    const longest = lines.reduce((m, l) => Math.max(m, l.length), 0);
    if (longest > limits.maxLineLength)
        return no(`minified or generated (a line of ${longest} characters)`);
    return { ok: true, file: { path, text, lines } };
}
/**
 * Entries of a commit under `root`, with paths relative to it: when `root` is a subdirectory of the
 * repository (a project inside a monorepo), only its part of the tree, as the spec loader sees it.
 */
function listTree(root, commit) {
    const out = (0, git_js_1.execGit)(['ls-tree', '-r', '-l', '-z', commit], { cwd: root }).stdout;
    const entries = new Map();
    for (const rec of out.split('\0')) {
        if (!rec)
            continue;
        // "<mode> SP <type> SP <object> SP+ <size> TAB <path>"
        const tab = rec.indexOf('\t');
        if (tab < 0)
            continue;
        const [mode, _type, oid, size] = rec.slice(0, tab).trim().split(/\s+/);
        if (!mode || !oid)
            continue;
        const path = rec.slice(tab + 1);
        entries.set(path, { path, mode, oid, size: size === '-' || size === undefined ? 0 : Number(size) });
    }
    return entries;
}


/***/ })

};
