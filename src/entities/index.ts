/**
 * The entity pass: dates, people with their titles, organisations and places of every item of one issue.
 * Names are found from context (titles, enumerations, verbs of speech, 同志) and then recognised in bare
 * mentions across all items of the issue.
 */
import type { Config } from '../config.js';
import type { DateMention, NamedSpan, Person } from '../record/schema.js';
import { message, type Message } from '../types.js';
import { findBylines, type Byline } from './bylines.js';
import { createContext, type ItemContext } from './context.js';
import { findDates, firstExplicitYear, itemDate, sameDayAsPrevious, type ItemDateContext } from './dates.js';
import { getLexicons } from './lexicons.js';
import { findOrganisations, type Blocker } from './organisations.js';
import { collectPeople, EstablishedNames, findPersonMentions, type PersonMention } from './people.js';
import { findPlaces } from './places.js';
import type { TitleSpan } from './titles.js';

export { parseFullDate, type HeadingDate, type ItemDateContext } from './dates.js';
export { splitFooterNames } from './footer.js';

export interface ItemEntities {
  date: DateMention | null;
  dates: DateMention[];
  people: Person[];
  /** Reporters, photographers, compilers (bylines.ts): never among `people`. */
  bylines: Byline[];
  organisations: NamedSpan[];
  places: NamedSpan[];
  messages: Message[];
}

export interface EntityOptions {
  /** ISO issue date; month-days take its year. */
  issueDate: string | null;
  lexicons: Config['lexicons'];
  /** Year from the file's other evidence (src/segment/year-evidence.ts); by default the first full date's. */
  fallbackYear?: number | null;
  /**
   * Per item: its page's publish date (今日, 昨日, 当天 count from it; without an issue date its
   * month-days take its year) and the date its chronicle headings give it (`5日：` under `一月份`).
   */
  itemContexts?: ItemDateContext[];
}

interface ItemWork {
  ctx: ItemContext;
  dates: DateMention[];
  date: DateMention | null;
  messages: Message[];
  mentions: PersonMention[];
  titles: TitleSpan[];
  bylines: Byline[];
}

function blockerFor(ctx: ItemContext, people: Person[], titles: TitleSpan[]): Blocker {
  const stops = new Set<number>();
  const inside = new Array<boolean>(ctx.text.length).fill(false);
  const mark = (start: number, end: number) => {
    stops.add(end);
    for (let i = start; i < end; i++) inside[i] = true;
  };
  const personStarts = new Set<number>();
  const personEnds = new Set<number>();
  const personStartByEnd = new Map<number, number>();
  for (const p of people) {
    for (const [s, e] of p.spans) {
      mark(s, e);
      personStarts.add(s);
      personEnds.add(e);
      personStartByEnd.set(e, s);
    }
  }
  // a role noun (书法家, 人员) blocks a name only where it stands next to a person
  // (and a title with a body's suffix right after it and no one named there is a word of that body's name:
  // 侨界委员|联谊会, 人大代表|工作站)
  const opensSuffix = (t: TitleSpan) => !personStarts.has(t.end) && ctx.lex.orgSuffixTrie.longestAt(ctx.text, t.end) !== null;
  for (const t of titles) if ((!t.role || personStarts.has(t.end) || personEnds.has(t.headStart)) && !opensSuffix(t)) mark(t.headStart, t.end);
  return { stops, inside, personStartByEnd };
}

/** An item opening with a full date's year (`2004年1月9日，…`). */
const OPENING_YEAR = /^((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月/u;
/** How far before the issue's year an entry's year must lie to be a chronicle of the past, not last year's news. */
const MIN_PAST_YEARS = 2;

/**
 * One result per item text, in order. Texts are normalised item texts (paragraphs joined by '\n').
 * A name established in any item (with a title or strong context) is recognised in bare mentions in all.
 */
export function extractEntities(itemTexts: string[], options: EntityOptions): ItemEntities[] {
  const lex = getLexicons(options.lexicons);
  let fallbackYear: number | null = options.fallbackYear ?? null;
  if (!options.issueDate && options.fallbackYear === undefined) {
    for (const t of itemTexts) if ((fallbackYear = firstExplicitYear(t)) !== null) break;
  }
  // a chronicle of a year long past posted later (`2004年1月9日，…` / `1月14日，…` on a page of 2014): its month-days
  // are of the year its entries name, until an entry names another
  let pastYear: number | null = null;
  const work: ItemWork[] = itemTexts.map((text, k) => {
    const around = options.itemContexts?.[k];
    const pageDate = around?.pageDate ?? null;
    const issueDate = options.issueDate ?? pageDate;
    const opening = OPENING_YEAR.exec(text);
    if (opening && issueDate) pastYear = Number(opening[1]) <= Number(issueDate.slice(0, 4)) - MIN_PAST_YEARS ? Number(opening[1]) : null;
    const dateOptions =
      pastYear !== null
        ? { issueDate: null, fallbackYear: pastYear, pageDate }
        : { issueDate, fallbackYear: around?.year !== undefined ? around.year : fallbackYear, pageDate };
    const { dates, messages } = findDates(text, dateOptions);
    const ctx = createContext(text, lex, dates.map((d) => d.span[1]));
    const bylines = findBylines(text, lex);
    const { mentions, titles } = findPersonMentions(ctx, bylines);
    return { ctx, dates, date: itemDate(text, dates, around?.heading ?? null, dateOptions), messages, mentions, titles, bylines };
  });
  // 3日，… / 同日，…: an item dated only by the one before it
  work.forEach((w, k) => {
    if (!w.date && k > 0) w.date = sameDayAsPrevious(w.ctx.text, work[k - 1].date);
  });
  const established = new EstablishedNames(work.flatMap((w) => w.mentions.map((m) => m.name)));
  return work.map(({ ctx, dates, date, messages, mentions, titles, bylines }) => {
    const people = collectPeople(ctx, mentions, established, bylines);
    // a byline's name is no place or body either
    const bylineSpans = bylines.map((b) => ({ name: b.name, titles: [], spans: [b.span] }));
    const blocker = blockerFor(ctx, [...people, ...bylineSpans], titles);
    const itemMessages = [...messages];
    if (!date) itemMessages.push(message('warning', 'item-without-date', 'The item gives no day date', { offset: 0 }));
    const places = findPlaces(ctx, blocker);
    return {
      date,
      dates,
      people,
      bylines,
      organisations: findOrganisations(ctx, blocker, places),
      places,
      messages: itemMessages,
    };
  });
}
