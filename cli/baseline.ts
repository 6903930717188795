/**
 * `risk check --baseline REV`: the findings that are new since a git revision. The
 * same paths are read at REV from git objects and checked there; a finding is hidden
 * when its fingerprint (code + subject IDs in its model, cli/fingerprint.ts) is found at REV too,
 * wherever it sits, so moving a risk to another file keeps its findings hidden.
 */
import { realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { IsoDate } from '../language/evaluation/dates.js';
import { diagnosticsOf, loadModelSources, modelRootPath } from '../language/model/load-model.js';
import { sortFindings, toFinding, type Finding } from './findings.js';
import { fingerprintsOf, modelPathOf } from './fingerprint.js';
import { openRepository, readRiskFiles, repositoryPath, resolveCommit } from './git.js';
import { UsageError } from './errors.js';

export interface BaselineResult {
    /** The findings absent at the revision, in the given order. */
    readonly kept: readonly Finding[];
    readonly hidden: number;
}

/**
 * `paths` are the check's path arguments; each is read at the revision as `risk check`
 * reads it now (a folder is a model of its own). `findings` must be sorted (sortFindings).
 */
export async function filterByBaseline(findings: readonly Finding[], revision: string, paths: readonly string[], asOf: IsoDate, cwd: string): Promise<BaselineResult> {
    const repository = await openRepository(cwd);
    const commit = await resolveCommit(repository, revision);
    const realCwd = await realpath(cwd);
    const baseline: Finding[] = [];
    for (const path of paths) {
        const inside = repositoryPath(repository, resolve(realCwd, path));
        if (inside === undefined) {
            throw new UsageError(`'${path}' is outside the git repository at ${repository.root}: --baseline compares with a revision of that repository.`);
        }
        const files = await readRiskFiles(repository, commit, [inside]);
        if (files.length === 0) {
            continue; // Nothing there at the revision: every finding is new.
        }
        // The same models as the check: the path's files without a method above them are its model.
        const checked = join(repository.root, inside);
        const loaded = await loadModelSources(files.map(file => ({ path: join(repository.root, file.path), text: file.text })), { asOf, folders: [checked] });
        for (const model of loaded.models()) {
            const modelPath = modelPathOf(modelRootPath(model), checked);
            baseline.push(...diagnosticsOf({ documents: model.documents }).map(({ document, diagnostic }) => ({ ...toFinding(document, diagnostic, cwd), modelPath })));
        }
    }
    const known = new Set(fingerprintsOf(sortFindings(baseline)));
    const fingerprints = fingerprintsOf(findings);
    const kept = findings.filter((_, index) => !known.has(fingerprints[index]));
    return { kept, hidden: findings.length - kept.length };
}
