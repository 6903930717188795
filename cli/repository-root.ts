/**
 * The root of the git repository a folder is in. CI tools want paths relative to it:
 * GitHub code scanning and annotations resolve a path against the repository root,
 * GitLab Code Quality likewise, whatever folder `risk check` was started in.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { displayPath } from './findings.js';

/**
 * The nearest folder at or above `folder` holding `.git` (a folder, or the file a
 * worktree or submodule has), or undefined outside any repository. Reading the file
 * system, not running git, keeps `risk check` free of a git installation.
 */
export function findRepositoryRoot(folder: string): string | undefined {
    for (let current = resolve(folder); ; current = dirname(current)) {
        if (existsSync(join(current, '.git'))) {
            return current;
        }
        if (dirname(current) === current) {
            return undefined;
        }
    }
}

/** A path relative to `root` with forward slashes, or undefined when it lies outside `root`. */
export function pathInside(absolutePath: string, root: string): string | undefined {
    const path = displayPath(absolutePath, root);
    return path === absolutePath || path === '..' || path.startsWith('../') ? undefined : path;
}
