/** The entry point of the `risk` executable (bundled to bin/risk.cjs). */
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

runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr
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
