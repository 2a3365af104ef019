/** Minimal one-page PDFs (unlike pdf.ts's, with a compressed stream and text in a standard font) written from scratch, with a Flate-compressed content stream, for hostile-input tests. */
import zlib from 'node:zlib';

/** A PDF whose single page draws `content` (PDF content operators) with a Helvetica font. */
export function makeFlatePdf(content: Buffer): Buffer {
  const stream = zlib.deflateSync(content, { level: 9 });
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let size = parts[0].length;
  objects.forEach((body, i) => {
    offsets.push(size);
    const chunk =
      body === null
        ? Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from('\nendstream\nendobj\n')])
        : Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`);
    parts.push(chunk);
    size += chunk.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** Content drawing `count` one-letter strings, each placed apart on the page: small compressed, as many text items for a reader. */
export function manyTextOperators(count: number): Buffer {
  const ops: string[] = ['BT /F1 8 Tf'];
  for (let i = 0; i < count; i++) ops.push(`1 0 0 1 ${20 + (i % 55) * 10} ${820 - (Math.floor(i / 55) % 80) * 10} Tm (a) Tj`);
  ops.push('ET');
  return Buffer.from(ops.join('\n'));
}
