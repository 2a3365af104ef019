/**
 * Recognising structural lines: section titles by their configured markers, items by their glyph
 * (typed or from Word list numbering), footer lines by their labels. Pure functions of one line.
 */
import type { Config } from '../config.js';
import type { Line } from './lines.js';

export type Markers = Config['markers'];

export interface SectionMatch {
  title: string;
  /** Index of the marker style in the config list: a second style seen later may mark a nested level. */
  style: number;
}

const TERMINAL = /[。！？!?；;，,]$/;
const MAX_SECTION_TITLE = 30;

/** `※重要活动※` → 重要活动; `【重要会议】` → 重要会议; `■ 协商议政` (close '') → 协商议政. */
export function matchSectionTitle(text: string, markers: Markers): SectionMatch | null {
  const t = text.trim();
  for (const [style, { open, close }] of markers.sections.entries()) {
    if (!t.startsWith(open)) continue;
    let title: string;
    if (close) {
      if (!t.endsWith(close) || t.length < open.length + close.length + 1) continue;
      title = t.slice(open.length, t.length - close.length);
      if (title.includes(close) || title.includes(open)) continue;
    } else {
      title = t.slice(open.length);
      // An open-only marker heads a short title line; a long sentence after it is a paragraph.
      if (TERMINAL.test(title) || /[。！？]/.test(title)) continue;
    }
    title = title.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    if (!title || title.length > MAX_SECTION_TITLE) continue;
    return { title, style };
  }
  return null;
}

// Word's Symbol/Wingdings bullets are private-use code points; map the common ones to the real glyph.
const SYMBOL_FONT_BULLETS: Record<string, string> = {
  '\uF075': '◆', '\uF074': '◆', '\uF06C': '●', '\uF06E': '■', '\uF0A7': '▪', '\uF0B7': '•',
  '\uF0D8': '➢', '\uF076': '❖', '\uF0FC': '✓', '\uF0A8': '○', '\uF06F': '□', '\uF071': '◇',
};

export function normaliseGlyph(glyph: string): string {
  const g = glyph.trim();
  return SYMBOL_FONT_BULLETS[g] ?? g;
}

export interface ItemMatch {
  marker: string;
  /** The line's text without the glyph. */
  text: string;
}

const NUMBERED = /^[\d一二三四五六七八九十]+[.、．)）]?$|^[(（][\d一二三四五六七八九十]+[)）]$|%\d/;

/**
 * An item opens with a configured glyph typed as text, or is a Word list paragraph whose bullet
 * glyph was read from the numbering definitions. Numbered lists are not items.
 */
export function matchItemStart(line: Line, markers: Markers): ItemMatch | null {
  const t = line.text;
  for (const glyph of markers.items) {
    if (t.startsWith(glyph)) {
      const rest = t.slice(glyph.length).replace(/^[\s\u3000]+/, '');
      if (rest) return { marker: glyph, text: rest };
    }
  }
  if (line.kind === 'listItem' && line.listGlyph) {
    const glyph = normaliseGlyph(line.listGlyph);
    if (glyph && !NUMBERED.test(glyph)) return { marker: glyph, text: t };
  }
  return null;
}

const FOOTER_LABEL =
  /^(?:报|送|发|抄\s*送|抄\s*报|分\s*送|报\s*送|印\s*发|主\s*送)\s*[：:]|^(?:责任编辑|责\s*编|[一二三初复终]\s*审|编\s*辑|文\s*字|撰\s*稿|作\s*者|摄\s*影|图\s*片|主\s*编|编\s*审|审\s*核|审\s*定|签\s*发|审\s*稿|核\s*稿|校\s*对|联系电话|联系人|电\s*话|传\s*真|电子邮箱|电子信箱|邮\s*箱|E-?mail|地\s*址|邮\s*编)\s*[：:]|^[（(]\s*共\s*印\s*\d+\s*份\s*[)）]$/i;

/** A line that can only belong to the footer: a distribution list, editor, phone… label. */
export function isFooterLine(raw: string): boolean {
  return FOOTER_LABEL.test(raw.replace(/^[\s\u3000]+/, ''));
}

/** The longest `一、…` line taken for a section title on its own evidence. */
export const MAX_NUMBERED_HEADING = 20;

/** Section titles written as `一、重要会议` in documents that use no marker (up to `max` characters after 、). */
export function matchNumberedHeading(text: string, max = MAX_NUMBERED_HEADING): string | null {
  const m = new RegExp(`^[一二三四五六七八九十]{1,3}、(.{2,${max}})$`, 'u').exec(text.trim());
  if (!m || TERMINAL.test(m[1]) || /[。：:]/.test(m[1])) return null;
  return m[1];
}

export function endsSentence(text: string): boolean {
  return /[。！？!?；;：:…”」』）)]$/.test(text.trim());
}

/** A paragraph opening with its date (`3月5日，…`, `近日`, `2023-03-05`): an entry of a digest or a story's lead. */
// (a date qualifying a noun opens no entry: `6月22日召开的座谈会上，…` goes on with the story above)
export const DATE_LED =
  /^(?:(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}[日号](?!(?:上午|下午|晚上)?\p{Script=Han}{0,4}的)|\d{1,2}月(?:上|中|下)旬|近日|日前|近期|连日来|\d{1,2}月\d{1,2}[—–\-－~～至]\d{1,2}日|(?:上月|本月)\d{1,2}[日号]|\d{1,2}月\d{1,2}(?=上午|下午|晚上|[，,])|(?:19|20)\d{2}(?:[.\-/]\d{1,2}[.\-/]\d{1,2}|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?=[，,\s\u3000]))/u;
