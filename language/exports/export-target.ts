/**
 * Where an export may be written. An export replaces a regular file or creates a new
 * one, and nothing else: not a model file, a folder, a FIFO, a device or a socket (as
 * root, `--output /dev/null` would otherwise replace the system's device node), and
 * nothing on the kernel's virtual file systems /proc and /sys, where creating a folder
 * can loop for ever. A symbolic link is written through: its target is replaced, the
 * link stays, and the target must pass the same rules.
 */
import type { Stats } from 'node:fs';
import { lstat, mkdir, readlink, realpath, stat, statfs } from 'node:fs/promises';
import { dirname, extname, join, parse } from 'node:path';

export class ExportWriteError extends Error {
    constructor(message: string, readonly path: string, options?: { cause?: unknown }) {
        super(message, options);
        this.name = 'ExportWriteError';
    }
}

export interface ExportTarget {
    /** The regular file to replace or create: the given path, or where its symbolic links lead. */
    readonly file: string;
    /** The file as it is now; undefined when it is to be created. */
    readonly existing?: Stats;
}

/** Creating the folders of an export may not take longer (a stuck network mount, a kernel file system). */
export const FOLDER_CREATION_TIMEOUT_MS = 10_000;

/** `statfs` types of the kernel's virtual file systems (linux/magic.h). */
const KERNEL_FILE_SYSTEMS: ReadonlyMap<number, string> = new Map([
    [0x9fa0, 'procfs'],
    [0x62656572, 'sysfs'],
    [0x64626720, 'debugfs'],
    [0x73636673, 'securityfs'],
    [0x63677270, 'cgroup2']
]);

/**
 * Checks the path the user named and returns the file to write. `shown` is the path
 * as the user wrote it, for messages. Throws an ExportWriteError that says what is
 * wrong and what to do.
 */
export async function resolveExportTarget(absolute: string, shown: string): Promise<ExportTarget> {
    refuseModelFile(absolute, shown);
    const link = await lstat(absolute).catch(() => undefined);
    const followed = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' && link?.isSymbolicLink()) {
            return danglingLink(absolute, shown);
        }
        if (error.code === 'ELOOP') {
            throw new ExportWriteError(`Cannot write the export to '${shown}': its symbolic links form a loop. Remove the link or give another file name.`, absolute, { cause: error });
        }
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
            return undefined;
        }
        throw new ExportWriteError(`Cannot write the export to '${shown}': ${describeFsError(error)}.`, absolute, { cause: error });
    });
    if (followed?.isDirectory()) {
        throw new ExportWriteError(`Cannot write the export to '${shown}': it is a folder. Give a file name, for example '${join(shown, 'register.csv')}'.`, absolute);
    }
    if (followed && !followed.isFile()) {
        throw new ExportWriteError(`Cannot write the export to '${shown}': it is ${kindOf(followed)}, not a regular file, and an export only replaces regular files. Give the name of a new or ordinary file; to see the export without a file, leave --output out and it goes to standard output.`, absolute);
    }
    if (!link?.isSymbolicLink() || !followed) {
        return { file: absolute, existing: followed };
    }
    await refuseForeignLinkInSharedFolder(absolute, shown, link);
    const file = await realpath(absolute);
    refuseModelFile(file, shown);
    return { file, existing: followed };
}

/** Creates the folder and those above it, one level at a time, within a time limit. */
export async function createExportFolder(folder: string, shown: string, timeoutMs = FOLDER_CREATION_TIMEOUT_MS): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ExportWriteError(`Cannot create the folder '${folder}' for the export '${shown}': it took longer than ${timeoutMs / 1000} s. Check that the file system is mounted and writable, or choose another folder.`, folder)), timeoutMs);
        timer.unref();
    });
    try {
        await Promise.race([createFolders(folder, shown), timeout]);
    } finally {
        clearTimeout(timer);
    }
}

