/**
 * The VS Code extension's manifest (package.json `contributes`), language
 * configuration and snippets, checked against the language they describe: the
 * settings against the zod schema the server validates them with, the commands
 * against the client's code, the word pattern against the language's IDs, and every
 * snippet, inserted as it comes, against the parser.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { parseRiskConfiguration, RISK_SETTING_DEFAULTS, RiskConfigurationSchema, TRACE_LEVELS } from '../../language/workspace/risk-configuration.js';
import { checkTexts, TEST_AS_OF } from '../helpers/check-model.js';

const ROOT = join(import.meta.dirname, '..', '..');
const readJson = (path: string): any => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

const manifest = readJson('package.json');
const contributes = manifest.contributes;

interface ContributedSetting {
    readonly type: string;
    readonly default?: unknown;
    readonly enum?: readonly string[];
    readonly pattern?: string;
    readonly description?: string;
    readonly markdownDescription?: string;
}
const contributedSettings: Record<string, ContributedSetting> = contributes.configuration.properties;

/** The schema without the wrappers that give defaults, make a value optional or transform it. */
function unwrap(schema: z.ZodType): z.ZodType {
    let current = schema;
    for (;;) {
        if (current instanceof z.ZodDefault || current instanceof z.ZodPrefault || current instanceof z.ZodOptional) {
            current = current.unwrap() as z.ZodType;
        } else if (current instanceof z.ZodPipe) {
            current = current.in as z.ZodType;
        } else {
            return current;
        }
    }
}

/** Each setting of the schema by its full name (`risk.inlayHints.scores`), with its value's schema. */
function schemaSettings(schema: z.ZodType, prefix: string): Array<[string, z.ZodType]> {
    const inner = unwrap(schema);
    if (inner instanceof z.ZodObject) {
        return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, value]) => schemaSettings(value, `${prefix}.${key}`));
    }
    return [[prefix, inner]];
}

const SCHEMA_SETTINGS = new Map(schemaSettings(RiskConfigurationSchema, 'risk'));

/** `{ 'risk.a.b': 1 }` as the settings object the client sends: `{ a: { b: 1 } }`. */
function nested(settings: Record<string, unknown>): Record<string, unknown> {
    const root: Record<string, any> = {};
    for (const [name, value] of Object.entries(settings)) {
        const path = name.split('.').slice(1);
        let node = root;
        for (const key of path.slice(0, -1)) {
            node = node[key] ??= {};
        }
        node[path.at(-1)!] = value;
    }
    return root;
}

describe('settings', () => {
    test('the manifest contributes exactly the settings of the schema', () => {
        expect(Object.keys(contributedSettings).sort()).toEqual([...SCHEMA_SETTINGS.keys()].sort());
        // The warnings for a bad setting name the default from this list.
        expect(Object.keys(RISK_SETTING_DEFAULTS).sort()).toEqual([...SCHEMA_SETTINGS.keys()].sort());
    });

    test.each([...SCHEMA_SETTINGS])('%s has the type and default of the schema, and a description', (name, schema) => {
        const setting = contributedSettings[name];
        expect(setting.description ?? setting.markdownDescription).toBeTruthy();
        expect(setting).toHaveProperty('default');
        if (schema instanceof z.ZodBoolean) {
            expect(setting.type).toBe('boolean');
        } else if (schema instanceof z.ZodEnum) {
            expect(setting.type).toBe('string');
            expect(setting.enum).toEqual(schema.options);
        } else {
            expect(schema).toBeInstanceOf(z.ZodString);
            expect(setting.type).toBe('string');
        }
        // The contributed default, sent alone, is valid and means what the schema's default means.
        const parsed = parseRiskConfiguration(nested({ [name]: setting.default }));
        expect(parsed.problems).toEqual([]);
        expect(parsed.configuration).toEqual(parseRiskConfiguration({}).configuration);
    });

    test('risk.trace.server offers the trace levels the schema accepts', () => {
        expect(contributedSettings['risk.trace.server'].enum).toEqual([...TRACE_LEVELS]);
    });

    test.each([
        ['', true],
        ['2026-11-23', true],
        [' 2026-11-23 ', true],
        ['tomorrow', false],
        ['2026-11-23x', false],
        ['23.11.2026', false]
    ])('the settings editor pattern of risk.asOf and the server agree on the form of %j', (value, valid) => {
        const pattern = new RegExp(contributedSettings['risk.asOf'].pattern!);
        expect(pattern.test(value)).toBe(valid);
        expect(parseRiskConfiguration({ asOf: value }).problems.length === 0).toBe(valid);
    });
});

