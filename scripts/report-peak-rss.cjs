// Preloaded by the benchmark (node --require): writes the process's peak RSS in KiB
// to the file named by RISK_BENCH_RSS_FILE when the process exits.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
    if (process.env.RISK_BENCH_RSS_FILE) {
        writeFileSync(process.env.RISK_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
    }
});
