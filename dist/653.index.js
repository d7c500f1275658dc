export const id = 653;
export const ids = [653];
export const modules = {

/***/ 1653:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runTriage: () => (/* binding */ runTriage)
});

// EXTERNAL MODULE: ./src/common/config-error.ts
var config_error = __webpack_require__(3064);
// EXTERNAL MODULE: ./src/flow/earlier-triage.ts
var earlier_triage = __webpack_require__(8745);
// EXTERNAL MODULE: ./src/flow/gate.ts
var flow_gate = __webpack_require__(6613);
// EXTERNAL MODULE: ./src/flow/gate-scope.ts + 2 modules
var gate_scope = __webpack_require__(9327);
// EXTERNAL MODULE: ./src/flow/read-findings.ts + 1 modules
var read_findings = __webpack_require__(3082);
// EXTERNAL MODULE: ./src/flow/run-record.ts
var run_record = __webpack_require__(8851);
// EXTERNAL MODULE: ./src/common/text.ts
var common_text = __webpack_require__(2450);
// EXTERNAL MODULE: ./src/flow/types.ts
var types = __webpack_require__(3721);
;// CONCATENATED MODULE: ./src/flow/triage-command.ts
// `/hacktron` triage commands on a pull request, read strictly from a comment's first line, and
// the rules around them that need no platform: who the comment counts as (a bot, an edit), how a
// platform's role compares with the least permission a command needs, which finding of a scan a
// short id names, and the reason Hacktron records. Pure: the triage run (src/run/triage-run.ts)
// asks the platform and Hacktron.


const TRIAGE_VERBS = ['fp', 'accept', 'confirm', 'reopen'];
/** The state each verb sets. */
const STATE_OF_VERB = {
    fp: 'false_positive',
    accept: 'accepted_risk',
    confirm: 'true_positive',
    reopen: 'open'
};
/** Verbs whose reason is required (they make a finding stop gating). */
const NEEDS_REASON = new Set(['fp', 'accept']);
const MIN_ID_DIGITS = 8;
const MAX_REASON_CHARS = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COMMAND_PREFIX = '/hacktron';
const USAGE = '`/hacktron fp <finding> <reason>`, `/hacktron accept <finding> <reason>`, ' +
    '`/hacktron confirm <finding> [reason]` or `/hacktron reopen <finding> [reason]`, on the first line, ' +
    "where `<finding>` is the short id the report prints (at least 8 hex digits) or the finding's full id";
