export const id = 42;
export const ids = [42,564,732];
export const modules = {

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

/***/ 3134:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  H: () => (/* binding */ locateFindings),
  k: () => (/* binding */ locateInCheckout)
});

// EXTERNAL MODULE: ./src/findings/paths.ts
var paths = __webpack_require__(8198);
;// CONCATENATED MODULE: ./src/report/snippet-locator.ts
// Where a code snippet is in a file: the file is split, normalized and indexed once, so that many
// findings in one file (generated, vendored and bundled files gather them) cost about the
// candidates of each snippet's rarest line, not the file's length each.
/** Whitespace collapsed and trimmed: how a file's lines and a snippet's lines are compared. */
function squash(line) {
    return line.replace(/\s+/g, ' ').trim();
}
/**
 * Above this many candidates from its rarest whole token, a partial line is looked up by its
 * rarest three characters instead (their index is built for the file on first need).
 */
const TOKEN_CANDIDATES_BEFORE_TRIGRAMS = 32;
function addPosition(index, key, position) {
    const positions = index.get(key);
    if (!positions)
        index.set(key, [position]);
    else if (positions[positions.length - 1] !== position)
        positions.push(position);
}
/** Positions of `lines` by whatever keys `keysOf` gives each line. */
function indexBy(lines, keysOf) {
    const index = new Map();
    for (const [position, line] of lines.entries())
        for (const key of keysOf(line))
            addPosition(index, key, position);
    return index;
}
function* trigramsOf(line) {
    for (let at = 0; at + 3 <= line.length; at++)
        yield line.slice(at, at + 3);
}
/**
 * One file's non-blank lines, normalized, with the line each is on, and indexes of them built on
 * first need: whole lines, whitespace-separated tokens, and three-character substrings.
 */
class FileLines {
    /** The file's non-blank lines, normalized: matching walks consecutive ones. */
    lines = [];
    /** The 0-based line of the file each of `lines` is on. */
    lineNumbers = [];
    exact;
    tokens;
    trigrams;
    constructor(text) {
        text.split(/\r?\n/).forEach((raw, number) => {
            const line = squash(raw);
            if (line === '')
                return;
            this.lines.push(line);
            this.lineNumbers.push(number);
        });
    }
    withLine(line) {
        this.exact ??= indexBy(this.lines, (each) => [each]);
        return this.exact.get(line) ?? [];
    }
    withToken(token) {
        this.tokens ??= indexBy(this.lines, (line) => line.split(' '));
        return this.tokens.get(token) ?? [];
    }
    withTrigram(trigram) {
        this.trigrams ??= indexBy(this.lines, trigramsOf);
        return this.trigrams.get(trigram) ?? [];
    }
    /** Whether the snippet's lines `wanted` match the non-blank lines from `start` on. */
    matchesAt(wanted, start) {
        const last = wanted.length - 1;
        if (start < 0 || start + last >= this.lines.length)
            return false;
        for (let offset = 0; offset <= last; offset++) {
            const line = this.lines[start + offset];
            const expected = wanted[offset];
            // The first and last lines of a snippet may be partial lines of the file.
            const ok = offset === 0 || offset === last ? line.includes(expected) : line === expected;
            if (!ok)
                return false;
        }
        return true;
    }
    range(start, lineCount) {
        return {
            startLine: this.lineNumbers[start] + 1,
            endLine: this.lineNumbers[start + lineCount - 1] + 1
        };
    }
}
/**
 * The fewest candidates for the snippet's lines `wanted` that one of its lines gives: a middle
 * line by the file's whole lines; a first or last line, which may be partial, by one of its
 * interior tokens (a partial line holds those whole: only its first and last may be cut) or, when
 * those are common, by three of its characters. Undefined when no line narrows it down (a partial
 * line of one or two short tokens and no other): then only a scan can.
 */
function fewestCandidates(file, wanted) {
    const last = wanted.length - 1;
    let best;
    const consider = (positions, offset) => {
        if (!best || positions.length < best.positions.length)
            best = { positions, offset };
    };
    for (let offset = 1; offset < last; offset++)
        consider(file.withLine(wanted[offset]), offset);
    const partial = last === 0 ? [0] : [0, last];
    for (const offset of partial) {
        const words = wanted[offset].split(' ');
        for (let word = 1; word < words.length - 1; word++)
            consider(file.withToken(words[word]), offset);
    }
    if (best && best.positions.length <= TOKEN_CANDIDATES_BEFORE_TRIGRAMS)
        return best;
    for (const offset of partial)
        for (const trigram of trigramsOf(wanted[offset]))
            consider(file.withTrigram(trigram), offset);
    return best;
}
/** The first match of the snippet's lines `wanted` in `file`, from its candidates in order. */
function firstMatch(file, wanted) {
    const candidates = fewestCandidates(file, wanted);
    const count = candidates ? candidates.positions.length : file.lines.length;
    for (let index = 0; index < count; index++) {
        const start = candidates ? candidates.positions[index] - candidates.offset : index;
        if (file.matchesAt(wanted, start))
            return file.range(start, wanted.length);
    }
    return undefined;
}
/**
 * Finds snippets in one file's `text`: the file is split and normalized once and indexed on first
 * need, so that a lookup costs about the candidates of the snippet's rarest line or token rather
 * than the file's length. `locate(snippet)` answers exactly as locateSnippet(text, snippet): lines
 * compared with whitespace collapsed, blank lines of the file skipped, the snippet's first and
 * last lines possibly partial lines of the file, its middle lines whole ones, and the first match
 * in the file wins. Hold one file's locator at a time: its index is a few times the file's size.
 */
