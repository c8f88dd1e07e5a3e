export const id = 299;
export const ids = [299];
export const modules = {

/***/ 7299:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  configureGitCredentials: () => (/* binding */ configureGitCredentials)
});

// UNUSED EXPORTS: cleanUpGitCredentials, readGitCredentialsState, removeGitCredentials, repositoryUrlsOf

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
// EXTERNAL MODULE: ./src/about.ts + 1 modules
var about = __webpack_require__(4543);
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
/** Every value of `key` in the global config, in order; empty when unset. */
async function getGlobalValues(key) {
    const result = await runGit(['config', '--global', '--get-all', key]);
    if (result.exitCode === EXIT_KEY_NOT_FOUND)
        return [];
    if (result.exitCode !== 0)
        throw failure(`git config --get-all ${key}`, result);
    return result.stdout.split('\n').filter((line) => line !== '');
}
/** Adds a value to `key` after any existing ones (`--add`: never replaces what the user configured). */
async function addGlobalValue(key, value) {
    const result = await runGit(['config', '--global', '--add', key, value]);
    if (result.exitCode !== 0)
        throw failure(`git config --add ${key}`, result);
}
/**
 * Removes the one value of `key` that equals `value` exactly (`--fixed-value`, git 2.30+), leaving
 * every other value alone. Returns false when no such value was there.
 */
async function config_unsetGlobalValue(key, value) {
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
async function config_removeGlobalSection(section) {
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

;// CONCATENATED MODULE: ./src/git/credential-protocol.ts
// git's credential-helper protocol, the pure parts: read what git asks, decide whether the question
// is ours to answer, and write the answer. https://git-scm.com/docs/git-credential#IOFMT
//
// Scope. git sends `protocol` and `host` always, and `path` only when `credential.<url>.useHttpPath`
// is true for the URL. The action turns useHttpPath on for the configured resource's URLs only
// (`{hub}/{resource}` and `{hub}/{resource}.git`, which also covers git-lfs's `….git/info/lfs`), so
// other helpers keep host-wide answers for every other repository on the hub. The helper answers
// only when the path names the configured resource; without a path it cannot know which repository
// git is talking to, and stays silent so git asks its other helpers.

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
/**
 * Whether a request is for the configured hub and resource: same protocol and host as `hubUrl`, and
 * a path that is the resource's repository, with or without `.git`, or something below it (git-lfs
 * asks for `….git/info/lfs`). Names compare case-insensitively, as the Hub's do.
 */
function isRequestInScope(request, hubUrl, resource) {
    if (request.protocol?.toLowerCase() !== hubUrl.protocol.replace(/:$/, ''))
        return false;
    if (request.host?.toLowerCase() !== hubUrl.host.toLowerCase())
        return false;
    if (request.path === undefined)
        return false;
    const path = request.path.replace(/^\/+|\/+$/g, '').toLowerCase();
    const repository = repositoryPathOf(hubUrl, resource).toLowerCase();
    return [repository, `${repository}.git`].some((root) => path === root || path.startsWith(`${root}/`));
}
/**
 * The answer to a `get`. `password_expiry_utc` (git 2.41+, ignored by older gits) keeps a caching
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

;// CONCATENATED MODULE: ./src/runner/state.ts
// The values the main step saves for its post step (core.saveState), by name, and a cheap check
// for them. The runner hands saved state to the post step as STATE_<name> environment variables
// (what core.getState reads); checking the variable directly lets the post step of a job that
// saved nothing exit before it loads the toolkit at all.
/** JSON of what `git-credentials` added to the global git config (git-credentials.ts). */
const state_GIT_CREDENTIALS_STATE = 'git-credentials';
/** Whether the main step saved a value under `name`. */
function hasSavedState(name, env = process.env) {
    return (env[`STATE_${name}`] ?? '') !== '';
}

;// CONCATENATED MODULE: ./src/git/credentials.ts
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
/** The URLs whose git requests should carry the path: the resource's repository, with and without `.git`. */
function repositoryUrlsOf(settings) {
    const repository = `${settings.hubUrl.origin}/${repositoryPathOf(settings.hubUrl, settings.resource)}`;
    return [repository, `${repository}.git`];
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
    const hubBase = (0,hub_url/* hubBaseOf */.Ax)(settings.hubUrl);
    const helperEntry = {
        key: `credential.${hubBase}.helper`,
        value: buildHelperCommand(process.execPath, helperPath, { ...settings, id: (0,external_node_crypto_.randomBytes)(8).toString('hex') }),
    };
    try {
        const entries = [helperEntry];
        for (const url of repositoryUrlsOf(settings)) {
            const key = `credential.${url}.useHttpPath`;
            if ((await getGlobalValues(key)).length === 0)
                entries.push({ key, value: 'true' });
        }
        const existingKeys = await config_listGlobalKeys();
        const sections = [...new Set(entries.map((entry) => entry.key.slice(0, entry.key.lastIndexOf('.'))))];
        const configFile = globalConfigWritePath(env);
        const state = {
            entries,
            createdSections: sections.filter((section) => !existingKeys.some((key) => key.startsWith(`${section}.`))),
            createdConfigFile: (0,external_node_fs_.existsSync)(configFile) ? undefined : configFile,
        };
        lib_core/* saveState */.LZ(state_GIT_CREDENTIALS_STATE, JSON.stringify(state));
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
    lib_core/* info */.pq(`Configured git for the rest of the job: \`git clone\`, \`fetch\` and \`push\` (LFS included) to ${repositoryUrlsOf(settings)[0] ?? hubBase} ` +
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
        core.warning(`The post step could not clean up the git configuration: ${messageOf(error)}. ` +
            `On a self-hosted runner, check the global git config for a credential helper of ${ACTION_NAME}.`);
    }
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
function isGitUnavailable(error) {
    return error instanceof errors/* ActionError */.lZ && error.code === 'GIT_UNAVAILABLE';
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
            if (await unsetGlobalValue(entry.key, entry.value))
                removed++;
        }
        catch (error) {
            if (isGitUnavailable(error))
                throw error; // one warning, not one per entry
            core.warning(`Could not remove ${entry.key} from the global git config: ${messageOf(error)}. Later jobs on this runner may still see it.`);
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
            if (existsSync(state.createdConfigFile) && readFileSync(state.createdConfigFile, 'utf8').trim() === '') {
                unlinkSync(state.createdConfigFile);
            }
        }
        catch (error) {
            core.warning(`Could not remove the empty git config file ${state.createdConfigFile}: ${messageOf(error)}.`);
        }
    }
    core.info(`Removed the git credential configuration this step added (${removed} of ${state.entries.length} entries were still there).`);
}


/***/ })

};
