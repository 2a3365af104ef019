/**
 * Every link on every page leads somewhere: a crawl from the home page of the sample index follows
 * every link of its pages (pages, originals, files, page images, anchors) and expects each to answer 200,
 * and each `#fragment` to name an element of its page.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useServers } from './archives.js';

const servers = useServers({ sample: true });

const decodeEntities = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

describe('links', () => {
  it('finds no broken link, crawling every page from the home page', async () => {
    const seen = new Map<string, { status: number; ids: Set<string> | null }>();
    const fragments: [from: string, target: string, fragment: string][] = [];
    const queue = ['/'];
    const broken: string[] = [];
    while (queue.length > 0) {
      const target = queue.shift()!;
      if (seen.has(target)) continue;
      const res = await fetch(`${servers.sample.url}${target}`);
      const type = res.headers.get('content-type') ?? '';
      const body = type.startsWith('text/html') ? await res.text() : (await res.arrayBuffer(), '');
      seen.set(target, { status: res.status, ids: type.startsWith('text/html') ? new Set([...body.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeEntities(m[1]))) : null });
      if (res.status !== 200) broken.push(`${target} → ${res.status}`);
      // An original file is the bulletin's content (a web page has its own links), not one of our pages.
      if (!type.startsWith('text/html') || target.endsWith('/file')) continue;
      for (const match of body.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const link = decodeEntities(match[1]);
        expect(link, `a link to another site on ${target}`).not.toMatch(/^(?:[a-z]+:|\/\/)/i);
        const url = new URL(link, `${servers.sample.url}${target}`);
        const pathAndQuery = url.pathname + url.search;
        if (url.hash.length > 1 && !url.hash.startsWith('#page=')) fragments.push([target, pathAndQuery, decodeURIComponent(url.hash.slice(1))]);
        if (!seen.has(pathAndQuery)) queue.push(pathAndQuery);
      }
    }
    expect(broken).toEqual([]);
    for (const [from, target, fragment] of fragments) {
      expect(seen.get(target)?.ids?.has(fragment), `#${fragment} on ${target} (linked from ${from})`).toBe(true);
    }
    // The crawl reached every kind of page.
    const paths = [...seen.keys()];
    for (const prefix of ['/issues/', '/people/', '/orgs/', '/places/', '/dates/', '/search?', '/warnings']) {
      expect(paths.some((p) => p.startsWith(prefix)), prefix).toBe(true);
    }
    expect(paths.some((p) => /\/original$/.test(p))).toBe(true);
    expect(paths.length).toBeGreaterThan(200);
  });

  it('links every person, organisation, issue and date named on an issue page to its page', async () => {
    const html = await (await fetch(`${servers.sample.url}/issues/baotou-2020-18-txt`)).text();
    const record = JSON.parse(fs.readFileSync(`${servers.sampleOut}/bulletins/baotou-2020-18-txt.json`, 'utf8')) as {
      masthead: { date: string };
      items: { people: { name: string; spans: unknown[] }[]; organisations: { name: string; spans: unknown[] }[]; date: { start: string } | null }[];
    };
    const hrefs = new Set([...html.matchAll(/href="([^"]*)"/g)].map((m) => decodeEntities(m[1])));
    for (const item of record.items) {
      for (const p of item.people.filter((p) => p.spans.length > 0)) expect(hrefs.has(`/people/${encodeURIComponent(p.name)}`), p.name).toBe(true);
      // A body is linked under its canonical name (the crawl checks those pages exist).
      for (const o of item.organisations.filter((o) => o.spans.length > 0)) expect(html, o.name).toMatch(new RegExp(`<a class="ent organisation" href="/orgs/[^"]+" title="[^"]+">${o.name}</a>`));
      if (item.date) expect(hrefs.has(`/dates/${item.date.start}`)).toBe(true);
    }
    expect(hrefs.has(`/dates/${record.masthead.date}`)).toBe(true);
    for (const format of ['docx', 'pdf']) expect(hrefs.has(`/issues/baotou-2020-18-${format}`)).toBe(true);
  });
});
