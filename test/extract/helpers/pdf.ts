/**
 * Builds small PDFs for tests, so no binary fixtures or converters are needed. Text uses the
 * non-embedded Adobe-GB1 font STSong-Light with the predefined UniGB-UCS2-H CMap: pdf.js can
 * only turn it into Unicode with its packed CMaps, which is what the extractor must configure.
 */

export interface PdfText {
  text: string;
  x: number;
  /** Baseline, from the bottom of the page. */
  y: number;
  size?: number;
}

export interface PdfPageSpec {
  texts: PdfText[];
  /** Draw a 1×1 inline image scaled over the page (a "scan"). */
  image?: boolean;
}

export interface PdfOptions {
  /** Add a standard-security-handler /Encrypt dictionary whose user password is not empty. */
  encrypted?: boolean;
  /** Use a simple font whose ToUnicode map sends A–Z into the private-use area. */
  privateUseFont?: boolean;
}

const PAGE_W = 595;
const PAGE_H = 842;

function utf16beHex(text: string): string {
  return Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
}

export function makePdf(pages: PdfPageSpec[], options: PdfOptions = {}): Buffer {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const descriptor = add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  const cidFont = add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor ${descriptor} 0 R /DW 1000 >>`);
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${cidFont} 0 R] >>`);
  let puaFont = 0;
  if (options.privateUseFont) {
    const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /PUA def 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <41> <5A> <E041> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end`;
    const toUnicode = add(`<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`);
    puaFont = add(`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode ${toUnicode} 0 R >>`);
  }
  const kids: number[] = [];
  for (const page of pages) {
    let content = '';
    if (page.image) content += `q ${PAGE_W} 0 0 ${PAGE_H} 0 0 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q\n`;
    for (const t of page.texts) {
      const size = t.size ?? 12;
      if (options.privateUseFont) content += `BT /F2 ${size} Tf ${t.x} ${t.y} Td (${t.text}) Tj ET\n`;
      else content += `BT /F1 ${size} Tf ${t.x} ${t.y} Td <${utf16beHex(t.text)}> Tj ET\n`;
    }
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`);
    const fonts = `/F1 ${font} 0 R${puaFont ? ` /F2 ${puaFont} 0 R` : ''}`;
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << ${fonts} >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let encrypt = '';
  if (options.encrypted) {
    const o = 'A'.repeat(64);
    const u = 'B'.repeat(64);
    const enc = add(`<< /Filter /Standard /V 1 /R 2 /O <${o}> /U <${u}> /P -44 >>`);
    encrypt = ` /Encrypt ${enc} 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]`;
  }

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * Lays out paragraphs like a word processor: a 2-character first-line indent, lines wrapped at
 * a fixed number of characters, 12pt text on a 20pt pitch from the top margin.
 */
export function layoutParagraphs(
  paragraphs: Array<string | { text: string; indent?: boolean; centre?: boolean; size?: number }>,
  opts: { perLine?: number; top?: number; left?: number; size?: number } = {},
): PdfText[] {
  const size = opts.size ?? 12;
  const perLine = opts.perLine ?? 30;
  const left = opts.left ?? 72;
  let y = opts.top ?? 760;
  const texts: PdfText[] = [];
  for (const p of paragraphs) {
    const spec = typeof p === 'string' ? { text: p, indent: true } : p;
    const s = spec.size ?? size;
    const chars = Array.from(spec.text);
    let first = true;
    while (chars.length > 0) {
      const room = first && spec.indent ? perLine - 2 : perLine;
      const line = chars.splice(0, room).join('');
      const x = spec.centre ? left + ((perLine * size - Array.from(line).length * s) / 2) : left + (first && spec.indent ? 2 * s : 0);
      texts.push({ text: line, x, y, size: s });
      y -= s * 1.7;
      first = false;
    }
  }
  return texts;
}
