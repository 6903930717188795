/**
 * `risk import FILE.csv|FILE.xlsx`: a spreadsheet register becomes a folder of `.risk`
 * files, formatted, with a summary of what was inferred, guessed and left out. Files
 * that exist are never written over without --force.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { buildModel, type ImportedModel } from '../language/import/build-model.js';
import { findHeader } from '../language/import/columns.js';
import { formatRiskTexts } from '../language/import/format-model.js';
import { ImportError, readGrid } from '../language/import/read-table.js';
import type { ExportIo } from './export-command.js';
import { UsageError } from './errors.js';
import { parseImportOptions, type RawImportOptions } from './import-options.js';

export async function runImport(raw: RawImportOptions, io: ExportIo): Promise<number> {
    const options = parseImportOptions(raw);
    const path = resolve(io.cwd, options.file);
    const content = await readFile(path).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot read '${options.file}': ${error.code === 'ENOENT' ? 'no such file' : error.code ?? error.message}`);
    });
    let model: ImportedModel;
    try {
        const grid = await readGrid(path, content, options.sheet);
        const header = findHeader(grid.rows, options.map);
        const source = grid.sheet ? `${basename(path)} (sheet '${grid.sheet}')` : basename(path);
        model = buildModel(grid.rows, header, source, grid.plan);
    } catch (error) {
        throw error instanceof ImportError ? new UsageError(`cannot import '${options.file}': ${error.message}`) : error;
    }
    const files = await formatRiskTexts(model.files);
    const folder = resolve(io.cwd, options.out);
    const targets = [...files.keys()].map(name => join(folder, name));
    const existing = (await Promise.all(targets.map(async target => ((await stat(target).catch(() => undefined)) ? target : undefined)))).filter((target): target is string => target !== undefined);
    if (existing.length > 0 && !options.force) {
        throw new UsageError(`not overwriting ${existing.map(target => `'${join(options.out, relative(folder, target))}'`).join(', ')}: they exist already. Import into another folder with --out DIR, or add --force to replace them`);
    }
    const others = (await readdir(folder).catch(() => [] as string[])).filter(name => name.endsWith('.risk') && !files.has(name));
    await mkdir(folder, { recursive: true });
    for (const [name, text] of files) {
        // 'wx' fails rather than follow or replace anything that appeared meanwhile.
        await writeFile(join(folder, name), text, { flag: options.force ? 'w' : 'wx' }).catch((error: NodeJS.ErrnoException) => {
            throw new UsageError(`cannot write '${join(options.out, name)}': ${error.code ?? error.message}`);
        });
    }
    io.stdout.write(importSummary(model, options.out, [...files.keys()], others));
    return 0;
}

export function importSummary(model: ImportedModel, out: string, written: readonly string[], others: readonly string[]): string {
    const lines = [
        `Imported ${model.risks} risk${model.risks === 1 ? '' : 's'} into ${out}: ${written.join(', ')}`,
        '',
        'Method:',
        ...model.methodNotes.map(note => `  - ${note}`)
    ];
    if (model.disagreements.length > 0) {
        lines.push('', `Levels that disagree with the method (${model.disagreements.length}; the model keeps the method's level, the sheet is unchanged):`);
        for (const d of model.disagreements) {
            lines.push(`  - row ${d.row} (${d.id}), column ${d.column}: the sheet says ${d.stated}, the method gives ${d.computed} for ${d.why}`);
        }
    }
    lines.push('', 'Rows:');
    for (const row of model.rows) {
        const parts = [
            row.inferred.length > 0 ? `inferred: ${row.inferred.join('; ')}` : '',
            row.guessed.length > 0 ? `guessed: ${row.guessed.join('; ')}` : '',
            row.leftOut.length > 0 ? `left out: ${row.leftOut.join('; ')}` : ''
        ].filter(Boolean);
        lines.push(`  - row ${row.row} (${row.id}): ${parts.length > 0 ? parts.join(' | ') : 'read as written'}`);
    }
    if (model.leftOutColumns.length > 0) {
        lines.push('', `Columns left out (no field; name one with --map "COLUMN=FIELD"): ${model.leftOutColumns.join(', ')}`);
    }
    if (others.length > 0) {
        lines.push('', `Note: ${out} also holds ${others.join(', ')}; every .risk file in the folder is one model.`);
    }
    lines.push('', `Next: risk check ${out}`);
    return `${lines.join('\n')}\n`;
}
