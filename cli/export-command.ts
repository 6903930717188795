/**
 * `risk export register|plan|soa`: evaluate one model and write the export to stdout
 * or, atomically, to the file the user named.
 */
import { countIncompleteErrors, EXPORT_NAMES as TITLES, incompleteExportText } from '../language/exports/completeness.js';
import { formatExport, buildExport } from '../language/exports/index.js';
import { ExportWriteError, writeExportFile } from '../language/exports/write-file.js';
import { loadModelFiles } from '../language/model/load-model.js';
import type { CheckIo } from './check-command.js';
import { collectModels } from './collect-files.js';
import { UsageError } from './errors.js';
import { parseExportOptions, type RawExportOptions } from './export-options.js';

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
    const loaded = await loadModelFiles(model.files, { asOf: options.asOf });
    const broken = countIncompleteErrors(loaded.documents);
    if (broken > 0) {
        // The export still shows what could be evaluated; the user should know it is partial.
        io.stderr.write(`risk: warning: ${incompleteExportText(broken, options.kind)}. Run \`risk check\` to see them.\n`);
    }
    const table = buildExport(options.kind, loaded.evaluation(), { baseDir: model.root, tags: options.tags });
    const content = formatExport(table, options.format, { bom: options.bom });
    if (!options.output) {
        io.stdout.write(content);
        return 0;
    }
    try {
        const written = await writeExportFile(options.output, content, { cwd: io.cwd });
        io.stderr.write(`risk: wrote the ${TITLES[options.kind]} (${table.rows.length} rows, as of ${options.asOf}) to ${written}\n`);
    } catch (error) {
        throw error instanceof ExportWriteError ? new UsageError(error.message) : error;
    }
    return 0;
}
