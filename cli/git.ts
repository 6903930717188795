/**
 * Reads a model's files from git objects: the commit a revision names, the `.risk`
 * blobs below a folder in it (`git ls-tree`) and their texts (one `git cat-file
 * --batch`), without a checkout or a clone. git runs with an argument array, never
 * through a shell, so no revision or path is ever interpreted as shell syntax.
 */
import { spawn } from 'node:child_process';
import { posix } from 'node:path';
import { RISK_EXTENSION } from './collect-files.js';
import { UsageError } from './errors.js';

interface GitResult {
    readonly code: number | null;
    readonly stdout: Buffer;
    readonly stderr: string;
}

function git(args: readonly string[], cwd: string, input?: string): Promise<GitResult> {
    return new Promise((resolve, reject) => {
        const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
        const stdout: Buffer[] = [];
        const stderr: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
        child.on('error', (error: NodeJS.ErrnoException) => {
            reject(error.code === 'ENOENT' ? new UsageError('git is not installed or not on the PATH; risk diff and --baseline read revisions with git.') : error);
        });
        child.on('close', code => resolve({ code, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString('utf8').trim() }));
        child.stdin.on('error', () => undefined);
        child.stdin.end(input ?? '');
    });
}

export interface GitRepository {
    /** The absolute path of the work tree's top folder. */
    readonly root: string;
}

/** The repository the folder is in; a usage error (with git's message) outside one. */
export async function openRepository(cwd: string): Promise<GitRepository> {
    const result = await git(['rev-parse', '--show-toplevel'], cwd);
    if (result.code !== 0) {
        throw new UsageError(`${result.stderr || 'not a git repository'}\nrisk diff compares git revisions: run it inside the repository, or compare two folders with --from DIR --to DIR.`);
    }
    return { root: result.stdout.toString('utf8').trim() };
}

/**
 * The commit a revision names. `A...B` names the merge base of A and B, as in
 * `git diff A...B`. An unknown revision is a usage error with git's own message.
 */
export async function resolveCommit(repository: GitRepository, revision: string): Promise<string> {
    const range = /^(.*)\.\.\.(.*)$/.exec(revision);
    if (range) {
        const [left, right] = await Promise.all([range[1] || 'HEAD', range[2] || 'HEAD'].map(side => resolveCommit(repository, side)));
        const base = await git(['merge-base', left, right], repository.root);
        if (base.code !== 0) {
            throw new UsageError(`${revision}: ${base.stderr || `${range[1]} and ${range[2]} have no common ancestor`}`);
        }
        return base.stdout.toString('utf8').trim();
    }
    if (revision === '' || revision.startsWith('-')) {
        throw new UsageError(`'${revision}' is not a revision: give a branch, tag or commit such as main or origin/main...HEAD.`);
    }
    const verified = await git(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], repository.root);
    if (verified.code === 0) {
        return verified.stdout.toString('utf8').trim();
    }
    // Ask git again without --quiet for its own words ("bad revision 'nope'").
    const explained = await git(['rev-parse', revision, '--'], repository.root);
    throw new UsageError(explained.stderr || `fatal: '${revision}' is not a commit`);
}

/** True when the text names a commit (used to tell `risk diff main docs` apart from two revisions). */
export async function isRevision(repository: GitRepository, text: string): Promise<boolean> {
    if (text === '' || text.startsWith('-')) {
        return false;
    }
    if (text.includes('...')) {
        return true;
    }
    return (await git(['rev-parse', '--verify', '--quiet', `${text}^{commit}`], repository.root)).code === 0;
}

export interface GitFile {
    /** Relative to the repository root, with forward slashes. */
    readonly path: string;
    readonly text: string;
}

/**
 * The `.risk` files below the given folders (or the given files) at a commit, by the
 * same rules as `risk check` on a folder: recursively, skipping `node_modules` and
 * folders whose name starts with a dot. Symbolic links are not followed (git stores
 * a link, not its target). `paths` are relative to the repository root.
 */
export async function readRiskFiles(repository: GitRepository, commit: string, paths: readonly string[]): Promise<GitFile[]> {
    const listing = await git(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...paths.map(path => (path === '' ? '.' : path))], repository.root);
    if (listing.code !== 0) {
        throw new UsageError(listing.stderr || `git ls-tree failed for ${commit}`);
    }
    const blobs: Array<{ path: string; object: string }> = [];
    for (const entry of listing.stdout.toString('utf8').split('\0')) {
        const match = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
        if (!match || match[2] !== 'blob' || match[1] === '120000' || !match[4].endsWith(RISK_EXTENSION)) {
            continue;
        }
        if (collected(match[4], paths)) {
            blobs.push({ path: match[4], object: match[3] });
        }
    }
    const texts = await readBlobs(repository, blobs.map(blob => blob.object));
    return blobs.map((blob, index) => ({ path: blob.path, text: texts[index] })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The folder rules of collect-files.ts, applied to the part of the path below the argument that selected it. */
function collected(path: string, arguments_: readonly string[]): boolean {
    return arguments_.some(argument => {
        const base = argument === '' || argument === '.' ? '' : argument.replace(/\/+$/, '');
        if (path === base) {
            return true;
        }
        if (base !== '' && !path.startsWith(`${base}/`)) {
            return false;
        }
        const folders = posix.dirname(base === '' ? path : path.slice(base.length + 1)).split('/').filter(part => part !== '.');
        return folders.every(folder => folder !== 'node_modules' && !folder.startsWith('.'));
    });
}

/** The contents of blobs, in the given order, read by one `git cat-file --batch`. */
async function readBlobs(repository: GitRepository, objects: readonly string[]): Promise<string[]> {
    if (objects.length === 0) {
        return [];
    }
    const result = await git(['cat-file', '--batch'], repository.root, objects.map(object => `${object}\n`).join(''));
    if (result.code !== 0) {
        throw new UsageError(result.stderr || 'git cat-file failed');
    }
    const output = result.stdout;
    const texts: string[] = [];
    let offset = 0;
    for (const object of objects) {
        const headerEnd = output.indexOf(0x0a, offset);
        const header = output.subarray(offset, headerEnd).toString('utf8');
        const size = /^[0-9a-f]+ blob (\d+)$/.exec(header);
        if (!size) {
            throw new UsageError(`git cat-file could not read object ${object}: ${header}`);
        }
        const start = headerEnd + 1;
        const end = start + Number(size[1]);
        texts.push(output.subarray(start, end).toString('utf8'));
        offset = end + 1;
    }
    return texts;
}

/** The path of a folder or file below the repository root, with forward slashes ('' for the root itself). */
export function repositoryPath(repository: GitRepository, absolutePath: string): string | undefined {
    const relative = posix.relative(toPosix(repository.root), toPosix(absolutePath));
    return relative.startsWith('..') || posix.isAbsolute(relative) ? undefined : relative;
}

function toPosix(path: string): string {
    return path.split('\\').join('/');
}
