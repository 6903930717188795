/**
 * The Risk Matrix page (client/commands/risk-matrix-html.ts): strict CSP with a nonce,
 * every model text escaped, counts and levels per cell, and the page's script, run
 * against a stand-in for the DOM.
 */
import { Script, createContext } from 'node:vm';
import { beforeAll, describe, expect, test } from 'vitest';
import { createNonce, escapeHtml, heatClass, riskMatrixHtml, riskMatrixMessageHtml } from '../../client/commands/risk-matrix-html.js';
import { matrixRequest } from '../../language/lsp/requests/matrix-request.js';
import type { MatrixRequestResult } from '../../language/lsp/requests/protocol.js';
import { loadModelFiles, loadModelTexts } from '../../language/model/load-model.js';
import { EXAMPLES_AS_OF, exampleFolder, riskFiles } from '../language/exports/example-models.js';

const PAGE = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'bm9uY2Utb2YtdGVzdA==' };
const HOSTILE = '<img src=x onerror=alert(1)> "quotes" & \'single\'';

const MODEL = `method "Acme <b>method</b>" {
  scale likelihood { 1 Rare "" 2 Possible "" 3 Likely "" }
  scale impact { 1 Minor "" 2 Noticeable "" 3 Severe "" }
  score likelihood * impact
  levels { Low 1..2 "" Moderate 3..4 "" High 6..9 "" }
  accept { appetite Moderate major High }
}
risk R-1 "<img src=x onerror=alert(1)> \\"quotes\\" & 'single'" { likelihood Likely impact Severe residual likelihood Possible impact Severe }
risk R-2 "Second" { likelihood Likely impact Severe residual likelihood Rare impact Minor }
risk R-10 "Tenth" { likelihood Rare impact Minor }
risk R-3 "Not assessed" { }
`;

let hostile: MatrixRequestResult;
let html: string;

beforeAll(async () => {
    const model = await loadModelTexts({ 'model.risk': MODEL }, { asOf: '2026-11-23' });
    hostile = matrixRequest(model.services, {});
    html = riskMatrixHtml(hostile, PAGE);
});

