/**
 * `risk fmt`: formats in place (only the files that change, never one that does not
 * parse), `--check` lists what is not formatted and writes nothing, `--diff` shows it.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { runCli } from '../../cli/program.js';
import { workspace, type Workspace } from './fixtures.js';

const FORMATTED = `role CEO          "Chief Executive Officer" management
role SecurityLead "Security Lead"
`;
const UNFORMATTED = `role CEO "Chief Executive Officer"   management
role SecurityLead   "Security Lead"
`;
const BROKEN = 'role CEO "Chief Executive Officer"\nrisk R-1 "r" {\n  owner\n';

let ws: Workspace | undefined;

afterEach(() => ws?.remove());

async function risk(dir: string, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const status = await runCli(args, {
        cwd: dir,
        env: {},
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) }
    });
    return { status, stdout, stderr };
}

const read = (path: string): string => readFileSync(join(ws!.dir, path), 'utf8');

describe('risk fmt', () => {

    test('writes the files that change, in place, names them, and leaves the others untouched', async () => {
        ws = workspace({ 'model/roles.risk': UNFORMATTED, 'model/sub/ok.risk': FORMATTED, 'model/notes.txt': UNFORMATTED });
        const untouched = statSync(join(ws.dir, 'model/sub/ok.risk')).mtimeMs;
        const run = await risk(ws.dir, 'fmt', 'model');
        expect(run).toEqual({ status: 0, stdout: 'model/roles.risk\n', stderr: '' });
        expect(read('model/roles.risk')).toBe(FORMATTED);
        expect(read('model/notes.txt')).toBe(UNFORMATTED);
        expect(statSync(join(ws.dir, 'model/sub/ok.risk')).mtimeMs).toBe(untouched);
        expect(await risk(ws.dir, 'fmt', 'model', '--check')).toEqual({ status: 0, stdout: '', stderr: '' });
    });

    test('formats "." when no path is given', async () => {
        ws = workspace({ 'roles.risk': UNFORMATTED });
        expect((await risk(ws.dir, 'fmt')).status).toBe(0);
        expect(read('roles.risk')).toBe(FORMATTED);
    });

    test('--check lists the files that are not formatted, writes nothing and exits 1', async () => {
        ws = workspace({ 'a.risk': UNFORMATTED, 'b.risk': FORMATTED });
        const run = await risk(ws.dir, 'fmt', '--check', 'a.risk', 'b.risk');
        expect(run).toEqual({ status: 1, stdout: 'a.risk\n', stderr: 'risk: 1 file is not formatted; run "risk fmt" to format it\n' });
        expect(read('a.risk')).toBe(UNFORMATTED);
    });

    test('--check --diff shows what formatting would change as a unified diff', async () => {
        ws = workspace({ 'a.risk': UNFORMATTED });
        const run = await risk(ws.dir, 'fmt', '--check', '--diff', 'a.risk');
        expect(run.status).toBe(1);
        expect(run.stdout).toMatchInlineSnapshot(`
          "--- a/a.risk
          +++ b/a.risk
          @@ -1,2 +1,2 @@
          -role CEO "Chief Executive Officer"   management
          -role SecurityLead   "Security Lead"
          +role CEO          "Chief Executive Officer" management
          +role SecurityLead "Security Lead"
          "
        `);
        expect(read('a.risk')).toBe(UNFORMATTED);
    });

    test('a file with a syntax error is left as it is and reported; the others are still formatted; exit 2', async () => {
        ws = workspace({ 'broken.risk': BROKEN, 'roles.risk': UNFORMATTED });
        const run = await risk(ws.dir, 'fmt', '.');
        expect(run.status).toBe(2);
        expect(run.stderr).toBe('risk: broken.risk: syntax error at the end of the file (run "risk check" for the details); left as it is\n');
        expect(read('broken.risk')).toBe(BROKEN);
        expect(read('roles.risk')).toBe(FORMATTED);
    });

    test('a file that is not UTF-8 is left as it is and reported; a UTF-8 byte order mark and Windows line endings are kept', async () => {
        ws = workspace({});
        const latin1 = Buffer.from('role CEO   "Directeur g\xe9n\xe9ral"\n', 'latin1');
        writeFileSync(join(ws.dir, 'latin1.risk'), latin1);
        writeFileSync(join(ws.dir, 'bom.risk'), '\uFEFF' + UNFORMATTED.replace(/\n/g, '\r\n'));
        const run = await risk(ws.dir, 'fmt');
        expect(run.status).toBe(2);
        expect(run.stderr).toBe('risk: latin1.risk: not UTF-8 (save it as UTF-8 to format it); left as it is\n');
        expect(readFileSync(join(ws.dir, 'latin1.risk'))).toEqual(latin1);
        expect(read('bom.risk')).toBe('\uFEFF' + FORMATTED.replace(/\n/g, '\r\n'));
    });

    test('a path that does not exist is a usage error', async () => {
        ws = workspace({});
        const run = await risk(ws.dir, 'fmt', 'nowhere');
        expect(run.status).toBe(2);
        expect(run.stderr).toBe('risk: \'nowhere\' does not exist. Check the path; it is resolved from the current folder.\n');
    });

    test('keeps the file\'s permissions', async () => {
        ws = workspace({ 'a.risk': UNFORMATTED });
        const path = join(ws.dir, 'a.risk');
        const { chmodSync } = await import('node:fs');
        chmodSync(path, 0o640);
        await risk(ws.dir, 'fmt');
        expect(statSync(path).mode & 0o777).toBe(0o640);
    });
});
