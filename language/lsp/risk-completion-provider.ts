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
 * * one snippet per construct in place of its keyword (completion/snippets.ts): a risk,
 *   a primary and a supporting asset and — while the model has none — the method where a
 *   declaration may start, an acceptance in a risk, an action in a treatment's block;
 * * only the entries the block may still hold: a property written once (`owner`,
 *   `likelihood`, `residual`, …) is not offered again, nor a second `method` or
 *   `applicability` (completion/grammar-roles.ts);
 * * every keyword with its documentation (text/keyword-docs.ts, shared with hovers);
 * * on a trigger character (a space or a comma), values only, and only after a keyword or
 *   a list's comma (completion/trigger.ts): `likelihood ` opens the scale, `owner CISO `
 *   opens nothing.
 *
 * The `annex … theme …` declarations belong to the built-in library and are never
 * proposed.
 */
import { AstUtils, CstUtils, EMPTY_STREAM, GrammarAST, GrammarUtils, isReference, type AstNode, type AstNodeDescription, type IndexManager, type LangiumDocument, type MaybePromise, type Reference, type ReferenceInfo, type Stream } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionProviderOptions, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, type CancellationToken, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import { ANNEX_A } from '../builtins/annex-a.js';
import { today } from '../evaluation/dates.js';
import { Asset, ImpactValue, isAnnexControl, isApplicabilityDecision, isAsset, isControl, isImpactValue, isLevel, isLikelihoodValue, isApplicability, isMethod, isModel, isRisk, isRole, isTreatment, LikelihoodValue, Risk, Role, Vulnerability, type ApplicabilityDecision, type Level } from '../generated/ast.js';
import type { ModelEvaluator } from '../evaluation/model-evaluator.js';
import type { ModelBoundaries } from '../workspace/model-boundaries.js';
import { isBuiltinDocument } from '../workspace/builtin-documents.js';
import type { RiskServices } from '../risk-module.js';
import type { RiskSettings } from '../workspace/risk-settings.js';
import { ruleOf, singlePropertyOf, startsEntry } from './completion/grammar-roles.js';
import { SNIPPET_KEYWORDS, snippetsFor, type SnippetNames } from './completion/snippets.js';
import { endsBeforeValue, isTriggeredByCharacter, TRIGGER_CHARACTERS } from './completion/trigger.js';
import { keywordDoc, keywordMarkdown } from './text/keyword-docs.js';

/** The end of a text that is an Annex A ID being typed. */
const PARTIAL_ANNEX_ID = /(?<![A-Za-z0-9_.-])A\.[0-9.]*$/;
/** What the lexer reads as one ANNEX_ID token (language/risk.langium). */
const COMPLETE_ANNEX_ID = /^A\.[0-9]+\.[0-9]+(\.[0-9]+)?$/;

/** Keywords of the built-in Annex A library, not of the user's models. */
const LIBRARY_RULES = new Set(['AnnexControl', 'AnnexTheme']);

/** Annex A controls in the standard's order: A.5.1 … A.5.37, A.6.1 …, A.8.34. */
const ANNEX_ORDER = new Map(ANNEX_A.map((entry, index) => [entry.id, index]));

type AssetLayer = 'primary' | 'supporting';

/** The options that share the risk with a party (`with "Cyber insurer"`). */
const SHARED_OPTIONS: ReadonlySet<string | undefined> = new Set(['share', 'transfer']);

/** Marks the items of keywords that start an entry, which a trigger character never offers. */
const ENTRY = 'entry';

/** Nothing to offer: the client shows no list and does not ask again while the word grows. */
const NOTHING: CompletionList = { isIncomplete: false, items: [] };

