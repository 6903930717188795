/** The HTML report as text: self-contained, strict CSP, sections in order, every model text escaped. */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { htmlReport } from '../../../language/report/html-report.js';
import { loadExample } from '../exports/example-models.js';
import { HOSTILE_ACTION_TITLE, HOSTILE_TITLES, loadHostileModel } from '../exports/hostile-model.js';

describe('the report of examples/acme-saas', () => {
    test('has a strict CSP that allows only its own stylesheet, by hash, and no script or external resource', async () => {
        const html = htmlReport((await loadExample('acme-saas')).evaluation());
        const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
        const hash = createHash('sha256').update(style).digest('base64');
        expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-${hash}&#39;; img-src &#39;none&#39;; script-src &#39;none&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;">`);
        expect(html).not.toMatch(/<script|<link|<img|<iframe|\son[a-z]+=|style="|https?:\/\//i);
    });

    test('shows the risks above appetite first, unaccepted ones on top, then the heat maps, method, register, plan and SoA', async () => {
        const html = htmlReport((await loadExample('acme-saas')).evaluation());
        const order = ['id="above-appetite"', 'id="heat-maps"', 'id="method"', 'id="register"', 'id="plan"', 'id="soa"'].map(marker => html.indexOf(marker));
        expect(order.every((position, index) => position > 0 && (index === 0 || position > order[index - 1]))).toBe(true);
        const above = html.slice(order[0], order[1]);
        expect([...above.matchAll(/href="#risk-(R-\d+)"/g)].map(match => match[1])).toEqual(['R-005', 'R-011', 'R-001', 'R-003', 'R-014', 'R-015']);
        expect(above).toContain('<td class="acceptance-expired">expired</td>');
        // Risk IDs in the heat map cells, each cell coloured by its level.
        expect(html).toMatch(/<td class="cell heat-4 above"><span class="cell-level">Critical<\/span><span class="cell-risks"><a href="#risk-R-001">R-001<\/a> <a href="#risk-R-005">R-005<\/a>/);
        // The overdue action is highlighted in the plan and on its risk's card.
        expect(html).toMatch(/<tr class="overdue"><td><span class="risk-id">AutoUpdates<\/span>/);
        expect(html).toMatch(/<li class="overdue"><span class="risk-id">AutoUpdates<\/span>/);
        expect(html.match(/<article class="risk-card/g)).toHaveLength(15);
        expect(html.match(/<tr class="(not-)?applicable">/g)).toHaveLength(93);
    });
});

describe('a model whose texts are hostile', () => {
    test('every title is escaped: no markup of the model reaches the page', async () => {
        const html = htmlReport((await loadHostileModel()).evaluation());
        expect(html).not.toContain('<script>alert(1)</script>');
        expect(html).not.toContain('<b>bold</b>');
        expect(html).not.toContain('<img src=x');
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
        expect(html).toContain('She said &quot;hello&quot; and left');
        expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
        expect(html).toContain('Hostile | &lt;b&gt;method&lt;/b&gt; &quot;=1+1&quot;');
        expect(Object.keys(HOSTILE_TITLES).length).toBeGreaterThan(10);
        expect(HOSTILE_ACTION_TITLE).toContain('<img');
    });
});
