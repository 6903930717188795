/** An inlay hint shown after a piece of text, with a markdown tooltip. */
import type { CstNode } from 'langium';
import type { InlayHint } from 'vscode-languageserver';

export function hintAfter(node: CstNode, label: string, tooltip: string): InlayHint {
    return {
        position: node.range.end,
        label,
        paddingLeft: true,
        tooltip: { kind: 'markdown', value: tooltip }
    };
}
