/** `risk diff --format json`: the document docs/diff.md describes, field by field. */
import type { DiffReport, DiffSideReport } from '../diff-report.js';
import type { Finding } from '../findings.js';

export const DIFF_JSON_VERSION = 1;

export function formatDiffJson(report: DiffReport): string {
    const document = {
        version: DIFF_JSON_VERSION,
        asOf: report.asOf,
        base: side(report.base),
        head: side(report.head),
        verdict: report.verdict,
        changes: report.changes.map(change => ({
            kind: change.kind,
            subject: change.subject,
            effect: change.effect,
            before: change.before,
            after: change.after,
            file: change.file,
            line: change.line,
            message: change.message
        })),
        findings: {
            new: report.findings.new.map(finding),
            resolved: report.findings.resolved.map(finding),
            unchanged: report.findings.unchanged.length
        }
    };
    return `${JSON.stringify(document, null, 2)}\n`;
}

function side(report: DiffSideReport) {
    return {
        label: report.label,
        commit: report.commit ?? null,
        files: report.files,
        unparsable: report.unparsable,
        summary: {
            risks: report.posture.risks,
            residualLevels: report.posture.residualLevels,
            appetite: report.posture.appetite,
            aboveAppetite: report.posture.aboveAppetite,
            aboveAppetiteWithoutValidAcceptance: report.posture.unaccepted,
            check: report.check
        }
    };
}

function finding(item: Finding) {
    return { file: item.file, line: item.line, column: item.column, severity: item.severity, code: item.code, subjects: item.subjects, message: item.message };
}
