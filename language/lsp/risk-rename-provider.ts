/**
 * Rename: a declaration and every reference to it, across the files of the model.
 *
 * A new name is refused (with a message the editor shows) when it is no ID, when it is
 * a keyword of the language, or when it clashes: with another declaration of the shared
 * namespace (roles, scopes, assets, threats, vulnerabilities, controls, risks, named
 * actions), or, for a scale value or a level, with another value of the same scale or
 * another level of the method. Annex A controls are built in and are never renamed.
 *
 * A scale value is written by its name or by its number: renaming it rewrites the
 * references by name only; `likelihood 3` keeps its number. A rename started on such a
 * number is refused, since it reads as a renumbering.
 */
import { AstUtils, CstUtils, GrammarAST, type AstNode, type CstNode, type LangiumDocument, type LangiumDocuments } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, TextEdit, type CancellationToken, type Position, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { ModelEvaluator } from '../evaluation/model-evaluator.js';
import { isAnnexControl, isDeclaration, isImpactValue, isLevel, isLevels, isLikelihoodValue, isScale } from '../generated/ast.js';
import type { RiskServices } from '../risk-module.js';
import { isBuiltinDocument } from '../workspace/builtin-documents.js';

const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;
const NUMBER = /^[0-9]+$/;

export class RiskRenameProvider extends DefaultRenameProvider {
    private readonly evaluator: ModelEvaluator;
    private readonly documents: LangiumDocuments;
    private readonly keywords: ReadonlySet<string>;

    constructor(services: RiskServices) {
        super(services);
        this.evaluator = services.evaluation.ModelEvaluator;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.keywords = new Set(AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword).map(keyword => keyword.value));
    }

    override async rename(document: LangiumDocument, params: RenameParams, _cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params.position);
        if (!target) {
            return undefined;
        }
        this.checkNewName(target, params.newName);
        const byNumberToo = isLikelihoodValue(target) || isImpactValue(target);
        const changes: Record<string, TextEdit[]> = {};
        for (const reference of this.references.findReferences(target, { includeDeclaration: true })) {
            if (byNumberToo && NUMBER.test(this.documents.getDocument(reference.sourceUri)?.textDocument.getText(reference.segment.range) ?? '')) {
                continue;
            }
            const uri = reference.sourceUri.toString();
            (changes[uri] ??= []).push(TextEdit.replace(reference.segment.range, params.newName));
        }
        return { changes };
    }

    protected override renameNodeRange(document: LangiumDocument, position: Position): Range | undefined {
        // Refuses with a reason where a rename cannot start; otherwise Langium finds the range.
        this.targetAt(document, position);
        return super.renameNodeRange(document, position);
    }

    /** The declaration the name at the position declares or refers to. */
    private targetAt(document: LangiumDocument, position: Position): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) {
            return undefined;
        }
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        const target = leaf ? this.references.findDeclarations(leaf)[0] : undefined;
        if (!leaf || !target) {
            return undefined;
        }
        const targetDocument = AstUtils.getDocument(target);
        if (isAnnexControl(target) || isBuiltinDocument(targetDocument)) {
            throw new ResponseError(ErrorCodes.InvalidRequest,
                `${this.nameProvider.getName(target) ?? 'This control'} is an ISO/IEC 27001:2022 Annex A control: it is built in and cannot be renamed.`);
        }
        if ((isLikelihoodValue(target) || isImpactValue(target)) && NUMBER.test(leaf.text)) {
            throw new ResponseError(ErrorCodes.InvalidRequest,
                `${leaf.text} refers to the scale value ${target.value} ${target.name} by its number: rename the value at its name (${target.name}); references by number keep their number.`);
        }
        return target;
    }

    private checkNewName(target: AstNode, newName: string): void {
        const current = this.nameProvider.getName(target);
        if (!ID.test(newName)) {
            throw refusal(`"${newName}" is not a valid name: a name starts with a letter, followed by letters, digits, "_" or "-".`);
        }
        if (this.keywords.has(newName)) {
            throw refusal(`"${newName}" is a keyword of the risk language and cannot be a name.`);
        }
        if (newName === current) {
            return;
        }
        if (isLikelihoodValue(target) || isImpactValue(target)) {
            const scale = target.$container;
            const clash = isScale(scale) ? scale.values.find(value => value !== target && value.name === newName) : undefined;
            if (clash) {
                throw refusal(`The ${scale.kind} scale already has a value ${clash.value} ${newName}.`);
            }
        } else if (isLevel(target)) {
            const levels = target.$container;
            if (isLevels(levels) && levels.levels.some(level => level !== target && level.name === newName)) {
                throw refusal(`The method already has a level ${newName}.`);
            }
        } else if (isDeclaration(target)) {
            const clash = this.evaluator.evaluate(target).declarationsById.get(newName).find(node => node !== target);
            if (clash) {
                throw refusal(`${newName} is already declared (${describe(clash)}): roles, scopes, assets, threats, vulnerabilities, controls, risks and actions share one namespace.`);
            }
        }
    }

}

function refusal(message: string): ResponseError<void> {
    return new ResponseError(ErrorCodes.InvalidParams, message);
}

/** `asset CustomerData in declarations.risk, line 12` */
function describe(node: AstNode): string {
    const cst: CstNode | undefined = node.$cstNode;
    const keyword = node.$type.toLowerCase();
    const file = AstUtils.getDocument(node).uri.path.split('/').pop();
    return cst ? `${keyword} in ${file}, line ${cst.range.start.line + 1}` : keyword;
}
