export const id = 28;
export const ids = [28];
export const modules = {

/***/ 9028:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  configureGitCredentials: () => (/* binding */ configureGitCredentials)
});

// UNUSED EXPORTS: needsHelperReset, repositoryUrlsOf

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 15 modules
var lib_core = __webpack_require__(8476);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/hub/hub-url.ts
var hub_url = __webpack_require__(7644);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
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
    const home = env['HOME'] || (0,external_node_os_.homedir)();
    const userConfig = (0,external_node_path_.join)(home, '.gitconfig');
    const xdgConfig = (0,external_node_path_.join)(env['XDG_CONFIG_HOME'] || (0,external_node_path_.join)(home, '.config'), 'git', 'config');
    return !(0,external_node_fs_.existsSync)(userConfig) && (0,external_node_fs_.existsSync)(xdgConfig) ? xdgConfig : userConfig;
}
/** Whether `error` says git itself cannot be run (not installed, not on PATH). */
function isGitUnavailable(error) {
    return error instanceof errors/* ActionError */.lZ && error.code === 'GIT_UNAVAILABLE';
}

;// CONCATENATED MODULE: ./src/git/credential-protocol.ts
// git's credential-helper protocol, the pure parts: read what git asks, decide whether the question
// is ours to answer, and write the answer. https://git-scm.com/docs/git-credential#IOFMT
//
// Scope. git sends `protocol` and `host` always, and `path` only when `credential.<url>.useHttpPath`
// is true for the URL. The action configures its helper, and turns useHttpPath on, for the
// configured resource's URLs only (`{hub}/{resource}` and `{hub}/{resource}.git`, which also covers
// git-lfs's `….git/info/lfs`; see configure.ts). The helper answers only when the path names the
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
function repositoryPathOf(hubUrl, resource) {
    const base = (0,hub_url/* hubPathOf */.C1)(hubUrl);
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
    const repository = normalizePathSegments(repositoryPathOf(hubUrl, resource));
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

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/http/endpoint-url.ts
var endpoint_url = __webpack_require__(2767);
// EXTERNAL MODULE: ./src/hub/resource.ts
var resource = __webpack_require__(3987);
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

;// CONCATENATED MODULE: ./src/runner/state.ts
// The values the main step saves for its post step (core.saveState), by name, and a cheap check
// for them. The runner hands saved state to the post step as STATE_<name> environment variables
// (what core.getState reads); checking the variable directly lets the post step of a job that
// saved nothing exit before it loads the toolkit at all.
/** JSON of what `git-credentials` added to the global git config (git/saved-state.ts). */
const state_GIT_CREDENTIALS_STATE = 'git-credentials';
/** Whether the main step saved a value under `name`. */
function hasSavedState(name, env = process.env) {
    return (env[`STATE_${name}`] ?? '') !== '';
}

;// CONCATENATED MODULE: ./src/git/saved-state.ts
// What `git-credentials` added to the global git config, saved by the main step (core.saveState)
// before anything is written, so the post step can remove exactly that, even after a failure half-way.



/** Saves what is about to be added, for the post step. */
function saveGitCredentialsState(state) {
    lib_core/* saveState */.LZ(state_GIT_CREDENTIALS_STATE, JSON.stringify(state));
}
/** The state saved by configureGitCredentials, or undefined when this step added nothing. */
function readGitCredentialsState() {
    const text = core.getState(GIT_CREDENTIALS_STATE);
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

;// CONCATENATED MODULE: ./src/git/configure.ts
// `git-credentials: true`: configure git, for the rest of the job, to get a fresh Hub token from the
// credential helper each time it talks to the configured resource on the hub. The post step removes
// exactly what was added (clean-up.ts), from the record saved here (saved-state.ts).
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
    const helperPath = (0,external_node_path_.join)((0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url)), HELPER_DIRECTORY, 'index.js');
    if (!(0,external_node_fs_.existsSync)(helperPath)) {
        throw new errors/* ActionError */.lZ(`The git credential helper is missing at ${helperPath}.`, {
            code: 'PACKAGING',
            hint: 'This is a packaging bug in the action; please report it.',
        });
    }
    const helperCommand = buildHelperCommand(process.execPath, helperPath, {
        ...settings,
        id: (0,external_node_crypto_.randomBytes)(8).toString('hex'),
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
            createdConfigFile: (0,external_node_fs_.existsSync)(configFile) ? undefined : configFile,
        };
        saveGitCredentialsState(state);
        // In order: each URL's reset before its helper.
        for (const entry of entries)
            await addGlobalValue(entry.key, entry.value);
    }
    catch (error) {
        const gitUnavailable = isGitUnavailable(error);
        throw new errors/* ActionError */.lZ(`Configuring git for \`git-credentials\` failed: ${(0,errors/* messageOf */.bD)(error)}.`, {
            code: gitUnavailable ? 'GIT_UNAVAILABLE' : 'GIT_FAILED',
            cause: error,
            hint: gitUnavailable
                ? 'Install git before this step, or set `git-credentials: false`.'
                : 'Anything already added is removed by the post step.',
        });
    }
    const [repositoryUrl = (0,hub_url/* hubBaseOf */.Ax)(settings.hubUrl)] = repositoryUrlsOf(settings);
    lib_core/* info */.pq(`Configured git for the rest of the job: \`git clone\`, \`fetch\` and \`push\` (LFS included) to ` +
        `${repositoryUrl} ` +
        'get a fresh token from a credential helper each time, the only helper git asks for that repository; no ' +
        'token is stored. ' +
        'The post step removes this configuration.');
}


/***/ })

};
