/**
 * `risk report [PATH...] --output report.html`: the self-contained HTML report of one
 * model, written atomically like an export (or to stdout without --output).
 */
import { z } from 'zod';
import { today } from '../language/evaluation/dates.js';
import { countIncompleteErrors } from '../language/exports/completeness.js';
import { ExportWriteError, writeExportFile } from '../language/exports/write-file.js';
import { loadModelFiles } from '../language/model/load-model.js';
import { soleModel } from './model-folders.js';
import { htmlReport } from '../language/report/html-report.js';
import { collectModels } from './collect-files.js';
import { sizeOfFiles } from './large-model.js';
import { UsageError } from './errors.js';
import type { ExportIo } from './export-command.js';
import { AsOfOption } from './options.js';

const ReportOptionsSchema = z.object({
    paths: z.array(z.string().min(1, { error: 'an empty path was given; name the model folder, or leave the paths out to report on the current folder' })).default(['.']),
    output: z.string().min(1, { error: '--output needs a file name' }).optional(),
    asOf: AsOfOption.optional()
});

export interface RawReportOptions {
    readonly paths?: readonly string[];
    readonly output?: string;
    readonly asOf?: string;
}

export async function runReport(raw: RawReportOptions, io: ExportIo): Promise<number> {
    const parsed = ReportOptionsSchema.safeParse(raw);
    if (!parsed.success) {
        throw new UsageError(parsed.error.issues.map(issue => issue.message).join('\n'));
    }
    const { output } = parsed.data;
    const paths = parsed.data.paths.length > 0 ? parsed.data.paths : ['.'];
    const asOf = parsed.data.asOf ?? today();
    const models = await collectModels(paths, io.cwd);
    if (models.length !== 1) {
        throw new UsageError(`A report is of one model, and these paths make ${models.length}: give one model folder, or the .risk files of one model.`);
    }
    const [model] = models;
    io.modelSize?.(sizeOfFiles(model.files));
    // Only the errors the warning below counts: the report itself comes from the evaluation.
    const loaded = await loadModelFiles(model.files, { asOf, folders: model.folder ? [model.root] : [], validate: 'integrity' });
    const selected = soleModel(loaded, 'A report', io.cwd);
    const broken = countIncompleteErrors(selected.documents);
    if (broken > 0) {
        io.stderr.write(`risk: warning: the model has ${broken} error${broken === 1 ? '' : 's'} that leave${broken === 1 ? 's' : ''} parts of it unevaluated; the report shows what could be evaluated. Run \`risk check\` to see them.\n`);
    }
    const html = htmlReport(loaded.evaluation(selected), { baseDir: model.root });
    if (!output) {
        io.stdout.write(html);
        return 0;
    }
    try {
        const written = await writeExportFile(output, html, { cwd: io.cwd });
        io.stderr.write(`risk: wrote the report (as of ${asOf}) to ${written}\n`);
    } catch (error) {
        throw error instanceof ExportWriteError ? new UsageError(error.message) : error;
    }
    return 0;
}
