export const id = 319;
export const ids = [319];
export const modules = {

/***/ 5319:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prepareUpload: () => (/* binding */ prepareUpload)
});

// EXTERNAL MODULE: ./src/obtain-token.ts + 8 modules
var obtain_token = __webpack_require__(8178);
// EXTERNAL MODULE: ./src/runner/log.ts
var runner_log = __webpack_require__(7708);
// EXTERNAL MODULE: ./src/runner/mask.ts
var mask = __webpack_require__(7084);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/http/json.ts
var json = __webpack_require__(2868);
// EXTERNAL MODULE: ./src/hub/hub-url.ts
var hub_url = __webpack_require__(7644);
;// CONCATENATED MODULE: ./src/upload/branch.ts
// The branch `revision` names, created when it does not exist yet, before anything is uploaded: what
// `hf upload --revision` does (cli/upload.py: look for the branch, else `create_branch`, which the
// Hub starts from the default branch's head). `main` is taken as there (every repository the Hub
// creates has it, and looking costs a request on every run); a pull request's `refs/pr/N` cannot be
// created; with `create-pr`, `revision` is the branch the pull request targets, which must exist
// (as hf, which does not create it either).
//
// The Hub may refuse a Trusted Publisher's token the right to create branches: then the error says
// so, with the request id, and what to do instead.



const DEFAULT_BRANCH = 'main';
/** Makes sure the branch `revision` names exists, creating it from the default branch if needed. */
async function ensureBranch(context) {
    const { revision } = context;
    if (context.createPr || revision === DEFAULT_BRANCH || /^refs\/pr\/\d+$/.test(revision))
        return 'not-checked';
    const branch = revision.startsWith('refs/heads/') ? revision.slice('refs/heads/'.length) : revision;
    if (await branchExists(context, branch))
        return 'exists';
    const response = await context.requests.send({
        method: 'POST',
        url: (0,hub_url/* hubEndpoint */.ZM)(context.hubUrl, `${context.repoPath}/branch/${encodeURIComponent(branch)}`),
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        // No startingPoint: the Hub starts the branch at its default branch's head.
        body: '{}',
        what: `creating the branch ${JSON.stringify(branch)} of ${context.repoDisplay}`,
    });
    // 409: it exists after all (another job created it meanwhile), which is all this wanted.
    if (response.status === 409)
        return 'exists';
    if (response.status < 200 || response.status >= 300) {
        const refusal = context.refusal(`Creating the branch ${JSON.stringify(branch)}`)(response);
        throw refusedCreation(refusal, response.status, context, branch);
    }
    context.log(`The branch ${JSON.stringify(branch)} did not exist in ${context.repoDisplay}: created it from the default branch.`);
    return 'created';
}
async function branchExists(context, branch) {
    const response = await context.requests.send({
        method: 'GET',
        url: (0,hub_url/* hubEndpoint */.ZM)(context.hubUrl, `${context.repoPath}/refs`),
        headers: { Accept: 'application/json' },
        what: `listing the branches of ${context.repoDisplay}`,
    }, context.refusal(`Listing the branches of ${context.repoDisplay}`));
    const branches = (0,json/* parseJsonObject */.dw)(response.body).object?.['branches'];
    if (!Array.isArray(branches)) {
        throw new errors/* RemoteError */.Hi(`The hub's list of the branches of ${context.repoDisplay} has no \`branches\`.`, {
            code: 'MALFORMED_RESPONSE',
            transient: false,
            hint: 'Check that `hub-url` points at a Hugging Face Hub. If it does, report it with this log.',
        });
    }
    return branches.some((entry) => (0,json/* isJsonObject */.OW)(entry) && entry['name'] === branch);
}
/** The hub's refusal, with what to do: a Trusted Publisher's token may not create branches. */
function refusedCreation(refusal, status, context, branch) {
    const forbidden = status === 401 || status === 403;
    return new errors/* RemoteError */.Hi(`The branch ${JSON.stringify(branch)} (input \`revision\`) does not exist in ${context.repoDisplay}, and ` +
        `creating it failed: ${refusal.message.replace(/\.$/, '')}`, {
        code: refusal.code,
        transient: false,
        requestId: refusal.requestId,
        cause: refusal,
        hint: forbidden
            ? `The hub did not let this token create a branch (a Trusted Publisher's token may not be allowed to). ` +
                'Create the branch once on the Hub (or with `hf repos branch create`), or set `revision` to an ' +
                'existing branch.'
            : (refusal.hint ?? 'Set `revision` to an existing branch, or create the branch on the Hub first.'),
    });
}

// EXTERNAL MODULE: ./src/runner/sanitize.ts
var sanitize = __webpack_require__(9063);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/upload/commit-body.ts
// The body of the commit request (NDJSON: a header line, then one line per operation), streamed:
// @huggingface/hub builds it whole in memory with every regular file base64-encoded (88 MiB of
// small files cost about 830 MB of RSS), so the action sends it itself. Each regular file is read
// from disk and base64-encoded only when its line is being sent, in chunks, so memory stays flat
// whatever the files' sizes and number. Its exact length is known in advance (a Content-Length,
// which every proxy and load balancer accepts), and a file that changed since it was measured fails
// the request instead of corrupting it.


