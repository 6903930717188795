/**
 * Completion: what is offered, exactly, at representative positions. Each case is
 * one document (declarations first, the position being completed after them) in
 * services that hold the built-in Annex A library, as the language server has it.
 */
import { EmptyFileSystem, URI } from 'langium';
import { expectCompletion } from 'langium/test';
import { CompletionItemKind, CompletionTriggerKind, InsertTextFormat, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver';
import { beforeAll, describe, expect, test } from 'vitest';
import { ANNEX_A } from '../../../language/builtins/annex-a.js';
import { today } from '../../../language/evaluation/dates.js';
import { createRiskServices, type RiskServices } from '../../../language/risk-module.js';
import { createBuiltinDocuments } from '../../../language/workspace/builtin-documents.js';
import { TEST_AS_OF } from './lsp-model.js';

const METHOD = `method "Acme 3x3" {
  scale likelihood { 1 Rare "Less than once every 3 years" 2 Possible "" 3 Likely "Could occur annually" }
  scale impact { 1 Minor "Under 4 hours down" 2 Noticeable "A business day" 3 Severe "Over a day down" }
  levels { Low 1..2 "Monitor" Moderate 3..4 "Plan improvements" High 6..9 "Act now" }
  accept { appetite Moderate major High }
}
`;

const DECLARATIONS = `role CISO "Chief Information Security Officer"
role CEO "Chief Executive Officer" management
asset CustomerData "Customer personal data" { primary information owner CISO }
asset Billing "Billing process" { primary process owner CISO }
asset AdminAccounts "Production admin accounts" { supporting system owner CISO supports CustomerData }
asset Laptops "Staff laptops" { supporting hardware owner CISO supports CustomerData }
asset Backups "Backups, no layer written yet"
threat Phishing "Phishing"
vulnerability NoMFA "Admin accounts lack MFA" { on AdminAccounts }
control MailFilter "Advanced e-mail filtering" { implements A.8.23 status planned }
`;

const MODEL = METHOD + DECLARATIONS;

let services: RiskServices;
let complete: ReturnType<typeof expectCompletion>;

beforeAll(async () => {
    const created = createRiskServices(EmptyFileSystem);
    services = created.Risk;
    services.settings.RiskSettings.setAsOf(TEST_AS_OF);
    await created.shared.workspace.DocumentBuilder.build(createBuiltinDocuments(created.shared));
    complete = expectCompletion(services);
});

/**
 * Every item offered at `<|>`, sorted as the client shows them (by sortText, then as
 * offered). The document is removed again even when an expectation fails later, so
 * one failure does not leak names into the next case.
 */
async function itemsAt(text: string): Promise<CompletionItem[]> {
    let list: CompletionList | undefined;
    await complete({ text, index: 0, assert: completions => { list = completions; }, disposeAfterCheck: true });
    return [...list!.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
}

/** Exactly these labels are offered at `<|>`, in this order. */
async function expectLabels(text: string, expected: string[]): Promise<void> {
    expect((await itemsAt(text)).map(item => item.label)).toEqual(expected);
}

function risk(body: string): string {
    return `${MODEL}risk R-007 "Admin takeover" {\n  owner CISO\n  ${body}\n}\n`;
}

describe('scale values, by name in number order', () => {
    test('after likelihood and impact of a risk', async () => {
        await expectLabels(risk('likelihood <|>'), ['Rare', 'Possible', 'Likely']);
        await expectLabels(risk('likelihood Likely\n  impact <|>'), ['Minor', 'Noticeable', 'Severe']);
    });

    test('after likelihood and impact of the residual, before more properties', async () => {
        await expectLabels(risk('residual likelihood <|>\n  status assessed'), ['Rare', 'Possible', 'Likely']);
        await expectLabels(risk('residual likelihood Rare impact <|>'), ['Minor', 'Noticeable', 'Severe']);
    });

    test('after confidentiality, integrity and availability of an asset', async () => {
        for (const property of ['confidentiality', 'integrity', 'availability']) {
            await expectLabels(`${METHOD}asset Payroll "Payroll data" { primary information ${property} <|> }`, ['Minor', 'Noticeable', 'Severe']);
        }
    });

    test('a typed prefix narrows them', async () => {
        await expectLabels(risk('likelihood Po<|>'), ['Possible']);
    });

    test('with the number and the description', async () => {
        const [rare, possible] = await itemsAt(risk('likelihood <|>'));
        expect(rare).toMatchObject({
            label: 'Rare',
            kind: CompletionItemKind.EnumMember,
            detail: 'likelihood 1',
            labelDetails: { detail: ' 1', description: 'Less than once every 3 years' },
            documentation: 'Less than once every 3 years'
        });
        expect(possible).toMatchObject({ label: 'Possible', detail: 'likelihood 2', labelDetails: { detail: ' 2' } });
        expect(possible.documentation).toBeUndefined();
    });
});

describe('levels, lowest first', () => {
    test('after level in an acceptance', async () => {
        await expectLabels(risk('acceptance { by CEO on 2026-11-01 level <|> }'), ['Low', 'Moderate', 'High']);
    });

    test('after appetite and major in the method', async () => {
        const method = (accept: string) => METHOD.replace('accept { appetite Moderate major High }', accept);
        await expectLabels(method('accept { appetite <|> }'), ['Low', 'Moderate', 'High']);
        await expectLabels(method('accept { appetite Moderate major <|> }'), ['Low', 'Moderate', 'High']);
    });

    test('with their rank, band and description', async () => {
        const items = await itemsAt(risk('acceptance { level <|> }'));
        expect(items.map(item => [item.label, item.detail, item.documentation])).toEqual([
            ['Low', 'level 1 of 3 · score 1..2', 'Monitor'],
            ['Moderate', 'level 2 of 3 · score 3..4', 'Plan improvements'],
            ['High', 'level 3 of 3 · score 6..9', 'Act now']
        ]);
    });

    test('in a matrix, row labels are likelihood values and cells are levels', async () => {
        const matrix = `method "Qualitative" {
  scale likelihood { 1 Unlikely "" 2 Probable "" }
  scale impact { 1 Small "" 2 Large "" }
  levels { Low "" High "" }
  matrix {
    Probable: Low High
    <|>
  }
}
`;
        await expectLabels(matrix, ['Unlikely', 'Probable', 'Low', 'High']);
    });
});

describe('references by kind', () => {
    test('after on in a risk: supporting assets and assets with no layer, never primary ones', async () => {
        await expectLabels(risk('on <|>'), ['AdminAccounts', 'Laptops', 'Backups']);
    });

    test('after on in a vulnerability: the same', async () => {
        await expectLabels(`${MODEL}vulnerability Unpatched "Unpatched software" { on <|> }`, ['AdminAccounts', 'Laptops', 'Backups']);
    });

    test('an asset already in the list is not offered again', async () => {
        await expectLabels(risk('on AdminAccounts, <|>'), ['Laptops', 'Backups']);
        await expectLabels(risk('on Lap<|>'), ['Laptops']);
    });

    test('after harms: primary assets and assets with no layer, never supporting ones', async () => {
        await expectLabels(risk('on AdminAccounts\n  harms <|>'), ['CustomerData', 'Billing', 'Backups']);
    });

    test('after supports: primary assets, never the asset itself', async () => {
        await expectLabels(`${MODEL}asset Vpn "VPN" { supporting network supports <|> }`, ['CustomerData', 'Billing', 'Backups']);
        await expectLabels(`${MODEL}asset Orphan "Not yet placed" { supports <|> }`, ['CustomerData', 'Billing', 'Backups']);
    });

    test('assets with their title and layer', async () => {
        const [admin] = await itemsAt(risk('on <|>'));
        expect(admin).toMatchObject({ label: 'AdminAccounts', detail: 'Production admin accounts', labelDetails: { description: 'supporting system' } });
    });

    test('after owner and by: roles, management marked', async () => {
        await expectLabels(`${MODEL}risk R-008 "Laptop theft" {\n  owner <|>\n}`, ['CISO', 'CEO']);
        const items = await itemsAt(risk('acceptance { by <|> }'));
        expect(items.map(item => [item.label, item.detail])).toEqual([
            ['CISO', 'Chief Information Security Officer'],
            ['CEO', 'Chief Executive Officer · management']
        ]);
    });

    test('after threat and exploits: threats and vulnerabilities', async () => {
        await expectLabels(risk('threat <|>'), ['Phishing']);
        await expectLabels(risk('exploits <|>'), ['NoMFA']);
    });
});

describe('controls', () => {
    const annexIds = ANNEX_A.map(entry => entry.id);

    test('after controls: the model\'s own controls, then Annex A in the standard\'s order', async () => {
        await expectLabels(risk('controls <|>'), ['MailFilter', ...annexIds]);
        await expectLabels(risk('controls MailFilter, <|>'), annexIds);
    });

    test('after implements: Annex A only', async () => {
        await expectLabels(`${MODEL}control Training "Awareness training" { implements <|> }`, annexIds);
    });

    test('Annex A controls with their titles', async () => {
        const items = await itemsAt(risk('controls <|>'));
        expect(items.find(item => item.label === 'A.8.23')).toMatchObject({ detail: 'Web filtering', kind: CompletionItemKind.Constant });
        expect(items.find(item => item.label === 'MailFilter')).toMatchObject({ detail: 'Advanced e-mail filtering' });
        expect(items).toHaveLength(94);
    });

    test('an Annex A ID being typed is completed and replaced from its start', async () => {
        const annex8 = annexIds.filter(id => id.startsWith('A.8.'));
        expect(annex8).toHaveLength(34);
        await expectLabels(risk('controls A.8<|>'), annex8);
        await expectLabels(risk('controls A.5.1, A.8.<|>'), annex8);
        await expectLabels(`${MODEL}control Training "Awareness training" { implements A.<|> }`, annexIds);
        const [first] = await itemsAt(risk('controls A.8.<|>'));
        const edit = first.textEdit as TextEdit;
        expect(edit.newText).toBe('A.8.1');
        expect(edit.range.end.character - edit.range.start.character).toBe('A.8.'.length);
    });
});

describe('dates: the as-of date', () => {
    const asOf = TEST_AS_OF === today() ? 'today' : 'the as-of date (risk.asOf)';

    test.each([
        ['reviewed', risk('reviewed <|>')],
        ['due', risk('treatment reduce {\n    action MFA "Enforce MFA" { owner CISO due <|> }\n  }')],
        ['on, in an acceptance', risk('acceptance { by CEO on <|> }')],
        ['until', risk('acceptance { by CEO on 2026-11-01 until <|> }')],
        ['on, in a scope approval', `${MODEL}scope Platform "Platform" { approved by CEO on <|> }`]
    ])('after %s', async (_name, text) => {
        const items = await itemsAt(text);
        expect(items.map(item => [item.label, item.detail, item.kind])).toEqual([[TEST_AS_OF, asOf, CompletionItemKind.Value]]);
    });

    test('today when no as-of date is set', async () => {
        const settings = services.settings.RiskSettings;
        settings.setAsOf(undefined);
        try {
            const items = await itemsAt(risk('reviewed <|>'));
            expect(items.map(item => [item.label, item.detail])).toEqual([[today(), 'today']]);
        } finally {
            settings.setAsOf(TEST_AS_OF);
        }
    });
});

describe('declarations and snippets at the top level', () => {
    function summary(items: CompletionItem[]): string[] {
        return items.map(item => item.kind === CompletionItemKind.Snippet ? `${item.label}${item.labelDetails?.detail ?? ''} (snippet: ${item.detail})` : item.label);
    }

    test('in an empty file: each construct once, as its snippet where it has one, method included', async () => {
        const items = await itemsAt('<|>');
        expect(summary(items)).toEqual([
            'role',
            'method (snippet: new risk method: 3×3 scales, banded levels, acceptance criteria)',
            'scope',
            'asset primary (snippet: new primary asset)',
            'asset supporting (snippet: new supporting asset)',
            'threat', 'vulnerability', 'control',
            'risk (snippet: new risk)',
            'applicability'
        ]);
        // The built-in library's `annex` declarations are not the user's to write; entries of blocks never start a file.
        expect(items.map(item => item.label)).not.toContain('annex');
        expect(items.map(item => item.label)).not.toContain('acceptance');
        expect(items.map(item => item.label)).not.toContain('action');
    });

    test('after a model with a method and an applicability block, neither is offered again', async () => {
        const items = await itemsAt(`${MODEL}applicability {\n  include A.5.1 "Policy"\n}\n<|>`);
        expect(summary(items)).toEqual([
            'role', 'scope',
            'asset primary (snippet: new primary asset)',
            'asset supporting (snippet: new supporting asset)',
            'threat', 'vulnerability', 'control',
            'risk (snippet: new risk)'
        ]);
    });

    test('a typed prefix keeps the one snippet of its construct', async () => {
        await expectLabels(`${MODEL}ri<|>`, ['risk']);
    });

    test('the risk snippet numbers the next risk and offers the model\'s names', async () => {
        const items = await itemsAt(`${MODEL}risk R-009 "Old" { owner CISO }\nrisk R-010 "Older" { owner CISO }\n<|>`);
        const snippet = items.find(item => item.kind === CompletionItemKind.Snippet && item.label === 'risk')!;
        expect(snippet.insertTextFormat).toBe(InsertTextFormat.Snippet);
        expect((snippet.textEdit as TextEdit).newText).toBe([
            'risk ${1:R-011} "${2:Title}" {',
            '  owner ${3|CISO,CEO|}',
            '  threat ${4:Threat}',
            '  on ${5|AdminAccounts,Laptops,Backups|}',
            '  likelihood ${6|Rare,Possible,Likely|}',
            '  impact ${7|Minor,Noticeable,Severe|}',
            '  treatment ${8|reduce,accept,share,avoid|}',
            `  reviewed \${9:${TEST_AS_OF}}`,
            '}$0'
        ].join('\n'));
    });

    test('in an empty model the snippets have placeholders', async () => {
        const items = await itemsAt('<|>');
        const snippets = new Map(items.filter(item => item.kind === CompletionItemKind.Snippet).map(item => [`${item.label} ${item.detail}`, (item.textEdit as TextEdit).newText]));
        expect(snippets.get('risk new risk')).toContain('risk ${1:R-001} "${2:Title}" {\n  owner ${3:Role}');
        expect(snippets.get('asset new supporting asset')).toContain('supports ${5:PrimaryAsset}');
    });
});

describe('inside each block: the entries it may still hold', () => {
    test('a risk: its properties, those written once left out, the acceptance as a snippet', async () => {
        // `owner CISO` is written already (see risk()).
        const items = await itemsAt(risk('<|>'));
        expect(items.map(item => item.kind === CompletionItemKind.Snippet ? `${item.label} (snippet)` : item.label)).toEqual([
            'scope', 'threat', 'exploits', 'on', 'harms', 'affects', 'consequence', 'controls',
            'likelihood', 'impact', 'treatment', 'residual', 'acceptance (snippet)', 'status', 'reviewed', 'identified', 'tags'
        ]);
    });

    test('a risk with every single property given: only list properties, treatments and acceptances remain', async () => {
        const body = 'scope Platform\n  consequence "Data leak"\n  likelihood Rare\n  impact Minor\n  residual likelihood Rare\n  status assessed\n  reviewed 2026-01-01\n  identified 2026-01-01\n  <|>';
        await expectLabels(`${MODEL}scope Platform "Platform"\n${risk(body).slice(MODEL.length)}`, [
            'threat', 'exploits', 'on', 'harms', 'affects', 'controls', 'treatment', 'acceptance', 'tags'
        ]);
    });

    test('the keyword at the cursor is offered although the block has it: it is the one being typed', async () => {
        await expectLabels(`${MODEL}risk R-008 "Laptop theft" {\n  own<|>\n}`, ['owner']);
        await expectLabels(`${MODEL}risk R-008 "Laptop theft" {\n  likelihood Rare\n  lik<|>\n}`, []);
    });

    test('an asset, a threat, a vulnerability, a control, a scope and a role', async () => {
        await expectLabels(`${MODEL}asset Payroll "Payroll data" {\n  primary information\n  <|>\n}`,
            ['owner', 'confidentiality', 'integrity', 'availability', 'supports', 'tags']);
        await expectLabels(`${MODEL}asset Payroll "Payroll data" {\n  <|>\n}`,
            ['primary', 'supporting', 'owner', 'confidentiality', 'integrity', 'availability', 'supports', 'tags']);
        await expectLabels(`${MODEL}threat Flood "Flood" {\n  source environmental\n  <|>\n}`, ['tags']);
        await expectLabels(`${MODEL}vulnerability Weak "Weak passwords" {\n  <|>\n}`, ['on', 'tags']);
        await expectLabels(`${MODEL}control Mfa "MFA" {\n  status planned\n  <|>\n}`, ['implements', 'owner', 'tags']);
        await expectLabels(`${MODEL}scope Platform "Platform" {\n  owner CISO\n  <|>\n}`, ['includes', 'excludes', 'approved']);
        expect((await itemsAt(`${MODEL}role Committee "Security committee" management <|>`)).map(item => item.label)).not.toContain('management');
    });

    test('the method: a part written once is not offered again', async () => {
        const method = METHOD.replace('  accept { appetite Moderate major High }\n', '  accept { appetite Moderate major High }\n  <|>\n');
        await expectLabels(method, ['score', 'matrix', 'review', 'treat']);
        await expectLabels(METHOD.replace('  scale impact', '  <|>\n  scale impact'), ['score', 'matrix', 'review', 'treat']);
        await expectLabels(METHOD.replace(/  scale impact.*\n/, '  <|>\n'), ['scale', 'score', 'matrix', 'review', 'treat']);
    });

    test('a treatment\'s block: the action snippet; an action and an acceptance: their properties not yet given', async () => {
        const items = await itemsAt(risk('treatment reduce {\n    <|>\n  }'));
        expect(items.map(item => [item.label, item.kind])).toEqual([['action', CompletionItemKind.Snippet]]);
        expect((items[0].textEdit as TextEdit).newText).toBe([
            'action "${1:What will be done}" {',
            '  owner ${2|CISO,CEO|}',
            `  due \${3:${TEST_AS_OF}}`,
            '  status ${4|planned,in-progress,done,cancelled|}',
            '}$0'
        ].join('\n'));
        await expectLabels(risk('treatment reduce { action "Sign a DPA" { owner CISO due 2026-12-01 <|> } }'), ['completed', 'status', 'controls']);
        await expectLabels(risk('acceptance { by CEO on 2026-11-01 <|> }'), ['until', 'level']);
    });

    test('the acceptance snippet: management roles first, the as-of date, the levels, a TODO justification', async () => {
        const items = await itemsAt(risk('<|>'));
        const acceptance = items.find(item => item.label === 'acceptance')!;
        expect((acceptance.textEdit as TextEdit).newText).toBe([
            'acceptance {',
            `  by \${1|CEO,CISO|} on \${2:${TEST_AS_OF}}`,
            '  level ${3|Low,Moderate,High|}',
            '  "${4:TODO: say why this residual risk is acceptable}"',
            '}$0'
        ].join('\n'));
    });

    test('no two items look alike anywhere', async () => {
        for (const text of ['<|>', `${MODEL}<|>`, risk('<|>'), risk('treatment reduce {\n    <|>\n  }'), METHOD.replace('scale impact', '<|>\n  scale impact')]) {
            const seen = (await itemsAt(text)).map(item => `${item.label}${item.labelDetails?.detail ?? ''}`);
            expect(new Set(seen).size, text).toBe(seen.length);
        }
    });
});

describe('documentation', () => {
    test('every keyword offered has its documentation, with a link to its section', async () => {
        for (const text of ['<|>', risk('<|>'), risk('treatment <|>'), risk('status <|>'), `${METHOD}asset Payroll "Payroll data" {\n  <|>\n}`]) {
            for (const item of await itemsAt(text)) {
                if (item.kind === CompletionItemKind.Keyword) {
                    expect(item.documentation, `${item.label} in ${text}`).toMatchObject({ kind: 'markdown', value: expect.stringContaining('/blob/main/docs/language.md#') });
                }
            }
        }
        const [owner] = (await itemsAt(`${MODEL}risk R-008 "Laptop theft" {\n  own<|>\n}`));
        expect((owner.documentation as { value: string }).value).toContain('The risk owner');
    });

    test('Annex A and own controls have their title beside the label, not only when highlighted', async () => {
        const items = await itemsAt(risk('controls <|>'));
        expect(items.find(item => item.label === 'A.8.23')?.labelDetails).toEqual({ description: 'Web filtering' });
        expect(items.find(item => item.label === 'MailFilter')?.labelDetails).toEqual({ description: 'Advanced e-mail filtering' });
    });
});

describe('version 2 constructs (specification section 11)', () => {
    test('after `accepts`: only the levels below `major`, lowest first', async () => {
        await expectLabels(`${MODEL}role SecurityCommittee "Security committee" accepts <|>`, ['Low', 'Moderate']);
    });

    test('the keywords of a role, of the accept criteria, of an action and of the applicability block', async () => {
        expect((await itemsAt(`${MODEL}role SecurityCommittee "Security committee" <|>`)).slice(0, 2).map(item => item.label)).toEqual(['management', 'accepts']);
        await expectLabels(MODEL.replace('major High }', 'major High <|> }'), ['lasts', 'longest']);
        await expectLabels(risk('treatment reduce { action "Sign a DPA" { <|> } }'), ['owner', 'due', 'completed', 'status', 'controls']);
        await expectLabels(`${MODEL}applicability {\n  <|>\n}`, ['include', 'exclude']);
        await expectLabels(risk('treatment <|>'), ['reduce', 'accept', 'share', 'transfer', 'avoid', 'defer']);
    });

    test('after `include` and `exclude`: the Annex A controls the block does not decide yet, in the order of the standard', async () => {
        const labels = (await itemsAt(`${MODEL}applicability {\n  exclude A.5.1, A.5.3 "Not applicable"\n  include <|>\n}`)).map(item => item.label);
        expect(labels.slice(0, 3)).toEqual(['A.5.2', 'A.5.4', 'A.5.5']);
        expect(labels).toHaveLength(ANNEX_A.length - 2);
    });

    test('after `affects`: the security properties not listed yet', async () => {
        await expectLabels(risk('affects <|>'), ['confidentiality', 'integrity', 'availability']);
        await expectLabels(risk('affects confidentiality, <|>'), ['integrity', 'availability']);
    });

    test('after `tags`: the tags the model uses, most used first, not those of the node itself', async () => {
        const tagged = `${MODEL}threat Leak "Data leak" { tags "gdpr" }\ncontrol Dpa "DPA register" { tags "gdpr", "supplier" }\n`;
        const items = await itemsAt(`${tagged}risk R-007 "Supplier leak" {\n  tags <|>\n}\n`);
        expect(items.map(item => [item.label, item.detail])).toEqual([['"gdpr"', 'tag used 2 times in the model'], ['"supplier"', 'tag used once in the model']]);
        await expectLabels(`${tagged}risk R-007 "Supplier leak" {\n  tags "supplier", <|>\n}\n`, ['"gdpr"']);
    });

    test('after `completed` and `identified`: the as-of date', async () => {
        await expectLabels(risk('identified <|>'), [TEST_AS_OF]);
        await expectLabels(risk('treatment reduce { action "Sign a DPA" { completed <|> } }'), [TEST_AS_OF]);
    });
});

describe('on a trigger character: values only, where a value may follow', () => {
    /** What the client gets when the user types `character` and the cursor is at `<|>`. */
    async function triggeredAt(marked: string, character = ' '): Promise<CompletionList> {
        const offset = marked.indexOf('<|>');
        const text = marked.replace('<|>', '');
        const workspace = services.shared.workspace;
        const document = workspace.LangiumDocumentFactory.fromString(text, URI.file(`/triggered-${offset}.risk`));
        workspace.LangiumDocuments.addDocument(document);
        try {
            await workspace.DocumentBuilder.build([document]);
            const list = await services.lsp.CompletionProvider!.getCompletion(document, {
                textDocument: { uri: document.uri.toString() },
                position: document.textDocument.positionAt(offset),
                context: { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: character }
            });
            return list!;
        } finally {
            await workspace.DocumentBuilder.update([], [document.uri]);
        }
    }

    const labels = async (marked: string, character?: string) => (await triggeredAt(marked, character)).items.map(item => item.label);

    test('the server asks for a space and a comma', () => {
        expect(services.lsp.CompletionProvider!.completionOptions?.triggerCharacters).toEqual([' ', ',']);
    });

    test('after likelihood, impact and residual: the scale', async () => {
        expect(await labels(risk('likelihood <|>'))).toEqual(['Rare', 'Possible', 'Likely']);
        expect(await labels(risk('impact <|>'))).toEqual(['Minor', 'Noticeable', 'Severe']);
        expect(await labels(risk('residual <|>'))).toEqual(['likelihood', 'impact']);
        expect(await labels(risk('residual likelihood <|>'))).toEqual(['Rare', 'Possible', 'Likely']);
    });

    test('after owner and by: roles; after controls and its comma: controls', async () => {
        expect(await labels(`${MODEL}risk R-008 "Laptop theft" {\n  owner <|>\n}`)).toEqual(['CISO', 'CEO']);
        expect(await labels(risk('acceptance { by <|> }'))).toEqual(['CISO', 'CEO']);
        expect(await labels(risk('controls <|>'))).toHaveLength(ANNEX_A.length + 1);
        expect(await labels(risk('controls MailFilter,<|>'), ',')).toHaveLength(ANNEX_A.length);
        expect(await labels(risk('controls MailFilter, <|>'))).toHaveLength(ANNEX_A.length);
    });

    test('after treatment and status: their values; after on in an acceptance: the date', async () => {
        expect(await labels(risk('treatment <|>'))).toEqual(['reduce', 'accept', 'share', 'transfer', 'avoid', 'defer']);
        expect(await labels(risk('status <|>'))).toEqual(['identified', 'assessed', 'treating', 'accepted', 'closed']);
        expect(await labels(risk('acceptance { by CEO on <|> }'))).toEqual([TEST_AS_OF]);
        expect(await labels(risk('treatment share <|>'))).toEqual(['with']);
    });

    test('nothing after a value, at the top level, in a block, in a string or a comment', async () => {
        for (const marked of [
            risk('likelihood Rare <|>'),
            `${MODEL}<|>`,
            `${MODEL}risk R-008 "Laptop <|>`,
            `${MODEL}risk R-008 "Laptop theft" { <|>`,
            `${MODEL}risk R-008 "Laptop theft\nfrom a car, <|>" { owner CISO }`,
            `${MODEL}// owner <|>`,
            `${MODEL}/* the owner\n   likelihood <|> */`,
            risk('treatment reduce <|>'),
            risk('treatment share with "Insurer" <|>')
        ]) {
            const list = await triggeredAt(marked);
            expect(list, marked).toEqual({ isIncomplete: false, items: [] });
        }
    });
});
