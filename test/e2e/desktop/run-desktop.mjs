#!/usr/bin/env node
// Runs the extension's desktop test (suite.cjs) in a VS Code that is already installed
// on this machine, through @vscode/test-electron. It never downloads VS Code: set
// VSCODE_EXECUTABLE to the VS Code executable (e.g. /usr/share/code/code, or
// "/Applications/Visual Studio Code.app/Contents/MacOS/Electron"); without it the run
// is skipped with a message and exits 0. Build first (`npm run build`), or use
// `npm run test:desktop`, which does.
//
// The test opens a copy of examples/acme-saas, pinned to the examples' as-of date, in
// a fresh user-data and extensions folder, so nothing of the user's VS Code or of the
// repository is touched.
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const AS_OF = '2026-11-23';

const executable = process.env.VSCODE_EXECUTABLE;
if (!executable) {
    console.log('run-desktop: skipped: VSCODE_EXECUTABLE is not set. Set it to the path of an installed VS Code executable to run the desktop test; nothing is downloaded.');
    process.exit(0);
}
if (!existsSync(executable)) {
    console.error(`run-desktop: VSCODE_EXECUTABLE is ${executable}, which does not exist.`);
    process.exit(2);
}
for (const bundle of ['dist/extension.cjs', 'dist/server.cjs']) {
    if (!existsSync(join(root, bundle))) {
        console.error(`run-desktop: ${bundle} is missing: run \`npm run build\` first.`);
        process.exit(2);
    }
}

const temp = await mkdtemp(join(tmpdir(), 'risk-desktop-'));
try {
    const workspace = join(temp, 'acme-saas');
    await cp(join(root, 'examples', 'acme-saas'), workspace, { recursive: true });
    await mkdir(join(workspace, '.vscode'));
    await writeFile(join(workspace, '.vscode', 'settings.json'), `${JSON.stringify({ 'risk.asOf': AS_OF }, null, 4)}\n`);
    await runTests({
        vscodeExecutablePath: executable,
        extensionDevelopmentPath: root,
        extensionTestsPath: join(here, 'suite.cjs'),
        extensionTestsEnv: { RISK_DESKTOP_AS_OF: AS_OF },
        launchArgs: [
            workspace,
            '--disable-extensions',
            '--disable-workspace-trust',
            '--skip-welcome',
            '--skip-release-notes',
            `--user-data-dir=${join(temp, 'user-data')}`,
            `--extensions-dir=${join(temp, 'extensions')}`
        ]
    });
    console.log('run-desktop: passed');
} catch (error) {
    console.error('run-desktop: failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
} finally {
    await rm(temp, { recursive: true, force: true });
}
