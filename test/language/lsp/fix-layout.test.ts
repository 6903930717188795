/**
 * Quick fixes insert text in the layout the formatter gives it: applied to realistic
 * models (the examples, every annotated validation model, the same with CRLF line breaks,
 * blocks written on one line), then formatted, the lines a fix wrote do not change.
 *
 * Each fix is applied twice: as plain text edits (every client), and as LSP 3.18 snippet
 * edits applied the way VS Code applies them, which indents every line of a snippet after
 * the first by the leading whitespace of the line the edit starts on
 * (SnippetSession.adjustWhitespace in VS Code's editor): a fix that ignored that would
 * land one level too deep in the editor while looking right here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EmptyFileSystem, TextDocument, URI } from 'langium';
import type { CodeAction, CreateFile, SnippetTextEdit, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { plainTextOf } from '../../../language/lsp/code-actions/snippet-edits.js';
import { QUICK_FIXES } from '../../../language/lsp/risk-code-action-provider.js';
import { formattedText } from '../../../language/lsp/risk-formatter.js';
import { createRiskServices } from '../../../language/risk-module.js';
import { annotatedModels } from '../../helpers/annotated-models.js';
import { lspModel, TEST_AS_OF, type LspModel } from './lsp-model.js';
import { codeActions, type Files } from './quick-fix-helpers.js';

const ROOT = join(import.meta.dirname, '../../..');
const { shared } = createRiskServices(EmptyFileSystem);

interface Sample {
    readonly name: string;
    readonly files: Files;
    readonly asOf: string;
}

function filesBelow(folder: string): Files {
    const files: Record<string, string> = {};
    for (const entry of readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(path => path.endsWith('.risk')).sort()) {
        files[relative(folder, join(folder, entry)).split('\\').join('/')] = readFileSync(join(folder, entry), 'utf8');
    }
    return files;
}

const withCrlf = (files: Files): Files => Object.fromEntries(Object.entries(files).map(([name, text]) => [name, text.replace(/\r?\n/g, '\r\n')]));

const EXAMPLES: Sample[] = ['examples/acme-saas', 'examples/qualitative-matrix'].map(folder => ({ name: folder, files: filesBelow(join(ROOT, folder)), asOf: TEST_AS_OF }));

/** The annotated models whose text is plain UTF-8 and parses (a fix for a syntax error is about the error, not layout). */
const VALIDATION: Sample[] = annotatedModels(join(ROOT, 'test/resources/validation'))
    .filter(model => !model.fromDisk && !model.name.startsWith('syntax-error'))
    .map(model => ({ name: model.name, files: model.files, asOf: model.asOf }));

const METHOD = `method "Test method" {
  scale likelihood { 1 Rare ""  2 Possible ""  3 Likely "" }
  scale impact { 1 Minor ""  2 Noticeable ""  3 Severe "" }
  levels { Low 1..2 ""  Moderate 3..4 ""  High 6..9 "" }
  accept { appetite Low  major High }
  review every 12 months
}
role ITManager "IT Manager"
role CEO       "Chief Executive Officer" management
`;

/** Declarations written on one line, and nested blocks: where the indentation of a fix is easiest to get wrong. */
const ONE_LINE: Sample = {
    name: 'blocks on one line',
    asOf: TEST_AS_OF,
    files: {
        'method.risk': METHOD,
        'risks.risk': [
            'risk R-001 "Admin takeover" { owner ITManager  likelihood 3  impact 3  status treating  reviewed 2026-11-01 }',
            '',
            'risk R-002 "Laptop lost" { likelihood 2  impact 2  reviewed 2026-11-01 }',
            '',
            'risk R-003 "Backups encrypted" {',
            '  owner ITManager',
            '  likelihood 3  impact 3',
            '  treatment reduce { action "Immutable copies" { owner ITManager  due 2026-10-01  status planned } }',
            '  status treating  reviewed 2025-01-01',
            '}',
            '',
            'risk R-004 "Supplier breach" {',
            '  owner ITManager',
            '  likelihood 3  impact 3',
            '  treatment reduce {',
            '    action Contract "Security annex in the contract" { due 2026-10-01  status planned }',
            '  }',
            '  status treating',
            '  reviewed 2026-11-01',
            '}',
            ''
        ].join('\n')
    }
};

/** Every sample; the examples and the one-line blocks again with CRLF line breaks. */
const SAMPLES: Sample[] = [
    ...[...EXAMPLES, ONE_LINE].flatMap(sample => [sample, { ...sample, name: `${sample.name} (CRLF)`, files: withCrlf(sample.files) }]),
    ...VALIDATION
];

