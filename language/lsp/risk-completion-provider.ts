/**
 * Completion. Langium proposes the keywords the grammar allows and the names the
 * scope holds; on top of that:
 *
 * * scale values by name (the number and the description alongside), in number order,
 *   wherever a likelihood or an impact is expected — `likelihood`, `impact`, `residual`,
 *   `confidentiality` / `integrity` / `availability`, matrix rows;
 * * levels in rank order, lowest first, with their band and description;
 * * assets by layer: only supporting assets after `on` (of a risk or a vulnerability),
 *   only primary assets after `harms` and `supports` — an asset with no layer written
 *   yet is offered in both, since naming it is no error;
 * * the model's own controls, then the 93 Annex A controls in numeric order with their
 *   titles, after `controls` and `implements`;
 * * the as-of date (`risk.asOf`, or today) wherever a date is expected: after `on`,
 *   `due`, `reviewed`, `until`, `completed`, `identified`;
 * * after `accepts`, only the levels below `major` (no other role may accept a major risk);
 * * after `include` and `exclude`, the Annex A controls no line of the `applicability`
 *   block decides yet;
 * * after `tags`, the tags the model already uses, so that one label is spelt one way;
 * * after `affects`, the security properties not listed yet;
 * * snippets for a new risk, a primary and a supporting asset, and — while the model
 *   has none — the method, where a declaration may start.
 *
 * The `annex … theme …` declarations belong to the built-in library and are never
 * proposed.
 */
import { AstUtils, EMPTY_STREAM, GrammarAST, isReference, type AstNode, type AstNodeDescription, type IndexManager, type LangiumDocument, type LangiumDocuments, type MaybePromise, type Reference, type ReferenceInfo, type Stream } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type CancellationToken, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import { ANNEX_A } from '../builtins/annex-a.js';
import { today } from '../evaluation/dates.js';
import { Asset, ImpactValue, isAnnexControl, isApplicabilityDecision, isAsset, isControl, isImpactValue, isLevel, isLikelihoodValue, isMethod, isModel, isRisk, isRole, LikelihoodValue, Risk, Role, Vulnerability, type ApplicabilityDecision, type Level } from '../generated/ast.js';
import type { ModelEvaluator } from '../evaluation/model-evaluator.js';
import { isBuiltinDocument } from '../workspace/builtin-documents.js';
import type { RiskServices } from '../risk-module.js';
import type { RiskSettings } from '../workspace/risk-settings.js';

/** The end of a text that is an Annex A ID being typed. */
const PARTIAL_ANNEX_ID = /(?<![A-Za-z0-9_.-])A\.[0-9.]*$/;
/** What the lexer reads as one ANNEX_ID token (language/risk.langium). */
const COMPLETE_ANNEX_ID = /^A\.[0-9]+\.[0-9]+(\.[0-9]+)?$/;

/** Keywords of the built-in Annex A library, not of the user's models. */
const LIBRARY_RULES = new Set(['AnnexControl', 'AnnexTheme']);

/** Annex A controls in the standard's order: A.5.1 … A.5.37, A.6.1 …, A.8.34. */
const ANNEX_ORDER = new Map(ANNEX_A.map((entry, index) => [entry.id, index]));

type AssetLayer = 'primary' | 'supporting';

export class RiskCompletionProvider extends DefaultCompletionProvider {
    private readonly settings: RiskSettings;
    private readonly indexManager: IndexManager;
    private readonly documents: LangiumDocuments;
    private readonly evaluator: ModelEvaluator;

