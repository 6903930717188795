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
 * model of all the `.risk` files in it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TEST_AS_OF } from './check-model.js';

export interface AnnotatedModel {
    readonly name: string;
    readonly files: Record<string, string>;
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
                    const files = Object.fromEntries(riskFilesBelow(path).map(file => [relative(path, file), readFileSync(file, 'utf8')]));
                    models.push(toModel(relative(root, path), files));
                } else {
                    visit(path);
                }
            } else if (entry.endsWith('.risk')) {
                models.push(toModel(relative(root, path), { [entry]: readFileSync(path, 'utf8') }));
            }
        }
    };
    visit(root);
    return models;
}

function riskFilesBelow(folder: string): string[] {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .filter(entry => entry.endsWith('.risk'))
        .sort()
        .map(entry => join(folder, entry));
}

function toModel(name: string, files: Record<string, string>): AnnotatedModel {
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
    return { name, files, asOf, ignored, expected: expected.sort() };
}
