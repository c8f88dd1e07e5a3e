export const id = 348;
export const ids = [348];
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

/***/ 950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanUpGitCredentials: () => (/* binding */ cleanUpGitCredentials)
});

// UNUSED EXPORTS: removeGitCredentials

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(24);
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

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(916);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(802);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(760);
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
                reject(new errors/* ActionError */.lZ(`git could not be run (${error.code}); is git installed and on PATH?`, {
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
    return new errors/* ActionError */.lZ(`${what} failed: git exited ${result.exitCode}${firstLine ? ` (${firstLine})` : ''}`, {
        code: 'GIT_FAILED',
    });
}
/**
 * Every value of `key` in the global config, in order; empty when unset. Empty values are kept
 * (`helper =` means something to git), so values are read NUL-terminated (`-z`).
 */
async function getGlobalValues(key) {
    const result = await runGit(['config', '--global', '-z', '--get-all', key]);
    if (result.exitCode === EXIT_KEY_NOT_FOUND)
        return [];
    if (result.exitCode !== 0)
        throw failure(`git config --get-all ${key}`, result);
    return result.stdout.split('\0').slice(0, -1);
}
/** Adds a value to `key` after any existing ones (`--add`: never replaces what the user configured). */
async function addGlobalValue(key, value) {
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
async function listGlobalKeys() {
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
function globalConfigWritePath(env = process.env) {
    const explicit = env['GIT_CONFIG_GLOBAL'];
    if (explicit)
        return explicit;
    const home = env['HOME'] || homedir();
    const userConfig = join(home, '.gitconfig');
    const xdgConfig = join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'git', 'config');
    return !existsSync(userConfig) && existsSync(xdgConfig) ? xdgConfig : userConfig;
}
/** Whether `error` says git itself cannot be run (not installed, not on PATH). */
function isGitUnavailable(error) {
    return error instanceof errors/* ActionError */.lZ && error.code === 'GIT_UNAVAILABLE';
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(975);
;// CONCATENATED MODULE: ./src/runner/sanitize.ts
// Text the action does not control (a server's error text, headers, bodies; the ID token's claims;
// quoted inputs) is made safe here before it reaches the step log, an error, the git helper's stderr
// or the job summary.
//
// The runner reads a workflow command from ANY line of a step's stdout or stderr, in two syntaxes
// (actions/runner src/Runner.Common/ActionCommand.cs, src/Runner.Worker/ActionCommandManager.cs):
// - `::name …::data` at the start of a line, after leading white space;
// - the legacy `##[name …]data` ANYWHERE in a line: `##[stop-commands]x` in the middle of a retry
//   line stops every later command of the step, `::add-mask::` included, so a token printed after
//   it is shown in clear.
// Command names compare case-insensitively, and the runner finds `::` and `##[` with .NET's
// culture-sensitive IndexOf/StartsWith, which skips characters that collate as ignorable: `#` +
// soft hyphen + `#[` is `##[` to the runner. So invisible characters go first, then every `::` and
// every `##` is broken up, including across what may still be ignorable (marks, unassigned and
// private-use code points).
const DEFAULT_MAX_LENGTH = 300;
/** A UTF-16 surrogate without its pair: not text, and printed as garbage. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Invisible characters: format characters (zero-width, bidi, soft hyphen, BOM) and the rest of Default_Ignorable_Code_Point. */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/** Characters that break a line or control a terminal (ANSI escapes start with one). */
const LINE_BREAKING = /[\p{Cc}\u2028\u2029]/gu;
/**
 * What the runner's culture-sensitive search may skip between two characters it looks for: controls,
 * invisible characters, and (to be safe) marks, unassigned and private-use code points. A space is
 * never skipped, so a space is what breaks a pair.
 */
const SKIPPABLE = '\\p{Cc}\\p{Cf}\\p{Default_Ignorable_Code_Point}\\p{M}\\p{Cn}\\p{Co}';
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ASCII_MARKERS = {
    commandMarkerPair: /([:#])(?=\1)/g,
    hashPair: /#(?=#)/g,
    leadingColonPair: /^( *):(?=:)/,
};
let unicodeMarkers;
/** The patterns for `text`: the plain ones for printable ASCII, else the Unicode-aware ones. */
function markersFor(text) {
    if (PRINTABLE_ASCII.test(text))
        return ASCII_MARKERS;
    unicodeMarkers ??= {
        commandMarkerPair: new RegExp(`([:#])(?=[${SKIPPABLE}]*\\1)`, 'gu'),
        hashPair: new RegExp(`#(?=[${SKIPPABLE}]*#)`, 'gu'),
        leadingColonPair: new RegExp(`^([\\s${SKIPPABLE}]*):(?=[${SKIPPABLE}]*:)`, 'u'),
    };
    return unicodeMarkers;
}
/**
 * Values shaped like a credential that a broker or a hub issues, redacted from every server text
 * before it is shown, whatever the status it came with: Hub tokens (`hf_…`, `hf_jwt_…`,
 * `hf_oauth_…`), JWTs and their parts (the base64url of `{"` is `eyJ`), three long dot-separated
 * base64url segments (a JWS whatever its header), and whatever follows `Bearer`. Only server text is
 * redacted this way, not claims or inputs: a repository such as `acme/hf_transformers_experiments`
 * is not a secret.
 */
const ISSUED_TOKEN_SHAPES = (/* unused pure expression or super */ null && ([
    /hf_[A-Za-z0-9._~+/=-]{16,}/g,
    /eyJ[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]*)*/g,
    /[A-Za-z0-9_-]{16,}(?:\.[A-Za-z0-9_-]{16,}){2,}/g,
    /(?<=\bBearer\s+)[A-Za-z0-9._~+/=-]+/gi,
]));
/**
 * Server text as one short, inert, printable line: invisible characters removed, line breaks and
 * controls (ANSI escapes included) made spaces, white space collapsed, issued-token-shaped values
 * redacted to `***`, every `::` and `##` broken up (so it can form no workflow command, anywhere in
 * a line), lone surrogates made U+FFFD, and the result capped at `maxLength` characters (code
 * points, so a pair is never split). For text from a response; for claims and inputs, toInertLine.
 */
function sanitizeServerText(text, maxLength = DEFAULT_MAX_LENGTH) {
    return makeInert(text, maxLength, true);
}
/**
 * sanitizeServerText without the token redaction: for text known to hold no issued credential (the
 * ID token's claims, the action's own inputs), where a name like `hf_transformers_experiments` must
 * be shown as it is.
 */
function toInertLine(text, maxLength = DEFAULT_MAX_LENGTH) {
    return makeInert(text, maxLength, false);
}
/** `text` with every value shaped like an issued token (see ISSUED_TOKEN_SHAPES) replaced by `***`. */
function redactIssuedTokens(text) {
    return ISSUED_TOKEN_SHAPES.reduce((redacted, shape) => redacted.replace(shape, '***'), text);
}
function makeInert(text, maxLength, redactTokens) {
    let line = text.replace(LONE_SURROGATE, '\ufffd').replace(INVISIBLE, '').replace(LINE_BREAKING, ' ');
    // Before the cap, so that cutting the text short cannot leave the first half of a token behind.
    if (redactTokens)
        line = redactIssuedTokens(line);
    line = line.replace(/\s+/g, ' ');
    line = line.replace(markersFor(line).commandMarkerPair, '$1 ').trim();
    const characters = Array.from(line); // code points, so a surrogate pair is never split
    if (characters.length <= maxLength)
        return line;
    return `${characters
        .slice(0, maxLength - 1)
        .join('')
        .trimEnd()}…`;
}
/**
 * A line the action is about to print, made inert whatever it quotes: the last line of defence for
 * text assembled from several pieces or from a path that did not sanitise. Each line of `text`
 * loses every `##` pair (the legacy syntax is found anywhere), and a line whose first visible
 * characters are `::` gets them broken up. `::` elsewhere is left alone: it is harmless there, and
 * the action's own messages contain it (`[::1]`).
 */
function neutralizeCommands(text) {
    // The separators are kept (odd indexes), so the text keeps its line breaks.
    return text
        .split(/(\r\n|\r|\n)/)
        .map((part, index) => {
        if (index % 2 === 1)
            return part;
        const markers = markersFor(part);
        return part.replace(markers.hashPair, '# ').replace(markers.leadingColonPair, '$1: ');
    })
        .join('');
}
/**
 * A value quoted for an error message, as JSON.stringify does, but with the characters it leaves
 * alone escaped too (U+2028/2029, C1 controls, format characters, lone surrogates), so the message
 * stays one visible line whatever the value holds.
 */
function sanitize_quoteForMessage(value) {
    return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\p{Cf}]|[\ud800-\udfff]/gu, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/**
 * Replaces every occurrence of a secret (and of each long dot-separated part of it, for JWTs a
 * server might echo in pieces) with `***`. The runner masks the log, but not the job summary, and
 * a summary is where server text is shown too.
 */
function redactSecrets(text, secrets) {
    const fragments = new Set();
    for (const secret of secrets) {
        if (secret.length === 0)
            continue;
        fragments.add(secret);
        for (const part of secret.split('.'))
            if (part.length >= 16)
                fragments.add(part);
    }
    let redacted = text;
    // Longest first, so a whole token is replaced before its parts are.
    for (const fragment of [...fragments].sort((a, b) => b.length - a.length)) {
        redacted = redacted.split(fragment).join('***');
    }
    return redacted;
}
/** Escapes text for a Markdown/HTML job summary so server text cannot add links, HTML or tables. */
function escapeMarkdown(text) {
    return text.replace(/[&<>"'`|[\]\\*_#]/g, (character) => `&#${character.charCodeAt(0)};`);
}

;// CONCATENATED MODULE: ./src/http/endpoint-url.ts
// Which URLs the action sends a credential to. Every endpoint (the hub, a token endpoint, the
// helper's copies of both) is checked here before any request is made, and shown through here: a
// query string (brokers keyed by `?code=…` exist) is used, never printed.


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
    const shown = quoteForMessage(withoutQuery(given));
    let url;
    try {
        url = new URL(given);
    }
    catch {
        throw new InputError(`${label} is not a valid URL: ${shown}.`, {
            hint: 'Give an absolute https:// URL, for example https://huggingface.co.',
        });
    }
    if (url.username || url.password) {
        throw new InputError(`${label} must not contain credentials: ${quoteForMessage(url.host)}.`);
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        throw new InputError(`${label} uses plain http:// for ${url.host}, which is not a loopback host.`, {
            hint: 'Use https://. Plain http:// is accepted only for localhost, 127.0.0.0/8 and [::1] (local testing), ' +
                'because the ID token must not cross a network unencrypted.',
        });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new InputError(`${label} must be an https:// URL, got ${shown}.`);
    }
    url.hash = '';
    return url;
}
/** An endpoint as the log shows it: scheme, host and path; a query string only as `?…`. */
function displayEndpoint(url) {
    return `${url.origin}${url.pathname}${url.search ? '?… (query string not shown)' : ''}`;
}
/** What was given for an endpoint, for an error message: everything from the first `?` or `#` is cut. */
function withoutQuery(given) {
    const cut = given.search(/[?#]/);
    return cut < 0 ? given : `${given.slice(0, cut)}?…`;
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
    // On the given text, not on the URL: an empty query or fragment (`https://hub/?`) leaves
    // url.search empty but a `?` in url.href, which would end up in the hub's base and its audience.
    if (/[?#]/.test(raw)) {
        throw new InputError(`${label} must be the hub's address alone, without a query string or fragment.`, {
            hint: "Give it as https://huggingface.co (or your hub's base URL); the action adds the paths it calls.",
        });
    }
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/`;
    return url;
}
/** The hub's URL without its trailing slash: the form @huggingface/hub's `hubUrl` and git config URL keys take. */
function hubBaseOf(hubUrl) {
    return hubUrl.href.slice(0, -1);
}
/** The hub's own path, without slashes at either end: '' for a hub at the root of its host. */
function hubPathOf(hubUrl) {
    return hubUrl.pathname.slice(1, -1);
}
/** `{hub}/{path}` for a relative `path` such as `oauth/token`. */
function hubEndpoint(hubUrl, path) {
    return new URL(path, hubUrl);
}
/** The path of the Trusted Publishers exchange below a hub's URL. */
const TOKEN_EXCHANGE_PATH = '/oauth/token';
/**
 * The audience to request when the `audience` input is empty: the URL of the hub that receives the
 * ID token. A hub accepts only ID tokens whose `aud` is its own URL, so an ID token for
 * https://huggingface.co handed to any other host (a download mirror in HF_ENDPOINT, a staging
 * hub, a broker) could be replayed at huggingface.co for a write token; one for the receiver's own
 * URL cannot.
 *
 * What "the hub's URL" is, from where the exchange goes (`endpoint`):
 * - `{hub}/oauth/token` (from hub-url, HF_ENDPOINT or the default, or a token-endpoint of that
 *   form) → `{hub}`, without a trailing slash and with the hub's path: huggingface_hub does the
 *   same (`_oidc.py`: the audience defaults to ENDPOINT, which is HF_ENDPOINT with trailing
 *   slashes stripped, path kept), so https://huggingface.co for the real Hub and
 *   https://hub.example/mirror for a hub under a path;
 * - any other token-endpoint (a broker with its own path, maybe a query) → its origin: the party
 *   that receives the ID token, and nothing narrower that a query string could smuggle in.
 * Derived from the endpoint, not from hub-url: with `hub-url` a mirror and `token-endpoint` the
 * real Hub, the ID token goes to the real Hub and must name it.
 */
function defaultAudienceFor(endpoint) {
    const path = endpoint.pathname;
    if (path.endsWith(TOKEN_EXCHANGE_PATH)) {
        return `${endpoint.origin}${path.slice(0, -TOKEN_EXCHANGE_PATH.length)}`.replace(/\/+$/, '');
    }
    return endpoint.origin;
}

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
        return (`read-only access as user ${resource.username} (public and gated repositories the user can read; no ` +
            `private repositories, no writes)`);
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
function buildHelperCommand(nodePath, helperPath, settings) {
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
/**
 * Whether a helper command is one this action configures (any invocation, any version that builds
 * its command with buildHelperCommand): `!'<node>' '<…>/git-credential-helper/index.js' '--hub-url' …`.
 */
function isActionHelperCommand(value) {
    return /^!'.*[\\/]git-credential-helper[\\/]index\.js' '--hub-url' '/.test(value);
}

;// CONCATENATED MODULE: ./src/http/json.ts
// Network JSON is `unknown` until checked. This is the one place that parses a body and checks it
// is a JSON object or list; callers then narrow each field they read.
/** `text` parsed as JSON (the value `unknown` until narrowed), or undefined when it is not JSON. */
function parseJson(text) {
    try {
        return { value: JSON.parse(text) };
    }
    catch {
        return undefined;
    }
}
/** Parses `text` as a JSON object (not an array, not null), or says which of the two it is not. */
function parseJsonObject(text) {
    const parsed = parseJson(text);
    if (parsed === undefined)
        return { problem: 'is not valid JSON' };
    return isJsonObject(parsed.value) ? { object: parsed.value } : { problem: 'is not a JSON object' };
}
/** Whether `value` is a JSON object: not an array, not null. */
function isJsonObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** `text` parsed as a JSON list, or undefined when it is not one (its items still `unknown`). */
function parseJsonList(text) {
    const parsed = parseJson(text);
    return Array.isArray(parsed?.value) ? parsed.value : undefined;
}
/**
 * Every non-empty string held under one of `names` (compared case-insensitively), at any depth, in
 * objects and arrays alike: how a caller finds every credential in an answer, wherever the server
 * put it. The walk is iterative (an explicit stack, each value visited once), so a hostile body
 * nesting thousands of levels within its size cap is walked whole, without recursion to overflow.
 */
function collectStringFields(value, names) {
    const found = [];
    // A `found` entry is a value already found, a `walk` entry one still to look into. Children are
    // pushed in reverse, so that what is found comes out in document order.
    const pending = [{ walk: value }];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        if ('found' in next) {
            found.push(next.found);
            continue;
        }
        const current = next.walk;
        if (typeof current !== 'object' || current === null)
            continue;
        const entries = Object.entries(current);
        for (let index = entries.length - 1; index >= 0; index--) {
            const [key, field] = entries[index] ?? ['', undefined];
            if (names.has(key.toLowerCase()) && typeof field === 'string') {
                if (field !== '')
                    pending.push({ found: field });
            }
            else {
                pending.push({ walk: field });
            }
        }
    }
    return found;
}
/**
 * The credentials in a body that may not be JSON at all (then there are none): collectStringFields,
 * without values too short to be a credential. Those are no secret, and masking a word such as
 * `invalid` would blank it out of the whole log.
 */
function collectCredentialsOfBody(body, names) {
    const parsed = parseJson(body);
    return parsed === undefined ? [] : collectStringFields(parsed.value, names).filter((value) => value.length >= 8);
}

// EXTERNAL MODULE: ./src/runner/state.ts
var state = __webpack_require__(3);
;// CONCATENATED MODULE: ./src/git/saved-state.ts
// What `git-credentials` added to the global git config, saved by the main step (core.saveState)
// before anything is written, so the post step can remove exactly that, even after a failure half-way.



/** Saves what is about to be added, for the post step. */
function saveGitCredentialsState(state) {
    core.saveState(GIT_CREDENTIALS_STATE, JSON.stringify(state));
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

;// CONCATENATED MODULE: ./src/git/clean-up.ts
// The post step's half of `git-credentials`: remove exactly the entries the main step added (as
// saved-state.ts recorded them), and nothing the user has. A clean-up never fails the job: every
// problem becomes a warning.







/** The post step's work: read what the main step added, remove it. Never throws; problems become warnings. */
async function cleanUpGitCredentials() {
    try {
        const state = readGitCredentialsState();
        if (state !== undefined)
            await removeGitCredentials(state);
    }
    catch (error) {
        lib_core/* warning */.$e(`The post step could not clean up the git configuration: ${(0,errors/* messageOf */.bD)(error)}. ` +
            `On a self-hosted runner, check the global git config for a credential helper of ${ACTION_NAME}.`);
    }
}
/** `key = value` for a message; the helper's long command line shortened, the empty reset named. */
function describeEntry(entry) {
    if (entry.value === '')
        return `the empty ${entry.key} (which resets git's helper list)`;
    return isActionHelperCommand(entry.value) ? `this step's ${entry.key}` : `${entry.key} = ${entry.value}`;
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
            const equal = (await getGlobalValues(entry.key)).filter((value) => value === entry.value).length;
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
            lib_core/* warning */.$e(`Could not remove ${describeEntry(entry)} from the global git config: ${(0,errors/* messageOf */.bD)(error)}. Later jobs on ` +
                `this runner may still see it.`);
        }
    }
    if (state.createdSections.length > 0) {
        try {
            const remainingKeys = await listGlobalKeys();
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
            lib_core/* warning */.$e(`Could not remove the empty git config file ${state.createdConfigFile}: ${(0,errors/* messageOf */.bD)(error)}.`);
        }
    }
    lib_core/* info */.pq(`Removed the git credential configuration this step added (${removed} of ${state.entries.length} entries ` +
        `were still there).`);
}


/***/ })

};
