/**
 * Where the two versions of `risk diff` come from: git revisions (read from git
 * objects), the working tree, or two folders. Each side is a list of files with
 * their text and the folder their paths are compared relative to.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ModelSourceFile } from '../language/model/load-model.js';
import { riskFilesBelow } from './collect-files.js';
import type { DiffOptions } from './diff-options.js';
import { UsageError } from './errors.js';
import { isRevision, openRepository, readRiskFiles, repositoryPath, resolveCommit, type GitRepository } from './git.js';

export interface SideFiles {
    /** How reports name the side: `main (1a2b3c4)`, `working tree`, or the folder. */
    readonly label: string;
    /** The commit, for a git revision. */
    readonly commit?: string;
    /** The folder paths are compared relative to: the repository root, or the `--from`/`--to` folder. */
    readonly root: string;
    readonly files: readonly ModelSourceFile[];
}

export interface DiffInputs {
    readonly base: SideFiles;
    readonly head: SideFiles;
    /** What the model is, for messages: the paths, or the folders. */
    readonly description: string;
}

export async function readDiffInputs(options: DiffOptions, cwd: string): Promise<DiffInputs> {
    const inputs = options.folders ? await readFolders(options.folders, cwd) : await readRevisions(options, cwd);
    if (inputs.base.files.length === 0 && inputs.head.files.length === 0) {
        throw new UsageError(`${inputs.description} holds no .risk files at ${inputs.base.label} nor at ${inputs.head.label}. Give the model's folder inside the repository.`);
    }
    return inputs;
}

async function readFolders(folders: { from: string; to: string }, cwd: string): Promise<DiffInputs> {
    const side = async (folder: string): Promise<SideFiles> => {
        const root = resolve(cwd, folder);
        const stats = await stat(root).catch(() => undefined);
        if (!stats?.isDirectory()) {
            throw new UsageError(`'${folder}' is not a folder. --from and --to each name a folder that holds a version of the model.`);
        }
        return { label: folder, root, files: await readFromDisk(await riskFilesBelow(root, folder)) };
    };
    return { base: await side(folders.from), head: await side(folders.to), description: `${folders.from} and ${folders.to}` };
}

async function readRevisions(options: DiffOptions, cwd: string): Promise<DiffInputs> {
    const repository = await openRepository(cwd);
    const [baseRevision, ...rest] = options.operands;
    if (baseRevision === undefined) {
        throw new UsageError('risk diff needs the base revision: risk diff BASE [HEAD] [PATH...], e.g. risk diff origin/main...HEAD, or two folders with --from DIR --to DIR');
    }
    let headRevision: string | undefined;
    let pathOperands = rest;
    if (rest.length > 0 && await isRevision(repository, rest[0])) {
        if (await exists(resolve(cwd, rest[0]))) {
            throw new UsageError(`'${rest[0]}' is both a revision and a path. Use '--' to separate revisions from paths, as in git: risk diff ${baseRevision} ${rest[0]} -- PATH, or risk diff ${baseRevision} -- ${rest[0]}`);
        }
        [headRevision, ...pathOperands] = rest;
    }
    const givenPaths = [...pathOperands, ...options.paths];
    const paths = givenPaths.length > 0 ? givenPaths : ['.'];
    const realCwd = await realpath(cwd);
    const inRepository = paths.map(path => {
        const inside = repositoryPath(repository, resolve(realCwd, path));
        if (inside === undefined) {
            throw new UsageError(`'${path}' is outside the git repository at ${repository.root}; give the model's folder inside it.`);
        }
        return inside;
    });
    const base = await revisionSide(repository, baseRevision, inRepository);
    const head = headRevision !== undefined
        ? await revisionSide(repository, headRevision, inRepository)
        : await workingTreeSide(repository, paths.map(path => resolve(realCwd, path)));
    return { base, head, description: paths.map(path => `'${path}'`).join(', ') };
}

async function revisionSide(repository: GitRepository, revision: string, paths: readonly string[]): Promise<SideFiles> {
    const commit = await resolveCommit(repository, revision);
    const files = await readRiskFiles(repository, commit, paths);
    return {
        label: `${revision} (${commit.slice(0, 7)})`,
        commit,
        root: repository.root,
        files: files.map(file => ({ path: join(repository.root, file.path), text: file.text }))
    };
}

/** The files as they are on disk now; a path that does not exist here holds no model here. */
async function workingTreeSide(repository: GitRepository, absolutePaths: readonly string[]): Promise<SideFiles> {
    const found = new Set<string>();
    for (const path of absolutePaths) {
        const stats = await stat(path).catch(() => undefined);
        if (stats?.isDirectory()) {
            (await riskFilesBelow(path, path)).forEach(file => found.add(file));
        } else if (stats?.isFile()) {
            found.add(path);
        }
    }
    return { label: 'working tree', root: repository.root, files: await readFromDisk([...found].sort()) };
}

async function readFromDisk(paths: readonly string[]): Promise<ModelSourceFile[]> {
    return Promise.all(paths.map(async path => ({
        path,
        text: await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
            throw new UsageError(`'${path}' cannot be read (${error.code ?? error.message}). Check that the file exists and is readable.`);
        })
    })));
}

async function exists(path: string): Promise<boolean> {
    return (await stat(path).catch(() => undefined)) !== undefined;
}
