/**
 * The one service factory: the language server, the CLI and the tests all create
 * their services here.
 */
import { inject, type Module } from 'langium';
import { createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices } from 'langium/lsp';
import { ModelEvaluator } from './evaluation/model-evaluator.js';
import { RiskCodeActionProvider } from './lsp/risk-code-action-provider.js';
import { RiskCompletionProvider } from './lsp/risk-completion-provider.js';
import { RiskHoverProvider } from './lsp/risk-hover-provider.js';
import { RiskInlayHintProvider } from './lsp/risk-inlay-hint-provider.js';
import { RiskFormatter } from './lsp/risk-formatter.js';
import { RiskDocumentSymbolProvider } from './lsp/risk-document-symbol-provider.js';
import { RiskNodeKindProvider } from './lsp/risk-node-kind-provider.js';
import { RiskRenameProvider } from './lsp/risk-rename-provider.js';
import { RiskSemanticTokenProvider } from './lsp/risk-semantic-token-provider.js';
import { RiskWorkspaceSymbolProvider } from './lsp/risk-workspace-symbol-provider.js';
import { RiskLanguageGeneratedModule, RiskLanguageGeneratedSharedModule } from './generated/module.js';
import { boundRepetitionRecovery, createBoundedRecoveryCompletionParser } from './parser/bounded-recovery.js';
import { RiskValueConverter } from './parser/risk-value-converter.js';
import { createRiskParser } from './parser/risk-parser.js';
import { RiskNameProvider, RiskReferences } from './references/risk-references.js';
import { RiskScopeComputation } from './references/risk-scope-computation.js';
import { RiskScopeProvider } from './references/risk-scope-provider.js';
import { RiskDocumentValidator } from './validation/risk-document-validator.js';
import { registerValidationChecks, type ValidationScope } from './validation/register-checks.js';
import { RiskValidationRegistry } from './validation/risk-validation-registry.js';
import { RiskSettings } from './workspace/risk-settings.js';
import { LazyReferenceIndexManager, RiskReferenceDescriptionProvider } from './workspace/lazy-reference-index.js';
import { BatchIndexManager } from './workspace/batch-index-manager.js';
import { ModelBoundaries } from './workspace/model-boundaries.js';
import { RiskWorkspaceManager } from './workspace/risk-workspace-manager.js';
import { RiskConfigurationProvider } from './workspace/risk-configuration.js';
import { RiskDocumentBuilder } from './workspace/risk-document-builder.js';

export interface RiskAddedServices {
    evaluation: {
        ModelEvaluator: ModelEvaluator;
        ModelBoundaries: ModelBoundaries;
    };
    settings: {
        RiskSettings: RiskSettings;
    };
}

export type RiskServices = LangiumServices & RiskAddedServices;

export const RiskModule: Module<RiskServices, PartialLangiumServices & RiskAddedServices> = {
    workspace: {
        ReferenceDescriptionProvider: services => new RiskReferenceDescriptionProvider(services)
    },
    evaluation: {
        ModelEvaluator: services => new ModelEvaluator(services.shared, services.settings.RiskSettings, services.evaluation.ModelBoundaries),
        ModelBoundaries: services => new ModelBoundaries(services.shared)
    },
    settings: {
        RiskSettings: () => new RiskSettings()
    },
    parser: {
        LangiumParser: services => boundRepetitionRecovery(createRiskParser(services)),
        // The grammar is LL(2) (matrix rows are told apart by their colon); fixed lookahead
        // parses a large model several times faster than the adaptive ALL(*) default.
        ParserConfig: () => ({ maxLookahead: 3 }),
        ValueConverter: () => new RiskValueConverter(),
        CompletionParser: services => createBoundedRecoveryCompletionParser(services)
    },
    references: {
        ScopeComputation: services => new RiskScopeComputation(services),
        ScopeProvider: services => new RiskScopeProvider(services),
        References: services => new RiskReferences(services),
        NameProvider: () => new RiskNameProvider()
    },
    validation: {
        DocumentValidator: services => new RiskDocumentValidator(services),
        ValidationRegistry: services => new RiskValidationRegistry(services)
    },
    lsp: {
        InlayHintProvider: services => new RiskInlayHintProvider(services),
        HoverProvider: services => new RiskHoverProvider(services),
        CompletionProvider: services => new RiskCompletionProvider(services),
        Formatter: () => new RiskFormatter(),
        CodeActionProvider: services => new RiskCodeActionProvider(services),
        RenameProvider: services => new RiskRenameProvider(services),
        DocumentSymbolProvider: services => new RiskDocumentSymbolProvider(services),
        SemanticTokenProvider: services => new RiskSemanticTokenProvider(services)
    }
};

export const RiskSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        WorkspaceManager: services => new RiskWorkspaceManager(services),
        ConfigurationProvider: services => new RiskConfigurationProvider(services),
        DocumentBuilder: services => new RiskDocumentBuilder(services),
        // The editor's index of references is described on demand (lazy-reference-index.ts).
        IndexManager: services => new LazyReferenceIndexManager(services)
    },
    lsp: {
        NodeKindProvider: () => new RiskNodeKindProvider(),
        WorkspaceSymbolProvider: services => new RiskWorkspaceSymbolProvider(services)
    }
};

export interface RiskServicesOptions {
    /**
     * A one-shot run (CLI, exports) builds the model once and answers no editor requests:
     * it skips the index of references that only editor features use.
     */
    readonly batch?: boolean;
    /** The checks to register (default `all`); `integrity` for runs that only count the errors that leave an export incomplete. */
    readonly validation?: ValidationScope;
    /**
     * Injected over the language's own modules: services a caller supplies itself, such as
     * the fuzzing harness's parsers made once per process (test/fuzz/fuzz-services.ts).
     */
    readonly override?: Module<RiskServices, PartialLangiumServices>;
}

const BatchSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        IndexManager: services => new BatchIndexManager(services),
        DocumentBuilder: services => new RiskDocumentBuilder(services, { oneShot: true })
    }
};

/** A one-shot run evaluates each model once: it keeps no document's part of the evaluation for a next change. */
const BatchModule: Module<RiskServices, PartialLangiumServices & Partial<RiskAddedServices>> = {
    workspace: {
        ReferenceDescriptionProvider: services => new RiskReferenceDescriptionProvider(services)
    },
    evaluation: {
        ModelEvaluator: services => new ModelEvaluator(services.shared, services.settings.RiskSettings, services.evaluation.ModelBoundaries, { incremental: false }),
        ModelBoundaries: services => new ModelBoundaries(services.shared)
    }
};

export function createRiskServices(context: DefaultSharedModuleContext, options: RiskServicesOptions = {}): { shared: LangiumSharedServices; Risk: RiskServices } {
    const shared = options.batch
        ? inject(createDefaultSharedModule(context), RiskLanguageGeneratedSharedModule, RiskSharedModule, BatchSharedModule)
        : inject(createDefaultSharedModule(context), RiskLanguageGeneratedSharedModule, RiskSharedModule);
    const modules: Array<Module<RiskServices, PartialLangiumServices & Partial<RiskAddedServices>>> = [RiskModule];
    if (options.batch) {
        modules.push(BatchModule);
    }
    if (options.override) {
        modules.push(options.override);
    }
    const Risk = inject(createDefaultModule({ shared }), RiskLanguageGeneratedModule, ...modules);
    shared.ServiceRegistry.register(Risk);
    registerValidationChecks(Risk, options.validation);
    if (!context.connection) {
        // Outside a language server nobody sends configuration: start without it.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Risk };
}