/** A multiple of 3, so that every chunk but the last encodes to base64 without padding. */
const ENCODE_CHUNK_BYTES = 3 * 256 * 1024;
/** The NDJSON body: `lines` (JSON texts, sent as they are), then one `file` line per inline file. */
function commitBody(lines, inlineFiles) {
    const parts = lines.map((line) => ({ text: Buffer.from(`${line}\n`, 'utf8') }));
    for (const file of inlineFiles) {
        // The line is {"key":"file","value":{"content":"<base64>","path":"…","encoding":"base64"}}.
        parts.push({
            file,
            before: Buffer.from('{"key":"file","value":{"content":"', 'utf8'),
            after: Buffer.from(`","path":${JSON.stringify(file.pathInRepo)},"encoding":"base64"}}\n`, 'utf8'),
        });
    }
    const length = parts.reduce((sum, part) => sum + ('text' in part ? part.text.length : part.before.length + base64Length(part.file.size) + part.after.length), 0);
    return {
        length,
        description: 'the commit request body',
        open: () => external_node_stream_.Readable.from(generate(parts), { objectMode: false }),
    };
}
/** The length of the base64 encoding of `size` bytes (with padding). */
function base64Length(size) {
    return 4 * Math.ceil(size / 3);
}
async function* generate(parts) {
    for (const part of parts) {
        if ('text' in part) {
            yield part.text;
            continue;
        }
        yield part.before;
        yield* encodeFile(part.file);
        yield part.after;
    }
}
/** The base64 of a file, in chunks; throws when the file is not the size it was measured at. */
async function* encodeFile(file) {
    let carry = Buffer.alloc(0);
    let read = 0;
    const stream = file.size === 0 ? [] : (0,external_node_fs_.createReadStream)(file.localPath, { highWaterMark: ENCODE_CHUNK_BYTES });
    for await (const chunk of stream) {
        read += chunk.length;
        if (read > file.size)
            break;
        const bytes = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
        const whole = bytes.length - (bytes.length % 3);
        if (whole > 0)
            yield Buffer.from(bytes.subarray(0, whole).toString('base64'), 'latin1');
        carry = bytes.subarray(whole);
    }
    if (read !== file.size) {
        throw new Error(`${file.localPath} changed while it was being sent (${read > file.size ? 'more' : 'fewer'} bytes than the ` +
            `${file.size} measured)`);
    }
    if (carry.length > 0)
        yield Buffer.from(carry.toString('base64'), 'latin1');
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/upload/disk-blob.ts
// A file on disk as a Blob, read only when asked and only the range asked: what @huggingface/hub
// gets for each file it hashes and uploads, so that a 10 GB file is streamed, never held. The
// action's fetch (library-fetch.ts) recognises these blobs and streams them with fs read streams
// (re-opened for a retry), and the library's hashing reads them through `stream()`.



/** Reads in 1 MiB chunks: fewer, larger writes to the socket and the hash. */
const READ_CHUNK_BYTES = 1024 * 1024;
class DiskBlob extends Blob {
    path;
    label;
    /** An own property: it shadows the native accessor, which would report the empty parent's 0. */
    size;
    #start;
    #end;
    /** `end` is exclusive; a whole file is `new DiskBlob(path, 0, size, label)`. */
    constructor(path, start, end, 
    /** What the blob is, for messages: its path in the repository. Slices keep it. */
    label) {
        super([]);
        this.path = path;
        this.label = label;
        this.#start = start;
        this.#end = end;
        this.size = end - start;
    }
    /** Where the blob starts in the file. */
    get offset() {
        return this.#start;
    }
    slice(start = 0, end = this.size) {
        const from = Math.max(0, Math.min(this.size, start < 0 ? this.size + start : start));
        const to = Math.max(from, Math.min(this.size, end < 0 ? this.size + end : end));
        return new DiskBlob(this.path, this.#start + from, this.#start + to, this.label);
    }
    /** The bytes as a Node stream (what the action's fetch sends). */
    openStream() {
        if (this.size === 0)
            return external_node_stream_.Readable.from([]);
        return (0,external_node_fs_.createReadStream)(this.path, { start: this.#start, end: this.#end - 1, highWaterMark: READ_CHUNK_BYTES });
    }
    /**
     * The bytes as a web stream (what the library's sha256 reads), pulled straight from the file one
     * chunk at a time: no Node stream adapted to a web stream in between, which costs a third more
     * CPU and garbage collection on a large file.
     */
    stream() {
        const path = this.path;
        const end = this.#end;
        let position = this.#start;
        let file;
        const close = async () => {
            const opened = file;
            file = undefined;
            await opened?.close();
        };
        return new ReadableStream({
            pull: async (controller) => {
                if (position >= end) {
                    await close();
                    controller.close();
                    return;
                }
                file ??= await (0,promises_.open)(path, 'r');
                const buffer = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, end - position));
                const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
                if (bytesRead === 0) {
                    await close();
                    controller.error(new Error(`${path} is shorter than when it was measured`));
                    return;
                }
                position += bytesRead;
                controller.enqueue(new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead));
            },
            cancel: close,
        }, { highWaterMark: 1 });
    }
    async arrayBuffer() {
        const bytes = await this.bytesRead();
        // bytesRead() reads into a buffer of its own (not a slice of Node's pool): hand its memory over.
        return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
            ? bytes.buffer
            : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    }
    async bytes() {
        return new Uint8Array(await this.arrayBuffer());
    }
    async text() {
        return Buffer.from(await this.bytesRead()).toString('utf8');
    }
    async bytesRead() {
        const file = await (0,promises_.open)(this.path, 'r');
        try {
            const buffer = Buffer.allocUnsafeSlow(this.size);
            let read = 0;
            while (read < buffer.length) {
                const { bytesRead } = await file.read(buffer, read, buffer.length - read, this.#start + read);
                if (bytesRead === 0)
                    break;
                read += bytesRead;
            }
            return read === buffer.length ? buffer : buffer.subarray(0, read);
        }
        finally {
            await file.close();
        }
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/http/request.ts + 2 modules
var http_request = __webpack_require__(6876);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(8902);
// EXTERNAL MODULE: ./src/http/transient.ts
var http_transient = __webpack_require__(3106);
;// CONCATENATED MODULE: ./src/upload/refusals.ts
// What a refusal during an upload says: for the hub, its status, X-Error-Code (RepoNotFound,
// RevisionNotFound, EntryNotFound…) and error text, and what to do about it; for the storage host,
// its status and S3 error code only (an S3 error body can echo request headers, an Authorization
// header among them, so it is never printed). Always the request id to quote, always one line of
// sanitised text with anything token-shaped redacted.






/** `secrets`, and token-shaped text (Hub tokens, bearer values, JWTs), redacted from anything a server says. */
function redactTokenShapes(text, secrets = []) {
    return (0,sanitize/* redactIssuedTokens */.XS)((0,sanitize/* redactSecrets */.fp)(text, secrets));
}
/** The hub's own words: X-Error-Message, else the JSON body's `error`/`message`, sanitised. */
function hubText(response, secrets) {
    const header = (0,http_request/* headerValue */.Z)(response.headers, 'x-error-message');
    let text = header ?? '';
    if (text === '') {
        const { object } = (0,json/* parseJsonObject */.dw)(response.body);
        const field = object?.['error'] ?? object?.['message'];
        if (typeof field === 'string')
            text = field;
    }
    return (0,sanitize/* sanitizeServerText */.c8)(redactTokenShapes(text, secrets), 200);
}
/** A non-2xx answer of the hub to a request of the upload, as an error with what to do. */
function hubRefusal(response, context) {
    const status = response.status;
    const errorCode = (0,sanitize/* sanitizeServerText */.c8)((0,http_request/* headerValue */.Z)(response.headers, 'x-error-code') ?? '', 40).replace(/[^\w.-]/g, '');
    const text = hubText(response, context.secrets);
    const requestId = (0,http_request/* requestIdOf */.Gb)(response.headers);
    const transient = (0,http_transient/* isTransientStatus */.Dm)(status);
    return new errors/* RemoteError */.Hi(`${context.what} was refused by ${context.hubHost}: HTTP ${status}${errorCode ? ` ${errorCode}` : ''}` +
        `${text ? ` ${JSON.stringify(text)}` : ''}${requestId ? ` (x-request-id: ${requestId})` : ''}`, {
        code: 'HUB_REFUSED',
        transient,
        retryAfterMs: (0,retry/* parseRetryAfter */.mu)((0,http_request/* headerValue */.Z)(response.headers, 'retry-after')),
        requestId,
        hint: hubHint(status, errorCode, context),
    });
}
function hubHint(status, errorCode, context) {
    const { repo, revision } = context;
    if (status === 401) {
        return (`The hub did not accept the token it issued: check that \`hub-url\` is the hub that issued it. If it ` +
            `persists, report it to Hugging Face with the x-request-id.`);
    }
    if (status === 403) {
        return (`The token cannot write to ${repo}: a token from a Trusted Publisher writes only to the repository it ` +
            `was issued for, and only if that publisher grants write access. Check \`resource\` and the ` +
            `publisher's settings on the Hub.`);
    }
    if (errorCode === 'RepoNotFound' || (status === 404 && errorCode === '' && /repo/i.test(context.what))) {
        return (`The repository ${repo} must exist on the hub, with a Trusted Publisher for this workflow: tokens ` +
            `from Trusted Publishers cannot create repositories. Create it (on the Hub, or with \`hf repo ` +
            `create\`), add the publisher, and re-run.`);
    }
    if (errorCode === 'RevisionNotFound') {
        return (`The branch ${JSON.stringify(revision)} does not exist in ${repo}. Create it on the Hub first, or set ` +
            `\`revision\` to an existing branch (with \`create-pr: true\`, \`revision\` is the branch the pull ` +
            `request targets).`);
    }
    if (errorCode === 'EntryNotFound') {
        return ('A file the commit deletes is no longer in the repository (another commit removed it meanwhile); ' +
            're-run the job.');
    }
    if (status === 413) {
        return ('The request is larger than the hub accepts: upload fewer files per run (split the folder with ' +
            '`include`/`exclude` over several steps).');
    }
    if (status === 422 || status === 400) {
        return ('The hub found the commit invalid: check `path-in-repo`, the file names and the patterns. If they ' +
            'look right, report it to Hugging Face with the x-request-id.');
    }
    if ((0,http_transient/* isTransientStatus */.Dm)(status))
        return 'The hub may be overloaded or down; re-run the job later.';
    return 'If it persists, report it to Hugging Face with the x-request-id.';
}
/** A non-2xx answer of the storage host (S3 on huggingface.co) to an upload of file content. */
function storageRefusal(response, what, host) {
    // Only the error's <Code>, an identifier: the body can echo request headers.
    const code = /<Code>([A-Za-z]{1,60})<\/Code>/.exec(response.body)?.[1];
    const requestId = (0,http_request/* requestIdOf */.Gb)(response.headers);
    const status = response.status;
    return new errors/* RemoteError */.Hi(`${what} was refused by the storage host ${(0,sanitize/* sanitizeServerText */.c8)(host, 100)}: HTTP ${status}` +
        `${code ? ` ${code}` : ''}${requestId ? ` (request id: ${requestId})` : ''}`, {
        code: 'STORAGE_REFUSED',
        transient: (0,http_transient/* isTransientStatus */.Dm)(status),
        retryAfterMs: (0,retry/* parseRetryAfter */.mu)((0,http_request/* headerValue */.Z)(response.headers, 'retry-after')),
        requestId,
        hint: code === 'BadDigest'
            ? 'The bytes sent did not match the file measured before the upload: do not change the files to upload ' +
                'while the action runs.'
            : status === 403
                ? 'The upload URL the hub handed out was refused (it may have expired during a long upload); re-run ' +
                    'the job, and report it to Hugging Face if it persists.'
                : (0,http_transient/* isTransientStatus */.Dm)(status)
                    ? "The Hub's storage may be having trouble; re-run the job later."
                    : 'Re-run the job; if it persists, report it to Hugging Face with the request id.',
    });
}

// EXTERNAL MODULE: ./src/about.ts + 1 modules
var about = __webpack_require__(4543);
;// CONCATENATED MODULE: ./src/upload/transport.ts
// Every request of an upload goes through here, whoever builds it (the action's own Hub calls in
// hub-api.ts, or @huggingface/hub through library-fetch.ts), on the action's one HTTP stack
// (http/request.ts: proxies, TLS, no redirects):
// - the Hub token is attached to requests for the hub (its origin and path) only, fetched fresh for
//   each attempt (token-source.ts); a storage or Xet host never receives it, whatever a caller asks;
// - uploads are bounded by inactivity, not total time: a 10 GB file may take an hour, but a request
//   where no byte moves for `timeout-seconds` has stalled and is retried;
// - what is transient (http/transient.ts) is retried with the action's policy (http/retry.ts: full
//   jitter, the server's Retry-After, `max-attempts` per request), each retry logged on one line.





/**
 * How long the hub may take to answer once it has a whole request: a commit of many files, or the
 * completion of a multipart upload of tens of GB (storage assembles the parts first), take a while;
 * other calls are quick. Until the request is sent, the inactivity limit (`timeout-seconds`) applies.
 */
const PROCESSING_MS = { quick: 60_000, slow: 180_000 };
/** Retry waits are bounded by `max-attempts` and the 30-second Retry-After cap, not by a step deadline. */
const UPLOAD_RETRY_HORIZON_MS = 7 * 24 * 60 * 60 * 1000;
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
class UploadTransport {
    options;
    constructor(options) {
        this.options = options;
    }
    /** Whether `url` is on the hub (same origin, under its path): the only place the token goes. */
    isHub(url) {
        const hub = this.options.hubUrl;
        return url.origin === hub.origin && url.pathname.startsWith(hub.pathname);
    }
    /** One attempt, with the hub's Authorization when `url` is the hub's and never otherwise. */
    async sendOnce(request) {
        const headers = { 'User-Agent': about/* USER_AGENT */._O };
        for (const [name, value] of Object.entries(request.headers ?? {})) {
            // Only what the action adds below may authenticate to the hub; a caller's own Authorization
            // (a Xet token for its CAS) goes to its host as given.
            if (name.toLowerCase() === 'authorization' && this.isHub(request.url))
                continue;
            headers[name] = value;
        }
        if (this.isHub(request.url) && request.authenticate !== false) {
            headers['Authorization'] = `Bearer ${await this.options.tokens.accessToken()}`;
        }
        return (0,http_request/* sendRequest */.w$)({
            method: request.method,
            url: request.url,
            headers,
            ...(request.body === undefined ? {} : { body: request.body }),
            timeoutLabel: `input \`timeout-seconds\``,
            idle: {
                ms: this.options.idleMs,
                ...(request.processingMs === undefined
                    ? {}
                    : { afterBodyMs: Math.max(request.processingMs, this.options.idleMs) }),
            },
            maxBodyBytes: request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
            keepAlive: true,
            ...(request.onBodyProgress === undefined ? {} : { onBodyProgress: request.onBodyProgress }),
            ...(request.signal === undefined ? {} : { signal: request.signal }),
        });
    }
    /**
     * Sends with retries of what is transient: network failures, stalls, 408, 429 and 5xx (with the
     * server's Retry-After). `refuse` turns a final non-2xx answer into an error; without it the last
     * answer is returned whatever its status (for requests whose statuses the caller interprets).
     */
    async send(request, refuse) {
        const budget = this.retryBudget(request.signal);
        for (;;) {
            let response;
            try {
                response = await this.sendOnce(request);
            }
            catch (error) {
                if (request.signal?.aborted)
                    throw error;
                await budget.waitBeforeRetry(error instanceof errors/* RemoteError */.Hi ? (0,errors/* wrapRemoteError */.$A)(`${capitalise(request.what)} failed`, error) : error, request.what);
                continue;
            }
            if (response.status >= 200 && response.status < 300)
                return response;
            if ((0,http_transient/* isTransientStatus */.Dm)(response.status)) {
                const error = refuse?.(response) ?? transientStatusError(request, response);
                try {
                    await budget.waitBeforeRetry(error, request.what);
                }
                catch (final) {
                    if (refuse)
                        throw final;
                    return response;
                }
                continue;
            }
            if (refuse)
                throw refuse(response);
            return response;
        }
    }
    /**
     * The action's retry policy for one request of the upload, logging each retry on one line. A
     * wait ends early when `signal` aborts (the upload failed elsewhere: the process must not linger).
     */
    retryBudget(signal) {
        return new retry/* RetryBudget */.Km({
            maxAttempts: this.options.maxAttempts,
            deadline: new retry/* Deadline */.B2(UPLOAD_RETRY_HORIZON_MS),
            clock: { ...retry/* systemClock */.ml, sleep: (milliseconds) => abortableSleep(milliseconds, signal) },
            onRetry: (error, nextAttempt, delayMs) => this.options.log((0,retry/* describeRetry */.eV)(error, nextAttempt, this.options.maxAttempts, delayMs)),
        });
    }
}
function abortableSleep(milliseconds, signal) {
    return new Promise((resolve) => {
        if (signal?.aborted) {
            resolve();
            return;
        }
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, milliseconds);
        signal?.addEventListener('abort', done, { once: true });
    });
}
/** A transient status as an error, for the retry policy (its Retry-After, its request id). */
function transientStatusError(request, response) {
    const requestId = (0,http_request/* requestIdOf */.Gb)(response.headers);
    return new errors/* RemoteError */.Hi(`${capitalise(request.what)} was answered HTTP ${response.status}${requestId ? ` (x-request-id: ${requestId})` : ''}`, {
        code: 'HUB_REFUSED',
        transient: true,
        retryAfterMs: (0,retry/* parseRetryAfter */.mu)((0,http_request/* headerValue */.Z)(response.headers, 'retry-after')),
        requestId,
    });
}
/** "The upload of x", from "the upload of x": for a message that starts with it. */
function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

;// CONCATENATED MODULE: ./src/upload/hub-api.ts
// The action's own requests to the Hub's commit API (the ones @huggingface/hub either does not make
// or cannot make the way an upload needs): preupload of every file (to know which go inline and
// which through LFS, and the oid of what the repository already holds at each path), the file
// listing `delete` patterns are matched against, and the reads that tell whether a commit landed.
// Endpoints as huggingface_hub calls them (hf_api.py); answers are `unknown` until narrowed here.








/** huggingface_hub sends preupload requests for 256 files at a time. */
const PREUPLOAD_CHUNK = 256;
const SAMPLE_BYTES = 512;
class HubApi {
    transport;
    settings;
    hubUrl;
    secrets;
    repoPath;
    #repoDisplay;
    constructor(transport, settings, hubUrl, secrets) {
        this.transport = transport;
        this.settings = settings;
        this.hubUrl = hubUrl;
        this.secrets = secrets;
        const { kind, namespace, name } = settings.repo;
        this.repoPath = `api/${kind}s/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
        this.#repoDisplay = `${kind === 'model' ? '' : `${kind}s/`}${namespace}/${name}`;
    }
    /** `{hub}/{ns}/{name}` (models) or `{hub}/{kind}s/{ns}/{name}`: the repository's page. */
    get webPath() {
        return this.#repoDisplay;
    }
    /** A refusal of the hub, with the context of this upload. */
    refusal(what) {
        return (response) => hubRefusal(response, {
            what,
            repo: this.#repoDisplay,
            revision: this.settings.revision,
            hubHost: this.hubUrl.host,
            secrets: this.secrets(),
        });
    }
    /** Preupload of `files` (path in repo, size, local file for the 512-byte sample), chunked. */
    async preupload(files, extra) {
        const answers = new Map();
        let commitOid;
        const sizes = new Map(files.map((file) => [file.pathInRepo, file.size]));
        const url = this.#url(`preupload/${encodeURIComponent(this.settings.revision)}`);
        if (this.settings.createPr)
            url.searchParams.set('create_pr', '1');
        for (let start = 0; start < files.length; start += PREUPLOAD_CHUNK) {
            const chunk = files.slice(start, start + PREUPLOAD_CHUNK);
            const payload = {
                files: await Promise.all(chunk.map(async (file) => ({
                    path: file.pathInRepo,
                    size: file.size,
                    sample: (await readSample(file.localPath, file.size)).toString('base64'),
                }))),
                ...(extra.gitAttributes === undefined ? {} : { gitAttributes: extra.gitAttributes }),
                ...(extra.gitIgnore === undefined ? {} : { gitIgnore: extra.gitIgnore }),
            };
            const response = await this.transport.send({
                method: 'POST',
                url,
                headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                body: JSON.stringify(payload),
                what: `the preupload request to ${this.#repoDisplay}`,
                processingMs: PROCESSING_MS.quick,
            }, this.refusal(`The preupload request to ${this.#repoDisplay}`));
            const object = (0,json/* parseJsonObject */.dw)(response.body).object;
            const listed = object?.['files'];
            if (!Array.isArray(listed))
                throw this.#malformed('preupload', 'has no `files` list');
            for (const entry of listed) {
                const info = typeof entry === 'object' && entry !== null ? entry : {};
                const path = info['path'];
                const mode = info['uploadMode'];
                if (typeof path !== 'string' || (mode !== 'regular' && mode !== 'lfs')) {
                    throw this.#malformed('preupload', 'lists a file without a path or an uploadMode');
                }
                const oid = info['oid'];
                answers.set(path, {
                    // An empty file always goes as a regular one, whatever the hub says (a path `.gitattributes`
                    // tracks): as huggingface_hub does, since S3 refused empty LFS uploads (huggingface_hub#946).
                    uploadMode: sizes.get(path) === 0 ? 'regular' : mode,
                    shouldIgnore: info['shouldIgnore'] === true,
                    oid: typeof oid === 'string' && oid !== '' ? oid : undefined,
                });
            }
            const head = object?.['commitOid'];
            if (commitOid === undefined && typeof head === 'string' && /^[0-9a-f]{40}$/.test(head))
                commitOid = head;
        }
        for (const file of files) {
            if (!answers.has(file.pathInRepo))
                throw this.#malformed('preupload', `does not mention ${file.pathInRepo}`);
        }
        return { files: answers, commitOid };
    }
    /** Every file path at `revision` (the tree, recursive, following the Link pagination). */
    async listFiles(revision) {
        const paths = [];
        let url = this.#url(`tree/${encodeURIComponent(revision)}`);
        url.searchParams.set('recursive', 'true');
        while (url) {
            const response = await this.transport.send({
                method: 'GET',
                url,
                headers: { Accept: 'application/json' },
                what: `listing the files of ${this.#repoDisplay}`,
            }, this.refusal(`Listing the files of ${this.#repoDisplay}`));
            const entries = (0,json/* parseJsonList */.cA)(response.body);
            if (entries === undefined)
                throw this.#malformed('tree listing', 'is not a list');
            for (const entry of entries) {
                const info = (0,json/* isJsonObject */.OW)(entry) ? entry : {};
                if (info['type'] === 'file' && typeof info['path'] === 'string')
                    paths.push(info['path']);
            }
            url = nextLink(response, this.hubUrl);
        }
        return paths;
    }
    /** The newest `limit` commits of `revision` (a branch or `refs/pr/N`). */
    async latestCommits(revision, limit) {
        const url = this.#url(`commits/${encodeURIComponent(revision)}`);
        url.searchParams.set('limit', String(limit));
        const response = await this.transport.send({ method: 'GET', url, headers: { Accept: 'application/json' }, what: `reading the history of ${revision}` }, this.refusal(`Reading the history of ${revision}`));
        const entries = (0,json/* parseJsonList */.cA)(response.body);
        if (entries === undefined)
            throw this.#malformed('commit listing', 'is not a list');
        return entries.slice(0, limit).flatMap((entry) => {
            const info = (0,json/* isJsonObject */.OW)(entry) ? entry : {};
            const id = info['id'];
            return typeof id === 'string'
                ? [
                    {
                        id,
                        title: typeof info['title'] === 'string' ? info['title'] : '',
                        message: typeof info['message'] === 'string' ? info['message'] : '',
                    },
                ]
                : [];
        });
    }
    /** The repository's open pull requests' refs, newest (highest number) first. */
    async pullRequestRefs() {
        const url = this.#url('refs');
        url.searchParams.set('include_prs', '1');
        const response = await this.transport.send({ method: 'GET', url, headers: { Accept: 'application/json' }, what: `listing the refs of ${this.#repoDisplay}` }, this.refusal(`Listing the refs of ${this.#repoDisplay}`));
        const listed = (0,json/* parseJsonObject */.dw)(response.body).object?.['pullRequests'];
        if (!Array.isArray(listed))
            return [];
        return listed
            .flatMap((entry) => {
            const info = typeof entry === 'object' && entry !== null ? entry : {};
            const ref = info['ref'];
            const match = typeof ref === 'string' ? /^refs\/pr\/(\d+)$/.exec(ref) : null;
            return match && typeof ref === 'string' ? [{ num: Number(match[1]), ref }] : [];
        })
            .sort((a, b) => b.num - a.num);
    }
    /** `{hub}/api/{kind}s/{ns}/{name}/{rest}`. */
    #url(rest) {
        return (0,hub_url/* hubEndpoint */.ZM)(this.hubUrl, `${this.repoPath}/${rest}`);
    }
    #malformed(what, problem) {
        return new errors/* RemoteError */.Hi(`The hub's answer to the ${what} request ${problem}.`, {
            code: 'MALFORMED_RESPONSE',
            transient: false,
            hint: 'Check that `hub-url` points at a Hugging Face Hub. If it does, report it with the x-request-id in ' +
                'the debug log.',
        });
    }
}
/** The `rel="next"` URL of a Link header, if it is on the hub (pagination never leaves it). */
function nextLink(response, hubUrl) {
    const header = response.headers['link'];
    const value = Array.isArray(header) ? header.join(',') : header;
    const match = value ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(value) : null;
    if (!match?.[1])
        return undefined;
    try {
        const next = new URL(match[1], hubUrl);
        return next.origin === hubUrl.origin ? next : undefined;
    }
    catch {
        return undefined;
    }
}
/** The first 512 bytes of a file, what the hub looks at to tell text from binary. */
async function readSample(path, size) {
    const length = Math.min(SAMPLE_BYTES, size);
    if (length === 0)
        return Buffer.alloc(0);
    const file = await (0,promises_.open)(path, 'r');
    try {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await file.read(buffer, 0, length, 0);
        return buffer.subarray(0, bytesRead);
    }
    finally {
        await file.close();
    }
}
/** The git blob id of a file (sha1 of `blob <size>\0` and the bytes): a regular file's oid on the Hub. */
async function gitBlobSha1OfFile(path, size) {
    const hash = (0,external_node_crypto_.createHash)('sha1').update(`blob ${size}\0`);
    if (size > 0)
        for await (const chunk of (0,external_node_fs_.createReadStream)(path))
            hash.update(chunk);
    return hash.digest('hex');
}

