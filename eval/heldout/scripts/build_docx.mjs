// Builds .docx files from /tmp/heldout/build/specs.json (written by build.py).
// docx-list / pdf-list: Word list numbering (◆/◇ live only in numbering.xml) + Heading styles.
// others: typed glyphs, bold 【】/※ titles, bold lead-line headlines.
import fs from 'node:fs';
import * as D from '/work/main/node_modules/docx/dist/index.mjs';
const { Document, Packer, Paragraph, TextRun, HeadingLevel, AlignmentType, LevelFormat, Header, Footer, PageNumber, BorderStyle } = D;

const FONT = 'Noto Serif CJK SC';
const specs = JSON.parse(fs.readFileSync('/tmp/heldout/build/specs.json', 'utf8'));
const bulletLevel = (glyph) => ({ level: 0, format: LevelFormat.BULLET, text: glyph, alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: 480, hanging: 480 } }, run: { font: 'Noto Sans CJK SC' } } });

for (const s of specs) {
  const children = [];
  for (const p of s.paras) {
    const run = (t, o = {}) => new TextRun({ text: t, font: FONT, ...o });
    if (p.k === 'mast') children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 },
      children: [run(p.t, p.big ? { size: 52, bold: true, color: 'C00000' } : { size: 28 })] }));
    else if (p.k === 'rule') children.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 1 } }, children: [] }));
    else if (p.k === 'h') children.push(new Paragraph({ heading: s.out === 'docx' ? (p.lvl === 1 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3) : (p.lvl === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2),
      children: [run(p.t)] }));
    else if (p.k === 'sec') children.push(new Paragraph({ spacing: { before: 200, after: 100 }, children: [run(p.t, { bold: true, size: 30 })] }));
    else if (p.k === 'headline') children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 80 }, children: [run(p.t, { bold: true, size: 30 })] }));
    else if (p.k === 'li') children.push(new Paragraph({ numbering: { reference: p.bullet, level: 0 }, children: [run(p.t, { size: 28 })] }));
    else if (p.k === 'p') children.push(new Paragraph({ indent: { firstLine: 560 }, children: [run(p.t, { size: 28 })] }));
    else if (p.k === 'foot') children.push(new Paragraph({ children: [run(p.t, { size: 24 })] }));
  }
  const section = { properties: {}, children };
  if (s.header) {
    section.headers = { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: s.header, font: FONT, size: 20 })] })] }) };
    section.footers = { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONT, size: 22 })] })] }) };
  }
  const doc = new Document({
    creator: 'heldout', styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    numbering: { config: [{ reference: 'fill', levels: [bulletLevel('◆')] }, { reference: 'hollow', levels: [bulletLevel('◇')] }] },
    sections: [section],
  });
  const buf = await Packer.toBuffer(doc);
  const out = s.out === 'docx' ? `/tmp/heldout/docs/${s.doc}.docx` : `/tmp/heldout/build/${s.doc}.docx`;
  fs.writeFileSync(out, buf);
  console.log('wrote', out);
}
