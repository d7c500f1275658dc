export const id = 158;
export const ids = [158];
export const modules = {

/***/ 7814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ abortableSleep)
/* harmony export */ });
// The one real-time wait of the action, shared by the client's retries and the flow's polls.
/** Resolves after `ms`, or at once when `signal` aborts (already aborted: at once). */
function abortableSleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal?.aborted)
            return resolve();
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}


/***/ }),

/***/ 8198:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ repoRelativePath),
/* harmony export */   s: () => (/* binding */ normalizeFindingPath)
/* harmony export */ });
// A finding's file, as paths in the repository: shared by the flow (which compares a finding's
// file with a PR's changed files and a baseline's) and the renderers (which place it on a line).
// A path that is not plainly inside the repository must never reach an annotation, a link or
// the SARIF file.
/** A path as both scans and GitHub's file list write it: forward slashes, no leading `./` or `/`. */
function normalizeFindingPath(path) {
    return (path ?? '')
        .trim()
        .replace(/\\/g, '/')
        .replace(/^file:\/\//, '')
        .replace(/\/{2,}/g, '/')
        .replace(/^(\.\/|\/)+/, '');
}
/**
 * A repository-relative path, or undefined for one that is unusable: empty, climbing out (`..`),
 * carrying control characters, or absolute outside the workspace. An absolute path from another
 * machine's checkout (`/home/alice/shop/src/a.js`) is mapped by its longest suffix that `exists`
 * in the repository (`src/a.js`); without `exists`, or with no such suffix, it is unusable. Such
 * a path must never reach an annotation, a link or the SARIF file.
 */
function repoRelativePath(raw, workspace = '', exists) {
    let path = raw.trim().replace(/\\/g, '/');
    path = path.replace(/^file:\/\//, '');
    // A blob URL of the repository: https://host/owner/repo/blob/<ref>/<path>
    path = path.replace(/^https?:\/\/[^/]+\/[^/]+\/[^/]+\/(blob|tree)\/[^/]+\//, '');
    const root = workspace.replace(/\\/g, '/').replace(/\/+$/, '');
    if (root !== '' && path.startsWith(`${root}/`))
        path = path.slice(root.length + 1);
    else if (/^(\/|[a-z]:\/)/i.test(path))
        return longestExistingSuffix(path, exists);
    path = path.replace(/^(\.\/)+/, '');
    return isUsableRelativePath(path) ? path : undefined;
}
function isUsableRelativePath(path) {
    const hasControlCharacter = [...path].some((char) => char.charCodeAt(0) < 0x20);
    if (path === '' || /^[a-z]+:/i.test(path) || hasControlCharacter)
        return false;
    return !path.split('/').some((segment) => segment === '..' || segment === '.');
}
function longestExistingSuffix(absolute, exists) {
    if (!exists)
        return undefined;
    const segments = absolute.split('/').filter((segment) => segment !== '');
    for (let start = 0; start < segments.length; start++) {
        const candidate = segments.slice(start).join('/');
        if (isUsableRelativePath(candidate) && exists(candidate))
            return candidate;
    }
    return undefined;
}


/***/ }),

/***/ 5048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D9: () => (/* binding */ settleEstimation),
/* harmony export */   XT: () => (/* binding */ describeFailedRepo),
/* harmony export */   jA: () => (/* binding */ estimate),
/* harmony export */   m1: () => (/* binding */ failedRepoResults)
/* harmony export */ });
/* unused harmony exports estimationRequestBody, checkEstimation */
/* harmony import */ var _hacktron_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3867);
/* harmony import */ var _flow_failure_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9997);
/* harmony import */ var _hacktron_url_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7375);
/* harmony import */ var _poll_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6987);
/* harmony import */ var _run_facts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7995);





function estimationRequestBody(request) {
    return {
        name: request.name,
        repos: request.repositories.map((repo) => ({
            source: repo.source,
            repo_url: repo.url,
            branch: repo.branch
        }))
    };
}
/** Creates the estimation and waits until it is usable; throws a FlowFailure when it is not. */
async function estimate(request, deps, facts) {
    facts.phase = 'estimating';
    const created = await deps.client.createCostEstimation(estimationRequestBody(request));
    facts.estimation = created;
    deps.logger.info(`Created cost estimation ${created.id} ("${request.name}").`);
    await deps.onPhaseChange?.(facts);
    return settleEstimation(created, request, deps, facts);
}
/**
 * Waits for `estimation` to end (unless it has) and decides whether it may be spent; throws a
 * FlowFailure when it may not. Shared by a new estimate and an approved one.
 */
