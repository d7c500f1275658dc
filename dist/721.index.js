export const id = 721;
export const ids = [721];
export const modules = {

/***/ 5721:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  githubConnections: () => (/* binding */ githubConnections)
});

;// CONCATENATED MODULE: ./src/action/github/octokit.ts
const clients = new Map();
function octokitFor(token) {
    let client = clients.get(token);
    if (!client) {
        client = __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413)).then(({ getOctokit: create }) => create(token));
        clients.set(token, client);
    }
    return client;
}

;// CONCATENATED MODULE: ./src/action/github/check-runs.ts

async function githubCheckRuns(where) {
    const octokit = await octokitFor(where.token);
    const repo = { owner: where.owner, repo: where.repo };
    return {
        create: async ({ name, headSha, output }) => (await octokit.rest.checks.create({
            ...repo,
            name,
            head_sha: headSha,
            status: 'in_progress',
            started_at: new Date().toISOString(),
            output
        })).data.id,
        update: async (id, { externalId, conclusion, output }) => {
            await octokit.rest.checks.update({
                ...repo,
                check_run_id: id,
                ...(externalId !== undefined && { external_id: externalId }),
                ...(conclusion !== undefined && {
                    status: 'completed',
                    conclusion: conclusion,
                    completed_at: new Date().toISOString()
                }),
                output: { ...output, annotations: output.annotations && [...output.annotations] }
            });
        },
        listForRef: async (headSha, name) => (await octokit.paginate(octokit.rest.checks.listForRef, {
            ...repo,
            ref: headSha,
            check_name: name,
            filter: 'all',
            per_page: 100
        })).map((run) => ({ id: run.id, externalId: run.external_id }))
    };
}

// EXTERNAL MODULE: ./src/common/finding-marker.ts
var finding_marker = __webpack_require__(5583);
;// CONCATENATED MODULE: ./src/action/github/code-scanning.ts
// Code scanning alerts read through GitHub's REST API (`security-events: read`): one alert (GET
// /repos/{owner}/{repo}/code-scanning/alerts/{number}) for a code_scanning_alert event, or the
// ones of Hacktron's tool dismissed lately (GET .../code-scanning/alerts) for a sync. The
// webhook's alert carries no SARIF properties, so the finding id is read from the most recent
// instance's message, as the API gives it now.


function githubCodeScanningAlerts(where) {
    return async (alertNumber) => {
        const octokit = await octokitOf(where);
        const { data } = await octokit.rest.codeScanning.getAlert({
            owner: where.owner,
            repo: where.repo,
            alert_number: alertNumber
        });
        return alertOf(data);
    };
}
/** The client for `where`; throws without a token or a repository to read with. */
async function octokitOf(where) {
    if (where.token === '' || where.owner === '' || where.repo === '') {
        throw new Error('no github-token or repository to read code scanning alerts with');
    }
    return octokitFor(where.token);
}
/** At most this many pages of 100 alerts are read by one sync (newest updated first). */
const MAX_SYNC_PAGES = 10;
/**
 * The alerts of Hacktron's tool that are dismissed and were updated since `since` (a dismissal
 * updates an alert), newest first: GitHub sorts by update time, so the reading stops at the
 * first page that reaches past `since`.
 */
function githubRecentDismissals(where) {
    return async (since) => {
        const octokit = await octokitOf(where);
        const alerts = [];
        let pages = 0;
        for await (const { data } of octokit.paginate.iterator(octokit.rest.codeScanning.listAlertsForRepo, {
            owner: where.owner,
            repo: where.repo,
            tool_name: finding_marker/* HACKTRON_TOOL_NAME */.If,
            state: 'dismissed',
            sort: 'updated',
            direction: 'desc',
            per_page: 100
        })) {
            // An alert without a time to tell counts as recent: it is read, not the end of the list.
            const recent = data.filter((alert) => !(Date.parse(alert.updated_at ?? '') < since.getTime()));
            alerts.push(...recent.map(alertOf));
            if (recent.length < data.length)
                return { alerts, complete: true };
            if (++pages === MAX_SYNC_PAGES)
                return { alerts, complete: false };
        }
        return { alerts, complete: true };
    };
}
function alertOf(data) {
    return {
        number: data.number,
        state: String(data.state ?? ''),
        htmlUrl: data.html_url,
        toolName: data.tool?.name ?? null,
        messageText: data.most_recent_instance?.message?.text ?? null,
        dismissedReason: data.dismissed_reason ?? null,
        dismissedComment: data.dismissed_comment ?? null,
        dismissedBy: data.dismissed_by?.login ?? null,
        dismissedAt: data.dismissed_at ?? null,
        updatedAt: data.updated_at ?? null
    };
}

;// CONCATENATED MODULE: ./src/action/github/event-changes.ts

