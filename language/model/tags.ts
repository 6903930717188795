/**
 * `tags "gdpr", "supplier"` are free labels (specification section 11.4). `--tag`
 * selects the risks that carry one of the given tags; labels are compared without
 * regard to case, so `--tag gdpr` finds `tags "GDPR"`.
 */
import type { Risk } from '../generated/ast.js';

export function hasAnyTag(risk: Risk, tags: readonly string[]): boolean {
    const wanted = new Set(tags.map(tag => tag.toLowerCase()));
    return risk.tags.some(tag => wanted.has(tag.toLowerCase()));
}
