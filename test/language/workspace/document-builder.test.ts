/**
 * After a change to one file, diagnostics of model-wide rules update in the other
 * files too, even those that do not refer to the changed one.
 */
import { URI } from 'langium';
import { expect, test } from 'vitest';
import { createRiskServices } from '../../../language/risk-module.js';
import { MemoryFileSystem } from '../../helpers/memory-file-system.js';

const METHOD = `method "M" {
  scale likelihood { 1 Rare "" 2 Possible "" 3 Likely "" }
  scale impact { 1 Minor "" 2 Noticeable "" 3 Severe "" }
  levels { Low 1..2 "" Moderate 3..4 "" High 6..9 "" }
  accept { appetite Moderate }
}
`;

test('a declaration added in one file marks the clashing ID in another file, and removing it clears it', async () => {
    const fileSystem = new MemoryFileSystem();
    const { shared } = createRiskServices({ fileSystemProvider: () => fileSystem });
    const { DocumentBuilder, WorkspaceLock, WorkspaceManager, LangiumDocuments } = shared.workspace;
    const assets = URI.file('/model/assets.risk');
    const threats = URI.file('/model/threats.risk');
    fileSystem.files.set(URI.file('/model/method.risk').toString(), METHOD);
    fileSystem.files.set(assets.toString(), 'asset Laptops "Staff laptops"\n');
    fileSystem.files.set(threats.toString(), 'threat Theft "Theft"\n');
    // The workspace manager lists no folders here: load the three files as the server would.
    for (const uri of [...fileSystem.files.keys()].map(key => URI.parse(key))) {
        await LangiumDocuments.getOrCreateDocument(uri);
    }
    await WorkspaceManager.initialized({});
    await WorkspaceLock.write(token => DocumentBuilder.update([...fileSystem.files.keys()].map(key => URI.parse(key)), [], token));
    const codesIn = (uri: URI) => (LangiumDocuments.getDocument(uri)?.diagnostics ?? []).map(diagnostic => diagnostic.code);
    expect(codesIn(assets)).not.toContain('duplicate-id');

    fileSystem.files.set(threats.toString(), 'threat Theft "Theft"\nthreat Laptops "Laptops stolen"\n');
    await WorkspaceLock.write(token => DocumentBuilder.update([threats], [], token));
    await WorkspaceLock.read(() => undefined);
    expect(codesIn(assets)).toContain('duplicate-id');

    fileSystem.files.set(threats.toString(), 'threat Theft "Theft"\n');
    await WorkspaceLock.write(token => DocumentBuilder.update([threats], [], token));
    await WorkspaceLock.read(() => undefined);
    expect(codesIn(assets)).not.toContain('duplicate-id');
});
