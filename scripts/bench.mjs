/**
 * `npm run bench`: times cold `risk check` processes on a generated model of realistic
 * shape (see generate-bench-model.mjs) and reports the median wall and CPU time and the peak RSS.
 * CPU time (user + system, which a busy machine disturbs less than wall time) is reported beside it.
 * Then, side by side with a check of the same model, `risk diff` of two commits of it
 * that differ by a few hundred changes (changeBenchModel), read from git objects.
 *
 *   node scripts/bench.mjs [--risks 10000] [--runs 5] [--changes 300]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { changeBenchModel, generateBenchModel } from './generate-bench-model.mjs';
import { benchEditor } from './bench-editor.mjs';

const TARGET_SECONDS = 1.5;
const TARGET_MEGABYTES = 400;
/** `risk diff` evaluates two versions: it may take twice one check, no more. */
const TARGET_DIFF_RATIO = 2;

const { values } = parseArgs({ options: {
    risks: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    changes: { type: 'string', default: '300' }
} });
const risks = Number(values.risks);
const runs = Number(values.runs);
const root = new URL('..', import.meta.url).pathname;
const modelDir = join(root, '.bench', `model-${risks}`);
const { files } = generateBenchModel(modelDir, risks);
const usageDir = mkdtempSync(join(tmpdir(), 'risk-bench-'));

/** One cold process of the CLI: wall and CPU seconds, peak RSS in MB, and its parsed JSON output. */
function timeRisk(args, cwd, label) {
    const usageFile = join(usageDir, 'usage.json');
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--require', join(root, 'scripts/report-usage.cjs'), join(root, 'bin/risk.cjs'), ...args], {
        cwd,
        env: { ...process.env, RISK_BENCH_USAGE_FILE: usageFile },
        maxBuffer: 256 * 1024 * 1024
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.status !== 0) {
        console.error(result.stderr.toString());
        throw new Error(`${label} exited with ${result.status}`);
    }
    const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
    return { seconds, cpuSeconds: usage.cpu / 1e6, megabytes: usage.maxRSS / 1024, output: JSON.parse(result.stdout.toString()) };
}

const median = list => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const figures = samples => ({
    seconds: median(samples.map(sample => sample.seconds)),
    cpuSeconds: median(samples.map(sample => sample.cpuSeconds)),
    megabytes: Math.max(...samples.map(sample => sample.megabytes))
});
const describe = sample => `${sample.seconds.toFixed(2)} s wall, ${sample.cpuSeconds.toFixed(2)} s CPU, peak RSS ${sample.megabytes.toFixed(0)} MB`;

const checkArgs = ['check', '--as-of', '2026-11-23', '--format', 'json', '--fail-on', 'never'];
const samples = [];
for (let run = 0; run < runs; run++) {
    const sample = timeRisk([...checkArgs, modelDir], root, 'risk check');
    samples.push(sample);
    console.log(`run ${run + 1}: ${describe(sample)}, ${sample.output.diagnostics.length} findings`);
}
const check = figures(samples);
console.log(`\nrisk check, ${risks} risks in ${files} files, Node ${process.versions.node}, ${runs} cold runs`);
console.log(`median ${check.seconds.toFixed(2)} s wall (target ≤ ${TARGET_SECONDS} s), ${check.cpuSeconds.toFixed(2)} s CPU, peak RSS ${check.megabytes.toFixed(0)} MB (target ≤ ${TARGET_MEGABYTES} MB)`);

// The same model committed twice: BASE as generated, HEAD with a few hundred changes.
const repository = join(root, '.bench', `diff-${risks}`);
rmSync(repository, { recursive: true, force: true });
generateBenchModel(repository, risks);
const git = (...args) => execFileSync('git', args, { cwd: repository, env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' } });
git('init', '-q', '-b', 'base');
git('add', '-A');
git('commit', '-q', '-m', 'base');
const edits = changeBenchModel(repository, Number(values.changes));
git('checkout', '-q', '-b', 'head');
git('add', '-A');
git('commit', '-q', '-m', 'head');

const diffSamples = [];
const sideBySide = [];
for (let run = 0; run < runs; run++) {
    // Interleaved, so that both see the same load on a shared machine.
    const checkHead = timeRisk([...checkArgs, '.'], repository, 'risk check');
    const diff = timeRisk(['diff', 'base', 'head', '--as-of', '2026-11-23', '--format', 'json'], repository, 'risk diff');
    diffSamples.push(diff);
    sideBySide.push(checkHead);
    console.log(`run ${run + 1}: diff ${describe(diff)}, ${diff.output.changes.length} changes, verdict ${diff.output.verdict}; check ${describe(checkHead)}`);
}
rmSync(usageDir, { recursive: true, force: true });
const diff = figures(diffSamples);
const beside = figures(sideBySide);
console.log(`\nrisk diff of two commits of the ${risks}-risk model (${edits} edits), ${runs} cold runs`);
console.log(`median ${diff.seconds.toFixed(2)} s wall, ${diff.cpuSeconds.toFixed(2)} s CPU, peak RSS ${diff.megabytes.toFixed(0)} MB`);
console.log(`one risk check of the same model beside it: median ${beside.seconds.toFixed(2)} s wall, ${beside.cpuSeconds.toFixed(2)} s CPU`);
console.log(`ratio diff / check: ${(diff.seconds / beside.seconds).toFixed(2)}× wall, ${(diff.cpuSeconds / beside.cpuSeconds).toFixed(2)}× CPU (target ≤ ${TARGET_DIFF_RATIO}×)`);

// The editor: `risk lsp --stdio` on the same model (bench-editor.mjs).
await benchEditor({ risks });
