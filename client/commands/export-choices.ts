/**
 * What the export commands offer, without VS Code: the three exports, the three
 * formats with their descriptions and save-dialog filters, the default file names,
 * and which targets are refused. export-commands.ts shows them.
 */
import type { ExportRequestFormat, ExportRequestKind } from '../../language/lsp/requests/protocol.js';

export interface ExportCommand {
    /** The command ID contributed in package.json. */
    readonly command: string;
    readonly kind: ExportRequestKind;
    /** As in the command's title: `Risk Register`. */
    readonly title: string;
    /** As in a sentence: `the risk register`. */
    readonly name: string;
    /** The default file name without its extension. */
    readonly fileStem: string;
}

export const EXPORT_COMMANDS: readonly ExportCommand[] = [
    { command: 'risk.exportRegister', kind: 'register', title: 'Risk Register', name: 'risk register', fileStem: 'risk-register' },
    { command: 'risk.exportPlan', kind: 'plan', title: 'Treatment Plan', name: 'risk treatment plan', fileStem: 'risk-treatment-plan' },
    { command: 'risk.exportSoa', kind: 'soa', title: 'Statement of Applicability', name: 'Statement of Applicability', fileStem: 'statement-of-applicability' }
];

export interface FormatChoice {
    readonly format: ExportRequestFormat;
    /** The Quick Pick label and the save dialog's filter name. */
    readonly label: string;
    readonly description: string;
    /** The file extension, without the dot. */
    readonly extension: string;
}

export const FORMAT_CHOICES: readonly FormatChoice[] = [
    { format: 'csv', label: 'CSV', description: 'for spreadsheets: one row per line, formulas neutralised', extension: 'csv' },
    { format: 'md', label: 'Markdown', description: 'for people and auditors: summary, heat maps and the table', extension: 'md' },
    { format: 'json', label: 'JSON', description: 'for tools: typed rows and the summary figures', extension: 'json' }
];

/** `risk-register.csv` */
export function defaultFileName(command: ExportCommand, choice: FormatChoice): string {
    return `${command.fileStem}.${choice.extension}`;
}

/** An export must never be written over a `.risk` file: it would become part of the model. */
export function isRiskFile(path: string): boolean {
    return /\.risk$/i.test(path);
}

/** The error shown for a `.risk` target. */
export function riskTargetMessage(command: ExportCommand, fileName: string): string {
    return `Risk: ${command.name} not exported: ${fileName} is a .risk file, and an export written there would become part of the model. Choose a file ending in .csv, .md or .json.`;
}

/** The status bar message after an export: `Risk: exported the risk register (14 rows, as of 2026-11-23) to risk-register.csv`. */
export function exportedMessage(command: ExportCommand, rows: number, asOf: string, fileName: string): string {
    return `Risk: exported the ${command.name} (${rows} row${rows === 1 ? '' : 's'}, as of ${asOf}) to ${fileName}`;
}

/** The request's params: the byte-order mark applies to CSV only. */
/** `uri`: a file of the model to export (the active `.risk` file), needed when the workspace holds several models. */
export function exportParams(command: ExportCommand, choice: FormatChoice, csvBom: boolean, uri?: string): { kind: ExportRequestKind; format: ExportRequestFormat; bom?: boolean; uri?: string } {
    const model = uri === undefined ? {} : { uri };
    return choice.format === 'csv' ? { kind: command.kind, format: choice.format, bom: csvBom, ...model } : { kind: command.kind, format: choice.format, ...model };
}
