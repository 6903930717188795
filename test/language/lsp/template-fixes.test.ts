/**
 * Quick fixes that insert something to fill in: the acceptance (justification and date),
 * treatment actions, the method file; and the deliberate review fix. In an editor that
 * applies LSP 3.18 snippet edits, the fields are tab stops; elsewhere their defaults are
 * written out, and a default never passes for a decision.
 */
import { EmptyFileSystem, TextDocument, URI } from 'langium';
import type { CodeAction, CreateFile, SnippetTextEdit, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { JUSTIFICATION_PROMPT } from '../../../language/evaluation/justification.js';
import { ACTION_TITLE_PROMPT } from '../../../language/lsp/code-actions/action-template.js';
import { plainTextOf, snippetEditOf, snippetOf } from '../../../language/lsp/code-actions/snippet-edits.js';
import { createRiskServices } from '../../../language/risk-module.js';
import type { LspModel } from './lsp-model.js';
import { action, applyEdit, codeActions, diagnosticsOf, errorsOf, expectQuickFix, fixesFor, uriOf, type Files } from './quick-fix-helpers.js';

const METHOD = `method "Test method" {
  scale likelihood { 1 Rare "" 2 Possible "" 3 Likely "" }
  scale impact { 1 Minor "" 2 Noticeable "" 3 Severe "" }
  levels { Low 1..2 "" Moderate 3..4 "" High 6..9 "" }
  accept { appetite Low major High }
  review every 12 months
}
`;

const ROLES = `role ITManager "IT Manager"
role CEO "Chief Executive Officer" management
`;

/** The editor as VS Code 1.101 with vscode-languageclient 11 describes itself, as far as edits go. */
async function asVsCode(model: LspModel): Promise<void> {
    await model.services.shared.lsp.LanguageServer.initialize({
        processId: null,
        rootUri: null,
        workspaceFolders: [{ uri: 'file:///model', name: 'model' }],
        capabilities: { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], snippetEditSupport: true } } }
    });
}

/** The snippet edits of an action, for the diagnostic's document. */
function snippetsOf(found: CodeAction): SnippetTextEdit[] {
    expect(found.edit?.changes).toBeUndefined();
    const [change] = found.edit?.documentChanges ?? [];
    return (change as TextDocumentEdit).edits as SnippetTextEdit[];
}

describe('snippet text', () => {
    test('literal text is escaped, fields are kept; as plain text every field is its default', () => {
        const template = 'acceptance { by CEO on ${2:2026-11-23} "${1:Say why}" } costs $5 \\ more';
        expect(snippetOf(template)).toBe('acceptance { by CEO on ${2:2026-11-23} "${1:Say why}" \\} costs \\$5 \\\\ more');
        expect(plainTextOf(template)).toBe('acceptance { by CEO on 2026-11-23 "Say why" } costs $5 \\ more');
    });
});

describe('snippet edits allow for the indentation the editor adds', () => {
    const { shared } = createRiskServices(EmptyFileSystem);
    const text = 'risk R-1 "x" {\n    reviewed 2026-11-01\n}\n';
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file('/snippets/risks.risk'));
    const endOfReviewed = { line: 1, character: 23 };

    test('lines after the first are written relative to the line the edit starts on', () => {
        const edit = snippetEditOf(document, { range: { start: endOfReviewed, end: endOfReviewed }, newText: '\n    acceptance {\n      by CEO on ${1:2026-11-23}\n    }' });
        expect(edit).toEqual({ range: { start: endOfReviewed, end: endOfReviewed }, snippet: { kind: 'snippet', value: '\nacceptance {\n  by CEO on ${1:2026-11-23}\n\\}' } });
    });

    test('a line that cannot be written relative to it (an empty line) moves the edit to the start of its line, the text before it rewritten as it was', () => {
        const tagged = shared.workspace.LangiumDocumentFactory.fromString('risk R-1 "x" {\n    tags "cost $5"\n}\n', URI.file('/snippets/tagged.risk'));
        const endOfTags = { line: 1, character: 18 };
        const edit = snippetEditOf(tagged, { range: { start: endOfTags, end: endOfTags }, newText: '\n\n    owner ${1:CEO}' });
        expect(edit).toEqual({ range: { start: { line: 1, character: 0 }, end: endOfTags }, snippet: { kind: 'snippet', value: '    tags "cost \\$5"\n\n    owner ${1:CEO}' } });
    });
});

