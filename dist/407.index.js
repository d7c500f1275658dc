export const id = 407;
export const ids = [407];
export const modules = {

/***/ 6515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gk: () => (/* binding */ fileSetOf),
/* harmony export */   cM: () => (/* binding */ comparablePath),
/* harmony export */   fi: () => (/* binding */ EVERY_FILE)
/* harmony export */ });
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8198);
// "Is this finding's file one the change touches?" A finding's path and a platform's file list do
// not always write a file alike: the scanner may name it relative to an application root
// (`src/app.js` for `services/api/src/app.js`), or from another checkout (`/home/x/repo/src/a.js`),
// or percent-encoded (`my%20file.js`). Both sides are decoded, and a path matches a file when
// they are equal or either ends with `/` + the other. Matching loosely is the strict side for
// the gate: a finding placed in a changed file can gate; one wrongly placed outside could not.

/** Every file: what a change touches when its file list cannot be read. */
const EVERY_FILE = { size: undefined, includes: () => true };
/** A path as compared: normalized, then percent-decoded where that decodes. */
function comparablePath(path) {
    const normalized = (0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeFindingPath */ .s)(path);
    try {
        return (0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeFindingPath */ .s)(decodeURIComponent(normalized));
    }
    catch {
        // Not percent-encoding after all (`100%.txt`): the path as written.
        return normalized;
    }
}
/** Each trailing run of whole segments: `a/b/c.js` gives `a/b/c.js`, `b/c.js`, `c.js`. */
function segmentSuffixes(path) {
    const suffixes = [path];
    for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
        suffixes.push(path.slice(slash + 1));
    }
    return suffixes;
}
/**
 * The files of a change. Every lookup costs the number of segments of the path, not the number
 * of files: a scan's tens of thousands of findings against a PR's thousands of files stay linear.
 */
function fileSetOf(files) {
    const exact = new Set();
    // A path that is a whole-segment suffix of a file: the finding named it from an inner root.
    const endingsOfFiles = new Set();
    for (const file of files) {
        const path = comparablePath(file);
        if (path === '')
            continue;
        exact.add(path);
        for (const suffix of segmentSuffixes(path))
            endingsOfFiles.add(suffix);
    }
    return {
        size: exact.size,
        includes(raw) {
            const path = comparablePath(raw);
            // A finding without a path cannot be placed outside the change, so it counts as in it.
            if (path === '' || endingsOfFiles.has(path))
                return true;
            // The file is a suffix of the path: the finding named it from an outer root.
            return segmentSuffixes(path).some((suffix) => exact.has(suffix));
        }
    };
}


/***/ }),

/***/ 8745:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lg: () => (/* binding */ triageKeptFrom),
/* harmony export */   tF: () => (/* binding */ earlierTriage),
/* harmony export */   zX: () => (/* binding */ previousScanOfThePr)
/* harmony export */ });
/* harmony import */ var _hacktron_findings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7038);
/* harmony import */ var _hacktron_url_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7375);
/* harmony import */ var _findings_file_set_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6515);
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4428);
/* harmony import */ var _gate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6613);
/* harmony import */ var _read_findings_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3082);
/* harmony import */ var _scan_lookup_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8730);







/**
 * The PR's previous scan: named by this commit's own sealed record (same scope) that carried
 * triage from one (a re-run), else by the record of another commit. Read before the run writes
 * its own record over the PR comment's.
 */
async function previousScanOfThePr(request, deps) {
    const records = ((await deps.runRecords?.read()) ?? []).filter((record) => record.scope === request.scope && deps.recordSeal?.verifies(record) === true);
    // This commit's own record first: a re-run of this commit's job, once the comment holds that
    // run's record, judges against the same previous scan as the run before it.
    const own = records.find((record) => record.headSha === request.headSha && record.carriedFrom);
    if (own?.carriedFrom)
        return own.carriedFrom;
    const other = records.find((record) => record.headSha !== request.headSha);
    return other && { scanId: other.scanId, headSha: other.headSha };
}
/**
 * The triage kept from the PR's previous scan `previous`, for the findings of scan `scanId`, and
 * recorded in Hacktron on those findings: so the next push carries it over from this scan in turn
 * (triage once per PR, however many pushes), Hacktron's dashboard shows it, and a `/hacktron
 * reopen` finds it where it stands.
 */
async function earlierTriage(findings, previous, request, deps) {
    if (!previous || previous.scanId === request.scanId || previous.headSha === request.headSha) {
        return new Map();
    }
    const kept = await undecidedInHacktron(await triageKeptFrom(previous, request, findings, deps), deps);
    await recordCarriedTriage(kept, previous, request, deps);
    return kept;
}
/**
 * The carried triage of findings that are still open in Hacktron and that nobody changed since
 * they were found: a finding someone reopened or confirmed (in the dashboard, say) keeps that
 * decision, and the action never writes over it. Each is read again just before: a run's list of
 * findings may be minutes old. A finding that cannot be read again is left out.
 */
async function undecidedInHacktron(kept, deps) {
    const read = deps.client.getFinding?.bind(deps.client);
    if (!read || kept.size === 0)
        return kept;
    const undecided = new Map();
    for (const [findingId, carried] of kept) {
        try {
            const now = await read(findingId);
            if (now.state === 'open' && !(0,_hacktron_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .changedInHacktron */ .Eu)(now))
                undecided.set(findingId, carried);
        }
        catch (error) {
            deps.logger.info(`Finding ${findingId} could not be read again (${error instanceof Error ? error.message : String(error)}): no triage is carried over to it.`);
        }
    }
    return undecided;
}
/**
 * Sets each carried finding's state in Hacktron, with a reason naming where it came from. A key
 * that may not write findings (or any failure) leaves the triage to this run's verdict alone, and
 * the log says so once: it is never a reason to fail the run.
 */
