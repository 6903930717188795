/**
 * The semantic diff of two evaluated versions of a model: every change with its
 * effect on the risk posture, what a method change masks, the before/after summary
 * and a verdict. Both versions must be evaluated on the same as-of date, so that
 * time passing is never reported as a change.
 */
import { evaluateRisk, type RiskEvaluation } from '../evaluation/risk-evaluation.js';
import { compareIds } from '../exports/cells.js';
import { registerSummary } from '../exports/summary.js';
import type { Risk } from '../generated/ast.js';
import { appetiteText, assessmentFormula } from '../lsp/text/assessment-text.js';
import { compareChanges, pointOf, type Change } from './change.js';
import { matchDeclarations, type DiffSide } from './declarations.js';
import { methodChanges } from './method-changes.js';
import { describeAcceptance, riskChanges } from './risk-changes.js';

export type Verdict = 'worse' | 'better' | 'mixed' | 'unchanged';

export interface PostureSummary {
    readonly risks: number;
    /** Risks per residual level, highest level first; `not assessed` last when there are such risks. */
    readonly residualLevels: ReadonlyArray<{ readonly level: string; readonly risks: number }>;
    readonly appetite: string | null;
    readonly aboveAppetite: readonly string[];
    /** Above appetite without a valid acceptance on the as-of date. */
    readonly unaccepted: readonly string[];
}

export interface ModelDiff {
    readonly asOf: string;
    /** Worse first, then better, then neutral; the most serious kind first within each. */
    readonly changes: readonly Change[];
    readonly verdict: Verdict;
    readonly base: PostureSummary;
    readonly head: PostureSummary;
}

export function diffModels(base: DiffSide, head: DiffSide): ModelDiff {
    const asOf = head.evaluation.asOf;
    if (base.evaluation.asOf !== asOf) {
        throw new Error(`both versions must be evaluated on the same date (${base.evaluation.asOf} and ${asOf})`);
    }
    const baseMethod = base.evaluation.method;
    const headMethod = head.evaluation.method;
    const matching = matchDeclarations(base, head);
    const method = methodChanges(baseMethod, headMethod, asOf);
    const underBaseMethod = maskingEvaluator(base, head, method.length > 0);
    const context = { baseMethod, headMethod, asOf, renamed: matching.renamed, underBaseMethod };

    const changes: Change[] = [...matching.changes, ...method];
    for (const pair of matching.pairs) {
        changes.push(...riskChanges(pair, context));
    }
    for (const risk of matching.added) {
        changes.push(riskAdded(risk, context));
    }
    for (const risk of matching.removed) {
        changes.push(riskRemoved(risk, context));
    }
    for (const risk of head.evaluation.risks) {
        const masked = maskedChange(risk, underBaseMethod(risk.risk), context);
        if (masked) {
            changes.push(masked);
        }
    }
    changes.sort((a, b) => compareChanges(a, b, compareIds));
    return { asOf, changes, verdict: verdictOf(changes), base: postureSummary(base), head: postureSummary(head) };
}

/**
 * HEAD's risks evaluated under BASE's method (same as-of date, HEAD's acceptances):
 * what the posture would be had only the risks changed. Only when the method changed.
 */
function maskingEvaluator(base: DiffSide, head: DiffSide, methodChanged: boolean): (risk: Risk) => RiskEvaluation | undefined {
    const method = base.evaluation.method;
    if (!methodChanged || !method) {
        return () => undefined;
    }
    const scopes = head.evaluation.scopes;
    const cache = new Map<Risk, RiskEvaluation>();
    return risk => {
        let evaluation = cache.get(risk);
        if (!evaluation) {
            evaluation = evaluateRisk(risk, { method, asOf: head.evaluation.asOf, soleScope: scopes.length === 1 ? scopes[0] : undefined });
            cache.set(risk, evaluation);
        }
        return evaluation;
    };
}

type Context = Parameters<typeof riskChanges>[1];

function maskedChange(head: RiskEvaluation, underBase: RiskEvaluation | undefined, context: Context): Change | undefined {
    if (!underBase || !underBase.aboveAppetite || underBase.accepted || (head.aboveAppetite && !head.accepted)) {
        return undefined;
    }
    const id = head.risk.name;
    const before = `${assessmentFormula(underBase.residual, context.baseMethod)}, above appetite, not accepted`;
    const after = `${assessmentFormula(head.residual, context.headMethod)}, ${head.aboveAppetite ? 'accepted' : 'within appetite'}`;
    return {
        kind: 'masked-by-method-change', subject: id, effect: 'worse', before, after, location: pointOf(head.risk),
        message: `${id} would be above appetite without a valid acceptance under the base method (${appetiteText(context.baseMethod)}); the method change, not its treatment, made it ${head.aboveAppetite ? 'accepted' : 'acceptable'}`
    };
}

function riskAdded(risk: RiskEvaluation, context: Context): Change {
    const id = risk.risk.name;
    const residual = assessmentFormula(risk.residual, context.headMethod);
    const acceptance = risk.acceptances.length > 0
        ? `; accepted ${describeAcceptance(risk.acceptances.find(item => item.valid) ?? risk.acceptances.at(-1)!, risk, context.headMethod, context.asOf)}`
        : '';
    const standing = risk.aboveAppetite ? (risk.accepted ? 'above appetite, accepted' : 'above appetite, not accepted') : 'within appetite';
    // A new risk that needs attention (above appetite or at the major level) is what a reviewer must see.
    const serious = risk.aboveAppetite || risk.major;
    return {
        kind: 'risk-added', subject: id, effect: serious ? 'worse' : 'neutral', before: null, after: `${residual}, ${standing}`, location: pointOf(risk.risk),
        message: `New risk ${id} "${risk.risk.title}": residual ${residual}${risk.major ? ' (major)' : ''}, ${standing}${acceptance}`
    };
}

function riskRemoved(risk: RiskEvaluation, context: Context): Change {
    const id = risk.risk.name;
    const residual = assessmentFormula(risk.residual, context.baseMethod);
    // Deleting an open risk above appetite hides it; `status closed` records that it was dealt with.
    const hidden = risk.aboveAppetite && risk.risk.status !== 'closed';
    return {
        kind: 'risk-removed', subject: id, effect: hidden ? 'worse' : 'neutral', before: `${residual}${risk.aboveAppetite ? ', above appetite' : ''}`, after: null, location: pointOf(risk.risk),
        message: hidden
            ? `Risk ${id} "${risk.risk.title}" was removed while above appetite (${residual}); a risk that was dealt with is kept with \`status closed\``
            : `Risk ${id} "${risk.risk.title}" was removed (${residual})`
    };
}

export function verdictOf(changes: readonly Change[]): Verdict {
    const worse = changes.some(change => change.effect === 'worse');
    const better = changes.some(change => change.effect === 'better');
    return worse && better ? 'mixed' : worse ? 'worse' : better ? 'better' : 'unchanged';
}

function postureSummary(side: DiffSide): PostureSummary {
    const summary = registerSummary(side.evaluation, side.evaluation.risks);
    const levels = summary.levels.map(level => ({ level: level.level, risks: level.residual }));
    return {
        risks: summary.risks,
        residualLevels: summary.notAssessed.residual > 0 ? [...levels, { level: 'not assessed', risks: summary.notAssessed.residual }] : levels,
        appetite: summary.appetite,
        aboveAppetite: summary.aboveAppetite,
        unaccepted: summary.unaccepted
    };
}
