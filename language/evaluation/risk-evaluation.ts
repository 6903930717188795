/**
 * What a risk amounts to on the as-of date: inherent and residual score and level,
 * whether it is above appetite, which acceptances hold, which actions are overdue.
 */
import type { Acceptance, Action, Asset, ImpactValue, Level, LikelihoodValue, Risk, Role, Scope, SecurityProperty, Treatment } from '../generated/ast.js';
import { actionsOf } from '../model/risk-parts.js';
import { addDuration, daysBetween, isRealDate, type IsoDate } from './dates.js';
import type { Term } from './durations.js';
import { justificationState, type JustificationState } from './justification.js';
import type { MethodModel } from './method-model.js';

export interface Assessment {
    readonly likelihood: LikelihoodValue;
    readonly impact: ImpactValue;
    readonly score?: number;
    readonly level?: Level;
}

/**
 * On what ground a role may accept a residual (section 11.2), from the highest tier down:
 * a `management` role; a role whose `accepts` level reaches the residual; the risk owner.
 */
export type AcceptanceAuthority =
    | { readonly tier: 'management' }
    | { readonly tier: 'accepts'; readonly level: Level }
    | { readonly tier: 'owner' };

export interface AcceptanceEvaluation {
    readonly acceptance: Acceptance;
    /** `by`, `on` and a justification that is no placeholder are all there. */
    readonly complete: boolean;
    /** Whether the justification says why: `placeholder` for `TODO`, `...` and the like (justification.ts). */
    readonly justification: JustificationState;
    /** The last day it holds: `until`, or `on` plus the method's term. */
    readonly lapses?: IsoDate;
    /** No `until`, and the method's `lasts` is invalid (`duration-invalid`): no lapse date can be known. */
    readonly termless: boolean;
    readonly notYetEffective: boolean;
    readonly expired: boolean;
    /** Days from the as-of date to the lapse date, when it has not lapsed. */
    readonly daysLeft?: number;
    readonly authorised: boolean;
    /** Why the `by` role may accept this residual; undefined when it may not. */
    readonly authority?: AcceptanceAuthority;
    /** The pinned `level` ranks below the residual level computed now. */
    readonly outdated: boolean;
    /** `until` is before `on` (section 11.2): the acceptance never holds. */
    readonly periodInvalid: boolean;
    /** `until` is later than `on` plus the method's `longest` term. */
    readonly tooLong: boolean;
    /**
     * The last day it holds or held (`lapses`) when, dates aside, it is valid; undefined for an
     * acceptance that holds on no day at all (incomplete, not authorised, outdated), so that no
     * report shows a term for a decision that never counted.
     */
    readonly holdsUntil?: IsoDate;
    readonly valid: boolean;
}

/**
 * Whether an action kept its date, for the "% actions on time" figure (section 11.5):
 * an open action is on time until it is overdue; a done one only when its `completed`
 * date is known and not after `due`.
 */
export type ActionTimeliness = 'on time' | 'late' | 'completion date unknown';

export interface ActionEvaluation {
    readonly action: Action;
    /** Its ID or, without one, `RISK/n` where n is its position in the treatment (stable when others get IDs). */
    readonly id: string;
    readonly open: boolean;
    readonly overdue: boolean;
    /** Undefined for a cancelled action and one without a real `due` date: it has no date to keep. */
    readonly timeliness?: ActionTimeliness;
}

export interface DeferralEvaluation {
    readonly treatment: Treatment;
    /** The deferral's `until` is before the as-of date: the decision is overdue. */
    readonly lapsed: boolean;
    /** Days from the as-of date to `until` (0 on the day itself); undefined when lapsed or without a real date. */
    readonly daysLeft?: number;
    /** Days from `until` to the as-of date, once lapsed. */
    readonly daysOverdue?: number;
}

/** The inherent impact is below what a harmed primary asset declares for an affected property. */
export interface ImpactUnderstatement {
    readonly asset: Asset;
    readonly property: SecurityProperty;
    readonly value: ImpactValue;
}

