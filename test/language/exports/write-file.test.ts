/** writeExportFile: parent folders, atomic replacement, no temp file left, and the files it refuses. */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ExportWriteError, writeExportFile } from '../../../language/exports/write-file.js';

let folder: string;

beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'risk-export-'));
});

afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
});

/** Every file below the folder, relative, sorted. */
function filesBelow(root: string): string[] {
    return readdirSync(root, { recursive: true, withFileTypes: true })
        .filter(entry => entry.isFile())
        .map(entry => join(entry.parentPath, entry.name).slice(root.length + 1))
        .sort();
}

describe('writeExportFile', () => {
    test('creates the parent folders and returns the absolute path', async () => {
        const written = await writeExportFile('out/2026/register.csv', 'a,b\r\n', { cwd: folder });
        expect(written).toBe(join(folder, 'out/2026/register.csv'));
        expect(readFileSync(written, 'utf8')).toBe('a,b\r\n');
        expect(filesBelow(folder)).toEqual(['out/2026/register.csv']);
    });

    test('writes bytes unchanged, a BOM included', async () => {
        const content = '\uFEFFID,Title\r\nR-1,Ünïcødé 日本\r\n';
        const written = await writeExportFile(join(folder, 'register.csv'), content);
        expect(readFileSync(written)).toEqual(Buffer.from(content, 'utf8'));
    });

    test('replaces an existing file whole, keeps its permissions and leaves no temporary file', async () => {
        const target = join(folder, 'plan.md');
        writeFileSync(target, 'old content that is much longer than the new one\n'.repeat(100));
        chmodSync(target, 0o640);
        await writeExportFile('plan.md', 'new\n', { cwd: folder });
        expect(readFileSync(target, 'utf8')).toBe('new\n');
        expect(statSync(target).mode & 0o777).toBe(0o640);
        expect(filesBelow(folder)).toEqual(['plan.md']);
    });

    test('never shows a half-written file: readers see the old or the new content', async () => {
        const target = join(folder, 'register.json');
        const old = `${'o'.repeat(1_000_000)}\n`;
        const next = `${'n'.repeat(2_000_000)}\n`;
        writeFileSync(target, old);
        const writing = writeExportFile(target, next);
        const seen = new Set<string>();
        for (let i = 0; i < 20; i++) {
            seen.add(readFileSync(target, 'utf8'));
            await new Promise(resolve => setImmediate(resolve));
        }
        await writing;
        seen.add(readFileSync(target, 'utf8'));
        for (const content of seen) {
            expect([old, next]).toContain(content);
        }
        expect(readFileSync(target, 'utf8')).toBe(next);
    });

    test.each(['model.risk', 'risks/R-001.RISK', 'new.risk'])('refuses the model file %s, existing or not', async name => {
        mkdirSync(join(folder, 'risks'));
        writeFileSync(join(folder, 'model.risk'), 'role CEO "CEO"\n');
        writeFileSync(join(folder, 'risks/R-001.RISK'), 'role CFO "CFO"\n');
        const attempt = writeExportFile(name, 'ID,Title\r\n', { cwd: folder });
        await expect(attempt).rejects.toBeInstanceOf(ExportWriteError);
        await expect(attempt).rejects.toThrow(/\.risk files are model files/);
        expect(readFileSync(join(folder, 'model.risk'), 'utf8')).toBe('role CEO "CEO"\n');
        expect(filesBelow(folder)).toEqual(['model.risk', 'risks/R-001.RISK']);
    });

    test('refuses a folder', async () => {
        mkdirSync(join(folder, 'exports'));
        const attempt = writeExportFile('exports', 'x', { cwd: folder });
        await expect(attempt).rejects.toThrow(ExportWriteError);
        await expect(attempt).rejects.toThrow(/'exports': it is a folder/);
        expect(statSync(join(folder, 'exports')).isDirectory()).toBe(true);
        expect(filesBelow(folder)).toEqual([]);
    });

    test('reports a file in the way of the parent folder', async () => {
        writeFileSync(join(folder, 'out'), 'not a folder');
        await expect(writeExportFile('out/register.csv', 'x', { cwd: folder })).rejects.toThrow(/Cannot create the folder .*out' is a file, where a folder is needed/);
        expect(filesBelow(folder)).toEqual(['out']);
    });

    test.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('leaves no temporary file when the folder is read-only', async () => {
        const locked = join(folder, 'locked');
        mkdirSync(locked);
        chmodSync(locked, 0o555);
        try {
            await expect(writeExportFile('locked/register.csv', 'x', { cwd: folder })).rejects.toThrow(/permission denied/);
            expect(readdirSync(locked)).toEqual([]);
        } finally {
            chmodSync(locked, 0o755);
        }
    });
});
