/**
 * The page frame and the small pieces every page shares. Pages are written with hono's `html` tagged
 * template: every interpolated value is escaped unless it is itself `html` output, so bulletin text
 * can never become markup. `raw` is used nowhere on bulletin text.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ItemView, Paged } from './data.js';

export { html };
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const enc = encodeURIComponent;
const pageQuery = (page?: number) => (page && page > 1 ? `?page=${page}` : '');
export const href = {
  home: (page?: number) => (page && page > 1 ? `/?page=${page}` : '/'),
  issue: (id: string) => `/issues/${enc(id)}`,
  item: (recordId: string, seq: number) => `/issues/${enc(recordId)}#item-${seq}`,
  original: (id: string) => `/issues/${enc(id)}/original`,
  file: (id: string) => `/issues/${enc(id)}/file`,
  page: (id: string, page: number) => `/issues/${enc(id)}/pages/${page}.png`,
  person: (name: string, page?: number) => `/people/${enc(name)}${pageQuery(page)}`,
  people: () => '/people',
  organisation: (name: string, page?: number) => `/orgs/${enc(name)}${pageQuery(page)}`,
  organisations: () => '/orgs',
  place: (name: string, page?: number) => `/places/${enc(name)}${pageQuery(page)}`,
  date: (iso: string, page?: number) => `/dates/${enc(iso)}${pageQuery(page)}`,
  search: (params: Record<string, string | number | undefined> = {}) => {
    const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();
    return query ? `/search?${query}` : '/search';
  },
  warnings: (page?: number, id?: string) => `/warnings${pageQuery(page)}${id ? `#${enc(id)}` : ''}`,
  style: () => '/assets/style.css',
};

export function layout(title: string, body: Html, options: { wide?: boolean } = {}): Html {
  return html`<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · bulletin</title>
<link rel="stylesheet" href="${href.style()}">
</head>
<body${options.wide ? html` class="wide"` : ''}>
<header class="top">
  <a class="brand" href="${href.home()}">bulletin</a>
  <nav>
    <a href="${href.home()}">Issues</a>
    <a href="${href.people()}">People</a>
    <a href="${href.organisations()}">Organisations</a>
    <a href="${href.search()}">Search</a>
    <a href="${href.warnings()}">Warnings</a>
  </nav>
</header>
<main>
${body}
</main>
</body>
</html>`;
}

export function dateLink(iso: string | null): Html | string {
  return iso ? html`<a class="date" href="${href.date(iso)}">${iso}</a>` : '—';
}

type DateRange = { start: string | null; end: string | null; partOfDay?: string | null; month?: number | null; day?: number | null };

/** A date range as ISO text: one day, or start – end; with the part of day when known. */
export function isoRange(date: DateRange): string {
  const range =
    date.start === null
      ? `year unknown${date.month ? `: month ${date.month}${date.day ? `, day ${date.day}` : ''}` : ''}`
      : date.start === date.end || date.end === null
        ? date.start
        : `${date.start} – ${date.end}`;
  return date.partOfDay ? `${range} (${date.partOfDay})` : range;
}

export function dateRangeLinks(date: DateRange): Html {
  const part = date.partOfDay ? html` <span class="muted">(${date.partOfDay})</span>` : '';
  if (date.start === null) return html`<span class="muted">${isoRange({ ...date, partOfDay: null })}</span>${part}`;
  if (date.start === date.end || date.end === null) return html`${dateLink(date.start)}${part}`;
  return html`${dateLink(date.start)} – ${dateLink(date.end)}${part}`;
}

/** An item found by a search or on a person's, body's or date's page, with links to everything it names. */
export function itemCard(item: ItemView, issueLabel: string): Html {
  return html`<article class="item-card">
  <div class="meta">
    ${item.date ? dateRangeLinks(item.date) : html`<span class="muted">undated</span>`}
    · <a class="issue" href="${href.item(item.recordId, item.seq)}">${issueLabel} #${item.seq}</a>
    ${item.section ? html`· <span class="section">${item.section}</span>` : ''}
  </div>
  ${item.headline ? html`<h3>${item.headline}</h3>` : ''}
  <p class="text">${excerpt(item.text)}</p>
  ${entityLine(item)}
</article>`;
}

export function entityLine(item: Pick<ItemView, 'people' | 'organisations' | 'places' | 'bodies'>): Html {
  const people = item.people.map(
    (p) => html`<a class="ent person" href="${href.person(p.name)}" title="${p.titles.join('、') || 'no title in this item'}">${p.name}</a>`,
  );
  const orgs = item.organisations.map((o) => {
    const body = item.bodies[o] ?? o;
    return html`<a class="ent organisation" href="${href.organisation(body)}" title="${body}">${o}</a>`;
  });
  const places = item.places.map((p) => html`<a class="ent place" href="${href.place(p)}">${p}</a>`);
  if (people.length + orgs.length + places.length === 0) return html``;
  return html`<p class="entities">${people} ${orgs} ${places}</p>`;
}

/** Cards show the start of an item's text; the issue page has all of it. */
const EXCERPT_CHARS = 160;
function excerpt(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
}

export function itemList(items: Paged<ItemView>, pageHref: (page: number) => string, label: (recordId: string) => string): Html {
  if (items.total === 0) return html`<p class="muted">No items.</p>`;
  return html`${pager(items, pageHref)}
${items.items.map((item) => itemCard(item, label(item.recordId)))}
${pager(items, pageHref)}`;
}

/** "page 2 of 8 (734 items)", with links to the first, previous, next and last pages. */
export function pager(list: Paged<unknown>, pageHref: (page: number) => string, noun = 'items'): Html {
  if (list.pages <= 1) return html`<p class="pager muted">${list.total} ${list.total === 1 ? noun.replace(/s$/, '') : noun}</p>`;
  const pages = [...new Set([1, list.page - 1, list.page, list.page + 1, list.pages])].filter((n) => n >= 1 && n <= list.pages).sort((a, b) => a - b);
  return html`<nav class="pager"><span class="muted">page ${list.page} of ${list.pages} (${list.total} ${noun})</span>
${list.page > 1 ? html`<a rel="prev" href="${pageHref(list.page - 1)}">previous</a>` : ''}
${pages.map((n) => (n === list.page ? html`<b>${n}</b> ` : html`<a href="${pageHref(n)}">${n}</a> `))}
${list.page < list.pages ? html`<a rel="next" href="${pageHref(list.page + 1)}">next</a>` : ''}</nav>`;
}

export function notFound(what: string): Html {
  return layout('Not found', html`<h1>Not found</h1><p>${what}</p><p><a href="${href.home()}">Back to the issues</a></p>`);
}
