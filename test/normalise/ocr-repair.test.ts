import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { segment } from '../../src/segment/index.js';
import { finishOcrSegments, fullWidthBrackets, isOcrFolio, issueDate, looseMastheadDate, repairDates, repairMisreadMonth, repairOcrLines, repairSectionMarks, separateMastheadDate, stripUnreadableMarker } from '../../src/normalise/ocr-repair.js';
import { ocrLines as lines } from '../helpers/ocr-lines.js';

const markers = parseConfig({}).markers;

describe('repairDates', () => {
  it('removes the spaces OCR puts inside dates and numbers', () => {
    expect(repairDates('5月 8 日，市政协召开会议')).toBe('5月8日，市政协召开会议');
    expect(repairDates('2020 年第 18 期')).toBe('2020年第18期');
    expect(repairDates('提出意见建议 21 条')).toBe('提出意见建议21条');
  });

  it('reads 〇/O as 0, l/I/|/] as 1 and 曰 as 日 inside dates', () => {
    expect(repairDates('2O2O年5月l] 曰')).toBe('2020年5月11日');
    expect(repairDates('5月1|日上午')).toBe('5月11日上午');
    expect(repairDates('12月3曰')).toBe('12月3日');
  });

  it('drops a stray character between a year and 年 in a masthead date', () => {
    expect(repairDates('包头市政协办公室　2020人年5月1] 日')).toBe('包头市政协办公室　2020年5月11日');
  });

  it('leaves impossible dates and words made of look-alikes alone', () => {
    expect(repairDates('OI月II日')).toBe('OI月II日');
    expect(repairDates('13月40日')).toBe('13月40日');
    expect(repairDates('Office 月报')).toBe('Office 月报');
  });

  it('reads 一 between two dates as a dash', () => {
    expect(repairDates('5月31日一6月1日，调研')).toBe('5月31日—6月1日，调研');
  });

  it('reads a misread 月 in a day opening a line, after junk that stands for an item glyph', () => {
    expect(repairDates('急4绷9日上午，区政协召开会议')).toBe('急4月9日上午，区政协召开会议');
    expect(repairDates('11洞2日至3日，调研组')).toBe('11月2日至3日，调研组');
  });

  it('leaves a number, a word and a day alone inside a line or where no date follows', () => {
    expect(repairDates('会议要求3人5日内完成')).toBe('会议要求3人5日内完成');
    expect(repairDates('3人5日内完成')).toBe('3人5日内完成');
  });

  it('writes the zeros of a year in Chinese numerals as 〇, one where OCR read one twice', () => {
    expect(repairDates('区政协办公室　二O一八年四月九日')).toBe('区政协办公室　二〇一八年四月九日');
    expect(repairDates('区政协办公室　二O〇一八年四月九日')).toBe('区政协办公室　二〇一八年四月九日');
    expect(repairDates('二o二二年')).toBe('二〇二二年');
  });

  it('leaves Arabic years and runs without two Chinese numerals alone', () => {
    expect(repairDates('2018年第4期')).toBe('2018年第4期');
    expect(repairDates('一O一年')).toBe('一O一年');
    expect(repairDates('OO一O年')).toBe('OO一O年');
  });
});

describe('fullWidthBrackets', () => {
  it('sets brackets around Chinese text full-width, whichever way OCR read each side', () => {
    expect(fullWidthBrackets('召开第三次〈扩大)会议')).toBe('召开第三次（扩大）会议');
    expect(fullWidthBrackets('建议案(草案)》')).toBe('建议案（草案）》');
    expect(fullWidthBrackets('各县(市、区)政协')).toBe('各县（市、区）政协');
  });

  it('leaves brackets around numbers and Latin text alone', () => {
    expect(fullWidthBrackets('(1) 见附件 (PDF)')).toBe('(1) 见附件 (PDF)');
  });
});

