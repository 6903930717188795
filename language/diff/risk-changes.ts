/**
 * The changes of one risk present in both versions. Scores, levels, appetite and
 * acceptance validity are read from the two evaluations; nothing is recomputed here.
 */
import { daysBetween } from '../evaluation/dates.js';
import type { MethodModel } from '../evaluation/method-model.js';
import type { AcceptanceEvaluation, ActionEvaluation, Assessment, RiskEvaluation } from '../evaluation/risk-evaluation.js';
import { acceptanceView } from '../exports/acceptance.js';
import { refName, refNames } from '../exports/cells.js';
import type { Risk } from '../generated/ast.js';
import { acceptanceText } from '../lsp/text/acceptance-text.js';
import { appetiteText, assessmentFormula } from '../lsp/text/assessment-text.js';
import { pointOf, type Change, type ChangeKind, type Effect } from './change.js';
import type { RiskPair } from './declarations.js';
import { treatmentCells, treatmentText as registerTreatmentText } from '../exports/register.js';

export interface RiskDiffContext {
    readonly baseMethod?: MethodModel;
    readonly headMethod?: MethodModel;
    readonly asOf: string;
    /** BASE ID → HEAD ID of renamed declarations. */
    readonly renamed: ReadonlyMap<string, string>;
    /** The HEAD risk evaluated under BASE's method (the masking check), when the methods differ. */
    readonly underBaseMethod: (risk: Risk) => RiskEvaluation | undefined;
}

export function riskChanges(pair: RiskPair, context: RiskDiffContext): Change[] {
    const { base, head } = pair;
    const id = head.risk.name;
    const location = pointOf(head.risk);
    const changes: Change[] = [];
    const add = (kind: ChangeKind, effect: Effect, before: string | null, after: string | null, message: string, at = location) => {
        changes.push({ kind, subject: id, effect, before, after, location: at, message });
    };

    // Without a `residual` on either side the residual is the inherent risk: report it once.
    const residualIsInherent = !base.hasExplicitResidual && !head.hasExplicitResidual;
    const alsoResidual = residualIsInherent ? ' (also its residual: the risk has no residual of its own)' : '';
    for (const [which, before, after] of [
        ['inherent', base.inherent, head.inherent],
        ...(residualIsInherent ? [] : [['residual', base.residual, head.residual] as const])
    ] as const) {
        const beforeText = assessmentFormula(before, context.baseMethod);
        const afterText = assessmentFormula(after, context.headMethod);
        if (before && !after) {
            add('assessment-removed', 'worse', beforeText, afterText, `${id}'s ${which} risk is no longer assessed (was ${beforeText})${which === 'inherent' ? alsoResidual : ''}; an unassessed risk escapes the appetite and acceptance rules`);
            continue;
        }
        if (!before && after) {
            add('assessment-added', 'neutral', beforeText, afterText, `${id}'s ${which} risk is now assessed: ${afterText}${which === 'inherent' ? alsoResidual : ''}`);
            continue;
        }
        const direction = before && after ? compareAssessments(before, after, context) : 0;
        if (direction > 0) {
            add(`${which}-raised`, 'worse', beforeText, afterText, `${id}'s ${which} risk rose from ${beforeText} to ${afterText}${which === 'inherent' ? alsoResidual : ''}`);
        } else if (direction < 0) {
            add(`${which}-lowered`, 'better', beforeText, afterText, `${id}'s ${which} risk fell from ${beforeText} to ${afterText}${which === 'inherent' ? alsoResidual : ''}`);
        }
    }

    if (!base.aboveAppetite && head.aboveAppetite) {
        add('now-above-appetite', 'worse', 'within appetite', 'above appetite',
            `${id} is now above appetite: residual ${assessmentFormula(head.residual, context.headMethod)}, ${appetiteText(context.headMethod)}${head.accepted ? ', and a valid acceptance covers it' : ', with no valid acceptance'}`);
    } else if (base.aboveAppetite && !head.aboveAppetite) {
        // Only a lower residual is an improvement; a higher appetite alone is reported on the method.
        const byMethodOnly = context.underBaseMethod(head.risk)?.aboveAppetite ?? false;
        add('no-longer-above-appetite', byMethodOnly ? 'neutral' : 'better', 'above appetite', 'within appetite',
            `${id} is no longer above appetite: residual ${assessmentFormula(head.residual, context.headMethod)}, ${appetiteText(context.headMethod)}${byMethodOnly ? ', only because the method changed' : ''}`);
    }

    acceptanceChanges(pair, context, add);
    treatmentChanges(pair, add);
    changes.push(...actionChanges(pair));
    controlChanges(pair, context, add);

    const ownerBefore = mapped(refName(base.risk.owner), context);
    const ownerAfter = refName(head.risk.owner);
    if (ownerBefore !== ownerAfter) {
        add('owner-changed', 'neutral', ownerBefore, ownerAfter, `${id}'s owner changed from ${ownerBefore ?? 'nobody'} to ${ownerAfter ?? 'nobody'}`);
    }
    return changes;
}

