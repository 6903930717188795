/**
 * The server publishes a document's diagnostics only when they changed: an edit
 * re-publishes exactly the documents whose diagnostics it changed, in the edited file
 * or in any other, and nothing else. Langium's own diagnostics handler runs here on a
 * connection that records what it sends, as in the server.
 */
import { URI } from 'langium';
import { addDiagnosticsHandler } from 'langium/lsp';
import type { Connection, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { beforeEach, describe, expect, test } from 'vitest';
import { createRiskServices } from '../../language/risk-module.js';
import { PublishedDiagnostics, publishOnlyChangedDiagnostics } from '../../server/changed-diagnostics.js';
import { MemoryFileSystem } from '../helpers/memory-file-system.js';

const METHOD = `method "M" {
  scale likelihood { 1 Rare "" 2 Possible "" 3 Likely "" }
  scale impact { 1 Minor "" 2 Noticeable "" 3 Severe "" }
  levels { Low 1..2 "" Moderate 3..4 "" High 6..9 "" }
  accept { appetite Moderate }
}
`;
const ROLES = 'role CISO "Chief Information Security Officer" management\n';
const ASSETS = 'asset Laptops "Staff laptops" {\n  primary information\n  owner CISO\n}\n';
const THREATS = 'threat Theft "Theft"\n';
const RISK = (reviewed: string) => `risk R-1 "Laptop stolen" {
  owner CISO
  threat Theft
  harms Laptops
  likelihood Possible
  impact Noticeable
  treatment accept
  residual likelihood Possible impact Noticeable
  status accepted
  reviewed ${reviewed}
}
`;

const uri = (name: string) => URI.file(`/model/${name}.risk`);
let fileSystem: MemoryFileSystem;
let sent: PublishDiagnosticsParams[];
let edit: (name: string, text: string) => Promise<string[]>;

beforeEach(async () => {
    fileSystem = new MemoryFileSystem();
    const { shared } = createRiskServices({ fileSystemProvider: () => fileSystem });
    const { DocumentBuilder, WorkspaceLock, WorkspaceManager, LangiumDocuments } = shared.workspace;
    sent = [];
    const connection = { sendDiagnostics: async (params: PublishDiagnosticsParams) => void sent.push(params) };
    publishOnlyChangedDiagnostics(connection);
    addDiagnosticsHandler(connection as unknown as Connection, shared);
    for (const [name, text] of Object.entries({ method: METHOD, roles: ROLES, assets: ASSETS, threats: THREATS, risks: RISK('2026-11-01') })) {
        fileSystem.files.set(uri(name).toString(), text);
    }
    for (const key of fileSystem.files.keys()) {
        await LangiumDocuments.getOrCreateDocument(URI.parse(key));
    }
    await WorkspaceManager.initialized({});
    await WorkspaceLock.write(token => DocumentBuilder.update([...fileSystem.files.keys()].map(key => URI.parse(key)), [], token));
    /** Changes one file as the editor would; the files whose diagnostics were published because of it. */
    edit = async (name, text) => {
        sent = [];
        fileSystem.files.set(uri(name).toString(), text);
        await WorkspaceLock.write(token => DocumentBuilder.update([uri(name)], [], token));
        await WorkspaceLock.read(() => undefined);
        return sent.map(params => params.uri.replace(/^.*\/(\w+)\.risk$/, '$1')).sort();
    };
});

const codesOf = (name: string) => sent.find(params => params.uri === uri(name).toString())?.diagnostics.map(diagnostic => diagnostic.code);

test('the first build publishes every file, even one without findings', () => {
    expect(sent.map(params => params.uri.replace(/^.*\/(\w+)\.risk$/, '$1')).sort()).toEqual(['assets', 'method', 'risks', 'roles', 'threats']);
    expect(sent.every(params => params.diagnostics.length === 0)).toBe(true);
});

test('an edit that changes no diagnostics publishes nothing, not even the edited file', async () => {
    expect(await edit('threats', 'threat Theft "Theft of equipment"\n')).toEqual([]);
});

test('an edit that changes only its own file\'s diagnostics publishes that file alone, and again when they go', async () => {
    expect(await edit('risks', RISK('2026-02-30'))).toEqual(['risks']);
    expect(codesOf('risks')).toEqual(['invalid-date']);
    expect(await edit('risks', RISK('2026-11-02'))).toEqual(['risks']);
    expect(codesOf('risks')).toEqual([]);
});

test('a duplicate ID created in one file publishes that file and the file of its twin, which does not refer to it', async () => {
    expect(await edit('threats', `${THREATS}threat Laptops "Laptops lost" { source external }\n`)).toEqual(['assets', 'threats']);
    expect(codesOf('assets')).toEqual(['duplicate-id']);
    expect(codesOf('threats')).toEqual(expect.arrayContaining(['duplicate-id', 'unused']));
    expect(await edit('threats', THREATS)).toEqual(['assets', 'threats']);
    expect(codesOf('assets')).toEqual([]);
});

test('a change of the method publishes the files whose findings it changes, and not the method file when its own stay the same', async () => {
    expect(await edit('method', METHOD.replace('appetite Moderate', 'appetite Low'))).toEqual(['risks']);
    expect(codesOf('risks')).toContain('unaccepted-residual');
    expect(await edit('method', METHOD)).toEqual(['risks']);
    expect(codesOf('risks')).toEqual([]);
});

describe('what counts as a change of a file\'s diagnostics', () => {
    const finding = (): Diagnostic => ({
        range: { start: { line: 3, character: 2 }, end: { line: 3, character: 9 } },
        severity: 1,
        code: 'duplicate-id',
        codeDescription: { href: 'https://example.org/duplicate-id' },
        source: 'risk',
        message: '`R-1` is declared 2 times',
        tags: [1],
        relatedInformation: [{ location: { uri: 'file:///m/a.risk', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }, message: 'twin' }],
        data: { code: 'duplicate-id', fix: { id: 'R-2' } }
    });
    const publish = (published: PublishedDiagnostics, diagnostics: Diagnostic[]) => published.changes({ uri: 'file:///m/a.risk', diagnostics });

    test('the same findings, as new objects, are no change', () => {
        const published = new PublishedDiagnostics();
        expect(publish(published, [finding(), finding()])).toBe(true);
        expect(publish(published, [finding(), finding()])).toBe(false);
    });

    test.each<[string, (diagnostic: Diagnostic) => void]>([
        ['message', diagnostic => { diagnostic.message += '!'; }],
        ['code', diagnostic => { diagnostic.code = 'unused'; }],
        ['severity', diagnostic => { diagnostic.severity = 2; }],
        ['start', diagnostic => { diagnostic.range.start.character = 3; }],
        ['end line', diagnostic => { diagnostic.range.end.line = 4; }],
        ['source', diagnostic => { diagnostic.source = 'other'; }],
        ['help link', diagnostic => { diagnostic.codeDescription = { href: 'https://example.org/other' }; }],
        ['tags', diagnostic => { diagnostic.tags = [2]; }],
        ['related information', diagnostic => { diagnostic.relatedInformation![0].message = 'other twin'; }],
        ['data', diagnostic => { (diagnostic.data as { fix: { id: string } }).fix.id = 'R-3'; }]
    ])('a different %s is a change', (_field, change) => {
        const published = new PublishedDiagnostics();
        publish(published, [finding(), finding()]);
        const changed = finding();
        change(changed);
        expect(publish(published, [finding(), changed])).toBe(true);
        expect(publish(published, [finding()])).toBe(true);
    });
});
