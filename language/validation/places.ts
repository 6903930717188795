import { AstUtils, type AstNode } from 'langium';

/** Where `node` is, as seen from `from`: `on line 12` in the same file, `in roles.risk line 3` in another. */
export function placeOf(node: AstNode, from: AstNode): string {
    const line = (node.$cstNode?.range.start.line ?? 0) + 1;
    const uri = AstUtils.getDocument(node).uri;
    if (uri.toString() === AstUtils.getDocument(from).uri.toString()) {
        return `on line ${line}`;
    }
    return `in ${uri.path.split('/').pop()} line ${line}`;
}
