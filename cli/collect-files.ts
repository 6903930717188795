/**
 * Turns the path arguments into sets of files to load: each folder argument is one
 * (every `.risk` file below it, skipping `node_modules` and dot-folders); all file
 * arguments together form one more. The files of a set then form one model per
 * folder that holds a method (language/workspace/model-boundaries.ts).
 */
import { constants } from 'node:fs';
import { access, readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from './errors.js';

export interface ModelFiles {
    /** Absolute paths, in a stable order. */
    readonly files: readonly string[];
    /** The folder the model's paths are shown relative to: the folder argument, or the working folder for loose files. */
    readonly root: string;
    /** The set is a folder argument: its files without a method above them form the folder's model. */
    readonly folder: boolean;
}

export const RISK_EXTENSION = '.risk';

export async function collectModels(paths: readonly string[], cwd: string): Promise<ModelFiles[]> {
    const folderModels: ModelFiles[] = [];
    const looseFiles = new Set<string>();
    const seenFolders = new Set<string>();
    for (const argument of paths) {
        const absolute = resolve(cwd, argument);
        const stats = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
            throw new UsageError(cannotRead(argument, error));
        });
        if (stats.isDirectory()) {
            const real = await realpath(absolute);
            if (seenFolders.has(real)) {
                continue;
            }
            seenFolders.add(real);
            const files = await riskFilesBelow(absolute, argument);
            if (files.length === 0) {
                throw new UsageError(`${quote(argument)} contains no ${RISK_EXTENSION} files (folders are searched recursively, skipping node_modules and folders whose name starts with a dot). Give a folder or file that holds the model.`);
            }
            folderModels.push({ files, root: absolute, folder: true });
        } else if (stats.isFile()) {
            await access(absolute, constants.R_OK).catch((error: NodeJS.ErrnoException) => {
                throw new UsageError(cannotRead(argument, error));
            });
            looseFiles.add(absolute);
        } else {
            throw new UsageError(`${quote(argument)} is neither a file nor a folder. Give .risk files or folders that contain them.`);
        }
    }
    const models = [...folderModels];
    if (looseFiles.size > 0) {
        models.push({ files: [...looseFiles].sort(), root: cwd, folder: false });
    }
    return models;
}

/** Every `.risk` file below a folder, in a stable order; symbolic links are followed once. */
export async function riskFilesBelow(root: string, argument: string): Promise<string[]> {
    const files: string[] = [];
    const visited = new Set<string>();
    const walk = async (folder: string): Promise<void> => {
        const real = await realpath(folder);
        if (visited.has(real)) {
            return;
        }
        visited.add(real);
        const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
            throw new UsageError(cannotRead(folder === root ? argument : folder, error));
        });
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
            const path = join(folder, entry.name);
            let isDirectory = entry.isDirectory();
            let isFile = entry.isFile();
            if (entry.isSymbolicLink()) {
                const target = await stat(path).catch(() => undefined);
                isDirectory = target?.isDirectory() ?? false;
                isFile = target?.isFile() ?? false;
            }
            if (isDirectory && entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
                await walk(path);
            } else if (isFile && entry.name.endsWith(RISK_EXTENSION)) {
                files.push(path);
            }
        }
    };
    await walk(root);
    return files;
}

function cannotRead(argument: string, error: NodeJS.ErrnoException): string {
    switch (error.code) {
        case 'ENOENT':
        case 'ENOTDIR':
            return `${quote(argument)} does not exist. Check the path; it is resolved from the current folder.`;
        case 'EACCES':
        case 'EPERM':
            return `${quote(argument)} cannot be read: permission denied. Check its permissions.`;
        default:
            return `${quote(argument)} cannot be read (${error.code ?? error.message}).`;
    }
}

function quote(text: string): string {
    return `'${text}'`;
}
