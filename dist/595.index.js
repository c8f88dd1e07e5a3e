export const id = 595;
export const ids = [595];
export const modules = {

/***/ 2522:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ createFetchAdapter)
/* harmony export */ });
/* unused harmony export toFetchResponse */
// The one `fetch` that @huggingface/hub is given, by verify (hub/verify.ts) and by the upload
// (upload/library-fetch.ts): it turns the library's Fetch API calls into the action's own requests
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


/***/ }),

/***/ 2595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prepareUpload: () => (/* binding */ prepareUpload)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 15 modules
var core = __webpack_require__(8476);
// EXTERNAL MODULE: ./src/runner/log.ts
var log = __webpack_require__(7708);
// EXTERNAL MODULE: ./src/runner/mask.ts
var mask = __webpack_require__(7084);
// EXTERNAL MODULE: ./src/runner/sanitize.ts
var sanitize = __webpack_require__(9063);
// EXTERNAL MODULE: ./src/runner/summary.ts
var summary = __webpack_require__(1070);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/http/json.ts
var json = __webpack_require__(2868);
// EXTERNAL MODULE: ./src/hub/hub-url.ts
var hub_url = __webpack_require__(7644);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/upload/planned-file.ts
// Reading a file the plan (plan.ts) chose, and only that file: every read of upload content (the
// preupload sample, the git blob id, the hashes, the LFS upload, the commit's inline files) opens it
// here, through one descriptor opened without following a link, and checked against what was planned.
// Between planning and reading (minutes, with a 503 and its Retry-After in between) the workflow, or
// code it runs, can replace a planned file by a symlink to a runner file or by another file of the
// same size; reopening by name would then publish that. Here:
// - the last path component is opened with O_NOFOLLOW, so a symlink put in the file's place fails to
//   open (ELOOP) instead of being followed;
// - the opened descriptor's fstat must show the planned device, inode and size, so a file swapped
//   for another (or a parent folder swapped for a link, which O_NOFOLLOW does not cover) is refused;
// - O_NONBLOCK, so that a FIFO swapped in cannot block the open; fstat then refuses it.
// Windows has neither flag (Node's constants are undefined there): the open follows a link, and the
// fstat check (the file index Node reports as the inode, and the volume as the device) refuses it.
// What a reader gets is a FileHandle: read it (read, readFile, createReadStream), then close it.




/** Node's types declare every flag; on Windows the two extra ones are undefined, hence Partial. */
const flags = external_node_fs_.constants;
const OPEN_FLAGS = external_node_fs_.constants.O_RDONLY | (flags.O_NOFOLLOW ?? 0) | (flags.O_NONBLOCK ?? 0);
const CHANGED_HINT = 'Do not change the files to upload while the action runs: start the upload after the step that writes ' +
    'them, and make sure nothing else in the job writes to the folder meanwhile.';
/**
 * Opens a planned file for reading, checked against the plan: throws an ActionError (code
 * LOCAL_FILE) saying the workflow changed the file when it is now a link, another file or another
 * size. The caller closes the handle.
 */
async function openPlannedFile(file) {
    let handle;
    try {
        handle = await (0,promises_.open)(file.localPath, OPEN_FLAGS);
    }
    catch (error) {
        const code = error?.code;
        // ELOOP (Linux, macOS) or EMLINK (FreeBSD): the last component is now a symlink.
        if (code === 'ELOOP' || code === 'EMLINK')
            throw changed(file, 'it is now a symlink', error);
        if (code === 'ENOENT' || code === 'ENOTDIR')
            throw changed(file, 'it is gone', error);
        throw new errors/* ActionError */.lZ(`Could not read ${(0,sanitize/* quoteForMessage */.Hx)(file.pathInRepo)} to upload it: ${code ?? 'unreadable'}.`, {
            code: 'LOCAL_FILE',
            cause: error,
            hint: 'Check the permissions of the files to upload.',
        });
    }
    try {
        const now = await handle.stat({ bigint: true });
        const why = !now.isFile()
            ? 'it is no longer a regular file'
            : now.dev !== file.identity.device || now.ino !== file.identity.inode
                ? 'it is now another file'
                : Number(now.size) !== file.size
                    ? `it is now ${now.size} bytes, not the ${file.size} planned`
                    : undefined;
        if (why !== undefined)
            throw changed(file, why);
        return handle;
    }
    catch (error) {
        await handle.close();
        throw error;
    }
}
/** A whole planned file (for the small ones: `.gitattributes`, `.gitignore`), checked as openPlannedFile does. */
async function readPlannedFile(file) {
    const handle = await openPlannedFile(file);
    try {
        const bytes = await handle.readFile();
        if (bytes.length !== file.size)
            throw changed(file, `it is now ${bytes.length} bytes, not the ${file.size} planned`);
        return bytes;
    }
    finally {
        await handle.close();
    }
}
/** The error for a file that is not what was planned any more. */
function changed(file, why, cause) {
    return new errors/* ActionError */.lZ(`The workflow changed ${(0,sanitize/* quoteForMessage */.Hx)(file.pathInRepo)} during the upload (${why}): refused, so that ` +
        `only the files that were planned before the exchange are published.`, { code: 'LOCAL_FILE', hint: CHANGED_HINT, cause });
}

;// CONCATENATED MODULE: ./src/upload/commit-body.ts
// The body of the commit request (NDJSON: a header line, then one line per operation), streamed:
// @huggingface/hub builds it whole in memory with every regular file base64-encoded (88 MiB of
// small files cost about 830 MB of RSS), so the action sends it itself. Each regular file is read
// from disk and base64-encoded only when its line is being sent, in chunks, so memory stays flat
// whatever the files' sizes and number. Its exact length is known in advance (a Content-Length,
// which every proxy and load balancer accepts), and a file that changed since it was planned fails
// the request instead of corrupting it: each file is read through openPlannedFile (planned-file.ts).


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
/** The base64 of a file, in chunks; throws when the file is not the one planned, or not its size. */
async function* encodeFile(file) {
    if (file.size === 0)
        return;
    const handle = await openPlannedFile(file);
    let carry = Buffer.alloc(0);
    let read = 0;
    try {
        for (;;) {
            // What is left, plus one byte to notice a file that grew; never more than a chunk.
            const buffer = Buffer.allocUnsafe(Math.min(ENCODE_CHUNK_BYTES, file.size - read + 1));
            const { bytesRead } = await handle.read(buffer, 0, buffer.length, read);
            if (bytesRead === 0)
                break;
            read += bytesRead;
            if (read > file.size)
                break;
            const chunk = buffer.subarray(0, bytesRead);
            const bytes = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
            const whole = bytes.length - (bytes.length % 3);
            if (whole > 0)
                yield Buffer.from(bytes.subarray(0, whole).toString('base64'), 'latin1');
            carry = Buffer.from(bytes.subarray(whole));
        }
    }
    finally {
        await handle.close();
    }
    if (read !== file.size) {
        throw changed(file, `${read > file.size ? 'more' : 'fewer'} bytes than the ${file.size} planned`);
    }
    if (carry.length > 0)
        yield Buffer.from(carry.toString('base64'), 'latin1');
}

;// CONCATENATED MODULE: ./src/upload/commit-answer.ts
// What of the hub's answer to a commit may be published. The commit id and URLs become step outputs
// (`commit-sha`, `commit-url`, `pull-request-url`), which workflows paste into `run:` scripts, and
// links in the job summary: each is checked for exactly what it should be (a 40-hex git id; an
// http(s) URL on the hub's origin, without control characters), and anything else is left out,
// with a warning that quotes it as inert text. The commit itself is not in doubt: it landed.

