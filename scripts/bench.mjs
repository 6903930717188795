/**
 * `npm run bench`: times cold processes of the CLI on a generated model of realistic
 * shape (see generate-bench-model.mjs) and reports medians of wall and CPU time (user +
 * system, which a busy machine disturbs less than wall time) and the peak RSS:
 *
 * 1. `risk check` side by side with a bare Langium parse of the same files
 *    (bench-bare-parse.ts) and with `risk export register`, run after run interleaved
 *    so that all three see the same load: the check / parse and export / check ratios.
 * 2. Scaling: one check of a model of --scale-risks risks (default 50,000) against the
 *    check above: time per risk, and peak RSS.
 * 3. `risk diff` of two commits of the model that differ by a few hundred changes
 *    (changeBenchModel), read from git objects, beside a check of the same model.
 *
 *   node scripts/bench.mjs [--risks 10000] [--runs 5] [--scale-risks 50000] [--changes 300]
 *   node scripts/bench.mjs --risks 1000 --runs 3 --scale-risks 5000    (a quick look)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { changeBenchModel, generateBenchModel } from './generate-bench-model.mjs';
import { benchEditor } from './bench-editor.mjs';

const TARGET_SECONDS = 1.5;
const TARGET_MEGABYTES = 400;
/** The full check may cost this much more than parsing the files and nothing else. */
const TARGET_PARSE_RATIO = 1.5;
/** An export needs the evaluation and the integrity errors, not every rule's findings. */
const TARGET_EXPORT_RATIO = 0.8;
/** The large model: time per risk at most this much above the benchmark model's, and this peak RSS. */
const TARGET_SCALING = 1.2;
const TARGET_SCALE_MEGABYTES = 1024;
/** `risk diff` evaluates two versions: it may take twice one check, no more. */
const TARGET_DIFF_RATIO = 2;

const { values } = parseArgs({ options: {
    risks: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    changes: { type: 'string', default: '300' },
    'scale-risks': { type: 'string', default: '50000' }
} });
const risks = Number(values.risks);
const runs = Number(values.runs);
const root = new URL('..', import.meta.url).pathname;
const modelDir = join(root, '.bench', `model-${risks}`);
const { files } = generateBenchModel(modelDir, risks);
const usageDir = mkdtempSync(join(tmpdir(), 'risk-bench-'));

/** One cold Node process: wall and CPU seconds, peak RSS in MB, and its standard output. */
function timeProcess(script, args, cwd, label) {
    const usageFile = join(usageDir, 'usage.json');
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--require', join(root, 'scripts/report-usage.cjs'), script, ...args], {
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
    return { seconds, cpuSeconds: usage.cpu / 1e6, megabytes: usage.maxRSS / 1024, stdout: result.stdout.toString() };
}

/** One cold process of the CLI, with its JSON output parsed. */
function timeRisk(args, cwd, label) {
    const sample = timeProcess(join(root, 'bin/risk.cjs'), args, cwd, label);
    return { ...sample, output: JSON.parse(sample.stdout) };
}

const median = list => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const figures = samples => ({
    seconds: median(samples.map(sample => sample.seconds)),
    cpuSeconds: median(samples.map(sample => sample.cpuSeconds)),
    megabytes: Math.max(...samples.map(sample => sample.megabytes))
});
const describe = sample => `${sample.seconds.toFixed(2)} s wall, ${sample.cpuSeconds.toFixed(2)} s CPU, peak RSS ${sample.megabytes.toFixed(0)} MB`;

const checkArgs = ['check', '--as-of', '2026-11-23', '--format', 'json', '--fail-on', 'never'];
const ratio = (a, b) => `${(a.seconds / b.seconds).toFixed(2)}× wall, ${(a.cpuSeconds / b.cpuSeconds).toFixed(2)}× CPU`;

// The yardstick: the language's parser and nothing else, bundled like the CLI.
const bareParse = join(root, '.bench', 'bare-parse.cjs');
await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['scripts/bench-bare-parse.ts'],
    outfile: bareParse,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    logLevel: 'warning',
    define: { 'import.meta.url': '__import_meta_url' },
    banner: { js: 'var __import_meta_url = require("node:url").pathToFileURL(__filename).href;' }
});

// Interleaved run by run, so that the three see the same load on a shared machine.
const samples = { check: [], parse: [], export: [] };
for (let run = 0; run < runs; run++) {
    const parse = timeProcess(bareParse, [modelDir], root, 'bare parse');
    const check = timeRisk([...checkArgs, modelDir], root, 'risk check');
    const exported = timeProcess(join(root, 'bin/risk.cjs'), ['export', 'register', modelDir, '--as-of', '2026-11-23', '--format', 'csv'], root, 'risk export register');
    samples.parse.push(parse);
    samples.check.push(check);
    samples.export.push(exported);
    console.log(`run ${run + 1}: check ${describe(check)}, ${check.output.diagnostics.length} findings; bare parse ${describe(parse)}; export register ${describe(exported)}`);
}
const check = figures(samples.check);
const parse = figures(samples.parse);
const exported = figures(samples.export);
console.log(`\nrisk check, ${risks} risks in ${files} files, Node ${process.versions.node}, ${runs} cold runs`);
console.log(`median ${check.seconds.toFixed(2)} s wall (target ≤ ${TARGET_SECONDS} s), ${check.cpuSeconds.toFixed(2)} s CPU, peak RSS ${check.megabytes.toFixed(0)} MB (target ≤ ${TARGET_MEGABYTES} MB)`);
console.log(`bare Langium parse of the same files beside it: median ${describe(parse)}`);
console.log(`ratio check / bare parse: ${ratio(check, parse)} (target ≤ ${TARGET_PARSE_RATIO}×)`);
console.log(`risk export register beside it: median ${describe(exported)}`);
console.log(`ratio export / check: ${ratio(exported, check)} (target ≤ ${TARGET_EXPORT_RATIO}×)`);

// Scaling: the same shape, several times larger, once (it takes a while).
const scaleRisks = Number(values['scale-risks']);
if (scaleRisks > 0) {
    const scaleDir = join(root, '.bench', `model-${scaleRisks}`);
    const scaleFiles = generateBenchModel(scaleDir, scaleRisks).files;
    const large = timeRisk([...checkArgs, scaleDir], root, 'risk check');
    const perRisk = sample => sample.cpuSeconds / sample.risks;
    const growth = perRisk({ ...large, risks: scaleRisks }) / perRisk({ ...check, risks });
    console.log(`\nrisk check, ${scaleRisks} risks in ${scaleFiles} files, one cold run: ${describe(large)}, ${large.output.diagnostics.length} findings`);
    console.log(`CPU per risk ${(growth).toFixed(2)}× that of ${risks} risks (linear: 1; target ≤ ${TARGET_SCALING}×); peak RSS target ≤ ${TARGET_SCALE_MEGABYTES} MB`);
}

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
