/**
 * Built-in diagnostics with the product's codes: syntax errors become `syntax-error`,
 * a file read from disk that is not UTF-8 gets `encoding-invalid`, a name that does
 * not link says what it should have been, under the code the specification gives for
 * that kind of name, and an exception anywhere in validation becomes `internal-error`
 * (internal-error.ts) instead of escaping the build.
 */
import { Cancellation, DefaultDocumentValidator, DocumentValidator, interruptAndCheck, isAstNode, isOperationCancelled, type AstNode, type ValidationAcceptor, type DiagnosticInfo, type LangiumDocument, type ParseResult, type ReferenceInfo, type ValidationOptions } from 'langium';
import type { IRecognitionException } from 'chevrotain';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ANNEX_A_BY_ID } from '../builtins/annex-a.js';
import { nearestAnnexControl } from '../builtins/annex-suggestion.js';
import { Applicability, isMatrixCell, isMatrixRowLabel, Model, Risk, Treatment } from '../generated/ast.js';
import { MODEL_WIDE_CATEGORY } from '../workspace/validation-context.js';
import type { RiskServices } from '../risk-module.js';
import { ISSUES, IssueCodes, type IssueCode } from './issue-codes.js';
import { listOf, nearestName } from './suggestions.js';
import { nounOf, withArticle } from './declaration-nouns.js';
import { blockEntries } from './block-properties.js';
import { blockEntryMessage, friendlySyntaxMessage } from './syntax-messages.js';
import { internalErrorMessage, logInternalError } from './internal-error.js';
import { foldIncompleteReferences } from './incomplete-references.js';
import { issueHelpUri } from './issue-links.js';
import { plainText } from './plain-text.js';
import type { RiskValidationRegistry } from './risk-validation-registry.js';

/** Diagnostics the lexer and the parser report, without a code of ours. */
const SYNTAX_DATA_CODES = new Set<unknown>([DocumentValidator.LexingError, DocumentValidator.ParsingError]);

/** How Langium's linker words a linking error that is an exception it caught. */
const LINKER_EXCEPTION = /^An error occurred while resolving reference/;
import { editorEncodingMessage, encodingProblemMessage } from '../workspace/file-encoding.js';
import { RiskFileSystemProvider } from '../workspace/risk-file-system.js';

const ANNEX_ID = /^A\.\d+\.\d+(\.\d+)?$/;

/**
 * The containment properties the model-wide pass follows, from the file down to every
 * node type register-checks.ts gives model-wide checks: the declarations, a risk's
 * treatments and their actions, and the SoA's decisions. It runs on every file after
 * every change, so it reads only these properties instead of walking every node of every
 * risk (test/language/validation/model-wide-walk.test.ts holds it to the grammar).
 */
const MODEL_WIDE_CHILDREN: Readonly<Record<string, readonly string[]>> = {
    [Model.$type]: ['elements'],
    [Risk.$type]: ['treatments'],
    [Treatment.$type]: ['actions'],
    [Applicability.$type]: ['decisions']
};

/**
 * The nodes the model-wide pass checks, in tree order. A file's AST does not change
 * until it is parsed again (a new root), so the list is kept per root: the pass over an
 * untouched file starts from it.
 */
export function modelWideNodes(root: AstNode): readonly AstNode[] {
    let nodes = MODEL_WIDE_NODES.get(root);
    if (!nodes) {
        nodes = collectModelWideNodes(root);
        MODEL_WIDE_NODES.set(root, nodes);
    }
    return nodes;
}

const MODEL_WIDE_NODES = new WeakMap<AstNode, readonly AstNode[]>();

function collectModelWideNodes(root: AstNode): AstNode[] {
    const nodes: AstNode[] = [];
    const visit = (node: AstNode): void => {
        nodes.push(node);
        for (const property of MODEL_WIDE_CHILDREN[node.$type] ?? []) {
            const children = (node as unknown as Record<string, unknown>)[property];
            if (Array.isArray(children)) {
                for (const child of children) {
                    if (isAstNode(child)) {
                        visit(child);
                    }
                }
            }
        }
    };
    visit(root);
    return nodes;
}

export class RiskDocumentValidator extends DefaultDocumentValidator {
    private readonly services: RiskServices;
    /**
     * Diagnostics go to an editor over LSP: their messages become plain text (plain-text.ts).
     * The CLI keeps the backticks, which its Markdown, SARIF and GitHub outputs render as code.
     */
    private readonly servesEditor: boolean;

