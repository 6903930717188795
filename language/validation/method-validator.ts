/**
 * Rules of the method (specification section 3): scales, score and levels, matrix,
 * acceptance criteria.
 */
import { GrammarUtils, type ValidationAcceptor } from 'langium';
import type { Duration, Level, Levels, Matrix, MatrixCell, Method, ReviewCadence, Scale } from '../generated/ast.js';
import { addDuration } from '../evaluation/dates.js';
import { durationProblem, formatTerm, type Term } from '../evaluation/durations.js';
import { isValidScaleValue, MAX_SCALE_VALUE, MethodModel } from '../evaluation/method-model.js';
import { matrixRows } from '../model/matrix-rows.js';
import { IssueCodes } from './issue-codes.js';
import { report } from './report.js';
import { listOf } from './suggestions.js';

const SCALE_KINDS = ['likelihood', 'impact'] as const;

export class MethodValidator {

    checkScales = (method: Method, accept: ValidationAcceptor): void => {
        for (const kind of SCALE_KINDS) {
            const scales = method.scales.filter(scale => scale.kind === kind);
            if (scales.length === 0) {
                report(accept, IssueCodes.ScaleInvalid, `The method has no ${kind} scale: add \`scale ${kind} { 1 Name "description" … }\`.`, { node: method, property: 'title' });
            }
            for (const extra of scales.slice(1)) {
                report(accept, IssueCodes.ScaleInvalid, `The ${kind} scale is given twice: keep one \`scale ${kind}\` block.`, { node: extra, property: 'kind' });
            }
        }
    };

    checkScaleValues = (scale: Scale, accept: ValidationAcceptor): void => {
        if (scale.values.length === 0) {
            report(accept, IssueCodes.ScaleInvalid, `The ${scale.kind} scale has no values: add at least \`1 Name "description"\`.`, { node: scale, property: 'kind' });
            return;
        }
        const numbers = new Set<number>();
        const names = new Set<string>();
        for (const value of scale.values) {
            if (value.value <= 0) {
                report(accept, IssueCodes.ScaleInvalid, `Scale values are positive integers: ${value.value} is not; number the ${scale.kind} values from 1.`, { node: value, property: 'value' });
            } else if (!isValidScaleValue(value.value)) {
                const written = GrammarUtils.findNodeForProperty(value.$cstNode, 'value')?.text ?? String(value.value);
                report(accept, IssueCodes.ScaleInvalid, `Scale values run from 1 to ${MAX_SCALE_VALUE}: ${written} is too large; number the ${scale.kind} values 1, 2, 3, …`, { node: value, property: 'value' });
            }
            if (numbers.has(value.value)) {
                report(accept, IssueCodes.ScaleInvalid, `The ${scale.kind} value ${value.value} is declared twice: give each value its own number.`, { node: value, property: 'value' });
            }
            if (value.name && names.has(value.name)) {
                report(accept, IssueCodes.ScaleInvalid, `The ${scale.kind} name \`${value.name}\` is declared twice: give each value its own name.`, { node: value, property: 'name' });
            }
            numbers.add(value.value);
            names.add(value.name);
        }
        // Only a scale of valid values can have a gap; scale-invalid speaks for the others.
        if (![...numbers].every(isValidScaleValue)) {
            return;
        }
        const missing: number[] = [];
        for (let number = 1; number < Math.max(...numbers); number++) {
            if (!numbers.has(number)) {
                missing.push(number);
            }
        }
        if (missing.length > 0) {
            report(accept, IssueCodes.ScaleGap, `The ${scale.kind} scale skips ${listOf(missing.map(String), 'and')}: number the values 1 to ${numbers.size} without gaps.`, { node: scale, property: 'kind' });
        }
    };

