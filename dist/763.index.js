export const id = 763;
export const ids = [763];
export const modules = {

/***/ 6515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gk: () => (/* binding */ fileSetOf),
/* harmony export */   fi: () => (/* binding */ EVERY_FILE)
/* harmony export */ });
/* unused harmony export comparablePath */
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

/***/ 5763:
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
    const { onBase, overruled } = judgeMatches(findings, earlier, edited.files, baseMoved.files);
    noteStrictMatching(overruled, edited.unknownBecause, baseMoved.unknownBecause, deps);
    const overruledNote = overruled.size > 0
        ? ` (${overruled.size} of them match a baseline finding in a file this pull request changes)`
        : '';
    deps.logger.info(`Baseline scan ${scan.id} (${scan.repo_url ?? ''}@${scan.branch ?? ''}${commit ? ` @ ${commit}` : ''}): ` +
        `${onBase.size} of ${findings.length} findings were already there; ${findings.length - onBase.size} are new${overruledNote}.`);
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
        if (listed.complete)
            return { files: (0,file_set/* fileSetOf */.Gk)(listed.files) };
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


/***/ }),

/***/ 6191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z: () => (/* binding */ DEFAULT_REQUEST_TIMEOUT_MS),
  g: () => (/* binding */ HacktronClient)
});

// EXTERNAL MODULE: ./src/common/logger.ts
var logger = __webpack_require__(9353);
// EXTERNAL MODULE: ./src/common/sleep.ts
var sleep = __webpack_require__(7814);
// EXTERNAL MODULE: ./src/common/text.ts
var common_text = __webpack_require__(2450);
// EXTERNAL MODULE: ./src/hacktron/errors.ts
var errors = __webpack_require__(4519);
// EXTERNAL MODULE: ./src/hacktron/findings.ts
var findings = __webpack_require__(7038);
// EXTERNAL MODULE: ./src/hacktron/retry-policy.ts
var retry_policy = __webpack_require__(9719);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
;// CONCATENATED MODULE: ./src/hacktron/transport.ts

class TransportTimeoutError extends Error {
    constructor(timeoutMs) {
        super(`no complete answer within ${timeoutMs / 1000}s`);
        this.name = 'TransportTimeoutError';
    }
}
function createHttpTransport(userAgent, timeoutMs) {
    // No keep-alive: polls are seconds apart, and a fresh connection per request keeps a reset
    // from poisoning the next attempt. Retries are ours, so the library's own are off. Redirects
    // are off too: the library strips only Authorization when a redirect changes host, so it would
    // send X-Api-Key to whatever host a redirect names; a 3xx comes back to the client as it is.
    const http = new lib/* HttpClient */.Qq(userAgent, [], {
        allowRetries: false,
        allowRedirects: false,
        socketTimeout: timeoutMs
    });
    return {
        send: (method, url, body, headers, deadlineMs) => new Promise((resolve, reject) => {
            let response;
            let settled = false;
            const settle = (finish) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                finish();
            };
            // The socket timeout only notices silence; this deadline also ends a body that trickles.
            const timer = setTimeout(() => {
                response?.destroy();
                settle(() => reject(new TransportTimeoutError(deadlineMs)));
            }, deadlineMs);
            http.request(method, url, body ?? null, headers).then((res) => {
                response = res.message;
                readBody(res.message).then((text) => settle(() => resolve({
                    status: res.message.statusCode ?? 0,
                    headers: res.message.headers,
                    body: text
                })), (error) => settle(() => reject(error)));
            }, (error) => settle(() => reject(error)));
        })
    };
}
/** Reads a whole body, failing (rather than hanging, as readBody() would) when the peer hangs up. */
function readBody(message) {
    return new Promise((resolve, reject) => {
        // Decoded as it arrives (a multi-byte character split across chunks stays whole), so a
        // large export is held once as text, not also as its chunks and their concatenation.
        message.setEncoding('utf8');
        let text = '';
        message.on('data', (chunk) => (text += chunk));
        message.on('end', () => resolve(text));
        message.on('error', reject);
        message.on('close', () => {
            if (!message.complete)
                reject(new Error('the connection closed before the response ended'));
        });
    });
}

