/**
 * What a block of the grammar takes, read from the grammar itself so that syntax
 * messages stay true as the language grows: the keywords (and tokens) that can start an
 * entry of the repeated group just before the block's closing brace.
 */
import { AstUtils, GrammarAST } from 'langium';

export interface BlockEntries {
    /** The keyword the block is written with: `risk`, `action`, `accept`. */
    readonly opener: string;
    /** Keywords that start an entry, in grammar order, without repeats. */
    readonly keywords: readonly string[];
    /** Terminals that start an entry without a keyword (`STRING` for an acceptance's justification). */
    readonly terminals: readonly string[];
    /** Every word keyword written inside the entries themselves (`on`, `until` of `by … on … until …`). */
    readonly words: readonly string[];
}

/** The entries of rule `ruleName`'s `{ … }` block; undefined when the rule has no such block. */
export function blockEntries(grammar: GrammarAST.Grammar, ruleName: string): BlockEntries | undefined {
    const rule = grammar.rules.find(candidate => GrammarAST.isParserRule(candidate) && candidate.name === ruleName) as GrammarAST.ParserRule | undefined;
    if (!rule) {
        return undefined;
    }
    const loops = [rule.definition, ...AstUtils.streamAllContents(rule.definition)]
        .filter(GrammarAST.isGroup)
        .flatMap(group => group.elements.flatMap((element, index) => {
            const next = group.elements[index + 1];
            const repeated = element.cardinality === '*' || element.cardinality === '+' || element.cardinality === '?';
            return repeated && GrammarAST.isKeyword(next) && next.value === '}' ? [element] : [];
        }));
    if (loops.length === 0) {
        return undefined;
    }
    const starts = loops.flatMap(loop => firstTokens(loop, new Set([rule])));
    const opener = firstTokens(rule.definition, new Set()).find(start => start.keyword)?.keyword ?? ruleName.toLowerCase();
    return {
        opener,
        keywords: [...new Set(starts.flatMap(start => start.keyword ?? []))],
        terminals: [...new Set(starts.flatMap(start => start.terminal ?? []))],
        words: [...new Set(loops.flatMap(loop => [loop, ...AstUtils.streamAllContents(loop)])
            .filter(GrammarAST.isKeyword)
            .map(keyword => keyword.value)
            .filter(value => /^[a-z]/.test(value)))]
    };
}

interface Start {
    readonly keyword?: string;
    readonly terminal?: string;
}

/** The tokens an element can begin with. */
function firstTokens(element: GrammarAST.AbstractElement, visiting: Set<GrammarAST.AbstractRule>): Start[] {
    if (GrammarAST.isKeyword(element)) {
        return [{ keyword: element.value }];
    }
    if (GrammarAST.isAssignment(element)) {
        return firstTokens(element.terminal, visiting);
    }
    if (GrammarAST.isCrossReference(element)) {
        return element.terminal ? firstTokens(element.terminal, visiting) : [{ terminal: 'ID' }];
    }
    if (GrammarAST.isRuleCall(element)) {
        const rule = element.rule.ref;
        if (GrammarAST.isTerminalRule(rule)) {
            return [{ terminal: rule.name }];
        }
        if (!GrammarAST.isParserRule(rule) || visiting.has(rule)) {
            return [];
        }
        return firstTokens(rule.definition, new Set([...visiting, rule]));
    }
    if (GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
        return element.elements.flatMap(alternative => firstTokens(alternative, visiting));
    }
    if (GrammarAST.isGroup(element)) {
        const starts: Start[] = [];
        for (const part of element.elements) {
            starts.push(...firstTokens(part, visiting));
            const optional = part.cardinality === '?' || part.cardinality === '*' || GrammarAST.isAction(part);
            if (!optional) {
                break;
            }
        }
        return starts;
    }
    return [];
}
