/**
 * The exports of a model (specification section 10): the risk register, the risk
 * treatment plan and the Statement of Applicability, each as CSV, Markdown or JSON.
 *
 *     const table = buildExport('register', model.evaluation(), { baseDir });
 *     await writeExportFile('out/register.csv', formatExport(table, 'csv', { bom: true }), { cwd });
 */
import type { ModelEvaluation } from '../evaluation/model-evaluator.js';
import { toCsv, type CsvOptions } from './csv.js';
import { toJson } from './json.js';
import { toMarkdown } from './markdown.js';
import { buildPlan } from './plan.js';
import { buildRegister } from './register.js';
import { buildSoa } from './soa.js';
import type { AnyExport, ExportKind, ExportOptions, PlanExport, RegisterExport, SoaExport } from './table.js';

export type ExportFormat = 'csv' | 'md' | 'json';

export const EXPORT_KINDS: readonly ExportKind[] = ['register', 'plan', 'soa'];
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'md', 'json'];

export function buildExport(kind: 'register', evaluation: ModelEvaluation, options?: ExportOptions): RegisterExport;
export function buildExport(kind: 'plan', evaluation: ModelEvaluation, options?: ExportOptions): PlanExport;
export function buildExport(kind: 'soa', evaluation: ModelEvaluation, options?: ExportOptions): SoaExport;
export function buildExport(kind: ExportKind, evaluation: ModelEvaluation, options?: ExportOptions): AnyExport;
export function buildExport(kind: ExportKind, evaluation: ModelEvaluation, options: ExportOptions = {}): AnyExport {
    switch (kind) {
        case 'register':
            return buildRegister(evaluation, options);
        case 'plan':
            return buildPlan(evaluation, options);
        case 'soa':
            return buildSoa(evaluation, options);
    }
}

/** The export as file content. `bom` applies to CSV only. */
export function formatExport(table: AnyExport, format: ExportFormat, options: CsvOptions = {}): string {
    switch (format) {
        case 'csv':
            return toCsv(table, options);
        case 'md':
            return toMarkdown(table);
        case 'json':
            return toJson(table);
    }
}

export { ACCEPTANCE_STATUSES, type AcceptanceStatus } from './acceptance.js';
export { neutraliseFormula, toCsv, type CsvOptions } from './csv.js';
export type { HeatMap } from './heat-map.js';
export { JSON_EXPORT_VERSION, jsonDocument, toJson, type ExportJson } from './json.js';
export { exportJsonSchema, type ExportJsonDocument } from './json-schema.js';
export { toMarkdown } from './markdown.js';
export { escapeMarkdown } from './markdown-text.js';
export { buildPlan, PLAN_COLUMNS, type PlanRow } from './plan.js';
export { buildRegister, REGISTER_COLUMNS, type RegisterRow, type TreatmentCell } from './register.js';
export { buildSoa, SOA_COLUMNS, type Implementation, type OwnControlCell, type SoaRow, type ThemeName } from './soa.js';
export type { SoaSummary } from './soa-summary.js';
export type { ActionSummary, PlanSummary, RegisterSummary } from './summary.js';
export { textTable, type AnyExport, type Column, type ExportKind, type ExportOptions, type PlanExport, type RegisterExport, type ScaleCell, type SoaExport, type TextTable } from './table.js';
export { ExportWriteError, writeExportFile, type WriteExportOptions } from './write-file.js';
