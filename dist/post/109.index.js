export const id = 109;
export const ids = [109];
export const modules = {

/***/ 227:
/***/ ((module) => {

// Stand-in for undici (see README.md beside this file). @actions/http-client and @actions/github
// import it at load time but the action never calls what they use it for; if anything ever does,
// fail loudly rather than misbehave.


function unused(name) {
  return function () {
    throw new Error(
      `undici.${name} was called, but this bundle replaces undici with a stub (stubs/undici): ` +
        'the action makes its requests with node:http/https and tunnel agents. Remove the override in package.json if undici is needed.',
    );
  };
}

module.exports = {
  ProxyAgent: unused('ProxyAgent'),
  Agent: unused('Agent'),
  fetch: unused('fetch'),
  request: unused('request'),
};


/***/ }),

/***/ 203:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanUpGitCredentials: () => (/* binding */ cleanUpGitCredentials)
});

// UNUSED EXPORTS: configureGitCredentials, isActionHelperCommand, needsHelperReset, readGitCredentialsState, removeGitCredentials, repositoryUrlsOf

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(24);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(136);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var lib_core = __webpack_require__(421);
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = /*#__PURE__*/JSON.parse('{"UU":"hf-oidc-token-action","rE":"1.0.0"}');
;// CONCATENATED MODULE: ./src/about.ts
// Who is calling: the action's name and version, from package.json (one place to bump), sent in the
// User-Agent so the Hub's logs (and a support request quoting an x-request-id) show which action and
// version made the request.

const ACTION_NAME = package_namespaceObject.UU;
const ACTION_VERSION = package_namespaceObject.rE;
const USER_AGENT = (/* unused pure expression or super */ null && (`${ACTION_NAME}/${ACTION_VERSION} (GitHub Actions)`));

;// CONCATENATED MODULE: ./src/errors.ts
// Every error the action raises, in one place. Each has a stable `code` (code branches and tests
// look at codes, never at message text), a `hint` that says what to do next, and, when it adds
// context to a lower-level failure, that failure as its `cause`. main.ts fails the step with the
// message and the hint of whatever reaches it.
/** An expected failure: a message for the user and, optionally, a remedy. */
class errors_ActionError extends Error {
    name = 'ActionError';
    code;
    hint;
    constructor(message, options) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.code = options.code;
        this.hint = options.hint;
    }
}
/** An input is missing or malformed. Raised before any network call. */
class errors_InputError extends errors_ActionError {
    name = 'InputError';
    constructor(message, options = {}) {
        super(message, { ...options, code: 'INPUT_INVALID' });
    }
}
/** The job cannot get a GitHub OIDC ID token at all (no permission, fork pull request, Dependabot). */
class IdTokenUnavailableError extends errors_ActionError {
    name = 'IdTokenUnavailableError';
    constructor(message, options = {}) {
        super(message, { ...options, code: 'ID_TOKEN_UNAVAILABLE' });
    }
}
/** A request to a remote service failed, or its answer was refused. */
class RemoteError extends errors_ActionError {
    name = 'RemoteError';
    transient;
    retryAfterMs;
    requestId;
    constructor(message, options) {
        super(message, options);
        this.transient = options.transient;
        this.retryAfterMs = options.retryAfterMs;
        this.requestId = options.requestId;
    }
}
/**
 * `error` with `context` before its message ("The token exchange at huggingface.co failed: …"), as a
 * new error whose cause is the original. Code, transient flag, Retry-After, request id and hint carry
 * over, so wrapping never changes what is retried.
 */
function wrapRemoteError(context, error) {
    return new RemoteError(`${context}: ${error.message}`, {
        code: error.code,
        transient: error.transient,
        retryAfterMs: error.retryAfterMs,
        requestId: error.requestId,
        hint: error.hint,
        cause: error,
    });
}
/** The trust broker refused the exchange with an OAuth error (RFC 6749 §5.2) or an HTTP error status. */
class ExchangeRefusedError extends RemoteError {
    name = 'ExchangeRefusedError';
    status;
    /** The OAuth `error` code, e.g. `invalid_grant`, when the body carried one. */
    oauthError;
    /** The server's `error_description`, already sanitised for the log. */
    description;
    constructor(message, details) {
        super(message, { ...details, code: 'EXCHANGE_REFUSED' });
        this.status = details.status;
        this.oauthError = details.oauthError;
        this.description = details.description;
    }
}
/**
 * A transient failure that was tried `max-attempts` times. Final (not transient) and carrying the
 * last failure as its cause.
 */
class RetriesExhaustedError extends RemoteError {
    name = 'RetriesExhaustedError';
    constructor(lastError, attempts) {
        super(attempts > 1
            ? `${withoutSentenceEnd(lastError.message)} (gave up after ${attempts} attempts, input \`max-attempts\`).`
            : lastError.message, {
            code: 'RETRIES_EXHAUSTED',
            transient: false,
            hint: lastError.hint,
            requestId: lastError.requestId,
            cause: lastError,
        });
    }
}
/** `text` ending with a full stop, so that another sentence (a hint, "Retrying…") can follow it. */
function endSentence(text) {
    return /[.!?…]$/.test(text) ? text : `${text}.`;
}
/** `text` without its final full stop, so that a clause can be added before the end. */
function withoutSentenceEnd(text) {
    return text.replace(/\.$/, '');
}
/** The message of any thrown value, Error or not. */
function errors_messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
/** Renders any thrown value as one line for `core.setFailed`, with the hint appended. */
function describeFailure(error) {
    if (error instanceof errors_ActionError) {
        return error.hint ? `${endSentence(error.message)} ${error.hint}` : error.message;
    }
    return `Unexpected error: ${errors_messageOf(error)}. This is a bug in the action; please report it with this log.`;
}