const GIT_COMMIT_ID = /^[0-9a-f]{40}$/;
/** Longer than any URL of a commit or a discussion on a hub. */
const MAX_URL_LENGTH = 2048;
/** Checks what the hub answered, against the hub it was sent to (`hubUrl`). */
function checkCommitAnswer(answer, hubUrl) {
    const rejected = [];
    /** Records why a value is left out; gives what is published instead: nothing. */
    const reject = (what, output, why, value) => {
        rejected.push(`The hub answered the commit with ${what} that ${why}, so \`${output}\` is empty: ${show(value)}.`);
        return undefined;
    };
    const oid = answer.commitOid;
    const commitOid = typeof oid === 'string' && GIT_COMMIT_ID.test(oid)
        ? oid
        : reject('a commit id', 'commit-sha', 'is not 40 hexadecimal characters', oid);
    const checkUrl = (value, what, output) => {
        const problem = problemWithUrl(value, hubUrl);
        return problem === undefined ? value : reject(what, output, problem, value);
    };
    const commitUrl = checkUrl(answer.commitUrl, 'a commit URL', 'commit-url');
    const pullRequestUrl = answer.pullRequestUrl === undefined || answer.pullRequestUrl === null
        ? undefined
        : checkUrl(answer.pullRequestUrl, 'a pull request URL', 'pull-request-url');
    return { commitOid, commitUrl, pullRequestUrl, rejected };
}
/** Why `value` is not a URL to publish, or undefined when it is one. */
function problemWithUrl(value, hubUrl) {
    if (typeof value !== 'string')
        return 'is not a string';
    if (value.length > MAX_URL_LENGTH)
        return `is longer than ${MAX_URL_LENGTH} characters`;
    // On the text as given: the URL parser silently drops tabs and line breaks.
    if (/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(value))
        return 'holds a control character';
    if (/\s/.test(value))
        return 'holds white space';
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return 'is not an http(s) URL';
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return 'is not an http(s) URL';
    if (url.username !== '' || url.password !== '')
        return 'carries credentials';
    if (url.origin !== hubUrl.origin)
        return `is not on the hub's origin (${hubUrl.origin})`;
    return undefined;
}
/** A value the hub sent, quoted as one inert line (whatever it is: a string, a number, an object). */
function show(value) {
    const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
    return JSON.stringify((0,sanitize/* sanitizeServerText */.c8)(text, 160));
}

;// CONCATENATED MODULE: ./src/upload/disk-blob.ts
// A planned file as a Blob, read only when asked and only the range asked: what @huggingface/hub
// gets for each file it hashes and uploads, so that a 10 GB file is streamed, never held. The
// action's fetch (library-fetch.ts) recognises these blobs and streams them from disk (re-opened for
// a retry), and the library's hashing reads them through `stream()`. Every read opens the file
// through openPlannedFile (planned-file.ts): the planned file or nothing.


