/**
 * Words for an evaluated assessment, shared by inlay hints and hovers. Scores and
 * levels are read from the evaluation (MethodModel.assess); nothing here computes one.
 */
import type { Assessment } from '../../evaluation/risk-evaluation.js';
import type { MethodModel, ScaleValueNode } from '../../evaluation/method-model.js';
import type { Level } from '../../generated/ast.js';

/** `3 Likely` */
export function scaleValueText(value: ScaleValueNode): string {
    return `${value.value} ${value.name}`;
}

/** `High 6..9` for a band, `High` for a level of a matrix. */
export function levelBandText(level: Level): string {
    return level.range ? `${level.name} ${level.range.min}..${level.range.max}` : level.name;
}

/** `9 · High`, or `High` with a matrix method (no score); `no level` when none applies. */
export function scoreAndLevelText(assessment: Assessment): string {
    const level = assessment.level?.name ?? 'no level';
    return assessment.score === undefined ? level : `${assessment.score} · ${level}`;
}

/**
 * How the method turns the pair into a level:
 * `likelihood 3 Likely × impact 3 Severe = 9, in band High 6..9`, or for a matrix
 * `likelihood 3 High and impact 2 Medium: matrix row High, column Medium gives High`.
 */
export function assessmentExplanation(assessment: Assessment, method: MethodModel | undefined, prefix = ''): string {
    const likelihood = `${prefix}likelihood ${scaleValueText(assessment.likelihood)}`;
    const impact = `impact ${scaleValueText(assessment.impact)}`;
    if (method?.form === 'matrix' || assessment.score === undefined) {
        const level = assessment.level?.name ?? 'no level';
        return `${likelihood} and ${impact}: matrix row ${assessment.likelihood.name}, column ${assessment.impact.name} gives ${level}`;
    }
    const operator = method?.operator === '+' ? '+' : '×';
    const band = assessment.level ? `in band ${levelBandText(assessment.level)}` : 'in no band';
    return `${likelihood} ${operator} ${impact} = ${assessment.score}, ${band}`;
}

/** `appetite is Moderate`, or that the method sets none. */
export function appetiteText(method: MethodModel | undefined): string {
    return method?.appetite ? `appetite is ${method.appetite.name}` : 'the method sets no appetite';
}

/**
 * The whole assessment on one line, as a reviewer reads it: `2 Possible × 1 Minor = 2 Low`,
 * `2 Possible + 1 Minor = 3 Moderate`, or with a matrix `2 Possible, 1 Minor = Low`.
 */
export function assessmentFormula(assessment: Assessment | undefined, method: MethodModel | undefined): string {
    if (!assessment) {
        return 'not assessed';
    }
    const level = assessment.level?.name ?? 'no level';
    const pair = scaleValueText(assessment.likelihood);
    if (method?.form === 'matrix' || assessment.score === undefined) {
        return `${pair}, ${scaleValueText(assessment.impact)} = ${level}`;
    }
    const operator = method?.operator === '+' ? '+' : '×';
    return `${pair} ${operator} ${scaleValueText(assessment.impact)} = ${assessment.score} ${level}`;
}