function snippetLocator(text) {
    const file = new FileLines(text);
    const answers = new Map();
    return (snippet) => {
        const wanted = snippet
            .split(/\r?\n/)
            .map(squash)
            .filter((line) => line !== '');
        if (wanted.length === 0)
            return undefined;
        // A snippet repeated among a file's findings is looked up once.
        const key = wanted.join('\n');
        const found = answers.has(key) ? answers.get(key) : firstMatch(file, wanted);
        answers.set(key, found);
        return found && { ...found };
    };
}
/**
 * The lines of `snippet` in `text`, comparing line by line with whitespace collapsed, so that
 * re-indentation or trailing spaces do not hide it. Undefined when absent or ambiguous-empty.
 * For many snippets of one file, use one snippetLocator(text).
 */
function locateSnippet(text, snippet) {
    return snippetLocator(text)(snippet);
}

;// CONCATENATED MODULE: ./src/report/locations.ts


/** Where every finding is: its repository-relative path, and the lines the flow found for it. */
function locateFindings(findings, lines, workspace = '', fileExists) {
    const locations = new Map();
    for (const finding of findings) {
        const path = (0,paths/* repoRelativePath */.e)(finding.affected_file, workspace, fileExists);
        locations.set(finding.id, { path, ...(path && lines?.get(finding.id)) });
    }
    return locations;
}
/**
 * The lines of each finding's snippet in the checked-out files, by finding id. Each file is read
 * once, whatever the number of its findings, and dropped before the next one is read.
 */
function locateInCheckout(findings, readFile, workspace = '', fileExists) {
    const byPath = new Map();
    for (const finding of findings) {
        const path = (0,paths/* repoRelativePath */.e)(finding.affected_file, workspace, fileExists);
        if (!path)
            continue;
        const inFile = byPath.get(path);
        if (inFile)
            inFile.push(finding);
        else
            byPath.set(path, [finding]);
    }
    const lines = new Map();
    for (const [path, inFile] of byPath) {
        const text = readFile(path);
        if (text === undefined)
            continue;
        const locate = snippetLocator(text);
        for (const finding of inFile) {
            const found = locate(finding.affected_code);
            if (found)
                lines.set(finding.id, found);
        }
    }
    return lines;
}


/***/ }),

/***/ 3042:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  driveFlow: () => (/* binding */ driveFlow),
  systemRuntime: () => (/* binding */ systemRuntime)
});

// EXTERNAL MODULE: ./src/common/text.ts
var common_text = __webpack_require__(2450);
// EXTERNAL MODULE: ./src/common/version.ts
var version = __webpack_require__(9521);
// EXTERNAL MODULE: ./src/flow/poll.ts
var poll = __webpack_require__(6987);
// EXTERNAL MODULE: ./src/hacktron/errors.ts
var errors = __webpack_require__(4519);
// EXTERNAL MODULE: ./src/hacktron/url.ts
var hacktron_url = __webpack_require__(7375);
// EXTERNAL MODULE: ./src/flow/estimate.ts
var estimate = __webpack_require__(5048);
// EXTERNAL MODULE: ./src/flow/flow-failure.ts
var flow_failure = __webpack_require__(9997);
;// CONCATENATED MODULE: ./src/flow/approved-estimation.ts
// The approval flow: a person approved one estimate (a GitHub Environment with required
// reviewers in front of the job), so the run spends exactly that estimation, or nothing. Every
// check runs before anything is spent: it exists, it is usable, it covers exactly the repositories
// and branches this run would scan, and it fits max-credits.




