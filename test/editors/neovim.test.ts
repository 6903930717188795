/**
 * The README's Neovim set-up, for real: Debian's Neovim runs headless with exactly
 * editors/neovim/risk.lua as its init file (the README includes that file), opens a
 * file of a copy of examples/acme-saas, and must detect the filetype, attach the Risk
 * server (`risk lsp --stdio` from the PATH) and receive the example's findings — the
 * same files, lines and codes as `risk check` reports for the folder.
 *
 * Without `nvim` the test is skipped with the reason, or fails when
 * RISK_REQUIRE_TOOLS=1 (npm test sets it; scripts/e2e-setup.sh installs Neovim).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { NODE, REPO_ROOT, RISK_BIN, runRisk } from '../cli/run-risk.js';

const nvim = findOnPath('nvim');
const required = process.env.RISK_REQUIRE_TOOLS === '1';
const MISSING = 'Neovim (nvim) is not on the PATH: install the Debian package neovim, or run scripts/e2e-setup.sh';
const CONFIG = join(REPO_ROOT, 'editors', 'neovim', 'risk.lua');
const PROBE = join(REPO_ROOT, 'test', 'editors', 'neovim-probe.lua');

if (!nvim && !required) {
    console.warn(`neovim.test.ts is skipped: ${MISSING}.`);
}

let work: string;

beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'risk-neovim-'));
});

afterAll(() => {
    rmSync(work, { recursive: true, force: true });
});

interface ProbeReport {
    readonly version: { major: number; minor: number };
    readonly filetype: string;
    readonly clients: string[];
    readonly attached: boolean;
    readonly complete: boolean;
    readonly diagnostics: Array<{ file: string; line: number; code: string | null }>;
}

test('Neovim with editors/neovim/risk.lua attaches the server and shows the findings of examples/acme-saas', context => {
    if (!nvim) {
        if (required) {
            throw new Error(`${MISSING}. RISK_REQUIRE_TOOLS=1 makes a missing tool a failure.`);
        }
        context.skip(MISSING);
        return;
    }
    // A copy outside any git repository: the root is the folder with method.risk.
    const model = join(work, 'acme-saas');
    cpSync(join(REPO_ROOT, 'examples', 'acme-saas'), model, { recursive: true });
    // `risk` on the PATH, as the README asks (npm link would put it there).
    const bin = join(work, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'risk'), `#!/bin/sh\nexec "${NODE}" "${RISK_BIN}" "$@"\n`);
    chmodSync(join(bin, 'risk'), 0o755);

    const check = runRisk(['check', model, '--format', 'json', '--fail-on', 'never'], { cwd: work });
    const expected = (JSON.parse(check.stdout) as { diagnostics: Array<{ file: string; line: number; code: string }> })
        .diagnostics.map(({ file, line, code }) => `${relative(model, join(work, file))}:${line} ${code}`).sort();
    expect(expected.length).toBeGreaterThan(0);

    const out = join(work, 'probe.json');
    const home = join(work, 'home');
    mkdirSync(home);
    const run = spawnSync(nvim, ['--headless', '-u', CONFIG, join(model, 'risks', 'people-and-suppliers.risk'), '-c', `luafile ${PROBE}`], {
        cwd: model,
        encoding: 'utf8',
        timeout: 180_000,
        env: {
            ...process.env,
            PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
            // No user configuration, state or shada of the machine.
            HOME: home,
            XDG_CONFIG_HOME: join(home, '.config'),
            XDG_DATA_HOME: join(home, '.local', 'share'),
            XDG_STATE_HOME: join(home, '.local', 'state'),
            RISK_PROBE_EXPECTED: String(expected.length),
            RISK_PROBE_OUT: out
        }
    });
    expect(run.error, `nvim did not finish: ${run.stderr}`).toBeUndefined();
    const report = JSON.parse(readFileSync(out, 'utf8')) as ProbeReport;
    expect(report.version.major * 100 + report.version.minor).toBeGreaterThanOrEqual(7);
    expect(report.filetype).toBe('risk');
    expect(report.clients).toEqual(['risk']);
    expect(report.complete).toBe(true);
    const shown = report.diagnostics.map(({ file, line, code }) => `${relative(model, file)}:${line} ${code}`).sort();
    expect(shown).toEqual(expected);
}, 240_000);

test('the README shows editors/neovim/risk.lua verbatim, so what users copy is what the test runs', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`lua\n${readFileSync(CONFIG, 'utf8')}\`\`\``);
});

function findOnPath(name: string): string | undefined {
    for (const folder of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
        const candidate = join(folder, name);
        try {
            accessSync(candidate, constants.X_OK);
            return candidate;
        } catch {
            // not in this folder
        }
    }
    return undefined;
}
