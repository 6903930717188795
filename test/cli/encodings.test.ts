/**
 * `risk check` and `risk export` as processes on files that are not plain UTF-8: a
 * Windows-1252 file is `encoding-invalid` at its first bad byte and exports without
 * `�`; UTF-8 with a byte order mark and UTF-16 with one are read as written.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN, FIXTURE_AS_OF, METHOD } from './fixtures.js';
import { runJson, runRisk } from './run-risk.js';

const TITLE = 'Café in Zürich';
let folder: string;

/** A model folder: the method as UTF-8, and CLEAN with TITLE in the bytes given. */
function model(name: string, encode: (text: string) => Buffer): string {
    const root = join(folder, name);
    const text = `// the risk of this model\n\n${CLEAN.replace('"Clean risk"', `"${TITLE}"`)}`;
    writeFileSync(join(folder, `${name}.method.risk`), METHOD);
    writeFileSync(root, encode(text));
    return root;
}

beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'risk-encodings-'));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('a Windows-1252 file', () => {
    let risk: string;
    beforeAll(() => {
        risk = model('latin1.risk', text => Buffer.from(text, 'latin1'));
    });

    test('risk check: exit 1, one encoding-invalid error at the first bad byte', () => {
        const { status, report } = runJson(['check', join(folder, 'latin1.risk.method.risk'), risk, '--as-of', FIXTURE_AS_OF], folder);
        expect(status).toBe(1);
        expect(report.diagnostics).toEqual([expect.objectContaining({
            file: 'latin1.risk', line: 3, column: 16, severity: 'error', code: 'encoding-invalid',
            message: 'Line 3, byte 0xE9: the file is not UTF-8; save it as UTF-8. Until then, bytes that are not UTF-8 are read as Windows-1252 (0xE9 as `é`), which may not be what was meant.'
        })]);
    });

    test('risk export: the title is not exported as �, and stderr warns that the export is incomplete', () => {
        const run = runRisk(['export', 'register', join(folder, 'latin1.risk.method.risk'), risk, '--format', 'json', '--as-of', FIXTURE_AS_OF], { cwd: folder });
        expect(run.status).toBe(0);
        expect(run.stdout).not.toContain('\uFFFD');
        expect((JSON.parse(run.stdout) as { rows: Array<{ title: string }> }).rows.map(row => row.title)).toEqual([TITLE]);
        expect(run.stderr).toContain('risk: warning: the model has 1 error that leaves parts of it unevaluated');
    });
});

describe.each([
    ['UTF-8 with a byte order mark', 'bom.risk', (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16LE with a byte order mark', 'utf16le.risk', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16BE with a byte order mark', 'utf16be.risk', (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])]
])('%s', (_name, file, encode) => {
    test('is read as written: no diagnostic, and the title exports unchanged', () => {
        const risk = model(file, encode);
        const method = join(folder, `${file}.method.risk`);
        const check = runJson(['check', method, risk, '--as-of', FIXTURE_AS_OF], folder);
        expect(check.report.diagnostics).toEqual([]);
        expect(check.status).toBe(0);
        const run = runRisk(['export', 'register', method, risk, '--format', 'json', '--as-of', FIXTURE_AS_OF], { cwd: folder });
        expect((JSON.parse(run.stdout) as { rows: Array<{ title: string }> }).rows.map(row => row.title)).toEqual([TITLE]);
        expect(run.stderr).toBe('');
    });
});