export class RiskCompletionProvider extends DefaultCompletionProvider {
    private readonly settings: RiskSettings;
    private readonly indexManager: IndexManager;
    private readonly evaluator: ModelEvaluator;
    private readonly boundaries: ModelBoundaries;
    /** The words of the language, after which a value may follow. */
    private readonly keywords: ReadonlySet<string>;

    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: TRIGGER_CHARACTERS };

    constructor(services: RiskServices) {
        super(services);
        this.keywords = new Set(AstUtils.streamAllContents(this.grammar).filter(GrammarAST.isKeyword).map(keyword => keyword.value).filter(value => /^[a-z]/.test(value)));
        this.evaluator = services.evaluation.ModelEvaluator;
        this.boundaries = services.evaluation.ModelBoundaries;
        this.settings = services.settings.RiskSettings;
        this.indexManager = services.shared.workspace.IndexManager;
    }

    /**
     * Completion asked for by a trigger character (a space, a comma) offers values only,
     * and only where a value may follow (completion/trigger.ts): nothing opens on every space.
     */
    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const valuesOnly = isTriggeredByCharacter(params);
        const offset = document.textDocument.offsetAt(params.position);
        if (valuesOnly && (!endsBeforeValue(document.textDocument.getText(), offset, this.keywords) || insideStringOrComment(document, offset))) {
            return NOTHING;
        }
        const list = await this.completeAt(document, params, offset, cancelToken);
        if (!list) {
            return list;
        }
        const items = list.items
            .filter(item => !(valuesOnly && item.data === ENTRY))
            .map(item => item.data === ENTRY ? { ...item, data: undefined } : item);
        return items.length > 0 ? { ...list, items } : NOTHING;
    }

    /**
     * An Annex A ID being typed (`A.8`, `A.8.`) is no token yet: the lexer sees `A` and a
     * stray dot. Complete at its start instead, keep the IDs it begins, and let them
     * replace what was typed.
     */
    private async completeAt(document: LangiumDocument, params: CompletionParams, offset: number, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const text = document.textDocument.getText();
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
        if (rule?.name === 'Treatment' && keyword.value === 'with' && isTreatment(context.node) && !SHARED_OPTIONS.has(context.node.option)) {
            // Only a shared risk has a party: `treatment reduce with …` would be a mistake.
            return false;
        }
        return super.filterKeyword(context, keyword)
            && !(rule && LIBRARY_RULES.has(rule.name))
            && !this.givenAlready(context, keyword);
    }

    /**
     * A keyword is offered with its documentation (text/keyword-docs.ts), or as the snippet
     * of its construct where it has one. Keywords that start an entry are marked, so that a
     * trigger character never offers them (`owner CISO ` opens nothing).
     */
    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) {
            return;
        }
        const data = startsEntry(keyword) ? ENTRY : undefined;
        const sortText = '1';
        if (data && SNIPPET_KEYWORDS.has(keyword.value)) {
            for (const item of snippetsFor(keyword.value, this.snippetNames(context.document))) {
                acceptor(context, { ...item, sortText, data });
            }
            return;
        }
        const entry = keywordDoc(keyword.value, ruleOf(keyword));
        acceptor(context, {
            label: keyword.value,
            kind: CompletionItemKind.Keyword,
            detail: 'Keyword',
            documentation: entry ? { kind: 'markdown', value: keywordMarkdown(keyword.value, entry) } : undefined,
            sortText,
            data
        });
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
                labelDetails: node.description ? { description: node.description } : undefined,
                documentation: node.description || undefined,
                sortText: `01${order(levelRank(node))}`
            };
        }
        if (isAnnexControl(node)) {
            return {
                ...item,
                kind: CompletionItemKind.Constant,
                detail: node.title,
                labelDetails: { description: node.title },
                sortText: `1${order(ANNEX_ORDER.get(node.name) ?? ANNEX_A.length)}`
            };
        }
        if (isControl(node)) {
            return { ...item, kind: CompletionItemKind.Class, detail: node.title, labelDetails: { description: node.title }, sortText: '0' };
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
        for (const document of this.boundaries.modelOf(context.document).documents) {
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

    /**
     * Whether a property the block may hold once (`owner`, `likelihood`, `residual`, the
     * method's `accept`) is written already, elsewhere than at the cursor; and, at the top
     * level, whether the model has its one `method` or `applicability` block.
     */
    private givenAlready(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        const rule = ruleOf(keyword);
        if ((rule === 'Method' || rule === 'Applicability') && startsEntry(keyword)) {
            return this.modelHas(rule === 'Method' ? isMethod : isApplicability, context);
        }
        if ((rule === 'LikelihoodScale' || rule === 'ImpactScale') && startsEntry(keyword)) {
            // A method has one scale of each kind: `scale` while one is missing. (Langium
            // completes one `scale` keyword for both rules, so both kinds are checked here.)
            const scales = AstUtils.getContainerOfType(context.node, isMethod)?.scales
                .filter(scale => !(scale.$cstNode && scale.$cstNode.offset <= context.offset && context.offset <= scale.$cstNode.end)) ?? [];
            return ['likelihood', 'impact'].every(kind => scales.some(scale => scale.kind === kind));
        }
        const property = singlePropertyOf(keyword);
        const block = property && AstUtils.getContainerOfType(context.node, (node): node is AstNode => node.$type === property.blockType);
        if (!property || !block?.$cstNode) {
            return false;
        }
        // The word at the cursor, and the value written right after it on the same line
        // (`owner| CISO`), are the property being typed, not one given elsewhere.
        const text = context.textDocument.getText();
        const typing = context.tokenEndOffset > context.tokenOffset;
        const atCursor = (start: number, end: number) => (start <= context.tokenEndOffset && end >= context.tokenOffset)
            || (typing && start >= context.tokenEndOffset && /^[ \t]*$/.test(text.slice(context.tokenEndOffset, start)));
        return GrammarUtils.findNodesForProperty(block.$cstNode, property.feature)
            .some(node => !atCursor(node.offset, node.end));
    }

    private modelHas(kind: (node: unknown) => boolean, context: CompletionContext): boolean {
        return this.boundaries.modelOf(context.document).documents.some(document => !isBuiltinDocument(document)
            && isModel(document.parseResult.value)
            && document.parseResult.value.elements.some(element => kind(element)
                && !(element.$cstNode && element.$cstNode.offset <= context.offset && context.offset <= element.$cstNode.end && document.uri.toString() === context.document.uri.toString())));
    }

    /** The names the snippets offer: the model's, in the order a user picks them. */
    private snippetNames(document: LangiumDocument): SnippetNames {
        const model = this.boundaries.modelOf(document).visibleUris;
        const roles = this.indexManager.allElements(Role.$type, new Set(model)).map(description => description.node).filter(isRole).toArray();
        const method = this.evaluator.evaluate(document).method;
        return {
            roles: roles.map(role => role.name),
            managementRoles: roles.filter(role => role.management).map(role => role.name),
            primaryAssets: this.assetNames('primary', model),
            supportingAssets: this.assetNames('supporting', model),
            likelihoods: this.scaleNames(LikelihoodValue.$type, model),
            impacts: this.scaleNames(ImpactValue.$type, model),
            levels: method?.levels.map(level => level.name) ?? [],
            nextRiskId: this.nextRiskId(model),
            asOf: this.settings.asOf()
        };
    }

    /** After the highest numbered risk ID (`R-012` → `R-013`); `R-001` in a model without one. */
    private nextRiskId(model: ReadonlySet<string>): string {
        let best: { prefix: string; number: number; width: number } | undefined;
        for (const description of this.indexManager.allElements(Risk.$type, new Set(model))) {
            const match = /^([A-Za-z][A-Za-z_-]*?)(\d+)$/.exec(description.name);
            if (match && (!best || Number(match[2]) > best.number)) {
                best = { prefix: match[1], number: Number(match[2]), width: match[2].length };
            }
        }
        return best ? `${best.prefix}${String(best.number + 1).padStart(best.width, '0')}` : 'R-001';
    }

    private assetNames(layer: AssetLayer, model: ReadonlySet<string>): string[] {
        return this.indexManager.allElements(Asset.$type, new Set(model))
            .filter(description => !isAsset(description.node) || (description.node.category?.layer ?? layer) === layer)
            .map(description => description.name)
            .toArray();
    }

    /** Scale value names in number order (each value is indexed under its number too). */
    private scaleNames(type: string, model: ReadonlySet<string>): string[] {
        const values = this.indexManager.allElements(type, new Set(model))
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

/** Whether the offset is inside a comment or a string, also one that began on an earlier line. */
function insideStringOrComment(document: LangiumDocument, offset: number): boolean {
    const root = document.parseResult.value.$cstNode;
    const leaf = root && offset > 0 ? CstUtils.findLeafNodeAtOffset(root, offset - 1) : undefined;
    if (!leaf || offset > leaf.end) {
        return false;
    }
    const isString = GrammarAST.isRuleCall(leaf.grammarSource) && leaf.grammarSource.rule.ref?.name === 'STRING';
    return leaf.hidden || (isString && offset < leaf.end);
}
