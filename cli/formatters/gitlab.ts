/**
 * `--format gitlab`: a GitLab Code Quality report (a JSON array of Code Climate
 * issues), for `artifacts: reports: codequality`. GitLab shows the findings in the
 * merge request widget and the diff, and compares the report of the merge request
 * with the target branch's by `fingerprint`: code + subject IDs, so a risk that
 * moves to another file keeps its finding. Paths are relative to the repository
 * root, as GitLab resolves them against the project folder.
 */
import type { IssueCode, IssueSeverity } from '../../language/validation/issue-codes.js';
import { fingerprintsOf } from '../fingerprint.js';
import type { Finding } from '../findings.js';
import { sourcePath, type CheckReport } from '../report.js';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/**
 * Errors that leave the model without a usable method or text: no score, level or
 * acceptance anywhere can be trusted until they are fixed, so they block.
 */
export const BLOCKER_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>([
    'syntax-error', 'method-missing', 'method-duplicate', 'scale-invalid', 'level-overlap',
    'level-uncovered', 'matrix-invalid', 'appetite-missing'
]);

/** The documented mapping (docs/ci.md): blocker codes above, other errors critical, warnings major, infos minor, hints info. */
export function codeQualitySeverity(finding: Pick<Finding, 'code' | 'severity'>): CodeQualitySeverity {
    if (BLOCKER_CODES.has(finding.code as IssueCode)) {
        return 'blocker';
    }
    const bySeverity: Readonly<Record<IssueSeverity, CodeQualitySeverity>> = { error: 'critical', warning: 'major', info: 'minor', hint: 'info' };
    return bySeverity[finding.severity];
}

export interface CodeQualityIssue {
    readonly type: 'issue';
    readonly description: string;
    readonly check_name: string;
    readonly fingerprint: string;
    readonly severity: CodeQualitySeverity;
    readonly location: { readonly path: string; readonly lines: { readonly begin: number; readonly end: number } };
}

export function formatGitlab(report: CheckReport): string {
    const fingerprints = fingerprintsOf(report.findings);
    const issues: CodeQualityIssue[] = report.findings.map((finding, index) => ({
        type: 'issue',
        description: finding.message,
        check_name: finding.code,
        fingerprint: fingerprints[index],
        severity: codeQualitySeverity(finding),
        location: { path: sourcePath(finding, report), lines: { begin: finding.line, end: finding.endLine } }
    }));
    return `${JSON.stringify(issues, null, 2)}\n`;
}
