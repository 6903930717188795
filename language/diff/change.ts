/**
 * One difference between two evaluated versions of a model, as a reviewer reads it:
 * what kind of change, about what, whether it makes the risk posture worse or
 * better, the values before and after, where it is, and a one-line message.
 */
import { AstUtils, type AstNode } from 'langium';

export type Effect = 'worse' | 'better' | 'neutral';

/**
 * Every kind, most serious first within each effect: the order the reports list
 * changes in. docs/diff.md describes each.
 */
export const CHANGE_KINDS = [
    'masked-by-method-change',
    'now-above-appetite',
    'acceptance-removed',
    'acceptance-now-invalid',
    'risk-added',
    'risk-removed',
    'method-added',
    'method-removed',
    'appetite-raised',
    'appetite-lowered',
    'major-raised',
    'major-lowered',
    'levels-changed',
    'residual-raised',
    'residual-lowered',
    'inherent-raised',
    'inherent-lowered',
    'assessment-removed',
    'assessment-added',
    'no-longer-above-appetite',
    'acceptance-added',
    'acceptance-now-valid',
    'acceptance-extended',
    'acceptance-shortened',
    'acceptance-term-changed',
    'review-cadence-changed',
    'action-cancelled',
    'action-removed',
    'action-postponed',
    'action-brought-forward',
    'action-added',
    'action-done',
    'control-removed',
    'control-added',
    'treatment-changed',
    'owner-changed',
    'scale-changed',
    'declaration-renamed',
    'declaration-added',
    'declaration-removed',
    'risk-moved'
] as const;

export type ChangeKind = typeof CHANGE_KINDS[number];

export interface SourcePoint {
    /** The file's absolute path (as the model was loaded; for a git revision, below the repository root). */
    readonly path: string;
    /** 1-based. */
    readonly line: number;
}

export interface Change {
    readonly kind: ChangeKind;
    /** A declaration ID, `method`, or the IDs of every risk a change is about. */
    readonly subject: string | readonly string[];
    readonly effect: Effect;
    /** The value at BASE as a person reads it (`2 Possible × 1 Minor = 2 Low`); null when there was none. */
    readonly before: string | null;
    readonly after: string | null;
    /** At HEAD, or at BASE for what HEAD no longer has. */
    readonly location: SourcePoint | null;
    readonly message: string;
}

/** Where a node starts. */
export function pointOf(node: AstNode | undefined): SourcePoint | null {
    if (!node) {
        return null;
    }
    const start = node.$cstNode?.range.start.line;
    return { path: AstUtils.getDocument(node).uri.fsPath, line: start === undefined ? 1 : start + 1 };
}

const KIND_RANK = new Map<ChangeKind, number>(CHANGE_KINDS.map((kind, index) => [kind, index]));
const EFFECT_RANK: Readonly<Record<Effect, number>> = { worse: 0, better: 1, neutral: 2 };

/** Worse first, then better, then neutral; within each, by kind as listed, then by subject. */
export function compareChanges(a: Change, b: Change, compareIds: (x: string, y: string) => number): number {
    return EFFECT_RANK[a.effect] - EFFECT_RANK[b.effect]
        || (KIND_RANK.get(a.kind) ?? 0) - (KIND_RANK.get(b.kind) ?? 0)
        || compareIds(subjectText(a.subject), subjectText(b.subject));
}

export function subjectText(subject: string | readonly string[]): string {
    return typeof subject === 'string' ? subject : subject.join(', ');
}

/** Kinds whose location is in the BASE version: HEAD no longer has the thing. */
export const AT_BASE_KINDS: ReadonlySet<ChangeKind> = new Set<ChangeKind>(['risk-removed', 'declaration-removed', 'action-removed', 'method-removed']);
