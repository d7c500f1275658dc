// Preloaded into the bundled action by the benchmark (NODE_OPTIONS=--require): prints the
// process's peak resident set size when it exits, which no parent process can read afterwards.
// Pipes are synchronous on Linux, so the line is written before the process is gone.
process.on('exit', () => {
  process.stderr.write(`hacktron-bench peak-rss-kb=${process.resourceUsage().maxRSS}\n`)
})
