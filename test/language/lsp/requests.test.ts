/**
 * The server's own requests, `risk/export` and `risk/matrix`, as plain functions on
 * the services of a loaded model: what the VS Code extension's export commands and
 * risk matrix receive.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildExport, EXPORT_FORMATS, EXPORT_KINDS } from '../../../language/exports/index.js';
import { exportRequest } from '../../../language/lsp/requests/export-request.js';
import { matrixRequest } from '../../../language/lsp/requests/matrix-request.js';
import type { MatrixCell, MatrixRequestResult } from '../../../language/lsp/requests/protocol.js';
import { loadModelFiles, loadModelTexts, type LoadedModel } from '../../../language/model/load-model.js';
import { EXAMPLES_AS_OF, exampleFolder, riskFiles } from '../exports/example-models.js';

const GOLDEN = resolve(import.meta.dirname, '../../resources/exports/golden');

/** The example as the language server holds it: validated, so the diagnostics are there. */
async function loadValidated(name: 'acme-saas' | 'qualitative-matrix'): Promise<LoadedModel> {
    return loadModelFiles(riskFiles(exampleFolder(name)), { asOf: EXAMPLES_AS_OF });
}

/** The ResponseError a call throws. */
function responseErrorOf(call: () => unknown): ResponseError<unknown> {
    try {
        call();
    } catch (error) {
        expect(error).toBeInstanceOf(ResponseError);
        return error as ResponseError<unknown>;
    }
    throw new Error('no error was thrown');
}

describe('risk/export', () => {
    let acme: LoadedModel;
    beforeAll(async () => {
        acme = await loadValidated('acme-saas');
    });

    test.each(EXPORT_KINDS.flatMap(kind => EXPORT_FORMATS.map(format => [kind, format] as const)))('%s as %s is the golden file, byte for byte', (kind, format) => {
        const result = exportRequest(acme.services, { kind, format }, { baseDir: exampleFolder('acme-saas') });
        expect(result.content).toBe(readFileSync(resolve(GOLDEN, 'acme-saas', `${kind}.${format}`), 'utf8'));
        expect(result.asOf).toBe('2026-11-23');
        // The examples' errors (unaccepted-residual, acceptance-expired) are content, not gaps.
        expect(result.warnings).toEqual([]);
    });

    test('rows counts the rows of the table: 15 risks, 93 controls', () => {
        const rows = (kind: string) => exportRequest(acme.services, { kind, format: 'json' }).rows;
        expect(rows('register')).toBe(15);
        expect(rows('soa')).toBe(93);
        expect(rows('plan')).toBe(buildExport('plan', acme.evaluation()).rows.length);
        expect(rows('plan')).toBe((JSON.parse(exportRequest(acme.services, { kind: 'plan', format: 'json' }).content) as { rows: unknown[] }).rows.length);
    });

    test('without baseDir the File column holds absolute paths', () => {
        const csv = exportRequest(acme.services, { kind: 'register', format: 'csv' }).content;
        expect(csv).toContain(`${resolve(exampleFolder('acme-saas'), 'risks/cyber.risk')},3\r\n`);
    });

    test('bom starts a CSV with the byte order mark; left out, the risk.export.csvBom setting decides; other formats never get one', () => {
        const content = (params: object) => exportRequest(acme.services, params, { baseDir: exampleFolder('acme-saas') }).content;
        const golden = readFileSync(resolve(GOLDEN, 'acme-saas', 'register.csv'), 'utf8');
        expect(content({ kind: 'register', format: 'csv', bom: true })).toBe(`\uFEFF${golden}`);
        expect(content({ kind: 'register', format: 'csv', bom: false })).toBe(golden);
        expect(content({ kind: 'register', format: 'csv' })).toBe(golden);
        expect(content({ kind: 'register', format: 'md', bom: true }).startsWith('# Risk register: Acme ISMS risk method\n')).toBe(true);
        const settings = acme.services.settings.RiskSettings;
        settings.setExports({ csvBom: true });
        try {
            expect(content({ kind: 'register', format: 'csv' })).toBe(`\uFEFF${golden}`);
            expect(content({ kind: 'register', format: 'csv', bom: false })).toBe(golden);
            expect(content({ kind: 'soa', format: 'json' }).startsWith('{')).toBe(true);
        } finally {
            settings.setExports(undefined);
        }
    });

    test.each([
        [{ kind: 'risks', format: 'csv' }, 'risk/export: invalid params: kind must be one of "register", "plan", "soa", not "risks"'],
        [{ kind: 'register', format: 'xlsx' }, 'risk/export: invalid params: format must be one of "csv", "md", "json", not "xlsx"'],
        [{ kind: 'register' }, 'risk/export: invalid params: format must be one of "csv", "md", "json", not undefined'],
        [{ kind: 'register', format: 'csv', bom: 'yes' }, 'risk/export: invalid params: bom must be true or false, not "yes"'],
        [{ kind: 'register', format: 'csv', output: 'x.csv' }, 'risk/export: invalid params: unknown parameter "output"'],
        [['register', 'csv'], 'risk/export: invalid params: params must be an object, not ["register","csv"]'],
        [undefined, 'risk/export: invalid params: kind must be one of "register", "plan", "soa", not undefined; format must be one of "csv", "md", "json", not undefined']
    ])('%j is an InvalidParams error', (params, message) => {
        const error = responseErrorOf(() => exportRequest(acme.services, params));
        expect(error.code).toBe(ErrorCodes.InvalidParams);
        expect(error.message).toBe(message);
    });

    test('a model with errors that leave parts of it unevaluated is still exported, with a warning', async () => {
        const model = await loadModelTexts({
            'model.risk': `method "M" {
  scale likelihood { 1 Rare "" 2 Likely "" }
  scale impact { 1 Minor "" 2 Severe "" }
  levels { Low 1..2 "" High 3..4 "" }
  accept { appetite Low }
}
risk R-1 "Broken" { owner Nobody likelihood Rare impact Severe }
`
        }, { asOf: '2026-11-23' });
        const result = exportRequest(model.services, { kind: 'register', format: 'csv' });
        expect(result.rows).toBe(1);
        expect(result.content).toContain('R-1,Broken,,,Nobody,'); // ID, Title, Consequence, Scope, Owner
        expect(result.warnings).toEqual(['The model has 1 error that leaves parts of it unevaluated; the risk register shows what could be evaluated. The Problems panel lists them.']);
    });

    test('a workspace without .risk files gives an empty export and says why', async () => {
        const model = await loadModelTexts({}, { asOf: '2026-11-23' });
        const result = exportRequest(model.services, { kind: 'plan', format: 'csv' });
        expect(result.rows).toBe(0);
        expect(result.warnings).toEqual(['The workspace has no .risk files: the export has no model in it. Open the folder of the model.']);
    });
});

