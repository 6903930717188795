/**
 * The options of `risk diff`, validated at the boundary like those of `risk check`.
 */
import { z } from 'zod';
import { today, type IsoDate } from '../language/evaluation/dates.js';
import { UsageError } from './errors.js';
import { AsOfOption, quoted } from './options.js';

export const DIFF_FORMATS = ['pretty', 'md', 'json', 'github', 'sarif'] as const;
export type DiffFormat = typeof DIFF_FORMATS[number];

/** `worse`: any worse change (verdict worse or mixed); `changed`: any worse or better change. */
export const DIFF_FAIL_LEVELS = ['worse', 'changed', 'never'] as const;
export type DiffFailLevel = typeof DIFF_FAIL_LEVELS[number];

const DiffOptionsSchema = z.object({
    operands: z.array(z.string()).default([]),
    paths: z.array(z.string().min(1, { error: 'an empty path was given after --; name the model folder inside the repository' })).default([]),
    format: z.enum(DIFF_FORMATS, {
        error: issue => `--format ${quoted(issue.input)} is not a diff format; use one of ${DIFF_FORMATS.join(', ')}`
    }).default('pretty'),
    asOf: AsOfOption.optional(),
    failOn: z.enum(DIFF_FAIL_LEVELS, {
        error: issue => `--fail-on ${quoted(issue.input)} is not a level; use one of ${DIFF_FAIL_LEVELS.join(', ')}`
    }).default('never'),
    from: z.string().min(1, { error: '--from needs a folder' }).optional(),
    to: z.string().min(1, { error: '--to needs a folder' }).optional(),
    linkBase: z.url({
        protocol: /^https?$/,
        error: issue => `--link-base ${quoted(issue.input)} is not an http(s) URL; give the address files are shown at, e.g. https://github.com/OWNER/REPO/blob/COMMIT`
    }).optional()
});

export interface RawDiffOptions {
    /** The arguments before `--`: revisions, then paths. */
    readonly operands?: readonly string[];
    /** The arguments after `--`: always paths. */
    readonly paths?: readonly string[];
    readonly format?: string;
    readonly asOf?: string;
    readonly failOn?: string;
    readonly from?: string;
    readonly to?: string;
    readonly linkBase?: string;
}

export interface DiffOptions {
    readonly operands: readonly string[];
    readonly paths: readonly string[];
    readonly format: DiffFormat;
    readonly asOf: IsoDate;
    readonly failOn: DiffFailLevel;
    readonly folders?: { readonly from: string; readonly to: string };
    /** Files and lines link to `${linkBase}/${path}#L${line}` (path relative to the repository root or the folder). */
    readonly linkBase?: string;
}

export function parseDiffOptions(raw: RawDiffOptions, now: Date = new Date()): DiffOptions {
    const result = DiffOptionsSchema.safeParse(raw);
    if (!result.success) {
        throw new UsageError(result.error.issues.map(issue => issue.message).join('\n'));
    }
    const { operands, paths, format, asOf, failOn, from, to, linkBase } = result.data;
    if ((from === undefined) !== (to === undefined)) {
        throw new UsageError(`${from === undefined ? '--to' : '--from'} was given without ${from === undefined ? '--from' : '--to'}: compare two folders with --from OLD_DIR --to NEW_DIR`);
    }
    if (from !== undefined && to !== undefined && (operands.length > 0 || paths.length > 0)) {
        throw new UsageError(`--from and --to compare two folders and take no revision or path (got ${[...operands, ...paths].map(quoted).join(', ')})`);
    }
    return {
        operands,
        paths,
        format,
        asOf: asOf ?? today(now),
        failOn,
        folders: from !== undefined && to !== undefined ? { from, to } : undefined,
        linkBase: linkBase?.replace(/\/+$/, '')
    };
}