async function recordCarriedTriage(kept, previous, request, deps) {
    const update = deps.client.updateFinding?.bind(deps.client);
    if (!update)
        return;
    for (const [findingId, carried] of kept) {
        const reason = `Carried over by the Hacktron GitHub Action from finding ${carried.earlierFindingId} of scan ${previous.scanId} ` +
            `(pull request #${request.pullRequestNumber}, commit ${previous.headSha} to ${request.headSha}): the same code, in a file unchanged since.`;
        try {
            await update(findingId, { state: carried.state, state_reason: reason });
        }
        catch (error) {
            deps.logger.warning(`Hacktron: the triage carried over from the previous scan holds for this run, but could not be recorded in Hacktron (${error instanceof Error ? error.message : String(error)}); the next push may ask for it again. An API key with the write scope records it.`);
            return;
        }
    }
}
/**
 * The triage of `previous` kept for `findings` (of `headSha`'s scan): for each open finding, an
 * exact match there triaged safe, in a file unchanged between the two commits. A triage
 * run re-judging the PR's scan asks again of the previous scan its record names.
 */
async function triageKeptFrom(previous, current, findings, deps) {
    const open = findings.filter(isOpen);
    if (open.length === 0 || !deps.pullRequest)
        return new Map();
    let earlier;
    let changedSince;
    try {
        if (!(await isLatestBefore(previous.scanId, current.scanId, deps))) {
            deps.logger.info(`The PR's record names scan ${previous.scanId} as its previous one, but a newer completed scan of the same branch exists: no triage is carried over (an older record is not taken for the latest).`);
            return new Map();
        }
        earlier = (await (0,_read_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .readScanFindings */ .Ig)(previous.scanId, deps, { withLines: false })).findings;
        changedSince = await filesChanged(previous.headSha, current.headSha, deps);
    }
    catch (error) {
        deps.logger.info(`The previous scan ${previous.scanId} of this pull request could not be compared (${error instanceof Error ? error.message : String(error)}): no triage is carried over from it.`);
        return new Map();
    }
    const triaged = earlier.filter((finding) => _gate_js__WEBPACK_IMPORTED_MODULE_3__/* .TRIAGED_SAFE_STATES */ .Mt.has(finding.state));
    const files = new Map(open.map((finding) => [finding.id, finding.affected_file]));
    const kept = new Map();
    for (const [id, match] of (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_2__/* .matchFindings */ .cF)(open, triaged)) {
        if (match.exact && !changedSince.includes(files.get(id))) {
            kept.set(id, { state: match.earlier.state, earlierFindingId: match.earlier.id });
        }
    }
    if (kept.size > 0) {
        deps.logger.info(`Kept the triage of ${kept.size} finding(s) from this pull request's previous scan ${previous.scanId} (commit ${previous.headSha}): same code, in files unchanged since.`);
    }
    return kept;
}
/**
 * Whether `previousId` is the newest completed scan of its repository and branch, `currentId`
 * aside: the comment that names it can be written by any workflow of the repository, so a record
 * of an older scan (whose triage a reviewer has since revoked on a newer one) is not taken for it.
 * A listing that does not reach it counts as not.
 */
async function isLatestBefore(previousId, currentId, deps) {
    const [previous, current] = await Promise.all([
        deps.client.getScan(previousId),
        deps.client.getScan(currentId)
    ]);
    const branchOf = (scan) => `${scan.repo_url === null ? '' : (0,_hacktron_url_js__WEBPACK_IMPORTED_MODULE_6__/* .normalizeRepoUrl */ .Hx)(scan.repo_url)}@${scan.branch}`;
    const currentCreated = Date.parse(current.created_at);
    for await (const scan of (0,_scan_lookup_js__WEBPACK_IMPORTED_MODULE_5__/* .recentScans */ .Cs)(deps.client, { status: 'completed' })) {
        // A scan started after this run's own (a later push's) says nothing of what came before it.
        if (scan.id === currentId || Date.parse(scan.created_at) > currentCreated)
            continue;
        if (scan.status === 'completed' && branchOf(scan) === branchOf(previous)) {
            return scan.id === previous.id;
        }
    }
    return false;
}
/**
 * Only an open finding takes a triage from before: one decided on this scan (confirmed, say)
 * keeps its own state.
 */
function isOpen(finding) {
    return finding.state === 'open';
}
/** The files changed between two commits; every file when that cannot be told in full. */
async function filesChanged(from, to, deps) {
    const changed = await deps.pullRequest?.changedBetween(from, to);
    return changed?.complete ? (0,_findings_file_set_js__WEBPACK_IMPORTED_MODULE_1__/* .fileSetOf */ .Gk)(changed.files) : _findings_file_set_js__WEBPACK_IMPORTED_MODULE_1__/* .EVERY_FILE */ .fi;
}


/***/ }),

/***/ 4428:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cF: () => (/* binding */ matchFindings)
/* harmony export */ });
/* unused harmony exports looseFingerprint, exactFingerprint */
/* harmony import */ var _hacktron_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3867);
/* harmony import */ var _findings_paths_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8198);
// When is a finding of this scan "the same" as a finding of an earlier scan? Hacktron gives no
// line numbers and new ids per scan, and a PR moves code around, so the match is on what a
// reviewer would call the same problem: the same kind (category), in the same file, with the same
// title. Two findings of one kind in one file are told apart by their code: an exact match on the
// code is taken first, and only then a match on kind, file and title alone, so one small edit of
// the flagged line does not make an old finding look new.


