/**
 * `risk lsp --stdio` as an editor runs it: the built bin/risk.cjs as a process,
 * spoken to in LSP with Content-Length framing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { LspProcess, type Message } from './lsp-process.js';
import { REPO_ROOT, runRisk } from './run-risk.js';
import { issueHelpUri } from '../../language/validation/issue-links.js';

let running: LspProcess | undefined;

afterEach(() => {
    if (running && running.process.exitCode === null) {
        running.process.kill();
    }
    running = undefined;
});

test('initialize lists the capabilities; shutdown and exit end the process with code 0', async () => {
    const lsp = running = new LspProcess();
    const initialize = await lsp.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    expect(initialize.error).toBeUndefined();
    const capabilities = (initialize.result as { capabilities: Record<string, unknown> }).capabilities;
    expect(capabilities).toMatchObject({
        hoverProvider: true,
        inlayHintProvider: expect.anything(),
        documentFormattingProvider: true,
        // Completion opens by itself after a space or a comma (where a value may follow).
        completionProvider: expect.objectContaining({ triggerCharacters: [' ', ','] })
    });
    lsp.notify('initialized', {});
    const shutdown = await lsp.request('shutdown');
    expect(shutdown).toMatchObject({ result: null });
    lsp.notify('exit');
    expect(await lsp.exited).toBe(0);
    // Standard output carried the protocol only; nothing else was written anywhere.
    expect(lsp.stderr).toBe('');
});

const MODEL = `role CEO "Chief Executive Officer" management
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
  acceptance { by CEO on 2026-01-01 until 2026-12-31 "Failover is not worth its cost" }
  status accepted
}
`;

interface PublishedDiagnostics {
    uri: string;
    diagnostics: Array<{ code: string }>;
}

test('the editor settings reach the server: risk.asOf drives the date rules, a bad value is a warning', async () => {
    const lsp = running = new LspProcess();
    const configuration: Record<string, unknown> = { asOf: '2027-01-15', inlayHints: { scores: 'yes' } };
    lsp.handlers.set('workspace/configuration', params => (params as { items: Array<{ section: string }> }).items.map(item => item.section === 'risk' ? configuration : null));
    await lsp.request('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } }
    });
    lsp.notify('initialized', {});

    // connection.window.showWarningMessage: a request the client answers when the user closes it.
    const warning = await lsp.waitFor(message => message.method === 'window/showMessageRequest', 'warning');
    expect(warning.params).toMatchObject({ type: 2, message: 'Risk: the setting risk.inlayHints.scores is ignored: it must be true or false, not "yes". Using true instead.' });

    const uri = 'file:///models/acme/model.risk';
    lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'risk', version: 1, text: MODEL } });
    const codesPublished = (codes: string[]) => (message: Message) => {
        const params = message.params as PublishedDiagnostics | undefined;
        return message.method === 'textDocument/publishDiagnostics' && params?.uri === uri
            && JSON.stringify(params.diagnostics.map(diagnostic => diagnostic.code).sort()) === JSON.stringify(codes);
    };
    await lsp.waitFor(codesPublished(['acceptance-expired', 'unaccepted-residual']), 'diagnostics as of 2027-01-15');

    lsp.notify('workspace/didChangeConfiguration', { settings: { risk: { asOf: '2026-12-10' } } });
    await lsp.waitFor(codesPublished(['acceptance-expiring']), 'diagnostics as of 2026-12-10');

    // Re-validating everything leaves the built-in Annex A library alone.
    const published = lsp.received.filter(message => message.method === 'textDocument/publishDiagnostics').map(message => (message.params as PublishedDiagnostics).uri);
    expect(new Set(published)).toEqual(new Set([uri]));

    await lsp.close();
});

test('risk lsp without --stdio is a usage error', () => {
    const run = runRisk(['lsp'], { cwd: REPO_ROOT });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('risk: --stdio is missing: the language server talks LSP over standard input and output; run "risk lsp --stdio"\n');
});

test('risk --help lists the lsp command; risk lsp --help explains it', () => {
    expect(runRisk(['--help'], { cwd: REPO_ROOT }).stdout).toMatch(/\n {2}lsp \[options\] +Start the language server for editors/);
    const help = runRisk(['lsp', '--help'], { cwd: REPO_ROOT });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: risk lsp [options]');
    expect(help.stdout).toMatch(/--stdio +talk LSP over standard input and output/);
    expect(help.stdout).not.toContain('clientProcessId');
});

test('opening a workspace publishes the diagnostics of every file, unopened ones included', async () => {
    const lsp = running = new LspProcess();
    await lsp.openWorkspace(join(REPO_ROOT, 'examples/acme-saas'), '2026-11-23');
    const published = await lsp.waitFor(message => message.method === 'textDocument/publishDiagnostics'
        && (message.params as { uri: string }).uri.endsWith('/risks/people-and-suppliers.risk'), 'diagnostics of people-and-suppliers.risk');
    const codes = (published.params as { diagnostics: Array<{ code: string }> }).diagnostics.map(diagnostic => diagnostic.code);
    expect(codes).toContain('unaccepted-residual');
    await lsp.close();
});

test('risk/export and risk/matrix answer from the workspace as loaded; bad params are an InvalidParams error', async () => {
    const lsp = running = new LspProcess();
    const root = join(REPO_ROOT, 'examples/acme-saas');
    await lsp.openWorkspace(root, '2026-11-23');

    // Sent at once: the server waits for the workspace to be loaded before it answers.
    const exported = await lsp.request('risk/export', { kind: 'register', format: 'csv', bom: true });
    const golden = readFileSync(join(REPO_ROOT, 'test/resources/exports/golden/acme-saas/register.csv'), 'utf8');
    expect(exported.result).toEqual({ content: `\uFEFF${golden}`, rows: 15, asOf: '2026-11-23', warnings: [] });

    const matrix = await lsp.request('risk/matrix', {});
    const result = matrix.result as { likelihood: Array<{ name: string }>; impact: Array<{ name: string }>; cells: { residual: Array<{ level: string; risks: Array<{ id: string; uri: string; line: number }> }> } };
    expect(result.likelihood.map(value => value.name)).toEqual(['Likely', 'Possible', 'Rare']);
    const possibleSevere = result.cells.residual[1 * result.impact.length + 2];
    expect(possibleSevere.level).toBe('High');
    expect(possibleSevere.risks.map(risk => risk.id)).toEqual(['R-001', 'R-003', 'R-005', 'R-011', 'R-014', 'R-015']);
    expect(possibleSevere.risks[2]).toMatchObject({ uri: pathToFileURL(join(root, 'risks/people-and-suppliers.risk')).href, line: 2 });

    const bad = await lsp.request('risk/export', { kind: 'register', format: 'pdf' });
    expect(bad.error).toEqual({ code: -32602, message: 'risk/export: invalid params: format must be one of "csv", "md", "json", not "pdf"' });

    await lsp.close();
});

test('risk/status follows the workspace build; risk/checkWorkspace validates again and answers the counts of risk check', async () => {
    const lsp = running = new LspProcess();
    await lsp.openWorkspace(join(REPO_ROOT, 'examples/acme-saas'), '2026-11-23');
    // the README's two unaccepted-residual errors.
    await lsp.waitFor(message => message.method === 'risk/status'
        && JSON.stringify(message.params) === JSON.stringify({ unacceptedResidualRisks: 2, errors: 2, asOf: '2026-11-23' }), 'the status of the examples');

    const checked = await lsp.request('risk/checkWorkspace', {});
    expect(checked.result).toEqual({ unacceptedResidualRisks: 2, errors: 2, warnings: 3, infos: 1, hints: 0, files: 9, asOf: '2026-11-23' });

    await lsp.close();
});

test('a workspace file that is not UTF-8: encoding-invalid from disk, then on the editor\'s `�` when opened, none once saved as UTF-8', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'risk-lsp-encoding-'));
    try {
        const text = 'role CEO "Chief Executive Officer" management\nscope S "Café" {\n  owner CEO\n}\n';
        writeFileSync(join(folder, 'model.risk'), Buffer.from(text, 'latin1'));
        const uri = pathToFileURL(join(folder, 'model.risk')).href;
        const lsp = running = new LspProcess();
        await lsp.openWorkspace(folder, '2026-11-23');
        type Published = { uri: string; diagnostics: Array<{ code: string; message: string; range: { start: { line: number; character: number } } }> };
        /** The encoding-invalid diagnostics of a publication for the file received after the first `after` messages. */
        const encodingOf = (message: Message, after = 0) => {
            const params = message.params as Published | undefined;
            return message.method === 'textDocument/publishDiagnostics' && params?.uri === uri && lsp.received.indexOf(message) >= after
                ? params.diagnostics.filter(diagnostic => diagnostic.code === 'encoding-invalid') : undefined;
        };
        const fromDisk = await lsp.waitFor(message => (encodingOf(message)?.length ?? 0) > 0, 'encoding-invalid of the file on disk');
        expect(encodingOf(fromDisk)).toEqual([expect.objectContaining({ range: expect.objectContaining({ start: { line: 1, character: 12 } }), message: expect.stringMatching(/^Line 2, byte 0xE9: the file is not UTF-8; save it as UTF-8\./) })]);

        // VS Code decodes the file as UTF-8 by default: the é arrives as �.
        let after = lsp.received.length;
        lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'risk', version: 1, text: text.replace('é', '\uFFFD') } });
        const opened = await lsp.waitFor(message => encodingOf(message, after) !== undefined, 'diagnostics of the opened file');
        expect(encodingOf(opened, after)).toEqual([expect.objectContaining({ range: expect.objectContaining({ start: { line: 1, character: 12 } }), message: expect.stringMatching(/^The file on disk is not UTF-8 \(line 2, byte 0xE9\), and the editor shows its bad bytes as '\uFFFD': reopen it/) })]);

        // Reopened with its encoding, the editor holds the right text; the file on disk is still not UTF-8.
        after = lsp.received.length;
        lsp.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
        // A finding the edit adds is published once typing pauses (server/calm-diagnostics.ts).
        const reopened = await lsp.waitFor(message => (encodingOf(message, after)?.length ?? 0) > 0, 'diagnostics of the reopened file');
        expect(encodingOf(reopened, after)).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Line 2, byte 0xE9: the file is not UTF-8/) })]);

        // Saved as UTF-8: the error goes at the next validation.
        writeFileSync(join(folder, 'model.risk'), text, 'utf8');
        after = lsp.received.length;
        lsp.notify('textDocument/didSave', { textDocument: { uri } });
        lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
        const saved = await lsp.waitFor(message => encodingOf(message, after) !== undefined, 'diagnostics of the file saved as UTF-8');
        expect(encodingOf(saved, after)).toEqual([]);
        await lsp.close();
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
});

