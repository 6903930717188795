/**
 * The risk register (specification section 10): one row per risk, in the
 * specification's column order, sorted by residual level (highest first), then
 * inherent level (highest first), then ID. Every score and level is read from the
 * evaluated model.
 */
import type { ModelEvaluation } from '../evaluation/model-evaluator.js';
import type { RiskEvaluation } from '../evaluation/risk-evaluation.js';
import type { Level, Risk, RiskStatus } from '../generated/ast.js';
import { decidedTreatments } from '../model/risk-parts.js';
import { acceptanceView, type AcceptanceStatus } from './acceptance.js';
import { type ExportedOption, compareIds, listText, refName, refNames, scaleCell, scaleText, sourceLocation, text, treatmentOption, yesNo } from './cells.js';
import { buildHeatMap } from './heat-map.js';
import { registerSummary } from './summary.js';
import { selectedRisks, type Column, type ExportOptions, type RegisterExport, type ScaleCell } from './table.js';

export interface TreatmentCell {
    /** `reduce`, `accept`, `share`, `avoid` or `defer` (`transfer` is written `share`). */
    readonly option: ExportedOption;
    /** The party of `share … with "…"`. */
    readonly with: string | null;
    /** The review point of `defer until …`. */
    readonly until: string | null;
    /** The reason of a deferral. */
    readonly reason: string | null;
}

export interface RegisterRow {
    readonly id: string;
    readonly title: string;
    readonly consequence: string | null;
    readonly scope: string | null;
    readonly owner: string | null;
    readonly threat: readonly string[];
    readonly vulnerabilities: readonly string[];
    readonly assets: readonly string[];
    readonly harms: readonly string[];
    readonly affects: readonly string[];
    readonly likelihood: ScaleCell | null;
    readonly impact: ScaleCell | null;
    readonly score: number | null;
    readonly level: string | null;
    readonly existingControls: readonly string[];
    readonly treatment: readonly TreatmentCell[];
    readonly actions: readonly string[];
    readonly residualLikelihood: ScaleCell | null;
    readonly residualImpact: ScaleCell | null;
    readonly residualScore: number | null;
    readonly residualLevel: string | null;
    readonly aboveAppetite: boolean | null;
    readonly acceptance: AcceptanceStatus | null;
    readonly acceptedBy: string | null;
    readonly acceptedUntil: string | null;
    readonly status: RiskStatus | null;
    readonly reviewed: string | null;
    readonly tags: readonly string[];
    readonly file: string;
    readonly line: number | null;
}

export const REGISTER_COLUMNS: ReadonlyArray<Column<RegisterRow>> = [
    { header: 'ID', key: 'id', text: row => row.id },
    { header: 'Title', key: 'title', text: row => row.title },
    { header: 'Consequence', key: 'consequence', text: row => text(row.consequence) },
    { header: 'Scope', key: 'scope', text: row => text(row.scope) },
    { header: 'Owner', key: 'owner', text: row => text(row.owner) },
    { header: 'Threat', key: 'threat', text: row => listText(row.threat) },
    { header: 'Vulnerabilities', key: 'vulnerabilities', text: row => listText(row.vulnerabilities) },
    { header: 'Assets', key: 'assets', text: row => listText(row.assets) },
    { header: 'Harms', key: 'harms', text: row => listText(row.harms) },
    { header: 'Affects', key: 'affects', text: row => listText(row.affects) },
    { header: 'Likelihood', key: 'likelihood', text: row => scaleText(row.likelihood) },
    { header: 'Impact', key: 'impact', text: row => scaleText(row.impact) },
    { header: 'Score', key: 'score', text: row => text(row.score) },
    { header: 'Level', key: 'level', cell: 'level', text: row => text(row.level) },
    { header: 'Existing controls', key: 'existingControls', text: row => listText(row.existingControls) },
    { header: 'Treatment', key: 'treatment', text: row => treatmentText(row.treatment) },
    { header: 'Actions', key: 'actions', text: row => listText(row.actions) },
    { header: 'Residual likelihood', key: 'residualLikelihood', text: row => scaleText(row.residualLikelihood) },
    { header: 'Residual impact', key: 'residualImpact', text: row => scaleText(row.residualImpact) },
    { header: 'Residual score', key: 'residualScore', text: row => text(row.residualScore) },
    { header: 'Residual level', key: 'residualLevel', cell: 'level', text: row => text(row.residualLevel) },
    { header: 'Above appetite', key: 'aboveAppetite', text: row => yesNo(row.aboveAppetite) },
    { header: 'Acceptance', key: 'acceptance', text: row => text(row.acceptance) },
    { header: 'Accepted by', key: 'acceptedBy', text: row => text(row.acceptedBy) },
    { header: 'Accepted until', key: 'acceptedUntil', cell: 'date', text: row => text(row.acceptedUntil) },
    { header: 'Status', key: 'status', text: row => text(row.status) },
    { header: 'Reviewed', key: 'reviewed', cell: 'date', text: row => text(row.reviewed) },
    { header: 'Tags', key: 'tags', text: row => listText(row.tags) },
    { header: 'File', key: 'file', text: row => row.file },
    { header: 'Line', key: 'line', text: row => text(row.line) }
];