;// CONCATENATED MODULE: ./src/upload/library-fetch.ts
// The `fetch` @huggingface/hub is given: the library speaks the protocol (preupload, the LFS batch
// call that offers Xet and falls back to basic or multipart transfers, the PUTs, the Xet CAS), and
// every request it makes goes out through the action's transport instead of Node's fetch, which
// buffers large request bodies and ignores HTTPS_PROXY. So each request gets the action's token
// rule (hub only), inactivity limit, retries and progress. Three requests are the action's own:
// - the preupload is answered from the action's preupload of the same files at the same revision
//   (remote-plan.ts made it to compare files), so both agree on which files go through LFS;
// - an upload's body, a DiskBlob, is streamed from disk (and re-streamed for a retry);
// - the commit is handed to the action (commit.ts), which streams its own body.




/** A `fetch` for @huggingface/hub over the action's transport. `tally` counts what storage received. */
function createLibraryFetch(options, tally) {
    const { transport } = options;
    const parts = new WeakMap();
    /** Multipart completion URLs handed out by batch answers (signed: sent without the token). */
    const completions = new Set();
    const libraryFetch = async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : input.toString());
        const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
        if (method !== 'GET' && method !== 'POST' && method !== 'PUT') {
            throw new Error(`@huggingface/hub made a ${method} request, which the action does not send`);
        }
        const headers = {};
        new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
        const signal = init?.signal ?? undefined;
        const onHub = transport.isHub(url);
        const body = await toRequestBody(init?.body);
        if (onHub && method === 'POST' && /\/preupload\/[^/]+$/.test(url.pathname) && typeof body === 'string') {
            const cached = answerFromPreupload(body, options.preuploaded);
            if (cached)
                return toResponse(url, {
                    status: 200,
                    headers: { 'content-type': 'application/json' },
                    body: cached,
                    bytes: Buffer.from(cached),
                });
        }
        if (onHub && method === 'POST' && /\/commit\/[^/]+$/.test(url.pathname) && typeof body === 'string') {
            return toResponse(url, await options.commit(body, signal));
        }
        if (onHub && method === 'POST' && url.pathname.endsWith('.git/info/lfs/objects/batch')) {
            const response = await transport.send({
                method,
                url,
                headers,
                ...(body === undefined ? {} : { body }),
                what: 'the LFS batch request',
                processingMs: PROCESSING_MS.quick,
                ...(signal ? { signal } : {}),
            }, options.hubRefusal('The LFS batch request'));
            for (const href of multipartCompletionUrls(response.body))
                completions.add(href);
            return toResponse(url, response);
        }
        // An upload of file content: a basic PUT, a part of a multipart upload, or its completion.
        const hint = init?.progressHint;
        const isContent = method === 'PUT' && isStreamed(body);
        const isCompletion = method === 'POST' && completions.has(url.href);
        const what = isContent
            ? `the upload of ${body.description}${hint?.part === undefined ? '' : ` (part ${hint.part + 1} of ${hint.numParts ?? '?'})`}`
            : isCompletion
                ? 'the completion of a multipart upload'
                : `the ${method} request to ${onHub ? 'the hub' : 'the storage host'} ${url.host}`;
        const onBodyProgress = isContent && hint?.progressCallback
            ? (sent) => reportProgress(hint, sent / Math.max(1, body.length), parts)
            : undefined;
        const response = await transport.send({
            method,
            url,
            headers,
            ...(body === undefined ? {} : { body }),
            what,
            ...(signal ? { signal } : {}),
            ...(onBodyProgress ? { onBodyProgress } : {}),
            ...(isCompletion ? { authenticate: false, processingMs: PROCESSING_MS.slow } : {}),
        }, isContent || isCompletion
            ? onHub
                ? options.hubRefusal(capitalise(what))
                : (answer) => storageRefusal(answer, capitalise(what), url.host)
            : undefined);
        if (isContent) {
            tally.bytes += body.length;
            if (hint?.part === undefined)
                tally.objects++;
        }
        if (isCompletion)
            tally.objects++;
        return toResponse(url, response);
    };
    return libraryFetch;
}
/** The library's body, as the transport sends it: file content is streamed, never read whole. */
async function toRequestBody(body) {
    if (body === undefined || body === null)
        return undefined;
    if (typeof body === 'string')
        return body;
    if (body instanceof DiskBlob) {
        return {
            length: body.size,
            description: body.label,
            open: () => body.openStream(),
            file: { path: body.path, start: body.offset },
        };
    }
    if (body instanceof Blob)
        return new Uint8Array(await body.arrayBuffer());
    if (body instanceof ArrayBuffer)
        return new Uint8Array(body);
    if (ArrayBuffer.isView(body))
        return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    throw new Error('@huggingface/hub sent a request body of a kind the action does not stream');
}
function isStreamed(body) {
    return typeof body === 'object' && !(body instanceof Uint8Array);
}
/** The preupload answer for the paths the library asks about, if the action's preupload has them all. */
function answerFromPreupload(body, preuploaded) {
    const files = (0,json/* parseJsonObject */.dw)(body).object?.['files'];
    if (!Array.isArray(files))
        return undefined;
    const answers = [];
    for (const file of files) {
        const path = (0,json/* isJsonObject */.OW)(file) ? file['path'] : undefined;
        const known = typeof path === 'string' ? preuploaded.get(path) : undefined;
        if (!known)
            return undefined;
        answers.push({
            path,
            uploadMode: known.uploadMode,
            shouldIgnore: known.shouldIgnore,
            ...(known.oid === undefined ? {} : { oid: known.oid }),
        });
    }
    return JSON.stringify({ files: answers });
}
/** The multipart completion URLs a batch answer hands out (upload actions with a `chunk_size`). */
function multipartCompletionUrls(text) {
    const objects = (0,json/* parseJsonObject */.dw)(text).object?.['objects'];
    if (!Array.isArray(objects))
        return [];
    return objects.flatMap((object) => {
        const upload = object
            ?.actions?.upload;
        if (typeof upload?.href !== 'string' || upload.header?.['chunk_size'] === undefined)
            return [];
        try {
            return [new URL(upload.href).href];
        }
        catch {
            return [];
        }
    });
}
/** Feeds the library's progress callback, adding up the parts of a multipart upload. */
function reportProgress(hint, fraction, parts) {
    const callback = hint.progressCallback;
    if (!callback)
        return;
    const capped = Math.min(fraction, 0.999);
    if (hint.part === undefined || !hint.numParts) {
        callback(capped);
        return;
    }
    let done = parts.get(callback);
    if (!done) {
        done = new Map();
        parts.set(callback, done);
    }
    done.set(hint.part, capped);
    let sum = 0;
    for (const value of done.values())
        sum += value;
    callback(Math.min(0.999, sum / hint.numParts));
}
/** An answer as a fetch Response (with its URL, which the library puts in its errors). */
function toResponse(url, response) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
        if (typeof value === 'string')
            headers.set(name, value);
        else if (Array.isArray(value))
            for (const item of value)
                headers.append(name, item);
    }
    const bodyless = response.status === 204 || response.status === 304 || response.status < 200;
    const result = new Response(bodyless ? null : new Uint8Array(response.bytes), {
        status: response.status < 200 || response.status > 599 ? 502 : response.status,
        headers,
    });
    Object.defineProperty(result, 'url', { value: url.href });
    return result;
}

