/**
 * How the method changed between two versions, and what each change does to the
 * posture: a higher appetite or `major`, a longer acceptance term or review cadence,
 * and bands or cells that map scores to lower levels make it worse. Levels come from
 * `MethodModel.assess` of each version.
 */
import { CstUtils, type AstNode } from 'langium';
import { addDuration, type IsoDate } from '../evaluation/dates.js';
import type { MethodModel, ScaleValueNode } from '../evaluation/method-model.js';
import { formatTerm, type Term } from '../evaluation/durations.js';
import type { Level } from '../generated/ast.js';
import { scaleValueText } from '../lsp/text/assessment-text.js';
import { pointOf, type Change, type ChangeKind, type Effect } from './change.js';

/** How many cells or scores a message names before it says how many more there are. */
const MESSAGE_ITEMS = 6;

export function methodChanges(base: MethodModel | undefined, head: MethodModel | undefined, asOf: IsoDate): Change[] {
    if (!base && !head) {
        return [];
    }
    if (!base || !head) {
        const method = (head ?? base)!;
        return [{
            kind: head ? 'method-added' : 'method-removed', subject: 'method', effect: head ? 'better' : 'worse',
            before: base ? `"${base.method.title}"` : null, after: head ? `"${head.method.title}"` : null, location: pointOf(method.method),
            message: head
                ? `The model now has a method ("${head.method.title}"): its risks can be scored and held against an appetite`
                : `The model lost its method ("${base!.method.title}"): no risk has a level, an appetite or a valid acceptance any more`
        }];
    }
    const changes: Change[] = [];
    const add = (kind: ChangeKind, effect: Effect, before: string | null, after: string | null, node: AstNode | undefined, message: string) => {
        changes.push({ kind, subject: 'method', effect, before, after, location: pointOf(node ?? head.method), message });
    };

    thresholdChange('appetite', base, head, add, 'fewer residual risks count as above appetite', 'more residual risks count as above appetite');
    thresholdChange('major', base, head, add, 'fewer risks need a management role to accept them', 'more risks need a management role to accept them');
    levelChanges(base, head, add);
    scaleChanges(base, head, add);

    const termBefore = base.acceptanceTerm;
    const termAfter = head.acceptanceTerm;
    const termOrder = compareTerms(termBefore, termAfter, asOf);
    if (termOrder !== 0 || formatTerm(termBefore) !== formatTerm(termAfter)) {
        add('acceptance-term-changed', termOrder > 0 ? 'worse' : termOrder < 0 ? 'better' : 'neutral', formatTerm(termBefore), formatTerm(termAfter), head.method.accept?.lasts,
            `Acceptances without \`until\` now last ${formatTerm(termAfter)} instead of ${formatTerm(termBefore)}${termOrder > 0 ? ': accepted risks go longer without a new decision' : ''}`);
    }
    reviewChanges(base, head, asOf, add);
    return changes;
}

type Add = (kind: ChangeKind, effect: Effect, before: string | null, after: string | null, node: AstNode | undefined, message: string) => void;

function thresholdChange(which: 'appetite' | 'major', base: MethodModel, head: MethodModel, add: Add, raisedMeans: string, loweredMeans: string): void {
    const before = base[which];
    const after = head[which];
    // No appetite: nothing is above it, as if it were above the highest level.
    const rank = (method: MethodModel, level: Level | undefined) => (level ? method.rank(level) ?? Infinity : Infinity);
    const order = rank(head, after) - rank(base, before);
    if (order === 0 || Number.isNaN(order)) {
        return;
    }
    const node = which === 'appetite' ? head.method.accept?.appetite?.$refNode?.astNode : head.method.accept?.major?.$refNode?.astNode;
    const [beforeText, afterText] = [before?.name ?? 'none', after?.name ?? 'none'];
    if (order > 0) {
        add(`${which}-raised`, 'worse', beforeText, afterText, node, `The method's ${which} was raised from ${beforeText} to ${afterText}: ${raisedMeans}`);
    } else {
        add(`${which}-lowered`, 'better', beforeText, afterText, node, `The method's ${which} was lowered from ${beforeText} to ${afterText}: ${loweredMeans}`);
    }
}

/** The bands, the score formula and the matrix: which scores or cells now map to a lower or a higher level. */
function levelChanges(base: MethodModel, head: MethodModel, add: Add): void {
    const method = (model: MethodModel) => [model.method.levels, model.method.score, model.method.matrix].map(tokens).join(' | ');
    if (method(base) === method(head)) {
        return;
    }
    const lower: string[] = [];
    const higher: string[] = [];
    const seen = new Set<string>();
    const byScore = base.form === 'banded' && head.form === 'banded' && base.operator === head.operator;
    for (const likelihood of head.likelihood) {
        for (const impact of head.impact) {
            const before = base.assess(likelihood.value, impact.value);
            const after = head.assess(likelihood.value, impact.value);
            const key = byScore ? `score ${after.score}` : `${scaleValueText(likelihood)} × ${scaleValueText(impact)}`;
            if (seen.has(key)) {
                continue;
            }
            seen.add(key);
            const order = (head.rank(after.level) ?? -1) - (base.rank(before.level) ?? -1);
            const item = `${key}: ${before.level?.name ?? 'no level'} → ${after.level?.name ?? 'no level'}`;
            if (order < 0) {
                lower.push(item);
            } else if (order > 0) {
                higher.push(item);
            }
        }
    }
    const names = (model: MethodModel) => model.levels.map(level => level.name).join(', ');
    const parts = [
        lower.length > 0 ? `now map to a lower level: ${itemList(lower)}` : undefined,
        higher.length > 0 ? `now map to a higher level: ${itemList(higher)}` : undefined
    ].filter(Boolean);
    const renamedLevels = names(base) !== names(head) ? ` Levels ${names(base)} are now ${names(head)}.` : '';
    const what = byScore ? 'Scores' : 'Cells';
    add('levels-changed', lower.length > 0 ? 'worse' : higher.length > 0 ? 'better' : 'neutral', levelsText(base), levelsText(head), head.method.levels ?? head.method.matrix,
        parts.length > 0 ? `${what} ${parts.join('; ')}.${renamedLevels}` : `The levels, score formula or matrix changed, but every ${byScore ? 'score' : 'cell'} keeps its level.${renamedLevels}`);
}

