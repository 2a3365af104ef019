/** People and organisations: the most-mentioned lists, a person's titles over time, a body's items. */
import type { Archive, EntityItems, PersonDetail, TopEntry } from '../data.js';
import { dateLink, href, html, itemList, layout, type Html } from '../html.js';
import { titleTimeline } from '../timeline.js';
import { issueLabeller } from './labels.js';

const TOP = 500;

function topTable(entries: TopEntry[], link: (name: string) => string, kind: string): Html {
  return html`<table class="list">
<thead><tr><th>${kind}</th><th class="num">Items</th><th>First</th><th>Last</th></tr></thead>
<tbody>${entries.map((e) => html`<tr><td><a href="${link(e.name)}">${e.name}</a></td><td class="num">${e.items}</td><td>${dateLink(e.first)}</td><td>${dateLink(e.last)}</td></tr>`)}</tbody>
</table>`;
}

export function peoplePage(archive: Archive): Html {
  const top = archive.topPeople(TOP);
  return layout('People', html`<h1>People</h1><p class="muted">The ${top.length} most-mentioned people.</p>${topTable(top, href.person, 'Person')}`);
}

export function organisationsPage(archive: Archive): Html {
  const top = archive.topOrganisations(TOP);
  return layout('Organisations', html`<h1>Organisations</h1><p class="muted">The ${top.length} most-mentioned bodies.</p>${topTable(top, href.organisation, 'Organisation')}`);
}

export function personPage(archive: Archive, person: PersonDetail): Html {
  const rows = person.titles.map(
    (t) => html`<tr><td><a href="${href.search({ person: person.name, title: t.title })}">${t.title}</a></td><td>${dateLink(t.first)}</td><td>${dateLink(t.last)}</td><td class="num">${t.items}</td></tr>`,
  );
  return layout(
    person.name,
    html`<h1 class="person-name">${person.name}</h1>
<h2>Titles over time</h2>
${titleTimeline(person.name, person.titles)}
${
  person.titles.length > 0
    ? html`<table class="list titles"><thead><tr><th>Title</th><th>First seen</th><th>Last seen</th><th class="num">Items</th></tr></thead><tbody>${rows}</tbody></table>`
    : html`<p class="muted">No title recorded with this name.</p>`
}
<h2>Items</h2>
${itemList(person.items, person.more, issueLabeller(archive))}`,
  );
}

export function entityPage(archive: Archive, kind: 'organisation' | 'place', entity: EntityItems): Html {
  const heading = kind === 'organisation' ? 'Organisation' : 'Place';
  return layout(
    entity.name,
    html`<p class="muted">${heading}</p>
<h1>${entity.name}</h1>
${entity.canonical !== entity.name ? html`<p>Canonical name: <a href="${href.organisation(entity.canonical)}">${entity.canonical}</a></p>` : ''}
<p><a href="${href.search(kind === 'organisation' ? { org: entity.name } : { place: entity.name })}">Search items mentioning “${entity.name}”</a> (names containing it too)</p>
<h2>Items</h2>
${itemList(entity.items, entity.more, issueLabeller(archive))}`,
  );
}

export function datePage(archive: Archive, iso: string): Html {
  const { items, more, issues } = archive.getDate(iso);
  return layout(
    iso,
    html`<p class="muted">Date</p>
<h1>${iso}</h1>
${issues.length > 0 ? html`<p>Issues of this day: ${issues.map((i) => html`<a class="issue" href="${href.issue(i.id)}">${i.publisher ?? i.id}${i.issue !== null ? ` 第${i.issue}期` : ''}</a> `)}</p>` : ''}
<h2>Items on this day</h2>
${itemList(items, more, issueLabeller(archive))}`,
  );
}
