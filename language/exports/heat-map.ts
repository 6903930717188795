/**
 * The heat map of a set of risks: how many sit in each likelihood x impact cell,
 * with the level the method gives that cell. Rows are likelihood values, highest
 * first; columns impact values, ascending.
 */
import type { MethodModel } from '../evaluation/method-model.js';
import type { Assessment, RiskEvaluation } from '../evaluation/risk-evaluation.js';
import { scaleCell } from './cells.js';
import type { ScaleCell } from './table.js';

export type HeatMapBasis = 'inherent' | 'residual';

export interface HeatMap {
    readonly basis: HeatMapBasis;
    readonly title: string;
    /** Row headings: likelihood values, highest first. */
    readonly likelihood: readonly ScaleCell[];
    /** Column headings: impact values, ascending. */
    readonly impact: readonly ScaleCell[];
    /** counts[row][column]: risks in that cell. */
    readonly counts: ReadonlyArray<readonly number[]>;
    /** risks[row][column]: the IDs of the risks in that cell, in the order given. */
    readonly risks: ReadonlyArray<ReadonlyArray<readonly string[]>>;
    /** levels[row][column]: the cell's level by the method, null when it gives none. */
    readonly levels: ReadonlyArray<ReadonlyArray<string | null>>;
    /** The method's level names, lowest first: the order their colours follow. */
    readonly levelOrder: readonly string[];
    /** The method's risk appetite: cells above it are above appetite. */
    readonly appetite: string | null;
    /** Risks without this assessment (no likelihood or impact): in no cell. */
    readonly notAssessed: number;
}

export function buildHeatMap(method: MethodModel, risks: readonly RiskEvaluation[], basis: HeatMapBasis, title: string): HeatMap {
    const likelihood = [...method.likelihood].reverse();
    const impact = method.impact;
    const counts = likelihood.map(() => impact.map(() => 0));
    const ids = likelihood.map(() => impact.map((): string[] => []));
    let notAssessed = 0;
    for (const risk of risks) {
        const assessment: Assessment | undefined = basis === 'inherent' ? risk.inherent : risk.residual;
        const row = likelihood.findIndex(value => value.value === assessment?.likelihood.value);
        const column = impact.findIndex(value => value.value === assessment?.impact.value);
        if (row < 0 || column < 0) {
            notAssessed++;
        } else {
            counts[row][column]++;
            ids[row][column].push(risk.risk.name);
        }
    }
    return {
        basis,
        title,
        likelihood: likelihood.map(value => scaleCell(value)!),
        impact: impact.map(value => scaleCell(value)!),
        counts,
        risks: ids,
        levels: likelihood.map(l => impact.map(i => method.assess(l.value, i.value).level?.name ?? null)),
        levelOrder: method.levels.map(level => level.name),
        appetite: method.appetite?.name ?? null,
        notAssessed
    };
}
