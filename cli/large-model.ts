/**
 * A model of several megabytes is checked, exported or compared in a Node process with a
 * smaller young generation. Node 24's default (up to 32 MB per semi-space on a machine
 * with this much memory) lets a parse's short-lived objects pile up between scavenges:
 * with 8 MB, the check of 10,000 risks takes about a sixth less time and a quarter less
 * memory (docs/performance.md, "The CLI's young generation"). V8 reads that limit only
 * when the process starts, so the `risk` executable starts Node again with it; a small
 * model is not worth the second start (about 90 ms).
 */
import { statSync } from 'node:fs';

/** From about 3,500 risks of the benchmark's shape on. */
export const LARGE_MODEL_BYTES = 1_500_000;

export const YOUNG_GENERATION_OPTION = '--max-semi-space-size=8';

/** Set in the relaunched process (and by whoever wants the CLI never to relaunch). */
export const RELAUNCHED_ENV = 'RISK_CLI_RELAUNCHED';

/** Called by a command with the size of the model it is about to load, before it writes anything. */
export type ModelSizeHook = (bytes: number) => void;

/** The size of the files, in bytes; a file that cannot be read counts nothing (loading it reports why). */
export function sizeOfFiles(files: Iterable<string>): number {
    let bytes = 0;
    for (const file of files) {
        try {
            bytes += statSync(file).size;
        } catch {
            // Reported by the load.
        }
    }
    return bytes;
}

export interface ProcessFacts {
    readonly execArgv: readonly string[];
    /** The script and the user's arguments: process.argv without the Node executable. */
    readonly argv: readonly string[];
    readonly env: NodeJS.ProcessEnv;
}

/**
 * Node's arguments for a relaunch with a smaller young generation, or undefined when the
 * model is small, the process already runs so (relaunched, or the user chose the size in
 * the Node options) or relaunching is turned off.
 */
export function relaunchArguments(bytes: number, facts: ProcessFacts): string[] | undefined {
    const chosen = (options: string) => /--max-semi-space-size\b/.test(options);
    if (bytes < LARGE_MODEL_BYTES || facts.env[RELAUNCHED_ENV] || facts.execArgv.some(chosen) || chosen(facts.env.NODE_OPTIONS ?? '')) {
        return undefined;
    }
    return [...facts.execArgv, YOUNG_GENERATION_OPTION, ...facts.argv];
}
