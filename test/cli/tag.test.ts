/** `--tag TAG` (specification 11.4) on `risk check` and `risk export`, as a process. */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURE_AS_OF, workspace, type Workspace } from './fixtures.js';
import { runRisk } from './run-risk.js';

const MODEL = `role Boss "Boss" management
role Unused "Nobody refers to it"
method "Tag method" {
  scale likelihood { 1 Rare "" 2 Likely "" }
  scale impact { 1 Minor "" 2 Severe "" }
  levels { Low 1..2 "" High 3..4 "" }
  accept { appetite Low }
}
risk R-1 "Personal data leaked" {
  owner Boss likelihood Likely impact Severe
  tags "GDPR"
}
risk R-2 "Supplier outage" {
  owner Boss likelihood Likely impact Severe
  tags "supplier"
}
risk R-3 "Untagged" {
  owner Boss likelihood Likely impact Severe
}
`;

let ws: Workspace;
beforeAll(() => {
    ws = workspace({ 'model/model.risk': MODEL });
});
afterAll(() => ws.remove());

const risk = (...args: string[]) => runRisk([...args, '--as-of', FIXTURE_AS_OF], { cwd: ws.dir });
const codesAndLines = (stdout: string) => (JSON.parse(stdout).diagnostics as Array<{ line: number; code: string }>).map(finding => `${finding.line} ${finding.code}`);

describe('risk check --tag', () => {
    test('without --tag every finding is reported', () => {
        const lines = codesAndLines(risk('check', 'model', '--format', 'json', '--fail-on', 'never').stdout);
        expect(lines).toEqual(expect.arrayContaining(['2 unused', '9 treatment-missing', '13 treatment-missing', '17 treatment-missing']));
    });

    test('reports only the findings inside risks carrying the tag, compared without regard to case', () => {
        const run = risk('check', 'model', '--format', 'json', '--fail-on', 'never', '--tag', 'gdpr');
        expect(run.stderr).toBe('');
        expect(codesAndLines(run.stdout).every(line => /^(9|1[0-2]) /.test(line))).toBe(true);
        expect(codesAndLines(run.stdout)).toContain('9 treatment-missing');
    });

    test('is repeatable: any of the tags', () => {
        const lines = codesAndLines(risk('check', 'model', '--format', 'json', '--fail-on', 'never', '--tag', 'gdpr', '--tag', 'supplier').stdout);
        expect(lines).toEqual(expect.arrayContaining(['9 treatment-missing', '13 treatment-missing']));
        expect(lines).not.toContain('17 treatment-missing');
        expect(lines).not.toContain('2 unused');
    });

    test('decides the exit code on the reported findings only', () => {
        expect(risk('check', 'model', '--fail-on', 'warning', '--tag', 'nothing-has-it').status).toBe(0);
        expect(risk('check', 'model', '--fail-on', 'warning', '--tag', 'gdpr').status).toBe(1);
    });

    test('an empty tag is a usage error', () => {
        const run = risk('check', 'model', '--tag', '');
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/--tag needs a tag/);
    });
});

describe('risk export --tag', () => {
    test('the register lists only the tagged risks', () => {
        const run = risk('export', 'register', 'model', '--tag', 'supplier', '--tag', 'GDPR');
        expect(run.status).toBe(0);
        const [header, ...rows] = parse(run.stdout) as string[][];
        expect(rows.map(row => row[0])).toEqual(['R-1', 'R-2']);
        expect(rows.map(row => row[header.indexOf('Tags')])).toEqual(['GDPR', 'supplier']);
    });

    test('the plan and its summary count only the tagged risks', () => {
        const run = risk('export', 'plan', 'model', '--format', 'json', '--tag', 'supplier');
        expect(run.status).toBe(0);
        expect(JSON.parse(run.stdout).summary.risksTreated).toBe(0);
    });

    test('the Statement of Applicability refuses --tag: it covers the whole ISMS', () => {
        const run = risk('export', 'soa', 'model', '--tag', 'gdpr');
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/export it without --tag/);
    });
});
