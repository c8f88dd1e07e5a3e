export const id = 250;
export const ids = [250];
export const modules = {

/***/ 7250:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyToken: () => (/* binding */ verifyToken)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _http_request_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6876);
/* harmony import */ var _http_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8902);
/* harmony import */ var _http_transient_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3106);
/* harmony import */ var _hub_url_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7644);
/* harmony import */ var _runner_sanitize_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9063);
/* harmony import */ var _about_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4543);
// `verify: true`: prove the new token works before the job goes on (and before anything is exported),
// with the same client library a later JavaScript step would use, `@huggingface/hub`, against the
// configured hub: repository access for a repo resource (GET /api/{type}s/{ns}/{name}), whoAmI for a
// user resource (GET /api/whoami-v2).
//
// `@huggingface/hub` is imported here, dynamically, and only when `verify` is on: the bundler puts it
// in a separate chunk, so the default path neither loads nor parses it.
// Its requests go through http.ts (a `fetch` adapter), so they get the action's timeouts, body cap,
// proxy support and no-redirect rule, where Node's global fetch would ignore HTTPS_PROXY.







const MAX_VERIFY_RESPONSE_BYTES = 256 * 1024;
/** Checks that `token` works for `settings.resource` at the hub. Returns a line for the log. Throws ActionError. */
async function verifyToken(token, settings, deadline, log) {
    const hub = await __webpack_require__.e(/* import() */ 429).then(__webpack_require__.bind(__webpack_require__, 1429));
    const hubUrl = (0,_hub_url_js__WEBPACK_IMPORTED_MODULE_3__/* .hubBaseOf */ .Ax)(settings.hubUrl);
    const fetchThroughAction = createFetch(settings, deadline);
    const resource = settings.resource;
    const attempt = async () => {
        try {
            if (resource.kind === 'user') {
                const identity = await hub.whoAmI({ hubUrl, accessToken: token, fetch: fetchThroughAction });
                return `Verified the token: the hub knows it as ${(0,_runner_sanitize_js__WEBPACK_IMPORTED_MODULE_5__/* .sanitizeServerText */ .c8)(identity.name, 100)} (whoami).`;
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
            if (error instanceof hub.HubApiError)
                throw refusal(error, token, settings);
            throw error;
        }
    };
    return (0,_http_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetries */ .LH)(attempt, {
        maxAttempts: settings.maxAttempts,
        deadline,
        onRetry: (error, nextAttempt, delayMs) => log((0,_http_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .describeRetry */ .eV)(error, nextAttempt, settings.maxAttempts, delayMs)),
    }).catch((error) => {
        // A refusal already says what it is; a network failure gets told apart from the exchange's.
        throw error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi && error.code !== 'VERIFY_REFUSED'
            ? (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .wrapRemoteError */ .$A)(`Verifying the new token at ${settings.hubUrl.host} failed`, error)
            : error;
    });
}
/** The hub's answer (status, its error text, x-request-id) as an error; a transient status is retried. */
function refusal(error, token, settings) {
    const data = error.data;
    const fields = typeof data === 'object' && data !== null ? data : {};
    const text = [fields['error'], fields['error_description'], fields['message']].find((value) => typeof value === 'string');
    const answer = (0,_runner_sanitize_js__WEBPACK_IMPORTED_MODULE_5__/* .sanitizeServerText */ .c8)((0,_runner_sanitize_js__WEBPACK_IMPORTED_MODULE_5__/* .redactSecrets */ .fp)(typeof text === 'string' ? text : '', [token]), 200);
    const requestId = error.requestId ? (0,_runner_sanitize_js__WEBPACK_IMPORTED_MODULE_5__/* .sanitizeServerText */ .c8)(error.requestId, 100) : undefined;
    const what = settings.resource.kind === 'user'
        ? 'GET /api/whoami-v2'
        : `GET /api/${settings.resource.kind}s/${settings.resource.namespace}/${settings.resource.name}`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi(`The hub issued a token for ${settings.resource.value}, but refused it when verifying: ${what} answered HTTP ${error.statusCode}` +
        `${answer ? ` ${JSON.stringify(answer)}` : ''}${requestId ? ` (x-request-id: ${requestId})` : ''}.`, {
        code: 'VERIFY_REFUSED',
        transient: (0,_http_transient_js__WEBPACK_IMPORTED_MODULE_6__/* .isTransientStatus */ .Dm)(error.statusCode),
        requestId,
        hint: error.statusCode === 401 || error.statusCode === 403 || error.statusCode === 404
            ? 'Nothing was exported. Check that `hub-url` is the hub that issued the token and that the repository exists there; if it does, report this to Hugging Face with the x-request-id.'
            : 'Nothing was exported. The hub may be having trouble; re-run the job later.',
    });
}
/**
 * A `fetch` for `@huggingface/hub` that sends its GET requests through http.ts, bounded by the
 * request timeout and the step's deadline.
 */
function createFetch(settings, deadline) {
    return async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : input.toString());
        const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
        if (method !== 'GET')
            throw new Error(`verify only makes GET requests, not ${method}`);
        const headers = { Accept: 'application/json', 'User-Agent': _about_js__WEBPACK_IMPORTED_MODULE_4__/* .USER_AGENT */ ._O };
        new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
        const response = await (0,_http_request_js__WEBPACK_IMPORTED_MODULE_1__/* .sendRequest */ .w)({
            method: 'GET',
            url,
            headers,
            ...(0,_http_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .requestBounds */ .dj)(deadline, settings.requestTimeoutMs),
            maxBodyBytes: MAX_VERIFY_RESPONSE_BYTES,
        });
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
            if (typeof value === 'string')
                responseHeaders.set(name, value);
            else if (Array.isArray(value))
                for (const item of value)
                    responseHeaders.append(name, item);
        }
        const bodyless = response.status === 204 || response.status === 304;
        return new Response(bodyless ? null : response.body, { status: response.status, headers: responseHeaders });
    };
}


/***/ })

};