async function settleEstimation(estimation, request, deps, facts) {
    let ended = estimation;
    if (!_hacktron_types_js__WEBPACK_IMPORTED_MODULE_0__/* .TERMINAL_ESTIMATION_STATUSES */ .op.includes(estimation.status)) {
        ended = await (0,_poll_js__WEBPACK_IMPORTED_MODULE_2__/* .pollToEnd */ .EU)({
            subject: `Cost estimation ${estimation.id}`,
            read: (limits) => deps.client.getCostEstimation(estimation.id, limits),
            statusOf: (read) => read.status,
            isTerminal: (read) => _hacktron_types_js__WEBPACK_IMPORTED_MODULE_0__/* .TERMINAL_ESTIMATION_STATUSES */ .op.includes(read.status),
            intervalMs: request.pollIntervalMs,
            timeoutMs: request.timeoutMs,
            onRead: (read) => (facts.estimation = read)
        }, deps, () => new _flow_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .FlowFailure */ .z('timeout', 'Hacktron: cost estimation timed out', `The cost estimation ${estimation.id} was not ready within estimation-timeout ` +
            `(${Math.round(request.timeoutMs / 1000)}s); nothing was spent and no scan was started. ` +
            'The estimation goes on server-side: raise estimation-timeout or re-run the job later.'));
    }
    const usable = checkEstimation(ended, request, deps.logger, facts);
    await (0,_run_facts_js__WEBPACK_IMPORTED_MODULE_3__/* .enterPhase */ .a)(facts, 'estimated', deps.onPhaseChange);
    return usable;
}
/** Warns about partial results, refuses failed or empty estimates, and applies the budget guard. */
function checkEstimation(estimation, request, logger, facts) {
    if (estimation.status === 'failed') {
        throw new _flow_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .FlowFailure */ .z('estimation-failed', 'Hacktron: cost estimation failed', `The cost estimation ${estimation.id} failed: ${estimation.error ?? 'the API gave no reason'}. ` +
            'Check that each branch exists and that each repository is connected to Hacktron ' +
            '(or is public with repository-source: public), then re-run the job.');
    }
    const failed = failedRepoResults(estimation);
    refuseWithoutPrimary(estimation, failed);
    for (const result of failed)
        logger.warning(describeFailedRepo(result));
    const credits = estimation.total_credits ?? 0;
    if (!(credits > 0)) {
        throw new _flow_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .FlowFailure */ .z('estimation-failed', 'Hacktron: nothing to scan', `The cost estimation ${estimation.id} ended ${estimation.status} with ${credits} credits, ` +
            'so there is nothing Hacktron can scan (no repository was estimated successfully). ' +
            'Check the warnings above for each repository, then re-run.');
    }
    const total = credits + (estimation.triage_required ? estimation.triage_fee_credits : 0);
    facts.estimatedCredits = total;
    const triage = estimation.triage_required
        ? ` (${credits} for the scan + ${estimation.triage_fee_credits} mandatory triage fee)`
        : '';
    logger.info(`Estimated cost: ${total} credits${triage}.`);
    if (request.maxCredits !== undefined && total > request.maxCredits) {
        throw new _flow_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .FlowFailure */ .z('over-budget', 'Hacktron: estimate over budget', `The scan is estimated at ${total} credits${triage}, above max-credits (${request.maxCredits}); ` +
            'no scan was started and nothing was spent. Raise max-credits if this cost is expected, ' +
            'or narrow the scan (fewer related-repositories).');
    }
    return estimation;
}
/** A scan of the related repositories alone would pass a PR whose own code nobody judged. */
function refuseWithoutPrimary(estimation, failed) {
    const primary = estimation.repos[0];
    const primaryFailed = failed.find((result) => primary?.repo_url && (0,_hacktron_url_js__WEBPACK_IMPORTED_MODULE_4__/* .sameRepository */ .RB)(result.repo_url, primary.repo_url));
    if (!primaryFailed)
        return;
    throw new _flow_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .FlowFailure */ .z('estimation-failed', 'Hacktron: the primary repository could not be estimated', `The cost estimation ${estimation.id} ended ${estimation.status}, but its primary repository failed: ` +
        `${describeFailedRepo(primaryFailed).replace(/ The scan goes on without it\.$/, '')} ` +
        "Nothing was spent: a scan of the other repositories alone would not judge this change's code. " +
        'Fix the cause above (a connected repository, an existing branch, a supported language), then re-run.');
}
function failedRepoResults(estimation) {
    return (estimation.repo_results ?? []).filter((result) => result.status === 'failed');
}
function describeFailedRepo(result) {
    const where = result.branch ? `${result.repo_url}@${result.branch}` : result.repo_url;
    const languages = result.unsupported_languages?.length
        ? ` Unsupported languages: ${result.unsupported_languages.join(', ')}.`
        : '';
    return `Hacktron could not estimate ${where}: ${result.error ?? result.failure_reason ?? 'no reason given'}.${languages} The scan goes on without it.`;
}