describe('stripUnreadableMarker', () => {
  it('takes one to three characters of junk before a date-led line for an unreadable item glyph', () => {
    expect(stripUnreadableMarker('急5月29日下午，区政协召开会议', ['◆'])).toBe('5月29日下午，区政协召开会议');
    expect(stripUnreadableMarker('@@ 5月8日，调研', ['◆'])).toBe('5月8日，调研');
    expect(stripUnreadableMarker('2　5月7日，青山区政协', ['◆'])).toBe('5月7日，青山区政协');
    // ◇ read as O right before the month is no leading zero.
    expect(stripUnreadableMarker(repairDates('O5月 7 日，青山区政协'), ['◆'])).toBe('5月7日，青山区政协');
  });

  it('takes junk before an opening on a relative date (近日，) for an unreadable glyph too', () => {
    expect(stripUnreadableMarker('仿近日，县政协组织部分委员开展民主监督', ['◆'])).toBe('近日，县政协组织部分委员开展民主监督');
    expect(stripUnreadableMarker('@ 日前，县政协召开会议', ['◆'])).toBe('日前，县政协召开会议');
    expect(stripUnreadableMarker('最近日子里，委员们走访群众', ['◆'])).toBeNull();
    expect(stripUnreadableMarker('据近日，县政协通报', ['◆'])).toBeNull();
  });

  it('takes a digit joined to the date for the glyph only when the month cannot be read with it', () => {
    expect(stripUnreadableMarker('24月13日，民盟市委开展义诊活动', ['◆'])).toBe('4月13日，民盟市委开展义诊活动');
    expect(stripUnreadableMarker('<24月13日，民盟市委开展义诊活动', ['◆'])).toBe('4月13日，民盟市委开展义诊活动');
    expect(stripUnreadableMarker('11月13日，民盟市委开展义诊活动', ['◆'])).toBeNull();
    expect(stripUnreadableMarker('<12月3日，民盟市委开展义诊活动', ['◆'])).toBe('12月3日，民盟市委开展义诊活动');
  });

  it('keeps words that really stand before a date, and dates that lead without junk', () => {
    expect(stripUnreadableMarker('今年5月8日，市政协召开会议', ['◆'])).toBeNull();
    expect(stripUnreadableMarker('据悉5月8日，市政协将召开会议', ['◆'])).toBeNull();
    expect(stripUnreadableMarker('另5月8日，市政协还召开了会议', ['◆'])).toBeNull();
    expect(stripUnreadableMarker('于5月8日召开', ['◆'])).toBeNull();
    expect(stripUnreadableMarker('5月8日，市政协召开会议', ['◆'])).toBeNull();
    expect(stripUnreadableMarker('12月8日，市政协召开会议', ['◆'])).toBeNull();
    expect(stripUnreadableMarker('会议强调，要坚持', ['◆'])).toBeNull();
  });
});

describe('repairSectionMarks', () => {
  it('restores 【】 and ※ titles from the look-alikes OCR gives', () => {
    expect(repairSectionMarks(['[重要会议]', '兴重要活动兴'], markers)).toEqual(['【重要会议】', '※重要活动※']);
  });

  it('takes a title marked on one side only when another title in the document is marked on both', () => {
    expect(repairSectionMarks(['关重要会议兴', '尖领导活动', '参政议政]'], markers)).toEqual(['※重要会议※', '※领导活动※', '参政议政]']);
    expect(repairSectionMarks(['关心下一代工作'], markers)).toEqual(['关心下一代工作']);
  });

  it('takes a last character OCR could not read, after an opening ※ read right, for the closing mark', () => {
    expect(repairSectionMarks(['※调研视察党'], markers, [0])).toEqual(['※调研视察※']);
    expect(repairSectionMarks(['※调研视察党'], markers, [93])).toEqual(['※调研视察党']);
    expect(repairSectionMarks(['※调研视察党'], markers)).toEqual(['※调研视察党']);
    // A look-alike opening with a doubtful last character is not enough.
    expect(repairSectionMarks(['关心下一代工作'], markers, [12])).toEqual(['关心下一代工作']);
  });

  it('only writes marks the config uses', () => {
    const custom = parseConfig({ markers: { sections: [{ open: '■', close: '' }] } }).markers;
    expect(repairSectionMarks(['[重要会议]'], custom)).toEqual(['[重要会议]']);
  });
});

