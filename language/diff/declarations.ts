/**
 * Matches the declarations of two versions of a model by ID, never by file or line.
 * An ID that disappears while a declaration of the same kind, with the same content
 * and every reference the old one had, appears under a new ID is a rename; a risk
 * declared in another file has moved. Both are neutral.
 */
import { CstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import { relative } from 'node:path';
import { isAction, isModel, isRisk, type Risk } from '../generated/ast.js';
import type { ModelEvaluation } from '../evaluation/model-evaluator.js';
import type { RiskEvaluation } from '../evaluation/risk-evaluation.js';
import { nounOf } from '../validation/declaration-nouns.js';
import { pointOf, type Change } from './change.js';

/** One version of the model, evaluated. */
export interface DiffSide {
    readonly evaluation: ModelEvaluation;
    /** The model's own documents. */
    readonly documents: readonly LangiumDocument[];
    /** The folder file paths are compared relative to, so that the same file on both sides is recognised. */
    readonly root: string;
}

export interface RiskPair {
    readonly base: RiskEvaluation;
    readonly head: RiskEvaluation;
}

export interface Matching {
    readonly pairs: readonly RiskPair[];
    readonly added: readonly RiskEvaluation[];
    readonly removed: readonly RiskEvaluation[];
    /** BASE ID → HEAD ID of every renamed declaration. */
    readonly renamed: ReadonlyMap<string, string>;
    readonly changes: readonly Change[];
}

type Named = AstNode & { name: string };

export function matchDeclarations(base: DiffSide, head: DiffSide): Matching {
    const baseDeclarations = topLevelDeclarations(base.evaluation);
    const headDeclarations = topLevelDeclarations(head.evaluation);
    const disappeared = [...baseDeclarations.values()].filter(node => !headDeclarations.has(node.name));
    const appeared = [...headDeclarations.values()].filter(node => !baseDeclarations.has(node.name));
    const renamed = detectRenames(disappeared, appeared, base, head);
    const changes: Change[] = [];
    for (const [oldId, newId] of renamed) {
        const node = headDeclarations.get(newId)!;
        const noun = declarationNoun(node);
        changes.push({
            kind: 'declaration-renamed', subject: newId, effect: 'neutral', before: oldId, after: newId, location: pointOf(node),
            message: `${noun} ${oldId} was renamed ${newId}; its content and every reference to it are unchanged`
        });
    }
    const renamedTo = new Set(renamed.values());
    for (const node of disappeared.filter(node => !renamed.has(node.name) && !isRisk(node))) {
        changes.push({
            kind: 'declaration-removed', subject: node.name, effect: 'neutral', before: node.name, after: null, location: pointOf(node),
            message: `${declarationNoun(node)} ${node.name} was removed`
        });
    }
    for (const node of appeared.filter(node => !renamedTo.has(node.name) && !isRisk(node))) {
        changes.push({
            kind: 'declaration-added', subject: node.name, effect: 'neutral', before: null, after: node.name, location: pointOf(node),
            message: `${declarationNoun(node)} ${node.name} was added`
        });
    }

    const headRisks = new Map(head.evaluation.risks.filter(risk => risk.risk.name).map(risk => [risk.risk.name, risk]));
    const pairs: RiskPair[] = [];
    const removed: RiskEvaluation[] = [];
    const matchedHead = new Set<RiskEvaluation>();
    for (const baseRisk of base.evaluation.risks) {
        const headRisk = headRisks.get(renamed.get(baseRisk.risk.name) ?? baseRisk.risk.name);
        if (headRisk && !matchedHead.has(headRisk)) {
            matchedHead.add(headRisk);
            pairs.push({ base: baseRisk, head: headRisk });
        } else {
            removed.push(baseRisk);
        }
    }
    const added = head.evaluation.risks.filter(risk => !matchedHead.has(risk));
    for (const pair of pairs) {
        const before = relativeFile(base, pair.base.risk);
        const after = relativeFile(head, pair.head.risk);
        if (before !== after) {
            changes.push({
                kind: 'risk-moved', subject: pair.head.risk.name, effect: 'neutral', before, after, location: pointOf(pair.head.risk),
                message: `${pair.head.risk.name} moved from ${before} to ${after}`
            });
        }
    }
    return { pairs, added, removed, renamed, changes };
}

/** The declarations at the top of the files (actions are compared with their risk), first of each ID. */
/** `Asset`, `Role`: how the message names the declaration. */
function declarationNoun(node: AstNode): string {
    const noun = nounOf(node.$type) ?? 'declaration';
    return noun.charAt(0).toUpperCase() + noun.slice(1);
}

function topLevelDeclarations(evaluation: ModelEvaluation): Map<string, Named> {
    const byId = new Map<string, Named>();
    for (const [id, node] of evaluation.declarationsById.entries()) {
        if (!isAction(node) && !byId.has(id)) {
            byId.set(id, node as Named);
        }
    }
    return byId;
}

function detectRenames(disappeared: readonly Named[], appeared: readonly Named[], base: DiffSide, head: DiffSide): Map<string, string> {
    const renamed = new Map<string, string>();
    if (disappeared.length === 0 || appeared.length === 0) {
        return renamed;
    }
    const candidates = new Map<string, Named[]>();
    for (const node of appeared) {
        const key = `${node.$type}\u0000${contentSignature(node)}`;
        candidates.set(key, [...(candidates.get(key) ?? []), node]);
    }
    const baseReferrers = referrersOf(base.documents, new Set(disappeared));
    const headReferrers = referrersOf(head.documents, new Set(appeared));
    for (const node of disappeared) {
        const options = candidates.get(`${node.$type}\u0000${contentSignature(node)}`) ?? [];
        const referrers = baseReferrers.get(node) ?? new Set<string>();
        const match = options.find(option => [...referrers].every(referrer => headReferrers.get(option)?.has(renamed.get(referrer) ?? referrer)));
        if (match) {
            renamed.set(node.name, match.name);
            options.splice(options.indexOf(match), 1);
        }
    }
    return renamed;
}

/** The declaration's tokens without its ID, comments or layout. */
function contentSignature(node: Named): string {
    const root = node.$cstNode;
    if (!root) {
        return '';
    }
    const name = GrammarUtils.findNodeForProperty(root, 'name');
    return CstUtils.flattenCst(root).filter(leaf => !leaf.hidden && leaf !== name).map(leaf => leaf.text).join(' ');
}

/** For each target, the IDs of the top-level declarations whose references point at it. */
function referrersOf(documents: readonly LangiumDocument[], targets: ReadonlySet<AstNode>): Map<AstNode, Set<string>> {
    const referrers = new Map<AstNode, Set<string>>();
    for (const document of documents) {
        for (const reference of document.references) {
            const pointed = 'ref' in reference ? [reference.ref] : reference.items.map(item => item.ref);
            for (const target of pointed) {
                if (target && targets.has(target)) {
                    const owner = topLevelId(reference.$refNode?.astNode);
                    if (owner !== undefined) {
                        referrers.set(target, (referrers.get(target) ?? new Set()).add(owner));
                    }
                }
            }
        }
    }
    return referrers;
}

function topLevelId(node: AstNode | undefined): string | undefined {
    let current = node;
    while (current?.$container && !isModel(current.$container)) {
        current = current.$container;
    }
    const name = (current as { name?: unknown } | undefined)?.name;
    return typeof name === 'string' ? name : current ? current.$type : undefined;
}

/** The risk's file relative to its side's root, with forward slashes. */
export function relativeFile(side: DiffSide, risk: Risk): string {
    const point = pointOf(risk);
    return point ? relative(side.root, point.path).split('\\').join('/') : '';
}
