/**
 * A large model is loaded by the `risk` process run again with a smaller young generation
 * (cli/large-model.ts): the decision, and that a relaunched run prints and exits exactly
 * as an untuned one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LARGE_MODEL_BYTES, RELAUNCHED_ENV, relaunchArguments, sizeOfFiles, YOUNG_GENERATION_OPTION } from '../../cli/large-model.js';
import { NODE, REPO_ROOT, runRisk, runRiskAsync } from './run-risk.js';

const script = ['/opt/bin/risk.cjs', 'check', 'model'];

describe('when the CLI runs again', () => {
    test('a model from LARGE_MODEL_BYTES on: the same script and arguments, after the Node options', () => {
        expect(relaunchArguments(LARGE_MODEL_BYTES, { execArgv: ['--enable-source-maps'], argv: script, env: {} }))
            .toEqual(['--enable-source-maps', YOUNG_GENERATION_OPTION, ...script]);
    });

    test('not for a smaller model, not twice, and not when the user chose the young generation', () => {
        expect(relaunchArguments(LARGE_MODEL_BYTES - 1, { execArgv: [], argv: script, env: {} })).toBeUndefined();
        expect(relaunchArguments(10 * LARGE_MODEL_BYTES, { execArgv: [], argv: script, env: { [RELAUNCHED_ENV]: '1' } })).toBeUndefined();
        expect(relaunchArguments(10 * LARGE_MODEL_BYTES, { execArgv: ['--max-semi-space-size=64'], argv: script, env: {} })).toBeUndefined();
        expect(relaunchArguments(10 * LARGE_MODEL_BYTES, { execArgv: [], argv: script, env: { NODE_OPTIONS: '--max-semi-space-size=2' } })).toBeUndefined();
    });

    test('the size of a model is that of its files on disk; an unreadable one counts nothing', () => {
        const examples = join(REPO_ROOT, 'examples', 'acme-saas');
        const files = ['method.risk', 'risks.risk'].map(name => join(examples, name));
        expect(sizeOfFiles([...files, join(examples, 'missing.risk')])).toBe(sizeOfFiles(files));
        expect(sizeOfFiles(files)).toBeGreaterThan(1000);
    });
});

describe('a large model, relaunched', () => {
    let folder: string;
    beforeAll(() => {
        folder = mkdtempSync(join(tmpdir(), 'risk-large-'));
        // The benchmark's model: 4,000 risks are about 1.8 MB of text.
        execFileSync(NODE, [join(REPO_ROOT, 'scripts', 'generate-bench-model.mjs'), folder, '4000']);
    });
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    const untuned = { [RELAUNCHED_ENV]: '1' };
    const debug = { RISK_DEBUG: '1' };
    const announced = `running again with ${YOUNG_GENERATION_OPTION}`;

    test('risk check prints the same findings and exits with the same code', async () => {
        const args = ['check', '.', '--as-of', '2026-11-23', '--format', 'json', '--fail-on', 'error'];
        const [tuned, plain] = await Promise.all([
            runRiskAsync(args, { cwd: folder, env: debug }),
            runRiskAsync(args, { cwd: folder, env: { ...debug, ...untuned } })
        ]);
        expect(tuned.stderr).toContain(announced);
        expect(plain.stderr).not.toContain(announced);
        expect(tuned.status).toBe(1);
        expect(plain.status).toBe(1);
        expect(tuned.stdout).toBe(plain.stdout);
        expect(JSON.parse(tuned.stdout).summary.errors).toBeGreaterThan(0);
    });

    test('risk export writes the same register', async () => {
        const args = ['export', 'register', '.', '--as-of', '2026-11-23', '--format', 'csv'];
        const [tuned, plain] = await Promise.all([
            runRiskAsync(args, { cwd: folder, env: debug }),
            runRiskAsync(args, { cwd: folder, env: untuned })
        ]);
        expect(tuned.stderr).toContain(announced);
        expect(tuned.status).toBe(0);
        expect(tuned.stdout).toBe(plain.stdout);
        expect(tuned.stdout.split('\n').length).toBeGreaterThan(4000);
    });

    test('a small model runs in the first process', () => {
        const run = runRisk(['check', join(REPO_ROOT, 'examples', 'acme-saas'), '--as-of', '2026-11-23', '--fail-on', 'never'], { cwd: folder, env: debug });
        expect(run.status).toBe(0);
        expect(run.stderr).not.toContain(announced);
    });
});
