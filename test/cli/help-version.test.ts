/** `risk --version`, `risk --help`, `risk check --help`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { REPO_ROOT, runRisk } from './run-risk.js';

const cwd = REPO_ROOT;

test('--version prints the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
        const run = runRisk([flag], { cwd });
        expect(run.status).toBe(0);
        expect(run.stdout).toBe(`${pkg.version}\n`);
    }
});

test('risk --help lists the check command, the options and the exit codes', () => {
    const run = runRisk(['--help'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Usage: risk /);
    expect(run.stdout).toMatch(/\n {2}check \[options\] \[paths\.\.\.\]/);
    expect(run.stdout).toContain('--version');
    expect(run.stdout).toMatch(/Exit codes:\n {2}0 .+\n {2}1 .+\n {2}2 /);
});

test('risk check --help lists every option with its default, and the exit codes', () => {
    const run = runRisk(['check', '--help'], { cwd });
    expect(run.status).toBe(0);
    const help = run.stdout.replace(/\s+/g, ' ');
    expect(help).toContain('Usage: risk check [options] [paths...]');
    expect(help).toContain('files or folders to check (default: ".")');
    expect(help).toMatch(/--format <format> output format: pretty, json, sarif, github, gitlab, md \(default: "pretty"\)/);
    expect(help).toMatch(/--as-of <date> .*YYYY-MM-DD \(default: today\)/);
    expect(help).toMatch(/--fail-on <level> .*error, warning, info, never \(default: "error"\)/);
    expect(help).toMatch(/--max-warnings <n> .*\(default: no limit\)/);
    expect(help).toContain('node_modules');
    expect(help).toMatch(/Exit codes: 0 .+ 1 .+ 2 usage error/);
    expect(runRisk(['help', 'check'], { cwd }).status).toBe(2);
});
