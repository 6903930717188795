/** Creating an export's folders is bounded in time: a mkdir that never returns (a stuck mount) ends in an error. */
import { expect, test, vi } from 'vitest';

vi.mock('node:fs/promises', async original => {
    const actual = await original<typeof import('node:fs/promises')>();
    return { ...actual, mkdir: vi.fn(() => new Promise(() => undefined)) };
});

const { createExportFolder, ExportWriteError } = await import('../../../language/exports/export-target.js');

test('a folder that cannot be created within the time limit is reported, not waited for', async () => {
    const attempt = createExportFolder('/tmp/risk-never-created/out', 'out/register.csv', 50);
    await expect(attempt).rejects.toBeInstanceOf(ExportWriteError);
    await expect(attempt).rejects.toThrow("Cannot create the folder '/tmp/risk-never-created/out' for the export 'out/register.csv': it took longer than 0.05 s. Check that the file system is mounted and writable, or choose another folder.");
});