/** Case, spacing and punctuation do not make a different finding. */
function normalizeWords(text) {
    return (text ?? '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
}
/** Code compared without its whitespace, so re-indenting or re-wrapping keeps the match. */
function normalizeCode(code) {
    return (code ?? '').replace(/\s+/g, '');
}
/** Kind, file and title: what survives line moves and small edits of the flagged code. */
function looseFingerprint(finding) {
    return [
        normalizeWords(finding.category),
        (0,_findings_paths_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeFindingPath */ .s)(finding.affected_file),
        normalizeWords(finding.title)
    ].join('\0');
}
/** The loose fingerprint plus the code: tells apart two findings of one kind in one file. */
function exactFingerprint(finding) {
    return `${looseFingerprint(finding)}\0${normalizeCode(finding.affected_code)}`;
}
/**
 * Pairs each finding with at most one earlier finding, and each earlier finding with at most one
 * finding: exact fingerprints first, then loose ones. A finding more severe than the earlier one
 * is not the same problem (it stays new), and the least severe findings are paired first, so when
 * two findings compete for one earlier match, the more severe one stays new: every tie falls on
 * the side of the gate. Returns the match of each finding id.
 */
function matchFindings(findings, earlier) {
    const matches = new Map();
    const unused = new Set(earlier);
    const leastSevereFirst = [...findings].sort((a, b) => (0,_hacktron_types_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(b.severity) - (0,_hacktron_types_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(a.severity));
    for (const fingerprint of [exactFingerprint, looseFingerprint]) {
        const pool = new Map();
        for (const candidate of unused) {
            const key = fingerprint(candidate);
            const same = pool.get(key);
            if (same)
                same.push(candidate);
            else
                pool.set(key, [candidate]);
        }
        for (const finding of leastSevereFirst) {
            if (matches.has(finding.id))
                continue;
            const candidates = pool.get(fingerprint(finding)) ?? [];
            const index = candidates.findIndex((candidate) => (0,_hacktron_types_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(finding.severity) >= (0,_hacktron_types_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(candidate.severity));
            if (index < 0)
                continue;
            const [candidate] = candidates.splice(index, 1);
            matches.set(finding.id, { earlier: candidate, exact: fingerprint === exactFingerprint });
            unused.delete(candidate);
        }
    }
    return matches;
}


/***/ }),

/***/ 9327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Q: () => (/* binding */ decideGateScope)
});

// UNUSED EXPORTS: judgeMatches

// EXTERNAL MODULE: ./src/common/sentence.ts
var sentence = __webpack_require__(6624);
// EXTERNAL MODULE: ./src/findings/file-set.ts
var file_set = __webpack_require__(6515);
;// CONCATENATED MODULE: ./src/findings/renames.ts
// A file the PR renames keeps its findings' history: the baseline knows them under the old name.
// Matching a renamed file's findings under their old path keeps a pure rename from turning the
// base's findings into "new" ones (which would gate, and show in full on a public repository).

/**
 * The path a finding had before the PR's renames (`new` path to `old`), or undefined when its
 * file was not renamed. A finding path equal to a renamed file, or ending with `/` + it (named
 * from another checkout), is mapped; the rest of the path is kept.
 */
function pathBeforeRenames(renamedFrom) {
    const byNewPath = new Map([...renamedFrom].map(([to, from]) => [(0,file_set/* comparablePath */.cM)(to), (0,file_set/* comparablePath */.cM)(from)]));
    return (raw) => {
        const path = (0,file_set/* comparablePath */.cM)(raw);
        if (path === '' || byNewPath.size === 0)
            return undefined;
        // The whole path, then each suffix after a `/`: at most one lookup per segment.
        for (let start = 0;;) {
            const from = byNewPath.get(path.slice(start));
            if (from !== undefined)
                return path.slice(0, start) + from;
            const slash = path.indexOf('/', start);
            if (slash < 0)
                return undefined;
            start = slash + 1;
        }
    };
}

// EXTERNAL MODULE: ./src/common/text.ts
var common_text = __webpack_require__(2450);
// EXTERNAL MODULE: ./src/hacktron/url.ts
var url = __webpack_require__(7375);
// EXTERNAL MODULE: ./src/flow/scan-lookup.ts
var scan_lookup = __webpack_require__(8730);
;// CONCATENATED MODULE: ./src/flow/baseline.ts
// Which scan a PR is compared with (`gate-scope: new`). Whatever is in the baseline does not gate,
// so the baseline is the gate's weakest point: a PR must not be able to choose it. It is the
// newest completed full scan of the base repository on a base branch the workflow lists
// (`baseline-branches`), young enough (`baseline-max-age`), and, when its name says which commit
// it judged, of a commit in the history of the PR's base. A scan any rule refuses is named with
// the rule, so "why did my PR gate on everything" has an answer in the log.




/** A scan whose commit is not the base's ancestor costs a GitHub request; look at no more than this many. */
const MAX_ANCESTRY_CHECKS = 5;
/**
 * The baseline, or why there is none: a sentence that says which rule refused what, and what to
 * do. Branch names (from the event) and what the API says of scans are marked as not the
 * action's own: the reports show them inert.
 */
async function findBaseline(request, deps) {
    if (request.baselineScanId !== undefined)
        return namedBaseline(request, deps);
    if (!request.isPullRequest || !request.baseBranch) {
        return (0,sentence/* sentence */.em) `this run is not for a pull request, so there is no base branch to compare with (runs on pushes and schedules gate on every finding and become the baseline of later pull requests).`;
    }
    const base = request.baseBranch;
    if (!request.branches.includes(base)) {
        const listed = request.branches.length > 0
            ? (0,sentence/* joinSentences */.DP)(request.branches.map((branch) => (0,sentence/* sentence */.em) `${(0,sentence/* code */.aY)(branch)}`), ', ')
            : (0,sentence/* sentence */.em) `none known`;
        return (0,sentence/* sentence */.em) `this pull request targets ${(0,sentence/* code */.aY)(base)}, which is not a baseline branch (baseline-branches: ${listed}): a pull request cannot choose the base it is compared with. Add ${(0,sentence/* code */.aY)(base)} to baseline-branches if its scans should serve as baselines.`;
    }
    const refusals = [];
    let ancestryChecks = 0;
    const repository = (0,url/* normalizeRepoUrl */.Hx)(request.repositoryUrl);
    for await (const scan of (0,scan_lookup/* recentScans */.Cs)(deps.client, { status: 'completed', scanType: 'full' })) {
        if (scan.id === request.scanId || scan.branch !== base || scan.status !== 'completed')
            continue;
        if (scan.repo_url === null || (0,url/* normalizeRepoUrl */.Hx)(scan.repo_url) !== repository)
            continue;
        const typeRefusal = typeProblem(scan);
        if (typeRefusal) {
            refusals.push(typeRefusal);
            continue;
        }
        const ageRefusal = ageProblem(scan, request.maxAgeMs, deps.clock.now());
        // Scans are listed newest first: every later one is older still.
        if (ageRefusal)
            return noBaseline(request, [...refusals, ageRefusal]);
        const commit = await ancestryOf(scan, deps);
        if (typeof commit !== 'object')
            return { scan, commit, passedOver: refusals };
        refusals.push(commit.refusal);
        if (++ancestryChecks >= MAX_ANCESTRY_CHECKS)
            break;
    }
    return noBaseline(request, refusals);
}
function noBaseline(request, refusals) {
    // The repository is the workflow's own (its URL a link); the branch is the event's.
    const base = request.baseBranch
        ? (0,sentence/* sentence */.em) `${(0,sentence/* code */.aY)(request.baseBranch)}`
        : (0,sentence/* sentence */.em) `the base branch`;
    const where = request.baseBranch ? (0,sentence/* sentence */.em) `branch ${base}` : base;
    const refused = refusals.length > 0 ? (0,sentence/* sentence */.em) ` Refused: ${(0,sentence/* joinSentences */.DP)(refusals, '; ')}.` : (0,sentence/* sentence */.em) ``;
    return (0,sentence/* sentence */.em) `no completed full scan of ${where} of ${(0,sentence/* own */.ZV)(request.repositoryUrl)} that may serve as a baseline among the most recent scans.${refused} Run this action on pushes to ${base} (or on a schedule) so a fresh baseline exists, or set baseline-scan-id.`;
}
/** `baseline-scan-id`: the workflow author chose it, but it must still be a full scan of this repository. */
async function namedBaseline(request, deps) {
    const id = request.baselineScanId ?? '';
    if (id === request.scanId) {
        return (0,sentence/* sentence */.em) `baseline-scan-id names the scan being judged; give the id of a completed scan of the base branch.`;
    }
    const scan = await deps.client.getScan(id);
    if (scan.status !== 'completed') {
        return (0,sentence/* sentence */.em) `baseline scan ${(0,sentence/* code */.aY)(scan.id)} is ${(0,sentence/* code */.aY)(scan.status)}, not completed; give the id of a completed scan.`;
    }
    if (scan.repo_url === null || !(0,url/* sameRepository */.RB)(scan.repo_url, request.repositoryUrl)) {
        const of = scan.repo_url === null ? (0,sentence/* sentence */.em) `no repository` : (0,sentence/* sentence */.em) `${(0,sentence/* code */.aY)(scan.repo_url)}`;
        return (0,sentence/* sentence */.em) `baseline scan ${(0,sentence/* code */.aY)(scan.id)} is of ${of}, not ${(0,sentence/* own */.ZV)(request.repositoryUrl)}; give the id of a scan of the same repository.`;
    }
    const typeRefusal = typeProblem(scan);
    if (typeRefusal)
        return (0,sentence/* sentence */.em) `baseline-scan-id: ${typeRefusal}; give the id of a full scan.`;
    const named = (0,scan_lookup/* fullShasIn */.oN)(scan.name ?? '');
    return { scan, commit: named.length === 1 ? named[0] : undefined };
}
/** A Code Review (`pr`) scan judged a diff, not the branch: its silence says nothing of the rest. */
function typeProblem(scan) {
    if (scan.scan_type === 'full')
        return undefined;
    const type = scan.scan_type === 'pr' ? (0,sentence/* sentence */.em) `Code Review (pr)` : (0,sentence/* sentence */.em) `${(0,sentence/* code */.aY)(String(scan.scan_type))}`;
    return (0,sentence/* sentence */.em) `scan ${(0,sentence/* code */.aY)(scan.id)} is a ${type} scan, not a full one`;
}
/** Older than `maxAgeMs` (or of no readable date): it may list what was fixed since, or miss what came. */
function ageProblem(scan, maxAgeMs, now) {
    const age = now - Date.parse(scan.created_at);
    if (age <= maxAgeMs)
        return undefined;
    const said = Number.isNaN(age)
        ? (0,sentence/* sentence */.em) `of unknown age (created_at ${(0,sentence/* code */.aY)(JSON.stringify(scan.created_at))})`
        : (0,sentence/* sentence */.em) `${(0,sentence/* own */.ZV)((0,common_text/* formatDuration */.a3)(age))} old`;
    return (0,sentence/* sentence */.em) `scan ${(0,sentence/* code */.aY)(scan.id)} is ${said}, older than baseline-max-age (${(0,sentence/* own */.ZV)((0,common_text/* formatDuration */.a3)(maxAgeMs))})`;
}
/**
 * The commit a scan judged, when its name says, once it is known to be in the PR base's history
 * (undefined: its name does not say); or why it is refused.
 */
async function ancestryOf(scan, deps) {
    const named = (0,scan_lookup/* fullShasIn */.oN)(scan.name ?? '');
    if (named.length === 0)
        return undefined;
    const [commit] = named;
    if (named.length > 1 || commit === undefined) {
        return { refusal: (0,sentence/* sentence */.em) `scan ${(0,sentence/* code */.aY)(scan.id)} is named after ${named.length} commits` };
    }
    const judged = (0,sentence/* sentence */.em) `scan ${(0,sentence/* code */.aY)(scan.id)} judged ${(0,sentence/* code */.aY)(commit)}`;
    if (!deps.pullRequest) {
        return { refusal: (0,sentence/* sentence */.em) `${judged}, whose place in the base's history cannot be read here` };
    }
    try {
        if (await deps.pullRequest.baseIncludes(commit))
            return commit;
        return {
            refusal: (0,sentence/* sentence */.em) `${judged}, which is not in the history of the pull request's base`
        };
    }
    catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return {
            refusal: (0,sentence/* sentence */.em) `${judged}, whose place in the base's history could not be read (${why})`
        };
    }
}

