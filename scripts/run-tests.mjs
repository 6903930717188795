/**
 * `npm test`: build, install the tools the tests need outside the repository, run the
 * unit tests with those tools required, a few thousand inputs of the fuzzing harness,
 * then the end-to-end test in a real VS Code.
 *
 * Under CI (`CI` set) and without RISK_E2E_TOOLS, the tools go into a new, empty folder:
 * every CI run then proves that the set-up works on a machine that has never run it, the
 * way `npm test` runs it (from inside npm, with npm's variables exported). A cached
 * folder hid a broken install step once; it cannot again.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

function toolsFolder() {
    if (process.env.RISK_E2E_TOOLS) {
        return process.env.RISK_E2E_TOOLS;
    }
    if (process.env.CI) {
        return mkdtempSync(join(tmpdir(), 'risk-e2e-tools-'));
    }
    return join(homedir(), '.cache', 'risk-language-e2e');
}

const tools = toolsFolder();
console.log(`npm test: tools folder ${tools}${process.env.CI && !process.env.RISK_E2E_TOOLS ? ' (new and empty: CI proves the set-up from nothing)' : ''}`);
const env = { ...process.env, RISK_E2E_TOOLS: tools, RISK_REQUIRE_TOOLS: '1' };

/**
 * The fuzzing step: a fixed count of seed 1, the same inputs on every machine, on both
 * cores (about 100 s of CPU time, 50 s of an idle 2-core machine; docs/robustness.md). Time is not checked
 * (machines differ; `npm run fuzz` checks it), and failures are not shrunk into
 * test/fuzz/reproducers/ (a test does not write to the repository): the summary names
 * each failing input and the command that runs it alone and shrinks it.
 */
const FUZZ_ARGS = ['--seed', '1', '--inputs', '2000', '--jobs', '2', '--time-limit', 'none', '--no-shrink'];

const steps = [
    ['build', 'npm', ['run', 'build', '--silent']],
    ['set-up of the test tools', 'bash', ['scripts/e2e-setup.sh']],
    ['unit tests', join(root, 'node_modules/.bin/vitest'), ['run']],
    ['fuzzing', process.execPath, ['scripts/fuzz.mjs', ...FUZZ_ARGS], `npm run fuzz -- ${FUZZ_ARGS.join(' ')}`],
    ['end-to-end test', 'npm', ['run', 'test:e2e', '--silent']]
];

for (const [name, command, args, again] of steps) {
    const { status, signal, error } = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
    if (error || status !== 0) {
        const why = error ? error.message : signal ? `killed by ${signal}` : `exit code ${status}`;
        console.error(`npm test: ${name} failed (${why})${again ? `; run it again with: ${again}` : ''}`);
        process.exit(status || 1);
    }
}
