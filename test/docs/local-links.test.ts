/**
 * Every relative link and image in the project's Markdown (README.md, docs/, test/e2e/README.md)
 * points at a file that exists: renumbered e2e screenshots or a moved document must not
 * leave the README showing broken pictures.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const DOCUMENTS = [
    'README.md',
    'test/e2e/README.md',
    ...readdirSync(join(ROOT, 'docs')).filter(name => name.endsWith('.md')).map(name => `docs/${name}`)
];

/** The targets of `[text](target)` and `![alt](target)` that are paths in the repository. */
function localTargets(markdown: string): string[] {
    const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
    return [...withoutCode.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
        .map(match => match[1])
        .filter(target => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#'))
        .map(target => decodeURIComponent(target.split('#')[0]));
}

describe('links between the project\'s documents', () => {
    test.each(DOCUMENTS)('every relative link and image of %s exists', document => {
        const targets = localTargets(readFileSync(join(ROOT, document), 'utf8'));
        const missing = targets.filter(target => !existsSync(join(ROOT, dirname(document), target)));
        expect(missing).toEqual([]);
    });

    test('the README shows screenshots of the e2e run', () => {
        const images = localTargets(readFileSync(join(ROOT, 'README.md'), 'utf8')).filter(target => target.includes('test/e2e/screenshots/'));
        expect(images.length).toBeGreaterThan(3);
    });
});