type Add = (kind: ChangeKind, effect: Effect, before: string | null, after: string | null, message: string) => void;

/** Positive when the HEAD assessment is higher: by level rank in each version's method, then by score. */
function compareAssessments(before: Assessment, after: Assessment, context: RiskDiffContext): number {
    const rankBefore = context.baseMethod?.rank(before.level) ?? -1;
    const rankAfter = context.headMethod?.rank(after.level) ?? -1;
    return rankAfter - rankBefore || (after.score ?? 0) - (before.score ?? 0);
}

function acceptanceChanges(pair: RiskPair, context: RiskDiffContext, add: Add): void {
    const { base, head } = pair;
    const id = head.risk.name;
    const before = acceptanceView(base).shown;
    const after = acceptanceView(head).shown;
    const beforeText = before ? describeAcceptance(before, base, context.baseMethod, context.asOf) : 'none';
    const afterText = after ? describeAcceptance(after, head, context.headMethod, context.asOf) : 'none';
    // Whether the risk still needs the acceptance: above appetite now, or under the old method.
    const stillNeeded = head.aboveAppetite || (context.underBaseMethod(head.risk)?.aboveAppetite ?? false);
    if (base.acceptances.length > 0 && head.acceptances.length === 0) {
        const relied = base.accepted && stillNeeded;
        add('acceptance-removed', relied ? 'worse' : 'neutral', beforeText, 'none', relied
            ? `${id} lost its valid acceptance (${beforeText}) and is ${head.aboveAppetite ? 'above appetite' : 'above the base method\'s appetite'} without one`
            : `${id}'s acceptance was removed (${beforeText})`);
        return;
    }
    if (base.acceptances.length === 0 && head.acceptances.length > 0) {
        const helps = !base.accepted && head.accepted && head.aboveAppetite;
        add('acceptance-added', helps ? 'better' : 'neutral', 'none', afterText, `${id} gained an acceptance: ${afterText}`);
        return;
    }
    if (base.accepted && !head.accepted && head.acceptances.length > 0) {
        add('acceptance-now-invalid', stillNeeded ? 'worse' : 'neutral', beforeText, afterText, `${id}'s acceptance no longer holds: ${afterText}`);
    } else if (!base.accepted && head.accepted) {
        add('acceptance-now-valid', head.aboveAppetite ? 'better' : 'neutral', beforeText, afterText, `${id}'s acceptance now holds: ${afterText}`);
    } else if (base.accepted && head.accepted && before?.lapses && after?.lapses && before.lapses !== after.lapses) {
        const days = daysBetween(before.lapses, after.lapses);
        if (days > 0) {
            add('acceptance-extended', 'worse', before.lapses, after.lapses, `${id}'s acceptance now lasts until ${after.lapses}, ${days} days longer than ${before.lapses}`);
        } else {
            add('acceptance-shortened', 'better', before.lapses, after.lapses, `${id}'s acceptance now lapses on ${after.lapses}, ${-days} days before ${before.lapses}`);
        }
    }
    if (base.acceptances.length !== head.acceptances.length && !(base.accepted && !head.accepted)) {
        const kind = head.acceptances.length > base.acceptances.length ? 'acceptance-added' : 'acceptance-removed';
        add(kind, 'neutral', String(base.acceptances.length), String(head.acceptances.length),
            `${id} has ${head.acceptances.length} acceptances instead of ${base.acceptances.length}; the one that counts: ${afterText}`);
    }
}

