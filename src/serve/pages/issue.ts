/**
 * One issue: its items with every entity marked and linked (people with their titles on hover, bodies
 * with their canonical name, places, dates with their ISO value), the footer, the record's messages,
 * and the original file beside it in a sandboxed frame.
 */
import type { Archive, IssueDetail } from '../data.js';
import type { Item } from '../../record/schema.js';
import { segmentItem, type Segment } from '../highlight.js';
import { dateLink, dateRangeLinks, href, html, isoRange, layout, type Html } from '../html.js';
import { issueName } from './labels.js';

function mention(segment: Segment, bodies: Map<string, string>): Html | string {
  const m = segment.mention;
  if (!m) return segment.text;
  switch (m.kind) {
    case 'person':
      return html`<a class="ent person" href="${href.person(m.name)}" title="${m.titles.length > 0 ? m.titles.join('、') : 'no title in this item'}">${segment.text}</a>`;
    case 'organisation': {
      // Linked to its canonical body (区政协 → 西湖区政协), which the hover names.
      const body = bodies.get(m.name) ?? m.name;
      return html`<a class="ent organisation" href="${href.organisation(body)}" title="${body}">${segment.text}</a>`;
    }
    case 'place':
      return html`<a class="ent place" href="${href.place(m.name)}" title="place: ${m.name}">${segment.text}</a>`;
    case 'date':
      // A date whose year nothing tells has no day page to link to; it is still marked.
      if (m.start === null) return html`<span class="ent date" title="${isoRange(m)}">${segment.text}</span>`;
      return html`<a class="ent date" href="${href.date(m.start)}" title="${isoRange(m)}" data-iso="${m.start}">${segment.text}</a>`;
  }
}

function itemBlock(recordId: string, item: Item, seq: number, bodies: Map<string, string>, hasPages: boolean): Html {
  const segments = segmentItem(item);
  const page = item.provenance?.page ?? null;
  return html`<article class="item" id="item-${seq}">
  <div class="meta">
    <span class="seq">#${seq}</span>
    ${item.marker ? html`<span class="marker">${item.marker}</span>` : ''}
    ${item.date ? dateRangeLinks(item.date) : html`<span class="muted">undated</span>`}
    ${page !== null && hasPages ? html`· <a class="page" href="${href.original(recordId)}#page-${page}" target="original">page ${page}</a>` : ''}
  </div>
  ${item.headline ? html`<h3>${item.headline}</h3>` : ''}
  <p class="text">${segments.map((s) => mention(s, bodies))}</p>
</article>`;
}

export function issuePage(archive: Archive, detail: IssueDetail): Html {
  const { record, summary, bodies } = detail;
  const m = record.masthead;
  const name = issueName({ ...summary, id: record.id });
  const hasPages = record.source.format === 'pdf';
  // Items grouped under their section headings, in document order.
  const blocks: Html[] = [];
  let section: string | null | undefined;
  record.items.forEach((item, index) => {
    if (item.section !== section) {
      section = item.section;
      if (section) blocks.push(html`<h2 class="section">${section}</h2>`);
    }
    blocks.push(itemBlock(record.id, item, index + 1, bodies, hasPages));
  });
  const f = record.footer;
  const footerRow = (label: string, values: string[]) => (values.length > 0 ? html`<tr><th>${label}</th><td>${values.join('、')}</td></tr>` : '');
  const others = summary.renditions.filter((r) => r.id !== record.id);
  const messages = record.messages ?? [];
  return layout(
    name,
    html`<div class="issue-head">
  <h1>${name}</h1>
  <p>${m.title ?? ''} · ${dateLink(m.date)} ${m.totalIssue !== null ? html`· 总第${m.totalIssue}期` : ''} · <span class="muted">${record.source.format}: ${record.source.path}</span></p>
  ${others.length > 0 ? html`<p>Also as: ${others.map((r) => html`<a class="rendition" href="${href.issue(r.id)}">${r.format}</a>${r.id === summary.id ? ' (preferred)' : ''} `)}</p>` : ''}
  <p class="legend"><span class="ent person">person</span> <span class="ent organisation">organisation</span> <span class="ent place">place</span> <span class="ent date">date</span> <span class="muted">— hover for titles, canonical names and ISO dates</span></p>
</div>
<div class="split">
  <section class="items">
    ${blocks}
    ${
      messages.length > 0
        ? html`<h2>Messages</h2><ul class="messages">${messages.map(
            (msg) => html`<li class="${msg.severity}"><b>${msg.severity}</b> <code>${msg.code}</code> ${msg.message}${msg.page !== null ? ` (page ${msg.page})` : ''}</li>`,
          )}</ul>`
        : ''
    }
    <h2>Footer</h2>
    <table class="footer">
      ${footerRow('报', f.reportTo)}${footerRow('送', f.copyTo)}${footerRow('发', f.distributeTo)}
      ${footerRow('编辑', f.editors)}${footerRow('审核', f.reviewers)}
      ${f.phone ? html`<tr><th>电话</th><td>${f.phone}</td></tr>` : ''}${f.email ? html`<tr><th>邮箱</th><td>${f.email}</td></tr>` : ''}
      ${f.copies !== null ? html`<tr><th>共印</th><td>${f.copies}</td></tr>` : ''}
    </table>
  </section>
  <aside class="original">
    <p class="muted">Original (${record.source.format}) · <a href="${href.original(record.id)}" target="_blank" rel="noopener">open alone</a></p>
    <iframe name="original" title="original document" sandbox src="${href.original(record.id)}"></iframe>
  </aside>
</div>`,
    { wide: true },
  );
}
