#!/usr/bin/env node
// End-to-end test of the Risk Language extension in a real VS Code: code-server
// (VS Code's workbench and Node extension host) driven by Debian's Chromium through
// playwright-core. See test/e2e/README.md and /work/shared/recipes/real-vscode.md.
//
// Run with the Node 24 that scripts/e2e-setup.sh installs:
//   bash scripts/e2e-setup.sh && npm run package && ~/.cache/risk-language-e2e/node_modules/.bin/node test/e2e/vscode.e2e.mjs
//
// Options:
//   --smoke   no extension: start code-server and Chromium, open the workspace and a
//             .risk file, take screenshots (checks the harness, not the extension)
//   --keep    keep the temporary folder (workspace, user data, code-server log)
//   --headed  show the browser (needs a display)
// Environment:
//   RISK_E2E_TOOLS  the tools folder (default ~/.cache/risk-language-e2e)
//   RISK_E2E_VSIX   the extension to install (default dist/risk-language.vsix)
//   RISK_E2E_STEP_TIMEOUT  seconds allowed for each step (default 90)
//
// Exit code 0 when every step passed, 1 with the failing step and the last
// screenshot otherwise.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync, readFileSync, createWriteStream } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOOLS = process.env.RISK_E2E_TOOLS || join(homedir(), '.cache', 'risk-language-e2e');
const VSIX = resolve(ROOT, process.env.RISK_E2E_VSIX || 'dist/risk-language.vsix');
const EXAMPLE = join(ROOT, 'examples', 'acme-saas');
const SCREENSHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
const STEP_TIMEOUT = Number(process.env.RISK_E2E_STEP_TIMEOUT || 90) * 1000;
const AS_OF = '2026-11-23';
const args = new Set(process.argv.slice(2));
const SMOKE = args.has('--smoke');
const KEEP = args.has('--keep');
const HEADED = args.has('--headed');
const CHROMIUM_ARGS = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'
].filter(arg => !(HEADED && arg === '--headless'));

const started = Date.now();
let shotNumber = 0;
let lastScreenshot;
let page;
let context;
let browser;
let codeServer;
let codeServerPort;
let tmp;

const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = message => console.log(`[e2e ${elapsed().padStart(7)}] ${message}`);

class StepFailure extends Error {}

// ------------------------------------------------------------------ helpers