    constructor(services: RiskServices) {
        super(services);
        this.evaluator = services.evaluation.ModelEvaluator;
        this.settings = services.settings.RiskSettings;
        this.indexManager = services.shared.workspace.IndexManager;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    /**
     * An Annex A ID being typed (`A.8`, `A.8.`) is no token yet: the lexer sees `A` and a
     * stray dot. Complete at its start instead, keep the IDs it begins, and let them
     * replace what was typed.
     */
    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const text = document.textDocument.getText();
        const offset = document.textDocument.offsetAt(params.position);
        const partial = PARTIAL_ANNEX_ID.exec(text.slice(Math.max(0, offset - 16), offset))?.[0];
        if (!partial || COMPLETE_ANNEX_ID.test(partial)) {
            return super.getCompletion(document, params, cancelToken);
        }
        const start = document.textDocument.positionAt(offset - partial.length);
        const list = await super.getCompletion(document, { ...params, position: start }, cancelToken);
        if (!list) {
            return list;
        }
        const range = { start, end: params.position };
        const items = list.items
            .filter(item => item.label.toUpperCase().startsWith(partial.toUpperCase()))
            .map(item => ({ ...item, textEdit: { range, newText: item.textEdit?.newText ?? item.label } }));
        return { ...list, items };
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (isDateTerminal(next.feature)) {
            this.completionForDate(context, acceptor);
            return;
        }
        if (AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment)?.feature === 'tags') {
            this.completionForTags(context, acceptor);
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        if (rule?.name === 'SecurityProperty' && isRisk(context.node) && context.node.affects.includes(keyword.value as never)) {
            // `affects confidentiality, |`: a property listed already is not offered again.
            return false;
        }
        return super.filterKeyword(context, keyword) && !(rule && LIBRARY_RULES.has(rule.name));
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        const result = super.completionForKeyword(context, keyword, acceptor);
        if (this.filterKeyword(context, keyword) && startsDeclaration(keyword)) {
            for (const snippet of this.snippetsFor(keyword.value)) {
                acceptor(context, snippet);
            }
        }
        return result;
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        if (!this.astReflection.getTypeMetaData(refInfo.container.$type).properties[refInfo.property]?.referenceType) {
            // Inside a block written twice (`accept { … }` again), whose text belongs to the
            // enclosing node (language/parser/risk-parser.ts): nothing to propose there.
            return EMPTY_STREAM;
        }
        const candidates = super.getReferenceCandidates(refInfo, context);
        const layer = expectedLayer(refInfo);
        const listed = listedElsewhere(refInfo, context.offset);
        return candidates.filter(candidate => {
            const node = candidate.node;
            if (listed.has(candidate.name)) {
                return false;
            }
            if (isLikelihoodValue(node) || isImpactValue(node)) {
                // Each value is in the scope under its name and its number: propose the name.
                return candidate.name === node.name;
            }
            if (layer && isAsset(node)) {
                return node !== refInfo.container && (node.category?.layer ?? layer) === layer;
            }
            if (isLevel(node) && isRole(refInfo.container) && refInfo.property === 'accepts') {
                return !this.evaluator.evaluate(refInfo.container).method?.isMajor(node);
            }
            if (isAnnexControl(node) && isApplicabilityDecision(refInfo.container)) {
                return !decidedElsewhere(refInfo.container, context.offset).has(node.name);
            }
            return true;
        });
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        if (isLikelihoodValue(node) || isImpactValue(node)) {
            const scale = isLikelihoodValue(node) ? 'likelihood' : 'impact';
            return {
                ...item,
                kind: CompletionItemKind.EnumMember,
                detail: `${scale} ${node.value}`,
                labelDetails: { detail: ` ${node.value}`, description: node.description || undefined },
                documentation: node.description || undefined,
                sortText: `00${order(node.value)}`
            };
        }
        if (isLevel(node)) {
            return {
                ...item,
                kind: CompletionItemKind.EnumMember,
                detail: levelDetail(node),
                documentation: node.description || undefined,
                sortText: `01${order(levelRank(node))}`
            };
        }
        if (isAnnexControl(node)) {
            return {
                ...item,
                kind: CompletionItemKind.Constant,
                detail: node.title,
                sortText: `1${order(ANNEX_ORDER.get(node.name) ?? ANNEX_A.length)}`
            };
        }
        if (isControl(node)) {
            return { ...item, kind: CompletionItemKind.Class, detail: node.title, sortText: '0' };
        }
        if (isAsset(node)) {
            const layer = node.category ? `${node.category.layer} ${node.category.kind}` : undefined;
            return { ...item, detail: node.title, labelDetails: layer ? { description: layer } : undefined };
        }
        if (isRole(node)) {
            return { ...item, detail: node.management ? `${node.title} · management` : node.title };
        }
        const title = titleOf(node);
        return title !== undefined ? { ...item, detail: title } : item;
    }

    /** The as-of date: what the date rules use, and what a new `reviewed` or acceptance usually means. */
    private completionForDate(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const asOf = this.settings.asOf();
        acceptor(context, {
            label: asOf,
            kind: CompletionItemKind.Value,
            detail: asOf === today() ? 'today' : 'the as-of date (risk.asOf)',
            sortText: '0'
        });
    }