/** The editor as VS Code describes itself as far as edits go: snippet edits, file creation. */
async function asVsCode(model: LspModel): Promise<void> {
    await model.services.shared.lsp.LanguageServer.initialize({
        processId: null,
        rootUri: null,
        workspaceFolders: [{ uri: 'file:///model', name: 'model' }],
        capabilities: { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'], snippetEditSupport: true } } }
    });
}

const nameOf = (uri: string): string => URI.parse(uri).path.replace(/^\/model\//, '');

/** The snippet's text as VS Code inserts it: fields as their defaults, lines after the first indented like the line it starts on. */
function asVsCodeInserts(text: string, edit: SnippetTextEdit): TextEdit {
    const line = text.split('\n')[edit.range.start.line] ?? '';
    const leading = /^[ \t]*/.exec(line.slice(0, edit.range.start.character))![0];
    const lines = plainTextOf(edit.snippet.value).replace(/\\([$}\\])/g, '$1').split(/\r\n|\r|\n/);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    return { range: edit.range, newText: [lines[0], ...lines.slice(1).map(rest => leading + rest)].join(eol) };
}

/** The files an action writes: name → [text before, text after]. */
function applied(files: Files, action: CodeAction): Map<string, [string, string]> {
    const result = new Map<string, [string, string]>();
    const apply = (name: string, edits: TextEdit[]) => {
        const before = result.get(name)?.[1] ?? files[name] ?? '';
        result.set(name, [result.get(name)?.[0] ?? files[name] ?? '', TextDocument.applyEdits(TextDocument.create(`file:///model/${name}`, 'risk', 0, before), edits)]);
    };
    for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
        apply(nameOf(uri), edits);
    }
    for (const change of action.edit?.documentChanges ?? []) {
        if ((change as CreateFile).kind === 'create') {
            result.set(nameOf((change as CreateFile).uri), ['', '']);
            continue;
        }
        const { textDocument, edits } = change as TextDocumentEdit;
        const name = nameOf(textDocument.uri);
        const text = result.get(name)?.[1] ?? files[name] ?? '';
        apply(name, edits.map(edit => 'snippet' in edit ? asVsCodeInserts(text, edit) : edit as TextEdit));
    }
    return result;
}

/** What the formatter does to the lines the fix wrote, as `file:line: written → formatted`; empty when it leaves them alone. */
function reformattedLines(name: string, before: string, after: string): string[] {
    const format = (text: string) => formattedText(shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/layout/${name}`)));
    if (before !== '' && format(before) === undefined) {
        return []; // A file with a syntax error elsewhere: the formatter does not touch it.
    }
    const formatted = format(after);
    if (formatted === undefined) {
        return [`${name}: the fixed file does not parse`];
    }
    const written = after.split('\n');
    const original = before.split('\n');
    const lines = formatted.split('\n');
    if (lines.length !== written.length) {
        return [`${name}: the formatter changes the number of lines from ${written.length} to ${lines.length}`];
    }
    let first = 0;
    while (first < written.length && first < original.length && written[first] === original[first]) {
        first++;
    }
    let fromEnd = 0;
    while (fromEnd < written.length - first && fromEnd < original.length - first && written.at(-1 - fromEnd) === original.at(-1 - fromEnd)) {
        fromEnd++;
    }
    const changed: string[] = [];
    for (let index = first; index < written.length - fromEnd; index++) {
        if (lines[index] !== written[index] && !realigned(written[index], lines[index])) {
            changed.push(`${name}:${index + 1}: ${JSON.stringify(written[index])} → ${JSON.stringify(lines[index])}`);
        }
    }
    return changed;
}

/**
 * The formatter aligns columns of consecutive one-line declarations and their trailing
 * comments; a fix that changes one line of such a group leaves the group's padding
 * (three blanks or more, or before a trailing comment) for the formatter to redo. Every other blank counts: one space
 * where the formatter writes two between properties is a fault of the fix.
 */
function realigned(written: string, formatted: string): boolean {
    const unpadded = (line: string) => line.replace(/(?<=\S) {3,}/g, ' ').replace(/(?<=\S) +\/\//g, ' //');
    return written !== unpadded(written) && unpadded(written) === unpadded(formatted);
}

/** The fixes applied, by client and title without its names, for the last test. */
const exercised = new Set<string>();

/**
 * Every quick fix of every diagnostic of the sample, as plain text edits and then as
 * VS Code applies snippet edits, and what formatting then changes in the lines it wrote.
 */
async function layoutProblems(sample: Sample): Promise<string[]> {
    const model = await lspModel(sample.files, sample.asOf, { syntaxErrors: true });
    const problems = await fixProblems(model, sample, 'text');
    await asVsCode(model);
    return [...problems, ...await fixProblems(model, sample, 'snippet')];
}

async function fixProblems(model: LspModel, sample: Sample, client: 'text' | 'snippet'): Promise<string[]> {
    const problems: string[] = [];
    for (const name of Object.keys(sample.files)) {
        const document = model.document(name);
        for (const diagnostic of (document.diagnostics ?? []).filter(candidate => QUICK_FIXES[candidate.code as keyof typeof QUICK_FIXES])) {
            for (const action of await codeActions(model, document, [diagnostic])) {
                exercised.add(`${client}: ${action.title.replace(/( by | [A-Z]-?\d|'?[A-Z][\w-]*'$| A\.\d).*$/, '').trim()}`);
                for (const [file, [before, after]] of applied(sample.files, action)) {
                    problems.push(...reformattedLines(file, before, after).map(problem => `${client}: ${diagnostic.code} "${action.title}" ${problem}`));
                }
            }
        }
    }
    return problems;
}

describe('a quick fix writes what the formatter would write', () => {
    test.each(SAMPLES.map(sample => [sample.name, sample] as const))('%s', async (_, sample) => {
        const problems = await layoutProblems(sample);
        expect(problems).toEqual([]);
    });

    test('the samples exercise every fix that inserts a property or a block, as text and as snippets', () => {
        expect([...exercised].sort()).toEqual(expect.arrayContaining([
            'snippet: Add a justification',
            'snippet: Add an acceptance',
            'snippet: Add an action to the treatment',
            'snippet: Create method.risk with a risk method',
            'snippet: Reduce the risk: add a treatment action',
            'text: Add a justification placeholder (then write why)',
            'text: Add a reason placeholder (then write why the decision waits)',
            "text: Add 'owner",
            'text: Add an acceptance',
            'text: Add an action to the treatment',
            'text: I reviewed',
            'text: Include',
            'text: Mark the action done',
            'text: Reduce the risk: add a treatment action'
        ]));
    });
});
