export const id = 732;
export const ids = [732];
export const modules = {

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