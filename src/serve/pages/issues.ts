/** The home page: every issue (one row per issue, its renditions beside it). */
import type { Archive } from '../data.js';
import { dateLink, href, html, layout, pager, type Html } from '../html.js';

export function issuesPage(archive: Archive, page: number): Html {
  const issues = archive.listIssues(page);
  const counts = archive.counts();
  const rows = issues.items.map(
    (i) => html`<tr>
  <td>${i.publisher ?? html`<span class="muted">—</span>`}</td>
  <td>${dateLink(i.date)}</td>
  <td><a class="issue" href="${href.issue(i.id)}">${i.issue !== null ? `第${i.issue}期` : i.title ?? i.id}</a>${i.year !== null ? html` <span class="muted">${i.year}</span>` : ''}</td>
  <td>${i.title ?? ''}</td>
  <td class="num">${i.items}</td>
  <td class="num">${i.warnings > 0 ? html`<a class="warn" href="${href.warnings(archive.warningsPageOf(i.id), i.id)}">${i.warnings}</a>` : '0'}</td>
  <td>${i.renditions.map((r) => html`<a class="rendition" href="${href.issue(r.id)}">${r.format}</a> `)}</td>
</tr>`,
  );
  return layout(
    'Issues',
    html`<h1>Issues</h1>
<p class="muted">${plural(counts.issues, 'issue')} in ${plural(counts.records, 'file')}, ${plural(counts.items, 'item')}.</p>
<table class="list issues">
<thead><tr><th>Publisher</th><th>Date</th><th>Issue</th><th>Title</th><th class="num">Items</th><th class="num">Warnings</th><th>Files</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${pager(issues, href.home, 'issues')}`,
  );
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
