/** Runs the built CLI (bin/risk.cjs, made by `npm run build`) as a process. */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RISK_BIN = join(REPO_ROOT, 'bin', 'risk.cjs');
/** Node 24 from the `node` devDependency, not whatever node is on the PATH. */
export const NODE = join(REPO_ROOT, 'node_modules', '.bin', 'node');

export interface RiskRun {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** `timeout` (ms, default 60 s): a run that takes longer is killed, and its status is null. */
export function runRisk(args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined>; timeout?: number }): RiskRun {
    if (!existsSync(RISK_BIN)) {
        throw new Error(`${RISK_BIN} is missing: run \`npm run build\` first (npm test does).`);
    }
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, RISK_DEBUG: undefined, ...options.env };
    const result = spawnSync(NODE, [RISK_BIN, ...args], {
        cwd: options.cwd,
        env: Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined)),
        encoding: 'utf8',
        timeout: options.timeout ?? 60_000
    });
    if (result.error) {
        throw result.error;
    }
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The shape of `--format json`. */
export interface JsonReport {
    version: number;
    asOf: string;
    files: number;
    summary: { errors: number; warnings: number; infos: number; hints: number };
    models: Array<{ folder: string; files: number }>;
    diagnostics: Array<{ file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string; model: string }>;
}

export function runJson(args: readonly string[], cwd: string): { status: number | null; report: JsonReport; stderr: string } {
    const run = runRisk([...args, '--format', 'json'], { cwd });
    return { status: run.status, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

/** runRisk without blocking, so that tests can run a few processes side by side. */
export function runRiskAsync(args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<RiskRun> {
    if (!existsSync(RISK_BIN)) {
        throw new Error(`${RISK_BIN} is missing: run \`npm run build\` first (npm test does).`);
    }
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, RISK_DEBUG: undefined, ...options.env };
    return new Promise((resolve, reject) => {
        execFile(NODE, [RISK_BIN, ...args], {
            cwd: options.cwd,
            env: Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined)),
            encoding: 'utf8',
            timeout: 120_000,
            maxBuffer: 64 * 1024 * 1024
        }, (error, stdout, stderr) => {
            if (error && typeof error.code === 'string') {
                reject(error); // the process could not be started
                return;
            }
            // Killed (out of memory, or by the timeout): no status, and the signal on stderr.
            const status = error ? typeof error.code === 'number' ? error.code : null : 0;
            resolve({ status, stdout, stderr: error?.signal ? `${stderr}\n[killed by ${error.signal}]` : stderr });
        });
    });
}