describe('commands', () => {
    const commands: Array<{ command: string; title?: string; category?: string }> = contributes.commands;
    const clientSource = (function read(folder: string): string {
        return readdirSync(folder, { withFileTypes: true })
            .map(entry => entry.isDirectory() ? read(join(folder, entry.name)) : entry.name.endsWith('.ts') ? readFileSync(join(folder, entry.name), 'utf8') : '')
            .join('\n');
    })(join(ROOT, 'client'));

    test('the Risk commands are contributed', () => {
        expect(commands.map(command => command.command).sort()).toEqual([
            'risk.checkWorkspace', 'risk.exportPlan', 'risk.exportRegister', 'risk.exportSoa', 'risk.showRiskMatrix', 'risk.showUnacceptedRisks'
        ]);
    });

    test.each(commands.map(command => [command.command, command] as const))('%s has a title, the category Risk, and is registered by the client', (id, command) => {
        expect(command.title).toBeTruthy();
        expect(command.category).toBe('Risk');
        expect(clientSource).toContain(`'${id}'`);
    });
});

describe('the extension', () => {
    test('starts from the bundle, on .risk files and workspaces that have them, trusted or not', () => {
        expect(manifest.main).toBe('./dist/extension.cjs');
        expect(manifest.activationEvents).toEqual(['workspaceContains:**/*.risk']);
        expect(manifest.capabilities.untrustedWorkspaces).toEqual({ supported: true });
        expect(manifest.engines.vscode).toMatch(/^\^1\.\d+\.\d+$/);
        // @vscode/vsce refuses a package whose @types/vscode is newer than the engine.
        const engine = manifest.engines.vscode.slice(1).split('.').map(Number);
        const types = manifest.devDependencies['@types/vscode'].replace(/^[~^]/, '').split('.').map(Number);
        expect(types[0] * 1000 + types[1]).toBeLessThanOrEqual(engine[0] * 1000 + engine[1]);
    });

    test('the language, grammar and snippets point at files that exist', () => {
        const [language] = contributes.languages;
        expect(language).toMatchObject({ id: 'risk', extensions: ['.risk'] });
        expect(existsSync(join(ROOT, language.configuration))).toBe(true);
        const [grammar] = contributes.grammars;
        expect(grammar.language).toBe('risk');
        expect(grammar.scopeName).toBe(readJson(grammar.path).scopeName);
        const [snippets] = contributes.snippets;
        expect(snippets.language).toBe('risk');
        expect(existsSync(join(ROOT, snippets.path))).toBe(true);
    });

    test('.risk files have an icon for light and dark themes, an SVG in the repository', () => {
        const { icon } = contributes.languages[0];
        for (const path of [icon.light, icon.dark]) {
            expect(path).toMatch(/\.svg$/);
            expect(readFileSync(join(ROOT, path), 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 16 16"/);
        }
    });

    test('new .risk files indent with two spaces, as the formatter does', () => {
        expect(contributes.configurationDefaults['[risk]']).toEqual({ 'editor.tabSize': 2, 'editor.insertSpaces': true });
    });

    test('the package ships the files the manifest names', () => {
        const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
        const { icon } = contributes.languages[0];
        const shipped = [manifest.main, contributes.languages[0].configuration, contributes.grammars[0].path, contributes.snippets[0].path, './dist/server.cjs', icon.light, icon.dark]
            .map(path => path.replace(/^\.\//, ''));
        for (const path of shipped) {
            expect(ignore).toContain(`!${path}`);
        }
    });
});

describe('the language configuration', () => {
    const configuration = readJson('language-configuration.json');
    const words = (text: string): string[] => [...text.matchAll(new RegExp(configuration.wordPattern.pattern, `${configuration.wordPattern.flags ?? ''}g`))].map(match => match[0]);

    test.each([
        ['risk R-001 "Admin takeover" {', 'R-001'],
        ['  controls A.5.17, A.6.3', 'A.5.17'],
        ['  status in-progress', 'in-progress'],
        ['  due 2026-12-31', '2026-12-31'],
        ['  owner ITManager  // the IT manager', 'ITManager'],
        ['  on phishing_ops', 'phishing_ops']
    ])('the word pattern keeps a word of %j whole', (line, word) => {
        expect(words(line)).toContain(word);
    });

    test('a level range is two numbers, a reference list is separate words', () => {
        expect(words('Low 1..2 "Monitor"')).toEqual(['Low', '1', '2', 'Monitor']);
        expect(words('exploits NoAdminMFA, WeakPasswords')).toEqual(['exploits', 'NoAdminMFA', 'WeakPasswords']);
    });

    test('comments and brackets are those of the language', () => {
        expect(configuration.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(configuration.brackets).toEqual([['{', '}']]);
        expect(configuration.autoClosingPairs).toEqual(expect.arrayContaining([
            { open: '{', close: '}' },
            expect.objectContaining({ open: '"', close: '"' })
        ]));
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

describe('snippets', () => {
    const snippets: Record<string, { prefix: string; body: string[]; description: string }> = readJson('snippets/risk.json');
    const [year, month, day] = TEST_AS_OF.split('-');
    const variables = { CURRENT_YEAR: year, CURRENT_MONTH: month, CURRENT_DATE: day };
    const inserted = (name: string): string => expandSnippet(snippets[name].body.join('\n'), variables);
    const byPrefix = (prefix: string) => Object.keys(snippets).filter(name => snippets[name].prefix === prefix);

    test('there are snippets for risk, asset, method, acceptance and action, each described', () => {
        expect(new Set(Object.values(snippets).map(snippet => snippet.prefix))).toEqual(new Set(['risk', 'asset', 'method', 'acceptance', 'action']));
        for (const snippet of Object.values(snippets)) {
            expect(snippet.description).toBeTruthy();
        }
    });

    // Where each snippet goes: acceptances in a risk, actions in a treatment.
    const HOSTS: Record<string, (text: string) => string> = {
        risk: text => text,
        asset: text => text,
        method: text => text,
        acceptance: text => `risk R-900 "Host" {\n${text}\n}\n`,
        action: text => `risk R-900 "Host" {\n  treatment reduce {\n${text}\n  }\n}\n`
    };

    test.each(Object.keys(snippets))('%s, inserted with its defaults, parses', async name => {
        const text = HOSTS[snippets[name].prefix](inserted(name));
        const { model } = await checkTexts(text);
        const { lexerErrors, parserErrors } = model.documents[0].parseResult;
        expect([...lexerErrors, ...parserErrors].map(error => error.message)).toEqual([]);
    });

    test('the snippets with their defaults make a model without errors or warnings', async () => {
        const [risk] = byPrefix('risk');
        const action = inserted(byPrefix('action')[0]);
        const acceptance = inserted(byPrefix('acceptance')[0]);
        // The risk snippet ends in its treatment ($0): the action goes there, the acceptance after it.
        const riskText = expandSnippet(snippets[risk].body.join('\n').replace('$0', action.replaceAll('\\', '\\\\').replaceAll('$', '\\$')), variables)
            .replace(/\n}$/, `\n${acceptance}\n}`);
        const model = [
            'role Owner "Risk owner"',
            'role CEO "Chief Executive Officer" management',
            'threat Phishing "Phishing"',
            'vulnerability NoAdminMFA "No MFA on admin accounts" { on AdminAccounts }',
            inserted(byPrefix('method')[0]),
            ...byPrefix('asset').map(name => inserted(name)),
            riskText
        ].join('\n');
        const { findings } = await checkTexts(model);
        expect(findings.filter(finding => finding.severity === 'error' || finding.severity === 'warning').map(finding => `${finding.code}: ${finding.message}`)).toEqual([]);
    });
});
