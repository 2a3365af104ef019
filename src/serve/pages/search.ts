/** Search with the filters of `bulletin query`: a GET form, so a search is a link that can be shared. */
import type { Archive, ItemView, Paged, QueryFilters } from '../data.js';
import { href, html, itemList, layout, type Html } from '../html.js';
import { issueLabeller } from './labels.js';

export const SEARCH_FIELDS = [
  ['person', 'Person', 'exact name, e.g. 刘晓东'],
  ['title', 'Title', 'part of a title, e.g. 秘书长'],
  ['org', 'Organisation', 'part of a name, e.g. 统战部'],
  ['place', 'Place', 'part of a name, e.g. 青山区'],
  ['section', 'Section', 'part of a section title'],
  ['publisher', 'Publisher', 'part of the publisher or its body'],
  ['from', 'From', 'YYYY-MM-DD'],
  ['to', 'To', 'YYYY-MM-DD'],
  ['text', 'Text', 'words in the item text'],
  ['limit', 'Limit', 'at most N items'],
] as const;

export type SearchForm = Partial<Record<(typeof SEARCH_FIELDS)[number][0] | 'all', string>>;

export function searchPage(archive: Archive, form: SearchForm, outcome: { result: Paged<ItemView> } | { error: string } | null, filters: QueryFilters | null): Html {
  const fields = SEARCH_FIELDS.map(
    ([name, label, hint]) => html`<label>${label} <input name="${name}" value="${form[name] ?? ''}" placeholder="${hint}"></label>`,
  );
  let results: Html | string = '';
  if (outcome && 'error' in outcome) results = html`<p class="error" role="alert">${outcome.error}</p>`;
  else if (outcome) {
    const n = outcome.result.total;
    results = html`<p class="count">${n} item${n === 1 ? '' : 's'} ${describe(filters)}</p>
${itemList(outcome.result, (page) => href.search({ ...form, page }), issueLabeller(archive))}`;
  }
  return layout(
    'Search',
    html`<h1>Search</h1>
<form class="search" method="get" action="${href.search()}">
${fields}
<label class="check"><span><input type="checkbox" name="all" value="1"${form.all ? html` checked` : ''}> every file's item</span></label>
<button type="submit">Search</button>
</form>
<p class="muted">Filters combine with AND; a date window selects items whose date range overlaps it; an item found in several files of an issue is shown once, unless every file's item is asked for (the same as <code>bulletin query</code>).</p>
${results}`,
  );
}

function describe(filters: QueryFilters | null): string {
  if (!filters) return '';
  const parts = Object.entries(filters)
    .filter(([k, v]) => v !== undefined && k !== 'limit' && k !== 'offset')
    .map(([k, v]) => (k === 'allRenditions' ? "every file's item" : `${k} ${v}`));
  return parts.length > 0 ? `(${parts.join(', ')})` : '(no filter)';
}
