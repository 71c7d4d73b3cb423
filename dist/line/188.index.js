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
/* harmony import */ var _llm_client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2156);
/* harmony import */ var _util_chars_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5153);
/* harmony import */ var _secrets_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9706);
/* harmony import */ var _util_fs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1917);
/* harmony import */ var _cachefile_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9396);
/**
 * Optional re-ranking with an OpenAI-compatible embeddings endpoint. Never required: any failure leaves
 * the lexical/structural order as it was, with a note. File vectors are cached by model and blob id, so
 * a warm run embeds only the query and files whose content changed.
 */








const RERANK_POOL = 30;
/** How much the embedding similarity moves a file (the fused score is normalized to [0, 1] first). */
const EMBEDDING_WEIGHT = 0.5;
const MAX_CHARS = 4000;
/**
 * The largest answer read: 31 vectors of 3,072 floats written out in JSON are about 2 MB. A server
 * sending more (or without end) is cut off rather than read into memory.
 */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
/** What was wrong with an answer, said better than the client's "Connection error." would. */
class ResponseProblem extends Error {
}
const isVector = (v) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
/**
 * `fetch` that reads the whole body before it returns, at most `max` bytes of it. The client's time
 * limit runs until this returns, so it covers a body that trickles in without end, not only the wait
 * for the headers.
 */
async function boundedFetch(url, init, limits) {
    let res;
    try {
        // Redirects are not followed: the request carries the key and the repository's code, and goes only
        // where the configured URL says. Nor are headers from OPENAI_CUSTOM_HEADERS sent.
        res = await fetch(url, {
            ...init,
            headers: (0,_llm_client_js__WEBPACK_IMPORTED_MODULE_3__/* .requestHeaders */ .A1)(init?.headers, limits.apiKey),
            redirect: 'manual',
        });
    }
    catch (e) {
        if (init?.signal?.aborted)
            throw new ResponseProblem(`no response within ${limits.timeoutMs} ms`);
        throw e;
    }
    if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel().catch(() => undefined);
        throw new ResponseProblem(`the server redirected the request (${res.status}); redirects are not followed: set the embeddings URL to the server's address`);
    }
    const chunks = [];
    let total = 0;
    if (res.body) {
        const reader = res.body.getReader();
        for (;;) {
            let next;
            try {
                next = await reader.read();
            }
            catch (e) {
                if (init?.signal?.aborted)
                    throw new ResponseProblem(`no complete response within ${limits.timeoutMs} ms`);
                throw e;
            }
            if (next.done)
                break;
            total += next.value.byteLength;
            if (total > limits.maxBytes) {
                await reader.cancel().catch(() => undefined);
                const mib = Math.round(limits.maxBytes / 1024 / 1024);
                throw new ResponseProblem(`the response is larger than ${mib} MiB`);
            }
            chunks.push(next.value);
        }
    }
    // The body is decoded already: the headers that described it as sent no longer apply.
    const headers = new Headers(res.headers);
    headers.delete('content-encoding');
    headers.delete('content-length');
    const empty = [101, 204, 205, 304].includes(res.status);
    return new Response(empty ? null : Buffer.concat(chunks), {
        status: res.status,
        statusText: res.statusText,
        headers,
    });
}
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
function fileText(index, path, known) {
    const f = index.files.get(path);
    let body = '';
    try {
        body = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(index.root, path), 'utf8').slice(0, MAX_CHARS);
    }
    catch {
        // unreadable now: embed what the index knows
    }
    const names = f.definitions.slice(0, 60).join(', ');
    // What leaves the machine is redacted like a prompt; a secret file's content never leaves it.
    return (0,_secrets_index_js__WEBPACK_IMPORTED_MODULE_4__/* .redactSecretsSync */ .mB)(`${path}\n${names}\n${(0,_secrets_index_js__WEBPACK_IMPORTED_MODULE_4__/* .isSecretFile */ .D0)(path) ? '' : body}`, { path, known }).text;
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
/**
 * One request, and a second one for a refused connection or a busy server (429, 5xx), both within one
 * time limit. Never again after a time-out or an answer that was wrong: a server that did not answer in
 * time, or answered nonsense, would most likely do the same again, and the search would wait twice.
 */