const isInvalid = (parsed) => 'invalid' in parsed;
/** The command in `comment`, or undefined when the comment asks for nothing. */
function commandOf(comment) {
    if (!comment || comment.action !== 'created' || !comment.onPullRequest)
        return undefined;
    if (comment.authorIsBot || /\[bot\]$/i.test(comment.authorLogin))
        return undefined;
    return parseCommand(comment.body.split(/\r?\n/, 1)[0] ?? '');
}
/** The command on one line: undefined unless the line starts with the word `/hacktron`. */
function parseCommand(line) {
    const words = line.trim().split(/\s+/);
    // Exactly, not case-folded: lower-casing maps lookalikes (the Kelvin sign to `k`) onto it.
    if (words[0] !== COMMAND_PREFIX)
        return undefined;
    const [, verbWord = '', finding = '', ...rest] = words;
    const verb = TRIAGE_VERBS.find((known) => known === verbWord);
    if (!verb)
        return { invalid: `the command must be one of ${USAGE}` };
    const id = findingToken(finding);
    if (id === undefined) {
        return {
            verb,
            invalid: `\`/hacktron ${verb}\` needs the finding's short id (at least ${MIN_ID_DIGITS} hex digits) or its full id; ${USAGE}`
        };
    }
    const reason = rest.join(' ');
    if (reason === '' && NEEDS_REASON.has(verb)) {
        return { verb, invalid: `\`/hacktron ${verb}\` needs a reason after the finding's id` };
    }
    if ([...reason].length > MAX_REASON_CHARS) {
        return { verb, invalid: `the reason is longer than ${MAX_REASON_CHARS} characters` };
    }
    return { verb, finding: id, reason };
}
/** A short id (≥ 8 hex digits) or a full UUID, lower case; undefined for anything else. */
function findingToken(word) {
    const lower = word.toLowerCase();
    if (UUID.test(lower))
        return lower;
    return /^[0-9a-f]+$/.test(lower) && lower.length >= MIN_ID_DIGITS && lower.length <= 32
        ? lower
        : undefined;
}
/** `role_name` when given, else `permission`; an unknown (custom) role counts as `read`. */
function permissionOf(answer) {
    const word = (answer.roleName || answer.permission || '').toLowerCase();
    if (word === 'none' || word === '')
        return 'none';
    // GitHub's older names for the same roles.
    const named = word === 'pull' ? 'read' : word === 'push' ? 'write' : word;
    return types/* PERMISSIONS */.Jj.find((permission) => permission === named) ?? 'read';
}
/** Whether `have` is at least `need` (read < triage < write < maintain < admin). */
function reaches(have, need) {
    return have !== 'none' && types/* PERMISSIONS */.Jj.indexOf(have) >= types/* PERMISSIONS */.Jj.indexOf(need);
}
/** The finding `token` names among `findings`: by full id, or by a unique prefix of its hex digits. */
function findingNamed(token, findings) {
    const digits = token.replace(/-/g, '');
    const matches = findings.filter((finding) => finding.id.toLowerCase().replace(/-/g, '').startsWith(digits));
    if (matches.length === 0)
        return 'unknown';
    return matches.length === 1 ? matches[0] : 'ambiguous';
}
/** What Hacktron records (the state's reason and the thread's comment): who, where, why. */
function triageReasonText(command, who) {
    // Made inert for Hacktron's audit trail: a reason cannot fake a line of its own (no line
    // breaks) nor turn "by GitHub user X" around (no direction-changing characters).
    const reason = (0,common_text/* inert */.tJ)(command.reason, MAX_REASON_CHARS);
    const why = reason === '' ? '' : `: ${reason}`;
    return `${STATE_OF_VERB[command.verb]} by GitHub user ${(0,common_text/* inert */.tJ)(who.login, 100)} (/hacktron ${command.verb}, ${(0,common_text/* inert */.tJ)(who.commentUrl, 300)})${why}`;
}

// EXTERNAL MODULE: ./src/hacktron/timing.ts
var timing = __webpack_require__(2054);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/run/outcome.ts + 1 modules
var outcome = __webpack_require__(9003);
;// CONCATENATED MODULE: ./src/run/triage-run.ts
// A `/hacktron` triage command on a pull request (issue_comment): the commenter's authority first,
// then the scan recorded (and verified) for the PR's current head, the finding in it, the state
// set in Hacktron with an audited reason, and the gate judged again on that same scan with the
// gate settings the PR run recorded (never this workflow's own), reported to the check run and
// the PR comment that run wrote. No estimate, no scan, no credits; nothing read from the checkout
// (this workflow runs with secrets, on a PR that may come from a fork).










