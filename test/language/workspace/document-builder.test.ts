/**
 * After a change to one file, diagnostics of model-wide rules update in the other
 * files too, even those that do not refer to the changed one.
 */
import { URI } from 'langium';
import { describe, expect, test, vi } from 'vitest';
import { createRiskServices } from '../../../language/risk-module.js';
import { MemoryFileSystem } from '../../helpers/memory-file-system.js';

const METHOD = `method "M" {
  scale likelihood { 1 Rare "" 2 Possible "" 3 Likely "" }
  scale impact { 1 Minor "" 2 Noticeable "" 3 Severe "" }
  levels { Low 1..2 "" Moderate 3..4 "" High 6..9 "" }
  accept { appetite Moderate }
}
`;

const uri = (name: string) => URI.file(`/model/${name}.risk`);

/**
 * The files (by name, under /model) built as the server builds them; `edit` changes one
 * file, rebuilds and waits for the build to end; `codesIn` lists a file's finding codes, sorted.
 */
async function builtWorkspace(files: Record<string, string>) {
    const fileSystem = new MemoryFileSystem();
    const { shared, Risk } = createRiskServices({ fileSystemProvider: () => fileSystem });
    const { DocumentBuilder, WorkspaceLock, WorkspaceManager, LangiumDocuments } = shared.workspace;
    // The workspace manager lists no folders here: load the files as the server would.
    for (const [name, text] of Object.entries(files)) {
        fileSystem.files.set(uri(name).toString(), text);
        await LangiumDocuments.getOrCreateDocument(uri(name));
    }
    await WorkspaceManager.initialized({});
    await WorkspaceLock.write(token => DocumentBuilder.update(Object.keys(files).map(uri), [], token));
    const edit = async (name: string, text: string) => {
        fileSystem.files.set(uri(name).toString(), text);
        await WorkspaceLock.write(token => DocumentBuilder.update([uri(name)], [], token));
        await WorkspaceLock.read(() => undefined);
    };
    const codesIn = (name: string) => (LangiumDocuments.getDocument(uri(name))?.diagnostics ?? []).map(diagnostic => diagnostic.code).sort();
    const messagesIn = (name: string) => (LangiumDocuments.getDocument(uri(name))?.diagnostics ?? []).map(diagnostic => diagnostic.message);
    return { Risk, edit, codesIn, messagesIn };
}

test('a declaration added in one file marks the clashing ID in another file, and removing it clears it', async () => {
    const { edit, codesIn } = await builtWorkspace({
        method: METHOD,
        assets: 'asset Laptops "Staff laptops"\n',
        threats: 'threat Theft "Theft"\n'
    });
    expect(codesIn('assets')).not.toContain('duplicate-id');

    await edit('threats', 'threat Theft "Theft"\nthreat Laptops "Laptops stolen"\n');
    expect(codesIn('assets')).toContain('duplicate-id');

    await edit('threats', 'threat Theft "Theft"\n');
    expect(codesIn('assets')).not.toContain('duplicate-id');
});

