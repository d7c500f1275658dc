export const id = 697;
export const ids = [697];
export const modules = {

/***/ 5697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reportOutcome: () => (/* binding */ reportOutcome),
  v: () => (/* binding */ updateComment)
});

// EXTERNAL MODULE: ./src/report/check-run.ts
var check_run = __webpack_require__(2158);
// EXTERNAL MODULE: ./src/report/comment.ts
var report_comment = __webpack_require__(4231);
// EXTERNAL MODULE: ./src/report/outcome.ts
var report_outcome = __webpack_require__(5066);
// EXTERNAL MODULE: ./src/hacktron/types.ts
var types = __webpack_require__(3867);
// EXTERNAL MODULE: ./src/findings/severity.ts
var severity = __webpack_require__(5131);
;// CONCATENATED MODULE: ./src/report/outputs.ts
// The step's outputs, from what the run learned. Only values that are known are set.


function outputsOf(outcome, facts, sarifFile, checkRunId) {
    const outputs = {
        result: outcome.result,
        'error-code': outcome.errorCode ?? '',
        'sarif-file': sarifFile,
        'check-run-id': checkRunId === undefined ? '' : String(checkRunId),
        'skip-reason': outcome.skipReason ?? '',
        // Only a verdict is about a commit; a run that judged nothing names none.
        'judged-sha': facts.verdict && facts.judgedSha ? facts.judgedSha : ''
    };
    if (facts.estimation)
        outputs['cost-estimation-id'] = facts.estimation.id;
    if (facts.estimatedCredits !== undefined)
        outputs['estimated-credits'] = String(facts.estimatedCredits);
    if (facts.scanId)
        outputs['scan-id'] = facts.scanId;
    if (facts.scanStatus)
        outputs['scan-status'] = facts.scanStatus;
    if (facts.findings) {
        const counts = (0,severity/* countBySeverity */.Ot)(facts.findings);
        outputs['findings-total'] = String(facts.findings.length);
        for (const severity of types/* SEVERITIES */.oC)
            outputs[`findings-${severity}`] = String(counts[severity]);
    }
    const { verdict } = facts;
    if (verdict) {
        outputs['gating-findings'] = String(verdict.gating.length);
        if (verdict.newFindings !== undefined)
            outputs['new-findings'] = String(verdict.newFindings);
        if (verdict.scope.baselineScanId)
            outputs['baseline-scan-id'] = verdict.scope.baselineScanId;
    }
    return outputs;
}

// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
// EXTERNAL MODULE: ./src/run/run-state.ts
var run_state = __webpack_require__(9184);
;// CONCATENATED MODULE: ./src/run/report-outcome.ts
// Reports how the run ended, to every sink of the front end, in one order: the outputs, the
// findings' files and annotations, the run's one annotation, the summary, the PR comment and the
// check run; then the front end ends the run.






async function reportOutcome(outcome, state) {
    const { facts, settings, logger, frontEnd, connections } = state;
    let reports;
    // SARIF building and the annotations load only for a run that has findings to report.
    const reporting = settings && facts.findings ? await __webpack_require__.e(/* import() */ 809).then(__webpack_require__.bind(__webpack_require__, 1809)) : undefined;
    if (settings && reporting) {
        try {
            reports = await reporting.prepareFindingReports(facts, settings, frontEnd.workspace, logger);
        }
        catch (error) {
            logger.warning(`Hacktron: could not write the SARIF file: ${String(error)}`);
        }
    }
    frontEnd.setOutputs(outputsOf(outcome, facts, reports?.sarifFile ?? '', connections?.checkRun?.id));
    const used = { error: 0, warning: 0, notice: logger.notices };
    const level = annotateOutcome(outcome, state);
    if (level)
        used[level]++;
    if (settings && reports && reporting && connections) {
        reporting.annotateFindings(facts, settings, reports.locations, {
            maxAnnotations: connections.maxFindingAnnotations,
            alreadyUsed: { ...used, warning: used.warning + logger.warnings }
        }, frontEnd);
    }
    logger.info(`Result: ${outcome.result}${outcome.errorCode ? ` (${outcome.errorCode})` : ''}`);
    const context = (0,run_state/* summaryContext */.u$)(settings, reports);
    await frontEnd.writeSummary((0,summary/* renderSummary */.Br)(outcome, facts, context));
    await updateComment(state, outcome, reports);
    const record = (0,run_state/* runRecordOf */.GH)(state);
    if (outcome.result === 'started') {
        // Mode start judged nothing: the check stays in progress (branch protection keeps waiting)
        // until the mode: wait job, which reports on the same commit, completes its own.
        await connections?.checkRun?.show((0,check_run/* startedCheckRunOutput */._x)(facts), record);
    }
    else {
        const locations = reports?.locations ?? new Map();
        const cancelled = frontEnd.cancellation.aborted;
        await connections?.checkRun?.complete((0,check_run/* completedCheckRun */.Hu)(outcome, facts, context, locations, cancelled), record);
    }
    frontEnd.finish(outcome);
}
/** The run's one annotation: an error when the step fails, a notice for a skip, else a warning. */
function annotateOutcome(outcome, state) {
    const { annotation } = outcome;
    if (!annotation)
        return undefined;
    const level = (0,report_outcome/* stepFails */.u)(outcome) ? 'error' : outcome.result === 'skipped' ? 'notice' : 'warning';
    state.frontEnd.annotate({ level, title: annotation.title, message: annotation.message });
    return level;
}
/** The PR comment at each phase (no outcome yet) and at the end. */
async function updateComment(state, outcome, reports) {
    const comment = state.connections?.comment;
    if (!comment)
        return;
    // pr-comment: on-failure creates the comment only for a run that needs the reviewer's eyes,
    // but keeps one that exists current, so a fixed PR shows that it now passes.
    const needsEyes = outcome !== undefined && ((0,report_outcome/* stepFails */.u)(outcome) || outcome.result === 'timed-out');
    const body = (0,report_comment/* renderComment */.wQ)(comment.marker, state.facts, (0,run_state/* summaryContext */.u$)(state.settings, reports), outcome, (0,run_state/* runRecordOf */.GH)(state));
    await comment.write(body, { mayCreate: comment.createsAlways || needsEyes });
}


/***/ })

};

//# sourceMappingURL=697.index.js.map