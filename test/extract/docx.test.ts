import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractDocx } from '../../src/extract/docx.js';
import { IngestError } from '../../src/types.js';
import { ExternalHyperlink, HeadingLevel, LISTS, makeDocx, Paragraph, Table, TableCell, TableRow, TextRun } from '../helpers/make-docx.js';
import { makeRawDocx, makeZip } from './helpers/zip.js';
import { codeOf } from './helpers/error-code.js';

const LIMIT = 200 * 1024 * 1024;


const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;

describe('extractDocx with documents written by the docx package', () => {
  it('reads Word bullet list items with their glyph from numbering.xml and their level', async () => {
    const bytes = await makeDocx([
      new Paragraph({ text: '5月7日，市政协召开会议。', numbering: { reference: LISTS.items, level: 0 } }),
      new Paragraph({ text: '会议强调，要抓好落实。' }),
      new Paragraph({ text: '5月8日，委员视察。', numbering: { reference: LISTS.items, level: 1 } }),
    ]);
    const { blocks } = await extractDocx(bytes, LIMIT);
    expect(blocks).toEqual([
      { text: '5月7日，市政协召开会议。', kind: 'listItem', level: 0, listGlyph: '◆', index: 0 },
      { text: '会议强调，要抓好落实。', kind: 'paragraph', index: 1 },
      { text: '5月8日，委员视察。', kind: 'listItem', level: 1, listGlyph: '◇', index: 2 },
    ]);
  });

  it('renders numbered list glyphs, counting per list and restarting deeper levels', async () => {
    const bytes = await makeDocx([
      new Paragraph({ text: '甲', numbering: { reference: LISTS.chinese, level: 0 } }),
      new Paragraph({ text: '甲一', numbering: { reference: LISTS.chinese, level: 1 } }),
      new Paragraph({ text: '甲二', numbering: { reference: LISTS.chinese, level: 1 } }),
      new Paragraph({ text: '乙', numbering: { reference: LISTS.chinese, level: 0 } }),
      new Paragraph({ text: '乙一', numbering: { reference: LISTS.chinese, level: 1 } }),
      new Paragraph({ text: 'first', numbering: { reference: LISTS.decimal, level: 0 } }),
      new Paragraph({ text: 'second', numbering: { reference: LISTS.decimal, level: 0 } }),
    ]);
    const { blocks } = await extractDocx(bytes, LIMIT);
    expect(blocks.map((b) => b.listGlyph)).toEqual(['一、', '（一）', '（二）', '二、', '（一）', '1.', '2.']);
  });

  it('reads heading styles as heading blocks with their level', async () => {
    const bytes = await makeDocx([
      new Paragraph({ text: '※重要活动※', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: '※领导活动※', heading: HeadingLevel.HEADING_3 }),
      new Paragraph({ text: '包头市工作周报', heading: HeadingLevel.TITLE }),
    ]);
    const { blocks } = await extractDocx(bytes, LIMIT);
    expect(blocks.map((b) => [b.kind, b.level, b.text])).toEqual([
      ['heading', 1, '※重要活动※'],
      ['heading', 3, '※领导活动※'],
      ['heading', 1, '包头市工作周报'],
    ]);
  });

  it('marks a paragraph bold only when every run with text is bold', async () => {
    const bytes = await makeDocx([
      new Paragraph({ children: [new TextRun({ text: '市政协召开', bold: true }), new TextRun({ text: '联席会议', bold: true })] }),
      new Paragraph({ children: [new TextRun({ text: '市政协', bold: true }), new TextRun('召开会议')] }),
    ]);
    const { blocks } = await extractDocx(bytes, LIMIT);
    expect(blocks[0].bold).toBe(true);
    expect(blocks[1].bold).toBeUndefined();
  });

  it('emits one tableCell block per cell paragraph, in row order', async () => {
    const bytes = await makeDocx([
      new Table({
        rows: [
          new TableRow({ children: [new TableCell({ children: [new Paragraph('报：')] }), new TableCell({ children: [new Paragraph('市委'), new Paragraph('市政府')] })] }),
          new TableRow({ children: [new TableCell({ children: [new Paragraph('送：')] }), new TableCell({ children: [new Paragraph('各委办局')] })] }),
        ],
      }),
      new Paragraph('表后正文'),
    ]);
    const { blocks } = await extractDocx(bytes, LIMIT);
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['tableCell', '报：'],
      ['tableCell', '市委'],
      ['tableCell', '市政府'],
      ['tableCell', '送：'],
      ['tableCell', '各委办局'],
      ['paragraph', '表后正文'],
    ]);
  });

  it('turns soft line breaks into newlines and tabs into tab characters', async () => {
    const bytes = await makeDocx([new Paragraph({ children: [new TextRun('编辑：闫建军'), new TextRun({ text: '审核：王东海', break: 1 }), new TextRun('\t电话')] })]);
    const { blocks } = await extractDocx(bytes, LIMIT);
    expect(blocks[0].text).toBe('编辑：闫建军\n审核：王东海\t电话');
  });

  it('keeps hyperlink text and ignores page headers and footers', async () => {
    const bytes = await makeDocx([new Paragraph({ children: [new TextRun('详见'), new ExternalHyperlink({ link: 'http://example.com', children: [new TextRun('政协网站')] })] })], {
      header: '包头市政协工作周报',
      footer: '— 1 —',
    });
    const { blocks } = await extractDocx(bytes, LIMIT);
    expect(blocks.map((b) => b.text)).toEqual(['详见政协网站']);
  });

  it('skips empty paragraphs but keeps counting them in the block index', async () => {
    const bytes = await makeDocx([new Paragraph('甲'), new Paragraph(''), new Paragraph('乙')]);
    const { blocks } = await extractDocx(bytes, LIMIT);
    expect(blocks.map((b) => [b.text, b.index])).toEqual([
      ['甲', 0],
      ['乙', 2],
    ]);
  });
});

