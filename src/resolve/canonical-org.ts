/**
 * Resolving organisation names (and titles that start with one) to one canonical body, using the
 * bulletin's masthead publisher for what the text leaves implicit: in a bulletin of
 * 政协杭州市西湖区委员会, a bare 区政协 is 西湖区政协 and 市委 is 杭州市委. Full forms and short forms of
 * one body come out alike (政协西湖区委员会 ≡ 西湖区政协, 中共杭州市委员会 ≡ 杭州市委, 西湖区人民政府 ≡
 * 西湖区政府); democratic-party committees keep their party and level (民盟市委会 in a 民盟杭州市委会
 * bulletin is 民盟杭州市委, 民盟中央 stays 民盟中央).
 *
 * Pure string rules over what the entity pass found: this module never finds organisations itself.
 * The canonical form names a body by its deepest place only (杭州市西湖区政协 → 西湖区政协), as people
 * do; a relative name whose place the publisher does not give stays unresolved (null).
 */

/** Democratic parties (and the 社 of 九三学社 used alone, as in 社市委). */
const PARTIES = ['民革', '民盟', '民建', '民进', '农工党', '致公党', '九三学社', '台盟'] as const;
const PARTY_PATTERN = PARTIES.join('|');

/** Place suffixes, longest first; the level says which bare prefix (市, 区…) refers to the place. */
const PLACE_SUFFIXES: readonly [suffix: string, level: string][] = [
  ['自治区', '自治区'], ['自治州', '州'], ['自治县', '县'], ['地区', '地区'],
  ['省', '省'], ['市', '市'], ['州', '州'], ['盟', '盟'], ['区', '区'], ['县', '县'], ['旗', '旗'],
];
const SUFFIX_ALTERNATION = PLACE_SUFFIXES.map(([s]) => s).join('|');
/** One place at the start of a string: two to seven characters and a suffix (县 may follow one). */
const LEADING_PLACE = new RegExp(`^(?:[\\u4e00-\\u9fff]{2,7}?(?:${SUFFIX_ALTERNATION})|[\\u4e00-\\u9fff]县)`, 'u');
/** Parts of a town that end like a place (老城区, 小城市, 辖区, 社区), and words a place never starts with. */
const NOT_PLACE = /^[老主旧中全本该][城市]区$|^[大中小]城市$|^.?(?:社|园|校|景|矿|港|辖|街|片)区$|^(?:中央|全国|各|本|我|该|全|政协|中共)/u;

/** Bodies a bare level prefix (市, 区…) may stand before: 市政协, 区委, 县政府, 市委统战部, 区教育局. */
const RELATIVE_BODY = /^(?:政协|委(?!员)|人大|人民政府|政府|纪委|监委|工商联|总工会|妇联|团委|法院|人民法院|检察院|人民检察院|[\u4e00-\u9fff]{1,8}?(?:局|委员会|办公室|办|部))/u;
/** A bare level prefix that starts an ordinary word rather than a body (市场, 区域, 县级…). */
const NOT_RELATIVE = /^(?:市场|区域|县域|县级|市级|区级|省级|市民|市区|市县|区县|省市|州府)/u;

/** Offices that, written bare in a body's own bulletin, are that body's (副主席 in a 政协 bulletin). */
const CPPCC_OFFICES = /^(?:常务)?副?(?:主席|秘书长)$|^(?:常委|委员)$/u;
const PARTY_OFFICES = /^(?:专职|驻会|常务)?副?主委$/u;

export interface Place {
  name: string;
  level: string;
}

export interface PublisherContext {
  /** The publisher's places, outermost first (杭州市, 西湖区). */
  places: Place[];
  /** The publisher's own body in canonical form (西湖区政协, 民盟杭州市委), or null. */
  body: string | null;
  /** The democratic party that publishes, if any. */
  party: string | null;
}

const EMPTY_CONTEXT: PublisherContext = { places: [], body: null, party: null };

function levelOf(place: string): string {
  for (const [suffix, level] of PLACE_SUFFIXES) if (place.endsWith(suffix)) return level;
  return '';
}

/** Splits leading places off a name: 杭州市西湖区政协 → [杭州市, 西湖区], 政协. */
export function leadingPlaces(text: string, wholeAllowed = false): { places: Place[]; rest: string } {
  const places: Place[] = [];
  let rest = text;
  for (;;) {
    const match = LEADING_PLACE.exec(rest);
    if (!match || NOT_PLACE.test(match[0])) break;
    const after = rest.slice(match[0].length);
    // A place must be followed by something (a body) and must not swallow a body word (市委 of 中共杭州市委).
    if (after.length === 0 && !wholeAllowed) break;
    places.push({ name: match[0], level: levelOf(match[0]) });
    rest = after;
  }
  return { places, rest };
}

