/**
 * Export Risk Register…, Export Treatment Plan…, Export Statement of Applicability…:
 * pick a format, choose where to save, and the language server — which holds the
 * model as the editor has it — builds the export (`risk/export`, the same content
 * as `risk export`). The file is written under the rules of `risk export --output`
 * (write-export.ts) and opened: Markdown in the preview, CSV
 * and JSON as text.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EXPORT_REQUEST, type ExportRequestResult } from '../../language/lsp/requests/protocol.js';
import { writeExportTo, type ProviderFileSystem } from './write-export.js';
import { defaultFileName, EXPORT_COMMANDS, exportedMessage, exportParams, FORMAT_CHOICES, isRiskFile, riskTargetMessage, type ExportCommand, type FormatChoice } from './export-choices.js';

export function registerExportCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
    for (const command of EXPORT_COMMANDS) {
        context.subscriptions.push(vscode.commands.registerCommand(command.command, () => runExport(client, command)));
    }
}

async function runExport(client: LanguageClient, command: ExportCommand): Promise<void> {
    const picked = await vscode.window.showQuickPick(
        FORMAT_CHOICES.map(choice => ({ label: choice.label, description: choice.description, choice })),
        { title: `Export ${command.title}`, placeHolder: 'The format of the export' }
    );
    if (!picked) {
        return;
    }
    const choice = picked.choice;
    const folder = modelFolder();
    const target = await vscode.window.showSaveDialog({
        title: `Export ${command.title} as ${choice.label}`,
        saveLabel: 'Export',
        defaultUri: folder ? vscode.Uri.joinPath(folder.uri, defaultFileName(command, choice)) : undefined,
        filters: { [choice.label]: [choice.extension] }
    });
    if (!target) {
        return;
    }
    const fileName = baseName(target);
    if (isRiskFile(target.path)) {
        void vscode.window.showErrorMessage(riskTargetMessage(command, fileName));
        return;
    }
    const csvBom = vscode.workspace.getConfiguration('risk', folder?.uri).get<boolean>('export.csvBom', false) === true;
    let result: ExportRequestResult;
    try {
        result = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: `Risk: exporting the ${command.name}…` },
            () => client.sendRequest<ExportRequestResult>(EXPORT_REQUEST, exportParams(command, choice, csvBom, activeRiskFile()))
        );
    } catch (error) {
        void vscode.window.showErrorMessage(`Risk: the ${command.name} could not be exported: ${messageOf(error)}`);
        return;
    }
    try {
        await writeExportTo(target, result.content, providerFileSystem(target));
    } catch (error) {
        void vscode.window.showErrorMessage(`Risk: the ${command.name} was not written. ${messageOf(error)}`);
        return;
    }
    for (const warning of result.warnings) {
        void vscode.window.showWarningMessage(`Risk: ${warning}`);
    }
    vscode.window.setStatusBarMessage(exportedMessage(command, result.rows, result.asOf, fileName), 10_000);
    await openExport(target, choice);
}

/** Markdown opens in the preview; CSV and JSON as text. */
async function openExport(target: vscode.Uri, choice: FormatChoice): Promise<void> {
    try {
        if (choice.format === 'md') {
            await vscode.commands.executeCommand('markdown.showPreview', target);
        } else {
            await vscode.window.showTextDocument(target, { preview: false });
        }
    } catch (error) {
        void vscode.window.showWarningMessage(`Risk: the export was written, but could not be opened: ${messageOf(error)}`);
    }
}

/** vscode.workspace.fs for a target that is not on the local disk. */
function providerFileSystem(target: vscode.Uri): ProviderFileSystem {
    return {
        stat: async () => {
            const stat = await vscode.workspace.fs.stat(target).then(found => found, () => undefined);
            return stat && { isFile: (stat.type & vscode.FileType.File) !== 0, isDirectory: (stat.type & vscode.FileType.Directory) !== 0 };
        },
        write: content => Promise.resolve(vscode.workspace.fs.writeFile(target, content))
    };
}

/** The folder of the model: the workspace folder of the active .risk file, or the first one. */
function modelFolder(): vscode.WorkspaceFolder | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
}

function baseName(uri: vscode.Uri): string {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

/** The active editor's `.risk` file: the export is of its model (docs/language.md §1). */
function activeRiskFile(): string | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document && (document.languageId === 'risk' || isRiskFile(document.uri.path)) ? document.uri.toString() : undefined;
}
