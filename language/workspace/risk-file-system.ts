/**
 * The file system of the CLI and the language server: Langium's, except that a `.risk`
 * file's bytes are decoded by file-encoding.ts instead of as lenient UTF-8 (which turns
 * every bad byte into `�` without a word). What it found is kept per file, for the
 * `encoding-invalid` diagnostic.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { FileSystemProvider, LangiumDocument, URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { decodeRiskFile, type EncodingProblem } from './file-encoding.js';

export class RiskFileSystemProvider extends NodeFileSystemProvider {
    /** By URI: the text a file with an encoding problem was read as, and the problem. */
    private readonly problems = new Map<string, { text: string; problem: EncodingProblem }>();

    override async readFile(uri: URI): Promise<string> {
        return this.decoded(uri, await readFile(uri.fsPath));
    }

    override readFileSync(uri: URI): string {
        return this.decoded(uri, readFileSync(uri.fsPath));
    }

    /**
     * The encoding problem of the document's file on disk. A file found broken is read
     * again each time (only those): an editor may have saved it as UTF-8 since.
     * `editorText`: the document holds other text than the file decodes to, which the
     * editor sent (it decoded the file its own way, perhaps with `�`).
     */
    async encodingProblemOf(document: LangiumDocument): Promise<{ problem: EncodingProblem; editorText: boolean } | undefined> {
        const key = document.uri.toString();
        if (!this.problems.has(key)) {
            return undefined;
        }
        const bytes = await readFile(document.uri.fsPath).catch(() => undefined);
        if (bytes) {
            this.decoded(document.uri, bytes);
        }
        const found = this.problems.get(key);
        return found && { problem: found.problem, editorText: found.text !== document.textDocument.getText() };
    }

    private decoded(uri: URI, bytes: Uint8Array): string {
        const { text, problem } = decodeRiskFile(bytes);
        if (problem) {
            this.problems.set(uri.toString(), { text, problem });
        } else {
            this.problems.delete(uri.toString());
        }
        return text;
    }
}

/** The Langium file system context of the CLI and the language server. */
export const RiskNodeFileSystem = {
    fileSystemProvider: (): FileSystemProvider => new RiskFileSystemProvider()
};