function levelsText(model: MethodModel): string {
    const levels = model.levels.map(level => (level.range ? `${level.name} ${level.range.min}..${level.range.max}` : level.name)).join(', ');
    return model.form === 'matrix' ? `matrix of ${levels}` : `likelihood ${model.operator === '+' ? '+' : '×'} impact; ${levels}`;
}

function scaleChanges(base: MethodModel, head: MethodModel, add: Add): void {
    const differences: string[] = [];
    for (const [kind, before, after] of [['likelihood', base.likelihood, head.likelihood], ['impact', base.impact, head.impact]] as const) {
        const beforeByValue = new Map<number, ScaleValueNode>(before.map(value => [value.value, value]));
        const afterByValue = new Map<number, ScaleValueNode>(after.map(value => [value.value, value]));
        for (const value of before) {
            const now = afterByValue.get(value.value);
            if (!now) {
                differences.push(`${kind} ${scaleValueText(value)} removed`);
            } else if (now.name !== value.name) {
                differences.push(`${kind} ${scaleValueText(value)} renamed ${now.name}`);
            } else if ((now.description ?? '') !== (value.description ?? '')) {
                differences.push(`${kind} ${scaleValueText(value)} now described "${now.description ?? ''}"`);
            }
        }
        for (const value of after.filter(value => !beforeByValue.has(value.value))) {
            differences.push(`${kind} ${scaleValueText(value)} added`);
        }
    }
    if (differences.length > 0) {
        const scaleText = (model: MethodModel) => `likelihood ${model.likelihood.map(scaleValueText).join(', ')}; impact ${model.impact.map(scaleValueText).join(', ')}`;
        add('scale-changed', 'neutral', scaleText(base), scaleText(head), head.method.scales[0],
            `The method's scales changed: ${itemList(differences)}; a risk keeps its number, so its meaning may have changed`);
    }
}

function reviewChanges(base: MethodModel, head: MethodModel, asOf: IsoDate, add: Add): void {
    const cadences = (model: MethodModel) => new Map<string, Term>([
        ['', model.reviewCadence(undefined)],
        ...model.levels.map(level => [level.name, model.reviewCadence(level)] as const)
    ].filter((entry): entry is [string, Term] => entry[1] !== undefined));
    const before = cadences(base);
    const after = cadences(head);
    const longer: string[] = [];
    const shorter: string[] = [];
    for (const key of new Set([...before.keys(), ...after.keys()])) {
        const [was, now] = [before.get(key), after.get(key)];
        const label = key === '' ? 'every risk' : `${key} risks`;
        // No cadence is an infinitely long one: nothing is ever due.
        const order = !was ? (now ? -1 : 0) : !now ? 1 : compareTerms(was, now, asOf);
        const item = `${label} every ${now ? formatTerm(now) : 'never'} (was ${was ? formatTerm(was) : 'never'})`;
        if (order > 0) {
            longer.push(item);
        } else if (order < 0) {
            shorter.push(item);
        }
    }
    if (longer.length > 0 || shorter.length > 0) {
        const text = (map: Map<string, Term>) => [...map].map(([key, term]) => `${key === '' ? 'all' : key} ${formatTerm(term)}`).join(', ') || 'none';
        const parts = [longer.length > 0 ? `reviewed less often: ${itemList(longer)}` : undefined, shorter.length > 0 ? `reviewed more often: ${itemList(shorter)}` : undefined];
        add('review-cadence-changed', longer.length > 0 ? 'worse' : 'better', text(before), text(after), head.method.reviews[0],
            `Review cadence changed: ${parts.filter(Boolean).join('; ')}`);
    }
}

/**
 * Positive when `after` is the longer term, measured from the as-of date. A side without
 * a valid term has no direction: `duration-invalid` reports it.
 */
function compareTerms(before: Term | undefined, after: Term | undefined, asOf: IsoDate): number {
    const end = (term: Term | undefined) => term && addDuration(asOf, term.amount, term.unit);
    const [end1, end2] = [end(before), end(after)];
    if (end1 === undefined || end2 === undefined || end1 === end2) {
        return 0;
    }
    return end2 > end1 ? 1 : -1;
}

function tokens(node: AstNode | undefined): string {
    return node?.$cstNode ? CstUtils.flattenCst(node.$cstNode).filter(leaf => !leaf.hidden).map(leaf => leaf.text).join(' ') : '';
}

function itemList(items: readonly string[]): string {
    const shown = items.slice(0, MESSAGE_ITEMS).join(', ');
    return items.length > MESSAGE_ITEMS ? `${shown} and ${items.length - MESSAGE_ITEMS} more` : shown;
}
