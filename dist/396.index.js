export const id = 396;
export const ids = [396];
export const modules = {

/***/ 7396:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   writeUploadSummary: () => (/* binding */ writeUploadSummary)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8476);
/* harmony import */ var _runner_sanitize_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9063);
/* harmony import */ var _runner_summary_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1070);
/* harmony import */ var _upload_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2465);
/* harmony import */ var _upload_progress_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(850);
// The job summary of an upload: where it went, every commit it made (one line each when it took
// several), the pull request, what changed. Rendered from the upload's result (upload/result.ts),
// whose Hub values were checked before they got there; each is escaped for Markdown here anyway.





/** Appends the upload's table to the job summary. */
async function writeUploadSummary(result) {
    const code = (value) => `<code>${(0,_runner_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(value)}</code>`;
    const link = (url, text) => `<a href="${(0,_runner_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(url)}">${(0,_runner_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(text)}</a>`;
    const counts = result.counts;
    const rows = [
        ['Repository', code(result.repository)],
        ['Revision', `${code(result.revision)}${result.createPr ? ' (pull request)' : ''}`],
    ];
    const total = result.commits.length;
    if (total === 0) {
        rows.push(['Commit', 'none: nothing changed since the last commit']);
    }
    else {
        result.commits.forEach((commit, index) => {
            rows.push([
                total === 1 ? 'Commit' : `Commit (part ${index + 1}/${total})`,
                commit.oid === undefined
                    ? "made (the hub's answer held no valid commit id)"
                    : commit.url === undefined
                        ? code(commit.oid)
                        : link(commit.url, commit.oid),
            ]);
        });
        if (result.pullRequestUrl)
            rows.push(['Pull request', link(result.pullRequestUrl, result.pullRequestUrl)]);
        rows.push([
            'Sent',
            `${(0,_runner_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)((0,_upload_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .formatBytes */ .z3)(result.bytesSent))} in ${(0,_runner_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)((0,_upload_progress_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(result.durationMs / 1000))}`,
        ]);
    }
    rows.push([
        'Files',
        (0,_runner_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(`${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.deleted} ` +
            `deleted${counts.ignored > 0 ? `, ${counts.ignored} ignored by the repository's .gitignore` : ''}`),
    ]);
    await (0,_runner_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .writeSummary */ .S)(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addHeading('Hugging Face upload', 3).addTable([
        [
            { data: 'Field', header: true },
            { data: 'Value', header: true },
        ],
        ...rows,
    ]));
}


/***/ })

};
