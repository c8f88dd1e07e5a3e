export const id = 882;
export const ids = [882];
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
        'the action makes its requests with node:http/https and tunnel agents. Drop the undici alias in tsconfig.json if it is needed.',
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

/***/ 400:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanUpGitCredentials: () => (/* binding */ cleanUpGitCredentials)
});

// UNUSED EXPORTS: configureGitCredentials, readGitCredentialsState, removeGitCredentials, repositoryUrlsOf

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
;// CONCATENATED MODULE: ./src/errors.ts
// The few error types the action raises. Each carries a user-facing `hint` (what to do next) so that
// main.ts can fail the step with one message that says what failed, why, and what to do.
/** Base class: an expected failure with a message for the user and, optionally, a remedy. */
class errors_ActionError extends Error {
    name = 'ActionError';
    hint;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.hint = options.hint;
    }
}
/** An input is missing or malformed. Raised before any network call. */
class errors_InputError extends (/* unused pure expression or super */ null && (errors_ActionError)) {
    name = 'InputError';
}
/** The job cannot get a GitHub OIDC ID token at all (no permission, fork pull request, Dependabot). */
class IdTokenUnavailableError extends (/* unused pure expression or super */ null && (errors_ActionError)) {
    name = 'IdTokenUnavailableError';
}
/**
 * A request to a remote service failed. `transient` says whether trying again may help; retry.ts
 * only retries errors that say so, and honours `retryAfterMs` when the server sent `Retry-After`.
 */
class RemoteError extends errors_ActionError {
    name = 'RemoteError';
    transient;
    retryAfterMs;
    constructor(message, options) {
        super(message, options);
        this.transient = options.transient;
        this.retryAfterMs = options.retryAfterMs;
    }
}
/** The trust broker refused the exchange with an OAuth error (RFC 6749 §5.2) or an HTTP error status. */
class ExchangeRefusedError extends RemoteError {
    name = 'ExchangeRefusedError';
    status;
    /** The OAuth `error` code, e.g. `invalid_grant`, when the body carried one. */
    oauthError;
    /** The server's `error_description`, already sanitised for the log. */
    description;
    requestId;
    constructor(message, details) {
        super(message, details);
        this.status = details.status;
        this.oauthError = details.oauthError;
        this.description = details.description;
        this.requestId = details.requestId;
    }
}
/**
 * A transient failure that was tried `max-attempts` times. Final, so that an enclosing retry loop
 * (main.ts retries the exchange around the ID-token request) does not start the attempts over.
 */
