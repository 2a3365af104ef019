/**
 * The routes of `bulletin serve` (hono). Read-only: GET and HEAD only. Every page is built from the
 * Archive (data.ts) with escaping templates; every response carries a Content-Security-Policy that
 * allows no script at all and loads nothing from another origin.
 */
import fs from 'node:fs';
import { Hono, type Context } from 'hono';
import { ArchiveUnavailable, type Archive, type QueryFilters } from './data.js';
import { href, html, layout, notFound, type Html } from './html.js';
import { originalDocument, pdfPagePng } from './original.js';
import { issuePage } from './pages/issue.js';
import { issuesPage } from './pages/issues.js';
import { datePage, entityPage, organisationsPage, peoplePage, personPage } from './pages/people.js';
import { SEARCH_FIELDS, searchPage, type SearchForm } from './pages/search.js';
import { warningsPage } from './pages/warnings.js';
import { STYLE_CSS } from './style.js';
import { parseDateBound, parseFilters } from '../query/command.js';

const CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";
const MEDIA: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  txt: 'text/plain; charset=utf-8',
  html: 'text/html',
};
/**
 * An original web page is shown as itself, but sandboxed by its own response: no script, no form, an
 * opaque origin, and nothing loaded from anywhere (its images and styles elsewhere stay away).
 */
const ORIGINAL_HTML_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function createApp(archive: Archive): Hono<{ Variables: { originalHtml: boolean } }> {
  const app = new Hono<{ Variables: { originalHtml: boolean } }>();

  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return c.text('read-only: only GET and HEAD', 405, { Allow: 'GET, HEAD' });
    }
    await next();
    c.header('Content-Security-Policy', c.get('originalHtml') ? ORIGINAL_HTML_CSP : CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });

  const page = async (c: Context<{ Variables: { originalHtml: boolean } }>, body: Html | Promise<Html>, status: 200 | 400 | 404 = 200) => c.html(await body, status);

  const pageNumber = (c: Context<{ Variables: { originalHtml: boolean } }>) => {
    const n = Number(c.req.query('page') ?? 1);
    return Number.isInteger(n) && n >= 1 ? n : 1;
  };

  app.get('/', (c) => page(c, issuesPage(archive, pageNumber(c))));
  app.get('/assets/style.css', (c) => c.body(STYLE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=3600' }));

  app.get('/issues/:id', (c) => {
    const detail = archive.getIssue(c.req.param('id'));
    return detail ? page(c, issuePage(archive, detail)) : page(c, notFound('No issue with this id.'), 404);
  });
  app.get('/issues/:id/original', async (c) => {
    const id = c.req.param('id');
    if (!archive.issueOf(id)) return page(c, notFound('No issue with this id.'), 404);
    const source = archive.sourceFile(id);
    return page(c, originalDocument(source, { file: href.file(id), page: (n) => href.page(id, n) }));
  });
  app.get('/issues/:id/file', (c) => {
    const source = archive.sourceFile(c.req.param('id'));
    if (!source) return page(c, notFound('The original file is not available.'), 404);
    const bytes = fs.readFileSync(source.file);
    const response = c.body(new Uint8Array(bytes), 200, {
      'Content-Type': MEDIA[source.format] ?? 'application/octet-stream',
      'Content-Disposition': `inline; filename="${source.id}.${source.format}"`,
    });
    if (source.format === 'html') c.set('originalHtml', true);
    return response;
  });
  app.get('/issues/:id/pages/:name', async (c) => {
    const match = /^([1-9]\d{0,4})\.png$/.exec(c.req.param('name'));
    const source = archive.sourceFile(c.req.param('id'));
    if (!match || !source || source.format !== 'pdf') return page(c, notFound('No such page.'), 404);
    const n = Number(match[1]);
    if (source.pages !== null && n > source.pages) return page(c, notFound('No such page.'), 404);
    const png = await pdfPagePng(source.file, n);
    if (!png) return page(c, notFound('This page could not be rendered (is poppler-utils installed?).'), 404);
    return c.body(new Uint8Array(png), 200, { 'Content-Type': 'image/png', 'Cache-Control': 'max-age=3600' });
  });

  app.get('/people', (c) => page(c, peoplePage(archive)));
  app.get('/people/:name', (c) => {
    const people = archive.getPerson(c.req.param('name'), pageNumber(c));
    return people.length > 0 ? page(c, personPage(archive, people)) : page(c, notFound('No item names this person.'), 404);
  });
  app.get('/orgs', (c) => page(c, organisationsPage(archive)));
  app.get('/orgs/:name', (c) => {
    const org = archive.getOrganisation(c.req.param('name'), pageNumber(c));
    return org ? page(c, entityPage(archive, 'organisation', org)) : page(c, notFound('No item names this organisation.'), 404);
  });
  app.get('/places/:name', (c) => {
    const place = archive.getPlace(c.req.param('name'), pageNumber(c));
    return place ? page(c, entityPage(archive, 'place', place)) : page(c, notFound('No item names this place.'), 404);
  });
  app.get('/dates/:iso', (c) => {
    const iso = c.req.param('iso');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || !validDay(iso)) return page(c, notFound('Not a date (YYYY-MM-DD).'), 404);
    return page(c, datePage(archive, iso, pageNumber(c)));
  });

  app.get('/search', (c) => {
    const form: SearchForm = {};
    for (const [name] of SEARCH_FIELDS) {
      const value = c.req.query(name);
      if (value !== undefined && value.trim() !== '') form[name] = value;
    }
    if (Object.keys(form).length === 0) return page(c, searchPage(archive, form, null, null));
    if (c.req.query('all') === '1') form.all = '1';
    let filters: QueryFilters;
    try {
      const { all, limit, ...rest } = form;
      filters = parseFilters({ ...rest, limit: limit === undefined ? undefined : (limit as unknown as number) });
      if (all) filters.allRenditions = true;
    } catch (err) {
      // The CLI's messages name options (--from); here they name the form's fields.
      const message = (err as Error).message.replace(/--(\w+)/g, '$1');
      return page(c, searchPage(archive, form, { error: message }, null), 400);
    }
    return page(c, searchPage(archive, form, { result: archive.search(filters, pageNumber(c)) }, filters));
  });

  app.get('/warnings', (c) => page(c, warningsPage(archive, pageNumber(c))));

  app.notFound((c) => page(c, notFound('There is no page at this address.'), 404));
  app.onError(async (err, c) => {
    if (err instanceof ArchiveUnavailable) return c.html(await layout('Unavailable', html`<h1>Archive unavailable</h1><p>${err.message}</p>`), 503);
    return c.html(await layout('Error', html`<h1>Something went wrong</h1><p>${err.message}</p>`), 500);
  });
  return app;
}

function validDay(iso: string): boolean {
  try {
    return parseDateBound(iso, 'from') === iso;
  } catch {
    return false;
  }
}
