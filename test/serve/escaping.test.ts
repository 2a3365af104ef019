/**
 * Bulletin text is data, never markup: hand-made records with markup and script in every field a page
 * shows, and the invented markup bulletin ingested by the CLI, come out escaped on every page.
 */
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/serve/server.js';
import { EVIL, useServers } from './archives.js';

const servers = useServers({ sample: true, hostile: true });
const enc = encodeURIComponent;
const body = async (server: RunningServer, path: string) => {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, text: await res.text() };
};
/** No element, attribute or URL the bulletin's text tried to smuggle in. */
function expectNoInjectedMarkup(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<img src=x/i);
  expect(html).not.toMatch(/<iframe src="javascript/i);
  expect(html).not.toMatch(/<b>张三/);
  expect(html).not.toMatch(/<i>协商/);
  expect(html).not.toMatch(/href="javascript:/i);
  // An event handler inside a real tag (quoted attribute values, escaped text, are set aside first).
  expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
}

describe('escaping bulletin text', () => {
  it.each([
    ['the issues list', '/'],
    ['the issue page', '/issues/evil-2021-01'],
    ['the person page', `/people/${enc(EVIL.person)}`],
    ['the place page', `/places/${enc(EVIL.place)}`],
    ['the date page', '/dates/2021-06-01'],
    ['the people list', '/people'],
    ['the organisations list', '/orgs'],
    ['the warnings page', '/warnings'],
    ['a search for markup', `/search?text=${enc('<script>')}&section=${enc(EVIL.section)}`],
  ])('escapes every field on %s', async (_name, path) => {
    const page = await body(servers.hostile, path);
    expect(page.status).toBe(200);
    expectNoInjectedMarkup(page.text);
  });

  it('escapes every field on the organisation page, reached from the issue by its canonical body', async () => {
    const issue = await body(servers.hostile, '/issues/evil-2021-01');
    const link = /<a class="ent organisation" href="([^"]+)"/.exec(issue.text)![1];
    const page = await body(servers.hostile, link.replace(/&amp;/g, '&'));
    expect(page.status).toBe(200);
    expectNoInjectedMarkup(page.text);
    expect(page.text).toContain('&lt;img src=x onerror=alert(&quot;org&quot;)&gt;');
  });

  it('shows the markup as text, with the entity marks around the escaped names', async () => {
    const page = await body(servers.hostile, '/issues/evil-2021-01');
    expect(page.text).toContain('&lt;script&gt;alert(&quot;text&quot;)&lt;/script&gt;');
    expect(page.text).toContain(`<a class="ent person" href="/people/${enc(EVIL.person)}" title="&quot;&gt;&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;">&lt;b&gt;张三&lt;/b&gt;</a>`);
    expect(page.text).toContain('&lt;script&gt;alert(&quot;publisher&quot;)&lt;/script&gt;办公室');
    expect(page.text).toContain('&lt;iframe src=&quot;javascript:alert(1)&quot;&gt;');
  });

  it('escapes the invented markup bulletin on its issue page and its original', async () => {
    for (const path of ['/issues/markup-bulletin-txt', '/issues/markup-bulletin-txt/original', '/warnings', '/']) {
      const page = await body(servers.sample, path);
      expect(page.status).toBe(200);
      expectNoInjectedMarkup(page.text);
    }
    const issue = await body(servers.sample, '/issues/markup-bulletin-txt');
    expect(issue.text).toContain('&lt;script&gt;alert(&quot;bulletin&quot;)&lt;/script&gt;');
    expect(issue.text).toContain('&lt;/textarea&gt;&lt;a href=&quot;javascript:alert(2)&quot;&gt;');
  });

  it('echoes search input escaped', async () => {
    const page = await body(servers.hostile, `/search?person=${enc('"><script>alert(9)</script>')}&from=${enc('<b>')}`);
    expect(page.status).toBe(400);
    expectNoInjectedMarkup(page.text);
    expect(page.text).toContain('value="&quot;&gt;&lt;script&gt;alert(9)&lt;/script&gt;"');
  });
});