/** The triage run reads no checkout: its reports place findings without one. */
const NO_CHECKOUT = {
    root: '/nonexistent-checkout',
    readFile: () => undefined,
    fileExists: () => false
};
const NOT_A_COMMAND = { result: 'skipped', skipReason: 'not-requested' };
/** Why a command is refused, said on the PR: never a finding's title or path. */
class Refusal {
    why;
    constructor(why) {
        this.why = why;
    }
}
async function runTriage(settings, state, runtime) {
    const comment = settings.event.comment;
    const parsed = settings.triage.enabled ? commandOf(comment) : undefined;
    if (!parsed || !comment || settings.event.pullRequestNumber === undefined) {
        state.logger.info('Hacktron: this comment is no /hacktron command to act on (or triage is off): nothing to do.');
        return NOT_A_COMMAND;
    }
    if (settings.apiKey === '')
        return (0,outcome/* missingKeyOutcome */.eh)(settings, state.facts);
    state.workspace = NO_CHECKOUT;
    const { triage, repositoryIsPublic } = await state.frontEnd.connect(settings, state.logger);
    // Nothing is written to the PR's reports unless the command is carried out.
    state.connections = { maxFindingAnnotations: 0, repositoryIsPublic };
    if (!triage) {
        throw new config_error/* ConfigError */.x('github-token', 'A /hacktron command needs github-token to read the pull request and answer on it.');
    }
    try {
        const pr = await triage.readPullRequest();
        await checkAuthority(comment, pr, settings, triage, parsed.verb);
        if (isInvalid(parsed))
            throw new Refusal(`${parsed.invalid}.`);
        return await carryOut(parsed, { settings, state, runtime, triage, pr, comment });
    }
    catch (error) {
        if (!(error instanceof Refusal))
            throw error;
        return refuse(error.why, triage, state);
    }
}
/** The commenter's permission (and four eyes), before any finding is looked up. */
async function checkAuthority(comment, pr, settings, triage, verb) {
    const need = verb === 'accept' ? settings.triage.acceptPermission : settings.triage.permission;
    const input = verb === 'accept' ? 'accept-permission' : 'triage-permission';
    const have = permissionOf(await triage.permission(comment.authorLogin));
    if (!reaches(have, need)) {
        throw new Refusal(`${(0,markdown/* inlineText */.ln)(comment.authorLogin, 100)} has ${have === 'none' ? 'no' : `the ${have}`} permission on this repository; ` +
            `${verb ? `\`/hacktron ${verb}\`` : 'a /hacktron command'} needs ${need} or above (\`${input}\`). ` +
            `Ask someone with ${need} permission to run it.`);
    }
    if (settings.triage.ownPr)
        return;
    const fourEyes = 'ask another reviewer with the permission to run the command, or set `triage-own-pr: true` in the triage workflow.';
    if (sameLogin(comment.authorLogin, pr.author)) {
        throw new Refusal(`The pull request's author may not triage its findings (four eyes): ${fourEyes}`);
    }
    // Nor may whoever wrote its code, on someone else's PR.
    const authors = await triage.commitAuthors();
    if (authors.logins.some((login) => sameLogin(comment.authorLogin, login))) {
        throw new Refusal(`${(0,markdown/* inlineText */.ln)(comment.authorLogin, 100)} wrote commits of this pull request and may not triage its findings (four eyes): ${fourEyes}`);
    }
    if (!authors.complete) {
        throw new Refusal(`The pull request has more commits than GitHub lists, so who wrote them cannot be told (four eyes): ${fourEyes}`);
    }
}
async function carryOut(command, context) {
    const { settings, state, triage, pr, comment } = context;
    const recorded = await verifiedRecord(context);
    const client = context.runtime.createClient(settings, state.logger);
    const deps = readerDeps(context, client);
    const { findings, lines } = await (0,read_findings/* readScanFindings */.Ig)(recorded.record.scanId, deps);
    const finding = findingNamed(command.finding, findings);
    if (typeof finding === 'string') {
        throw new Refusal(finding === 'ambiguous'
            ? `${(0,markdown/* inlineCode */.ti)(command.finding)} names more than one finding of scan ${recorded.record.scanId}: give more digits, or the full id.`
            : `No finding of scan ${recorded.record.scanId} (the one recorded for head commit ${pr.headSha}) has the id ${(0,markdown/* inlineCode */.ti)(command.finding)}. ` +
                'Use a short id from the report on this pull request (a finding of another scan or commit cannot be triaged here).');
    }
    const state_ = STATE_OF_VERB[command.verb];
    const triaged = findings.map((each) => each.id === finding.id ? { ...each, state: state_ } : each);
    // The triage the PR run carried over from its previous scan, as it stands after the command. A
    // command that makes the finding block (confirm, reopen) revokes one carried over to it: the
    // previous scan's finding is set too, so no later run carries it over again.
    const carried = new Map(await carriedTriage(recorded.record, recorded.reports, triaged, context, deps));
    const revoked = carried.get(finding.id);
    if (finding.state === state_ && !revoked) {
        await answer(triage, state, '+1', `Finding ${(0,markdown/* inlineCode */.ti)(command.finding)} is already \`${state_}\`: nothing changed.`);
        return { result: 'triaged', annotation: triagedNote(command, 'already in that state') };
    }
    if (finding.state !== state_)
        await setState(client, finding.id, command, comment, state);
    if (revoked) {
        await setState(client, revoked.earlierFindingId, command, comment, state);
        carried.delete(finding.id);
    }
    await rejudge(context, recorded, triaged, lines, carried);
    const verdict = state.facts.verdict?.passed ? 'passes' : 'still fails';
    const alsoEarlier = revoked
        ? " The same finding of this pull request's previous scan, whose triage had carried over to it, is set so too."
        : '';
    await answer(triage, state, '+1', `Finding ${(0,markdown/* inlineCode */.ti)(command.finding)} is now \`${state_}\` in Hacktron ` +
        `(by ${(0,markdown/* inlineText */.ln)(comment.authorLogin, 100)}; recorded in its audit trail).${alsoEarlier} The gate, judged again on scan ${recorded.record.scanId}, ${verdict}.`);
    return { result: 'triaged', annotation: triagedNote(command, `the gate ${verdict}`) };
}
/**
 * The triage the PR run kept from the PR's previous scan (the one its sealed comment record
 * names), asked again for `findings`: the re-judge must see what the PR run saw.
 */
