/**
 * `risk diff --format sarif`: SARIF 2.1.0 with `baselineState`. HEAD's findings are
 * `new` or `unchanged` against BASE by fingerprint, BASE's resolved findings are
 * `absent`, and every worse change is a result of its own (`new` for a risk that is
 * new, `updated` for one that changed).
 */
import { relative, sep } from 'node:path';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { ISSUES, type IssueCode, type IssueSeverity } from '../../language/validation/issue-codes.js';
import type { DiffReport, DisplayChange } from '../diff-report.js';
import { sortFindings, type Finding } from '../findings.js';
import { fingerprintsOf } from '../fingerprint.js';
import { INFORMATION_URI, VERSION } from '../version.js';
import { changesBy, subjectOf, valuesText } from './diff-common.js';
import { SARIF_SCHEMA } from './sarif.js';

const LEVELS: Readonly<Record<IssueSeverity, Result.level>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
/** The partialFingerprints key of results in both `risk check` and `risk diff` SARIF. */
const FINGERPRINT_KEY = 'riskFinding/v2';

export function formatDiffSarif(report: DiffReport): string {
    const rules: ReportingDescriptor[] = [];
    const ruleIndex = new Map<string, number>();
    const indexOf = (id: string, description: string): number => {
        let index = ruleIndex.get(id);
        if (index === undefined) {
            index = rules.push({ id, name: id, shortDescription: { text: description } }) - 1;
            ruleIndex.set(id, index);
        }
        return index;
    };
    const newSet = new Set(report.findings.new);
    // Sorted as diffFindings numbered them, so that repeated fingerprints get the same numbers.
    const headFindings = sortFindings([...report.findings.new, ...report.findings.unchanged]);
    const results: Result[] = [];
    const findingResult = (finding: Finding, state: Result.baselineState, fingerprint: string): Result => ({
        ruleId: finding.code,
        ruleIndex: indexOf(finding.code, ISSUES[finding.code as IssueCode]?.summary ?? finding.code),
        level: LEVELS[finding.severity],
        message: { text: finding.message },
        baselineState: state,
        locations: [location(relative(report.headRoot, finding.absolutePath), finding.line)],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint }
    });
    const newFingerprints = fingerprintsOf(headFindings);
    headFindings.forEach((finding, index) => results.push(findingResult(finding, newSet.has(finding) ? 'new' : 'unchanged', newFingerprints[index])));
    const resolvedFingerprints = fingerprintsOf(report.findings.resolved);
    report.findings.resolved.forEach((finding, index) => {
        const result = findingResult(finding, 'absent', resolvedFingerprints[index]);
        results.push({ ...result, locations: [], message: { text: `Resolved: ${finding.message} (was at ${finding.file}:${finding.line})` } });
    });
    for (const change of changesBy(report, 'worse')) {
        results.push(changeResult(change, indexOf(`diff/${change.kind}`, `risk diff: ${change.kind}`)));
    }
    const log: Log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'risk', version: VERSION, semanticVersion: VERSION, informationUri: INFORMATION_URI, rules } },
            columnKind: 'utf16CodeUnits',
            properties: { asOf: report.asOf, verdict: report.verdict, base: report.base.label, head: report.head.label, unchangedFindings: report.findings.unchanged.length },
            results
        }]
    };
    return `${JSON.stringify(log, null, 2)}\n`;
}

function changeResult(change: DisplayChange, ruleIndex: number): Result {
    const values = valuesText(change) ? ` (${valuesText(change)})` : '';
    return {
        ruleId: `diff/${change.kind}`,
        ruleIndex,
        level: 'warning',
        message: { text: `${change.message}${values}` },
        baselineState: change.kind === 'risk-added' ? 'new' : 'updated',
        locations: change.rootPath && !change.atBase ? [location(change.rootPath, change.line ?? 1)] : [],
        partialFingerprints: { [FINGERPRINT_KEY]: `${change.kind}:${subjectOf(change)}` }
    };
}

function location(path: string, line: number): Result['locations'] extends Array<infer L> | undefined ? L : never {
    return {
        physicalLocation: {
            artifactLocation: { uri: path.split(sep).map(encodeURIComponent).join('/') },
            region: { startLine: line }
        }
    };
}
