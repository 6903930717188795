/**
 * Writes an export the language server built to the file the user chose, under the
 * same rules as `risk export --output` (language/exports/export-target.ts): a file on
 * disk goes through writeExportFile — atomic, a symbolic link written through, a FIFO,
 * device, socket, folder, .risk file or kernel file system refused. A file of another
 * file system provider (no FIFOs or devices there) must be a file or new.
 */
import { ExportWriteError, writeExportFile } from '../../language/exports/write-file.js';

/** The parts of a vscode.Uri this needs. */
export interface ExportTargetUri {
    readonly scheme: string;
    readonly fsPath: string;
    toString(): string;
}

/** What a non-`file` target offers: vscode.workspace.fs, narrowed. */
export interface ProviderFileSystem {
    /** `isFile`/`isDirectory` of an existing target, or undefined when there is none. */
    stat(): Promise<{ isFile: boolean; isDirectory: boolean } | undefined>;
    write(content: Uint8Array): Promise<void>;
}

/** Returns where the export was written; throws an Error whose message says why not. */
export async function writeExportTo(target: ExportTargetUri, content: string, provider: ProviderFileSystem): Promise<string> {
    if (target.scheme === 'file') {
        return writeExportFile(target.fsPath, content);
    }
    const shown = target.toString();
    const existing = await provider.stat();
    if (existing?.isDirectory) {
        throw new ExportWriteError(`Cannot write the export to '${shown}': it is a folder. Choose a file name.`, shown);
    }
    if (existing && !existing.isFile) {
        throw new ExportWriteError(`Cannot write the export to '${shown}': it is not a regular file, and an export only replaces regular files. Choose a new or ordinary file.`, shown);
    }
    await provider.write(new TextEncoder().encode(content));
    return shown;
}
