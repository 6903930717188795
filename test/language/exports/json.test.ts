/** JSON: the documented, typed shape, and the same data as the CSV and Markdown tables. */
import { describe, expect, test } from 'vitest';
import { buildExport, EXPORT_KINDS, exportJsonSchema, toJson } from '../../../language/exports/index.js';
import { textTable } from '../../../language/exports/table.js';
import { EXAMPLES, exampleFolder, loadExample } from './example-models.js';
import { HOSTILE_TITLES, loadHostileModel } from './hostile-model.js';

describe.each(EXAMPLES)('JSON exports of examples/%s', example => {
    test.each(EXPORT_KINDS)('%s matches the schema and holds the table\'s rows', async kind => {
        const model = await loadExample(example);
        const table = buildExport(kind, model.evaluation(), { baseDir: exampleFolder(example) });
        const json = JSON.parse(toJson(table));
        const document = exportJsonSchema.parse(json);
        expect(document).toMatchObject({ version: 2, kind, asOf: '2026-11-23', model: table.model, title: table.title });
        expect(document.rows).toHaveLength(table.rows.length);
        // Keys follow the columns, in order; the text cells come from the same values.
        for (const row of document.rows) {
            expect(Object.keys(row)).toEqual(table.columns.map(column => column.key));
        }
        expect(document.rows).toEqual(JSON.parse(JSON.stringify(table.rows)));
        expect(textTable(table).rows).toHaveLength(document.rows.length);
    });
});

describe('JSON values', () => {
    test('keep numbers, booleans, lists and null typed', async () => {
        const model = await loadExample('acme-saas');
        const document = JSON.parse(toJson(buildExport('register', model.evaluation(), { baseDir: exampleFolder('acme-saas') })));
        const r001 = document.rows.find((row: { id: string }) => row.id === 'R-001');
        expect(r001).toMatchObject({
            likelihood: { value: 3, name: 'Likely' }, score: 9, residualScore: 6, aboveAppetite: true,
            existingControls: ['A.5.17', 'A.6.3', 'MailFilter'], actions: ['MFA', 'Drills'], line: 3, file: 'risks/cyber.risk'
        });
        const r007 = document.rows.find((row: { id: string }) => row.id === 'R-007');
        expect(r007).toMatchObject({ treatment: [], actions: [], acceptedBy: null, acceptedUntil: null, aboveAppetite: false });
    });

    test('carry hostile titles unchanged: JSON needs no neutralising', async () => {
        const document = JSON.parse(toJson(buildExport('register', (await loadHostileModel()).evaluation())));
        expect(Object.fromEntries(document.rows.map((row: { id: string; title: string }) => [row.id, row.title]))).toEqual(HOSTILE_TITLES);
        expect(exportJsonSchema.safeParse(document).success).toBe(true);
    });
});
