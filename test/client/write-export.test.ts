/**
 * The editor's export commands write the file the language server built under the
 * rules of `risk export --output` (client/commands/write-export.ts): a FIFO, a device,
 * a .risk file are refused; a symbolic link is written through.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { writeExportTo, type ProviderFileSystem } from '../../client/commands/write-export.js';
import { privateNullDevice } from '../helpers/special-files.js';

const posix = process.platform !== 'win32';
let folder: string;

beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'risk-client-export-'));
});

afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
});

/** A vscode.Uri of a file on disk, as the save dialog returns it. */
function fileUri(path: string) {
    return { scheme: 'file', fsPath: path, toString: () => pathToFileURL(path).href };
}

/** A file system provider that must not be used for files on disk. */
const unusedProvider: ProviderFileSystem = {
    stat: () => Promise.reject(new Error('the provider was asked about a file on disk')),
    write: () => Promise.reject(new Error('the provider wrote a file on disk'))
};

/** A provider file system (another URI scheme) holding one entry, or none. */
function providerWith(entry: { isFile: boolean; isDirectory: boolean } | undefined): ProviderFileSystem & { written: Uint8Array[] } {
    const written: Uint8Array[] = [];
    return { written, stat: () => Promise.resolve(entry), write: content => { written.push(content); return Promise.resolve(); } };
}

describe.skipIf(!posix)('a file on disk', () => {
    test('is written atomically, and a BOM is written as EF BB BF', async () => {
        const target = join(folder, 'risk-register.csv');
        expect(await writeExportTo(fileUri(target), '\uFEFFID\r\n', unusedProvider)).toBe(target);
        expect(readFileSync(target)).toEqual(Buffer.from([0xef, 0xbb, 0xbf, 0x49, 0x44, 0x0d, 0x0a]));
    });

    test('a FIFO is refused and stays a FIFO', async () => {
        const target = join(folder, 'pipe.csv');
        execFileSync('mkfifo', [target]);
        await expect(writeExportTo(fileUri(target), 'x', unusedProvider)).rejects.toThrow(/it is a FIFO \(named pipe\), not a regular file/);
        expect(lstatSync(target).isFIFO()).toBe(true);
    });

    test.skipIf(process.getuid?.() !== 0)('a character device is refused and stays a device', async () => {
        const device = privateNullDevice(folder);
        await expect(writeExportTo(fileUri(device), 'x', unusedProvider)).rejects.toThrow(/it is a character device/);
        expect(lstatSync(device).isCharacterDevice()).toBe(true);
    });

    test('a symbolic link is written through and stays', async () => {
        writeFileSync(join(folder, 'target.csv'), 'old');
        symlinkSync('target.csv', join(folder, 'link.csv'));
        expect(await writeExportTo(fileUri(join(folder, 'link.csv')), 'new', unusedProvider)).toBe(join(folder, 'target.csv'));
        expect(readlinkSync(join(folder, 'link.csv'))).toBe('target.csv');
        expect(readFileSync(join(folder, 'target.csv'), 'utf8')).toBe('new');
    });

    test('a link to a .risk file is refused', async () => {
        writeFileSync(join(folder, 'model.risk'), 'role CEO "CEO"\n');
        symlinkSync('model.risk', join(folder, 'link.csv'));
        await expect(writeExportTo(fileUri(join(folder, 'link.csv')), 'x', unusedProvider)).rejects.toThrow(/\.risk files are model files/);
        expect(readFileSync(join(folder, 'model.risk'), 'utf8')).toBe('role CEO "CEO"\n');
    });
});

describe('a file of another file system provider', () => {
    const remote = { scheme: 'vscode-remote', fsPath: '/home/me/register.csv', toString: () => 'vscode-remote://host/home/me/register.csv' };

    test('a new or existing file is written through the provider, UTF-8 encoded', async () => {
        for (const entry of [undefined, { isFile: true, isDirectory: false }]) {
            const provider = providerWith(entry);
            expect(await writeExportTo(remote, 'Ü', provider)).toBe('vscode-remote://host/home/me/register.csv');
            expect(provider.written).toEqual([new Uint8Array([0xc3, 0x9c])]);
        }
    });

    test('a folder or anything that is not a file is refused, and nothing is written', async () => {
        const folderEntry = providerWith({ isFile: false, isDirectory: true });
        await expect(writeExportTo(remote, 'x', folderEntry)).rejects.toThrow("Cannot write the export to 'vscode-remote://host/home/me/register.csv': it is a folder. Choose a file name.");
        const special = providerWith({ isFile: false, isDirectory: false });
        await expect(writeExportTo(remote, 'x', special)).rejects.toThrow(/it is not a regular file/);
        expect([...folderEntry.written, ...special.written]).toEqual([]);
    });
});
