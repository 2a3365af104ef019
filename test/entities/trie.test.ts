import { describe, expect, it } from 'vitest';
import { charTable, WordEndTrie, WordTrie, wordsByCode } from '../../src/entities/trie.js';

/** Every occurrence of every word by an indexOf scan per word, as the finders did before the trie. */
function scanPerWord(text: string, words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (!w) continue;
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) out.push(`${at}:${w}`);
  }
  return out.sort();
}

function matches(trie: WordTrie, text: string): string[] {
  const out: string[] = [];
  trie.forEachMatch(text, (w, at) => out.push(`${at}:${w}`));
  return out;
}

describe('WordTrie', () => {
  it('finds every occurrence of every word, overlapping and nested ones too', () => {
    const words = ['政协', '市政协', '包头市', '包头', '协会', '政'];
    const text = '包头市政协委员、市政协协会和包头市政协';
    const trie = new WordTrie(words);
    expect([...matches(trie, text)].sort()).toEqual(scanPerWord(text, words));
  });

  it('reports matches by start, shorter words first', () => {
    const trie = new WordTrie(['包头市', '包头', '头市']);
    expect(matches(trie, '去包头市')).toEqual(['1:包头', '1:包头市', '2:头市']);
  });

  it('matches words that end the text and repeated characters', () => {
    const words = ['aa', 'aaa', '政协'];
    const text = 'aaaa政协';
    expect([...matches(new WordTrie(words), text)].sort()).toEqual(scanPerWord(text, words));
  });

  it('ignores empty words and finds nothing in empty text', () => {
    const trie = new WordTrie(['', '市']);
    expect(matches(trie, '')).toEqual([]);
    expect(matches(trie, '市市')).toEqual(['0:市', '1:市']);
    expect(new WordTrie([]).longestAt('abc', 0)).toBeNull();
  });

  it('gives the longest word at an offset', () => {
    const trie = new WordTrie(['强调', '强', '指出', '表示']);
    expect(trie.longestAt('他强调指出', 1)).toBe('强调');
    expect(trie.longestAt('他强', 1)).toBe('强');
    expect(trie.longestAt('他强', 0)).toBeNull();
    expect(trie.longestAt('指', 0)).toBeNull();
    expect(trie.longestAt('他', 5)).toBeNull();
    expect(trie.maxLength).toBe(2);
  });

  it('filters offsets by their first character without missing or inventing a match', () => {
    const trie = new WordTrie(['强调', '指出', '怀念']);
    expect(trie.mayStartWith('强'.charCodeAt(0))).toBe(true);
    expect(trie.mayStartWith('调'.charCodeAt(0))).toBe(false);
    // 倀 (U+5000) and 怀 (U+6000) share the filter's slot: a maybe, then no match
    expect(trie.mayStartWith('倀'.charCodeAt(0))).toBe(true);
    expect(matches(trie, '倀念怀念')).toEqual(['2:怀念']);
    expect(trie.longestAt('倀念', 0)).toBeNull();
  });

  it('gives every word at an offset, shortest first, and caps the length asked for', () => {
    const trie = new WordTrie(['委员', '委员会', '委', '主任']);
    expect(trie.wordsAt('政协委员会主任', 2)).toEqual(['委', '委员', '委员会']);
    expect(trie.wordsAt('政协委员会主任', 0)).toEqual([]);
    expect(trie.longestAt('政协委员会主任', 2, 2)).toBe('委员');
    expect(trie.longestAt('政协委员会主任', 2, 0)).toBeNull();
  });

  it('agrees with a scan per word on the lexicon words in running text', () => {
    const words = ['中共中央', '市政协', '政协', '九三学社', '民革中央', '包头市', '石拐区', '青山区', '区政协'];
    const text = '5月8日，九三学社包头市委与民革中央、市政协、青山区政协和石拐区政协座谈，包头市政协主席出席。';
    expect([...matches(new WordTrie(words), text)].sort()).toEqual(scanPerWord(text, words));
  });
});

/** The longest word of `words` ending at `end` by trying each length, as wordEndingAt did before the trie. */
function endingBySlices(text: string, end: number, words: Set<string>, maxLen: number): string | null {
  for (let len = Math.min(maxLen, end); len >= 1; len--) if (words.has(text.slice(end - len, end))) return text.slice(end - len, end);
  return null;
}

describe('WordEndTrie', () => {
  it('gives the longest word ending at an offset, within the length asked for', () => {
    const words = new Set(['和', '以及', '与', '陪同', '在', '会见了']);
    const trie = new WordEndTrie(words);
    const text = '在市长陪同下会见了来宾以及和与';
    for (let end = 0; end <= text.length; end++) {
      for (const maxLen of [0, 1, 2, 3, 4]) expect(trie.longestEndingAt(text, end, maxLen), `${end}/${maxLen}`).toBe(endingBySlices(text, end, words, maxLen));
    }
    expect(trie.maxLength).toBe(3);
  });
});

describe('wordsByCode and charTable', () => {
  it('groups words by first or last character, in their order', () => {
    expect(wordsByCode(['年以来', '以来', '年度', '年', ''], 'first').get('年'.charCodeAt(0))).toEqual(['年以来', '年度', '年']);
    expect(wordsByCode(['委员会', '学会', '会', '局'], 'last').get('会'.charCodeAt(0))).toEqual(['委员会', '学会', '会']);
  });

  it('tells members by code, and an undefined code is no member', () => {
    const table = charTable('省市区');
    expect(table['市'.charCodeAt(0)]).toBe(1);
    expect(table['县'.charCodeAt(0)]).toBe(0);
    expect(table['x'.charCodeAt(5)]).toBeUndefined();
  });
});
