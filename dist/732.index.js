export const id = 732;
export const ids = [732,564];
export const modules = {

/***/ 564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C$: () => (/* binding */ judgeStoredLedger),
/* harmony export */   GH: () => (/* binding */ spendLedger),
/* harmony export */   ledgerSeal: () => (/* binding */ ledgerSeal)
/* harmony export */ });
/* harmony import */ var _common_mac_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(646);
/* harmony import */ var _flow_failure_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9997);
/* harmony import */ var _pr_ledger_entries_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5473);
// The PR's credit ledger (max-credits-per-pr): every scan this workflow job started for the pull
// request, with the commit it was for and the credits it cost. Written once each POST /scans is
// answered, read right before the next one: a scan that would take the PR over its budget is
// never started. The front end keeps it (the action: in its PR comment's hidden marker), where
// anyone who writes as the same identity could edit it; so it is sealed like the run records,
// as a record of its own kind, over the repository, the PR and every entry, and a ledger whose
// seal does not verify is never trusted and never rewritten.


// The ledger's data (entries, totals) lives in pr-ledger-entries.ts, which the comment marker
// reads without loading this module.


function ledgerSeal(apiKey, place) {
    const key = (0,_common_mac_js__WEBPACK_IMPORTED_MODULE_0__/* .recordKey */ .Hy)(apiKey);
    const fields = (entries) => {
        const sealed = {
            kind: 'ledger',
            repository: place.repository.toLowerCase(),
            pr: place.pullRequestNumber ?? '',
            entries: entries.length,
            total: (0,_pr_ledger_entries_js__WEBPACK_IMPORTED_MODULE_2__/* .ledgerTotal */ .g)({ entries })
        };
        entries.forEach((entry, index) => {
            sealed[`entry-${index}-scan`] = entry.scanId;
            sealed[`entry-${index}-commit`] = entry.headSha;
            sealed[`entry-${index}-credits`] = entry.credits;
        });
        return sealed;
    };
    return {
        seal: (entries) => ({ entries, tag: (0,_common_mac_js__WEBPACK_IMPORTED_MODULE_0__/* .signRecord */ .lm)(key, fields(entries)) }),
        verifies: (ledger) => ledger.tag !== undefined && (0,_common_mac_js__WEBPACK_IMPORTED_MODULE_0__/* .verifyRecord */ .RC)(key, fields(ledger.entries), ledger.tag)
    };
}
/** The ledger as stored, judged: none at all is an empty ledger; one that does not verify, none. */
function judgeStoredLedger(stored, seal) {
    if (stored === undefined)
        return { verified: true, ledger: _pr_ledger_entries_js__WEBPACK_IMPORTED_MODULE_2__/* .EMPTY_LEDGER */ ._ };
    if (stored === 'malformed' || !seal.verifies(stored))
        return { verified: false };
    return { verified: true, ledger: stored };
}
/** `max-credits-per-pr` for one start, against the ledger in `store` (absent: none can be kept). */
function spendLedger(budget, store, deps, facts) {
    /** The entries read right before spending, that this run's own entry is added to. */
    let before = [];
    return {
        beforeSpend: async () => {
            const credits = facts.estimatedCredits;
            if (credits === undefined)
                throw new Error('No estimate to check max-credits-per-pr with');
            before = await checkPrBudget(budget, credits, store);
        },
        recordSpend: async (scanId) => {
            if (!store)
                return;
            const entry = {
                scanId: scanId.toLowerCase(),
                headSha: budget.headSha.toLowerCase(),
                credits: facts.estimatedCredits ?? 0
            };
            await recordEntry(entry, before, store, deps.logger);
        }
    };
}
/** The entries of the ledger when this estimate fits the PR's budget; else a FlowFailure. */
async function checkPrBudget(budget, credits, store) {
    const max = budget.maxCreditsPerPr;
    if (!store) {
        throw new _flow_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .FlowFailure */ .z('over-budget', 'Hacktron: no PR credit ledger', `max-credits-per-pr (${max}) is set, but this run has no PR comment to keep the PR's credit ledger in ` +
            '(it needs pr-comment: true, a pull_request or pull_request_target event, and a github-token that may comment). ' +
            'No scan was started and nothing was spent. Give the job "permissions: pull-requests: write", or remove max-credits-per-pr.');
    }
    const reading = await readForBudget(store, max);
    if (!reading.verified) {
        throw new _flow_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .FlowFailure */ .z('over-budget', "Hacktron: the PR's credit ledger does not verify", `max-credits-per-pr (${max}) is set, but the credit ledger in the action's PR comment does not carry a seal that verifies: ` +
            'it was edited, or written under another Hacktron API key (a rotated key). What this PR has spent is unknown, so no scan ' +
            'was started and nothing was spent; the comment is left as it is. If a new ledger is really intended, delete the ' +
            "action's comment on this pull request (the next run begins a new ledger at 0 credits), then re-run.");
    }
    const { entries } = reading.ledger;
    const spent = (0,_pr_ledger_entries_js__WEBPACK_IMPORTED_MODULE_2__/* .ledgerTotal */ .g)(reading.ledger);
    if (spent + credits > max) {
        throw new _flow_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .FlowFailure */ .z('over-budget', 'Hacktron: PR credit budget exhausted', overBudget(max, entries, credits));
    }
    // A ledger that cannot be written would count nothing: the spend must be recordable first.
    if (!(await store.write(entries))) {
        throw new _flow_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .FlowFailure */ .z('over-budget', "Hacktron: the PR's credit ledger cannot be written", `max-credits-per-pr (${max}) is set, but the action's PR comment, which keeps the PR's credit ledger, could not be written ` +
            '(see the warning above). No scan was started and nothing was spent. Give the job "permissions: pull-requests: write", then re-run.');
    }
    return entries;
}
async function readForBudget(store, max) {
    try {
        return await store.read();
    }
    catch (error) {
        throw new _flow_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .FlowFailure */ .z('over-budget', "Hacktron: the PR's credit ledger could not be read", `max-credits-per-pr (${max}) is set, but the credit ledger in the action's PR comment could not be read ` +
            `(${error instanceof Error ? error.message : String(error)}). No scan was started and nothing was spent; re-run the job.`);
    }
}
function overBudget(max, entries, credits) {
    const spent = (0,_pr_ledger_entries_js__WEBPACK_IMPORTED_MODULE_2__/* .ledgerTotal */ .g)({ entries });
    const listed = entries
        .map((entry) => `${entry.credits} on ${entry.headSha.slice(0, 7)} (scan ${entry.scanId})`)
        .join(', ');
    return (`This pull request's budget is max-credits-per-pr: ${max} credits. This workflow job already spent ${spent} on it` +
        `${listed ? `: ${listed}` : ''}; this scan is estimated at ${credits} more, ${spent + credits} in all. ` +
        'No scan was started and nothing was spent. Raise max-credits-per-pr if the cost is expected; or, if a new ledger ' +
        "is really intended, delete the action's comment on this pull request (the next run begins at 0 credits).");
}
/** Adds `entry` to the ledger, once (the store keeps what another run wrote meanwhile). */
async function recordEntry(entry, before, store, logger) {
    if (before.some((recorded) => recorded.scanId === entry.scanId))
        return;
    if (!(await store.write([...before, entry]))) {
        logger.warning(`Hacktron: scan ${entry.scanId} (${entry.credits} credits) could not be recorded in the PR's credit ledger: ` +
            "the action's PR comment could not be written (the next update of the comment tries again), or its ledger no " +
            'longer verifies (edited meanwhile: it is never rewritten).');
    }
}


