/**
 * Navigation: go to definition, find references, rename, document and workspace
 * symbols, semantic tokens and folding, on a model of three files plus the built-in
 * Annex A document.
 */
import { SemanticTokensDecoder } from 'langium/lsp';
import { beforeAll, describe, expect, test } from 'vitest';
import { ResponseError, SymbolKind, TextDocument, type DocumentSymbol, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { ANNEX_A_URI } from '../../../language/builtins/annex-a.js';
import { lspModel, type LspModel } from './lsp-model.js';
import { NAV_DECLARATIONS, NAV_METHOD, NAV_MODEL, NAV_RISKS } from './navigation-models.js';

let model: LspModel;
beforeAll(async () => {
    model = await lspModel(NAV_MODEL);
});

/** The position `offset` characters into the `occurrence`-th (0-based) appearance of `text`. */
function at(name: string, text: string, offset = 0, occurrence = 0) {
    const document = model.document(name);
    const source = document.textDocument.getText();
    let index = -1;
    for (let seen = 0; seen <= occurrence; seen++) {
        index = source.indexOf(text, index + 1);
        if (index < 0) {
            throw new Error(`"${text}" occurs only ${seen} times in ${name}`);
        }
    }
    return { document, params: { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(index + offset) } };
}

const kindName = (kind: SymbolKind) => Object.entries(SymbolKind).find(([, value]) => value === kind)![0];

function fileOf(uri: string): string {
    return uri.split('/').pop()!;
}

/** The text a range covers in a file of the model, or in the Annex A library. */
function textAt(uri: string, range: Range): string {
    const document = model.services.shared.workspace.LangiumDocuments.all.find(candidate => candidate.uri.toString() === uri)!;
    return document.textDocument.getText(range);
}

describe('go to definition', () => {
    async function definition(name: string, text: string, offset: number) {
        const { document, params } = at(name, text, offset);
        const links = await model.services.lsp.DefinitionProvider!.getDefinition(document, params) ?? [];
        return links.map(link => ({
            file: fileOf(link.targetUri),
            name: textAt(link.targetUri, link.targetSelectionRange),
            line: link.targetSelectionRange.start.line,
            source: document.textDocument.getText(link.originSelectionRange)
        }));
    }

    test('from a reference to a declaration in another file', async () => {
        expect(await definition('risks.risk', 'threat Phishing', 'threat '.length)).toEqual([
            { file: 'declarations.risk', name: 'Phishing', line: 11, source: 'Phishing' }
        ]);
    });

    test('from a scale value written by its name and by its number', async () => {
        const likely = { file: 'method.risk', name: 'Likely', line: 4 };
        expect(await definition('risks.risk', 'likelihood Likely', 'likelihood '.length)).toEqual([{ ...likely, source: 'Likely' }]);
        expect(await definition('risks.risk', 'likelihood 3', 'likelihood '.length)).toEqual([{ ...likely, source: '3' }]);
    });

    test('from an Annex A ID to the built-in control', async () => {
        const [link] = await definition('risks.risk', 'A.8.5', 2);
        expect(link).toMatchObject({ name: 'A.8.5', source: 'A.8.5' });
        const { document, params } = at('risks.risk', 'A.8.5');
        const [location] = (await model.services.lsp.DefinitionProvider!.getDefinition(document, params))!;
        expect(location.targetUri).toBe(ANNEX_A_URI);
        expect(textAt(location.targetUri, location.targetRange)).toBe('annex A.8.5 "Secure authentication" theme technological');
    });
});

describe('find references', () => {
    test('of an asset, across files, with its declaration', async () => {
        const { document, params } = at('declarations.risk', 'asset Server', 'asset '.length);
        const locations = await model.services.lsp.ReferencesProvider!.findReferences(document, { ...params, context: { includeDeclaration: true } });
        expect(locations).toHaveLength(4);
        expect(locations.map(location => `${fileOf(location.uri)}:${location.range.start.line}:${textAt(location.uri, location.range)}`).sort()).toEqual([
            'declarations.risk:10:Server',
            'declarations.risk:12:Server',
            'risks.risk:22:Server',
            'risks.risk:4:Server'
        ]);
    });

    test('without the declaration', async () => {
        const { document, params } = at('risks.risk', 'on Server', 'on '.length);
        const locations = await model.services.lsp.ReferencesProvider!.findReferences(document, { ...params, context: { includeDeclaration: false } });
        expect(locations.map(location => fileOf(location.uri)).sort()).toEqual(['declarations.risk', 'risks.risk', 'risks.risk']);
    });
});

describe('rename', () => {
    /** The texts of the files after the rename's edits, for the files it changes. */
    async function renamed(name: string, text: string, offset: number, newName: string): Promise<Record<string, string>> {
        const { document, params } = at(name, text, offset);
        const edit: WorkspaceEdit | undefined = await model.services.lsp.RenameProvider!.rename(document, { ...params, newName });
        const result: Record<string, string> = {};
        for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
            const source = model.services.shared.workspace.LangiumDocuments.all.find(candidate => candidate.uri.toString() === uri)!.textDocument;
            result[fileOf(uri)] = TextDocument.applyEdits(TextDocument.create(uri, 'risk', 0, source.getText()), edits as TextEdit[]);
        }
        return result;
    }

    async function refusal(name: string, text: string, offset: number, newName: string): Promise<string> {
        const { document, params } = at(name, text, offset);
        try {
            await model.services.lsp.RenameProvider!.rename(document, { ...params, newName });
        } catch (error) {
            expect(error).toBeInstanceOf(ResponseError);
            return (error as ResponseError<void>).message;
        }
        throw new Error(`renaming to ${newName} was not refused`);
    }

    test('a role, from a reference, in every file', async () => {
        const result = await renamed('risks.risk', 'owner CISO', 'owner '.length, 'SecurityChief');
        expect(Object.keys(result).sort()).toEqual(['declarations.risk', 'risks.risk']);
        expect(result['declarations.risk']).toBe(NAV_DECLARATIONS.replaceAll('CISO', 'SecurityChief'));
        expect(result['risks.risk']).toBe(NAV_RISKS.replaceAll('CISO', 'SecurityChief'));
        expect(result['declarations.risk'].split('\n')[0]).toBe('role SecurityChief "Chief Information Security Officer" management');
        expect(result['declarations.risk'].split('\n')[13]).toBe('control Filter "Mail filter" { implements A.8.23 status planned owner SecurityChief }');
    });

    test('an asset, from its declaration', async () => {
        const result = await renamed('declarations.risk', 'asset Server', 'asset '.length, 'DB-Server');
        expect(result['declarations.risk']).toContain('asset DB-Server "Database server" { supporting hardware owner Ops supports Data }');
        expect(result['declarations.risk']).toContain('vulnerability WeakMFA "No MFA on admin accounts" { on DB-Server }');
        expect(result['risks.risk']).toBe(NAV_RISKS.replaceAll('on Server', 'on DB-Server'));
    });

    test('a scale value: references by name follow, references by number keep their number', async () => {
        const result = await renamed('risks.risk', 'likelihood Likely', 'likelihood '.length, 'Frequent');
        expect(result['method.risk']).toBe(NAV_METHOD.replace('3 Likely "Could occur annually"', '3 Frequent "Could occur annually"'));
        expect(result['risks.risk']).toBe(NAV_RISKS.replace('likelihood Likely', 'likelihood Frequent'));
        expect(result['risks.risk']).toContain('residual likelihood 3 impact Minor');
    });

    test('a level, at its declaration', async () => {
        const result = await renamed('method.risk', 'Low 1..2', 0, 'Acceptable');
        expect(result['method.risk']).toBe(NAV_METHOD.replace('Low 1..2', 'Acceptable 1..2').replace('appetite Low', 'appetite Acceptable'));
    });

    test('refuses a name that is no ID', async () => {
        expect(await refusal('declarations.risk', 'role Ops', 'role '.length, '2nd-Ops')).toBe(
            '"2nd-Ops" is not a valid name: a name starts with a letter, followed by letters, digits, "_" or "-".');
        expect(await refusal('declarations.risk', 'role Ops', 'role '.length, 'Ops Team')).toMatch(/^"Ops Team" is not a valid name/);
    });

    test('refuses a keyword', async () => {
        expect(await refusal('declarations.risk', 'role Ops', 'role '.length, 'owner')).toBe('"owner" is a keyword of the risk language and cannot be a name.');
        expect(await refusal('risks.risk', 'risk R-2', 'risk '.length, 'supplier')).toBe('"supplier" is a keyword of the risk language and cannot be a name.');
    });

    test('refuses a name another declaration of the namespace has, in any file', async () => {
        expect(await refusal('risks.risk', 'owner CISO', 'owner '.length, 'Ops')).toBe(
            'Ops is already declared (role in declarations.risk, line 2): roles, scopes, assets, threats, vulnerabilities, controls, risks and actions share one namespace.');
        expect(await refusal('declarations.risk', 'asset Data', 'asset '.length, 'R-2')).toMatch(/^R-2 is already declared \(risk in risks\.risk, line 23\)/);
        expect(await refusal('risks.risk', 'risk R-2', 'risk '.length, 'MFA')).toMatch(/^MFA is already declared \(action in risks\.risk, line 11\)/);
    });

    test('refuses a name another value of the scale or another level has', async () => {
        expect(await refusal('method.risk', 'Likely', 0, 'Rare')).toBe('The likelihood scale already has a value 1 Rare.');
        expect(await refusal('method.risk', 'High 3..6', 0, 'Low')).toBe('The method already has a level Low.');
    });

    test('lets a scale value share a name with a value of the other scale or a level', async () => {
        const result = await renamed('method.risk', 'Severe', 0, 'High');
        expect(result['method.risk']).toContain('scale impact { 1 Minor "" 2 High "" }');
        expect(result['risks.risk']).toContain('impact High status assessed');
    });

    test('refuses Annex A controls, before and at the rename', async () => {
        const { document, params } = at('risks.risk', 'A.8.5');
        const message = 'A.8.5 is an ISO/IEC 27001:2022 Annex A control: it is built in and cannot be renamed.';
        expect(() => model.services.lsp.RenameProvider!.prepareRename(document, params)).toThrow(message);
        expect(await refusal('risks.risk', 'A.8.5', 0, 'MyAuth')).toBe(message);
    });

    test('refuses to start at a scale value written by its number', async () => {
        const { document, params } = at('risks.risk', 'likelihood 3', 'likelihood '.length);
        expect(() => model.services.lsp.RenameProvider!.prepareRename(document, params)).toThrow(
            '3 refers to the scale value 3 Likely by its number: rename the value at its name (Likely); references by number keep their number.');
    });

    test('prepares a rename on a name or a reference', async () => {
        const { document, params } = at('risks.risk', 'exploits WeakMFA', 'exploits '.length + 2);
        const range = await model.services.lsp.RenameProvider!.prepareRename(document, params);
        expect(document.textDocument.getText(range!)).toBe('WeakMFA');
    });
});

