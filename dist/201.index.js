export const id = 201;
export const ids = [201];
export const modules = {

/***/ 7201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  requestPolicyOutcome: () => (/* binding */ requestPolicyOutcome)
});

// UNUSED EXPORTS: labelDecision, notRequestedOutcome, pathsDecision

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/flow/scan-paths.ts
// `scan-paths`: which changed files ask for a scan, by GitHub's `on.push.paths` rules. Patterns
// are checked in order: a file matching a pattern is included, one matching a later `!` pattern
// is excluded again, and a still later pattern re-includes it. `*` stops at `/`, `**` crosses it,
// dot files match, `?` and `+` quantify the character (or `[class]`) before them, `\` escapes.
// picomatch does the matching; this module only translates GitHub's syntax into picomatch's where
// the two differ (`?`, `+`, a `**` inside a path segment, and characters picomatch would read as
// braces or extglobs, which GitHub reads literally). Pure.

/** The filter of `patterns` (one per line of the input, already trimmed). */
function pathFilter(patterns) {
    const rules = patterns.map((pattern) => {
        const exclude = pattern.startsWith('!');
        const glob = toPicomatch(exclude ? pattern.slice(1) : pattern);
        // `windows: false`: the paths are GitHub's, `/`-separated, whatever the runner's system, and
        // `\` stays an escape.
        return { exclude, test: picomatch_default()(glob, { dot: true, windows: false }) };
    });
    return (path) => {
        let included = false;
        for (const rule of rules) {
            // Only a rule that could change the answer is tried: an include while excluded, and back.
            if (rule.exclude === included && rule.test(path))
                included = !rule.exclude;
        }
        return included;
    };
}
/** The files of `files` that ask for a scan, in their order. */
function matchingFiles(patterns, files) {
    const filter = pathFilter(patterns);
    return files.filter((file) => filter(file));
}
/** Characters picomatch reads as syntax that GitHub's path patterns read literally. */
const PICOMATCH_SYNTAX = /[\\*?+[\]{}()|@!^$,]/;
/** One pattern (without its leading `!`) in picomatch's syntax, matching what GitHub matches. */
function toPicomatch(glob) {
    const atoms = [];
    for (let at = 0; at < glob.length; at++) {
        const char = glob.charAt(at);
        if (char === '\\') {
            atoms.push(literal(at + 1 < glob.length ? glob.charAt(++at) : '\\'));
        }
        else if (char === '[') {
            const end = glob.indexOf(']', at + 1);
            if (end > at + 1) {
                atoms.push({ text: glob.slice(at, end + 1), quantifiable: true });
                at = end;
            }
            else
                atoms.push(literal(char));
        }
        else if (char === '*') {
            let end = at;
            while (glob.charAt(end + 1) === '*')
                end++;
            atoms.push({ text: stars(glob, at, end), quantifiable: false });
            at = end;
        }
        else if (char === '?' || char === '+') {
            quantify(atoms, char);
        }
        else
            atoms.push(literal(char));
    }
    return atoms.map((atom) => atom.text).join('');
}
/**
 * GitHub's `?` (zero or one) and `+` (one or more) of the character or class before them, as
 * picomatch's extglobs. After a wildcard there is nothing left to quantify; at the very start
 * there is nothing to quantify, so the character is literal.
 */
function quantify(atoms, char) {
    const last = atoms.at(-1);
    if (last === undefined)
        atoms.push(literal(char));
    else if (last.quantifiable)
        atoms[atoms.length - 1] = { text: `${char}(${last.text})`, quantifiable: false };
}
/**
 * `*` is any characters but `/`. Two or more are any characters at all: picomatch's `**` when
 * they are a whole path segment, else (`**.js`, `src**`) the same spelled out for picomatch, which
 * reads a `**` inside a segment as a `*`.
 */
function stars(glob, start, end) {
    if (start === end)
        return '*';
    const segmentStart = start === 0 || glob.charAt(start - 1) === '/';
    const segmentEnd = end === glob.length - 1 || glob.charAt(end + 1) === '/';
    return segmentStart && segmentEnd ? '**' : '{*,*/**/*}';
}
function literal(char) {
    return { text: PICOMATCH_SYNTAX.test(char) ? `\\${char}` : char, quantifiable: true };
}

;// CONCATENATED MODULE: ./src/run/scan-request.ts

/**
 * `scan-label` against the PR's labels (GitHub's label names are unique whatever their case, so
 * the case is ignored). Labels the event does not give count as missing: no spend unchecked.
 */
