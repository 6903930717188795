/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning ingests it. Every issue code
 * of the language is a rule (sarif-rules.ts); every finding a result pointing at its
 * rule by index, located relative to the repository root, with two fingerprints:
 * code + subject IDs (the alert follows a risk that moves to another file) and a hash
 * of the line's text (GitHub's primaryLocationLineHash).
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Invocation, Log, Notification, ReportingDescriptor, Result, Run } from 'sarif';
import { mostSeriousFirst } from '../finding-label.js';
import { fingerprintsOf } from '../fingerprint.js';
import type { Finding } from '../findings.js';
import { pathInside } from '../repository-root.js';
import type { CheckReport } from '../report.js';
import { INFORMATION_URI, VERSION } from '../version.js';
import { LEVELS, sarifRules, unknownRule } from './sarif-rules.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** The partialFingerprints key of code + subject IDs; the version changes when what is hashed does. */
export const FINGERPRINT_KEY = 'riskFinding/v2';
export const LINE_HASH_KEY = 'primaryLocationLineHash';
/** GitHub code scanning keeps at most this many results of a run (the most serious). */
export const MAX_RESULTS_PER_RUN = 5000;
export const TRUNCATED_NOTIFICATION_ID = 'results-truncated';

export function formatSarif(report: CheckReport): string {
    const rules = sarifRules();
    const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
    const indexOf = (code: string): number => {
        let index = ruleIndex.get(code);
        if (index === undefined) {
            index = rules.push(unknownRule(code)) - 1;
            ruleIndex.set(code, index);
        }
        return index;
    };
    // Fingerprints number repeated findings in file order, so they are computed before reordering.
    const fingerprints = new Map(zip(report.findings, fingerprintsOf(report.findings)));
    const lineHashes = new Map(zip(report.findings, lineHashesOf(report.findings)));
    const ranked = mostSeriousFirst(report.findings);
    const kept = ranked.slice(0, MAX_RESULTS_PER_RUN);
    const results: Result[] = kept.map(finding => ({
        ruleId: finding.code,
        ruleIndex: indexOf(finding.code),
        level: LEVELS[finding.severity],
        message: { text: finding.message },
        locations: [{
            physicalLocation: {
                artifactLocation: artifactLocation(finding, report.sourceRoot),
                region: {
                    startLine: finding.line,
                    startColumn: finding.column,
                    endLine: finding.endLine,
                    endColumn: finding.endColumn
                }
            }
        }],
        partialFingerprints: {
            [FINGERPRINT_KEY]: fingerprints.get(finding)!,
            [LINE_HASH_KEY]: lineHashes.get(finding)!
        },
        // The folder of the finding's model (docs/language.md §1), relative to the working directory.
        ...(finding.model === undefined ? {} : { properties: { model: finding.model } })
    }));
    const run: Run = {
        tool: {
            driver: {
                name: 'risk',
                version: VERSION,
                semanticVersion: VERSION,
                informationUri: INFORMATION_URI,
                rules: rules satisfies ReportingDescriptor[]
            }
        },
        invocations: [invocation(report, ranked.length - kept.length, ranked.length)],
        originalUriBaseIds: {
            [SRCROOT]: { uri: directoryUri(report.sourceRoot) }
        },
        columnKind: 'utf16CodeUnits',
        properties: { asOf: report.asOf, models: report.models.map(model => model.folder) },
        results
    };
    const log: Log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
    return `${JSON.stringify(log, null, 2)}\n`;
}

function invocation(report: CheckReport, dropped: number, total: number): Invocation {
    const notifications: Notification[] = dropped === 0 ? [] : [{
        level: 'warning',
        descriptor: { id: TRUNCATED_NOTIFICATION_ID },
        message: {
            text: `${dropped} of ${total} results were left out: GitHub code scanning keeps at most ${MAX_RESULTS_PER_RUN} results per run, ` +
                'so the most serious were kept (errors first). Run `risk check` to see every finding.'
        }
    }];
    return {
        executionSuccessful: true,
        workingDirectory: { uri: directoryUri(report.cwd) },
        ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {})
    };
}

/** Relative to %SRCROOT% (the repository root); a file outside it by absolute URI. */
function artifactLocation(finding: Finding, sourceRoot: string): { uri: string; uriBaseId?: string } {
    const path = pathInside(finding.absolutePath, sourceRoot);
    if (path === undefined) {
        return { uri: pathToFileURL(finding.absolutePath).href };
    }
    return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(path: string): string {
    const href = pathToFileURL(path).href;
    return href.endsWith('/') ? href : `${href}/`;
}

/**
 * GitHub's primaryLocationLineHash is `hash:n`: a hash of the line's text (whitespace
 * normalised), numbered when the same text recurs in the file. The text alone, not the
 * line number, so the alert survives lines added above it.
 */
function lineHashesOf(findings: readonly Finding[]): string[] {
    const occurrences = new Map<string, number>();
    return findings.map(finding => {
        const normalised = finding.sourceLine.trim().replace(/\s+/g, ' ');
        const hash = createHash('sha256').update(normalised).digest('hex').slice(0, 16);
        const key = `${finding.absolutePath}\u0000${hash}`;
        const occurrence = (occurrences.get(key) ?? 0) + 1;
        occurrences.set(key, occurrence);
        return `${hash}:${occurrence}`;
    });
}

function zip<A, B>(as: readonly A[], bs: readonly B[]): Array<[A, B]> {
    return as.map((a, index) => [a, bs[index]]);
}