// EXTERNAL MODULE: ./src/hacktron/types.ts
var types = __webpack_require__(3867);
// EXTERNAL MODULE: ./src/hacktron/url.ts
var url = __webpack_require__(7375);
;// CONCATENATED MODULE: ./src/hacktron/shape.ts
// A light check that an answer has the fields the action relies on. Deliberately not a full
// schema validation: a real API that adds or relaxes a field must not break the gate.
function hasShape(value, shape) {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return false;
    const record = value;
    return Object.entries(shape).every(([field, kind]) => {
        const fieldValue = record[field];
        if (kind === 'array')
            return Array.isArray(fieldValue);
        if (kind === 'object')
            return fieldValue !== null && typeof fieldValue === 'object';
        return typeof fieldValue === kind;
    });
}

;// CONCATENATED MODULE: ./src/hacktron/client.ts










const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
// A whole scan's findings in one answer: 100,000 of them are some 60 MB to build and send.
const EXPORT_SLOWNESS = 10;
// Network errors that prove the request never reached the server.
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const COST_ESTIMATION_SHAPE = { id: 'string', status: 'string', repos: 'array' };
const SCAN_STATUS_SHAPE = { id: 'string', status: 'string' };
const SCAN_SHAPE = { id: 'string', status: 'string' };
const PAGE_SHAPE = { data: 'array', total: 'number' };
const FINDING_SHAPE = { id: 'string', state: 'string', severity: 'string' };
const FINDING_UPDATE_SHAPE = { id: 'string', state: 'string' };
const FINDING_COMMENT_SHAPE = { comment_id: 'string' };
class HacktronClient {
    baseUrl;
    apiKey;
    timeoutMs;
    retry;
    logger;
    sleep;
    random;
    now;
    transport;
    userAgent;
    constructor(options) {
        const problem = (0,url/* baseUrlProblem */.aS)(options.baseUrl);
        if (problem)
            throw new Error(`Refusing Hacktron API URL ${options.baseUrl}: ${problem}`);
        this.baseUrl = options.baseUrl.replace(/\/+$/, '');
        this.apiKey = options.apiKey;
        this.userAgent = options.userAgent;
        this.timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
        this.retry = { ...retry_policy/* DEFAULT_RETRY */.vI, ...options.retry };
        this.logger = options.logger ?? logger/* silentLogger */.q;
        this.sleep = options.sleep ?? sleep/* abortableSleep */.M;
        this.random = options.random ?? Math.random;
        this.now = options.now ?? Date.now;
        this.transport = options.transport ?? createHttpTransport(options.userAgent, this.timeoutMs);
    }
    /** The reported severities outside the API's enum, so each is logged once per run. */
    unknownSeveritiesLogged = new Set();
    createCostEstimation(body) {
        // A duplicate estimate costs nothing, so a lost answer may be retried.
        return this.post('/cost-estimations', body, 'free-write', COST_ESTIMATION_SHAPE);
    }
    getCostEstimation(id, limits) {
        return this.get(`/cost-estimations/${encodeURIComponent(id)}`, COST_ESTIMATION_SHAPE, {}, limits);
    }
    /** Spends credits: retried only on 429. Any other lost answer surfaces with `ambiguous` set. */
    createScan(body) {
        return this.post('/scans', body, 'spending-write', { id: 'string', status: 'string' });
    }
    getScan(id) {
        return this.get(`/scans/${encodeURIComponent(id)}`, SCAN_SHAPE);
    }
    getScanStatus(id, limits) {
        return this.get(`/scans/${encodeURIComponent(id)}/status`, SCAN_STATUS_SHAPE, {}, limits);
    }
    listScans(query = {}) {
        return this.get('/scans', PAGE_SHAPE, { ...query });
    }
    /**
     * One page of findings, normalized (see findings.ts): the form the whole action works with.
     * src/flow/read-findings.ts reads them all.
     */
    async listScanFindingsPage(scanId, page, limit, limits) {
        const answer = await this.get(`/scans/${encodeURIComponent(scanId)}/findings`, PAGE_SHAPE, { page, limit }, limits);
        const data = answer.data.map(findings/* normalizeFinding */.vb);
        this.warnAboutUnknownSeverities(scanId, (0,findings/* unknownSeverities */.sK)(data));
        return { ...answer, data };
    }
    /** Warns once per value about severities outside the API's enum, whichever answer had them. */
    warnAboutUnknownSeverities(scanId, reported) {
        const fresh = reported.filter((value) => !this.unknownSeveritiesLogged.has(value));
        if (fresh.length === 0)
            return;
        for (const value of fresh)
            this.unknownSeveritiesLogged.add(value);
        this.logger.warning(`Hacktron: scan ${scanId} has findings with a severity outside critical, high, medium, low, ` +
            `info (${fresh.map((value) => JSON.stringify(value)).join(', ')}): they are counted as ` +
            '"unknown" and gate as the strictest, at any fail-on-severity but none.');
    }
    /** The scan's findings in one document: `sarif` is SARIF 2.1.0, `json` the API's own form. */
    exportScanFindings(scanId, format) {
        return this.request({
            method: 'GET',
            path: `/scans/${encodeURIComponent(scanId)}/findings/export`,
            query: { format },
            safety: 'read',
            slowness: EXPORT_SLOWNESS
        });
    }
    /** One finding with its triage thread and taint path, as the API sends it. */
    getFinding(id, limits) {
        return this.get(findingPath(id), FINDING_SHAPE, {}, limits);
    }
    /**
     * Sets a finding's state (and/or severity, duplicate link) with the reasons Hacktron records in
     * its audit trail. Setting a state twice ends in the same state, so a lost answer is retried like
     * a read's; one that stays lost surfaces with `ambiguous` set (the change may have been made).
     */
    updateFinding(id, update) {
        return this.request({
            method: 'PATCH',
            path: findingPath(id),
            body: update,
            safety: 'idempotent-write',
            shape: FINDING_UPDATE_SHAPE
        });
    }
    /**
     * Adds a comment to a finding's triage thread. Each one handled is another entry in the audit
     * trail, so it is retried only on 429; any other lost answer surfaces with `ambiguous` set. A
     * comment over the API's limit is refused here, before anything is sent.
     */
    async addFindingComment(id, comment) {
        const path = `${findingPath(id)}/comments`;
        const length = [...comment].length;
        if (length > types/* MAX_FINDING_COMMENT_LENGTH */.Cz) {
            throw new errors/* HacktronApiError */.jv({
                code: 'bad-request',
                method: 'POST',
                path,
                attempts: 0,
                serverMessage: `not sent: the comment is ${length} characters long, and the API takes at most ` +
                    `${types/* MAX_FINDING_COMMENT_LENGTH */.Cz}`
            });
        }
        return this.post(path, { comment }, 'appending-write', FINDING_COMMENT_SHAPE);
    }
    post(path, body, safety, shape) {
        return this.request({ method: 'POST', path, body, safety, shape });
    }
    get(path, shape, query, limits) {
        return this.request({ method: 'GET', path, query, safety: 'read', shape, limits });
    }
    async request(spec) {
        const url = this.urlFor(spec);
        const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
        const headers = {
            'X-Api-Key': this.apiKey,
            Accept: 'application/json',
            'User-Agent': this.userAgent
        };
        if (body !== undefined)
            headers['Content-Type'] = 'application/json';
        const { withinMs, signal } = spec.limits ?? {};
        const deadline = withinMs === undefined ? undefined : this.now() + withinMs;
        for (let attempt = 1;; attempt++) {
            const { outcome, value, failure } = await this.attempt(spec, url, body, headers, deadline);
            if (!outcome)
                return value;
            const canRetry = (0,retry_policy/* isRetryable */.r3)(outcome, spec.safety) && attempt < this.retry.maxAttempts;
            if (!canRetry || signal?.aborted)
                throw this.toError(spec, outcome, failure, attempt);
            const delay = (0,retry_policy/* retryDelayMs */.qO)(attempt, outcome, this.retry, this.random);
            if (!(0,retry_policy/* retryFitsBefore */.g8)(deadline, this.now(), delay)) {
                throw this.deadlineError(spec, failure, attempt, delay);
            }
            this.logger.info(`Hacktron API ${spec.method} ${spec.path}: ${failure}; retrying in ${(0,common_text/* formatDuration */.a3)(delay)} ` +
                `(attempt ${attempt + 1} of ${this.retry.maxAttempts})`);
            await this.sleep(delay, signal);
            if (signal?.aborted)
                throw this.toError(spec, outcome, failure, attempt);
        }
    }
    /** The caller's deadline comes before the next attempt could: its timeout ends the wait. */
    deadlineError(spec, failure, attempts, delayMs) {
        return new errors/* HacktronApiError */.jv({
            code: 'timeout',
            method: spec.method,
            path: spec.path,
            attempts,
            serverMessage: `${failure}; the next attempt (in ${(0,common_text/* formatDuration */.a3)(delayMs)}) would come after the deadline`
        });
    }
    /** One attempt: either a parsed value, or the outcome to decide on and a line saying why. */
    async attempt(spec, url, body, headers, deadline) {
        let response;
        try {
            response = await this.transport.send(spec.method, url, body, headers, attemptTimeoutMs(this.timeoutMs * (spec.slowness ?? 1), deadline, this.now()));
        }
        catch (error) {
            const reason = error instanceof TransportTimeoutError ? error.message : describeNetworkError(error);
            const code = error.code ?? '';
            return {
                outcome: { kind: 'network', mayHaveArrived: !NEVER_CONNECTED.has(code) },
                failure: this.redact(reason)
            };
        }
        if (isRedirect(response.status)) {
            // Never followed: the transport would send the API key to whichever host a redirect names.
            return {
                outcome: { kind: 'redirect', status: response.status },
                failure: describeRedirect(response.status, response.headers.location, url)
            };
        }
        const parsed = (0,common_text/* parseJson */.qF)(response.body);
        if (response.status < 200 || response.status >= 300) {
            const retryAfterHeader = response.headers['retry-after'];
            const retryAfterMs = (0,retry_policy/* parseRetryAfter */.mu)(Array.isArray(retryAfterHeader) ? retryAfterHeader[0] : retryAfterHeader, this.now());
            const fallback = parsed.ok
                ? `HTTP ${response.status}`
                : `HTTP ${response.status} with a non-JSON body`;
            return {
                outcome: { kind: 'status', status: response.status, retryAfterMs },
                failure: this.redact((0,errors/* serverMessageOf */.YJ)(parsed.ok ? parsed.value : undefined, fallback))
            };
        }
        if (!parsed.ok) {
            return { outcome: { kind: 'bad-body' }, failure: 'the answer was not valid JSON' };
        }
        if (spec.shape && !hasShape(parsed.value, spec.shape)) {
            return {
                outcome: { kind: 'bad-body' },
                failure: 'the answer did not have the documented shape'
            };
        }
        return { value: parsed.value, failure: '' };
    }
    toError(spec, outcome, failure, attempts) {
        const common = { method: spec.method, path: spec.path, attempts, serverMessage: failure };
        // A write whose answer was lost or garbled may still have done its work on the server.
        const ambiguous = spec.safety !== 'read';
        switch (outcome.kind) {
            case 'status':
                return new errors/* HacktronApiError */.jv({
                    ...common,
                    status: outcome.status,
                    code: (0,errors/* errorCodeForStatus */.vT)(outcome.status, failure),
                    ambiguous: ambiguous && outcome.status >= 500
                });
            case 'network':
                return new errors/* HacktronApiError */.jv({
                    ...common,
                    code: 'network-error',
                    ambiguous: ambiguous && outcome.mayHaveArrived
                });
            case 'bad-body':
                return new errors/* HacktronApiError */.jv({ ...common, code: 'bad-response', ambiguous });
            case 'redirect':
                // A redirect is answered before any work is done: nothing is ambiguous about it.
                return new errors/* HacktronApiError */.jv({ ...common, status: outcome.status, code: 'bad-response' });
        }
    }
    urlFor(spec) {
        const url = new URL(this.baseUrl + spec.path);
        for (const [name, value] of Object.entries(spec.query ?? {})) {
            if (value !== undefined)
                url.searchParams.set(name, String(value));
        }
        return url.toString();
    }
    redact(text) {
        return this.apiKey === '' ? text : text.split(this.apiKey).join('***');
    }
}
function findingPath(id) {
    return `/findings/${encodeURIComponent(id)}`;
}
/** One attempt never runs past the caller's deadline (but gets at least a moment to answer). */
function attemptTimeoutMs(timeoutMs, deadline, nowMs) {
    if (deadline === undefined)
        return timeoutMs;
    return Math.max(1, Math.min(timeoutMs, deadline - nowMs));
}
function isRedirect(status) {
    return status >= 300 && status < 400;
}
/** Names only the location's origin: its path and query might carry anything. */
function describeRedirect(status, location, requestUrl) {
    const target = Array.isArray(location) ? location[0] : location;
    let where = 'no Location header';
    if (target) {
        try {
            const url = new URL(target, requestUrl);
            where = url.origin === new URL(requestUrl).origin ? `the same host ${url.host}` : url.host;
        }
        catch {
            where = 'an unreadable Location header';
        }
    }
    return (`the API answered HTTP ${status}, a redirect to ${where}; the client does not follow ` +
        'redirects, so the API key is only ever sent to api-url (check api-url, or a proxy in between)');
}
function describeNetworkError(error) {
    if (error instanceof Error) {
        const code = error.code;
        return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
    }
    return String(error);
}


