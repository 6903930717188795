/**
 * The monitoring figures above the register and the treatment plan (ISO/IEC
 * 27001:2022 clause 9.1 asks what is measured): risks per level, risks above
 * appetite, unaccepted residual risks, acceptances about to lapse, and the state
 * of the actions. Computed from the evaluated model only.
 */
import { daysBetween, isRealDate } from '../evaluation/dates.js';
import type { ModelEvaluation } from '../evaluation/model-evaluator.js';
import type { ActionEvaluation, RiskEvaluation } from '../evaluation/risk-evaluation.js';
import { acceptanceView } from './acceptance.js';
import { compareIds, treatmentOption, type ExportedOption } from './cells.js';

/** Acceptances and actions this close to their date are flagged, as `acceptance-expiring` does. */
export const SOON_DAYS = 30;

export interface LevelCount {
    readonly level: string;
    readonly inherent: number;
    readonly residual: number;
}

export interface ActionSummary {
    readonly total: number;
    readonly planned: number;
    readonly inProgress: number;
    readonly done: number;
    readonly cancelled: number;
    /** IDs of open actions whose due date is before the as-of date. */
    readonly overdue: readonly string[];
    /** Actions not cancelled that have a due date. */
    readonly scheduled: number;
    /** Of those, open ones not overdue and done ones completed by their due date (section 11.5). */
    readonly onTime: number;
    /** Of those, done ones without a `completed` date: never counted as on time. */
    readonly completionUnknown: number;
}

export interface ExpiringAcceptance {
    readonly risk: string;
    /** The last day the acceptance holds. */
    readonly until: string;
    readonly daysLeft: number;
}

export interface RegisterSummary {
    readonly risks: number;
    readonly appetite: string | null;
    /** Risks per level, highest level first. */
    readonly levels: readonly LevelCount[];
    /** Risks without a level (no likelihood or impact). */
    readonly notAssessed: { readonly inherent: number; readonly residual: number };
    /** Risks whose residual level is above appetite. */
    readonly aboveAppetite: readonly string[];
    /** Of those, the ones without a valid acceptance on the as-of date. */
    readonly unaccepted: readonly string[];
    /** Valid acceptances of risks above appetite that lapse within 30 days. */
    readonly expiringAcceptances: readonly ExpiringAcceptance[];
    readonly actions: ActionSummary;
}

export interface OptionCount {
    readonly option: ExportedOption;
    readonly risks: number;
}

export interface DueAction {
    readonly action: string;
    readonly due: string;
}

export interface PlanSummary {
    /** Risks with a `treatment`. */
    readonly risksTreated: number;
    readonly options: readonly OptionCount[];
    /** Risks with a treatment and no action: their plan row has no action. */
    readonly risksWithoutActions: readonly string[];
    readonly actions: ActionSummary;
    /** Open actions due within 30 days of the as-of date (not yet overdue). */
    readonly dueSoon: readonly DueAction[];
}

export function registerSummary(evaluation: ModelEvaluation, risks: readonly RiskEvaluation[]): RegisterSummary {
    const levels = [...(evaluation.method?.levels ?? [])].reverse();
    const ids = (selected: readonly RiskEvaluation[]) => selected.map(risk => risk.risk.name).sort(compareIds);
    const above = risks.filter(risk => risk.aboveAppetite);
    const expiring = above.flatMap(risk => {
        const shown = acceptanceView(risk).shown;
        return risk.accepted && shown?.valid && shown.lapses && shown.daysLeft !== undefined && shown.daysLeft <= SOON_DAYS
            ? [{ risk: risk.risk.name, until: shown.lapses, daysLeft: shown.daysLeft }]
            : [];
    });
    return {
        risks: risks.length,
        appetite: evaluation.method?.appetite?.name ?? null,
        levels: levels.map(level => ({
            level: level.name,
            inherent: risks.filter(risk => risk.inherent?.level === level).length,
            residual: risks.filter(risk => risk.residual?.level === level).length
        })),
        notAssessed: {
            inherent: risks.filter(risk => !risk.inherent?.level).length,
            residual: risks.filter(risk => !risk.residual?.level).length
        },
        aboveAppetite: ids(above),
        unaccepted: ids(above.filter(risk => !risk.accepted)),
        expiringAcceptances: expiring.sort((a, b) => a.daysLeft - b.daysLeft || compareIds(a.risk, b.risk)),
        actions: actionSummary(risks.flatMap(risk => risk.actions))
    };
}

export function planSummary(evaluation: ModelEvaluation, risks: readonly RiskEvaluation[] = evaluation.risks): PlanSummary {
    const treated = risks.filter(risk => risk.risk.treatments.length > 0);
    const actions = treated.flatMap(risk => risk.actions);
    const options = (['reduce', 'accept', 'share', 'avoid', 'defer'] as const).map(option => ({
        option,
        risks: treated.filter(risk => risk.risk.treatments.some(treatment => treatmentOption(treatment.option) === option)).length
    }));
    const dueSoon = actions
        .filter(action => action.open && !action.overdue && action.action.due !== undefined
            && isRealDate(action.action.due) && action.action.due >= evaluation.asOf && daysBetween(evaluation.asOf, action.action.due) <= SOON_DAYS)
        .map(action => ({ action: action.id, due: action.action.due! }))
        .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : compareIds(a.action, b.action)));
    return {
        risksTreated: treated.length,
        options,
        risksWithoutActions: treated.filter(risk => risk.actions.length === 0).map(risk => risk.risk.name).sort(compareIds),
        actions: actionSummary(actions),
        dueSoon
    };
}

export function actionSummary(actions: readonly ActionEvaluation[]): ActionSummary {
    const status = (action: ActionEvaluation) => action.action.status ?? 'planned';
    // Timeliness comes from the evaluation: cancelled actions and those without a real due date have none.
    const scheduled = actions.filter(action => action.timeliness !== undefined);
    return {
        total: actions.length,
        planned: actions.filter(action => status(action) === 'planned').length,
        inProgress: actions.filter(action => status(action) === 'in-progress').length,
        done: actions.filter(action => status(action) === 'done').length,
        cancelled: actions.filter(action => status(action) === 'cancelled').length,
        overdue: actions.filter(action => action.overdue).map(action => action.id).sort(compareIds),
        scheduled: scheduled.length,
        onTime: scheduled.filter(action => action.timeliness === 'on time').length,
        completionUnknown: scheduled.filter(action => action.timeliness === 'completion date unknown').length
    };
}
