/**
 * `risk/export`: an export of the workspace's model as the editor has it now, built
 * from the language server's evaluation exactly as `risk export` builds it from files.
 * The client writes the content where the user chose.
 */
import { z } from 'zod';
import { countIncompleteErrors, incompleteExportText } from '../../exports/completeness.js';
import { buildExport, EXPORT_FORMATS, EXPORT_KINDS, formatExport, type ExportFormat } from '../../exports/index.js';
import type { ExportKind } from '../../exports/table.js';
import type { RiskServices } from '../../risk-module.js';
import { EXPORT_REQUEST, type ExportRequestResult } from './protocol.js';
import { paramsObject, parseParams, quoted } from './request-params.js';
import { ModelUriSchema, requestModel } from './request-model.js';

export const ExportParamsSchema = paramsObject({
    kind: z.enum(EXPORT_KINDS as [ExportKind, ...ExportKind[]], {
        error: issue => `must be one of ${EXPORT_KINDS.map(kind => `"${kind}"`).join(', ')}, not ${quoted(issue.input)}`
    }),
    format: z.enum(EXPORT_FORMATS as [ExportFormat, ...ExportFormat[]], {
        error: issue => `must be one of ${EXPORT_FORMATS.map(format => `"${format}"`).join(', ')}, not ${quoted(issue.input)}`
    }),
    bom: z.boolean({ error: issue => `must be true or false, not ${quoted(issue.input)}` }).optional(),
    uri: ModelUriSchema
});

export interface WorkspaceContext {
    /** The folder the register's `File` column is relative to: the workspace folder, when known. */
    readonly baseDir?: string;
}

/**
 * Answers `risk/export`. Throws a ResponseError (`InvalidParams`) for params that are not
 * `{ kind, format, bom?, uri? }`, and for a workspace of several models without `uri`. The model's errors do not stop an export: the ones that leave
 * parts of it unevaluated become a warning, as with `risk export`.
 */
export function exportRequest(services: RiskServices, params: unknown, context: WorkspaceContext = {}): ExportRequestResult {
    const { kind, format, bom, uri } = parseParams(EXPORT_REQUEST, ExportParamsSchema, params);
    const model = requestModel(services, EXPORT_REQUEST, uri);
    const documents = model.documents;
    const evaluation = services.evaluation.ModelEvaluator.evaluate(model);
    const table = buildExport(kind, evaluation, { baseDir: context.baseDir });
    const content = formatExport(table, format, { bom: format === 'csv' && (bom ?? services.settings.RiskSettings.exports.csvBom) });
    const warnings: string[] = [];
    if (documents.length === 0) {
        warnings.push('The workspace has no .risk files: the export has no model in it. Open the folder of the model.');
    }
    const broken = countIncompleteErrors(documents);
    if (broken > 0) {
        const text = incompleteExportText(broken, kind);
        warnings.push(`${text[0].toUpperCase()}${text.slice(1)}. The Problems panel lists them.`);
    }
    return { content, rows: table.rows.length, asOf: evaluation.asOf, warnings };
}
