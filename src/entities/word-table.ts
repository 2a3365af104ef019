/**
 * jieba's word dictionary (`word freq tag`, one entry a line) as a lookup table of its words of 2+ characters.
 *
 * Every worker thread loads it, and it has ~350k words. As a Map of strings it cost ~0.2 s per thread:
 * decoding 5 MB of UTF-8 into a string, then making and hashing a string per word and per field. Here the
 * file's bytes are kept as they are, one pass over them hashes each word in place into an open-addressing
 * table of typed arrays, and a lookup encodes the (short) word to UTF-8 and compares bytes. Words, frequencies
 * and tags are exactly those the Map-based parse of the decoded text gave, odd lines included (see `packSlow`;
 * test/entities/word-table.test.ts checks them against it).
 */
import { isUtf8 } from 'node:buffer';

export interface DictEntry {
  freq: number;
  tag: string;
}

/** A tag is stored as its index in the table's tag list; an entry whose tag would be the 257th is dropped. */
const TAG_SLOTS = 256;
/** Frequencies of up to this many digits are summed digit by digit (exactly: below 2^53). */
const MAX_FAST_DIGITS = 15;
/** Tags of up to this many printable ASCII characters get a numeric key (7 bits a character: exact). */
const MAX_KEYED_TAG = 4;
const SPACE = 0x20;
const NEWLINE = 0x0a;
/** FNV-1a, kept as int32 (`| 0`): hashes are compared as stored in an Int32Array. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

export class WordTable {
  /** The dictionary as valid UTF-8. */
  private readonly bytes: Buffer;
  /** Hash slots: entry index + 1, 0 when empty; at least twice as many as entries, so probes stay short. */
  private slots: Int32Array;
  private mask: number;
  /** Per entry: its word's hash, byte offset and byte length, and freq × TAG_SLOTS + tag index. */
  private hashes: Int32Array;
  private wordStart: Int32Array;
  private wordBytes: Int32Array;
  private packed: Float64Array;
  private readonly tags: string[] = [];
  private readonly tagIndex = new Map<string, number>();
  /** Tag index by the numeric key of a short ASCII tag: most lines need no tag string. */
  private readonly tagByKey = new Map<number, number>();
  private count = 0;
  /** The UTF-8 of the word being looked up (grown when a longer one comes). */
  private scratch = new Uint8Array(64);

  private constructor(bytes: Buffer) {
    this.bytes = bytes;
    // room for a line every 12 bytes (jieba's average 14.5): counting lines first would cost a pass
    const capacity = Math.max(16, Math.ceil(bytes.length / 12));
    this.hashes = new Int32Array(capacity);
    this.wordStart = new Int32Array(capacity);
    this.wordBytes = new Int32Array(capacity);
    this.packed = new Float64Array(capacity);
    this.slots = new Int32Array(slotCount(capacity));
    this.mask = this.slots.length - 1;
  }

  /**
   * The table of a dictionary file's bytes, read as UTF-8. Invalid sequences are first replaced the way
   * decoding replaces them, so the words are those of the decoded text.
   */
  static fromBytes(bytes: Uint8Array): WordTable {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const table = new WordTable(isUtf8(buffer) ? buffer : Buffer.from(buffer.toString('utf8'), 'utf8'));
    table.load();
    return table;
  }

  /** The table of a dictionary's text. */
  static parse(text: string): WordTable {
    return WordTable.fromBytes(Buffer.from(text, 'utf8'));
  }

  /** Number of distinct words. */
  get size(): number {
    return this.count;
  }

  get(word: string): DictEntry | undefined {
    if (word.length < 2) return undefined;
    const e = this.find(word);
    if (e < 0) return undefined;
    const packed = this.packed[e];
    return { freq: Math.floor(packed / TAG_SLOTS), tag: this.tags[packed % TAG_SLOTS] };
  }

  /**
   * One pass over the bytes, line by line: a word up to the line's first space (left out when shorter than 2
   * characters), the frequency's digits, a space and a short ASCII tag. Everything is read in this one loop
   * over locals: it runs unoptimised until V8's on-stack replacement is ready, and there every call or
   * property read per byte costs (a version with a helper per field took several times longer cold).
   */
  private load(): void {
    const b = this.bytes;
    const n = b.length;
    let at = 0;
    while (at < n) {
      // the word, hashed as it is read
      let h = FNV_OFFSET;
      let i = at;
      while (i < n && b[i] !== SPACE && b[i] !== NEWLINE) {
        h = Math.imul(h ^ b[i], FNV_PRIME);
        i++;
      }
      if (i >= n || b[i] === NEWLINE) {
        at = i + 1;
        continue;
      }
      const sp1 = i;
      // the usual line: 1–15 digits, one space, a tag of 1–4 printable ASCII characters (trim() keeps it)
      let freq = 0;
      for (i = sp1 + 1; i < n && b[i] >= 0x30 && b[i] <= 0x39; i++) freq = freq * 10 + (b[i] - 0x30);
      let usual = i - sp1 - 1 >= 1 && i - sp1 - 1 <= MAX_FAST_DIGITS && i < n && b[i] === SPACE;
      const tagStart = usual ? i + 1 : i;
      let key = 0;
      let end = tagStart;
      for (; end < n && b[end] !== NEWLINE; end++) {
        if (b[end] <= SPACE || b[end] >= 0x7f) usual = false;
        key = key * 128 + b[end];
      }
      if (end - tagStart < 1 || end - tagStart > MAX_KEYED_TAG) usual = false;
      if (!underTwoUnits(b, at, sp1)) {
        const packed = usual ? this.packKeyed(freq, key, tagStart, end) : this.packSlow(sp1, end);
        if (packed !== undefined) this.insert(at, sp1 - at, h, packed);
      }
      at = end + 1;
    }
  }

  /**
   * freq × TAG_SLOTS + tag index of a usual line, its tag known by its numeric key (7 bits a character),
   * or undefined when the tag list is full.
   */
  private packKeyed(freq: number, key: number, tagStart: number, tagEnd: number): number | undefined {
    let index = this.tagByKey.get(key);
    if (index === undefined) {
      const found = this.tagIndexOf(this.bytes.toString('latin1', tagStart, tagEnd));
      if (found < 0) return undefined;
      this.tagByKey.set(key, (index = found));
    }
    return freq * TAG_SLOTS + index;
  }

  /**
   * Any other line, read as `Number(text.slice(sp1 + 1, sp2))` and `text.slice(sp2 + 1, end).trim()` of the
   * decoded text, where sp2 is the next space (anywhere after sp1, or -1). Offsets of ASCII bytes fall on
   * character boundaries, so decoding a byte range gives that slice of the text.
   */
  private packSlow(sp1: number, end: number): number | undefined {
    const b = this.bytes;
    const sp2 = b.indexOf(SPACE, sp1 + 1);
    // slice(sp1 + 1, -1): the rest of the text but its last code unit
    const freqText = sp2 < 0 ? b.toString('utf8', sp1 + 1).slice(0, -1) : b.toString('utf8', sp1 + 1, sp2);
    // slice(0, end) when sp2 is -1; '' when the next space lies past this line (toString, as slice, gives '')
    const tagText = b.toString('utf8', sp2 < 0 ? 0 : sp2 + 1, end);
    const index = this.tagIndexOf(tagText.trim());
    return index < 0 ? undefined : Number(freqText) * TAG_SLOTS + index;
  }

  /** The tag's index, added if new; -1 when the list is full. */
  private tagIndexOf(tag: string): number {
    let index = this.tagIndex.get(tag);
    if (index === undefined) {
      if (this.tags.length >= TAG_SLOTS) return -1;
      index = this.tags.length;
      this.tags.push(tag);
      this.tagIndex.set(tag, index);
    }
    return index;
  }

  /** Adds the word of `length` bytes at `start`; a word seen before takes the later line's value. */
  private insert(start: number, length: number, hash: number, packed: number): void {
    const b = this.bytes;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const e = this.slots[slot] - 1;
      if (e < 0) {
        if (this.count === this.hashes.length) {
          this.grow();
          this.insert(start, length, hash, packed);
          return;
        }
        const n = this.count++;
        this.hashes[n] = hash;
        this.wordStart[n] = start;
        this.wordBytes[n] = length;
        this.packed[n] = packed;
        this.slots[slot] = n + 1;
        return;
      }
      if (this.hashes[e] === hash && this.wordBytes[e] === length && b.compare(b, start, start + length, this.wordStart[e], this.wordStart[e] + length) === 0) {
        this.packed[e] = packed;
        return;
      }
    }
  }

  /** Twice the room for entries, and the slots rebuilt from the stored hashes. */
  private grow(): void {
    const capacity = this.hashes.length * 2;
    const widen = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.hashes = widen(this.hashes, (n) => new Int32Array(n));
    this.wordStart = widen(this.wordStart, (n) => new Int32Array(n));
    this.wordBytes = widen(this.wordBytes, (n) => new Int32Array(n));
    this.packed = widen(this.packed, (n) => new Float64Array(n));
    this.slots = new Int32Array(slotCount(capacity));
    this.mask = this.slots.length - 1;
    for (let e = 0; e < this.count; e++) {
      let slot = this.hashes[e] & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = e + 1;
    }
  }

  /** Entry index of `word`, or -1. */
  private find(word: string): number {
    const length = this.encode(word);
    if (length < 0) return -1;
    const s = this.scratch;
    const h = hashBytes(s, 0, length);
    const b = this.bytes;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const e = this.slots[slot] - 1;
      if (e < 0) return -1;
      if (this.hashes[e] !== h || this.wordBytes[e] !== length) continue;
      const start = this.wordStart[e];
      let same = true;
      for (let i = 0; i < length && same; i++) same = b[start + i] === s[i];
      if (same) return e;
    }
  }

  /**
   * Writes `word` as UTF-8 into `scratch`; returns its byte length, or -1 for a lone surrogate (no word
   * of decoded text holds one, so such a word is in no dictionary).
   */
  private encode(word: string): number {
    if (this.scratch.length < word.length * 3) this.scratch = new Uint8Array(word.length * 3);
    const s = this.scratch;
    let n = 0;
    for (let i = 0; i < word.length; i++) {
      let c = word.charCodeAt(i);
      if (c < 0x80) {
        s[n++] = c;
      } else if (c < 0x800) {
        s[n++] = 0xc0 | (c >> 6);
        s[n++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        s[n++] = 0xe0 | (c >> 12);
        s[n++] = 0x80 | ((c >> 6) & 0x3f);
        s[n++] = 0x80 | (c & 0x3f);
      } else {
        const low = word.charCodeAt(i + 1);
        if (c > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return -1;
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
        s[n++] = 0xf0 | (c >> 18);
        s[n++] = 0x80 | ((c >> 12) & 0x3f);
        s[n++] = 0x80 | ((c >> 6) & 0x3f);
        s[n++] = 0x80 | (c & 0x3f);
      }
    }
    return n;
  }
}

/** FNV-1a of the bytes [start, end). */
function hashBytes(b: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ b[i], FNV_PRIME);
  return h;
}

/** A power of two at least twice `entries`. */
function slotCount(entries: number): number {
  let size = 16;
  while (size < entries * 2) size *= 2;
  return size;
}

/**
 * Whether the UTF-8 bytes [start, end) make fewer than two UTF-16 code units: nothing, or one character of
 * 1–3 bytes (a 4-byte one takes two units). Such words are left out, as `text.slice(at, sp1).length < 2` was.
 */
function underTwoUnits(b: Uint8Array, start: number, end: number): boolean {
  const length = end - start;
  if (length === 0) return true;
  if (length > 3) return false;
  const lead = b[start];
  const charLength = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
  return charLength === length;
}