/***/ }),

/***/ 6987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EU: () => (/* binding */ pollToEnd),
/* harmony export */   ml: () => (/* binding */ systemClock)
/* harmony export */ });
/* unused harmony exports jittered, pollUntilTerminal */
/* harmony import */ var _hacktron_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4519);
/* harmony import */ var _common_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2450);
/* harmony import */ var _common_sleep_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7814);



const systemClock = { now: () => Date.now(), sleep: _common_sleep_js__WEBPACK_IMPORTED_MODULE_1__/* .abortableSleep */ .M };
/**
 * Polls to a terminal value, or throws what `timedOut` builds (the wait's own timeout message):
 * the shape both the estimate and the scan wait have. A cancelled wait throws it too; the runner
 * reports the cancellation itself.
 */
async function pollToEnd(options, context, timedOut) {
    const polled = await pollUntilTerminal(options, context);
    if (polled.kind !== 'terminal')
        throw timedOut();
    return polled.value;
}
/** ±10 % around the interval. */
function jittered(intervalMs, random) {
    return Math.round(intervalMs * (0.9 + 0.2 * random()));
}
async function pollUntilTerminal(options, { clock, logger, signal, random }) {
    const started = clock.now();
    const deadline = started + options.timeoutMs;
    let lastStatus;
    let value;
    for (;;) {
        if (signal?.aborted)
            return { kind: 'cancelled', value };
        try {
            value = await options.read({ withinMs: deadline - clock.now(), signal });
        }
        catch (error) {
            // The read's retries would have run past the deadline: the wait's own timeout ends it.
            if (error instanceof _hacktron_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .HacktronApiError */ .jv && error.code === 'timeout') {
                logger.info(`${options.subject}: ${error.serverMessage}; giving up at the timeout.`);
                return { kind: 'timed-out', value };
            }
            throw error;
        }
        options.onRead?.(value);
        const status = options.statusOf(value);
        if (status !== lastStatus) {
            logger.info(`${options.subject}: ${status} (after ${(0,_common_text_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(clock.now() - started)})`);
            lastStatus = status;
        }
        if (options.isTerminal(value))
            return { kind: 'terminal', value };
        // The sleep ends at the deadline at the latest, so a job that finished during it is still
        // seen by the read above before the wait is called late.
        const remaining = deadline - clock.now();
        if (remaining <= 0)
            return { kind: 'timed-out', value };
        await clock.sleep(Math.min(jittered(options.intervalMs, random), remaining), signal);
    }
}


/***/ }),

/***/ 2158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $_: () => (/* binding */ checkRunName),
/* harmony export */   Hu: () => (/* binding */ completedCheckRun),
/* harmony export */   TY: () => (/* binding */ parseCheckRunExternalId),
/* harmony export */   _x: () => (/* binding */ startedCheckRunOutput),
/* harmony export */   aK: () => (/* binding */ inProgressOutput),
/* harmony export */   cc: () => (/* binding */ checkRunExternalId),
/* harmony export */   k7: () => (/* binding */ annotationBatches)
/* harmony export */ });
/* unused harmony exports CHECK_RUN_NAME, MAX_CHECK_OUTPUT_CHARS, ANNOTATIONS_PER_REQUEST, MAX_NOTICE_ANNOTATIONS, conclusionOf */
/* harmony import */ var _findings_severity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5131);
/* harmony import */ var _comment_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4231);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4285);



const CHECK_RUN_NAME = 'Hacktron Whitebox Scan';
/** GitHub's limits: output summary and text characters, annotations per create or update. */
const MAX_CHECK_OUTPUT_CHARS = 65_535;
const ANNOTATIONS_PER_REQUEST = 50;
/** Notices for findings that do not gate: enough to show them, not enough to flood the diff. */
const MAX_NOTICE_ANNOTATIONS = 100;
/** The check's name: suffixed with the scope when this commit may get several (see README). */
function checkRunName(scopeLabel) {
    return scopeLabel ? `${CHECK_RUN_NAME} (${scopeLabel})` : CHECK_RUN_NAME;
}
/** `external_id`: the scan and the scope it was for, which a re-run reads back. */
function checkRunExternalId(record) {
    return `${record.scanId} ${record.scope}`;
}
function parseCheckRunExternalId(externalId, headSha) {
    const match = /^([0-9a-f-]{36}) ([0-9a-f]{16})$/i.exec(externalId ?? '');
    return match ? { scanId: match[1] ?? '', scope: match[2] ?? '', headSha } : undefined;
}
/**
 * Fail closed: `success` only for a verdict of passed, `skipped` (or `action_required`) only for a
 * run the workflow's policy did not ask for. Everything else that judged nothing concludes with
 * what branch protection does not accept (`neutral`, which it does, is never written): a timeout
 * is `timed_out` whatever on-timeout says of the step, a cancelled or superseded run, a commit
 * mismatch or a fork's run without a key `cancelled`, an error `failure`.
 */
