/**
 * The options of `risk export`, validated at the boundary like those of `risk check`.
 * Text formats (csv, md, json) go to stdout or a file; `xlsx` is a binary workbook and
 * needs `--output`; `all` puts the three exports in one workbook.
 */
import { z } from 'zod';
import { today, type IsoDate } from '../language/evaluation/dates.js';
import { EXPORT_FORMATS, EXPORT_KINDS, type ExportFormat } from '../language/exports/index.js';
import type { ExportKind } from '../language/exports/table.js';
import { UsageError } from './errors.js';
import { AsOfOption, quoted, TagsOption } from './options.js';

export type CliExportKind = ExportKind | 'all';
export type CliExportFormat = ExportFormat | 'xlsx';

export const CLI_EXPORT_KINDS: readonly CliExportKind[] = [...EXPORT_KINDS, 'all'];
export const CLI_EXPORT_FORMATS: readonly CliExportFormat[] = [...EXPORT_FORMATS, 'xlsx'];

const ExportOptionsSchema = z.object({
    kind: z.enum(CLI_EXPORT_KINDS as [CliExportKind, ...CliExportKind[]], {
        error: issue => `${quoted(issue.input)} is not an export; use one of ${CLI_EXPORT_KINDS.join(', ')}`
    }),
    paths: z.array(z.string().min(1, { error: 'an empty path was given; name the model folder, or leave the paths out to export the current folder' })).default(['.']),
    format: z.enum(CLI_EXPORT_FORMATS as [CliExportFormat, ...CliExportFormat[]], {
        error: issue => `--format ${quoted(issue.input)} is not an export format; use one of ${CLI_EXPORT_FORMATS.join(', ')}`
    }).default('csv'),
    output: z.string().min(1, { error: '--output needs a file name' }).optional(),
    asOf: AsOfOption.optional(),
    bom: z.boolean().default(false),
    tags: TagsOption
});

export interface RawExportOptions {
    readonly kind?: string;
    readonly paths?: readonly string[];
    readonly format?: string;
    readonly output?: string;
    readonly asOf?: string;
    readonly bom?: boolean;
    readonly tags?: readonly string[];
}

export interface ExportCommandOptions {
    readonly kind: CliExportKind;
    readonly paths: readonly string[];
    readonly format: CliExportFormat;
    readonly output?: string;
    readonly asOf: IsoDate;
    readonly bom: boolean;
    readonly tags: readonly string[];
}

export function parseExportOptions(raw: RawExportOptions, now: Date = new Date()): ExportCommandOptions {
    const result = ExportOptionsSchema.safeParse(raw);
    if (!result.success) {
        throw new UsageError(result.error.issues.map(issue => issue.message).join('\n'));
    }
    const { kind, paths, format, output, asOf, bom, tags } = result.data;
    if (bom && format !== 'csv') {
        throw new UsageError(`--bom applies to CSV only; drop it or use --format csv`);
    }
    if (kind === 'all' && format !== 'xlsx') {
        throw new UsageError(`"all" exports one workbook with every sheet: add --format xlsx, or export register, plan and soa one at a time as ${format}`);
    }
    if (format === 'xlsx' && !output) {
        throw new UsageError(`--format xlsx writes a binary workbook, which is never written to the terminal: add --output FILE.xlsx`);
    }
    if ((kind === 'soa' || kind === 'all') && tags.length > 0) {
        throw new UsageError('--tag limits the register and the treatment plan to tagged risks; the Statement of Applicability covers every Annex A control of the ISMS: export it (and the workbook of all three) without --tag');
    }
    return { kind, paths: paths.length > 0 ? paths : ['.'], format, output, asOf: asOf ?? today(now), bom, tags };
}
