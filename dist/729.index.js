export const id = 729;
export const ids = [729];
export const modules = {

/***/ 9729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   reportRefusedIdentity: () => (/* binding */ reportRefusedIdentity)
/* harmony export */ });
/* unused harmony exports workflowFileOf, matchingPublisher, likelyCauses */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8476);
/* harmony import */ var _hub_hub_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7644);
/* harmony import */ var _runner_sanitize_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9063);
/* harmony import */ var _runner_log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7708);
/* harmony import */ var _runner_summary_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1070);
// When the Hub refuses the run's identity (`invalid_grant`): the claims GitHub presented next to the
// Trusted Publisher settings that would match them, in the log and the job summary, so setup is a
// comparison rather than a guess.





/** The workflow file name in a `workflow_ref` such as `acme/x/.github/workflows/publish.yml@refs/heads/main`. */
function workflowFileOf(workflowRef) {
    if (!workflowRef)
        return undefined;
    const path = workflowRef.split('@')[0] ?? '';
    return path.split('/').pop() || undefined;
}
/** The repository (`owner/name`) in a `job_workflow_ref` such as `acme/shared/.github/workflows/x.yml@v1`. */
function workflowRepositoryOf(workflowRef) {
    return workflowRef.split('/').slice(0, 2).join('/');
}
/** Whether the job runs in a reusable workflow (job_workflow_ref names another file than workflow_ref). */
function isReusableWorkflowJob(claims) {
    return Boolean(claims.job_workflow_ref && claims.workflow_ref && claims.job_workflow_ref !== claims.workflow_ref);
}
/** The Trusted Publisher settings (as the Hub's form asks for them) that this run's claims would match. */
function matchingPublisher(claims) {
    const ref = claims.ref ?? '';
    let branch = '(unknown)';
    if (ref.startsWith('refs/heads/'))
        branch = ref.slice('refs/heads/'.length);
    else if (ref.startsWith('refs/tags/'))
        branch = `(none: this run is for the tag ${ref.slice('refs/tags/'.length)}; leave branch empty)`;
    else if (ref)
        branch = `(none: this run's ref is ${ref}; leave branch empty)`;
    const repository = claims.repository ?? '(unknown)';
    const called = isReusableWorkflowJob(claims) ? (claims.job_workflow_ref ?? '') : undefined;
    const calledRepository = called === undefined ? undefined : workflowRepositoryOf(called);
    return {
        repository,
        branch,
        workflow: workflowFileOf(claims.workflow_ref) ?? '(unknown)',
        ...(called === undefined
            ? {}
            : {
                calledWorkflow: {
                    file: workflowFileOf(called) ?? '(unknown)',
                    repository: calledRepository === repository ? undefined : calledRepository,
                },
            }),
    };
}
/** Says which workflow file is which, and what is not known, for a job in a reusable workflow. */
const REUSABLE_WORKFLOW_NOTE = 'Which of the two the Hub compares with its Workflow field is not documented and has not been verified: try ' +
    "the caller's file first, then the called one.";
/** The Workflow cell of the summary: one file, or both candidates and what is not known. */
function workflowCell(publisher) {
    const code = (text) => `<code>${(0,_runner_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(text)}</code>`;
    const called = publisher.calledWorkflow;
    if (called === undefined)
        return code(publisher.workflow);
    const where = called.repository ? `, in ${code(called.repository)}` : '';
    return (`${code(publisher.workflow)} (the caller, from workflow_ref) or ${code(called.file)} ` +
        `(the reusable workflow, from job_workflow_ref${where}). ${(0,_runner_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(REUSABLE_WORKFLOW_NOTE)}`);
}
/**
 * GitHub's immutable subject, `repo:owner@<owner id>/repo@<repository id>:…`, for repositories created,
 * renamed or transferred from 2026-07-15 on.
 */
