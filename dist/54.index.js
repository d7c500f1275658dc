export const id = 54;
export const ids = [54];
export const modules = {

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

//# sourceMappingURL=54.index.js.map