function labelDecision(scanLabel, labels) {
    const wanted = scanLabel.toLowerCase();
    if (labels?.some((label) => label.toLowerCase() === wanted)) {
        return { requested: `scan-label: the pull request carries the label "${scanLabel}".` };
    }
    return { missing: 'label', label: scanLabel };
}
/**
 * `scan-paths` against the files the event changes: `undefined` when the platform cannot list
 * them, a string when reading them failed (why).
 */
function pathsDecision(patterns, changed) {
    const anyway = 'counted as requested (a change that cannot be seen in full is scanned)';
    if (changed === undefined) {
        return { requested: `scan-paths: this event does not say which files it changes; ${anyway}.` };
    }
    if (typeof changed === 'string') {
        return { requested: `scan-paths: the changed files could not be read (${changed}); ${anyway}.` };
    }
    const matching = matchingFiles(patterns, changed.files);
    if (matching.length > 0) {
        const shown = matching.slice(0, 5).join(', ');
        const more = matching.length > 5 ? ` and ${matching.length - 5} more` : '';
        return {
            requested: `scan-paths: ${matching.length} of the ${changed.files.length} changed files match (${shown}${more}).`
        };
    }
    if (!changed.complete) {
        return {
            requested: `scan-paths: none of the ${changed.files.length} listed files match, but the list is incomplete (${changed.why ?? 'cut short'}); ${anyway}.`
        };
    }
    return { missing: 'paths', patterns, changedFiles: changed.files.length };
}
/**
 * The outcome of a run the workflow did not ask for, or undefined when it did (the log says why).
 * The label comes first: a PR without it needs no file list read.
 */
async function requestPolicyOutcome(policy, changes, logger) {
    if (policy.scanLabel !== undefined) {
        const byLabel = labelDecision(policy.scanLabel, policy.event.labels);
        if (!('requested' in byLabel))
            return notRequestedOutcome(byLabel, policy);
        logger.info(byLabel.requested);
    }
    if (policy.scanPaths.length > 0) {
        const byPaths = pathsDecision(policy.scanPaths, await readChanges(changes));
        if (!('requested' in byPaths))
            return notRequestedOutcome(byPaths, policy);
        logger.info(byPaths.requested);
    }
    return undefined;
}
async function readChanges(changes) {
    if (!changes)
        return undefined;
    try {
        return await changes.changedFiles();
    }
    catch (error) {
        return error instanceof Error ? error.message : String(error);
    }
}
const PATTERNS_SHOWN = 10;
/** The skipped outcome: the notice says what was not asked for, and how to ask. */
function notRequestedOutcome(notRequested, policy) {
    const { event, notRequestedConclusion } = policy;
    const subject = event.pullRequestNumber !== undefined
        ? 'This pull request'
        : event.name === 'push'
            ? 'This push'
            : 'This change';
    const nothingSent = 'so no scan was requested: nothing was sent to Hacktron and nothing was spent.';
    const conclusion = conclusionSentence(notRequestedConclusion);
    if (notRequested.missing === 'label') {
        const { label } = notRequested;
        return notRequestedRunOutcome(`no "${label}" label`, `${subject} does not carry the label "${label}" (scan-label), ${nothingSent} ` +
            `To scan it, add the label "${label}" to the pull request: the run its labeled event starts scans it ` +
            `(a re-run of this job would not, as it sees the labels its own event had). ${conclusion}`, notRequestedConclusion);
    }
    const { patterns, changedFiles } = notRequested;
    const shown = patterns.slice(0, PATTERNS_SHOWN).map((pattern) => `"${pattern}"`);
    const more = patterns.length > PATTERNS_SHOWN ? ` and ${patterns.length - PATTERNS_SHOWN} more` : '';
    const files = `${changedFiles} changed file${changedFiles === 1 ? '' : 's'}, none matching`;
    return notRequestedRunOutcome('no changed file matches scan-paths', `${subject} changes no file matching scan-paths (${shown.join(', ')}${more}; ${files}), ${nothingSent} ` +
        `A change to a matching file is scanned; to scan this one, widen scan-paths in the workflow. ${conclusion}`, notRequestedConclusion);
}
function notRequestedRunOutcome(what, message, notRequestedConclusion) {
    return {
        result: 'skipped',
        skipReason: 'not-requested',
        notRequestedConclusion,
        annotation: { title: `Hacktron: scan not requested (${what})`, message }
    };
}
function conclusionSentence(conclusion) {
    return conclusion === 'action_required'
        ? 'The check run concludes action_required (not-requested-conclusion), which branch protection does not accept: where the check is required, the merge waits for a requested scan that passes.'
        : 'The check run concludes skipped, which branch protection accepts (with not-requested-conclusion: action_required it would not).';
}


/***/ })

};

//# sourceMappingURL=201.index.js.map