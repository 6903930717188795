/**
 * Editor settings (`risk.*`): the zod schema at the boundary, and what a setting
 * changes once Langium's configuration provider receives it.
 */
import type { InitializeParams } from 'vscode-languageserver';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { today } from '../../../language/evaluation/dates.js';
import { parseRiskConfiguration, problemWarning, RiskConfigurationProvider, type RiskConfiguration } from '../../../language/workspace/risk-configuration.js';
import { lspModel, TEST_AS_OF, type LspModel } from '../lsp/lsp-model.js';

const DEFAULTS: RiskConfiguration = {
    asOf: undefined,
    inlayHints: { scores: true, scaleNames: true, acceptance: true, deferral: true },
    export: { csvBom: false },
    trace: { server: 'off' },
    server: { maxMemory: 0 }
};

describe('the risk configuration schema', () => {
    test.each([
        ['nothing', undefined],
        ['null', null],
        ['an empty section', {}],
        ['null values', { asOf: null, inlayHints: { scores: null }, export: null }],
        ['the defaults written out', { asOf: '', inlayHints: { scores: true, scaleNames: true, acceptance: true, deferral: true }, export: { csvBom: false }, trace: { server: 'off' } }]
    ])('%s gives the defaults', (_name, raw) => {
        expect(parseRiskConfiguration(raw)).toEqual({ configuration: DEFAULTS, problems: [] });
    });

    test('valid values are taken', () => {
        const raw = { asOf: '2028-02-29', inlayHints: { scores: false, acceptance: false }, export: { csvBom: true }, trace: { server: 'verbose' }, server: { maxMemory: 1024 } };
        expect(parseRiskConfiguration(raw)).toEqual({
            configuration: {
                asOf: '2028-02-29',
                inlayHints: { scores: false, scaleNames: true, acceptance: false, deferral: true },
                export: { csvBom: true },
                trace: { server: 'verbose' },
                server: { maxMemory: 1024 }
            },
            problems: []
        });
    });

    test('an as-of date is trimmed, and an empty one means today', () => {
        expect(parseRiskConfiguration({ asOf: ' 2026-11-23 ' }).configuration.asOf).toBe('2026-11-23');
        expect(parseRiskConfiguration({ asOf: '   ' }).configuration.asOf).toBeUndefined();
    });

    test.each([
        [{ asOf: 'tomorrow' }, 'risk.asOf', 'is "tomorrow", which is not written as YYYY-MM-DD'],
        [{ asOf: '2026-02-30' }, 'risk.asOf', 'is "2026-02-30", which is not a real date: February 2026 has 28 days'],
        [{ asOf: '2026-13-01' }, 'risk.asOf', 'is "2026-13-01", which is not a real date: there is no month 13'],
        [{ asOf: 20261123 }, 'risk.asOf', 'must be a date written as YYYY-MM-DD, or "" for today, not 20261123'],
        [{ inlayHints: { scores: 'yes' } }, 'risk.inlayHints.scores', 'must be true or false, not "yes"'],
        [{ inlayHints: { scaleNames: 0 } }, 'risk.inlayHints.scaleNames', 'must be true or false, not 0'],
        [{ inlayHints: { acceptance: 'false' } }, 'risk.inlayHints.acceptance', 'must be true or false, not "false"'],
        [{ inlayHints: false }, 'risk.inlayHints', 'must be an object of settings, not false'],
        [{ export: { csvBom: 1 } }, 'risk.export.csvBom', 'must be true or false, not 1'],
        [{ trace: { server: 'loud' } }, 'risk.trace.server', 'must be one of "off", "messages", "verbose", not "loud"'],
        [{ asof: '2026-11-23' }, 'risk.asof', 'is not a setting of the Risk language server; did you mean risk.asOf?'],
        [{ inlayHints: { score: false } }, 'risk.inlayHints.score', 'is not a setting of the Risk language server; did you mean risk.inlayHints.scores?'],
        [{ exports: { csvBom: true } }, 'risk.exports', 'is not a setting of the Risk language server; did you mean risk.export?'],
        ['2026-11-23', 'risk', 'must be an object of settings, not "2026-11-23"']
    ])('%j is ignored: %s %s', (raw, setting, message) => {
        const parsed = parseRiskConfiguration(raw);
        expect(parsed.problems).toEqual([{ setting, message: expect.stringContaining(message) }]);
        expect(parsed.configuration).toEqual(DEFAULTS);
    });

    test('a bad value is dropped and every other setting still applies', () => {
        const parsed = parseRiskConfiguration({ asOf: '2026-02-30', inlayHints: { scores: false, scaleNames: 'no' }, export: { csvBom: true } });
        expect(parsed.configuration).toEqual({ ...DEFAULTS, inlayHints: { scores: false, scaleNames: true, acceptance: true, deferral: true }, export: { csvBom: true } });
        expect(parsed.problems.map(problem => problem.setting)).toEqual(['risk.asOf', 'risk.inlayHints.scaleNames']);
    });

    test('the warning names the setting, what is wrong and what applies instead', () => {
        const [asOf] = parseRiskConfiguration({ asOf: '2026-02-30' }).problems;
        expect(problemWarning(asOf)).toBe(`Risk: the setting risk.asOf is ignored: it is "2026-02-30", which is not a real date: February 2026 has 28 days; write YYYY-MM-DD (e.g. "${today()}"), or "" for today. Using today instead.`);
        const [scores] = parseRiskConfiguration({ inlayHints: { scores: 'yes' } }).problems;
        expect(problemWarning(scores)).toBe('Risk: the setting risk.inlayHints.scores is ignored: it must be true or false, not "yes". Using true instead.');
        const [section] = parseRiskConfiguration(42).problems;
        expect(problemWarning(section)).toBe('Risk: the setting risk is ignored: it must be an object of settings, not 42. Using the defaults instead.');
    });
});

