/**
 * Markdown rendered by marked (GitHub-flavoured): the tables keep their shape, and
 * hostile titles add no column, no row and no HTML tag.
 */
import { marked } from 'marked';
import { describe, expect, test } from 'vitest';
import { buildPlan } from '../../../language/exports/plan.js';
import { buildRegister } from '../../../language/exports/register.js';
import { buildSoa } from '../../../language/exports/soa.js';
import { toMarkdown } from '../../../language/exports/markdown.js';
import { escapeMarkdown } from '../../../language/exports/markdown-text.js';
import { exampleFolder, loadExample } from './example-models.js';
import { HOSTILE_ACTION_TITLE, HOSTILE_TITLES, loadHostileModel } from './hostile-model.js';

interface HtmlTable {
    /** Cells per row, header row first. */
    readonly cells: number[];
    readonly headerCells: number;
    readonly html: string;
}

function render(markdown: string): string {
    return marked.parse(markdown, { gfm: true, async: false });
}

function tablesOf(html: string): HtmlTable[] {
    return html.split('<table>').slice(1).map(part => {
        const table = part.slice(0, part.indexOf('</table>'));
        const rows = table.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
        return {
            cells: rows.map(row => (row.match(/<t[hd][\s>]/g) ?? []).length),
            headerCells: (table.match(/<th[\s>]/g) ?? []).length,
            html: table
        };
    });
}

describe('escapeMarkdown', () => {
    test('escapes pipes, backslashes, Markdown syntax and HTML, and writes line breaks as <br>', () => {
        expect(escapeMarkdown('a | b')).toBe('a \\| b');
        expect(escapeMarkdown('a \\| b')).toBe('a \\\\\\| b');
        expect(escapeMarkdown('<script>&')).toBe('&lt;script&gt;&amp;');
        expect(escapeMarkdown('one\ntwo\r\nthree\rfour')).toBe('one<br>two<br>three<br>four');
        expect(escapeMarkdown('*a* _b_ `c` [d] ~e~')).toBe('\\*a\\* \\_b\\_ \\`c\\` \\[d\\] \\~e\\~');
        expect(escapeMarkdown('R-001 3 Likely A.5.1')).toBe('R-001 3 Likely A.5.1');
    });
});

describe('register Markdown of examples/acme-saas rendered as GFM', async () => {
    const model = await loadExample('acme-saas');
    const table = buildRegister(model.evaluation(), { baseDir: exampleFolder('acme-saas') });
    const html = render(toMarkdown(table));
    const tables = tablesOf(html);

    test('has the summary, two heat maps and the register', () => {
        expect(tables).toHaveLength(4);
        expect(html).toContain('<h1>Risk register: Acme ISMS risk method</h1>');
        expect(html).toContain('As of 2026-11-23.');
    });

    test('the register is a narrow table a person can read: one row per risk, 8 cells, levels with their colour', () => {
        const register = tables[3];
        expect(register.cells).toHaveLength(1 + 15);
        expect(register.cells.every(count => count === 8)).toBe(true);
        expect(register.html).toMatch(/<th>ID<\/th>\s*<th>Title<\/th>\s*<th>Owner<\/th>\s*<th>Inherent<\/th>\s*<th>Residual<\/th>\s*<th>Treatment<\/th>\s*<th>Acceptance<\/th>\s*<th>Status<\/th>/);
        expect(register.html).not.toContain('<th>Residual likelihood</th>');
        expect(register.html).toContain('<td>🔴 Critical</td>');
        expect(register.html).toContain('<td>🟠 High</td>');
        expect(register.html).toContain('<td>🟢 Low</td>');
    });

    test('the heat maps are likelihood rows by impact columns, highest likelihood first', () => {
        for (const map of [tables[1], tables[2]]) {
            expect(map.cells).toEqual([4, 4, 4, 4]);
            expect(map.html).toMatch(/Likelihood \\ Impact[\s\S]*1 Minor[\s\S]*2 Noticeable[\s\S]*3 Severe[\s\S]*3 Likely[\s\S]*2 Possible[\s\S]*1 Rare/);
        }
        // Each cell: the level's coloured marker, the count, the level.
        const counts = (map: HtmlTable) => [...map.html.matchAll(/<td[^>]*>(?:🟢|🟡|🟠|🔴) (\d+) \(\w+\)<\/td>/gu)].reduce((sum, match) => sum + Number(match[1]), 0);
        expect(counts(tables[1])).toBe(15);
        expect(counts(tables[2])).toBe(15);
    });
});

describe('hostile titles', async () => {
    const model = await loadHostileModel();
    const evaluation = model.evaluation();

    test('add no column, no row and no tag to the register', () => {
        const html = render(toMarkdown(buildRegister(evaluation, { baseDir: '/model' })));
        const register = tablesOf(html).at(-1)!;
        const risks = Object.keys(HOSTILE_TITLES).length;
        expect(register.cells).toEqual(Array(risks + 1).fill(8));
        expect(html).not.toMatch(/<script|<b>|<img|<strong>|<em>|<code>|<del>/);
        // GFM links a bare http:// URL as GitHub does (plain text, not markup from the
        // model); no other link, and never a javascript: one, comes out of a title.
        expect([...html.matchAll(/<a href="([^"]*)"/g)].map(match => match[1])).toEqual([expect.stringMatching(/^http:\/\/evil\.example\//)]);
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
        expect(html).toContain('Pipe | in | the | title');
        expect(html).toContain('First line<br>second line<br>third line');
        expect(html).toContain('Backslash \\| escape attempt \\');
        expect(html).toContain('[link](javascript:alert(1)) **bold** `code` ~~gone~~ _em_');
        expect(html).toContain('Утечка данных');
        // The method's title is escaped in the heading too.
        expect(html).toContain('<h1>Risk register: Hostile | &lt;b&gt;method&lt;/b&gt; &quot;=1+1&quot;</h1>');
    });

    test('add no column and no tag to the treatment plan', () => {
        const html = render(toMarkdown(buildPlan(evaluation)));
        const plan = tablesOf(html).at(-1)!;
        expect(plan.cells).toEqual([13, 13]);
        expect(html).not.toMatch(/<img|<i>|<script/);
        expect(html).toContain(escapeHtml(HOSTILE_ACTION_TITLE.replace('\n', '<br>')).replace('&lt;br&gt;', '<br>'));
    });

    test('the Statement of Applicability keeps 93 rows of 10 cells', () => {
        const html = render(toMarkdown(buildSoa(evaluation)));
        const soa = tablesOf(html).at(-1)!;
        expect(soa.cells).toEqual(Array(94).fill(10));
    });
});

function escapeHtml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
