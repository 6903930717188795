/**
 * The document builder of the language server and the CLI.
 *
 * Model-wide rules (duplicate IDs, unused declarations, the one method, the Statement of
 * Applicability) read every file, so a change to one file can change another's
 * diagnostics even when the other does not refer to it. After a change:
 *
 * - the changed files, and the files relinked because they refer to them (at any
 *   distance: shouldRelink), are validated fully;
 * - every other file keeps the findings of its own rules and runs the model-wide rules
 *   (category MODEL_WIDE_CATEGORY) again, unless something its own rules read from other
 *   files changed (validation-context.ts), in which case it is validated fully too.
 *
 * Validation runs in two passes, a file's own rules then the model-wide ones, so that
 * the findings of the first can be kept apart and reused.
 *
 * When a file starts or stops declaring a `method`, or a model folder goes, files may
 * belong to another model (model-boundaries.ts) and their references to other
 * targets: every model file is linked and validated again.
 *
 * And no validation of the built-in Annex A library: its
 * `annex` declarations are the language's own, and validating them as a user's model
 * would report each one (`checkAnnexNotRedeclared`) — in the editor, 93 errors on
 * `builtin:/annex-a.risk` the first time any document changes or the as-of date moves.
 */
import { DefaultDocumentBuilder, DocumentState, type BuildOptions, type Cancellation, type LangiumDocument, type LangiumSharedCoreServices, type URI, type ValidationCategory } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { RiskServices } from '../risk-module.js';
import { isBuiltinDocument } from './builtin-documents.js';
import { modelWideFacts, readsMoreThanFacts } from './model-wide-facts.js';
import { MODEL_WIDE_CATEGORY, OWN_CATEGORIES, validationContext } from './validation-context.js';

export class RiskDocumentBuilder extends DefaultDocumentBuilder {
    /** The findings of each file's own rules, from its last full validation. */
    private readonly ownDiagnostics = new WeakMap<LangiumDocument, Diagnostic[]>();
    /** The validation context (validation-context.ts) the kept findings were computed in. */
    private validatedContext: string | undefined;
    /** The model roots the documents were last linked with. */
    private linkedBoundaries: string | undefined;
    /**
     * Whether a file had unresolved references when it was last linked, and its list of
     * references then (Langium's unlink replaces the list, so a kept answer holds while the
     * list is the same). Langium's relink test scans every reference of every file on
     * every change: 150,000 at 10,000 risks, for each keystroke.
     */
    private readonly unresolvedAtLink = new WeakMap<LangiumDocument, { references: LangiumDocument['references']; unresolved: boolean }>();
    /** Each file's model-wide facts (model-wide-facts.ts), with the AST and references they were read from. */
    private readonly factsByUri = new Map<string, { root: unknown; references: LangiumDocument['references']; facts: string }>();
    /** Counts the changes of any file's model-wide facts. */
    private factsVersion = 0;
    /** A file's model-wide findings, and the facts version and AST they were found with. */
    private readonly modelWideFindings = new WeakMap<LangiumDocument, { version: number; root: unknown; diagnostics: Diagnostic[] }>();

    /**
     * `oneShot`: the CLI builds once and asks nothing after; reading every file's
     * model-wide facts (about 150 ms at 10,000 risks) would only serve builds that never come.
     */
    constructor(services: LangiumSharedCoreServices, private readonly options: { readonly oneShot?: boolean } = {}) {
        super(services);
        this.updateBuildOptions = { validation: { categories: [...OWN_CATEGORIES, MODEL_WIDE_CATEGORY] } };
        // After linking, before validation: now the changed files are parsed, and it shows
        // whether the findings kept for the others still hold.
        this.onBuildPhase(DocumentState.IndexedReferences, documents => {
            this.dropOwnFindingsIfContextChanged(documents);
            if (!this.options.oneShot) {
                this.updateModelWideFacts();
            }
        });
        this.onDocumentPhase(DocumentState.Linked, document => {
            this.unresolvedAtLink.set(document, { references: document.references, unresolved: scanForUnresolved(document) });
        });
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        await super.buildDocuments(documents, options, cancelToken);
        const boundaries = this.modelBoundaries()?.signature();
        if (this.linkedBoundaries !== undefined && boundaries !== this.linkedBoundaries) {
            // Rare (a method added, removed or moved): a second pass is simpler than predicting
            // it. As an update, so that every cache of the workspace state is dropped too.
            const own = this.langiumDocuments.all.filter(document => !isBuiltinDocument(document)).toArray();
            own.forEach(document => this.resetToState(document, DocumentState.IndexedContent));
            await this.emitUpdate(own.map(document => document.uri), []);
            await super.buildDocuments(own, options, cancelToken);
        }
        // Only once every document is linked with them: a cancelled pass is redone next time.
        this.linkedBoundaries = boundaries;
    }

