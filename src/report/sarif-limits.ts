// Code scanning's limits on an upload, on their own so that a report that only names them (the
// summary's "what each surface holds") does not load the SARIF writer.

/** Code scanning accepts 25,000 results per run but keeps only the 5,000 most severe. */
export const MAX_RESULTS_PER_RUN = 5_000