describe('looseMastheadDate', () => {
  it('reads a damaged masthead date when its year agrees with the rest of the masthead', () => {
    const top = lines([['包头市政协工作周报', 1], ['2020年第18期', 1], ['包头市政协办公室　2020人年5月1])曰', 1]]);
    expect(looseMastheadDate(top, 2020)).toBe('2020-05-01');
    expect(looseMastheadDate(top, 2019)).toBeNull();
    expect(looseMastheadDate(top, null)).toBeNull();
    expect(looseMastheadDate(lines([['2020年2月30日', 1]]), 2020)).toBeNull();
  });

  it('reads a masthead date in Chinese numerals with junk among the numerals of its year', () => {
    const top = lines([['政协工作动态', 1], ['2021年第5期(总第112期)', 1], ['市政协办公室　二人@〇二一年五月二十四日', 1]]);
    expect(looseMastheadDate(top, 2021)).toBe('2021-05-24');
    expect(looseMastheadDate(top, 2020)).toBeNull();
    expect(looseMastheadDate(lines([['市政协办公室　二O二一年二月三十日', 1]]), 2021)).toBeNull();
  });
});

describe('separateMastheadDate', () => {
  it('sets a masthead date apart from the office when OCR glued specks read as punctuation between them', () => {
    expect(separateMastheadDate('某县政协办公室。”二〇二一年三月五日')).toBe('某县政协办公室\u3000二〇二一年三月五日');
    expect(separateMastheadDate('某市委员会办公室 ， 2019年4月8日')).toBe('某市委员会办公室\u30002019年4月8日');
  });

  it('leaves sentences that end before a date, and punctuation not followed by a full date, alone', () => {
    expect(separateMastheadDate('会议结束。3月5日，调研组前往')).toBe('会议结束。3月5日，调研组前往');
    expect(separateMastheadDate('某县政协办公室　2021年第3期')).toBe('某县政协办公室　2021年第3期');
    expect(separateMastheadDate('2020年，全市完成')).toBe('2020年，全市完成');
  });
});

describe('repairMisreadMonth', () => {
  const issue = new Date(Date.UTC(2025, 10, 24));

  it('reads 二 before an Arabic day as 11 when November, not February, falls in the weeks before the issue', () => {
    expect(repairMisreadMonth('二月14日，市委会召开全会。', issue)).toBe('11月14日，市委会召开全会。');
    expect(repairMisreadMonth('◆二月3日，调研', issue)).toBe('◆11月3日，调研');
  });

  it('leaves 二月 alone where February fits, where neither fits, and in Chinese-numeral dates', () => {
    expect(repairMisreadMonth('二月14日，市委会召开全会。', new Date(Date.UTC(2025, 2, 1)))).toBe('二月14日，市委会召开全会。');
    expect(repairMisreadMonth('二月14日，市委会召开全会。', new Date(Date.UTC(2025, 6, 1)))).toBe('二月14日，市委会召开全会。');
    expect(repairMisreadMonth('十二月十四日', issue)).toBe('十二月十四日');
    expect(repairMisreadMonth('二月十四日', issue)).toBe('二月十四日');
  });

  it('takes the issue date from the first full date at the top', () => {
    expect(issueDate(['遵义市委会', '第11期', '2025年11月24日'])?.toISOString().slice(0, 10)).toBe('2025-11-24');
    expect(issueDate(['遵义市委会', '第11期'])).toBeNull();
  });
});

describe('isOcrFolio', () => {
  it('recognises page numbers as OCR reads them', () => {
    for (const folio of ['— 3 —', '一 3 一', '-3-', '3', '第 2 页 共 4 页']) expect(isOcrFolio(folio)).toBe(true);
    for (const text of ['2020年', '一、重要会议', '共印50份']) expect(isOcrFolio(text)).toBe(false);
  });
});

