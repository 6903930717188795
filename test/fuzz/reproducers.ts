/**
 * Reproducers: the shrunk inputs of failures the harness found, kept as regression tests
 * (reproducers.test.ts). A one-file input is `<name>.risk`; an input of several files is a
 * folder `<name>.model/`. Each starts with a comment saying what failed, when the comment
 * does not change the failure (a BOM must stay first, for one).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelFiles } from './corpus.js';
import { signatureOf, type Failure } from './failures.js';

export const REPRODUCERS_DIR = fileURLToPath(new URL('./reproducers', import.meta.url));

export interface Reproducer {
    readonly name: string;
    readonly files: ModelFiles;
}

export function reproducerName(failure: Failure): string {
    const slug = `${failure.property}-${failure.step}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50);
    return `${slug}-${createHash('sha256').update(signatureOf(failure)).digest('hex').slice(0, 8)}`;
}

/** The comment that heads a reproducer: what failed, and which input it came from. */
export function headerOf(failure: Failure, origin: string): string {
    return `// fuzz reproducer: ${signatureOf(failure).replace(/[\r\n]/g, ' ')}\n// from ${origin.replace(/[\r\n]/g, ' ')}\n`;
}

/** Writes the reproducer; returns its path. */
export function writeReproducer(folder: string, name: string, files: ModelFiles): string {
    mkdirSync(folder, { recursive: true });
    const names = Object.keys(files);
    if (names.length === 1) {
        const path = join(folder, `${name}.risk`);
        writeFileSync(path, files[names[0]]);
        return path;
    }
    const model = join(folder, `${name}.model`);
    for (const file of names) {
        mkdirSync(join(model, file, '..'), { recursive: true });
        writeFileSync(join(model, file), files[file]);
    }
    return model;
}

export function readReproducers(folder = REPRODUCERS_DIR): Reproducer[] {
    if (!existsSync(folder)) {
        return [];
    }
    return readdirSync(folder).sort().flatMap((entry): Reproducer[] => {
        const path = join(folder, entry);
        if (entry.endsWith('.model') && statSync(path).isDirectory()) {
            const files = readdirSync(path, { recursive: true, encoding: 'utf8' }).filter(file => file.endsWith('.risk')).sort();
            return [{ name: entry, files: Object.fromEntries(files.map(file => [file, readFileSync(join(path, file), 'utf8')])) }];
        }
        if (entry.endsWith('.risk')) {
            return [{ name: entry, files: { [entry]: readFileSync(path, 'utf8') } }];
        }
        return [];
    });
}
