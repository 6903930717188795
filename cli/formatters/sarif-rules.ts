/**
 * The SARIF rules: one per issue code of the language, with what GitHub code scanning
 * shows of a rule (name, descriptions, help as text and Markdown, a link to the code's
 * section of docs/language.md) and how it ranks and files the alerts (precision,
 * problem.severity, tags).
 */
import type { ReportingDescriptor, Result } from 'sarif';
import { ALL_ISSUE_CODES, ISSUES, IssueCodes, type IssueSeverity } from '../../language/validation/issue-codes.js';
import { issueHelpUri } from '../../language/validation/issue-links.js';

export const LEVELS: Readonly<Record<IssueSeverity, Result.level>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** GitHub's `problem.severity` for non-security views: error, warning or recommendation. */
const PROBLEM_SEVERITIES: Readonly<Record<IssueSeverity, string>> = { error: 'error', warning: 'warning', info: 'recommendation', hint: 'recommendation' };

/**
 * `security` files the alerts under code scanning's security view; a risk register is
 * security work. GitHub keeps 20 tags per rule and shows 10.
 */
export const RULE_TAGS = ['security', 'risk-management', 'iso-27001'] as const;

/** `UnacceptedResidual` for `unaccepted-residual`: the name of the code in issue-codes.ts. */
const RULE_NAMES: ReadonlyMap<string, string> = new Map(Object.entries(IssueCodes).map(([name, code]) => [code, name]));

export function sarifRules(): ReportingDescriptor[] {
    return ALL_ISSUE_CODES.map(code => {
        const issue = ISSUES[code];
        return {
            id: code,
            name: RULE_NAMES.get(code) ?? code,
            shortDescription: { text: issue.summary },
            fullDescription: { text: `${issue.summary} ${issue.help}` },
            help: {
                text: issue.help,
                markdown: `**${issue.summary}**\n\n${issue.help}\n\n[\`${code}\` in the language reference](${issueHelpUri(code)})`
            },
            helpUri: issueHelpUri(code),
            defaultConfiguration: { level: LEVELS[issue.severity] },
            properties: {
                tags: [...RULE_TAGS],
                // Every finding is computed from the model, never guessed: no false positives by design.
                precision: 'very-high',
                'problem.severity': PROBLEM_SEVERITIES[issue.severity]
            }
        };
    });
}

/** A rule for a code the catalogue does not know: described rather than the finding dropped. */
export function unknownRule(code: string): ReportingDescriptor {
    return {
        id: code,
        name: `Unknown ${code}`,
        shortDescription: { text: code },
        properties: { tags: [...RULE_TAGS], precision: 'very-high', 'problem.severity': 'warning' }
    };
}
