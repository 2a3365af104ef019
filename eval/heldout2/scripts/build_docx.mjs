// Builds .docx from scripts/spec/<doc>.json using the docx npm package (v9).
// Usage: node build_docx.mjs <doc> <out.docx>
import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const D = require('/work/main/node_modules/docx');
const { Document, Packer, Paragraph, TextRun, HeadingLevel, AlignmentType, LevelFormat, Header, Footer, PageNumber, BorderStyle } = D;

const [docName, outPath] = process.argv.slice(2);
const s = JSON.parse(fs.readFileSync(`/tmp/heldout2/scripts/spec/${docName}.json`, 'utf8'));
const FONT = { ascii: 'Noto Serif CJK SC', eastAsia: 'Noto Serif CJK SC', hAnsi: 'Noto Serif CJK SC' };
const run = (text, o = {}) => new TextRun({ text: text.replace(/\|/g, ''), font: FONT, ...o });
const body = [];
let footStarted = false;
for (const [k, a, b] of s.spec) {
  if (k === 'title') body.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(a, { bold: true, size: 52, color: 'C00000' })] }));
  else if (k === 'mast') body.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run(a, { size: 28 })],
    border: /日$/.test(a) ? { bottom: { style: BorderStyle.THICK, size: 12, color: 'C00000', space: 4 } } : undefined }));
  else if (k === 'h1' || k === 'h2') {
    if (s.headingStyles) body.push(new Paragraph({ heading: k === 'h1' ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, children: [run(a)] }));
    else body.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 200, after: 100 }, children: [run(a, { bold: true, size: 30 })] }));
  } else if (k === 'item') {
    if (s.listBullets) body.push(new Paragraph({ numbering: { reference: a === '◆' ? 'diamond' : 'hollow', level: 0 }, children: [run(b.replace(/^[◆◇]/, ''), { size: 28 })] }));
    else body.push(new Paragraph({ indent: { firstLine: 560 }, children: [run(b.startsWith(a) ? b : a + b, { size: 28 })] }));
  } else if (k === 'p') body.push(new Paragraph({ indent: { firstLine: 560 }, children: [run(a, { size: 28 })] }));
  else if (k === 'headline') body.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 100, after: 100 }, children: [run(a, { bold: true, size: 30 })] }));
  else if (k === 'foot') {
    body.push(new Paragraph({ children: [run(a, { size: 24 })], border: !footStarted ? { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } } : undefined }));
    footStarted = true;
  }
}
const bullet = (ref, glyph) => ({ reference: ref, levels: [{ level: 0, format: LevelFormat.BULLET, text: glyph, alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: 420, hanging: 420 } }, run: { font: 'Noto Sans CJK SC' } } }] });
const section = { properties: {}, children: body };
if (s.header) section.headers = { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(s.header, { size: 20, color: '808080' })],
  border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '808080', space: 2 } } })] }) };
if (s.pageNumbers) section.footers = { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER,
  children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 24, font: FONT })] })] }) };
const doc = new Document({
  styles: { default: { document: { run: { font: FONT, size: 28 } } } },
  numbering: { config: [bullet('diamond', '◆'), bullet('hollow', '◇')] },
  sections: [section],
});
fs.writeFileSync(outPath, await Packer.toBuffer(doc));
console.log('wrote', outPath);