// R-001 is above appetite and accepted until the last day of 2026.
const MODEL = `
role CEO "Chief Executive Officer" management
role CTO "Chief Technology Officer"
method "Acme 3x3" {
  scale likelihood { 1 Rare "" 2 Possible "" 3 Likely "" }
  scale impact { 1 Minor "" 2 Noticeable "" 3 Severe "" }
  levels { Low 1..2 "" Moderate 3..4 "" High 6..9 "" }
  accept { appetite Moderate major High }
}
risk R-001 "Platform down during a cloud region outage" {
  owner CTO
  likelihood Possible impact Severe
  treatment accept
  acceptance { by CEO on 2026-01-01 until 2026-12-31 "Multi-region failover is not worth its cost" }
  status accepted
}
`;

describe('settings received by the configuration provider', () => {
    afterEach(() => {
        vi.restoreAllMocks();
    });

    async function model(): Promise<{ model: LspModel; provider: RiskConfigurationProvider }> {
        const loaded = await lspModel({ 'model.risk': MODEL });
        const provider = loaded.services.shared.workspace.ConfigurationProvider;
        expect(provider).toBeInstanceOf(RiskConfigurationProvider);
        return { model: loaded, provider: provider as RiskConfigurationProvider };
    }

    function codes(loaded: LspModel): string[] {
        return (loaded.document('model.risk').diagnostics ?? []).map(diagnostic => String(diagnostic.code)).sort();
    }

    test('a changed risk.asOf re-validates: the acceptance lapses after the new date', async () => {
        const { model: loaded, provider } = await model();
        expect(codes(loaded)).toEqual([]);

        provider.updateConfiguration({ settings: { risk: { asOf: '2027-01-15' } } });
        await provider.settled;
        expect(loaded.services.settings.RiskSettings.asOf()).toBe('2027-01-15');
        expect(codes(loaded)).toEqual(['acceptance-expired', 'unaccepted-residual']);

        provider.updateConfiguration({ settings: { risk: { asOf: '2026-12-10' } } });
        await provider.settled;
        expect(codes(loaded)).toEqual(['acceptance-expiring']);

        // The built-in Annex A library is never validated as a model of the user's.
        const builtin = loaded.services.shared.workspace.LangiumDocuments.all.find(document => document.uri.scheme === 'builtin');
        expect(builtin?.diagnostics ?? []).toEqual([]);
    });

    test('the settings fetched on initialisation apply as a change does', async () => {
        const { model: loaded, provider } = await model();
        provider.initialize({ capabilities: { workspace: { configuration: true } } } as InitializeParams);
        const fetched: unknown[] = [];
        await provider.initialized({
            fetchConfiguration: async items => {
                fetched.push(...items);
                return [{ asOf: '2027-01-15', inlayHints: { scaleNames: false } }];
            }
        });
        await provider.settled;
        expect(fetched).toEqual([{ section: 'risk' }]);
        expect(codes(loaded)).toEqual(['acceptance-expired', 'unaccepted-residual']);
        expect(loaded.services.settings.RiskSettings.inlayHints).toEqual({ scores: true, scaleNames: false, acceptance: true, deferral: true });
    });

    test('an invalid value is ignored with a warning, and the setting takes its default', async () => {
        const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
        const { model: loaded, provider } = await model();
        const settings = loaded.services.settings.RiskSettings;
        expect(settings.asOf()).toBe(TEST_AS_OF);

        provider.updateConfiguration({ settings: { risk: { asOf: '2026-02-30', inlayHints: { scores: false, acceptance: 'off' }, export: { csvBom: true } } } });
        await provider.settled;
        expect(warn.mock.calls).toEqual([
            [expect.stringMatching(/^Risk: the setting risk\.asOf is ignored: it is "2026-02-30", which is not a real date/)],
            ['Risk: the setting risk.inlayHints.acceptance is ignored: it must be true or false, not "off". Using true instead.']
        ]);
        expect(settings.asOf()).toBe(today());
        expect(settings.inlayHints).toEqual({ scores: false, scaleNames: true, acceptance: true, deferral: true });
        expect(settings.exports).toEqual({ csvBom: true });
        // The provider hands out the checked values, not the raw ones.
        expect(await provider.getConfiguration('risk', 'asOf')).toBeUndefined();
        expect(await provider.getConfiguration('risk', 'inlayHints')).toEqual({ scores: false, scaleNames: true, acceptance: true, deferral: true });

        // The same mistake is not reported again on the next change; a new one is.
        provider.updateConfiguration({ settings: { risk: { asOf: '2026-02-30', inlayHints: { scores: true, acceptance: 'off' }, export: { csvBom: 'yes' } } } });
        await provider.settled;
        expect(warn).toHaveBeenCalledTimes(3);
        expect(warn.mock.calls[2]).toEqual(['Risk: the setting risk.export.csvBom is ignored: it must be true or false, not "yes". Using false instead.']);
        expect(settings.exports).toEqual({ csvBom: false });
    });

    test('an empty risk.asOf returns to today', async () => {
        const { model: loaded, provider } = await model();
        provider.updateConfiguration({ settings: { risk: { asOf: '2027-01-15' } } });
        await provider.settled;
        provider.updateConfiguration({ settings: { risk: { asOf: '' } } });
        await provider.settled;
        expect(loaded.services.settings.RiskSettings.asOf()).toBe(today());
    });

    test('other sections are stored as Langium stores them', async () => {
        const { provider } = await model();
        provider.updateConfiguration({ settings: { editor: { tabSize: 2 } } });
        expect(await provider.getConfiguration('editor', 'tabSize')).toBe(2);
    });
});