// EXTERNAL MODULE: ./src/flow/fingerprint.ts
var fingerprint = __webpack_require__(4428);
// EXTERNAL MODULE: ./src/flow/gate.ts
var gate = __webpack_require__(6613);
// EXTERNAL MODULE: ./src/flow/read-findings.ts + 1 modules
var read_findings = __webpack_require__(3082);
;// CONCATENATED MODULE: ./src/flow/gate-scope.ts
// Decides which findings the PR answers for (`gate-scope`). `new` compares with a baseline scan of
// the base branch; `changed-files` reads the files the PR changes. Whenever the narrower scope
// cannot be judged (no baseline, no PR, an unreadable list), the gate falls back to `all`, the
// strict side, and says why and what to do: a guess must never let a finding through.







async function decideGateScope(request, findings, deps) {
    const decision = request.scope === 'new'
        ? await compareWithBaseline(request, findings, deps)
        : request.scope === 'changed-files'
            ? await limitToChangedFiles(request, deps)
            : { requested: 'all', applied: 'all' };
    if (decision.fallbackReason)
        deps.logger.notice((0,sentence/* plainText */.wh)(decision.fallbackReason));
    return decision;
}
/** Nothing was compared, so no baseline is named (the baseline-scan-id output stays empty). */
function fallBack(requested, reason) {
    return {
        requested,
        applied: 'all',
        fallbackReason: (0,sentence/* sentence */.em) `gate-scope: ${(0,sentence/* own */.ZV)(requested)} fell back to all: ${reason}`
    };
}
async function compareWithBaseline(request, findings, deps) {
    let baseline;
    try {
        baseline = await findBaseline(request, deps);
    }
    catch (error) {
        const advice = request.baselineScanId === undefined
            ? (0,sentence/* sentence */.em) `re-run the job to try again`
            : (0,sentence/* sentence */.em) `check the baseline-scan-id input (${(0,sentence/* code */.aY)(request.baselineScanId)}): it must name a completed scan this API key can read`;
        // The error's message is the server's (or the network's) words: quoted, not the action's.
        return fallBack('new', (0,sentence/* sentence */.em) `the baseline scan could not be read (${messageOf(error)}); ${advice}.`);
    }
    if ('parts' in baseline)
        return fallBack('new', baseline);
    const { scan, commit, passedOver = [] } = baseline;
    if (passedOver.length > 0) {
        deps.logger.info(`Newer scans passed over as baselines: ${passedOver.map(sentence/* plainText */.wh).join('; ')}.`);
    }
    let earlier;
    try {
        // Matching goes by fingerprint, not by line: the baseline's lines cost nothing to skip.
        earlier = [...(await (0,read_findings/* readScanFindings */.Ig)(scan.id, deps, { withLines: false })).findings];
    }
    catch (error) {
        return fallBack('new', (0,sentence/* sentence */.em) `the findings of baseline scan ${(0,sentence/* code */.aY)(scan.id)} could not be read (${messageOf(error)}); re-run the job to try again.`);
    }
    const edited = await filesThePullRequestEdits(request, deps);
    const baseMoved = await filesChangedOnBaseSince(commit, request, deps);
    const { onBase, overruled } = judgeMatches(underOldNames(findings, edited.renamedFrom), earlier, edited.files, baseMoved.files);
    noteStrictMatching(overruled, edited.unknownBecause, baseMoved.unknownBecause, deps);
    logComparison(baseline, findings.length, onBase.size, overruled.size, deps);
    return {
        requested: 'new',
        applied: 'new',
        baselineScanId: scan.id,
        baselineCommit: commit,
        baselineMatches: onBase,
        overruledMatches: overruled,
        editedFiles: edited.files
    };
}
function logComparison({ scan, commit }, total, onBase, overruled, deps) {
    const overruledNote = overruled > 0
        ? ` (${overruled} of them match a baseline finding in a file this pull request changes)`
        : '';
    deps.logger.info(`Baseline scan ${scan.id} (${scan.repo_url ?? ''}@${scan.branch ?? ''}${commit ? ` @ ${commit}` : ''}): ` +
        `${onBase} of ${total} findings were already there; ${total - onBase} are new${overruledNote}.`);
}
/** The findings as the baseline knows them: a renamed file's under its old path. */
function underOldNames(findings, renamedFrom = new Map()) {
    const beforeRenames = pathBeforeRenames(renamedFrom);
    return findings.map((finding) => {
        const before = beforeRenames(finding.affected_file);
        return before === undefined ? finding : { ...finding, affected_file: before };
    });
}
/** Says why matches were judged strictly, when that made findings gate. */
function noteStrictMatching(overruled, editedUnknown, baseMovedUnknown, deps) {
    const count = (reason) => [...overruled.values()].filter((each) => each === reason).length;
    const edited = count('code-edited') + count('triaged-file-edited');
    if (editedUnknown && edited > 0) {
        deps.logger.notice(`${editedUnknown}, so ${edited} finding(s) that match the baseline only loosely, or were triaged safe there, gate as new: the pull request may have edited them.`);
    }
    const baseChanged = count('base-file-changed');
    if (baseMovedUnknown && baseChanged > 0) {
        deps.logger.notice(`${baseChanged} finding(s) match the baseline exactly in files this pull request changes, but which files changed on the base since the baseline cannot be told (${baseMovedUnknown}), so they gate as new: the pull request may have brought them back. A baseline named after its commit (the action's push runs name theirs) avoids this.`);
    }
}
/**
 * Which matches vouch for a finding. A loose match (the flagged code differs) is on the base only
 * in a file the PR leaves alone; triage carries over only for an exact match in such a file. In a
 * file the PR changes, a loose match or a finding triaged safe gates as new: the PR may have
 * rewritten the code under an old title, and a triage spoke of the code as it was.
 */
