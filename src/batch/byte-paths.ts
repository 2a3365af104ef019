/**
 * File names are bytes on POSIX systems, and archives unpacked from Windows zips carry GBK bytes that
 * are not UTF-8. A name decoded to a JS string would lose those bytes (U+FFFD), so opening it fails
 * and two such names become one. Such a path is kept as a Buffer for reading, and shown (in the
 * manifest, record ids, source.path) with its non-ASCII bytes written `%XX`.
 */
import { isUtf8 } from 'node:buffer';
import path from 'node:path';

/** A path for reading: a string when every part is UTF-8, else the raw bytes. */
export type FsPath = string | Buffer;

/** The name as a string when it is UTF-8 (every ordinary name), else its bytes. */
export function nameOf(bytes: Buffer): FsPath {
  return isUtf8(bytes) ? bytes.toString('utf8') : bytes;
}

/** `dir/name`, staying a string while both are strings. */
export function joinPath(dir: FsPath, name: FsPath): FsPath {
  if (typeof dir === 'string' && typeof name === 'string') return path.join(dir, name);
  return Buffer.concat([Buffer.from(dir), Buffer.from(path.sep), Buffer.from(name)]);
}

/**
 * A name safe to show and store: a UTF-8 name as it is; in any other name, printable ASCII but `%`
 * as it is and every other byte as `%XX` (its bytes are in no known encoding, so none is guessed).
 */
export function displayName(name: FsPath): string {
  if (typeof name === 'string') return name;
  let out = '';
  for (const byte of name) {
    out += byte >= 0x20 && byte < 0x7f && byte !== 0x25 ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A form of any path in which comparison is by bytes: each byte one char. */
export const byteKey = (p: FsPath): string => Buffer.from(p).toString('latin1');