/** True when the text is nothing but places (杭州市西湖区). */
function isPlaceChain(text: string): boolean {
  const { places, rest } = leadingPlaces(text, true);
  return places.length > 0 && rest === '';
}

function squash(text: string): string {
  return text.replace(/\s+/gu, '');
}

/**
 * Rewrites full forms into the short canonical form, places as written (all levels kept; the caller
 * keeps the deepest): 政协X委员会… → X政协…, 中共X委员会… → X委…, X人民政府 → X政府, 民盟X委员会/委会 → 民盟X委.
 */
function shortForm(name: string): string {
  let m = /^(?:中国人民政治协商会议|政协)(.+?)委员会(.*)$/u.exec(name);
  if (m && isPlaceChain(m[1])) return `${m[1]}政协${m[2]}`;
  m = /^(?:中国共产党|中共)(.+?)(?:委员会|委)(.*)$/u.exec(name);
  if (m && isPlaceChain(m[1])) return `${m[1]}委${m[2]}`;
  m = new RegExp(`^(${PARTY_PATTERN})(.+?)(?:委员会|委会|委)(.*)$`, 'u').exec(name);
  if (m && isPlaceChain(m[2])) return `${m[1]}${m[2]}委${m[3]}`;
  const { places, rest } = leadingPlaces(name);
  if (places.length > 0) {
    const prefix = places.map((p) => p.name).join('');
    if (rest.startsWith('人民政府')) return `${prefix}政府${rest.slice(4)}`;
    if (rest.startsWith('委员会')) return `${prefix}委${rest.slice(3)}`;
  }
  return name;
}

/** Bodies named by their place alone (西湖区政协, not 杭州市西湖区政协): the organs of each level. */
const PLACE_ORGAN = /^(?:政协|委(?!员)|人大|政府|纪委|监委|工商联|总工会|妇联|团委)/u;

/**
 * Keeps only the deepest place of a leading place chain for the organs of a level and the
 * democratic parties' committees (杭州市西湖区政协 → 西湖区政协); other bodies keep their full name
 * (武汉市江汉区优抚医院), which is how they are told apart.
 */
function deepestPlaceOnly(name: string, party: string | null): string {
  const head = party ?? '';
  const { places, rest } = leadingPlaces(name.slice(head.length));
  if (places.length < 2 || (!party && !PLACE_ORGAN.test(rest))) return name;
  return `${head}${places[places.length - 1].name}${rest}`;
}

function placeAtLevel(ctx: PublisherContext, level: string): Place | null {
  for (let k = ctx.places.length - 1; k >= 0; k--) if (ctx.places[k].level === level) return ctx.places[k];
  return null;
}

const RELATIVE_LEVELS = ['自治区', '地区', '省', '市', '州', '盟', '区', '县', '旗'];

/** 区政协 → 西湖区政协 (the publisher's place of that level); null when the name is not relative. */
function resolveRelative(name: string, ctx: PublisherContext): string | null | undefined {
  for (const level of RELATIVE_LEVELS) {
    if (!name.startsWith(level)) continue;
    const rest = name.slice(level.length);
    if (NOT_RELATIVE.test(name) || !RELATIVE_BODY.test(rest)) return undefined;
    const place = placeAtLevel(ctx, level);
    return place ? `${place.name}${rest}` : null;
  }
  return undefined;
}

function partyOf(name: string): string | null {
  for (const party of PARTIES) if (name.startsWith(party)) return party;
  return null;
}

/**
 * The canonical body an organisation name stands for in a bulletin of this publisher; null when the
 * name is relative (区政协) and the publisher does not say which place it is. Names with nothing to
 * resolve come back in their short form, unchanged when already short.
 */
