export const id = 188;
export const ids = [188];
export const modules = {

/***/ 8188:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rerankWithEmbeddings: () => (/* binding */ rerankWithEmbeddings)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var openai__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3674);
/* harmony import */ var _util_fs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1917);
/**
 * Optional re-ranking with an OpenAI-compatible embeddings endpoint. Never required: any failure leaves
 * the lexical/structural order as it was, with a note. File vectors are cached by model and blob id, so
 * a warm run embeds only the query and files whose content changed.
 */




const RERANK_POOL = 30;
/** How much the embedding similarity moves a file (the fused score is normalized to [0, 1] first). */
const EMBEDDING_WEIGHT = 0.5;
const MAX_CHARS = 4000;
function cosine(a, b) {
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
        dot += a[i] * b[i];
        na += a[i] * a[i];
        nb += b[i] * b[i];
    }
    return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
function fileText(index, path) {
    const f = index.files.get(path);
    let body = '';
    try {
        body = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(index.root, path), 'utf8').slice(0, MAX_CHARS);
    }
    catch {
        // unreadable now: embed what the index knows
    }
    const names = f.definitions.slice(0, 60).join(', ');
    return `${path}\n${names}\n${body}`;
}
/**
 * Vectors from the server are untrusted input: each must be a non-empty list of finite numbers, all of
 * one length (the cached vectors' length when there are any).
 */
function checkVectors(vs, cachedDim) {
    const dim = cachedDim ?? (Array.isArray(vs[0]) ? vs[0].length : 0);
    vs.forEach((v, i) => {
        if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === 'number' && Number.isFinite(x)))
            throw new Error(`embedding ${i} is not a list of numbers`);
        if (v.length !== dim)
            throw new Error(`embedding ${i} has ${v.length} dimensions, expected ${dim}`);
    });
}
async function rerankWithEmbeddings(opts) {
    const { index, config } = opts;
    const head = opts.pool.slice(0, RERANK_POOL);
    if (head.length < 2)
        return { pool: opts.pool };
    const cachePath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(opts.cacheDir, 'embeddings.json');
    let cache = { version: 1, vectors: {} };
    try {
        const parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(cachePath, 'utf8'));
        if (parsed.version === 1 && parsed.vectors && typeof parsed.vectors === 'object')
            cache = parsed;
    }
    catch {
        // absent or corrupt: start empty
    }
    const keyOf = (p) => `${config.model}:${index.files.get(p).blob}`;
    try {
        const client = new openai__WEBPACK_IMPORTED_MODULE_2__/* ["default"] */ .Ay({
            baseURL: config.baseUrl,
            apiKey: config.apiKey ?? 'unused',
            timeout: opts.timeoutMs ?? 30_000,
            maxRetries: 1,
        });
        const missing = head.map((h) => h.path).filter((p) => !cache.vectors[keyOf(p)]);
        const inputs = [opts.query.slice(0, 8000), ...missing.map((p) => fileText(index, p))];
        // Floats, asked for by name: the client would otherwise ask for base64 and decode whatever comes back
        // as base64, and a server that ignores the parameter (returning floats, as is the API's default)
        // would yield vectors of noise that re-rank nothing, silently.
        const res = await client.embeddings.create({
            model: config.model,
            input: inputs,
            encoding_format: 'float',
        });
        const data = [...(Array.isArray(res.data) ? res.data : [])].sort((a, b) => a.index - b.index);
        if (data.length !== inputs.length)
            throw new Error(`expected ${inputs.length} embeddings, got ${data.length}`);
        // Vectors cached earlier must have the same length (a model replaced under the same name would not).
        const cachedDim = head.map((h) => cache.vectors[keyOf(h.path)]).find((v) => Array.isArray(v))?.length;
        checkVectors(data.map((d) => d.embedding), cachedDim);
        const q = data[0].embedding;
        missing.forEach((p, i) => {
            cache.vectors[keyOf(p)] = data[i + 1].embedding;
        });
        const sims = head.map((h) => cosine(q, cache.vectors[keyOf(h.path)]));
        const lo = Math.min(...sims);
        const hi = Math.max(...sims);
        const top = head[0].score || 1;
        const reranked = head.map((h, i) => {
            const s = hi > lo ? (sims[i] - lo) / (hi - lo) : 0;
            return { path: h.path, score: (h.score / top + EMBEDDING_WEIGHT * s) * top, similarity: sims[i] };
        });
        reranked.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1));
        // Keep only vectors of current blobs so the cache does not grow without bound.
        const live = new Set([...index.files.values()].map((f) => `${config.model}:${f.blob}`));
        for (const k of Object.keys(cache.vectors))
            if (!live.has(k))
                delete cache.vectors[k];
        try {
            (0,_util_fs_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Zf)(cachePath, JSON.stringify(cache));
        }
        catch {
            // a read-only cache only costs the next run some requests
        }
        return { pool: [...reranked, ...opts.pool.slice(RERANK_POOL)] };
    }
    catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        return {
            pool: opts.pool,
            note: `embeddings re-ranking skipped (${config.baseUrl}): ${msg.slice(0, 200)}`,
        };
    }
}


/***/ })

};