/** Runs one named step with a time limit; a screenshot is taken after it either way. */
async function step(name, body, timeout = STEP_TIMEOUT) {
    log(`step ${name}: start`);
    const t0 = Date.now();
    let timer;
    // A step that timed out keeps running until the browser closes: ignore its end.
    const running = body();
    running.catch(() => undefined);
    try {
        await Promise.race([
            running,
            new Promise((_, reject) => {
                timer = setTimeout(() => reject(new StepFailure(`timed out after ${timeout / 1000} s`)), timeout);
            })
        ]);
    } catch (error) {
        clearTimeout(timer);
        await screenshot(`${name}-FAILED`, true);
        const failure = new StepFailure(`step "${name}" failed: ${error?.message ?? error}`);
        failure.step = name;
        throw failure;
    }
    clearTimeout(timer);
    await screenshot(name);
    log(`step ${name}: ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

/**
 * Saves test/e2e/screenshots/NN-name.png. Screenshots of a failure or a smoke run end
 * in .tmp.png (ignored by git) so they never replace the README's pictures.
 */
async function screenshot(name, failed = false) {
    if (!page) {
        return;
    }
    shotNumber += 1;
    // Failed steps and smoke runs (no extension) never replace the committed pictures.
    const file = join(SCREENSHOTS, `${String(shotNumber).padStart(2, '0')}-${name}${failed || SMOKE ? '.tmp' : ''}.png`);
    try {
        await page.screenshot({ path: file, timeout: 15_000 });
        lastScreenshot = file;
        log(`screenshot ${file}`);
    } catch (error) {
        log(`screenshot ${file} could not be taken: ${error.message}`);
    }
}

/** Polls `probe` until it returns a truthy value. */
async function waitFor(description, probe, timeout = 60_000, interval = 250) {
    const deadline = Date.now() + timeout;
    let last;
    while (Date.now() < deadline) {
        try {
            last = await probe();
            if (last) {
                return last;
            }
        } catch (error) {
            last = error;
        }
        await sleep(interval);
    }
    throw new Error(`${description} (waited ${timeout / 1000} s${last instanceof Error ? `; last error: ${last.message}` : ''})`);
}

function freePort() {
    return new Promise((resolvePort, reject) => {
        const server = createServer();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolvePort(port));
        });
    });
}

function fail(message) {
    throw new StepFailure(message);
}

/** The heap limit the e2e user settings give the language server (risk.server.maxMemory). */
const SERVER_MEMORY_MB = 1024;

/** The command lines of the running Risk language servers of the extension installed in `extensions`. */
function languageServerCommandLines(extensions) {
    const found = [];
    for (const pid of readdirSync('/proc').filter(name => /^\d+$/.test(name))) {
        let args;
        try {
            args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
        } catch {
            continue; // the process ended meanwhile
        }
        if (args.some(arg => arg.startsWith(extensions) && arg.endsWith('server.cjs'))) {
            found.push(args.join(' '));
        }
    }
    return found;
}

// ---------------------------------------------------------- the workbench

const quickInput = () => page.locator('.quick-input-widget');
const quickInputBox = () => quickInput().locator('.quick-input-box input');
/** The entries of the quick fix menu (Ctrl+.). */
const quickFixes = () => page.locator('.action-widget').getByRole('option');

async function quickOpen(fileName) {
    await page.keyboard.press('Control+P');
    await quickInputBox().waitFor({ state: 'visible', timeout: 10_000 });
    await quickInputBox().fill(fileName);
    await quickInput().getByRole('option', { name: fileName }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Enter');
    await activeTab(fileName).waitFor({ state: 'visible', timeout: 15_000 });
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 15_000 });
}

const activeTab = fileName => page.getByRole('tab', { name: fileName, selected: true });

/** The active editor's rendered text, inlay hints included (they are injected text). */
async function activeEditorText() {
    return page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
}

async function showProblems() {
    const panel = page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
        await page.keyboard.press('Control+Shift+M');
    }
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    return panel;
}

/** The Problems panel's rows (markers and file headers), as text. */
async function problemRows() {
    const panel = await showProblems();
    const rows = panel.getByRole('treeitem');
    const count = await rows.count();
    const texts = [];
    for (let i = 0; i < count; i++) {
        const row = rows.nth(i);
        const label = (await row.getAttribute('aria-label')) ?? '';
        const text = (await row.innerText().catch(() => '')) ?? '';
        texts.push(`${text.replace(/\s+/g, ' ')} | ${label}`);
    }
    return texts;
}

const isR005Unaccepted = row => /R-005/.test(row) && /unaccepted-residual/.test(row);

/** Types a path into the simple file dialog and checks that it stays there. */
async function typeSavePath(path) {
    for (let attempt = 0; attempt < 5; attempt++) {
        await quickInputBox().fill(path, { timeout: 5_000 });
        await sleep(500);
        if ((await quickInputBox().inputValue()) === path) {
            return;
        }
    }
    throw new Error(`the save dialog does not keep the path ${path}`);
}

async function runCommand(title) {
    await page.keyboard.press('F1');
    await quickInputBox().waitFor({ state: 'visible', timeout: 10_000 });
    await quickInputBox().fill(`>${title}`);
    const row = quickInput().getByRole('option', { name: title }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await row.click();
}

// ---------------------------------------------------------------- the run

async function main() {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const old of readdirSync(SCREENSHOTS).filter(name => name.endsWith('.tmp.png'))) {
        rmSync(join(SCREENSHOTS, old));
    }

    // ---- preconditions: the tools and the extension
    const major = Number(process.versions.node.split('.')[0]);
    if (major < 24) {
        fail(`run this with Node 24 or later (this is ${process.version}): ${join(TOOLS, 'node_modules', '.bin', 'node')} test/e2e/vscode.e2e.mjs`);
    }
    const codeServerBin = join(TOOLS, 'node_modules', '.bin', 'code-server');
    if (!existsSync(codeServerBin)) {
        fail(`code-server not found at ${codeServerBin}: run bash scripts/e2e-setup.sh (or set RISK_E2E_TOOLS)`);
    }
    const requireTools = createRequire(join(TOOLS, 'package.json'));
    let chromium;
    try {
        ({ chromium } = requireTools('playwright-core'));
    } catch {
        fail(`playwright-core not found in ${TOOLS}: run bash scripts/e2e-setup.sh`);
    }
    const which = spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' });
    const chromiumPath = which.stdout.trim();
    if (which.status !== 0 || !chromiumPath) {
        fail('Debian chromium not found on PATH: run bash scripts/e2e-setup.sh');
    }
    if (!SMOKE && !existsSync(VSIX)) {
        fail(`${VSIX} does not exist: run npm run package first (or pass --smoke to check the harness without the extension)`);
    }

    // ---- temporary folders: workspace copy, user data, extensions
    tmp = await mkdtemp(join(tmpdir(), 'risk-e2e-'));
    // code-server finds Node 24 on PATH and keeps its config and data files in tmp.
    const env = {
        ...process.env,
        PATH: `${join(TOOLS, 'node_modules', '.bin')}:${dirname(process.execPath)}:${process.env.PATH}`,
        XDG_CONFIG_HOME: join(tmp, 'xdg-config'),
        XDG_DATA_HOME: join(tmp, 'xdg-data')
    };
    const workspace = join(tmp, 'acme-saas');
    const userData = join(tmp, 'user-data');
    const extensions = join(tmp, 'extensions');
    await cp(EXAMPLE, workspace, { recursive: true });
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'risk.asOf': AS_OF }, null, 4) + '\n');
    mkdirSync(join(userData, 'User'), { recursive: true });
    writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'chat.disableAIFeatures': true,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'editor.inlayHints.enabled': 'on',
        'files.simpleDialog.enable': true,
        // Checked below: the extension starts its server with this heap limit.
        'risk.server.maxMemory': SERVER_MEMORY_MB
    }, null, 4) + '\n');
    log(`workspace ${workspace}`);

    // ---- install the extension
    if (!SMOKE) {
        await step('install-extension', async () => {
            const result = spawnSync(codeServerBin, ['--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', VSIX],
                { env, encoding: 'utf8', timeout: 120_000 });
            const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
            log(`code-server --install-extension: ${output.split('\n').join(' / ')}`);
            if (result.status !== 0 || !/successfully installed/i.test(output)) {
                throw new Error(`code-server --install-extension ${VSIX} failed (exit ${result.status}): ${output}`);
            }
        }, 150_000);
    }

    // ---- start code-server
    const port = await freePort();
    codeServerPort = port;
    const serverLog = join(tmp, 'code-server.log');
    await step('start-code-server', async () => {
        const out = createWriteStream(serverLog);
        codeServer = spawn(codeServerBin, [
            '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
            '--disable-workspace-trust', '--user-data-dir', userData, '--extensions-dir', extensions, workspace
        ], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        codeServer.stdout.pipe(out);
        codeServer.stderr.pipe(out);
        let exited;
        codeServer.on('exit', code => { exited = code ?? 'signal'; });
        log(`code-server pid ${codeServer.pid} on 127.0.0.1:${port} (log ${serverLog})`);
        await waitFor('code-server answers /healthz', async () => {
            if (exited !== undefined) {
                throw new Error(`code-server exited (${exited}): ${readFileSync(serverLog, 'utf8').slice(-2000)}`);
            }
            const response = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
            return response?.ok;
        }, 60_000);
    });

    // ---- launch Chromium and open the workspace
    await step('open-workbench', async () => {
        browser = await chromium.launch({ executablePath: chromiumPath, headless: !HEADED, args: CHROMIUM_ARGS, timeout: 60_000 });
        context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
        page = await context.newPage();
        page.setDefaultTimeout(30_000);
        page.on('pageerror', error => log(`page error: ${error.message}`));
        await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
        await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
        // The explorer lists the workspace once the folder is open.
        await page.locator('.explorer-folders-view').getByRole('treeitem', { name: 'risks' }).first()
            .waitFor({ state: 'visible', timeout: 60_000 });
    });

    if (SMOKE) {
        await step('smoke-open-file', async () => {
            await quickOpen('cyber.risk');
            const text = await activeEditorText();
            if (!text.includes('R-001')) {
                throw new Error(`cyber.risk is open but its text is not shown: ${text.slice(0, 200)}`);
            }
        });
        return;
    }

    // ---- a. the Problems panel shows the unaccepted residual of R-005
    await step('problems-R-005-unaccepted', async () => {
        await showProblems();
        const rows = await waitFor('an unaccepted-residual error for R-005 in the Problems panel', async () => {
            const texts = await problemRows();
            return texts.some(isR005Unaccepted) && texts;
        }, 75_000, 1000);
        log(`Problems panel rows:\n    ${rows.join('\n    ')}`);
        const row = rows.find(isR005Unaccepted);
        if (!/\| Error:/.test(row)) { // the row's aria-label starts with its severity
            throw new Error(`the R-005 problem is not shown as an error: ${row}`);
        }
    });

    // ---- the "Risk Language" output channel starts with the server's start line
    await step('output-channel-start-line', async () => {
        await runCommand('Output: Show Output Channels...');
        await quickInput().getByRole('option', { name: 'Risk Language' }).first().click();
        const text = await waitFor('the start line and a build summary in the Risk Language output channel', async () => {
            // Monaco renders spaces as no-break spaces.
            const shown = (await page.locator('.part.panel .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
            return /Risk Language server \S+ started on Node v\d+/.test(shown) && /Checked \d+ files/.test(shown) && shown;
        }, 30_000, 500);
        log(`output channel:\n    ${text.split('\n').filter(line => /started on|Checked/.test(line)).slice(0, 3).join('\n    ')}`);
        const servers = languageServerCommandLines(extensions);
        log(`language server processes: ${servers.join(' | ')}`);
        if (servers.length === 0 || !servers.every(args => args.includes(`--max-old-space-size=${SERVER_MEMORY_MB}`))) {
            throw new Error(`risk.server.maxMemory ${SERVER_MEMORY_MB} did not reach the language server's Node options: ${servers.join(' | ') || 'no server process found'}`);
        }
        await page.keyboard.press('Control+Shift+M'); // back to the Problems panel
    });

    // ---- b. inlay hints in cyber.risk show computed levels
    await step('inlay-hints-cyber', async () => {
        await quickOpen('cyber.risk');
        const text = await waitFor('an inlay hint with a score and level (⇒ N · Level) in cyber.risk', async () => {
            const shown = await activeEditorText();
            return /⇒\s*\d+\s*·\s*(Low|Moderate|High|Critical)\b/.test(shown) && shown;
        }, 60_000, 500);
        const hints = text.split('\n').filter(line => line.includes('⇒')).map(line => line.trim());
        log(`lines with score hints:\n    ${hints.join('\n    ')}`);
        if (!hints.some(line => /⇒\s*9\s*·\s*Critical/.test(line))) {
            throw new Error(`no hint shows R-001's inherent "⇒ 9 · Critical": ${hints.join(' | ')}`);
        }
    });

    // ---- completion after `likelihood ` opens by itself, with the likelihood scale's values only
    const cyberFile = join(workspace, 'risks', 'cyber.risk');
    const cyberShipped = readFileSync(cyberFile, 'utf8');
    await step('completion-likelihood-values', async () => {
        // cyber.risk is the active editor. Line 13 is R-001's `  likelihood Likely`: cut it
        // back to `  likelihood` and type the space a user types before the value.
        await page.keyboard.press('Control+G');
        await quickInputBox().waitFor({ state: 'visible', timeout: 10_000 });
        await quickInputBox().fill(':13:13');
        await page.keyboard.press('Enter');
        await quickInput().waitFor({ state: 'hidden', timeout: 10_000 });
        await page.keyboard.press('Shift+End');
        await page.keyboard.press('Delete');
        await page.keyboard.type(' ');
        const rows = page.locator('.editor-widget.suggest-widget .monaco-list-row');
        const labels = await waitFor('the suggestion list opened by the space after `likelihood`', async () => {
            if (!(await page.locator('.editor-widget.suggest-widget.visible').isVisible())) {
                return false;
            }
            const texts = (await rows.allInnerTexts()).map(text => text.replace(/\s+/g, ' ').trim()).filter(Boolean);
            return texts.length > 0 && texts;
        }, 20_000, 250);
        await screenshot('completion-likelihood-suggestions');
        log(`suggestions after "likelihood ": ${labels.join(' | ')}`);
        const values = ['Rare', 'Possible', 'Likely'];
        const others = labels.filter(label => !values.some(value => label.startsWith(value)));
        if (others.length > 0 || labels.length !== values.length) {
            throw new Error(`expected exactly the likelihood scale's values ${values.join(', ')}, got: ${labels.join(' | ')}`);
        }
        // Undo the two edits (the deleted value, the typed space); the later steps need the
        // example as shipped, and so does its Problems panel.
        await page.keyboard.press('Escape');
        await waitFor('R-001 back to `likelihood Likely` after undo', async () => {
            if (/^\s*likelihood\s+Likely\s*$/m.test(await activeEditorText())) {
                return true;
            }
            await page.keyboard.press('Control+Z');
            await sleep(300);
            return false;
        }, 15_000, 300);
        await page.keyboard.press('Control+S');
        await waitFor('cyber.risk on disk as shipped', async () => readFileSync(cyberFile, 'utf8') === cyberShipped, 10_000);
        await waitFor('the syntax error gone from the Problems panel', async () => !(await problemRows()).some(row => /syntax-error/.test(row)), 30_000, 1000);
    });

    // ---- c. quick fix "Add an acceptance" on R-005: the error stays until a reason is written
    const peopleFile = join(workspace, 'risks', 'people-and-suppliers.risk');
    const REASON = 'Supplier audit booked for Q1 2027; the DPA security annex is signed';
    await step('quick-fix-menu-R-005', async () => {
        await quickOpen('people-and-suppliers.risk');
        await page.keyboard.press('Control+G');
        await quickInputBox().waitFor({ state: 'visible', timeout: 10_000 });
        await quickInputBox().fill(':3:8');
        await page.keyboard.press('Enter');
        await quickInput().waitFor({ state: 'hidden', timeout: 10_000 });
        const actions = quickFixes().filter({ hasText: /Add an acceptance/ });
        await waitFor('the quick fix menu with "Add an acceptance"', async () => {
            if (!(await page.locator('.action-widget').isVisible())) {
                await page.keyboard.press('Control+.');
                await sleep(1500);
            }
            return (await actions.count()) > 0;
        }, 45_000, 500);
        const titles = (await quickFixes().allInnerTexts()).map(t => t.replace(/\s+/g, ' ').trim());
        log(`quick fixes offered: ${titles.join(' | ')}`);
        if (!titles.some(title => /Reduce the risk/.test(title))) {
            throw new Error(`"Reduce the risk: add a treatment action" is not offered beside the acceptance: ${titles.join(' | ')}`);
        }
    });
    await step('quick-fix-acceptance-placeholder', async () => {
        await quickFixes().filter({ hasText: /Add an acceptance/ }).first().click();
        await waitFor('the acceptance snippet in the editor', async () => /acceptance\s*\{/.test(await activeEditorText()), 15_000);
        // The snippet's prompt is no justification: the acceptance is incomplete, and R-005
        // keeps an error in the Problems panel until someone writes why.
        const rows = await waitFor('an acceptance-incomplete error while the justification is the prompt', async () => {
            const texts = await problemRows();
            return texts.some(row => /acceptance-incomplete/.test(row) && /\| Error:/.test(row)) && texts;
        }, 30_000, 1000);
        log(`Problems panel rows with the prompt as justification:\n    ${rows.join('\n    ')}`);
    });
    await step('quick-fix-justification-typed-saved', async () => {
        // The prompt is the snippet's first tab stop, selected: typing replaces it.
        await page.keyboard.type(REASON, { delay: 5 });
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+S');
        const saved = await waitFor('people-and-suppliers.risk saved with the typed justification', async () => {
            const text = readFileSync(peopleFile, 'utf8');
            const r005 = text.slice(text.indexOf('risk R-005'), text.indexOf('risk R-007'));
            return r005.includes(REASON) && /acceptance\s*\{/.test(r005) && r005;
        }, 15_000);
        if (/Say why this residual risk is acceptable/.test(saved)) {
            throw new Error(`the prompt is still in R-005:\n${saved}`);
        }
        log(`R-005 now ends with:\n${saved.slice(saved.indexOf('residual likelihood')).trimEnd()}`);
    });
    await step('problems-R-005-accepted', async () => {
        // Gone for two polls in a row while the panel still lists R-011's error of the
        // same code: the list was re-rendered with new diagnostics, not emptied.
        let gone = 0;
        const rows = await waitFor('the R-005 errors gone from the Problems panel', async () => {
            const texts = await problemRows();
            const stillListed = texts.some(row => /R-011/.test(row) && /unaccepted-residual/.test(row));
            const r005Gone = !texts.some(isR005Unaccepted) && !texts.some(row => /acceptance-incomplete/.test(row));
            gone = stillListed && r005Gone ? gone + 1 : 0;
            return gone >= 2 && texts;
        }, 45_000, 1000);
        log(`Problems panel rows:\n    ${rows.join('\n    ')}`);
    });

    // ---- formatting the hand-aligned threats.risk changes nothing
    const threatsFile = join(workspace, 'threats.risk');
    await step('format-threats-unchanged', async () => {
        const before = readFileSync(threatsFile, 'utf8');
        await quickOpen('threats.risk');
        await runCommand('Format Document');
        await sleep(2000);
        if (await page.locator('.tab.active.dirty').count() > 0) {
            const shown = await activeEditorText();
            throw new Error(`Format Document changed threats.risk:\n${shown.slice(0, 1500)}`);
        }
        await page.keyboard.press('Control+S');
        await sleep(500);
        if (readFileSync(threatsFile, 'utf8') !== before) {
            throw new Error('threats.risk on disk changed after Format Document and save');
        }
        log('Format Document left threats.risk as it was (the editor stayed clean)');
    });

    // ---- d. Risk: Export Risk Register… as CSV through the save dialog
    const exported = join(workspace, 'exports', 'risk-register.csv');
    mkdirSync(dirname(exported), { recursive: true });
    await step('export-register-format', async () => {
        await runCommand('Risk: Export Risk Register');
        const csv = quickInput().getByRole('option', { name: /^CSV/ }).first();
        await csv.waitFor({ state: 'visible', timeout: 20_000 });
    });
    await step('export-register-save-dialog', async () => {
        await quickInput().getByRole('option', { name: /^CSV/ }).first().click();
        // code-server's simple file dialog: a quick input holding a path. It fills in
        // the default path and lists the folder asynchronously, and may set the value
        // again meanwhile: wait until it holds still before typing.
        let previous;
        let steady = 0;
        await waitFor('the save dialog (a quick input holding a path) to settle', async () => {
            const value = (await quickInputBox().isVisible()) ? await quickInputBox().inputValue() : undefined;
            steady = value?.startsWith('/') && value === previous ? steady + 1 : 0;
            previous = value;
            return steady >= 4; // unchanged for a second
        }, 20_000, 250);
        log(`save dialog proposes ${previous}`);
        await typeSavePath(exported);
    });
    await step('export-register-written', async () => {
        await page.keyboard.press('Enter');
        let presses = 1;
        await sleep(1500);
        await waitFor(`${exported} written`, async () => {
            if (existsSync(exported)) {
                return true;
            }
            // Should the file exist already, VS Code asks before replacing it.
            const replace = page.locator('.monaco-dialog-box').getByRole('button', { name: /Replace/ });
            if (await replace.isVisible().catch(() => false)) {
                await replace.click({ timeout: 2_000 }).catch(() => undefined);
                return false;
            }
            // The dialog still open (it was busy, or reset the path): type and confirm again.
            if (presses < 4 && await quickInputBox().isVisible().catch(() => false)) {
                await typeSavePath(exported);
                await page.keyboard.press('Enter');
                presses += 1;
                log(`save dialog still open: Enter pressed again (${presses})`);
                await sleep(1500);
            }
            return false;
        }, 30_000, 1000);
        await activeTab('risk-register.csv').waitFor({ state: 'visible', timeout: 15_000 })
            .catch(() => log('the exported CSV was not opened in an editor'));
        const csv = await waitFor('the register header in the CSV', async () => {
            const text = readFileSync(exported, 'utf8').replace(/^\uFEFF/, '');
            return text.startsWith('ID,Title,') && text;
        }, 10_000);
        const lines = csv.trim().split(/\r?\n/);
        log(`${exported}: ${lines.length - 1} rows; header ${lines[0].slice(0, 80)}…`);
        if (!lines.some(line => line.startsWith('R-005,'))) {
            throw new Error('the register has no R-005 row');
        }
    });

    // ---- f. a large workspace shows its progress while it is checked, never "No Problems"
    const large = join(tmp, 'large-model');
    const { generateBenchModel } = await import(pathToFileURL(join(ROOT, 'scripts', 'generate-bench-model.mjs')).href);
    generateBenchModel(large, 2_000);
    mkdirSync(join(large, '.vscode'), { recursive: true });
    writeFileSync(join(large, '.vscode', 'settings.json'), JSON.stringify({ 'risk.asOf': AS_OF }, null, 4) + '\n');
    await step('progress-large-workspace', async () => {
        page = await context.newPage();
        page.on('pageerror', error => log(`page error: ${error.message}`));
        // Every text the status bar shows, recorded in the page: a check that ends between
        // two looks from here would otherwise go unseen.
        await page.addInitScript(() => {
            window.riskStatusTexts = [];
            new MutationObserver(() => {
                const text = [...document.querySelectorAll('.part.statusbar .statusbar-item')]
                    .map(item => item.textContent.trim()).filter(Boolean).join(' | ');
                if (/Risk|Checking/.test(text) && window.riskStatusTexts.at(-1) !== text) {
                    window.riskStatusTexts.push(text);
                }
            }).observe(document, { subtree: true, childList: true, characterData: true });
        });
        await page.goto(`http://127.0.0.1:${codeServerPort}/?folder=${encodeURIComponent(large)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
        await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
        const checking = page.locator('.part.statusbar').getByText(/Checking \d+ files/).first();
        await checking.waitFor({ state: 'visible', timeout: 90_000 })
            .then(() => screenshot('progress-large-workspace-checking'))
            .catch(() => log('the progress was not caught on screen'));
        await page.locator('.part.statusbar').getByText(/\d+ unaccepted/).first().waitFor({ state: 'visible', timeout: 90_000 });
        const texts = (await page.evaluate(() => window.riskStatusTexts)).map(text => text.replace(/\s+/g, ' '));
        log(`status bar texts while the large workspace loaded:\n    ${texts.slice(0, 12).join('\n    ')}`);
        if (!texts.some(text => /Risk: loading/.test(text))) {
            throw new Error('the status bar never said "Risk: loading" while the large workspace loaded');
        }
        if (!texts.some(text => /Checking \d+ files/.test(text))) {
            throw new Error('the status bar never showed the progress "Checking N files…" while the large workspace loaded');
        }
    }, 180_000);
}

// ------------------------------------------------------------ e. clean up

async function stopCodeServer() {
    if (!codeServer || codeServer.exitCode !== null || codeServer.signalCode !== null) {
        return;
    }
    const exited = new Promise(resolveExit => codeServer.once('exit', resolveExit));
    const signal = sig => {
        try {
            process.kill(-codeServer.pid, sig); // its process group: the server and its extension host
        } catch {
            try { process.kill(codeServer.pid, sig); } catch { /* gone */ }
        }
    };
    signal('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!stopped) {
        signal('SIGKILL');
        await Promise.race([exited, sleep(5_000)]);
    }
    log(`code-server pid ${codeServer.pid} stopped`);
}

async function cleanUp(failed) {
    await browser?.close().catch(error => log(`browser close: ${error.message}`));
    await stopCodeServer().catch(error => log(`code-server stop: ${error.message}`));
    if (tmp) {
        if (failed) {
            const serverLog = join(tmp, 'code-server.log');
            if (existsSync(serverLog)) {
                console.log(`---- code-server log (last 3000 characters) ----\n${readFileSync(serverLog, 'utf8').slice(-3000)}\n----`);
            }
        }
        if (KEEP) {
            log(`kept ${tmp}`);
        } else {
            rmSync(tmp, { recursive: true, force: true });
        }
    }
}

let exitCode = 0;
try {
    await main();
    log(`PASS: all steps passed in ${elapsed()}${SMOKE ? ' (smoke run, no extension)' : ''}; screenshots in ${SCREENSHOTS}`);
} catch (error) {
    exitCode = 1;
    console.error(`[e2e] FAIL: ${error instanceof StepFailure ? error.message : error?.stack ?? error}`);
    if (lastScreenshot) {
        console.error(`[e2e] last screenshot: ${lastScreenshot}`);
    }
} finally {
    await cleanUp(exitCode !== 0);
}
process.exit(exitCode);