// EXTERNAL MODULE: ./src/upload/plan.ts
var upload_plan = __webpack_require__(546);
// EXTERNAL MODULE: ./src/upload/progress.ts
var upload_progress = __webpack_require__(850);
// EXTERNAL MODULE: ./src/upload/patterns.ts
var upload_patterns = __webpack_require__(9770);
;// CONCATENATED MODULE: ./src/upload/remote-plan.ts
// The local plan against what the repository holds now, after the exchange and before any byte of
// content is sent: the hub's preupload says which files go inline and which through LFS (and which
// its .gitignore ignores), and the oid of the file already at each path; regular files whose git
// blob id equals it are unchanged and dropped (as huggingface_hub does; LFS files are compared by
// sha256 once the library has hashed them, in commit.ts). `delete` patterns are matched against
// the repository's files below the folder the upload lands in, never deleting `.gitattributes`
// (as huggingface_hub) or a path this upload writes.





const HASH_CONCURRENCY = 8;
async function compareWithRemote(plan, upload, api, log) {
    const extra = {};
    for (const file of plan.files) {
        if (file.pathInRepo === '.gitattributes')
            extra.gitAttributes = await (0,promises_.readFile)(file.localPath, 'utf8');
        if (file.pathInRepo === '.gitignore')
            extra.gitIgnore = await (0,promises_.readFile)(file.localPath, 'utf8');
    }
    const answer = await api.preupload(plan.files, extra);
    const ignored = plan.files.filter((file) => answer.files.get(file.pathInRepo)?.shouldIgnore === true);
    if (ignored.length > 0) {
        log(`The repository's .gitignore ignores ${ignored.length} of the files; they are not uploaded: ${ignored
            .slice(0, 5)
            .map((file) => file.pathInRepo)
            .join(', ')}${ignored.length > 5 ? ', …' : ''}.`);
    }
    const kept = plan.files.filter((file) => answer.files.get(file.pathInRepo)?.shouldIgnore !== true);
    const lfs = kept.filter((file) => answer.files.get(file.pathInRepo)?.uploadMode === 'lfs');
    const regular = kept.filter((file) => answer.files.get(file.pathInRepo)?.uploadMode === 'regular');
    // A regular file is unchanged when its git blob id is the oid the hub reports for its path.
    const unchanged = new Set();
    const toHash = regular.filter((file) => answer.files.get(file.pathInRepo)?.oid !== undefined);
    for (let start = 0; start < toHash.length; start += HASH_CONCURRENCY) {
        await Promise.all(toHash.slice(start, start + HASH_CONCURRENCY).map(async (file) => {
            if ((await gitBlobSha1OfFile(file.localPath, file.size)) === answer.files.get(file.pathInRepo)?.oid) {
                unchanged.add(file.pathInRepo);
            }
        }));
    }
    const inline = regular.filter((file) => !unchanged.has(file.pathInRepo));
    const deletions = upload.deletePatterns.length === 0 ? [] : await findDeletions(plan, upload, api, log);
    const inlineChanged = inline.filter((file) => answer.files.get(file.pathInRepo)?.oid !== undefined).length;
    log(`Compared with ${api.webPath}@${upload.revision}${answer.commitOid ? ` (${answer.commitOid.slice(0, 7)})` : ''}: ` +
        `${inline.length} small file${inline.length === 1 ? '' : 's'} to send in the commit (` +
        `${(0,upload_plan/* formatBytes */.z3)(sum(inline))}), ${unchanged.size} unchanged; ` +
        `${lfs.length} large or binary file${lfs.length === 1 ? '' : 's'} for LFS storage (` +
        `${(0,upload_plan/* formatBytes */.z3)(sum(lfs))}, compared once hashed)` +
        `${deletions.length > 0 ? `; ${deletions.length} to delete` : ''}.`);
    return {
        head: answer.commitOid,
        preupload: answer.files,
        inline,
        lfs,
        deletions,
        counts: {
            inlineAdded: inline.length - inlineChanged,
            inlineChanged,
            inlineUnchanged: unchanged.size,
            ignored: ignored.length,
        },
    };
}
async function findDeletions(plan, upload, api, log) {
    const prefix = plan.deleteBase === '' ? '' : `${plan.deleteBase}/`;
    const patterns = new upload_patterns/* PatternSet */.D(upload.deletePatterns, 'delete');
    const written = new Set(plan.files.map((file) => file.pathInRepo));
    const deletions = [];
    for (const path of await api.listFiles(upload.revision)) {
        if (!path.startsWith(prefix))
            continue;
        if (!patterns.matches(path.slice(prefix.length)))
            continue;
        if (path === '.gitattributes' || written.has(path))
            continue;
        deletions.push(path);
    }
    // Not an error: a pattern that removes stale files has nothing to remove on a fresh repository.
    const unmatched = patterns.unmatched();
    if (unmatched.length > 0) {
        log(`\`delete\`: ${unmatched.map((pattern) => (0,sanitize/* quoteForMessage */.Hx)(pattern)).join(', ')} matched no file in ` +
            `${api.webPath}@${upload.revision}${prefix ? ` under ${prefix}` : ''}.`);
    }
    return deletions.sort();
}
function sum(files) {
    return files.reduce((total, file) => total + file.size, 0);
}

