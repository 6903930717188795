/**
 * `risk/matrix`: the heat maps of the workspace's model, inherent and residual risk,
 * with the risks in each cell and where each is declared, for the editor's risk
 * matrix view. Every level comes from the evaluation and the method
 * (`MethodModel.assess`); nothing here computes one.
 */
import { AstUtils, GrammarUtils } from 'langium';
import type { MethodModel } from '../../evaluation/method-model.js';
import type { Assessment, RiskEvaluation } from '../../evaluation/risk-evaluation.js';
import { compareIds } from '../../exports/cells.js';
import type { RiskServices } from '../../risk-module.js';
import { MATRIX_REQUEST, type MatrixCell, type MatrixRequestResult, type MatrixRisk, type MatrixScaleValue } from './protocol.js';
import { paramsObject, parseParams } from './request-params.js';
import { ModelUriSchema, requestModel } from './request-model.js';

/** `risk/matrix` takes `{ uri? }`: a file or folder of the model (needed when the workspace holds several). */
export const MatrixParamsSchema = paramsObject({ uri: ModelUriSchema });

type Basis = 'inherent' | 'residual';

/** Answers `risk/matrix`. Throws a ResponseError (`InvalidParams`) for params other than `{ uri? }`, or without `uri` in a workspace of several models. */
export function matrixRequest(services: RiskServices, params: unknown): MatrixRequestResult {
    const { uri } = parseParams(MATRIX_REQUEST, MatrixParamsSchema, params);
    const evaluation = services.evaluation.ModelEvaluator.evaluate(requestModel(services, MATRIX_REQUEST, uri));
    const method = evaluation.method;
    const risks = [...evaluation.risks].sort((a, b) => compareIds(a.risk.name ?? '', b.risk.name ?? ''));
    const likelihood = method ? [...method.likelihood].reverse().map(scaleValue) : [];
    const impact = method ? method.impact.map(scaleValue) : [];
    const map = (basis: Basis) => heatMap(method, likelihood, impact, risks, basis);
    const inherent = map('inherent');
    const residual = map('residual');
    return {
        asOf: evaluation.asOf,
        model: method?.method.title ?? null,
        likelihood,
        impact,
        levels: method ? method.levels.map((level, rank) => ({ name: level.name, rank })) : [],
        appetite: method?.appetite?.name ?? null,
        cells: { inherent: inherent.cells, residual: residual.cells },
        notAssessed: { inherent: inherent.notAssessed, residual: residual.notAssessed }
    };
}

function scaleValue(value: { value: number; name: string }): MatrixScaleValue {
    return { value: value.value, name: value.name };
}

function heatMap(method: MethodModel | undefined, likelihood: readonly MatrixScaleValue[], impact: readonly MatrixScaleValue[],
    risks: readonly RiskEvaluation[], basis: Basis): { cells: MatrixCell[]; notAssessed: MatrixRisk[] } {
    const members = likelihood.map(() => impact.map((): MatrixRisk[] => []));
    const notAssessed: MatrixRisk[] = [];
    for (const risk of risks) {
        const assessment: Assessment | undefined = basis === 'inherent' ? risk.inherent : risk.residual;
        const row = likelihood.findIndex(value => value.value === assessment?.likelihood.value);
        const column = impact.findIndex(value => value.value === assessment?.impact.value);
        (row < 0 || column < 0 ? notAssessed : members[row][column]).push(matrixRisk(risk, assessment));
    }
    const cells = !method ? [] : likelihood.flatMap((l, row) => impact.map((i, column): MatrixCell => {
        const { score, level } = method.assess(l.value, i.value);
        return {
            likelihood: l.value,
            impact: i.value,
            level: level?.name ?? null,
            rank: method.rank(level) ?? null,
            score: score ?? null,
            aboveAppetite: method.isAboveAppetite(level),
            risks: members[row][column]
        };
    }));
    return { cells, notAssessed };
}

function matrixRisk(evaluation: RiskEvaluation, assessment: Assessment | undefined): MatrixRisk {
    const { risk } = evaluation;
    const at = (GrammarUtils.findNodeForProperty(risk.$cstNode, 'name') ?? risk.$cstNode)?.range.start;
    return {
        id: risk.name ?? '',
        title: risk.title ?? '',
        level: assessment?.level?.name ?? null,
        uri: AstUtils.getDocument(risk).uri.toString(),
        line: at?.line ?? 0,
        character: at?.character ?? 0
    };
}
