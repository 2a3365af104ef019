/**
 * The view in a real browser: playwright-core drives Debian's chromium (headless). Opens the sample
 * issue and sees the highlights and a title on hover, opens a person and sees the timeline, searches.
 * Skipped, with one line saying so, where /usr/bin/chromium is missing.
 */
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/serve/server.js';
import { ingestSample, serve } from './archives.js';

const CHROMIUM = '/usr/bin/chromium';
const present = fs.existsSync(CHROMIUM);
if (!present) console.log('browser tests skipped: install Debian package chromium (apt-get install -y chromium)');

let outDir: string;
let server: RunningServer;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];

describe.skipIf(!present)('bulletin serve in chromium', () => {
  beforeAll(async () => {
    outDir = ingestSample();
    server = await serve(outDir);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('opens the sample issue from the home page and shows its entities highlighted beside the original', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: '第18期' }).click();
    await expect.poll(() => page.url()).toMatch(/\/issues\/baotou-2020-18-/);
    const person = page.locator('a.ent.person', { hasText: '刘晓东' }).first();
    await expect.poll(() => person.isVisible()).toBe(true);
    expect(await person.getAttribute('title')).toContain('市政协秘书长');
    const background = await person.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.locator('a.ent.date').first().getAttribute('title')).toMatch(/^2020-05-\d\d/);
    expect(await page.locator('a.ent.organisation').count()).toBeGreaterThan(0);
    expect(await page.locator('a.ent.place').count()).toBeGreaterThan(0);
    // The original is shown in its frame.
    const frame = page.frameLocator('iframe[name="original"]');
    await expect.poll(() => frame.locator('body').innerText(), { timeout: 20_000 }).toContain('工作周报');
  });

  it('opens a person from the issue and sees the titles timeline and the items', async () => {
    await page.locator('a.ent.person', { hasText: '刘晓东' }).first().click();
    await expect.poll(() => page.locator('h1.person-name').innerText()).toBe('刘晓东');
    const bars = page.locator('svg.timeline rect.bar');
    expect(await bars.count()).toBeGreaterThan(0);
    const box = await bars.first().boundingBox();
    expect(box!.width).toBeGreaterThan(0);
    expect(await page.locator('svg.timeline').innerHTML()).toContain('市政协秘书长');
    expect(await page.locator('article.item-card').count()).toBeGreaterThan(0);
  });

  it('searches with the form and follows a result to its item', async () => {
    await page.goto(`${server.url}/search`);
    await page.fill('input[name="text"]', '脱贫攻坚');
    await page.fill('input[name="from"]', '2020-05-01');
    await page.click('button[type="submit"]');
    await expect.poll(() => page.locator('p.count').innerText()).toMatch(/^[1-9]\d* items?/);
    expect(page.url()).toContain('from=2020-05-01');
    const first = page.locator('article.item-card p.text').first();
    expect(await first.innerText()).toContain('脱贫攻坚');
    await page.locator('article.item-card a.issue').first().click();
    await expect.poll(() => page.locator('article.item:target').count()).toBe(1);
  });

  it('runs no script from a bulletin: the markup bulletin shows its markup as text', async () => {
    await page.goto(`${server.url}/issues/markup-bulletin-txt`);
    expect(await page.locator('main').innerText()).toContain('<script>alert("bulletin")</script>');
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('main img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