    private modelBoundaries() {
        // The shared builder reaches the language's services through the registry (one language).
        return (this.serviceRegistry.all[0] as RiskServices | undefined)?.evaluation?.ModelBoundaries;
    }

    protected override async emitUpdate(changed: URI[], deleted: URI[]): Promise<void> {
        for (const document of this.langiumDocuments.all) {
            if (!isBuiltinDocument(document) && document.state > DocumentState.IndexedReferences) {
                this.keepOwnFindings(document);
            }
        }
        await super.emitUpdate(changed, deleted);
    }

    /**
     * Langium relinks a file that refers to a changed one, and a file with unresolved
     * references (they may resolve now). A file's evaluation and own rules also read through
     * its references into a third file (a risk `on` a supporting asset that `supports` a
     * primary asset declared elsewhere, whose values set the impact floor): relink, and so
     * fully validate and evaluate again, every file that refers at any distance to a file
     * Langium relinks. The evaluator's kept parts (evaluation/document-evaluation-cache.ts)
     * hold exactly as long as their file is not linked again.
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        // The closure holds every file Langium's own test relinks, so a file's references are
        // scanned once per change, not twice (a scan of 150,000 references at 10,000 risks).
        return isBuiltinDocument(document)
            ? super.shouldRelink(document, changedUris)
            : this.affectedAtAnyDistance(changedUris).has(document.uri.toString());
    }

    private affected?: { changed: Set<string>; closure: Set<string> };

    private affectedAtAnyDistance(changed: Set<string>): Set<string> {
        if (this.affected?.changed !== changed) {
            // Langium asks file by file with the same set: compute the closure once per update.
            const others = this.langiumDocuments.all.filter(document => !isBuiltinDocument(document)).toArray();
            // A file relinked for its unresolved references may now resolve one into a changed
            // file (an asset's `supports Data` once `Data` is declared): what reads through it changes.
            const closure = new Set([...changed, ...others.filter(document => this.relinksByLangium(document, changed)).map(document => document.uri.toString())]);
            for (let grew = true; grew;) {
                grew = false;
                for (const document of others) {
                    const key = document.uri.toString();
                    if (!closure.has(key) && this.indexManager.isAffected(document, closure)) {
                        closure.add(key);
                        grew = true;
                    }
                }
            }
            this.affected = { changed, closure };
        }
        return this.affected.closure;
    }

    /** Langium's own relink test (DefaultDocumentBuilder.shouldRelink), with the scan for unresolved references kept from the link. */
    private relinksByLangium(document: LangiumDocument, changed: Set<string>): boolean {
        const kept = this.unresolvedAtLink.get(document);
        const unresolved = kept && kept.references === document.references ? kept.unresolved : scanForUnresolved(document);
        return unresolved || this.indexManager.isAffected(document, changed);
    }

    protected override shouldValidate(document: LangiumDocument): boolean {
        return !isBuiltinDocument(document) && super.shouldValidate(document);
    }

    /** A file no change touched: back to before validation, with only the model-wide rules left to run. */
    private keepOwnFindings(document: LangiumDocument): void {
        const own = this.ownDiagnostics.get(document);
        const state = this.buildState.get(document.uri.toString());
        const executed = state?.result?.validationChecks;
        if (!own || !state?.completed || !executed || !OWN_CATEGORIES.every(category => executed.includes(category))) {
            this.resetToState(document, DocumentState.IndexedReferences);
            return;
        }
        document.diagnostics = [...own];
        document.state = DocumentState.IndexedReferences;
        state.result = { ...state.result, validationChecks: executed.filter(category => category !== MODEL_WIDE_CATEGORY) };
    }

