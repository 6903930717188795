/**
 * The editor's index of references is described on demand (lazy-reference-index.ts). Held
 * to Langium's eager index, built beside it from the same documents: after the first build
 * and after each edit of an example model, every declaration's references are the same,
 * and so is the answer to which files an edit affects.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AstUtils, DefaultIndexManager, URI, type LangiumDocument } from 'langium';
import { expect, test } from 'vitest';
import { createRiskServices } from '../../../language/risk-module.js';
import { LazyReferenceIndexManager } from '../../../language/workspace/lazy-reference-index.js';
import { MemoryFileSystem } from '../../helpers/memory-file-system.js';

const example = join(import.meta.dirname, '..', '..', '..', 'examples', 'acme-saas');
const files = Object.fromEntries(readdirSync(example, { recursive: true, encoding: 'utf8' })
    .filter(name => name.endsWith('.risk'))
    .map(name => [name, readFileSync(join(example, name), 'utf8')]));
const uri = (name: string) => URI.file(`/model/${name}`);

test('find references and affected files answer as Langium\'s eager index does, across edits', async () => {
    const fileSystem = new MemoryFileSystem();
    const { shared, Risk } = createRiskServices({ fileSystemProvider: () => fileSystem });
    const { DocumentBuilder, WorkspaceLock, WorkspaceManager, LangiumDocuments, IndexManager } = shared.workspace;
    expect(IndexManager).toBeInstanceOf(LazyReferenceIndexManager);
    for (const [name, text] of Object.entries(files)) {
        fileSystem.files.set(uri(name).toString(), text);
        await LangiumDocuments.getOrCreateDocument(uri(name));
    }
    await WorkspaceManager.initialized({});
    await WorkspaceLock.write(token => DocumentBuilder.update(Object.keys(files).map(uri), [], token));

    const compare = async () => {
        await WorkspaceLock.read(() => undefined);
        const documents = LangiumDocuments.all.toArray();
        const eager = new DefaultIndexManager(shared);
        for (const document of documents) {
            await eager.updateReferences(document);
        }
        const locator = Risk.workspace.AstNodeLocator;
        const describe = (references: ReturnType<DefaultIndexManager['findAllReferences']>) => references
            .map(reference => `${reference.sourceUri.path}:${reference.segment.offset} ${reference.sourcePath} → ${reference.targetPath}${reference.local ? ' local' : ''}`)
            .toArray().sort();
        let compared = 0;
        for (const document of documents) {
            for (const node of AstUtils.streamAst(document.parseResult.value)) {
                if ('name' in node && typeof node.name === 'string') {
                    const path = locator.getAstNodePath(node);
                    expect(describe(IndexManager.findAllReferences(node, path))).toEqual(describe(eager.findAllReferences(node, path)));
                    compared++;
                }
            }
        }
        expect(compared).toBeGreaterThan(30);
        const uris = documents.map(document => document.uri.toString());
        for (const document of documents) {
            for (const changed of uris) {
                expect(IndexManager.isAffected(document, new Set([changed])), `${document.uri.path} affected by ${changed}`)
                    .toBe(eager.isAffected(document, new Set([changed])));
            }
        }
        return documents;
    };

    const documents: LangiumDocument[] = await compare();
    expect(documents.some(document => IndexManager.isAffected(document, new Set([uri('roles.risk').toString()])))).toBe(true);

    // A role renamed (its references break), renamed back, and a risk removed.
    const roles = files['roles.risk'];
    const firstRole = /role (\S+)/.exec(roles)![1];
    for (const [name, text] of [['roles.risk', roles.replace(`role ${firstRole} `, `role ${firstRole}X `)], ['roles.risk', roles], ...Object.entries(files).filter(([name]) => name.startsWith('risks')).slice(0, 1).map(([name, text]) => [name, text.slice(0, text.lastIndexOf('\nrisk '))])]) {
        fileSystem.files.set(uri(name).toString(), text);
        await WorkspaceLock.write(token => DocumentBuilder.update([uri(name)], [], token));
        await compare();
    }
});
