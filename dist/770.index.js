export const id = 770;
export const ids = [770];
export const modules = {

/***/ 7038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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

/***/ 1770:
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
// EXTERNAL MODULE: ./src/report/sarif.ts
var report_sarif = __webpack_require__(5881);
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
async function writeSarifFile(path, findings, locations, context, maxGzippedBytes = report_sarif/* MAX_GZIPPED_BYTES */.XM) {
    for (let maxResults = report_sarif/* MAX_RESULTS_PER_RUN */.QW;;) {
        const sarif = (0,report_sarif/* sarifParts */.yO)(findings, locations, { ...context, maxResults });
        const written = sarif.resultCount;
        const gzippedBytes = await streamToFile(path, (0,report_sarif/* sarifChunks */.gP)(sarif));
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
        baselineStates: baselineStatesOf(findings, facts)
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
        const cap = `code scanning keeps at most ${(0,report_surfaces/* formatCount */.B4)(report_sarif/* MAX_RESULTS_PER_RUN */.QW)} results per upload, most severe first`;
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

//# sourceMappingURL=770.index.js.map