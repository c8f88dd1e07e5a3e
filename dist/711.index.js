export const id = 711;
export const ids = [711];
export const modules = {

/***/ 711:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyToken: () => (/* binding */ verifyToken)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/http/fetch-adapter.ts
// The one `fetch` that @huggingface/hub is given, by verify (hub/verify.ts; the upload no longer
// uses the library, see upload/send-commit.ts): it turns the library's Fetch API calls into the action's own requests
// and their answers back into Responses, so every request of the library gets what the action's
// HTTP stack gives (request.ts: proxies, time limits, body caps, no redirects) where Node's global
// fetch would ignore HTTPS_PROXY and buffer large bodies. What is sent, with which token and which
// policy, is the caller's `send`; this adapter only translates, in both directions.
/** A `fetch` for @huggingface/hub over `options.send`. */
function createFetchAdapter(options) {
    return async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : input.toString());
        const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
        const headers = {};
        new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
        const body = await toRequestBody(init?.body, options.streamBody);
        const response = await options.send({ url, method, headers, body, signal: init?.signal ?? undefined, init });
        return toFetchResponse(url, response);
    };
}
/** The library's body, as the action sends it: what the caller streams stays a stream, never read whole. */
async function toRequestBody(body, streamBody) {
    if (body === undefined || body === null)
        return undefined;
    if (typeof body === 'string')
        return body;
    const streamed = streamBody?.(body);
    if (streamed)
        return streamed;
    if (body instanceof Blob)
        return new Uint8Array(await body.arrayBuffer());
    if (body instanceof ArrayBuffer)
        return new Uint8Array(body);
    if (ArrayBuffer.isView(body))
        return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    throw new Error('@huggingface/hub sent a request body of a kind the action does not send');
}
/**
 * An answer as a fetch Response, with its URL (which the library puts in its errors). A status the
 * Fetch API cannot carry a body with (1xx, 204, 205, 304) comes without one; a status it cannot
 * represent at all (outside 200-599) becomes a 502: the answer was not one a server should give.
 */
function toFetchResponse(url, response) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
        if (typeof value === 'string')
            headers.set(name, value);
        else if (Array.isArray(value))
            for (const item of value)
                headers.append(name, item);
    }
    const status = response.status;
    const bodyless = status < 200 || status === 204 || status === 205 || status === 304;
    const result = new Response(bodyless ? null : new Uint8Array(response.bytes), {
        status: status < 200 || status > 599 ? 502 : status,
        headers,
    });
    Object.defineProperty(result, 'url', { value: url.href });
    return result;
}

// EXTERNAL MODULE: ./src/http/refusal.ts
var refusal = __webpack_require__(5424);
// EXTERNAL MODULE: ./src/http/request.ts + 6 modules
var request = __webpack_require__(2081);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(8902);
// EXTERNAL MODULE: ./src/hub/hub-url.ts
var hub_url = __webpack_require__(7644);
// EXTERNAL MODULE: ./src/runner/sanitize.ts
var sanitize = __webpack_require__(9063);
// EXTERNAL MODULE: ./src/about.ts + 1 modules
var about = __webpack_require__(4543);
;// CONCATENATED MODULE: ./src/hub/verify.ts
// `verify: true`: prove the new token works before the job goes on (and before anything is exported),
// with the same client library a later JavaScript step would use, `@huggingface/hub`, against the
// configured hub: repository access for a repo resource (GET /api/{type}s/{ns}/{name}), whoAmI for a
// user resource (GET /api/whoami-v2).
//
// `@huggingface/hub` is imported here, dynamically, and only when `verify` is on: the bundler puts it
// in a separate chunk, so the default path neither loads nor parses it.
// Its requests go through the action's `fetch` adapter (http/fetch-adapter.ts), so they get the
// action's timeouts, body cap, proxy support and no-redirect rule, where Node's global fetch would
// ignore HTTPS_PROXY.
//
// The adapter also records each answer as it came. Whatever @huggingface/hub then makes of it (an
// HubApiError, or a TypeError on a body it did not expect), the step reports the hub's answer
// itself: status, sanitised text and request id. An odd answer is the hub's, not a bug of the action.