describe('document symbols', () => {
    interface Shown { name: string; kind: string; detail?: string; children?: Shown[] }
    const shown = (symbol: DocumentSymbol): Shown => ({
        name: symbol.name,
        kind: kindName(symbol.kind),
        ...(symbol.detail ? { detail: symbol.detail } : {}),
        ...(symbol.children ? { children: symbol.children.map(shown) } : {})
    });

    async function outline(name: string): Promise<Shown[]> {
        const document = model.document(name);
        const symbols = await model.services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
        return symbols.map(shown);
    }

    test('the method: scales with their values, levels', async () => {
        expect(await outline('method.risk')).toEqual([{
            name: 'Small method', kind: 'Module', detail: 'method', children: [
                { name: 'likelihood scale', kind: 'Enum', children: [
                    { name: 'Rare', kind: 'EnumMember', detail: '1 · Less than once in 3 years' },
                    { name: 'Possible', kind: 'EnumMember', detail: '2' },
                    { name: 'Likely', kind: 'EnumMember', detail: '3 · Could occur annually' }
                ] },
                { name: 'impact scale', kind: 'Enum', children: [
                    { name: 'Minor', kind: 'EnumMember', detail: '1' },
                    { name: 'Severe', kind: 'EnumMember', detail: '2' }
                ] },
                { name: 'levels', kind: 'Enum', children: [
                    { name: 'Low', kind: 'EnumMember', detail: '1..2 · Monitor' },
                    { name: 'High', kind: 'EnumMember', detail: '3..6 · Act' }
                ] }
            ]
        }]);
    });

    test('a matrix method shows its matrix', async () => {
        const matrix = await lspModel({ 'm.risk': `method "Matrix" {
  scale likelihood { 1 Low "" 2 High "" }
  scale impact { 1 Low "" 2 High "" }
  levels { Minor "" Major "" }
  matrix {
    2: Minor Major
    1: Minor Minor
  }
}
` });
        const document = matrix.document('m.risk');
        const [method] = await matrix.services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
        expect(method.children!.map(child => `${child.name} ${kindName(child.kind)}`)).toEqual(['likelihood scale Enum', 'impact scale Enum', 'levels Enum', 'matrix Array']);
        expect(document.textDocument.getText(method.children![3].selectionRange)).toBe('matrix');
    });

    test('declarations with their kinds; assets with their category', async () => {
        expect(await outline('declarations.risk')).toEqual([
            { name: 'CISO', kind: 'TypeParameter', detail: 'Chief Information Security Officer' },
            { name: 'Ops', kind: 'TypeParameter', detail: 'Operations' },
            { name: 'Data', kind: 'Class', detail: 'primary information' },
            { name: 'Server', kind: 'Class', detail: 'supporting hardware' },
            { name: 'Phishing', kind: 'Event', detail: 'Phishing' },
            { name: 'WeakMFA', kind: 'Property', detail: 'No MFA on admin accounts' },
            { name: 'Filter', kind: 'Interface', detail: 'Mail filter' }
        ]);
    });

    test('risks with their residual level, score and appetite, and their actions', async () => {
        expect(await outline('risks.risk')).toEqual([
            { name: 'R-1', kind: 'Variable', detail: 'High (3) · above appetite', children: [
                { name: 'MFA', kind: 'Function', detail: 'Roll out MFA' },
                { name: 'R-1/2', kind: 'Function', detail: 'Phishing drills' }
            ] },
            { name: 'R-2', kind: 'Variable', detail: 'Low (2) · within appetite' }
        ]);
    });

    test('ranges: the whole declaration, its name selected', async () => {
        const document = model.document('risks.risk');
        const [risk] = await model.services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
        expect(document.textDocument.getText(risk.selectionRange)).toBe('R-1');
        expect(risk.range.start).toEqual({ line: 0, character: 0 });
        expect(risk.range.end.line).toBe(20);
        expect(document.textDocument.getText(risk.children![1].selectionRange)).toBe('action');
    });

    test('a risk that is not assessed, with a matrix method and no appetite', async () => {
        const other = await lspModel({ 'm.risk': `method "Matrix" {
  scale likelihood { 1 Low "" 2 High "" }
  scale impact { 1 Low "" 2 High "" }
  levels { Minor "" Major "" }
  matrix {
    2: Minor Major
    1: Minor Minor
  }
}
risk A "Assessed" { likelihood High impact High }
risk B "Not assessed" { likelihood High }
` });
        const document = other.document('m.risk');
        const symbols = await other.services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
        expect(symbols.slice(1).map(symbol => `${symbol.name}: ${symbol.detail}`)).toEqual(['A: Major', 'B: not assessed']);
    });
});