    private dropOwnFindingsIfContextChanged(documents: LangiumDocument[]): void {
        const context = validationContext(this.langiumDocuments.all);
        if (context === this.validatedContext) {
            return;
        }
        this.validatedContext = context;
        for (const document of documents) {
            const state = this.buildState.get(document.uri.toString());
            if (state && document.state < DocumentState.Validated) {
                document.diagnostics = undefined;
                state.result = { ...state.result, validationChecks: [] };
            }
        }
    }

    /** Reads the facts of every file linked since they were last read; any change moves the version on. */
    private updateModelWideFacts(): void {
        const seen = new Set<string>();
        for (const document of this.langiumDocuments.all) {
            if (isBuiltinDocument(document)) {
                continue;
            }
            const uri = document.uri.toString();
            seen.add(uri);
            const kept = this.factsByUri.get(uri);
            if (kept && kept.root === document.parseResult.value && kept.references === document.references) {
                continue;
            }
            const facts = modelWideFacts(document);
            if (kept?.facts !== facts) {
                this.factsVersion++;
            }
            this.factsByUri.set(uri, { root: document.parseResult.value, references: document.references, facts });
        }
        for (const uri of this.factsByUri.keys()) {
            if (!seen.has(uri)) {
                this.factsByUri.delete(uri);
                this.factsVersion++;
            }
        }
    }

    /**
     * The file's model-wide findings: for a file that kept its own findings (no change
     * touched it), the ones found last while no file's facts changed since; else found again.
     */
    private async modelWideDiagnostics(document: LangiumDocument, untouched: boolean, run: () => Promise<Diagnostic[]>): Promise<Diagnostic[]> {
        const root = document.parseResult.value;
        const kept = this.modelWideFindings.get(document);
        if (untouched && kept && kept.version === this.factsVersion && kept.root === root && !readsMoreThanFacts(document)) {
            return kept.diagnostics;
        }
        const version = this.factsVersion;
        const diagnostics = await run();
        if (!this.options.oneShot) {
            this.modelWideFindings.set(document, { version, root, diagnostics });
        }
        return diagnostics;
    }

    /**
     * Runs the validation categories the file still lacks: its own rules in one pass (whose
     * findings are kept for later builds), the model-wide rules in another (whose findings
     * are kept while no file's model-wide facts change).
     */
    protected override async validate(document: LangiumDocument, cancelToken: Parameters<DefaultDocumentBuilder['validate']>[1]): Promise<void> {
        const validator = this.serviceRegistry.getServices(document.uri).validation.DocumentValidator;
        const options = this.getBuildOptions(document);
        const requested = typeof options.validation === 'object' ? options.validation : {};
        const missing = this.findMissingValidationCategories(document, options);
        const own = missing.filter(category => category !== MODEL_WIDE_CATEGORY);
        const modelWide = missing.filter(category => category === MODEL_WIDE_CATEGORY);
        let diagnostics = document.diagnostics ?? [];
        if (own.length > 0) {
            // Own categories missing means a file validated from scratch: it holds nothing yet.
            diagnostics = await validator.validateDocument(document, { ...requested, categories: own }, cancelToken);
            this.ownDiagnostics.set(document, diagnostics);
        }
        if (modelWide.length > 0) {
            diagnostics = [...diagnostics, ...await this.modelWideDiagnostics(document, own.length === 0, () => validator.validateDocument(document, { ...requested, categories: modelWide }, cancelToken))];
        }
        document.diagnostics = diagnostics;
        const state = this.buildState.get(document.uri.toString());
        if (state) {
            const executed: ValidationCategory[] = state.result?.validationChecks ?? [];
            state.result = { ...state.result, validationChecks: [...new Set([...executed, ...missing])] };
        }
    }
}

function scanForUnresolved(document: LangiumDocument): boolean {
    return document.references.some(reference => reference.error !== undefined);
}