;// CONCATENATED MODULE: ./src/upload/commit.ts
// The upload, after the exchange: compare with the repository (remote-plan.ts), then let
// @huggingface/hub hash the LFS files and upload them (it asks for Xet, falls back to basic or
// multipart transfers) through the action's fetch, and send the commit the action's way:
// - the body is streamed (commit-body.ts): the library's header, lfsFile and deletedFile lines, plus
//   one `file` line per regular file, read from disk when its turn comes;
// - nothing changed (every file's oid equals the repository's, nothing to delete): no commit;
// - `parentCommit` is the head the comparison was made against; if another commit lands first (412),
//   the comparison is redone on top of the new head once (LFS objects already sent are not sent
//   again) and the commit retried once;
// - a commit request that ends without an answer (reset, stall, 5xx) is retried only after checking
//   the branch (or the newest pull requests): if the head carries this run's marker (provenance.ts),
//   the commit landed and is not made twice.
// A failure says whether anything reached the Hub: the commit is atomic, so either it exists or the
// repository is unchanged; LFS objects sent to storage without a commit are named.













/** Thrown by the commit hook when, all oids compared, there is nothing to commit. */
class NothingChanged extends Error {
    constructor() {
        super('nothing changed');
    }
}
/** Thrown by the commit hook on HTTP 412: the branch moved since the comparison. */
class BranchMoved extends Error {
    refusal;
    constructor(refusal) {
        super(refusal.message);
        this.refusal = refusal;
    }
}
/** Commits `plan` to the repository; returns what happened, or throws an ActionError saying what reached the Hub. */
async function commitUpload(plan, context) {
    const started = Date.now();
    const { upload, log } = context;
    const transport = new UploadTransport({
        hubUrl: context.hubUrl,
        tokens: context.tokens,
        maxAttempts: context.maxAttempts,
        idleMs: context.idleMs,
        log,
    });
    const api = new HubApi(transport, upload, context.hubUrl, () => [context.tokens.current.token.accessToken]);
    const tally = { objects: 0, bytes: 0 };
    let commitBytes = 0;
    const hub = await __webpack_require__.e(/* import() */ 429).then(__webpack_require__.bind(__webpack_require__, 1429));
    for (let attempt = 1;; attempt++) {
        let remote;
        try {
            remote = await compareWithRemote(plan, upload, api, log);
            const counts = {
                added: remote.counts.inlineAdded,
                changed: remote.counts.inlineChanged,
                unchanged: remote.counts.inlineUnchanged,
                deleted: remote.deletions.length,
                ignored: remote.counts.ignored,
            };
            if (remote.inline.length === 0 && remote.lfs.length === 0 && remote.deletions.length === 0) {
                throw new NothingChanged();
            }
            const progress = new upload_progress/* UploadProgress */.Tu(remote.lfs.map((file) => ({ path: file.pathInRepo, size: file.size })), { log });
            const current = remote;
            const libraryFetch = createLibraryFetch({
                transport,
                preuploaded: remote.preupload,
                hubRefusal: (what) => api.refusal(what),
                commit: async (libraryBody, signal) => {
                    const body = buildBody(libraryBody, current, counts);
                    log(`Committing to ${api.webPath}@${upload.revision}${upload.createPr ? ' as a pull request' : ''}: ` +
                        `${counts.added} added, ${counts.changed} changed, ${counts.deleted} deleted ` +
                        `(${counts.unchanged} unchanged).`);
                    const response = await postCommit(body, signal, {
                        transport,
                        api,
                        context,
                        onBytes: (sent) => {
                            commitBytes = sent;
                            progress.onCommitBytes(sent, body.length);
                        },
                    });
                    return response;
                },
            }, tally);
            const iterator = hub.commitIter({
                repo: { type: upload.repo.kind, name: `${upload.repo.namespace}/${upload.repo.name}` },
                operations: [
                    ...remote.deletions.map((path) => ({ operation: 'delete', path })),
                    ...remote.lfs.map((file) => ({
                        operation: 'addOrUpdate',
                        path: file.pathInRepo,
                        content: new DiskBlob(file.localPath, 0, file.size, file.pathInRepo),
                    })),
                ],
                title: context.text.title,
                description: context.text.description,
                branch: upload.revision,
                isPullRequest: upload.createPr,
                ...(remote.head === undefined ? {} : { parentCommit: remote.head }),
                hubUrl: (0,hub_url/* hubBaseOf */.Ax)(context.hubUrl),
                fetch: libraryFetch,
                useXet: true,
            });
            let output;
            for (;;) {
                const step = await iterator.next();
                if (step.done) {
                    output = step.value;
                    break;
                }
                progress.onEvent(step.value);
            }
            if (!output)
                throw new Error('@huggingface/hub finished without a commit');
            const durationMs = Date.now() - started;
            const sent = tally.bytes + commitBytes;
            log(`Committed ${output.commit.oid.slice(0, 7)} to ${api.webPath}@${upload.revision}` +
                `${output.pullRequestUrl ? ` (pull request ${output.pullRequestUrl})` : ''}: ` +
                `${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.deleted} ` +
                `deleted; ${(0,upload_plan/* formatBytes */.z3)(sent)} sent in ${(0,upload_progress/* formatDuration */.a3)(durationMs / 1000)}.`);
            return {
                kind: 'committed',
                commitOid: output.commit.oid,
                commitUrl: output.commit.url,
                pullRequestUrl: output.pullRequestUrl,
                counts,
                bytesSent: sent,
                durationMs,
            };
        }
        catch (error) {
            if (error instanceof NothingChanged) {
                const counts = {
                    added: 0,
                    changed: 0,
                    unchanged: plan.files.length - (remote?.counts.ignored ?? 0),
                    deleted: 0,
                    ignored: remote?.counts.ignored ?? 0,
                };
                return { kind: 'unchanged', counts, durationMs: Date.now() - started };
            }
            if (error instanceof BranchMoved && attempt === 1) {
                log(`Another commit landed on ${upload.revision} while this one was being prepared (HTTP 412): comparing ` +
                    `again on top of the new head, then committing once more.`);
                continue;
            }
            throw describeFailure(error, {
                tally,
                api,
                upload,
                isHub: (url) => transport.isHub(url),
                isLibraryRefusal: (value) => value instanceof hub.HubApiError,
            });
        }
    }
    /** The commit body: the library's lines, less LFS files the repository already holds, plus inline files. */
    function buildBody(libraryBody, remote, counts) {
        const lines = libraryBody.split('\n').filter((line) => line.trim() !== '');
        const [header, ...operations] = lines;
        if (header === undefined || !header.includes('"header"'))
            throw new Error('@huggingface/hub sent a commit without a header');
        let unchangedLfs = 0;
        const kept = operations.filter((line) => {
            const { object: parsed } = (0,json/* parseJsonObject */.dw)(line);
            const value = (0,json/* isJsonObject */.OW)(parsed?.['value']) ? parsed['value'] : undefined;
            if (parsed?.['key'] !== 'lfsFile' || typeof value?.['path'] !== 'string')
                return true;
            const remoteOid = remote.preupload.get(value['path'])?.oid;
            if (remoteOid !== undefined && remoteOid === value['oid']) {
                unchangedLfs++;
                return false;
            }
            if (remoteOid === undefined)
                counts.added++;
            else
                counts.changed++;
            return true;
        });
        counts.unchanged += unchangedLfs;
        if (kept.length === 0 && remote.inline.length === 0)
            throw new NothingChanged();
        return commitBody([header, ...kept], remote.inline);
    }
}
/**
 * POSTs the commit. A definite refusal fails at once (412: BranchMoved); a failure without a definite
 * answer is retried, with the action's retry policy, only once the repository shows the commit did
 * not land.
 */