async function withOneRetry(timeoutMs, request, answeredWrongly) {
    const deadline = Date.now() + timeoutMs;
    try {
        return await request(timeoutMs);
    }
    catch (e) {
        const busy = e instanceof openai__WEBPACK_IMPORTED_MODULE_2__/* ["default"].APIError */ .Ay.APIError &&
            !(e instanceof openai__WEBPACK_IMPORTED_MODULE_2__/* ["default"].APIConnectionTimeoutError */ .Ay.APIConnectionTimeoutError) &&
            (e instanceof openai__WEBPACK_IMPORTED_MODULE_2__/* ["default"].APIConnectionError */ .Ay.APIConnectionError || e.status === 429 || (e.status ?? 0) >= 500);
        const left = deadline - Date.now();
        if (!busy || answeredWrongly() || left < 1000)
            throw e;
        await new Promise((r) => setTimeout(r, Math.min(500, left / 4)));
        return request(deadline - Date.now());
    }
}
async function rerankWithEmbeddings(opts) {
    const { index, config } = opts;
    const head = opts.pool.slice(0, RERANK_POOL);
    if (head.length < 2)
        return { pool: opts.pool };
    const cachePath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(opts.cacheDir, 'embeddings.json');
    let cache = { version: 1, vectors: {} };
    const r = (0,_cachefile_js__WEBPACK_IMPORTED_MODULE_6__/* .readCacheFile */ .l9)(cachePath);
    try {
        const parsed = 'text' in r ? JSON.parse(r.text) : undefined;
        if (parsed?.version === 1 && (0,_cachefile_js__WEBPACK_IMPORTED_MODULE_6__/* .isObject */ .Gv)(parsed.vectors))
            cache = parsed;
    }
    catch {
        // corrupt: start empty
    }
    const keyOf = (p) => `${config.model}:${index.files.get(p).blob}`;
    // Cached vectors are untrusted too: the head's must be lists of finite numbers of one length, else
    // they are asked for again (a damaged or hand-edited cache would otherwise re-rank by noise).
    const cachedOf = (p) => {
        const v = (0,_cachefile_js__WEBPACK_IMPORTED_MODULE_6__/* .own */ .ZV)(cache.vectors, keyOf(p));
        return isVector(v) ? v : undefined;
    };
    const dims = new Set(head.map((h) => cachedOf(h.path)?.length).filter((n) => n !== undefined));
    if (dims.size > 1)
        for (const h of head)
            delete cache.vectors[keyOf(h.path)];
    let responseProblem;
    const timeoutMs = opts.timeoutMs ?? 30_000;
    const apiKey = config.apiKey ?? 'unused';
    const limits = { maxBytes: opts.maxResponseBytes ?? MAX_RESPONSE_BYTES, timeoutMs, apiKey };
    try {
        const client = new openai__WEBPACK_IMPORTED_MODULE_2__/* ["default"] */ .Ay({
            baseURL: config.baseUrl,
            apiKey,
            // Explicit nulls: otherwise the SDK reads OPENAI_ORG_ID / OPENAI_PROJECT_ID itself.
            organization: null,
            project: null,
            timeout: timeoutMs,
            // Retries are decided below: the client's own would retry a time-out too, doubling the wait.
            maxRetries: 0,
            // The whole body is read within the request's time limit, and only up to a size.
            fetch: (url, init) => boundedFetch(url, init, limits).catch((e) => {
                if (e instanceof ResponseProblem)
                    responseProblem = e.message;
                throw e;
            }),
        });
        const missing = head.map((h) => h.path).filter((p) => !cachedOf(p));
        const known = config.known;
        const inputs = [
            (0,_secrets_index_js__WEBPACK_IMPORTED_MODULE_4__/* .redactSecretsSync */ .mB)(opts.query.slice(0, 8000), { known }).text,
            ...missing.map((p) => fileText(index, p, known)),
        ];
        // Floats, asked for by name: the client would otherwise ask for base64 and decode whatever comes back
        // as base64, and a server that ignores the parameter (returning floats, as is the API's default)
        // would yield vectors of noise that re-rank nothing, silently.
        const res = await withOneRetry(timeoutMs, (timeout) => client.embeddings.create({ model: config.model, input: inputs, encoding_format: 'float' }, { timeout, maxRetries: 0 }), () => responseProblem !== undefined);
        const data = [...(Array.isArray(res.data) ? res.data : [])].sort((a, b) => a.index - b.index);
        if (data.length !== inputs.length)
            throw new Error(`expected ${inputs.length} embeddings, got ${data.length}`);
        // One vector per input, each numbered by its input's position: a repeated or missing index would
        // pair vectors with the wrong files.
        data.forEach((d, i) => {
            if (d?.index !== i)
                throw new Error(`embedding ${i} is numbered ${JSON.stringify(d?.index)}`);
        });
        // Vectors cached earlier must have the same length (a model replaced under the same name would not).
        const cachedDim = head.map((h) => cachedOf(h.path)).find((v) => v !== undefined)?.length;
        checkVectors(data.map((d) => d.embedding), cachedDim);
        const q = data[0].embedding;
        missing.forEach((p, i) => {
            cache.vectors[keyOf(p)] = data[i + 1].embedding;
        });
        const sims = head.map((h) => cosine(q, cachedOf(h.path)));
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
            (0,_util_fs_js__WEBPACK_IMPORTED_MODULE_5__/* .writeFileAtomic */ .Zf)(cachePath, JSON.stringify(cache));
        }
        catch {
            // a read-only cache only costs the next run some requests
        }
        return { pool: [...reranked, ...opts.pool.slice(RERANK_POOL)] };
    }
    catch (e) {
        const msg = responseProblem ?? (e instanceof Error ? e.message : String(e));
        // The note is printed and kept in evidence: no user:password of the URL, no key a server echoed.
        const clean = (t) => (0,_util_chars_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeControlChars */ ._s)((config.apiKey && config.apiKey.length >= 8 ? t.split(config.apiKey).join('[REDACTED]') : t).replace(/\/\/[^\s/@]*@/g, '//'));
        return {
            pool: opts.pool,
            note: `embeddings re-ranking skipped (${clean((0,_llm_client_js__WEBPACK_IMPORTED_MODULE_3__/* .withoutCredentials */ .ri)(config.baseUrl))}): ${clean(msg.slice(0, 200))}`,
        };
    }
}


/***/ })

};
