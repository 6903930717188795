/**
 * Section 11 of the specification: "Everything in sections 1–10 stays valid and means
 * the same". The two examples as they were before version 2 are frozen under
 * test/resources/version-1, with the findings and exports the version-1 CLI gave as of
 * 2026-11-23. Today's CLI must report the same findings, and its exports must equal
 * those once the added columns are removed. Two changes are the specification's own
 * (section 11.5 and the JSON shape of lists), and are undone here explicitly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT, runRisk } from './run-risk.js';

const VERSION_1 = join(REPO_ROOT, 'test', 'resources', 'version-1');
const AS_OF = '2026-11-23';
const MODELS = ['acme-saas', 'qualitative-matrix'] as const;

/** Columns version 2 adds, by export: everything else keeps its name, order and content. */
const ADDED_COLUMNS: Record<string, readonly string[]> = {
    register: ['Consequence', 'Affects', 'Tags'],
    plan: ['Completed'],
    soa: ['Decision']
};
const ADDED_KEYS: Record<string, readonly string[]> = {
    register: ['consequence', 'affects', 'tags'],
    plan: ['completed'],
    soa: ['decision']
};

const frozen = (model: string, file: string) => readFileSync(join(VERSION_1, model, file), 'utf8');
const run = (model: string, ...args: string[]) => {
    const result = runRisk([...args, 'model', '--as-of', AS_OF], { cwd: join(VERSION_1, model) });
    expect(result.stderr).toBe('');
    return result.stdout;
};

function withoutColumns(csv: string, dropped: readonly string[]): string[][] {
    const [header, ...rows] = parse(csv, { bom: true }) as string[][];
    const kept = header.map((name, index) => (dropped.includes(name) ? -1 : index)).filter(index => index >= 0);
    return [header, ...rows].map(row => kept.map(index => row[index]));
}

describe.each(MODELS)('the version-1 model %s', model => {
    test('has the same findings', () => {
        const now = JSON.parse(run(model, 'check', '--format', 'json', '--fail-on', 'never'));
        const before = JSON.parse(frozen(model, 'findings.json'));
        // The model each finding belongs to is new in today's report (several models in one folder tree).
        const withoutModel = (diagnostics: Array<Record<string, unknown>>) => diagnostics.map(({ model: _model, ...rest }) => rest);
        expect(withoutModel(now.diagnostics)).toEqual(before.diagnostics);
        expect(now.summary).toEqual(before.summary);
    });

    test.each(['register', 'plan', 'soa'])('%s as CSV: the same cells, apart from the added columns', kind => {
        const now = run(model, 'export', kind, '--format', 'csv');
        expect(withoutColumns(now, ADDED_COLUMNS[kind])).toEqual(withoutColumns(frozen(model, `exports/${kind}.csv`), []));
    });

    test.each(['register', 'plan', 'soa'])('%s as JSON: the same rows, apart from the added keys and the lists of version 2', kind => {
        const now = JSON.parse(run(model, 'export', kind, '--format', 'json'));
        const before = JSON.parse(frozen(model, `exports/${kind}.json`));
        expect(now.version).toBe(2);
        const rows = now.rows.map((row: Record<string, unknown>) => {
            const kept = Object.fromEntries(Object.entries(row).filter(([key]) => !ADDED_KEYS[kind].includes(key)));
            if (kind === 'register') {
                // A version-1 risk has at most one threat and one treatment: version 1 wrote them as a value, not a list.
                const threats = row.threat as string[];
                const treatments = row.treatment as Array<{ option: string; with: string | null }>;
                expect(threats.length).toBeLessThanOrEqual(1);
                expect(treatments.length).toBeLessThanOrEqual(1);
                kept.threat = threats[0] ?? null;
                kept.treatment = treatments[0] ? { option: treatments[0].option, with: treatments[0].with } : null;
            }
            return kept;
        });
        expect(rows).toEqual(before.rows);
    });
});
