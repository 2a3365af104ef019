import iconv from 'iconv-lite';

/** A .txt original in the encoding the record names (utf-8, gb18030, utf-16…); BOMs dropped. */
export function decodeText(bytes: Buffer, encoding: string | null): string {
  const name = encoding && iconv.encodingExists(encoding) ? encoding : 'utf-8';
  return iconv.decode(bytes, name);
}