function conclusionOf(outcome, cancelled) {
    if (cancelled)
        return 'cancelled';
    switch (outcome.result) {
        case 'passed':
            return 'success';
        case 'failed':
        case 'error':
            return 'failure';
        case 'timed-out':
            return 'timed_out';
        case 'skipped':
            return outcome.skipReason === 'not-requested'
                ? (outcome.notRequestedConclusion ?? 'skipped')
                : 'cancelled';
        default:
            // estimated, started, triaged without a verdict: nothing was judged. (Mode estimate writes
            // no check run, and mode start leaves it in progress.)
            return 'cancelled';
    }
}
/** Mode start's check run, left in progress: the mode: wait job judges the scan. */
function startedCheckRunOutput(facts) {
    return {
        title: `Scan ${facts.scanId ?? ''} started; waiting for its verdict`,
        summary: `Scan ${facts.scanId ?? ''} was started by a job in mode start. The job in mode wait with ` +
            'this scan-id completes the check with the verdict; until then the check stays in progress, ' +
            'so branch protection that requires it keeps the pull request from merging.'
    };
}
/** The output while the run goes on: the estimate, then the scan, as phases pass. */
function inProgressOutput(facts) {
    const title = facts.scanId
        ? `Scanning: scan ${facts.scanId}`
        : facts.estimatedCredits !== undefined
            ? `Estimated: ${facts.estimatedCredits} credits`
            : 'Estimating the cost';
    return { title, summary: (0,_comment_js__WEBPACK_IMPORTED_MODULE_1__/* .describeProgress */ .vk)(facts) };
}
function completedCheckRun(outcome, facts, context, locations, cancelled) {
    const { annotations, lines } = findingAnnotations(facts, locations);
    const notes = [...(context.notes ?? []), ...lines];
    const report = (0,_comment_js__WEBPACK_IMPORTED_MODULE_1__/* .renderSummaryWithin */ .U7)(MAX_CHECK_OUTPUT_CHARS, outcome, facts, { ...context, notes }, 'this check run');
    const title = cancelled
        ? `Cancelled: the scan goes on server-side${facts.scanId ? ` (scan ${facts.scanId})` : ''}`
        : titleOf(outcome, facts);
    return {
        conclusion: conclusionOf(outcome, cancelled),
        output: { title, summary: report },
        annotations
    };
}
function titleOf(outcome, facts) {
    const gating = facts.verdict?.gating.length;
    switch (outcome.result) {
        case 'passed':
            return 'Passed: no finding gates';
        case 'failed':
            return `Failed: ${gating ?? 0} finding${gating === 1 ? '' : 's'} at or above the gate`;
        default:
            return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(outcome.annotation?.title.replace(/^Hacktron: /, '') ?? outcome.result, 200);
    }
}
/** Every gating finding (failure), then other open findings as notices up to the cap. */
function findingAnnotations(facts, locations) {
    const gating = facts.verdict?.gating ?? [];
    const gatingIds = new Set(gating.map((finding) => finding.id));
    const others = (0,_findings_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .bySeverity */ .Np)(facts.findings ?? []).filter((finding) => !gatingIds.has(finding.id));
    const annotations = [];
    let unplaced = 0;
    for (const finding of (0,_findings_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .bySeverity */ .Np)(gating)) {
        const annotation = annotationOf(finding, 'failure', locations.get(finding.id));
        if (annotation)
            annotations.push(annotation);
        else
            unplaced++;
    }
    let notices = 0;
    let notNoticed = 0;
    for (const finding of others) {
        const annotation = notices < MAX_NOTICE_ANNOTATIONS
            ? annotationOf(finding, 'notice', locations.get(finding.id))
            : undefined;
        if (annotation) {
            annotations.push(annotation);
            notices++;
        }
        else
            notNoticed++;
    }
    const lines = [];
    if (unplaced > 0) {
        lines.push(`⚠️ ${unplaced} gating finding${unplaced === 1 ? ' has' : 's have'} no usable file path, so ${unplaced === 1 ? 'it is' : 'they are'} not annotated on the code (listed below).`);
    }
    if (notNoticed > 0) {
        lines.push(`_${notNoticed} finding${notNoticed === 1 ? '' : 's'} that do not gate ${notNoticed === 1 ? 'is' : 'are'} not annotated (at most ${MAX_NOTICE_ANNOTATIONS} notices, or no usable file path)._`);
    }
    return { annotations, lines };
}
function annotationOf(finding, level, location) {
    if (!location?.path)
        return undefined;
    // Without a line from the export or the checkout, the finding is shown on the file's first line.
    const start = location.startLine ?? 1;
    return {
        path: location.path,
        start_line: start,
        end_line: Math.max(start, location.endLine ?? start),
        annotation_level: level,
        title: `${finding.severity}: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .inertText */ .UJ)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(finding.title, 120))}`.slice(0, 255),
        message: `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .inertText */ .UJ)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(finding.category, 80))} (${finding.state}). ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .inertText */ .UJ)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(finding.description, 600))}\n` +
            `Finding ${finding.id}: the full finding, with its proof of concept, is in the Hacktron dashboard.`
    };
}
/** Annotations in the batches the Checks API takes. */
function annotationBatches(annotations) {
    const batches = [];
    for (let at = 0; at < annotations.length; at += ANNOTATIONS_PER_REQUEST) {
        batches.push(annotations.slice(at, at + ANNOTATIONS_PER_REQUEST));
    }
    return batches;
}


