/** Hovers for what the method defines: scale values and levels. */
import { AstUtils } from 'langium';
import type { ModelEvaluation } from '../../evaluation/model-evaluator.js';
import { formatTerm } from '../../evaluation/durations.js';
import { MethodModel, type ScaleValueNode } from '../../evaluation/method-model.js';
import { isMethod, type Level } from '../../generated/ast.js';
import { matrixRows } from '../../model/matrix-rows.js';
import { scaleValueText } from '../text/assessment-text.js';
import { capitalised, paragraphs } from '../text/markdown.js';

export function scaleValueHover(value: ScaleValueNode): string {
    const kind = value.$type === 'LikelihoodValue' ? 'likelihood' : 'impact';
    const scale = value.$container.values.map(scaleValueText).join(', ');
    return paragraphs(
        `**${capitalised(kind)} ${scaleValueText(value)}**`,
        value.description,
        `Value ${value.value} of the ${kind} scale: ${scale}.`
    );
}

export function levelHover(level: Level, evaluation: ModelEvaluation): string {
    const method = methodModelOf(level, evaluation);
    const rank = method.rank(level);
    const position = rank === undefined ? '' : ` · level ${rank + 1} of ${method.levels.length}`;
    const definition = level.range
        ? `Scores ${level.range.min}..${level.range.max}.`
        : matrixCellsText(method, level);
    const atRisks = evaluation.risks.filter(risk => risk.residual?.level === level).map(risk => risk.risk.name);
    const review = method.reviewCadence(level);
    return paragraphs(
        `**Level ${level.name}**${position}`,
        level.description,
        definition,
        appetiteStanding(level, method),
        review ? `Review every ${formatTerm(review)}.` : undefined,
        `Residual level of ${atRisks.length > 0 ? atRisks.join(', ') : 'no risk'}.`
    );
}

/** The evaluation's method, or (for a second, duplicate method) that method analysed on its own. */
function methodModelOf(level: Level, evaluation: ModelEvaluation): MethodModel {
    const method = AstUtils.getContainerOfType(level, isMethod)!;
    return evaluation.method?.method === method ? evaluation.method : new MethodModel(method);
}

function matrixCellsText(method: MethodModel, level: Level): string | undefined {
    const matrix = method.method.matrix;
    if (!matrix) {
        return undefined;
    }
    const impacts = method.impact;
    const cells = matrixRows(matrix).rows.flatMap(row => row.cells.flatMap((cell, index) =>
        cell.level.ref === level ? [`likelihood ${row.label.likelihood.ref?.name ?? row.label.likelihood.$refText} × impact ${impacts[index]?.name ?? '?'}`] : []));
    return cells.length > 0 ? `Matrix cells: ${cells.join('; ')}.` : 'No matrix cell gives this level.';
}

function appetiteStanding(level: Level, method: MethodModel): string | undefined {
    const appetite = method.appetite;
    if (!appetite) {
        return undefined;
    }
    const major = method.isMajor(level) ? ` Major (${method.major?.name} and above): only a management role may accept it.` : '';
    if (level === appetite) {
        return `The appetite: a residual at or below this level is acceptable as it is.${major}`;
    }
    if (method.isAboveAppetite(level)) {
        return `Above appetite (${appetite.name}): a residual at this level needs a valid acceptance.${major}`;
    }
    return `Within appetite (${appetite.name}).${major}`;
}