async function useApprovedEstimation(id, request, deps, facts) {
    facts.phase = 'estimating';
    let estimation;
    try {
        estimation = await deps.client.getCostEstimation(id);
    }
    catch (error) {
        if (error instanceof errors/* HacktronApiError */.jv && error.code === 'not-found') {
            throw new flow_failure/* FlowFailure */.z('invalid-input', 'Hacktron: approved cost estimation not found', `Input cost-estimation-id is ${id}, but the API knows no such cost estimation in this organisation ` +
                `(it answered 404: "${error.serverMessage}"). Nothing was spent. Pass the cost-estimation-id output ` +
                'of the mode: estimate job of this workflow run, with the same API key.');
        }
        throw error;
    }
    facts.estimation = estimation;
    deps.logger.info(`Using the approved cost estimation ${estimation.id} ("${estimation.name ?? ''}"), ${estimation.status}.`);
    const mismatch = scopeMismatch(estimation, request.repositories);
    if (mismatch)
        throw mismatch;
    return (0,estimate/* settleEstimation */.D9)(estimation, request, deps, facts);
}
const describe = (repos) => repos.map((repo) => `${repo.url}@${repo.branch}`).join(', ');
/** Why the estimation is not for exactly this run's repositories and branches, if it is not. */
function scopeMismatch(estimation, requested) {
    const estimated = estimation.repos.map((repo) => ({
        url: repo.repo_url ?? '',
        branch: repo.branch ?? ''
    }));
    const sides = `Cost estimation ${estimation.id} covers ${describe(estimated)}; this run would scan ${describe(requested)}. ` +
        'Nothing was spent.';
    const advice = ' Approve an estimation made by this workflow run (the cost-estimation-id output of its mode: estimate job), ' +
        'or make repository, branch and related-repositories the same in both jobs.';
    for (const repo of requested) {
        const match = estimated.find((candidate) => (0,hacktron_url/* sameRepository */.RB)(candidate.url, repo.url));
        if (!match)
            continue;
        if (match.branch !== repo.branch) {
            return new flow_failure/* FlowFailure */.z('branch-mismatch', 'Hacktron: approved estimation is for another branch', `${sides} ${repo.url} was estimated on branch ${match.branch}, but this run would scan branch ${repo.branch}.${advice}`);
        }
    }
    const [first] = estimated;
    const [primary] = requested;
    const sameSet = estimated.length === requested.length &&
        requested.every((repo) => estimated.some((candidate) => (0,hacktron_url/* sameRepository */.RB)(candidate.url, repo.url)));
    if (!sameSet || !first || !primary || !(0,hacktron_url/* sameRepository */.RB)(first.url, primary.url)) {
        return new flow_failure/* FlowFailure */.z('scope-mismatch', 'Hacktron: approved estimation covers other repositories', `${sides} The primary repository and the set of repositories must be the same.${advice}`);
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/flow/gate.ts
var gate = __webpack_require__(6613);
// EXTERNAL MODULE: ./src/flow/gate-scope.ts + 2 modules
var gate_scope = __webpack_require__(9327);
// EXTERNAL MODULE: ./src/flow/earlier-triage.ts
var earlier_triage = __webpack_require__(8745);
;// CONCATENATED MODULE: ./src/flow/head-check.ts
/** The PR's newer head commit when this run's commit is no longer its head; else undefined. */
async function newerPullRequestHead(runSha, deps) {
    if (!deps.pullRequest) {
        deps.logger.info('The pull request cannot be read here, so its current head is not checked before the scan starts.');
        return undefined;
    }
    try {
        const current = await deps.pullRequest.headSha();
        return current !== '' && current !== runSha ? current : undefined;
    }
    catch (error) {
        deps.logger.info(`Could not read the pull request's current head (${error instanceof Error ? error.message : String(error)}); ` +
            `starting the scan of ${runSha.slice(0, 7)} without that check.`);
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/hacktron/types.ts
var types = __webpack_require__(3867);
// EXTERNAL MODULE: ./src/flow/run-facts.ts
var run_facts = __webpack_require__(7995);
// EXTERNAL MODULE: ./src/flow/read-findings.ts + 1 modules
var read_findings = __webpack_require__(3082);
;// CONCATENATED MODULE: ./src/flow/scan.ts







/**
 * Exactly the repositories the estimate covered (its failed ones left out), in its order, with
 * its branches. The estimation calls the field `repo_url`; a scan calls it `url`.
 */
function scanRepos(estimation, requested) {
    const estimated = estimation.repo_results?.length
        ? estimation.repo_results.filter((result) => result.status === 'completed')
        : estimation.repos;
    return estimated.map((repo) => {
        const url = repo.repo_url ?? '';
        const match = requested.find((candidate) => (0,hacktron_url/* sameRepository */.RB)(candidate.url, url));
        return { url, branch: repo.branch ?? match?.branch ?? '', source: match?.source ?? 'connected' };
    });
}
function scanRequestBody(estimation, requested, extras) {
    return {
        cost_estimation_id: estimation.id,
        repos: scanRepos(estimation, requested),
        ...(extras.targetUrls.length > 0 && { target_urls: [...extras.targetUrls] }),
        ...(extras.authInstructions !== undefined && { auth_instructions: extras.authInstructions }),
        ...(extras.customContext !== undefined && { custom_context: extras.customContext }),
        ...(extras.contextDocumentIds.length > 0 && {
            context_document_ids: [...extras.contextDocumentIds]
        })
    };
}
/** Statuses in which Hacktron's people triage the findings (a scan with triage_required). */
const AWAITING_TRIAGE = new Set(['pending_triage', 'pending_verification']);
/** Waits for the scan to end and records its findings in `facts`; throws a FlowFailure when it cannot. */
async function waitForScan(request, deps, facts) {
    facts.scanId = request.scanId;
    facts.scanStartedAtMs ??= deps.clock.now();
    await (0,run_facts/* enterPhase */.a)(facts, 'scanning', deps.onPhaseChange);
    const pollStarted = deps.clock.now();
    const ended = await (0,poll/* pollToEnd */.EU)({
        subject: `Scan ${request.scanId}`,
        read: (limits) => deps.client.getScanStatus(request.scanId, limits),
        statusOf: (scan) => scan.status,
        isTerminal: (scan) => types/* TERMINAL_SCAN_STATUSES */.wW.includes(scan.status),
        intervalMs: request.pollIntervalMs,
        timeoutMs: request.timeoutMs,
        onRead: (scan) => {
            if (AWAITING_TRIAGE.has(scan.status) && !AWAITING_TRIAGE.has(facts.scanStatus ?? '')) {
                deps.logger.info(`Scan ${request.scanId} is ${scan.status}: Hacktron's people are triaging its findings before it completes, which can take longer than the scan itself.`);
            }
            facts.scanStatus = scan.status;
        }
    }, deps, () => new flow_failure/* FlowFailure */.z('timeout', 'Hacktron: scan timed out', `Scan ${request.scanId} was still ${facts.scanStatus ?? 'pending'}${AWAITING_TRIAGE.has(facts.scanStatus ?? '') ? " (awaiting Hacktron's triage of its findings)" : ''} when scan-timeout ` +
        `(${Math.round(request.timeoutMs / 1000)}s) ran out. The scan goes on server-side and its ` +
        `credits are already spent: follow it in the Hacktron dashboard, or gate on it later with ` +
        `mode: wait and scan-id: ${request.scanId}.`));
    facts.scanEndedAtMs = deps.clock.now();
    if (ended.status !== 'completed') {
        throw new flow_failure/* FlowFailure */.z('scan-failed', `Hacktron: scan ${ended.status}`, `Scan ${request.scanId} ended with status ${ended.status}, so there are no findings to ` +
            'gate on. Look at the scan in the Hacktron dashboard for the reason; re-run the job to scan again.');
    }
    facts.phase = 'reading-findings';
    const read = await readFindingsBefore(pollStarted + request.timeoutMs, request, deps);
    facts.findings = read.findings;
    facts.findingLines = read.lines;
}
/** The findings, read within what is left of scan-timeout (a 429 on a page waits no longer). */
async function readFindingsBefore(deadline, request, deps) {
    try {
        return await (0,read_findings/* readScanFindings */.Ig)(request.scanId, deps, { deadline });
    }
    catch (error) {
        if (!(error instanceof errors/* HacktronApiError */.jv) || error.code !== 'timeout')
            throw error;
        throw new flow_failure/* FlowFailure */.z('timeout', 'Hacktron: scan timed out', `Scan ${request.scanId} completed, but its findings could not be read before scan-timeout ` +
            `(${Math.round(request.timeoutMs / 1000)}s) ran out (${error.serverMessage}). Its credits are spent: ` +
            `gate on it later with mode: wait and scan-id: ${request.scanId}, or raise scan-timeout.`);
    }
}

// EXTERNAL MODULE: ./src/flow/scan-lookup.ts
var scan_lookup = __webpack_require__(8730);
// EXTERNAL MODULE: ./src/flow/run-record.ts
var run_record = __webpack_require__(8851);
;// CONCATENATED MODULE: ./src/flow/scan-start.ts
// Starting the scan, the one step that spends credits, so that no run ever pays twice:
// - a re-run for the same commit and scope attaches to the scan already started for it;
// - a 409 whose conflicting scan is this commit's attaches to it (with reuse-scan);
// - an answer lost to a 5xx, a reset or a timeout is reconciled by reading state first: attach
//   if the scan started; else send again, which is safe because the API lets one scan claim an
//   estimation (a second start of a started scan is a 409, never a second charge).
// With max-credits-per-pr, the PR's ledger is checked right before the start is sent, and this
// run's own start (answered, or its lost answer reconciled) is recorded there once; attaching to
// a scan adds nothing.




/**
 * Attaches to an earlier scan for this commit and scope, if there is one: first as the action's
 * own run records name it, then as the API's scan names do.
 */
async function findScanToReuse(identity, recordKey, deps, facts) {
    // The name lookup is sent first although the records win: it needs only the Hacktron client,
    // so the run's first request is not held up by loading GitHub's REST client for the records.
    const named = identity.bindsCommit ? await (0,scan_lookup/* findScan */.hj)(deps.client, identity, scan_lookup/* isReusable */.g1) : undefined;
    const recorded = await (0,run_record/* findRecordedScan */.pd)(recordKey, deps);
    const scan = recorded ?? named;
    if (!scan)
        return undefined;
    const how = recorded ? 'an earlier run recorded' : 'found by its name';
    facts.attachedByName = recorded === undefined;
    attach(scan, `a scan for this commit and scope was already ${scan.status} (reuse-scan; ${how})`, deps, facts);
    return scan.id;
}
async function startScanOnce(request, deps, facts) {
    facts.phase = 'starting-scan';
    if (request.reuseScan) {
        // Another run for this commit may have started the scan while this one was estimating.
        const existing = await findScanToReuse(request.identity, request.recordKey, deps, facts);
        if (existing)
            return existing;
    }
    await request.ledger?.beforeSpend();
    const sentAt = Date.now();
    let started;
    try {
        started = await spend(request, deps);
    }
    catch (error) {
        if (!(error instanceof errors/* HacktronApiError */.jv))
            throw error;
        if (error.code === 'conflict' && request.reuseScan && request.identity.bindsCommit) {
            const scan = await (0,scan_lookup/* findScan */.hj)(deps.client, request.identity, scan_lookup/* isReusable */.g1);
            if (scan) {
                facts.attachedByName = true;
                attach(scan, `the API answered 409 (${error.serverMessage}) and this commit's scan is ${scan.status}`, deps, facts);
                return scan.id;
            }
        }
        if (!error.ambiguous)
            throw error;
        return reconcile(request, error, sentAt, deps, facts);
    }
    return recordStarted(started, request, deps, facts);
}
async function reconcile(request, lost, sentAt, deps, facts) {
    const estimationId = request.body.cost_estimation_id;
    deps.logger.warning(`Hacktron: the answer to starting the scan was lost (${lost.serverMessage}); checking whether the scan started before doing anything else.`);
    // If state cannot be read either, stop with the lost answer's error: it names the estimation
    // to look for in the dashboard, and nothing is sent again blind.
    const started = await (0,scan_lookup/* findScan */.hj)(deps.client, request.identity, () => true, sentAt).catch(() => {
        throw lost;
    });
    // A scan found here is this run's own start, paid for: it goes in the ledger, unlike an attach.
    if (started) {
        attach(started, 'the scan had started although its answer was lost', deps, facts);
        await request.ledger?.recordSpend(started.id);
        return started.id;
    }
    let resent;
    try {
        deps.logger.info(`No scan of cost estimation ${estimationId} yet; sending the start again (the estimation can be claimed once).`);
        resent = await spend(request, deps);
    }
    catch (error) {
        if (error instanceof errors/* HacktronApiError */.jv && error.code === 'conflict') {
            const claimed = await (0,scan_lookup/* findScan */.hj)(deps.client, request.identity, () => true, sentAt);
            if (claimed) {
                attach(claimed, 'the first start had claimed the estimation', deps, facts);
                await request.ledger?.recordSpend(claimed.id);
                return claimed.id;
            }
        }
        // The retry's own error: when it too went unanswered, its annotation names the estimation
        // to look for in the dashboard before re-running.
        throw error;
    }
    return recordStarted(resent, request, deps, facts);
}
async function recordStarted(started, request, deps, facts) {
    facts.scanId = started.id;
    facts.scanStatus = started.status;
    facts.scanStartedAtMs = deps.clock.now();
    deps.logger.info(`Started scan ${started.id} from cost estimation ${request.body.cost_estimation_id}.`);
    // Before anything else: a run cancelled while it waits for the scan has recorded what it paid.
    await request.ledger?.recordSpend(started.id);
    return started.id;
}
function attach(scan, because, deps, facts) {
    facts.scanId = scan.id;
    facts.scanStatus = scan.status;
    facts.scanStartedAtMs = Date.parse(scan.created_at) || deps.clock.now();
    facts.attachedBecause = because;
    deps.logger.info(`Attached to scan ${scan.id}: ${because}. This run spends no credits on it.`);
}
/**
 * Sends the one request that spends credits, unless the job was cancelled meanwhile: the run has
 * already reported that nothing was spent, and goes on only until the process exits.
 */
function spend(request, deps) {
    if (deps.signal?.aborted) {
        throw new flow_failure/* FlowFailure */.z('timeout', 'Hacktron: cancelled before the scan started', 'The job was cancelled before the scan was started: nothing was sent, nothing spent.');
    }
    return deps.client.createScan(request.body);
}

// EXTERNAL MODULE: ./src/flow/pr-ledger.ts
var pr_ledger = __webpack_require__(564);
;// CONCATENATED MODULE: ./src/flow/commit-binding.ts

const FULL_SHA = /^[0-9a-f]{40}$/i;
/** The primary repository's resolution in the estimate (its per-repository result first). */
function resolvedCommitOf(estimation, primary) {
    const same = (url, branch) => (0,hacktron_url/* normalizeRepoUrl */.Hx)(url ?? '') === (0,hacktron_url/* normalizeRepoUrl */.Hx)(primary.url) && branch === primary.branch;
    const result = (estimation.repo_results ?? []).find((entry) => same(entry.repo_url, entry.branch));
    const requested = estimation.repos.find((entry) => same(entry.repo_url, entry.branch));
    return {
        sha: result?.commit_sha ?? requested?.commit_sha ?? undefined,
        fromCache: result?.from_cache === true
    };
}
/**
 * How the estimate's resolution binds this run: to `judgedSha` when they agree, or, when the run
 * names only a branch (`judgedSha` empty: a schedule, a dispatch), to the commit resolved.
 */
function bindCommit(resolved, judgedSha) {
    if (resolved.sha === undefined || !FULL_SHA.test(resolved.sha)) {
        return { kind: 'unknown', said: resolved.sha };
    }
    const sha = resolved.sha.toLowerCase();
    if (judgedSha === '' || sha === judgedSha.toLowerCase())
        return { kind: 'bound', sha };
    return { kind: 'mismatch', resolved: sha, fromCache: resolved.fromCache };
}
/** Records what the binding tells the reports: the judged commit, or that none is confirmed. */
function recordBinding(binding, judgedSha, facts) {
    if (binding.kind === 'bound')
        facts.judgedSha = binding.sha;
    if (binding.kind === 'unknown') {
        facts.judgedSha = judgedSha || undefined;
        facts.commitUnconfirmed = binding.said ?? '';
    }
    if (binding.kind === 'mismatch')
        facts.resolvedSha = binding.resolved;
}

;// CONCATENATED MODULE: ./src/flow/waited-scan.ts
// `mode: wait` gates a scan someone else started (the mode: start job, through an output or an
// artifact): before waiting, the scan must be of the repository and branch this run judges, and
// its name must not name another commit, or a clean scan of other code would pass this commit.



/** Throws when the scan is of another repository or branch; false when it names another commit. */
async function confirmWaitedScan(scanId, settings, deps, facts) {
    const scan = await deps.client.getScan(scanId);
    const [primary] = settings.repositories;
    if (primary && primary.url !== '') {
        if (scan.repo_url === null ||
            (0,hacktron_url/* normalizeRepoUrl */.Hx)(scan.repo_url) !== (0,hacktron_url/* normalizeRepoUrl */.Hx)(primary.url)) {
            throw new flow_failure/* FlowFailure */.z('scope-mismatch', 'Hacktron: scan-id is a scan of another repository', `Scan ${scanId} is of ${scan.repo_url ?? 'no repository'}, but this run judges ${primary.url}: ` +
                'its verdict would be about other code. Nothing was gated; pass the scan-id of the mode: start job for this repository.');
        }
        if (primary.branch !== '' && scan.branch !== primary.branch) {
            throw new flow_failure/* FlowFailure */.z('branch-mismatch', 'Hacktron: scan-id is a scan of another branch', `Scan ${scanId} is of branch ${scan.branch ?? '(none)'}, but this run judges ${primary.branch}. ` +
                'Nothing was gated; pass the scan-id of the mode: start job for this branch.');
        }
    }
    const head = settings.event.headSha.toLowerCase();
    const named = (0,scan_lookup/* fullShasIn */.oN)(scan.name ?? '');
    if (head === '' || named.length === 0 || named.includes(head))
        return true;
    facts.resolvedSha = named[0];
    return false;
}

;// CONCATENATED MODULE: ./src/flow/run-flow.ts













async function runFlow(settings, deps, facts, phase) {
    // The gate core sends this mode elsewhere; should it ever get here, it must not spend credits.
    if (settings.mode === 'sync-dismissals')
        throw new Error('mode sync-dismissals never scans');
    // Before the run writes its own record over the PR comment's, which names the previous scan.
    facts.triageCarriedFrom = await previousScanOf(settings, deps);
    let scanId = settings.scanId;
    if (settings.mode !== 'wait') {
        const started = await estimateAndStart(settings, deps, facts, phase);
        if (typeof started !== 'string')
            return started.result;
        scanId = started;
        if (settings.mode === 'start')
            return 'started';
    }
    if (scanId === undefined)
        throw new Error('No scan to wait for');
    const waitFor = scanId;
    if (settings.mode === 'wait' && !(await confirmWaitedScan(waitFor, settings, deps, facts))) {
        return 'commit-mismatch';
    }
    await phase('Wait for the scan', () => waitForScan({
        scanId: waitFor,
        pollIntervalMs: settings.pollIntervalMs,
        timeoutMs: settings.scanTimeoutMs
    }, deps, facts));
    return judge(waitFor, settings, deps, facts, phase);
}
/** The gate on the scan's findings: what gates (gate-scope), the PR's carried triage, the verdict. */
async function judge(scanId, settings, deps, facts, phase) {
    const findings = facts.findings ?? [];
    const scope = await phase(`Decide what gates (gate-scope: ${settings.gateScope})`, () => (0,gate_scope/* decideGateScope */.Q)({
        scope: settings.gateScope,
        scanId,
        baselineScanId: settings.baselineScanId,
        repositoryUrl: settings.baselineRepositoryUrl,
        baseBranch: settings.event.baseBranch,
        baseSha: settings.event.baseSha,
        isPullRequest: settings.event.pullRequestNumber !== undefined,
        branches: settings.baselineBranches,
        maxAgeMs: settings.baselineMaxAgeMs
    }, findings, deps));
    const { pullRequestNumber, headSha } = settings.event;
    const kept = pullRequestNumber === undefined
        ? new Map()
        : await (0,earlier_triage/* earlierTriage */.tF)(findings, facts.triageCarriedFrom, { scanId, headSha, scope: (0,run_record/* recordScope */.UN)(settings.repositories), pullRequestNumber }, deps);
    facts.verdict = (0,gate/* evaluateGate */.DR)(findings, settings.failOnSeverity, { ...scope, earlierTriage: kept });
    facts.judgedSha ??= settings.event.headSha || undefined;
    facts.phase = 'done';
    return facts.verdict.passed ? 'passed' : 'failed';
}
/** On a PR, its previous scan, whose triage carries over (earlier-triage.ts); none elsewhere. */
function previousScanOf(settings, deps) {
    const { event } = settings;
    if (event.pullRequestNumber === undefined || event.namesBranchOnly || event.headSha === '') {
        return Promise.resolve(undefined);
    }
    const scope = (0,run_record/* recordScope */.UN)(settings.repositories);
    return (0,earlier_triage/* previousScanOfThePr */.zX)({ headSha: event.headSha, scope }, deps);
}
/** The scan to wait for: this commit's earlier one, or one started now; or why the run stops. */
async function estimateAndStart(settings, deps, facts, phase) {
    const estimateRequest = estimateRequestOf(settings);
    let estimation;
    const approvedId = settings.costEstimationId;
    if (approvedId !== undefined) {
        estimation = await phase('Check the approved estimation', () => useApprovedEstimation(approvedId, estimateRequest, deps, facts));
    }
    const identity = scanIdentity(settings, estimation?.name ?? settings.estimationName, deps);
    const recordKey = {
        // No record binds a commit the run does not know yet (a schedule, a dispatch).
        headSha: settings.event.namesBranchOnly ? '' : settings.event.headSha,
        scope: (0,run_record/* recordScope */.UN)(settings.repositories),
        repoUrl: identity.repoUrl,
        branch: identity.branch
    };
    if (settings.reuseScan && settings.mode !== 'estimate') {
        const reused = await phase('Look for a scan of this commit', () => findScanToReuse(identity, recordKey, deps, facts));
        if (reused !== undefined)
            return reused;
    }
    estimation ??= await phase('Estimate the cost', () => (0,estimate/* estimate */.jA)(estimateRequest, deps, facts));
    if (settings.mode === 'estimate')
        return { result: 'estimated' };
    const start = { identity, recordKey, reuseScan: settings.reuseScan };
    const mayEstimateAgain = approvedId === undefined;
    const bound = await bindToCommit(settings, estimation, mayEstimateAgain, deps, facts, phase);
    if (bound === undefined)
        return { result: 'commit-mismatch' };
    if (settings.event.pullRequestNumber !== undefined) {
        const newer = await newerPullRequestHead(settings.event.headSha, deps);
        if (newer !== undefined) {
            facts.supersededBy = newer;
            return { result: 'superseded' };
        }
    }
    const body = scanRequestBody(bound, settings.repositories, settings);
    const ledger = prSpendLedger(settings, deps, facts);
    return phase('Start the scan', () => startScanOnce({ body, ...start, ledger }, deps, facts));
}
/** The PR's budget for this start: only with max-credits-per-pr, on a pull request. */
function prSpendLedger(settings, deps, facts) {
    const { maxCreditsPerPr } = settings;
    if (maxCreditsPerPr === undefined || settings.event.pullRequestNumber === undefined) {
        return undefined;
    }
    const headSha = facts.judgedSha ?? settings.event.headSha;
    return (0,pr_ledger/* spendLedger */.GH)({ maxCreditsPerPr, headSha }, deps.prLedger, deps, facts);
}
/**
 * The estimation to spend once its resolved commit is the one this run judges, or undefined when
 * it is another (nothing is spent). An estimate served from cache that disagrees may predate the
 * latest push: it is estimated once more (free) before the disagreement counts.
 */
async function bindToCommit(settings, estimation, mayEstimateAgain, deps, facts, phase) {
    const [primary] = settings.repositories;
    if (!primary)
        return estimation;
    const judged = settings.event.namesBranchOnly ? '' : settings.event.headSha;
    let binding = bindCommit(resolvedCommitOf(estimation, primary), judged);
    if (binding.kind === 'mismatch' && binding.fromCache && mayEstimateAgain) {
        deps.logger.info(`The estimate resolved ${primary.branch} to ${binding.resolved} from its cache, not to ${judged}: estimating once more.`);
        estimation = await phase('Estimate again (the first was served from cache)', () => (0,estimate/* estimate */.jA)(estimateRequestOf(settings), deps, facts));
        const again = bindCommit(resolvedCommitOf(estimation, primary), judged);
        // A fresh estimate that cannot say which commit it resolved does not undo a known mismatch.
        if (again.kind !== 'unknown')
            binding = again;
    }
    recordBinding(binding, judged, facts);
    if (binding.kind === 'unknown') {
        deps.logger.info(`The estimate did not say in full which commit of ${primary.branch} it resolved (${JSON.stringify(binding.said ?? null)}): the scanned commit could not be confirmed.`);
    }
    return binding.kind === 'mismatch' ? undefined : estimation;
}
function estimateRequestOf(settings) {
    return {
        name: settings.estimationName,
        repositories: settings.repositories,
        pollIntervalMs: settings.pollIntervalMs,
        timeoutMs: settings.estimationTimeoutMs,
        maxCredits: settings.maxCredits
    };
}
/** Which scan is this run's: its name, primary repository and branch, and whether the name binds. */
function scanIdentity(settings, name, deps) {
    const [primary] = settings.repositories;
    // For the fallback lookup by name: Hacktron names a scan after its estimation today, which
    // nothing promises (the run records come first; see run-record.ts).
    const identity = {
        name,
        repoUrl: primary?.url ?? '',
        branch: primary?.branch ?? '',
        // A schedule's or dispatch's commit is known only once the estimate resolves it.
        bindsCommit: !settings.event.namesBranchOnly && (0,scan_lookup/* nameBindsCommit */.tV)(name, settings.event.headSha)
    };
    if (!identity.bindsCommit && settings.reuseScan && settings.mode !== 'estimate') {
        deps.logger.info(`The estimation name ${JSON.stringify(name)} does not carry the full head SHA, so no scan is attached to by its name: only a run record of this commit can name an earlier scan.`);
    }
    return identity;
}

;// CONCATENATED MODULE: ./src/flow/start-in-flight.ts
/**
 * The runner sends SIGTERM 7.5 s after SIGINT (and SIGKILL soon after that): the answer gets 5 s,
 * which leaves the rest for the reports.
 */
const START_ANSWER_GRACE_MS = 5000;
/**
 * After a cancellation: when the flow was starting the scan and has no scan id yet, waits until
 * the flow settles (it stops at its next wait once the start is answered) or the grace runs out.
 */
async function awaitStartInFlight(flow, facts, clock, graceMs = START_ANSWER_GRACE_MS) {
    if (facts.phase !== 'starting-scan' || facts.scanId !== undefined)
        return;
    const settled = new AbortController();
    await Promise.race([
        flow.then(() => settled.abort(), () => settled.abort()),
        clock.sleep(graceMs, settled.signal)
    ]);
    settled.abort();
}

// EXTERNAL MODULE: ./src/hacktron/client.ts + 2 modules
var client = __webpack_require__(6191);
// EXTERNAL MODULE: ./src/hacktron/timing.ts
var timing = __webpack_require__(2054);
// EXTERNAL MODULE: ./src/report/check-run.ts
var check_run = __webpack_require__(2158);
// EXTERNAL MODULE: ./src/report/locations.ts + 1 modules
var locations = __webpack_require__(3134);
// EXTERNAL MODULE: ./src/run/report-outcome.ts + 1 modules
var report_outcome = __webpack_require__(5697);
// EXTERNAL MODULE: ./src/run/run-state.ts
var run_state = __webpack_require__(9184);
// EXTERNAL MODULE: ./src/run/pr-ledger-keeper.ts
var pr_ledger_keeper = __webpack_require__(4732);
;// CONCATENATED MODULE: ./src/run/drive-flow.ts
// The flow with everything it needs: the Hacktron client, the front end's pull request and run
// records, the clock and the cancellation; each phase folded in the log. Loaded once the settings
// are valid, so a run that stops at a bad input does not pay for the client and the flow.
// Returns how the flow ended; a cancelled job stops waiting at once (the scan goes on).












const systemRuntime = {
    clock: poll/* systemClock */.ml,
    random: Math.random,
    createClient: (settings, logger) => new client/* HacktronClient */.g({
        baseUrl: settings.apiUrl,
        apiKey: settings.apiKey,
        userAgent: `${version/* ACTION_NAME */.p}/${version/* ACTION_VERSION */.Y}`,
        logger,
        ...(0,timing/* clientTiming */.Iv)(settings.testMode)
    })
};
async function driveFlow(settings, connections, state, runtime) {
    const { facts, logger, frontEnd } = state;
    const signal = frontEnd.cancellation;
    // Cancelled while connecting: nothing is sent at all.
    if (signal.aborted)
        return 'cancelled';
    const flow = runFlow(settings, flowDeps(settings, connections, state, runtime), facts, phase);
    const cancelled = new Promise((resolve) => {
        signal.addEventListener('abort', () => resolve('cancelled'), { once: true });
    });
    const result = await Promise.race([flow, cancelled]);
    if (result === 'cancelled') {
        // Except for the answer to starting the scan, which names the scan that did start.
        await awaitStartInFlight(flow, facts, runtime.clock);
    }
    return result;
    /** Folds a phase in the log and says how long it took. */
    async function phase(name, body) {
        const started = Date.now();
        return logger.group(name, async () => {
            try {
                return await body();
            }
            finally {
                logger.info(`${name}: ${(0,common_text/* formatDuration */.a3)(Date.now() - started)}`);
            }
        });
    }
}
function flowDeps(settings, connections, state, runtime) {
    const { logger, frontEnd } = state;
    const { workspace } = frontEnd;
    // One reading of earlier runs' records, for the flow and for the PR comment alike.
    state.earlierRecords ??= (0,run_state/* runRecordsOf */.Dd)(connections);
    return {
        client: runtime.createClient(settings, logger),
        pullRequest: connections.pullRequest,
        runRecords: state.earlierRecords,
        recordSeal: state.recordSeal,
        prLedger: (0,pr_ledger_keeper/* prLedgerStore */.R)(state, () => (0,report_outcome/* updateComment */.v)(state)),
        logger,
        clock: runtime.clock,
        random: runtime.random,
        signal: frontEnd.cancellation,
        findingsReading: {
            pacing: (0,timing/* findingsPagePacing */.O6)(settings.testMode),
            locateInCheckout: (findings) => (0,locations/* locateInCheckout */.k)(findings, workspace.readFile, workspace.root, workspace.fileExists)
        },
        // The check run appears in progress at the first phase change, once the first Hacktron
        // request is out: creating it first would hold that request up while its client loads.
        onPhaseChange: async () => {
            await (0,report_outcome/* updateComment */.v)(state);
            await connections.checkRun?.show((0,check_run/* inProgressOutput */.aK)(state.facts), (0,run_state/* checkRunRecordOf */.S6)(state), state.facts.judgedSha);
        }
    };
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

//# sourceMappingURL=42.index.js.map