describe('extractDocx with hand-written WordprocessingML', () => {
  it('reads text inside insertions, smart tags, content controls and simple fields, but not deletions or field codes', async () => {
    const body = p(
      r('市政协') +
        `<w:ins w:id="1" w:author="a">${r('副主席')}</w:ins>` +
        `<w:del w:id="2" w:author="a"><w:r><w:delText>秘书长</w:delText></w:r></w:del>` +
        `<w:smartTag w:uri="x" w:element="PersonName">${r('贺俊')}</w:smartTag>` +
        `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${r('出席')}</w:sdtContent></w:sdt>` +
        `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('会议')}<w:r><w:fldChar w:fldCharType="end"/></w:r>` +
        `<w:fldSimple w:instr="DATE">${r('。')}</w:fldSimple>`,
    );
    const { blocks } = await extractDocx(makeRawDocx(body), LIMIT);
    expect(blocks.map((b) => b.text)).toEqual(['市政协副主席贺俊出席会议。']);
  });

  it('reads block-level content controls and nested tables', async () => {
    const body =
      `<w:sdt><w:sdtContent>${p(r('控件内段落'))}</w:sdtContent></w:sdt>` +
      `<w:tbl><w:tr><w:tc>${p(r('外层'))}<w:tbl><w:tr><w:tc>${p(r('内层'))}</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>`;
    const { blocks } = await extractDocx(makeRawDocx(body), LIMIT);
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', '控件内段落'],
      ['tableCell', '外层'],
      ['tableCell', '内层'],
    ]);
  });

  it('decodes XML entities and character references', async () => {
    const { blocks } = await extractDocx(makeRawDocx(p(r('A&amp;B &lt;政协&gt; &#x25C6;&#9670;'))), LIMIT);
    expect(blocks[0].text).toBe('A&B <政协> ◆◆');
  });

  it('maps a Wingdings bullet in numbering.xml to the Unicode glyph it draws', async () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uF075"/><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings" w:hint="default"/></w:rPr></w:lvl></w:abstractNum>' +
      '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uF0B7"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>';
    const body = p(r('菱形'), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>') + p(r('圆点'), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>');
    const { blocks } = await extractDocx(makeRawDocx(body, { numberingXml: numbering }), LIMIT);
    expect(blocks.map((b) => b.listGlyph)).toEqual(['◆', '•']);
  });

  it('takes list numbering and heading levels from paragraph styles, and honours numId 0 as "no list"', async () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="标题 2"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="Custom"/><w:pPr><w:outlineLvl w:val="3"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="ItemStyle"><w:name w:val="Item"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>';
    const numbering =
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
    const body =
      p(r('一级'), '<w:pStyle w:val="1"/>') +
      p(r('二级'), '<w:pStyle w:val="a5"/>') +
      p(r('四级'), '<w:pStyle w:val="Outline"/>') +
      p(r('条目'), '<w:pStyle w:val="ItemStyle"/>') +
      p(r('非条目'), '<w:pStyle w:val="ItemStyle"/><w:numPr><w:numId w:val="0"/></w:numPr>') +
      p(r('直接大纲'), '<w:outlineLvl w:val="1"/>');
    const { blocks } = await extractDocx(makeRawDocx(body, { stylesXml: styles, numberingXml: numbering }), LIMIT);
    expect(blocks.map((b) => [b.text, b.kind, b.level, b.listGlyph, b.bold])).toEqual([
      ['一级', 'heading', 1, undefined, undefined],
      ['二级', 'heading', 2, undefined, undefined],
      ['四级', 'heading', 4, undefined, undefined],
      ['条目', 'listItem', 0, '●', true],
      ['非条目', 'paragraph', undefined, undefined, true],
      ['直接大纲', 'heading', 2, undefined, undefined],
    ]);
  });

  it('warns when a list paragraph refers to numbering that is not defined', async () => {
    const r0 = await extractDocx(makeRawDocx(p(r('孤儿条目'), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr>')), LIMIT);
    expect(r0.blocks[0].kind).toBe('paragraph');
    expect(r0.messages).toEqual([expect.objectContaining({ severity: 'warning', code: 'docx-list-numbering-missing' })]);
  });

  it('reads text boxes once, even when Word stores them twice (choice and fallback)', async () => {
    const box = `<w:txbxContent>${p(r('工作简报'))}</w:txbxContent>`;
    const body = p(
      `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>${box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>` +
        r('正文'),
    );
    const { blocks } = await extractDocx(makeRawDocx(body), LIMIT);
    expect(blocks.map((b) => [b.text, b.index])).toEqual([
      ['工作简报', 0],
      ['正文', 1],
    ]);
  });

  it('accepts a namespace prefix other than w:', async () => {
    const body = '<ns0:p><ns0:r><ns0:t>前缀不同</ns0:t></ns0:r></ns0:p>';
    const { blocks } = await extractDocx(makeRawDocx(body, { prefix: 'ns0' }), LIMIT);
    expect(blocks.map((b) => b.text)).toEqual(['前缀不同']);
  });

  it('leaves out hidden (w:vanish) text', async () => {
    const { blocks } = await extractDocx(makeRawDocx(p(r('看得见') + r('看不见', '<w:vanish/>') + r('也看得见', '<w:vanish w:val="0"/>'))), LIMIT);
    expect(blocks[0].text).toBe('看得见也看得见');
  });

  it('converts page breaks to nothing and w:cr to a newline', async () => {
    const body = p(`${r('上页')}<w:r><w:br w:type="page"/></w:r>${r('下页')}<w:r><w:cr/></w:r>${r('换行')}`);
    const { blocks } = await extractDocx(makeRawDocx(body), LIMIT);
    expect(blocks[0].text).toBe('上页下页\n换行');
  });
});

describe('extractDocx on damaged and hostile archives', () => {
  it('fails with corrupt-file on a truncated docx', async () => {
    const bytes = await makeDocx([new Paragraph('正文')]);
    expect(await codeOf(extractDocx(bytes.subarray(0, Math.floor(bytes.length / 2)), LIMIT))).toBe('corrupt-file');
  });

  it('fails with corrupt-file when document.xml is not well-formed', async () => {
    expect(await codeOf(extractDocx(makeRawDocx('<w:p><w:r><w:t>未闭合</w:r></w:p>'), LIMIT))).toBe('corrupt-file');
  });

  it('fails with unknown-format on a zip that is not a Word document', async () => {
    const zip = makeZip([{ name: 'hello.txt', data: 'not a docx' }]);
    expect(await codeOf(extractDocx(zip, LIMIT))).toBe('unknown-format');
  });

  it('fails with zip-bomb before inflating when declared sizes pass the limit', async () => {
    const bytes = makeRawDocx(p(r('正文')));
    // Same parts, but the central directory claims a 3 GB entry.
    const bomb = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: 'x', declaredSize: 3_000_000_000 },
    ]);
    expect(await codeOf(extractDocx(bytes, LIMIT))).toBeUndefined();
    expect(await codeOf(extractDocx(bomb, LIMIT))).toBe('zip-bomb');
  });

  it('fails with zip-bomb on an entry with an absurd compression ratio', async () => {
    const zeros = Buffer.alloc(20 * 1024 * 1024);
    const bomb = makeZip([{ name: 'word/document.xml', data: zeros }]);
    expect(zlib.deflateRawSync(zeros).length).toBeLessThan(zeros.length / 500);
    expect(await codeOf(extractDocx(bomb, LIMIT))).toBe('zip-bomb');
  });

  it('fails with zip-bomb when the total passes a small configured limit', async () => {
    const bytes = await makeDocx([new Paragraph('正文')]);
    expect(await codeOf(extractDocx(bytes, 1000))).toBe('zip-bomb');
  });

  it('stops inflating an entry that produces more than its header declared', async () => {
    const lying = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>', declaredSize: 10 },
    ]);
    expect(await codeOf(extractDocx(lying, LIMIT))).toMatch(/corrupt-file|zip-bomb/);
  });
});