/***/ }),

/***/ 7038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sK: () => (/* binding */ unknownSeverities),
/* harmony export */   vb: () => (/* binding */ normalizeFinding)
/* harmony export */ });
/* unused harmony export normalizeSeverity */
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3867);

const KNOWN_STATES = [
    'open',
    'true_positive',
    'false_positive',
    'accepted_risk',
    'resolved',
    'closed'
];
/** `CRITICAL` and ` Medium ` are critical and medium; anything else is `unknown`. */
function normalizeSeverity(value) {
    const folded = typeof value === 'string' ? value.trim().toLowerCase() : '';
    return _types_js__WEBPACK_IMPORTED_MODULE_0__/* .API_SEVERITIES */ .Bh.includes(folded) ? folded : 'unknown';
}
/**
 * One finding of an API answer. A field that is missing or null becomes empty text (a finding
 * without a file is still reported, just without a location); an unrecognised state is kept as
 * `open`, so it still counts toward the gate rather than silently not.
 */
function normalizeFinding(raw) {
    const fields = (raw && typeof raw === 'object' ? raw : {});
    const severity = normalizeSeverity(fields.severity);
    const foldedState = text(fields.state).trim().toLowerCase();
    // Only what the gate and the reports use: the rest of a large scan's answer is let go.
    return {
        id: text(fields.id),
        title: text(fields.title),
        category: text(fields.category),
        description: text(fields.description),
        affected_file: text(fields.affected_file),
        affected_code: text(fields.affected_code),
        tags: Array.isArray(fields.tags) ? fields.tags.filter((tag) => typeof tag === 'string') : [],
        state: KNOWN_STATES.includes(foldedState) ? foldedState : 'open',
        severity,
        ...(severity === 'unknown' && { reported_severity: text(fields.severity) || '(none)' })
    };
}
function text(value) {
    if (typeof value === 'string')
        return value;
    return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}
