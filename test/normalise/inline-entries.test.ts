import { describe, expect, it } from 'vitest';
import { splitInlineEntries } from '../../src/normalise/inline-entries.js';
import { segment } from '../../src/segment/index.js';
import { linesFrom } from '../helpers/lines.js';

const YEARBOOK =
  '【全体委员会议】 五届二次会议 2009年2月3日至6日召开，280名委员出席会议。主席林向东作常务委员会工作报告。 【常务委员会会议】 第8次会议 2月4日召开，林向东主持。吴海燕、许文静出席会议。 第9次会议 4月10日召开，吴海燕主持。会议听取了区水务局工作情况通报。';

describe('a yearbook’s entries run together in one paragraph', () => {
  it('cuts the paragraph at each inline heading and at each entry, keeping the entry’s name apart from its date', () => {
    expect(splitInlineEntries(linesFrom([YEARBOOK])).lines.map((l) => l.text)).toEqual([
      '【全体委员会议】',
      '五届二次会议\u30002009年2月3日至6日召开，280名委员出席会议。主席林向东作常务委员会工作报告。',
      '【常务委员会会议】',
      '第8次会议\u30002月4日召开，林向东主持。吴海燕、许文静出席会议。',
      '第9次会议\u30004月10日召开，吴海燕主持。会议听取了区水务局工作情况通报。',
    ]);
  });

  it('reports the cut', () => {
    expect(splitInlineEntries(linesFrom([YEARBOOK])).messages.map((m) => m.code)).toEqual(['inline-entries-split']);
  });

  it('leaves a paragraph with one gap before a date alone', () => {
    const text = '会议决定。 第8次会议 2月4日召开。';
    expect(splitInlineEntries(linesFrom([text])).lines).toHaveLength(1);
  });

  it('gives each entry an item under its heading, dated by the yearbook’s year', () => {
    const doc = segment(linesFrom(['青川区政协2009年年鉴', '2010-03-15', YEARBOOK]));
    expect(doc.sections.map((s) => s.title)).toEqual(['全体委员会议', '常务委员会会议']);
    expect(doc.items.map((i) => i.section)).toEqual(['全体委员会议', '常务委员会会议', '常务委员会会议']);
  });
});

describe('a run-on digest with ornamented section titles inline', () => {
  const RUN_ON =
    '【卷首语】2021年，青禾市统一战线围绕中心工作凝心聚力！ 请看图说统战 ★园区共建★ 3月8日，青禾县工商联与白鹭区工商联签订合作协议。 4月，民建青禾市委会赴白鹭区考察营商环境。 5月20日，农工党青禾市委会在白鹭区召开座谈会。 6月15日，民革青禾市委会与民革白鹭区委会签订共建协议。 ★乡村振兴★ 7月2日，九三学社青禾市委会赴石桥镇开展科技下乡活动。 8月，致公党青禾市委会组织专家赴柳溪村调研。';

  it('cuts each title out onto its own line', () => {
    expect(splitInlineEntries(linesFrom([RUN_ON])).lines.map((l) => l.text.slice(0, 8))).toEqual(['【卷首语】202', '★园区共建★', '3月8日，青禾县', '★乡村振兴★', '7月2日，九三学']);
  });

  it('makes the titles sections and every entry an item, month-only entries too, the preface apart', () => {
    const doc = segment(linesFrom([RUN_ON]));
    expect(doc.sections.map((s) => s.title)).toEqual(['园区共建', '乡村振兴']);
    expect(doc.items.map((i) => [i.section, i.paragraphs.join('').slice(0, 6)])).toEqual([
      ['园区共建', '3月8日，青'],
      ['园区共建', '4月，民建青'],
      ['园区共建', '5月20日，'],
      ['园区共建', '6月15日，'],
      ['乡村振兴', '7月2日，九'],
      ['乡村振兴', '8月，致公党'],
    ]);
    expect(doc.masthead.title).toBeNull();
    expect(doc.messages.find((m) => m.code === 'preface')?.message).toContain('【卷首语】');
  });

  it('leaves a paragraph with one ornament that wraps no title alone', () => {
    expect(splitInlineEntries(linesFrom(['会议评出★级委员。 代表发言。'])).lines).toHaveLength(1);
  });
});
