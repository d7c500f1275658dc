export const id = 809;
export const ids = [809];
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

/***/ 7038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eu: () => (/* binding */ changedInHacktron),
/* harmony export */   sK: () => (/* binding */ unknownSeverities),
/* harmony export */   vb: () => (/* binding */ normalizeFinding)
/* harmony export */ });
/* unused harmony exports FINDING_STATES, normalizeSeverity */
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3867);

/** The states the API documents for a finding, in its enum's order. */
const FINDING_STATES = [
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
        state: FINDING_STATES.includes(foldedState) ? foldedState : 'open',
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
/**
 * Whether someone changed the finding in Hacktron after it was found (updated later than found)
 * and, given `moment`, after that too. A time that cannot be read counts as changed: whoever asks
 * is about to write over a decision, and does not on a guess.
 */
function changedInHacktron(finding, moment) {
    const updated = Date.parse(finding.updated_at ?? '');
    const found = Date.parse(finding.found_at ?? '');
    const after = moment === undefined ? -Infinity : Date.parse(moment);
    if (Number.isNaN(updated) || Number.isNaN(found) || Number.isNaN(after))
        return true;
    return updated > found && updated > after;
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

/***/ 1809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  annotateFindings: () => (/* binding */ annotateFindings),
  prepareFindingReports: () => (/* binding */ prepareFindingReports)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/common/finding-marker.ts
var finding_marker = __webpack_require__(5583);
// EXTERNAL MODULE: ./src/findings/severity.ts
var severity = __webpack_require__(5131);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/report/surfaces.ts
var report_surfaces = __webpack_require__(7684);
;// CONCATENATED MODULE: ./src/report/annotations.ts



/** GitHub's limits on workflow-command annotations. */
const ANNOTATIONS_PER_LEVEL = 10;
const ANNOTATIONS_PER_JOB = 50;
function levelFor(finding, gate, standings) {
    const blocks = standings ? standings.get(finding.id) === 'blocking' : (0,severity/* meetsGate */.qm)(finding, gate);
    if (blocks)
        return 'error';
    return finding.severity === 'info' ? 'notice' : 'warning';
}
function planAnnotations(findings, locations, gate, budget, surfaces = {}) {
    // One notice is kept back for the overflow line.
    const room = {
        error: ANNOTATIONS_PER_LEVEL - budget.alreadyUsed.error,
        warning: ANNOTATIONS_PER_LEVEL - budget.alreadyUsed.warning,
        notice: ANNOTATIONS_PER_LEVEL - budget.alreadyUsed.notice - 1
    };
    const used = budget.alreadyUsed.error + budget.alreadyUsed.warning + budget.alreadyUsed.notice;
    let total = Math.min(budget.maxAnnotations, ANNOTATIONS_PER_JOB - used - 1);
    const annotations = [];
    // What blocks first (GitHub shows 10 errors a step), each group most severe first.
    const ordered = (0,severity/* bySeverity */.Np)(findings).sort((a, b) => Number(levelFor(b, gate, budget.standings) === 'error') -
        Number(levelFor(a, gate, budget.standings) === 'error'));
    for (const finding of ordered) {
        const level = levelFor(finding, gate, budget.standings);
        if (total <= 0 || room[level] <= 0)
            continue;
        room[level]--;
        total--;
        annotations.push(annotationFor(finding, level, locations.get(finding.id)));
    }
    const omitted = findings.length - annotations.length;
    if (omitted === 0)
        return { annotations, omitted };
    return {
        annotations,
        omitted,
        overflowNotice: {
            level: 'notice',
            title: 'Hacktron: more findings than annotations',
            message: `${omitted} of ${findings.length} findings are not annotated on the code (GitHub shows at most ` +
                `${ANNOTATIONS_PER_LEVEL} annotations of each level per step, and max-annotations is ` +
                `${budget.maxAnnotations}). ${(0,report_surfaces/* whereFindingsAre */.Qh)(surfaces, markdown/* inertText */.UJ)}.`
        }
    };
}
function annotationFor(finding, level, location) {
    // Annotations are plain text, but GitHub still shows bidi tricks and links references in them.
    return {
        level,
        title: `${finding.severity}: ${(0,markdown/* inertText */.UJ)((0,markdown/* oneLine */.TN)(finding.title, 120))}`,
        message: `${(0,markdown/* inertText */.UJ)((0,markdown/* oneLine */.TN)(finding.category, 80))} (${finding.state}). ${(0,markdown/* inertText */.UJ)((0,markdown/* oneLine */.TN)(finding.description, 300))}\n` +
            `Finding ${finding.id}: the full finding, with its proof of concept, is in the Hacktron dashboard.`,
        file: location?.path,
        startLine: location?.startLine,
        endLine: location?.endLine
    };
}

// EXTERNAL MODULE: ./src/report/locations.ts + 1 modules
var report_locations = __webpack_require__(3134);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/common/version.ts
var version = __webpack_require__(9521);
// EXTERNAL MODULE: ./src/report/sarif-limits.ts
var sarif_limits = __webpack_require__(7644);
;// CONCATENATED MODULE: ./src/report/sarif.ts
// The findings as SARIF 2.1.0 shaped for what GitHub code scanning ingests whole:
// - every result has a location in the repository, as a percent-encoded URI relative to
//   %SRCROOT% (a finding without a usable path stays out, and the caller says so);
// - a rule per kind of finding *and* severity, because code scanning reads severity per rule;
// - triaged findings carry suppressions, fixed ones are left out;
// - partialFingerprints that follow a finding across runs but tell apart two findings at once;
// - at most 5,000 results (all code scanning keeps), most severe first, within 10 MB gzipped.
// No automationDetails: that id would silently override upload-sarif's `category` input.







const MAX_GZIPPED_BYTES = 10 * 1024 * 1024;
/** Rule ids stay readable and bounded whatever length of category the API sends. */
const MAX_RULE_ID_LENGTH = 80;
const SOURCE_ROOT_ID = '%SRCROOT%';
const FINGERPRINT_KEY = 'hacktronFinding/v2';
const LEVEL = {
    unknown: 'error',
    critical: 'error',
    high: 'error',
    medium: 'warning',
    low: 'note',
    info: 'note'
};
/**
 * Code scanning reads these: >= 9.0 critical, >= 7.0 high, >= 4.0 medium, > 0 low. An unknown
 * severity shows as critical, as it gates.
 */
const SECURITY_SEVERITY = {
    unknown: '9.5',
    critical: '9.5',
    high: '8.0',
    medium: '5.5',
    low: '3.0',
    info: '0.0'
};
/** States whose finding stays visible as dismissed in code scanning, with the state as reason. */
const SUPPRESSED_STATES = new Set(['false_positive', 'accepted_risk', 'closed']);
/** Fixed: no alert to show at all. */
const FIXED_STATES = new Set(['resolved']);
/**
 * `hacktron/<category>/<severity>`: one severity per rule, since code scanning shows a rule's
 * severity on all its alerts. A category too long for the bound is cut and keeps a short hash of
 * the whole, so two long categories never share a rule.
 */
function ruleIdFor(category, severity) {
    const slug = category
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'finding';
    const room = MAX_RULE_ID_LENGTH - `hacktron//${severity}`.length;
    const bounded = slug.length <= room
        ? slug
        : `${slug.slice(0, room - 9).replace(/-$/, '')}-${shortHash(category)}`;
    return `hacktron/${bounded}/${severity}`;
}
/** A repository-relative path as a URI reference: each segment percent-encoded (RFC 3986). */
function pathToUri(path) {
    return path.split('/').map(encodeURIComponent).join('/');
}
function sarifParts(findings, locations, context) {
    const unlocated = findings.filter((finding) => !locations.get(finding.id)?.path);
    const reportable = findings.filter((finding) => locations.get(finding.id)?.path && !FIXED_STATES.has(finding.state));
    const kept = (0,severity/* bySeverity */.Np)(reportable).slice(0, context.maxResults ?? sarif_limits/* MAX_RESULTS_PER_RUN */.Q);
    const rules = new Map();
    for (const finding of kept) {
        const ruleId = ruleIdFor(finding.category, finding.severity);
        if (!rules.has(ruleId))
            rules.set(ruleId, ruleOf(ruleId, finding));
    }
    const fingerprints = fingerprintsOf(kept, locations);
    return {
        log: logOf([...rules.values()], context),
        results: function* () {
            for (const finding of kept) {
                yield resultOf(finding, ruleIdFor(finding.category, finding.severity), locations.get(finding.id) ?? {}, {
                    fingerprint: fingerprints.get(finding.id) ?? '',
                    baselineState: context.baselineStates?.get(finding.id),
                    marker: context.findingMarker?.line(finding.id)
                });
            }
        },
        resultCount: kept.length,
        dropped: countDropped(reportable, kept),
        unlocated,
        fixed: findings.length - unlocated.length - reportable.length
    };
}
/** The whole log in memory, results included. */
function buildSarif(findings, locations, context) {
    const { results, resultCount: _count, ...parts } = sarifParts(findings, locations, context);
    const [run] = parts.log.runs;
    if (run)
        run.results = [...results()];
    return parts;
}
/**
 * The file as compact JSON (no indentation: a tenth of the size is white space otherwise), in
 * pieces: the log's head, then one result at a time, so it streams to disk without ever being
 * one string or holding every result.
 */
function* sarifChunks(parts) {
    const { runs, ...envelope } = parts.log;
    yield `${JSON.stringify(envelope).slice(0, -1)},"runs":[`;
    for (const [runIndex, run] of runs.entries()) {
        const { results: _inMemory, ...rest } = run;
        const head = JSON.stringify(rest).slice(0, -1);
        yield `${runIndex > 0 ? ',' : ''}${head}${head === '{' ? '' : ','}"results":[`;
        // The action writes one run; its results are the streamed ones.
        let index = 0;
        for (const result of runIndex === 0 ? parts.results() : (run.results ?? []))
            yield `${index++ > 0 ? ',' : ''}${JSON.stringify(result)}`;
        yield ']}';
    }
    yield ']}';
}
function countDropped(all, kept) {
    const keptIds = new Set(kept.map((finding) => finding.id));
    const dropped = {};
    for (const finding of all) {
        if (!keptIds.has(finding.id))
            dropped[finding.severity] = (dropped[finding.severity] ?? 0) + 1;
    }
    return dropped;
}
function logOf(rules, context) {
    const driver = exportedDriver(context.exported);
    return sarifLogOfOneRun(
    // Always this name: code scanning dismissals are taken back only from a tool of exactly it.
    { name: finding_marker/* HACKTRON_TOOL_NAME */.If, version: driver.version ?? version/* ACTION_VERSION */.Y, rules }, {
        originalUriBaseIds: {
            [SOURCE_ROOT_ID]: {
                description: { text: 'The root of the repository checkout that was scanned.' }
            }
        },
        results: [],
        properties: { 'hacktron/scan-id': context.scanId }
    });
}
/** A SARIF 2.1.0 log of one run of Hacktron's tool. */
function sarifLogOfOneRun(driver, run) {
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: driver.name,
                        version: driver.version,
                        informationUri: 'https://hacktron.ai',
                        rules: [...driver.rules]
                    }
                },
                ...run
            }
        ]
    };
}
function ruleOf(ruleId, finding) {
    const category = (0,markdown/* oneLine */.TN)(finding.category, 200) || 'Finding';
    const severity = finding.severity;
    const unknownNote = severity === 'unknown'
        ? ' Hacktron reported a severity outside its documented ones; it is shown, and gates, as critical.'
        : '';
    return {
        id: ruleId,
        name: category.replace(/[^A-Za-z0-9]+/g, '').slice(0, 60) || 'Finding',
        shortDescription: { text: `${category} (${severity})` },
        fullDescription: {
            text: `Hacktron Whitebox Scan findings of category "${category}" at ${severity} severity.${unknownNote}`
        },
        help: {
            text: `${category}: each finding's message describes the issue found at its location. The ` +
                'finding in the Hacktron dashboard has the full description and a proof of concept; fix ' +
                'it, or triage it in Hacktron as a false positive or an accepted risk.'
        },
        defaultConfiguration: { level: LEVEL[severity] },
        properties: { 'security-severity': SECURITY_SEVERITY[severity], tags: ['security'] }
    };
}
function resultOf(finding, ruleId, location, extra) {
    const region = location.startLine
        ? { startLine: location.startLine, ...(location.endLine && { endLine: location.endLine }) }
        : undefined;
    return {
        ruleId,
        level: LEVEL[finding.severity],
        // The last line names the finding: a dismissal in code scanning reads it back from the alert.
        message: {
            text: [`${finding.title}\n\n${finding.description}`.trim() || ruleId, extra.marker]
                .filter((part) => part !== undefined)
                .join('\n\n')
        },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: pathToUri(location.path ?? ''), uriBaseId: SOURCE_ROOT_ID },
                    ...(region && { region })
                }
            }
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: extra.fingerprint },
        ...(SUPPRESSED_STATES.has(finding.state) && { suppressions: [suppressionOf(finding.state)] }),
        ...(extra.baselineState && { baselineState: extra.baselineState }),
        properties: {
            'hacktron/finding-id': finding.id,
            'hacktron/state': finding.state,
            severity: finding.severity,
            ...(finding.reported_severity !== undefined && {
                'hacktron/reported-severity': finding.reported_severity
            }),
            tags: [...finding.tags]
        }
    };
}
function suppressionOf(state) {
    return { kind: 'external', status: 'accepted', justification: `Triaged in Hacktron: ${state}` };
}
/**
 * Stable across runs for the same finding: the hash of its kind, file and code, whatever its line,
 * then `:n`, its place among the findings sharing that hash ordered by line, so that two at once
 * (the same code twice in a file) are two alerts, not one.
 */