/***/ }),

/***/ 4732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ prLedgerStore),
/* harmony export */   ledgerForComment: () => (/* binding */ ledgerForComment)
/* harmony export */ });
/* harmony import */ var _flow_pr_ledger_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(564);
// The PR's credit ledger (max-credits-per-pr) on the gate core's side: the front end's comment
// sink stores it (in the marker) and reads it back as stored; the core verifies it, seals what it
// writes, and decides what the comment may carry. A ledger that does not verify is never
// rewritten: the comment holding it is then left exactly as it is for the rest of the run.

/**
 * Whether this run keeps a ledger: a budget, on a pull request, with a comment that can hold it;
 * whatever the mode (a run that spends nothing carries the ledger on when it writes the comment).
 */
function keepsLedger(state) {
    const { settings, connections } = state;
    return (settings?.maxCreditsPerPr !== undefined &&
        settings.event.pullRequestNumber !== undefined &&
        connections?.comment?.readLedger !== undefined);
}
/**
 * The ledger as the flow reaches it, when this run keeps one and the front end's comment can hold
 * it; `writeComment` writes the comment now (with the ledger held) and says whether it could.
 */
function prLedgerStore(state, writeComment) {
    if (!keepsLedger(state))
        return undefined;
    return {
        read: () => readLedger(state),
        write: async (entries) => {
            // Held at once, before anything is awaited: a run cancelled meanwhile still reports it.
            const added = entries.filter((entry) => !heldEntries(state).some(same(entry)));
            if (!hold(state, union(heldEntries(state), entries)))
                return false;
            if (added.length > 0 && !(await mergeStored(state)))
                return false;
            return writeComment();
        }
    };
}
/** Adds what another run stored since this one read the ledger; false when it no longer verifies. */
async function mergeStored(state) {
    const held = heldEntries(state);
    let reading;
    try {
        reading = await readLedger(state, false);
    }
    catch (error) {
        state.logger.info(`Could not read the PR's credit ledger again (${String(error)}): writing the one this run holds.`);
        return hold(state, held);
    }
    return reading.verified && hold(state, union(reading.ledger.entries, held));
}
const same = (entry) => (other) => other.scanId === entry.scanId;
/** `first`, then each entry of `then` for a scan not in it. */
function union(first, then) {
    return [...first, ...then.filter((entry) => !first.some(same(entry)))];
}
function heldEntries(state) {
    return state.ledger?.kind === 'kept' ? state.ledger.ledger.entries : [];
}
/**
 * The ledger the comment is to carry: undefined when the run keeps none (or it is empty), `leave`
 * when the comment must not be written. Reads it first if this run has not yet.
 */