const MAX_VERIFY_RESPONSE_BYTES = 256 * 1024;
/** Checks that `token` works for `settings.resource` at the hub. Returns a line for the log. Throws ActionError. */
async function verifyToken(tokens, settings, deadline, log) {
    if (!tokens.current.token.accessToken.startsWith('hf_')) {
        // @huggingface/hub refuses such a token before any request (a TypeError): say what it means.
        throw new errors/* RemoteError */.Hi('The token endpoint issued a token that does not start with hf_, so it is not a Hugging Face Hub token, ' +
            'and `verify` cannot check it.', {
            code: 'MALFORMED_RESPONSE',
            transient: false,
            hint: 'Nothing was exported. With a broker that issues other tokens, set `verify: false`.',
        });
    }
    const hub = await __webpack_require__.e(/* import() */ 429).then(__webpack_require__.bind(__webpack_require__, 1429));
    const hubUrl = (0,hub_url/* hubBaseOf */.Ax)(settings.hubUrl);
    const answers = []; // this attempt's, in order
    const fetchThroughAction = createFetch(settings, deadline, (answer) => answers.push(answer));
    const resource = settings.resource;
    const attempt = async () => {
        answers.length = 0;
        const token = await tokens.accessToken();
        try {
            if (resource.kind === 'user') {
                const identity = await hub.whoAmI({ hubUrl, accessToken: token, fetch: fetchThroughAction });
                const name = typeof identity === 'object' && identity !== null ? identity.name : undefined;
                if (typeof name !== 'string')
                    throw new TypeError('whoami-v2 answered without a `name`');
                return `Verified the token: the hub knows it as ${(0,sanitize/* sanitizeServerText */.c8)(name, 100)} (whoami).`;
            }
            await hub.checkRepoAccess({
                repo: { type: resource.kind, name: `${resource.namespace}/${resource.name}` },
                hubUrl,
                accessToken: token,
                fetch: fetchThroughAction,
            });
            return `Verified the token: it can access the ${resource.kind} ${resource.namespace}/${resource.name}.`;
        }
        catch (error) {
            // Our own transport failed (network, timeout, size): that error says so already.
            if (error instanceof errors/* RemoteError */.Hi)
                throw error;
            // Anything @huggingface/hub threw about an answer is reported as that answer.
            const lastAnswer = answers.at(-1);
            if (lastAnswer !== undefined)
                throw describeAnswer(lastAnswer, token, settings);
            throw error;
        }
    };
    return (0,retry/* withRetries */.LH)(attempt, {
        maxAttempts: settings.maxAttempts,
        deadline,
        onRetry: (error, nextAttempt, delayMs) => log((0,retry/* describeRetry */.eV)(error, nextAttempt, settings.maxAttempts, delayMs)),
    }).catch((error) => {
        // A refusal already says what it is; a network failure gets told apart from the exchange's.
        throw error instanceof errors/* RemoteError */.Hi && error.code !== 'VERIFY_REFUSED' && error.code !== 'MALFORMED_RESPONSE'
            ? (0,errors/* wrapRemoteError */.$A)(`Verifying the new token at ${settings.hubUrl.host} failed`, error)
            : error;
    });
}
/**
 * The hub's answer as an error: its status, its text (refusal.ts: the OAuth or API error fields of a
 * JSON body, else an excerpt), its request id. A non-2xx status is a refusal, retried when
 * transient; a 2xx that @huggingface/hub could not read is a malformed answer.
 */
function describeAnswer(answer, token, settings) {
    const read = (0,refusal/* readRefusal */.ni)(answer, { secrets: [token] });
    const said = read.text ? (0,refusal/* quoted */.TL)(read.text) : ' with an empty body';
    const idNote = (0,refusal/* requestIdNote */.dF)(read.requestId);
    const what = `GET ${answer.path} answered HTTP ${answer.status}`;
    if (answer.status >= 200 && answer.status < 300) {
        return new errors/* RemoteError */.Hi(`The hub issued a token for ${settings.resource.value}, but verifying it failed: ${what}, an answer ` +
            `@huggingface/hub could not read:${said}${idNote}.`, {
            code: 'MALFORMED_RESPONSE',
            transient: false,
            requestId: read.requestId,
            hint: 'Nothing was exported. Check that `hub-url` points at a Hugging Face Hub; if it does, report this ' +
                'to Hugging Face with the x-request-id.',
        });
    }
    return new errors/* RemoteError */.Hi(`The hub issued a token for ${settings.resource.value}, but refused it when verifying: ${what}${said}${idNote}.`, {
        code: 'VERIFY_REFUSED',
        transient: read.transient,
        retryAfterMs: read.retryAfterMs,
        requestId: read.requestId,
        hint: answer.status === 401 || answer.status === 403 || answer.status === 404
            ? 'Nothing was exported. Check that `hub-url` is the hub that issued the token and that the repository ' +
                'exists there; if it does, report this to Hugging Face with the x-request-id.'
            : 'Nothing was exported. The hub may be having trouble; re-run the job later.',
    });
}
/**
 * verify's `fetch` (fetch-adapter.ts): GET requests only, bounded by the request timeout and the
 * step's deadline, each answer handed to `record` before @huggingface/hub sees it.
 */
function createFetch(settings, deadline, record) {
    return createFetchAdapter({
        send: async ({ url, method, headers }) => {
            if (method !== 'GET')
                throw new Error(`verify only makes GET requests, not ${method}`);
            const response = await (0,request/* sendRequest */.w)({
                method: 'GET',
                url,
                headers: { Accept: 'application/json', 'User-Agent': about/* USER_AGENT */._O, ...headers },
                ...(0,retry/* requestBounds */.dj)(deadline, settings.requestTimeoutMs),
                maxBodyBytes: MAX_VERIFY_RESPONSE_BYTES,
            });
            record({ path: url.pathname, status: response.status, headers: response.headers, body: response.body });
            return response;
        },
    });
}


/***/ })

};