    checkLevels = (method: Method, accept: ValidationAcceptor): void => {
        if (!method.levels) {
            report(accept, IssueCodes.LevelUncovered, 'The method has no `levels`: list the risk levels, lowest first, with score ranges (`Low 1..2 "…"`) or with a `matrix`.', { node: method, property: 'title' });
            return;
        }
        const levels = method.levels.levels;
        const seen = new Set<string>();
        for (const level of levels) {
            if (seen.has(level.name)) {
                report(accept, IssueCodes.DuplicateId, `The level \`${level.name}\` is declared twice: give each level its own name.`, { node: level, property: 'name' });
            }
            seen.add(level.name);
        }
        if (method.matrix) {
            this.checkMatrixForm(method, method.matrix, levels, accept);
        } else {
            this.checkBands(method, method.levels, accept);
        }
    };

    private checkMatrixForm(method: Method, matrix: Matrix, levels: readonly Level[], accept: ValidationAcceptor): void {
        if (method.score) {
            report(accept, IssueCodes.MatrixInvalid, 'A method with a `matrix` has no numeric score: remove the `score` line.', { node: method.score });
        }
        for (const level of levels.filter(level => level.range)) {
            report(accept, IssueCodes.MatrixInvalid, `With a \`matrix\`, levels have no score ranges: remove \`${level.range!.min}..${level.range!.max}\` from \`${level.name}\`.`, { node: level, property: 'range' });
        }
        const model = new MethodModel(method);
        const { rows, strayCells } = matrixRows(matrix);
        const [firstStray, lastStray] = [strayCells.at(0)?.$cstNode, strayCells.at(-1)?.$cstNode];
        if (firstStray && lastStray) {
            const cells = strayCells.length === 1 ? 'This cell belongs' : `These ${strayCells.length} cells belong`;
            report(accept, IssueCodes.MatrixInvalid, `${cells} to no row: start each row with its likelihood and a colon (\`High: Low Moderate High\`).`, { node: matrix, range: { start: firstStray.range.start, end: lastStray.range.end } });
        }
        const rowsByValue = new Set<number>();
        for (const { label, cells } of rows) {
            const value = label.likelihood.ref?.value;
            if (value === undefined) {
                continue;
            }
            const name = label.likelihood.ref!.name;
            if (rowsByValue.has(value)) {
                report(accept, IssueCodes.MatrixInvalid, `The matrix has two rows for likelihood ${value} ${name}: keep one.`, { node: label, property: 'likelihood' });
            }
            rowsByValue.add(value);
            if (model.impact.length > 0 && cells.length !== model.impact.length) {
                report(accept, IssueCodes.MatrixInvalid, `The row for likelihood ${name} has ${cells.length} cell${cells.length === 1 ? '' : 's'}; it needs ${model.impact.length}, one per impact value in ascending order (${model.impact.map(value => value.name).join(', ')}).`, { node: label, property: 'likelihood' });
            }
        }
        const missing = model.likelihood.filter(value => !rowsByValue.has(value.value));
        if (missing.length > 0) {
            report(accept, IssueCodes.MatrixInvalid, `The matrix has no row for likelihood ${listOf(missing.map(value => `${value.value} ${value.name}`), 'and')}: add one row per likelihood value.`, { node: matrix, keyword: 'matrix' });
        }
        this.checkMonotonic(model, rows, accept);
    }

    /**
     * Section 11.6: a cell never ranks below a cell of lower or equal likelihood and lower or
     * equal impact. Each cell that does is reported once, naming the first higher cell found.
     */
    private checkMonotonic(model: MethodModel, rows: ReturnType<typeof matrixRows>['rows'], accept: ValidationAcceptor): void {
        const cellAt = new Map<number, { cells: readonly MatrixCell[]; name: string }>();
        for (const { label, cells } of rows) {
            const value = label.likelihood.ref;
            if (value && !cellAt.has(value.value) && cells.length === model.impact.length) {
                cellAt.set(value.value, { cells, name: value.name });
            }
        }
        for (const [likelihood, row] of cellAt) {
            row.cells.forEach((cell, impactIndex) => {
                const rank = model.rank(cell.level.ref);
                if (rank === undefined) {
                    return;
                }
                for (const [lowerLikelihood, lowerRow] of cellAt) {
                    const higher = lowerLikelihood <= likelihood
                        ? lowerRow.cells.slice(0, impactIndex + 1).findIndex(other => (model.rank(other.level.ref) ?? -1) > rank)
                        : -1;
                    if (higher >= 0) {
                        const other = lowerRow.cells[higher].level.ref!;
                        const here = `likelihood ${row.name}, impact ${model.impact[impactIndex].name}`;
                        const there = `likelihood ${lowerRow.name}, impact ${model.impact[higher].name}`;
                        report(accept, IssueCodes.MatrixNotMonotonic, `This cell (${here}) is ${cell.level.ref!.name}, lower than ${other.name} at ${there}, where likelihood and impact are no higher: raise this cell to at least ${other.name}, or lower the other one.`, { node: cell });
                        return;
                    }
                }
            });
        }
    }

