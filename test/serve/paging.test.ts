/** Long lists come in pages of PAGE_ITEMS, each linking to the others, and every item is on one page. */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_ITEMS, paged } from '../../src/serve/data.js';
import type { RunningServer } from '../../src/serve/server.js';
import { rebuildIndex } from '../../src/store/sqlite-index.js';
import { makeRecord, writeRecords } from '../query/sample-records.js';
import { serve, tempDir } from './archives.js';

const ITEMS = PAGE_ITEMS * 2 + 17;
let outDir: string;
let server: RunningServer;

beforeAll(async () => {
  outDir = tempDir('bulletin-serve-paging-');
  // One busy person, place and day across many issues.
  const records = Array.from({ length: ITEMS }, (_, n) =>
    makeRecord(`busy-${String(n).padStart(4, '0')}`, '2020-05-11', [
      {
        section: '领导活动',
        text: `5月8日，市政协副主席贺俊到青山区调研第${n}项工作。`,
        date: { text: '5月8日', start: '2020-05-08', end: '2020-05-08' },
        people: [['贺俊', ['市政协副主席']]],
        places: ['青山区'],
      },
    ]),
  );
  records.forEach((r, n) => {
    r.masthead.issue = n + 1;
    r.messages = [{ severity: 'warning', code: 'item-without-date', message: `warning ${n}`, page: null, offset: 0 }];
  });
  writeRecords(outDir, records);
  rebuildIndex(outDir);
  server = await serve(outDir);
});
afterAll(async () => {
  await server?.close();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

async function allPages(first: string): Promise<string[]> {
  const texts: string[] = [];
  let next: string | null = first;
  while (next) {
    const res: Response = await fetch(`${server.url}${next}`);
    expect(res.status).toBe(200);
    const body: string = await res.text();
    texts.push(...[...body.matchAll(/<p class="text">([^<]*)<\/p>/g)].map((m) => m[1]));
    next = /<a rel="next" href="([^"]+)"/.exec(body)?.[1]?.replace(/&amp;/g, '&') ?? null;
  }
  return texts;
}

describe('paging', () => {
  it('splits a list into pages and keeps every other page one click away', () => {
    const all = Array.from({ length: 25 }, (_, n) => n);
    expect(paged(all, 3, 10)).toEqual({ items: [20, 21, 22, 23, 24], total: 25, page: 3, pages: 3 });
    expect(paged(all, 99, 10).page).toBe(3);
    expect(paged([], 1, 10)).toEqual({ items: [], total: 0, page: 1, pages: 1 });
  });

  it.each([
    ['a person', `/people/${encodeURIComponent('贺俊')}`],
    ['a place', `/places/${encodeURIComponent('青山区')}`],
    ['a date', '/dates/2020-05-08'],
    ['a search', `/search?person=${encodeURIComponent('贺俊')}&from=2020-05-01`],
  ])('shows every item of %s once across its pages', async (_kind, first) => {
    const texts = await allPages(first);
    expect(texts).toHaveLength(ITEMS);
    expect(new Set(texts).size).toBe(ITEMS);
  });

  it('says how many there are and which page this is', async () => {
    const body = await (await fetch(`${server.url}/dates/2020-05-08?page=2`)).text();
    expect(body).toContain(`page 2 of 3 (${ITEMS} items)`);
    expect(body).toContain('<a rel="prev" href="/dates/2020-05-08">previous</a>');
    const beyond = await (await fetch(`${server.url}/dates/2020-05-08?page=99`)).text();
    expect(beyond).toContain(`page 3 of 3 (${ITEMS} items)`);
    expect(beyond.match(/class="item-card"/g)).toHaveLength(ITEMS - 2 * PAGE_ITEMS);
    const issues = await (await fetch(`${server.url}/?page=2`)).text();
    expect(issues).toContain(`page 2 of 2 (${ITEMS} issues)`);
  });

  it('pages the warnings, and the issues list links each record to the page that holds it', async () => {
    const first = await (await fetch(`${server.url}/warnings`)).text();
    expect(first).toContain(`page 1 of 3 (${ITEMS} records)`);
    const links = new Set<string>();
    for (const page of ['/', '/?page=2']) {
      const home = await (await fetch(`${server.url}${page}`)).text();
      for (const m of home.matchAll(/href="(\/warnings[^"#]*)#([^"]+)"/g)) links.add(`${m[1].replace(/&amp;/g, '&')}#${m[2]}`);
    }
    expect(links.size).toBe(ITEMS);
    expect([...links].some((l) => l.startsWith('/warnings?page=3#'))).toBe(true);
    const pages = new Map<string, string>();
    for (const link of links) {
      const [target, id] = link.split('#');
      if (!pages.has(target)) pages.set(target, await (await fetch(`${server.url}${target}`)).text());
      expect(pages.get(target), link).toContain(`id="${decodeURIComponent(id)}"`);
    }
  });

  it('caps a search at its limit', async () => {
    const body = await (await fetch(`${server.url}/search?person=${encodeURIComponent('贺俊')}&limit=150`)).text();
    expect(body).toContain('<p class="count">150 items');
    expect(await allPages(`/search?person=${encodeURIComponent('贺俊')}&limit=150`)).toHaveLength(150);
  });
});
