/**
 * The shape every export shares: typed rows, the columns that turn them into text
 * (CSV and Markdown) and the camelCase keys they keep in JSON, plus what the Markdown
 * page shows above the table.
 */
import type { IsoDate } from '../evaluation/dates.js';
import type { ModelEvaluation } from '../evaluation/model-evaluator.js';
import type { RiskEvaluation } from '../evaluation/risk-evaluation.js';
import { hasAnyTag } from '../model/tags.js';
import type { HeatMap } from './heat-map.js';
import type { PlanRow } from './plan.js';
import type { RegisterRow } from './register.js';
import type { SoaRow } from './soa.js';
import type { SoaSummary } from './soa-summary.js';
import type { PlanSummary, RegisterSummary } from './summary.js';

export type ExportKind = 'register' | 'plan' | 'soa';

/** A value of the likelihood or impact scale: written `3 Likely` in CSV and Markdown. */
export interface ScaleCell {
    readonly value: number;
    readonly name: string;
}

export interface Column<Row> {
    /** The CSV and Markdown header, exactly as the specification names it. */
    readonly header: string;
    /** The row's property: the JSON key. */
    readonly key: keyof Row & string;
    /** The cell as text; empty for an empty cell. */
    readonly text: (row: Row) => string;
    /**
     * What typed formats (XLSX, HTML) make of the cell beyond its row value: `date` for a
     * `YYYY-MM-DD` string shown as a date, `level` for a level name coloured by level.
     * Numbers need no hint: a number in the row is a number in the cell.
     */
    readonly cell?: 'date' | 'level';
}

interface ExportBase<Kind extends ExportKind, Row, Summary> {
    readonly kind: Kind;
    /** The date every date rule of the export was evaluated on. */
    readonly asOf: IsoDate;
    /** The model's name: the title of its method, when it has one. */
    readonly model: string | null;
    /** What the export is: `Risk register`, `Risk treatment plan`, `Statement of Applicability`. */
    readonly title: string;
    readonly columns: ReadonlyArray<Column<Row>>;
    readonly rows: readonly Row[];
    readonly summary: Summary;
    /** Shown above the Markdown table; none for the Statement of Applicability. */
    readonly heatMaps: readonly HeatMap[];
}

export type RegisterExport = ExportBase<'register', RegisterRow, RegisterSummary>;
export type PlanExport = ExportBase<'plan', PlanRow, PlanSummary>;
export type SoaExport = ExportBase<'soa', SoaRow, SoaSummary>;
export type AnyExport = RegisterExport | PlanExport | SoaExport;

export interface ExportOptions {
    /**
     * The folder the register's `File` column is relative to: the model's folder, or the
     * current folder for a model given as files. Without it, `File` is the absolute path.
     */
    readonly baseDir?: string;
    /**
     * `--tag`: the register and the plan show only the risks that carry one of these tags.
     * Empty or absent: every risk.
     */
    readonly tags?: readonly string[];
}

/** The risks an export shows: all of them, or those carrying one of `options.tags`. */
export function selectedRisks(evaluation: ModelEvaluation, options: ExportOptions): readonly RiskEvaluation[] {
    const tags = options.tags ?? [];
    return tags.length === 0 ? evaluation.risks : evaluation.risks.filter(risk => hasAnyTag(risk.risk, tags));
}

/** An export as text: the header row and one array of cells per row, in column order. */
export interface TextTable {
    readonly headers: readonly string[];
    readonly rows: ReadonlyArray<readonly string[]>;
}

export function textTable(table: AnyExport): TextTable {
    // Each export's columns read its own row type; seen from outside, a row is opaque.
    const { columns, rows } = table as unknown as { columns: ReadonlyArray<Column<unknown>>; rows: readonly unknown[] };
    return {
        headers: columns.map(column => column.header),
        rows: rows.map(row => columns.map(column => column.text(row)))
    };
}
