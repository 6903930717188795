/** writeExportFile when the final rename fails: the old file stays, and no temporary file is left. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test, vi } from 'vitest';

vi.mock('node:fs/promises', async original => {
    const actual = await original<typeof import('node:fs/promises')>();
    return {
        ...actual,
        rename: vi.fn(async () => {
            throw Object.assign(new Error('EACCES: permission denied, rename'), { code: 'EACCES' });
        })
    };
});

const { ExportWriteError, writeExportFile } = await import('../../../language/exports/write-file.js');

const folder = mkdtempSync(join(tmpdir(), 'risk-export-failure-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

test('a failed rename keeps the old file and removes the temporary one', async () => {
    writeFileSync(join(folder, 'register.csv'), 'old\r\n');
    const attempt = writeExportFile('register.csv', 'new\r\n', { cwd: folder });
    await expect(attempt).rejects.toBeInstanceOf(ExportWriteError);
    await expect(attempt).rejects.toThrow("Cannot write the export to 'register.csv': permission denied.");
    expect(readFileSync(join(folder, 'register.csv'), 'utf8')).toBe('old\r\n');
    expect(readdirSync(folder)).toEqual(['register.csv']);
});