function judgeMatches(findings, baseline, edited, baseMoved = (0,file_set/* fileSetOf */.Gk)([])) {
    // A finding fixed on the base branch that comes back is a regression: new, not old.
    const comparable = baseline.filter((finding) => finding.state !== 'resolved' && finding.state !== 'closed');
    const files = new Map(findings.map((finding) => [finding.id, finding.affected_file]));
    const onBase = new Map();
    const overruled = new Map();
    for (const [id, { earlier, exact }] of (0,fingerprint/* matchFindings */.cF)(findings, comparable)) {
        const triagedSafe = gate/* TRIAGED_SAFE_STATES */.Mt.has(earlier.state);
        if (!edited.includes(files.get(id))) {
            // The PR left the file alone, so it did not bring the finding; only the same code keeps a triage.
            onBase.set(id, exact || !triagedSafe ? earlier.state : 'open');
        }
        else if (exact && !triagedSafe && !baseMoved.includes(files.get(id))) {
            onBase.set(id, earlier.state);
        }
        else {
            overruled.set(id, overruledBecause(exact, triagedSafe));
        }
    }
    return { onBase, overruled };
}
function overruledBecause(exact, triagedSafe) {
    if (!exact)
        return 'code-edited';
    return triagedSafe ? 'triaged-file-edited' : 'base-file-changed';
}
/**
 * The files changed on the base since the baseline's commit. An exact match in a file the PR
 * changes is on the base only if the baseline saw that file as the base has it: a fix merged
 * after the baseline, and reverted by the PR, would otherwise pass as "already there". Every file
 * when that cannot be told (a baseline named after no commit): the strict side.
 */