/** `treat LEVEL within …` applies and the first action is due after the deadline, or none is planned by then. */
export interface TreatmentLateness {
    readonly within: Term;
    /** `identified` plus the term. */
    readonly deadline: IsoDate;
    /** The earliest `due` of the risk's actions that are not cancelled. */
    readonly earliestDue?: IsoDate;
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
    /** The actions of all its treatments, in the order written. */
    readonly actions: readonly ActionEvaluation[];
    /** `treatment defer …`, when the risk has one. */
    readonly deferral?: DeferralEvaluation;
    /** The highest C/I/A value above the inherent impact, when the risk `affects` properties. */
    readonly impactUnderstated?: ImpactUnderstatement;
    readonly treatmentLate?: TreatmentLateness;
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
    // `residual likelihood X` alone keeps the inherent impact, and the other way round (section 11.3).
    const residual = risk.residual
        ? assess(method,
            risk.residual.likelihood ? risk.residual.likelihood.ref : risk.likelihood?.ref,
            risk.residual.impact ? risk.residual.impact.ref : risk.impact?.ref)
        : inherent;
    const aboveAppetite = method?.isAboveAppetite(residual?.level) ?? false;
    const major = method?.isMajor(residual?.level) ?? false;
    const acceptances = risk.acceptances.map(acceptance => evaluateAcceptance(acceptance, risk, residual, major, context));
    const reviewCadence = method?.reviewCadence(residual?.level);
    const reviewDue = reviewCadence && risk.reviewed && isRealDate(risk.reviewed)
        ? addDuration(risk.reviewed, reviewCadence.amount, reviewCadence.unit)
        : undefined;
    const { harms, derived } = harmedAssets(risk);
    const actions = evaluateActions(risk, asOf);
    const deferral = risk.treatments.find(treatment => treatment.option === 'defer');
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
        actions,
        deferral: deferral ? evaluateDeferral(deferral, asOf) : undefined,
        impactUnderstated: impactUnderstatement(risk, inherent, harms),
        treatmentLate: treatmentLateness(risk, inherent, actions, context),
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
    const justification = justificationState(acceptance.justification);
    const complete = acceptance.by !== undefined && acceptance.on !== undefined && justification === 'written';
    const notYetEffective = on !== undefined && on > asOf;
    const expired = lapses !== undefined && lapses < asOf;
    const role = acceptance.by?.ref;
    const authority = role ? authorityOf(role, risk, major, { method, level: residual?.level }) : undefined;
    const authorised = authority !== undefined;
    const pinnedRank = method?.rank(acceptance.level?.ref);
    const residualRank = method?.rank(residual?.level);
    const outdated = pinnedRank !== undefined && residualRank !== undefined && pinnedRank < residualRank;
    const periodInvalid = on !== undefined && until !== undefined && until < on;
    const longest = method?.longestAcceptance;
    const latestUntil = on !== undefined && longest !== undefined ? addDuration(on, longest.amount, longest.unit) : undefined;
    const tooLong = until !== undefined && latestUntil !== undefined && until > latestUntil;
    const holds = complete && on !== undefined && lapses !== undefined && authorised && !outdated && !periodInvalid;
    return {
        acceptance,
        complete,
        justification,
        lapses,
        termless: acceptance.until === undefined && method !== undefined && term === undefined,
        notYetEffective,
        // An acceptance that ends before it starts never held, so it cannot have lapsed.
        expired: expired && !periodInvalid,
        daysLeft: lapses !== undefined && !expired ? daysBetween(asOf, lapses) : undefined,
        authorised,
        authority,
        outdated,
        periodInvalid,
        tooLong,
        holdsUntil: holds ? lapses : undefined,
        valid: holds && !notYetEffective && !expired
    };
}

/**
 * Who may accept a residual (section 11.2): a management role any residual; below
 * `major`, the risk owner, or a role whose `accepts` level is at or above the residual level.
 */
export function mayAccept(role: Role, risk: Risk, major: boolean, residual: { method?: MethodModel; level?: Level } = {}): boolean {
    return authorityOf(role, risk, major, residual) !== undefined;
}

