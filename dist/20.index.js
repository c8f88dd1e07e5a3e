export const id = 20;
export const ids = [20];
export const modules = {

/***/ 9020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prepareUpload: () => (/* binding */ prepareUpload)
});

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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/runner/sanitize.ts
var sanitize = __webpack_require__(9063);
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
// What a reader gets is a FileHandle: read it (read, readFile, createReadStream), then close it; or,
// for a small file, a descriptor from openPlannedFileSync (read it with readSync, then closeSync):
// for a few KiB, each asynchronous call costs a thread-pool round trip worth more than the read.




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
        throw openFailure(file, error);
    }
    try {
        const why = differences(file, await handle.stat({ bigint: true }));
        if (why !== undefined)
            throw changed(file, why);
        return handle;
    }
    catch (error) {
        await handle.close();
        throw error;
    }
}
/** openPlannedFile, synchronously, for small files: a descriptor the caller closes with closeSync. */
function openPlannedFileSync(file) {
    let descriptor;
    try {
        descriptor = (0,external_node_fs_.openSync)(file.localPath, OPEN_FLAGS);
    }
    catch (error) {
        throw openFailure(file, error);
    }
    try {
        const why = differences(file, (0,external_node_fs_.fstatSync)(descriptor, { bigint: true }));
        if (why !== undefined)
            throw changed(file, why);
        return descriptor;
    }
    catch (error) {
        (0,external_node_fs_.closeSync)(descriptor);
        throw error;
    }
}
/** How what is open differs from what was planned, or undefined when it is the planned file. */
function differences(file, now) {
    return !now.isFile()
        ? 'it is no longer a regular file'
        : now.dev !== file.identity.device || now.ino !== file.identity.inode
            ? 'it is now another file'
            : Number(now.size) !== file.size
                ? `it is now ${now.size} bytes, not the ${file.size} planned`
                : undefined;
}
/** Why a planned file could not be opened: changed by the workflow (a link now, gone), or unreadable. */
function openFailure(file, error) {
    const code = error?.code;
    // ELOOP (Linux, macOS) or EMLINK (FreeBSD): the last component is now a symlink.
    if (code === 'ELOOP' || code === 'EMLINK')
        return changed(file, 'it is now a symlink', error);
    if (code === 'ENOENT' || code === 'ENOTDIR')
        return changed(file, 'it is gone', error);
    return new errors/* ActionError */.lZ(`Could not read ${(0,sanitize/* quoteForMessage */.Hx)(file.pathInRepo)} to upload it: ${code ?? 'unreadable'}.`, {
        code: 'LOCAL_FILE',
        cause: error,
        hint: 'Check the permissions of the files to upload.',
    });
}
/** The error for a file that is not what was planned any more. */
function changed(file, why, cause) {
    return new errors/* ActionError */.lZ(`The workflow changed ${(0,sanitize/* quoteForMessage */.Hx)(file.pathInRepo)} during the upload (${why}): refused, so that ` +
        `only the files that were planned before the exchange are published.`, { code: 'LOCAL_FILE', hint: CHANGED_HINT, cause });
}

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
// Every request of an upload goes through here (the Hub calls of hub-api.ts, lfs-batch.ts and
// commit-request.ts, the storage requests of lfs-transfer.ts), on the action's one HTTP stack
// (http/request.ts: proxies, TLS, no redirects):
// - the Hub token is attached to requests for the hub (its origin and path) only, fetched fresh for
//   each attempt (hub/token-holder.ts); a storage host never receives it, whatever a caller asks;
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
            // Only what the action adds below may authenticate to the hub.
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
                // A local file that changed says so itself (it names the file); anything else gets the request's name.
                const named = error instanceof errors/* RemoteError */.Hi && error.code !== 'LOCAL_FILE'
                    ? (0,errors/* wrapRemoteError */.$A)(`${capitalise(request.what)} failed`, error)
                    : error;
                await budget.waitBeforeRetry(named, request.what);
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
// The Hub calls of an upload around the transfer and the commit: preupload of every file (to know
// which go inline and which through LFS, and the oid of what the repository already holds at each
// path), the file listing `delete` patterns are matched against, and the reads that tell whether a commit landed.
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
        const sizes = new Map(files.map((file) => [file.pathInRepo, file.size]));
        const url = this.#url(`preupload/${encodeURIComponent(this.settings.revision)}`);
        if (this.settings.createPr)
            url.searchParams.set('create_pr', '1');
        for (let start = 0; start < files.length; start += PREUPLOAD_CHUNK) {
            const chunk = files.slice(start, start + PREUPLOAD_CHUNK);
            const payload = {
                files: chunk.map((file) => ({
                    path: file.pathInRepo,
                    size: file.size,
                    sample: readSample(file).toString('base64'),
                })),
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
/**
 * The first 512 bytes of a file, what the hub looks at to tell text from binary. Read synchronously:
 * for 512 bytes a thread-pool round trip costs more than the read, and a folder of 10,000 files
 * makes 30,000 such calls (local-file.ts).
 */
function readSample(planned) {
    const length = Math.min(SAMPLE_BYTES, planned.size);
    if (length === 0)
        return Buffer.alloc(0);
    const descriptor = openPlannedFileSync(planned);
    try {
        const buffer = Buffer.alloc(length);
        const bytesRead = (0,external_node_fs_.readSync)(descriptor, buffer, 0, length, 0);
        return buffer.subarray(0, bytesRead);
    }
    finally {
        (0,external_node_fs_.closeSync)(descriptor);
    }
}

// EXTERNAL MODULE: ./src/upload/plan.ts + 1 modules
var upload_plan = __webpack_require__(2465);
// EXTERNAL MODULE: ./src/upload/patterns.ts
var upload_patterns = __webpack_require__(9770);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/upload/local-file.ts
// Reading the content of planned files whole or in chunks (hashing, the bytes of an inline file; the
// PUT of an LFS object streams the same file through http/request.ts). Every file is opened through
// planned-file.ts (no link followed, the planned device, inode and size checked), and every read
// checks the size again: a file that changed since it was planned is the workflow's to fix, and the
// error says so (code LOCAL_FILE), never "the library failed".
//
// Speed: a small file is read whole in one read (a 4 KiB file costs one open, one read, one close:
// no stream, no 768 KiB buffer), and a very small one synchronously: each asynchronous call is a
// round trip through libuv's thread pool that costs more than reading 4 KiB, and 10,000 files make
// 30,000 of them. A large file goes through one reused buffer. Each byte read for hashing
// feeds every digest asked for in the same pass (git blob sha1 and sha256), so no byte is read twice
// to compare with the repository.




/** Files up to this size are read whole, in one read. */
const WHOLE_READ_BYTES = 4 * 1024 * 1024;
/** Files up to this size are read synchronously (the read costs less than a thread-pool round trip). */
const SYNC_READ_BYTES = 64 * 1024;
/** The buffer a larger file is hashed through, reused for every read of that file. */
const HASH_CHUNK_BYTES = 4 * 1024 * 1024;
/** The digests asked for, in one read of the file. `onBytes` is told how many bytes have been hashed so far. */
async function digestFile(file, wanted, onBytes) {
    const hashes = [];
    const sha1 = wanted.gitSha1 ? (0,external_node_crypto_.createHash)('sha1').update(`blob ${file.size}\0`) : undefined;
    const sha256 = wanted.sha256 ? (0,external_node_crypto_.createHash)('sha256') : undefined;
    if (sha1)
        hashes.push(sha1);
    if (sha256)
        hashes.push(sha256);
    if (file.size <= WHOLE_READ_BYTES) {
        const bytes = await readWholeFile(file);
        for (const hash of hashes)
            hash.update(bytes);
        onBytes?.(bytes.length);
    }
    else {
        await forEachChunk(file, (chunk, hashed) => {
            for (const hash of hashes)
                hash.update(chunk);
            onBytes?.(hashed);
        });
    }
    return {
        ...(sha1 ? { gitSha1: sha1.digest('hex') } : {}),
        ...(sha256 ? { sha256: sha256.digest('hex') } : {}),
    };
}
/** The whole file, in one read into a buffer of exactly the planned size. */
async function readWholeFile(file) {
    if (file.size <= SYNC_READ_BYTES)
        return readSmallFile(file);
    const handle = await openPlannedFile(file);
    try {
        // One byte more than planned: a file that grew since shows in the same read.
        const buffer = Buffer.allocUnsafe(file.size + 1);
        let read = 0;
        for (;;) {
            const { bytesRead } = await handle.read(buffer, read, buffer.length - read, read);
            if (bytesRead === 0)
                break;
            read += bytesRead;
            if (read >= file.size)
                break;
        }
        if (read !== file.size)
            throw changedSize(file, read);
        return buffer.subarray(0, file.size);
    }
    finally {
        await handle.close();
    }
}
/** readWholeFile for a small file, synchronously: one open, one read (of one byte more), one close. */
function readSmallFile(file) {
    const descriptor = openPlannedFileSync(file);
    try {
        const buffer = Buffer.allocUnsafe(file.size + 1);
        let read = 0;
        for (;;) {
            const bytesRead = (0,external_node_fs_.readSync)(descriptor, buffer, read, buffer.length - read, read);
            if (bytesRead === 0)
                break;
            read += bytesRead;
            if (read >= file.size)
                break;
        }
        if (read !== file.size)
            throw changedSize(file, read);
        return buffer.subarray(0, file.size);
    }
    finally {
        (0,external_node_fs_.closeSync)(descriptor);
    }
}
/** Calls `onChunk` with each chunk of the file (the same buffer, refilled: use it before returning). */
async function forEachChunk(file, onChunk) {
    const handle = await openPlannedFile(file);
    try {
        const buffer = Buffer.allocUnsafe(Math.min(HASH_CHUNK_BYTES, Math.max(1, file.size)));
        let position = 0;
        while (position < file.size) {
            const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, file.size - position), position);
            if (bytesRead === 0)
                throw changedSize(file, position);
            position += bytesRead;
            onChunk(buffer.subarray(0, bytesRead), position);
        }
        const { bytesRead } = await handle.read(buffer, 0, 1, file.size);
        if (bytesRead !== 0)
            throw changedSize(file, file.size + bytesRead);
    }
    finally {
        await handle.close();
    }
}
/**
 * A range of a file as a request body: `file` for http/request.ts's pump (two reused buffers), and
 * `open()` as a stream for any other sender; both open the file through planned-file.ts.
 */
