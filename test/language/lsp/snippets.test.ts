/**
 * The snippets completion offers (language/lsp/completion/snippets.ts), inserted as the
 * editor inserts them when every tab stop keeps its default: each parses where it is
 * offered, and together, with a real justification typed, they make a model without
 * errors or warnings. An empty model's snippets keep placeholders instead of names.
 */
import { describe, expect, test } from 'vitest';
import { snippetsFor, type SnippetNames } from '../../../language/lsp/completion/snippets.js';
import { checkTexts, TEST_AS_OF } from '../../helpers/check-model.js';

const NAMES: SnippetNames = {
    roles: ['Owner', 'CEO'],
    managementRoles: ['CEO'],
    primaryAssets: ['CustomerData'],
    supportingAssets: ['AdminAccounts'],
    likelihoods: ['Rare', 'Possible', 'Likely'],
    impacts: ['Minor', 'Noticeable', 'Severe'],
    levels: ['High', 'Moderate', 'Low'],
    nextRiskId: 'R-001',
    asOf: TEST_AS_OF
};

// Where each snippet is offered: acceptances in a risk, actions in a treatment's block.
const HOSTS: Record<string, (text: string) => string> = {
    risk: text => text,
    asset: text => text,
    method: text => text,
    acceptance: text => `risk R-900 "Host" {\n${text}\n}\n`,
    action: text => `risk R-900 "Host" {\n  treatment reduce {\n${text}\n  }\n}\n`
};

const inserted = (keyword: string, index = 0): string => expandSnippet(snippetsFor(keyword, NAMES)[index].insertText!, {});

describe('snippets', () => {
    test('one per construct, two for the two layers of asset, each described', () => {
        for (const keyword of Object.keys(HOSTS)) {
            const snippets = snippetsFor(keyword, NAMES);
            expect(snippets, keyword).toHaveLength(keyword === 'asset' ? 2 : 1);
            for (const snippet of snippets) {
                expect(snippet.detail).toBeTruthy();
                expect(snippet.documentation).toMatchObject({ kind: 'markdown', value: expect.stringContaining(`${keyword} `) });
            }
        }
        expect(snippetsFor('asset', NAMES).map(snippet => snippet.labelDetails?.detail)).toEqual([' primary', ' supporting']);
    });

    test.each(Object.keys(HOSTS).flatMap(keyword => snippetsFor(keyword, NAMES).map((_, index) => [keyword, index] as const)))('%s (%i), inserted with its defaults, parses', async (keyword, index) => {
        const { model } = await checkTexts(HOSTS[keyword](inserted(keyword, index)));
        const { lexerErrors, parserErrors } = model.documents[0].parseResult;
        expect([...lexerErrors, ...parserErrors].map(error => error.message)).toEqual([]);
    });

    test('with a justification typed, the snippets make a model without errors or warnings', async () => {
        const acceptance = inserted('acceptance').replace(/"TODO:[^"]*"/, '"Cheaper to insure than to fix; reviewed by the board"');
        const risk = inserted('risk')
            .replace('treatment reduce', `treatment reduce {\n${inserted('action').replace('status planned', 'status planned\n  controls A.5.17')}\n}`)
            .replace(/\n}$/, `\n  residual likelihood Rare\n${acceptance}\n}`);
        const model = [
            'role Owner "Risk owner"',
            'role CEO "Chief Executive Officer" management',
            'threat Threat "Phishing"',
            inserted('method'),
            inserted('asset', 0).replace('Name', 'CustomerData'),
            inserted('asset', 1).replace('Name', 'AdminAccounts'),
            risk
        ].join('\n');
        const { findings } = await checkTexts(model);
        expect(findings.filter(finding => finding.severity === 'error' || finding.severity === 'warning').map(finding => `${finding.code}: ${finding.message}`)).toEqual([]);
    });

    test('the justification left as inserted starts with TODO, which is no reason', () => {
        expect(inserted('acceptance')).toContain('"TODO: say why this residual risk is acceptable"');
    });

    test('in an empty model, placeholders stand for the names', () => {
        const empty: SnippetNames = { ...NAMES, roles: [], managementRoles: [], primaryAssets: [], supportingAssets: [], likelihoods: [], impacts: [], levels: [] };
        expect(snippetsFor('risk', empty)[0].insertText).toContain('owner ${3:Role}');
        expect(snippetsFor('acceptance', empty)[0].insertText).toContain('by ${1:Role}');
    });
});

/**
 * A snippet as the editor inserts it when every placeholder keeps its default: the
 * default text of `${1:text}`, the first option of `${1|a,b|}`, nothing for `$1`,
 * and the variables of the date for `$CURRENT_YEAR` and its kin.
 */
function expandSnippet(body: string, variables: Readonly<Record<string, string>>): string {
    let index = 0;
    const expand = (until: string): string => {
        let out = '';
        while (index < body.length && !until.includes(body[index])) {
            const char = body[index];
            if (char === '\\' && index + 1 < body.length) {
                out += body[index + 1];
                index += 2;
            } else if (char === '$') {
                out += placeholder();
            } else {
                out += char;
                index++;
            }
        }
        return out;
    };
    const placeholder = (): string => {
        index++; // $
        const simple = /^(\d+|[A-Z_]+)/.exec(body.slice(index));
        if (body[index] !== '{') {
            if (!simple) {
                return '$';
            }
            index += simple[0].length;
            return /^\d/.test(simple[0]) ? '' : variable(simple[0]);
        }
        index++; // {
        const name = /^(\d+|[A-Z_]+)/.exec(body.slice(index))![0];
        index += name.length;
        let text = /^\d/.test(name) ? '' : variable(name);
        if (body[index] === ':') {
            index++;
            const fallback = expand('}');
            text = /^\d/.test(name) ? fallback : text || fallback;
        } else if (body[index] === '|') {
            index++;
            const options = expand('|');
            index++; // |
            text = options.split(',')[0];
        }
        expect(body[index], `a closing brace in ${JSON.stringify(body)} at ${index}`).toBe('}');
        index++;
        return text;
    };
    const variable = (name: string): string => {
        expect(variables, `the snippet variable ${name}`).toHaveProperty(name);
        return variables[name];
    };
    const text = expand('');
    expect(index).toBe(body.length);
    return text;
}