;// CONCATENATED MODULE: ./src/http/json.ts
// Network JSON is `unknown` until checked. This is the one place that parses a body and checks it
// is a JSON object; callers then narrow each field they read.
/** Parses `text` as a JSON object (not an array, not null), or says which of the two it is not. */
function parseJsonObject(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return { problem: 'is not valid JSON' };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return { problem: 'is not a JSON object' };
    return { object: parsed };
}

;// CONCATENATED MODULE: ./src/http/endpoint-url.ts
// Which URLs the action sends a credential to. Every endpoint (the hub, a token endpoint, the
// helper's copies of both) is checked here before any request is made.


/** localhost, 127.0.0.0/8 or [::1]: traffic that never leaves the machine. */
function isLoopbackHost(hostname) {
    const host = hostname.toLowerCase();
    return host === 'localhost' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '[::1]';
}
/**
 * An endpoint must be https. Plain http is allowed for loopback hosts only, for local testing: the
 * ID token sent to the broker is a credential and must not cross a network in the clear.
 */
function endpoint_url_parseEndpoint(raw, label) {
    const given = raw.trim();
    let url;
    try {
        url = new URL(given);
    }
    catch {
        throw new InputError(`${label} is not a valid URL: ${quoteForMessage(given)}.`, {
            hint: 'Give an absolute https:// URL, for example https://huggingface.co.',
        });
    }
    if (url.username || url.password) {
        throw new InputError(`${label} must not contain credentials: ${quoteForMessage(url.host)}.`);
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        throw new InputError(`${label} uses plain http:// for ${url.host}, which is not a loopback host.`, {
            hint: 'Use https://. Plain http:// is accepted only for localhost, 127.0.0.0/8 and [::1] (local testing), because the ID token must not cross a network unencrypted.',
        });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new InputError(`${label} must be an https:// URL, got ${quoteForMessage(given)}.`);
    }
    url.hash = '';
    return url;
}

;// CONCATENATED MODULE: ./src/hub/hub-url.ts
// The hub's address, normalised once (in readInputs, and the same way in the git helper): every
// endpoint on the hub is built from it with the URL API, never by string concatenation, so a hub
// under a path prefix (`https://hub.example/mirror`) works and nothing can smuggle in a query.


/**
 * Parses a hub URL (`hub-url`, HF_ENDPOINT, the helper's --hub-url): an endpoint URL (see
 * parseEndpoint) without a query string or fragment, which a hub's address cannot have. The result's
 * path ends with exactly one `/`, so endpoints resolve below it.
 */
