import { describe, expect, it } from 'vitest';
import { WordTable, type DictEntry } from '../../src/entities/word-table.js';

/** The Map-based parse the table replaced, kept here as the reference it must agree with. */
function referenceParse(raw: string): (word: string) => DictEntry | undefined {
  const words = new Map<string, number>();
  const tags: string[] = [];
  const tagIndex = new Map<string, number>();
  const packTag = (tag: string) => {
    let i = tagIndex.get(tag);
    if (i === undefined) {
      i = tags.length;
      tags.push(tag);
      tagIndex.set(tag, i);
    }
    return i;
  };
  let at = 0;
  while (at < raw.length) {
    let end = raw.indexOf('\n', at);
    if (end < 0) end = raw.length;
    const sp1 = raw.indexOf(' ', at);
    if (sp1 > at + 1 && sp1 < end) {
      const sp2 = raw.indexOf(' ', sp1 + 1);
      const freq = Number(raw.slice(sp1 + 1, sp2));
      const tag = raw.slice(sp2 + 1, end).trim();
      if (tags.length < 256 || tagIndex.has(tag)) words.set(raw.slice(at, sp1), freq * 256 + packTag(tag));
    }
    at = end + 1;
  }
  return (word) => {
    const packed = words.get(word);
    return packed === undefined ? undefined : { freq: Math.floor(packed / 256), tag: tags[packed % 256] };
  };
}

/** Every word of the text (and with `substrings` every substring of up to 6 code units), looked up in both. */
function expectSameAsReference(raw: string, table: WordTable = WordTable.parse(raw), substrings = true): void {
  const reference = referenceParse(raw);
  const probes = new Set<string>();
  for (const line of raw.split('\n')) probes.add(line.split(' ')[0]);
  if (substrings) for (let i = 0; i < raw.length; i++) for (let len = 1; len <= 6; len++) probes.add(raw.slice(i, i + len));
  for (const w of probes) expect(table.get(w), JSON.stringify(w)).toEqual(reference(w));
}

describe('WordTable', () => {
  it('reads word, frequency and tag of each line', () => {
    const table = WordTable.parse('政协 5000 n\n包头市 300 ns\n赵海涛 3 nr\n');
    expect(table.get('政协')).toEqual({ freq: 5000, tag: 'n' });
    expect(table.get('包头市')).toEqual({ freq: 300, tag: 'ns' });
    expect(table.get('赵海涛')).toEqual({ freq: 3, tag: 'nr' });
    expect(table.get('政')).toBeUndefined();
    expect(table.get('政协会')).toBeUndefined();
    expect(table.get('')).toBeUndefined();
    expect(table.size).toBe(3);
  });

  it('leaves out words of one character, and a repeated word takes its last line', () => {
    const raw = '的 9999 uj\n高兴 10 a\n高兴 20 v\nA 3 eng\nAB 4 eng\n';
    const table = WordTable.parse(raw);
    expect(table.get('的')).toBeUndefined();
    expect(table.get('高兴')).toEqual({ freq: 20, tag: 'v' });
    expect(table.size).toBe(2);
    expectSameAsReference(raw, table);
  });

  it('counts characters outside the BMP as two code units', () => {
    const raw = '𠀀 5 n\n𠀀字 6 n\n字𠀀 7 n\né 8 n\néa 9 n\n';
    expectSameAsReference(raw);
    expect(WordTable.parse(raw).get('𠀀')).toEqual({ freq: 5, tag: 'n' });
    expect(WordTable.parse(raw).get('\ud840')).toBeUndefined();
  });

  it('agrees with the line-by-line parse on odd lines', () => {
    const raw = [
      '词语 12 n \t',
      '词组 13 v ',
      '短语 14  ',
      '词汇 0012 vn\r',
      '没有标签 7',
      '频率缺失  n',
      '非数字 1e3 n',
      '很大 12345678901234567890 n',
      '长标签 5 nrfgxyz',
      '标签带空格 5 n s',
      '非ASCII标签 5 名词',
      '\ufeff带BOM 5 n',
      '',
      ' 前导空格 5 n',
      '无空格行',
      '末行 42',
    ].join('\n');
    expectSameAsReference(raw);
  });

  it('agrees with the parse of the decoded text when bytes are not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('好的 5 n\n坏'), Buffer.from([0xff, 0xc3]), Buffer.from('字 6 n\n')]);
    const table = WordTable.fromBytes(bytes);
    expectSameAsReference(bytes.toString('utf8'), table);
    expect(table.get('坏\ufffd\ufffd字')).toEqual({ freq: 6, tag: 'n' });
  });

  it('drops entries once 256 distinct tags are taken, as before', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `词${i} ${i} t${i}`);
    lines.push('再现 1 t3');
    expectSameAsReference(lines.join('\n'));
  });

  it('grows past its first estimate of the number of lines', () => {
    // 7-byte lines: more lines than the 12-bytes-a-line estimate leaves room for
    const lines = Array.from({ length: 2000 }, (_, i) => `${String.fromCharCode(0x4e00 + i)}a ${i % 10} n`);
    const raw = lines.join('\n');
    const table = WordTable.parse(raw);
    expect(table.size).toBe(2000);
    expectSameAsReference(raw, table, false);
  });
});
