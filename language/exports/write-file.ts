/**
 * Writes an export file safely: parent folders are created, the content goes to a
 * temporary file in the same folder that is then renamed over the target, so that
 * nobody ever sees a half-written export. What may be written is decided in
 * export-target.ts: a regular file, new or existing, reached directly or through a
 * symbolic link (which stays).
 */
import { randomBytes } from 'node:crypto';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { createExportFolder, describeFsError, ExportWriteError, resolveExportTarget } from './export-target.js';

export { ExportWriteError } from './export-target.js';

export interface WriteExportOptions {
    /** The folder a relative path is resolved from (default: the process's current folder). */
    readonly cwd?: string;
}

/**
 * Writes the export and returns the absolute path of the file written: the given
 * path, or the target of the symbolic link it names. Failures throw an ExportWriteError.
 */
export async function writeExportFile(path: string, content: string | Uint8Array, options: WriteExportOptions = {}): Promise<string> {
    const { file, existing } = await resolveExportTarget(resolve(options.cwd ?? process.cwd(), path), path);
    const folder = dirname(file);
    await createExportFolder(folder, path);
    const temporary = join(folder, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
        await writeFile(temporary, content, { flag: 'wx' });
        if (existing) {
            // Replacing a file keeps its permissions.
            await chmod(temporary, existing.mode & 0o7777);
        }
        await rename(temporary, file);
    } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw new ExportWriteError(`Cannot write the export to '${path}': ${describeFsError(error as NodeJS.ErrnoException)}.`, file, { cause: error });
    }
    return file;
}
