/**
 * Distribution: `npm pack` gives a tarball with the self-contained CLI and no sources,
 * which installs offline into a clean folder and runs as `npx risk-language`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanEnv, installTarball, packRepository, type Packed } from '../helpers/packed-package.js';
import { REPO_ROOT } from './run-risk.js';

interface Manifest {
    name: string;
    version: string;
    private?: boolean;
    bin: Record<string, string>;
    engines: { node: string };
    dependencies?: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
let temp: string;
let packed: Packed;
let app: string;

beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), 'risk-pack-'));
    packed = packRepository(join(temp, 'tarballs'));
    app = join(temp, 'app');
    installTarball(packed.tarball, app);
}, 180_000);

afterAll(() => rmSync(temp, { recursive: true, force: true }));

function npx(args: readonly string[], cwd: string) {
    // --offline: npx must find the installed package, never fetch one of the same name.
    return spawnSync('npx', ['--offline', ...args], { cwd, encoding: 'utf8', env: cleanEnv(), timeout: 60_000 });
}

describe('the npm package', () => {
    test('is publishable and names both commands', () => {
        expect(manifest.private).toBeUndefined();
        expect(manifest.name).toBe('risk-language');
        expect(manifest.bin).toEqual({ risk: 'bin/risk.cjs', 'risk-language': 'bin/risk.cjs' });
        // The bundle carries everything: installing needs nothing from the registry.
        expect(manifest.dependencies ?? {}).toEqual({});
    });

    test('holds the bundled CLI, the manifest and the documentation, and no sources or tests', () => {
        const paths = packed.files.map(file => file.path).sort();
        expect(paths).toContain('bin/risk.cjs');
        expect(paths).toContain('dist/cli.cjs');
        expect(paths).toContain('package.json');
        expect(paths).toContain('README.md');
        expect(paths).toContain('LICENSE');
        expect(paths).toContain('docs/language.md');
        expect(paths).toContain('docs/ci.md');
        expect(paths).toContain('docs/ci/github-workflow.yml');
        expect(paths).toContain('docs/ci/gitlab-ci.yml');
        for (const path of paths) {
            expect(path).toMatch(/^(bin\/risk\.cjs|dist\/cli\.cjs|package\.json|README\.md|LICENSE|docs\/[^/]+\.md|docs\/ci\/[^/]+)$/);
        }
    });

    test('installs offline into a clean folder and runs as npx risk-language', () => {
        const version = npx(['risk-language', '--version'], app);
        expect(version.stderr).toBe('');
        expect(version.stdout.trim()).toBe(manifest.version);
        const check = npx(['risk-language', 'check', join(REPO_ROOT, 'examples', 'acme-saas'), '--as-of', '2026-11-23', '--format', 'json'], app);
        expect(check.status).toBe(1);
        const report = JSON.parse(check.stdout) as { summary: { errors: number }; diagnostics: Array<{ code: string }> };
        expect(report.summary.errors).toBe(2);
        expect(report.diagnostics.map(diagnostic => diagnostic.code)).toContain('unaccepted-residual');
        const installed = JSON.parse(readFileSync(join(app, 'node_modules', 'risk-language', 'package.json'), 'utf8')) as Manifest;
        expect(installed.version).toBe(manifest.version);
        // `risk` is installed too, for the repository's scripts (npx risk would run someone else's package when it is not).
        const risk = spawnSync(join(app, 'node_modules', '.bin', 'risk'), ['--version'], { encoding: 'utf8', env: cleanEnv() });
        expect(risk.stdout.trim()).toBe(manifest.version);
    });

    test('keeps npm’s file list in .npmignore: vsce refuses a `files` list next to .vscodeignore', () => {
        expect(Object.keys(manifest)).not.toContain('files');
        const npmignore = readFileSync(join(REPO_ROOT, '.npmignore'), 'utf8');
        expect(npmignore).toContain('!/bin/risk.cjs');
        expect(npmignore).toContain('!/dist/cli.cjs');
        // The .vsix has its own list, which keeps the extension's bundles and not the CLI's.
        const vscodeignore = readFileSync(join(REPO_ROOT, '.vscodeignore'), 'utf8');
        expect(vscodeignore).toContain('!dist/extension.cjs');
        expect(vscodeignore).not.toContain('bin/');
    });

    test('runs on the oldest Node its engines field allows: the bundle targets that Node', () => {
        const bundle = readFileSync(join(REPO_ROOT, 'scripts', 'bundle.mjs'), 'utf8');
        const target = /target: 'node(\d+)'/.exec(bundle)?.[1];
        const minimum = /^>=(\d+)\.\d+\.\d+$/.exec(manifest.engines.node)?.[1];
        expect(target).toBeDefined();
        expect(minimum).toBe(target);
    });
});