async function carriedTriage(recorded, reports, findings, context, deps) {
    const from = reports.find((report) => report.record.carriedFrom)?.record.carriedFrom;
    context.state.facts.triageCarriedFrom = from;
    const current = { scanId: recorded.scanId, headSha: context.pr.headSha };
    // The PR run's own guards: never the scan or the commit judged now.
    if (!from || from.scanId === current.scanId || from.headSha === current.headSha)
        return new Map();
    return (0,earlier_triage/* triageKeptFrom */.lg)(from, current, findings, deps);
}
/** The record of the PR's current head whose seal verifies, with the gate it was judged with. */
async function verifiedRecord(context) {
    const { settings, triage, pr, state } = context;
    const seal = (0,run_record/* recordSeal */.Dd)(settings.apiKey, settings.event);
    state.recordSeal = seal;
    const found = await triage.recordedReports(pr.headSha);
    const verified = found.filter((report) => report.record.headSha.toLowerCase() === pr.headSha.toLowerCase() &&
        (0,run_record/* recordedGate */.oG)(report.record, seal) !== undefined &&
        isInItsPlace(report) &&
        report.record.base === (0,run_record/* baseDigest */.sL)(pr.baseBranch ?? ''));
    if (verified.length < found.length) {
        state.logger.info(`Hacktron: ${found.length - verified.length} run record(s) on ${pr.headSha} carry no verdict, no seal that verifies, a check run not their own, or another base branch: ignored.`);
    }
    // The newest check run (the highest id) is the one branch protection reads: its record first.
    const newestCheckRun = verified
        .filter((report) => report.checkRun)
        .sort((a, b) => (b.checkRun?.id ?? 0) - (a.checkRun?.id ?? 0))[0];
    const first = newestCheckRun ?? verified[0];
    const gate = first && (0,run_record/* recordedGate */.oG)(first.record, seal);
    if (!first || !gate) {
        throw new Refusal(`No verified Hacktron verdict is recorded for the pull request's head commit ${pr.headSha} ` +
            `into ${(0,markdown/* inlineCode */.ti)(pr.baseBranch ?? '?')}: let the pull request job run (and finish) on this commit ` +
            '(again, if the pull request was retargeted since), then run the command again.');
    }
    const reports = verified.filter((report) => report.record.scanId === first.record.scanId);
    return { record: first.record, gate, reports };
}
/**
 * A check run's record names that check run under its seal: a genuine record copied onto a decoy
 * check run of the same name is not the decoy's, and a triage never updates the decoy.
 */
