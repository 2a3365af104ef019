/**
 * Builds small .docx files in tests with the `docx` package (what Word itself writes: styles,
 * numbering definitions, tables), so docx tests need no binary fixtures.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';

export { AlignmentType, ExternalHyperlink, HeadingLevel, LevelFormat, Paragraph, Table, TableCell, TableRow, TextRun };

/** Numbering references available to paragraphs of makeDocx documents. */
export const LISTS = {
  /** ◆ at level 0, ◇ at level 1: the item glyphs of a bulletin. */
  items: 'items',
  /** 一、 二、 三、 at level 0, （一） at level 1. */
  chinese: 'chinese',
  /** 1. 2. 3. */
  decimal: 'decimal',
} as const;

export async function makeDocx(
  children: Array<Paragraph | Table>,
  options: { header?: string; footer?: string } = {},
): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: LISTS.items,
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: '◆', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.BULLET, text: '◇', alignment: AlignmentType.LEFT },
          ],
        },
        {
          reference: LISTS.chinese,
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
          ],
        },
        { reference: LISTS.decimal, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }] },
      ],
    },
    sections: [
      {
        headers: options.header ? { default: new Header({ children: [new Paragraph(options.header)] }) } : undefined,
        footers: options.footer ? { default: new Footer({ children: [new Paragraph(options.footer)] }) } : undefined,
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
