/**
 * The model's standing for the editor: the `risk/status` notification after every
 * build (the extension's status bar) and the `risk/checkWorkspace` request, on
 * editor services with a stand-in connection, changed the way the language server
 * changes them: in the workspace lock.
 */
import { URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { beforeEach, describe, expect, test } from 'vitest';
import { CHECK_WORKSPACE_REQUEST, STATUS_NOTIFICATION, type CheckWorkspaceResult, type RiskStatus } from '../../../language/lsp/requests/status-protocol.js';
import { checkWorkspaceResult, registerWorkspaceStatus } from '../../../language/lsp/requests/workspace-status.js';
import { loadModelFiles } from '../../../language/model/load-model.js';
import { createRiskServices, type RiskServices } from '../../../language/risk-module.js';
import { EXAMPLES_AS_OF, exampleFolder, riskFiles } from '../exports/example-models.js';
import { TEST_AS_OF } from './lsp-model.js';
import { MemoryFileSystem } from '../../helpers/memory-file-system.js';

const METHOD = `
method "M" {
  scale likelihood { 1 Rare "" 2 Possible "" 3 Likely "" }
  scale impact     { 1 Minor "" 2 Noticeable "" 3 Severe "" }
  levels { Low 1..2 "" Moderate 3..4 "" High 6..9 "" }
  accept { appetite Moderate  major High }
}
role CEO "Chief Executive Officer" management
role Owner "Owner"
`;

/** R-001 residual High (6), above appetite; accepted until the given date, or not at all. */
function risk(acceptedUntil?: string): string {
    const acceptance = acceptedUntil ? `acceptance { by CEO on 2026-11-01 until ${acceptedUntil} level High "Funded" }` : '';
    return `risk R-001 "Admin takeover" { owner Owner likelihood Possible impact Severe treatment accept reviewed 2026-11-01 ${acceptance} }\n`;
}

class Editor {
    readonly notifications: unknown[] = [];
    private readonly handlers = new Map<string, (params: unknown) => unknown>();
    private readonly fileSystem = new MemoryFileSystem();
    readonly services: RiskServices;

    constructor() {
        const { shared, Risk } = createRiskServices({ fileSystemProvider: () => this.fileSystem });
        Risk.settings.RiskSettings.setAsOf(TEST_AS_OF);
        this.services = Risk;
        const connection = {
            sendNotification: (method: string, params: unknown) => {
                this.notifications.push({ method, params });
                return Promise.resolve();
            },
            onRequest: (method: string, handler: (params: unknown) => unknown) => {
                this.handlers.set(method, handler);
            }
        } as unknown as Connection;
        registerWorkspaceStatus(connection, { shared, Risk });
    }

    get shared() {
        return this.services.shared;
    }

    async open(): Promise<void> {
        await this.shared.workspace.WorkspaceManager.initialized({});
        await this.settled();
    }

    /** Writes a file (new or changed) and builds, as the server does when the file watcher reports it. */
    async write(name: string, text: string): Promise<void> {
        const uri = URI.file(`/model/${name}`);
        this.fileSystem.files.set(uri.toString(), text);
        const { DocumentBuilder, WorkspaceLock } = this.shared.workspace;
        await WorkspaceLock.write(token => DocumentBuilder.update([uri], [], token));
        await this.settled();
    }

    async delete(name: string): Promise<void> {
        const uri = URI.file(`/model/${name}`);
        this.fileSystem.files.delete(uri.toString());
        const { DocumentBuilder, WorkspaceLock } = this.shared.workspace;
        await WorkspaceLock.write(token => DocumentBuilder.update([], [uri], token));
        await this.settled();
    }

    request(method: string): Promise<unknown> {
        return Promise.resolve(this.handlers.get(method)!({}));
    }

    /** Once every queued build is done, and the status read that follows it. */
    private async settled(): Promise<void> {
        await this.shared.workspace.WorkspaceLock.read(() => undefined);
    }

    statuses(): RiskStatus[] {
        return this.notifications
            .filter(notification => (notification as { method: string }).method === STATUS_NOTIFICATION)
            .map(notification => (notification as { params: RiskStatus }).params);
    }
}

describe('risk/status', () => {
    let editor: Editor;
    beforeEach(async () => {
        editor = new Editor();
        await editor.open();
    });

    test('follows every build: an unaccepted risk, its acceptance, its file deleted', async () => {
        await editor.write('method.risk', METHOD);
        expect(editor.statuses().at(-1)).toEqual({ unacceptedResidualRisks: 0, errors: 0, asOf: TEST_AS_OF });

        await editor.write('risks.risk', risk());
        expect(editor.statuses().at(-1)).toEqual({ unacceptedResidualRisks: 1, errors: 1, asOf: TEST_AS_OF });

        await editor.write('risks.risk', risk('2027-11-01'));
        expect(editor.statuses().at(-1)).toEqual({ unacceptedResidualRisks: 0, errors: 0, asOf: TEST_AS_OF });

        await editor.write('risks.risk', risk());
        expect(editor.statuses().at(-1)).toMatchObject({ unacceptedResidualRisks: 1 });
        // No other file refers to the deleted one, so nothing is validated again: the status still follows.
        await editor.delete('risks.risk');
        expect(editor.statuses().at(-1)).toEqual({ unacceptedResidualRisks: 0, errors: 0, asOf: TEST_AS_OF });
    });

    test('is sent when it changes, not on every build', async () => {
        await editor.write('method.risk', METHOD);
        const sent = editor.statuses().length;
        await editor.write('roles.risk', 'role CISO "Chief Information Security Officer"\n');
        await editor.write('roles.risk', 'role CISO "Chief Information Security Officer" management\n');
        expect(editor.statuses().length).toBe(sent);
    });

    test('counts errors of every kind', async () => {
        await editor.write('method.risk', METHOD);
        await editor.write('risks.risk', `${risk()}risk R-002 "Broken" { owner Nobody }\n`);
        const status = editor.statuses().at(-1)!;
        expect(status.unacceptedResidualRisks).toBe(1);
        expect(status.errors).toBeGreaterThan(1);
    });
});

describe('risk/checkWorkspace', () => {
    test('validates every file again on the as-of date as it stands now, and counts the findings', async () => {
        const editor = new Editor();
        await editor.open();
        await editor.write('method.risk', METHOD);
        await editor.write('risks.risk', risk('2027-01-10'));
        expect(await editor.request(CHECK_WORKSPACE_REQUEST)).toEqual({
            unacceptedResidualRisks: 0, errors: 0, warnings: 0, infos: 0, hints: 0, files: 2, asOf: TEST_AS_OF
        } satisfies CheckWorkspaceResult);

        // The date moves on (with "today", overnight); nothing was edited, so only a new validation sees it.
        editor.services.settings.RiskSettings.setAsOf('2027-01-15');
        const result = await editor.request(CHECK_WORKSPACE_REQUEST) as CheckWorkspaceResult;
        expect(result).toMatchObject({ unacceptedResidualRisks: 1, asOf: '2027-01-15', files: 2 });
        const codes = editor.services.shared.workspace.LangiumDocuments.getDocument(URI.file('/model/risks.risk'))!
            .diagnostics!.map(diagnostic => diagnostic.code);
        expect(codes).toEqual(expect.arrayContaining(['unaccepted-residual', 'acceptance-expired']));
        expect(result.errors).toBe(codes.length - result.warnings - result.infos - result.hints);
        expect(editor.statuses().at(-1)).toEqual({ unacceptedResidualRisks: 1, errors: result.errors, asOf: '2027-01-15' });
    });

    test('counts on the examples what `risk check` prints for them', async () => {
        const files = riskFiles(exampleFolder('acme-saas'));
        const model = await loadModelFiles(files, { asOf: EXAMPLES_AS_OF });
        // README: 2 errors, 3 warnings, 1 info, 0 hints, both unaccepted-residual errors on.
        expect(checkWorkspaceResult(model.services)).toEqual({
            unacceptedResidualRisks: 2, errors: 2, warnings: 3, infos: 1, hints: 0, files: files.length, asOf: EXAMPLES_AS_OF
        });
    });
});