async function postCommit(body, signal, post) {
    const { transport, api, context } = post;
    const upload = context.upload;
    const url = (0,hub_url/* hubEndpoint */.ZM)(context.hubUrl, `${api.repoPath}/commit/${encodeURIComponent(upload.revision)}`);
    if (upload.createPr)
        url.searchParams.set('create_pr', '1');
    const budget = transport.retryBudget();
    for (;;) {
        let failure;
        try {
            const response = await transport.sendOnce({
                method: 'POST',
                url,
                headers: { 'Content-Type': 'application/x-ndjson', Accept: 'application/json' },
                body,
                what: 'the commit',
                processingMs: PROCESSING_MS.slow,
                onBodyProgress: post.onBytes,
                ...(signal ? { signal } : {}),
            });
            if (response.status >= 200 && response.status < 300)
                return response;
            const refusal = api.refusal('The commit')(response);
            if (response.status === 412)
                throw new BranchMoved(refusal);
            if (!refusal.transient)
                throw refusal;
            failure = refusal;
        }
        catch (error) {
            if (!(error instanceof errors/* RemoteError */.Hi) || !error.transient || error.code === 'HUB_REFUSED')
                throw error;
            failure = (0,errors/* wrapRemoteError */.$A)('The commit request failed', error);
        }
        const landed = await findOwnCommit(post).catch((error) => {
            throw new errors/* RemoteError */.Hi(`${withoutPeriod(failure.message)}, and checking whether the commit landed failed too: ${error instanceof Error ? error.message : String(error)}`, {
                code: 'COMMIT_UNKNOWN',
                transient: false,
                cause: error,
                hint: `Look in the history of ${api.webPath}@${upload.revision} for a commit whose description ` +
                    `contains ${context.text.marker} before re-running.`,
            });
        });
        if (landed) {
            context.log(`The commit request ended without an answer, but the commit landed: ${landed.commitOid.slice(0, 7)}.`);
            const text = JSON.stringify({
                success: true,
                commitOid: landed.commitOid,
                commitUrl: landed.commitUrl,
                pullRequestUrl: landed.pullRequestUrl,
            });
            return { status: 200, headers: { 'content-type': 'application/json' }, body: text, bytes: Buffer.from(text) };
        }
        await budget.waitBeforeRetry(failure, 'the commit');
    }
}
/** This run's commit, if it landed: the branch's newest commits, or the newest pull requests' heads. */
async function findOwnCommit(post) {
    const { api, context } = post;
    const marker = context.text.marker;
    const base = `${(0,hub_url/* hubBaseOf */.Ax)(context.hubUrl)}/${api.webPath}`;
    const carries = (commit) => commit.message.includes(marker) || commit.title.includes(marker);
    if (!context.upload.createPr) {
        for (const commit of await api.latestCommits(context.upload.revision, 5)) {
            if (carries(commit))
                return { commitOid: commit.id, commitUrl: `${base}/commit/${commit.id}`, pullRequestUrl: undefined };
        }
        return undefined;
    }
    for (const pr of (await api.pullRequestRefs()).slice(0, 5)) {
        const [head] = await api.latestCommits(pr.ref, 1);
        if (head && carries(head)) {
            return {
                commitOid: head.id,
                commitUrl: `${base}/commit/${head.id}`,
                pullRequestUrl: `${base}/discussions/${pr.num}`,
            };
        }
    }
    return undefined;
}
/** The failure, saying what reached the Hub; errors of the library become the action's. */
function describeFailure(error, state) {
    const { tally, api, upload } = state;
    let cause;
    if (error instanceof BranchMoved) {
        cause = new errors/* RemoteError */.Hi(`Other commits kept landing on ${upload.revision} of ${api.webPath} while the action was committing: ` +
            `${withoutPeriod(error.refusal.message)}, twice`, {
            code: 'BRANCH_MOVED',
            transient: false,
            requestId: error.refusal.requestId,
            hint: 'Re-run the job. To keep publishing jobs from racing, give them a `concurrency:` group.',
        });
    }
    else if (error instanceof errors/* ActionError */.lZ) {
        cause = error;
    }
    else if (state.isLibraryRefusal(error)) {
        const requestId = error.requestId ? (0,sanitize/* sanitizeServerText */.c8)(error.requestId, 100) : undefined;
        let url;
        try {
            url = new URL(error.url);
        }
        catch {
            url = undefined;
        }
        const onHub = url !== undefined && state.isHub(url);
        // The hub's words (a batch answer's per-object error) are worth showing; a storage host's are not.
        const text = onHub ? `: ${JSON.stringify((0,sanitize/* sanitizeServerText */.c8)(redactTokenShapes(error.message), 240))}` : '';
        cause = new errors/* RemoteError */.Hi(`${onHub ? `The hub ${(0,sanitize/* sanitizeServerText */.c8)(url?.host ?? '', 100)}` : `The storage host ${(0,sanitize/* sanitizeServerText */.c8)(url?.host ?? '?', 100)}`} ` +
            `refused the upload: HTTP ${error.statusCode}${text}${requestId ? ` (request id: ${requestId})` : ''}`, {
            code: onHub ? 'HUB_REFUSED' : 'STORAGE_REFUSED',
            transient: false,
            requestId,
            hint: 'Re-run the job; if it persists, report it to Hugging Face with the request id.',
        });
    }
    else {
        cause = new errors/* RemoteError */.Hi(`@huggingface/hub failed during the upload: ${(0,sanitize/* sanitizeServerText */.c8)(redactTokenShapes(error instanceof Error ? error.message : String(error)), 240)}`, { code: 'MALFORMED_RESPONSE', transient: false, cause: error, hint: 'If it persists, report it with this log.' });
    }
    const stored = tally.objects > 0 || tally.bytes > 0
        ? ` ${(0,upload_plan/* formatBytes */.z3)(tally.bytes)} of file content reached the Hub's storage, but no commit refers to it (a ` +
            `re-run does not send it again).`
        : '';
    const outcome = cause.code === 'COMMIT_UNKNOWN'
        ? ' Whether the commit was made is not known.'
        : ` Nothing was committed: ${api.webPath}@${upload.revision} is unchanged.${stored}`;
    return new errors/* ActionError */.lZ(`Uploading to ${api.webPath} failed: ${withoutPeriod(cause.message)}.${outcome}`, {
        code: cause.code,
        hint: cause.hint,
        cause,
    });
}
function withoutPeriod(text) {
    return text.replace(/\.$/, '');
}

// EXTERNAL MODULE: ./src/github/run-url.ts
var run_url = __webpack_require__(4890);
;// CONCATENATED MODULE: ./src/upload/provenance.ts
// Every Hub commit the action makes leads back to the GitHub run that made it: the commit message
// names the repository, short SHA and run by default, and a provenance block is always appended to
// the description (the run URL on the run's own GITHUB_SERVER_URL, `repository@sha`, the workflow
// ref, the event and the actor). The block also carries a marker unique to this run of the step, so
// that after a commit request that got no answer the action can tell whether its commit landed.
//
// The values come from the runner's environment; none is secret. The description is Markdown on
// the Hub, so values are put in code spans with backticks and control characters removed, and the
// run URL is built from checked parts only.


