/**
 * `risk export register|plan|soa|all`: evaluate one model and write the export to
 * stdout or, atomically, to the file the user named (a workbook always to a file).
 */
import { countIncompleteErrors, EXPORT_NAMES as TITLES, incompleteExportText } from '../language/exports/completeness.js';
import { buildExport, EXPORT_KINDS, formatExport } from '../language/exports/index.js';
import type { AnyExport } from '../language/exports/table.js';
import { ExportWriteError, writeExportFile } from '../language/exports/write-file.js';
import { loadModelFiles } from '../language/model/load-model.js';
import type { CheckIo } from './check-command.js';
import { collectModels } from './collect-files.js';
import { sizeOfFiles } from './large-model.js';
import { UsageError } from './errors.js';
import { soleModel } from './model-folders.js';
import { parseExportOptions, type ExportCommandOptions, type RawExportOptions } from './export-options.js';

export interface ExportIo extends CheckIo {
    readonly stderr: { write(text: string): unknown };
}

export async function runExport(raw: RawExportOptions, io: ExportIo): Promise<number> {
    const options = parseExportOptions(raw);
    const models = await collectModels(options.paths, io.cwd);
    if (models.length !== 1) {
        throw new UsageError(`An export is of one model, and these paths make ${models.length}: give one model folder, or the .risk files of one model.`);
    }
    const [model] = models;
    io.modelSize?.(sizeOfFiles(model.files));
    // Only the errors the warning below counts: the export's own cells come from the evaluation.
    const loaded = await loadModelFiles(model.files, { asOf: options.asOf, folders: model.folder ? [model.root] : [], validate: 'integrity' });
    const selected = soleModel(loaded, 'An export', io.cwd);
    const broken = countIncompleteErrors(selected.documents);
    const kinds = options.kind === 'all' ? EXPORT_KINDS : [options.kind];
    if (broken > 0) {
        // The export still shows what could be evaluated; the user should know it is partial.
        const text = incompleteExportText(broken, kinds[0]);
        const warning = kinds.length > 1 ? text.replace(`the ${TITLES[kinds[0]]} shows`, 'the workbook shows') : text;
        io.stderr.write(`risk: warning: ${warning}. Run \`risk check\` to see them.\n`);
    }
    const evaluation = loaded.evaluation(selected);
    const tables = kinds.map(kind => buildExport(kind, evaluation, { baseDir: model.root, tags: options.tags }));
    const content = await exportContent(tables, options);
    if (!options.output) {
        // Only text reaches this point: parseExportOptions requires --output for a workbook.
        io.stdout.write(typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));
        return 0;
    }
    try {
        const written = await writeExportFile(options.output, content, { cwd: io.cwd });
        const parts = tables.map(table => `the ${TITLES[table.kind]} (${table.rows.length} rows`);
        const what = parts.length === 1 ? `${parts[0]}, as of ${options.asOf})` : `a workbook with ${parts.join('), ')}), as of ${options.asOf},`;
        io.stderr.write(`risk: wrote ${what} to ${written}\n`);
    } catch (error) {
        throw error instanceof ExportWriteError ? new UsageError(error.message) : error;
    }
    return 0;
}

async function exportContent(tables: readonly AnyExport[], options: ExportCommandOptions): Promise<string | Uint8Array> {
    if (options.format === 'xlsx') {
        // Loaded only here: the other commands never pay for the spreadsheet library.
        const { toXlsx } = await import('../language/exports/xlsx.js');
        return toXlsx(tables);
    }
    return formatExport(tables[0], options.format, { bom: options.bom });
}