async function filesChangedOnBaseSince(commit, request, deps) {
    if (commit === undefined) {
        return { files: file_set/* EVERY_FILE */.fi, unknownBecause: 'the baseline scan names no commit' };
    }
    if (request.baseSha !== undefined && commit === request.baseSha.toLowerCase()) {
        return { files: (0,file_set/* fileSetOf */.Gk)([]) };
    }
    if (!deps.pullRequest) {
        return { files: file_set/* EVERY_FILE */.fi, unknownBecause: "the pull request's base cannot be read here" };
    }
    try {
        const changed = await deps.pullRequest.baseChangedSince(commit);
        if (changed.complete)
            return { files: (0,file_set/* fileSetOf */.Gk)(changed.files) };
        return { files: file_set/* EVERY_FILE */.fi, unknownBecause: changed.why ?? 'the list is incomplete' };
    }
    catch (error) {
        return { files: file_set/* EVERY_FILE */.fi, unknownBecause: messageOf(error) };
    }
}
/** The files the PR changes; every file when they cannot be read (the strict side), and why. */
async function filesThePullRequestEdits(request, deps) {
    if (!request.isPullRequest || !deps.pullRequest) {
        return {
            files: file_set/* EVERY_FILE */.fi,
            unknownBecause: request.isPullRequest
                ? "the pull request's files cannot be read here"
                : 'this run is not for a pull request, so what it changed since the baseline is not known'
        };
    }
    try {
        const listed = await deps.pullRequest.changedFiles();
        if (listed.complete) {
            return { files: (0,file_set/* fileSetOf */.Gk)(listed.files), renamedFrom: listed.renamedFrom };
        }
        return {
            files: file_set/* EVERY_FILE */.fi,
            unknownBecause: listed.why ?? "the pull request's file list is incomplete"
        };
    }
    catch (error) {
        return {
            files: file_set/* EVERY_FILE */.fi,
            unknownBecause: `the pull request's changed files could not be read (${messageOf(error)})`
        };
    }
}
async function limitToChangedFiles(request, deps) {
    if (!request.isPullRequest || !deps.pullRequest) {
        return fallBack('changed-files', request.isPullRequest
            ? (0,sentence/* sentence */.em) `the pull request's files cannot be read here.`
            : (0,sentence/* sentence */.em) `this run is not for a pull request, so no files are changed by one.`);
    }
    let listed;
    try {
        listed = await deps.pullRequest.changedFiles();
    }
    catch (error) {
        return fallBack('changed-files', (0,sentence/* sentence */.em) `the pull request's changed files could not be read (${messageOf(error)}).`);
    }
    if (!listed.complete) {
        // The platform's reason names branches and commits it read: quoted, not the action's.
        const why = listed.why === undefined
            ? (0,sentence/* sentence */.em) `the list of the files it changes is incomplete`
            : (0,sentence/* sentence */.em) `${listed.why}`;
        return fallBack('changed-files', (0,sentence/* sentence */.em) `${why}, so its diff cannot be judged file by file.`);
    }
    const changedFiles = (0,file_set/* fileSetOf */.Gk)(listed.files);
    deps.logger.info(`The pull request changes ${changedFiles.size ?? 0} files; only findings in them can gate.`);
    return { requested: 'changed-files', applied: 'changed-files', changedFiles };
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 6613:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DR: () => (/* binding */ evaluateGate),
/* harmony export */   Mt: () => (/* binding */ TRIAGED_SAFE_STATES)
/* harmony export */ });
/* unused harmony exports SCOPE_ALL, standingOf */
/* harmony import */ var _findings_severity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5131);