/** `by CEO on 2026-11-15 until 2027-11-15: valid until 2027-11-15`, the verdict in acceptanceText's words. */
export function describeAcceptance(acceptance: AcceptanceEvaluation, risk: RiskEvaluation, method: MethodModel | undefined, asOf: string): string {
    const { by, on, until } = acceptance.acceptance;
    const clause = [by ? `by ${by.$refText}` : undefined, on ? `on ${on}` : undefined, until ? `until ${until}` : undefined].filter(Boolean).join(' ');
    const label = acceptanceText(acceptance, risk, method, asOf).label;
    return clause ? `${clause}: ${label}` : label;
}

function treatmentChanges(pair: RiskPair, add: Add): void {
    const before = treatmentText(pair.base.risk);
    const after = treatmentText(pair.head.risk);
    if (before !== after) {
        add('treatment-changed', 'neutral', before, after, `${pair.head.risk.name}'s treatment changed from ${before} to ${after}`);
    }
}

function treatmentText(risk: Risk): string {
    return risk.treatments.length === 0 ? 'none' : registerTreatmentText(treatmentCells(risk));
}

function actionChanges(pair: RiskPair): Change[] {
    const id = pair.head.risk.name;
    const changes: Change[] = [];
    const headActions = new Map(pair.head.actions.map(action => [action.id, action]));
    const baseIds = new Set(pair.base.actions.map(action => action.id));
    const add = (kind: ChangeKind, effect: Effect, action: ActionEvaluation, before: string | null, after: string | null, message: string) => {
        changes.push({ kind, subject: [id, action.id], effect, before, after, location: pointOf(action.action), message });
    };
    for (const before of pair.base.actions) {
        const after = headActions.get(before.id);
        if (!after) {
            add('action-removed', before.open ? 'worse' : 'neutral', before, actionText(before), null,
                `${id}'s ${before.open ? 'open ' : ''}action ${before.id} "${before.action.title}" was removed${before.open ? ' before it was done' : ''}`);
            continue;
        }
        const [statusBefore, statusAfter] = [before.action.status ?? 'planned', after.action.status ?? 'planned'];
        if (statusBefore !== statusAfter && statusAfter === 'cancelled') {
            add('action-cancelled', before.open ? 'worse' : 'neutral', after, statusBefore, statusAfter, `${id}'s action ${after.id} "${after.action.title}" was cancelled (was ${statusBefore})`);
        } else if (statusBefore !== statusAfter && statusAfter === 'done') {
            add('action-done', 'better', after, statusBefore, statusAfter, `${id}'s action ${after.id} "${after.action.title}" is done (was ${statusBefore})`);
        }
        const [dueBefore, dueAfter] = [before.action.due, after.action.due];
        if (after.open && dueBefore !== dueAfter) {
            const later = dueAfter === undefined || (dueBefore !== undefined && dueAfter > dueBefore);
            add(later ? 'action-postponed' : 'action-brought-forward', later ? 'worse' : 'better', after, dueBefore ?? 'no due date', dueAfter ?? 'no due date',
                `${id}'s action ${after.id} is now due ${dueAfter ?? 'on no date'} (was ${dueBefore ?? 'no date'})${after.overdue ? ', and is overdue' : ''}`);
        }
    }
    for (const after of pair.head.actions.filter(action => !baseIds.has(action.id))) {
        add('action-added', after.open ? 'better' : 'neutral', after, null, actionText(after), `${id} has a new action ${after.id} "${after.action.title}" (${actionText(after)})`);
    }
    return changes;
}

function actionText(action: ActionEvaluation): string {
    return [action.action.status ?? 'planned', action.action.due ? `due ${action.action.due}` : undefined].filter(Boolean).join(', ');
}

function controlChanges(pair: RiskPair, context: RiskDiffContext, add: Add): void {
    const id = pair.head.risk.name;
    const before = new Set(refNames(pair.base.risk.controls).map(name => mapped(name, context)!));
    const after = new Set(refNames(pair.head.risk.controls));
    for (const control of before) {
        if (!after.has(control)) {
            add('control-removed', 'worse', control, null, `${id} no longer lists ${control} among its existing controls`);
        }
    }
    for (const control of after) {
        if (!before.has(control)) {
            add('control-added', 'better', null, control, `${id} now lists ${control} among its existing controls`);
        }
    }
}

function mapped(name: string | null, context: RiskDiffContext): string | null {
    return name === null ? null : context.renamed.get(name) ?? name;
}