/** Several treatments are listed in the order written, joined by `; ` (section 11.3). */
export function treatmentText(treatments: readonly TreatmentCell[]): string {
    return treatments.map(treatment => {
        if (treatment.option === 'defer') {
            return treatment.until ? `defer until ${treatment.until}` : 'defer';
        }
        return treatment.with ? `${treatment.option} with ${treatment.with}` : treatment.option;
    }).join(TREATMENT_SEPARATOR);
}

const TREATMENT_SEPARATOR = '; ';

/**
 * A risk's treatments as the register writes them, in the order written: those whose
 * option is written, as the plan lists them (a `treatment` just typed is a syntax error, not a row).
 */
export function treatmentCells(risk: Risk): TreatmentCell[] {
    return decidedTreatments(risk).map(treatment => ({
        option: treatmentOption(treatment.option),
        with: treatment.party ?? null,
        until: treatment.until ?? null,
        reason: treatment.reason ?? null
    }));
}

export function buildRegister(evaluation: ModelEvaluation, options: ExportOptions = {}): RegisterExport {
    const risks = sortForRegister(evaluation, selectedRisks(evaluation, options));
    const method = evaluation.method;
    return {
        kind: 'register',
        asOf: evaluation.asOf,
        model: method?.method.title ?? null,
        title: 'Risk register',
        columns: REGISTER_COLUMNS,
        rows: risks.map(risk => registerRow(risk, evaluation, options)),
        summary: registerSummary(evaluation, risks),
        heatMaps: method
            ? [
                buildHeatMap(method, risks, 'inherent', 'Inherent risk'),
                buildHeatMap(method, risks, 'residual', 'Residual risk')
            ]
            : []
    };
}

/** Residual level highest first, then inherent level highest first, then ID; unassessed last. */
export function sortForRegister(evaluation: ModelEvaluation, risks: readonly RiskEvaluation[] = evaluation.risks): RiskEvaluation[] {
    const rank = (level: Level | undefined) => evaluation.method?.rank(level) ?? -1;
    return [...risks].sort((a, b) =>
        rank(b.residual?.level) - rank(a.residual?.level)
        || rank(b.inherent?.level) - rank(a.inherent?.level)
        || compareIds(a.risk.name, b.risk.name));
}

function registerRow(evaluation: RiskEvaluation, model: ModelEvaluation, options: ExportOptions): RegisterRow {
    const { risk, inherent, residual } = evaluation;
    const acceptance = acceptanceView(evaluation);
    const location = sourceLocation(risk, options.baseDir);
    const assessed = residual?.level !== undefined && model.method !== undefined;
    return {
        id: risk.name,
        // Required by the grammar, so absent only after a syntax error: the row keeps the rest.
        title: risk.title ?? '',
        consequence: risk.consequence ?? null,
        scope: evaluation.scope?.name ?? refName(risk.scope),
        owner: refName(risk.owner),
        threat: refNames(risk.threats),
        vulnerabilities: refNames(risk.exploits),
        assets: refNames(risk.on),
        harms: evaluation.harms.map(asset => asset.name),
        affects: [...risk.affects],
        likelihood: scaleCell(inherent?.likelihood),
        impact: scaleCell(inherent?.impact),
        score: inherent?.score ?? null,
        level: inherent?.level?.name ?? null,
        existingControls: refNames(risk.controls),
        treatment: treatmentCells(risk),
        actions: evaluation.actions.map(action => action.id),
        residualLikelihood: scaleCell(residual?.likelihood),
        residualImpact: scaleCell(residual?.impact),
        residualScore: residual?.score ?? null,
        residualLevel: residual?.level?.name ?? null,
        aboveAppetite: assessed ? evaluation.aboveAppetite : null,
        acceptance: acceptance.status,
        acceptedBy: refName(acceptance.shown?.acceptance.by),
        acceptedUntil: acceptance.shown?.holdsUntil ?? null,
        status: risk.status ?? null,
        reviewed: risk.reviewed ?? null,
        tags: [...risk.tags],
        file: location.file,
        line: location.line
    };
}