/** Reads in 1 MiB chunks: fewer, larger writes to the socket and the hash. */
const READ_CHUNK_BYTES = 1024 * 1024;
class DiskBlob extends Blob {
    file;
    /** An own property: it shadows the native accessor, which would report the empty parent's 0. */
    size;
    #start;
    #end;
    /** `end` is exclusive; a whole file is `new DiskBlob(file, 0, file.size)`. */
    constructor(
    /** The file the plan chose; slices keep it. */
    file, start, end) {
        super([]);
        this.file = file;
        this.#start = start;
        this.#end = end;
        this.size = end - start;
    }
    /** What the blob is, for messages: its path in the repository. */
    get label() {
        return this.file.pathInRepo;
    }
    /** Where the blob starts in the file. */
    get offset() {
        return this.#start;
    }
    slice(start = 0, end = this.size) {
        const from = Math.max(0, Math.min(this.size, start < 0 ? this.size + start : start));
        const to = Math.max(from, Math.min(this.size, end < 0 ? this.size + end : end));
        return new DiskBlob(this.file, this.#start + from, this.#start + to);
    }
    /** The bytes as a Node stream (what the action's fetch sends). */
    openStream() {
        if (this.size === 0)
            return external_node_stream_.Readable.from([]);
        return external_node_stream_.Readable.from(this.#chunks(), { objectMode: false });
    }
    async *#chunks() {
        const file = await openPlannedFile(this.file);
        try {
            for (let position = this.#start; position < this.#end;) {
                const buffer = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, this.#end - position));
                const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
                if (bytesRead === 0)
                    throw new Error(`${this.label} is shorter than when it was measured`);
                position += bytesRead;
                yield buffer.subarray(0, bytesRead);
            }
        }
        finally {
            await file.close();
        }
    }
    /**
     * The bytes as a web stream (what the library's sha256 reads), pulled straight from the file one
     * chunk at a time: no Node stream adapted to a web stream in between, which costs a third more
     * CPU and garbage collection on a large file.
     */
    stream() {
        const planned = this.file;
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
                file ??= await openPlannedFile(planned);
                const buffer = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, end - position));
                const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
                if (bytesRead === 0) {
                    await close();
                    controller.error(new Error(`${planned.pathInRepo} is shorter than when it was measured`));
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
        const file = await openPlannedFile(this.file);
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
// EXTERNAL MODULE: ./src/http/headers.ts
var headers = __webpack_require__(9718);
// EXTERNAL MODULE: ./src/http/refusal.ts
var http_refusal = __webpack_require__(5424);
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
/** A non-2xx answer of the hub to a request of the upload, as an error with what to do. */
function hubRefusal(response, context) {
    const refusal = (0,http_refusal/* readRefusal */.ni)(response, { secrets: context.secrets });
    const status = refusal.status;
    const errorCode = (0,sanitize/* sanitizeServerText */.c8)((0,headers/* headerValue */.Z)(response.headers, 'x-error-code') ?? '', 40).replace(/[^\w.-]/g, '');
    return new errors/* RemoteError */.Hi(`${context.what} was refused by ${context.hubHost}: HTTP ${status}${errorCode ? ` ${errorCode}` : ''}` +
        `${(0,http_refusal/* quoted */.TL)(refusal.text)}${(0,http_refusal/* requestIdNote */.dF)(refusal.requestId)}`, {
        code: 'HUB_REFUSED',
        transient: refusal.transient,
        retryAfterMs: refusal.retryAfterMs,
        requestId: refusal.requestId,
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
    // Only the error's <Code>, an identifier: the body can echo request headers, so it is not quoted.
    const code = /<Code>([A-Za-z]{1,60})<\/Code>/.exec(response.body)?.[1];
    const { status, transient, retryAfterMs, requestId } = (0,http_refusal/* readRefusal */.ni)(response, { secrets: [], quote: false });
    return new errors/* RemoteError */.Hi(`${what} was refused by the storage host ${(0,sanitize/* sanitizeServerText */.c8)(host, 100)}: HTTP ${status}` +
        `${code ? ` ${code}` : ''}${requestId ? ` (request id: ${requestId})` : ''}`, {
        code: 'STORAGE_REFUSED',
        transient,
        retryAfterMs,
        requestId,
        hint: code === 'BadDigest'
            ? 'The bytes sent did not match the file measured before the upload: do not change the files to upload ' +
                'while the action runs.'
            : status === 403
                ? 'The upload URL the hub handed out was refused (it may have expired during a long upload); re-run ' +
                    'the job, and report it to Hugging Face if it persists.'
                : transient
                    ? "The Hub's storage may be having trouble; re-run the job later."
                    : 'Re-run the job; if it persists, report it to Hugging Face with the request id.',
    });
}

// EXTERNAL MODULE: ./src/http/request.ts + 6 modules
var http_request = __webpack_require__(2081);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(8902);
// EXTERNAL MODULE: ./src/about.ts + 1 modules
var about = __webpack_require__(4543);
;// CONCATENATED MODULE: ./src/upload/transport.ts
// Every request of an upload goes through here, whoever builds it (the action's own Hub calls in
// hub-api.ts, or @huggingface/hub through library-fetch.ts), on the action's one HTTP stack
// (http/request.ts: proxies, TLS, no redirects):
// - the Hub token is attached to requests for the hub (its origin and path) only, fetched fresh for
//   each attempt (hub/token-holder.ts); a storage or Xet host never receives it, whatever a caller asks;
// - uploads are bounded by inactivity, not total time: a 10 GB file may take an hour, but a request
//   where no byte moves for `timeout-seconds` has stalled and is retried; an answer, once it starts,
//   must arrive whole within ANSWER_LIMIT_FACTOR × `timeout-seconds`;
// - what is transient (http/transient.ts) is retried with the action's policy (http/retry.ts: full
//   jitter, the server's Retry-After, `max-attempts` per request), each retry logged on one line.






/**
 * How long the hub may take to answer once it has a whole request: a commit of many files, or the
 * completion of a multipart upload of tens of GB (storage assembles the parts first), take a while;
 * other calls are quick. Until the request is sent, the inactivity limit (`timeout-seconds`) applies.
 */
const PROCESSING_MS = { quick: 60_000, slow: 180_000 };
/**
 * An answer (headers to last byte) may take this many times the inactivity limit, 60 s with the
 * default `timeout-seconds`: the largest answer read (64 MiB) arrives in that time at about 1 MiB/s,
 * and a body dripping a byte at a time, which never trips the inactivity limit, is cut. Only the
 * answer is bounded this way: a request body (a file of many GB) keeps the inactivity rule alone.
 */
const ANSWER_LIMIT_FACTOR = 4;
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
        return (0,http_request/* sendRequest */.w)({
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
                answer: {
                    ms: ANSWER_LIMIT_FACTOR * this.options.idleMs,
                    label: `the answer limit, ${ANSWER_LIMIT_FACTOR} × input \`timeout-seconds\``,
                },
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
    const { requestId, retryAfterMs } = (0,http_refusal/* readRefusal */.ni)(response, { secrets: [], quote: false });
    return new errors/* RemoteError */.Hi(`${capitalise(request.what)} was answered HTTP ${response.status}${(0,http_refusal/* requestIdNote */.dF)(requestId)}`, { code: 'HUB_REFUSED', transient: true, retryAfterMs, requestId });
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







/**
 * The most pages a listing is followed for: the Hub lists 1,000 files a page and advises fewer
 * than 100,000 files per repository (100 pages), so 1,000 pages is ten times any sane repository;
 * a `Link: next` that never ends is stopped there.
 */
const MAX_LISTING_PAGES = 1000;
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
        const url = this.#url(`preupload/${encodeURIComponent(this.settings.revision)}`);
        if (this.settings.createPr)
            url.searchParams.set('create_pr', '1');
        for (let start = 0; start < files.length; start += PREUPLOAD_CHUNK) {
            const chunk = files.slice(start, start + PREUPLOAD_CHUNK);
            const payload = {
                files: await Promise.all(chunk.map(async (file) => ({
                    path: file.pathInRepo,
                    size: file.size,
                    sample: (await readSample(file)).toString('base64'),
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
                    uploadMode: mode,
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
    /**
     * Every file path at `revision` (the tree, recursive, following the Link pagination), up to
     * MAX_LISTING_PAGES pages; a page seen before (same URL or same body) ends it with an error too.
     */
    async listFiles(revision) {
        const paths = [];
        let url = this.#url(`tree/${encodeURIComponent(revision)}`);
        url.searchParams.set('recursive', 'true');
        const seen = new Set();
        for (let page = 1; url; page++) {
            if (page > MAX_LISTING_PAGES) {
                throw this.#endlessListing(`did not end after ${MAX_LISTING_PAGES} pages`);
            }
            if (seen.has(url.href))
                throw this.#endlessListing(`repeated a page (page ${page})`);
            seen.add(url.href);
            const response = await this.transport.send({
                method: 'GET',
                url,
                headers: { Accept: 'application/json' },
                what: `listing the files of ${this.#repoDisplay}`,
            }, this.refusal(`Listing the files of ${this.#repoDisplay}`));
            const digest = (0,external_node_crypto_.createHash)('sha256').update(response.body).digest('hex');
            if (seen.has(digest))
                throw this.#endlessListing(`repeated a page (page ${page})`);
            seen.add(digest);
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
    #endlessListing(problem) {
        return new errors/* RemoteError */.Hi(`The hub's listing of the files of ${this.#repoDisplay} ${problem}.`, {
            code: 'MALFORMED_RESPONSE',
            transient: false,
            hint: 'A repository on the Hub lists in far fewer pages: check that `hub-url` points at a Hugging Face Hub. ' +
                'If it does, report it with the x-request-id in the debug log; meanwhile, leave `delete` empty.',
        });
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
async function readSample(planned) {
    const length = Math.min(SAMPLE_BYTES, planned.size);
    if (length === 0)
        return Buffer.alloc(0);
    const file = await openPlannedFile(planned);
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
async function gitBlobSha1OfFile(planned) {
    const hash = (0,external_node_crypto_.createHash)('sha1').update(`blob ${planned.size}\0`);
    if (planned.size === 0)
        return hash.digest('hex');
    const file = await openPlannedFile(planned);
    try {
        // `end`: never more than the planned size, even if the file grows while it is hashed.
        for await (const chunk of file.createReadStream({
            start: 0,
            end: planned.size - 1,
            autoClose: false,
        }))
            hash.update(chunk);
    }
    finally {
        await file.close();
    }
    return hash.digest('hex');
}

// EXTERNAL MODULE: ./src/http/fetch-adapter.ts
var fetch_adapter = __webpack_require__(2522);
;// CONCATENATED MODULE: ./src/upload/received-credentials.ts
// Credentials the hub hands out during an upload, besides its own token: the Xet CAS access token
// (in the LFS batch answer's `X-Xet-Access-Token` header, and in the xet-write-token answer's
// `accessToken`), and any Authorization header a batch answer gives for a storage host. They are
// found in every hub answer @huggingface/hub reads, at any depth, before the library sees it, so
// the caller can mask them at once and cut them out of every later message.

/** The field and header names (compared case-insensitively) under which a credential is handed out. */
const CREDENTIAL_NAMES = new Set([
    'accesstoken',
    'access_token',
    'x-xet-access-token',
    'authorization',
    'refresh_token',
    'id_token',
]);
/**
 * Every credential in a hub answer's JSON body (none when it is not JSON). An Authorization value
 * gives its credential without the scheme: masking `Bearer` or `Basic` would blank the word from
 * the whole log.
 */
function findReceivedCredentials(body) {
    return (0,json/* collectCredentialsOfBody */.MH)(body, CREDENTIAL_NAMES)
        .map((value) => /^[A-Za-z][\w-]*\s+(\S+)$/.exec(value.trim())?.[1] ?? value)
        .filter((value) => value.length >= 8);
}

;// CONCATENATED MODULE: ./src/upload/library-fetch.ts
// The upload's `fetch` for @huggingface/hub, layered on the shared adapter (http/fetch-adapter.ts):
// the library speaks the protocol (preupload, the LFS batch
// call that offers Xet and falls back to basic or multipart transfers, the PUTs, the Xet CAS), and
// every request it makes goes out through the action's transport instead of Node's fetch, which
// buffers large request bodies and ignores HTTPS_PROXY. So each request gets the action's token
// rule (hub only), inactivity limit, retries and progress. Three requests are the action's own:
// - the preupload is answered from the action's preupload of the same files at the same revision
//   (remote-plan.ts made it to compare files), so both agree on which files go through LFS;
// - an upload's body, a DiskBlob, is streamed from disk (and re-streamed for a retry);
// - the commit is handed to the action (commit.ts), which streams its own body.
// Every answer of the hub is searched for credentials (the Xet token) before the library reads it.







/**
 * A `fetch` for @huggingface/hub: the shared adapter (http/fetch-adapter.ts) over the upload's
 * transport, with the upload's policy on top. `tally` counts what storage received.
 */
function createLibraryFetch(options, tally) {
    const { transport } = options;
    const parts = new WeakMap();
    /** Multipart completion URLs handed out by batch answers (signed: sent without the token). */
    const completions = new Set();
    /** A hub answer, its credentials handed over first (received-credentials.ts). */
    const fromHub = (response) => {
        for (const credential of findReceivedCredentials(response.body))
            options.onCredential(credential);
        return response;
    };
    const send = async ({ url, method, headers, body, signal, init }) => {
        if (method !== 'GET' && method !== 'POST' && method !== 'PUT') {
            throw new Error(`@huggingface/hub made a ${method} request, which the action does not send`);
        }
        const onHub = transport.isHub(url);
        if (onHub && method === 'POST' && /\/preupload\/[^/]+$/.test(url.pathname) && typeof body === 'string') {
            const cached = answerFromPreupload(body, options.preuploaded);
            if (cached)
                return {
                    status: 200,
                    headers: { 'content-type': 'application/json' },
                    body: cached,
                    bytes: Buffer.from(cached),
                };
        }
        if (onHub && method === 'POST' && /\/commit\/[^/]+$/.test(url.pathname) && typeof body === 'string') {
            return options.commit(body, signal);
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
            return fromHub(response);
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
        return onHub ? fromHub(response) : response;
    };
    return (0,fetch_adapter/* createFetchAdapter */.U)({ send, streamBody: streamFromDisk });
}
/** File content the library hands over as a DiskBlob: streamed from disk, never read whole. */
function streamFromDisk(body) {
    if (!(body instanceof DiskBlob))
        return undefined;
    return {
        length: body.size,
        description: body.label,
        open: () => body.openStream(),
        file: { open: () => openPlannedFile(body.file), start: body.offset },
    };
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

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/upload/patterns.ts
// `include`, `exclude` and `delete` patterns, with the semantics of `hf upload` (huggingface_hub
// utils/_paths.py `filter_repo_objects`): Python's fnmatch.fnmatchcase on `/`-separated paths, so
// `*` also matches `/` (`data/*.json` matches `data/a/b.json`), `?` one character, `[seq]` and
// `[!seq]` a set; matching is case-sensitive; `\` in a pattern is a path separator; a pattern
// ending in `/` means everything below that folder (`logs/` is `logs/*`).


/** Compiles a pattern; throws InputError naming `input` when it cannot be one. */
function compilePattern(source, input) {
    const normalised = source.replace(/\\/g, '/');
    const pattern = normalised.endsWith('/') ? `${normalised}*` : normalised;
    let expression;
    try {
        expression = new RegExp(`^(?:${translate(pattern)})$`, 'su');
    }
    catch {
        throw new errors/* InputError */.dz(`Input \`${input}\` has a pattern that cannot be used: ${(0,sanitize/* quoteForMessage */.Hx)(source)}.`, {
            hint: 'Patterns are globs: `*` (any characters, `/` included), `?` (one character), `[abc]`, `[a-z]`, `[!abc]`.',
        });
    }
    return { source, test: (path) => expression.test(path) };
}
/** Python's fnmatch.translate, as a JavaScript regular expression body (for the `su` flags). */
function translate(pattern) {
    const characters = Array.from(pattern);
    let out = '';
    let index = 0;
    while (index < characters.length) {
        const character = characters[index++] ?? '';
        if (character === '*') {
            while (characters[index] === '*')
                index++;
            out += '.*';
        }
        else if (character === '?') {
            out += '.';
        }
        else if (character === '[') {
            let end = index;
            if (characters[end] === '!')
                end++;
            if (characters[end] === ']')
                end++;
            while (end < characters.length && characters[end] !== ']')
                end++;
            if (end >= characters.length) {
                out += '\\[';
                continue;
            }
            let set = characters.slice(index, end).join('');
            index = end + 1;
            let negated = false;
            if (set.startsWith('!')) {
                negated = true;
                set = set.slice(1);
            }
            // Inside a set, fnmatch treats everything literally except `-` ranges; so does this.
            const body = Array.from(set)
                .map((member, position) => member === '-' && position > 0 && position < set.length - 1 ? '-' : escapeInSet(member))
                .join('');
            out += negated ? `[^${body}]` : body === '' ? '(?!)' : `[${body}]`;
        }
        else {
            out += escapeLiteral(character);
        }
    }
    return out;
}
function escapeLiteral(character) {
    return /[\\^$.*+?()[\]{}|/]/.test(character) ? `\\${character}` : character;
}
function escapeInSet(character) {
    return /[\\\]^[-]/.test(character) ? `\\${character}` : character;
}
/** Patterns from an input, compiled; each remembers whether it matched anything. */
class PatternSet {
    #patterns;
    #matched = new Set();
    constructor(sources, input) {
        this.#patterns = sources.map((source) => compilePattern(source, input));
    }
    get isEmpty() {
        return this.#patterns.length === 0;
    }
    /** Whether any pattern matches `path`; every matching pattern is recorded as used. */
    matches(path) {
        let any = false;
        for (const pattern of this.#patterns) {
            if (pattern.test(path)) {
                this.#matched.add(pattern.source);
                any = true;
            }
        }
        return any;
    }
    /** Whether any pattern matches `path`, without recording anything. */
    peek(path) {
        return this.#patterns.some((pattern) => pattern.test(path));
    }
    /** The patterns that matched nothing so far, as the user wrote them. */
    unmatched() {
        return this.#patterns.filter((pattern) => !this.#matched.has(pattern.source)).map((pattern) => pattern.source);
    }
}

;// CONCATENATED MODULE: ./src/upload/plan.ts
// What `upload` will send, read from disk before the exchange, so that every mistake in the inputs
// or in the folder fails the step before a token exists and before any byte leaves the runner:
// the path missing, a folder empty after the filters, an `include` pattern that matches nothing,
// something that is not a file, a file larger than the Hub accepts, more files than a repository
// should hold.
//
// Only what the workflow names leaves the runner, judged by real paths (realpath), not by names:
// - a relative `upload` (or an absolute one inside GITHUB_WORKSPACE) is content of the checkout: its
//   real path must stay inside the workspace's, so `build -> $HOME` in checked-out code publishes
//   nothing; an absolute path elsewhere (`${{ runner.temp }}/out`) is the workflow's own and is
//   taken as it resolves. No real root inside a `.git` folder.
// - inside, a symlink is judged by where it really points: outside the root, or into a `.git`
//   folder or `.cache/huggingface/`, or to a file `exclude` leaves out: refused, naming the link
//   (unless `include`/`exclude` leave the link itself out). A link to a folder is refused too: the
//   folder is walked under its own path, and following links between folders would read folders
//   again and again (`d_i/{a,b} -> ../d_{i+1}` doubles the plan at each level). A link to a file in
//   the folder is uploaded at the link's path, as before.
// - each real folder is walked once (by device and inode: a bind mount cannot make a loop), and the
//   walk stops as soon as the plan passes MAX_PLANNED_FILES.
// - each planned file records its device and inode; planned-file.ts reads it only if it is still
//   that file. (A process racing the walk itself, on the runner, is out of reach: it could read the
//   files itself.)
//
// Walk rules (as `hf upload`): any `.git` path component and `.cache/huggingface/` (huggingface_hub's
// own upload state) are always left out; include/exclude are matched against paths relative to
// `upload` (patterns.ts); the result keeps a stable order (sorted by path in the repository).





/** The largest file the Hub accepts (hub-docs storage-limits.md: 500 GB per file). */
const MAX_FILE_BYTES = 500 * 1000 ** 3;
/**
 * The most files one upload plans (hub-docs storage-limits.md: fewer than 100k files per
 * repository). A plan past it is refused as soon as the walk finds file 100,001.
 */
const MAX_PLANNED_FILES = 100_000;
const LINK_HINT = 'Copy the file into the folder instead of linking it, or exclude the link with `exclude`.';
/** Reads `upload` from disk and applies the rules above. Throws InputError with what to fix. */
async function planUpload(settings, limits = { maxFiles: MAX_PLANNED_FILES }) {
    const given = (0,sanitize/* quoteForMessage */.Hx)(settings.given);
    await (0,promises_.lstat)(settings.localPath).catch((error) => {
        throw new errors/* InputError */.dz(`Input \`upload\` ${given} does not exist (looked for ${(0,sanitize/* quoteForMessage */.Hx)(settings.localPath)}: ${describeFsError(error)}).`, {
            hint: 'A relative `upload` is resolved against GITHUB_WORKSPACE. Check the path, and that an earlier ' +
                'step of this job wrote it there.',
        });
    });
    const rootReal = await (0,promises_.realpath)(settings.localPath).catch((error) => {
        throw new errors/* InputError */.dz(`Input \`upload\` ${given} cannot be resolved (${describeFsError(error)}): it is, or goes through, a broken symlink.`, { hint: 'Check the path, and the symlinks on the way to it.' });
    });
    await checkRoot(settings, rootReal);
    const rootStats = await (0,promises_.stat)(rootReal, { bigint: true });
    if (rootStats.isFile()) {
        if (settings.include.length > 0 || settings.exclude.length > 0) {
            throw new errors/* InputError */.dz(`\`include\` and \`exclude\` select files inside a folder, but \`upload\` ${given} is a single file.`, { hint: 'Remove `include`/`exclude`, or set `upload` to the folder that holds the files.' });
        }
        const name = (0,external_node_path_.basename)(settings.localPath);
        const pathInRepo = settings.pathInRepo && !settings.pathInRepoIsFolder
            ? settings.pathInRepo
            : [settings.pathInRepo, name].filter(Boolean).join('/');
        const size = Number(rootStats.size);
        checkSize(size, settings.given);
        const file = {
            pathInRepo,
            localPath: rootReal,
            relativePath: name,
            size,
            identity: { device: rootStats.dev, inode: rootStats.ino },
        };
        checkRepoPath(file);
        return {
            kind: 'file',
            files: [file],
            totalBytes: file.size,
            deleteBase: pathInRepo.includes('/') ? pathInRepo.slice(0, pathInRepo.lastIndexOf('/')) : '',
            excludedByPatterns: 0,
            skippedGitEntries: 0,
        };
    }
    if (!rootStats.isDirectory()) {
        throw new errors/* InputError */.dz(`Input \`upload\` ${given} is neither a file nor a folder.`);
    }
    const include = new PatternSet(settings.include, 'include');
    const exclude = new PatternSet(settings.exclude, 'exclude');
    const prefix = settings.pathInRepo ?? '';
    const files = [];
    let excludedByPatterns = 0;
    let skippedGitEntries = 0;
    /** Whether a path (relative to the folder) is selected by include/exclude. */
    const selected = (relativePath) => {
        const included = include.isEmpty || include.matches(relativePath);
        if (!included || exclude.matches(relativePath)) {
            excludedByPatterns++;
            return false;
        }
        return true;
    };
    /** Whether a link in the folder would be uploaded, were it followed (without recording pattern use). */
    const wanted = (relativePath, isDirectory) => isDirectory
        ? !exclude.peek(relativePath) && !exclude.peek(`${relativePath}/`)
        : (include.isEmpty || include.peek(relativePath)) && !exclude.peek(relativePath);
    /** Real folders already walked, by device and inode. */
    const walked = new Set();
    /** Walks the real folder `directory` (`relativeDirectory` from the root, `/`-separated). */
    const walk = async (directory, relativeDirectory) => {
        const self = await (0,promises_.lstat)(directory, { bigint: true });
        const key = `${self.dev}:${self.ino}`;
        // Some file systems (network shares on Windows, FAT) report no inode: nothing to compare then.
        if (self.ino !== 0n && walked.has(key)) {
            throw new errors/* InputError */.dz(`The folder ${(0,sanitize/* quoteForMessage */.Hx)(relativeDirectory || '.')} in \`upload\` is a folder already read under ` +
                `another path (a bind mount?): refused, so that no folder is read twice.`, { hint: 'Upload the folder from one place only.' });
        }
        walked.add(key);
        const entries = [];
        for await (const entry of await (0,promises_.opendir)(directory))
            entries.push(entry.name);
        entries.sort();
        for (const name of entries) {
            const relativePath = relativeDirectory === '' ? name : `${relativeDirectory}/${name}`;
            if (name === '.git' || /(^|\/)\.cache\/huggingface$/.test(relativePath)) {
                skippedGitEntries++;
                continue;
            }
            const path = (0,external_node_path_.join)(directory, name);
            const entry = await (0,promises_.lstat)(path, { bigint: true });
            if (entry.isSymbolicLink()) {
                await followLink(path, relativePath, directory);
                continue;
            }
            if (entry.isDirectory()) {
                await walk(path, relativePath);
                continue;
            }
            if (!entry.isFile()) {
                if (selected(relativePath))
                    refuseSpecialFile(relativePath);
                continue;
            }
            if (selected(relativePath))
                add(relativePath, path, entry);
        }
    };
    /** A symlink in the folder: judged by where it really points (see the rules at the top). */
    const followLink = async (path, relativePath, directory) => {
        const link = (0,sanitize/* quoteForMessage */.Hx)(relativePath);
        const target = await (0,promises_.realpath)(path).catch((error) => {
            throw new errors/* InputError */.dz(`The symlink ${link} in \`upload\` is broken (${describeFsError(error)}).`, {
                hint: 'Remove it, or exclude it with `exclude`.',
            });
        });
        const targetStats = await (0,promises_.stat)(target, { bigint: true });
        if (!wanted(relativePath, targetStats.isDirectory())) {
            // Counted as left out, and, for a file, recorded against `include` as any file is.
            if (targetStats.isDirectory())
                excludedByPatterns++;
            else
                selected(relativePath);
            return;
        }
        if (!isInside(rootReal, target)) {
            // A link to a folder outside is refused even when its files would be excluded: what is below
            // it cannot be listed without reading outside the folder.
            throw new errors/* InputError */.dz(`The symlink ${link} in \`upload\` points outside it, to ${(0,sanitize/* quoteForMessage */.Hx)(target)}: refused, so that a ` +
                `symlink in checked-out code (a pull_request_target run, for example) cannot publish files of the runner.`, { hint: LINK_HINT });
        }
        const targetInRoot = (0,external_node_path_.relative)(rootReal, target);
        const shownTarget = (0,sanitize/* quoteForMessage */.Hx)(targetInRoot.split(external_node_path_.sep).join('/') || '.');
        if (isNeverUploaded(targetInRoot)) {
            throw new errors/* InputError */.dz(`The symlink ${link} in \`upload\` points to ${shownTarget}, inside a \`.git\` or \`.cache/huggingface\` ` +
                `folder, which never leaves the runner: refused (a checkout's .git/config can hold its credentials).`, { hint: 'Remove the link, or exclude it with `exclude`.' });
        }
        if (targetStats.isDirectory()) {
            const loop = isInside(target, directory);
            throw new errors/* InputError */.dz(loop
                ? `The symlink ${link} in \`upload\` makes a loop (it points to ${shownTarget}, a folder that contains it).`
                : `The symlink ${link} in \`upload\` points to the folder ${shownTarget}: links to folders are not ` +
                    `followed, so that each folder is read once, under its own path (links between folders could ` +
                    `otherwise multiply the files without end).`, {
                hint: `Exclude the link (\`exclude: ${relativePath}/\`)` +
                    (loop ? ' or remove it.' : ', or copy the folder if its files must also be at that path.'),
            });
        }
        if (exclude.peek(targetInRoot.split(external_node_path_.sep).join('/'))) {
            throw new errors/* InputError */.dz(`The symlink ${link} in \`upload\` points to ${shownTarget}, which \`exclude\` leaves out: refused, so ` +
                `that a link cannot publish what the workflow excluded.`, { hint: 'Remove the link, or exclude it too.' });
        }
        if (!targetStats.isFile()) {
            if (selected(relativePath))
                refuseSpecialFile(relativePath);
            return;
        }
        if (selected(relativePath))
            add(relativePath, target, targetStats);
    };
    const add = (relativePath, localPath, stats) => {
        if (files.length >= limits.maxFiles) {
            throw new errors/* InputError */.dz(`\`upload\` ${given} holds more than ${limits.maxFiles.toLocaleString('en-US')} files to upload: ` +
                `refused, as the Hub advises fewer than 100,000 files per repository (the walk stopped there).`, {
                hint: 'Narrow `upload`, `include` and `exclude`, or pack small files into archives or Parquet shards; ' +
                    'check for a link or a generated folder that adds files you did not mean to publish.',
            });
        }
        const size = Number(stats.size);
        checkSize(size, relativePath);
        const file = {
            pathInRepo: prefix === '' ? relativePath : `${prefix}/${relativePath}`,
            localPath,
            relativePath,
            size,
            identity: { device: stats.dev, inode: stats.ino },
        };
        checkRepoPath(file);
        files.push(file);
    };
    await walk(rootReal, '').catch((error) => {
        if (error instanceof errors/* InputError */.dz)
            throw error;
        const path = error?.path;
        throw new errors/* InputError */.dz(`Could not read ${path === undefined ? 'the folder' : (0,sanitize/* quoteForMessage */.Hx)((0,external_node_path_.relative)(rootReal, path) || '.')} in ` +
            `\`upload\` ${given}: ${describeFsError(error)}.`, {
            hint: 'Check the permissions of the files to upload, or exclude what cannot be read with `exclude`.',
            cause: error,
        });
    });
    const unmatched = include.unmatched();
    if (unmatched.length > 0) {
        throw new errors/* InputError */.dz(`${unmatched.length === 1 ? 'This `include` pattern matches' : 'These `include` patterns match'} no file ` +
            `in \`upload\` ${given}: ${unmatched.map((pattern) => (0,sanitize/* quoteForMessage */.Hx)(pattern)).join(', ')}.`, {
            hint: 'Patterns are matched against paths relative to `upload`, case-sensitively; `*` also matches `/`. ' +
                'Fix the pattern, or remove it if the files are optional.',
        });
    }
    if (files.length === 0 && settings.deletePatterns.length === 0) {
        const why = excludedByPatterns > 0
            ? `all ${excludedByPatterns} of its files are left out by \`include\`/\`exclude\``
            : skippedGitEntries > 0
                ? 'it holds nothing but `.git`'
                : 'it is empty';
        throw new errors/* InputError */.dz(`Nothing to upload: \`upload\` ${given} is a folder, but ${why}.`, {
            hint: 'Check `upload` and the patterns; an earlier step of the job may not have written the files.',
        });
    }
    files.sort((a, b) => (a.pathInRepo < b.pathInRepo ? -1 : a.pathInRepo > b.pathInRepo ? 1 : 0));
    const seen = new Set();
    for (const file of files) {
        if (seen.has(file.pathInRepo))
            throw new errors/* InputError */.dz(`Two files would go to ${(0,sanitize/* quoteForMessage */.Hx)(file.pathInRepo)}.`);
        seen.add(file.pathInRepo);
    }
    return {
        kind: 'directory',
        files,
        totalBytes: files.reduce((sum, file) => sum + file.size, 0),
        deleteBase: prefix,
        excludedByPatterns,
        skippedGitEntries,
    };
}
/**
 * The root's real path against the workspace rule: content of the checkout must resolve inside the
 * workspace, and nothing inside a `.git` folder is uploaded. Throws InputError.
 */
async function checkRoot(settings, rootReal) {
    const given = (0,sanitize/* quoteForMessage */.Hx)(settings.given);
    if (settings.workspace !== undefined) {
        const workspaceReal = await (0,promises_.realpath)(settings.workspace).catch(() => settings.workspace ?? '');
        if (!isInside(workspaceReal, rootReal)) {
            throw new errors/* InputError */.dz(`Input \`upload\` ${given} resolves to ${(0,sanitize/* quoteForMessage */.Hx)(rootReal)}, outside the workspace ` +
                `(GITHUB_WORKSPACE): refused, because a path in the workspace is content of the checkout, and a ` +
                `symlink there (in a pull_request_target run, for example) could publish files of the runner.`, {
                hint: 'Upload a folder that is really inside the workspace. For files the workflow writes itself ' +
                    'elsewhere, give an absolute path outside the workspace, for example under `${{ runner.temp }}`.',
            });
        }
    }
    if (rootReal.split(/[\\/]/).includes('.git')) {
        throw new errors/* InputError */.dz(`Input \`upload\` ${given} resolves to ${(0,sanitize/* quoteForMessage */.Hx)(rootReal)}, inside a \`.git\` folder, which never ` +
            `leaves the runner (a checkout's .git/config can hold its credentials).`, { hint: 'Upload the files themselves, not the repository metadata.' });
    }
}
/** Whether `path` is `folder` or below it (both absolute, resolved). */
function isInside(folder, path) {
    const fromFolder = (0,external_node_path_.relative)(folder, path);
    return fromFolder === '' || (fromFolder !== '..' && !fromFolder.startsWith(`..${external_node_path_.sep}`) && !(0,external_node_path_.isAbsolute)(fromFolder));
}
/** Whether a path relative to the root lies in what is never uploaded: `.git`, `.cache/huggingface`. */
function isNeverUploaded(pathInRoot) {
    const parts = pathInRoot.split(external_node_path_.sep);
    return parts.includes('.git') || parts.some((part, index) => part === '.cache' && parts[index + 1] === 'huggingface');
}
function checkSize(size, name) {
    if (size > MAX_FILE_BYTES) {
        throw new errors/* InputError */.dz(`${(0,sanitize/* quoteForMessage */.Hx)(name)} is ${formatBytes(size)}: the Hub accepts files of at most ` +
            `${formatBytes(MAX_FILE_BYTES)} (500 GB).`, { hint: 'Split it into smaller files (for model weights, shards), or exclude it with `exclude`.' });
    }
}
function checkRepoPath(file) {
    if (/[\p{Cc}]/u.test(file.pathInRepo)) {
        throw new errors/* InputError */.dz(`The file ${(0,sanitize/* quoteForMessage */.Hx)(file.relativePath)} has a control character in its name, which the Hub refuses.`, { hint: 'Rename it, or exclude it with `exclude`.' });
    }
}
function refuseSpecialFile(relativePath) {
    throw new errors/* InputError */.dz(`${(0,sanitize/* quoteForMessage */.Hx)(relativePath)} in \`upload\` is not a regular file (a socket, pipe or device): it cannot ` +
        `be uploaded.`, { hint: 'Exclude it with `exclude`.' });
}
function describeFsError(error) {
    const code = error?.code;
    return code === 'ENOENT'
        ? 'no such file or folder'
        : code === 'EACCES'
            ? 'permission denied'
            : (code ?? 'unreadable');
}
/** Bytes in binary units, for messages and progress lines ("512.0 MiB", "1.2 GiB"). */
function formatBytes(bytes) {
    const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit] ?? ''}`;
}

;// CONCATENATED MODULE: ./src/upload/progress.ts
// Progress for long uploads, readable in a step log: one line when a large file starts uploading
// and one when it ends (size, time, rate), and in between at most one summary line per interval,
// whatever the number of files or events. It is fed @huggingface/hub's commit progress events
// (hashing and uploading fractions per file, phases) and the action's own commit-body bytes, and
// it never prints per-event. The clock is injectable so the throttling is unit-tested.

/** Files from this size on get their own start and end lines. */
const LARGE_FILE_BYTES = 100 * 1024 * 1024;
/** At most one summary line per this interval. */
const PROGRESS_INTERVAL_MS = 10_000;
class UploadProgress {
    #files = new Map();
    #log;
    #now;
    #intervalMs;
    #largeFileBytes;
    #phase = 'hashing';
    #lastLineAt;
    #phaseStartedAt;
    #commitSent = 0;
    #commitTotal = 0;
    #filesSent = 0;
    #bytesSent = 0;
    #alreadyStored = 0;
    constructor(lfsFiles, options) {
        this.#log = options.log;
        this.#now = options.now ?? (() => Date.now());
        this.#intervalMs = options.intervalMs ?? PROGRESS_INTERVAL_MS;
        this.#largeFileBytes = options.largeFileBytes ?? LARGE_FILE_BYTES;
        for (const file of lfsFiles) {
            this.#files.set(file.path, { size: file.size, hashed: 0, uploaded: 0, startedAt: undefined, done: false });
        }
        this.#lastLineAt = this.#now();
        this.#phaseStartedAt = this.#lastLineAt;
    }
    /** One event of @huggingface/hub's commitIter. */
    onEvent(event) {
        if (event.event === 'phase') {
            const phase = event.phase === 'uploadingLargeFiles' ? 'uploading' : event.phase === 'committing' ? 'committing' : 'hashing';
            if (phase !== this.#phase) {
                this.#phase = phase;
                this.#phaseStartedAt = this.#now();
            }
            return;
        }
        const file = this.#files.get(event.path);
        if (!file || event.state === 'error')
            return;
        if (event.state === 'hashing') {
            file.hashed = Math.max(file.hashed, event.progress);
            this.#phase = 'hashing';
        }
        else {
            this.#onUpload(event.path, file, event.progress);
        }
        this.#maybeSummarise();
    }
    /** The commit request's body: `sent` of `total` bytes so far. */
    onCommitBytes(sent, total) {
        if (this.#phase !== 'committing') {
            this.#phase = 'committing';
            this.#phaseStartedAt = this.#now();
        }
        this.#commitSent = sent;
        this.#commitTotal = total;
        this.#maybeSummarise();
    }
    totals() {
        return { filesSent: this.#filesSent, bytesSent: this.#bytesSent, filesAlreadyStored: this.#alreadyStored };
    }
    #onUpload(path, file, progress) {
        if (file.done)
            return;
        const now = this.#now();
        const large = file.size >= this.#largeFileBytes;
        if (this.#phase !== 'uploading') {
            this.#phase = 'uploading';
            this.#phaseStartedAt = now;
        }
        if (progress >= 1) {
            file.done = true;
            file.uploaded = 1;
            if (file.startedAt === undefined) {
                this.#alreadyStored++;
                if (large)
                    this.#log(`${path} (${formatBytes(file.size)}) is already in the Hub's storage: not sent again.`);
                return;
            }
            this.#filesSent++;
            this.#bytesSent += file.size;
            if (large) {
                const seconds = Math.max(0.001, (now - file.startedAt) / 1000);
                this.#log(`Uploaded ${path} (${formatBytes(file.size)}) in ${formatDuration(seconds)}, ${formatBytes(file.size / seconds)}/s.`);
            }
            return;
        }
        if (file.startedAt === undefined) {
            file.startedAt = now;
            if (large)
                this.#log(`Uploading ${path} (${formatBytes(file.size)})…`);
        }
        file.uploaded = Math.max(file.uploaded, progress);
    }
    #maybeSummarise() {
        const now = this.#now();
        if (now - this.#lastLineAt < this.#intervalMs)
            return;
        const line = this.#summary(now);
        if (line === undefined)
            return;
        this.#lastLineAt = now;
        this.#log(line);
    }
    #summary(now) {
        const elapsedSeconds = Math.max(0.001, (now - this.#phaseStartedAt) / 1000);
        if (this.#phase === 'committing') {
            if (this.#commitTotal === 0)
                return undefined;
            return `… committing: ${formatBytes(this.#commitSent)} of ${formatBytes(this.#commitTotal)} sent (${percent(this.#commitSent, this.#commitTotal)}).`;
        }
        let total = 0;
        let hashed = 0;
        let uploaded = 0;
        let done = 0;
        for (const file of this.#files.values()) {
            total += file.size;
            hashed += file.size * file.hashed;
            uploaded += file.size * file.uploaded;
            if (file.done)
                done++;
        }
        if (total === 0)
            return undefined;
        if (this.#phase === 'hashing') {
            return `… hashing large files: ${formatBytes(hashed)} of ${formatBytes(total)} (${percent(hashed, total)}).`;
        }
        return (`… uploading large files: ${formatBytes(uploaded)} of ${formatBytes(total)} ` +
            `(${percent(uploaded, total)}), ${done} of ${this.#files.size} files done, ${formatBytes(uploaded / elapsedSeconds)}/s.`);
    }
}
function percent(part, whole) {
    return `${whole === 0 ? 100 : Math.floor((part / whole) * 100)}%`;
}
/** "4.2 s", "3 min 05 s", "1 h 02 min". */
function formatDuration(seconds) {
    if (seconds < 60)
        return `${seconds.toFixed(1)} s`;
    const whole = Math.round(seconds);
    if (whole < 3600)
        return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
    return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')} min`;
}

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
            extra.gitAttributes = (await readPlannedFile(file)).toString('utf8');
        if (file.pathInRepo === '.gitignore')
            extra.gitIgnore = (await readPlannedFile(file)).toString('utf8');
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
            if ((await gitBlobSha1OfFile(file)) === answer.files.get(file.pathInRepo)?.oid) {
                unchanged.add(file.pathInRepo);
            }
        }));
    }
    const inline = regular.filter((file) => !unchanged.has(file.pathInRepo));
    const deletions = upload.deletePatterns.length === 0 ? [] : await findDeletions(plan, upload, api, log);
    const inlineChanged = inline.filter((file) => answer.files.get(file.pathInRepo)?.oid !== undefined).length;
    log(`Compared with ${api.webPath}@${upload.revision}${answer.commitOid ? ` (${answer.commitOid.slice(0, 7)})` : ''}: ` +
        `${inline.length} small file${inline.length === 1 ? '' : 's'} to send in the commit (` +
        `${formatBytes(sum(inline))}), ${unchanged.size} unchanged; ` +
        `${lfs.length} large or binary file${lfs.length === 1 ? '' : 's'} for LFS storage (` +
        `${formatBytes(sum(lfs))}, compared once hashed)` +
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
    const patterns = new PatternSet(upload.deletePatterns, 'delete');
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
    /** Credentials the hub handed out during the upload (Xet tokens): masked, and cut out of every message. */
    const received = [];
    const secrets = () => [context.tokens.current.token.accessToken, ...received];
    const api = new HubApi(transport, upload, context.hubUrl, secrets);
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
            const progress = new UploadProgress(remote.lfs.map((file) => ({ path: file.pathInRepo, size: file.size })), { log });
            const current = remote;
            const libraryFetch = createLibraryFetch({
                transport,
                preuploaded: remote.preupload,
                hubRefusal: (what) => api.refusal(what),
                onCredential: (credential) => {
                    if (received.includes(credential))
                        return;
                    context.onSecret(credential);
                    received.push(credential);
                },
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
                        content: new DiskBlob(file, 0, file.size),
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
            const answer = checkCommitAnswer({ commitOid: output.commit.oid, commitUrl: output.commit.url, pullRequestUrl: output.pullRequestUrl }, context.hubUrl);
            const pullRequest = answer.pullRequestUrl
                ? ` (pull request ${answer.pullRequestUrl})`
                : upload.createPr
                    ? ' as a pull request'
                    : '';
            log(`Committed ${answer.commitOid === undefined ? '' : `${answer.commitOid.slice(0, 7)} `}to ` +
                `${api.webPath}@${upload.revision}${pullRequest}: ` +
                `${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.deleted} ` +
                `deleted; ${formatBytes(sent)} sent in ${formatDuration(durationMs / 1000)}.`);
            return {
                kind: 'committed',
                ...answer,
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
            throw uploadFailure(error, {
                tally,
                api,
                upload,
                isHub: (url) => transport.isHub(url),
                isLibraryRefusal: (value) => value instanceof hub.HubApiError,
                secrets: secrets(),
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
            throw new errors/* RemoteError */.Hi(`${(0,errors/* withoutSentenceEnd */.PA)(failure.message)}, and checking whether the commit landed failed too: ${error instanceof Error ? error.message : String(error)}`, {
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
function uploadFailure(error, state) {
    const { tally, api, upload } = state;
    let cause;
    if (error instanceof BranchMoved) {
        cause = new errors/* RemoteError */.Hi(`Other commits kept landing on ${upload.revision} of ${api.webPath} while the action was committing: ` +
            `${(0,errors/* withoutSentenceEnd */.PA)(error.refusal.message)}, twice`, {
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
        const text = onHub
            ? `: ${JSON.stringify((0,sanitize/* sanitizeServerText */.c8)(redactTokenShapes(error.message, state.secrets), 240))}`
            : '';
        cause = new errors/* RemoteError */.Hi(`${onHub ? `The hub ${(0,sanitize/* sanitizeServerText */.c8)(url?.host ?? '', 100)}` : `The storage host ${(0,sanitize/* sanitizeServerText */.c8)(url?.host ?? '?', 100)}`} ` +
            `refused the upload: HTTP ${error.statusCode}${text}${requestId ? ` (request id: ${requestId})` : ''}`, {
            code: onHub ? 'HUB_REFUSED' : 'STORAGE_REFUSED',
            transient: false,
            requestId,
            hint: 'Re-run the job; if it persists, report it to Hugging Face with the request id.',
        });
    }
    else {
        cause = new errors/* RemoteError */.Hi(`@huggingface/hub failed during the upload: ${(0,sanitize/* sanitizeServerText */.c8)(redactTokenShapes(error instanceof Error ? error.message : String(error), state.secrets), 240)}`, { code: 'MALFORMED_RESPONSE', transient: false, cause: error, hint: 'If it persists, report it with this log.' });
    }
    const stored = tally.objects > 0 || tally.bytes > 0
        ? ` ${formatBytes(tally.bytes)} of file content reached the Hub's storage, but no commit refers to it (a ` +
            `re-run does not send it again).`
        : '';
    const outcome = cause.code === 'COMMIT_UNKNOWN'
        ? ' Whether the commit was made is not known.'
        : ` Nothing was committed: ${api.webPath}@${upload.revision} is unchanged.${stored}`;
    return new errors/* ActionError */.lZ(`Uploading to ${api.webPath} failed: ${(0,errors/* withoutSentenceEnd */.PA)(cause.message)}.${outcome}`, {
        code: cause.code,
        hint: cause.hint,
        cause,
    });
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
// The block is always the last thing in the description, so a reader trusts the last one: a
// user's description (or a title, which settings.ts keeps to one line) can imitate it only ahead
// of it.
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
    const workspace = (0,external_node_path_.resolve)(env['GITHUB_WORKSPACE'] || process.cwd());
    const localPath = (0,external_node_path_.isAbsolute)(raw.upload) ? (0,external_node_path_.resolve)(raw.upload) : (0,external_node_path_.resolve)(workspace, raw.upload);
    const fromWorkspace = (0,external_node_path_.relative)(workspace, localPath);
    const inWorkspace = !(0,external_node_path_.isAbsolute)(raw.upload) ||
        fromWorkspace === '' ||
        (fromWorkspace !== '..' && !fromWorkspace.startsWith(`..${external_node_path_.sep}`) && !(0,external_node_path_.isAbsolute)(fromWorkspace));
    return {
        given: raw.upload,
        localPath,
        workspace: inWorkspace ? workspace : undefined,
        pathInRepo: raw.pathInRepo === '' ? undefined : normalisePathInRepo(raw.pathInRepo, 'Input `path-in-repo`'),
        pathInRepoIsFolder: /[\\/]$/.test(raw.pathInRepo),
        include: parsePatterns(raw.include, 'include'),
        exclude: parsePatterns(raw.exclude, 'exclude'),
        deletePatterns: parsePatterns(raw.delete, 'delete'),
        commitMessage: raw.commitMessage === '' ? undefined : parseCommitMessage(raw.commitMessage),
        commitDescription: withoutControlCharacters(raw.commitDescription),
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
/**
 * The commit's title: one line without control characters. A message taken whole from git
 * (`github.event.head_commit.message`) has more lines, which the Hub would keep in the commit
 * message ahead of the provenance block, where they could pass for one.
 */
function parseCommitMessage(raw) {
    if (raw.length > 1000) {
        throw new errors/* InputError */.dz(`Input \`commit-message\` is ${raw.length} characters long (at most 1000).`, {
            hint: 'Put the details in `commit-description`: the message is the commit title.',
        });
    }
    const offending = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u.exec(raw);
    if (offending) {
        const what = /[\r\n\u2028\u2029]/.test(offending[0]) ? 'a line break' : 'a control character';
        throw new errors/* InputError */.dz(`Input \`commit-message\` must be one line without control characters, but it holds ${what} ` +
            `(${(0,sanitize/* quoteForMessage */.Hx)(offending[0])} at character ${offending.index + 1}).`, {
            hint: 'The message is the commit title: give its first line only (for a message from git, cut it in a step ' +
                'before, e.g. `head -n 1`), and put the rest in `commit-description`.',
        });
    }
    return raw;
}
/**
 * `commit-description` without control characters other than newline and tab (a carriage return,
 * an escape sequence, a NUL): it is Markdown on the Hub, and the provenance block follows it.
 */
function withoutControlCharacters(raw) {
    return raw.replace(/\r\n?/g, '\n').replace(/[^\P{Cc}\n\t]/gu, '');
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

// EXTERNAL MODULE: ./src/http/agents.ts
var agents = __webpack_require__(1292);
;// CONCATENATED MODULE: ./src/upload/step.ts
// The upload stage as main.ts sees it, loaded with `await import()` only when `upload` is set, so
// the default path neither loads nor parses any of it (nor @huggingface/hub). Two calls: prepare
// (read the folder and refuse bad input, before the exchange) and commit (after the exchange, with
// the token holder, which keeps the token fresh for the whole upload). Outputs and the summary are written only once the
// commit exists (or it is certain that nothing changed); on failure nothing is.











/** Validates the upload inputs, reads `upload` from disk and refuses what cannot be uploaded. No network. */
async function prepareUpload(settings, raw) {
    const upload = parseUploadInputs(raw, settings.resource);
    const plan = await planUpload(upload);
    const leftOut = [
        plan.excludedByPatterns > 0 ? `${plan.excludedByPatterns} left out by include/exclude` : '',
        plan.skippedGitEntries > 0 ? '.git skipped' : '',
    ].filter(Boolean);
    const destination = plan.kind === 'file' ? (plan.files[0]?.pathInRepo ?? '') : upload.pathInRepo ? `${upload.pathInRepo}/` : 'the root';
    (0,log/* logInfo */.fH)(`Upload: ${plan.files.length} file${plan.files.length === 1 ? '' : 's'} (${formatBytes(plan.totalBytes)}) ` +
        `from ${upload.given} to ${destination} of ${settings.resource.value}@${upload.revision}` +
        `${upload.createPr ? ' as a pull request' : ''}${leftOut.length > 0 ? ` (${leftOut.join(', ')})` : ''}${upload.deletePatterns.length > 0 ? `, deleting what matches \`delete\`` : ''}.`);
    return {
        plan,
        commit: async (tokens) => {
            const text = buildCommitText({ message: upload.commitMessage, description: upload.commitDescription });
            try {
                const outcome = await commitUpload(plan, {
                    upload,
                    hubUrl: settings.hubUrl,
                    maxAttempts: settings.maxAttempts,
                    idleMs: settings.requestTimeoutMs,
                    tokens,
                    text,
                    log: (line) => (0,log/* logInfo */.fH)(line),
                    onSecret: mask/* maskSecret */.$,
                });
                if (outcome.kind === 'unchanged') {
                    (0,log/* logNotice */.n$)(`Nothing changed since the last commit to ${settings.resource.value}@${upload.revision}: all ` +
                        `${outcome.counts.unchanged} files are ` +
                        `identical${upload.deletePatterns.length > 0 ? ' and nothing matches `delete`' : ''}, so no commit ` +
                        `was made and \`commit-sha\` is empty.`);
                }
                return finished(outcome, settings, upload);
            }
            finally {
                (0,agents/* closeIdleConnections */.Kt)();
            }
        },
    };
}
function finished(outcome, settings, upload) {
    return {
        outcome,
        publishOutputs: () => {
            // Only what commit-answer.ts found fit to publish: workflows paste these into `run:` scripts.
            const committed = outcome.kind === 'committed' ? outcome : undefined;
            for (const warning of committed?.rejected ?? [])
                (0,log/* logWarning */.FF)(warning);
            core/* setOutput */.uH('commit-sha', committed?.commitOid ?? '');
            core/* setOutput */.uH('commit-url', committed?.commitUrl ?? '');
            core/* setOutput */.uH('pull-request-url', committed?.pullRequestUrl ?? '');
        },
        writeSummary: () => {
            const code = (value) => `<code>${(0,sanitize/* escapeMarkdown */.FV)(value)}</code>`;
            const link = (url, text) => `<a href="${(0,sanitize/* escapeMarkdown */.FV)(url)}">${(0,sanitize/* escapeMarkdown */.FV)(text)}</a>`;
            const counts = outcome.counts;
            const rows = [
                ['Repository', code(settings.resource.value)],
                ['Revision', `${code(upload.revision)}${upload.createPr ? ' (pull request)' : ''}`],
            ];
            if (outcome.kind === 'committed') {
                const { commitOid, commitUrl } = outcome;
                rows.push([
                    'Commit',
                    commitOid === undefined
                        ? "made (the hub's answer held no valid commit id)"
                        : commitUrl === undefined
                            ? code(commitOid)
                            : link(commitUrl, commitOid),
                ]);
                if (outcome.pullRequestUrl)
                    rows.push(['Pull request', link(outcome.pullRequestUrl, outcome.pullRequestUrl)]);
                rows.push([
                    'Sent',
                    `${(0,sanitize/* escapeMarkdown */.FV)(formatBytes(outcome.bytesSent))} in ${(0,sanitize/* escapeMarkdown */.FV)(formatDuration(outcome.durationMs / 1000))}`,
                ]);
            }
            else {
                rows.push(['Commit', 'none: nothing changed since the last commit']);
            }
            rows.push([
                'Files',
                (0,sanitize/* escapeMarkdown */.FV)(`${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.deleted} ` +
                    `deleted${counts.ignored > 0 ? `, ${counts.ignored} ignored by the repository's .gitignore` : ''}`),
            ]);
            return (0,summary/* writeSummary */.S)(core/* summary */.z.addHeading('Hugging Face upload', 3).addTable([
                [
                    { data: 'Field', header: true },
                    { data: 'Value', header: true },
                ],
                ...rows,
            ]));
        },
    };
}


/***/ })

};