/**
 * Node's `mkdir(…, { recursive: true })` loops for ever under /proc (mkdir answers
 * ENOENT for a parent that exists); this walks up to the nearest existing folder once
 * and creates each missing level with a plain mkdir.
 */
async function createFolders(folder: string, shown: string): Promise<void> {
    const missing: string[] = [];
    let existing = folder;
    for (;;) {
        const stats = await stat(existing).catch((error: NodeJS.ErrnoException) => {
            if (error.code === 'ENOENT') {
                return undefined;
            }
            throw cannotCreate(folder, error);
        });
        if (stats) {
            if (!stats.isDirectory()) {
                throw new ExportWriteError(`Cannot create the folder '${folder}' for the export: '${existing}' is a file, where a folder is needed. Move the file or choose another output path.`, folder);
            }
            break;
        }
        if (existing === parse(existing).root) {
            break;
        }
        missing.unshift(existing);
        existing = dirname(existing);
    }
    const kernel = await kernelFileSystemOf(existing);
    if (kernel) {
        throw new ExportWriteError(`Cannot write the export to '${shown}': ${existing} is on ${kernel}, a virtual file system of the kernel, not a place for files. Choose an output file in an ordinary folder.`, folder);
    }
    for (const level of missing) {
        await mkdir(level).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'EEXIST') {
                throw cannotCreate(folder, error);
            }
        });
    }
}

async function kernelFileSystemOf(folder: string): Promise<string | undefined> {
    const info = await statfs(folder).catch(() => undefined);
    return info ? KERNEL_FILE_SYSTEMS.get(Number(info.type)) : undefined;
}

function cannotCreate(folder: string, error: NodeJS.ErrnoException): ExportWriteError {
    return new ExportWriteError(`Cannot create the folder '${folder}' for the export: ${describeFsError(error)}.`, folder, { cause: error });
}

function refuseModelFile(file: string, shown: string): void {
    if (extname(file).toLowerCase() === '.risk') {
        const through = extname(shown).toLowerCase() === '.risk' ? '' : ` (a symbolic link to ${file})`;
        throw new ExportWriteError(`Refusing to write the export to '${shown}'${through}: .risk files are model files. Choose an output file with another extension (.csv, .md, .json).`, file);
    }
}

async function danglingLink(absolute: string, shown: string): Promise<never> {
    const target = await readlink(absolute).catch(() => '?');
    throw new ExportWriteError(`Cannot write the export to '${shown}': it is a symbolic link to '${target}', which does not exist. Create the target first, remove the link, or give another file name.`, absolute);
}

/**
 * The kernel's `protected_symlinks` rule, which a rename does not go through: in a
 * sticky world-writable folder such as /tmp, a link planted by another user is not
 * followed (it could point a root export at /etc/shadow).
 */
async function refuseForeignLinkInSharedFolder(absolute: string, shown: string, link: Stats): Promise<void> {
    const folder = await stat(dirname(absolute));
    const shared = (folder.mode & 0o1002) === 0o1002;
    const uid = process.getuid?.();
    if (shared && uid !== undefined && link.uid !== uid && link.uid !== folder.uid) {
        throw new ExportWriteError(`Refusing to write the export through '${shown}': it is a symbolic link owned by another user (uid ${link.uid}) in the shared folder ${dirname(absolute)}, and it could lead anywhere. Give a file name that is not a link, or a path in a folder of your own.`, absolute);
    }
}

function kindOf(stats: Stats): string {
    if (stats.isFIFO()) return 'a FIFO (named pipe)';
    if (stats.isCharacterDevice()) return 'a character device';
    if (stats.isBlockDevice()) return 'a block device';
    if (stats.isSocket()) return 'a socket';
    return 'a special file';
}

export function describeFsError(error: NodeJS.ErrnoException): string {
    switch (error.code) {
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        case 'ENOTDIR':
        case 'EEXIST':
            return 'a file is in the way where a folder is needed';
        case 'ENOENT':
            return 'the file system does not let it be created there';
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
