/**
 * docx: reads the main document part, styles and numbering straight from the zip and walks the
 * body in order. mammoth's raw text would be simpler but loses list glyphs (the ◆ of Word-made
 * items), heading levels and table structure, all of which the segmenter needs.
 * Headers, footers, footnotes and comments live in other parts and are never read: they are
 * page furniture or asides, not bulletin content.
 */
import { IngestError, message, type Block, type Extraction, type Message } from '../types.js';
import { Numbering, mapSymbolFont } from './numbering.js';
import { Styles, boldOf, isOn } from './styles.js';
import { checkXmlShape } from './bounds.js';
import { openZip, type ZipArchive } from './zip.js';
import { child, childElements, parseXml, path, XmlError, type XmlElement } from './xml.js';

const OFFICE_DOCUMENT_REL = /\/officeDocument$/;

export async function extractDocx(bytes: Buffer, maxInflatedBytes: number): Promise<Extraction> {
  const zip = await openZip(bytes, maxInflatedBytes);
  try {
    const mainPath = await findMainDocument(zip);
    if (!mainPath) {
      throw new IngestError('unknown-format', 'The file is a zip archive but not a Word document (no word/document.xml).');
    }
    const rels = await readRelationships(zip, relsPathFor(mainPath));
    const partPath = (type: string, fallback: string) => {
      const target = rels.find((r) => r.type.endsWith(`/${type}`))?.target;
      return target ? resolvePartPath(mainPath, target) : fallback;
    };
    const document = await readXml(zip, mainPath);
    if (!document) throw new IngestError('corrupt-file', `The Word document part ${mainPath} is missing.`);
    const styles = new Styles(await readXml(zip, partPath('styles', 'word/styles.xml')));
    const numbering = new Numbering(await readXml(zip, partPath('numbering', 'word/numbering.xml')));
    const messages: Message[] = [];
    const body = path(document, 'w:document', 'w:body');
    if (!body) throw new IngestError('corrupt-file', 'The Word document has no body.');
    const blocks = new BodyWalker(styles, numbering, messages).walk(body);
    return { format: 'docx', blocks, encoding: null, pages: null, messages };
  } finally {
    zip.close();
  }
}

async function findMainDocument(zip: ZipArchive): Promise<string | null> {
  const rels = await readRelationships(zip, '_rels/.rels');
  const main = rels.find((r) => OFFICE_DOCUMENT_REL.test(r.type) && !/^https?:/i.test(r.target));
  if (main) {
    const p = resolvePartPath('', main.target);
    if (zip.names.has(p)) return p;
  }
  return zip.names.has('word/document.xml') ? 'word/document.xml' : null;
}

interface Relationship {
  type: string;
  target: string;
}

async function readRelationships(zip: ZipArchive, relsPath: string): Promise<Relationship[]> {
  const root = await readXml(zip, relsPath);
  const relsEl = root ? childElements(root).find((e) => e.name.endsWith('Relationships')) : undefined;
  if (!relsEl) return [];
  return childElements(relsEl)
    .filter((e) => e.name.endsWith('Relationship') && e.attrs.TargetMode !== 'External')
    .map((e) => ({ type: e.attrs.Type ?? '', target: e.attrs.Target ?? '' }));
}

