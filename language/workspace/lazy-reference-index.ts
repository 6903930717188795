/**
 * The editor's index of references, described when a request needs it. Langium describes
 * every reference of a file each time the file is linked (its source and target paths and
 * its range), though only find references, rename and code lens read the descriptions; what
 * every change reads is which other files a file's references lead into (isAffected), to
 * know what to link again. At 10,000 risks that was 7,500 descriptions per keystroke and
 * 150,000 held in memory, and isAffected turned 7,500 URIs into strings for each file.
 *
 * Here a file's linking keeps only the set of other files its references resolve into;
 * its descriptions are made on the first request after it changed, from the same
 * linked references Langium would have described then. A file reset below
 * IndexedReferences loses both, as it loses its descriptions in Langium.
 */
import { AstUtils, DefaultIndexManager, DefaultReferenceDescriptionProvider, isMultiReference, type AstNode, type LangiumDocument, type ReferenceDescription, type URI } from 'langium';
import type { Stream } from 'langium';

/** Langium's description of a file's references, made at once (Langium's own pauses between nodes). */
export class RiskReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    describeNow(document: LangiumDocument): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            AstUtils.streamReferences(node).forEach(info => {
                if (!info.reference.error) {
                    descriptions.push(...this.createInfoDescriptions(info));
                }
            });
        }
        return descriptions;
    }
}

export class LazyReferenceIndexManager extends DefaultIndexManager {
    /** Per file: the other files its references resolve into. */
    private readonly targets = new Map<string, ReadonlySet<string>>();
    /** Files linked since their references were last described. */
    private readonly undescribed = new Map<string, LangiumDocument>();

    override async updateReferences(document: LangiumDocument): Promise<void> {
        const uri = document.uri.toString();
        this.targets.set(uri, otherFilesReferenced(document, uri));
        this.referenceIndex.delete(uri);
        this.undescribed.set(uri, document);
    }

    override removeReferences(uri: URI): void {
        super.removeReferences(uri);
        this.targets.delete(uri.toString());
        this.undescribed.delete(uri.toString());
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const targets = this.targets.get(document.uri.toString());
        if (!targets) {
            return false;
        }
        for (const changed of changedUris) {
            if (targets.has(changed)) {
                return true;
            }
        }
        return false;
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        for (const [uri, document] of this.undescribed) {
            const provider = this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider;
            this.referenceIndex.set(uri, provider instanceof RiskReferenceDescriptionProvider ? provider.describeNow(document) : []);
        }
        this.undescribed.clear();
        return super.findAllReferences(targetNode, astNodePath);
    }
}

/** The files other than `own` that the document's resolved references lead into (Langium's non-local descriptions). */
function otherFilesReferenced(document: LangiumDocument, own: string): ReadonlySet<string> {
    const files = new Set<string>();
    for (const reference of document.references) {
        if (reference.error || !reference.$refNode) {
            continue;
        }
        const descriptions = isMultiReference(reference)
            ? reference.items.map(item => item.$nodeDescription)
            : [reference.$nodeDescription];
        for (const description of descriptions) {
            const uri = description?.documentUri.toString();
            if (uri !== undefined && uri !== own) {
                files.add(uri);
            }
        }
    }
    return files;
}