const PROVENANCE_HEADING = 'Published from GitHub Actions';
/** The commit's title and description: the user's (or the default title), plus the provenance block. */
function buildCommitText(options, env = process.env, nonce = (0,external_node_crypto_.randomBytes)(8).toString('hex')) {
    const repository = checked(env['GITHUB_REPOSITORY'], /^[\w.-]+\/[\w.-]+$/);
    const sha = checked(env['GITHUB_SHA'], /^[0-9a-f]{40,64}$/i);
    const runId = checked(env['GITHUB_RUN_ID'], /^\d+$/);
    const attempt = checked(env['GITHUB_RUN_ATTEMPT'], /^\d+$/);
    const runUrl = (0,run_url/* buildRunUrl */.r)(env['GITHUB_SERVER_URL'], repository, runId, attempt);
    const marker = `${runId ?? 'local'}-${attempt ?? '1'}-${nonce}`;
    const lines = [
        `${PROVENANCE_HEADING}:`,
        '',
        ...(runUrl ? [`- Run: ${runUrl}`] : []),
        ...(repository && sha ? [`- Commit: ${code(`${repository}@${sha}`)}`] : []),
        ...optionalLine('Workflow', env['GITHUB_WORKFLOW_REF']),
        ...optionalLine('Event', env['GITHUB_EVENT_NAME']),
        ...optionalLine('Actor', env['GITHUB_ACTOR']),
        `- Upload: ${code(marker)}`,
    ];
    const userDescription = options.description.trim();
    return {
        title: options.message ?? defaultTitle(repository, sha, runId),
        description: `${userDescription === '' ? '' : `${userDescription}\n\n---\n\n`}${lines.join('\n')}\n`,
        marker,
        runUrl,
    };
}
/** "Upload from acme/repo@abc1234 (run 4242)", or as much of it as the environment tells. */
function defaultTitle(repository, sha, runId) {
    const source = repository ? ` from ${repository}${sha ? `@${sha.slice(0, 7)}` : ''}` : ' from GitHub Actions';
    return `Upload${source}${runId ? ` (run ${runId})` : ''}`;
}
function checked(value, pattern) {
    const trimmed = value?.trim();
    return trimmed && pattern.test(trimmed) ? trimmed : undefined;
}
function optionalLine(label, value) {
    const text = inert(value ?? '');
    return text === '' ? [] : [`- ${label}: ${code(text)}`];
}
/** A value as inline code: no backtick can close the span, no line break can start a block. */
function code(value) {
    return `\`${inert(value)}\``;
}
function inert(value) {
    return value
        .replace(/[`\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
        .trim()
        .slice(0, 300);
}

;// CONCATENATED MODULE: ./src/upload/readme-metadata.ts
// The repository card's metadata (the YAML block at the top of the root README.md), checked by the
// Hub before any byte is uploaded: the Hub refuses a commit whose card metadata is invalid, and
// without this check that refusal would come only after every file was sent. As huggingface_hub
// (`HfApi._validate_yaml`: `POST {hub}/api/validate-yaml` with `{"content", "repoType"}`; 400 with
// `{"errors": [{"message"}]}` when invalid; `warnings` otherwise).
//
// Only a definite "invalid" (400 or 422) stops the upload. Any other answer (the endpoint missing on
// a private hub, a token it does not accept, an outage) is a warning: the Hub checks the card again
// at the commit. Kernel repositories are not checked (whether the endpoint knows their type is
// unverified). The Hub's words are untrusted: each is sanitised, token shapes redacted.







/** The card the Hub reads: README.md at the repository's root. */
const CARD_PATH = 'README.md';
/** The Hub sends files of 10 MiB or more through LFS, and reads no card metadata from those. */
const MAX_CARD_BYTES = 10 * 1024 * 1024;
const MAX_MESSAGES = 5;
const CARD_DOCS = {
    model: 'https://huggingface.co/docs/hub/model-cards',
    dataset: 'https://huggingface.co/docs/hub/datasets-cards',
    space: 'https://huggingface.co/docs/hub/spaces-config-reference',
    kernel: 'https://huggingface.co/docs/hub/model-cards',
};
/** Asks the Hub to check the root README.md's metadata; throws README_INVALID when it refuses it. */
async function checkReadmeMetadata(files, context) {
    const card = files.find((file) => file.pathInRepo === CARD_PATH);
    if (card === undefined)
        return 'no-card';
    if (context.repoKind === 'kernel' || card.size >= MAX_CARD_BYTES)
        return 'not-checked';
    const content = await (0,promises_.readFile)(card.localPath, 'utf8');
    const response = await context.requests.send({
        method: 'POST',
        url: (0,hub_url/* hubEndpoint */.ZM)(context.hubUrl, 'api/validate-yaml'),
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ content, repoType: context.repoKind }),
        what: `checking the metadata of ${CARD_PATH}`,
    });
    const requestId = (0,http_request/* requestIdOf */.Gb)(response.headers);
    const quoted = (field) => messages(response, field, context.secrets());
    if (response.status === 400 || response.status === 422) {
        const problems = quoted('errors');
        const error = (0,json/* parseJsonObject */.dw)(response.body).object?.['error'];
        const fallback = (0,sanitize/* sanitizeServerText */.c8)(redactTokenShapes(typeof error === 'string' ? error : '', context.secrets()), 200);
        throw new errors/* ActionError */.lZ(`The metadata of ${CARD_PATH} (the YAML block at its top) was refused by ${context.hubUrl.host}: ` +
            (problems.length > 0 ? problems.join('; ') : fallback || `HTTP ${response.status}`) +
            `${requestId ? ` (x-request-id: ${requestId})` : ''}. Nothing was uploaded.`, {
            code: 'README_INVALID',
            hint: `Fix the metadata of ${card.relativePath} (the fields are described at ${CARD_DOCS[context.repoKind]}), then re-run.`,
        });
    }
    if (response.status < 200 || response.status >= 300) {
        context.warn(`Could not check the metadata of ${CARD_PATH} before uploading: ${context.hubUrl.host} answered HTTP ` +
            `${response.status}${requestId ? ` (x-request-id: ${requestId})` : ''}. The Hub checks it again at the commit.`);
        return 'not-checked';
    }
    for (const warning of quoted('warnings'))
        context.warn(`The metadata of ${CARD_PATH}: ${warning}`);
    context.log(`The metadata of ${CARD_PATH} is valid for the Hub.`);
    return 'valid';
}
/** The `message` of each entry of the answer's `errors` or `warnings`, sanitised, at most a few. */
function messages(response, field, secrets) {
    const listed = (0,json/* parseJsonObject */.dw)(response.body).object?.[field];
    if (!Array.isArray(listed))
        return [];
    const texts = listed.flatMap((entry) => {
        const message = (0,json/* isJsonObject */.OW)(entry) ? entry['message'] : entry;
        return typeof message === 'string' && message.trim() !== ''
            ? [(0,sanitize/* sanitizeServerText */.c8)(redactTokenShapes(message, secrets), 200)]
            : [];
    });
    return texts.length > MAX_MESSAGES
        ? [...texts.slice(0, MAX_MESSAGES), `and ${texts.length - MAX_MESSAGES} more`]
        : texts;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/upload/settings.ts
// The `upload` inputs, validated without touching the disk or the network, before the exchange
// (readInputs reads them; this runs with the upload code, which main.ts loads only when `upload`
// is set, so the default path does not carry it; the folder itself is read by plan.ts).



const DEFAULT_REVISION = 'main';
/**
 * Validates the upload inputs (readInputs read them, and refused upload-only inputs without
 * `upload`). Throws InputError when they cannot work, before anything is read or sent.
 */
function parseUploadInputs(raw, resource, env = process.env) {
    if (resource.kind === 'user') {
        throw new errors/* InputError */.dz(`\`upload\` needs a repository resource, but \`resource\` is the user ${resource.username}: a user token ` +
            `is read-only and cannot commit.`, { hint: 'Set `resource` to the repository to commit to, e.g. `acme/awesome-model` or `datasets/acme/x`.' });
    }
    if (resource.kind === 'bucket') {
        throw new errors/* InputError */.dz(`\`upload\` commits to a repository, and ${resource.value} is a bucket: buckets have no commits, branches ` +
            `or pull requests, so the commit, its provenance block and the commit outputs cannot exist.`, {
            hint: 'Leave `upload` empty and sync the bucket in a later step with the exported HF_TOKEN (for example ' +
                '`hf buckets sync`).',
        });
    }
    const workspace = env['GITHUB_WORKSPACE'] || process.cwd();
    return {
        given: raw.upload,
        localPath: (0,external_node_path_.isAbsolute)(raw.upload) ? (0,external_node_path_.resolve)(raw.upload) : (0,external_node_path_.resolve)(workspace, raw.upload),
        pathInRepo: raw.pathInRepo === '' ? undefined : normalisePathInRepo(raw.pathInRepo, 'Input `path-in-repo`'),
        pathInRepoIsFolder: /[\\/]$/.test(raw.pathInRepo),
        include: parsePatterns(raw.include, 'include'),
        exclude: parsePatterns(raw.exclude, 'exclude'),
        deletePatterns: parsePatterns(raw.delete, 'delete'),
        commitMessage: raw.commitMessage === '' ? undefined : parseCommitMessage(raw.commitMessage),
        commitDescription: raw.commitDescription,
        revision: parseRevision(raw.revision || DEFAULT_REVISION),
        createPr: raw.createPr,
        repo: { kind: resource.kind, namespace: resource.namespace, name: resource.name },
    };
}
/**
 * A path in the repository, as the Hub stores it: `/`-separated, relative, no `.` or `..` segment,
 * no `.git` component, no control character. '' is the repository's root. Throws InputError.
 */