/***/ }),

/***/ 4231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KU: () => (/* binding */ parseCommentRecord),
/* harmony export */   Ql: () => (/* binding */ commentMarker),
/* harmony export */   U7: () => (/* binding */ renderSummaryWithin),
/* harmony export */   vk: () => (/* binding */ describeProgress),
/* harmony export */   wQ: () => (/* binding */ renderComment)
/* harmony export */ });
/* unused harmony exports MAX_COMMENT_CHARS, recordedMarker */
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4285);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7994);


const MAX_COMMENT_CHARS = 65_536;
const LISTED_IN_COMMENT = 25;
const clean = (text) => text.replace(/--+|>|[\r\n]/g, '_');
/** Record values are ids and digests; a quote would end the attribute early. */
const cleanValue = (text) => clean(text).replace(/"/g, '_');
/**
 * The start of the hidden HTML comment that names the job's PR comment: what the writer looks
 * for. It is left open so that the comment can also carry the run record (`recordedMarker`), and
 * comments written before there was one still match.
 */
function commentMarker(parts) {
    return `<!-- hacktron-whitebox-scan workflow="${clean(parts.workflow)}" job="${clean(parts.job)}" scope="${clean(parts.repository)}@${clean(parts.branch)}"`;
}
/**
 * The marker, closed, with this run's record once a scan is known: the scan, the head commit and
 * the scope it was for, so that a re-run finds the scan again without relying on its name.
 */
function recordedMarker(marker, record) {
    if (!record)
        return `${marker} -->`;
    return `${marker} scan="${cleanValue(record.scanId)}" head="${cleanValue(record.headSha)}" record-scope="${cleanValue(record.scope)}" -->`;
}
/** The run record in a comment's marker, if it carries one. */
function parseCommentRecord(body, marker) {
    const start = body.indexOf(marker);
    if (start < 0)
        return undefined;
    const end = body.indexOf('-->', start);
    const attributes = new Map([
        ...body
            .slice(start + marker.length, end < 0 ? undefined : end)
            .matchAll(/([a-z-]+)="([^"]*)"/g)
    ].map((match) => [match[1] ?? '', match[2] ?? '']));
    const scanId = attributes.get('scan');
    const headSha = attributes.get('head');
    const scope = attributes.get('record-scope');
    return scanId && headSha && scope ? { scanId, headSha, scope } : undefined;
}
function renderComment(marker, facts, context, outcome, record) {
    const head = recordedMarker(marker, record);
    if (!outcome)
        return `${head}\n${describeProgress(facts)}`;
    return `${head}\n${renderSummaryWithin(MAX_COMMENT_CHARS - head.length - 1, outcome, facts, context, 'this comment')}`;
}
/**
 * The job summary's report within `maxChars`: past the limit it lists fewer findings (the least
 * severe go first) and says so. `where` names what holds it ("this comment").
 */
