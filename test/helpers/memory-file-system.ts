import { type FileSystemNode, type FileSystemProvider, type URI } from 'langium';

/** Files in memory, read as the server reads files on disk. */
export class MemoryFileSystem implements FileSystemProvider {
    readonly files = new Map<string, string>();

    async stat(uri: URI): Promise<FileSystemNode> {
        return this.statSync(uri);
    }

    statSync(uri: URI): FileSystemNode {
        this.readFileSync(uri);
        return { uri, isFile: true, isDirectory: false };
    }

    async exists(uri: URI): Promise<boolean> {
        return this.existsSync(uri);
    }

    existsSync(uri: URI): boolean {
        return this.files.has(uri.toString());
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return this.readBinarySync(uri);
    }

    readBinarySync(uri: URI): Uint8Array {
        return new TextEncoder().encode(this.readFileSync(uri));
    }

    async readFile(uri: URI): Promise<string> {
        return this.readFileSync(uri);
    }

    readFileSync(uri: URI): string {
        const text = this.files.get(uri.toString());
        if (text === undefined) {
            throw new Error(`no such file: ${uri.toString()}`);
        }
        return text;
    }

    async readDirectory(): Promise<FileSystemNode[]> {
        return [];
    }

    readDirectorySync(): FileSystemNode[] {
        return [];
    }
}
