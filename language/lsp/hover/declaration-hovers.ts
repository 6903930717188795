/**
 * Hovers for the model's declarations other than risks: roles, scopes, assets,
 * threats, vulnerabilities, the organisation's controls and Annex A controls.
 */
import type { Reference } from 'langium';
import type { ModelEvaluation } from '../../evaluation/model-evaluator.js';
import { ANNEX_A_BY_ID } from '../../builtins/annex-a.js';
import type { AnnexControl, Asset, Control, ImpactValue, Role, Scope, Threat, Vulnerability } from '../../generated/ast.js';
import { acceptanceText } from '../text/acceptance-text.js';
import { scaleValueText } from '../text/assessment-text.js';
import { capitalised, listText, paragraphs } from '../text/markdown.js';
import { declarationLabel, referrersText, type Referrer } from './referrers.js';
import { tagsText } from './risk-hovers.js';

export function roleHover(role: Role, referrers: readonly Referrer[], evaluation: ModelEvaluation): string {
    const owns = referrers.filter(referrer => referrer.properties.includes('owner')).map(referrer => declarationLabel(referrer.source, evaluation));
    const accepted = evaluation.risks.flatMap(risk => risk.acceptances
        .filter(acceptance => acceptance.acceptance.by?.ref === role)
        .map(acceptance => `${risk.risk.name} on ${acceptance.acceptance.on ?? '?'} (${acceptanceText(acceptance, risk, evaluation.method, evaluation.asOf).label})`));
    const approved = referrers.filter(referrer => referrer.properties.includes('approved by')).map(referrer => declarationLabel(referrer.source, evaluation));
    return paragraphs(
        `**Role ${role.name}** · ${role.title}`,
        role.management ? 'Management: yes, may accept any residual, major ones included.' : 'Management: no, may accept residuals below major of the risks it owns.',
        !role.management && role.accepts ? `Accepts: any residual up to ${role.accepts.$refText} that is below major, whoever owns the risk.` : undefined,
        `**Owns:** ${listText(owns)}`,
        `**Accepted:** ${listText(accepted)}`,
        approved.length > 0 ? `**Approved:** ${approved.join(', ')}` : undefined
    );
}

export function scopeHover(scope: Scope, evaluation: ModelEvaluation): string {
    const risks = evaluation.risks.filter(risk => risk.scope === scope).map(risk => risk.risk.name);
    const approval = scope.approval ? `Approved by ${refText(scope.approval.by)} on ${scope.approval.date}.` : 'Not approved.';
    return paragraphs(
        `**Scope ${scope.name}** · ${scope.title}`,
        `Owner: ${refText(scope.owner)}`,
        scope.includes.length > 0 ? `Includes: ${scope.includes.join(', ')}` : undefined,
        scope.excludes.length > 0 ? `Excludes: ${scope.excludes.join(', ')}` : undefined,
        approval,
        `**Risks:** ${listText(risks)}`
    );
}

export function assetHover(asset: Asset, referrers: readonly Referrer[], evaluation: ModelEvaluation): string {
    const kind = asset.category ? `${capitalised(asset.category.layer)} ${asset.category.kind} asset` : 'Asset of no kind';
    const cia = asset.category?.layer === 'supporting' ? undefined : [
        `confidentiality ${scaleText(asset.confidentiality)}`,
        `integrity ${scaleText(asset.integrity)}`,
        `availability ${scaleText(asset.availability)}`
    ].join(' · ');
    return paragraphs(
        `**Asset ${asset.name}** · ${asset.title}`,
        `${kind} · owner ${refText(asset.owner)}`,
        cia ? capitalised(cia) : undefined,
        asset.supports.length > 0 ? `Supports: ${asset.supports.map(refText).join(', ')}` : undefined,
        tagsText(asset.tags),
        asset.category?.layer === 'primary' ? `**Harmed by:** ${listText(harmedBy(asset, evaluation))}` : undefined,
        `**Referenced by:** ${referrersText(referrers, evaluation)}`
    );
}

export function threatHover(threat: Threat, referrers: readonly Referrer[], evaluation: ModelEvaluation): string {
    return paragraphs(
        `**Threat ${threat.name}** · ${threat.title}`,
        `Source: ${threat.source ?? 'not given'}`,
        tagsText(threat.tags),
        `**Referenced by:** ${referrersText(referrers, evaluation)}`
    );
}

export function vulnerabilityHover(vulnerability: Vulnerability, referrers: readonly Referrer[], evaluation: ModelEvaluation): string {
    return paragraphs(
        `**Vulnerability ${vulnerability.name}** · ${vulnerability.title}`,
        `On: ${listText(vulnerability.on.map(refText))}`,
        tagsText(vulnerability.tags),
        `**Referenced by:** ${referrersText(referrers, evaluation)}`
    );
}

export function controlHover(control: Control, referrers: readonly Referrer[], evaluation: ModelEvaluation): string {
    const implemented = control.implements.map(reference => {
        const entry = ANNEX_A_BY_ID.get(reference.$refText);
        return entry ? `${entry.id} ${entry.title}` : reference.$refText;
    });
    return paragraphs(
        `**Control ${control.name}** · ${control.title}`,
        `Status: ${control.status ?? 'not given'} · owner ${refText(control.owner)}`,
        `Implements: ${listText(implemented)}`,
        tagsText(control.tags),
        `**Referenced by:** ${referrersText(referrers, evaluation)}`
    );
}

export function annexHover(control: AnnexControl, referrers: readonly Referrer[], evaluation: ModelEvaluation): string {
    const entry = ANNEX_A_BY_ID.get(control.name);
    return paragraphs(
        `**${control.name}** · ${entry?.title ?? control.title}`,
        `ISO/IEC 27001:2022 Annex A, ${entry?.theme ?? control.theme} control.`,
        `**Referenced by:** ${referrersText(referrers, evaluation)}`
    );
}

/** Risks that harm the asset: by `harms`, or through the supporting assets they are `on`. */
function harmedBy(asset: Asset, evaluation: ModelEvaluation): string[] {
    return evaluation.risks.filter(risk => risk.harms.includes(asset)).map(risk => risk.harmsDerived ? `${risk.risk.name} (derived)` : risk.risk.name);
}

function refText(reference: Reference | undefined): string {
    return reference?.$refText ?? 'none';
}

function scaleText(reference: Reference<ImpactValue> | undefined): string {
    return reference?.ref ? scaleValueText(reference.ref) : reference?.$refText ?? 'not given';
}