function normalisePathInRepo(raw, label) {
    const segments = raw
        .replace(/\\/g, '/')
        .split('/')
        .filter((segment) => segment !== '' && segment !== '.');
    const refuse = (why) => {
        throw new errors/* InputError */.dz(`${label} ${(0,sanitize/* quoteForMessage */.Hx)(raw)} ${why}.`, {
            hint: 'Give a path inside the repository such as `models/v2` or `config.json`; leave it empty for the default.',
        });
    };
    if (segments.includes('..'))
        refuse('contains `..`: paths in a repository cannot leave it');
    if (segments.includes('.git'))
        refuse('contains a `.git` component, which the Hub refuses');
    if (/[\p{Cc}]/u.test(raw))
        refuse('contains a control character');
    return segments.join('/');
}
/** Newline-separated patterns; blank lines are ignored, `\` is a path separator as in huggingface_hub. */
function parsePatterns(raw, name) {
    const patterns = raw
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
    for (const pattern of patterns) {
        if (/[\p{Cc}]/u.test(pattern)) {
            throw new errors/* InputError */.dz(`Input \`${name}\` has a pattern with a control character: ${(0,sanitize/* quoteForMessage */.Hx)(pattern)}.`);
        }
    }
    return patterns;
}
function parseCommitMessage(raw) {
    if (raw.length > 1000) {
        throw new errors/* InputError */.dz(`Input \`commit-message\` is ${raw.length} characters long (at most 1000).`, {
            hint: 'Put the details in `commit-description`: the message is the commit title.',
        });
    }
    return raw;
}
/** A branch (or `refs/pr/N`) name: what git allows, minus what cannot be a single URL segment safely. */
function parseRevision(raw) {
    const problem = raw.length > 255
        ? 'is too long'
        : /[\s\p{Cc}~^:?*[\\]/u.test(raw)
            ? 'contains a character a git branch name cannot have'
            : /(^|\/)\.|\.\.|\/$|^\/|\.lock$|@\{/.test(raw)
                ? 'is not a valid git branch name'
                : undefined;
    if (problem !== undefined) {
        throw new errors/* InputError */.dz(`Input \`revision\` ${(0,sanitize/* quoteForMessage */.Hx)(raw)} ${problem}.`, {
            hint: 'Give the name of an existing branch of the repository, such as `main`.',
        });
    }
    return raw;
}

;// CONCATENATED MODULE: ./src/upload/token-source.ts
// The Hub token an upload uses, kept fresh: Trusted Publisher tokens live 60 minutes and cannot be
// refreshed, and an upload may run longer. Before each request to the hub, the token is checked; when
// it has less than a margin left (5 minutes, or a quarter of its lifetime if that is shorter), a
// new one is obtained the way the first was (obtain-token.ts: a fresh ID token, the exchange, with
// retries; the ID-token variables stay available to the whole job), and masked first.

/** The Hub's documented lifetime, assumed when a broker does not say (`expires_in` missing). */
const ASSUMED_LIFETIME_SECONDS = 3600;
const MAX_MARGIN_MS = 5 * 60 * 1000;
class TokenSource {
    options;
    #current;
    #renewal;
    #renewals = 0;
    #now;
    constructor(options) {
        this.options = options;
        this.#current = options.initial;
        this.#now = options.now ?? (() => Date.now());
    }
    /** The newest token (the one to export when the step succeeds). */
    get current() {
        return this.#current;
    }
    /** How many times a new token was obtained during the upload. */
    get renewals() {
        return this.#renewals;
    }
    /** A token with enough life left for one more request; exchanges again when needed. */
    async accessToken() {
        if (!this.#needsRenewal())
            return this.#current.token.accessToken;
        // Concurrent requests share one renewal.
        this.#renewal ??= this.#renew().finally(() => (this.#renewal = undefined));
        return (await this.#renewal).token.accessToken;
    }
    #needsRenewal() {
        const lifetimeMs = (this.#current.token.expiresInSeconds ?? ASSUMED_LIFETIME_SECONDS) * 1000;
        const expiresAt = this.#current.issuedAt.getTime() + lifetimeMs;
        const margin = Math.min(MAX_MARGIN_MS, lifetimeMs / 4);
        return expiresAt - this.#now() < margin;
    }
    async #renew() {
        const { request, source, hooks, obtain } = this.options;
        hooks.log('The Hub token is close to its expiry: exchanging a fresh one before the next request to the hub.');
        // The clock starts before the exchange, so the expiry computed from it is never later than the real one.
        const started = this.#now();
        const token = await obtain(request, source, new retry/* Deadline */.B2(request.deadlineMs), hooks);
        this.#current = { token, issuedAt: new Date(started) };
        this.#renewals++;
        return this.#current;
    }
}

;// CONCATENATED MODULE: ./src/upload/step.ts
// The upload stage as main.ts sees it, loaded with `await import()` only when `upload` is set, so
// the default path neither loads nor parses any of it (nor @huggingface/hub). Two calls: prepare
// (read the folder and refuse bad input, before the exchange) and commit (after the exchange, with
// a token kept fresh for the whole upload: first what `hf upload` settles before sending any byte,
// the README's metadata and the branch, then the commit). The result is plain data (result.ts);
// main.ts renders outputs and the summary from it only once the commit exists (or it is certain
// that nothing changed); on failure nothing is.













/** Validates the upload inputs, reads `upload` from disk and refuses what cannot be uploaded. No network. */
async function prepareUpload(settings, raw) {
    const upload = parseUploadInputs(raw, settings.resource);
    const plan = await (0,upload_plan/* planUpload */.d7)(upload);
    const leftOut = [
        plan.excludedByPatterns > 0 ? `${plan.excludedByPatterns} left out by include/exclude` : '',
        plan.skippedGitEntries > 0 ? '.git skipped' : '',
    ].filter(Boolean);
    const destination = plan.kind === 'file' ? (plan.files[0]?.pathInRepo ?? '') : upload.pathInRepo ? `${upload.pathInRepo}/` : 'the root';
    (0,runner_log/* logInfo */.fH)(`Upload: ${plan.files.length} file${plan.files.length === 1 ? '' : 's'} (${(0,upload_plan/* formatBytes */.z3)(plan.totalBytes)}) ` +
        `from ${upload.given} to ${destination} of ${settings.resource.value}@${upload.revision}` +
        `${upload.createPr ? ' as a pull request' : ''}${leftOut.length > 0 ? ` (${leftOut.join(', ')})` : ''}${upload.deletePatterns.length > 0 ? `, deleting what matches \`delete\`` : ''}.`);
    return {
        plan,
        commit: async (initial, issuedAt, source) => {
            const tokens = new TokenSource({
                request: settings,
                source,
                hooks: { onSecret: mask/* maskSecret */.$, log: (message) => (0,runner_log/* logInfo */.fH)(message) },
                initial: { token: initial, issuedAt },
                obtain: obtain_token/* obtainToken */.B,
            });
            const text = buildCommitText({ message: upload.commitMessage, description: upload.commitDescription });
            try {
                await checkBeforeUploading(plan, upload, settings, tokens);
                const outcome = await commitUpload(plan, {
                    upload,
                    hubUrl: settings.hubUrl,
                    maxAttempts: settings.maxAttempts,
                    idleMs: settings.requestTimeoutMs,
                    tokens,
                    text,
                    log: (line) => (0,runner_log/* logInfo */.fH)(line),
                });
                if (outcome.kind === 'unchanged') {
                    (0,runner_log/* logNotice */.n$)(`Nothing changed since the last commit to ${settings.resource.value}@${upload.revision}: all ` +
                        `${outcome.counts.unchanged} files are ` +
                        `identical${upload.deletePatterns.length > 0 ? ' and nothing matches `delete`' : ''}, so no commit ` +
                        `was made and \`commit-sha\` is empty.`);
                }
                const result = toResult(outcome, settings, upload);
                logPublished(result);
                return { token: tokens.current, result };
            }
            finally {
                (0,http_request/* closeIdleConnections */.Kt)();
            }
        },
    };
}
/**
 * What `hf upload` settles before sending any byte: the root README.md's metadata is valid for the
 * Hub, and the branch `revision` names exists (created from the default branch when it does not).
 */
async function checkBeforeUploading(plan, upload, settings, tokens) {
    const log = (line) => (0,runner_log/* logInfo */.fH)(line);
    const transport = new UploadTransport({
        hubUrl: settings.hubUrl,
        tokens,
        maxAttempts: settings.maxAttempts,
        idleMs: settings.requestTimeoutMs,
        log,
    });
    const api = new HubApi(transport, upload, settings.hubUrl, () => [tokens.current.token.accessToken]);
    await checkReadmeMetadata(plan.files, {
        requests: transport,
        hubUrl: settings.hubUrl,
        repoKind: upload.repo.kind,
        secrets: () => [tokens.current.token.accessToken],
        log,
        warn: (line) => (0,runner_log/* logWarning */.FF)(line),
    });
    await ensureBranch({
        requests: transport,
        hubUrl: settings.hubUrl,
        repoPath: api.repoPath,
        repoDisplay: api.webPath,
        revision: upload.revision,
        createPr: upload.createPr,
        refusal: (what) => api.refusal(what),
        log,
    });
}
function toResult(outcome, settings, upload) {
    const committed = outcome.kind === 'committed';
    return {
        repository: settings.resource.value,
        revision: upload.revision,
        createPr: upload.createPr,
        commits: committed ? [{ oid: outcome.commitOid, url: outcome.commitUrl }] : [],
        pullRequestUrl: committed ? outcome.pullRequestUrl : undefined,
        counts: outcome.counts,
        bytesSent: committed ? outcome.bytesSent : 0,
        durationMs: outcome.durationMs,
    };
}
/** The upload's last line names where it landed, as `hf upload` ends with the commit URL. */
function logPublished(result) {
    const last = result.commits.at(-1);
    if (last === undefined)
        return;
    const where = `${result.repository}@${result.revision}`;
    const commits = result.commits.length === 1 ? '' : ` in ${result.commits.length} commits; the last:`;
    (0,runner_log/* logInfo */.fH)(result.pullRequestUrl
        ? `Published to ${where} as the pull request ${result.pullRequestUrl}${commits || ':'} ${last.url}`
        : `Published to ${where}${commits || ':'} ${last.url}`);
}


/***/ })

};