describe('the page', () => {
    test('the model text reached the page as written: the hostile title went through the server unchanged', () => {
        expect(hostile.cells.inherent[2].risks.map(risk => risk.title)).toEqual([HOSTILE, 'Second']);
    });

    test('a strict Content-Security-Policy: nothing but the webview\'s styles and the nonce\'s style and script', () => {
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
        expect(csp).toBe(`default-src 'none'; style-src ${PAGE.cspSource} 'nonce-${PAGE.nonce}'; script-src 'nonce-${PAGE.nonce}';`.replaceAll('\'', '&#39;'));
        // The CSP comes before anything it governs.
        expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style'));
    });

    test('the one script and the one style carry the nonce; no inline handlers, no javascript: URLs', () => {
        expect([...html.matchAll(/<script\b[^>]*>/g)].map(match => match[0])).toEqual([`<script nonce="${PAGE.nonce}">`]);
        expect([...html.matchAll(/<style\b[^>]*>/g)].map(match => match[0])).toEqual([`<style nonce="${PAGE.nonce}">`]);
        // Every tag of the page (the script's body is code, not markup): no `on…=` attribute.
        const markup = html.replace(/(<script[^>]*>)[\s\S]*?(<\/script>)/, '$1$2');
        const tags = [...markup.matchAll(/<[a-z][a-z0-9]*\b[^>]*>/gi)].map(match => match[0]);
        expect(tags.length).toBeGreaterThan(100);
        expect(tags.filter(tag => /\son[a-z]+\s*=/i.test(tag))).toEqual([]);
        expect(html).not.toMatch(/javascript:/i);
        expect(html).not.toMatch(/<(img|iframe|object|embed|link)\b/i);
    });

    test('the hostile title is escaped wherever it appears, in text and in no attribute unescaped', () => {
        expect(html).not.toContain('<img');
        expect(html).not.toContain('"quotes"');
        expect(html).toContain('<td>&lt;img src=x onerror=alert(1)&gt; &quot;quotes&quot; &amp; &#39;single&#39;</td>');
        expect(html).toContain('Acme &lt;b&gt;method&lt;/b&gt; · as of 2026-11-23 · appetite Moderate');
        expect(html).not.toContain('<b>');
    });

    test('every cell shows its count and level, coloured by the level\'s rank; likelihood rows highest first', () => {
        const cells = [...html.matchAll(/<td class="cell ([^"]*)"><button[^>]*data-cell="(\w+-\d+)"[^>]*title="([^"]*)"[^>]*><span class="count">(\d+)<\/span><span class="level">([^<]*)<\/span><\/button><\/td>/g)]
            .map(([, classes, key, title, count, level]) => ({ classes, key, title, count: Number(count), level }));
        expect(cells).toHaveLength(18);
        const inherent = cells.filter(cell => cell.key.startsWith('inherent-'));
        const residual = cells.filter(cell => cell.key.startsWith('residual-'));
        expect(inherent.map(cell => cell.count)).toEqual([0, 0, 2, 0, 0, 0, 1, 0, 0]);
        expect(residual.map(cell => cell.count)).toEqual([0, 0, 0, 0, 0, 1, 2, 0, 0]);
        expect(inherent.map(cell => cell.level)).toEqual(['Moderate', 'High', 'High', 'Low', 'Moderate', 'High', 'Low', 'Low', 'Moderate']);
        expect(inherent[2]).toEqual({ classes: 'heat-4 above-appetite', key: 'inherent-2', title: 'Likely × Severe: High (9), 2 risks', count: 2, level: 'High' });
        expect(inherent[6]).toEqual({ classes: 'heat-0', key: 'inherent-6', title: 'Rare × Minor: Low (1), 1 risk', count: 1, level: 'Low' });
        expect(inherent[0].classes).toBe('heat-2 empty');
        const rows = [...html.matchAll(/<tr><th scope="row">([^<]*)<\/th>/g)].map(match => match[1]);
        expect(rows).toEqual(['3 Likely', '2 Possible', '1 Rare', '3 Likely', '2 Possible', '1 Rare']);
        const columns = [...html.matchAll(/<th scope="col">(\d [^<]*)<\/th>/g)].map(match => match[1]);
        expect(columns.slice(0, 3)).toEqual(['1 Minor', '2 Noticeable', '3 Severe']);
    });

    test('each cell\'s risks are listed below its map, hidden until the cell is clicked: ID, title, level and where to open it', () => {
        const list = /<div class="cell-risks" data-cell="inherent-2" data-basis="inherent" hidden>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
        expect(list).toContain('<h3>Likely × Severe: High, 2 risks</h3>');
        const rows = [...list.matchAll(/<tr class="risk" data-uri="([^"]*)" data-line="(\d+)" data-character="(\d+)"[^>]*><td><button type="button" class="risk-id">([^<]*)<\/button><\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)]
            .map(([, uri, line, character, id, title, level]) => ({ uri, line, character, id, title, level }));
        expect(rows).toEqual([
            { uri: 'file:///model/model.risk', line: '7', character: '5', id: 'R-1', title: '&lt;img src=x onerror=alert(1)&gt; &quot;quotes&quot; &amp; &#39;single&#39;', level: 'High' },
            { uri: 'file:///model/model.risk', line: '8', character: '5', id: 'R-2', title: 'Second', level: 'High' }
        ]);
        expect(html).toContain('<div class="cell-risks" data-cell="residual-0" data-basis="residual" hidden>\n<h3>Likely × Minor: Moderate, 0 risks</h3>\n<p class="none">No risk in this cell.</p>');
        expect(html.match(/<div class="cell-risks"/g)).toHaveLength(18);
    });

    test('risks in no cell are counted below the map; the legend lists the levels highest first', () => {
        expect(html).toContain('<p class="not-assessed">Not assessed, in no cell: 1 risk (R-3)</p>');
        expect(html).toContain('<ul class="legend" aria-label="Levels, highest first"><li><span class="swatch heat-4"></span>High</li><li><span class="swatch heat-2"></span>Moderate (appetite)</li><li><span class="swatch heat-0"></span>Low</li></ul>');
    });

    test('the example: residual Possible x Severe holds R-001, R-003, R-005, R-011, R-014 and R-015', async () => {
        const acme = await loadModelFiles(riskFiles(exampleFolder('acme-saas')), { asOf: EXAMPLES_AS_OF, validate: false });
        const page = riskMatrixHtml(matrixRequest(acme.services, {}), PAGE);
        expect(page).toMatch(/data-cell="residual-5"[^>]*title="Possible × Severe: High \(6\), 6 risks"[^>]*><span class="count">6<\/span><span class="level">High<\/span>/);
        const list = /<div class="cell-risks" data-cell="residual-5"[^>]*>([\s\S]*?)<\/div>/.exec(page)?.[1] ?? '';
        expect([...list.matchAll(/class="risk-id">([^<]*)</g)].map(match => match[1])).toEqual(['R-001', 'R-003', 'R-005', 'R-011', 'R-014', 'R-015']);
    });

    test('a model without a method: no map, a notice and the risks', async () => {
        const model = await loadModelTexts({ 'model.risk': 'risk R-1 "<script>x</script>" { }\n' }, { asOf: '2026-11-23' });
        const page = riskMatrixHtml(matrixRequest(model.services, {}), PAGE);
        expect(page).not.toContain('class="heat-map"');
        expect(page).toContain('The model has no usable method');
        expect(page).toContain('<td>&lt;script&gt;x&lt;/script&gt;</td>');
        expect(page.match(/<script/g)).toHaveLength(1);
    });

    test('a message page (loading, or an error from the server) is escaped and under the same CSP', () => {
        const page = riskMatrixMessageHtml('The risk matrix could not be computed: <b>boom</b>', PAGE, 'error');
        expect(page).toContain('<p class="notice error">The risk matrix could not be computed: &lt;b&gt;boom&lt;/b&gt;</p>');
        expect(page).toContain(`script-src &#39;nonce-${PAGE.nonce}&#39;`);
    });
});