class RetriesExhaustedError extends RemoteError {
    name = 'RetriesExhaustedError';
    constructor(lastError, attempts) {
        super(attempts > 1
            ? `${withoutSentenceEnd(lastError.message)} (gave up after ${attempts} attempts, input \`max-attempts\`).`
            : lastError.message, { transient: false, hint: lastError.hint, cause: lastError });
    }
}
/** A bound was hit: a single request's timeout or the step's overall deadline. */
class TimeoutError extends RemoteError {
    name = 'TimeoutError';
    constructor(message, options) {
        super(message, options);
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(802);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(161);
;// CONCATENATED MODULE: ./src/git-config.ts
// The few `git config --global` operations the credential setup and its cleanup need. Global,
// because that is what every later step's git reads (checkout-style actions do the same); the
// runner gives each job a fresh HOME on hosted runners, and the post step undoes what was added.




/** Raised when git itself cannot be run (not installed, not on PATH). */
class git_config_GitUnavailableError extends Error {
    name = 'GitUnavailableError';
}
/** `git config --unset` exits 5 when no value matches: the entry is already gone. */
const EXIT_NOTHING_TO_UNSET = 5;
/** `git config --get-all` exits 1 when the key has no value. */
const EXIT_KEY_NOT_FOUND = 1;
function runGit(args) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)('git', [...args], { encoding: 'utf8', timeout: 30_000, windowsHide: true }, (error, stdout, stderr) => {
            if (error && typeof error.code === 'string') {
                reject(new git_config_GitUnavailableError(`git could not be run (${error.code}); is git installed and on PATH?`));
                return;
            }
            resolve({ exitCode: error ? Number(error.code ?? 1) : 0, stdout, stderr });
        });
    });
}
function failure(what, result) {
    return new Error(`${what} failed: git exited ${result.exitCode}${result.stderr.trim() ? ` (${result.stderr.trim().split('\n')[0] ?? ''})` : ''}`);
}
/** Every value of `key` in the global config, in order; empty when unset. */
async function git_config_getGlobalValues(key) {
    const result = await runGit(['config', '--global', '--get-all', key]);
    if (result.exitCode === EXIT_KEY_NOT_FOUND)
        return [];
    if (result.exitCode !== 0)
        throw failure(`git config --get-all ${key}`, result);
    return result.stdout.split('\n').filter((line) => line !== '');
}
/** Adds a value to `key` after any existing ones (`--add`: never replaces what the user configured). */
async function git_config_addGlobalValue(key, value) {
    const result = await runGit(['config', '--global', '--add', key, value]);
    if (result.exitCode !== 0)
        throw failure(`git config --add ${key}`, result);
}
/**
 * Removes the one value of `key` that equals `value` exactly (`--fixed-value`, git 2.30+), leaving
 * every other value alone. Returns false when no such value was there.
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
async function git_config_listGlobalKeys() {
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
function git_config_globalConfigWritePath(env = process.env) {
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
;// CONCATENATED MODULE: ./src/resource.ts
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

;// CONCATENATED MODULE: ./src/inputs.ts
// The only place that reads the action's inputs. Everything is parsed, defaulted and validated here,
// before any network call, into one readonly object that the rest of the action receives.




const DEFAULT_HUB_URL = 'https://huggingface.co';
/** The `aud` the Hub requires on the ID token (hub-docs, trusted-publishers.md). */
const DEFAULT_AUDIENCE = 'https://huggingface.co';
/** Reads, defaults and validates every input. Throws InputError on the first problem. */
function readInputs(env = process.env) {
    const hubInput = core.getInput('hub-url');
    const hubFromEnvironment = hubInput === '' && (env['HF_ENDPOINT'] ?? '').trim() !== '';
    const hubUrl = inputs_parseEndpoint(hubInput || env['HF_ENDPOINT']?.trim() || DEFAULT_HUB_URL, hubFromEnvironment ? 'The HF_ENDPOINT environment variable (used because `hub-url` is empty)' : 'Input `hub-url`');
    const endpointInput = core.getInput('token-endpoint');
    const tokenEndpoint = endpointInput
        ? inputs_parseEndpoint(endpointInput, 'Input `token-endpoint`')
        : new URL(`${hubUrl.href.replace(/\/$/, '')}/oauth/token`);
    return {
        resource: parseResource(core.getInput('resource', { required: false }), hubUrl.host),
        audience: parseAudience(core.getInput('audience') || DEFAULT_AUDIENCE),
        hubUrl,
        tokenEndpoint,
        exportEnv: readBoolean('export-env', true),
        maxAttempts: readInteger('max-attempts', 4, 1, 10),
        requestTimeoutMs: readInteger('timeout-seconds', 15, 1, 300) * 1000,
        deadlineMs: readInteger('deadline-seconds', 90, 1, 900) * 1000,
        gitCredentials: readBoolean('git-credentials', false),
        verify: readBoolean('verify', false),
        pythonOidcResource: env['HF_OIDC_RESOURCE']?.trim() || undefined,
    };
}
function isLoopbackHost(hostname) {
    const host = hostname.toLowerCase();
    return host === 'localhost' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '[::1]';
}
/**
 * An endpoint must be https. Plain http is allowed for loopback hosts only, for local testing: the
 * ID token sent to the broker is a credential and must not cross a network in the clear.
 */