function fileRangeBody(file, start, length, description) {
    return {
        length,
        description,
        file: { open: () => openPlannedFile(file), start },
        open: () => external_node_stream_.Readable.from(chunksOf(file, start, length), { objectMode: false }),
    };
}
async function* chunksOf(file, start, length) {
    const handle = await openPlannedFile(file);
    try {
        for (let position = start; position < start + length;) {
            const buffer = Buffer.allocUnsafe(Math.min(HASH_CHUNK_BYTES, start + length - position));
            const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
            if (bytesRead === 0)
                throw changedSize(file, position);
            position += bytesRead;
            yield buffer.subarray(0, bytesRead);
        }
    }
    finally {
        await handle.close();
    }
}
/** A file that is not the size it was when planned: the workflow changed it during the upload. */
function changedSize(file, seen) {
    return changed(file, `${seen > file.size ? 'more' : 'fewer'} bytes than the ${file.size} planned were read`);
}

;// CONCATENATED MODULE: ./src/upload/pool.ts
// A fixed number of workers over a list of items, for the upload's many small jobs (hashing files,
// sending objects): at most `limit` at once, each started as soon as one finishes (not in waves of
// `limit`, where one slow file holds up the rest). The first failure stops new work, aborts the
// signal handed to the jobs in flight (their requests end at once) and is what the pool throws.
/** Runs `job` over `items`, `limit` at a time; rejects with the first failure, once the jobs in flight have ended. */
async function forEachConcurrently(items, limit, job, outer) {
    const controller = new AbortController();
    const onOuterAbort = () => controller.abort(outer?.reason);
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    // One iterator shared by the workers (an async one queues their calls): each item goes to one worker.
    const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
    let failure;
    // A function, not the property: it changes while a worker awaits.
    const stopped = () => controller.signal.aborted;
    const worker = async () => {
        for (;;) {
            // Aborted: a job failed (then `failure` holds it), or the caller gave up.
            if (stopped())
                return;
            const next = await iterator.next();
            if (next.done === true || stopped())
                return;
            try {
                await job(next.value, controller.signal);
            }
            catch (error) {
                if (!stopped()) {
                    failure = { error };
                    controller.abort(error);
                }
                return;
            }
        }
    };
    try {
        await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
    }
    finally {
        outer?.removeEventListener('abort', onOuterAbort);
    }
    if (failure)
        throw failure.error;
    if (outer?.aborted)
        throw outer.reason;
}

;// CONCATENATED MODULE: ./src/upload/remote-plan.ts
// The local plan against what the repository holds now, after the exchange and before any byte of
// content is sent: the hub's preupload says which files go inline and which through LFS (and which
// its .gitignore ignores), and the oid of the file already at each path; regular files whose git
// blob id equals it are unchanged and dropped (as huggingface_hub does; LFS files are compared by
// sha256 while they are hashed for the transfer, lfs-transfer.ts, so each byte is hashed once).
// `delete` patterns are matched against the repository's files below the folder the upload lands
// in, never deleting `.gitattributes` (as huggingface_hub) or a path the upload writes.
// One comparison per commit: a part of a large folder (several commits) is compared on its own.






