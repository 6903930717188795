/**
 * Data-driven validation tests: models under test/resources/validation carry their
 * expected diagnostics as comments.
 *
 *   risk R-1 "…" {            // expect: missing-owner
 *   // as-of: 2026-11-23         (file directive; default TEST_AS_OF)
 *   // ignore: unused            (file directive; codes not compared for this model)
 *
 * `expect:` lists the codes of the diagnostics that start on that line. Every other
 * diagnostic of the model is a failure, so a model without annotations asserts that
 * nothing fires. A `.risk` file is a model of its own; a folder named `*.model` is one
 * model of all the `.risk` files in it. A model whose bytes are not plain UTF-8 (a
 * byte order mark, UTF-16, Latin-1) is checked from disk, as the CLI reads it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decodeRiskFile } from '../../language/workspace/file-encoding.js';
import { TEST_AS_OF } from './check-model.js';

export interface AnnotatedModel {
    readonly name: string;
    /** The folder the file names are relative to. */
    readonly root: string;
    readonly files: Record<string, string>;
    /** Some file is not plain UTF-8: check the files on disk, not their text. */
    readonly fromDisk: boolean;
    readonly asOf: string;
    readonly ignored: ReadonlySet<string>;
    /** `file:line code`, sorted */
    readonly expected: string[];
}

export function annotatedModels(root: string): AnnotatedModel[] {
    const models: AnnotatedModel[] = [];
    const visit = (folder: string): void => {
        for (const entry of readdirSync(folder).sort()) {
            const path = join(folder, entry);
            if (statSync(path).isDirectory()) {
                if (entry.endsWith('.model')) {
                    models.push(toModel(relative(root, path), path, riskFilesBelow(path).map(file => relative(path, file))));
                } else {
                    visit(path);
                }
            } else if (entry.endsWith('.risk')) {
                models.push(toModel(relative(root, path), folder, [entry]));
            }
        }
    };
    visit(root);
    return models;
}

/** Every `.risk` file below the folder, sorted: the same order on every machine. */
export function riskFilesBelow(folder: string): string[] {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .filter(entry => entry.endsWith('.risk'))
        .sort()
        .map(entry => join(folder, entry));
}

function toModel(name: string, root: string, names: readonly string[]): AnnotatedModel {
    let fromDisk = false;
    const files: Record<string, string> = {};
    for (const file of names) {
        const bytes = readFileSync(join(root, file));
        files[file] = decodeRiskFile(bytes).text;
        fromDisk ||= !bytes.equals(Buffer.from(files[file], 'utf8'));
    }
    let asOf = TEST_AS_OF;
    const ignored = new Set<string>();
    const expected: string[] = [];
    for (const [file, text] of Object.entries(files)) {
        text.split(/\r?\n/).forEach((line, index) => {
            const asOfMatch = /\/\/\s*as-of:\s*(\S+)/.exec(line);
            if (asOfMatch) {
                asOf = asOfMatch[1];
            }
            const ignoreMatch = /\/\/\s*ignore:\s*(.+)$/.exec(line);
            ignoreMatch?.[1].split(/[\s,]+/).filter(Boolean).forEach(code => ignored.add(code));
            const expectMatch = /\/\/\s*expect:\s*(.+)$/.exec(line);
            expectMatch?.[1].split(/[\s,]+/).filter(Boolean).forEach(code => expected.push(`${file}:${index + 1} ${code}`));
        });
    }
    return { name, root, files, fromDisk, asOf, ignored, expected: expected.sort() };
}