function hub_url_parseHubUrl(raw, label) {
    const url = parseEndpoint(raw, label);
    if (/[?#]/.test(raw)) {
        throw new InputError(`${label} must be the hub's address alone, without a query string or fragment.`, {
            hint: "Give it as https://huggingface.co (or your hub's base URL); the action adds the paths it calls.",
        });
    }
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/`;
    return url;
}
/** The hub's URL without its trailing slash: the form @huggingface/hub's `hubUrl` and git config URL keys take. */
function hub_url_hubBaseOf(hubUrl) {
    return hubUrl.href.slice(0, -1);
}
/** The hub's own path, without slashes at either end: '' for a hub at the root of its host. */
function hub_url_hubPathOf(hubUrl) {
    return hubUrl.pathname.slice(1, -1);
}
/** `{hub}/{path}` for a relative `path` such as `oauth/token`. */
function hubEndpoint(hubUrl, path) {
    return new URL(path, hubUrl);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(802);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(161);
;// CONCATENATED MODULE: ./src/git/config.ts
// The few `git config --global` operations the credential setup and its cleanup need. Global,
// because that is what every later step's git reads (checkout-style actions do the same); the
// runner gives each job a fresh HOME on hosted runners, and the post step undoes what was added.





/** `git config --unset` exits 5 when no value matches: the entry is already gone. */
const EXIT_NOTHING_TO_UNSET = 5;
/** `git config --get-all` exits 1 when the key has no value. */
const EXIT_KEY_NOT_FOUND = 1;
function runGit(args) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)('git', [...args], { encoding: 'utf8', timeout: 30_000, windowsHide: true }, (error, stdout, stderr) => {
            if (error && typeof error.code === 'string') {
                // A string code (ENOENT, EACCES) means git itself could not be started.
                reject(new errors_ActionError(`git could not be run (${error.code}); is git installed and on PATH?`, {
                    code: 'GIT_UNAVAILABLE',
                }));
                return;
            }
            resolve({ exitCode: error ? Number(error.code ?? 1) : 0, stdout, stderr });
        });
    });
}
function failure(what, result) {
    const firstLine = result.stderr.trim().split('\n')[0] ?? '';
    return new errors_ActionError(`${what} failed: git exited ${result.exitCode}${firstLine ? ` (${firstLine})` : ''}`, {
        code: 'GIT_FAILED',
    });
}
/**
 * Every value of `key` in the global config, in order; empty when unset. Empty values are kept
 * (`helper =` means something to git), so values are read NUL-terminated (`-z`).
 */
async function config_getGlobalValues(key) {
    const result = await runGit(['config', '--global', '-z', '--get-all', key]);
    if (result.exitCode === EXIT_KEY_NOT_FOUND)
        return [];
    if (result.exitCode !== 0)
        throw failure(`git config --get-all ${key}`, result);
    return result.stdout.split('\0').slice(0, -1);
}
/** Adds a value to `key` after any existing ones (`--add`: never replaces what the user configured). */
async function config_addGlobalValue(key, value) {
    const result = await runGit(['config', '--global', '--add', key, value]);
    if (result.exitCode !== 0)
        throw failure(`git config --add ${key}`, result);
}
/**
 * Removes the one value of `key` that equals `value` exactly (`--fixed-value`, git 2.30+; an empty
 * value matches too), leaving every other value alone. Returns false when no such value was there,
 * and also when several were (git exits 5 for both): callers that care count first.
 */
async function unsetGlobalValue(key, value) {
    const result = await runGit(['config', '--global', '--fixed-value', '--unset', key, value]);
    if (result.exitCode === EXIT_NOTHING_TO_UNSET)
        return false;
    if (result.exitCode !== 0)
        throw failure(`git config --unset ${key}`, result);
    return true;
}
/** The names of all keys in the global config (subsections keep their case). */
async function config_listGlobalKeys() {
    const result = await runGit(['config', '--global', '--name-only', '--list']);
    // No global config file at all: git exits non-zero with "unable to read config file".
    if (result.exitCode !== 0)
        return [];
    return result.stdout.split('\n').filter((line) => line !== '');
}
/** Removes a whole section, e.g. `credential.https://huggingface.co` (left empty by --unset). */
async function removeGlobalSection(section) {
    const result = await runGit(['config', '--global', '--remove-section', section]);
    if (result.exitCode !== 0)
        throw failure(`git config --remove-section ${section}`, result);
}
/**
 * The file `git config --global` writes to, as git chooses it: GIT_CONFIG_GLOBAL, else ~/.gitconfig
 * unless only the XDG file exists. Used to remove a file the setup created and the cleanup emptied.
 */
function config_globalConfigWritePath(env = process.env) {
    const explicit = env['GIT_CONFIG_GLOBAL'];
    if (explicit)
        return explicit;
    const home = env['HOME'] || homedir();
    const userConfig = join(home, '.gitconfig');
    const xdgConfig = join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'git', 'config');
    return !existsSync(userConfig) && existsSync(xdgConfig) ? xdgConfig : userConfig;
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(975);
;// CONCATENATED MODULE: ./src/hub/resource.ts
// The Hub's `resource` grammar for Trusted Publishers: what the exchanged token is for.
// https://huggingface.co/docs/hub/trusted-publishers — `namespace/name` (a model),
// `datasets/…`, `spaces/…`, `kernels/…`, `buckets/…`, or a bare username (a read-only user token).
// Everything is checked here, before any network call, so a typo costs no round trip.


/** The path prefix each repo kind takes in a resource (models have none). */
const PREFIX_BY_KIND = {
    model: '',
    dataset: 'datasets/',
    space: 'spaces/',
    kernel: 'kernels/',
    bucket: 'buckets/',
};
const KIND_BY_PREFIX = new Map([
    ['datasets', 'dataset'],
    ['spaces', 'space'],
    ['kernels', 'kernel'],
    ['buckets', 'bucket'],
]);
/** Prefixes people write by mistake, with the correction. */
const MISTAKEN_PREFIXES = new Map([
    ['models', 'models need no prefix: write `namespace/name`'],
    ['model', 'models need no prefix: write `namespace/name`'],
    ['dataset', 'the prefix is plural: `datasets/namespace/name`'],
    ['space', 'the prefix is plural: `spaces/namespace/name`'],
    ['kernel', 'the prefix is plural: `kernels/namespace/name`'],
    ['bucket', 'the prefix is plural: `buckets/namespace/name`'],
]);
const ACCEPTED_FORMS = (/* unused pure expression or super */ null && ('Accepted forms: `namespace/name` (a model), `datasets/namespace/name`, `spaces/namespace/name`, ' +
    '`kernels/namespace/name`, `buckets/namespace/name`, a bare username (a read-only user token), ' +
    'or the same as a Hub URL such as `https://huggingface.co/datasets/namespace/name`.'));
// huggingface_hub utils/_validators.py: letters, digits, `-`, `_`, `.`; at most 96 characters;
// no `--` or `..`; may not start or end with `-` or `.`.
const MAX_NAME_LENGTH = 96;
const NAME_CHARACTERS = /^[A-Za-z0-9._-]+$/;
/** Why `part` is not a valid namespace or name, or undefined when it is. */
function explainInvalidName(part) {
    if (part.length === 0)
        return 'is empty';
    if (part.length > MAX_NAME_LENGTH)
        return `is ${part.length} characters long (at most ${MAX_NAME_LENGTH})`;
    if (!NAME_CHARACTERS.test(part))
        return 'may only contain letters, digits, `-`, `_` and `.`';
    if (part.includes('--') || part.includes('..'))
        return 'may not contain `--` or `..`';
    if (/^[-.]|[-.]$/.test(part))
        return 'may not start or end with `-` or `.`';
    return undefined;
}
/**
 * Parses the `resource` input (a resource or a Hub URL on `huggingface.co` or on `hubHost`) into its
 * normalised form. Throws an InputError naming the input, the value given and the accepted forms.
 */
function resource_parseResource(raw, hubHost) {
    const given = raw.trim();
    const refuse = (why) => {
        throw new InputError(`Input \`resource\` is invalid: ${quoteForMessage(given)} ${why}.`, { hint: ACCEPTED_FORMS });
    };
    if (given.length === 0)
        refuse('is empty');
    if (given.length > 512)
        refuse('is too long');
    const path = /^[a-z][a-z0-9+.-]*:\/\//i.test(given) ? pathOfHubUrl(given, hubHost, refuse) : given;
    const segments = path.split('/');
    const first = segments[0] ?? '';
    const mistake = MISTAKEN_PREFIXES.get(first.toLowerCase());
    if (segments.length === 3 && mistake)
        refuse(`uses the prefix \`${first}/\`: ${mistake}`);
    const prefixedKind = KIND_BY_PREFIX.get(first);
    if (prefixedKind !== undefined && segments.length !== 3) {
        refuse(`names a ${prefixedKind} without both a namespace and a name (\`${first}/namespace/name\`)`);
    }
    const kind = prefixedKind ?? (segments.length === 1 ? 'user' : 'model');
    const parts = prefixedKind === undefined ? segments : segments.slice(1);
    if (parts.length > 2)
        refuse('has too many `/`-separated parts');
    const labels = kind === 'user' ? ['the username'] : ['the namespace', 'the name'];
    parts.forEach((part, index) => {
        const problem = explainInvalidName(part);
        if (problem)
            refuse(`is not valid: ${labels[index] ?? 'a part'} ${quoteForMessage(part)} ${problem}`);
    });
    if (kind === 'user') {
        const username = parts[0] ?? '';
        return { kind, username, value: username };
    }
    const [namespace = '', name = ''] = parts;
    return { kind, namespace, name, value: `${PREFIX_BY_KIND[kind]}${namespace}/${name}` };
}
/** The resource path inside a Hub URL such as `https://huggingface.co/datasets/acme/x/`. */
function pathOfHubUrl(given, hubHost, refuse) {
    let url;
    try {
        url = new URL(given);
    }
    catch {
        return refuse('is not a valid URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        refuse('is a URL but not an http(s) one');
    const host = url.host.toLowerCase();
    const knownHosts = new Set(['huggingface.co', 'www.huggingface.co', hubHost.toLowerCase()]);
    if (!knownHosts.has(host)) {
        refuse(`is a URL on ${host}, which is neither huggingface.co nor the configured hub (${hubHost})`);
    }
    if (url.username || url.password)
        refuse('is a URL with credentials in it');
    let path;
    try {
        path = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '');
    }
    catch {
        return refuse('is a URL with a malformed percent-encoding');
    }
    if (path.length === 0)
        refuse('is a URL without a repository or user path');
    return path;
}
/** What a token for this resource can do, in words for the log and the job summary. */
function describeAccess(resource) {
    if (resource.kind === 'user') {
        return `read-only access as user ${resource.username} (public and gated repositories the user can read; no private repositories, no writes)`;
    }
    return `write access to the ${resource.kind} ${resource.namespace}/${resource.name} only`;
}

;// CONCATENATED MODULE: ./src/git/helper-command.ts
// The git credential helper's command line, both ways: the action writes it into git config, the
// helper reads it back. Everything the helper needs travels here, and none of it is secret (the ID
// token comes from the job's environment at the moment git asks; the Hub token goes to git only).
//
// git runs a helper value that starts with `!` as a shell command and appends the operation
// (`get`, `store`, `erase`): https://git-scm.com/docs/gitcredentials#_custom_helpers. Every word is
// single-quoted for that shell, so paths with spaces or quotes survive.
//
// Windows (reasoned from the sources; not run on Windows here). Git for Windows runs the command
// with the `sh` it finds on PATH, its bundled MSYS2 bash (run-command.c: git_shell_path,
// prepare_shell_cmd). Inside single quotes a backslash is literal, so `'C:\…\node.exe'` and
// `'D:\a\_actions\…\index.js'` reach the program as written (gh writes its Windows helper the same
// way, `!'C:\…\gh.exe' auth git-credential`); unquoted, bash would eat the backslashes. When bash
// starts a native program (node.exe) the MSYS2 runtime rewrites arguments that look like POSIX
// paths (msys2_path_conv.cc): our arguments are a drive path (`X:\…`, left as is), URLs
// (`scheme://…`, left as is), a resource `namespace/name` (no leading `/` or `:`, left as is), and
// numbers and a hex id (no `/`, not looked at). Only an `--audience` starting with `/` would be
// rewritten; audiences are URLs. test/unit/helper-command.test.ts runs the command built from
// Windows paths through sh, bash and git on Linux.





const OPTIONS = {
    'hub-url': { type: 'string' },
    resource: { type: 'string' },
    'token-endpoint': { type: 'string' },
    audience: { type: 'string' },
    'max-attempts': { type: 'string' },
    'timeout-seconds': { type: 'string' },
    'deadline-seconds': { type: 'string' },
    id: { type: 'string' },
};
/**
 * Quotes one word for a POSIX shell (git runs `!` helpers with `sh -c`, Git for Windows included),
 * as git's own sq_quote_buf does (quote.c; git also escapes `!` for interactive csh, which a
 * non-interactive `sh -c` does not need).
 */
function quoteForShell(word) {
    return `'${word.replace(/'/g, `'\\''`)}'`;
}
/** The helper arguments for these settings, in the order parseHelperArguments reads them. */
function buildHelperArguments(settings) {
    return [
        '--hub-url',
        settings.hubUrl.href,
        '--resource',
        settings.resource.value,
        '--token-endpoint',
        settings.tokenEndpoint.href,
        '--audience',
        settings.audience,
        '--max-attempts',
        String(settings.maxAttempts),
        '--timeout-seconds',
        String(settings.requestTimeoutMs / 1000),
        '--deadline-seconds',
        String(settings.deadlineMs / 1000),
        '--id',
        settings.id,
    ];
}
/**
 * The git config value: `!'<node>' '<helper.js>' --hub-url '…' …`. `node` is the Node that runs the
 * action (process.execPath): it stays on the runner for the whole job, whatever `node` is on PATH.
 */
function helper_command_buildHelperCommand(nodePath, helperPath, settings) {
    return `!${[nodePath, helperPath, ...buildHelperArguments(settings)].map(quoteForShell).join(' ')}`;
}
/** Reads the helper's command line (as git runs it: our arguments, then the operation). */
function parseHelperArguments(argv) {
    let parsed;
    try {
        parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    }
    catch (error) {
        throw new InputError(`the helper's command line is malformed (${messageOf(error)}).`);
    }
    const { values, positionals } = parsed;
    const last = positionals.at(-1);
    const operation = last === 'get' || last === 'store' || last === 'erase' ? last : 'other';
    const required = (name) => {
        const value = values[name];
        if (value === undefined || value === '')
            throw new InputError(`the helper's command line has no --${name}.`);
        return value;
    };
    const whole = (name) => {
        const value = Number(required(name));
        if (!Number.isInteger(value) || value < 1)
            throw new InputError(`the helper's --${name} is not a positive whole number.`);
        return value;
    };
    const hubUrl = parseHubUrl(required('hub-url'), "The helper's --hub-url");
    return {
        operation,
        settings: {
            hubUrl,
            resource: parseResource(required('resource'), hubUrl.host),
            tokenEndpoint: parseEndpoint(required('token-endpoint'), "The helper's --token-endpoint"),
            audience: required('audience'),
            maxAttempts: whole('max-attempts'),
            requestTimeoutMs: whole('timeout-seconds') * 1000,
            deadlineMs: whole('deadline-seconds') * 1000,
            id: required('id'),
        },
    };
}

;// CONCATENATED MODULE: ./src/git/credential-protocol.ts
// git's credential-helper protocol, the pure parts: read what git asks, decide whether the question
// is ours to answer, and write the answer. https://git-scm.com/docs/git-credential#IOFMT
//
// Scope. git sends `protocol` and `host` always, and `path` only when `credential.<url>.useHttpPath`
// is true for the URL. The action configures its helper, and turns useHttpPath on, for the
// configured resource's URLs only (`{hub}/{resource}` and `{hub}/{resource}.git`, which also covers
// git-lfs's `….git/info/lfs`; see credentials.ts). The helper answers only when the path names the
// configured resource; without a path it cannot know which repository git is talking to, and stays
// silent.
//
// The path check follows git's own matching of `credential.<url>.*` keys, so the helper never
// answers for a URL its configuration does not cover (git's urlmatch.c, credential.c):
// - scheme and host compare case-insensitively, a default port (`:443`, `:0443`) is the same as none;
// - the path compares case-sensitively, as a prefix that ends on a `/` boundary
//   (`acme/model` covers `acme/model/info/lfs`, not `acme/model-2` or `acme/MODEL`);
// - before comparing, escapes of unreserved characters are decoded (`%2e` is `.`), and `.` and `..`
//   segments are resolved; a `..` above the root makes the URL invalid.
// git hands the helper the path once percent-decoded (credential_from_url), and curl resolves dot
// segments before it sends the request: `acme/model/../other` reaches acme/other. So the helper
// resolves them too, and reads the path both as git matched it (its `%` literal) and as a server
// that decodes once more would (`%2e%2e` is `..`): it answers only when both name the repository.

/**
 * The username the helper answers when git did not bring one. The Hub authenticates git over HTTP
 * by the token in the password; huggingface_hub's own git credential setup uses this same name.
 */
const DEFAULT_USERNAME = 'hf_user';
/** Parses git's `key=value` lines, up to a blank line or the end. Unknown and repeated keys are ignored. */
function parseCredentialRequest(text) {
    const fields = new Map();
    for (const line of text.split('\n')) {
        const trimmed = line.replace(/\r$/, '');
        if (trimmed === '')
            break;
        const separator = trimmed.indexOf('=');
        if (separator <= 0)
            continue;
        const key = trimmed.slice(0, separator);
        if (!fields.has(key))
            fields.set(key, trimmed.slice(separator + 1));
    }
    return {
        protocol: fields.get('protocol'),
        host: fields.get('host'),
        path: fields.get('path'),
        username: fields.get('username'),
    };
}
/** The repository path of `resource` on the hub's git server, below the hub's own path (if any). */
function credential_protocol_repositoryPathOf(hubUrl, resource) {
    const base = hubPathOf(hubUrl);
    return base ? `${base}/${resource.value}` : resource.value;
}
/** RFC 3986 unreserved characters: the only ones whose escapes git's URL normalisation decodes. */
const UNRESERVED = /^[A-Za-z0-9._~-]$/;
/** Reserved characters git's URL normalisation leaves as they are, escaped or not (urlmatch.c URL_RESERVED). */
const RESERVED = /^[:/?#[\]@!$&'()*+,;=]$/;
/** The default port of each scheme the helper can be asked about; git drops it before matching. */
const DEFAULT_PORTS = { http: '80', https: '443' };
/**
 * One path segment as git's url_normalize writes it: escapes of unreserved characters decoded,
 * other escapes upper-cased, characters that need escaping escaped. Undefined for a malformed escape.
 */
function normalizeSegment(segment) {
    let normalized = '';
    for (let index = 0; index < segment.length; index++) {
        const character = segment[index] ?? '';
        if (character === '%') {
            const hex = segment.slice(index + 1, index + 3);
            if (!/^[0-9A-Fa-f]{2}$/.test(hex))
                return undefined;
            const decoded = String.fromCharCode(Number.parseInt(hex, 16));
            normalized += UNRESERVED.test(decoded) ? decoded : `%${hex.toUpperCase()}`;
            index += 2;
        }
        else if (UNRESERVED.test(character) || RESERVED.test(character)) {
            normalized += character;
        }
        else {
            for (const byte of Buffer.from(character, 'utf8'))
                normalized += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
        }
    }
    return normalized;
}
/**
 * The segments of a URL path (without its leading `/`) after git's URL normalisation (urlmatch.c,
 * url_normalize): each segment normalised, `.` dropped, `..` dropping the segment before it.
 * Undefined where git gives up on the URL: a malformed escape, or a `..` above the root.
 */
function normalizePathSegments(path) {
    const segments = [];
    for (const raw of path.split('/')) {
        const segment = normalizeSegment(raw);
        if (segment === undefined)
            return undefined;
        if (segment === '.')
            continue;
        if (segment === '..') {
            if (segments.length === 0)
                return undefined;
            segments.pop();
            continue;
        }
        segments.push(segment);
    }
    return segments;
}
/** `host` (with an optional port) as git compares it: lower case, without the scheme's default port. */
function normalizeHost(protocol, host) {
    const match = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(host.toLowerCase());
    if (!match)
        return undefined;
    const [, name = '', digits = ''] = match;
    const port = digits.replace(/^0+(?=.)/, '');
    if (port === '0')
        return undefined;
    return port === '' || port === DEFAULT_PORTS[protocol] ? name : `${name}:${port}`;
}
/**
 * Whether a path's segments start with the repository's: the same segments, the last one with or
 * without `.git`, and a prefix only on a segment boundary (git's url_match_prefix).
 */
function isWithinRepository(segments, repository) {
    if (segments === undefined || segments.length < repository.length)
        return false;
    return repository.every((expected, index) => index === repository.length - 1
        ? segments[index] === expected || segments[index] === `${expected}.git`
        : segments[index] === expected);
}
/**
 * Whether a request is for the configured hub and resource: the hub's scheme and host, and a path
 * that is the resource's repository, with or without `.git`, or something below it (git-lfs asks for
 * `….git/info/lfs`), compared the way git matches `credential.<url>` keys (see the top of this file).
 */
function isRequestInScope(request, hubUrl, resource) {
    const protocol = hubUrl.protocol.replace(/:$/, '');
    if (request.protocol?.toLowerCase() !== protocol)
        return false;
    if (request.host === undefined || normalizeHost(protocol, request.host) !== normalizeHost(protocol, hubUrl.host)) {
        return false;
    }
    const path = request.path;
    // A query or fragment ends a URL's path; git appends its own after the repository URL, never in it.
    if (path === undefined || /[?#\p{Cc}]/u.test(path))
        return false;
    const repository = normalizePathSegments(credential_protocol_repositoryPathOf(hubUrl, resource));
    if (repository === undefined)
        return false;
    // As git matched it (git decoded the URL once; a `%` left in the path is a character), and as a
    // server that decodes once more would read it.
    return [path.replace(/%/g, '%25'), path].every((reading) => isWithinRepository(normalizePathSegments(reading), repository));
}
/**
 * The answer to a `get`. `password_expiry_utc` (git 2.40+, ignored by older gits) keeps a caching
 * helper later in the list from keeping the token past its hour.
 */
function formatCredentialAnswer(answer) {
    for (const value of [answer.username, answer.password]) {
        // git reads one attribute per line; a value with a line break would forge attributes.
        if (/[\r\n\0]/.test(value))
            throw new Error('a credential value contains a line break or NUL');
    }
    const lines = [`username=${answer.username}`, `password=${answer.password}`];
    if (answer.expiresAtSeconds !== undefined)
        lines.push(`password_expiry_utc=${Math.floor(answer.expiresAtSeconds)}`);
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/runner/state.ts
var state = __webpack_require__(3);
;// CONCATENATED MODULE: ./src/git/credentials.ts
// `git-credentials: true`: configure git, for the rest of the job, to get a fresh Hub token from the
// credential helper each time it talks to the configured resource on the hub; and, in the post step,
// remove exactly what was added.
//
// What is added to the global git config (never a token, only the helper's command line), for each
// of the resource's two URLs, `{hub}/{resource}` and `{hub}/{resource}.git`:
//   [credential "<hub>/<resource>"]
//     helper =                 (empty: git resets its helper list here; not added if already reset, see below)
//     helper = !'<node>' '<dist>/git-credential-helper/index.js' --hub-url … --id <random>
//     useHttpPath = true       (only if not set already)
//
// Why the empty value. git collects `credential.helper` and every matching `credential.<url>.helper`
// in config order (system, global, local, command line; credential.c with urlmatch.c's select_all:
// a URL-specific value does not outrank a generic one, it is simply read later), asks each for `get`
// until one answers, and after a successful request sends `store` to every one of them. Git for
// Windows installs a system `credential.helper=manager` (GCM) and macOS gits often `osxkeychain`:
// asked first, they would answer with the 60-minute token they were handed to store an hour earlier,
// and a late push would fail. An empty value resets the list collected so far (git 2.9+), so for
// these two URLs only the action's helper is asked, stored to and erased from. The sections name the
// repository's URLs, never the host: git matches them as a path prefix on a segment boundary, so
// every other repository on the hub, and every other host, keeps the user's helpers. Helpers added
// after ours (a repository's own config, `git -c`) still come after it: ours answers first.
//
// Several invocations in one job: the first to configure a URL adds the reset; a later one whose
// URL section already ends with a reset followed only by this action's helpers adds just its helper
// (git asks the first; all of them answer alike). Post steps run in reverse order, so the reset goes
// with the invocation that added it, last. Each entry carries its invocation's random `--id`.
//
// useHttpPath makes git (and git-lfs) tell the helper which repository it wants, so the helper can
// check it (credential-protocol.ts). What was added is saved with core.saveState before anything is
// written, so the post step can remove it even if this step dies half-way; removing what is not
// there is harmless.













/** Where the build puts the helper, relative to dist/index.js (see the `build` script). */
const HELPER_DIRECTORY = 'git-credential-helper';
/** The URLs whose git requests should carry the path: the resource's repository, with and without `.git`. */
function repositoryUrlsOf(settings) {
    const repository = `${settings.hubUrl.origin}/${repositoryPathOf(settings.hubUrl, settings.resource)}`;
    return [repository, `${repository}.git`];
}
/**
 * Whether a helper command is one this action configures (any invocation, any version that builds
 * its command with buildHelperCommand): `!'<node>' '<…>/git-credential-helper/index.js' '--hub-url' …`.
 */
function isActionHelperCommand(value) {
    return /^!'.*[\\/]git-credential-helper[\\/]index\.js' '--hub-url' '/.test(value);
}
/**
 * Whether our helper needs an empty `helper` value before it in a URL section holding `values`
 * (the global config's values of that key, in order): unless the section's last reset is followed
 * only by this action's helpers, an earlier invocation's reset that already does the job.
 */
function needsHelperReset(values) {
    const lastReset = values.lastIndexOf('');
    return lastReset === -1 || !values.slice(lastReset + 1).every(isActionHelperCommand);
}
/** Adds the credential helper to the global git config and records what was added for the post step. */
async function configureGitCredentials(settings, env = process.env) {
    // dist/index.js and dist/git-credential-helper/index.js are built side by side; the helper runs
    // from the same checkout of the action, so its path is stable for the rest of the job.
    const helperPath = join(dirname(fileURLToPath(import.meta.url)), HELPER_DIRECTORY, 'index.js');
    if (!existsSync(helperPath)) {
        throw new ActionError(`The git credential helper is missing at ${helperPath}.`, {
            code: 'PACKAGING',
            hint: 'This is a packaging bug in the action; please report it.',
        });
    }
    const helperCommand = buildHelperCommand(process.execPath, helperPath, {
        ...settings,
        id: randomBytes(8).toString('hex'),
    });
    try {
        const entries = [];
        for (const url of repositoryUrlsOf(settings)) {
            const helperKey = `credential.${url}.helper`;
            if (needsHelperReset(await getGlobalValues(helperKey)))
                entries.push({ key: helperKey, value: '' });
            entries.push({ key: helperKey, value: helperCommand });
            const useHttpPathKey = `credential.${url}.useHttpPath`;
            if ((await getGlobalValues(useHttpPathKey)).length === 0)
                entries.push({ key: useHttpPathKey, value: 'true' });
        }
        const existingKeys = await listGlobalKeys();
        const sections = [...new Set(entries.map((entry) => entry.key.slice(0, entry.key.lastIndexOf('.'))))];
        const configFile = globalConfigWritePath(env);
        const state = {
            entries,
            createdSections: sections.filter((section) => !existingKeys.some((key) => key.startsWith(`${section}.`))),
            createdConfigFile: existsSync(configFile) ? undefined : configFile,
        };
        core.saveState(GIT_CREDENTIALS_STATE, JSON.stringify(state));
        // In order: each URL's reset before its helper.
        for (const entry of entries)
            await addGlobalValue(entry.key, entry.value);
    }
    catch (error) {
        const gitUnavailable = isGitUnavailable(error);
        throw new ActionError(`Configuring git for \`git-credentials\` failed: ${messageOf(error)}.`, {
            code: gitUnavailable ? 'GIT_UNAVAILABLE' : 'GIT_FAILED',
            cause: error,
            hint: gitUnavailable
                ? 'Install git before this step, or set `git-credentials: false`.'
                : 'Anything already added is removed by the post step.',
        });
    }
    const [repositoryUrl = hubBaseOf(settings.hubUrl)] = repositoryUrlsOf(settings);
    core.info(`Configured git for the rest of the job: \`git clone\`, \`fetch\` and \`push\` (LFS included) to ${repositoryUrl} ` +
        'get a fresh token from a credential helper each time, the only helper git asks for that repository; no token is stored. ' +
        'The post step removes this configuration.');
}
/** The post step's work: read what the main step added, remove it. Never throws; problems become warnings. */
async function cleanUpGitCredentials() {
    try {
        const state = readGitCredentialsState();
        if (state !== undefined)
            await removeGitCredentials(state);
    }
    catch (error) {
        lib_core/* warning */.$e(`The post step could not clean up the git configuration: ${errors_messageOf(error)}. ` +
            `On a self-hosted runner, check the global git config for a credential helper of ${ACTION_NAME}.`);
    }
}
/** The state saved by configureGitCredentials, or undefined when this step added nothing. */
function readGitCredentialsState() {
    const text = lib_core/* getState */.Gu(state/* GIT_CREDENTIALS_STATE */.Y);
    if (text === '')
        return undefined;
    const { object, problem } = parseJsonObject(text);
    if (problem !== undefined)
        throw new Error(`the saved state ${problem}`);
    if (!isGitCredentialsState(object))
        throw new Error('the saved state does not have the expected shape');
    return object;
}
/** `key = value` for a message; the helper's long command line shortened, the empty reset named. */
function describeEntry(entry) {
    if (entry.value === '')
        return `the empty ${entry.key} (which resets git's helper list)`;
    return isActionHelperCommand(entry.value) ? `this step's ${entry.key}` : `${entry.key} = ${entry.value}`;
}
function isGitUnavailable(error) {
    return error instanceof errors_ActionError && error.code === 'GIT_UNAVAILABLE';
}
function isGitCredentialsState(value) {
    const { entries, createdSections, createdConfigFile } = value;
    const isEntry = (entry) => typeof entry === 'object' &&
        entry !== null &&
        typeof entry['key'] === 'string' &&
        typeof entry['value'] === 'string';
    return (Array.isArray(entries) &&
        entries.every(isEntry) &&
        Array.isArray(createdSections) &&
        createdSections.every((section) => typeof section === 'string') &&
        (createdConfigFile === undefined || typeof createdConfigFile === 'string'));
}
/**
 * Removes what configureGitCredentials added, and only that. Never throws: every problem becomes a
 * warning, because a cleanup must not fail a job whose real work is done.
 */
async function removeGitCredentials(state) {
    let removed = 0;
    for (const entry of state.entries) {
        try {
            // `git config --unset` cannot pick one of several equal values (an empty `helper` the user
            // also has in this very section): leave it rather than remove the user's.
            const equal = (await config_getGlobalValues(entry.key)).filter((value) => value === entry.value).length;
            if (equal > 1) {
                lib_core/* warning */.$e(`Did not remove ${describeEntry(entry)} from the global git config: the same value is there ${equal} times ` +
                    'and git cannot tell which one this step added. Later jobs on this runner may still see it.');
            }
            else if (equal === 1 && (await unsetGlobalValue(entry.key, entry.value))) {
                removed++;
            }
        }
        catch (error) {
            if (isGitUnavailable(error))
                throw error; // one warning, not one per entry
            lib_core/* warning */.$e(`Could not remove ${describeEntry(entry)} from the global git config: ${errors_messageOf(error)}. Later jobs on this runner may still see it.`);
        }
    }
    if (state.createdSections.length > 0) {
        try {
            const remainingKeys = await config_listGlobalKeys();
            for (const section of state.createdSections) {
                if (!remainingKeys.some((key) => key.startsWith(`${section}.`)))
                    await removeGlobalSection(section);
            }
        }
        catch {
            // An empty section header left behind changes nothing git does; not worth a warning.
        }
    }
    if (state.createdConfigFile !== undefined) {
        try {
            if ((0,external_node_fs_.existsSync)(state.createdConfigFile) && (0,external_node_fs_.readFileSync)(state.createdConfigFile, 'utf8').trim() === '') {
                (0,external_node_fs_.unlinkSync)(state.createdConfigFile);
            }
        }
        catch (error) {
            lib_core/* warning */.$e(`Could not remove the empty git config file ${state.createdConfigFile}: ${errors_messageOf(error)}.`);
        }
    }
    lib_core/* info */.pq(`Removed the git credential configuration this step added (${removed} of ${state.entries.length} entries were still there).`);
}


/***/ })

};