/** The whole plan as one commit. */
function wholePlan(plan) {
    return {
        files: plan.files,
        deletions: { base: plan.deleteBase, keep: new Set(plan.files.map((file) => file.pathInRepo)) },
    };
}
const HASH_CONCURRENCY = 8;
/** Compares `part` with the repository at `upload.revision`; see the top of the file. */
async function compareWithRemote(part, upload, api, log) {
    const extra = {};
    for (const file of part.files) {
        if (file.pathInRepo === '.gitattributes')
            extra.gitAttributes = (await readWholeFile(file)).toString('utf8');
        if (file.pathInRepo === '.gitignore')
            extra.gitIgnore = (await readWholeFile(file)).toString('utf8');
    }
    const answer = await api.preupload(part.files, extra);
    const ignored = part.files.filter((file) => answer.files.get(file.pathInRepo)?.shouldIgnore === true);
    if (ignored.length > 0) {
        log(`The repository's .gitignore ignores ${ignored.length} of the files; they are not uploaded: ${ignored
            .slice(0, 5)
            .map((file) => file.pathInRepo)
            .join(', ')}${ignored.length > 5 ? ', …' : ''}.`);
    }
    const kept = part.files.filter((file) => answer.files.get(file.pathInRepo)?.shouldIgnore !== true);
    const lfs = kept
        .filter((file) => answer.files.get(file.pathInRepo)?.uploadMode === 'lfs')
        .map((file) => ({ ...file, remoteOid: answer.files.get(file.pathInRepo)?.oid }));
    const regular = kept.filter((file) => answer.files.get(file.pathInRepo)?.uploadMode === 'regular');
    // A regular file is unchanged when its git blob id is the oid the hub reports for its path.
    const unchanged = new Set();
    const toHash = regular.filter((file) => answer.files.get(file.pathInRepo)?.oid !== undefined);
    await forEachConcurrently(toHash, HASH_CONCURRENCY, async (file) => {
        const { gitSha1 } = await digestFile(file, { gitSha1: true });
        if (gitSha1 === answer.files.get(file.pathInRepo)?.oid)
            unchanged.add(file.pathInRepo);
    });
    const inline = regular.filter((file) => !unchanged.has(file.pathInRepo));
    const deletions = upload.deletePatterns.length === 0 || part.deletions === undefined
        ? []
        : await findDeletions(part.deletions, upload, api, log);
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
async function findDeletions(scope, upload, api, log) {
    const prefix = scope.base === '' ? '' : `${scope.base}/`;
    const patterns = new upload_patterns/* PatternSet */.D(upload.deletePatterns, 'delete');
    const written = scope.keep;
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

;// CONCATENATED MODULE: ./src/upload/commit-body.ts
// The body of the commit request (NDJSON: a header line, then one line per operation), streamed:
// each regular file is read from disk and base64-encoded only when its line is near, so memory
// stays flat whatever the files' number (@huggingface/hub builds the whole body in memory with
// every file base64-encoded: 88 MiB of small files cost it about 830 MB of RSS). Its exact length
// is known in advance (a Content-Length, which every proxy and load balancer accepts), and a file
// that changed since it was planned fails the request instead of corrupting it (each file is read
// through local-file.ts, which opens it with planned-file.ts's checks).
//
// Speed with many small files: each file is read whole in one read (no stream per file), a few
// reads ahead of the one being encoded, and lines go to the socket in writes of about 256 KiB
// rather than three small writes per file (10,000 files of 4 KiB: 3.5× the floor before).


/** Writes to the socket of about this size. */
const WRITE_BYTES = 256 * 1024;
/** Reads ahead of the file being encoded: at most this many files, and this many bytes. */
const READ_AHEAD_FILES = 16;
const READ_AHEAD_BYTES = 8 * 1024 * 1024;
const FILE_LINE_START = Buffer.from('{"key":"file","value":{"content":"', 'utf8');
/** The NDJSON body: `lines` (JSON texts, sent as they are), then one `file` line per inline file. */
function commitBody(lines, inlineFiles) {
    const head = Buffer.from(lines.map((line) => `${line}\n`).join(''), 'utf8');
    const ends = inlineFiles.map((file) => Buffer.from(`","path":${JSON.stringify(file.pathInRepo)},"encoding":"base64"}}\n`, 'utf8'));
    const length = head.length +
        inlineFiles.reduce((sum, file, index) => sum + FILE_LINE_START.length + base64Length(file.size) + (ends[index]?.length ?? 0), 0);
    return {
        length,
        description: 'the commit request body',
        open: () => external_node_stream_.Readable.from(generate(head, inlineFiles, ends), { objectMode: false }),
    };
}
/** The length of the base64 encoding of `size` bytes (with padding). */
function base64Length(size) {
    return 4 * Math.ceil(size / 3);
}
async function* generate(head, files, ends) {
    let pending = [head];
    let pendingBytes = head.length;
    const reads = readAhead(files);
    for (let index = 0; index < files.length; index++) {
        const bytes = await reads.next(index);
        const encoded = Buffer.from(bytes.toString('base64'), 'latin1');
        pending.push(FILE_LINE_START, encoded, ends[index] ?? Buffer.alloc(0));
        pendingBytes += FILE_LINE_START.length + encoded.length + (ends[index]?.length ?? 0);
        if (pendingBytes >= WRITE_BYTES) {
            yield pending.length === 1 ? (pending[0] ?? Buffer.alloc(0)) : Buffer.concat(pending, pendingBytes);
            pending = [];
            pendingBytes = 0;
        }
    }
    if (pendingBytes > 0)
        yield Buffer.concat(pending, pendingBytes);
}
/** Reads files in order, a few ahead of the one asked for, within a byte budget. */
function readAhead(files) {
    const started = new Map();
    let nextToStart = 0;
    let bytesAhead = 0;
    const fill = (from) => {
        while (nextToStart < files.length &&
            nextToStart - from < READ_AHEAD_FILES &&
            (nextToStart === from || bytesAhead + (files[nextToStart]?.size ?? 0) <= READ_AHEAD_BYTES)) {
            const file = files[nextToStart];
            if (file === undefined)
                break;
            const read = readWholeFile(file);
            // Awaited in turn below; a failure of one read ahead must not be an unhandled rejection meanwhile.
            read.catch(() => undefined);
            started.set(nextToStart, read);
            bytesAhead += file.size;
            nextToStart++;
        }
    };
    return {
        next: async (index) => {
            fill(index);
            const read = started.get(index);
            started.delete(index);
            bytesAhead -= files[index]?.size ?? 0;
            if (read === undefined)
                throw new Error(`file ${index} was not read`);
            return read;
        },
    };
}

;// CONCATENATED MODULE: ./src/upload/commit-lookup.ts
// After a commit request that got no definite answer (a reset, a stall, a 5xx from a load balancer
// while the Hub went on committing), did the commit land? The provenance block carries a marker
// unique to this run of the step (provenance.ts): look for it at the head of the branch (its newest
// commits), or of the newest pull requests when the commit opens one.

/** This run's commit, if it landed on `revision` (or in one of the newest pull requests). */
async function findOwnCommit(api, where) {
    const base = `${(0,hub_url/* hubBaseOf */.Ax)(api.hubUrl)}/${api.webPath}`;
    const carries = (commit) => commit.message.includes(where.marker) || commit.title.includes(where.marker);
    if (!where.createPr) {
        for (const commit of await api.latestCommits(where.revision, 5)) {
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

;// CONCATENATED MODULE: ./src/upload/commit-request.ts
// The commit request: `POST {hub}/api/{type}s/{ns}/{name}/commit/{revision}[?create_pr=1]` with a
// streamed NDJSON body (commit-body.ts): the header (title, description with the provenance block,
// `parentCommit`: the head the comparison was made against), the LFS files, the deletions, the
// regular files. What it can come to, as plain data or an error that says whose move it is:
// - committed: the hub's answer as it came (commit-answer.ts checks what of it may be published);
// - branch moved (412: another commit landed since the comparison): the caller compares again;
// - no definite answer (a reset, a stall, a 5xx): the branch is checked for this run's marker
//   (commit-lookup.ts); if the commit is there it landed, and that is a success that says what
//   happened; if not, the request is retried with the action's policy; if the check fails too, the
//   error says that whether the commit was made is not known.






/** Sends the commit; see the top of the file for what it returns and throws. */
async function postCommit(operations, context) {
    const { transport, api } = context;
    const header = {
        key: 'header',
        value: {
            summary: context.title,
            description: context.description,
            ...(context.parentCommit === undefined ? {} : { parentCommit: context.parentCommit }),
        },
    };
    const lines = [
        JSON.stringify(header),
        ...operations.lfsFiles.map(({ pathInRepo, oid, size }) => JSON.stringify({ key: 'lfsFile', value: { path: pathInRepo, algo: 'sha256', oid, size } })),
        ...operations.deletions.map((path) => JSON.stringify({ key: 'deletedFile', value: { path } })),
    ];
    const body = commitBody(lines, operations.inline);
    const url = (0,hub_url/* hubEndpoint */.ZM)(api.hubUrl, `${api.repoPath}/commit/${encodeURIComponent(context.revision)}`);
    if (context.createPr)
        url.searchParams.set('create_pr', '1');
    const budget = transport.retryBudget();
    for (;;) {
        let failure;
        /** What happened, in words that fit "…, but the commit had landed". */
        let happened;
        try {
            const response = await transport.sendOnce({
                method: 'POST',
                url,
                headers: { 'Content-Type': 'application/x-ndjson', Accept: 'application/json' },
                body,
                what: 'the commit',
                processingMs: PROCESSING_MS.slow,
                onBodyProgress: (sent) => context.onBytes?.(sent, body.length),
            });
            if (response.status >= 200 && response.status < 300) {
                return { kind: 'committed', ...narrowAnswer(response.body), bodyBytes: body.length };
            }
            const refusal = api.refusal('The commit')(response);
            if (response.status === 412)
                return { kind: 'branch-moved', refusal };
            if (!refusal.transient)
                throw refusal;
            failure = refusal;
            happened = `The hub answered the commit request HTTP ${response.status}${refusal.requestId ? ` (x-request-id: ${refusal.requestId})` : ''}`;
        }
        catch (error) {
            if (!(error instanceof errors/* RemoteError */.Hi) || !error.transient || error.code === 'HUB_REFUSED')
                throw error;
            failure = (0,errors/* wrapRemoteError */.$A)('The commit request failed', error);
            happened = `The commit request ended without an answer (${error.message.replace(/\.$/, '')})`;
        }
        const landed = await findOwnCommit(api, context).catch((error) => {
            throw new errors/* RemoteError */.Hi(`${failure.message.replace(/\.$/, '')}, and checking whether the commit landed failed too: ` +
                (error instanceof Error ? error.message : String(error)), {
                code: 'COMMIT_UNKNOWN',
                transient: false,
                cause: error,
                hint: `Look in the history of ${api.webPath}@${context.revision} for a commit whose description ` +
                    `contains ${context.marker} before re-running.`,
            });
        });
        if (landed) {
            context.log(`${happened}, but the commit had landed: ${landed.commitOid.slice(0, 7)} carries this run's marker, so ` +
                `it is not sent again.`);
            return { kind: 'committed', ...landed, bodyBytes: body.length };
        }
        await budget.waitBeforeRetry(failure, 'the commit');
    }
}
/** The hub's answer to a commit, `{commitOid, commitUrl, pullRequestUrl?}`, unchecked: the commit landed either way. */
function narrowAnswer(text) {
    const answer = (0,json/* parseJsonObject */.dw)(text).object;
    return {
        commitOid: answer?.['commitOid'],
        commitUrl: answer?.['commitUrl'],
        pullRequestUrl: answer?.['pullRequestUrl'] === '' ? undefined : answer?.['pullRequestUrl'],
    };
}

;// CONCATENATED MODULE: ./src/upload/channel.ts
// A queue between two stages of the upload that run at the same time (files hashed → batch calls →
// transfers): one side pushes, the other iterates; iteration ends once the queue is closed and
// drained. Several consumers may iterate it at once (each item goes to one of them).
class Channel {
    #items = [];
    #waiting = [];
    #closed = false;
    push(item) {
        if (this.#closed)
            throw new Error('push on a closed channel');
        this.#items.push(item);
        // Every waiter looks again (each may wait for a different amount).
        for (const wake of this.#waiting.splice(0))
            wake();
    }
    close() {
        this.#closed = true;
        for (const wake of this.#waiting.splice(0))
            wake();
    }
    /**
     * Waits until what is queued is `ready` (by default: at least one item) or the channel is closed,
     * then takes what is queued, at most `max`; [] once closed and drained.
     */
    async take(max, ready = (queued) => queued.length > 0) {
        while (!(this.#closed || (this.#items.length > 0 && ready(this.#items)))) {
            await new Promise((resolve) => this.#waiting.push(resolve));
        }
        return this.#items.splice(0, max);
    }
    async *[Symbol.asyncIterator]() {
        for (;;) {
            const items = await this.take(1);
            if (items.length === 0)
                return;
            yield* items;
        }
    }
}

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

;// CONCATENATED MODULE: ./src/upload/lfs-batch.ts
// The Git LFS batch call (https://github.com/git-lfs/git-lfs/blob/main/docs/api/batch.md, as the
// Hub serves it at `{hub}/{[datasets/|spaces/]}{ns}/{name}.git/info/lfs/objects/batch`): which of
// these objects the Hub's storage still needs, and where to send each one. The answer is `unknown`
// until narrowed here into plain instructions: already stored, one PUT (basic), or parts and a
// completion (multipart), each maybe with a verify call. Any credential in the answer (an
// Authorization value for a storage host, a Xet token) is handed to `onCredential` (masked) before
// anything else reads it, and cut out of any message made from the answer.
//
// Only `basic` and `multipart` are offered, never `xet`: the Hub's LFS bridge accepts them on
// Xet-backed repositories (hub-docs xet/legacy-git-lfs.md), they are what the tests run against
// the real protocol, and @huggingface/hub's Xet path measured 7× slower here with 600 MiB peaks
// (BENCHMARKS.md, "Why not Xet").







/** The transfers the action offers, in its order of preference (huggingface_hub's default too). */
const OFFERED_TRANSFERS = ['basic', 'multipart'];
const LFS_JSON = 'application/vnd.git-lfs+json';
/** Asks the hub where each object goes; the instructions are in the order of `objects`. */
async function requestBatch(objects, context) {
    const url = (0,hub_url/* hubEndpoint */.ZM)(context.hubUrl, `${context.webPath}.git/info/lfs/objects/batch`);
    const response = await context.transport.send({
        method: 'POST',
        url,
        headers: { Accept: LFS_JSON, 'Content-Type': LFS_JSON },
        body: JSON.stringify({
            operation: 'upload',
            transfers: OFFERED_TRANSFERS,
            hash_algo: 'sha256',
            ref: { name: context.revision },
            objects: objects.map(({ oid, size }) => ({ oid, size })),
        }),
        what: 'the LFS batch request',
        processingMs: PROCESSING_MS.quick,
        ...(context.signal ? { signal: context.signal } : {}),
    }, context.refusal('The LFS batch request'));
    for (const credential of findReceivedCredentials(response.body))
        context.onCredential(credential);
    const answer = (0,json/* parseJsonObject */.dw)(response.body).object;
    const transfer = answer?.['transfer'] ?? 'basic';
    if (transfer !== 'basic' && transfer !== 'multipart') {
        throw malformed(`chose the transfer ${JSON.stringify((0,sanitize/* sanitizeServerText */.c8)(typeof transfer === 'string' ? transfer : JSON.stringify(transfer), 40))}, which was not offered`);
    }
    const listed = answer?.['objects'];
    if (!Array.isArray(listed))
        throw malformed('has no `objects` list');
    const byOid = new Map();
    for (const entry of listed) {
        if ((0,json/* isJsonObject */.OW)(entry) && typeof entry['oid'] === 'string')
            byOid.set(entry['oid'], entry);
    }
    return objects.map((object) => {
        const entry = byOid.get(object.oid);
        if (!entry)
            throw malformed(`does not mention the object ${object.oid}`);
        return narrowObject(object, entry, context.secrets());
    });
}
function narrowObject(object, entry, secrets) {
    const error = entry['error'];
    if ((0,json/* isJsonObject */.OW)(error)) {
        const message = typeof error['message'] === 'string' ? error['message'] : '';
        throw new errors/* RemoteError */.Hi(`The hub refused to store an LFS object of ${object.size} bytes (${object.oid.slice(0, 12)}…): ` +
            `${String(typeof error['code'] === 'number' ? error['code'] : '?')} ` +
            JSON.stringify((0,sanitize/* sanitizeServerText */.c8)(redactTokenShapes(message, secrets), 200)), { code: 'HUB_REFUSED', transient: false, hint: 'If it persists, report it to Hugging Face with this log.' });
    }
    const actions = (0,json/* isJsonObject */.OW)(entry['actions']) ? entry['actions'] : undefined;
    const upload = (0,json/* isJsonObject */.OW)(actions?.['upload']) ? actions['upload'] : undefined;
    if (!upload)
        return { kind: 'stored' };
    const href = httpUrl(upload['href'], 'upload');
    const verifyAction = (0,json/* isJsonObject */.OW)(actions?.['verify']) ? actions['verify'] : undefined;
    const verify = verifyAction ? httpUrl(verifyAction['href'], 'verify') : undefined;
    const header = (0,json/* isJsonObject */.OW)(upload['header']) ? upload['header'] : {};
    const chunkSize = Number(header['chunk_size']);
    if (header['chunk_size'] === undefined)
        return { kind: 'basic', href, verify };
    if (!Number.isSafeInteger(chunkSize) || chunkSize <= 0)
        throw malformed('gives a multipart chunk_size that is not a size');
    // The part URLs are the header's numbered keys ("00001", "00002", …), in number order.
    const parts = Object.entries(header)
        .filter(([key]) => /^\d+$/.test(key))
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([, value]) => httpUrl(value, 'part'));
    if (parts.length !== Math.ceil(object.size / chunkSize)) {
        throw malformed(`gives ${parts.length} part URLs for ${object.size} bytes in parts of ${chunkSize}`);
    }
    return { kind: 'multipart', partUrls: parts, chunkSize, completion: href, verify };
}
function httpUrl(value, what) {
    try {
        const url = new URL(typeof value === 'string' ? value : '');
        if (url.protocol === 'https:' || url.protocol === 'http:')
            return url;
    }
    catch {
        // reported below
    }
    throw malformed(`gives an ${what} URL that is not an http(s) URL`);
}
function malformed(problem) {
    return new errors/* RemoteError */.Hi(`The hub's answer to the LFS batch request ${problem}.`, {
        code: 'MALFORMED_RESPONSE',
        transient: false,
        hint: 'Check that `hub-url` points at a Hugging Face Hub. If it does, report it with the x-request-id in the debug log.',
    });
}

;// CONCATENATED MODULE: ./src/upload/lfs-upload.ts
// The upload of one LFS object, as the batch answer said (lfs-batch.ts): one PUT of the whole
// file (basic), or one PUT per part then the completion (multipart), then the verify call when the
// hub asks for one. Bodies are streamed from the file (http/request.ts); storage hosts never get
// the Hub token (the PUTs, and the completion, a signed URL, go without it, as both Hub clients
// send them); a verify call on the hub gets it, as huggingface_hub sends it. Each step reports
// progress and counts what reached storage, for "did anything reach the Hub?" after a failure.




const lfs_upload_LFS_JSON = 'application/vnd.git-lfs+json';
/** Runs one job; the last part of a multipart upload completes it. */
async function runJob(job, context, signal) {
    const report = (file, progress) => context.progress.onEvent({ event: 'fileProgress', path: file.pathInRepo, progress, state: 'uploading' });
    if (job.kind === 'object') {
        const { file, oid, instruction } = job;
        if (instruction.kind === 'stored') {
            report(file, 1);
            return;
        }
        if (instruction.kind !== 'basic')
            return;
        report(file, 0);
        await put(instruction.href, file, 0, file.size, file.pathInRepo, context, signal, (sent) => report(file, Math.min(0.999, sent / Math.max(1, file.size))));
        context.tally.objects++;
        if (instruction.verify)
            await verify(instruction.verify, file, oid, context, signal);
        report(file, 1);
        return;
    }
    const { upload, index } = job;
    const { file, instruction } = upload;
    const start = index * instruction.chunkSize;
    const length = Math.min(instruction.chunkSize, file.size - start);
    const partUrl = instruction.partUrls[index];
    if (partUrl === undefined)
        return;
    if (index === 0)
        report(file, 0);
    const what = `${file.pathInRepo} (part ${index + 1} of ${instruction.partUrls.length})`;
    const response = await put(partUrl, file, start, length, what, context, signal, (sent) => {
        upload.sent[index] = sent;
        report(file, Math.min(0.999, upload.sent.reduce((sum, value) => sum + value, 0) / Math.max(1, file.size)));
    });
    const etag = response.headers['etag'];
    if (typeof etag !== 'string' || etag === '') {
        throw new errors/* RemoteError */.Hi(`The storage host's answer to the upload of ${what} has no ETag.`, {
            code: 'MALFORMED_RESPONSE',
            transient: false,
            hint: 'If it persists, report it to Hugging Face with this log.',
        });
    }
    upload.etags[index] = etag;
    if (--upload.remaining > 0)
        return;
    await complete(upload, context, signal);
    context.tally.objects++;
    if (instruction.verify)
        await verify(instruction.verify, file, upload.oid, context, signal);
    report(file, 1);
}
/** One PUT of a range of a file, streamed from disk; never with the Hub token. */
async function put(url, file, start, length, label, context, signal, onSent) {
    const what = `the upload of ${label}`;
    const body = fileRangeBody(file, start, length, label);
    const response = await context.transport.send({ method: 'PUT', url, body, what, authenticate: false, signal, onBodyProgress: onSent }, refusalFor(url, capitalise(what), context));
    context.tally.bytes += length;
    return response;
}
/** The completion of a multipart upload: a signed URL (no token, as both Hub clients send it). */
async function complete(upload, context, signal) {
    const what = `the completion of the multipart upload of ${upload.file.pathInRepo}`;
    const url = upload.instruction.completion;
    await context.transport.send({
        method: 'POST',
        url,
        headers: { Accept: lfs_upload_LFS_JSON, 'Content-Type': lfs_upload_LFS_JSON },
        body: JSON.stringify({
            oid: upload.oid,
            parts: upload.etags.map((etag, index) => ({ partNumber: index + 1, etag })),
        }),
        what,
        authenticate: false,
        processingMs: PROCESSING_MS.slow,
        signal,
    }, refusalFor(url, capitalise(what), context));
}
/** The verify call the hub may ask for (with the token when it is on the hub, as huggingface_hub does). */
async function verify(url, file, oid, context, signal) {
    const what = `the verification of ${file.pathInRepo} in the Hub's storage`;
    await context.transport.send({
        method: 'POST',
        url,
        headers: { Accept: lfs_upload_LFS_JSON, 'Content-Type': lfs_upload_LFS_JSON },
        body: JSON.stringify({ oid, size: file.size }),
        what,
        processingMs: PROCESSING_MS.quick,
        signal,
    }, refusalFor(url, capitalise(what), context));
}
function refusalFor(url, what, context) {
    return context.transport.isHub(url)
        ? context.batch.refusal(what)
        : (answer) => storageRefusal(answer, what, url.host);
}

;// CONCATENATED MODULE: ./src/upload/lfs-transfer.ts
// The transfer of large files, the action's own code from end to end: sha256 of each file, the LFS
// batch call (lfs-batch.ts), then each object's bytes to the storage host (one PUT, or its parts and
// a completion) and the verify call when the hub asks for one (lfs-upload.ts). Three stages run at once, so that hashing overlaps
// uploading: files are hashed two at a time; each batch call takes whatever has been hashed since
// the last one once it adds up to 32 MiB or 100 objects (or hashing is over); objects (or parts)
// go out four at a time.
//
// Why not @huggingface/hub's commit() for this step: it hashes files under 10 MB whole in memory
// with crypto.subtle, and alternates hashing and uploading in rounds of 100 files, so the 200 × 5 MiB
// shape took 1.52× the streaming floor (BENCHMARKS.md); and it offers Xet first (lfs-batch.ts).
//
// Rules: storage hosts never receive the Hub token (only a verify call on the hub does, as
// huggingface_hub sends it); every request has the action's retries and inactivity limit
// (transport.ts); a file already in the repository with the same sha256 is not sent, nor listed in
// the commit; one failure stops every request in flight at once.





const HASH_WORKERS = 2;
const UPLOAD_WORKERS = 4;
/** Objects per batch call, at most (huggingface_hub sends 256; a smaller batch starts uploading sooner). */
const BATCH_OBJECTS = 100;
/** A batch call is made once this much has been hashed since the last one (or hashing is over). */
const BATCH_BYTES = 32 * 1024 * 1024;
/** Hashes, compares and sends `files`; returns each file's oid and whether it was unchanged. */
async function transferLargeFiles(files, context) {
    const results = [];
    const hashed = new Channel();
    const jobs = new Channel();
    const stop = new AbortController();
    const onFailure = (error) => {
        stop.abort(error);
        hashed.close();
        jobs.close();
        throw error;
    };
    const hashing = forEachConcurrently(files, HASH_WORKERS, async (file) => {
        const report = (progress, state) => context.progress.onEvent({ event: 'fileProgress', path: file.pathInRepo, progress, state });
        const { sha256 = '' } = await digestFile(file, { sha256: true }, (bytes) => {
            // A failure elsewhere stops a long hash too.
            if (stop.signal.aborted)
                throw stop.signal.reason;
            report(bytes / Math.max(1, file.size), 'hashing');
        });
        const unchanged = sha256 === file.remoteOid;
        results.push({ file, oid: sha256, unchanged });
        if (unchanged)
            report(1, 'uploading');
        else
            hashed.push({ file, oid: sha256 });
    }, stop.signal).then(() => hashed.close(), onFailure);
    const batching = (async () => {
        const enough = (queued) => queued.length >= BATCH_OBJECTS || queued.reduce((sum, { file }) => sum + file.size, 0) >= BATCH_BYTES;
        for (;;) {
            const group = await hashed.take(BATCH_OBJECTS, enough);
            if (group.length === 0)
                break;
            const instructions = await requestBatch(group.map(({ file, oid }) => ({ oid, size: file.size })), { ...context.batch, signal: stop.signal });
            group.forEach(({ file, oid }, index) => {
                const instruction = instructions[index] ?? { kind: 'stored' };
                if (instruction.kind !== 'multipart') {
                    jobs.push({ kind: 'object', file, oid, instruction });
                    return;
                }
                const parts = instruction.partUrls.length;
                const upload = { file, oid, instruction, etags: [], sent: Array(parts).fill(0), remaining: parts };
                for (let part = 0; part < parts; part++)
                    jobs.push({ kind: 'part', upload, index: part });
            });
        }
    })().then(() => jobs.close(), onFailure);
    const sending = forEachConcurrently(jobs, UPLOAD_WORKERS, (job, signal) => runJob(job, context, signal), stop.signal).catch(onFailure);
    const outcomes = await Promise.allSettled([hashing, batching, sending]);
    const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    // The first failure is the one that stopped the rest; the others are mostly its echo (aborted requests).
    if (failures.length > 0 || stop.signal.aborted)
        throw stop.signal.reason ?? failures[0];
    return results;
}

// EXTERNAL MODULE: ./src/upload/progress.ts
var upload_progress = __webpack_require__(850);
;// CONCATENATED MODULE: ./src/upload/parts.ts
// How the changes of one upload are cut into commits. The Hub gives an API commit bounded server
// time and advises small ones; huggingface_hub's upload pipeline (`_upload_pipeline.py`) commits at
// most 1,000 files and 100 MiB of regular-file content (sent base64 inside the commit request) at a
// time. The action keeps those ceilings, and one commit whenever the changes fit in it: a release
// stays atomic unless it cannot be.
//
// The cut is made after the comparison with the repository, so unchanged files take no room, a
// re-run with nothing changed has no part at all, and a re-run after a failed part has only what is
// still missing. Files keep their path order, so parts are predictable from the folder.
//
// Deletions (`delete`) go last, into the last part: until the final commit lands the repository
// only gains files, so a run that fails half-way has removed nothing a reader relied on, and the
// re-run finishes the job. (huggingface_hub puts them in the first commit instead.) The exception is
// a deletion that must happen before an addition can: a file replaced by a folder of the same name
// or the other way round (`x` deleted, `x/y` added). Those go first, into the first part.
/** huggingface_hub's ceilings (`COMMIT_SIZE_SCALE`'s top, `REGULAR_CONTENT_BYTES_BUDGET`). */
const HUB_PART_LIMITS = { maxOperations: 1000, maxInlineBytes: 100 * 1024 * 1024 };
/**
 * The changes as consecutive commits, each within `limits`: none when there is nothing to change,
 * one when everything fits. A single file larger than the inline budget gets a part of its own.
 */
function splitIntoParts(changes, limits = HUB_PART_LIMITS) {
    const additions = [
        ...changes.inline.map((file) => ({ kind: 'inline', path: file.pathInRepo, bytes: file.size, file })),
        ...changes.lfs.map((file) => ({ kind: 'lfs', path: file.pathInRepo, file })),
    ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const added = new Set(additions.map((operation) => operation.path));
    const addedFolders = new Set([...added].flatMap(folders));
    // `x` deleted while `x/y` is added, or `x/y` deleted while `x` is added: git cannot hold both.
    const blocks = (path) => addedFolders.has(path) || folders(path).some((folder) => added.has(folder));
    const blocking = changes.deletions.filter(blocks);
    const deferred = changes.deletions.filter((path) => !blocks(path));
    const sequence = [
        ...blocking.map((path) => ({ kind: 'delete', path })),
        ...additions,
        ...deferred.map((path) => ({ kind: 'delete', path })),
    ];
    const parts = [];
    let current = [];
    let inlineBytes = 0;
    for (const operation of sequence) {
        const bytes = operation.kind === 'inline' ? operation.bytes : 0;
        const full = current.length + 1 > limits.maxOperations || inlineBytes + bytes > limits.maxInlineBytes;
        if (full && current.length > 0) {
            parts.push(current);
            current = [];
            inlineBytes = 0;
        }
        current.push(operation);
        inlineBytes += bytes;
    }
    if (current.length > 0)
        parts.push(current);
    return parts.map((operations) => ({
        inline: operations.flatMap((operation) => (operation.kind === 'inline' ? [operation.file] : [])),
        lfs: operations.flatMap((operation) => (operation.kind === 'lfs' ? [operation.file] : [])),
        deletions: operations.flatMap((operation) => (operation.kind === 'delete' ? [operation.path] : [])),
    }));
}
/** The folders above a path: `a/b/c` → `a`, `a/b`. */
function folders(path) {
    const segments = path.split('/');
    return segments.slice(0, -1).map((_, index) => segments.slice(0, index + 1).join('/'));
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
/**
 * The text of commit `part` of `parts`, when an upload takes several: the title ends with
 * " (part k/n)", and the marker is made unique to the part (`…-2of3`: no part's marker is inside
 * another's), so that the check for a landed commit finds this part and not an earlier one.
 */
function textForPart(text, part, parts) {
    if (parts === 1)
        return text;
    const marker = `${text.marker}-${part}of${parts}`;
    return {
        ...text,
        title: `${text.title} (part ${part}/${parts})`,
        description: text.description.replace(`\`${text.marker}\``, `\`${marker}\``),
        marker,
    };
}

;// CONCATENATED MODULE: ./src/upload/upload-failure.ts
// What a failed upload says: what went wrong (the error of the step that failed, which already
// says whose move it is: a file the workflow changed, a refusal of the hub or of its storage, a
// stall), and what state the repository is in: the commit is atomic, so either it exists or the
// branch is unchanged; LFS objects that reached storage without a commit are named (a re-run does
// not send them again).




/** Other commits landed on the branch twice while this one was being prepared. */
function branchKeptMoving(refusal, state) {
    return new errors/* RemoteError */.Hi(`Other commits kept landing on ${state.revision} of ${state.webPath} while the action was committing: ` +
        `${(0,errors/* withoutSentenceEnd */.PA)(refusal.message)}, twice`, {
        code: 'BRANCH_MOVED',
        transient: false,
        requestId: refusal.requestId,
        hint: 'Re-run the job. To keep publishing jobs from racing, give them a `concurrency:` group.',
    });
}
/** The failure as the step reports it: its cause, then what reached the Hub. */
function uploadFailure(error, state) {
    const cause = error instanceof errors/* ActionError */.lZ
        ? error
        : // Not an error the action raised: a defect of the action, reported as such.
            new errors/* RemoteError */.Hi(`the action failed unexpectedly: ${(0,sanitize/* sanitizeServerText */.c8)(redactTokenShapes((0,errors/* messageOf */.bD)(error)), 240)}`, {
                code: 'MALFORMED_RESPONSE',
                transient: false,
                cause: error,
                hint: 'This is a bug in the action; please report it with this log.',
            });
    const { tally } = state;
    const stored = tally.objects > 0 || tally.bytes > 0
        ? ` ${(0,upload_plan/* formatBytes */.z3)(tally.bytes)} of file content reached the Hub's storage, but no commit refers to it (a ` +
            `re-run does not send it again).`
        : '';
    const outcome = cause.code === 'COMMIT_UNKNOWN'
        ? ' Whether the commit was made is not known.'
        : ` Nothing was committed: ${state.webPath}@${state.revision} is unchanged.${stored}`;
    return new errors/* ActionError */.lZ(`Uploading to ${state.webPath} failed: ${(0,errors/* withoutSentenceEnd */.PA)(cause.message)}.${outcome}`, {
        code: cause.code,
        hint: cause.hint,
        cause,
    });
}

;// CONCATENATED MODULE: ./src/upload/send-commit.ts
// The upload, from the files to its commit or commits (or to "nothing changed"), as plain data:
// 1. the comparison with the repository (remote-plan.ts): which files go inline, which through
//    LFS, which are unchanged, what `delete` removes;
// 2. the transfer of the large files (lfs-transfer.ts): hashed, compared, sent to storage;
// 3. the changes cut into commits within hf's ceilings (parts.ts: one commit whenever they fit),
//    then one commit request per part (commit-request.ts), each with `parentCommit` (the compared
//    head, then the previous part), its " (part k/n)" and its own marker (provenance.ts). With
//    `create-pr`, the first part opens the pull request and the others are committed to it. If
//    another commit landed first (412), everything is compared again on top of the new head once
//    (parts that landed are unchanged now; objects already in storage are not sent again).
// Nothing changed (every oid equals the repository's, nothing to delete): no commit. A failure
// says whether anything reached the Hub (upload-failure.ts), and which parts landed. What the hub
// answers is published only when fit (commit-answer.ts).












/** Sends `part` as one commit, or several; returns what happened, or throws an ActionError saying what reached the Hub. */
async function sendCommits(part, context) {
    const started = Date.now();
    const { upload, log } = context;
    const transport = new UploadTransport({
        hubUrl: context.hubUrl,
        tokens: context.tokens,
        maxAttempts: context.maxAttempts,
        idleMs: context.idleMs,
        log,
    });
    /** Credentials the hub handed out during the upload: masked, and cut out of every message. */
    const received = [];
    const secrets = () => [...context.tokens.secrets(), ...received];
    const onCredential = (credential) => {
        if (received.includes(credential))
            return;
        context.onSecret(credential);
        received.push(credential);
    };
    const api = new HubApi(transport, upload, context.hubUrl, secrets);
    const tally = { objects: 0, bytes: 0 };
    const state = { tally, webPath: api.webPath, revision: upload.revision };
    const committed = [];
    const rejected = [];
    let pullRequestUrl;
    let commitBytes = 0;
    let partsTotal = 1;
    let target = { revision: upload.revision, createPr: upload.createPr };
    try {
        for (let attempt = 1;; attempt++) {
            const remote = await compareWithRemote(part, upload, api, log);
            const progress = new upload_progress/* UploadProgress */.Tu(remote.lfs.map((file) => ({ path: file.pathInRepo, size: file.size })), { log });
            const large = await transferLargeFiles(remote.lfs, {
                transport,
                batch: {
                    transport,
                    hubUrl: context.hubUrl,
                    webPath: api.webPath,
                    revision: upload.revision,
                    refusal: (what) => api.refusal(what),
                    onCredential,
                    secrets,
                },
                progress,
                tally,
            });
            const lfsChanged = large
                .filter((result) => !result.unchanged)
                .sort((a, b) => (a.file.pathInRepo < b.file.pathInRepo ? -1 : 1));
            const lfsAdded = lfsChanged.filter((result) => result.file.remoteOid === undefined).length;
            const counts = {
                added: remote.counts.inlineAdded + lfsAdded,
                changed: remote.counts.inlineChanged + lfsChanged.length - lfsAdded,
                unchanged: remote.counts.inlineUnchanged + large.length - lfsChanged.length,
                deleted: remote.deletions.length,
                ignored: remote.counts.ignored,
            };
            if (remote.inline.length === 0 && lfsChanged.length === 0 && remote.deletions.length === 0) {
                return { kind: 'unchanged', counts, durationMs: Date.now() - started };
            }
            const parts = splitIntoParts({
                inline: remote.inline,
                lfs: lfsChanged.map(({ file, oid }) => ({ pathInRepo: file.pathInRepo, oid, size: file.size })),
                deletions: remote.deletions,
            });
            if (parts.length > 1) {
                log(`${counts.added + counts.changed + counts.deleted} changes are more than one commit holds (at most ` +
                    `${HUB_PART_LIMITS.maxOperations} files and ${(0,upload_plan/* formatBytes */.z3)(HUB_PART_LIMITS.maxInlineBytes)} of small ` +
                    `files each): sending them as ${parts.length} commits.`);
            }
            partsTotal = parts.length;
            let parent = remote.head;
            let moved;
            for (const [index, changes] of parts.entries()) {
                const total = parts.length;
                const label = total === 1 ? '' : ` part ${index + 1}/${total}`;
                const text = textForPart(context.text, index + 1, total);
                const partCounts = total === 1 ? counts : undefined;
                log(partCounts
                    ? `Committing to ${api.webPath}@${upload.revision}${upload.createPr ? ' as a pull request' : ''}: ` +
                        `${partCounts.added} added, ${partCounts.changed} changed, ${partCounts.deleted} deleted ` +
                        `(${partCounts.unchanged} unchanged).`
                    : `Committing${label} to ${api.webPath}@${target.revision}: ${changes.inline.length + changes.lfs.length} ` +
                        `files, ${changes.deletions.length} deleted.`);
                const answer = await postCommit({ lfsFiles: changes.lfs, deletions: changes.deletions, inline: changes.inline }, {
                    transport,
                    api,
                    revision: target.revision,
                    createPr: target.createPr,
                    title: text.title,
                    description: text.description,
                    marker: text.marker,
                    parentCommit: parent,
                    log,
                    onBytes: (sent, bodyTotal) => progress.onCommitBytes(sent, bodyTotal),
                });
                if (answer.kind === 'branch-moved') {
                    moved = answer.refusal;
                    break;
                }
                commitBytes += answer.bodyBytes;
                // Only what is fit to publish goes on: into the outputs, the summary, the next parentCommit.
                const checked = checkCommitAnswer(answer, context.hubUrl);
                rejected.push(...checked.rejected);
                committed.push({ commitOid: checked.commitOid, commitUrl: checked.commitUrl });
                parent = checked.commitOid;
                if (target.createPr) {
                    // The first part opened the pull request: the others go to it.
                    pullRequestUrl = checked.pullRequestUrl;
                    if (index + 1 < total)
                        target = { revision: pullRequestRef(checked.pullRequestUrl), createPr: false };
                }
                const shortOid = checked.commitOid === undefined ? '' : `${checked.commitOid.slice(0, 7)} `;
                const sent = tally.bytes + commitBytes;
                log(total === 1
                    ? `Committed ${shortOid}to ${api.webPath}@${upload.revision}` +
                        `${checked.pullRequestUrl ? ` (pull request ${checked.pullRequestUrl})` : upload.createPr ? ' as a pull request' : ''}: ` +
                        `${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.deleted} ` +
                        `deleted; ${(0,upload_plan/* formatBytes */.z3)(sent)} sent in ${(0,upload_progress/* formatDuration */.a3)((Date.now() - started) / 1000)}.`
                    : `Committed ${shortOid}(${label.trim()}) to ${api.webPath}@${target.revision}` +
                        (checked.commitUrl ? `: ${checked.commitUrl}` : '.'));
            }
            if (moved !== undefined) {
                // Compared again on the branch, the parts that landed are unchanged; a pull request's ref is
                // not what is compared, so a 412 there after its first part is final.
                if (attempt > 1 || target.revision !== upload.revision)
                    throw branchKeptMoving(moved, state);
                log(`Another commit landed on ${upload.revision} while this one was being prepared (HTTP 412): comparing ` +
                    `again on top of the new head, then committing once more.`);
                continue;
            }
            return {
                kind: 'committed',
                commits: committed,
                pullRequestUrl,
                rejected,
                counts,
                bytesSent: tally.bytes + commitBytes,
                durationMs: Date.now() - started,
            };
        }
    }
    catch (error) {
        const failure = uploadFailure(error, state);
        throw committed.length === 0 ? failure : partFailed(failure, committed, partsTotal, api.webPath);
    }
}
/** `refs/pr/N` from the pull request's URL (`…/discussions/N`), where the next parts go. */
function pullRequestRef(url) {
    const number = url === undefined ? undefined : /\/discussions\/(\d+)$/.exec(url)?.[1];
    if (number === undefined) {
        throw new errors/* RemoteError */.Hi("The hub's answer to the commit that opened the pull request does not name it.", {
            code: 'MALFORMED_RESPONSE',
            transient: false,
            hint: 'The pull request may exist: look at the repository before re-running.',
        });
    }
    return `refs/pr/${number}`;
}
/** A failure after some parts landed: which part failed, what landed, and that a re-run finishes the job. */
function partFailed(failure, committed, total, webPath) {
    const cause = failure.cause instanceof errors/* ActionError */.lZ ? failure.cause : failure;
    const of = total > committed.length ? ` of ${total}` : '';
    return new errors/* ActionError */.lZ(`Uploading to ${webPath} failed at commit ${committed.length + 1}${of}: ${cause.message.replace(/\.$/, '')}. ` +
        `${committed
            .map((commit, index) => `Commit ${index + 1}${of} landed${commit.commitUrl ? ` (${commit.commitUrl})` : ''}`)
            .join('; ')}; a re-run sends only what is missing.`, { code: cause.code, hint: cause.hint, cause });
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
    // Read as every planned file is: only if it is still the file the plan chose (planned-file.ts).
    const content = (await readWholeFile(card)).toString('utf8');
    const response = await context.requests.send({
        method: 'POST',
        url: (0,hub_url/* hubEndpoint */.ZM)(context.hubUrl, 'api/validate-yaml'),
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ content, repoType: context.repoKind }),
        what: `checking the metadata of ${CARD_PATH}`,
    });
    const requestId = (0,headers/* requestIdOf */.Gb)(response.headers);
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
 * no `.git` or `.cache` component, no control character. '' is the repository's root. Throws InputError.
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
    // huggingface_hub refuses any path under a `.cache` folder (FORBIDDEN_FOLDERS in utils/_paths.py),
    // and the action leaves such files out of a folder: writing there on purpose is refused the same.
    if (segments.includes('.cache'))
        refuse('contains a `.cache` component: files under `.cache/` are never uploaded');
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
// the default path neither loads nor parses any of it. Two calls: prepare
// (read the folder and refuse bad input, before the exchange) and commit (after the exchange, with
// the token holder, which keeps the token fresh for the whole upload: first what `hf upload` settles before sending any byte,
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
        plan.skippedCacheFolders > 0
            ? `${plan.skippedCacheFolders} .cache/ folder${plan.skippedCacheFolders === 1 ? '' : 's'} skipped`
            : '',
    ].filter(Boolean);
    const destination = plan.kind === 'file' ? (plan.files[0]?.pathInRepo ?? '') : upload.pathInRepo ? `${upload.pathInRepo}/` : 'the root';
    (0,runner_log/* logInfo */.fH)(`Upload: ${plan.files.length} file${plan.files.length === 1 ? '' : 's'} (${(0,upload_plan/* formatBytes */.z3)(plan.totalBytes)}) ` +
        `from ${upload.given} to ${destination} of ${settings.resource.value}@${upload.revision}` +
        `${upload.createPr ? ' as a pull request' : ''}${leftOut.length > 0 ? ` (${leftOut.join(', ')})` : ''}${upload.deletePatterns.length > 0 ? `, deleting what matches \`delete\`` : ''}.`);
    return {
        plan,
        commit: async (holder) => {
            const text = buildCommitText({ message: upload.commitMessage, description: upload.commitDescription });
            try {
                await checkBeforeUploading(plan, upload, settings, holder);
                const outcome = await sendCommits(wholePlan(plan), {
                    upload,
                    hubUrl: settings.hubUrl,
                    maxAttempts: settings.maxAttempts,
                    idleMs: settings.requestTimeoutMs,
                    tokens: holder,
                    text,
                    log: (line) => (0,runner_log/* logInfo */.fH)(line),
                    onSecret: mask/* maskSecret */.$,
                });
                if (outcome.kind === 'unchanged') {
                    (0,runner_log/* logNotice */.n$)(`Nothing changed since the last commit to ${settings.resource.value}@${upload.revision}: all ` +
                        `${outcome.counts.unchanged} files are ` +
                        `identical${upload.deletePatterns.length > 0 ? ' and nothing matches `delete`' : ''}, so no commit ` +
                        `was made and \`commit-sha\` is empty.`);
                }
                // The hub's answers that were not fit to publish: one warning each (commit-answer.ts).
                if (outcome.kind === 'committed')
                    for (const warning of outcome.rejected)
                        (0,runner_log/* logWarning */.FF)(warning);
                const result = toResult(outcome, settings, upload);
                logPublished(result);
                return { result };
            }
            finally {
                (0,agents/* closeIdleConnections */.Kt)();
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
    const api = new HubApi(transport, upload, settings.hubUrl, () => tokens.secrets());
    await checkReadmeMetadata(plan.files, {
        requests: transport,
        hubUrl: settings.hubUrl,
        repoKind: upload.repo.kind,
        secrets: () => tokens.secrets(),
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
        commits: committed ? outcome.commits.map((commit) => ({ oid: commit.commitOid, url: commit.commitUrl })) : [],
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
    const pullRequest = result.pullRequestUrl ? ` as the pull request ${result.pullRequestUrl}` : '';
    const commits = result.commits.length === 1 ? '' : ` in ${result.commits.length} commits; the last:`;
    (0,runner_log/* logInfo */.fH)(last.url === undefined
        ? `Published to ${where}${pullRequest}${commits ? ` in ${result.commits.length} commits` : ''} (the hub's answer held no valid commit URL).`
        : `Published to ${where}${pullRequest}${commits || ':'} ${last.url}`);
}


/***/ })

};