    private checkBands(method: Method, levels: Levels, accept: ValidationAcceptor): void {
        const unranged = levels.levels.filter(level => !level.range);
        for (const level of unranged) {
            report(accept, IssueCodes.LevelUncovered, `The level \`${level.name}\` has no score range: give it \`min..max\`, or give the method a \`matrix\`.`, { node: level, property: 'name' });
        }
        const ranged = levels.levels.filter(level => level.range);
        ranged.forEach((level, index) => {
            const { min, max } = level.range!;
            const [low, high] = bandOf(level);
            if (min > max) {
                report(accept, IssueCodes.LevelOverlap, `The band ${min}..${max} of \`${level.name}\` runs backwards: write it as ${max}..${min}.`, { node: level, property: 'range' });
            }
            const clash = ranged.slice(0, index).find(earlier => bandOf(earlier)[0] <= high && low <= bandOf(earlier)[1]);
            const previous = ranged[index - 1];
            if (clash) {
                const [clashLow, clashHigh] = bandOf(clash);
                const [from, to] = [Math.max(low, clashLow), Math.min(high, clashHigh)];
                const shared = from === to ? `the score ${from}` : `the scores ${from}..${to}`;
                report(accept, IssueCodes.LevelOverlap, `The bands of \`${clash.name}\` (${formatRange(clash)}) and \`${level.name}\` (${formatRange(level)}) both contain ${shared}: make them disjoint, so that every score has one level.`, { node: level, property: 'range' });
            } else if (previous && low < bandOf(previous)[0]) {
                report(accept, IssueCodes.LevelOverlap, `The band of \`${level.name}\` (${formatRange(level)}) lies below the band of \`${previous.name}\` (${formatRange(previous)}): list levels lowest first, since their order is their rank.`, { node: level, property: 'range' });
            }
        });
        const model = new MethodModel(method);
        if (model.likelihood.length === 0 || model.impact.length === 0 || unranged.length === levels.levels.length) {
            return;
        }
        const uncovered = model.reachableScores().filter(score => !model.levelForScore(score));
        if (uncovered.length > 0) {
            const formula = model.operator === '+' ? 'likelihood + impact' : 'likelihood × impact';
            report(accept, IssueCodes.LevelUncovered, `${uncovered.length === 1 ? 'The score' : 'The scores'} ${listOf(uncovered.map(String), 'and')} (${formula}) ${uncovered.length === 1 ? 'falls' : 'fall'} in no level: widen or add a band to cover ${uncovered.length === 1 ? 'it' : 'them'}.`, { node: levels, keyword: 'levels' });
        }
    }

    checkAcceptCriteria = (method: Method, accept: ValidationAcceptor): void => {
        const message = 'The method has no risk appetite: add `accept { appetite LEVEL }` naming the highest level acceptable without a formal decision.';
        if (!method.accept) {
            report(accept, IssueCodes.AppetiteMissing, message, { node: method, property: 'title' });
        } else if (!method.accept.appetite) {
            report(accept, IssueCodes.AppetiteMissing, message, { node: method.accept, keyword: 'accept' });
        } else {
            this.checkAppetiteBelowMajor(method, accept);
            this.checkLastsWithinLongest(method, accept);
        }
        this.checkReviewCadences(method, accept);
    };