function renderSummaryWithin(maxChars, outcome, facts, context, where) {
    for (let listed = LISTED_IN_COMMENT;; listed = Math.floor(listed / 2)) {
        const trimmed = listed < LISTED_IN_COMMENT;
        const notes = trimmed
            ? [
                `_Lower-severity findings were left out of ${where} to fit GitHub\u2019s size limit; the job summary lists them._`
            ]
            : [];
        const body = (0,_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .renderSummary */ .Br)(outcome, facts, {
            ...context,
            maxListed: listed,
            notes: [...(context.notes ?? []), ...notes]
        });
        if (body.length <= maxChars || listed === 0)
            return body.slice(0, maxChars);
    }
}
/** Where a run that has not ended is, as Markdown: the PR comment and the check run show it. */
function describeProgress(facts) {
    const heading = '## Hacktron Whitebox Scan: ⏳ In progress';
    const estimation = facts.estimation ? ` (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineCode */ .ti)(facts.estimation.id)})` : '';
    switch (facts.phase) {
        case 'estimated':
        case 'starting-scan':
            return `${heading}\n\nEstimate ready${estimation}: **${facts.estimatedCredits ?? '?'} credits**. Starting the scan…\n`;
        case 'scanning':
        case 'reading-findings': {
            const started = facts.scanStartedAtMs
                ? ` at ${new Date(facts.scanStartedAtMs).toISOString()}`
                : '';
            const attached = facts.attachedBecause
                ? ` Attached to it: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(facts.attachedBecause)}; this run spends no credits.`
                : '';
            return `${heading}\n\nScan ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineCode */ .ti)(facts.scanId ?? '')} started${started} (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(facts.scanStatus ?? 'pending')}).${attached} This comment is updated when it ends.\n`;
        }
        default:
            return `${heading}\n\nEstimating the cost of the scan${estimation}…\n`;
    }
}


/***/ }),

/***/ 4285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   UJ: () => (/* binding */ inertText),
/* harmony export */   ln: () => (/* binding */ inlineText),
/* harmony export */   ti: () => (/* binding */ inlineCode),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
// Text from the API (finding titles, file paths, server messages) is controlled by whoever wrote
// the scanned code. These helpers make it inert where GitHub shows it: no links, images, HTML,
// mentions, issue references, table breaks, code-fence escapes or disguised (bidi) text.
/**
 * Bidirectional controls (U+202A-U+202E, U+2066-U+2069, and the marks U+200E, U+200F, U+061C)
 * reorder what is shown, so `txt.exe` can read as `exe.txt`: each becomes a visible U+FFFD.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const ZERO_WIDTH_SPACE = '\u200b';
/**
 * Breaks what GitHub links or notifies even in escaped Markdown and in plain text: `@user`
 * mentions, `#1`, `GH-2` and `owner/repo#3` references, `www.` and `scheme://` autolinks (and so
 * e-mail ones), each with a zero-width space the reader does not see; bidi controls shown as �.
 */
function inertText(text) {
    return text
        .replace(BIDI_CONTROLS, '\ufffd')
        .replace(/@/g, `@${ZERO_WIDTH_SPACE}`)
        .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
        .replace(/\b(www)\./gi, `$1${ZERO_WIDTH_SPACE}.`)
        .replace(/#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
        .replace(/\b(gh)-(?=\d)/gi, `$1${ZERO_WIDTH_SPACE}-`);
}
/** Whitespace folded to one line, cut to `max` characters with an ellipsis. */
function oneLine(text, max) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
/** Plain text, safe in a paragraph or a table cell. */
function inlineText(text, maxLength = 300) {
    const flat = text.replace(/[\r\n\t]+/g, ' ').trim();
    const cut = flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
    return inertText(cut
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1'));
}
/** Inline code that no backtick in `text` can close early. */
function inlineCode(text, maxLength = 200) {
    const flat = text.replace(/[\r\n\t]+/g, ' ').trim();
    const cut = flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
    const longestRun = Math.max(0, ...(cut.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    // Inside a table, a pipe would still end the cell; HTML entities do not render in code spans.
    // Code spans are never linked, but bidi controls still reorder what they show.
    return `${fence} ${cut.replace(/\|/g, '¦').replace(BIDI_CONTROLS, '\ufffd')} ${fence}`;
}
function table(header, rows) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}


/***/ }),

/***/ 7994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Br: () => (/* binding */ renderSummary)
/* harmony export */ });
/* unused harmony exports MAX_LISTED_FINDINGS, STATE_WORDS, firstSentence */
/* harmony import */ var _hacktron_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3867);
/* harmony import */ var _flow_estimate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5048);
/* harmony import */ var _findings_severity_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5131);
/* harmony import */ var _common_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2450);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4285);
/* harmony import */ var _findings_paths_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8198);
// The report for the person reviewing the PR (the job summary, and the body of the PR comment):
// the verdict first, then only the findings that block the merge, then, collapsed, the findings
// that do not (already on the base branch, triaged safe, below the gate, outside the diff), and
// last the scan's facts in one line. Pure: run state in, Markdown out.






