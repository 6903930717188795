/**
 * The options of `risk export`, validated at the boundary like those of `risk check`.
 */
import { z } from 'zod';
import { today, type IsoDate } from '../language/evaluation/dates.js';
import { EXPORT_FORMATS, EXPORT_KINDS, type ExportFormat } from '../language/exports/index.js';
import type { ExportKind } from '../language/exports/table.js';
import { UsageError } from './errors.js';
import { AsOfOption, quoted, TagsOption } from './options.js';

const ExportOptionsSchema = z.object({
    kind: z.enum(EXPORT_KINDS as [ExportKind, ...ExportKind[]], {
        error: issue => `${quoted(issue.input)} is not an export; use one of ${EXPORT_KINDS.join(', ')}`
    }),
    paths: z.array(z.string().min(1, { error: 'an empty path was given; name the model folder, or leave the paths out to export the current folder' })).default(['.']),
    format: z.enum(EXPORT_FORMATS as [ExportFormat, ...ExportFormat[]], {
        error: issue => `--format ${quoted(issue.input)} is not an export format; use one of ${EXPORT_FORMATS.join(', ')}`
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
    readonly kind: ExportKind;
    readonly paths: readonly string[];
    readonly format: ExportFormat;
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
    if (kind === 'soa' && tags.length > 0) {
        throw new UsageError('--tag limits the register and the treatment plan to tagged risks; the Statement of Applicability covers every Annex A control of the ISMS: export it without --tag');
    }
    return { kind, paths: paths.length > 0 ? paths : ['.'], format, output, asOf: asOf ?? today(now), bom, tags };
}
