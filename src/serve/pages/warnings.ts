/** Records whose messages include warnings or errors: what an archivist should check by hand. */
import type { Archive } from '../data.js';
import { dateLink, href, html, layout, pager, type Html } from '../html.js';
import { issueName } from './labels.js';

export function warningsPage(archive: Archive, page: number): Html {
  const list = archive.warnings(page);
  return layout(
    'Warnings',
    html`<h1>Records with warnings</h1>
<p class="muted">Warnings and errors; information messages are on each issue's page.</p>
${pager(list, (n) => href.warnings(n), 'records')}
${list.items.map(
  (e) => html`<section class="warning-record" id="${e.id}">
  <h2><a class="issue" href="${href.issue(e.id)}">${issueName(e)}</a> <span class="muted">${dateLink(e.date)} · ${e.sourcePath}</span></h2>
  <ul class="messages">${e.messages.map(
    (m) => html`<li class="${m.severity}"><b>${m.severity}</b> <code>${m.code}</code> ${m.message}${m.page !== null ? ` (page ${m.page})` : ''}</li>`,
  )}</ul>
</section>`,
)}
${pager(list, (n) => href.warnings(n), 'records')}`,
  );
}
