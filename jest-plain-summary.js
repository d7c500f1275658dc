// Ends every run with the plain closing line CI tools read in any language:
// "Tests: N passed, N failed" (", N skipped" when some were).
export default class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests
    const tail = skipped > 0 ? `, ${skipped} skipped` : ''
    process.stderr.write(
      `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${tail}\n`
    )
  }
}
