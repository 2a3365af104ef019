import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { closingQuotes, issueAgrees, repairDates, repairMisreadMonth } from '../../src/normalise/ocr-repair.js';
import { ocrLines as lines, ocrItemsOf as itemsOf } from '../helpers/ocr-lines.js';

const markers = parseConfig({}).markers;

describe('repairMisreadMonth: a month numeral misread in a date opening a paragraph', () => {
  const november = new Date(Date.UTC(2021, 10, 28));
  const july = new Date(Date.UTC(2023, 6, 12));

  it.each([
    ['1月16日，某县侨联组织会员走访。', november, '11月16日，某县侨联组织会员走访。'],
    ['◆1月3日下午，某县政协召开会议。', november, '◆11月3日下午，某县政协召开会议。'],
    ['●/月5日下午，区人大常委会召开推进会。', july, '●7月5日下午，区人大常委会召开推进会。'],
    ['/月9日，某镇人大开展视察。', july, '7月9日，某镇人大开展视察。'],
    ['/月9日，某镇人大开展视察。', new Date(Date.UTC(2023, 1, 1)), '1月9日，某镇人大开展视察。'],
  ])('reads %s as the month that falls in the weeks before the issue', (text, issue, want) => {
    expect(repairMisreadMonth(text, issue, true)).toBe(want);
  });

  it.each([
    ['1月16日，某县侨联组织会员走访。', new Date(Date.UTC(2022, 1, 10))],
    ['1月16日，某县侨联组织会员走访。', new Date(Date.UTC(2021, 6, 1))],
    ['会议回顾了今年1月16日以来的工作。', new Date(Date.UTC(2021, 10, 28))],
    ['11月16日，某县侨联组织会员走访。', new Date(Date.UTC(2021, 10, 28))],
    ['/月5日下午，区人大常委会召开推进会。', new Date(Date.UTC(2023, 11, 1))],
  ])('leaves %s alone where January fits, where no reading fits, or inside a sentence', (text, issue) => {
    expect(repairMisreadMonth(text, issue, true)).toBe(text);
  });

  it('is off unless the paragraphs’ dates agree with the issue date', () => {
    expect(repairMisreadMonth('1月16日，某县侨联组织会员走访。', november)).toBe('1月16日，某县侨联组织会员走访。');
  });

  it('trusts an issue date that most dated paragraphs fall before, and not one OCR misread', () => {
    const texts = ['某某简报', '2021年11月28日', '11月2日上午，某会召开。', '◆11月8日，某会调研。', '11月9日，某会视察。', '1月16日，某会走访。'];
    expect(issueAgrees(texts, november)).toBe(true);
    const december = ['某某简报', '2023年1]月9日', '◇12月28日，某会召开。', '◇12月30日，某会调研。', '◇1月5日，某会走访。'];
    expect(issueAgrees(december, new Date(Date.UTC(2023, 10, 9)))).toBe(false);
  });

  it('dates the item of a document whose other items confirm the issue date', () => {
    const result = itemsOf(
      lines([
        ['某某统战简报', 1],
        ['中共某某县委统战部　2021年11月28日', 1],
        ['（一）某县召开专题会议', 1],
        ['11月2日上午，某县召开专题会议。', 1],
        ['（二）某县商会完成换届', 1],
        ['11月8日下午，某县商会召开会员大会。', 1],
        ['（三）某县侨联开展走访', 1],
        ['1月16日，某县侨联组织会员走访。', 1],
        ['（四）某县举办培训班', 1],
        ['11月21日至25日，某县培训班举办。', 1],
      ]),
    );
    expect(result.items.map((i) => i.paragraphs[0].slice(0, 6))).toEqual(['11月2日上', '11月8日下', '11月16日', '11月21日']);
  });
});

describe('repairDates: a day whose 日 was misread before a part of the day or a comma', () => {
  it.each([
    ['9月12晶下午，某政协召开协商会。', '9月12日下午，某政协召开协商会。'],
    ['◆9月14晶晚上，某机关举办读书会。', '◆9月14日晚上，某机关举办读书会。'],
    ['会议于6月3目，在某地召开', '会议于6月3日，在某地召开'],
    ['5月20H上午，某会召开', '5月20日上午，某会召开'],
    ['8月2田至4日，某会视察', '8月2日至4日，某会视察'],
  ])('reads %s with its 日', (text, want) => {
    expect(repairDates(text)).toBe(want);
  });

  it('leaves a date after junk opening the line to the document-wide junk rule', () => {
    expect(repairDates('命7月10H下午，某会视察。')).toBe('命7月10H下午，某会视察。');
  });

  it.each([['9月12晶体管厂开工'], ['3月5口岸开放'], ['全年12月份白天']])('leaves %s alone', (text) => {
    expect(repairDates(text)).toBe(text);
  });
});

describe('closingQuotes: a pair of ASCII quotes round Chinese text', () => {
  it.each([
    ['某机关举办"书香机关"读书分享会', '某机关举办“书香机关”读书分享会'],
    ['开展"同心助农"活动，"送法下乡"同步', '开展“同心助农”活动，“送法下乡”同步'],
    ['他说"好"。', '他说“好”。'],
    ['“已经关闭”的"引号"', '“已经关闭”的“引号”'],
    ['“双减"政策', '“双减”政策'],
  ])('prints %s with Chinese quotes', (text, want) => {
    expect(closingQuotes(text)).toBe(want);
  });

  it.each([['型号"AB-12"设备'], ['一个"引号'], ['"' + '某'.repeat(30) + '"']])('leaves %s alone', (text) => {
    expect(closingQuotes(text)).toBe(text);
  });
});
