/**
 * The options of `risk check`, validated at the boundary: commander hands over raw
 * strings, this schema turns them into typed values or says what is wrong.
 */
import { z } from 'zod';
import { isRealDate, today, type IsoDate } from '../language/evaluation/dates.js';
import { UsageError } from './errors.js';

export const FORMATS = ['pretty', 'json', 'sarif', 'github', 'gitlab', 'md'] as const;
export type OutputFormat = typeof FORMATS[number];

export const FAIL_LEVELS = ['error', 'warning', 'info', 'never'] as const;
export type FailLevel = typeof FAIL_LEVELS[number];

export const DEFAULTS = {
    format: 'pretty',
    failOn: 'error',
    paths: ['.']
} as const satisfies { format: OutputFormat; failOn: FailLevel; paths: readonly string[] };

export const quoted = (value: unknown) => JSON.stringify(String(value));

/** `--as-of`, shared by every command that evaluates dates: a real calendar date as YYYY-MM-DD. */
export const AsOfOption = z.string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, {
        error: issue => `--as-of ${quoted(issue.input)} is not a date; write it as YYYY-MM-DD, e.g. --as-of ${today()}`,
        abort: true
    })
    .refine(isRealDate, {
        error: issue => `--as-of ${quoted(issue.input)} is not a real calendar date; write an existing date as YYYY-MM-DD, e.g. --as-of ${today()}`
    });

/** `--tag TAG`, repeatable: the report is limited to the risks carrying one of the tags. */
export const TagsOption = z.array(z.string().trim().min(1, { error: '--tag needs a tag, e.g. --tag gdpr' })).default([]);

/** Commander's collector for a repeatable option. */
export const collect = (value: string, previous: readonly string[] = []): string[] => [...previous, value];

const CheckOptionsSchema = z.object({
    paths: z.array(z.string().min(1, { error: 'an empty path was given; name a file or folder, or leave the paths out to check the current folder' })).default([...DEFAULTS.paths]),
    format: z.enum(FORMATS, {
        error: issue => `--format ${quoted(issue.input)} is not a format; use one of ${FORMATS.join(', ')}`
    }).default(DEFAULTS.format),
    asOf: AsOfOption.optional(),
    failOn: z.enum(FAIL_LEVELS, {
        error: issue => `--fail-on ${quoted(issue.input)} is not a level; use one of ${FAIL_LEVELS.join(', ')}`
    }).default(DEFAULTS.failOn),
    maxWarnings: z.string()
        .regex(/^\d+$/, {
            error: issue => `--max-warnings ${quoted(issue.input)} is not a whole number; give the number of warnings to allow, e.g. --max-warnings 0`
        })
        .transform(Number)
        .optional(),
    tags: TagsOption,
    baseline: z.string().min(1, { error: '--baseline needs a git revision, e.g. --baseline origin/main' }).optional(),
    summary: z.boolean().default(false)
});

/** The options as commander hands them over: strings, or undefined when not given. */
export interface RawCheckOptions {
    readonly paths?: readonly string[];
    readonly format?: string;
    readonly asOf?: string;
    readonly failOn?: string;
    readonly maxWarnings?: string;
    readonly tags?: readonly string[];
    readonly baseline?: string;
    readonly summary?: boolean;
}

export interface CheckOptions {
    readonly paths: readonly string[];
    readonly format: OutputFormat;
    readonly asOf: IsoDate;
    readonly failOn: FailLevel;
    /** Exit 1 when there are more warnings than this; undefined: no limit. */
    readonly maxWarnings: number | undefined;
    /** Only findings inside risks carrying one of these tags are reported; empty: all findings. */
    readonly tags: readonly string[];
    /** Report only findings absent at this git revision. */
    readonly baseline?: string;
    /** Also append the Markdown report to the file GITHUB_STEP_SUMMARY names. */
    readonly summary: boolean;
}

/** Validates the raw option strings; throws a UsageError naming every bad value. */
export function parseCheckOptions(raw: RawCheckOptions, now: Date = new Date()): CheckOptions {
    const result = CheckOptionsSchema.safeParse(raw);
    if (!result.success) {
        throw new UsageError(result.error.issues.map(issue => issue.message).join('\n'));
    }
    const { paths, format, asOf, failOn, maxWarnings, tags, baseline, summary } = result.data;
    return { paths: paths.length > 0 ? paths : [...DEFAULTS.paths], format, asOf: asOf ?? today(now), failOn, maxWarnings, tags, baseline, summary };
}
