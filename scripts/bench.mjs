/**
 * `npm run bench`: times a cold `risk check` process on a generated model of realistic
 * shape (see generate-bench-model.mjs) and reports the median wall and CPU time and the peak RSS.
 * CPU time (user + system, which a busy machine disturbs less than wall time) is reported beside it.
 *
 *   node scripts/bench.mjs [--risks 10000] [--runs 5]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateBenchModel } from './generate-bench-model.mjs';

const TARGET_SECONDS = 1.5;
const TARGET_MEGABYTES = 400;

const { values } = parseArgs({ options: { risks: { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' } } });
const risks = Number(values.risks);
const runs = Number(values.runs);
const root = new URL('..', import.meta.url).pathname;
const modelDir = join(root, '.bench', `model-${risks}`);
const { files } = generateBenchModel(modelDir, risks);
const usageDir = mkdtempSync(join(tmpdir(), 'risk-bench-'));

const samples = [];
for (let run = 0; run < runs; run++) {
    const usageFile = join(usageDir, `usage-${run}.json`);
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--require', join(root, 'scripts/report-usage.cjs'), join(root, 'bin/risk.cjs'), 'check', modelDir, '--as-of', '2026-11-23', '--format', 'json', '--fail-on', 'never'], {
        env: { ...process.env, RISK_BENCH_USAGE_FILE: usageFile },
        maxBuffer: 256 * 1024 * 1024
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.status !== 0) {
        console.error(result.stderr.toString());
        throw new Error(`risk check exited with ${result.status}`);
    }
    const report = JSON.parse(result.stdout.toString());
    const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
    const megabytes = usage.maxRSS / 1024;
    const cpuSeconds = usage.cpu / 1e6;
    samples.push({ seconds, cpuSeconds, megabytes, findings: report.diagnostics.length });
    console.log(`run ${run + 1}: ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU, peak RSS ${megabytes.toFixed(0)} MB, ${report.diagnostics.length} findings`);
}
rmSync(usageDir, { recursive: true, force: true });

const median = list => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const seconds = median(samples.map(sample => sample.seconds));
const cpuSeconds = median(samples.map(sample => sample.cpuSeconds));
const megabytes = Math.max(...samples.map(sample => sample.megabytes));
console.log(`\nrisk check, ${risks} risks in ${files} files, Node ${process.versions.node}, ${runs} cold runs`);
console.log(`median ${seconds.toFixed(2)} s wall (target ≤ ${TARGET_SECONDS} s), ${cpuSeconds.toFixed(2)} s CPU, peak RSS ${megabytes.toFixed(0)} MB (target ≤ ${TARGET_MEGABYTES} MB)`);
