/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it. Every issue code
 * of the language is a rule; every finding a result pointing at its rule by index.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result, Run } from 'sarif';
import { ALL_ISSUE_CODES, ISSUES, IssueCodes, type IssueSeverity } from '../../language/validation/issue-codes.js';
import type { Finding } from '../findings.js';
import type { CheckReport } from '../report.js';
import { INFORMATION_URI, VERSION } from '../version.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** The partialFingerprints key; bump the version when the hashed text changes. */
export const FINGERPRINT_KEY = 'riskFindingHash/v1';

const LEVELS: Readonly<Record<IssueSeverity, Result.level>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

const RULE_NAMES: ReadonlyMap<string, string> = new Map(Object.entries(IssueCodes).map(([name, code]) => [code, name]));

export function formatSarif(report: CheckReport): string {
    const rules: ReportingDescriptor[] = ALL_ISSUE_CODES.map(code => {
        const issue = ISSUES[code];
        return {
            id: code,
            name: RULE_NAMES.get(code) ?? code,
            shortDescription: { text: issue.summary },
            fullDescription: { text: `${issue.summary} ${issue.help}` },
            help: { text: issue.help },
            defaultConfiguration: { level: LEVELS[issue.severity] },
            properties: { tags: ['risk-management'] }
        };
    });
    const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
    const indexOf = (code: string): number => {
        let index = ruleIndex.get(code);
        if (index === undefined) {
            // A code the catalogue does not know: describe it rather than drop the finding.
            index = rules.push({ id: code, name: code, shortDescription: { text: code } }) - 1;
            ruleIndex.set(code, index);
        }
        return index;
    };
    const fingerprints = fingerprintsOf(report.findings);
    const results: Result[] = report.findings.map((finding, position) => ({
        ruleId: finding.code,
        ruleIndex: indexOf(finding.code),
        level: LEVELS[finding.severity],
        message: { text: finding.message },
        locations: [{
            physicalLocation: {
                artifactLocation: artifactLocation(finding),
                region: {
                    startLine: finding.line,
                    startColumn: finding.column,
                    endLine: finding.endLine,
                    endColumn: finding.endColumn
                }
            }
        }],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[position] }
    }));
    const run: Run = {
        tool: {
            driver: {
                name: 'risk',
                version: VERSION,
                semanticVersion: VERSION,
                informationUri: INFORMATION_URI,
                rules
            }
        },
        originalUriBaseIds: {
            [SRCROOT]: { uri: directoryUri(report.cwd) }
        },
        columnKind: 'utf16CodeUnits',
        properties: { asOf: report.asOf },
        results
    };
    const log: Log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
    return `${JSON.stringify(log, null, 2)}\n`;
}

/** Relative to %SRCROOT% (the working directory); files outside it by absolute URI. */
function artifactLocation(finding: Finding): { uri: string; uriBaseId?: string } {
    if (finding.file.startsWith('../') || finding.file === '..' || /^[a-zA-Z]:|^\//.test(finding.file)) {
        return { uri: pathToFileURL(finding.absolutePath).href };
    }
    return { uri: finding.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(path: string): string {
    const href = pathToFileURL(path).href;
    return href.endsWith('/') ? href : `${href}/`;
}

/**
 * A fingerprint that survives moving a finding to another line: a hash of the code,
 * the file, the text of the line it starts on (whitespace normalised) and the text it
 * underlines there, not the line number nor the message (which may name dates), numbered
 * when the same text recurs in the file so that every finding keeps its own.
 */
function fingerprintsOf(findings: readonly Finding[]): string[] {
    const occurrences = new Map<string, number>();
    return findings.map(finding => {
        const normalised = finding.sourceLine.trim().replace(/\s+/g, ' ');
        const covered = finding.sourceLine.slice(finding.column - 1, finding.endLine === finding.line ? finding.endColumn - 1 : undefined);
        const hash = createHash('sha256').update([finding.code, finding.file, normalised, covered].join('\u0000')).digest('hex').slice(0, 32);
        const occurrence = (occurrences.get(hash) ?? 0) + 1;
        occurrences.set(hash, occurrence);
        return `${hash}:${occurrence}`;
    });
}
