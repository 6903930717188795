/** Loads the two example models the way the CLI does: every `.risk` file below the folder. */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadModelFiles, type LoadedModel } from '../../../language/model/load-model.js';

export const EXAMPLES_AS_OF = '2026-11-23';
export const EXAMPLES = ['acme-saas', 'qualitative-matrix'] as const;
export type ExampleName = (typeof EXAMPLES)[number];

export function exampleFolder(name: ExampleName): string {
    return resolve(import.meta.dirname, '../../../examples', name);
}

export function riskFiles(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true })
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .flatMap(entry => {
            const path = join(folder, entry.name);
            return entry.isDirectory() ? riskFiles(path) : entry.name.endsWith('.risk') ? [path] : [];
        });
}

export async function loadExample(name: ExampleName): Promise<LoadedModel> {
    return loadModelFiles(riskFiles(exampleFolder(name)), { asOf: EXAMPLES_AS_OF, validate: false });
}