/**
 * The ground on which a role may accept a residual, or undefined. A role that both owns the
 * risk and `accepts` the level is named by its `accepts` tier: the higher of the two.
 */
export function authorityOf(role: Role, risk: Risk, major: boolean, residual: { method?: MethodModel; level?: Level } = {}): AcceptanceAuthority | undefined {
    if (role.management) {
        return { tier: 'management' };
    }
    if (major) {
        return undefined;
    }
    const accepts = role.accepts?.ref;
    const authority = residual.method?.rank(accepts);
    const level = residual.method?.rank(residual.level);
    if (accepts && authority !== undefined && level !== undefined && authority >= level) {
        return { tier: 'accepts', level: accepts };
    }
    return risk.owner?.ref === role ? { tier: 'owner' } : undefined;
}

function evaluateDeferral(treatment: Treatment, asOf: IsoDate): DeferralEvaluation {
    const until = treatment.until !== undefined && isRealDate(treatment.until) ? treatment.until : undefined;
    if (until === undefined) {
        return { treatment, lapsed: false };
    }
    const lapsed = until < asOf;
    return lapsed
        ? { treatment, lapsed, daysOverdue: daysBetween(until, asOf) }
        : { treatment, lapsed, daysLeft: daysBetween(asOf, until) };
}

function evaluateActions(risk: Risk, asOf: IsoDate): ActionEvaluation[] {
    return actionsOf(risk).map((action, index) => {
        const open = OPEN_ACTION_STATUSES.has(action.status);
        const due = action.due !== undefined && isRealDate(action.due) ? action.due : undefined;
        const overdue = open && due !== undefined && due < asOf;
        return {
            action,
            id: action.name ?? `${risk.name}/${index + 1}`,
            open,
            overdue,
            timeliness: due === undefined || action.status === 'cancelled' ? undefined : timelinessOf(action, due, overdue)
        };
    });
}

function timelinessOf(action: Action, due: IsoDate, overdue: boolean): ActionTimeliness {
    if (action.status !== 'done') {
        return overdue ? 'late' : 'on time';
    }
    if (action.completed === undefined || !isRealDate(action.completed)) {
        return 'completion date unknown';
    }
    return action.completed <= due ? 'on time' : 'late';
}

const SECURITY_PROPERTIES: readonly SecurityProperty[] = ['confidentiality', 'integrity', 'availability'];

/** Section 11.4: the inherent impact must reach the highest value a harmed asset declares for an affected property. */
function impactUnderstatement(risk: Risk, inherent: Assessment | undefined, harms: readonly Asset[]): ImpactUnderstatement | undefined {
    if (!inherent || risk.affects.length === 0) {
        return undefined;
    }
    let highest: ImpactUnderstatement | undefined;
    for (const asset of harms) {
        for (const property of SECURITY_PROPERTIES.filter(candidate => risk.affects.includes(candidate))) {
            const value = asset[property]?.ref;
            if (value && value.value > inherent.impact.value && (!highest || value.value > highest.value.value)) {
                highest = { asset, property, value };
            }
        }
    }
    return highest;
}

/** Section 11.5: `treat LEVEL within N days` from the risk's `identified` date to its first action's `due`. */
function treatmentLateness(risk: Risk, inherent: Assessment | undefined, actions: readonly ActionEvaluation[], context: RiskContext): TreatmentLateness | undefined {
    const within = context.method?.treatmentDeadline(inherent?.level);
    if (!within || !risk.identified || !isRealDate(risk.identified)) {
        return undefined;
    }
    const deadline = addDuration(risk.identified, within.amount, within.unit);
    if (deadline === undefined) {
        return undefined;
    }
    const dues = actions
        .filter(action => action.action.status !== 'cancelled' && action.action.due !== undefined && isRealDate(action.action.due))
        .map(action => action.action.due!)
        .sort();
    const earliestDue = dues[0];
    // Without any dated action, treatment is late once the deadline has passed.
    const late = earliestDue !== undefined ? earliestDue > deadline : deadline < context.asOf;
    return late ? { within, deadline, earliestDue } : undefined;
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
