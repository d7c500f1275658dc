export const id = 484;
export const ids = [484];
export const modules = {

/***/ 5583:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   If: () => (/* binding */ HACKTRON_TOOL_NAME),
/* harmony export */   iY: () => (/* binding */ findingMarker),
/* harmony export */   tc: () => (/* binding */ isHacktronTool)
/* harmony export */ });
/* harmony import */ var _mac_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(646);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2450);
// The line each SARIF result's message ends with, `Hacktron finding <uuid> <seal>`, and its
// reader: code scanning keeps a result's message on its alert (`most_recent_instance.message.text`)
// but none of its SARIF properties, so a dismissal in code scanning finds its Hacktron finding
// through it. Anyone who can run a workflow may upload SARIF under the tool name `Hacktron`, so
// the line is sealed (keyed by the API key, for this repository): a forged alert naming some other
// finding of the repository is told apart, and its dismissal goes nowhere.


/** The SARIF tool driver name the action writes when Hacktron's export names none. */
const HACKTRON_TOOL_NAME = 'Hacktron';
const MARKER_PREFIX = 'Hacktron finding ';
/** The marker of the findings of `repository` (`owner/name`), sealed under `apiKey`. */
function findingMarker(apiKey, repository) {
    const key = (0,_mac_js__WEBPACK_IMPORTED_MODULE_0__/* .recordKey */ .Hy)(apiKey);
    const fields = (findingId) => ({
        kind: 'finding-marker',
        repository: repository.toLowerCase(),
        finding: findingId.toLowerCase()
    });
    return {
        line: (findingId) => `${MARKER_PREFIX}${findingId} ${(0,_mac_js__WEBPACK_IMPORTED_MODULE_0__/* .signRecord */ .lm)(key, fields(findingId.toLowerCase()))}`,
        findingOf: (text) => {
            if (typeof text !== 'string')
                return undefined;
            const lines = text.replace(/\r\n?/g, '\n').trimEnd().split('\n');
            const last = lines[lines.length - 1]?.trim() ?? '';
            if (!last.startsWith(MARKER_PREFIX))
                return undefined;
            const [id = '', tag = '', ...rest] = last.slice(MARKER_PREFIX.length).split(' ');
            if (rest.length > 0 || !_text_js__WEBPACK_IMPORTED_MODULE_1__/* .UUID_PATTERN */ .JJ.test(id))
                return undefined;
            const findingId = id.toLowerCase();
            return (0,_mac_js__WEBPACK_IMPORTED_MODULE_0__/* .verifyRecord */ .RC)(key, fields(findingId), tag) ? findingId : undefined;
        }
    };
}
/**
 * Whether a code scanning tool is the one this action writes: exactly `Hacktron` (the SARIF file
 * always names its driver so). A name that merely starts alike is another tool's.
 */
function isHacktronTool(name) {
    return name === HACKTRON_TOOL_NAME;
}


/***/ }),

/***/ 9521:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ ACTION_VERSION),
/* harmony export */   p: () => (/* binding */ ACTION_NAME)
/* harmony export */ });
// Sent in the User-Agent; a test keeps it equal to package.json's version.
const ACTION_NAME = 'hacktron-whitebox-scan-action';
const ACTION_VERSION = '0.1.0';


/***/ }),

/***/ 6989:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ix: () => (/* binding */ applyDismissal),
/* harmony export */   Ox: () => (/* binding */ DISMISSAL_ACTIONS),
/* harmony export */   Vy: () => (/* binding */ dismissalPlan)
/* harmony export */ });
/* unused harmony export findingChangeOf */
/* harmony import */ var _common_finding_marker_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5583);
/* harmony import */ var _common_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2450);
/* harmony import */ var _hacktron_findings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7038);
/* harmony import */ var _hacktron_url_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7375);
// A code scanning alert closed or reopened by a user, sent back to Hacktron: the alert's finding
// (named by its message's last line), the state its dismissal reason maps to, and the reason
// Hacktron records, which names who did it and quotes their comment, made inert. Pure but for
// the one read and the one PATCH of `applyDismissal`.