describe('the acceptance fix in an editor with snippet edits', () => {
    const files = {
        'method.risk': METHOD,
        'roles.risk': ROLES,
        'risks.risk': 'risk R-001 "Admin takeover" {\n  owner ITManager\n  likelihood 3 impact 3\n  reviewed 2026-11-01\n}\n'
    };

    test('the justification is the first field, the date the second', async () => {
        const fixes = await fixesFor(files, 'risks.risk', 'unaccepted-residual');
        await asVsCode(fixes.model);
        const [accept] = await codeActions(fixes.model, fixes.model.document('risks.risk'), [fixes.diagnostic]);
        expect(accept.title).toBe('Add an acceptance by CEO');
        const [edit] = snippetsOf(accept);
        expect(edit.snippet).toEqual({
            kind: 'snippet',
            // Relative to the line it starts on ("  reviewed …"), whose indentation VS Code adds to every further line.
            value: `\nacceptance {\n  by CEO on \${2:2026-11-23}  level High\n  "\${1:${JUSTIFICATION_PROMPT}}"\n\\}`
        });
        expect(edit.range).toEqual({ start: { line: 3, character: 21 }, end: { line: 3, character: 21 } });
    });

    test('"Add a justification" replaces a placeholder with the prompt, selected; as plain text it offers nothing', async () => {
        const placeholder = { ...files, 'risks.risk': files['risks.risk'].replace('  reviewed', '  acceptance { by CEO on 2026-11-01 "TBD" }\n  reviewed') };
        const plain = await fixesFor(placeholder, 'risks.risk', 'acceptance-incomplete');
        expect(plain.diagnostic.message).toBe('This acceptance\'s justification "TBD" is a placeholder, not a reason: write why the residual risk is acceptable, or reduce the risk.');
        expect(plain.actions).toEqual([]);
        await asVsCode(plain.model);
        const [justify] = await codeActions(plain.model, plain.model.document('risks.risk'), [plain.diagnostic]);
        expect(justify.title).toBe('Add a justification');
        expect(snippetsOf(justify)[0].snippet.value).toBe(`"\${1:${JUSTIFICATION_PROMPT}}"`);
    });
});

describe('reduce the risk: add a treatment action', () => {
    const risk = (body: string): Files => ({ 'method.risk': METHOD, 'roles.risk': ROLES, 'risks.risk': `risk R-002 "Laptop theft" {\n  owner ITManager\n  likelihood 3 impact 3\n${body}  reviewed 2026-11-01\n}\n` });
    const action0 = (indent: string) => [
        `${indent}action "${ACTION_TITLE_PROMPT}" {`,
        `${indent}  owner ITManager`,
        `${indent}  due 2026-11-23`,
        `${indent}  status planned`,
        `${indent}}`
    ].join('\n');

    test('a risk without a reducing treatment gets one, next to the acceptance fix', async () => {
        const files = risk('  treatment accept\n');
        const fixes = await fixesFor(files, 'risks.risk', 'unaccepted-residual');
        expect(fixes.actions.map(candidate => candidate.title)).toEqual(['Add an acceptance by CEO', 'Reduce the risk: add a treatment action']);
        const reduce = action(fixes, 'Reduce the risk: add a treatment action');
        expectQuickFix(fixes, reduce, false);
        expect(applyEdit(files, reduce.edit)['risks.risk']).toBe(`risk R-002 "Laptop theft" {\n  owner ITManager\n  likelihood 3 impact 3\n  treatment accept\n  reviewed 2026-11-01\n  treatment reduce {\n${action0('    ')}\n  }\n}\n`);
    });

    test('a `treatment reduce` without a block is opened; one with actions gets another', async () => {
        const bare = risk('  treatment reduce\n');
        const fixes = await fixesFor(bare, 'risks.risk', 'unaccepted-residual');
        expect(applyEdit(bare, action(fixes, 'Reduce the risk: add a treatment action').edit)['risks.risk'])
            .toContain(`  treatment reduce {\n${action0('    ')}\n  }\n  reviewed`);
        const withAction = risk('  treatment reduce {\n    action "MFA" { owner ITManager due 2027-01-31 }\n  }\n');
        const more = await fixesFor(withAction, 'risks.risk', 'unaccepted-residual');
        expect(applyEdit(withAction, action(more, 'Reduce the risk: add a treatment action').edit)['risks.risk'])
            .toContain(`    action "MFA" { owner ITManager due 2027-01-31 }\n${action0('    ')}\n  }\n`);
    });

    test('in an editor with snippet edits, the title and the due date are fields', async () => {
        const fixes = await fixesFor(risk(''), 'risks.risk', 'unaccepted-residual');
        await asVsCode(fixes.model);
        const offered = await codeActions(fixes.model, fixes.model.document('risks.risk'), [fixes.diagnostic]);
        const [edit] = snippetsOf(offered.find(candidate => candidate.title.startsWith('Reduce'))!);
        expect(edit.snippet.value).toContain(`action "\${1:${ACTION_TITLE_PROMPT}}" {\n    owner ITManager\n    due \${2:2026-11-23}\n`);
    });
});