describe('repairOcrLines with the segmenter', () => {
  const ocrDocument = lines([
    ['西乡塘政协工作动态', 1],
    ['第11期', 1],
    ['西乡塘区政协办公室　2O23年6月5 日', 1],
    ['[重要会议]', 1],
    ['急5月29日下午，区政协召开十届十二次常委会议，区政协主席覃立新主持会议并讲话。', 1],
    ['一 1 一', 1],
    ['西乡塘政协工作动态', 2],
    ['◆5月 30 日，区政协召开机关党支部党员大会，传达学习有关精神。', 2],
    ['@@ 6月1日晚上，区政协副主席农志坚带领部分委员开展民主监督。', 2],
  ]);

  it('leaves lines that did not come from OCR (no confidence) exactly as they are', () => {
    const textLayer = ocrDocument.map(({ confidence: _c, ...line }) => line);
    expect(repairOcrLines(textLayer, markers).lines).toEqual(textLayer);
  });

  it('makes a section of a line whose closing ※ OCR read as a character it was unsure of', () => {
    const doc = lines([['※重要会议※', 1], ['◆5月8日，市政协召开常委会议。', 1], ['※调研视察党', 1, 62], ['◆5月9日，市政协调研乡村振兴工作。', 1]]);
    doc[2].lastConfidence = 0;
    const repair = repairOcrLines(doc, markers);
    const result = segment(repair.lines, repair.markers);
    expect(result.sections.map((s) => s.title)).toEqual(['重要会议', '调研视察']);
    expect(result.items.map((i) => [i.section, i.headline ?? null])).toEqual([['重要会议', null], ['调研视察', null]]);
  });

  it('removes a running header beside a folio even where OCR read it unlike the masthead title', () => {
    const doc = lines([
      ['政协江北区委员会', 1],
      ['工作简报', 1],
      ['江北区政协办公室　2021年5月10日', 1],
      ['◆5月6日，区政协副主席带领部分委员视察老旧小区改造，要补齐养老、托育、停', 1],
      ['一 1 一', 1],
      ['江北政协工作简报', 2],
      ['车等配套设施短板。', 2],
    ]);
    const repair = repairOcrLines(doc, markers);
    const result = segment(repair.lines, repair.markers);
    expect(result.items).toHaveLength(1);
    expect(result.items[0].paragraphs.join('')).toContain('停车等配套设施短板。');
  });

  it('takes a glyph Tesseract swallowed into a line opening on a date for an unreadable item glyph, and drops the mark elsewhere', () => {
    const doc = lines([
      ['※重要会议※', 1],
      ['◇12月28日，市政协召开党组会议。', 1],
      ['\uE00112月30日下午，市政协召开常委会议。', 1],
      ['\uE00112名委员参加了会议。', 1],
    ]);
    const repair = repairOcrLines(doc, markers);
    expect(repair.lines.map((l) => l.text)).toEqual(['※重要会议※', '◇12月28日，市政协召开党组会议。', '\uE00012月30日下午，市政协召开常委会议。', '12名委员参加了会议。']);
    const result = finishOcrSegments(segment(repair.lines, repair.markers), repair);
    expect(result.items.map((i) => [i.marker, i.paragraphs[0].slice(0, 6)])).toEqual([
      ['◇', '12月28日'],
      [null, '12月30日'],
    ]);
  });

  it('leaves out short lines OCR could not read, with a message', () => {
    const repair = repairOcrLines(lines([['二', 1, 21.8], ['5月8日，市政协召开会议。', 1]]), markers);
    expect(repair.lines.map((l) => l.text)).toEqual(['5月8日，市政协召开会议。']);
    expect(repair.messages.map((m) => m.code)).toContain('ocr-unreadable-lines');
  });

  it('finds every item, with the date repaired, the unreadable glyph as marker null and a message', () => {
    const repair = repairOcrLines(ocrDocument, markers);
    const result = finishOcrSegments(segment(repair.lines, repair.markers), repair);
    expect(result.masthead.date).toBe('2023-06-05');
    expect(result.sections.map((s) => s.title)).toEqual(['重要会议']);
    expect(result.items.map((i) => [i.marker, i.paragraphs[0].slice(0, 6)])).toEqual([
      [null, '5月29日下'],
      ['◆', '5月30日，'],
      [null, '6月1日晚上'],
    ]);
    expect(result.items.every((i) => !i.paragraphs.join('').includes('西乡塘政协工作动态'))).toBe(true);
    expect(result.messages.filter((m) => m.code === 'ocr-unreadable-marker')).toHaveLength(2);
  });
});