describe('after a change, a file no change touched runs only the model-wide rules again, and only when the change alters what they read', () => {
    const files = {
        method: METHOD,
        roles: 'role CISO "Chief Information Security Officer" management\n',
        assets: 'asset Laptops "Staff laptops" {\n  primary information\n  owner CISO\n}\n',
        threats: 'threat Theft "Theft"\n',
        risks: 'risk R-1 "Laptop stolen" {\n  owner CISO\n  threat Theft\n  harms Laptops\n  likelihood Possible\n  impact Noticeable\n  treatment accept\n  residual likelihood Possible impact Noticeable\n  status accepted\n  reviewed 2026-11-01\n}\n',
        notes: 'threat Flood "Flood" { source environmental }\n'
    };
    /** The workspace built once; `edit` changes a file and answers the categories each file was validated with. */
    async function workspace() {
        const built = await builtWorkspace(files);
        const validated = new Map<string, string[]>();
        const validator = built.Risk.validation.DocumentValidator;
        const validateDocument = validator.validateDocument.bind(validator);
        vi.spyOn(validator, 'validateDocument').mockImplementation((document, options, token) => {
            const name = document.uri.path.replace(/^.*\/(\w+)\.risk$/, '$1');
            validated.set(name, [...validated.get(name) ?? [], ...options?.categories ?? ['all']]);
            return validateDocument(document, options, token);
        });
        const edit = async (name: string, text: string) => {
            validated.clear();
            await built.edit(name, text);
            return Object.fromEntries([...validated].sort(([a], [b]) => a.localeCompare(b)));
        };
        return { edit, codesIn: built.codesIn, messagesIn: built.messagesIn };
    }

    const full = ['built-in', 'fast', 'model'];

    test('an edit in a file nothing refers to: that file fully, every other file only the model-wide rules, and their findings stay whole', async () => {
        const { edit, codesIn } = await workspace();
        expect(codesIn('notes')).toEqual(['unused']);
        expect(await edit('notes', 'threat Flood "River flood" { source environmental }\nthreat Laptops "Laptops lost"\n')).toEqual({
            assets: ['model'], method: ['model'], notes: full, risks: ['model'], roles: ['model'], threats: ['model']
        });
        expect(codesIn('notes')).toEqual(['duplicate-id', 'unused', 'unused']);
        expect(codesIn('assets')).toEqual(['duplicate-id']);
        // A finding of its own rules, kept from the build before, beside the model-wide ones.
        expect(await edit('notes', 'threat Flood "River flood" { source environmental }\n')).toMatchObject({ risks: ['model'] });
        // A date changes no declaration and no reference: no rule runs on the other files.
        expect(await edit('risks', files.risks.replace('reviewed 2026-11-01', 'reviewed 2026-02-30'))).toEqual({ risks: full });
        await edit('notes', 'threat Flood "Flood" { source environmental }\n');
        expect(codesIn('risks')).toEqual(['invalid-date']);
        expect(codesIn('notes')).toEqual(['unused']);
        expect(codesIn('assets')).toEqual([]);
    });

    test('a file that refers to the changed one is linked and validated fully', async () => {
        const { edit } = await workspace();
        // A new title: the files not linked to it keep their model-wide findings as well.
        expect(await edit('threats', 'threat Theft "Theft of equipment"\n')).toEqual({ threats: full, risks: full });
    });

    test('a change of the method or of a role\'s authority validates every file fully: their own rules read it', async () => {
        const { edit } = await workspace();
        const everyFileFully = Object.fromEntries(Object.keys(files).sort().map(name => [name, full]));
        expect(await edit('method', METHOD.replace('appetite Moderate', 'appetite Low'))).toEqual(everyFileFully);
        expect(await edit('roles', 'role CISO "Chief Information Security Officer"\n')).toEqual(everyFileFully);
        // Only its wording changed: nothing another file's rules read.
        expect(await edit('roles', 'role CISO "Information Security Officer"\n')).toMatchObject({ roles: full });
    });

    test('a reference moved to a declaration of another file runs the model-wide rules on every file, and `unused` follows it', async () => {
        const { edit, codesIn } = await workspace();
        expect(codesIn('threats')).toEqual([]);
        expect(await edit('risks', files.risks.replace('threat Theft', 'threat Flood'))).toMatchObject({ risks: full, threats: ['model'], assets: ['model'] });
        expect(codesIn('threats')).toEqual(['unused']);
        expect(codesIn('notes')).toEqual([]);
        // Moved back: the other files follow again.
        expect(await edit('risks', files.risks)).toMatchObject({ threats: ['model'], notes: ['model'] });
        expect(codesIn('threats')).toEqual([]);
        expect(codesIn('notes')).toEqual(['unused']);
    });

    test('a declaration moved to another line runs the model-wide rules on every file: a twin is named with its line', async () => {
        const { edit, messagesIn } = await workspace();
        await edit('notes', 'threat Flood "Flood" { source environmental }\nthreat Laptops "Laptops lost"\n');
        expect(messagesIn('assets').join('\n')).toContain('in notes.risk line 2');
        expect(await edit('notes', '\nthreat Flood "Flood" { source environmental }\nthreat Laptops "Laptops lost"\n')).toMatchObject({ assets: ['model'] });
        expect(messagesIn('assets').join('\n')).toContain('in notes.risk line 3');
    });
});

test('a change read through a file in between (a risk on a supporting asset of a primary asset declared elsewhere) re-checks the risk', async () => {
    const primary = (value: string) => `asset Info "Customer data" {\n  primary information\n  owner CISO\n  confidentiality ${value}\n}\n`;
    const files: Record<string, string> = {
        method: METHOD,
        roles: 'role CISO "Chief Information Security Officer" management\n',
        primary: primary('Minor'),
        supporting: 'asset Sys "Database" {\n  supporting system\n  owner CISO\n  supports Info\n}\n',
        risks: 'risk R-1 "Database copied" {\n  owner CISO\n  on Sys\n  affects confidentiality\n  likelihood Possible\n  impact Minor\n  status assessed\n  reviewed 2026-11-01\n}\n'
    };
    const { edit, codesIn } = await builtWorkspace(files);
    expect(codesIn('risks')).not.toContain('impact-understated');

    await edit('primary', primary('Severe'));
    expect(codesIn('risks')).toContain('impact-understated');
});

test('a file in between whose unresolved reference resolves after a change (`supports Info` once `Info` is declared) re-checks the risks that read through it', async () => {
    const primary = (name: string) => `asset ${name} "Customer data" {\n  primary information\n  owner CISO\n  confidentiality Severe\n}\n`;
    const files: Record<string, string> = {
        method: METHOD,
        roles: 'role CISO "Chief Information Security Officer" management\n',
        primary: primary('Data'),
        supporting: 'asset Sys "Database" {\n  supporting system\n  owner CISO\n  supports Info\n}\n',
        risks: 'risk R-1 "Database copied" {\n  owner CISO\n  on Sys\n  affects confidentiality\n  likelihood Possible\n  impact Minor\n  status assessed\n  reviewed 2026-11-01\n}\n'
    };
    const { edit, codesIn } = await builtWorkspace(files);
    expect(codesIn('supporting')).toContain('unresolved-reference');
    expect(codesIn('risks')).not.toContain('impact-understated');

    await edit('primary', primary('Info'));
    expect(codesIn('supporting')).not.toContain('unresolved-reference');
    expect(codesIn('risks')).toContain('impact-understated');
});