describe('workspace symbols', () => {
    async function search(query: string): Promise<string[]> {
        const symbols = await model.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query });
        return symbols.map(symbol => `${symbol.name} ${kindName(symbol.kind)} ${fileOf(symbol.location.uri)}`).sort();
    }

    test('finds risks, assets and roles by name, in their files', async () => {
        expect(await search('R-')).toEqual(['R-1 Variable risks.risk', 'R-2 Variable risks.risk']);
        expect(await search('Serv')).toEqual(['Server Class declarations.risk']);
        expect(await search('CISO')).toEqual(['CISO TypeParameter declarations.risk']);
    });

    test('every declaration of the model once, without Annex A and without the numbers of scale values', async () => {
        const symbols = await model.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: '' });
        expect(symbols.map(symbol => symbol.name).sort()).toEqual([
            'CISO', 'Data', 'Filter', 'High', 'Likely', 'Low', 'MFA', 'Minor', 'Ops', 'Phishing', 'Possible', 'R-1', 'R-2', 'Rare', 'Server', 'Severe', 'WeakMFA'
        ]);
        expect(await search('A.8.5')).toEqual([]);
        expect(await search('3')).toEqual([]);
    });

    test('its location selects the name', async () => {
        const [symbol] = await model.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'WeakMFA' });
        expect(symbol.kind).toBe(SymbolKind.Property);
        expect('range' in symbol.location && textAt(symbol.location.uri, symbol.location.range)).toBe('WeakMFA');
    });
});