    /** The tags the model uses, most used first, as the strings to write. */
    private completionForTags(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const own = new Set(context.node ? tagsOf(context.node) : []);
        const counts = new Map<string, number>();
        for (const document of this.documents.all) {
            const model = document.parseResult.value;
            if (isBuiltinDocument(document) || !isModel(model)) {
                continue;
            }
            for (const node of AstUtils.streamAst(model)) {
                for (const tag of tagsOf(node)) {
                    counts.set(tag, (counts.get(tag) ?? 0) + 1);
                }
            }
        }
        const used = [...counts].filter(([tag]) => !own.has(tag) && tag !== '').sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
        used.forEach(([tag, count], index) => acceptor(context, {
            label: JSON.stringify(tag),
            kind: CompletionItemKind.Value,
            detail: `tag used ${count === 1 ? 'once' : `${count} times`} in the model`,
            sortText: order(index)
        }));
    }

    private snippetsFor(keyword: string): CompletionValueItem[] {
        const names = (type: string) => this.indexManager.allElements(type).map(description => description.name);
        const roles = names(Role.$type).toArray();
        switch (keyword) {
            case 'risk':
                return [snippet('risk', 'new risk', [
                    `risk \${1:${this.nextRiskId()}} "\${2:Title}" {`,
                    `  owner ${choice(3, roles, 'Role')}`,
                    `  threat \${4:Threat}`,
                    `  on ${choice(5, this.assetNames('supporting'), 'SupportingAsset')}`,
                    `  likelihood ${choice(6, this.scaleNames(LikelihoodValue.$type), 'Likelihood')}`,
                    `  impact ${choice(7, this.scaleNames(ImpactValue.$type), 'Impact')}`,
                    `  treatment \${8|reduce,accept,share,avoid|}`,
                    '}$0'
                ])];
            case 'asset': {
                const impact = (index: number) => choice(index, this.scaleNames(ImpactValue.$type), 'Impact');
                return [
                    snippet('asset', 'new primary asset', [
                        'asset ${1:Name} "${2:Title}" {',
                        '  primary ${3|information,process,service|}',
                        `  owner ${choice(4, roles, 'Role')}`,
                        `  confidentiality ${impact(5)}  integrity ${impact(6)}  availability ${impact(7)}`,
                        '}$0'
                    ]),
                    snippet('asset', 'new supporting asset', [
                        'asset ${1:Name} "${2:Title}" {',
                        '  supporting ${3|system,software,hardware,network,people,site,supplier|}',
                        `  owner ${choice(4, roles, 'Role')}`,
                        `  supports ${choice(5, this.assetNames('primary'), 'PrimaryAsset')}`,
                        '}$0'
                    ])
                ];
            }
            case 'method':
                // One method per model: once there is one, a second would only be an error.
                return !this.modelHasMethod()
                    ? [snippet('method', 'new risk method: 3×3 scales, banded levels, acceptance criteria', METHOD_SNIPPET)]
                    : [];
            default:
                return [];
        }
    }

    private modelHasMethod(): boolean {
        return this.documents.all.some(document => !isBuiltinDocument(document)
            && isModel(document.parseResult.value) && document.parseResult.value.elements.some(isMethod));
    }

    /** After the highest numbered risk ID (`R-012` → `R-013`); `R-001` in a model without one. */
    private nextRiskId(): string {
        let best: { prefix: string; number: number; width: number } | undefined;
        for (const description of this.indexManager.allElements(Risk.$type)) {
            const match = /^([A-Za-z][A-Za-z_-]*?)(\d+)$/.exec(description.name);
            if (match && (!best || Number(match[2]) > best.number)) {
                best = { prefix: match[1], number: Number(match[2]), width: match[2].length };
            }
        }
        return best ? `${best.prefix}${String(best.number + 1).padStart(best.width, '0')}` : 'R-001';
    }

    private assetNames(layer: AssetLayer): string[] {
        return this.indexManager.allElements(Asset.$type)
            .filter(description => !isAsset(description.node) || (description.node.category?.layer ?? layer) === layer)
            .map(description => description.name)
            .toArray();
    }

    /** Scale value names in number order (each value is indexed under its number too). */
    private scaleNames(type: string): string[] {
        const values = this.indexManager.allElements(type)
            .map(description => description.node)
            .filter((node): node is LikelihoodValue | ImpactValue => isLikelihoodValue(node) || isImpactValue(node))
            .distinct()
            .toArray();
        return values.sort((a, b) => a.value - b.value).map(value => value.name).filter(name => name !== undefined);
    }
}

/**
 * The names a list property already holds (`on Admin, |` need not offer `Admin` again),
 * leaving out the reference being edited at the cursor.
 */