    constructor(services: RiskServices) {
        super(services);
        this.services = services;
        this.servesEditor = services.shared.lsp.Connection !== undefined;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: Parameters<DefaultDocumentValidator['validateDocument']>[2]): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const builtIn = !options?.categories || options.categories.includes('built-in');
        const encoding = builtIn ? await this.encodingDiagnostic(document) : undefined;
        if (encoding) {
            diagnostics.unshift(encoding);
        }
        for (const diagnostic of diagnostics) {
            if (diagnostic.code !== undefined) {
                continue;
            }
            const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
            if (SYNTAX_DATA_CODES.has((diagnostic.data as { code?: unknown } | undefined)?.code)) {
                // Lexer and parser errors arrive without a code of ours.
                diagnostic.code = IssueCodes.SyntaxError;
                diagnostic.message = friendlySyntaxMessage(message);
            } else {
                // Every check reports with a code (report.ts): one without is a bug, not a syntax error.
                diagnostic.code = IssueCodes.InternalError;
                diagnostic.message = internalErrorMessage('validating', message);
            }
            diagnostic.data = { ...diagnostic.data, code: diagnostic.code };
        }
        const folded = foldIncompleteReferences(document, diagnostics);
        for (const diagnostic of folded) {
            linkToReference(diagnostic);
            if (this.servesEditor) {
                diagnostic.message = plainText(diagnostic.message);
            }
        }
        return oncePerFailure(folded);
    }

    protected override async validateAst(rootNode: AstNode, options: ValidationOptions, cancelToken?: Parameters<DefaultDocumentValidator['validateAst']>[2]): Promise<Diagnostic[]> {
        try {
            return await super.validateAst(rootNode, options, cancelToken);
        } catch (error) {
            if (isOperationCancelled(error)) {
                throw error;
            }
            // Each check is guarded on its own (risk-validation-registry.ts); this is what runs around them.
            logInternalError('validating the file', error);
            return [this.internalError(rootNode, internalErrorMessage('validating the file', error))];
        }
    }

    /**
     * Langium's walk with its overhead taken out: the nodes in the same order (pre-order,
     * properties in their order), each node's checks from a plain array, a check awaited
     * only when it returns a promise, and a pause for cancellation every few hundred nodes
     * instead of before each one (risk-validation-registry.ts says why). The model-wide
     * pass visits only the nodes that can have model-wide checks (MODEL_WIDE_CHILDREN).
     * Langium's validation profiler is not served.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        const checksOf = (this.validationRegistry as RiskValidationRegistry).checksIn(options.categories);
        const modelWideOnly = options.categories?.length === 1 && options.categories[0] === MODEL_WIDE_CATEGORY;
        const pending: AstNode[] = modelWideOnly ? [...modelWideNodes(rootNode)].reverse() : [rootNode];
        let sincePause = 0;
        while (pending.length > 0) {
            const node = pending.pop()!;
            if (++sincePause === NODES_BETWEEN_PAUSES) {
                sincePause = 0;
                await interruptAndCheck(cancelToken);
            }
            for (const check of checksOf(node.$type)) {
                const result = check(node, acceptor, cancelToken);
                if (result) {
                    await result;
                }
            }
            if (!modelWideOnly) {
                pushChildren(node, pending);
            }
        }
    }

    private internalError(node: AstNode, message: string, range?: Diagnostic['range']): Diagnostic {
        const code = IssueCodes.InternalError;
        return this.toDiagnostic(ISSUES[code].severity, message, { node, range, code, data: { code, error: message } });
    }

    /** `encoding-invalid` for a file whose bytes on disk are not UTF-8 (risk-file-system.ts). */
    private async encodingDiagnostic(document: LangiumDocument): Promise<Diagnostic | undefined> {
        const provider = this.services.shared.workspace.FileSystemProvider;
        const found = provider instanceof RiskFileSystemProvider ? await provider.encodingProblemOf(document) : undefined;
        if (!found) {
            return undefined;
        }
        const code = IssueCodes.EncodingInvalid;
        const { problem } = found;
        let start = { line: problem.line, character: problem.character };
        let message = encodingProblemMessage(problem);
        if (found.editorText) {
            // The editor holds its own decoding of the file; only its `�` show the damage.
            const replaced = document.textDocument.getText().indexOf('\uFFFD');
            if (replaced < 0) {
                return undefined;
            }
            start = document.textDocument.positionAt(replaced);
            message = editorEncodingMessage(problem);
        }
        const range = { start, end: { line: start.line, character: start.character + 1 } };
        return this.toDiagnostic(ISSUES[code].severity, message, { node: document.parseResult.value, range, code, data: { code } });
    }

    /**
     * Where the parser wanted a block's closing brace, the message names what the block
     * takes (read from the grammar) and the entry nearest to what was written; the quick
     * fix finds that suggestion in `data`.
     */
    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        for (const error of parseResult.parserErrors) {
            const rewritten = this.blockEntryError(error);
            if (!rewritten) {
                super.processParsingErrors({ ...parseResult, parserErrors: [error] }, diagnostics, options);
                continue;
            }
            // One error at a time, so that the diagnostic the base class places is this error's.
            const placed: Diagnostic[] = [];
            const renamed = Object.assign(Object.create(error) as IRecognitionException, { message: rewritten.message });
            super.processParsingErrors({ ...parseResult, parserErrors: [renamed] }, placed, options);
            for (const diagnostic of placed) {
                diagnostic.code = IssueCodes.SyntaxError;
                diagnostic.data = { ...diagnostic.data, code: IssueCodes.SyntaxError, ...(rewritten.suggestion ? { suggestion: rewritten.suggestion } : {}) };
                diagnostics.push(diagnostic);
            }
        }
    }

    private blockEntryError(error: IRecognitionException): ReturnType<typeof blockEntryMessage> | undefined {
        const expected = /^Expecting token of type '}' but found `([\s\S]*)`\.$/.exec(error.message);
        // Langium marks its rule names with a zero-width space in the parser's rule stack.
        const rule = error.context?.ruleStack.at(-1)?.replace(/\u200B/g, '');
        const block = expected && rule ? blockEntries(this.services.Grammar, rule) : undefined;
        return block && block.keywords.length > 0 ? blockEntryMessage(expected![1] === 'EOF' ? '' : expected![1], block) : undefined;
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[]): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) {
                continue;
            }
            if (LINKER_EXCEPTION.test(error.message)) {
                // The linker caught an exception: the name may well exist, so do not say it does not.
                diagnostics.push(this.internalError(error.info.container, internalErrorMessage(`resolving \`${error.info.reference.$refText}\``, error.message), reference.$refNode?.range));
                continue;
            }
            let suggestion: string | undefined;
            let described: { code: IssueCode; message: string } | undefined;
            try {
                // One suggestion per name: the message and the quick fix (data.suggestion) both use it.
                suggestion = this.suggestionOf(error.info);
                described = this.describeUnresolved(error.info, suggestion);
            } catch (exception) {
                if (isOperationCancelled(exception)) {
                    throw exception;
                }
                const task = `describing the unresolved name \`${error.info.reference.$refText}\``;
                logInternalError(task, exception);
                diagnostics.push(this.internalError(error.info.container, internalErrorMessage(task, exception), reference.$refNode?.range));
                continue;
            }
            if (!described) {
                continue;
            }
            const { code, message } = described;
            const info: DiagnosticInfo<AstNode, string> = {
                node: error.info.container,
                range: reference.$refNode?.range,
                property: error.info.property,
                index: error.info.index,
                code,
                data: { code, refText: error.info.reference.$refText, suggestion }
            };
            diagnostics.push(this.toDiagnostic(ISSUES[code].severity, message, info));
        }
    }

    /** What to say about a name that did not link; nothing when another diagnostic already covers it. */
    private describeUnresolved(info: ReferenceInfo, suggestion: string | undefined): { code: IssueCode; message: string } | undefined {
        const text = info.reference.$refText;
        const type = this.services.shared.AstReflection.getReferenceType(info);
        if (isMatrixRowLabel(info.container) || isMatrixCell(info.container)) {
            const what = isMatrixCell(info.container) ? 'level' : 'likelihood value';
            return { code: IssueCodes.MatrixInvalid, message: `The matrix names \`${text}\`, which is not a ${what} of the method.${didYouMean(suggestion)}` };
        }
        if (type === 'LikelihoodValue' || type === 'ImpactValue') {
            const scale = type === 'LikelihoodValue' ? 'likelihood' : 'impact';
            const method = this.services.evaluation.ModelEvaluator.evaluate(info.container).method;
            if (!method) {
                return undefined; // method-missing says what to do; one error per value would bury it.
            }
            const values = scale === 'likelihood' ? method.likelihood : method.impact;
            const hint = values.length > 0 ? `: use ${listOf(values.map(value => `${value.value} ${value.name}`))}` : `: the method has no ${scale} scale yet`;
            return { code: IssueCodes.ValueOutOfScale, message: `\`${text}\` is not a value of the ${scale} scale${hint}.` };
        }
        if (ANNEX_ID.test(text) && (type === 'AnnexControl' || type === 'ControlTarget') && !ANNEX_A_BY_ID.has(text)) {
            const nearest = nearestAnnexControl(text);
            const suggestion = nearest ? ` Did you mean ${nearest.id} "${nearest.title}"?` : '';
            return { code: IssueCodes.UnknownControl, message: `${text} is not an Annex A control of ISO/IEC 27001:2022 (A.5.1–A.5.37, A.6.1–A.6.8, A.7.1–A.7.14, A.8.1–A.8.34).${suggestion}` };
        }
        const noun = nounOf(type) ?? 'declaration';
        const namesake = this.services.evaluation.ModelEvaluator.evaluate(info.container).declarationsById.get(text)[0];
        if (namesake) {
            // Declared, but as something else: declaring it again would only clash.
            const kind = nounOf(namesake.$type) ?? namesake.$type.toLowerCase();
            return { code: IssueCodes.UnresolvedReference, message: `\`${text}\` is ${withArticle(kind)}, not ${withArticle(noun)}: name ${withArticle(noun)} here.${didYouMean(suggestion)}` };
        }
        const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : ` Declare it (\`${noun === 'level' ? 'levels { … }' : noun} ${text} …\`) in any file of the model.`;
        return { code: IssueCodes.UnresolvedReference, message: `No ${noun} named \`${text}\` is declared.${hint}` };
    }

    private suggestionOf(info: ReferenceInfo): string | undefined {
        const text = info.reference.$refText;
        const type = this.services.shared.AstReflection.getReferenceType(info);
        if (ANNEX_ID.test(text)) {
            return nearestAnnexControl(text)?.id;
        }
        const names = this.candidates(info);
        return type === 'LikelihoodValue' || type === 'ImpactValue' ? nearestName(text, names.filter(name => !/^\d+$/.test(name))) : nearestName(text, names);
    }

    private candidates(info: ReferenceInfo): string[] {
        return this.services.references.ScopeProvider.getScope(info).getAllElements().map(description => description.name).distinct().toArray();
    }
}