    private checkAppetiteBelowMajor(method: Method, accept: ValidationAcceptor): void {
        const model = new MethodModel(method);
        const [appetite, major] = [model.rank(model.appetite), model.rank(model.major)];
        if (appetite !== undefined && major !== undefined && appetite >= major) {
            const which = method.accept?.major ? `\`major ${model.major!.name}\`` : `${model.major!.name} (the highest level, the default \`major\`)`;
            report(accept, IssueCodes.AppetiteAboveMajor, `\`appetite ${model.appetite!.name}\` ranks at or above ${which}, so no residual above appetite can ever need a management acceptance: set \`appetite\` to a level below ${model.major!.name}, or raise \`major\`.`, { node: method.accept!, property: 'appetite' });
        }
    }

    /** An acceptance without `until` runs `lasts`; a `lasts` beyond `longest` would make each of them too long. */
    private checkLastsWithinLongest(method: Method, accept: ValidationAcceptor): void {
        const model = new MethodModel(method);
        const longest = model.longestAcceptance;
        const lasts = model.acceptanceTerm;
        if (!method.accept?.lasts || !lasts || !longest || !(termEnd(lasts) > termEnd(longest))) {
            return;
        }
        report(accept, IssueCodes.AcceptanceTooLong, `\`lasts ${formatTerm(lasts)}\` is longer than \`longest ${formatTerm(longest)}\`: every acceptance without \`until\` would run longer than allowed; shorten \`lasts\`.`, { node: method.accept, property: 'lasts' });
    }

    /**
     * Every `NUMBER UNIT` of the method (`lasts`, `review … every`, and any later one):
     * the evaluation does not count with a duration this rejects.
     */
    checkDuration = (duration: Duration, accept: ValidationAcceptor): void => {
        const problem = durationProblem(duration);
        if (!problem) {
            return;
        }
        const written = duration.$cstNode?.text ?? `${duration.amount} ${duration.unit}`;
        const effect = DURATION_EFFECTS[duration.$containerProperty ?? ''] ?? '';
        report(accept, IssueCodes.DurationInvalid, `\`${written}\` is not a usable duration: ${problem}. Write one from 1 day to 1000 years, such as \`12 months\`${effect}.`, { node: duration });
    };

    /**
     * Section 3.4's `review` lines: one general line and one per level. Like any property
     * written twice, the last line counts; the earlier ones are reported.
     */
    private checkReviewCadences(method: Method, accept: ValidationAcceptor): void {
        const byKey = new Map<string, ReviewCadence[]>();
        for (const review of method.reviews) {
            const key = review.level ? `review ${review.level.$refText}` : 'review';
            byKey.set(key, [...byKey.get(key) ?? [], review]);
        }
        for (const [key, reviews] of byKey) {
            const which = key === 'review' ? 'The general `review every …` line' : `\`${key} every …\``;
            const times = reviews.length === 2 ? 'twice' : `${reviews.length} times`;
            for (const earlier of reviews.slice(0, -1)) {
                report(accept, IssueCodes.DuplicateProperty, `${which} is given ${times} in the method; only the last one counts: remove this one or the other.`, { node: earlier });
            }
        }
    }
}

/** What an invalid duration leaves undecided, by the property that holds it. */
const DURATION_EFFECTS: Readonly<Record<string, string>> = {
    lasts: '; until then an acceptance without `until` has no lapse date and is not valid',
    every: '; until then this line asks for no review',
    longest: '; until then no longest term is enforced',
    within: '; until then this line sets no deadline'
};

/** Terms compare by where they end from one fixed start (a month is not a fixed number of days). */
function termEnd(term: Term): string {
    return addDuration('2001-01-01', term.amount, term.unit) ?? '';
}

/** A band's scores, lowest first even when it is written backwards. */
function bandOf(level: Level): [number, number] {
    const { min, max } = level.range!;
    return [Math.min(min, max), Math.max(min, max)];
}

function formatRange(level: Level): string {
    return `${level.range!.min}..${level.range!.max}`;
}
