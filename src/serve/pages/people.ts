/** People, organisations, places and dates: the most-mentioned lists and each one's page. */
import { TOP_LIST, type Archive, type EntityItems, type PersonTimelineView, type TopEntry } from '../data.js';
import { dateLink, href, html, itemList, layout, type Html } from '../html.js';
import { titleTimeline } from '../timeline.js';
import { issueLabeller } from './labels.js';

function topTable(entries: TopEntry[], link: (name: string) => string, kind: string, extra: { head: string; cell: (e: TopEntry) => string }): Html {
  return html`<table class="list">
<thead><tr><th>${kind}</th><th>${extra.head}</th><th class="num">Items</th><th>First</th><th>Last</th></tr></thead>
<tbody>${entries.map(
    (e) => html`<tr><td><a href="${link(e.name)}">${e.name}</a></td><td>${extra.cell(e)}</td><td class="num">${e.items}</td><td>${dateLink(e.first)}</td><td>${dateLink(e.last)}</td></tr>`,
  )}</tbody>
</table>`;
}

export function peoplePage(archive: Archive): Html {
  const top = archive.topPeople(TOP_LIST);
  return layout(
    'People',
    html`<h1>People</h1><p class="muted">The ${top.length} most-mentioned people; one name in two offices' bulletins is two people.</p>
${topTable(top, (name) => href.person(name), 'Person', { head: 'Counted under', cell: (e) => e.publisher ?? '' })}`,
  );
}

export function organisationsPage(archive: Archive): Html {
  const top = archive.topOrganisations(TOP_LIST);
  return layout(
    'Organisations',
    html`<h1>Organisations</h1><p class="muted">The ${top.length} most-mentioned bodies, by canonical name.</p>
${topTable(top, (name) => href.organisation(name), 'Body', { head: 'Written as', cell: (e) => (e.variants ?? []).join('、') })}`,
  );
}

function timelineSection(archive: Archive, person: PersonTimelineView, many: boolean): Html {
  const rows = person.titles.map(
    (t) => html`<tr><td><a href="${href.search({ person: person.name, title: t.title })}">${t.title}</a></td><td>${t.written.filter((w) => w !== t.title).join('、')}</td><td>${dateLink(t.first)}</td><td>${dateLink(t.last)}</td><td class="num">${t.items}</td></tr>`,
  );
  return html`<section class="person-scope">
${many ? html`<h2>In the bulletins of ${person.publisher}</h2>` : html`<p class="muted">In the bulletins of ${person.publisher}</p>`}
<h3>Titles over time</h3>
${titleTimeline(person.name, person.titles)}
${
  person.titles.length > 0
    ? html`<table class="list titles"><thead><tr><th>Title</th><th>Also written</th><th>First seen</th><th>Last seen</th><th class="num">Items</th></tr></thead><tbody>${rows}</tbody></table>`
    : html`<p class="muted">No title recorded with this name.</p>`
}
<h3>Items</h3>
${itemList(person.items, (n) => href.person(person.name, n), issueLabeller(archive))}
</section>`;
}

export function personPage(archive: Archive, people: PersonTimelineView[]): Html {
  const name = people[0].name;
  return layout(
    name,
    html`<h1 class="person-name">${name}</h1>
${people.length > 1 ? html`<p>${people.length} people of this name, by the office whose bulletins name them.</p>` : ''}
${people.map((p) => timelineSection(archive, p, people.length > 1))}`,
  );
}

export function entityPage(archive: Archive, kind: 'organisation' | 'place', entity: EntityItems): Html {
  const heading = kind === 'organisation' ? 'Organisation' : 'Place';
  const pageHref = (n: number) => (kind === 'organisation' ? href.organisation(entity.name, n) : href.place(entity.name, n));
  const written = entity.variants.filter((v) => v !== entity.name);
  return layout(
    entity.name,
    html`<p class="muted">${heading}</p>
<h1>${entity.name}</h1>
${written.length > 0 ? html`<p>Written as: ${written.join('、')}</p>` : ''}
<p><a href="${href.search(kind === 'organisation' ? { org: entity.name } : { place: entity.name })}">Search items mentioning “${entity.name}”</a> (names containing it too)</p>
<h2>Items</h2>
${itemList(entity.items, pageHref, issueLabeller(archive))}`,
  );
}

export function datePage(archive: Archive, iso: string, page: number): Html {
  const { items, issues } = archive.getDate(iso, page);
  return layout(
    iso,
    html`<p class="muted">Date</p>
<h1>${iso}</h1>
${issues.length > 0 ? html`<p>Issues of this day: ${issues.map((i) => html`<a class="issue" href="${href.issue(i.id)}">${i.publisher ?? i.id}${i.issue !== null ? ` 第${i.issue}期` : ''}</a> `)}</p>` : ''}
<h2>Items on this day</h2>
${itemList(items, (n) => href.date(iso, n), issueLabeller(archive))}`,
  );
}
