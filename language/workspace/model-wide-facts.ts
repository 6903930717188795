/**
 * What a file gives the model-wide rules of the *other* files (register-checks.ts,
 * `modelWide`): its declarations with their type, ID and line (`duplicate-id` names each
 * twin with its place), its methods with their title and line (`method-duplicate`), and
 * the declarations in other files its references resolve to (`unused`). While no file's
 * facts change, no other file's model-wide findings can: typing a date, a title or a
 * likelihood changes none, so after such a keystroke the other files keep their
 * model-wide findings instead of running the rules again (risk-document-builder.ts).
 *
 * The SoA rules read much more (every risk's controls, treatments and actions): a file
 * with an `applicability` block runs the model-wide rules after every change.
 */
import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import { isApplicability, isModel } from '../generated/ast.js';
import { outlineOf, referencedBy } from '../evaluation/document-evaluation.js';

export function modelWideFacts(document: LangiumDocument): string {
    const outline = outlineOf(document);
    const facts: string[] = [];
    for (const method of outline.methods) {
        facts.push(`method ${JSON.stringify(method.title ?? '')} ${lineOf(method)}`);
    }
    for (const [id, node] of outline.declarations) {
        facts.push(`declares ${node.$type} ${id} ${lineOf(node)}`);
    }
    const own = document.uri.toString();
    const targets = new Set<string>();
    for (const target of referencedBy(document)) {
        const uri = AstUtils.getDocument(target).uri.toString();
        if (uri !== own) {
            targets.add(`refers ${uri} ${target.$type} ${nameOf(target)} ${lineOf(target)}`);
        }
    }
    facts.push(...targets);
    return facts.join('\n');
}

/** A file whose model-wide findings depend on more than the facts of the others. */
export function readsMoreThanFacts(document: LangiumDocument): boolean {
    const model = document.parseResult.value;
    return isModel(model) && model.elements.some(isApplicability);
}

function lineOf(node: AstNode): number {
    return node.$cstNode?.range.start.line ?? -1;
}

function nameOf(node: AstNode): string {
    return 'name' in node && typeof node.name === 'string' ? node.name : '';
}
