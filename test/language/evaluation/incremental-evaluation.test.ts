/**
 * The language server keeps each document's part of the evaluation across changes
 * (evaluation/document-evaluation-cache.ts). After any sequence of edits, sent through
 * the document builder as the server sends them, the evaluation and every file's
 * diagnostics must be those of a fresh build of the same texts; and an edit must
 * re-evaluate the risks of the documents it can affect, not the others.
 */
import { AstUtils, isAstNode, URI, type AstNode } from 'langium';
import { describe, expect, test, vi } from 'vitest';
import type { ModelEvaluation } from '../../../language/evaluation/model-evaluator.js';
import { createRiskServices } from '../../../language/risk-module.js';
import { revalidateWorkspace } from '../../../language/workspace/revalidate.js';
import { MemoryFileSystem } from '../../helpers/memory-file-system.js';
import { IMPACTS, initialState, LEVELS, LIKELIHOODS, render, ROLE_NAMES, type ModelState, type RiskState } from './incremental-model.js';

const uri = (name: string) => URI.file(`/model/${name}.risk`);
const nameOf = (fileUri: URI | string) => fileUri.toString().replace(/^.*\/([\w-]+)\.risk$/, '$1');

/** A workspace of the model's files, built once and then changed through `DocumentBuilder.update`. */
async function workspace(state: ModelState, options: { batch?: boolean } = {}) {
    const fileSystem = new MemoryFileSystem();
    const { shared, Risk } = createRiskServices({ fileSystemProvider: () => fileSystem }, options);
    const { DocumentBuilder, WorkspaceLock, WorkspaceManager, LangiumDocuments } = shared.workspace;
    Risk.settings.RiskSettings.setAsOf(state.asOf);
    let texts = render(state);
    for (const [name, text] of texts) {
        fileSystem.files.set(uri(name).toString(), text);
        await LangiumDocuments.getOrCreateDocument(uri(name));
    }
    await WorkspaceManager.initialized({});
    await WorkspaceLock.write(token => DocumentBuilder.update([...texts.keys()].map(uri), [], token));

    /** Sends the files whose text differs from the last state's, and a changed as-of date, as the server would. */
    const apply = async (next: ModelState) => {
        const after = render(next);
        const changed = [...after].filter(([name, text]) => texts.get(name) !== text).map(([name]) => name);
        const deleted = [...texts.keys()].filter(name => !after.has(name));
        for (const name of changed) {
            fileSystem.files.set(uri(name).toString(), after.get(name)!);
        }
        for (const name of deleted) {
            fileSystem.files.delete(uri(name).toString());
        }
        texts = after;
        if (changed.length > 0 || deleted.length > 0) {
            await WorkspaceLock.write(token => DocumentBuilder.update(changed.map(uri), deleted.map(uri), token));
        }
        if (next.asOf !== Risk.settings.RiskSettings.asOf()) {
            Risk.settings.RiskSettings.setAsOf(next.asOf);
            await revalidateWorkspace(shared);
        }
        await WorkspaceLock.read(() => undefined);
    };

    /** The model's evaluation, every AST node in it named by type, ID, file and offset; a node of an AST replaced since is marked stale. */
    const evaluation = () => serialise(Risk.evaluation.ModelEvaluator.evaluate(LangiumDocuments.getDocument(uri('method'))!), node => {
        const document = AstUtils.findRootNode(node).$document;
        const current = document && LangiumDocuments.getDocument(document.uri)?.parseResult.value;
        const name = 'name' in node && typeof node.name === 'string' ? node.name : '';
        return `${current === AstUtils.findRootNode(node) ? '' : 'STALE '}${node.$type} ${name} ${document ? nameOf(document.uri) : '?'}:${node.$cstNode?.offset}`;
    });

    const diagnostics = () => Object.fromEntries(LangiumDocuments.all
        .filter(document => document.uri.scheme === 'file')
        .map((document): [string, string[]] => [nameOf(document.uri), (document.diagnostics ?? [])
            .map(({ range, severity, code, message }) => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${severity} ${code} ${message}`)
            .sort()])
        .toArray()
        .sort(([a], [b]) => a.localeCompare(b)));

    /** The IDs of the risks evaluated while `action` runs, in the order evaluated. */
    const evaluatedDuring = async (action: () => Promise<void>) => {
        const evaluated: string[] = [];
        const evaluator = Risk.evaluation.ModelEvaluator;
        const evaluateRisks = evaluator.evaluateRisks.bind(evaluator);
        const spy = vi.spyOn(evaluator, 'evaluateRisks').mockImplementation((risks, context) => {
            evaluated.push(...risks.map(risk => risk.name));
            return evaluateRisks(risks, context);
        });
        try {
            await action();
            // What a request after the build reads: the evaluation the build left.
            evaluation();
        } finally {
            spy.mockRestore();
        }
        return evaluated.sort();
    };

    return { apply, evaluation, diagnostics, evaluatedDuring };
}

/** Every field of the evaluation as plain data, AST nodes by `label`. */
function serialise(evaluation: ModelEvaluation, label: (node: AstNode) => string): unknown {
    const plain = (value: unknown): unknown => {
        if (isAstNode(value)) {
            return label(value);
        }
        if (Array.isArray(value)) {
            return value.map(plain);
        }
        if (value && typeof value === 'object') {
            return Object.fromEntries(Object.entries(value).filter(([, field]) => typeof field !== 'function').map(([key, field]) => [key, plain(field)]));
        }
        return value;
    };
    const { applicability } = evaluation;
    return {
        asOf: evaluation.asOf,
        methods: plain(evaluation.methods),
        method: evaluation.method && { node: label(evaluation.method.method), appetite: plain(evaluation.method.appetite) },
        scopes: plain(evaluation.scopes),
        risks: evaluation.risks.map(risk => ({ ...plain(risk) as object, found: evaluation.evaluationOf(risk.risk) === risk })),
        declarationsById: [...evaluation.declarationsById.keys()].sort().map(id => [id, evaluation.declarationsById.get(id).map(label)]),
        referenced: [...evaluation.referenced].map(label).sort(),
        applicability: { blocks: plain(applicability.blocks), controls: plain(applicability.controls), undecided: applicability.undecided }
    };
}

/** A small deterministic generator (mulberry32), so that a failing sequence can be replayed. */
function random(seed: number) {
    let state = seed;
    const next = () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    return { next, pick };
}

type Random = ReturnType<typeof random>;

const allRisks = (state: ModelState) => [...state.riskFiles.values()].flat();

/** Each edit changes the state in place and says what it did. */
const EDITS: ReadonlyArray<(state: ModelState, rnd: Random) => string | undefined> = [
    (state, rnd) => {
        const risk = rnd.pick(allRisks(state));
        risk.likelihood = rnd.pick(LIKELIHOODS);
        return `likelihood of ${risk.id} → ${risk.likelihood}`;
    },
    (state, rnd) => {
        const risk = rnd.pick(allRisks(state));
        risk.impact = rnd.pick(IMPACTS);
        return `impact of ${risk.id} → ${risk.impact}`;
    },
    (state, rnd) => {
        const risk = rnd.pick(allRisks(state));
        risk.residual = rnd.pick([undefined, { likelihood: rnd.pick(LIKELIHOODS) }, { impact: rnd.pick(IMPACTS) }, { likelihood: rnd.pick(LIKELIHOODS), impact: rnd.pick(IMPACTS) }]);
        return `residual of ${risk.id} → ${JSON.stringify(risk.residual)}`;
    },
    (state, rnd) => {
        const role = rnd.pick(state.roles);
        if (rnd.next() < 0.5) {
            role.management = !role.management;
        } else {
            role.accepts = rnd.pick([undefined, ...LEVELS]);
        }
        return `authority of ${role.name} → ${role.management ? 'management' : ''} ${role.accepts ?? ''}`;
    },
    (state, rnd) => {
        state.appetite = rnd.pick(LEVELS);
        return `appetite → ${state.appetite}`;
    },
    state => {
        state.levels = state.levels === 0 ? 1 : 0;
        return `levels → variant ${state.levels}`;
    },
    (state, rnd) => {
        state.lasts = rnd.pick(['12 months', '6 months', '2 years']);
        return `acceptances last ${state.lasts}`;
    },
    state => {
        state.methodRevision++;
        return 'method file re-saved with a new comment';
    },
    (state, rnd) => {
        const risk = rnd.pick(allRisks(state));
        risk.acceptance = rnd.next() < 0.25 ? undefined : {
            by: rnd.pick([...ROLE_NAMES, 'Nobody']),
            on: rnd.pick(['2026-06-01', '2025-01-01', '2027-02-01']),
            until: rnd.pick([undefined, '2026-12-31', '2028-06-01', '2026-01-01']),
            level: rnd.pick([undefined, ...LEVELS])
        };
        return `acceptance of ${risk.id} → ${JSON.stringify(risk.acceptance)}`;
    },
    (state, rnd) => {
        const risks = allRisks(state);
        const risk = rnd.pick(risks);
        const before = risk.id;
        // Half the time a duplicate of another risk's ID (maybe in another file), else a fresh one.
        risk.id = rnd.next() < 0.5 ? rnd.pick(risks).id : `R-${Math.floor(rnd.next() * 90) + 10}`;
        return `rename ${before} → ${risk.id}`;
    },
    state => {
        state.primaryName = state.primaryName === 'Data' ? 'Info' : 'Data';
        return `primary asset renamed ${state.primaryName} (the supporting asset's \`supports Data\` resolves or not)`;
    },
    (state, rnd) => {
        state.primaryConfidentiality = rnd.pick(IMPACTS);
        return `primary asset confidentiality → ${state.primaryConfidentiality} (read by risks through the supporting asset)`;
    },
    state => {
        state.supportingName = state.supportingName === 'Db' ? 'Store' : 'Db';
        return `supporting asset renamed ${state.supportingName}`;
    },
    (state, rnd) => {
        if (state.riskFiles.size <= 1) {
            return undefined;
        }
        const name = rnd.pick([...state.riskFiles.keys()]);
        state.riskFiles.delete(name);
        return `delete ${name}`;
    },
    (state, rnd) => {
        const name = rnd.pick(['risks-a', 'risks-b', 'risks-c', 'risks-d'].filter(candidate => !state.riskFiles.has(candidate)));
        if (!name) {
            return undefined;
        }
        const id = `R-${Math.floor(rnd.next() * 90) + 10}`;
        const risk: RiskState = { id, owner: rnd.pick(ROLE_NAMES), likelihood: rnd.pick(LIKELIHOODS), impact: rnd.pick(IMPACTS), controls: rnd.next() < 0.5, status: 'assessed' };
        state.riskFiles.set(name, [risk]);
        return `add ${name} with ${id}`;
    },
    (state, rnd) => {
        state.asOf = rnd.pick(['2026-11-30', '2027-01-15', '2026-06-02', '2027-07-01']);
        return `as-of date → ${state.asOf}`;
    },
    (state, rnd) => {
        const choice = rnd.next();
        if (choice < 0.4) {
            state.scopeRevision++;
            return 'scopes re-worded (same names, new nodes)';
        }
        state.scopes = state.scopes.length === 1 ? ['Platform', 'Corporate'] : ['Platform'];
        return `scopes → ${state.scopes.join(', ')}`;
    },
    (state, rnd) => {
        const risk = rnd.pick(allRisks(state));
        risk.scope = rnd.pick([undefined, 'Platform', 'Corporate']);
        return `scope of ${risk.id} → ${risk.scope ?? 'none'}`;
    },
    state => {
        state.soaDecision = state.soaDecision === 'include' ? 'exclude' : 'include';
        return `SoA ${state.soaDecision}s A.5.1`;
    },
    (state, rnd) => {
        const risk = rnd.pick(allRisks(state));
        risk.action = rnd.next() < 0.2 ? undefined : { due: rnd.pick(['2026-12-01', '2026-02-01', '2027-03-01']), status: rnd.pick(['planned', 'in-progress', 'done', 'cancelled']) };
        return `action of ${risk.id} → ${JSON.stringify(risk.action)}`;
    },
    (state, rnd) => {
        const risk = rnd.pick(allRisks(state));
        risk.owner = rnd.pick(ROLE_NAMES);
        risk.status = rnd.pick(['assessed', 'treating', 'accepted', 'closed']);
        return `owner and status of ${risk.id} → ${risk.owner}, ${risk.status}`;
    }
];

describe('the incremental evaluation equals a fresh one after every edit', () => {
    for (const seed of [1, 2]) {
        test(`seed ${seed}: 60 random edits`, async () => {
            const state = initialState();
            const incremental = await workspace(state);
            const rnd = random(seed);
            const history: string[] = [];
            for (let step = 0; step < 60; step++) {
                const said = rnd.pick(EDITS)(state, rnd);
                if (!said) {
                    continue;
                }
                history.push(said);
                await incremental.apply(structuredClone(state));
                const fresh = await workspace(structuredClone(state));
                // The history names the sequence that led here when they differ.
                expect({ history, evaluation: incremental.evaluation() }).toEqual({ history, evaluation: fresh.evaluation() });
                expect({ history, diagnostics: incremental.diagnostics() }).toEqual({ history, diagnostics: fresh.diagnostics() });
            }
            expect(JSON.stringify(incremental.evaluation())).not.toContain('STALE');
        }, 600_000);
    }
});

describe('an edit re-evaluates the risks of the documents it can affect', () => {
    const edited = (change: (state: ModelState) => void) => {
        const state = initialState();
        change(state);
        return state;
    };
    const RISKS_A = ['R-1', 'R-2', 'R-3'];
    const EVERY_RISK = ['R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6', 'R-7', 'R-8'];

    test('a change in one risk file: that file\'s risks only', async () => {
        const { apply, evaluatedDuring } = await workspace(initialState());
        expect(await evaluatedDuring(() => apply(edited(state => {
            state.riskFiles.get('risks-a')![0].likelihood = 'Likely';
        })))).toEqual(RISKS_A);
    });

    test('a change nothing a risk reads (the SoA): no risk', async () => {
        const { apply, evaluatedDuring } = await workspace(initialState());
        expect(await evaluatedDuring(() => apply(edited(state => {
            state.soaDecision = 'exclude';
        })))).toEqual([]);
    });

    test('a change of the method, even a comment (new nodes every level and value refers to): every risk', async () => {
        const { apply, evaluatedDuring } = await workspace(initialState());
        expect(await evaluatedDuring(() => apply(edited(state => {
            state.appetite = 'Low';
        })))).toEqual(EVERY_RISK);
        expect(await evaluatedDuring(() => apply(edited(state => {
            state.appetite = 'Low';
            state.methodRevision = 1;
        })))).toEqual(EVERY_RISK);
    });

    test('a role\'s authority: every risk, since every risk file names a role of that file (at least as owner) and the validation context changed', async () => {
        const { apply, evaluatedDuring } = await workspace(initialState());
        expect(await evaluatedDuring(() => apply(edited(state => {
            state.roles[1].accepts = 'High';
        })))).toEqual(EVERY_RISK);
    });

    test('a primary asset read through a supporting asset in another file: every risk on that supporting asset', async () => {
        const { apply, evaluatedDuring } = await workspace(initialState());
        expect(await evaluatedDuring(() => apply(edited(state => {
            state.primaryConfidentiality = 'Severe';
        })))).toEqual(EVERY_RISK);
    });

    test('the sole scope, re-worded in a file no risk refers to: every risk (a risk without `scope` belongs to it)', async () => {
        const { apply, evaluatedDuring } = await workspace(initialState());
        expect(await evaluatedDuring(() => apply(edited(state => {
            state.scopeRevision = 1;
        })))).toEqual(EVERY_RISK);
    });

    test('the as-of date: every risk', async () => {
        const { apply, evaluatedDuring } = await workspace(initialState());
        expect(await evaluatedDuring(() => apply(edited(state => {
            state.asOf = '2027-01-15';
        })))).toEqual(EVERY_RISK);
    });

    test('a one-shot (batch) workspace keeps nothing: the next build evaluates every risk', async () => {
        const { apply, evaluatedDuring } = await workspace(initialState(), { batch: true });
        expect(await evaluatedDuring(() => apply(edited(state => {
            state.soaDecision = 'exclude';
        })))).toEqual(EVERY_RISK);
    });
});
