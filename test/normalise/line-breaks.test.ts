import { describe, expect, it } from 'vitest';
import { repairLineBreaks, detectWrapWidth } from '../../src/normalise/line-breaks.js';
import { linesFrom } from '../helpers/lines.js';

const opensStructure = {
  opensStructure: (l: { text: string }) => /^[◆◇※]/.test(l.text),
  opensItem: (l: { text: string }) => /^[◆◇]/.test(l.text),
  isTitle: (l: { text: string }) => /^※/.test(l.text),
};

describe('repairLineBreaks', () => {
  it('joins a paragraph that a page break cut in mid-sentence', () => {
    const lines = linesFrom(['我们要继续抓紧做好各项工作，时', '刻绷紧疫情防控这根弦，扎实推进复工复产复学。']);
    expect(repairLineBreaks(lines, opensStructure).map((l) => l.text)).toEqual(['我们要继续抓紧做好各项工作，时刻绷紧疫情防控这根弦，扎实推进复工复产复学。']);
  });

  it('joins a name that was cut in two by a line break', () => {
    const lines = linesFrom(['◆6月3日，区政协副主席宋晓', '辉带队调研社区治理工作。']);
    expect(repairLineBreaks(lines, opensStructure)[0].text).toContain('宋晓辉带队');
  });

  it('does not join after a sentence end', () => {
    const lines = linesFrom(['会议听取了各专委会的修改意见。', '刘晓东强调，要统筹好业务工作和党建工作。']);
    expect(repairLineBreaks(lines, opensStructure)).toHaveLength(2);
  });

  it.each([
    ['printed twice', ['市政协召开主席会议', '市政协召开主席会议', '本报讯（记者 林海）12月27日，市政协召开主席会议。']],
    ['over a news lead whose site name holds a dot', ['县政协十届三次会议闭幕', '青溪日报·青溪在线12月26日讯（通讯员 周某）12月26日下午，县政协十届三次会议闭幕。']],
  ])('does not end an unfinished paragraph with the next page’s headline %s', (_why, next) => {
    const cut = '对报告中提出的工作目标任务，委员们一致认为，从工作实际出发，为全市高质量发展建言献策，充分发挥政协参政议政的职能作';
    const lines = linesFrom([cut, cut, ...next]);
    expect(repairLineBreaks(lines, opensStructure).map((l) => l.text)).toContain(next[0]);
  });

  it('does not join an entry that forgot its full stop to the next dated entry', () => {
    const lines = linesFrom(['4月2日，市政协机关党支部开展主题党日活动，全体党员以普通党员身份参加学习活动', '3月28日，市政协召开主席会议。']);
    expect(repairLineBreaks(lines, opensStructure)).toHaveLength(2);
  });

  it('does not join after a teaser cut off with typed dots', () => {
    const lines = linesFrom(['推行城市圈“一码通”，成员市的政协主席齐......', '10月14日下午，市政协教科卫体委员会开展主题党日活动。']);
    expect(repairLineBreaks(lines, opensStructure)).toHaveLength(2);
  });

  it('does not join two short lines when neither ends a sentence, as photo captions are printed', () => {
    const lines = linesFrom(['委员林秀走访青石乡，察看基层组织建设', '州政协委员王湘云在座谈会上发言']);
    expect(repairLineBreaks(lines, opensStructure)).toHaveLength(2);
  });

  it('joins a news lead cut inside a word to the clause that goes on after it', () => {
    const lines = linesFrom(['新华网青石6月9日电 6月8日傍晚，北', '岭市委书记方木云，市委副书记、市长周禾率领北岭市', '党政考察团抵达我市考察。']);
    expect(repairLineBreaks(lines, opensStructure).map((l) => l.text)).toEqual(['新华网青石6月9日电6月8日傍晚，北岭市委书记方木云，市委副书记、市长周禾率领北岭市党政考察团抵达我市考察。']);
  });

  it('still joins a short line with a comma to the line that ends its sentence', () => {
    const lines = linesFrom(['委员林秀走访青石乡，察看', '基层组织建设情况。']);
    expect(repairLineBreaks(lines, opensStructure).map((l) => l.text)).toEqual(['委员林秀走访青石乡，察看基层组织建设情况。']);
  });

  it('does not glue a short headline onto the paragraph after it', () => {
    const lines = linesFrom(['市政协召开秘书长联席会议', '5月9日，市政协召开秘书长联席会议，秘书长主持。']);
    expect(repairLineBreaks(lines, opensStructure)).toHaveLength(2);
  });

  it('keeps an article headline and its byline apart from the first paragraph', () => {
    const lines = linesFrom(['加快推进大运河文化带邗江段建设的几点建议', '区政协委员、扬州大学文学院副教授蒋文澜', '邗江是大运河的原点城市所在地，文化资源得天独厚。']);
    expect(repairLineBreaks(lines, opensStructure)).toHaveLength(3);
  });

  it('does not join a line that opens an item or section', () => {
    const lines = linesFrom(['在各自岗位上做出新的贡献，希望他们继续发扬顽强作风', '◆5月8日，市政协召开会议。']);
    expect(repairLineBreaks(lines, opensStructure)).toHaveLength(2);
  });

  it('never glues the line after a section title onto the title', () => {
    const lines = linesFrom(['※重要精神※', '中共中央召开党外人士座谈会习近平主持并发表重要讲话']);
    expect(repairLineBreaks(lines, opensStructure)).toHaveLength(2);
  });

  it('rejoins hard-wrapped text by its wrap width', () => {
    const wrapped = [
      '5月12日，区政协主席王建国带领部分委员深入长河',
      '街道调研老旧小区改造工作，实地察看了三个小区的',
      '改造进展情况，听取了街道办事处的工作汇报。',
      '王建国指出，老旧小区改造是民生工程，要坚持问需',
      '于民，把好事办好、实事办实，切实提升居民的获得',
      '感和幸福感。',
      '5月13日，区政协副主席李红梅带队赴滨江新区开展',
      '专题视察，委员们围绕产业园区建设提出了意见建议',
      '，并与园区管委会负责同志进行了座谈交流。',
    ];
    const lines = linesFrom(wrapped);
    expect(detectWrapWidth(lines)).not.toBeNull();
    const texts = repairLineBreaks(lines, opensStructure).map((l) => l.text);
    expect(texts[0]).toContain('深入长河街道调研');
    expect(texts[0]).toContain('听取了街道办事处的工作汇报。');
    expect(texts.some((t) => t.includes('获得感和幸福感。'))).toBe(true);
  });
});

describe('a long news title over its lead', () => {
  it.each([
    ['本报讯', '本报讯 3月2日，省政协召开会议。'],
    ['a news agency dateline', '新华社江州3月2日电 省政协召开会议。'],
    ['a web outlet', '江州网3月2日讯 省政协召开会议。'],
    ['a reporters bracket', '（记者 宋一鸣）3月2日，省政协召开会议。'],
  ])('is not joined to a lead opening with %s', (_why, lead) => {
    const title = '省政协农业和农村委员会第一次全体会议暨全省政协乡村振兴协商工作推进会召开';
    expect(repairLineBreaks(linesFrom([title, lead]), opensStructure)).toHaveLength(2);
  });
});

describe('a title over the next page’s frame', () => {
  it('is never the end of the paragraph above, however that paragraph was cut', () => {
    const lines = linesFrom(['3月1日，市政协召开主席会议。会议要求严格落实会务纪律，确保会议安全有', '市政协召开五届九次主席会议', '4月1日，市政协召开五届九次主席会议。']).map((l, i) => (i === 2 ? { ...l, pageStart: l.index - 1 } : l));
    expect(repairLineBreaks(lines, opensStructure)).toHaveLength(3);
  });
});
