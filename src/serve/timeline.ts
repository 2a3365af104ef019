/**
 * A person's titles over time as an inline SVG: one row per title, a bar from the first to the last
 * date it is seen, year ticks below. Drawn on the server, so the page needs no script.
 */
import { html, href, type Html } from './html.js';
import type { TitleSpan } from './data.js';

const WIDTH = 760;
const LABEL = 220;
const ROW = 26;
const AXIS = 28;

function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

export function titleTimeline(person: string, titles: TitleSpan[]): Html {
  const dated = titles.filter((t): t is TitleSpan & { first: string; last: string } => t.first !== null && t.last !== null);
  if (dated.length === 0) return html`<p class="muted">No dated titles to draw.</p>`;
  const min = Math.min(...dated.map((t) => dayNumber(t.first)));
  const max = Math.max(...dated.map((t) => dayNumber(t.last)));
  // A margin of a month each side, so a single day still shows as a bar with room around it.
  const from = min - 30;
  const to = max + 30;
  const x = (iso: string) => LABEL + ((dayNumber(iso) - from) / (to - from)) * (WIDTH - LABEL - 10);
  const height = dated.length * ROW + AXIS;
  const firstYear = new Date(from * 86_400_000).getUTCFullYear() + 1;
  const lastYear = new Date(to * 86_400_000).getUTCFullYear();
  const step = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 10));
  const ticks: number[] = [];
  for (let y = firstYear; y <= lastYear; y += step) ticks.push(y);
  const rows = dated.map((t, n) => {
    const y = n * ROW;
    const x1 = x(t.first);
    const w = Math.max(6, x(t.last) - x1);
    const range = t.first === t.last ? t.first : `${t.first} – ${t.last}`;
    return html`<g class="row">
  <text x="${LABEL - 8}" y="${y + 17}" text-anchor="end">${t.title}</text>
  <a href="${href.search({ person, title: t.title })}"><rect class="bar" x="${x1.toFixed(1)}" y="${y + 5}" width="${w.toFixed(1)}" height="${ROW - 10}" rx="3"><title>${t.title}: ${range}, ${t.items} item${t.items === 1 ? '' : 's'}</title></rect></a>
</g>`;
  });
  const axisY = dated.length * ROW + 4;
  const tickMarks = ticks.map((year) => {
    const tx = x(`${year}-01-01`);
    return html`<line x1="${tx.toFixed(1)}" x2="${tx.toFixed(1)}" y1="0" y2="${axisY}" class="tick"/><text x="${tx.toFixed(1)}" y="${axisY + 16}" text-anchor="middle" class="year">${year}</text>`;
  });
  return html`<svg class="timeline" role="img" aria-label="titles over time" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">
${tickMarks}
${rows}
</svg>`;
}
