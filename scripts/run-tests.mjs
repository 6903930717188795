/**
 * `npm test`: build, install the tools the tests need outside the repository, run the
 * unit tests with those tools required, then the end-to-end test in a real VS Code.
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

const steps = [
    ['build', 'npm', ['run', 'build', '--silent']],
    ['set-up of the test tools', 'bash', ['scripts/e2e-setup.sh']],
    ['unit tests', join(root, 'node_modules/.bin/vitest'), ['run']],
    ['end-to-end test', 'npm', ['run', 'test:e2e', '--silent']]
];

for (const [name, command, args] of steps) {
    const { status, signal, error } = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
    if (error || status !== 0) {
        const why = error ? error.message : signal ? `killed by ${signal}` : `exit code ${status}`;
        console.error(`npm test: ${name} failed (${why})`);
        process.exit(status || 1);
    }
}
