/** `risk report`: the HTML report written to a file or stdout, and its usage errors. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CLEAN, METHOD, workspace, type Workspace } from './fixtures.js';
import { REPO_ROOT, runRisk } from './run-risk.js';

let ws: Workspace;

beforeAll(() => {
    ws = workspace({ 'a/method.risk': METHOD, 'a/clean.risk': CLEAN, 'b/method.risk': METHOD, 'b/clean.risk': CLEAN });
});

afterAll(() => ws.remove());

test('--output writes one HTML file, confirmed on stderr', () => {
    const run = runRisk(['report', join(REPO_ROOT, 'examples', 'acme-saas'), '--output', 'out/report.html', '--as-of', '2026-11-23'], { cwd: ws.dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const written = join(ws.dir, 'out', 'report.html');
    expect(run.stderr).toBe(`risk: wrote the report (as of 2026-11-23) to ${written}\n`);
    const html = readFileSync(written, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<title>Risk report: Acme ISMS risk method</title>');
});

test('without --output the page goes to stdout', () => {
    const run = runRisk(['report', 'a', '--as-of', '2026-11-23'], { cwd: ws.dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\n$/);
});

test('usage errors exit 2: two models, a bad date, a .risk output', () => {
    expect(runRisk(['report', 'a', 'b'], { cwd: ws.dir }).stderr).toMatch(/A report is of one model, and these paths make 2/);
    expect(runRisk(['report', 'a', '--as-of', '2026-13-01'], { cwd: ws.dir }).status).toBe(2);
    const risky = runRisk(['report', 'a', '-o', 'a/clean.risk'], { cwd: ws.dir });
    expect(risky.status).toBe(2);
    expect(readFileSync(join(ws.dir, 'a', 'clean.risk'), 'utf8')).toBe(CLEAN);
});
