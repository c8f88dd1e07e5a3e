export const id = 850;
export const ids = [850];
export const modules = {

/***/ 9770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ PatternSet)
/* harmony export */ });
/* unused harmony exports compilePattern, translate */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _runner_sanitize_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9063);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input \`${input}\` has a pattern that cannot be used: ${(0,_runner_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteForMessage */ .Hx)(source)}.`, {
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


/***/ }),

/***/ 2465:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  z3: () => (/* binding */ formatBytes),
  d7: () => (/* binding */ planUpload)
});

// UNUSED EXPORTS: MAX_FILE_BYTES, MAX_PLANNED_FILES

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runner/sanitize.ts
var sanitize = __webpack_require__(9063);
// EXTERNAL MODULE: ./src/upload/patterns.ts
var patterns = __webpack_require__(9770);
;// CONCATENATED MODULE: ./src/upload/real-paths.ts
// Where `upload` really is, judged by real paths (realpath), not by names: the root the workflow
// named must exist and resolve; a relative `upload` (or an absolute one inside GITHUB_WORKSPACE) is
// content of the checkout, so its real path must stay inside the workspace's (`build -> $HOME` in
// checked-out code publishes nothing), while an absolute path elsewhere (`${{ runner.temp }}/out`)
// is the workflow's own; no root inside a `.git` folder. Also the path predicates plan.ts's walk
// judges links with. Throws InputError; no network.




/** The real path of `upload` and what it is (a file or a folder), once the rules above allow it. */
async function resolveUploadRoot(settings) {
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
    return { rootReal, rootStats: await (0,promises_.stat)(rootReal, { bigint: true }) };
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
    if (rootReal.split(/[\\/]/).some(isGitName)) {
        throw new errors/* InputError */.dz(`Input \`upload\` ${given} resolves to ${(0,sanitize/* quoteForMessage */.Hx)(rootReal)}, inside a \`.git\` folder, which never ` +
            `leaves the runner (a checkout's .git/config can hold its credentials).`, { hint: 'Upload the files themselves, not the repository metadata.' });
    }
}
/** Whether `path` is `folder` or below it (both absolute, resolved). */
function isInside(folder, path) {
    const fromFolder = (0,external_node_path_.relative)(folder, path);
    return fromFolder === '' || (fromFolder !== '..' && !fromFolder.startsWith(`..${external_node_path_.sep}`) && !(0,external_node_path_.isAbsolute)(fromFolder));
}
/**
 * `.git` in any case: on the case-insensitive file systems of macOS and Windows runners, `.GIT/config`
 * is the checkout's own `.git/config`, credentials included.
 */
function isGitName(name) {
    return name.toLowerCase() === '.git';
}
/** A file system error as a few words for a message. */
function describeFsError(error) {
    const code = error?.code;
    return code === 'ENOENT'
        ? 'no such file or folder'
        : code === 'EACCES'
            ? 'permission denied'
            : (code ?? 'unreadable');
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
//   taken as it resolves. No real root inside a `.git` folder. (These root rules: real-paths.ts.)
// - inside, a symlink is judged by where it really points: outside the root, or into a `.git`
//   folder or a `.cache/` folder, or to a file `exclude` leaves out: refused, naming the link
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
// Walk rules: any `.git` path component is always left out (as `hf upload`), and so is any `.cache`
// folder (`hf upload` leaves out `.cache/huggingface/`, its own upload state, and refuses any other
// path under a `.cache` folder; the action leaves them all out and counts them for the log);
// include/exclude are matched against paths relative to
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
    const { rootReal, rootStats } = await resolveUploadRoot(settings);
    if (rootStats.isFile())
        return planSingleFile(settings, rootReal, rootStats);
    if (!rootStats.isDirectory()) {
        throw new errors/* InputError */.dz(`Input \`upload\` ${given} is neither a file nor a folder.`);
    }
    const include = new patterns/* PatternSet */.D(settings.include, 'include');
    const exclude = new patterns/* PatternSet */.D(settings.exclude, 'exclude');
    const prefix = settings.pathInRepo ?? '';
    const files = [];
    let excludedByPatterns = 0;
    let skippedGitEntries = 0;
    let skippedCacheFolders = 0;
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
            if (isGitName(name)) {
                skippedGitEntries++;
                continue;
            }
            const path = (0,external_node_path_.join)(directory, name);
            // Synchronous: one lstat takes microseconds, a thread-pool round trip more, and a folder of
            // 10,000 files makes 10,000 of them (half a second of a 2-second upload when awaited in turn).
            const entry = (0,external_node_fs_.lstatSync)(path, { bigint: true });
            if (name === '.cache' && (entry.isDirectory() || entry.isSymbolicLink())) {
                skippedCacheFolders++;
                continue;
            }
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
            throw new errors/* InputError */.dz(`The symlink ${link} in \`upload\` points to ${shownTarget}, inside a \`.git\` or \`.cache\` ` +
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
            : skippedGitEntries > 0 || skippedCacheFolders > 0
                ? 'it holds nothing but `.git` or `.cache`'
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
        skippedCacheFolders,
    };
}
/** The plan for `upload` naming one file: that file, at `path-in-repo` or under its own name. */
function planSingleFile(settings, rootReal, rootStats) {
    const given = (0,sanitize/* quoteForMessage */.Hx)(settings.given);
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
        skippedCacheFolders: 0,
    };
}
/** Whether a path relative to the root lies in what is never uploaded: `.git`, a `.cache` folder. */
function isNeverUploaded(pathInRoot) {
    const parts = pathInRoot.split(external_node_path_.sep);
    return parts.some(isGitName) || parts.slice(0, -1).includes('.cache');
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


/***/ }),

/***/ 850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tu: () => (/* binding */ UploadProgress),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony exports LARGE_FILE_BYTES, PROGRESS_INTERVAL_MS */
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2465);
// Progress for long uploads, readable in a step log: one line when a large file starts uploading
// and one when it ends (size, time, rate), and in between at most one summary line per interval,
// whatever the number of files or events. It is fed the transfer's events (hashing and uploading
// fractions per file, lfs-transfer.ts) and the commit body's bytes, and it never prints per-event.
// The clock is injectable so the throttling is unit-tested.

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
    /** One event of the transfer of large files. */
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
                    this.#log(`${path} (${(0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(file.size)}) is already in the Hub's storage: not sent again.`);
                return;
            }
            this.#filesSent++;
            this.#bytesSent += file.size;
            if (large) {
                const seconds = Math.max(0.001, (now - file.startedAt) / 1000);
                this.#log(`Uploaded ${path} (${(0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(file.size)}) in ${formatDuration(seconds)}, ${(0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(file.size / seconds)}/s.`);
            }
            return;
        }
        if (file.startedAt === undefined) {
            file.startedAt = now;
            if (large)
                this.#log(`Uploading ${path} (${(0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(file.size)})…`);
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
            return `… committing: ${(0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(this.#commitSent)} of ${(0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(this.#commitTotal)} sent (${percent(this.#commitSent, this.#commitTotal)}).`;
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
            return `… hashing large files: ${(0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(hashed)} of ${(0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(total)} (${percent(hashed, total)}).`;
        }
        return (`… uploading large files: ${(0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(uploaded)} of ${(0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(total)} ` +
            `(${percent(uploaded, total)}), ${done} of ${this.#files.size} files done, ${(0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(uploaded / elapsedSeconds)}/s.`);
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


/***/ })

};
