/**
 * `npm run fuzz`: the long run of the fuzzing harness (see docs/robustness.md).
 *
 *   npm run fuzz -- [--inputs 1000] [--seed 1] [--from 0] [--only N] [--time-limit 2000|none] [--no-shrink] [--profile] …
 *   npm run fuzz -- --help     (every option, from test/fuzz/options.ts)
 *
 * Input N of a seed is always the same model, so `--seed S --only N` runs one input again
 * and prints it. Each distinct failure is shrunk to a minimal reproducer in
 * test/fuzz/reproducers/, which the unit tests then run. Exit code 0: no failures; 1:
 * failures; 2: bad arguments.
 */
import type { ModelFiles } from './corpus.js';
import { signatureOf, type Failure } from './failures.js';
import { fuzzInput, type FuzzInput } from './inputs.js';
import { parseFuzzArguments, usage, type Settings } from './options.js';
import { headerOf, readReproducers, reproducerName, writeReproducer } from './reproducers.js';
import { ChildRunner, serveChild } from './runner.js';
import { shrink } from './shrink.js';

interface Found {
    readonly failure: Failure;
    readonly input: FuzzInput;
    count: number;
    reproducer?: string;
}

const clock = () => new Date().toISOString().slice(11, 19);

async function main(settings: Settings): Promise<number> {
    const runners = Array.from({ length: settings.jobs }, () => new ChildRunner(process.argv[1], {
        timeLimitMs: settings.timeLimitMs,
        hangMs: 30_000,
        heapMb: 768,
        timings: settings.profile ? new Map() : undefined
    }));
    const found = new Map<string, Found>();
    const known = new Set(readReproducers(settings.reproducers).map(reproducer => reproducer.name.replace(/\.(risk|model)$/, '')));
    const indexes = settings.only !== undefined ? [settings.only] : Array.from({ length: settings.inputs }, (_, offset) => settings.from + offset);
    console.log(`[${clock()}] fuzz: seed ${settings.seed}, inputs ${indexes[0]}..${indexes.at(-1)}, ${settings.jobs} job(s), ${settings.timeLimitMs === undefined ? 'no time limit' : `time limit ${settings.timeLimitMs} ms per request on files up to 16 KB`}`);
    const start = performance.now();
    let lastReport = start;
    let failedInputs = 0;
    let done = 0;
    let next = 0;
    const deadline = settings.maxMinutes === undefined ? Infinity : start + settings.maxMinutes * 60_000;
    const record = (index: number, failures: Failure[]): void => {
        // The child made the input; the parent makes it again only to report and shrink it.
        const input = fuzzInput(settings.seed, index);
        for (const failure of failures) {
            const signature = signatureOf(failure);
            const seen = found.get(signature);
            if (seen) {
                seen.count++;
                continue;
            }
            console.log(`[${clock()}] input ${input.index} (${input.description}): ${signature}`);
            found.set(signature, { failure, input, count: 1 });
        }
    };
    const work = async (runner: ChildRunner): Promise<void> => {
        while (next < indexes.length && performance.now() < deadline) {
            const index = indexes[next++];
            if (settings.only !== undefined) {
                printInput(fuzzInput(settings.seed, index));
            }
            const failures = await runner.runInput(settings.seed, index);
            done++;
            if (failures.length > 0) {
                failedInputs++;
                record(index, failures);
            }
            const now = performance.now();
            if (now - lastReport > 60_000 || done === indexes.length || now >= deadline) {
                lastReport = now;
                console.log(`[${clock()}] ${done}/${indexes.length} inputs, ${failedInputs} failing, ${found.size} distinct failures, ${(done / ((now - start) / 1000)).toFixed(1)} inputs/s`);
            }
        }
    };
    await Promise.all(runners.map(work));
    if (done < indexes.length) {
        console.log(`[${clock()}] --max-minutes ${settings.maxMinutes} reached: ${done} of ${indexes.length} inputs run`);
    }
    const runner = runners[0];
    const seconds = (performance.now() - start) / 1000;
    if (settings.shrink) {
        for (const [signature, entry] of found) {
            const name = reproducerName(entry.failure);
            if (known.has(name)) {
                console.log(`[${clock()}] ${signature}: reproducer ${name} exists already`);
                continue;
            }
            entry.reproducer = await writeMinimal(runner, settings, entry, signature, name);
        }
    }
    runners.forEach(each => each.close());
    printSummary(settings, done, failedInputs, found, seconds, runners);
    return found.size > 0 ? 1 : 0;
}

