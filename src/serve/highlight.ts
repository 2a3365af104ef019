/**
 * Cuts an item's text into plain runs and entity mentions, from the spans the entity pass recorded,
 * so a page can mark each mention up. Pure: no HTML here (pages escape when they render).
 */
import type { Item } from '../record/schema.js';

export type Mention =
  | { kind: 'person'; name: string; titles: string[] }
  | { kind: 'organisation'; name: string }
  | { kind: 'place'; name: string }
  /** start and end are null when nothing tells the year (then month and day still say the day). */
  | { kind: 'date'; start: string | null; end: string | null; partOfDay: 'am' | 'pm' | 'evening' | null; month: number | null; day: number | null };

export interface Segment {
  text: string;
  mention: Mention | null;
}

interface Span {
  start: number;
  end: number;
  mention: Mention;
  /** Lower wins when spans overlap at one start: people, then dates, organisations, places. */
  rank: number;
}

/**
 * The item's text as segments in order; concatenating their texts gives the text back. Spans that are
 * out of range or overlap an earlier (or at one start, a longer) span are left out, never cut.
 */
export function segmentItem(item: Pick<Item, 'text' | 'date' | 'dates' | 'people' | 'organisations' | 'places'>): Segment[] {
  const text = item.text;
  const spans: Span[] = [];
  const add = (span: readonly [number, number] | undefined, mention: Mention, rank: number) => {
    if (!span) return;
    const [start, end] = span;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) return;
    spans.push({ start, end, mention, rank });
  };
  for (const p of item.people ?? []) for (const s of p.spans ?? []) add(s, { kind: 'person', name: p.name, titles: p.titles ?? [] }, 0);
  const dates = [...(item.date ? [item.date] : []), ...(item.dates ?? [])];
  for (const d of dates) add(d.span, { kind: 'date', start: d.start, end: d.end, partOfDay: d.partOfDay ?? null, month: d.month ?? null, day: d.day ?? null }, 1);
  for (const o of item.organisations ?? []) for (const s of o.spans ?? []) add(s, { kind: 'organisation', name: o.name }, 2);
  for (const p of item.places ?? []) for (const s of p.spans ?? []) add(s, { kind: 'place', name: p.name }, 3);
  spans.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);

  const segments: Segment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue; // overlaps one already taken (also a date given twice)
    if (span.start > at) segments.push({ text: text.slice(at, span.start), mention: null });
    segments.push({ text: text.slice(span.start, span.end), mention: span.mention });
    at = span.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), mention: null });
  return segments;
}