/** Triage verdicts that say "not a problem here"; a fixed finding that comes back is new again. */
const TRIAGED_SAFE_STATES = new Set(['false_positive', 'accepted_risk']);
const SCOPE_ALL = { requested: 'all', applied: 'all' };
function standingOf(finding, threshold, scope) {
    if (!_findings_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .GATING_STATES */ .wF.has(finding.state))
        return 'triaged';
    if (scope.earlierTriage?.has(finding.id))
        return 'triaged';
    const baselineState = scope.baselineMatches?.get(finding.id);
    if (baselineState !== undefined) {
        return TRIAGED_SAFE_STATES.has(baselineState) ? 'triaged' : 'on-base';
    }
    if (scope.changedFiles && !scope.changedFiles.includes(finding.affected_file)) {
        return 'outside-diff';
    }
    return (0,_findings_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .meetsGate */ .qm)(finding, threshold) ? 'blocking' : 'below-gate';
}
function evaluateGate(findings, threshold, scope = SCOPE_ALL) {
    const standings = new Map(findings.map((finding) => [finding.id, standingOf(finding, threshold, scope)]));
    const gating = (0,_findings_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .bySeverity */ .Np)(findings.filter((finding) => standings.get(finding.id) === 'blocking'));
    const matches = scope.baselineMatches;
    return {
        threshold,
        passed: gating.length === 0,
        gating,
        standings,
        scope,
        newFindings: matches
            ? findings.filter((finding) => !matches.has(finding.id)).length
            : undefined,
        counts: (0,_findings_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .countBySeverity */ .Ot)(findings),
        total: findings.length
    };
}


/***/ }),

/***/ 3082:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ig: () => (/* binding */ readScanFindings)
});

// UNUSED EXPORTS: FINDINGS_PAGE_SIZE, missingField