/** A push payload lists at most 20 commits (a longer push is read from the compare API). */
const MAX_PAYLOAD_COMMITS = 20;
/** A push payload lists at most 3,000 files per commit. */
const MAX_PAYLOAD_COMMIT_FILES = 3000;
/** The compare API lists at most 300 files for a whole comparison. */
const MAX_COMPARE_FILES = 300;
const NO_COMMIT = /^0+$/;
/**
 * A push's files: its payload's when it surely lists them all (fewer than 20 commits, none of
 * them with an empty or a capped file list, not forced), else a comparison of the commit before
 * the push (a new branch: the default branch) with the one after.
 */
function pushChangeSource(payload, defaultBranch) {
    // A deleted branch has no code left to scan.
    if (payload.deleted === true)
        return { listed: { files: [], complete: true } };
    const listed = listedFiles(payload);
    if (listed)
        return { listed };
    const head = commitOf(payload.after);
    if (!head)
        return { unknown: 'the push event names no commit after the push' };
    const before = commitOf(payload.before);
    const base = payload.created === true || !before ? defaultBranch : before;
    if (!base) {
        return {
            unknown: 'the push creates a branch and the event names no default branch to compare with'
        };
    }
    return { compare: { base, head } };
}
function listedFiles(payload) {
    const commits = payload.commits ?? [];
    if (payload.forced === true || commits.length === 0 || commits.length >= MAX_PAYLOAD_COMMITS) {
        return undefined;
    }
    const files = new Set();
    for (const commit of commits) {
        const ofCommit = [
            ...(commit.added ?? []),
            ...(commit.modified ?? []),
            ...(commit.removed ?? [])
        ];
        // GitHub leaves a commit's lists empty when it could not work them out in time.
        if (ofCommit.length === 0 || ofCommit.length >= MAX_PAYLOAD_COMMIT_FILES)
            return undefined;
        for (const file of ofCommit)
            files.add(file);
    }
    return { files: [...files], complete: true };
}
function commitOf(value) {
    return typeof value === 'string' && value !== '' && !NO_COMMIT.test(value) ? value : undefined;
}
/** The reader of a push's files. */
function githubPushChanges(payload, defaultBranch, where) {
    return {
        changedFiles: async () => {
            const source = pushChangeSource(payload, defaultBranch);
            if ('listed' in source)
                return source.listed;
            if ('unknown' in source)
                throw new Error(source.unknown);
            return compareFiles(where, source.compare.base, source.compare.head);
        }
    };
}
/** The reader of what a merge group adds to its base. */
function githubMergeGroupChanges(mergeGroup, where) {
    return {
        changedFiles: async () => {
            const base = commitOf(mergeGroup.base_sha);
            const head = commitOf(mergeGroup.head_sha);
            if (!base || !head)
                throw new Error('the merge_group event names no base or head commit');
            return compareFiles(where, base, head);
        }
    };
}
/** The files between `base` and `head` (renamed ones under both names). */
async function compareFiles(where, base, head) {
    if (where.token === '')
        throw new Error('no github-token to read them with');
    try {
        const octokit = await octokitFor(where.token);
        // The files come with the first page whatever its size; one commit per page keeps it small.
        const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
            owner: where.owner,
            repo: where.repo,
            basehead: `${base}...${head}`,
            per_page: 1
        });
        if (!data.files) {
            return { files: [], complete: false, why: `GitHub gave no file list for ${base}...${head}` };
        }
        const files = data.files.flatMap((file) => file.previous_filename ? [file.filename, file.previous_filename] : [file.filename]);
        return data.files.length < MAX_COMPARE_FILES
            ? { files, complete: true }
            : {
                files,
                complete: false,
                why: `the comparison lists only the first ${MAX_COMPARE_FILES} files GitHub gives`
            };
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`${message}; give the job "permissions: contents: read"`, { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/action/github/issue-comments.ts

/** Who the workflow's default token (GITHUB_TOKEN) writes as. */
const DEFAULT_TOKEN_LOGIN = 'github-actions[bot]';
async function githubIssueComments(pr) {
    const octokit = await octokitFor(pr.token);
    const where = { owner: pr.owner, repo: pr.repo };
    return {
        identity: async () => {
            // A personal token can read its own user (no extra permission); an installation token
            // (GITHUB_TOKEN, a GitHub App's) cannot, and the default one writes as github-actions[bot].
            try {
                return (await octokit.rest.users.getAuthenticated()).data.login;
            }
            catch (error) {
                const status = error.status;
                if (status === 401 || status === 403 || status === 404)
                    return DEFAULT_TOKEN_LOGIN;
                throw error;
            }
        },
        list: async () => (await octokit.paginate(octokit.rest.issues.listComments, {
            ...where,
            issue_number: pr.number,
            per_page: 100
        })).map((comment) => ({ id: comment.id, body: comment.body, author: comment.user?.login })),
        create: async (body) => (await octokit.rest.issues.createComment({ ...where, issue_number: pr.number, body })).data
            .id,
        update: async (id, body) => {
            await octokit.rest.issues.updateComment({ ...where, comment_id: id, body });
        },
        remove: async (id) => {
            await octokit.rest.issues.deleteComment({ ...where, comment_id: id });
        }
    };
}

;// CONCATENATED MODULE: ./src/action/github/pull-request.ts

/** GitHub lists at most this many files of a PR; a longer diff cannot be judged file by file. */
const MAX_LISTED_PR_FILES = 3000;
/** The compare API lists at most this many files. */
const MAX_COMPARED_FILES = 300;
const FILES_PER_PAGE = 100;
const PERMISSION_ADVICE = 'give the job "permissions: pull-requests: read"';
const CONTENTS_ADVICE = 'give the job "permissions: contents: read"';
function githubPullRequest(pr) {
    const where = { owner: pr.owner, repo: pr.repo, pull_number: pr.number };
    // One compare per baseline commit serves both questions asked of it.
    const comparisons = new Map();
    const compare = (commit) => {
        let comparison = comparisons.get(commit);
        if (!comparison) {
            comparison = withAdvice(() => compareWithBase(pr, commit), CONTENTS_ADVICE);
            comparisons.set(commit, comparison);
        }
        return comparison;
    };
    return {
        headSha: () => withAdvice(async () => {
            const octokit = await octokitFor(pr.token);
            return (await octokit.rest.pulls.get(where)).data.head.sha;
        }),
        changedFiles: () => withAdvice(() => filesOfJudgedCommit(pr)),
        baseIncludes: async (commit) => (await compare(commit)).includes,
        baseChangedSince: async (commit) => filesInHistory(await compare(commit), commit, 'the base'),
        changedBetween: async (from, to) => filesInHistory(await withAdvice(() => compareCommits(pr, from, to), CONTENTS_ADVICE), from, to)
    };
}
/**
 * The files a comparison lists, only when the later side has `from` in its history: a three-dot
 * compare lists the changes since the merge base, which for a commit off that history (a
 * force-push back, a retargeted base) would be none at all, so such a list counts for nothing.
 */
function filesInHistory(comparison, from, to) {
    if (comparison.includes)
        return comparison.files;
    return { files: [], complete: false, why: `${from} is not in the history of ${to}` };
}
/**
 * The PR's files, when they are the judged commit's: GitHub lists the files of the PR as it is
 * now, so a PR whose head moved on, or that was retargeted, since the event lists another diff (a
 * re-run of an older event would judge its commit on it). Its head and base are read before and
 * after the list; any difference makes the list incomplete, which the gate treats strictly.
 */
async function filesOfJudgedCommit(pr) {
    const octokit = await octokitFor(pr.token);
    const movedBefore = await movedOn(octokit, pr);
    if (movedBefore)
        return { files: [], complete: false, why: movedBefore };
    const listed = await listFiles(octokit, pr);
    const movedAfter = await movedOn(octokit, pr);
    return movedAfter ? { files: [], complete: false, why: movedAfter } : listed;
}
/** Why the PR's files are no longer the judged commit's, or undefined while they are. */
async function movedOn(octokit, pr) {
    const { data } = await octokit.rest.pulls.get({
        owner: pr.owner,
        repo: pr.repo,
        pull_number: pr.number
    });
    if (pr.headSha && data.head.sha.toLowerCase() !== pr.headSha.toLowerCase()) {
        return `the pull request's head is now ${data.head.sha}, not ${pr.headSha} (the commit judged), so its file list is not this commit's`;
    }
    if (pr.baseRef && data.base.ref !== pr.baseRef) {
        return `the pull request now targets ${data.base.ref}, not ${pr.baseRef} as when this run's event was sent, so its file list is not this run's`;
    }
    return undefined;
}
async function listFiles(octokit, pr) {
    const files = [];
    const renamedFrom = new Map();
    // A full last page means there may be more.
    for (let page = 1; page <= MAX_LISTED_PR_FILES / FILES_PER_PAGE; page++) {
        const { data } = await octokit.rest.pulls.listFiles({
            owner: pr.owner,
            repo: pr.repo,
            pull_number: pr.number,
            per_page: FILES_PER_PAGE,
            page
        });
        // A renamed file changes under both names: moving a file out of a path is changing it.
        for (const file of data) {
            files.push(file.filename);
            if (file.previous_filename) {
                files.push(file.previous_filename);
                renamedFrom.set(file.filename, file.previous_filename);
            }
        }
        if (data.length < FILES_PER_PAGE)
            return { files, complete: true, renamedFrom };
    }
    if (files.length < MAX_LISTED_PR_FILES)
        return { files, complete: true, renamedFrom };
    return {
        files,
        complete: false,
        why: `the pull request changes more than the ${MAX_LISTED_PR_FILES} files GitHub lists`
    };
}
/** `commit...base`: whether the base has `commit` in its history, and the files changed since. */
async function compareWithBase(pr, commit) {
    const octokit = await octokitFor(pr.token);
    const base = pr.baseSha ||
        (await octokit.rest.pulls.get({ owner: pr.owner, repo: pr.repo, pull_number: pr.number })).data
            .base.sha;
    return compareCommits(pr, commit, base);
}
/** `from...to`: whether `to` has `from` in its history, and the files changed in between. */
async function compareCommits(pr, from, to) {
    const octokit = await octokitFor(pr.token);
    try {
        const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
            owner: pr.owner,
            repo: pr.repo,
            basehead: `${from}...${to}`,
            per_page: 1
        });
        const files = (data.files ?? []).map((file) => file.filename);
        return {
            includes: data.status === 'ahead' || data.status === 'identical',
            files: files.length < MAX_COMPARED_FILES
                ? { files, complete: true }
                : {
                    files,
                    complete: false,
                    why: `more than the ${MAX_COMPARED_FILES} files GitHub compares changed between ${from} and ${to}`
                }
        };
    }
    catch (error) {
        // A commit this repository does not have is in no branch of it.
        if (error.status === 404) {
            return { includes: false, files: { files: [], complete: false, why: 'unknown commit' } };
        }
        throw error;
    }
}
/** A failed read says which permission would let it succeed. */
async function withAdvice(read, advice = PERMISSION_ADVICE) {
    try {
        return await read();
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`${message}; ${advice}`, { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/action/github/repository.ts
// Whether the workflow's repository is public, read from GitHub when the event payload did not
// say (`report-detail: auto`): anyone can read a public repository's logs, summaries, comments
// and check runs, so its reports withhold what the pull request did not bring.

function githubRepositoryIsPublic(token, repository) {
    return async () => {
        const [owner = '', repo = ''] = repository.split('/');
        if (token === '' || owner === '' || repo === '') {
            throw new Error('no github-token or repository to ask GitHub with');
        }
        const octokit = await octokitFor(token);
        const { data } = await octokit.rest.repos.get({ owner, repo });
        // `internal` (an enterprise's members only) is not public.
        return data.private === false && (data.visibility ?? 'public') === 'public';
    };
}

// EXTERNAL MODULE: ./src/report/check-run.ts
var check_run = __webpack_require__(2158);
;// CONCATENATED MODULE: ./src/action/check-run-writer.ts

class CheckRunWriter {
    name;
    headSha;
    api;
    logger;
    checkRunId;
    disabled = false;
    lastShown;
    adopted = false;
    /**
     * `headSha`: the commit the check run goes on; undefined for a run that names a branch, whose
     * check run goes on the commit it judged once that is known (and nowhere if it never is).
     */
    constructor(name, headSha, api, logger) {
        this.name = name;
        this.headSha = headSha;
        this.api = api;
        this.logger = logger;
    }
    /** The commit to write on, fixed at the first write; undefined while nothing is judged. */
    commitFor(judgedSha) {
        this.headSha ??= judgedSha;
        return this.headSha;
    }
    /** The check run's id, once created. */
    get id() {
        return this.checkRunId;
    }
    /** Creates the check run, or updates it when the output or the record changed; never throws. */
    async show(output, record, judgedSha) {
        const headSha = this.commitFor(judgedSha);
        if (this.disabled || headSha === undefined)
            return;
        const id = this.checkRunId;
        if (id !== undefined && this.shown(output, externalIdOf(record, id)) === this.lastShown)
            return;
        await this.guard(async (api) => {
            const created = this.checkRunId === undefined;
            this.checkRunId ??= await api.create({ name: this.name, headSha, output });
            // The record names its check run, so it goes in once the check run exists.
            const externalId = externalIdOf(record, this.checkRunId);
            if (!created || externalId !== undefined) {
                await api.update(this.checkRunId, { externalId, output });
            }
            this.lastShown = this.shown(output, externalId);
        });
    }
    /** What a show() sent, to skip sending the same again. */
    shown(output, externalId) {
        return JSON.stringify([output, externalId]);
    }
    /** Completes the check run with its conclusion and every annotation; never throws. */
    async complete(completed, record, judgedSha) {
        const headSha = this.commitFor(judgedSha);
        if (this.disabled)
            return;
        if (headSha === undefined) {
            this.logger.info('Hacktron: no check run: no commit was judged to put it on.');
            return;
        }
        await this.guard(async (api) => {
            this.checkRunId ??= await api.create({ name: this.name, headSha, output: completed.output });
            try {
                await this.send(api, this.checkRunId, completed, externalIdOf(record, this.checkRunId));
            }
            catch (error) {
                if (!this.adopted)
                    throw error;
                // The check run a triage was pointed at is gone or not ours to write: a new one, with a
                // record that names it.
                this.adopted = false;
                this.logger.info(`Hacktron: could not update check run ${this.checkRunId} (${error instanceof Error ? error.message : String(error)}); creating a new one.`);
                this.checkRunId = await api.create({ name: this.name, headSha, output: completed.output });
                await this.send(api, this.checkRunId, completed, externalIdOf(record, this.checkRunId));
            }
        });
    }
    /** Continues check run `id` (a triage updates the one its run record names) instead of creating one. */
    adopt(id) {
        this.checkRunId = id;
        this.adopted = true;
        return this;
    }
    async send(api, id, completed, externalId) {
        const [first = [], ...rest] = (0,check_run/* annotationBatches */.k7)(completed.annotations);
        // The conclusion goes with the first batch; further batches append to it, as GitHub allows.
        await api.update(id, {
            externalId,
            conclusion: completed.conclusion,
            output: { ...completed.output, annotations: first }
        });
        for (const batch of rest) {
            await api.update(id, { output: { ...completed.output, annotations: batch } });
        }
    }
    /** The run records in this commit's check runs of the same name; never throws. */
    async read() {
        const headSha = this.headSha;
        if (this.disabled || headSha === undefined)
            return [];
        const records = [];
        await this.guard(async (api) => {
            for (const run of await api.listForRef(headSha, this.name)) {
                const record = (0,check_run/* parseCheckRunExternalId */.TY)(run.externalId, headSha);
                if (record)
                    records.push(record);
            }
        });
        return records;
    }
    async guard(body) {
        try {
            await body(await this.api());
        }
        catch (error) {
            const status = error.status;
            if (status === 403 || status === 404 || status === 401) {
                this.disabled = true;
                // A plain log line, not an annotation: the step's own annotations go on as before.
                this.logger.info(`Hacktron: no check run (HTTP ${status}): the token may not write checks. Give the job ` +
                    '"permissions: checks: write" (a fork\'s pull_request run never can), or set check-run: false.');
                return;
            }
            this.logger.warning(`Hacktron: could not write the check run: ${error instanceof Error ? error.message : String(error)}. ` +
                'The scan and the gate are not affected.');
        }
    }
}
/** The external_id holding the run's record for check run `id`, when the run has one. */
function externalIdOf(record, id) {
    const sealed = record?.(id);
    return sealed && (0,check_run/* checkRunExternalId */.cc)(sealed);
}

// EXTERNAL MODULE: ./src/report/comment.ts
var report_comment = __webpack_require__(4231);
;// CONCATENATED MODULE: ./src/action/comment-writer.ts

class PrCommentWriter {
    marker;
    createsAlways;
    api;
    logger;
    commentId;
    /** The PR was searched and holds no comment of ours: no need to list its comments again. */
    knownAbsent = false;
    lastBody;
    disabled = false;
    identity;
    /** Foreign comments with the marker already noted in the log, so each is noted once. */
    notedForeign = new Set();
    constructor(marker, 
    /** pr-comment: true; false for on-failure, which creates it only for a run that fails. */
    createsAlways, api, logger) {
        this.marker = marker;
        this.createsAlways = createsAlways;
        this.api = api;
        this.logger = logger;
    }
    /**
     * Writes `body` (which must contain the marker); never throws. False when the comment could not
     * be written (an edit-only write that finds no comment to edit is no failure).
     */
    async write(body, options = { mayCreate: true }) {
        if (this.disabled)
            return false;
        if (body === this.lastBody)
            return true;
        if (!options.mayCreate && this.knownAbsent)
            return true;
        try {
            const api = await this.api();
            this.identity ??= await api.identity();
            if (this.commentId === undefined && !this.knownAbsent) {
                this.commentId = (await this.findExisting(api))?.id;
                this.knownAbsent = this.commentId === undefined;
            }
            if (this.commentId !== undefined) {
                await api.update(this.commentId, body);
            }
            else if (!options.mayCreate) {
                return true;
            }
            else {
                this.commentId = await api.create(body);
                this.knownAbsent = false;
                await this.settleRace(api, body);
            }
            this.lastBody = body;
            return true;
        }
        catch (error) {
            this.onError(error);
            return false;
        }
    }
    /**
     * The PR's credit ledger in this job's comment (the one this writer keeps: the oldest that the
     * token's identity wrote), as stored; undefined when there is no such comment or it holds none.
     * Throws when the comments cannot be read: a ledger that cannot be read is not an empty one.
     */
    async readLedger() {
        const api = await this.api();
        this.identity ??= await api.identity();
        const comment = await this.findExisting(api);
        if (comment === undefined)
            return undefined;
        this.commentId = comment.id;
        this.knownAbsent = false;
        return (0,report_comment/* parseCommentLedger */.yW)(comment.body ?? '', this.marker);
    }
    /**
     * The run records in this job's comments written by the token's identity (a record anyone else
     * wrote could point a re-run at a scan of other code); never throws.
     */
    async read() {
        if (this.disabled)
            return [];
        try {
            const api = await this.api();
            this.identity ??= await api.identity();
            const identity = this.identity;
            return (await api.list())
                .filter((comment) => sameLogin(comment.author, identity))
                .flatMap((comment) => (0,report_comment/* parseCommentRecord */.KU)(comment.body ?? '', this.marker) ?? []);
        }
        catch (error) {
            this.logger.debug(`Could not read the PR comment's run record: ${String(error)}`);
            return [];
        }
    }
    /** The oldest comment with the marker that this identity wrote; others are left alone. */
    async findExisting(api) {
        const marked = (await api.list()).filter((comment) => (0,report_comment/* startsWithMarker */.Ox)(comment.body, this.marker));
        const mine = marked.filter((comment) => sameLogin(comment.author, this.identity));
        for (const foreign of marked.filter((comment) => !mine.includes(comment))) {
            if (this.notedForeign.has(foreign.id))
                continue;
            this.notedForeign.add(foreign.id);
            this.logger.info(`Hacktron: PR comment ${foreign.id} carries this job's marker but was written by ` +
                `${foreign.author ?? 'an unknown author'}, not by ${this.identity ?? 'this token'}: ` +
                'it is ignored and left as it is.');
        }
        return mine.reduce((oldest, comment) => (oldest === undefined || comment.id < oldest.id ? comment : oldest), undefined);
    }
    /** If another run created its comment at the same time, the oldest one wins. */
    async settleRace(api, body) {
        const oldest = (await this.findExisting(api))?.id;
        if (oldest === undefined || oldest === this.commentId)
            return;
        await api.remove(this.commentId);
        this.commentId = oldest;
        await api.update(oldest, body);
    }
    onError(error) {
        const status = error.status;
        if (status === 401 || status === 403 || status === 404) {
            this.disabled = true;
            this.logger.warning(`Hacktron: could not write the PR comment (HTTP ${status}): the token may not comment on this pull ` +
                'request. Runs for forks get a read-only token; elsewhere give the job "permissions: pull-requests: write", ' +
                'or set pr-comment: false. The scan and the gate are not affected.');
            return;
        }
        this.logger.warning(`Hacktron: could not update the PR comment: ${error instanceof Error ? error.message : String(error)}. ` +
            'The scan and the gate are not affected; the next update will try again.');
    }
}
/** GitHub logins are case-insensitive. */
function sameLogin(a, b) {
    return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

;// CONCATENATED MODULE: ./src/action/github/triage.ts








/** GitHub lists at most this many commits of a PR. */
const MAX_LISTED_PR_COMMITS = 250;
function githubTriage(target, logger) {
    const where = { owner: target.owner, repo: target.repo };
    const prRef = { ...target };
    const comments = () => githubIssueComments(prRef);
    const checks = () => githubCheckRuns(target);
    return {
        readPullRequest: async () => {
            const octokit = await octokitFor(target.token);
            const { data } = await octokit.rest.pulls.get({ ...where, pull_number: target.number });
            return {
                headSha: data.head.sha,
                headBranch: data.head.ref,
                baseBranch: data.base.ref,
                baseSha: data.base.sha,
                author: data.user?.login ?? ''
            };
        },
        permission: async (login) => {
            const octokit = await octokitFor(target.token);
            const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
                ...where,
                username: login
            });
            return { roleName: data.role_name, permission: data.permission };
        },
        commitAuthors: () => commitAuthorsOf(target),
        react: async (content) => {
            const octokit = await octokitFor(target.token);
            await octokit.rest.reactions.createForIssueComment({
                ...where,
                comment_id: target.commentId,
                content
            });
        },
        reply: async (body) => {
            await (await comments()).create(body);
        },
        recordedReports: async (headSha) => [
            ...(await checkRunRecords(target, headSha)),
            ...(await commentRecords(await comments()))
        ],
        pullRequestReader: (pr) => githubPullRequest({
            ...prRef,
            headSha: pr.headSha,
            baseSha: pr.baseSha,
            baseRef: pr.baseBranch
        }),
        checkRunAt: (checkRun, headSha) => new CheckRunWriter(checkRun.name, headSha, checks, logger).adopt(checkRun.id),
        commentAt: (marker) => new PrCommentWriter(marker, false, async () => ledgerKeeping(await comments()), logger)
    };
}
/** Who GitHub links to the PR's commits (merge commits included) as author or committer. */
async function commitAuthorsOf(target) {
    const octokit = await octokitFor(target.token);
    const commits = await octokit.paginate(octokit.rest.pulls.listCommits, {
        owner: target.owner,
        repo: target.repo,
        pull_number: target.number,
        per_page: 100
    });
    // Merge commits count too: one can carry code of its own (a conflict's resolution), so the
    // clicker of "Update branch" is counted among the PR's authors as well.
    const logins = commits
        .flatMap((commit) => [commit.author?.login, commit.committer?.login])
        .filter((login) => typeof login === 'string' && login !== '');
    return { logins, complete: commits.length < MAX_LISTED_PR_COMMITS };
}
/** The records in the head's check runs named "Hacktron Whitebox Scan…" (any scope or base). */
async function checkRunRecords(target, headSha) {
    const octokit = await octokitFor(target.token);
    const runs = await octokit.paginate(octokit.rest.checks.listForRef, {
        owner: target.owner,
        repo: target.repo,
        ref: headSha,
        filter: 'all',
        per_page: 100
    });
    return runs.flatMap((run) => {
        if (!run.name.startsWith(check_run/* CHECK_RUN_NAME */.rD))
            return [];
        const record = (0,check_run/* parseCheckRunExternalId */.TY)(run.external_id, headSha);
        return record ? [{ record, checkRun: { id: run.id, name: run.name } }] : [];
    });
}
/** The records in the PR's Hacktron comments written by the token's own identity. */
async function commentRecords(api) {
    const identity = (await api.identity()).toLowerCase();
    return (await api.list()).flatMap((comment) => {
        const marker = (0,report_comment/* markerOf */.we)(comment.body);
        if (!marker || comment.author?.toLowerCase() !== identity)
            return [];
        const record = (0,report_comment/* parseCommentRecord */.KU)(comment.body ?? '', marker);
        return record ? [{ record, commentMarker: marker }] : [];
    });
}
/** The comments API, each edit keeping the PR job's credit ledger as written. */
function ledgerKeeping(api) {
    return {
        ...api,
        update: async (id, body) => {
            const previous = (await api.list()).find((comment) => comment.id === id)?.body;
            await api.update(id, (0,report_comment/* keepingLedger */.nX)(body, previous));
        }
    };
}

// EXTERNAL MODULE: ./src/action/event-facts.ts
var event_facts = __webpack_require__(252);
;// CONCATENATED MODULE: ./src/action/github-reporters.ts
// The GitHub side of a run, built only when the run goes to Hacktron: the PR comment, the check run
// on the head commit, the reader of the pull request, and of what the event changes (scan-paths).
// Each loads its REST client on first use.












/** The pull request reader, the PR comment and the check run this run has, if any. */
function githubConnections(settings, logger, context = (0,event_facts/* runnerEventContext */.s)()) {
    // A code scanning dismissal reads its alert and writes nothing to GitHub.
    if (settings.event.codeScanningAlert || settings.mode === 'sync-dismissals') {
        return codeScanningConnections(settings);
    }
    const pullRequest = pullRequestReader(settings);
    return {
        pullRequest,
        changes: pullRequest ?? eventChangesReader(settings, context),
        comment: prCommentWriter(settings, logger),
        checkRun: checkRunWriter(settings, logger),
        repositoryIsPublic: githubRepositoryIsPublic(settings.report.githubToken, settings.event.repository),
        maxFindingAnnotations: settings.report.maxAnnotations,
        triage: triageConnection(settings, logger)
    };
}
/** On a comment on a PR, with a token: what a /hacktron command asks of GitHub. */
function triageConnection(settings, logger) {
    const { event } = settings;
    const number = event.pullRequestNumber;
    if (!event.comment || number === undefined || settings.report.githubToken === '')
        return undefined;
    const [owner = '', repo = ''] = event.repository.split('/');
    return githubTriage({ token: settings.report.githubToken, owner, repo, number, commentId: event.comment.id }, logger);
}
/** The PR comment writer, when this run comments: a PR event, pr-comment on, and a token. */
function prCommentWriter(settings, logger) {
    const { event } = settings;
    const onPullRequest = event.name === 'pull_request' || event.name === 'pull_request_target';
    if (settings.report.prComment === 'never' ||
        !onPullRequest ||
        event.pullRequestNumber === undefined) {
        return undefined;
    }
    if (event.fromFork && event.name === 'pull_request') {
        logger.warning('Hacktron: no PR comment for a pull request from a fork: GitHub gives such runs a read-only token. ' +
            'The job summary has the report; for a comment, use the two-job setup in the README ("Fork pull requests").');
        return undefined;
    }
    if (settings.report.githubToken === '') {
        logger.warning('Hacktron: pr-comment is on but github-token is empty, so no PR comment is written.');
        return undefined;
    }
    const primary = settings.repositories[0];
    const marker = (0,report_comment/* commentMarker */.Ql)({
        workflow: event.workflow,
        job: event.job,
        repository: primary?.url ?? event.repositoryUrl,
        branch: primary?.branch ?? event.branch
    });
    const pr = pullRequestRef(settings);
    return (pr &&
        new PrCommentWriter(marker, settings.report.prComment === 'always', () => githubIssueComments(pr), logger));
}
/**
 * The check run writer, when this run writes one: check-run on, a token, and a commit. Its name
 * carries the scope when this commit may get several (related repositories, or a repository or
 * branch other than the event's, as a matrix over them does).
 */
function checkRunWriter(settings, logger) {
    const { event } = settings;
    if (!settings.report.checkRun)
        return undefined;
    if (settings.mode === 'estimate') {
        // Branch protection counts a neutral check as passed: an estimate that judged nothing must
        // not stand where the gate's check will, or a PR could merge before its approved scan runs.
        logger.info('Hacktron: no check run in mode estimate: the job that spends the estimate writes it.');
        return undefined;
    }
    // A schedule's or dispatch's GITHUB_SHA is the branch's tip when it was queued; the scan judges
    // the commit the estimate resolves, so its check run goes there, once known (a check run on
    // GITHUB_SHA could pass code nobody judged).
    const headSha = event.namesBranchOnly ? undefined : event.headSha;
    if (settings.report.githubToken === '' || headSha === '' || event.repository === '') {
        logger.info('Hacktron: no check run: the run has no github-token, commit or repository.');
        return undefined;
    }
    const [primary, ...related] = settings.repositories;
    const own = primary !== undefined &&
        primary.url.toLowerCase() ===
            (event.headRepository && !event.headRepository.deleted
                ? event.headRepository.url
                : event.repositoryUrl).toLowerCase() &&
        primary.branch === event.branch;
    const scopeLabel = own && related.length === 0
        ? undefined
        : `${(primary?.url ?? '').replace(/^https?:\/\/[^/]+\//, '')}@${primary?.branch ?? ''}${related.length > 0 ? ` +${related.length} related` : ''}`;
    const [owner = '', repo = ''] = event.repository.split('/');
    return new CheckRunWriter((0,check_run/* checkRunName */.$_)(scopeLabel, baseLabelOf(event)), headSha, () => githubCheckRuns({ token: settings.report.githubToken, owner, repo }), logger);
}
/**
 * The PR's base when it is not the default branch: two PRs from one head to two bases each get
 * their own check run, so one's verdict never stands for the other's (their baselines differ).
 */
function baseLabelOf(event) {
    const base = event.baseBranch;
    return base !== undefined && base !== event.defaultBranch ? base : undefined;
}
/** The pull request on GitHub (in the workflow's repository), when this run is for one and has a token. */
function pullRequestRef(settings) {
    const { event } = settings;
    if (event.pullRequestNumber === undefined || settings.report.githubToken === '')
        return undefined;
    const [owner = '', repo = ''] = event.repository.split('/');
    return {
        token: settings.report.githubToken,
        owner,
        repo,
        number: event.pullRequestNumber,
        baseSha: event.baseSha,
        baseRef: event.baseBranch,
        headSha: event.namesBranchOnly ? undefined : event.headSha
    };
}
/**
 * What a push or a merge group changes; undefined for events that change nothing GitHub lists
 * (a schedule, a dispatch). A PR's files are read by its pull request reader.
 */
function eventChangesReader(settings, context) {
    const [owner = '', repo = ''] = settings.event.repository.split('/');
    const where = { token: settings.report.githubToken, owner, repo };
    if (context.eventName === 'push') {
        return githubPushChanges(context.payload, settings.event.defaultBranch, where);
    }
    const mergeGroup = context.payload.merge_group;
    if (context.eventName === 'merge_group' && typeof mergeGroup === 'object' && mergeGroup) {
        return githubMergeGroupChanges(mergeGroup, where);
    }
    return undefined;
}
/**
 * Reads the PR's head and files; a fork's read-only token may read them too. Without a token,
 * a reader that says so: the flow quotes the reason where it falls back.
 */
function pullRequestReader(settings) {
    if (settings.event.pullRequestNumber === undefined)
        return undefined;
    const pr = pullRequestRef(settings);
    if (pr)
        return githubPullRequest(pr);
    const noToken = async () => {
        throw new Error('no github-token to read it with');
    };
    return {
        headSha: noToken,
        changedFiles: noToken,
        baseIncludes: noToken,
        baseChangedSince: noToken,
        changedBetween: noToken
    };
}
/** A dismissal's (or a sync's) only connections: the readers of code scanning alerts. */
function codeScanningConnections(settings) {
    const [owner = '', repo = ''] = settings.event.repository.split('/');
    const where = { token: settings.report.githubToken, owner, repo };
    return {
        codeScanningAlert: githubCodeScanningAlerts(where),
        recentDismissals: githubRecentDismissals(where),
        maxFindingAnnotations: 0
    };
}


/***/ }),

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


/***/ })

};

//# sourceMappingURL=721.index.js.map