/**
 * An export as JSON for tools: `{ version: 2, kind, asOf, model, summary, rows }`.
 * Rows are objects with the columns' camelCase keys, in column order: numbers as
 * numbers, yes/no as booleans, lists as arrays, scale values as `{ value, name }`,
 * and null for an empty cell. json-schema.ts describes the shape.
 */
import type { AnyExport, Column } from './table.js';

/** 2 since section 11 of the specification: `threat` and `treatment` of the register are lists. */
export const JSON_EXPORT_VERSION = 2;

export interface ExportJson {
    readonly version: typeof JSON_EXPORT_VERSION;
    readonly kind: AnyExport['kind'];
    readonly asOf: string;
    readonly model: string | null;
    readonly title: string;
    readonly summary: AnyExport['summary'];
    readonly rows: ReadonlyArray<Record<string, unknown>>;
}

export function jsonDocument(table: AnyExport): ExportJson {
    const { columns, rows } = table as unknown as { columns: ReadonlyArray<Column<Record<string, unknown>>>; rows: ReadonlyArray<Record<string, unknown>> };
    return {
        version: JSON_EXPORT_VERSION,
        kind: table.kind,
        asOf: table.asOf,
        model: table.model,
        title: table.title,
        summary: table.summary,
        rows: rows.map(row => Object.fromEntries(columns.map(column => [column.key, row[column.key] ?? null])))
    };
}

/** Pretty-printed with two spaces and a final newline, so that files diff well. */
export function toJson(table: AnyExport): string {
    return `${JSON.stringify(jsonDocument(table), null, 2)}\n`;
}