/** The cell of a likelihood and an impact, by their names. */
function cell(matrix: MatrixRequestResult, basis: 'inherent' | 'residual', likelihood: string, impact: string): MatrixCell {
    const row = matrix.likelihood.findIndex(value => value.name === likelihood);
    const column = matrix.impact.findIndex(value => value.name === impact);
    expect(row, likelihood).toBeGreaterThanOrEqual(0);
    expect(column, impact).toBeGreaterThanOrEqual(0);
    return matrix.cells[basis][row * matrix.impact.length + column];
}

const ids = (found: MatrixCell) => found.risks.map(risk => risk.id);

describe('risk/matrix', () => {
    let acme: LoadedModel;
    let matrix: MatrixRequestResult;
    beforeAll(async () => {
        acme = await loadValidated('acme-saas');
        matrix = matrixRequest(acme.services, {});
    });

    test('the scales, levels and appetite of the method: likelihood highest first, impact ascending', () => {
        expect(matrix.asOf).toBe('2026-11-23');
        expect(matrix.model).toBe('Acme ISMS risk method');
        expect(matrix.likelihood).toEqual([{ value: 3, name: 'Likely' }, { value: 2, name: 'Possible' }, { value: 1, name: 'Rare' }]);
        expect(matrix.impact).toEqual([{ value: 1, name: 'Minor' }, { value: 2, name: 'Noticeable' }, { value: 3, name: 'Severe' }]);
        expect(matrix.levels).toEqual([{ name: 'Low', rank: 0 }, { name: 'Moderate', rank: 1 }, { name: 'High', rank: 2 }, { name: 'Critical', rank: 3 }]);
        expect(matrix.appetite).toBe('Moderate');
        expect(matrix.cells.inherent).toHaveLength(9);
        expect(matrix.cells.residual).toHaveLength(9);
    });

    test('residual Possible x Severe: High (6), above appetite, R-001, R-003, R-005, R-011, R-014, R-015', () => {
        const found = cell(matrix, 'residual', 'Possible', 'Severe');
        expect(found).toMatchObject({ likelihood: 2, impact: 3, level: 'High', rank: 2, score: 6, aboveAppetite: true });
        expect(ids(found)).toEqual(['R-001', 'R-003', 'R-005', 'R-011', 'R-014', 'R-015']);
        expect(found.risks.every(risk => risk.level === 'High')).toBe(true);
    });

    test('each risk says where it is declared: the document and the 0-based position of its ID', () => {
        const r005 = cell(matrix, 'residual', 'Possible', 'Severe').risks.find(risk => risk.id === 'R-005')!;
        expect(r005).toEqual({
            id: 'R-005',
            title: 'Customer data leaked through a breach at the ticketing supplier',
            level: 'High',
            uri: pathToFileURL(resolve(exampleFolder('acme-saas'), 'risks/people-and-suppliers.risk')).href,
            line: 2,
            character: 5
        });
        const r014 = cell(matrix, 'inherent', 'Possible', 'Severe').risks.find(risk => risk.id === 'R-014')!;
        expect(r014).toMatchObject({ line: 140, character: 5, uri: expect.stringMatching(/\/risks\/cyber\.risk$/) });
    });

    test('inherent and residual cells hold other risks: R-002 moves from Possible x Severe to Rare x Severe', () => {
        expect(ids(cell(matrix, 'inherent', 'Possible', 'Severe'))).toEqual(['R-002', 'R-003', 'R-004', 'R-010', 'R-011', 'R-014', 'R-015']);
        expect(ids(cell(matrix, 'residual', 'Rare', 'Severe'))).toEqual(['R-002', 'R-004', 'R-007', 'R-013']);
        expect(cell(matrix, 'residual', 'Rare', 'Severe')).toMatchObject({ level: 'Moderate', score: 3, aboveAppetite: false });
        expect(cell(matrix, 'inherent', 'Likely', 'Minor')).toMatchObject({ level: 'Moderate', risks: [expect.objectContaining({ id: 'R-009', level: 'Moderate' })] });
        expect(cell(matrix, 'residual', 'Rare', 'Minor')).toMatchObject({ level: 'Low', rank: 0, score: 1, aboveAppetite: false });
    });

    test('the counts and levels are those of the register heat maps', () => {
        const maps = buildExport('register', acme.evaluation()).heatMaps;
        for (const map of maps) {
            const cells = matrix.cells[map.basis];
            expect(cells.map(found => found.risks.length)).toEqual(map.counts.flat());
            expect(cells.map(found => found.level)).toEqual(map.levels.flat());
        }
        expect(matrix.notAssessed).toEqual({ inherent: [], residual: [] });
        expect(matrix.cells.residual.flatMap(found => found.risks)).toHaveLength(15);
    });

    test('a matrix method: levels from the matrix, no scores', async () => {
        const clinic = await loadValidated('qualitative-matrix');
        const result = matrixRequest(clinic.services, undefined);
        expect(result.levels.map(level => level.name)).toEqual(['Low', 'Moderate', 'High', 'Critical']);
        expect(result.cells.inherent.map(found => found.level)).toEqual(['Moderate', 'High', 'Critical', 'Low', 'Moderate', 'High', 'Low', 'Low', 'Moderate']);
        expect(result.cells.inherent.every(found => found.score === null)).toBe(true);
        const maps = buildExport('register', clinic.evaluation()).heatMaps;
        expect(result.cells.residual.map(found => found.risks.length)).toEqual(maps[1].counts.flat());
    });

    test('risks without an assessment, and a model without a method', async () => {
        const model = await loadModelTexts({
            'model.risk': `risk R-2 "No method" { likelihood Rare impact Minor }
risk R-10 "<b>Also</b> none" { }
`
        }, { asOf: '2026-11-23' });
        const result = matrixRequest(model.services, {});
        expect(result).toMatchObject({ model: null, likelihood: [], impact: [], levels: [], appetite: null, cells: { inherent: [], residual: [] } });
        expect(result.notAssessed.residual.map(risk => [risk.id, risk.title, risk.level])).toEqual([['R-2', 'No method', null], ['R-10', '<b>Also</b> none', null]]);
    });

    test.each([
        [{ basis: 'residual' }, 'risk/matrix: invalid params: unknown parameter "basis"'],
        ['all', 'risk/matrix: invalid params: params must be an object, not "all"']
    ])('%j is an InvalidParams error', (params, message) => {
        const error = responseErrorOf(() => matrixRequest(acme.services, params));
        expect(error.code).toBe(ErrorCodes.InvalidParams);
        expect(error.message).toBe(message);
    });
});