/** The severities the API sent that are outside its enum, each once, for the log and reports. */
function unknownSeverities(findings) {
    return [
        ...new Set(findings.flatMap((finding) => finding.severity === 'unknown' ? [finding.reported_severity ?? '(none)'] : []))
    ];
}


/***/ }),

/***/ 9719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g8: () => (/* binding */ retryFitsBefore),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   qO: () => (/* binding */ retryDelayMs),
/* harmony export */   r3: () => (/* binding */ isRetryable),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY)
/* harmony export */ });
// The one retry policy of the Hacktron client, as pure functions so it is tested without a clock.
/** Writes that must not be handled twice: only an answer that proves they were not is retried. */
const ONCE_ONLY = new Set(['spending-write', 'appending-write']);
const DEFAULT_RETRY = {
    maxAttempts: 6,
    baseDelayMs: 1000,
    maxDelayMs: 30_000,
    maxRetryAfterMs: 60_000
};
const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);
function isRetryable(outcome, safety) {
    if (outcome.kind === 'redirect')
        return false;
    if (outcome.kind === 'status' && outcome.status === 429)
        return true;
    if (ONCE_ONLY.has(safety))
        return false;
    if (outcome.kind === 'status')
        return RETRYABLE_STATUSES.has(outcome.status);
    return true;
}
/**
 * Delay before attempt `attempt + 1`: the server's Retry-After when it gave one (capped), else
 * capped exponential backoff with "equal jitter" (half fixed, half random), so that the jobs
 * sharing one key's rate limit spread out instead of retrying in lockstep.
 */
