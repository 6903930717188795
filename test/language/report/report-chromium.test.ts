/**
 * The HTML report in a real browser (Debian's Chromium, headless): nothing is loaded
 * but the file itself, nothing overflows the page on a desktop or an A4 page, printing
 * gives several pages, and the screenshots shown in the README are taken here.
 * Without chromium the test is skipped, saying why; RISK_REQUIRE_TOOLS=1 makes that a failure.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { htmlReport } from '../../../language/report/html-report.js';
import { chromiumAvailable, CHROMIUM, openPage, type Browser } from '../../helpers/chromium.js';
import { exampleFolder, loadExample } from '../exports/example-models.js';

const IMAGES = resolve(import.meta.dirname, '../../e2e/screenshots');

/** Elements reaching past the right edge of the page, or clipping content they scroll. */
const OVERFLOW = `(() => {
    const width = document.documentElement.clientWidth;
    const culprits = [];
    for (const element of document.body.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (box.width === 0) continue;
        const clipped = element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible';
        if (box.right > width + 1 || clipped) culprits.push(element.tagName.toLowerCase() + (element.className ? '.' + element.className : '') + ' right=' + Math.round(box.right));
    }
    return { page: document.documentElement.scrollWidth - width, culprits: culprits.slice(0, 10) };
})()`;

const required = process.env.RISK_REQUIRE_TOOLS === '1';

if (!chromiumAvailable() && !required) {
    test.skip(`HTML report in Chromium: skipped, ${CHROMIUM} is not installed (apt-get install chromium; RISK_REQUIRE_TOOLS=1 makes this a failure)`, () => undefined);
} else {
    describe('the HTML report of examples/acme-saas in Chromium', () => {
        let dir: string;
        let url: string;

        beforeAll(async () => {
            expect(chromiumAvailable(), `${CHROMIUM} is missing and RISK_REQUIRE_TOOLS=1: install chromium`).toBe(true);
            dir = mkdtempSync(join(tmpdir(), 'risk-report-'));
            const html = htmlReport((await loadExample('acme-saas')).evaluation(), { baseDir: exampleFolder('acme-saas') });
            writeFileSync(join(dir, 'report.html'), html);
            url = pathToFileURL(join(dir, 'report.html')).href;
        });

        afterAll(() => rmSync(dir, { recursive: true, force: true }));

        async function withPage<T>(width: number, height: number, run: (page: Browser) => Promise<T>): Promise<T> {
            const page = await openPage(url, width, height);
            try {
                return await run(page);
            } finally {
                await page.close();
            }
        }

        test('desktop: loads nothing but itself, runs no script, nothing overflows; screenshot', async () => {
            await withPage(1280, 900, async page => {
                expect(page.requests).toEqual([url]);
                expect(await page.evaluate('document.scripts.length')).toBe(0);
                // The stylesheet applied: the CSP's hash matches it.
                expect(await page.evaluate('getComputedStyle(document.querySelector("h1")).color')).toBe('rgb(10, 48, 105)');
                expect(await page.evaluate(OVERFLOW)).toEqual({ page: 0, culprits: [] });
                writeFileSync(join(IMAGES, 'report-desktop.png'), await page.screenshot(2000));
            });
        }, 120_000);

        test('print: an A4-wide page with nothing overflowing, several PDF pages; screenshot of the print preview', async () => {
            await withPage(718, 1016, async page => {
                await page.send('Emulation.setEmulatedMedia', { media: 'print' });
                expect(await page.evaluate(OVERFLOW)).toEqual({ page: 0, culprits: [] });
                writeFileSync(join(IMAGES, 'report-print.png'), await page.screenshot(1800));
                const { data } = await page.send<{ data: string }>('Page.printToPDF', { paperWidth: 8.27, paperHeight: 11.69, printBackground: true });
                const pages = Buffer.from(data, 'base64').toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
                // A page per section at least: above appetite, heat maps, method, register, plan, SoA.
                expect(pages.length).toBeGreaterThanOrEqual(6);
            });
        }, 120_000);
    });
}