function inputs_parseEndpoint(raw, label) {
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
function parseAudience(raw) {
    const audience = raw.trim();
    if (audience.length > 512 || /[\s\p{Cc}]/u.test(audience)) {
        throw new InputError(`Input \`audience\` must be a single value without spaces: ${quoteForMessage(audience.slice(0, 80))}.`, {
            hint: `The Hugging Face Hub expects ${DEFAULT_AUDIENCE}; leave the input unset to use it.`,
        });
    }
    return audience;
}
function readBoolean(name, defaultValue) {
    if (core.getInput(name) === '')
        return defaultValue;
    try {
        return core.getBooleanInput(name);
    }
    catch {
        throw new InputError(`Input \`${name}\` must be true or false, got ${quoteForMessage(core.getInput(name))}.`);
    }
}
function readInteger(name, defaultValue, min, max) {
    const raw = core.getInput(name);
    if (raw === '')
        return defaultValue;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
        throw new InputError(`Input \`${name}\` must be a whole number from ${min} to ${max}, got ${quoteForMessage(raw)}.`, {
            hint: `Leave it unset for the default (${defaultValue}).`,
        });
    }
    return value;
}

;// CONCATENATED MODULE: ./src/helper-command.ts
// The git credential helper's command line, both ways: the action writes it into git config, the
// helper reads it back. Everything the helper needs travels here, and none of it is secret (the ID
// token comes from the job's environment at the moment git asks; the Hub token goes to git only).
//
// git runs a helper value that starts with `!` as a shell command and appends the operation
// (`get`, `store`, `erase`): https://git-scm.com/docs/gitcredentials#_custom_helpers. Every word is
// single-quoted for that shell, so paths with spaces or quotes survive.




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
/** Quotes one word for a POSIX shell (git runs `!` helpers with `sh -c`, Git for Windows included). */
function quoteForShell(word) {
    return `'${word.replace(/'/g, `'\\''`)}'`;
}
/** The helper arguments for these settings, in the order parseHelperArguments reads them. */
function buildHelperArguments(settings) {
    return [
        '--hub-url', settings.hubUrl.href,
        '--resource', settings.resource.value,
        '--token-endpoint', settings.tokenEndpoint.href,
        '--audience', settings.audience,
        '--max-attempts', String(settings.maxAttempts),
        '--timeout-seconds', String(settings.requestTimeoutMs / 1000),
        '--deadline-seconds', String(settings.deadlineMs / 1000),
        '--id', settings.id,
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
    const hubUrl = parseEndpoint(required('hub-url'), 'The helper\'s --hub-url');
    return {
        operation,
        settings: {
            hubUrl,
            resource: parseResource(required('resource'), hubUrl.host),
            tokenEndpoint: parseEndpoint(required('token-endpoint'), 'The helper\'s --token-endpoint'),
            audience: required('audience'),
            maxAttempts: whole('max-attempts'),
            requestTimeoutMs: whole('timeout-seconds') * 1000,
            deadlineMs: whole('deadline-seconds') * 1000,
            id: required('id'),
        },
    };
}

// EXTERNAL MODULE: ./src/state.ts
var state = __webpack_require__(462);
;// CONCATENATED MODULE: ./src/git-credentials.ts
// `git-credentials: true`: configure git, for the rest of the job, to get a fresh Hub token from the
// credential helper each time it talks to the configured resource on the hub; and, in the post step,
// remove exactly what was added.
//
// What is added to the global git config (never a token, only the helper's command line):
//   credential.<hub>.helper = !'<node>' '<dist>/git-credential-helper/index.js' --hub-url … --id <random>
//   credential.<hub>/<resource>.useHttpPath = true       (only if not set already)
//   credential.<hub>/<resource>.git.useHttpPath = true   (only if not set already)
// The helper is added after any helper the user has (`--add`, never an empty value, which would
// reset git's list), so the user's helpers are asked first. useHttpPath makes git (and git-lfs)
// tell the helper which repository it wants, for these two URLs only; see credential-protocol.ts.
// What was added is saved with core.saveState before anything is written, so the post step can
// remove it even if this step dies half-way; removing what is not there is harmless.










/** Where the build puts the helper, relative to dist/index.js (see the `build` script). */
const HELPER_DIRECTORY = 'git-credential-helper';
/** The hub's URL without a trailing slash, as git config URL keys are written. */
function hubBaseOf(hubUrl) {
    return hubUrl.href.replace(/\/+$/, '');
}
/** The URLs whose git requests should carry the path: the resource's repository, with and without `.git`. */
function repositoryUrlsOf(settings) {
    const repository = `${settings.hubUrl.origin}/${repositoryPathOf(settings.hubUrl, settings.resource)}`;
    return [repository, `${repository}.git`];
}
/** Adds the credential helper to the global git config and records what was added for the post step. */
async function configureGitCredentials(settings, env = process.env) {
    // dist/index.js and dist/git-credential-helper/index.js are built side by side; the helper runs
    // from the same checkout of the action, so its path is stable for the rest of the job.
    const helperPath = join(dirname(fileURLToPath(import.meta.url)), HELPER_DIRECTORY, 'index.js');
    if (!existsSync(helperPath)) {
        throw new ActionError(`The git credential helper is missing at ${helperPath}.`, {
            hint: 'This is a packaging bug in the action; please report it.',
        });
    }
    const hubBase = hubBaseOf(settings.hubUrl);
    const helperEntry = {
        key: `credential.${hubBase}.helper`,
        value: buildHelperCommand(process.execPath, helperPath, { ...settings, id: randomBytes(8).toString('hex') }),
    };
    try {
        const entries = [helperEntry];
        for (const url of repositoryUrlsOf(settings)) {
            const key = `credential.${url}.useHttpPath`;
            if ((await getGlobalValues(key)).length === 0)
                entries.push({ key, value: 'true' });
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
        for (const entry of entries)
            await addGlobalValue(entry.key, entry.value);
    }
    catch (error) {
        throw new ActionError(`Configuring git for \`git-credentials\` failed: ${messageOf(error)}.`, {
            hint: error instanceof GitUnavailableError
                ? 'Install git before this step, or set `git-credentials: false`.'
                : 'Anything already added is removed by the post step.',
        });
    }
    core.info(`Configured git for the rest of the job: \`git clone\`, \`fetch\` and \`push\` (LFS included) to ${repositoryUrlsOf(settings)[0] ?? hubBase} ` +
        'get a fresh token from a credential helper each time; no token is stored. The post step removes this configuration.');
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
            'On a self-hosted runner, check the global git config for a credential helper of hf-oidc-token-action.');
    }
}
/** The state saved by configureGitCredentials, or undefined when this step added nothing. */
function readGitCredentialsState() {
    const text = lib_core/* getState */.Gu(state/* GIT_CREDENTIALS_STATE */.Y);
    if (text === '')
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw new Error('the saved state is not valid JSON');
    }
    if (!isGitCredentialsState(parsed))
        throw new Error('the saved state does not have the expected shape');
    return parsed;
}
function isGitCredentialsState(value) {
    if (typeof value !== 'object' || value === null)
        return false;
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
            if (await unsetGlobalValue(entry.key, entry.value))
                removed++;
        }
        catch (error) {
            if (error instanceof git_config_GitUnavailableError)
                throw error; // one warning, not one per entry
            lib_core/* warning */.$e(`Could not remove ${entry.key} from the global git config: ${errors_messageOf(error)}. Later jobs on this runner may still see it.`);
        }
    }
    if (state.createdSections.length > 0) {
        try {
            const remainingKeys = await git_config_listGlobalKeys();
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
