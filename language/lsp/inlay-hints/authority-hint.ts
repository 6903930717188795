/**
 * `by SecurityCommittee ‹accepts up to High›`: after the role of an acceptance, the tier
 * of authority on which it may accept the residual (section 11.2), as the evaluation
 * found it. Nothing when it may not: the acceptance's own hint says `not authorised`.
 */
import { GrammarUtils } from 'langium';
import type { InlayHint } from 'vscode-languageserver';
import type { AcceptanceAuthority, AcceptanceEvaluation, RiskEvaluation } from '../../evaluation/risk-evaluation.js';
import { hintAfter } from './hint.js';

export function authorityHint(evaluation: AcceptanceEvaluation, risk: RiskEvaluation): InlayHint | undefined {
    const by = GrammarUtils.findNodeForProperty(evaluation.acceptance.$cstNode, 'by');
    const role = evaluation.acceptance.by?.ref;
    if (!by || !role || !evaluation.authority) {
        return undefined;
    }
    const residual = risk.residual?.level ? `the residual ${risk.residual.level.name}` : 'the residual';
    return hintAfter(by, authorityLabel(evaluation.authority), authorityExplanation(evaluation.authority, role.name, residual));
}

/** `management`, `accepts up to High`, `risk owner` */
export function authorityLabel(authority: AcceptanceAuthority): string {
    switch (authority.tier) {
        case 'management': return 'management';
        case 'accepts': return `accepts up to ${authority.level.name}`;
        case 'owner': return 'risk owner';
    }
}

function authorityExplanation(authority: AcceptanceAuthority, role: string, residual: string): string {
    switch (authority.tier) {
        case 'management': return `${role} is a \`management\` role: it may accept any residual, major ones included.`;
        case 'accepts': return `${role} \`accepts ${authority.level.name}\`: it may accept ${residual}, which is at or below ${authority.level.name} and below \`major\`.`;
        case 'owner': return `${role} owns the risk: the owner may accept ${residual}, which is below \`major\`.`;
    }
}
