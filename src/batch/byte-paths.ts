/**
 * File names are bytes on POSIX systems, and archives unpacked from Windows zips carry GBK bytes that
 * are not UTF-8. A name decoded to a JS string would lose those bytes (U+FFFD), so opening it fails
 * and two such names become one. Such a path is kept as a Buffer for reading, and shown (in the
 * manifest, record ids, source.path) with each byte that is not UTF-8 written `%XX`.
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
 * A name safe to show and store: UTF-8 names as they are; in any other name, `%` and every byte
 * that is not part of a valid UTF-8 sequence as `%XX` (so the bytes can be told from the text).
 */
export function displayName(name: FsPath): string {
  if (typeof name === 'string') return name;
  let out = '';
  let i = 0;
  while (i < name.length) {
    const lead = name[i];
    const size = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    const seq = size > 0 ? name.subarray(i, i + size) : null;
    if (seq && seq.length === size && isUtf8(seq)) {
      const text = seq.toString('utf8');
      out += text === '%' ? '%25' : text;
      i += size;
    } else {
      out += `%${lead.toString(16).toUpperCase().padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

/** A form of any path in which comparison is by bytes: each byte one char. */
export const byteKey = (p: FsPath): string => Buffer.from(p).toString('latin1');
