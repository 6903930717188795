/** `--format json`: one document for tools, lines and columns 1-based. */
import type { CheckReport } from '../report.js';

export const JSON_FORMAT_VERSION = 1;

export function formatJson(report: CheckReport): string {
    const document = {
        version: JSON_FORMAT_VERSION,
        asOf: report.asOf,
        files: report.fileCount,
        models: report.models,
        summary: report.summary,
        ...(report.baseline ? { baseline: report.baseline } : {}),
        diagnostics: report.findings.map(finding => ({
            file: finding.file,
            line: finding.line,
            column: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
            severity: finding.severity,
            code: finding.code,
            message: finding.message,
            ...(finding.model === undefined ? {} : { model: finding.model })
        }))
    };
    return `${JSON.stringify(document, null, 2)}\n`;
}