const IMMUTABLE_SUBJECT = /^repo:[^/:@]+@\d+\/[^/:@]+@\d+:/;
/** The usual reasons for `invalid_grant`, those that apply to this run first. */
function likelyCauses(claims, settings) {
    const causes = [];
    const receiverUrl = (0,_hub_hub_url_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultAudienceFor */ .$M)(settings.tokenEndpoint);
    if (claims.aud && claims.aud !== receiverUrl) {
        causes.push(`The ID token's audience is ${claims.aud} (input \`audience\`), but a hub accepts only ID tokens for its ` +
            `own URL, here ${receiverUrl}. Remove the \`audience\` input: the audience is then that URL.`);
    }
    if (claims.ref?.startsWith('refs/tags/')) {
        causes.push('This run is for a tag: a publisher pinned to a branch does not match it.');
    }
    else if (claims.ref && !claims.ref.startsWith('refs/heads/')) {
        causes.push(`This run's ref is ${claims.ref} (event ${claims.event_name ?? 'unknown'}): a publisher pinned to a branch ` +
            `does not match it.`);
    }
    if (isReusableWorkflowJob(claims)) {
        const callerFile = workflowFileOf(claims.workflow_ref);
        const calledFile = workflowFileOf(claims.job_workflow_ref);
        causes.push(`This job runs in a reusable workflow: workflow_ref names the caller (${callerFile ?? '?'}), ` +
            `job_workflow_ref the called file (${calledFile ?? '?'}). ${REUSABLE_WORKFLOW_NOTE}`);
    }
    if (claims.sub && IMMUTABLE_SUBJECT.test(claims.sub)) {
        causes.push(`GitHub gave this run an immutable subject (${claims.sub}): it names the owner and the repository by id ` +
            `(repository_owner_id ${claims.repository_owner_id ?? '?'}, repository_id ${claims.repository_id ?? '?'}), ` +
            `as for every repository created, renamed or transferred since 2026-07-15. The repository claim still says ` +
            `${claims.repository ?? '?'}; whether the Hub matches a publisher on the subject, and so by id, is unverified.`);
    }
    if (claims.environment) {
        causes.push(`The job uses the environment "${claims.environment}", which changes the token's subject to ${claims.sub ?? '?'}.`);
    }
    if (claims.aud === receiverUrl && settings.tokenEndpoint.hostname !== 'huggingface.co') {
        // Possible rather than likely, so after the causes this run's claims show.
        causes.push(`The ID token's audience is ${claims.aud}, the URL of the hub that received it (from \`hub-url\`, ` +
            `HF_ENDPOINT or \`token-endpoint\`). If that hub expects another audience, for example the URL it is known ` +
            `by, set \`audience\` to it.`);
    }
    causes.push(`No Trusted Publisher for ${settings.resource.value} names this repository, or its branch or workflow differ ` +
        `(matching is exact: no prefixes, no patterns).`, `The ${settings.resource.kind === 'user' ? 'user' : 'repository'} ${settings.resource.value} does not exist, ` +
        `or is spelled differently on the Hub.`);
    return causes;
}
function claimRows(claims) {
    return [
        ['iss', claims.iss],
        ['aud', claims.aud],
        ['sub', claims.sub],
        ['repository', claims.repository],
        ['repository_id', claims.repository_id],
        ['repository_owner', claims.repository_owner],
        ['repository_owner_id', claims.repository_owner_id],
        ['ref', claims.ref],
        ['workflow file (from workflow_ref)', workflowFileOf(claims.workflow_ref)],
        ['workflow_ref', claims.workflow_ref],
        ['job_workflow_ref', claims.job_workflow_ref],
        ['environment', claims.environment],
        ['event_name', claims.event_name],
    ].map(([name, value]) => [name ?? '', value ?? '(not set)']);
}
/** Prints, in a log group and the job summary, what the Hub compared and what would match. */
async function reportRefusedIdentity(claims, settings) {
    const publisher = matchingPublisher(claims);
    const causes = likelyCauses(claims, settings);
    (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_3__/* .startLogGroup */ .c4)('Why the Hub refused: the identity GitHub presented, and the publisher that would match');
    (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_3__/* .logInfo */ .fH)('Claims of the ID token GitHub issued for this run:');
    for (const [name, value] of claimRows(claims))
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_3__/* .logInfo */ .fH)(`  ${name.padEnd(34)} ${value}`);
    (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_3__/* .logInfo */ .fH)(`A Trusted Publisher on ${settings.hubUrl.host} for ${settings.resource.value} that would match this run:`);
    (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_3__/* .logInfo */ .fH)(`  repository  ${publisher.repository}`);
    (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_3__/* .logInfo */ .fH)(`  branch      ${publisher.branch}`);
    if (publisher.calledWorkflow === undefined) {
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_3__/* .logInfo */ .fH)(`  workflow    ${publisher.workflow}`);
    }
    else {
        const called = publisher.calledWorkflow;
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_3__/* .logInfo */ .fH)(`  workflow    ${publisher.workflow}   (the caller, from workflow_ref)`);
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_3__/* .logInfo */ .fH)(`          or  ${called.file}   (the reusable workflow, from job_workflow_ref${called.repository ? `, in ${called.repository}` : ''})`);
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_3__/* .logInfo */ .fH)(`  ${REUSABLE_WORKFLOW_NOTE}`);
    }
    (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_3__/* .logInfo */ .fH)('Usual causes:');
    for (const cause of causes)
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_3__/* .logInfo */ .fH)(`  - ${cause}`);
    (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_3__/* .endLogGroup */ .NZ)();
    await (0,_runner_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .writeSummary */ .S)(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z
        .addHeading('Hugging Face token exchange refused', 3)
        .addRaw(`<p>The Hub refused this run's GitHub identity for <code>${(0,_runner_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(settings.resource.value)}</code>.</p>`, true)
        .addTable([
        [
            { data: 'Claim', header: true },
            { data: 'Value', header: true },
        ],
        ...claimRows(claims).map(([name, value]) => [(0,_runner_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(name), `<code>${(0,_runner_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(value)}</code>`]),
    ])
        .addRaw('<p>A Trusted Publisher that would match this run:</p>', true)
        .addTable([
        [
            { data: 'Setting', header: true },
            { data: 'Value', header: true },
        ],
        ['Repository', `<code>${(0,_runner_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(publisher.repository)}</code>`],
        ['Branch', (0,_runner_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(publisher.branch)],
        ['Workflow', workflowCell(publisher)],
    ])
        .addRaw('<p>Usual causes:</p>', true)
        .addList(causes.map(_runner_sanitize_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)));
}


/***/ })

};