/** Shrinks the input of a failure and writes it, headed by a comment when that keeps it failing. */
async function writeMinimal(runner: ChildRunner, settings: Settings, entry: Found, signature: string, name: string): Promise<string> {
    const stillFails = async (files: ModelFiles) => (await runner.run(files)).some(failure => signatureOf(failure) === signature);
    const started = performance.now();
    let files = await shrink(entry.input.files, stillFails);
    const origin = `seed ${settings.seed}, input ${entry.input.index} (${entry.input.description})`;
    const [first] = Object.keys(files);
    const headed = { ...files, [first]: headerOf(entry.failure, origin) + files[first] };
    if (await stillFails(headed)) {
        files = headed;
    }
    const path = writeReproducer(settings.reproducers, name, files);
    const size = Object.values(files).reduce((total, text) => total + text.length, 0);
    console.log(`[${clock()}] ${signature}\n    shrunk to ${size} characters in ${((performance.now() - started) / 1000).toFixed(0)} s: ${path}`);
    return path;
}

function printInput(input: FuzzInput): void {
    console.log(`input ${input.index}: ${input.description}`);
    for (const [name, text] of Object.entries(input.files)) {
        console.log(`----- ${name} (${text.length} characters)\n${text.length > 20_000 ? `${text.slice(0, 20_000)}\n… (${text.length - 20_000} more)` : text}`);
    }
    console.log('-----');
}

function printSummary(settings: Settings, done: number, failedInputs: number, found: Map<string, Found>, seconds: number, runners: ChildRunner[]): void {
    const restarts = runners.reduce((total, runner) => total + runner.restarts, 0);
    console.log(`\nfuzz summary: seed ${settings.seed}, ${done} inputs in ${seconds.toFixed(0)} s (${(done / seconds).toFixed(1)} inputs/s), ${failedInputs} failing inputs, ${found.size} distinct failures, ${restarts} child restarts`);
    for (const [signature, entry] of found) {
        console.log(`\n  ${signature}\n    ${entry.count}× first in input ${entry.input.index}: ${entry.input.description}`);
        console.log(`    again: npm run fuzz -- --seed ${settings.seed} --only ${entry.input.index}`);
        if (entry.reproducer) {
            console.log(`    reproducer: ${entry.reproducer}`);
        }
        if (entry.failure.detail) {
            console.log(entry.failure.detail.split('\n').slice(0, 8).map(line => `      ${line}`).join('\n'));
        }
    }
    if (settings.profile) {
        console.log('\ntime per step (s):');
        const timings = new Map<string, number>();
        for (const [step, ms] of runners.flatMap(runner => [...runner.timings])) {
            timings.set(step, (timings.get(step) ?? 0) + ms);
        }
        for (const [step, ms] of [...timings].sort((a, b) => b[1] - a[1])) {
            console.log(`  ${(ms / 1000).toFixed(1).padStart(8)}  ${step}`);
        }
    }
}

if (process.argv[2] === '--child') {
    serveChild(process.argv[3]);
} else {
    let command: ReturnType<typeof parseFuzzArguments>;
    try {
        command = parseFuzzArguments(process.argv.slice(2));
    } catch (error) {
        console.error(`${error instanceof Error ? error.message : String(error)}\n${usage()}`);
        process.exit(2);
    }
    if (command.kind === 'help') {
        console.log(usage());
    } else {
        process.exitCode = await main(command.settings);
    }
}
