/**
 * The risk treatment plan (ISO/IEC 27001:2022 clause 6.1.3 e; specification
 * section 10): one row per action; a risk with a `treatment` but no action gets one
 * row with the action columns empty. Sorted by due date (none last), then risk ID,
 * then the action's position in its treatment.
 */
import type { ModelEvaluation } from '../evaluation/model-evaluator.js';
import type { ActionEvaluation, RiskEvaluation } from '../evaluation/risk-evaluation.js';
import type { ActionStatus, Treatment } from '../generated/ast.js';
import { type ExportedOption, compareDates, compareIds, listText, refName, refNames, text, treatmentOption, yesNo } from './cells.js';
import { buildHeatMap } from './heat-map.js';
import { planSummary } from './summary.js';
import { selectedRisks, type Column, type ExportOptions, type PlanExport } from './table.js';
import { decidedTreatments } from '../model/risk-parts.js';

export interface PlanRow {
    /** The action's ID, or `RISK/n` for an unnamed one; null on a risk's row without action. */
    readonly action: string | null;
    readonly risk: string;
    readonly riskTitle: string;
    /** The risk's current (inherent) level. */
    readonly level: string | null;
    /** `reduce`, `accept`, `share` or `avoid` (`transfer` is written `share`). */
    readonly option: ExportedOption;
    readonly actionTitle: string | null;
    /** The action's owner. */
    readonly owner: string | null;
    readonly due: string | null;
    /** The action's status; an action without one counts as `planned`. */
    readonly status: ActionStatus | null;
    /** When a done action was completed (`completed`). */
    readonly completed: string | null;
    readonly overdue: boolean | null;
    /** Controls the action implements: Annex A IDs and own controls. */
    readonly controls: readonly string[];
    /** The risk's residual level: what the treatment aims at. */
    readonly targetResidualLevel: string | null;
}

export const PLAN_COLUMNS: ReadonlyArray<Column<PlanRow>> = [
    { header: 'Action', key: 'action', text: row => text(row.action) },
    { header: 'Risk', key: 'risk', text: row => row.risk },
    { header: 'Risk title', key: 'riskTitle', text: row => row.riskTitle },
    { header: 'Level', key: 'level', cell: 'level', text: row => text(row.level) },
    { header: 'Option', key: 'option', text: row => row.option },
    { header: 'Action title', key: 'actionTitle', text: row => text(row.actionTitle) },
    { header: 'Owner', key: 'owner', text: row => text(row.owner) },
    { header: 'Due', key: 'due', cell: 'date', text: row => text(row.due) },
    { header: 'Status', key: 'status', text: row => text(row.status) },
    { header: 'Completed', key: 'completed', cell: 'date', text: row => text(row.completed) },
    { header: 'Overdue', key: 'overdue', text: row => yesNo(row.overdue) },
    { header: 'Controls', key: 'controls', text: row => listText(row.controls) },
    { header: 'Target residual level', key: 'targetResidualLevel', cell: 'level', text: row => text(row.targetResidualLevel) }
];

export function buildPlan(evaluation: ModelEvaluation, options: ExportOptions = {}): PlanExport {
    const risks = selectedRisks(evaluation, options);
    const treated = risks.filter(risk => decidedTreatments(risk.risk).length > 0);
    const method = evaluation.method;
    const rows = treated
        .flatMap(risk => decidedTreatments(risk.risk).flatMap(treatment => {
            // Each treatment's actions under its option; a treatment without actions is one row of its own.
            const actions = risk.actions.filter(action => action.action.$container === treatment);
            return actions.length > 0 ? actions.map(action => planRow(risk, treatment, action)) : [planRow(risk, treatment, undefined)];
        }))
        .map((row, index) => ({ row, index }))
        .sort((a, b) => compareDates(a.row.due, b.row.due) || compareIds(a.row.risk, b.row.risk) || a.index - b.index)
        .map(({ row }) => row);
    return {
        kind: 'plan',
        asOf: evaluation.asOf,
        model: method?.method.title ?? null,
        title: 'Risk treatment plan',
        columns: PLAN_COLUMNS,
        rows,
        summary: planSummary(evaluation, risks),
        heatMaps: method
            ? [
                buildHeatMap(method, treated, 'inherent', 'Treated risks before treatment'),
                buildHeatMap(method, treated, 'residual', 'Treated risks after treatment (target residual risk)')
            ]
            : []
    };
}

function planRow(evaluation: RiskEvaluation, treatment: Treatment, action: ActionEvaluation | undefined): PlanRow {
    const { risk } = evaluation;
    return {
        action: action?.id ?? null,
        risk: risk.name,
        // Required by the grammar, so absent only after a syntax error: the row keeps the rest.
        riskTitle: risk.title ?? '',
        level: evaluation.inherent?.level?.name ?? null,
        option: treatmentOption(treatment.option),
        actionTitle: action?.action.title ?? null,
        owner: action ? refName(action.action.owner) : null,
        due: action?.action.due ?? null,
        status: action ? action.action.status ?? 'planned' : null,
        completed: action?.action.completed ?? null,
        overdue: action ? action.overdue : null,
        controls: action ? refNames(action.action.controls) : [],
        targetResidualLevel: evaluation.residual?.level?.name ?? null
    };
}
