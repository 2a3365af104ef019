/**
 * The parts of word/styles.xml the extractor needs: which paragraph styles are headings (by
 * name, `heading 2` / `标题 2`, or by outline level), which carry list numbering, which are bold.
 */
import { child, childElements, path, type XmlElement } from './xml.js';

interface StyleDef {
  name: string;
  basedOn: string | undefined;
  outlineLvl: number | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
  bold: boolean | undefined;
}

export class Styles {
  private readonly paragraph = new Map<string, StyleDef>();
  private readonly character = new Map<string, StyleDef>();
  private defaultParagraphStyle: string | undefined;
  private defaultBold = false;

  constructor(root: XmlElement | null) {
    const stylesEl = root ? child(root, 'w:styles') : undefined;
    if (!stylesEl) return;
    this.defaultBold = boldOf(path(stylesEl, 'w:docDefaults', 'w:rPrDefault', 'w:rPr')) ?? false;
    for (const s of childElements(stylesEl, 'w:style')) {
      const id = s.attrs['w:styleId'];
      if (id === undefined) continue;
      const pPr = child(s, 'w:pPr');
      const numPr = child(pPr, 'w:numPr');
      const outline = child(pPr, 'w:outlineLvl')?.attrs['w:val'];
      const def: StyleDef = {
        name: child(s, 'w:name')?.attrs['w:val'] ?? id,
        basedOn: child(s, 'w:basedOn')?.attrs['w:val'],
        outlineLvl: outline === undefined ? undefined : Number(outline),
        numId: child(numPr, 'w:numId')?.attrs['w:val'],
        ilvl: child(numPr, 'w:ilvl') ? Number(child(numPr, 'w:ilvl')!.attrs['w:val'] ?? 0) : undefined,
        bold: boldOf(child(s, 'w:rPr')),
      };
      const type = s.attrs['w:type'] ?? 'paragraph';
      if (type === 'paragraph') {
        this.paragraph.set(id, def);
        if (s.attrs['w:default'] !== undefined && isOn(s.attrs['w:default'])) this.defaultParagraphStyle = id;
      } else if (type === 'character') this.character.set(id, def);
    }
  }

  /** The paragraph style chain, nearest first (cycle-safe). */
  private chain(styleId: string | undefined, table: Map<string, StyleDef>): StyleDef[] {
    const out: StyleDef[] = [];
    const seen = new Set<string>();
    let id = styleId;
    while (id !== undefined && !seen.has(id)) {
      seen.add(id);
      const def = table.get(id);
      if (!def) break;
      out.push(def);
      id = def.basedOn;
    }
    return out;
  }

  private paragraphChain(styleId: string | undefined): StyleDef[] {
    return this.chain(styleId ?? this.defaultParagraphStyle, this.paragraph);
  }

  /** Heading level (1-based) implied by a paragraph style, or undefined for body styles. */
  headingLevel(styleId: string | undefined): number | undefined {
    for (const def of this.paragraphChain(styleId)) {
      const byName = headingLevelFromName(def.name);
      if (byName !== undefined) return byName;
      if (def.outlineLvl !== undefined) return def.outlineLvl >= 0 && def.outlineLvl <= 8 ? def.outlineLvl + 1 : undefined;
    }
    return undefined;
  }

  /** List numbering a paragraph style applies (e.g. `List Bullet`), if any. */
  numbering(styleId: string | undefined): { numId: string; ilvl: number } | undefined {
    for (const def of this.paragraphChain(styleId)) {
      if (def.numId !== undefined) return { numId: def.numId, ilvl: def.ilvl ?? 0 };
    }
    return undefined;
  }

  paragraphBold(styleId: string | undefined): boolean {
    for (const def of this.paragraphChain(styleId)) if (def.bold !== undefined) return def.bold;
    return this.defaultBold;
  }

  characterBold(styleId: string | undefined): boolean | undefined {
    for (const def of this.chain(styleId, this.character)) if (def.bold !== undefined) return def.bold;
    return undefined;
  }
}

/** `heading 1`, `Heading1`, `标题 1`, `标题1`; `Title`/`标题` (no number) count as level 1. */
export function headingLevelFromName(name: string): number | undefined {
  const m = /^(?:heading|标题)\s*([1-9])$/i.exec(name.trim());
  if (m) return Number(m[1]);
  if (/^(?:title|标题)$/i.test(name.trim())) return 1;
  return undefined;
}

export function isOn(value: string | undefined): boolean {
  return value === undefined || !['0', 'false', 'off', 'none'].includes(value.toLowerCase());
}

/** w:b in a run-properties element: true/false when set, undefined when not mentioned. */
export function boldOf(rPr: XmlElement | undefined): boolean | undefined {
  const b = child(rPr, 'w:b');
  return b ? isOn(b.attrs['w:val']) : undefined;
}