/** The code_scanning_alert actions that are a user's decision. */
const DISMISSAL_ACTIONS = new Set([
    'closed_by_user',
    'reopened_by_user'
]);
const REASON_STATES = {
    'false positive': 'false_positive',
    "won't fix": 'accepted_risk',
    'used in tests': 'false_positive'
};
/** The longest comment quoted in the reason; code scanning allows 280 characters. */
const MAX_QUOTED_COMMENT = 500;
/**
 * The change in Hacktron for the alert's closing (`closed_by_user`, by its dismissal reason) or
 * reopening (`reopened_by_user`, by `actor`, the event's sender); undefined for a reason it
 * does not know.
 */
function findingChangeOf(action, alert, actor) {
    const where = alert.htmlUrl ? ` (${(0,_common_text_js__WEBPACK_IMPORTED_MODULE_2__/* .inert */ .tJ)(alert.htmlUrl, 300)})` : '';
    if (action === 'reopened_by_user') {
        return { state: 'open', reason: `Reopened in GitHub code scanning by ${who(actor)}${where}` };
    }
    const reasonWord = (alert.dismissedReason ?? '').toLowerCase();
    const state = REASON_STATES[reasonWord];
    if (action !== 'closed_by_user' || !state)
        return undefined;
    const comment = (0,_common_text_js__WEBPACK_IMPORTED_MODULE_2__/* .inert */ .tJ)(alert.dismissedComment ?? '', MAX_QUOTED_COMMENT);
    return {
        state,
        reason: `Dismissed in GitHub code scanning by ${who(alert.dismissedBy ?? actor)} as ${reasonWord}` +
            `${comment ? `: "${comment}"` : ''}${where}`
    };
}
function who(login) {
    const name = (0,_common_text_js__WEBPACK_IMPORTED_MODULE_2__/* .inert */ .tJ)(login, 100);
    return name ? `@${name}` : 'an unknown user';
}
/** What a dismissal sends to Hacktron, or why it sends nothing. */
function dismissalPlan(action, alert, actor, marker) {
    if (!(0,_common_finding_marker_js__WEBPACK_IMPORTED_MODULE_0__/* .isHacktronTool */ .tc)(alert.toolName))
        return { kind: 'other-tool', toolName: alert.toolName ?? '' };
    const findingId = marker.findingOf(alert.messageText);
    if (!findingId)
        return { kind: 'no-finding-id' };
    const change = findingChangeOf(action, alert, actor);
    if (!change)
        return { kind: 'unknown-reason', reason: alert.dismissedReason ?? '' };
    return { findingId, change };
}
/**
 * Sets the finding's state: read first, so a finding already in that state is left as it is (no
 * second entry in its audit trail), within `limits`. Throws the client's errors.
 */
async function applyDismissal(client, findingId, change, logger, repositoryUrl, limits = {}) {
    const finding = await client.getFinding(findingId);
    // An alert's message is whatever a SARIF upload said: a finding of another repository (an
    // organisation's key reaches them all) is not this repository's to triage.
    if (!finding.repo_url || !(0,_hacktron_url_js__WEBPACK_IMPORTED_MODULE_3__/* .sameRepository */ .RB)(finding.repo_url, repositoryUrl)) {
        logger.notice(`Hacktron: finding ${findingId} is not of ${repositoryUrl}; the alert's dismissal is not taken back to it.`);
        return 'other-repository';
    }
    if (limits.branch !== undefined && !(await isOfBranch(client, finding.scan_id, limits.branch))) {
        logger.info(`Hacktron finding ${findingId} is not of a scan of ${limits.branch}: the alert's dismissal is not taken back to it.`);
        return 'other-branch';
    }
    if (finding.state === change.state) {
        logger.info(`Hacktron finding ${findingId} is already ${change.state}: nothing to change.`);
        return 'unchanged';
    }
    // A later scan's finding nobody touched since (the alert's newest instance names it) takes the
    // dismissal: the alert is the same, and so is the code.
    if (limits.decidedAt !== undefined && (0,_hacktron_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .changedInHacktron */ .Eu)(finding, limits.decidedAt)) {
        logger.info(`Hacktron finding ${findingId} was changed in Hacktron after the alert's dismissal (${limits.decidedAt}): its state ${finding.state} stands.`);
        return 'superseded';
    }
    await client.updateFinding(findingId, { state: change.state, state_reason: change.reason });
    logger.info(`Hacktron finding ${findingId}: ${finding.state} -> ${change.state}.`);
    return 'changed';
}
/** Whether scan `scanId` (a finding's; none when the API gave none) is of `branch`. */
async function isOfBranch(client, scanId, branch) {
    return scanId !== null && (await client.getScan(scanId)).branch === branch;
}


