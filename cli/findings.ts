/**
 * The neutral record every formatter prints: a diagnostic of the language core with
 * 1-based positions and a path relative to the working directory. The CLI adds no
 * judgement of its own; it reports what the core computed.
 */
import { relative, sep } from 'node:path';
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { IssueSeverity } from '../language/validation/issue-codes.js';
import { subjectsAt } from './fingerprint.js';

export interface Finding {
    /** Relative to the working directory, with forward slashes. */
    readonly file: string;
    readonly absolutePath: string;
    /** 1-based. */
    readonly line: number;
    /** 1-based, in UTF-16 code units. */
    readonly column: number;
    /** 1-based. */
    readonly endLine: number;
    /** 1-based and exclusive: the column just after the range. */
    readonly endColumn: number;
    readonly severity: IssueSeverity;
    readonly code: string;
    readonly message: string;
    /** The residual level of the risk the finding is in, as the method names it (`High`); CI titles show it. */
    readonly riskLevel?: string;
    /** The text of the line the finding starts on, for excerpts and fingerprints. */
    readonly sourceLine: string;
    /** The IDs of the declarations the finding is in, outermost first (cli/fingerprint.ts). */
    readonly subjects: readonly string[];
    /** The folder of the finding's model, relative to the working directory (`risk check` only). */
    readonly model?: string;
    /** The folder of the finding's model relative to the folder checked, for its fingerprint (cli/fingerprint.ts). */
    readonly modelPath?: string;
}

export interface Summary {
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
    readonly hints: number;
}

/** LSP DiagnosticSeverity 1..4. */
const SEVERITIES: readonly IssueSeverity[] = ['error', 'warning', 'info', 'hint'];

export const SEVERITY_RANK: Readonly<Record<IssueSeverity, number>> = { error: 0, warning: 1, info: 2, hint: 3 };

export function toFinding(document: LangiumDocument, diagnostic: Diagnostic, cwd: string): Finding {
    const absolutePath = document.uri.fsPath;
    const { start, end } = diagnostic.range;
    const text = document.textDocument;
    const lineStart = text.offsetAt({ line: start.line, character: 0 });
    const lineEnd = text.offsetAt({ line: start.line + 1, character: 0 });
    const sourceLine = text.getText().slice(lineStart, lineEnd).replace(/\r?\n$/, '');
    return {
        file: displayPath(absolutePath, cwd),
        absolutePath,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity: SEVERITIES[(diagnostic.severity ?? 1) - 1] ?? 'error',
        code: diagnostic.code === undefined ? 'syntax-error' : String(diagnostic.code),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : String((diagnostic.message as { value?: unknown }).value ?? ''),
        sourceLine,
        subjects: subjectsAt(document, start)
    };
}

/** A path relative to `cwd` with forward slashes (`../` when the file lies outside). */
export function displayPath(absolutePath: string, cwd: string): string {
    const path = relative(cwd, absolutePath) || absolutePath;
    return sep === '/' ? path : path.split(sep).join('/');
}

/** Sorted by file, then position; exact duplicates (a file in two models) dropped. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
    const sorted = [...findings].sort(compareFindings);
    return sorted.filter((finding, index) => index === 0 || compareFindings(sorted[index - 1], finding) !== 0);
}

function compareFindings(a: Finding, b: Finding): number {
    return compareText(a.file, b.file)
        || a.line - b.line
        || a.column - b.column
        || a.endLine - b.endLine
        || a.endColumn - b.endColumn
        || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
        || compareText(a.code, b.code)
        || compareText(a.message, b.message);
}

function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

export function summarize(findings: readonly Finding[]): Summary {
    const count = (severity: IssueSeverity) => findings.filter(finding => finding.severity === severity).length;
    return { errors: count('error'), warnings: count('warning'), infos: count('info'), hints: count('hint') };
}
