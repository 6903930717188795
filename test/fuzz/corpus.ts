/**
 * The models the mutator starts from: every `.risk` file in examples/ and test/resources/.
 * A folder of examples/ or a `*.model` folder is one model of several files (so that
 * mutations meet cross-file references); any other file is a model of its own.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { riskFilesBelow } from '../helpers/annotated-models.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** File name (relative to the model's folder) → text. */
export type ModelFiles = Record<string, string>;

export interface SeedModel {
    /** Where it comes from, relative to the repository. */
    readonly source: string;
    readonly files: ModelFiles;
}

const SEED_ROOTS = ['examples', 'test/resources'];

let cached: SeedModel[] | undefined;

export function seedModels(): SeedModel[] {
    cached ??= SEED_ROOTS.flatMap(root => modelsUnder(join(REPO_ROOT, root), root === 'examples'));
    return cached;
}

function modelsUnder(folder: string, childFoldersAreModels: boolean): SeedModel[] {
    const models: SeedModel[] = [];
    for (const entry of readdirSync(folder).sort()) {
        const path = join(folder, entry);
        if (statSync(path).isDirectory()) {
            if (childFoldersAreModels || entry.endsWith('.model')) {
                const files = riskFilesBelow(path);
                if (files.length > 0) {
                    models.push({ source: relative(REPO_ROOT, path), files: Object.fromEntries(files.map(file => [relative(path, file), readFileSync(file, 'utf8')])) });
                }
            } else {
                models.push(...modelsUnder(path, false));
            }
        } else if (entry.endsWith('.risk')) {
            models.push({ source: relative(REPO_ROOT, path), files: { [entry]: readFileSync(path, 'utf8') } });
        }
    }
    return models;
}