/**
 * One failure (a helper every check calls, throwing) would otherwise be reported by
 * every check of every node: keep the first `internal-error` of each exception.
 */
function oncePerFailure(diagnostics: Diagnostic[]): Diagnostic[] {
    const seen = new Set<unknown>();
    return diagnostics.filter(diagnostic => {
        if (diagnostic.code !== IssueCodes.InternalError) {
            return true;
        }
        const error = (diagnostic.data as { error?: unknown } | undefined)?.error ?? diagnostic.message;
        return !seen.has(error) && Boolean(seen.add(error));
    });
}

function didYouMean(suggestion: string | undefined): string {
    return suggestion ? ` Did you mean \`${suggestion}\`?` : '';
}

/** The code as a link to its section of the language reference: the same link as SARIF's `helpUri`. */
function linkToReference(diagnostic: Diagnostic): void {
    if (typeof diagnostic.code === 'string') {
        diagnostic.codeDescription = { href: issueHelpUri(diagnostic.code) };
    }
}

/** Checking for cancellation costs a timer read: often enough to stop within a few milliseconds. */
const NODES_BETWEEN_PAUSES = 256;

/** A node's children, pushed so that they pop in AstUtils.streamContents order. */
function pushChildren(node: AstNode, pending: AstNode[]): void {
    const start = pending.length;
    for (const property of Object.keys(node)) {
        if (property.startsWith('$')) {
            continue;
        }
        const value = (node as unknown as Record<string, unknown>)[property];
        if (isAstNode(value)) {
            pending.push(value);
        } else if (Array.isArray(value)) {
            for (const item of value) {
                if (isAstNode(item)) {
                    pending.push(item);
                }
            }
        }
    }
    // Pushed in order; reversed in place so that the first child is on top.
    for (let low = start, high = pending.length - 1; low < high; low++, high--) {
        [pending[low], pending[high]] = [pending[high], pending[low]];
    }
}