export function canonicalOrganisation(written: string, ctx: PublisherContext = EMPTY_CONTEXT): string | null {
  const name = squash(written);
  if (name === '') return null;
  const party = partyOf(name);
  if (party) {
    const after = name.slice(party.length);
    // 民盟市委会 → 民盟 + the publisher's 市 + 委: the party keeps the level written.
    const relative = resolveRelative(after.replace(/^(.)委(?:员)?会/u, '$1委'), ctx);
    if (relative !== undefined) return relative === null ? null : `${party}${relative}`;
    return deepestPlaceOnly(shortForm(name), party);
  }
  // 社市委 is 九三学社's committee (its members call it 社); 市委会 in a democratic party's own
  // bulletin is that party's committee.
  if (/^社.委/u.test(name) && (ctx.party === null || ctx.party === '九三学社')) {
    const level = name[1];
    const place = placeAtLevel(ctx, level);
    return place ? `九三学社${place.name}委${name.slice(3)}` : null;
  }
  if (ctx.party) {
    const own = /^社?(.)委会(.*)$|^社(.)委(.*)$/u.exec(name);
    if (own) {
      const level = own[1] ?? own[3];
      const place = placeAtLevel(ctx, level);
      return place ? `${ctx.party}${place.name}委${own[2] ?? own[4]}` : null;
    }
  }
  const relative = resolveRelative(name, ctx);
  if (relative !== undefined) return relative === null ? null : deepestPlaceOnly(relative, null);
  return deepestPlaceOnly(shortForm(name), null);
}

/** What a publisher string says about the place and body that issue the bulletin. */
export function publisherContext(publisher: string | null): PublisherContext {
  if (!publisher) return EMPTY_CONTEXT;
  // The office that edits it, or (for a title) the bulletin's name, is not part of the body.
  const name = squash(publisher)
    .replace(/(?:社务|工作)?(?:动态|简报|信息|周报|通讯|专报|快报|月报|简讯|要情)$/u, '')
    .replace(/(?:办公室|办公厅|秘书处|机关|宣传部|信息中心)$/u, '');
  const party = partyOf(name);
  const short = shortForm(name);
  const { places } = leadingPlaces(short.slice(party?.length ?? 0));
  if (places.length === 0) return { places: [], body: null, party };
  return { places, body: deepestPlaceOnly(short, party), party };
}

/**
 * One spelling for one title in one body's bulletins: 市政协副主席 and a bare 副主席 in a bulletin of
 * 包头市政协 are both 包头市政协副主席. Titles naming another body keep it (九三学社中央主席).
 */
export function canonicalTitle(title: string, ctx: PublisherContext = EMPTY_CONTEXT): string {
  const written = squash(title);
  if (ctx.body) {
    const own = ctx.party ? PARTY_OFFICES : /政协$/u.test(ctx.body) ? CPPCC_OFFICES : null;
    if (own?.test(written)) return `${ctx.body}${written}`;
  }
  return canonicalOrganisation(written, ctx) ?? written;
}

/** Items that must name a body for it to be taken as the bulletin's own when the masthead is silent. */
const MIN_BODY_MENTIONS = 2;

export interface MastheadLike {
  publisher: string | null;
  title: string | null;
}

/**
 * What a bulletin says about its own place and body: the masthead publisher's, else the title's
 * (政协西湖区委员会 工作动态), else — for a page without a masthead — the CPPCC body the items name most
 * often with its place (a 政协 bulletin names its own body more than any other), when named in at
 * least two items and more often than any other (one mention is too easily a misread phrase).
 * `organisations` are the names the entity pass found, each item's names once.
 */
export function documentContext(masthead: MastheadLike, organisations: readonly string[] = []): PublisherContext {
  for (const source of [masthead.publisher, masthead.title]) {
    const context = publisherContext(source);
    if (context.body) return context;
  }
  const counts = new Map<string, number>();
  for (const name of organisations) {
    const body = canonicalOrganisation(name);
    if (body && /政协$/u.test(body) && leadingPlaces(body).places.length > 0) counts.set(body, (counts.get(body) ?? 0) + 1);
  }
  const [best, second] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const clear = best !== undefined && best[1] >= MIN_BODY_MENTIONS && (second === undefined || second[1] < best[1]);
  return clear ? publisherContext(best[0]) : publisherContext(masthead.publisher);
}

/**
 * The body people in a bulletin are counted under: the bulletin's own body (`documentContext`), else
 * the publisher (or the title) as written. One name in two scopes is two people until titles tie them.
 */
export function publisherScope(masthead: MastheadLike, organisations: readonly string[] = []): string {
  const body = documentContext(masthead, organisations).body;
  if (body) return body;
  const written = squash(masthead.publisher ?? masthead.title ?? '');
  return written || '(unknown publisher)';
}

/** The key an organisation is counted under: its canonical body, or the name qualified by the scope. */
export function organisationBody(name: string, canonical: string | null, scope: string): string {
  return canonical ?? `${squash(name)}（${scope}）`;
}
