/**
 * What a risk amounts to on the as-of date: inherent and residual score and level,
 * whether it is above appetite, which acceptances hold, which actions are overdue.
 */
import type { Acceptance, Action, Asset, ImpactValue, Level, LikelihoodValue, Risk, Role, Scope } from '../generated/ast.js';
import { addDuration, daysBetween, isRealDate, type IsoDate } from './dates.js';
import type { MethodModel } from './method-model.js';

export interface Assessment {
    readonly likelihood: LikelihoodValue;
    readonly impact: ImpactValue;
    readonly score?: number;
    readonly level?: Level;
}

export interface AcceptanceEvaluation {
    readonly acceptance: Acceptance;
    /** `by`, `on` and a justification are all there. */
    readonly complete: boolean;
    /** The last day it holds: `until`, or `on` plus the method's term. */
    readonly lapses?: IsoDate;
    /** No `until`, and the method's `lasts` is invalid (`duration-invalid`): no lapse date can be known. */
    readonly termless: boolean;
    readonly notYetEffective: boolean;
    readonly expired: boolean;
    /** Days from the as-of date to the lapse date, when it has not lapsed. */
    readonly daysLeft?: number;
    readonly authorised: boolean;
    /** The pinned `level` ranks below the residual level computed now. */
    readonly outdated: boolean;
    readonly valid: boolean;
}

export interface ActionEvaluation {
    readonly action: Action;
    /** Its ID or, without one, `RISK/n` where n is its position in the treatment (stable when others get IDs). */
    readonly id: string;
    readonly open: boolean;
    readonly overdue: boolean;
}

export interface RiskEvaluation {
    readonly risk: Risk;
    readonly inherent?: Assessment;
    /** The residual risk: `residual`, or the inherent risk when there is none. */
    readonly residual?: Assessment;
    readonly hasExplicitResidual: boolean;
    readonly inherentAboveAppetite: boolean;
    readonly aboveAppetite: boolean;
    /** The residual is at or above the method's `major` level. */
    readonly major: boolean;
    readonly acceptances: readonly AcceptanceEvaluation[];
    readonly accepted: boolean;
    readonly actions: readonly ActionEvaluation[];
    /** `harms`, or the primary assets the `on` assets support. */
    readonly harms: readonly Asset[];
    readonly harmsDerived: boolean;
    readonly scope?: Scope;
    /** The date by which the next review is due, when a cadence applies and `reviewed` is a date. */
    readonly reviewDue?: IsoDate;
    readonly reviewOverdue: boolean;
}

export interface RiskContext {
    readonly method?: MethodModel;
    readonly asOf: IsoDate;
    /** The model's only scope, which every risk without `scope` belongs to. */
    readonly soleScope?: Scope;
}

const OPEN_ACTION_STATUSES = new Set(['planned', 'in-progress', undefined]);

export function evaluateRisk(risk: Risk, context: RiskContext): RiskEvaluation {
    const { method, asOf } = context;
    const inherent = assess(method, risk.likelihood?.ref, risk.impact?.ref);
    const hasExplicitResidual = risk.residual !== undefined;
    const residual = hasExplicitResidual ? assess(method, risk.residual?.likelihood?.ref, risk.residual?.impact?.ref) : inherent;
    const aboveAppetite = method?.isAboveAppetite(residual?.level) ?? false;
    const major = method?.isMajor(residual?.level) ?? false;
    const acceptances = risk.acceptances.map(acceptance => evaluateAcceptance(acceptance, risk, residual, major, context));
    const reviewCadence = method?.reviewCadence(residual?.level);
    const reviewDue = reviewCadence && risk.reviewed && isRealDate(risk.reviewed)
        ? addDuration(risk.reviewed, reviewCadence.amount, reviewCadence.unit)
        : undefined;
    const { harms, derived } = harmedAssets(risk);
    return {
        risk,
        inherent,
        residual,
        hasExplicitResidual,
        inherentAboveAppetite: method?.isAboveAppetite(inherent?.level) ?? false,
        aboveAppetite,
        major,
        acceptances,
        accepted: acceptances.some(acceptance => acceptance.valid),
        actions: evaluateActions(risk, asOf),
        harms,
        harmsDerived: derived,
        scope: risk.scope?.ref ?? (risk.scope ? undefined : context.soleScope),
        reviewDue,
        // A closed risk is no longer monitored, so it has no review cadence to miss.
        reviewOverdue: risk.status !== 'closed' && reviewCadence !== undefined && (reviewDue === undefined ? !risk.reviewed : reviewDue < asOf)
    };
}

function assess(method: MethodModel | undefined, likelihood: LikelihoodValue | undefined, impact: ImpactValue | undefined): Assessment | undefined {
    if (!likelihood || !impact) {
        return undefined;
    }
    return { likelihood, impact, ...method?.assess(likelihood.value, impact.value) };
}

function evaluateAcceptance(acceptance: Acceptance, risk: Risk, residual: Assessment | undefined, major: boolean, context: RiskContext): AcceptanceEvaluation {
    const { method, asOf } = context;
    const on = acceptance.on && isRealDate(acceptance.on) ? acceptance.on : undefined;
    const until = acceptance.until && isRealDate(acceptance.until) ? acceptance.until : undefined;
    // An `until` that is no date must not quietly become the default term: nobody decided that term.
    const untilUnreadable = acceptance.until !== undefined && until === undefined;
    const term = method?.acceptanceTerm;
    const lapses = untilUnreadable ? undefined : until ?? (on && term ? addDuration(on, term.amount, term.unit) : undefined);
    const complete = acceptance.by !== undefined && acceptance.on !== undefined && (acceptance.justification ?? '').trim() !== '';
    const notYetEffective = on !== undefined && on > asOf;
    const expired = lapses !== undefined && lapses < asOf;
    const role = acceptance.by?.ref;
    const authorised = role !== undefined && mayAccept(role, risk, major);
    const pinnedRank = method?.rank(acceptance.level?.ref);
    const residualRank = method?.rank(residual?.level);
    const outdated = pinnedRank !== undefined && residualRank !== undefined && pinnedRank < residualRank;
    return {
        acceptance,
        complete,
        lapses,
        termless: acceptance.until === undefined && method !== undefined && term === undefined,
        notYetEffective,
        expired,
        daysLeft: lapses !== undefined && !expired ? daysBetween(asOf, lapses) : undefined,
        authorised,
        outdated,
        valid: complete && on !== undefined && lapses !== undefined && !notYetEffective && !expired && authorised && !outdated
    };
}

/** A management role may accept any residual; the risk owner only one below `major`. */
export function mayAccept(role: Role, risk: Risk, major: boolean): boolean {
    return role.management || (!major && risk.owner?.ref === role);
}

function evaluateActions(risk: Risk, asOf: IsoDate): ActionEvaluation[] {
    return (risk.treatment?.actions ?? []).map((action, index) => {
        const open = OPEN_ACTION_STATUSES.has(action.status);
        return {
            action,
            id: action.name ?? `${risk.name}/${index + 1}`,
            open,
            overdue: open && action.due !== undefined && isRealDate(action.due) && action.due < asOf
        };
    });
}

function harmedAssets(risk: Risk): { harms: Asset[]; derived: boolean } {
    if (risk.harms.length > 0) {
        return { harms: risk.harms.flatMap(ref => ref.ref ?? []), derived: false };
    }
    const harms = new Set<Asset>();
    for (const asset of risk.on) {
        for (const supported of asset.ref?.supports ?? []) {
            if (supported.ref) {
                harms.add(supported.ref);
            }
        }
    }
    return { harms: [...harms], derived: true };
}
