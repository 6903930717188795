/**
 * How CI reports name a finding: by what it is about (`R-005 High`), since a code
 * alone (`unaccepted-residual`) does not tell a reviewer which risk is at stake.
 */
import { SEVERITY_RANK, type Finding } from './findings.js';

/**
 * The declarations the finding is in, outermost first, with the residual level of its
 * risk after the risk's ID: `R-005 High`, `R-001 High › MFA`, `method`, `A-01`; empty
 * for a finding outside any declaration (a syntax error between two of them).
 */
export function subjectLabel(finding: Finding): string {
    const [outer, ...inner] = finding.subjects;
    if (outer === undefined) {
        return '';
    }
    const head = finding.riskLevel ? `${outer} ${finding.riskLevel}` : outer;
    return [head, ...inner].join(' › ');
}

/** `unaccepted-residual: R-005 High`, or the code alone when the finding is about no declaration. */
export function findingTitle(finding: Finding): string {
    const subject = subjectLabel(finding);
    return subject ? `${finding.code}: ${subject}` : finding.code;
}

/** Errors, then warnings, infos and hints; within a severity the given order (by file and position) is kept. */
export function mostSeriousFirst(findings: readonly Finding[]): Finding[] {
    return [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}
