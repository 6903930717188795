/**
 * The VS Code extension's manifest (package.json `contributes`) and language
 * configuration, checked against the language they describe: the settings against
 * the zod schema the server validates them with, the commands against the client's
 * code, the word pattern against the language's IDs. Snippets come from the server's
 * completion, where they know the cursor's context (test/language/lsp/snippets.test.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { parseRiskConfiguration, problemWarning, RISK_SETTING_DEFAULTS, RiskConfigurationSchema, TRACE_LEVELS } from '../../language/workspace/risk-configuration.js';
import { serverMemoryOptions } from '../../language/workspace/server-memory.js';

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
        } else if (schema instanceof z.ZodNumber) {
            // risk.server.maxMemory: 0 or megabytes, an integer for the settings editor.
            expect(setting.type).toBe('integer');
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

    test.each([
        [0, [], []],
        [1024, ['--max-old-space-size=1024'], []],
        [256, ['--max-old-space-size=256'], []],
        [100, [], ['risk.server.maxMemory']],
        [1.5, [], ['risk.server.maxMemory']],
        ['1024', [], ['risk.server.maxMemory']]
    ])('risk.server.maxMemory %j: the client starts the server with %j; the server warns of %j', (value, options, warned) => {
        expect(serverMemoryOptions(value)).toEqual(options);
        const parsed = parseRiskConfiguration({ server: { maxMemory: value } });
        expect(parsed.problems.map(problem => problem.setting)).toEqual(warned);
        if (warned.length > 0) {
            expect(problemWarning(parsed.problems[0])).toMatch(/must be 0 \(Node's own limit\) or a whole number of megabytes of at least 256.*Using 0/);
        }
    });

    test('the client leaves the server on Node\'s limit when the setting is unset', () => {
        expect(serverMemoryOptions(undefined)).toEqual([]);
        expect(serverMemoryOptions(null)).toEqual([]);
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

    test('the language and grammar point at files that exist; no static snippets', () => {
        const [language] = contributes.languages;
        expect(language).toMatchObject({ id: 'risk', extensions: ['.risk'] });
        expect(existsSync(join(ROOT, language.configuration))).toBe(true);
        const [grammar] = contributes.grammars;
        expect(grammar.language).toBe('risk');
        expect(grammar.scopeName).toBe(readJson(grammar.path).scopeName);
        // Static snippets would show everywhere, beside the server's, whatever the cursor's context.
        expect(contributes.snippets).toBeUndefined();
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
        const shipped = [manifest.main, contributes.languages[0].configuration, contributes.grammars[0].path, './dist/server.cjs', icon.light, icon.dark]
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

