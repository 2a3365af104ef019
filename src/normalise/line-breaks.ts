/**
 * Re-joins paragraphs that extraction or conversion cut in mid-sentence: PDF visual lines, page
 * breaks in converted text (`…时` / blank / `刻绷紧…`), hard-wrapped plain text. A break is repaired
 * when the first part does not end a sentence, is long enough not to be a headline, and the second
 * part does not open a structure (section, item, footer, heading).
 */
import type { Line } from '../segment/lines.js';
import { endsSentence } from '../segment/classify.js';

/** Display width: Han and full-width forms count 2, ASCII 1 (wrap widths are visual). */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2014\u2018-\u201F\u2026\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u.test(ch) ? 2 : 1;
  return w;
}

/**
 * The wrap width of hard-wrapped text: when many lines share one (maximal) display width, lines of
 * that width were cut by the wrap, not by the author. Returns null for text with one line per paragraph.
 */
export function detectWrapWidth(lines: Line[]): number | null {
  const widths = lines.filter((l) => l.kind === 'paragraph').map((l) => displayWidth(l.text)).filter((w) => w >= 30).sort((a, b) => a - b);
  if (widths.length < 6) return null;
  // Wrapped lines fill the measure give or take a few characters (punctuation and digits are
  // narrower), so look for a crowd of lines just under the widest ones.
  const top = widths[Math.floor(widths.length * 0.9)];
  const near = widths.filter((w) => w >= top - WRAP_TOLERANCE && w <= top + 2).length;
  return near >= Math.max(4, widths.length * 0.4) ? top : null;
}

/** How far (in half-width columns) a wrapped line may fall short of the measure. */
const WRAP_TOLERANCE = 8;

/** Headlines and bylines are shorter than this; a longer unpunctuated line is a cut paragraph. */
const MAX_HEADLINE_LENGTH = 40;
/**
 * A news report's lead (`本报讯`, `新华社北京2月27日电`, `中国网3月3日讯`, `（记者 李某）`): it opens the story, so the
 * unpunctuated line before it, however long, is the story's title, not a paragraph cut short.
 */
const NEWS_LEAD = /^(?:本报讯|本刊讯|[\p{Script=Han}·]{1,12}?(?:网|社|报|台|在线|客户端)[\p{Script=Han}·]{0,8}?(?:\d{1,2}月\d{1,2}日)?(?:讯|电|消息)|[（(][\p{Script=Han}\s]{0,16}?(?:记者|通讯员))/u;
/** A line opening as a dated entry does: `3月28日，`, `20日上午，`. */
const DATED_ENTRY = /^(?:\d{1,2}月)?\d{1,2}[日号](?:上午|下午|晚上|晚间)?[，,]/u;
const LATIN_END = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9]/;

export interface StructureTests {
  /** The line opens a section, item, heading or footer: it never continues the line before it. */
  opensStructure: (line: Line) => boolean;
  /** The line opens an item: its text runs on, so a short first line may still be cut short. */
  opensItem: (line: Line) => boolean;
  /** The line is a title (section, heading): it never takes the next line in. */
  isTitle: (line: Line) => boolean;
}

export function repairLineBreaks(lines: Line[], { opensStructure, opensItem, isTitle }: StructureTests): Line[] {
  const wrap = detectWrapWidth(lines);
  const out: Line[] = [];
  // Width of the last physical line of the paragraph being built (for wrapped text).
  let lastPieceWidth = 0;
  lines.forEach((line, i) => {
    const prev = out[out.length - 1];
    // (a short line printed twice is a page's title, or a caption: never the end of the sentence above)
    // (nor is a short line with no clause mark over a news lead: the next page's headline)
    const short = line.text.length <= MAX_HEADLINE_LENGTH;
    const printedTwice = short && lines[i + 1]?.text.trim() === line.text.trim();
    const overLead = short && !/[，,。！？；;：:]/u.test(line.text) && NEWS_LEAD.test(lines[i + 1]?.text ?? '');
    // (nor a short line with no clause mark right over the frame of the next page, its publish line: its title)
    const overFrame = short && !/[，,。！？；;：:]/u.test(line.text) && lines[i + 1]?.pageStart !== undefined;
    if (prev && line.pageStart === undefined && !pageTitle(prev) && !printedTwice && !overLead && !overFrame && canContinue(prev, line) && !isTitle(prev) && !opensStructure(line) && !NEWS_LEAD.test(line.text) && isCutShort(prev, lastPieceWidth, wrap, opensItem, line)) {
      const glue = LATIN_END.test(prev.text) && LATIN_START.test(line.text) ? ' ' : '';
      out[out.length - 1] = { ...prev, text: prev.text + glue + line.text, raw: `${prev.raw}${glue}${line.raw}` };
    } else {
      out.push(line);
    }
    lastPieceWidth = displayWidth(line.text);
  });
  return out;
}

/** A page's first line, short: its title (携手共进，喜迎新年), which the page's text never continues. */
const pageTitle = (line: Line) => line.pageStart !== undefined && line.text.length <= MAX_HEADLINE_LENGTH;

function canContinue(prev: Line, next: Line): boolean {
  return (prev.kind === 'paragraph' || prev.kind === 'listItem') && next.kind === 'paragraph' && !prev.bold && !next.bold;
}

function isCutShort(prev: Line, lastPieceWidth: number, wrap: number | null, opensItem: (l: Line) => boolean, next: Line): boolean {
  // (an ellipsis typed as dots, `…主席齐......`, ends a teaser cut off as …… does)
  if (endsSentence(prev.text) || /\.{3,}$/.test(prev.text)) return false;
  const wrapped = wrap !== null && lastPieceWidth >= wrap - WRAP_TOLERANCE;
  // `…参加学习活动` / `2月20日，市政协党组会议召开…`: an entry that forgot its full stop, then the next dated entry
  // (unless the text is hard-wrapped and the line reaches the measure)
  if (DATED_ENTRY.test(next.text) && !wrapped) return false;
  // A bracket left open (`消息（记者` / `王浩）8月12日，…`) closes on the next line.
  if (unclosedBracket(prev.text)) return true;
  // Hard-wrapped text: a line that reaches the measure was cut by the wrap.
  if (wrap !== null && lastPieceWidth >= wrap - WRAP_TOLERANCE) return true;
  // Without a sentence end, a line is still a headline (up to 40 characters) or a byline
  // (`区政协委员、某大学副教授某某`) unless it is visibly inside a sentence: it carries a comma, ends
  // on a clause mark, or opens an item.
  // (two short lines neither of which ends a sentence are captions or titles, not one sentence cut in two:
  // `某某副主席走访委员某某，察看基层组织建设` / `委员某某在座谈会上发言` — unless the text is hard-wrapped, where
  // a sentence runs over several short lines)
  const completes = wrap !== null || endsSentence(next.text) || /[。！？，,]/u.test(next.text) || next.text.length > MAX_HEADLINE_LENGTH;
  return prev.text.length > MAX_HEADLINE_LENGTH || (completes && /[，,；;]/.test(prev.text)) || /[、—]$/.test(prev.text) || opensItem(prev);
}

function unclosedBracket(text: string): boolean {
  return (text.match(/[（(]/g)?.length ?? 0) > (text.match(/[)）]/g)?.length ?? 0);
}
