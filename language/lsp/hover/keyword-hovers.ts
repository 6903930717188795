/**
 * The hover of a keyword: what it means where it stands, what may follow it, and a link
 * to its section of docs/language.md (text/keyword-docs.ts, the table completion uses too).
 * Where the values are the model's own (a scale, the levels), the model's are listed.
 */
import { AstUtils, GrammarAST, type CstNode } from 'langium';
import type { ModelEvaluation } from '../../evaluation/model-evaluator.js';
import { ruleOf } from '../completion/grammar-roles.js';
import { keywordDoc, keywordMarkdown } from '../text/keyword-docs.js';

/** Keywords followed by a value of the likelihood scale, of the impact scale, or by a level. */
const LIKELIHOOD_KEYWORDS: ReadonlySet<string> = new Set(['Risk.likelihood', 'Residual.likelihood']);
const IMPACT_KEYWORDS: ReadonlySet<string> = new Set(['Risk.impact', 'Residual.impact', 'Asset.confidentiality', 'Asset.integrity', 'Asset.availability']);
const LEVEL_KEYWORDS: ReadonlySet<string> = new Set(['AcceptCriteria.appetite', 'AcceptCriteria.major', 'Acceptance.level', 'Role.accepts', 'ReviewCadence.review', 'TreatWithin.treat']);

export function keywordHover(leaf: CstNode, evaluation: ModelEvaluation): string | undefined {
    const keyword = leaf.grammarSource;
    if (!GrammarAST.isKeyword(keyword) || !/^[a-z]/.test(keyword.value) || AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name === 'AnnexControl') {
        return undefined;
    }
    const rule = ruleOf(keyword);
    const entry = keywordDoc(keyword.value, rule);
    return entry ? keywordMarkdown(keyword.value, entry, modelValues(`${rule}.${keyword.value}`, evaluation)) : undefined;
}

/** The model's own values after the keyword, `1 Rare, 2 Possible, 3 Likely`, or undefined. */
function modelValues(key: string, evaluation: ModelEvaluation): string | undefined {
    const method = evaluation.method;
    const scale = LIKELIHOOD_KEYWORDS.has(key) ? method?.likelihood : IMPACT_KEYWORDS.has(key) ? method?.impact : undefined;
    if (scale && scale.length > 0) {
        return `${scale.map(value => `${value.value} ${value.name}`).join(', ')} (by number or name)`;
    }
    if (LEVEL_KEYWORDS.has(key) && method && method.levels.length > 0) {
        return `${method.levels.map(level => level.name).join(', ')} (lowest first)`;
    }
    return undefined;
}
