/**
 * Marker discovery for documents that use none of the configured markers. Publishers differ
 * (`● 6月3日…` items, `■ 协商议政` or `★重要活动★` titles), and an archive run with the default
 * config should still find their structure. Only glyphs from a fixed set of bullet shapes are
 * considered, and only when they are used the way markers are: several times, at line starts.
 * Configured markers always win: discovery runs only when they occur nowhere in the document.
 */
import { message, type Message } from '../types.js';
import { matchItemStart, matchSectionTitle, type Markers } from './classify.js';
import type { Line } from './lines.js';

const GLYPHS = ['◆', '◇', '●', '○', '▲', '△', '■', '□', '★', '☆', '◎', '◉', '►', '▶', '❖', '➢', '▪', '•', '〓', '◈'];
const MAX_TITLE = 20;
// Filled and hollow forms are used together (◆ main items, ◇ minor ones): once one is established,
// its partner needs only one occurrence.
const PARTNER: Record<string, string> = { '◆': '◇', '◇': '◆', '●': '○', '○': '●', '▲': '△', '△': '▲', '■': '□', '□': '■', '★': '☆', '☆': '★', '◎': '◉', '◉': '◎' };
// (a month with no day titles a part: `★ 6月工作纪事`)
const DATE_OR_SENTENCE = /^[\s\u3000]*(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}[日号]|[，。；]/u;
/**
 * Circled numbers (① 1月5日，…) number a chronicle's entries, but also enumerate points inside one item
 * (①加强学习；②…). They are item markers only when they open dated lines, at least two and most of theirs.
 */
const CIRCLED = [...'①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'];
const DATED_ENTRY = /^[\s\u3000]*(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?\d{1,2}[日号]/u;

/** `★园区共建★`: one ornament on both sides of a title of Han characters and nothing else. */
function isBareWrappedTitle(text: string, glyph: string): boolean {
  const inner = text.slice(glyph.length, text.length - glyph.length).trim();
  return inner.length >= 2 && /^\p{Script=Han}+$/u.test(inner);
}

export function discoverMarkers(lines: Line[], configured: Markers): { markers: Markers; messages: Message[] } {
  const messages: Message[] = [];
  const hasItems = lines.some((l) => matchItemStart(l, configured) !== null);
  const hasSections = lines.some((l) => matchSectionTitle(l.text, configured) !== null);
  const sections = [...configured.sections];
  const items = [...configured.items];

  if (!hasSections) {
    for (const g of GLYPHS) {
      // A glyph wrapping short titles on both sides: ★重要活动★, 〓工作动态〓.
      const wrapped = lines.filter((l) => l.text.length <= MAX_TITLE + 2 && l.text.startsWith(g) && l.text.endsWith(g) && l.text.length > 2);
      // (one is enough when it wraps a bare title of two characters or more over dated entries: ★园区共建★)
      const lone = wrapped.length === 1 && isBareWrappedTitle(wrapped[0].text, g) && DATED_ENTRY.test(lines[lines.indexOf(wrapped[0]) + 1]?.text ?? '');
      if (wrapped.length >= 2 || lone) {
        sections.push({ open: g, close: g });
        continue;
      }
      // A glyph opening short title lines without sentence punctuation: ■ 协商议政.
      const opened = lines.filter((l) => l.text.startsWith(g) && l.text.length <= MAX_TITLE && !DATE_OR_SENTENCE.test(l.text.slice(g.length)));
      const asItems = lines.filter((l) => l.text.startsWith(g) && DATE_OR_SENTENCE.test(l.text.slice(g.length)));
      if (opened.length >= 2 && asItems.length === 0) sections.push({ open: g, close: '' });
    }
  }
  if (!hasItems) {
    const sectionGlyphs = new Set(sections.map((s) => s.open));
    const counts = new Map<string, number>();
    for (const g of GLYPHS) {
      if (sectionGlyphs.has(g)) continue;
      counts.set(g, lines.filter((l) => l.text.startsWith(g) && l.text.length > MAX_TITLE / 2 && DATE_OR_SENTENCE.test(l.text.slice(g.length))).length);
    }
    for (const [g, n] of counts) {
      const partner = PARTNER[g];
      if (n >= 2 || (n === 1 && partner !== undefined && (counts.get(partner) ?? 0) >= 2)) items.push(g);
    }
    if (items.length === configured.items.length) {
      const circled = lines.filter((l) => CIRCLED.includes(l.text[0] ?? ''));
      const dated = circled.filter((l) => DATED_ENTRY.test(l.text.slice(1))).length;
      if (dated >= 2 && dated * 2 >= circled.length) items.push(...CIRCLED);
    }
  }
  const found = { sections: sections.slice(configured.sections.length), items: items.slice(configured.items.length) };
  if (found.sections.length || found.items.length) {
    const parts = [
      ...found.sections.map((s) => `section titles ${s.open}…${s.close}`),
      ...(found.items.some((g) => CIRCLED.includes(g)) ? ['items opened by circled numbers ①②③…'] : []),
      ...found.items.filter((g) => !CIRCLED.includes(g)).map((g) => `items opened by ${g}`),
    ];
    messages.push(message('info', 'markers-discovered', `None of the configured markers occur; recognised ${parts.join(', ')} (set markers in the config to make this explicit).`));
  }
  return { markers: { sections, items }, messages };
}