function retryDelayMs(attempt, outcome, config, random) {
    if (outcome.kind === 'status' && outcome.retryAfterMs !== undefined) {
        return Math.min(outcome.retryAfterMs, config.maxRetryAfterMs);
    }
    const exponential = Math.min(config.maxDelayMs, config.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(exponential / 2 + (random() * exponential) / 2);
}
/**
 * Whether waiting `delayMs` before the next attempt still leaves the attempt before `deadline`.
 * A retry that cannot is not waited for: the caller's timeout ends the wait instead, on time.
 */
function retryFitsBefore(deadline, nowMs, delayMs) {
    return deadline === undefined || nowMs + delayMs < deadline;
}
/** Parses a Retry-After header (seconds or an HTTP date) into milliseconds from `nowMs`. */
function parseRetryAfter(header, nowMs) {
    if (header === undefined || header.trim() === '')
        return undefined;
    const trimmed = header.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * 1000);
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - nowMs);
}


/***/ }),

/***/ 2054:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iv: () => (/* binding */ clientTiming),
/* harmony export */   O6: () => (/* binding */ findingsPagePacing),
/* harmony export */   g0: () => (/* binding */ DOCUMENTED_PAGE_PACING)
/* harmony export */ });
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6191);
/* harmony import */ var _retry_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9719);
// How long the client waits: production values, and in test mode (HACKTRON_ACTION_TEST_MODE,
// against the local simulator only) the same policy on a 20-times faster clock, so tests and the
// demo exercise every retry in seconds. A server's Retry-After is honoured as given either way.


