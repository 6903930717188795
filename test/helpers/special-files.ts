/** Special files for the tests of what an export refuses. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * A character device with /dev/null's numbers (1, 3) inside a test folder (needs root):
 * a test that regresses writes over this copy, never over the system's /dev/null.
 */
export function privateNullDevice(parent: string): string {
    const path = join(parent, 'null-device.csv');
    execFileSync('mknod', ['-m', '666', path, 'c', '1', '3']);
    return path;
}