function relsPathFor(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Relationship targets are relative to the source part's folder, or absolute from the root. */
function resolvePartPath(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = sourcePart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

async function readXml(zip: ZipArchive, name: string): Promise<XmlElement | null> {
  const data = await zip.read(name);
  if (!data) return null;
  try {
    const xml = decodeXmlBytes(data);
    checkXmlShape(xml, name);
    return parseXml(xml);
  } catch (err) {
    if (err instanceof XmlError) throw new IngestError('corrupt-file', `The part ${name} is not well-formed XML: ${err.message}`, { cause: err });
    throw err;
  }
}

/** OOXML parts are UTF-8 or UTF-16 (with BOM). */
function decodeXmlBytes(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  return new TextDecoder('utf-8').decode(data);
}

interface Run {
  text: string;
  bold: boolean;
}

/** Elements whose content is not part of the visible text: deletions, field codes, properties. */
const SKIPPED = new Set([
  'w:pPr', 'w:rPr', 'w:del', 'w:moveFrom', 'w:delText', 'w:instrText', 'w:delInstrText', 'w:sdtPr', 'w:sdtEndPr',
  'w:footnoteReference', 'w:endnoteReference', 'w:commentReference', 'w:annotationRef', 'w:fldData', 'mc:Fallback',
  'w:tblPr', 'w:tblGrid', 'w:trPr', 'w:tcPr', 'w:sectPr', 'w:rPrChange', 'w:pPrChange',
]);

class BodyWalker {
  private readonly blocks: Block[] = [];
  private paragraphIndex = 0;

  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering,
    private readonly messages: Message[],
  ) {}

  walk(body: XmlElement): Block[] {
    this.walkBlockContainer(body, false);
    return this.blocks;
  }

  /** Body, table cells, content controls and text boxes all hold paragraphs and tables. */
  private walkBlockContainer(el: XmlElement, inTable: boolean): void {
    for (const node of el.children) {
      if (typeof node === 'string') continue;
      switch (node.name) {
        case 'w:p':
          this.paragraph(node, inTable);
          break;
        case 'w:tbl':
          for (const row of childElements(node, 'w:tr')) {
            for (const cell of this.cellsOf(row)) this.walkBlockContainer(cell, true);
          }
          break;
        default:
          if (!SKIPPED.has(node.name) && node.name !== 'w:sectPr') this.walkBlockContainer(node, inTable);
      }
    }
  }

  /** Cells of a row, looking through row-level content controls and custom XML. */
  private cellsOf(row: XmlElement): XmlElement[] {
    const cells: XmlElement[] = [];
    const visit = (el: XmlElement) => {
      for (const c of childElements(el)) {
        if (c.name === 'w:tc') cells.push(c);
        else if (!SKIPPED.has(c.name)) visit(c);
      }
    };
    visit(row);
    return cells;
  }

  private paragraph(p: XmlElement, inTable: boolean): void {
    const pPr = child(p, 'w:pPr');
    const styleId = child(pPr, 'w:pStyle')?.attrs['w:val'];
    const paragraphBold = this.styles.paragraphBold(styleId);
    const runs: Run[] = [];
    const textBoxes: XmlElement[] = [];
    this.collectRuns(p, runs, textBoxes, paragraphBold);
    // Text boxes anchored in this paragraph (often the masthead) come before its own text.
    for (const box of textBoxes) this.walkBlockContainer(box, inTable);
    // Numbered after its text boxes, so block indexes keep increasing in output order.
    const index = this.paragraphIndex++;

    const text = runs
      .map((r) => r.text)
      .join('')
      .replace(/^[ \u3000\u00a0]+|[ \t\u3000\u00a0\n]+$/g, '')
      .replace(/^[\t\n]+/, '');
    const numbered = this.listNumbering(pPr, styleId);
    if (text === '') return;

    const block: Block = { text, kind: inTable ? 'tableCell' : 'paragraph', index };
    const outline = child(pPr, 'w:outlineLvl')?.attrs['w:val'];
    const directOutline = outline === undefined ? undefined : Number(outline);
    const headingLevel =
      directOutline !== undefined ? (directOutline >= 0 && directOutline <= 8 ? directOutline + 1 : undefined) : this.styles.headingLevel(styleId);
    if (!inTable && headingLevel !== undefined) {
      block.kind = 'heading';
      block.level = headingLevel;
    } else if (!inTable && numbered) {
      block.kind = 'listItem';
      block.level = numbered.ilvl;
    }
    if (numbered?.glyph !== undefined) block.listGlyph = numbered.glyph;
    const visible = runs.filter((r) => r.text.trim() !== '');
    if (visible.length > 0 && visible.every((r) => r.bold)) block.bold = true;
    this.blocks.push(block);
  }

  /** Direct numPr wins over the style's; numId 0 explicitly removes numbering. */
  private listNumbering(pPr: XmlElement | undefined, styleId: string | undefined): { ilvl: number; glyph: string | undefined } | undefined {
    const numPr = child(pPr, 'w:numPr');
    const fromStyle = this.styles.numbering(styleId);
    const numId = child(numPr, 'w:numId')?.attrs['w:val'] ?? fromStyle?.numId;
    if (numId === undefined || numId === '0') return undefined;
    if (!this.numbering.has(numId)) {
      this.messages.push(
        message('warning', 'docx-list-numbering-missing', `A list paragraph refers to numbering ${numId}, which word/numbering.xml does not define; its glyph is unknown.`, {
          offset: this.paragraphIndex - 1,
        }),
      );
      return undefined;
    }
    const ilvlAttr = child(numPr, 'w:ilvl')?.attrs['w:val'];
    const ilvl = ilvlAttr !== undefined ? Number(ilvlAttr) : (fromStyle?.ilvl ?? 0);
    return { ilvl, glyph: this.numbering.next(numId, ilvl) };
  }

  private collectRuns(el: XmlElement, runs: Run[], textBoxes: XmlElement[], paragraphBold: boolean): void {
    for (const node of el.children) {
      if (typeof node === 'string') continue;
      if (SKIPPED.has(node.name)) continue;
      if (node.name === 'w:r') this.run(node, runs, textBoxes, paragraphBold);
      else if (node.name === 'w:txbxContent') textBoxes.push(node);
      else if (node.name === 'mc:AlternateContent') {
        const choice = child(node, 'mc:Choice') ?? child(node, 'mc:Fallback');
        if (choice) this.collectRuns(choice, runs, textBoxes, paragraphBold);
      } else this.collectRuns(node, runs, textBoxes, paragraphBold);
    }
  }

  private run(r: XmlElement, runs: Run[], textBoxes: XmlElement[], paragraphBold: boolean): void {
    const rPr = child(r, 'w:rPr');
    // Hidden text (w:vanish) is not shown or printed, so it is not part of the bulletin.
    const vanish = child(rPr, 'w:vanish');
    if (vanish && isOn(vanish.attrs['w:val'])) return;
    const bold = boldOf(rPr) ?? this.styles.characterBold(child(rPr, 'w:rStyle')?.attrs['w:val']) ?? paragraphBold;
    let text = '';
    const pushText = () => {
      if (text) runs.push({ text, bold });
      text = '';
    };
    for (const node of r.children) {
      if (typeof node === 'string') continue;
      switch (node.name) {
        case 'w:t':
          text += node.children.filter((c): c is string => typeof c === 'string').join('');
          break;
        case 'w:tab':
        case 'w:ptab':
          text += '\t';
          break;
        case 'w:br': {
          // Page and column breaks end a visual page, not a line of the paragraph's text.
          const type = node.attrs['w:type'];
          if (type !== 'page' && type !== 'column') text += '\n';
          break;
        }
        case 'w:cr':
          text += '\n';
          break;
        case 'w:noBreakHyphen':
          text += '-';
          break;
        case 'w:sym': {
          const code = parseInt(node.attrs['w:char'] ?? '', 16);
          if (Number.isFinite(code)) text += mapSymbolFont(String.fromCharCode(code), node.attrs['w:font']);
          break;
        }
        default:
          if (SKIPPED.has(node.name)) break;
          // Drawings, VML shapes and alternate content may hold text boxes.
          pushText();
          this.collectRuns(node, runs, textBoxes, bold);
      }
    }
    pushText();
  }
}