describe('action-missing: add an action to the treatment', () => {
    test('the preferred fix; the warning goes once the action is there', async () => {
        const files = { 'method.risk': METHOD, 'roles.risk': ROLES, 'risks.risk': 'risk R-003 "Phishing" {\n  owner ITManager\n  likelihood 1 impact 2\n  treatment reduce { }\n  reviewed 2026-11-01\n}\n' };
        const fixes = await fixesFor(files, 'risks.risk', 'action-missing');
        const add = action(fixes, 'Add an action to the treatment');
        expectQuickFix(fixes, add, true);
        const fixed = applyEdit(files, add.edit);
        expect(fixed['risks.risk']).toContain(`  treatment reduce {\n    action "${ACTION_TITLE_PROMPT}" {\n      owner ITManager\n      due 2026-11-23\n      status planned\n    }\n  }\n`);
        expect(await diagnosticsOf(fixed, ['action-missing'])).toEqual([]);
    });

    test('every action cancelled: a new one after them', async () => {
        const files = { 'method.risk': METHOD, 'roles.risk': ROLES, 'risks.risk': 'risk R-004 "Phishing" {\n  owner ITManager\n  likelihood 1 impact 2\n  treatment reduce { action "Old" { owner ITManager due 2026-01-01 status cancelled } }\n  reviewed 2026-11-01\n}\n' };
        const fixes = await fixesFor(files, 'risks.risk', 'action-missing');
        const fixed = applyEdit(files, action(fixes, 'Add an action to the treatment').edit);
        expect(await diagnosticsOf(fixed, ['action-missing'])).toEqual([]);
    });
});

describe('review-overdue: set reviewed to the as-of date, only deliberately', () => {
    test('an old date is replaced; the fix says who vouches for it and is never preferred', async () => {
        const files = { 'method.risk': METHOD, 'roles.risk': ROLES, 'risks.risk': 'risk R-005 "Phishing" {\n  owner ITManager\n  likelihood 1 impact 1\n  reviewed 2025-01-31\n}\n' };
        const fixes = await fixesFor(files, 'risks.risk', 'review-overdue');
        const review = action(fixes, 'I reviewed R-005: set reviewed to 2026-11-23');
        expectQuickFix(fixes, review, false);
        const fixed = applyEdit(files, review.edit);
        expect(fixed['risks.risk']).toContain('  reviewed 2026-11-23\n');
        expect(await diagnosticsOf(fixed, ['review-overdue'])).toEqual([]);
    });

    test('a risk never reviewed gets the line', async () => {
        const files = { 'method.risk': METHOD, 'roles.risk': ROLES, 'risks.risk': 'risk R-006 "Phishing" {\n  owner ITManager\n  likelihood 1 impact 1\n}\n' };
        const fixes = await fixesFor(files, 'risks.risk', 'review-overdue');
        expect(applyEdit(files, action(fixes, 'I reviewed R-006: set reviewed to 2026-11-23').edit)['risks.risk']).toBe('risk R-006 "Phishing" {\n  owner ITManager\n  likelihood 1 impact 1\n  reviewed 2026-11-23\n}\n');
    });
});

describe('method-missing: create method.risk', () => {
    const files = { 'roles.risk': ROLES, 'risks.risk': 'risk R-007 "Phishing" {\n  owner ITManager\n  likelihood Rare impact Noticeable\n}\n' };

    /** The file the fix creates, and its text. */
    function created(found: CodeAction): { uri: string; text: string } {
        const [create, insert] = found.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
        expect(create).toEqual({ kind: 'create', uri: expect.any(String), options: { overwrite: false, ignoreIfExists: false } });
        expect(insert.textDocument.uri).toBe(create.uri);
        const text = TextDocument.applyEdits(TextDocument.create(create.uri, 'risk', 0, ''), insert.edits as TextEdit[]);
        return { uri: create.uri, text };
    }

    test('a new file in the workspace folder with the snippet\'s method, which scores the model', async () => {
        const fixes = await fixesFor(files, 'risks.risk', 'method-missing');
        expect(fixes.actions).toEqual([]); // a client that cannot create files gets no fix
        await asVsCode(fixes.model);
        const [create] = await codeActions(fixes.model, fixes.model.document('risks.risk'), [fixes.diagnostic]);
        expect(create.title).toBe('Create method.risk with a risk method');
        const { uri, text } = created(create);
        expect(uri).toBe(uriOf('method.risk'));
        expect(text).toMatch(/^method "ISMS risk method" \{\n {2}scale likelihood \{\n/);
        expect(text).not.toMatch(/\$|\t/);
        const fixed = { ...files, 'method.risk': text };
        expect(await errorsOf(fixed)).toEqual([]);
        expect(await diagnosticsOf(fixed, ['method-missing'])).toEqual([]);
    });

    test('never over a file that exists: method.risk taken, method-2.risk', async () => {
        const taken = { ...files, 'method.risk': '// the method is still to be agreed\n' };
        const fixes = await fixesFor(taken, 'risks.risk', 'method-missing');
        await asVsCode(fixes.model);
        const [create] = await codeActions(fixes.model, fixes.model.document('risks.risk'), [fixes.diagnostic]);
        expect(create.title).toBe('Create method-2.risk with a risk method');
        expect(created(create).uri).toBe(uriOf('method-2.risk'));
    });
});
