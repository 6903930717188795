// Preloaded by the benchmark (node --require): when the process exits, writes its peak
// RSS (KiB) and CPU time (µs, user + system) as JSON to the file RISK_BENCH_USAGE_FILE names.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
    if (process.env.RISK_BENCH_USAGE_FILE) {
        const usage = process.resourceUsage();
        writeFileSync(process.env.RISK_BENCH_USAGE_FILE, JSON.stringify({ maxRSS: usage.maxRSS, cpu: usage.userCPUTime + usage.systemCPUTime }));
    }
});