function fingerprintsOf(findings, locations) {
    const byHash = new Map();
    for (const finding of findings) {
        const location = locations.get(finding.id);
        const hash = (0,external_node_crypto_.createHash)('sha256')
            .update(`${finding.category.trim().toLowerCase()}\0${location?.path ?? ''}\0${finding.affected_code.replace(/\s+/g, ' ').trim()}`)
            .digest('hex');
        const same = byHash.get(hash) ?? [];
        same.push({ id: finding.id, line: location?.startLine ?? Number.MAX_SAFE_INTEGER });
        byHash.set(hash, same);
    }
    const fingerprints = new Map();
    for (const [hash, same] of byHash) {
        same.sort((a, b) => a.line - b.line || a.id.localeCompare(b.id));
        same.forEach((entry, index) => fingerprints.set(entry.id, `${hash}:${index + 1}`));
    }
    return fingerprints;
}
function shortHash(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex').slice(0, 8);
}
function exportedDriver(exported) {
    const driver = exported?.runs?.[0]?.tool?.driver;
    return {
        name: typeof driver?.name === 'string' ? driver.name : undefined,
        version: typeof driver?.version === 'string' && driver.version ? driver.version : undefined
    };
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/report/sarif-file.ts
// The SARIF file on disk, within code scanning's size limit: streamed, never held whole.





/**
 * Streams the SARIF log to `path`, measuring its gzipped size on the way; over code scanning's
 * limit, it is written again with as many fewer results (the least severe) as the excess
 * says, which only a scan of very long findings needs.
 */
async function writeSarifFile(path, findings, locations, context, maxGzippedBytes = MAX_GZIPPED_BYTES) {
    for (let maxResults = sarif_limits/* MAX_RESULTS_PER_RUN */.Q;;) {
        const sarif = sarifParts(findings, locations, { ...context, maxResults });
        const written = sarif.resultCount;
        const gzippedBytes = await streamToFile(path, sarifChunks(sarif));
        if (gzippedBytes <= maxGzippedBytes || written === 0)
            return sarif;
        // Results compress alike, so the size scales with their number: aim a little under.
        const fitting = Math.floor((written * maxGzippedBytes * 0.95) / gzippedBytes);
        maxResults = Math.min(fitting, Math.floor(written * 0.9));
    }
}
/** Writes the pieces to `path` in blocks of about 64 KiB; returns their gzipped size. */
async function streamToFile(path, pieces) {
    const file = (0,external_node_fs_.createWriteStream)(path);
    const gzip = (0,external_node_zlib_.createGzip)();
    let gzippedBytes = 0;
    gzip.on('data', (chunk) => (gzippedBytes += chunk.length));
    const write = async (block) => {
        file.write(block);
        gzip.write(block);
        // Asked when waiting, not when writing: one may drain while the other is awaited.
        if (file.writableNeedDrain)
            await (0,external_node_events_.once)(file, 'drain');
        if (gzip.writableNeedDrain)
            await (0,external_node_events_.once)(gzip, 'drain');
    };
    let block = '';
    for (const piece of pieces) {
        block += piece;
        if (block.length >= 65_536) {
            await write(block);
            block = '';
        }
    }
    if (block !== '')
        await write(block);
    file.end();
    gzip.end();
    await Promise.all([(0,promises_.finished)(file), (0,promises_.finished)(gzip)]);
    return gzippedBytes;
}

// EXTERNAL MODULE: ./src/report/disclosure.ts
var report_disclosure = __webpack_require__(3929);
// EXTERNAL MODULE: ./src/hacktron/findings.ts
var hacktron_findings = __webpack_require__(7038);
;// CONCATENATED MODULE: ./src/run/finding-reports.ts
// The findings' reports that need more than a renderer: where each finding is in the checkout,
// the SARIF file on disk, the notes on what it leaves out, and the annotations on code. Loaded
// only by runs that have findings to report.











/** How many unlocated findings the summary names one by one. */
const MAX_UNLOCATED_LISTED = 10;
/** Locates the findings and writes the SARIF file. */
async function prepareFindingReports(facts, settings, workspace, logger, disclosure = report_disclosure/* FULL_DISCLOSURE */.i2) {
    const findings = facts.findings;
    if (!findings)
        return { locations: new Map(), sarifFile: '', notes: [] };
    const locations = (0,report_locations/* locateFindings */.H)(findings, facts.findingLines, workspace.root, workspace.fileExists);
    const notes = unknownSeverityNotes(findings);
    if (settings.sarifFile === '')
        return { locations, sarifFile: '', notes };
    const path = (0,external_node_path_.resolve)(workspace.root, settings.sarifFile);
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
    const sarif = await writeSarifFile(path, findings, locations, {
        scanId: facts.scanId ?? '',
        baselineStates: baselineStatesOf(findings, facts),
        findingMarker: (0,finding_marker/* findingMarker */.iY)(settings.apiKey, settings.event.repository)
    });
    notes.push(...sarifNotes(sarif, facts.scanId, logger, disclosure));
    logger.info(`Wrote ${sarif.resultCount} findings as SARIF to ${(0,external_node_path_.relative)(workspace.root, path) || path}.`);
    return { locations, sarifFile: settings.sarifFile, sarifResults: sarif.resultCount, notes };
}
/** New or unchanged against the baseline scan, when the gate compared with one. */
function baselineStatesOf(findings, facts) {
    const scope = facts.verdict?.scope;
    const matches = scope?.baselineMatches;
    if (!matches)
        return undefined;
    const stateOf = (id) => matches.has(id) ? 'unchanged' : scope.overruledMatches?.has(id) ? 'updated' : 'new';
    return new Map(findings.map((finding) => [finding.id, stateOf(finding.id)]));
}
function unknownSeverityNotes(findings) {
    const reported = (0,hacktron_findings/* unknownSeverities */.sK)(findings);
    if (reported.length === 0)
        return [];
    const count = findings.filter((finding) => finding.severity === 'unknown').length;
    return [
        `⚠️ ${count} finding${count === 1 ? ' has' : 's have'} a severity Hacktron does not document (${reported.map((value) => (0,markdown/* inlineCode */.ti)(value, 40)).join(', ')}): counted as **unknown**, and gating as the strictest at any \`fail-on-severity\` but \`none\`.`
    ];
}
/** What the SARIF file leaves out, for the log and as Markdown-safe lines for the reports. */
function sarifNotes(sarif, scanId, logger, disclosure) {
    const notes = [];
    const dropped = Object.entries(sarif.dropped)
        .map(([severity, count]) => `${count} ${severity}`)
        .join(', ');
    if (dropped) {
        // Neither the SARIF file nor the summary has the findings left out: only the dashboard does.
        const surfaces = { scanId, sarifResults: sarif.resultCount };
        const cap = `code scanning keeps at most ${(0,report_surfaces/* formatCount */.B4)(sarif_limits/* MAX_RESULTS_PER_RUN */.Q)} results per upload, most severe first`;
        logger.info(`SARIF: left out ${dropped} findings: ${cap}. ${(0,report_surfaces/* whereFindingsAre */.Qh)(surfaces)}.`);
        notes.push(`⚠️ The SARIF file leaves out ${dropped} findings (lowest severities first): ${cap}. ${(0,report_surfaces/* whereFindingsAre */.Qh)(surfaces, (id) => (0,markdown/* inlineCode */.ti)(id, 80))}.`);
    }
    if (sarif.unlocated.length > 0) {
        // The log and the report are public surfaces: a withheld finding is named by its short id.
        const unlocated = (0,report_disclosure/* disclosedFindings */.xo)(sarif.unlocated, disclosure);
        for (const finding of unlocated) {
            logger.info(`SARIF: left out finding ${finding.id} (${(0,markdown/* oneLine */.TN)(finding.title, 120)}): its file ${JSON.stringify(finding.affected_file)} is not a usable path in the repository.`);
        }
        const listed = unlocated
            .slice(0, MAX_UNLOCATED_LISTED)
            .map((finding) => `${(0,markdown/* inlineText */.ln)(finding.title, 120)} (${(0,markdown/* inlineCode */.ti)(finding.affected_file || '(no file)', 80)})`);
        const more = sarif.unlocated.length - listed.length;
        notes.push(`⚠️ ${sarif.unlocated.length} finding${sarif.unlocated.length === 1 ? ' has' : 's have'} no usable file path in the repository, so code scanning could not place ${sarif.unlocated.length === 1 ? 'it' : 'them'}: left out of the SARIF file (still counted and gated above): ${listed.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`);
    }
    if (sarif.fixed > 0) {
        logger.info(`SARIF: left out ${sarif.fixed} findings triaged as resolved.`);
    }
    return notes;
}
/**
 * Annotates the findings on their lines, within what the platform shows besides `alreadyUsed`;
 * `sarifResults` (how many the SARIF file holds, undefined without one) for the overflow notice.
 */
function annotateFindings(facts, disclosure, settings, locations, budget, frontEnd, sarifResults) {
    // A withheld finding gets no annotation: its file and line are detail too.
    const shown = (facts.findings ?? []).filter((finding) => !disclosure.withheld.has(finding.id));
    if (shown.length === 0)
        return;
    const plan = planAnnotations(shown, locations, settings.failOnSeverity, { ...budget, standings: facts.verdict?.standings }, { scanId: facts.scanId, sarifResults });
    for (const annotation of plan.annotations)
        frontEnd.annotate(annotation);
    if (plan.overflowNotice)
        frontEnd.annotate(plan.overflowNotice);
}


/***/ })

};

//# sourceMappingURL=809.index.js.map