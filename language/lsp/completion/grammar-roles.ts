/**
 * What a keyword does where it stands in the grammar, for completion: whether it opens an
 * entry of a block (`owner` in a risk, `risk` at the top level, `include` in the
 * applicability block) or is a value (`reduce` after `treatment`), and which property an
 * entry sets when the block may hold it only once (`owner` → `owner`, `residual` → `residual`).
 * Read from the grammar itself, so a new property needs no change here.
 */
import { AstUtils, GrammarAST } from 'langium';

/** A property written at most once per block: its feature, and the rule (AST type) of the block. */
export interface SingleProperty {
    readonly feature: string;
    readonly blockType: string;
}

/** The keyword itself, or the assignment it is the value of (`layer='primary'`, `decision=('include' | 'exclude')`). */
function elementOf(keyword: GrammarAST.Keyword): GrammarAST.AbstractElement {
    const assignment = AstUtils.getContainerOfType(keyword, GrammarAST.isAssignment);
    return assignment && (assignment.terminal === keyword || assignment.terminal === keyword.$container) ? assignment : keyword;
}

function isRepeated(element: GrammarAST.AbstractElement | undefined): boolean {
    return element?.cardinality === '*' || element?.cardinality === '+';
}

/** The group the element comes first in, if any. */
function groupStartedBy(element: GrammarAST.AbstractElement): GrammarAST.Group | undefined {
    const container = element.$container;
    return GrammarAST.isGroup(container) && container.elements[0] === element ? container : undefined;
}

/** The parser rule whose definition the group is. */
function ruleDefinedBy(group: GrammarAST.Group): GrammarAST.ParserRule | undefined {
    return GrammarAST.isParserRule(group.$container) ? group.$container : undefined;
}

/**
 * Whether the keyword starts an entry: a declaration or a property of a block, or a line
 * of a block (`include`). Such keywords are offered where an entry may start, never as the
 * value after another keyword.
 */
export function startsEntry(keyword: GrammarAST.Keyword): boolean {
    const element = elementOf(keyword);
    if (isRepeated(element.$container as GrammarAST.AbstractElement)) {
        // `management?='management'` directly among a block's alternatives.
        return true;
    }
    const group = groupStartedBy(element);
    if (!group) {
        return false;
    }
    const rule = ruleDefinedBy(group);
    if (rule) {
        return !rule.entry;
    }
    return isRepeated(group.$container as GrammarAST.AbstractElement) || isRepeated(group);
}

/**
 * The property the keyword's entry sets when a block may hold it once: `owner` of a risk
 * (`'owner' owner=[Role:ID]`), `residual` (`residual=Residual`), `primary` (`category=AssetCategory`),
 * `management` (`management?='management'`). Undefined for list properties (`on`, `controls`,
 * `treatment`, `acceptance`) and for keywords that start no entry.
 */
export function singlePropertyOf(keyword: GrammarAST.Keyword): SingleProperty | undefined {
    if (!startsEntry(keyword)) {
        return undefined;
    }
    const element = elementOf(keyword);
    const group = groupStartedBy(element);
    const rule = group && ruleDefinedBy(group);
    if (rule) {
        // `primary` starts PrimaryCategory, which sets the asset's `category`.
        const call = callingAssignment(rule);
        return call ? single(call) : undefined;
    }
    if (GrammarAST.isAssignment(element)) {
        return single(element);
    }
    const next = group?.elements[1];
    return GrammarAST.isAssignment(next) ? single(next) : undefined;
}

function single(assignment: GrammarAST.Assignment): SingleProperty | undefined {
    if (assignment.operator === '+=') {
        return undefined;
    }
    const block = AstUtils.getContainerOfType(assignment, GrammarAST.isParserRule);
    return block && !block.fragment ? { feature: assignment.feature, blockType: block.name } : undefined;
}

/** The assignment that calls the rule, directly or through a union rule (`category=AssetCategory` for `PrimaryCategory`). */
function callingAssignment(rule: GrammarAST.ParserRule): GrammarAST.Assignment | undefined {
    const grammar = AstUtils.getContainerOfType(rule, GrammarAST.isGrammar);
    if (!grammar) {
        return undefined;
    }
    const callers = new Set<GrammarAST.AbstractRule>([rule]);
    for (const candidate of grammar.rules) {
        if (GrammarAST.isParserRule(candidate) && GrammarAST.isAlternatives(candidate.definition)
            && candidate.definition.elements.some(element => GrammarAST.isRuleCall(element) && element.rule.ref === rule)) {
            callers.add(candidate);
        }
    }
    for (const node of AstUtils.streamAllContents(grammar)) {
        if (GrammarAST.isAssignment(node) && GrammarAST.isRuleCall(node.terminal) && node.terminal.rule.ref && callers.has(node.terminal.rule.ref)) {
            return node;
        }
    }
    return undefined;
}

/** The parser rule a keyword belongs to (`Risk` for `owner` in a risk, `RiskStatus` for `closed`). */
export function ruleOf(keyword: GrammarAST.Keyword): string | undefined {
    return AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
}
