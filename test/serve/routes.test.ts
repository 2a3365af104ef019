/**
 * Every route of `bulletin serve`, over HTTP against a server on a free port, on the sample index
 * (all fixtures and the invented markup bulletin, ingested by the CLI).
 */
import { describe, expect, it } from 'vitest';
import { useServers } from './archives.js';

const servers = useServers({ sample: true });
const get = (path: string, init?: RequestInit) => fetch(`${servers.sample.url}${path}`, { redirect: 'manual', ...init });
const text = async (path: string) => {
  const res = await get(path);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text(), headers: res.headers };
};
const enc = encodeURIComponent;

describe('bulletin serve routes', () => {
  it('listens on 127.0.0.1 by default', () => {
    expect(servers.sample.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('lists the issues with publisher, date, issue number, items and warnings, one row per issue', async () => {
    const page = await text('/');
    expect(page.status).toBe(200);
    expect(page.type).toContain('text/html');
    for (const heading of ['Publisher', 'Date', 'Issue', 'Items', 'Warnings']) expect(page.body).toMatch(new RegExp(`<th[^>]*>${heading}</th>`));
    expect(page.body).toContain('包头市政协办公室');
    expect(page.body).toContain('href="/dates/2020-05-11"');
    // The sample issue comes in three files but is listed once, with its files beside it.
    expect(page.body.match(/<td><a class="issue" href="\/issues\/baotou-2020-18-[a-z]+">第18期<\/a>/g)).toHaveLength(1);
    for (const format of ['txt', 'docx', 'pdf']) expect(page.body).toContain(`href="/issues/baotou-2020-18-${format}">${format}</a>`);
  });

  it('shows an issue with its items and the entities marked: titles on hover, ISO dates, linked pages', async () => {
    const page = await text('/issues/baotou-2020-18-txt');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<a class="ent person" href="\/people\/%E5%88%98%E6%99%93%E4%B8%9C" title="[^"]*市政协秘书长[^"]*">刘晓东<\/a>/);
    expect(page.body).toMatch(/<a class="ent date" href="\/dates\/2020-05-0\d" title="2020-05-0\d[^"]*" data-iso="2020-05-0\d">5月\d日/);
    expect(page.body).toMatch(/<a class="ent organisation" href="\/orgs\/[^"]+" title="[^"]+">/);
    expect(page.body).toMatch(/<a class="ent place" href="\/places\/[^"]+"/);
    expect(page.body).toContain('<iframe name="original" title="original document" sandbox src="/issues/baotou-2020-18-txt/original">');
  });

  it.each([
    ['a .docx original as mammoth renders it', 'baotou-2020-18-docx', '<div class="docx"><p>', '工作周报'],
    ['a .txt original as text in its own encoding (GB18030)', 'chifeng-2021-05-txt', '<pre class="txt">', '二〇二一年五月二十四日'],
  ])('shows %s', async (_what, id, frame, words) => {
    const page = await text(`/issues/${id}/original`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(frame);
    expect(page.body).toContain(words);
  });

  it('shows a PDF original page by page and serves each page as an image and the file itself', async () => {
    const page = await text('/issues/baotou-2020-18-pdf/original');
    expect(page.status).toBe(200);
    expect(page.body).toContain('id="page-1"');
    expect(page.body).toContain('href="/issues/baotou-2020-18-pdf/file#page=1"');
    const issue = await text('/issues/baotou-2020-18-pdf');
    expect(issue.body).toMatch(/href="\/issues\/baotou-2020-18-pdf\/original#page-\d+" target="original">page \d+<\/a>/);
    const file = await get('/issues/baotou-2020-18-pdf/file');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const png = await get('/issues/baotou-2020-18-pdf/pages/1.png');
    if (page.body.includes('<img')) {
      expect(png.status).toBe(200);
      expect(png.headers.get('content-type')).toBe('image/png');
    } else {
      console.log('PDF pages are not rendered as images: install Debian package poppler-utils');
      expect(png.status).toBe(404);
    }
    expect((await get('/issues/baotou-2020-18-pdf/pages/999.png')).status).toBe(404);
  });

  it('shows a web page original as itself, sandboxed by its own response (no script, nothing from outside)', async () => {
    const home = await text('/');
    const id = /href="\/issues\/(web-jiangcheng-2024-04[^"]*)"/.exec(home.body)![1];
    const original = await text(`/issues/${id}/original`);
    expect(original.body).toContain(`<iframe class="html-original" title="original web page" sandbox src="/issues/${id}/file">`);
    const file = await text(`/issues/${id}/file`);
    expect(file.status).toBe(200);
    expect(file.type).toContain('text/html');
    expect(file.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
  });

  it('shows a person with titles over time as a timeline, then the items', async () => {
    const page = await text(`/people/${enc('刘晓东')}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<svg class="timeline"');
    expect(page.body).toContain('市政协秘书长');
    expect(page.body).toContain('class="item-card"');
    // Items of the sample issue are counted once, not once per file.
    expect(page.body).not.toMatch(/baotou-2020-18-(?:txt|pdf)#/);
  });

  it('lists people and organisations with counts', async () => {
    const people = await text('/people');
    expect(people.status).toBe(200);
    expect(people.body).toContain(`href="/people/${enc('刘晓东')}"`);
    const orgs = await text('/orgs');
    expect(orgs.status).toBe(200);
    // Bodies by their canonical name, with the names written for them.
    expect(orgs.body).toContain(`href="/orgs/${enc('包头市政协')}"`);
    expect(orgs.body).toMatch(/<td>[^<]*市政协[^<]*<\/td>/);
  });

  it('shows an organisation, a place and a date with their items', async () => {
    const org = await text(`/orgs/${enc('包头市政协')}`);
    expect(org.status).toBe(200);
    expect(org.body).toContain('<h1>包头市政协</h1>');
    expect(org.body).toMatch(/<p>Written as: [^<]*市政协/);
    expect(org.body).toContain('class="item-card"');
    const place = await text(`/places/${enc('石拐区')}`);
    expect(place.status).toBe(200);
    expect(place.body).toContain('石拐区');
    const date = await text('/dates/2020-05-08');
    expect(date.status).toBe(200);
    expect(date.body).toContain('class="item-card"');
    expect((await text('/dates/2020-02-30')).status).toBe(404);
    expect((await text('/dates/yesterday')).status).toBe(404);
  });

  it('searches with the filters of bulletin query', async () => {
    const empty = await text('/search');
    expect(empty.status).toBe(200);
    for (const field of ['person', 'title', 'org', 'place', 'section', 'from', 'to', 'text', 'limit']) expect(empty.body).toContain(`name="${field}"`);
    const found = await text(`/search?person=${enc('刘晓东')}&from=2020-05-01&to=2020-05-31`);
    expect(found.status).toBe(200);
    expect(found.body).toMatch(/<p class="count">[1-9]\d* items? \(person 刘晓东, from 2020-05-01, to 2020-05-31\)<\/p>/);
    const text1 = await text(`/search?text=${enc('脱贫攻坚')}&limit=1`);
    expect(text1.body).toMatch(/<p class="count">1 item /);
    expect(text1.body.match(/class="item-card"/g)).toHaveLength(1);
    // One item per issue item, unless every file's item is asked for.
    const once = await text(`/search?text=${enc('脱贫攻坚')}`);
    const every = await text(`/search?text=${enc('脱贫攻坚')}&all=1`);
    const count = (body: string) => Number(/<p class="count">(\d+) item/.exec(body)![1]);
    expect(count(every.body)).toBeGreaterThan(count(once.body));
    expect(every.body).toContain('name="all" value="1" checked');
    expect(every.body).toContain('every file&#39;s item)</p>');
    const none = await text(`/search?org=${enc('没有这个机构')}`);
    expect(none.body).toContain('<p class="count">0 items');
    const bad = await text('/search?from=2020-13-01');
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('from &quot;2020-13-01&quot; is not a date');
    const backwards = await text('/search?from=2021-01-01&to=2020-01-01');
    expect(backwards.status).toBe(400);
  });

  it('lists the records with warnings, and links each to its issue', async () => {
    const page = await text('/warnings');
    expect(page.status).toBe(200);
    expect(page.body).toContain('item-without-date');
    expect(page.body).toMatch(/<section class="warning-record" id="chifeng-2021-05-txt">/);
    expect(page.body).not.toContain('pdf-page-furniture-removed'); // information, not a warning
  });

  it('serves its stylesheet itself and forbids scripts and other origins', async () => {
    const css = await text('/assets/style.css');
    expect(css.status).toBe(200);
    expect(css.type).toContain('text/css');
    const home = await text('/');
    expect(home.body).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    expect(home.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('answers unknown pages and ids with 404, answers HEAD, and refuses to change anything', async () => {
    expect((await text('/nothing-here')).status).toBe(404);
    expect((await text('/issues/no-such-issue')).status).toBe(404);
    expect((await text(`/people/${enc('无此人')}`)).status).toBe(404);
    expect((await text(`/orgs/${enc('无此机构')}`)).status).toBe(404);
    expect((await text('/issues/no-such-issue/original')).status).toBe(404);
    expect((await get('/', { method: 'HEAD' })).status).toBe(200);
    expect((await get('/', { method: 'POST' })).status).toBe(405);
    expect((await get('/issues/baotou-2020-18-txt', { method: 'DELETE' })).status).toBe(405);
  });
});