describe('semantic tokens', () => {
    const provider = () => model.services.lsp.SemanticTokenProvider!;

    /** The tokens of one line: `text type[+modifier…]`, decoded from the delta-encoded data. */
    async function tokensOfLine(name: string, line: number): Promise<string[]> {
        const document = model.document(name);
        const tokens = await provider().semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
        const modifierNames = Object.entries(provider().tokenModifiers);
        return SemanticTokensDecoder.decode(tokens, provider().tokenTypes, document)
            .filter(token => document.textDocument.positionAt(token.offset).line === line)
            .map(token => {
                const modifiers = modifierNames.filter(([, bit]) => (token.tokenModifiers & bit) !== 0).map(([modifier]) => `+${modifier}`);
                return `${token.text} ${token.tokenType}${modifiers.join('')}`;
            });
    }

    test('the raw data is delta-encoded in fives', async () => {
        const document = model.document('declarations.risk');
        const { data } = await provider().semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
        // `role CISO "Chief Information Security Officer" management`: CISO at 0:5, the title at 0:10.
        expect(data.slice(0, 10)).toEqual([
            0, 5, 4, provider().tokenTypes.type, provider().tokenModifiers.declaration,
            0, 5, 36, provider().tokenTypes.string, 0
        ]);
    });

    test('declarations: their kind, with the declaration modifier', async () => {
        expect(await tokensOfLine('declarations.risk', 10)).toEqual([
            'Server class+declaration', '"Database server" string', 'Ops type', 'Data class'
        ]);
        expect(await tokensOfLine('method.risk', 4)).toEqual(['3 number', 'Likely enumMember+declaration', '"Could occur annually" string']);
        expect(await tokensOfLine('method.risk', 9)).toEqual(['Low enumMember+declaration', '1 number', '2 number', '"Monitor" string']);
    });

    test('references by the kind of what they name; Annex A controls as library macros', async () => {
        expect(await tokensOfLine('risks.risk', 0)).toEqual(['R-1 variable+declaration', '"Data breach" string']);
        expect(await tokensOfLine('risks.risk', 2)).toEqual(['Phishing event']);
        expect(await tokensOfLine('risks.risk', 3)).toEqual(['WeakMFA property']);
        expect(await tokensOfLine('risks.risk', 6)).toEqual(['A.8.5 macro+defaultLibrary', 'Filter interface']);
        expect(await tokensOfLine('risks.risk', 10)).toEqual(['MFA function+declaration', '"Roll out MFA" string']);
        expect(await tokensOfLine('declarations.risk', 13)).toEqual([
            'Filter interface+declaration', '"Mail filter" string', 'A.8.23 macro+defaultLibrary', 'CISO type'
        ]);
    });

    test('scale values by name and by number; dates as numbers', async () => {
        expect(await tokensOfLine('risks.risk', 7)).toEqual(['Likely enumMember']);
        expect(await tokensOfLine('risks.risk', 8)).toEqual(['2 enumMember']);
        expect(await tokensOfLine('risks.risk', 17)).toEqual(['3 enumMember', 'Minor enumMember']);
        expect(await tokensOfLine('risks.risk', 12)).toEqual(['2026-12-31 number']);
        expect(await tokensOfLine('method.risk', 12)).toEqual(['Low enumMember']);
    });

    test('a range request gives the tokens of the range only', async () => {
        const document = model.document('risks.risk');
        const range = { start: { line: 2, character: 0 }, end: { line: 4, character: 0 } };
        const tokens = await provider().semanticHighlightRange(document, { textDocument: { uri: document.uri.toString() }, range });
        expect(SemanticTokensDecoder.decode(tokens, provider().tokenTypes, document).map(token => token.text)).toEqual(['Phishing', 'WeakMFA']);
    });
});

describe('folding ranges', () => {
    async function foldings(name: string): Promise<string[]> {
        const document = model.document(name);
        const ranges = await model.services.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
        const lines = document.textDocument.getText().split('\n');
        return ranges.map(range => `${range.startLine}-${range.endLine}${range.kind ? ` ${range.kind}` : ''}: ${lines[range.startLine].trim()}`);
    }

    test('the method block and its multi-line blocks', async () => {
        expect(await foldings('method.risk')).toEqual([
            '0-12: method "Small method" {',
            '1-4: scale likelihood {',
            '8-10: levels {'
        ]);
    });

    test('a risk, its treatment and its actions; one-line and two-line blocks do not fold', async () => {
        expect(await foldings('risks.risk')).toEqual([
            '0-19: risk R-1 "Data breach" {',
            '9-15: treatment reduce {',
            '10-13: action MFA "Roll out MFA" {'
        ]);
    });

    test('multi-line comments and declaration blocks', async () => {
        expect(await foldings('declarations.risk')).toEqual([
            '6-8: asset Data "Customer data" {',
            '3-4 comment: /*'
        ]);
    });
});