/***/ }),

/***/ 3484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ dismissalClient),
/* harmony export */   dismissalOutcome: () => (/* binding */ dismissalOutcome),
/* harmony export */   x: () => (/* binding */ unreadableAlerts)
/* harmony export */ });
/* harmony import */ var _common_finding_marker_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5583);
/* harmony import */ var _common_version_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9521);
/* harmony import */ var _flow_dismissal_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6989);
/* harmony import */ var _hacktron_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6191);
/* harmony import */ var _hacktron_timing_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2054);
/* harmony import */ var _outcome_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9003);
// A code_scanning_alert run: a user's dismissal (or reopening) of one of Hacktron's alerts in
// GitHub code scanning, sent back to Hacktron as the finding's state. No estimate, no scan, no
// credits, no check run and no PR comment: the alert is read through the platform (the payload
// carries no SARIF properties), the finding it names is read and, unless already in that state,
// PATCHed. GitHub already requires write access to dismiss an alert, so no permission rule of the
// action's own applies. Another tool's alert sends nothing anywhere.






async function dismissalOutcome(settings, alertEvent, state, runtime = {}) {
    const { logger } = state;
    if (!_flow_dismissal_js__WEBPACK_IMPORTED_MODULE_1__/* .DISMISSAL_ACTIONS */ .Ox.has(alertEvent.action)) {
        return notRequested(`code_scanning_alert ${alertEvent.action || '(no action)'}: only closed_by_user and reopened_by_user go to Hacktron.`);
    }
    // The payload names the tool: another tool's alert is not even read.
    if (alertEvent.toolName !== null && !(0,_common_finding_marker_js__WEBPACK_IMPORTED_MODULE_0__/* .isHacktronTool */ .tc)(alertEvent.toolName)) {
        return notRequested(otherTool(alertEvent.toolName));
    }
    state.connections = await state.frontEnd.connect(settings, logger);
    let alert;
    try {
        const read = state.connections.codeScanningAlert;
        if (!read)
            throw new Error('this platform cannot read code scanning alerts');
        alert = await read(alertEvent.number);
    }
    catch (error) {
        return unreadableAlerts(`code scanning alert #${alertEvent.number}`, error);
    }
    const marker = (0,_common_finding_marker_js__WEBPACK_IMPORTED_MODULE_0__/* .findingMarker */ .iY)(settings.apiKey, settings.event.repository);
    const plan = (0,_flow_dismissal_js__WEBPACK_IMPORTED_MODULE_1__/* .dismissalPlan */ .Vy)(alertEvent.action, alert, alertEvent.actor, marker);
    if ('kind' in plan)
        return skippedDismissal(plan, alert);
    const client = dismissalClient(settings, state, runtime);
    try {
        const changed = await (0,_flow_dismissal_js__WEBPACK_IMPORTED_MODULE_1__/* .applyDismissal */ .Ix)(client, plan.findingId, plan.change, logger, settings.event.repositoryUrl);
        return triagedOutcome(changed, plan, alert.number);
    }
    catch (error) {
        const failed = (0,_outcome_js__WEBPACK_IMPORTED_MODULE_4__/* .outcomeOfError */ .Sg)(error, state.facts, settings);
        return {
            ...failed,
            annotation: {
                title: `Hacktron: could not update finding ${plan.findingId}`,
                message: `Code scanning alert #${alert.number} was ${alertEvent.action === 'reopened_by_user' ? 'reopened' : 'dismissed'}, but Hacktron's finding was not updated: ${failed.annotation?.message ?? String(error)}`
            }
        };
    }
}
function triagedOutcome(changed, plan, alertNumber) {
    if (changed === 'other-repository') {
        return notRequested(`Code scanning alert #${alertNumber} names finding ${plan.findingId}, which is not of this repository: nothing was changed.`);
    }
    const what = changed === 'changed'
        ? `set to ${plan.change.state}`
        : `already ${plan.change.state}: left as it is`;
    return {
        result: 'triaged',
        annotation: {
            title: 'Hacktron: finding triaged from code scanning',
            // Not the dismissal's comment: a public repository's log is public, its alerts are not.
            message: `Hacktron finding ${plan.findingId} (code scanning alert #${alertNumber}) ${what}.`
        }
    };
}
function notRequested(message) {
    return {
        result: 'skipped',
        skipReason: 'not-requested',
        annotation: { title: 'Hacktron: nothing to triage', message }
    };
}
function otherTool(toolName) {
    return `Code scanning alert of ${JSON.stringify(toolName)}, not Hacktron's: nothing was sent to Hacktron.`;
}
function skippedDismissal(skip, alert) {
    if (skip.kind === 'other-tool')
        return notRequested(otherTool(skip.toolName));
    const message = skip.kind === 'no-finding-id'
        ? `Code scanning alert #${alert.number}'s message does not end with a Hacktron finding id sealed by this action for this repository (a line "Hacktron finding <uuid> <seal>"), so no finding was updated. Alerts uploaded by an older version of the action, or under another API key, carry none that verifies; the next upload gives them one. One uploaded by someone else is not this action's to act on.`
        : `Code scanning alert #${alert.number} was dismissed as ${JSON.stringify(skip.reason)}, a reason the action does not map to a Hacktron state: no finding was updated.`;
    return {
        result: 'skipped',
        annotation: { title: 'Hacktron: finding not updated', message }
    };
}
/** `what` (an alert, the alert list) could not be read from the platform: why, and what to give. */
function unreadableAlerts(what, error) {
    const status = error?.status;
    const detail = error instanceof Error ? error.message : String(error);
    return {
        result: 'error',
        errorCode: typeof status === 'number' && status >= 500
            ? 'server-error'
            : typeof status === 'number'
                ? 'forbidden'
                : 'network-error',
        annotation: {
            title: 'Hacktron: could not read code scanning',
            message: `Could not read ${what} (${detail}). The finding id is read from the alert ` +
                'through the API: give the workflow `permissions: security-events: read` and pass github-token.'
        }
    };
}
function dismissalClient(settings, state, runtime) {
    const client = runtime.createClient?.(settings, state.logger);
    if (client && 'getFinding' in client && 'updateFinding' in client && 'getScan' in client) {
        return client;
    }
    return new _hacktron_client_js__WEBPACK_IMPORTED_MODULE_2__/* .HacktronClient */ .g({
        baseUrl: settings.apiUrl,
        apiKey: settings.apiKey,
        userAgent: `${_common_version_js__WEBPACK_IMPORTED_MODULE_5__/* .ACTION_NAME */ .p}/${_common_version_js__WEBPACK_IMPORTED_MODULE_5__/* .ACTION_VERSION */ .Y}`,
        logger: state.logger,
        ...(0,_hacktron_timing_js__WEBPACK_IMPORTED_MODULE_3__/* .clientTiming */ .Iv)(settings.testMode)
    });
}


/***/ })

};

//# sourceMappingURL=484.index.js.map