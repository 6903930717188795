/**
 * Writes an export file safely: parent folders are created, the content goes to a
 * temporary file in the same folder that is then renamed over the target, so that
 * nobody ever sees a half-written export. A `.risk` file (part of a model) and a
 * folder are never written over. A symbolic link at the target is replaced by the
 * file, never followed.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';

export class ExportWriteError extends Error {
    constructor(message: string, readonly path: string, options?: { cause?: unknown }) {
        super(message, options);
        this.name = 'ExportWriteError';
    }
}

export interface WriteExportOptions {
    /** The folder a relative path is resolved from (default: the process's current folder). */
    readonly cwd?: string;
}

/** Writes the export and returns the absolute path written. Failures throw an ExportWriteError. */
export async function writeExportFile(path: string, content: string | Uint8Array, options: WriteExportOptions = {}): Promise<string> {
    const target = resolve(options.cwd ?? process.cwd(), path);
    if (extname(target).toLowerCase() === '.risk') {
        throw new ExportWriteError(`Refusing to write the export to '${path}': .risk files are model files. Choose an output file with another extension (.csv, .md, .json).`, target);
    }
    const existing = await stat(target).catch(() => undefined);
    if (existing?.isDirectory()) {
        throw new ExportWriteError(`Cannot write the export to '${path}': it is a folder. Give a file name, for example '${join(path, 'register.csv')}'.`, target);
    }
    const folder = dirname(target);
    await mkdir(folder, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
        throw new ExportWriteError(`Cannot create the folder '${folder}' for the export: ${describe(error)}.`, target, { cause: error });
    });
    const temporary = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
        await writeFile(temporary, content, { flag: 'wx' });
        if (existing?.isFile()) {
            // Replacing a file keeps its permissions.
            await chmod(temporary, existing.mode & 0o7777);
        }
        await rename(temporary, target);
    } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw new ExportWriteError(`Cannot write the export to '${path}': ${describe(error as NodeJS.ErrnoException)}.`, target, { cause: error });
    }
    return target;
}

function describe(error: NodeJS.ErrnoException): string {
    switch (error.code) {
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        case 'ENOTDIR':
        case 'EEXIST':
            return 'a file is in the way where a folder is needed';
        case 'ENOSPC':
            return 'no space left on the device';
        case 'EROFS':
            return 'the file system is read-only';
        case 'EISDIR':
            return 'it is a folder';
        default:
            return error.code ?? error.message;
    }
}
