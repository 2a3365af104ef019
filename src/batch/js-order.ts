/**
 * SQLite compares TEXT by its UTF-8 bytes, JavaScript compares strings by UTF-16 code units; the two
 * disagree once a character lies beyond U+FFFF. The batch's files are sorted the JavaScript way
 * (manifest, ids), so what the run's state database sorts by is the string as UTF-16BE bytes, whose
 * byte order is the code-unit order.
 */
export function jsOrderKey(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

export function fromJsOrderKey(key: Buffer): string {
  return Buffer.from(key).swap16().toString('utf16le');
}