/** The findings listed one by one per table; the rest are counted, far under the 1 MiB limit. */
const MAX_LISTED_FINDINGS = 50;
const VERDICT = {
    passed: '✅ Passed',
    failed: '❌ Failed',
    skipped: '⏭️ Skipped',
    estimated: '💰 Estimated',
    started: '🚀 Scan started',
    'timed-out': '⏱️ Timed out',
    triaged: '🏷️ Triaged',
    error: '⚠️ Error'
};
/** The API's state words, as a reviewer would say them. */
const STATE_WORDS = {
    open: 'open',
    true_positive: 'confirmed',
    false_positive: 'false positive',
    accepted_risk: 'accepted risk',
    resolved: 'fixed',
    closed: 'closed'
};
const SEVERITY_WORDS = {
    unknown: '⚫ Unknown',
    critical: '🔴 Critical',
    high: '🟠 High',
    medium: '🟡 Medium',
    low: '🔵 Low',
    info: '⚪ Info'
};
/** The collapsed sections, in the order a reviewer reads them. */
const NOT_BLOCKING = [
    { standing: 'on-base', title: (n) => `${n} already on the base branch (not blocking)` },
    { standing: 'outside-diff', title: (n) => `${n} in files this pull request does not change` },
    { standing: 'triaged', title: (n) => `${n} triaged safe` },
    { standing: 'below-gate', title: (n) => `${n} below the gate` }
];
function renderSummary(outcome, run, context) {
    const parts = [
        `## Hacktron Whitebox Scan: ${VERDICT[outcome.result]}`,
        verdictLine(outcome, run, context)
    ];
    const { verdict, findings } = run;
    if (verdict?.scope.fallbackReason) {
        parts.push(`> ℹ️ ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineText */ .ln)(verdict.scope.fallbackReason, 1000)}`);
    }
    if (findings && verdict)
        parts.push(...findingSections(findings, verdict, context));
    else if (findings && findings.length > 0)
        parts.push(ungatedSection(findings, context));
    const failures = run.estimation ? (0,_flow_estimate_js__WEBPACK_IMPORTED_MODULE_1__/* .failedRepoResults */ .m1)(run.estimation) : [];
    for (const result of failures)
        parts.push(`> ⚠️ ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineText */ .ln)((0,_flow_estimate_js__WEBPACK_IMPORTED_MODULE_1__/* .describeFailedRepo */ .XT)(result), 1000)}`);
    if (context.notes?.length)
        parts.push(context.notes.join('\n'));
    const facts = factsLine(run, context);
    if (facts)
        parts.push(facts);
    return parts.join('\n\n') + '\n';
}
function verdictLine(outcome, run, context) {
    const gate = context.failOnSeverity;
    const scope = run.verdict?.scope.applied;
    const introduced = scope === 'new'
        ? ' that this pull request introduces'
        : scope === 'changed-files'
            ? ' in the files this pull request changes'
            : '';
    switch (outcome.result) {
        case 'passed':
            return gate === 'none'
                ? 'The gate is off (`fail-on-severity: none`): findings are reported, never blocking.'
                : `No open or confirmed finding${introduced} at or above **${gate}**.`;
        case 'failed': {
            const count = run.verdict?.gating.length ?? 0;
            return `**${count}** open or confirmed finding${count === 1 ? '' : 's'}${introduced} at or above **${gate}** block${count === 1 ? 's' : ''} this change. Fix ${count === 1 ? 'it' : 'them'}, or triage ${count === 1 ? 'it' : 'them'} in Hacktron as false positive or accepted risk, then re-run.`;
        }
        case 'skipped':
            return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineText */ .ln)(outcome.annotation?.message ?? 'Skipped.', 2000);
        case 'estimated': {
            const credits = run.estimatedCredits ?? '?';
            return (`This scan is estimated at **${credits} credits** (cost estimation ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(run.estimation?.id ?? '')}). ` +
                'No scan was started and nothing was spent; approving the job that runs with this `cost-estimation-id` spends it.');
        }
        case 'started':
            return `Mode \`start\`: scan ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(run.scanId ?? '')} is running; gate on it with \`mode: wait\`.`;
        default:
            return outcome.annotation
                ? `**${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineText */ .ln)(outcome.annotation.title)}** (\`${outcome.errorCode ?? 'error'}\`): ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineText */ .ln)(outcome.annotation.message, 2000)}`
                : 'The run did not finish.';
    }
}
function findingSections(findings, verdict, context) {
    const limit = context.maxListed ?? MAX_LISTED_FINDINGS;
    const sections = [];
    if (verdict.gating.length > 0)
        sections.push(blockingTable(verdict.gating, context, limit));
    const sorted = (0,_findings_severity_js__WEBPACK_IMPORTED_MODULE_2__/* .bySeverity */ .Np)(findings);
    for (const { standing, title } of NOT_BLOCKING) {
        const group = sorted.filter((finding) => verdict.standings.get(finding.id) === standing);
        if (group.length === 0)
            continue;
        sections.push(collapsed(title(group.length), otherTable(group, context, limit)));
    }
    return sections;
}
/** Findings read while no verdict was reached (an error after reading them): listed, not judged. */
function ungatedSection(findings, context) {
    const limit = context.maxListed ?? MAX_LISTED_FINDINGS;
    return collapsed(`${findings.length} findings (not judged)`, otherTable((0,_findings_severity_js__WEBPACK_IMPORTED_MODULE_2__/* .bySeverity */ .Np)(findings), context, limit));
}
/** Blocking findings: what to fix, so the last column says why it is a problem. */
function blockingTable(gating, context, limit) {
    return findingsTable(gating, context, limit, [
        'Why',
        (finding) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineText */ .ln)(firstSentence(finding.description), 200)
    ]);
}
/** Findings that do not block: the last column says how they were triaged. */
function otherTable(findings, context, limit) {
    return findingsTable(findings, context, limit, [
        'State',
        (finding) => STATE_WORDS[finding.state] ?? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineText */ .ln)(String(finding.state), 40)
    ]);
}
function findingsTable(findings, context, limit, [lastHeader, lastCell]) {
    const rows = findings
        .slice(0, limit)
        .map((finding) => [
        SEVERITY_WORDS[finding.severity],
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineText */ .ln)(finding.title, 200),
        fileLink(finding, context),
        lastCell(finding)
    ]);
    return ((0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .table */ .tp)(['Severity', 'Finding', 'Where', lastHeader], rows) +
        moreLine(findings.length - rows.length));
}
function moreLine(rest) {
    return rest > 0 ? `\n\n…and ${rest} more, in the SARIF file and the Hacktron dashboard.` : '';
}
/** A block GitHub shows folded; the blank lines let the Markdown inside render. */
function collapsed(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
function firstSentence(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    const end = /[.!?](\s|$)/.exec(flat);
    return end ? flat.slice(0, end.index + 1) : flat;
}
/** The estimate and the scan in one line, small print under the report. */
function factsLine(run, context) {
    const facts = [];
    if (run.scanId) {
        const duration = run.scanStartedAtMs !== undefined && run.scanEndedAtMs !== undefined
            ? ` in ${(0,_common_text_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(run.scanEndedAtMs - run.scanStartedAtMs)}`
            : '';
        facts.push(`Scan ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(run.scanId)} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineText */ .ln)(run.scanStatus ?? 'pending', 40)}${duration}`);
    }
    if (run.attachedBecause) {
        facts.push(`♻️ attached (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineText */ .ln)(run.attachedBecause, 300)}): no credits spent by this run`);
    }
    if (run.estimation) {
        const credits = run.estimatedCredits === undefined ? '' : `: ${run.estimatedCredits} credits`;
        const triage = run.estimation.triage_required
            ? ` (incl. ${run.estimation.triage_fee_credits} mandatory triage fee)`
            : '';
        facts.push(`estimate ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(run.estimation.id)}${credits}${triage}`);
    }
    if (run.findings)
        facts.push(countsText(run.findings));
    const baseline = run.verdict?.scope.baselineScanId;
    if (baseline)
        facts.push(`compared with baseline scan ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(baseline)}`);
    if (context.runUrl)
        facts.push(`[workflow run](${context.runUrl})`);
    return facts.length === 0 ? '' : `<sub>${facts.join(' · ')}</sub>`;
}
function countsText(findings) {
    const counts = (0,_findings_severity_js__WEBPACK_IMPORTED_MODULE_2__/* .countBySeverity */ .Ot)(findings);
    const parts = _hacktron_types_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.filter((severity) => counts[severity] > 0).map((severity) => `${counts[severity]} ${severity}`);
    return `${findings.length} finding${findings.length === 1 ? '' : 's'}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}
function fileLink(finding, context) {
    const location = context.locations?.get(finding.id);
    const path = location ? location.path : (0,_findings_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .repoRelativePath */ .e)(finding.affected_file);
    if (!path || !context.headSha || !context.repository || !/^[\w./-]+$/.test(path)) {
        return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(finding.affected_file ?? '', 120);
    }
    const { startLine, endLine } = location ?? {};
    const range = startLine && endLine && endLine > startLine ? `-L${endLine}` : '';
    const anchor = startLine ? `#L${startLine}${range}` : '';
    const shown = startLine ? `${path}:${startLine}` : path;
    const url = `${context.serverUrl}/${context.repository}/blob/${context.headSha}/${path}${anchor}`;
    return `[${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(shown, 120)}](${url})`;
}


/***/ })

};

//# sourceMappingURL=158.index.js.map