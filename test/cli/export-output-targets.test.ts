/**
 * `risk export --output` as a process keeps what it does not own: a symbolic link is
 * written through, and a FIFO, a device, a socket or a path on /proc is refused with
 * exit 2 and a message, without hanging. As root, nothing here writes to a device.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { privateNullDevice } from '../helpers/special-files.js';
import { REPO_ROOT, runRisk, type RiskRun } from './run-risk.js';

const ACME = join(REPO_ROOT, 'examples', 'acme-saas');
const posix = process.platform !== 'win32';
const root = process.getuid?.() === 0;
let folder: string;

beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'risk-export-output-'));
});

afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
});

/** `risk export register examples/acme-saas --output <output>`, killed after 20 s. */
function exportTo(output: string): RiskRun {
    return runRisk(['export', 'register', ACME, '--as-of', '2026-11-23', '--output', output], { cwd: folder, timeout: 20_000 });
}

function expectRefused(run: RiskRun, message: string | RegExp): void {
    expect(run.status, `exit status (null: killed after the timeout); stderr: ${run.stderr}`).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe.skipIf(!posix)('risk export --output', () => {
    test('through a symbolic link: the target gets the export, the link stays, stderr names the target', () => {
        writeFileSync(join(folder, 'register-2026.csv'), 'old\r\n');
        symlinkSync('register-2026.csv', join(folder, 'latest.csv'));
        const run = exportTo('latest.csv');
        expect(run.status, run.stderr).toBe(0);
        expect(readlinkSync(join(folder, 'latest.csv'))).toBe('register-2026.csv');
        expect(readFileSync(join(folder, 'register-2026.csv'), 'utf8')).toMatch(/^ID,Title,/);
        expect(run.stderr).toContain(`to ${join(folder, 'register-2026.csv')}`);
    });

    test('a FIFO made with mkfifo: exit 2 at once, no reader needed, and it stays a FIFO', () => {
        execFileSync('mkfifo', [join(folder, 'pipe.csv')]);
        expectRefused(exportTo('pipe.csv'), "risk: Cannot write the export to 'pipe.csv': it is a FIFO (named pipe), not a regular file");
        expect(lstatSync(join(folder, 'pipe.csv')).isFIFO()).toBe(true);
    });

    test('/dev/null: exit 2, and /dev/null stays the device', () => {
        if (root) {
            // A regression must cost a private device copy, never the system's /dev/null.
            const copy = privateNullDevice(folder);
            expectRefused(exportTo(copy), /it is a character device, not a regular file/);
            expect(lstatSync(copy).isCharacterDevice()).toBe(true);
        }
        const before = statSync('/dev/null');
        expectRefused(exportTo('/dev/null'), "risk: Cannot write the export to '/dev/null': it is a character device, not a regular file, and an export only replaces regular files. Give the name of a new or ordinary file; to see the export without a file, leave --output out and it goes to standard output.");
        const after = lstatSync('/dev/null');
        expect(after.isCharacterDevice()).toBe(true);
        expect(after.ino).toBe(before.ino);
    });

    test.skipIf(process.platform !== 'linux')('/proc/nope/x.csv: exit 2 within the timeout, naming /proc', () => {
        expectRefused(exportTo('/proc/nope/x.csv'), "risk: Cannot write the export to '/proc/nope/x.csv': /proc is on procfs, a virtual file system of the kernel, not a place for files. Choose an output file in an ordinary folder.");
    });
});