async function ledgerForComment(state) {
    if (!keepsLedger(state))
        return undefined;
    if (state.ledger === undefined || state.ledger.kind === 'unread') {
        try {
            await readLedger(state);
        }
        catch (error) {
            state.logger.info(`Could not read the PR's credit ledger (${String(error)}): the PR comment is not updated until it can be.`);
            state.ledger = { kind: 'unread' };
        }
    }
    return state.ledger?.kind === 'kept' ? state.ledger.ledger : 'leave';
}
/**
 * Reads the ledger afresh from the comment; once one was found that does not verify, none is
 * trusted. `keepRead`: hold what is read (false when the caller merges it with what it holds).
 */
async function readLedger(state, keepRead = true) {
    const comment = state.connections?.comment;
    const seal = state.ledgerSeal;
    if (state.ledger?.kind === 'frozen')
        return { verified: false };
    if (!comment?.readLedger || !seal)
        throw new Error('this run keeps no ledger');
    const reading = (0,_flow_pr_ledger_js__WEBPACK_IMPORTED_MODULE_0__/* .judgeStoredLedger */ .C$)(await comment.readLedger(), seal);
    if (reading.verified) {
        if (keepRead)
            keep(state, reading.ledger);
    }
    else {
        state.ledger = { kind: 'frozen' };
        state.logger.warning("Hacktron: the credit ledger in the action's PR comment does not carry a seal that verifies (edited, or written under " +
            'another API key): it is not trusted, and the comment is left as it is. Delete the comment to begin a new ledger.');
    }
    return reading;
}
/** Holds `entries`, sealed, for the comment to carry; false when the ledger may not be rewritten. */
function hold(state, entries) {
    if (state.ledger?.kind === 'frozen' || !state.ledgerSeal)
        return false;
    keep(state, state.ledgerSeal.seal(entries));
    return true;
}
function keep(state, ledger) {
    state.ledger = { kind: 'kept', ledger };
    const maxCreditsPerPr = state.settings?.maxCreditsPerPr;
    if (maxCreditsPerPr !== undefined) {
        state.facts.prCredits = { maxCreditsPerPr, entries: ledger.entries };
    }
}


/***/ })

};

//# sourceMappingURL=732.index.js.map