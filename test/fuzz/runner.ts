/**
 * Runs inputs in a child process, so that an input that exhausts memory or never finishes
 * is reported (`crash`, `hang`) instead of taking the fuzzer down with it. The child is the
 * same bundle started with `--child`; it is started again after a crash or a hang.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { ModelFiles } from './corpus.js';
import { exerciseModel, type ExerciseOptions } from './exercise.js';
import type { Failure } from './failures.js';

interface Request {
    readonly id: number;
    readonly files: ModelFiles;
}

interface Reply {
    readonly id: number;
    readonly failures: Failure[];
    readonly timings?: Array<[string, number]>;
}

export interface RunnerOptions extends ExerciseOptions {
    /** An input still running after this long is a `hang`. */
    readonly hangMs: number;
    /** The child's heap limit: an input that needs more is a `crash`. */
    readonly heapMb: number;
}

/**
 * Inputs a child runs before it is replaced by a fresh one. Every input builds fresh
 * services, and Chevrotain keeps every token type ever created in a process-wide table
 * (`tokenIdxToClass`): about 0.1 MB per input that no collection frees, so a child that
 * ran some 8,000 inputs ran out of its heap. The language server and the CLI create their
 * services once, so only the harness needs this.
 */
export const INPUTS_PER_CHILD = 1_000;

export class ChildRunner {
    private child: ChildProcess | undefined;
    private inputsOfChild = 0;
    private nextId = 1;
    private pending: { id: number; settle: (failures: Failure[]) => void } | undefined;
    readonly timings = new Map<string, number>();
    restarts = 0;

    constructor(private readonly script: string, private readonly options: RunnerOptions) {}

    run(files: ModelFiles): Promise<Failure[]> {
        if (this.inputsOfChild >= INPUTS_PER_CHILD) {
            this.close();
        }
        const child = this.start();
        this.inputsOfChild++;
        const id = this.nextId++;
        return new Promise(resolve => {
            const timer = setTimeout(() => {
                this.kill();
                settle([{ property: 'hang', step: 'input', message: `no answer within ${this.options.hangMs} ms` }]);
            }, this.options.hangMs);
            const settle = (failures: Failure[]) => {
                clearTimeout(timer);
                this.pending = undefined;
                resolve(failures);
            };
            this.pending = { id, settle };
            child.send({ id, files } satisfies Request);
        });
    }

    close(): void {
        this.child?.removeAllListeners();
        this.child?.kill();
        this.child = undefined;
    }

    private start(): ChildProcess {
        if (this.child) {
            return this.child;
        }
        let stderr = '';
        this.inputsOfChild = 0;
        const child = fork(this.script, ['--child', JSON.stringify({ timeLimitMs: this.options.timeLimitMs, smallFileBytes: this.options.smallFileBytes, profile: this.options.timings !== undefined })], {
            execArgv: [`--max-old-space-size=${this.options.heapMb}`, '--stack-size=984'],
            stdio: ['ignore', 'ignore', 'pipe', 'ipc']
        });
        child.stderr?.on('data', (chunk: Buffer) => {
            stderr = (stderr + chunk.toString('utf8')).slice(-4000);
        });
        child.on('message', (reply: Reply) => {
            for (const [step, ms] of reply.timings ?? []) {
                this.timings.set(step, (this.timings.get(step) ?? 0) + ms);
            }
            if (this.pending?.id === reply.id) {
                this.pending.settle(reply.failures);
            }
        });
        child.on('exit', (code, signal) => {
            if (this.child === child) {
                this.child = undefined;
                this.restarts++;
            }
            const oom = /heap out of memory|Allocation failed|invalid table size|Invalid array length/i.test(stderr);
            this.pending?.settle([{
                property: 'crash',
                step: 'input',
                message: oom ? 'the process ran out of memory' : `the process exited (${signal ?? `code ${code}`})`,
                detail: stderr.split('\n').filter(line => line.trim() !== '').slice(0, 6).join('\n')
            }]);
        });
        this.child = child;
        return child;
    }

    private kill(): void {
        const child = this.child;
        this.child = undefined;
        child?.removeAllListeners('exit');
        child?.kill('SIGKILL');
        this.restarts++;
    }
}

const WARM_UP: ModelFiles = {
    'model.risk': 'role ciso "CISO"\nmethod "M" {\n  scale likelihood { 1 Rare }\n  scale impact { 1 Minor }\n  score likelihood * impact\n  levels { Low 1..1 }\n}\nrisk R-1 "R" {\n  owner ciso\n  likelihood 1\n  impact 1\n}\n'
};

/** The child's side: answers each request with the failures of its input. */
export function serveChild(optionsJson: string): void {
    const { profile, ...options } = JSON.parse(optionsJson) as ExerciseOptions & { profile: boolean };
    // The first model a process builds also compiles the parser and warms the JIT up: do that
    // before the first input, so that the time limit measures the input and not the start.
    const warm = exerciseModel(WARM_UP);
    process.on('message', (request: Request) => {
        const timings = profile ? new Map<string, number>() : undefined;
        void warm.then(() => exerciseModel(request.files, { ...options, timings })).then(failures => {
            process.send!({ id: request.id, failures, timings: timings ? [...timings] : undefined } satisfies Reply);
        });
    });
    // An exception that escapes every request (a rejected promise nobody awaited) is a failure too.
    process.on('unhandledRejection', error => {
        throw error;
    });
}