const TEST_SPEED_UP = 20;
/**
 * A quarter of the documented 100 requests per rolling 60 s per key: four jobs of one
 * organisation can read findings at once and still leave room for everyone's polls.
 */
const DOCUMENTED_PAGE_PACING = { pages: 25, windowMs: 60_000 };
function clientTiming(testMode) {
    if (!testMode)
        return { requestTimeoutMs: _client_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_REQUEST_TIMEOUT_MS */ .Z, retry: _retry_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_RETRY */ .vI };
    return {
        requestTimeoutMs: _client_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_REQUEST_TIMEOUT_MS */ .Z / TEST_SPEED_UP,
        retry: {
            ..._retry_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_RETRY */ .vI,
            baseDelayMs: _retry_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_RETRY */ .vI.baseDelayMs / TEST_SPEED_UP,
            maxDelayMs: _retry_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_RETRY */ .vI.maxDelayMs / TEST_SPEED_UP
        }
    };
}
/** One job's share of the key's rate limit for findings pages, on the same clock as the retries. */
function findingsPagePacing(testMode) {
    if (!testMode)
        return DOCUMENTED_PAGE_PACING;
    return { ...DOCUMENTED_PAGE_PACING, windowMs: DOCUMENTED_PAGE_PACING.windowMs / TEST_SPEED_UP };
}


/***/ })

};

//# sourceMappingURL=763.index.js.map