test('the log has a start line and a summary of every build; the first build of a workspace shows progress', async () => {
    const lsp = running = new LspProcess();
    const folder = pathToFileURL(join(REPO_ROOT, 'examples/acme-saas')).href;
    lsp.handlers.set('workspace/configuration', params => (params as { items: unknown[] }).items.map(() => ({ asOf: '2026-11-23' })));
    await lsp.request('initialize', {
        processId: process.pid,
        rootUri: folder,
        workspaceFolders: [{ uri: folder, name: 'acme-saas' }],
        capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } }
    });
    lsp.notify('initialized', {});

    const logged = (pattern: RegExp) => (message: Message) =>
        message.method === 'window/logMessage' && pattern.test((message.params as { message: string }).message);
    const start = await lsp.waitFor(logged(/^Risk Language server /), 'the start line');
    expect((start.params as { message: string }).message).toMatch(new RegExp(`^Risk Language server \\S+ started on Node v\\d+\\.\\d+\\.\\d+ \\(pid \\d+\\); workspace ${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    // The first build may run before the settings arrive (as of today); wait for the one on the pinned date.
    const summary = await lsp.waitFor(logged(/^Checked .*; as of 2026-11-23; /), 'the build summary as of 2026-11-23');
    expect((summary.params as { message: string }).message)
        .toMatch(/^Checked 9 files \(15 risks\): 2 errors, 3 warnings, 1 info, 0 hints; 2 unaccepted residual risks; as of 2026-11-23; \d+ ms$/);

    // The client was asked to create a progress token, then got begin … end on it.
    const create = await lsp.waitFor(message => message.method === 'window/workDoneProgress/create', 'window/workDoneProgress/create');
    const token = (create.params as { token: string | number }).token;
    const progress = (kind: string) => (message: Message) => message.method === '$/progress'
        && (message.params as { token: unknown; value: { kind: string } }).token === token
        && (message.params as { value: { kind: string } }).value.kind === kind;
    const begin = await lsp.waitFor(progress('begin'), 'the progress begin');
    expect((begin.params as { value: unknown }).value).toMatchObject({ kind: 'begin', title: 'Risk', message: 'Checking 9 files…' });
    await lsp.waitFor(progress('end'), 'the progress end');
    await lsp.close();
});

test('diagnostics as the editor shows them: plain-text messages, each code linked to its section of the reference; a file changed on disk leads to risk/modelUpdated', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'risk-lsp-shown-'));
    try {
        writeFileSync(join(folder, 'model.risk'), MODEL.replace('  acceptance { by CEO on 2026-01-01 until 2026-12-31 "Failover is not worth its cost" }\n', ''));
        const uri = pathToFileURL(join(folder, 'model.risk')).href;
        const lsp = running = new LspProcess();
        await lsp.openWorkspace(folder, '2026-11-23');
        type Published = { uri: string; diagnostics: Array<{ code: string; message: string; codeDescription?: { href: string } }> };
        const publishedFor = (after: number) => (message: Message) => message.method === 'textDocument/publishDiagnostics'
            && (message.params as Published).uri === uri && lsp.received.indexOf(message) >= after;
        const first = (await lsp.waitFor(publishedFor(0), 'the diagnostics of model.risk')).params as Published;
        const unaccepted = first.diagnostics.find(diagnostic => diagnostic.code === 'unaccepted-residual')!;
        // The CLI writes `acceptance` in backticks; the Problems panel would show them as they are.
        expect(unaccepted.message).toBe('R-001 residual High (6) is above appetite Moderate and has no valid acceptance: add an \'acceptance\' by a management role, or reduce the risk.');
        for (const diagnostic of first.diagnostics) {
            expect(diagnostic.message).not.toContain('`');
            expect(diagnostic.codeDescription).toEqual({ href: issueHelpUri(diagnostic.code) });
        }

        // A `git checkout` outside the editor: the file changes on disk, the client reports it.
        const after = lsp.received.length;
        writeFileSync(join(folder, 'model.risk'), MODEL);
        lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
        await lsp.waitFor(message => message.method === 'risk/modelUpdated' && lsp.received.indexOf(message) >= after, 'risk/modelUpdated after the change on disk');
        const matrix = await lsp.request('risk/matrix', {});
        expect(JSON.stringify(matrix.result)).toContain('R-001');
        await lsp.close();
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
});
