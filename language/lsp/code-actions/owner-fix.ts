/**
 * `missing-owner` on a risk or a primary asset, and `action-incomplete` on an action
 * without owner: "Add 'owner ROLE'" as the first property of the block (for an asset,
 * right after its `primary …` category, as the specification writes assets), naming the
 * first role of the model.
 */
import { isAction, isAsset, isRisk, type Action, type Asset, type Risk } from '../../generated/ast.js';
import { prependToBlock } from './block-edits.js';
import { containerAt, localFix, type QuickFix } from './quick-fix.js';

/** Placeholder for the owner when the model declares no role yet. */
export const ROLE_PLACEHOLDER = 'ROLE';

const isOwned = (node: unknown): node is Risk | Action | Asset => isRisk(node) || isAction(node) || isAsset(node);

export const addOwner: QuickFix = context => {
    const node = containerAt(context, isOwned);
    if (!node || node.owner) {
        return [];
    }
    const role = context.facts.roles[0]?.name ?? ROLE_PLACEHOLDER;
    const category = isAsset(node) ? node.category?.$cstNode?.end : undefined;
    return localFix(context, `Add 'owner ${role}'`, prependToBlock(context.document, node, `owner ${role}`, category));
};
