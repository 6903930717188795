/**
 * The Risk language server's own requests, beyond LSP: the VS Code extension's export
 * commands and risk matrix ask the server, which holds the evaluated workspace, rather
 * than evaluating the model a second time. This file is shared by the server and the
 * client, so it imports nothing: names and shapes only.
 *
 * | request | params | result |
 * | --- | --- | --- |
 * | `risk/export` | {@link ExportRequestParams} | {@link ExportRequestResult} |
 * | `risk/matrix` | `{}` | {@link MatrixRequestResult} |
 */

export const EXPORT_REQUEST = 'risk/export';
export const MATRIX_REQUEST = 'risk/matrix';

export type ExportRequestKind = 'register' | 'plan' | 'soa';
export type ExportRequestFormat = 'csv' | 'md' | 'json';

export interface ExportRequestParams {
    readonly kind: ExportRequestKind;
    readonly format: ExportRequestFormat;
    /**
     * Start a CSV with a UTF-8 byte-order mark (CSV only; ignored for the other
     * formats). Left out: the server's `risk.export.csvBom` setting decides.
     */
    readonly bom?: boolean;
}

export interface ExportRequestResult {
    /** The file content, exactly as `risk export` writes it. */
    readonly content: string;
    /** Rows of the export's table. */
    readonly rows: number;
    /** The as-of date the export was evaluated on, `YYYY-MM-DD`. */
    readonly asOf: string;
    /** What the user should know about the export: a model with errors leaves parts of it unevaluated. */
    readonly warnings: readonly string[];
}

/** A value of the likelihood or impact scale. */
export interface MatrixScaleValue {
    readonly value: number;
    readonly name: string;
}

/** A level of the method; `rank` 0 is the lowest. */
export interface MatrixLevel {
    readonly name: string;
    readonly rank: number;
}

/** A risk in a cell (or not assessed), with where it is declared. */
export interface MatrixRisk {
    readonly id: string;
    readonly title: string;
    /** The risk's level on this map (inherent or residual), as the evaluation gives it. */
    readonly level: string | null;
    /** The document's URI. */
    readonly uri: string;
    /** 0-based line and character of the risk's ID, as LSP counts. */
    readonly line: number;
    readonly character: number;
}

export interface MatrixCell {
    readonly likelihood: number;
    readonly impact: number;
    /** The level the method gives the cell; null when it gives none. */
    readonly level: string | null;
    readonly rank: number | null;
    /** The cell's score; null with a matrix method, which defines levels only. */
    readonly score: number | null;
    /** The level is above the method's appetite. */
    readonly aboveAppetite: boolean;
    /** The risks in the cell, by ID as people read it (`R-2` before `R-10`). */
    readonly risks: readonly MatrixRisk[];
}

export interface MatrixRequestResult {
    readonly asOf: string;
    /** The method's title; null without a method. */
    readonly model: string | null;
    /** Row headings: likelihood values, highest first. Empty without a usable method. */
    readonly likelihood: readonly MatrixScaleValue[];
    /** Column headings: impact values, ascending. */
    readonly impact: readonly MatrixScaleValue[];
    /** The method's levels, lowest first. */
    readonly levels: readonly MatrixLevel[];
    readonly appetite: string | null;
    /**
     * One cell per likelihood and impact, row by row: `cells.residual[row * impact.length + column]`
     * is the cell of `likelihood[row]` and `impact[column]`.
     */
    readonly cells: {
        readonly inherent: readonly MatrixCell[];
        readonly residual: readonly MatrixCell[];
    };
    /** Risks in no cell of that map: no likelihood or impact, or one the scales lack. */
    readonly notAssessed: {
        readonly inherent: readonly MatrixRisk[];
        readonly residual: readonly MatrixRisk[];
    };
}
