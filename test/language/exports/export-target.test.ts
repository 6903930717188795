/**
 * What writeExportFile refuses and what it writes through: symbolic links, FIFOs,
 * devices, sockets, the kernel's /proc and /sys. As root, nothing here ever writes to a
 * device: each case checks that the special file is still what it was.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync, lchownSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ExportWriteError, writeExportFile } from '../../../language/exports/write-file.js';
import { privateNullDevice } from '../../helpers/special-files.js';

const posix = process.platform !== 'win32';
const linux = process.platform === 'linux';
const root = process.getuid?.() === 0;
let folder: string;

beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'risk-export-target-'));
});

afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
});

describe.skipIf(!posix)('symbolic links are written through', () => {
    test('the target is replaced, keeps its permissions, and the link stays', async () => {
        mkdirSync(join(folder, '2026'));
        writeFileSync(join(folder, '2026/register.csv'), 'old\r\n');
        chmodSync(join(folder, '2026/register.csv'), 0o640);
        symlinkSync('2026/register.csv', join(folder, 'latest.csv'));
        const written = await writeExportFile('latest.csv', 'new\r\n', { cwd: folder });
        expect(written).toBe(join(folder, '2026/register.csv'));
        expect(lstatSync(join(folder, 'latest.csv')).isSymbolicLink()).toBe(true);
        expect(readlinkSync(join(folder, 'latest.csv'))).toBe('2026/register.csv');
        expect(readFileSync(join(folder, '2026/register.csv'), 'utf8')).toBe('new\r\n');
        expect(statSync(join(folder, '2026/register.csv')).mode & 0o777).toBe(0o640);
        expect(readdirSync(join(folder, '2026'))).toEqual(['register.csv']);
    });

    test('a link to a .risk file is refused and the model file is untouched', async () => {
        writeFileSync(join(folder, 'model.risk'), 'role CEO "CEO"\n');
        symlinkSync('model.risk', join(folder, 'out.csv'));
        const attempt = writeExportFile('out.csv', 'x', { cwd: folder });
        await expect(attempt).rejects.toBeInstanceOf(ExportWriteError);
        await expect(attempt).rejects.toThrow(/'out.csv' \(a symbolic link to .*model\.risk\): \.risk files are model files/);
        expect(readFileSync(join(folder, 'model.risk'), 'utf8')).toBe('role CEO "CEO"\n');
    });

    test('a link to a folder is refused like a folder', async () => {
        mkdirSync(join(folder, 'exports'));
        symlinkSync('exports', join(folder, 'out.csv'));
        await expect(writeExportFile('out.csv', 'x', { cwd: folder })).rejects.toThrow(/'out.csv': it is a folder/);
        expect(lstatSync(join(folder, 'out.csv')).isSymbolicLink()).toBe(true);
    });

    test('a link that leads nowhere is refused and stays', async () => {
        symlinkSync('missing/register.csv', join(folder, 'out.csv'));
        await expect(writeExportFile('out.csv', 'x', { cwd: folder })).rejects.toThrow("Cannot write the export to 'out.csv': it is a symbolic link to 'missing/register.csv', which does not exist. Create the target first, remove the link, or give another file name.");
        expect(readlinkSync(join(folder, 'out.csv'))).toBe('missing/register.csv');
        expect(readdirSync(folder)).toEqual(['out.csv']);
    });

    test('a loop of links is refused', async () => {
        symlinkSync('b.csv', join(folder, 'a.csv'));
        symlinkSync('a.csv', join(folder, 'b.csv'));
        await expect(writeExportFile('a.csv', 'x', { cwd: folder })).rejects.toThrow(/'a.csv': its symbolic links form a loop/);
    });

    test.skipIf(!root)("another user's link in a sticky shared folder such as /tmp is not followed", async () => {
        const shared = join(folder, 'shared');
        mkdirSync(shared);
        chmodSync(shared, 0o1777);
        writeFileSync(join(folder, 'precious'), 'keep me\n');
        symlinkSync(join(folder, 'precious'), join(shared, 'register.csv'));
        lchownSync(join(shared, 'register.csv'), 54321, 54321);
        await expect(writeExportFile(join(shared, 'register.csv'), 'x')).rejects.toThrow(/symbolic link owned by another user \(uid 54321\) in the shared folder/);
        expect(readFileSync(join(folder, 'precious'), 'utf8')).toBe('keep me\n');
    });
});

describe.skipIf(!posix)('special files are refused, never written or replaced', () => {
    test('a FIFO: refused at once (no reader needed), and it stays a FIFO', async () => {
        execFileSync('mkfifo', [join(folder, 'pipe.csv')]);
        const attempt = writeExportFile('pipe.csv', 'x', { cwd: folder });
        await expect(attempt).rejects.toThrow("Cannot write the export to 'pipe.csv': it is a FIFO (named pipe), not a regular file, and an export only replaces regular files. Give the name of a new or ordinary file; to see the export without a file, leave --output out and it goes to standard output.");
        expect(lstatSync(join(folder, 'pipe.csv')).isFIFO()).toBe(true);
        expect(readdirSync(folder)).toEqual(['pipe.csv']);
    });

    test.skipIf(!root)('a character device (a private copy of /dev/null made with mknod): refused, and it stays a device', async () => {
        const device = privateNullDevice(folder);
        await expect(writeExportFile(device, 'x')).rejects.toThrow(/it is a character device, not a regular file/);
        expect(lstatSync(device).isCharacterDevice()).toBe(true);
    });

    test('/dev/null itself and a link to it: refused, and /dev/null stays the device', async () => {
        if (root) {
            // A regression must cost the private copy, never the system's /dev/null.
            const outcome = await writeExportFile(privateNullDevice(folder), 'x').then(() => 'written', () => 'refused');
            expect(outcome, 'the private device copy was written over; /dev/null is not tried').toBe('refused');
        }
        const before = statSync('/dev/null');
        await expect(writeExportFile('/dev/null', 'x')).rejects.toThrow("Cannot write the export to '/dev/null': it is a character device, not a regular file");
        symlinkSync('/dev/null', join(folder, 'null.csv'));
        await expect(writeExportFile('null.csv', 'x', { cwd: folder })).rejects.toThrow(/'null.csv': it is a character device/);
        const after = lstatSync('/dev/null');
        expect(after.isCharacterDevice()).toBe(true);
        expect([after.ino, after.rdev]).toEqual([before.ino, before.rdev]);
    });

    test('a socket is refused', async () => {
        const path = join(folder, 'export.sock');
        const server: Server = createServer();
        await new Promise<void>(resolve => server.listen(path, resolve));
        try {
            await expect(writeExportFile(path, 'x')).rejects.toThrow(/it is a socket, not a regular file/);
            expect(lstatSync(path).isSocket()).toBe(true);
        } finally {
            await new Promise(resolve => server.close(resolve));
        }
    });
});

describe.skipIf(!linux)('the kernel file systems are refused without hanging', () => {
    test.each([
        ['/proc/nope/x.csv', '/proc is on procfs'],
        ['/proc/self/nope/deeper/x.csv', 'is on procfs'],
        ['/sys/nope/x.csv', '/sys is on sysfs']
    ])('%s', async (path, where) => {
        await expect(writeExportFile(path, 'x')).rejects.toThrow(`${where}, a virtual file system of the kernel, not a place for files. Choose an output file in an ordinary folder.`);
    });

    test('/proc/self/fd/1 (standard output, a pipe under vitest) is refused as what it is', async () => {
        const stdout = statSync('/proc/self/fd/1');
        if (stdout.isFile()) {
            return; // standard output redirected to a file: nothing special to refuse
        }
        await expect(writeExportFile('/proc/self/fd/1', 'x')).rejects.toThrow(/not a regular file/);
    });
});
