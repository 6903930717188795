/**
 * The editor settings of the `risk` section, checked at the boundary. The client sends
 * them when the server starts (`workspace/configuration`) and whenever they change
 * (`workspace/didChangeConfiguration`); both arrive through Langium's
 * ConfigurationProvider, which this file extends. A setting with a bad value is
 * ignored — it takes its default, and the client shows a warning naming the setting
 * and what is wrong — while the other settings still apply. Valid values go into
 * RiskSettings; a changed as-of date re-validates every document, so date rules
 * follow the setting.
 *
 * | setting | values | default |
 * | --- | --- | --- |
 * | `risk.asOf` | `YYYY-MM-DD`, or `""` for today | `""` |
 * | `risk.inlayHints.scores`, `.scaleNames`, `.acceptance`, `.deferral` | `true`, `false` | `true` |
 * | `risk.export.csvBom` | `true`, `false` | `false` |
 * | `risk.trace.server` | `off`, `messages`, `verbose` (read by the client) | `off` |
 * | `risk.server.maxMemory` | `0`, or megabytes ≥ 256 (read by the client at start) | `0` |
 */
import { DefaultConfigurationProvider } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, InitializeParams } from 'vscode-languageserver';
import { z } from 'zod';
import { today, whyNotRealDate, type IsoDate } from '../evaluation/dates.js';
import { RiskLanguageLanguageMetaData } from '../generated/module.js';
import type { RiskServices } from '../risk-module.js';
import { nearestName } from '../validation/suggestions.js';
import { revalidateWorkspace } from './revalidate.js';
import type { RiskSettings } from './risk-settings.js';
import { ServerMemorySchema } from './server-memory.js';

/** The configuration section of the language: `risk.*`. */
export const RISK_SECTION = RiskLanguageLanguageMetaData.languageId;

export const TRACE_LEVELS = ['off', 'messages', 'verbose'] as const;

/** Every setting by its full name, with the default it takes when unset or invalid. */
export const RISK_SETTING_DEFAULTS = {
    'risk.asOf': 'today',
    'risk.inlayHints.scores': 'true',
    'risk.inlayHints.scaleNames': 'true',
    'risk.inlayHints.acceptance': 'true',
    'risk.inlayHints.deferral': 'true',
    'risk.export.csvBom': 'false',
    'risk.trace.server': '"off"',
    'risk.server.maxMemory': '0 (Node\'s own limit)'
} as const;