function isInItsPlace(report) {
    return report.checkRun === undefined || report.record.checkRunId === report.checkRun.id;
}
function readerDeps(context, client) {
    const { runtime, state, settings, triage, pr } = context;
    return {
        client,
        logger: state.logger,
        clock: runtime.clock,
        random: runtime.random,
        signal: state.frontEnd.cancellation,
        pullRequest: triage.pullRequestReader(pr),
        // Lines from the SARIF export only: never from the checkout.
        findingsReading: { pacing: (0,timing/* findingsPagePacing */.O6)(settings.testMode) }
    };
}
/** The state and the same text in the finding's thread, both in Hacktron's audit trail. */
async function setState(client, findingId, command, comment, state) {
    if (!client.updateFinding || !client.addFindingComment) {
        throw new Error('this Hacktron client cannot triage findings');
    }
    const reason = triageReasonText(command, { login: comment.authorLogin, commentUrl: comment.url });
    await client.updateFinding(findingId, { state: STATE_OF_VERB[command.verb], reason });
    try {
        await client.addFindingComment(findingId, reason);
    }
    catch (error) {
        // The state is set, with its reason; the thread's copy is not sent twice blindly.
        state.logger.warning(`Hacktron: the finding's state was set, but its comment could not be added (${error instanceof Error ? error.message : String(error)}).`);
    }
}
/** The gate on the recorded scan again, with the recorded settings, for the PR run's reports. */
async function rejudge(context, recorded, findings, lines, carried) {
    const { settings, state, triage, pr, runtime } = context;
    const { gate, record } = recorded;
    const deps = readerDeps(context, runtime.createClient(settings, state.logger));
    const scope = await (0,gate_scope/* decideGateScope */.Q)({
        scope: gate.gateScope,
        scanId: record.scanId,
        baselineScanId: gate.baselineScanId,
        repositoryUrl: settings.baselineRepositoryUrl,
        baseBranch: pr.baseBranch,
        baseSha: pr.baseSha,
        isPullRequest: true,
        branches: settings.baselineBranches,
        maxAgeMs: settings.baselineMaxAgeMs
    }, findings, deps);
    Object.assign(state.facts, {
        scanId: record.scanId,
        scanStatus: 'completed',
        findings,
        findingLines: lines,
        verdict: (0,flow_gate/* evaluateGate */.DR)(findings, gate.failOnSeverity, { ...scope, earlierTriage: carried }),
        judgedSha: pr.headSha,
        phase: 'done'
    });
    state.settings = rejudgedSettings(settings, gate, pr);
    state.recordScope = record.scope;
    const checkRun = recorded.reports.find((report) => report.checkRun)?.checkRun;
    const marker = recorded.reports.find((report) => report.commentMarker)?.commentMarker;
    state.connections = {
        ...state.connections,
        maxFindingAnnotations: 0,
        checkRun: checkRun && triage.checkRunAt(checkRun, pr.headSha),
        comment: marker === undefined ? undefined : triage.commentAt(marker)
    };
}
/** The settings the reports are written with: the recorded gate, the PR's head, no SARIF file. */
function rejudgedSettings(settings, gate, pr) {
    return {
        ...settings,
        failOnSeverity: gate.failOnSeverity,
        gateScope: gate.gateScope,
        baselineScanId: gate.baselineScanId,
        sarifFile: '',
        maxCreditsPerPr: undefined,
        event: {
            ...settings.event,
            headSha: pr.headSha,
            branch: pr.headBranch,
            baseBranch: pr.baseBranch,
            baseSha: pr.baseSha
        }
    };
}
async function refuse(why, triage, state) {
    await answer(triage, state, '-1', `Not triaged: ${why}`);
    return {
        result: 'skipped',
        skipReason: 'not-requested',
        annotation: { title: 'Hacktron: triage command refused', message: why }
    };
}
/** A reaction on the command and a reply on the PR; a token that cannot is a warning. */
async function answer(triage, state, reaction, text) {
    for (const [what, send] of [
        ['react to the command', () => triage.react(reaction)],
        ['reply on the pull request', () => triage.reply(`**Hacktron**: ${text}`)]
    ]) {
        try {
            await send();
        }
        catch (error) {
            state.logger.warning(`Hacktron: could not ${what} (${error instanceof Error ? error.message : String(error)}): give the job "permissions: pull-requests: write".`);
        }
    }
}
function triagedNote(command, how) {
    return {
        title: 'Hacktron: finding triaged',
        message: `/hacktron ${command.verb} ${command.finding}: ${how}.`
    };
}
function sameLogin(a, b) {
    return a !== '' && a.toLowerCase() === b.toLowerCase();
}


/***/ })

};

//# sourceMappingURL=653.index.js.map