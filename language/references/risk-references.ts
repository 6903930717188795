/**
 * Declarations and names as Langium finds them, except in the text of a block the parser
 * dropped (`levels { … }` written twice, language/parser/risk-parser.ts): that text is
 * not part of the model, so hover, definition, references, highlight and rename find
 * nothing there instead of a node outside the model, or a wrong one.
 */
import { DefaultNameProvider, DefaultReferences, type AstNode, type CstNode } from 'langium';
import { isDroppedText } from '../parser/risk-parser.js';

export class RiskReferences extends DefaultReferences {
    override findDeclarations(source: CstNode): AstNode[] {
        return isDroppedText(source) ? [] : super.findDeclarations(source);
    }
}

export class RiskNameProvider extends DefaultNameProvider {
    override getNameNode(node: AstNode): CstNode | undefined {
        // A method has no name; the name of a level in a dropped `levels` block is not its name.
        const nameNode = super.getNameNode(node);
        return nameNode && isDroppedText(nameNode) ? undefined : nameNode;
    }
}