/** A value as the user wrote it, short enough for a message. */
function shown(value: unknown): string {
    const text = value === undefined ? 'undefined' : JSON.stringify(value) ?? String(value);
    return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const flag = (fallback: boolean) => z.boolean({
    error: issue => `must be true or false, not ${shown(issue.input)}`
}).default(fallback);

const notAnObject = {
    error: (issue: z.core.$ZodRawIssue) => issue.code === 'invalid_type' ? `must be an object of settings, not ${shown(issue.input)}` : undefined
};

const AsOfSchema = z.string({
    error: issue => `must be a date written as YYYY-MM-DD, or "" for today, not ${shown(issue.input)}`
}).trim().superRefine((text, context) => {
    const why = text === '' ? undefined : whyNotRealDate(text);
    if (why) {
        const reason = why.startsWith('it is ') ? why.slice('it is '.length) : `not a real date: ${why}`;
        context.addIssue({ code: 'custom', message: `is ${shown(text)}, which is ${reason}; write YYYY-MM-DD (e.g. "${today()}"), or "" for today` });
    }
}).transform((text): IsoDate | undefined => text === '' ? undefined : text).optional();

/** The `risk` section of the editor settings. Unknown keys are reported, as a misspelt setting would be. */
export const RiskConfigurationSchema = z.strictObject({
    asOf: AsOfSchema,
    inlayHints: z.strictObject({
        scores: flag(true),
        scaleNames: flag(true),
        acceptance: flag(true),
        deferral: flag(true)
    }, notAnObject).prefault({}),
    export: z.strictObject({
        csvBom: flag(false)
    }, notAnObject).prefault({}),
    trace: z.strictObject({
        server: z.enum(TRACE_LEVELS, {
            error: issue => `must be one of ${TRACE_LEVELS.map(level => `"${level}"`).join(', ')}, not ${shown(issue.input)}`
        }).default('off')
    }, notAnObject).prefault({}),
    server: z.strictObject({
        maxMemory: ServerMemorySchema
    }, notAnObject).prefault({})
}, notAnObject);

export type RiskConfiguration = z.output<typeof RiskConfigurationSchema>;

/** One setting that was ignored, and why. */
export interface ConfigurationProblem {
    /** The full name of the setting: `risk.inlayHints.scores`. */
    readonly setting: string;
    readonly message: string;
}

export interface ParsedRiskConfiguration {
    /** Every setting: the valid values given, defaults for the rest. */
    readonly configuration: RiskConfiguration;
    readonly problems: readonly ConfigurationProblem[];
}

/**
 * Checks the `risk` section as the client sends it. Never throws: each bad value is
 * dropped (the setting takes its default) and reported, and the rest still applies.
 * `null` stands for unset, as some clients send it.
 */
export function parseRiskConfiguration(raw: unknown): ParsedRiskConfiguration {
    let input: unknown = withoutNulls(raw) ?? {};
    const problems: ConfigurationProblem[] = [];
    // Each round drops what was wrong; nested sections can surface new issues once
    // their parent is fixed, so a few rounds may be needed. Any input settles within
    // the depth of the schema; the bound only guards against a mistake here.
    for (let round = 0; round < 8; round++) {
        const result = RiskConfigurationSchema.safeParse(input);
        if (result.success) {
            return { configuration: result.data, problems };
        }
        for (const issue of result.error.issues) {
            const path = issue.path.map(String);
            if (issue.code === 'unrecognized_keys') {
                for (const key of issue.keys) {
                    problems.push(unknownSetting([...path, key]));
                    input = withoutPath(input, [...path, key]);
                }
            } else {
                problems.push({ setting: settingName(path), message: issue.message });
                input = withoutPath(input, path);
            }
        }
    }
    return { configuration: RiskConfigurationSchema.parse({}), problems };
}

function settingName(path: readonly string[]): string {
    return [RISK_SECTION, ...path].join('.');
}

function unknownSetting(path: readonly string[]): ConfigurationProblem {
    const setting = settingName(path);
    const known = Object.keys(RISK_SETTING_DEFAULTS);
    // `risk.inlayHints` misspelt is a section, not a setting: suggest among both.
    const sections = [...new Set(known.map(name => name.split('.').slice(0, -1).join('.')).filter(name => name.includes('.')))];
    const suggestion = nearestName(setting, [...known, ...sections]);
    return {
        setting,
        message: `is not a setting of the Risk language server${suggestion ? `; did you mean ${suggestion}?` : ''}`
    };
}

/** The user-facing warning for a problem: which setting, what is wrong, what applies instead. */
export function problemWarning(problem: ConfigurationProblem): string {
    const fallback = (RISK_SETTING_DEFAULTS as Record<string, string>)[problem.setting];
    const instead = fallback ? ` Using ${fallback} instead.` : problem.setting === RISK_SECTION ? ' Using the defaults instead.' : '';
    return `Risk: the setting ${problem.setting} is ignored: it ${problem.message}.${instead}`;
}

function withoutNulls(value: unknown): unknown {
    if (value === null) {
        return undefined;
    }
    if (typeof value === 'object' && !Array.isArray(value)) {
        return Object.fromEntries(Object.entries(value as object)
            .map(([key, entry]) => [key, withoutNulls(entry)] as const)
            .filter(([, entry]) => entry !== undefined));
    }
    return value;
}

/** A copy of `value` without the property at `path`; the whole value at the empty path. */
function withoutPath(value: unknown, path: readonly string[]): unknown {
    if (path.length === 0) {
        return {};
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return value;
    }
    const [head, ...rest] = path;
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    if (rest.length === 0) {
        delete copy[head];
    } else if (head in copy) {
        copy[head] = withoutPath(copy[head], rest);
    }
    return copy;
}

/**
 * Langium's configuration provider, with the `risk` section checked and applied. Both
 * ways settings arrive — fetched on `initialized`, pushed by `didChangeConfiguration` —
 * pass through `updateSectionConfiguration`, so that is where they are taken.
 */
export class RiskConfigurationProvider extends DefaultConfigurationProvider {
    private readonly connection: Connection | undefined;
    private readonly shared: LangiumSharedServices;
    private inlayHintRefreshSupport = false;
    /** The warnings shown for the settings as they stand, so a warning is not repeated on every change. */
    private shownWarnings = new Set<string>();
    private pending: Promise<void> = Promise.resolve();

    constructor(services: LangiumSharedServices) {
        super(services);
        this.connection = services.lsp.Connection;
        this.shared = services;
    }

    /** Resolves once the settings applied last have taken effect: documents re-validated, hints refreshed. */
    get settled(): Promise<void> {
        return this.pending;
    }

    override initialize(params: InitializeParams): void {
        super.initialize(params);
        this.inlayHintRefreshSupport = params.capabilities.workspace?.inlayHint?.refreshSupport ?? false;
    }

    protected override updateSectionConfiguration(sectionName: string, configuration: unknown): void {
        if (sectionName !== RISK_SECTION) {
            super.updateSectionConfiguration(sectionName, configuration);
            return;
        }
        const parsed = parseRiskConfiguration(configuration);
        // Whoever asks the provider later gets the checked values, never the raw ones.
        super.updateSectionConfiguration(sectionName, parsed.configuration);
        this.warn(parsed.problems);
        this.apply(parsed.configuration);
    }

    private apply(configuration: RiskConfiguration): void {
        const settings = this.riskSettings();
        if (!settings) {
            return;
        }
        const asOfBefore = settings.asOf();
        const hintsBefore = settings.inlayHints;
        settings.setAsOf(configuration.asOf);
        settings.setInlayHints(configuration.inlayHints);
        settings.setExports(configuration.export);
        const asOfChanged = settings.asOf() !== asOfBefore;
        const hintsChanged = (Object.keys(hintsBefore) as Array<keyof typeof hintsBefore>)
            .some(kind => hintsBefore[kind] !== settings.inlayHints[kind]);
        if (asOfChanged) {
            this.pending = this.pending.then(() => revalidateWorkspace(this.shared)).then(() => this.refreshInlayHints());
        } else if (hintsChanged) {
            this.pending = this.pending.then(() => this.refreshInlayHints());
        }
        this.pending = this.pending.catch(error => console.error('Risk: applying the settings failed:', error));
    }

    private async refreshInlayHints(): Promise<void> {
        if (this.connection && this.inlayHintRefreshSupport) {
            await this.connection.languages.inlayHint.refresh();
        }
    }

    private warn(problems: readonly ConfigurationProblem[]): void {
        const warnings = problems.map(problemWarning);
        for (const warning of warnings.filter(text => !this.shownWarnings.has(text))) {
            if (this.connection) {
                void this.connection.window.showWarningMessage(warning);
            } else {
                console.warn(warning);
            }
        }
        this.shownWarnings = new Set(warnings);
    }

    private riskSettings(): RiskSettings | undefined {
        const services = this.serviceRegistry.all.find(language => language.LanguageMetaData.languageId === RISK_SECTION) as RiskServices | undefined;
        return services?.settings.RiskSettings;
    }
}
