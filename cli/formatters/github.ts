/**
 * `--format github`: GitHub Actions workflow commands, one per finding, so that
 * findings appear as annotations on the pull request. Escaping follows @actions/core.
 */
import type { IssueSeverity } from '../../language/validation/issue-codes.js';
import type { CheckReport } from '../report.js';

const COMMANDS: Readonly<Record<IssueSeverity, string>> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function formatGithub(report: CheckReport): string {
    return report.findings.map(finding => {
        const properties = [
            ['file', finding.file],
            ['line', String(finding.line)],
            ['col', String(finding.column)],
            ['endLine', String(finding.endLine)],
            ['endColumn', String(finding.endColumn)],
            ['title', finding.code]
        ].map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',');
        return `::${COMMANDS[finding.severity]} ${properties}::${escapeData(finding.message)}\n`;
    }).join('');
}

/** As @actions/core escapes a command's message. */
export function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** As @actions/core escapes a command's property values. */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
