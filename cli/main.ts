/** The entry point of the `risk` executable (bundled to bin/risk.cjs). */
import { RELAUNCHED_ENV, relaunchArguments, YOUNG_GENERATION_OPTION } from './large-model.js';
import { runCli } from './program.js';
import { quietConsole } from './quiet-console.js';

quietConsole(process.env, process.stderr);

// A reader that stops early (`risk check | head`) is not a failure of the check.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
        process.exit(process.exitCode ?? 0);
    }
    throw error;
});

/**
 * A large model is loaded by this command run again in a Node tuned for it (large-model.ts):
 * the process replaces itself (same process, same output and exit code). Where Node cannot
 * do that (Windows), the command goes on here, untuned.
 */
function relaunchForLargeModel(bytes: number): void {
    const args = relaunchArguments(bytes, { execArgv: process.execArgv, argv: process.argv.slice(1), env: process.env });
    if (!args || typeof process.execve !== 'function') {
        return;
    }
    if (process.env.RISK_DEBUG) {
        process.stderr.write(`risk: ${(bytes / 1e6).toFixed(1)} MB of model text: running again with ${YOUNG_GENERATION_OPTION}\n`);
    }
    try {
        process.execve(process.execPath, [process.execPath, ...args], { ...process.env, [RELAUNCHED_ENV]: '1' });
    } catch (error) {
        if (process.env.RISK_DEBUG) {
            process.stderr.write(`risk: could not run again (${error instanceof Error ? error.message : String(error)}); going on in this process\n`);
        }
    }
}

runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    modelSize: relaunchForLargeModel
}).then(
    code => {
        process.exitCode = code;
    },
    (error: unknown) => {
        // runCli catches everything; this is the last line of defence.
        process.stderr.write(`risk: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
    }
);
