/**
 * The identity of a finding across versions of a model: its code, the IDs of the
 * declarations it is about (`R-005`, `R-001 MFA`, `method`) and the folder of its model
 * relative to the folder checked, never its file or line, so that moving a risk to another
 * file or reordering a file keeps the finding the same, while the `R-005` of one model
 * never matches the `R-005` of another in the same repository (model-boundaries.ts).
 * `risk diff` (new / resolved findings), `risk check --baseline`, SARIF's
 * `partialFingerprints` and GitLab's `fingerprint` all use these functions.
 */
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver-types';
import { isAction, isMethod, isRisk, isTreatment } from '../language/generated/ast.js';

/** What a fingerprint is computed from. */
export interface Fingerprinted {
    readonly code: string;
    /** Outermost first: `['R-001', 'MFA']` for a finding on action MFA of risk R-001. */
    readonly subjects: readonly string[];
    /** The text of the line the finding starts on: identifies a finding outside any declaration (a syntax error between them). */
    readonly sourceLine: string;
    /**
     * The folder of the finding's model relative to the folder checked, with `/`
     * (`teams/payments`); empty or absent for the checked folder's own model, whose
     * fingerprints are then those of a check of that model alone.
     */
    readonly modelPath?: string;
}

/** `modelPath` of a model whose folder is `modelRoot` (absolute; empty for files outside any model folder), in a check of `checked`. */
export function modelPathOf(modelRoot: string, checked: string): string {
    if (modelRoot === '') {
        return '';
    }
    const path = relative(checked, modelRoot);
    return sep === '/' ? path : path.split(sep).join('/');
}

/** The IDs of the declarations enclosing a position, outermost first; `method` for the method block. */
export function subjectsAt(document: LangiumDocument, position: Position): string[] {
    const root = document.parseResult.value.$cstNode;
    if (!root) {
        return [];
    }
    const offset = document.textDocument.offsetAt(position);
    // A diagnostic may start on whitespace or at the end of the file: the leaf before it encloses it.
    const leaf = CstUtils.findLeafNodeAtOffset(root, offset) ?? CstUtils.findLeafNodeBeforeOffset(root, offset);
    const subjects: string[] = [];
    for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
        const id = subjectId(node);
        if (id !== undefined) {
            subjects.unshift(id);
        }
    }
    return subjects;
}

function subjectId(node: AstNode): string | undefined {
    if (isMethod(node)) {
        return 'method';
    }
    if (isAction(node) && !node.name && isTreatment(node.$container) && isRisk(node.$container.$container)) {
        // The same ID the evaluation gives an unnamed action (ActionEvaluation.id).
        return `${node.$container.$container.name}/${node.$container.actions.indexOf(node) + 1}`;
    }
    const name = (node as { name?: unknown }).name;
    return typeof name === 'string' && name !== '' && node.$container !== undefined ? name : undefined;
}

/**
 * One fingerprint per finding, in the given order: a hash of the code, the model's
 * folder (when it is not the folder checked) and the subject IDs (of the normalised source
 * line when there is no subject), numbered when several findings share it (two
 * `unresolved-reference` in one risk), so each keeps its own.
 */
export function fingerprintsOf(findings: readonly Fingerprinted[]): string[] {
    const occurrences = new Map<string, number>();
    return findings.map(finding => {
        const hash = fingerprintHash(finding);
        const occurrence = (occurrences.get(hash) ?? 0) + 1;
        occurrences.set(hash, occurrence);
        return `${hash}:${occurrence}`;
    });
}

function fingerprintHash(finding: Fingerprinted): string {
    const identity = finding.subjects.length > 0 ? finding.subjects : [`line:${finding.sourceLine.trim().replace(/\s+/g, ' ')}`];
    // A subject ID never starts with `model:`, so no model's identity can equal another's.
    const model = finding.modelPath ? [`model:${finding.modelPath}`] : [];
    return createHash('sha256').update([finding.code, ...model, ...identity].join('\u0000')).digest('hex').slice(0, 32);
}
