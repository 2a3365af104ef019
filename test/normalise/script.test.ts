import { describe, expect, it } from 'vitest';
import { restoreStrings, simplifiedShadow } from '../../src/normalise/script.js';

const TRADITIONAL = ['縣政協召開十屆十二次主席會議', '3月2日，縣政協主席鄭國華主持會議並講話。副主席錢麗萍、孫建國參加會議。'];

describe('simplifiedShadow', () => {
  it('converts a traditional document to simplified characters of the same length', () => {
    const shadow = simplifiedShadow(TRADITIONAL);
    expect(shadow?.texts).toEqual(['县政协召开十届十二次主席会议', '3月2日，县政协主席郑国华主持会议并讲话。副主席钱丽萍、孙建国参加会议。']);
    shadow?.texts.forEach((t, k) => expect(t).toHaveLength(TRADITIONAL[k].length));
  });

  it('maps strings of the shadow back to the characters the document printed', () => {
    const shadow = simplifiedShadow(TRADITIONAL);
    expect(shadow?.restore('县政协主席')).toBe('縣政協主席');
    expect(shadow?.restore('郑国华')).toBe('鄭國華');
  });

  it('leaves a simplified document alone', () => {
    expect(simplifiedShadow(['3月2日，县政协主席郑国华主持会议并讲话。'])).toBeNull();
  });

  it('leaves a simplified document that quotes a few traditional characters alone', () => {
    const text = '3月2日，县政协召开主席会议，审议了年度工作安排和重点协商计划，听取了各专委会的工作汇报。'.repeat(5) + '题写“臺灣”二字。';
    expect(simplifiedShadow([text])).toBeNull();
  });

  it('maps a simplified character back to the printed character the document uses most for it', () => {
    // 後 becomes 后 four times; the printed 后 once: 后 maps back to 後
    const shadow = simplifiedShadow(['會後，委員們前後三次到現場。會議之後，皇后鎮代表發言。隨後，調研組離開。']);
    expect(shadow?.restore('会后')).toBe('會後');
  });
});

describe('restoreStrings', () => {
  it('maps every string of a record but those under the kept keys, keeping the key order', () => {
    const record = { source: { path: '县/文件.txt' }, title: '县政协', items: [{ name: '县政协', canonical: '县政协' }], n: 3 };
    const out = restoreStrings(record, (s) => s.replace(/县/g, '縣'), new Set(['source', 'canonical']));
    expect(out).toEqual({ source: { path: '县/文件.txt' }, title: '縣政协', items: [{ name: '縣政协', canonical: '县政协' }], n: 3 });
    expect(Object.keys(out)).toEqual(['source', 'title', 'items', 'n']);
  });
});
