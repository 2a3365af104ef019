/**
 * Word list numbering (word/numbering.xml): which glyph or number Word draws before a list
 * paragraph. mammoth's raw text drops these, yet bulletins use them for item markers (◆ ◇ ●).
 */
import { child, childElements, path, type XmlElement } from './xml.js';

interface LevelDef {
  numFmt: string;
  lvlText: string;
  start: number;
  font: string | undefined;
}

export class Numbering {
  private readonly abstractLevels = new Map<string, Map<number, LevelDef>>();
  private readonly numToAbstract = new Map<string, string>();
  private readonly overrides = new Map<string, Map<number, Partial<LevelDef>>>();
  /** Running counters per numId, one per level, as Word renders them in document order. */
  private readonly counters = new Map<string, number[]>();

  constructor(root: XmlElement | null) {
    const numberingEl = root ? child(root, 'w:numbering') : undefined;
    if (!numberingEl) return;
    for (const abs of childElements(numberingEl, 'w:abstractNum')) {
      const id = abs.attrs['w:abstractNumId'];
      if (id === undefined) continue;
      const levels = new Map<number, LevelDef>();
      for (const lvl of childElements(abs, 'w:lvl')) levels.set(Number(lvl.attrs['w:ilvl'] ?? 0), readLevel(lvl));
      this.abstractLevels.set(id, levels);
    }
    for (const num of childElements(numberingEl, 'w:num')) {
      const numId = num.attrs['w:numId'];
      const abs = child(num, 'w:abstractNumId')?.attrs['w:val'];
      if (numId === undefined || abs === undefined) continue;
      this.numToAbstract.set(numId, abs);
      const levelOverrides = new Map<number, Partial<LevelDef>>();
      for (const o of childElements(num, 'w:lvlOverride')) {
        const ilvl = Number(o.attrs['w:ilvl'] ?? 0);
        const lvl = child(o, 'w:lvl');
        const start = child(o, 'w:startOverride')?.attrs['w:val'];
        const def: Partial<LevelDef> = lvl ? readLevel(lvl) : {};
        if (start !== undefined) def.start = Number(start);
        levelOverrides.set(ilvl, def);
      }
      if (levelOverrides.size) this.overrides.set(numId, levelOverrides);
    }
  }

  private level(numId: string, ilvl: number): LevelDef | undefined {
    const abs = this.numToAbstract.get(numId);
    const base = abs === undefined ? undefined : this.abstractLevels.get(abs)?.get(ilvl);
    const override = this.overrides.get(numId)?.get(ilvl);
    if (!base && !override) return undefined;
    return { numFmt: 'decimal', lvlText: '', start: 1, font: undefined, ...base, ...override } as LevelDef;
  }

  /** True when the numId refers to a defined list (numId 0 means "numbering removed"). */
  has(numId: string): boolean {
    return numId !== '0' && this.numToAbstract.has(numId);
  }

  /**
   * The text Word would draw for the next paragraph of this list at this level: the bullet glyph,
   * or the rendered number (`一、`, `1.`, `（1）`). Advances the list's counters, so call it once per
   * list paragraph, in document order. Undefined when the level draws nothing we can render.
   */
  next(numId: string, ilvl: number): string | undefined {
    const def = this.level(numId, ilvl);
    if (!def) return undefined;
    let counters = this.counters.get(numId);
    if (!counters) {
      counters = [];
      this.counters.set(numId, counters);
    }
    for (let l = 0; l <= ilvl; l++) {
      if (counters[l] === undefined) counters[l] = (this.level(numId, l)?.start ?? 1) - (l === ilvl ? 1 : 0);
    }
    counters[ilvl]++;
    counters.length = ilvl + 1; // deeper levels restart
    if (def.numFmt === 'bullet' || !/%[1-9]/.test(def.lvlText)) {
      const glyph = mapSymbolFont(def.lvlText, def.font).trim();
      return glyph === '' ? undefined : glyph;
    }
    let unrenderable = false;
    const text = def.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const fmt = l === ilvl ? def.numFmt : (this.level(numId, l)?.numFmt ?? 'decimal');
      const rendered = formatNumber(counters![l] ?? 1, fmt);
      if (rendered === undefined) unrenderable = true;
      return rendered ?? '';
    });
    return unrenderable || text.trim() === '' ? undefined : text.trim();
  }
}

function readLevel(lvl: XmlElement): LevelDef {
  const rFonts = path(lvl, 'w:rPr', 'w:rFonts');
  return {
    numFmt: child(lvl, 'w:numFmt')?.attrs['w:val'] ?? 'decimal',
    lvlText: child(lvl, 'w:lvlText')?.attrs['w:val'] ?? '',
    start: Number(child(lvl, 'w:start')?.attrs['w:val'] ?? 1),
    font: rFonts?.attrs['w:ascii'] ?? rFonts?.attrs['w:hAnsi'] ?? rFonts?.attrs['w:eastAsia'],
  };
}

const CHINESE_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const HEAVENLY_STEMS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const EARTHLY_BRANCHES = ['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥'];

export function formatNumber(n: number, numFmt: string): string | undefined {
  switch (numFmt) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'ideographLegalTraditional':
      return chineseCounting(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/[0-9]/g, (d) => CHINESE_DIGITS[Number(d)]);
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(n - 1) % 10];
    case 'ideographZodiac':
      return EARTHLY_BRANCHES[(n - 1) % 12];
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'none':
      return '';
    default:
      return undefined;
  }
}

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 105 → 一百零五 (Word's chineseCounting style). */
export function chineseCounting(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += '〇';
    pendingZero = false;
    out += (d === 1 && unit === '十' && out === '' ? '' : CHINESE_DIGITS[d]) + unit;
  });
  return out.replace(/〇/g, '零');
}

function letters(n: number): string {
  const letter = String.fromCharCode(0x61 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/**
 * Bullets drawn in the Symbol or Wingdings fonts are stored as font-specific codes (often in the
 * private-use area, U+F0xx). Map the common ones to the Unicode glyph they show.
 */
const WINGDINGS: Record<number, string> = {
  0x6c: '●', 0x6d: '❍', 0x6e: '■', 0x6f: '□', 0x70: '◻', 0x71: '❑', 0x72: '❒', 0x73: '⬧', 0x74: '⧫',
  0x75: '◆', 0x76: '❖', 0x77: '⬥', 0x9f: '•', 0xa1: '○', 0xa4: '◉', 0xa7: '▪', 0xa8: '◻', 0xd8: '➢', 0xfc: '✓',
};
const SYMBOL: Record<number, string> = { 0xb7: '•', 0xa8: '♦', 0xa7: '♣', 0xa9: '♥', 0xaa: '♠', 0xde: '⇒', 0xae: '→' };

export function mapSymbolFont(text: string, font: string | undefined): string {
  const f = (font ?? '').toLowerCase();
  const table = f.startsWith('wingdings') ? WINGDINGS : f === 'symbol' ? SYMBOL : null;
  return Array.from(text)
    .map((ch) => {
      const cp = ch.codePointAt(0)!;
      const inPua = cp >= 0xf000 && cp <= 0xf0ff;
      const low = inPua ? cp - 0xf000 : cp;
      if (table && (inPua || cp < 0x100)) return table[low] ?? ch;
      if (inPua) return SYMBOL[low] ?? WINGDINGS[low] ?? ch;
      return ch;
    })
    .join('');
}
