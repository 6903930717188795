/** Loads in-memory models the way the CLI loads files, and lists their findings. */
import { join, relative } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LangiumDocument } from 'langium';
import { diagnosticsOf, loadModelFiles, loadModelTexts, type LoadedModel } from '../../language/model/load-model.js';

export const TEST_AS_OF = '2026-11-23';

export interface Finding {
    readonly file: string;
    /** 1-based */
    readonly line: number;
    readonly column: number;
    readonly code: string;
    readonly severity: 'error' | 'warning' | 'info' | 'hint';
    readonly message: string;
    /** The text the diagnostic's range covers. */
    readonly text: string;
}

const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;

export async function checkTexts(files: Readonly<Record<string, string>> | string, asOf = TEST_AS_OF): Promise<{ model: LoadedModel; findings: Finding[] }> {
    const model = await loadModelTexts(typeof files === 'string' ? { 'model.risk': files } : files, { asOf });
    return { model, findings: diagnosticsOf(model).map(({ document, diagnostic }) => toFinding(document.uri.path.replace(/^\/model\//, ''), document, diagnostic)) };
}

/** The same for files on disk, read as the CLI reads them (bytes decoded, encoding problems reported). */
export async function checkFiles(root: string, files: readonly string[], asOf = TEST_AS_OF): Promise<{ model: LoadedModel; findings: Finding[] }> {
    const model = await loadModelFiles(files.map(file => join(root, file)), { asOf });
    return { model, findings: diagnosticsOf(model).map(({ document, diagnostic }) => toFinding(relative(root, document.uri.fsPath).split('\\').join('/'), document, diagnostic)) };
}

function toFinding(file: string, document: LangiumDocument, diagnostic: Diagnostic): Finding {
    return {
        file,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        code: String(diagnostic.code),
        severity: SEVERITIES[(diagnostic.severity ?? 1) - 1],
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        text: document.textDocument.getText(diagnostic.range)
    };
}

/** Findings of one model, keeping only the given codes. */
export async function findingsOf(files: Readonly<Record<string, string>> | string, codes?: readonly string[], asOf = TEST_AS_OF): Promise<Finding[]> {
    const { findings } = await checkTexts(files, asOf);
    return codes ? findings.filter(finding => codes.includes(finding.code)) : findings;
}