// EXTERNAL MODULE: ./src/hacktron/errors.ts
var errors = __webpack_require__(4519);
;// CONCATENATED MODULE: ./src/hacktron/sarif-export.ts
// Line numbers from the API's SARIF export (`GET /scans/{id}/findings/export?format=sarif`): the
// one answer of the API that carries them. Anything malformed in it is skipped, not trusted.
/** A path compared loosely: `/`-separated, without `file://`, `./` or a leading `/`. */
function pathKey(path) {
    return path
        .trim()
        .replace(/\\/g, '/')
        .replace(/^file:\/\//, '')
        .replace(/^(\.\/|\/)+/, '');
}
function exportedLines(exported) {
    const byId = new Map();
    const byFile = new Map();
    for (const result of sarifResults(exported)) {
        const region = result.locations?.[0]?.physicalLocation?.region;
        const uri = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
        if (!region || typeof region.startLine !== 'number' || region.startLine < 1)
            continue;
        const lines = {
            startLine: region.startLine,
            endLine: validEnd(region.startLine, region.endLine)
        };
        const id = result.properties?.['hacktron/finding-id'];
        if (typeof id === 'string')
            byId.set(id, lines);
        else if (typeof uri === 'string') {
            const key = pathKey(uri);
            const entries = byFile.get(key) ?? [];
            entries.push({ text: result.message?.text ?? '', lines });
            byFile.set(key, entries);
        }
    }
    return { byId, byFile };
}
/** The lines the export gives one finding: by its id, else by its file and title. */
function linesOf(exported, finding) {
    const byId = exported.byId.get(finding.id);
    if (byId)
        return byId;
    const candidates = exported.byFile.get(pathKey(finding.affected_file ?? ''));
    return candidates?.find((entry) => entry.text.includes(finding.title))?.lines;
}
function validEnd(start, end) {
    return typeof end === 'number' && end >= start ? end : undefined;
}
function sarifResults(exported) {
    const runs = exported?.runs;
    if (!Array.isArray(runs))
        return [];
    return runs.flatMap((run) => Array.isArray(run?.results)
        ? run.results.filter((r) => r && typeof r === 'object')
        : []);
}

// EXTERNAL MODULE: ./src/hacktron/findings.ts
var hacktron_findings = __webpack_require__(7038);
// EXTERNAL MODULE: ./src/hacktron/types.ts
var types = __webpack_require__(3867);
// EXTERNAL MODULE: ./src/hacktron/timing.ts
var timing = __webpack_require__(2054);
;// CONCATENATED MODULE: ./src/flow/read-findings.ts





const FINDINGS_PAGE_SIZE = 100;
/** Why a JSON export failed that would fail the pages as well: no fallback then. */
const PAGES_WOULD_FAIL_TOO = new Set([
    'unauthorized',
    'forbidden',
    'rate-limited'
]);
/** A list that keeps shifting after this many full readings is reported, not read forever. */
const MAX_READINGS = 3;
/** `withLines: false` for a scan whose findings are only compared (a baseline), never shown. */
async function readScanFindings(scanId, deps, { withLines = true, deadline } = {}) {
    const exported = await readJsonExport(scanId, deps);
    let findings = exported.findings ?? (await readPages(scanId, deps, deadline));
    let source = exported.findings ? 'json-export' : 'pages';
    if (!withLines) {
        deps.logger.info(`Read ${findings.length} findings of scan ${scanId} (${describe(source)}).`);
        return { findings, lines: new Map(), source };
    }
    const fromCheckout = deps.findingsReading?.locateInCheckout?.(findings) ?? new Map();
    const lines = new Map(fromCheckout);
    if (findings.some((finding) => !fromCheckout.has(finding.id))) {
        const sarif = await readSarifLines(scanId, deps);
        if (sarif && source === 'json-export' && sarif.byId.size > findings.length) {
            // The SARIF export knows findings the JSON export left out: trust neither, read the pages.
            deps.logger.warning(`Hacktron: the JSON export of scan ${scanId} has ${findings.length} findings but its SARIF export ${sarif.byId.size}; reading the findings page by page instead.`);
            findings = await readPages(scanId, deps, deadline);
            source = 'pages';
        }
        if (sarif) {
            for (const finding of findings) {
                const found = lines.has(finding.id) ? undefined : linesOf(sarif, finding);
                if (found)
                    lines.set(finding.id, found);
            }
        }
    }
    deps.logger.info(`Read ${findings.length} findings of scan ${scanId} (${describe(source)}); ` +
        `lines for ${lines.size}: ${fromCheckout.size} from the checkout, ${lines.size - fromCheckout.size} from the SARIF export.`);
    return { findings, lines, source };
}
function describe(source) {
    return source === 'json-export' ? 'one JSON export' : 'page by page';
}
/** The JSON export's findings, or undefined (said in the log) when it lacks what the action reads. */
async function readJsonExport(scanId, deps) {
    let answer;
    try {
        answer = await deps.client.exportScanFindings(scanId, 'json');
    }
    catch (error) {
        // The export may be missing, broken or too slow for a huge scan while the pages work; a key
        // that is refused or throttled would fail the pages the same way, so that ends the read.
        if (!(error instanceof errors/* HacktronApiError */.jv) || PAGES_WOULD_FAIL_TOO.has(error.code))
            throw error;
        deps.logger.info(`The JSON export of scan ${scanId} could not be read (${error.serverMessage}); reading the findings page by page.`);
        return {};
    }
    const items = exportItems(answer);
    const problem = items === undefined ? 'it is not a list of findings' : missingField(items);
    if (problem === undefined && items) {
        const findings = items.map(hacktron_findings/* normalizeFinding */.vb);
        const idProblem = idsProblem(findings);
        if (idProblem) {
            deps.logger.info(`The JSON export of scan ${scanId} cannot be used (${idProblem}); reading the findings page by page instead.`);
            return {};
        }
        deps.client.warnAboutUnknownSeverities(scanId, (0,hacktron_findings/* unknownSeverities */.sK)(findings));
        return { findings };
    }
    deps.logger.info(`The JSON export of scan ${scanId} cannot be used (${problem}); reading the findings page by page instead.`);
    return {};
}
/**
 * The gate and every report tell findings apart by id: an export that repeats one, or leaves one
 * empty, cannot be trusted to list each finding once (the pages de-duplicate and name them).
 */
function idsProblem(findings) {
    const seen = new Set();
    for (const finding of findings) {
        if (finding.id === '')
            return 'a finding has no id';
        if (seen.has(finding.id))
            return `finding ${finding.id} is listed twice`;
        seen.add(finding.id);
    }
    return undefined;
}
/** The export's format is not documented: a bare list, or a list under `data` or `findings`. */
function exportItems(answer) {
    if (Array.isArray(answer))
        return answer;
    const record = answer;
    if (Array.isArray(record?.data))
        return record.data;
    if (Array.isArray(record?.findings))
        return record.findings;
    return undefined;
}
// Text the API may leave null (a finding with no file, say) is still carried; a missing key is not.
const NULLABLE_TEXT = new Set(['description', 'affected_file', 'affected_code']);
/** `a finding lacks "tags"`, or undefined when every item carries every field the action reads. */
function missingField(items) {
    for (const item of items) {
        if (item === null || typeof item !== 'object')
            return 'an item is not an object';
        const record = item;
        for (const field of types/* REPORTED_FINDING_FIELDS */.qe) {
            const value = record[field];
            const carried = field === 'tags'
                ? Array.isArray(value)
                : typeof value === 'string' || (value === null && NULLABLE_TEXT.has(field));
            if (!carried)
                return `a finding lacks "${field}"`;
        }
    }
    return undefined;
}
/**
 * Every finding, page by page, as many pages as `total` says (read again from each answer, so a
 * list that grows is read to its end). A finding listed twice counts once; fewer distinct
 * findings than `total` means the list shifted while it was read, so it is read again.
 */
async function readPages(scanId, deps, deadline) {
    const pace = pacer(deps.findingsReading?.pacing ?? timing/* DOCUMENTED_PAGE_PACING */.g0, deps);
    const byId = new Map();
    let total = 0;
    for (let reading = 1; reading <= MAX_READINGS; reading++) {
        total = Infinity;
        for (let page = 1; (page - 1) * FINDINGS_PAGE_SIZE < total; page++) {
            await pace();
            const limits = deadline === undefined
                ? undefined
                : { withinMs: Math.max(0, deadline - deps.clock.now()), signal: deps.signal };
            const answer = await deps.client.listScanFindingsPage(scanId, page, FINDINGS_PAGE_SIZE, limits);
            total = answer.total;
            // The client hands the pages over normalized (src/hacktron/findings.ts). A finding without
            // an id gets one of its own place, so it is neither merged with another nor lost.
            answer.data.forEach((listed, index) => {
                const finding = listed.id === '' ? { ...listed, id: `no-id-p${page}-${index}` } : listed;
                if (!byId.has(finding.id))
                    byId.set(finding.id, finding);
            });
            if (answer.data.length === 0)
                break;
        }
        if (byId.size >= total)
            return [...byId.values()];
        deps.logger.info(`Scan ${scanId}: ${byId.size} distinct findings read of ${total}; the list shifted while it was read, reading it again.`);
    }
    throw new errors/* HacktronApiError */.jv({
        code: 'bad-response',
        serverMessage: `the findings list kept shifting: ${byId.size} distinct findings of ${total} after reading it ${MAX_READINGS} times`,
        method: 'GET',
        path: `/scans/${scanId}/findings`,
        attempts: 1
    });
}
/** Waits before each page so that no `windowMs` holds more than `pages` of them. */
function pacer(pacing, { clock, signal }) {
    const sent = [];
    return async () => {
        if (sent.length >= pacing.pages) {
            const oldest = sent.shift() ?? 0;
            const wait = oldest + pacing.windowMs - clock.now();
            if (wait > 0)
                await clock.sleep(wait, signal);
        }
        sent.push(clock.now());
    };
}
/** The export's lines; without them the reports still work, so failing to read it fails nothing. */
async function readSarifLines(scanId, deps) {
    try {
        return exportedLines(await deps.client.exportScanFindings(scanId, 'sarif'));
    }
    catch (error) {
        deps.logger.warning(`Hacktron: could not read the SARIF export of scan ${scanId} (${error instanceof Error ? error.message : String(error)}); ` +
            'findings whose code is not in the checkout are shown without line numbers.');
        return undefined;
    }
}


/***/ })

};

//# sourceMappingURL=407.index.js.map