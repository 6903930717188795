/**
 * `--format github`: GitHub Actions workflow commands, so that findings appear as
 * annotations on the pull request. GitHub shows at most 10 error, 10 warning and 10
 * notice annotations per step and drops the rest silently: the most serious are
 * printed first, at most 10 of each, then one plain log line counts what was left out.
 * Escaping follows @actions/core.
 */
import type { IssueSeverity } from '../../language/validation/issue-codes.js';
import { findingTitle } from '../finding-label.js';
import type { Finding } from '../findings.js';
import { sourcePath, type CheckReport } from '../report.js';

type AnnotationCommand = 'error' | 'warning' | 'notice';

const COMMANDS: Readonly<Record<IssueSeverity, AnnotationCommand>> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };
const ORDER: readonly AnnotationCommand[] = ['error', 'warning', 'notice'];

/** GitHub's documented limit of annotations of one kind per step. */
export const ANNOTATIONS_PER_KIND = 10;

export function formatGithub(report: CheckReport): string {
    const lines: string[] = [];
    const leftOut: string[] = [];
    for (const command of ORDER) {
        const findings = report.findings.filter(finding => COMMANDS[finding.severity] === command);
        for (const finding of findings.slice(0, ANNOTATIONS_PER_KIND)) {
            lines.push(annotation(command, finding, report));
        }
        if (findings.length > ANNOTATIONS_PER_KIND) {
            leftOut.push(`${findings.length - ANNOTATIONS_PER_KIND} ${command}${findings.length - ANNOTATIONS_PER_KIND === 1 ? '' : 's'}`);
        }
    }
    if (leftOut.length > 0) {
        lines.push(`risk: ${leftOut.join(', ')} not shown as annotations: GitHub shows at most ${ANNOTATIONS_PER_KIND} of each kind per step. ` +
            'The SARIF upload (--format sarif), the step summary (--summary) or `risk check` list every finding.\n');
    }
    return lines.join('');
}

function annotation(command: AnnotationCommand, finding: Finding, report: CheckReport): string {
    const properties = [
        ['file', sourcePath(finding, report)],
        ['line', String(finding.line)],
        ['col', String(finding.column)],
        ['endLine', String(finding.endLine)],
        ['endColumn', String(finding.endColumn)],
        ['title', findingTitle(finding)]
    ].map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',');
    return `::${command} ${properties}::${escapeData(finding.message)}\n`;
}

/** As @actions/core escapes a command's message. */
export function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** As @actions/core escapes a command's property values. */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