function listedElsewhere(refInfo: ReferenceInfo, offset: number): Set<string> {
    const value = (refInfo.container as unknown as Record<string, unknown>)[refInfo.property];
    if (!Array.isArray(value)) {
        return new Set();
    }
    return new Set(value
        .filter((reference): reference is Reference => isReference(reference))
        .filter(reference => !reference.$refNode || offset < reference.$refNode.offset || offset > reference.$refNode.end)
        .map(reference => reference.$refText));
}

/** The `tags` of a risk, asset, threat, vulnerability or own control; none for anything else. */
function tagsOf(node: AstNode): readonly string[] {
    const tags = (node as { tags?: unknown }).tags;
    return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
}

/** Annex A IDs the `applicability` block decides already, leaving out the reference at the cursor. */
function decidedElsewhere(decision: ApplicabilityDecision, offset: number): Set<string> {
    return new Set(decision.$container.decisions
        .flatMap(line => line.controls)
        .filter(reference => !reference.$refNode || offset < reference.$refNode.offset || offset > reference.$refNode.end)
        .map(reference => reference.$refText));
}

/** Which layer of asset the reference wants: `on` supporting; `harms`, `supports` primary. */
function expectedLayer(refInfo: ReferenceInfo): AssetLayer | undefined {
    const type = refInfo.container.$type;
    if (refInfo.property === 'on' && (type === Risk.$type || type === Vulnerability.$type)) {
        return 'supporting';
    }
    if ((refInfo.property === 'harms' && type === Risk.$type) || (refInfo.property === 'supports' && type === Asset.$type)) {
        return 'primary';
    }
    return undefined;
}

function isDateTerminal(feature: GrammarAST.AbstractElement): boolean {
    return GrammarAST.isRuleCall(feature) && GrammarAST.isTerminalRule(feature.rule.ref) && feature.rule.ref.name === 'DATE';
}

/** The keyword that opens a top-level declaration: `risk`, `asset`, `method`. */
function startsDeclaration(keyword: GrammarAST.Keyword): boolean {
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
    const first = rule && GrammarAST.isGroup(rule.definition) ? rule.definition.elements[0] : undefined;
    return first === keyword && ['Risk', 'Asset', 'Method'].includes(rule!.name);
}

function levelRank(level: Level): number {
    return level.$container?.levels.indexOf(level) ?? 0;
}

function levelDetail(level: Level): string {
    const rank = `level ${levelRank(level) + 1} of ${level.$container?.levels.length ?? 1}`;
    return level.range ? `${rank} · score ${level.range.min}..${level.range.max}` : rank;
}

function titleOf(node: AstNode | undefined): string | undefined {
    const title = (node as { title?: unknown } | undefined)?.title;
    return typeof title === 'string' ? title : undefined;
}

/** A sort key that orders numbers as numbers. */
function order(value: number): string {
    return String(Math.max(0, value)).padStart(4, '0');
}

function snippet(label: string, description: string, lines: readonly string[]): CompletionValueItem {
    return {
        label,
        kind: CompletionItemKind.Snippet,
        labelDetails: { description },
        detail: description,
        documentation: { kind: 'markdown', value: ['```risk', ...lines.map(line => line.replace(/\$\{\d+[:|]([^}|]*)[^}]*\}/g, '$1').replace(/\$0/g, '')), '```'].join('\n') },
        insertText: lines.join('\n'),
        insertTextFormat: InsertTextFormat.Snippet,
        sortText: '2'
    };
}

/** A tab stop offering the model's names, or a placeholder when there are none. */
function choice(index: number, names: readonly string[], placeholder: string): string {
    const unique = [...new Set(names)];
    return unique.length > 0 ? `\${${index}|${unique.join(',')}|}` : `\${${index}:${placeholder}}`;
}

const METHOD_SNIPPET = [
    'method "${1:ISMS risk method}" {',
    '  scale likelihood {',
    '    1 Rare      "Less than once every 3 years"',
    '    2 Possible  "About once every 1-3 years"',
    '    3 Likely    "Could occur annually"',
    '  }',
    '  scale impact {',
    '    1 Minor       "Under 4 hours downtime or minimal cost"',
    '    2 Noticeable  "About one business day, or customers notice"',
    '    3 Severe      "Over a day down, contract or reputation harm"',
    '  }',
    '  score likelihood * impact',
    '  levels {',
    '    Low       1..2  "Monitor as part of normal operations"',
    '    Moderate  3..4  "Plan improvements within 1-3 months"',
    '    High      6..9  "Act now: owner assigned, monthly follow-up"',
    '  }',
    '  accept { appetite ${2|Moderate,Low,High|}  major High  lasts 12 months }',
    '  review every 12 months',
    '}$0'
];