test('escapeHtml, heatClass and createNonce', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect([0, 1, 2].map(rank => heatClass(rank, 3))).toEqual(['heat-0', 'heat-2', 'heat-4']);
    expect([0, 1, 2, 3].map(rank => heatClass(rank, 4))).toEqual(['heat-0', 'heat-1', 'heat-3', 'heat-4']);
    expect(heatClass(0, 1)).toBe('heat-0');
    expect(heatClass(null, 3)).toBe('heat-none');
    const nonces = new Set(Array.from({ length: 20 }, createNonce));
    expect(nonces.size).toBe(20);
    for (const nonce of nonces) {
        expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    }
});

/** A stand-in for the few DOM calls the page's script makes. */
class FakeElement {
    hidden = false;
    readonly classes = new Set<string>();
    readonly classList = { toggle: (name: string, on: boolean) => (on ? this.classes.add(name) : this.classes.delete(name)) };
    constructor(readonly selector: string, readonly attributes: Record<string, string>, private readonly ancestors: FakeElement[] = []) {}
    getAttribute(name: string): string | null {
        return this.attributes[name] ?? null;
    }
    setAttribute(name: string, value: string): void {
        this.attributes[name] = value;
    }
    closest(selector: string): FakeElement | null {
        return [this, ...this.ancestors].find(element => element.selector === selector) ?? null;
    }
}

describe('the page\'s script', () => {
    function run(elements: FakeElement[], state?: unknown) {
        const script = /<script nonce="[^"]*">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
        const posted: unknown[] = [];
        const states: unknown[] = [];
        let onClick: ((event: { target: unknown }) => void) | undefined;
        const document = {
            addEventListener: (type: string, handler: (event: { target: unknown }) => void) => {
                expect(type).toBe('click');
                onClick = handler;
            },
            querySelectorAll: (selector: string) => elements.filter(element => {
                const basis = /data-basis="(\w+)"/.exec(selector)?.[1];
                return selector.startsWith(element.selector) && (!basis || element.attributes['data-basis'] === basis);
            }),
            querySelector: () => null
        };
        const vscode = { postMessage: (message: unknown) => posted.push(message), getState: () => state, setState: (value: unknown) => states.push(value) };
        new Script(script).runInContext(createContext({ acquireVsCodeApi: () => vscode, document, Element: FakeElement, Array, Object, Number }));
        return { posted, states, click: (target: FakeElement) => onClick!({ target }) };
    }

    test('clicking a cell shows its list only, and remembers the choice; clicking it again hides it', () => {
        const cell = new FakeElement('.cell-button', { 'data-basis': 'inherent', 'data-cell': 'inherent-2' });
        const other = new FakeElement('.cell-button', { 'data-basis': 'inherent', 'data-cell': 'inherent-6' });
        const list = new FakeElement('.cell-risks', { 'data-basis': 'inherent', 'data-cell': 'inherent-2' });
        const otherList = new FakeElement('.cell-risks', { 'data-basis': 'inherent', 'data-cell': 'inherent-6' });
        const page = run([cell, other, list, otherList]);
        page.click(new FakeElement('span', {}, [cell]));
        expect([list.hidden, otherList.hidden]).toEqual([false, true]);
        expect(cell.attributes['aria-pressed']).toBe('true');
        expect(page.states.at(-1)).toEqual({ selected: { inherent: 'inherent-2' } });
        page.click(cell);
        expect([list.hidden, otherList.hidden]).toEqual([true, true]);
        expect(page.posted).toEqual([]);
    });

    test('a selection survives a refresh: the state selects the cell again', () => {
        const cell = new FakeElement('.cell-button', { 'data-basis': 'residual', 'data-cell': 'residual-5' });
        const list = new FakeElement('.cell-risks', { 'data-basis': 'residual', 'data-cell': 'residual-5' });
        list.hidden = true;
        run([cell, list], { selected: { residual: 'residual-5' } });
        expect(list.hidden).toBe(false);
    });

    test('clicking a risk posts where it is; the refresh button posts a refresh', () => {
        const row = new FakeElement('tr.risk', { 'data-uri': 'file:///model/model.risk', 'data-line': '7', 'data-character': '5' });
        const page = run([]);
        page.click(new FakeElement('.risk-id', {}, [row]));
        page.click(new FakeElement('#refresh', {}));
        expect(page.posted).toEqual([{ type: 'openRisk', uri: 'file:///model/model.risk', line: 7, character: 5 }, { type: 'refresh' }]);
    });
});
