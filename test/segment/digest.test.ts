import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { DATE_LED } from '../../src/segment/classify.js';
import { SUBJECT_DATED, isLeadThenRecount, isCaption, isDigest, isNumberedLine, splitRunTogether, isClosingCredit } from '../../src/segment/digest.js';
import { segment } from '../../src/segment/index.js';
import { linesFrom } from '../helpers/lines.js';

const markers = parseConfig({}).markers;
const texts = (lines: Array<string | { text: string; kind?: 'paragraph' | 'heading' }>) =>
  segment(linesFrom(lines), markers).items.map((i): [string | null, string] => [i.headline, i.paragraphs.join('|')]);

describe('run-together items', () => {
  it.each([
    ['a day date with a comma after a full stop', '日前，某某看望师生。9月2日，区妇联召开会议。', ['日前，某某看望师生。', '9月2日，区妇联召开会议。']],
    ['three items in one paragraph', '甲开会。9月2日，乙开会。9月5日上午，丙开会。', ['甲开会。', '9月2日，乙开会。', '9月5日上午，丙开会。']],
    ['a range', '甲开会。9月2日至3日，乙调研。', ['甲开会。', '9月2日至3日，乙调研。']],
    ['a day after the span the paragraph opens with', '9月1日至2日，甲调研。9月5日，乙开会。', ['9月1日至2日，甲调研。', '9月5日，乙开会。']],
    ['号 for 日', '甲开会。9月2号，乙调研。', ['甲开会。', '9月2号，乙调研。']],
    ['the last day of the span the paragraph opens with', '3月2日—4日，县政协全会召开。3月4日，县政协常委会议召开。', ['3月2日—4日，县政协全会召开。', '3月4日，县政协常委会议召开。']],
    ["a newspaper's next report", '甲出席。本报讯（郑某）乙展览昨天揭幕。', ['甲出席。', '本报讯（郑某）乙展览昨天揭幕。']],
  ])('are cut apart at %s', (_why, text, pieces) => {
    expect(splitRunTogether(text)).toEqual(pieces);
  });

  it.each([
    ['a date inside a clause', '甲开会。9月2日召开的会议决定，乙调研。'],
    ['a date after a comma', '甲开会，9月2日，乙调研。'],
    ['a year-only sentence', '甲开会。2023年，乙调研。'],
    ['a day inside the span the paragraph opens with', '9月15日至22日，区政协开展交叉视察。9月15日，视察组先到某镇。9月18日，又到某乡。'],
    ['a day inside a span across months', '4月28日至5月3日，调研组赴外地考察。5月1日，考察组参观某园区。'],
  ])('are not cut at %s', (_why, text) => {
    expect(splitRunTogether(text)).toEqual([text]);
  });

  it('cut a paragraph of three dated entries at its month-only entries too', () => {
    expect(splitRunTogether('3月8日，甲签约。4月，乙考察。5月20日，丙开会。6月15日，丁签约。')).toEqual(['3月8日，甲签约。', '4月，乙考察。', '5月20日，丙开会。', '6月15日，丁签约。']);
  });

  it('cut a digest’s paragraph at a month-only entry, and no article’s', () => {
    const text = '7月2日，甲赴某镇开展科技下乡活动。8月，乙组织专家赴某村调研。';
    expect(splitRunTogether(text, true)).toEqual(['7月2日，甲赴某镇开展科技下乡活动。', '8月，乙组织专家赴某村调研。']);
    expect(splitRunTogether(text)).toEqual([text]);
  });
});

describe('a date that qualifies a noun', () => {
  it.each([
    ['6月22日召开的座谈会上，两地政协交流了经验。', false],
    ['6月22日上午召开的会议指出，要抓好落实。', false],
    ['6月22日，两地政协召开座谈会。', true],
    ['6月22日市政协召开座谈会。', true],
  ])('%s opens an entry: %s', (text, expected) => {
    expect(DATE_LED.test(text)).toBe(expected);
  });

  it('leaves a headlined web article one item when later paragraphs open so', () => {
    const items = texts([
      '县政协主席林方带队赴临江开展交流活动',
      '近日，县政协主席林方带领考察组前往临江开展交流活动。',
      '6月22日召开的座谈会上，两地政协围绕协商平台建设进行了深入交流。',
      '2019年，两地政协缔结为友好政协。',
      '会上，双方一致认为，要深化交流机制。',
      '6月23日，林方主席一行参观了临江市农业展示馆。',
    ]);
    expect(items).toHaveLength(1);
  });
});

describe('photo captions closing the text', () => {
  it('stay in the last item, not a headlined item of their own', () => {
    const items = texts([
      '7月24日，州政协召开新任委员座谈会。委员们从工作实际出发提出意见建议。会后，林方一行走访新任委员田秀云。',
      '林方副主席在青石乡听取新任州政协委员履职情况汇报',
      '林方副主席走访新任州政协委员田秀云，察看该乡基层组织建设',
      '州政协委员王湘云在座谈会上发言',
    ]);
    expect(items).toHaveLength(1);
    expect(items[0][0]).toBeNull();
    expect(items[0][1]).toContain('王湘云在座谈会上发言');
  });

  it('say in a message that they were kept in the text', () => {
    const doc = segment(linesFrom(['7月24日，州政协召开新任委员座谈会。委员们提出意见建议。', '林方副主席在青石乡听取汇报', '州政协委员王湘云在座谈会上发言']), markers);
    expect(doc.messages.map((m) => m.code)).toContain('closing-captions');
    expect(doc.messages.map((m) => m.code)).not.toContain('captions-removed');
  });

  it('are never a table’s rows closing the text', () => {
    const rows = ['事项　责任单位', '协商工作计划　提案委员会', '常委会议筹备　办公室'].map((text) => ({ text, kind: 'tableCell' as const }));
    const doc = segment(linesFrom(['4月9日，市政协召开主席会议，审议有关事项。', ...rows]), markers);
    expect(doc.messages.map((m) => m.code)).not.toContain('closing-captions');
  });
});

describe('lines that are not items', () => {
  it.each([
    ['1、学习文件精神；', true],
    ['2. 协商年度计划', true],
    ['（3）研究其他事项。', true],
    ['1月5日，区政协召开会议。', false],
    ['2023年度工作要点', false],
  ])('%s is a numbered line: %s', (text, expected) => {
    expect(isNumberedLine(text)).toBe(expected);
  });

  it.each([
    ['座谈会现场', true],
    ['调研现场', true],
    ['与会人员合影', true],
    ['图为委员们在企业车间了解生产情况', true],
    ['区政协召开主席会议', false],
    ['记者 张三 摄', false],
    ['会议现场，委员们踊跃发言。', false],
  ])('%s is a photo caption: %s', (text, expected) => {
    expect(isCaption(text)).toBe(expected);
  });

  it('calls paragraphs a digest when most open with their dates', () => {
    expect(isDigest(['3月1日市政协召开党组会议，主席某某主持。', '3月2日至4日市政协副主席分别召开会议。', '会议要求，要抓好落实，确保取得实效。'], DATE_LED)).toBe(true);
    expect(isDigest(['3月1日，市政协召开党组会议，主席某某主持。', '会议指出，要认真学习，深刻领会精神。', '会议要求，要抓好落实，确保取得实效。'], DATE_LED)).toBe(false);
  });
});

describe('segmenting digests and copied pages', () => {
  it('makes each paragraph of a digest an item, dates without a comma included', () => {
    expect(texts([
      '3月1日市政协十五届一次党组会议召开。市政协主席某某主持并讲话。',
      '3月2日至4日市政协副主席分别召开了分管委室全体人员会议。',
      '由某电台与我区共同主办的消夏晚会日前在某小区举行，区领导与群众一起观看了演出。',
      '3月4日市政协组织收听收看大会开幕会。',
    ]).map(([, p]) => p.slice(0, 10))).toEqual(['3月1日市政协十五届', '3月2日至4日市政协', '由某电台与我区共同主', '3月4日市政协组织收']);
  });

  it('cuts a paragraph of run-together items into items', () => {
    const items = texts([
      '连日来，区领导分别深入各街道，检查防火工作，指导基层工作。',
      '日前，区委副书记某某深入小学视察，看望师生。9月2日，区妇联召开执委扩大会议，传达会议精神。9月5日，某党派区委会召开大会，表彰先进集体。',
      '日前，区委统战部被评为先进单位。',
    ]);
    expect(items.map(([, p]) => p.slice(0, 6))).toEqual(['连日来，区领', '日前，区委副', '9月2日，区', '9月5日，某', '日前，区委统']);
  });

  it('keeps a numbered agenda inside its item', () => {
    const items = texts([
      '区政协召开主席会议',
      '3月3日上午，区政协召开主席会议，会议主要内容：',
      '1、学习中央文件精神；',
      '2、协商年度工作要点；',
      '3、部署文明创建工作',
    ]);
    expect(items).toHaveLength(1);
    expect(items[0][0]).toBe('区政协召开主席会议');
    expect(items[0][1].split('|')).toHaveLength(4);
  });

  it('gives each copied page its title as headline, leaves out a photo caption, keeps a byline line as text', () => {
    const items = texts([
      '某市领导看望慰问政协委员',
      '座谈会现场',
      '1月9日，市领导来到政协委员驻地，亲切看望出席会议的政协委员。',
      '市政协副主席某某陪同活动。',
      '某市政协全会预备会议举行',
      '某报记者 甲乙 丙丁 某地报道',
      '2月20日下午，预备会议在市委党校举行。副主席某某主持会议。',
      '会后，与会人员集体观看了警示教育片。',
    ]);
    expect(items.map(([h]) => h)).toEqual(['某市领导看望慰问政协委员', '某市政协全会预备会议举行']);
    expect(items[0][1]).not.toContain('座谈会现场');
    expect(items[1][1].split('|')).toHaveLength(3);
  });

  it('keeps a page dateline paragraph under its title and meta line in one item', () => {
    const items = texts(['区政协委员视察重点项目', '发布时间：2023-01-06　来源：区政协', '1月5日，区政协副主席某某带领委员视察重点项目。', '视察组建议加快要素保障。']);
    expect(items).toHaveLength(1);
  });

  it('joins a first line cut inside a bracket to the line after it', () => {
    const items = texts(['某网消息（记者', '王某）8月12日，市政协召开主席会议，传达学习会议精神。', '会议指出，要认真贯彻落实。']);
    expect(items).toHaveLength(1);
    expect(items[0][1].startsWith('某网消息（记者王某）8月12日')).toBe(true);
  });
});

describe('dated paragraphs under a headline', () => {
  it('keep a headlined article whole when a later paragraph opens with a date', () => {
    const items = texts([
      '区政协调研组赴外地考察',
      '3月4日，区政协副主席某某带领调研组赴外地考察文化旅游工作。',
      '调研组实地参观了古村落保护项目，听取了情况介绍。',
      '3月5日，调研组又来到某县，考察美丽乡村建设情况。',
      '调研组认为，两地经验值得借鉴。',
    ]);
    expect(items).toHaveLength(1);
  });

  it('split a column title over dated paragraphs into items', () => {
    const items = texts([
      '市政协一周要闻回顾',
      '3月1日，市政协召开党组会议，传达学习有关精神。',
      '3月2日，市政协副主席某某带队调研重点项目建设。',
      '3月4日，市政协组织收听收看大会开幕会。',
    ]);
    expect(items.map(([h, p]) => [h, p.slice(0, 5)])).toEqual([
      ['市政协一周要闻回顾', '3月1日，'],
      [null, '3月2日，'],
      [null, '3月4日，'],
    ]);
  });
});

describe('paragraphs of a digest that are no items', () => {
  it('keep a paragraph that continues an item (会议指出，…) with it, while a recent event opens its own', () => {
    const items = texts([
      '3月1日，市政协召开党组会议，传达学习有关会议精神。',
      '会议指出，要认真学习领会，抓好贯彻落实，确保取得实效。',
      '3月2日，市政协副主席某某带队调研重点项目建设情况。',
      '由某电台与我区共同主办的消夏晚会日前在某小区举行，区领导观看了演出。',
      '3月4日，市政协组织收听收看大会开幕会。',
    ]);
    expect(items.map(([, p]) => p.split('|').length)).toEqual([2, 1, 1, 1]);
  });
});

describe('a day of the month alone', () => {
  const digest = [
    '政协要闻速览',
    '4月11日至15日，省政协副主席某某率调研组赴江州开展专题调研。',
    '4月16日上午，省政协机关干部职工参加义务植树活动。',
    '16日下午，“政协讲坛”第二讲在江州举行，省政协主席某某出席。',
    '4月15日，市政协召开主席会议，审议有关方案。',
  ];

  it('opens an item in a digest and takes the month of the items before it', () => {
    const items = segment(linesFrom(digest), markers).items;
    expect(items.map((i) => i.paragraphs[0].slice(0, 4))).toEqual(['4月11', '4月16', '16日下', '4月15']);
    expect(items[2].headingDate).toEqual({ text: '4月16日', month: 4, day: 16 });
  });

  it('gives no month to a day earlier than the one above it (the month has turned; the issue dates it)', () => {
    const items = segment(linesFrom(['政协要闻速览', '3月28日，市政协召开常委会议，审议有关事项。', '3月30日，市政协委员走进联络站接待群众。', '5日，市政协机关召开干部大会。']), markers).items;
    expect(items.map((i) => i.headingDate)).toEqual([null, null, null]);
  });

  it('continues an article that tells one story over several days', () => {
    const article = ['市政协调研组赴江州调研', '4月15日，市政协调研组赴江州调研。', '16日，调研组又赴湖州座谈。'];
    expect(segment(linesFrom(article), markers).items).toHaveLength(1);
  });
});

describe('credit lines closing an item', () => {
  it.each([
    ['a photographer and 摄影报道', '罗明德 摄影报道'],
    ['a reporter and 摄', '记者 张小明 摄'],
    ['two names and 供稿', '王小勃 陶小然 供稿'],
    ['a name run into 摄影报道', '井娇摄影报道'],
  ])('recognises %s', (_why, line) => {
    expect(isClosingCredit(line)).toBe(true);
  });

  it.each([
    ['a headline ending in 报道', '县政协开展委员履职情况专题报道'],
    ['a sentence', '委员们认真整理了调研材料，形成报告。'],
  ])('does not take %s for one', (_why, line) => {
    expect(isClosingCredit(line)).toBe(false);
  });

  it('keeps a credit line with the item above it instead of heading the next one', () => {
    const doc = segment(
      linesFrom([
        '近日，长宁区政协主席张文华率队走访民革界别委员小组，听取委员意见。',
        '罗明德 摄影报道',
        '近日，大同区政协组织委员调研经开区教育工作，为全区教育事业发展把脉支招。',
        '张眉 摄影报道',
      ]),
      markers,
    );
    expect(doc.items.map((i) => [i.headline, i.paragraphs.length])).toEqual([
      [null, 2],
      [null, 2],
    ]);
  });
});

describe('part-of-day entries in a digest', () => {
  it('opens an item at a part of day set apart by a gap, dated the day of the entry above', () => {
    const doc = segment(
      linesFrom([
        '1月11日上午　省政协机关召开全体党员大会，选举产生新一届机关党委。',
        '下午　全国政协副主席白某出席在省城举行的经济合作论坛。',
        '晚上　马某主席出席省政府顾问聘任仪式。',
        '1月24日上午　省政协全体会议在省城举行，副主席张某主持大会。',
      ]),
      markers,
    );
    expect(doc.items.map((i) => i.headingDate?.text ?? null)).toEqual([null, '1月11日', '1月11日', null]);
  });

  it('opens one too where long entries continue over undated paragraphs, so the page is no digest by share', () => {
    const doc = segment(
      linesFrom([
        '2月3日　省政协主席林某在江城看望困难职工家庭，秘书长许某陪同。',
        '2月6日上午　西部农业博览会在江城开幕，全国政协副主席罗某出席开幕式。',
        '下午　罗某出席在江城举行的农业合作论坛。',
        '晚上　林某主席出席农业专家聘任仪式。',
        '2月9日上午　省政协全体会议在江城举行，省政协主席林某，副主席甲某、乙某、丙某在主席台就坐。',
        '丁某、戊某因故向大会表示祝贺。',
        '会议听取了常委会工作报告，审议了提案工作情况报告。',
        '会议号召全省政协委员围绕中心、服务大局，为全省发展贡献力量。',
        '与会委员分组讨论了政府工作报告和有关文件。',
      ]),
      markers,
    );
    expect(doc.items.map((i) => i.headingDate?.text ?? null)).toEqual([null, null, '2月6日', '2月6日', null]);
  });

  it('keeps a part of day followed by a comma with the item above it', () => {
    const doc = segment(
      linesFrom(['3月5日上午，调研组到某镇调研乡村振兴工作，听取情况汇报。', '下午，调研组又赴某村实地察看。', '3月8日，区政协召开常委会议，审议有关事项。']),
      markers,
    );
    expect(doc.items).toHaveLength(2);
  });
});

describe('a body and its writer signing a page', () => {
  it.each([['农工党某市委 葛大可'], ['农工党某市委 屠 金'], ['某市委会办公室　王小明']])('is a closing credit: %s', (line) => {
    expect(isClosingCredit(line)).toBe(true);
  });

  it('is no credit without the gap between body and name', () => {
    expect(isClosingCredit('农工党某市委召开会议')).toBe(false);
  });
});

describe('a news brief whose subject comes before its day', () => {
  it.each([
    ['市政协主席李某18日在市委党校为新任委员作专题辅导。'],
    ['区政协副主席王某6月3日带队赴某镇调研。'],
    ['市政协党组书记张某9日上午主持召开党组会议。'],
    ['全省政协系统第5次协商座谈会10月15日在白石召开。'],
  ])('opens with its date: %s', (text) => {
    expect(SUBJECT_DATED.test(text)).toBe(true);
  });

  it.each([
    ['a count of days', '调研组连续5日深入基层走访群众。'],
    ['a bound', '各单位须于20日前报送材料。'],
    ['a clause’s time', '市政协18日召开的常委会议审议了报告。'],
    ['a clause led by 截至', '截至15日，已有三百名委员提交提案。'],
    ['a date after the first comma', '会议指出，18日要召开全会。'],
  ])('does not open with its date: %s', (_why, text) => {
    expect(SUBJECT_DATED.test(text)).toBe(false);
  });

  it('makes a digest of paragraphs that open subject-first', () => {
    expect(isDigest(['市政协主席李某18日在市委党校作专题辅导，要求提高履职能力。', '市政协副主席王某21日带队赴北城区调研社区养老服务。', '会议要求，要抓好落实，确保取得实效。'], DATE_LED)).toBe(true);
  });
});

describe('a story told as a lead and a recount', () => {
  const lead = '1月18日下午，某市政协十四届四次会议闭幕，会期三天。';
  const recount = ['会议期间，某党派的委员们积极建言献策。', '1月15日上午，开幕会上，委员张某作大会发言。', '1月17日上午，副市长李某参加某界别讨论。'];

  it('is one article, not a digest', () => {
    expect(isLeadThenRecount([lead, ...recount])).toBe(true);
    const doc = segment(linesFrom([lead, ...recount]), markers);
    expect(doc.items).toHaveLength(1);
  });

  it.each([
    ['dates running forward', ['1月15日，甲开会。', '1月16日，乙调研。', '1月17日，丙视察。']],
    ['dates running backward', ['1月18日，甲开会。', '1月16日，乙调研。', '1月12日，丙视察。']],
    ['a recount reaching past the lead', ['1月18日，甲开会。', '1月15日，乙调研。', '1月20日，丙视察。']],
    ['a first date a month before the lead', ['3月18日，甲开会。', '2月1日，乙调研。', '2月3日，丙视察。']],
  ])('is not read into %s', (_why, paragraphs) => {
    expect(isLeadThenRecount(paragraphs)).toBe(false);
  });
});

describe('a chronicle under a page headline, after a paragraph or two on the year', () => {
  it('opens an item at each dated entry when a title line calls the page a chronicle', () => {
    const items = texts([
      '青岚市政协2020年大事记',
      '【发布日期：2021-08-12】 【来源：本站】',
      '用心书写高质量履职新答卷',
      '青岚市政协2020年大事记',
      '2020年，是全面建成小康社会的收官之年，市政协在市委领导下认真履行职能，各项工作取得新成效。',
      '一年来，市政协及其常委会紧紧依靠和团结带领全体政协委员，牢牢把握团结和民主两大主题，认真履行政治协商、民主监督、参政议政职能，更好地凝聚共识，服务大局有担当，为民履职有情怀，汇聚力量有作为，为全市高质量发展作出了积极贡献。',
      '1月11日上午，参加市政协八届四次会议的委员陆续报到。',
      '1月11日下午，市政协召开各组召集人会议，副主席吴海燕主持。',
      '1月12日上午，市政协八届四次会议开幕。',
    ]);
    expect(items.map(([h, t]) => h ?? t.slice(0, 9))).toEqual(['用心书写高质量履职新答卷', '1月11日上午，参', '1月11日下午，市', '1月12日上午，市']);
  });

  it('keeps an article whose later paragraphs open with dates in one item when no title calls it a chronicle', () => {
    const items = texts([
      '青岚市政协开展专题调研',
      '为推动乡村振兴，市政协组织委员开展专题调研，委员们走村入户，听取意见。',
      '调研组认为，全市乡村振兴工作成效明显，但仍存在一些短板。',
      '1月11日上午，调研组来到青岚镇，察看了农业产业园。',
      '1月12日上午，调研组召开座谈会，听取有关部门情况介绍。',
    ]);
    expect(items).toHaveLength(1);
  });
});

describe('同日 entries in a list of dated entries', () => {
  it.each([
    ['set apart by a gap', '同日　民盟青川市委会赴桃源村开展义诊活动，副主委许某参加。'],
    ['with a comma', '同日，民盟青川市委会赴桃源村开展义诊活动，副主委许某参加。'],
    ['closed up with the text (a letter-spaced page)', '同日民盟青川市委会赴桃源村开展义诊活动，副主委许某参加。'],
  ])('open an item of the day above when %s', (_why, line) => {
    const doc = segment(linesFrom(['5月9日　民盟青川市委会召开全委会，主委韩某出席并讲话。', line, '5月12日　民盟青川市委会召开主委会议。']), markers);
    expect(doc.items.map((i) => i.headingDate?.text ?? null)).toEqual([null, '5月9日', null]);
  });

  it('leaves 当天 with a comma to the story it goes on with', () => {
    const doc = segment(linesFrom(['5月9日，调研组赴某镇调研。', '当天，调研组还召开了座谈会。', '5月12日，区政协召开常委会议。']), markers);
    expect(doc.items).toHaveLength(2);
  });
});

describe('a glyph marking another event of the same day in a list of dated entries', () => {
  it('opens an item of the day above, its glyph the marker', () => {
    const doc = segment(linesFrom(['  4月8日 第三届梨花节开幕。', '  △“最美乡村”评选结果揭晓，青石村入选。', '  4月10日 省文联调研组来我市调研。']), markers);
    expect(doc.items.map((i) => [i.marker, i.headingDate?.text ?? null, i.paragraphs[0].slice(0, 6)])).toEqual([
      [null, null, '4月8日第三'],
      ['△', '4月8日', '“最美乡村”'],
      [null, null, '4月10日省'],
    ]);
  });

  it('opens an item with a day range written with a tilde', () => {
    const doc = segment(linesFrom(['  4月5日 省文联副主席林远来我市调研。', '  4月6~7日 省妇联主席周映雪来我市调研。']), markers);
    expect(doc.items).toHaveLength(2);
  });
});

describe('a digest whose entries are one paragraph each', () => {
  const ENTRIES = [
    '为完成年度协商调研课题，7月27日，民建青州市委会调研组到东坪县开展调研，听取有关部门情况介绍。',
    '省政协就“县域财源建设”主题进行征稿，如有在财政部门工作的会员，请于8月3日前报送。',
    '7月19日至21日，民建青州市委会开展民主监督活动，走访了多家企业。',
    '7月20日，中共青州市委召开党外人士座谈会，通报上半年工作情况。',
    '7月15日，民建东坪市委员会召开专项民主监督工作推进会，主委林青主持会议。',
  ];
  it('makes an undated paragraph led by a body doing something an entry of its own', () => {
    expect(texts(ENTRIES).map(([, t]) => t.slice(0, 4))).toEqual(['为完成年', '省政协就', '7月19', '7月20', '7月15']);
  });

  it('keeps a paragraph of what the meeting said with the entry above', () => {
    const items = texts([ENTRIES[3], '会议要求，各民主党派要加强自身建设，积极建言献策。', ENTRIES[2], ENTRIES[4], '7月12日，民建青州市委会召开主委会议，研究部署下半年工作。']);
    expect(items).toHaveLength(4);
  });
});

describe('a page’s title on the line of its first sentence', () => {
  it('is the headline, set apart by a gap, when the text opens with its date', () => {
    const items = texts(['我县召开工经联一届二次会长会议 3月15日，我县在县政府大会议室召开会长会议。', '会议总结了去年的工作。']);
    expect(items).toEqual([['我县召开工经联一届二次会长会议', '3月15日，我县在县政府大会议室召开会长会议。|会议总结了去年的工作。']]);
  });
});

describe('a signature closing a page', () => {
  it('keeps the gap that sets the name apart from the body, however spacing repair closed it', () => {
    const items = texts(['3月6日，东城区召开统一战线调研工作会议。', '民盟某区委　翟　洋', '某某支部召开支部大会', '9月19日下午，民盟某支部举办支部大会。']);
    expect(items[0][1]).toContain('民盟某区委\u3000翟洋');
  });
});

describe('a text that opens with a sentence naming no day', () => {
  it('keeps it with the dated story it leads into', () => {
    expect(texts(['凝聚共识谱写华章，乘势而上开启新程。11月6日上午，参加县政协会议的委员陆续报到。', '委员们表示，将认真履职。'])).toHaveLength(1);
  });
});

describe('a photo caption marked with a triangle inside a story', () => {
  it('is no headline: the story goes on under it', () => {
    const items = texts(['3月1日，市工商联召开直属商会会长座谈会。市政协副主席段某出席会议。', '▲市某商会荣获全国“四好”商会', '会议传达学习了全国工商联会议精神。', '5月28日，市人大常委会主任田某带队走访代表。']);
    expect(items.map(([h, t]) => [h, t.slice(0, 5)])).toEqual([[null, '3月1日，'], [null, '5月28日']]);
  });
});

describe('another page of the file, after the frame web-chrome removal took away', () => {
  it('opens its own item under its title, however its text opens', () => {
    const lines = linesFrom(['10月10日，民盟某会议在厦门召开，专职副主委戴某率队参加。', '会议研究决定，下次会议由民盟某市委会筹备召开。', '携手共进，喜迎新年', '2016年1月9日上午，民盟某委员会举行新春联欢会。', '会议由副主委刘某主持。', '8月13日，民盟某总支组织盟员赴外地学习。']).map((l, i) => (i === 2 || i === 5 ? { ...l, pageStart: l.index - 1 } : l));
    const doc = segment(lines, markers);
    expect(doc.items.map((i) => [i.headline, i.paragraphs[0].slice(0, 5)])).toEqual([
      [null, '10月10'],
      ['携手共进，喜迎新年', '2016年'],
      [null, '8月13日'],
    ]);
  });
});

describe('a date with nothing after it closing the body', () => {
  it('makes no item and keeps the date in a message', () => {
    const doc = segment(linesFrom(['3月15日　民进某区委会召开全委会。', '3月20日　民进某区委会开展义诊活动。', '4 月 1 日 ']), markers);
    expect(doc.items).toHaveLength(2);
    expect(doc.messages.some((m) => m.code === 'unplaced-text' && m.message.includes('4月1日'))).toBe(true);
  });
});

describe('a roundup whose entries are led by their place or office', () => {
  const doc = segment(
    linesFrom([
      '本报讯 端午节将至，连日来我省各地纷纷开展节前慰问活动。',
      '青川6月2日，市委常委、青川市委书记林某某走访慰问困难群众。',
      '青川市还专门安排20万元，用于慰问困难离休人员。',
      '省民政厅6月3日，省民政厅“夏季送清凉”活动启动仪式在白石市举行。',
      '团省委 共青团东岭省委给北坪、南岗等地留守儿童送去学习用品。',
      '白石 白石市拨出专款20万元慰问困难群众。',
      '南岗 南岗县领导深入灾区慰问困难群众。',
      '北坪 北坪县拨款15万元慰问离退休老干部。',
    ]),
    markers,
  );

  it('opens an item at each labelled entry and keeps unlabelled paragraphs with the entry above', () => {
    expect(doc.items.map((i) => i.paragraphs.length)).toEqual([1, 2, 1, 1, 1, 1, 1]);
  });

  it('keeps the label apart from the text by a gap', () => {
    expect(doc.items[3].paragraphs[0]).toBe('团省委\u3000共青团东岭省委给北坪、南岗等地留守儿童送去学习用品。');
  });

  it('makes no roundup of an interview’s quotes, each led by the speaker’s role and name', () => {
    const items = texts([
      '11月6日上午，参加县政协会议的委员陆续向大会报到，围绕党代会确定的目标任务建言献策。',
      '政协委员 林志文：非常荣幸当选新一届的政协委员，我带来的提案是关于蓝莓产业的几点意见。',
      '政协委员 张正安：我是从事电商行业的，这次带来的提案是关于电商行业的发展。',
      '政协委员 何淑芬：这一次在大会上，我将建议我县的媒体发展进一步解放思想。',
      '政协委员 李双燕：我是卫生院的护士长，我这次带来的提案是关于架通一座大桥。',
    ]);
    expect(items).toHaveLength(1);
  });

  it('makes no roundup of paragraphs that only open with a news lead', () => {
    const plain = segment(linesFrom(['本报讯 市政协召开常委会议。', '会议听取了有关报告。', '会议审议了有关事项。', '会议通过了有关决议。', '会议要求抓好落实。']), markers);
    expect(plain.items).toHaveLength(1);
  });
});

describe('a report in parts, each named before a colon and dated after it', () => {
  const lines = [
    '县政协组织开展五届二次会议会前准备工作',
    '青川新闻网讯 青川县政协五届二次会议开幕前夕，县政协组织开展会前系列准备工作。',
    '会前委员视察活动：近日，县政协领导吴海燕、许文静分别带队赴有关乡镇开展视察。',
    '县政协五届常委会第八次会议：12月10日下午，五届县政协常委会第八次会议召开，县政协主席吴海燕主持会议。',
  ];

  it('keeps the first part with the lead and opens an item at the next', () => {
    expect(texts(lines).map(([, t]) => t.slice(0, 6))).toEqual(['青川新闻网讯', '县政协五届常']);
  });

  it('opens nothing at a meta label before a date', () => {
    expect(texts(['区政协召开主席会议', '会议时间：12月10日下午，地点在区政协三楼会议室。', '会议地点：区政协三楼会议室。']).length).toBe(1);
  });
});

describe('a yearbook whose entries carry their titles in brackets', () => {
  const doc = segment(
    linesFrom([
      '青 岚 市 政 协',
      '综 述',
      '【政协委员及组织机构】 2019年，政协青岚市第八届委员会共有28个界别，委员420人。',
      '【市政协工作概况】 全年市政协常委会议共举行4次，主席会议共举行9次。',
      '重 要 会 议',
      '【政协青岚市八届三次会议】 1月8~11日在青岚举行。会议听取和审议了常委会工作报告。',
      '【市政协常委会议】 共举行4次。',
      '八届七次常委会议 1月5~6日举行。会议讨论了市政府工作报告（征求意见稿）。',
      '八届八次常委会议 4月20日举行。会议协商讨论了全市营商环境建设情况。',
      '八届九次常委会议 8月28日举行。会议听取了市政府关于民生实事项目的通报。',
    ]),
    markers,
  );

  it('makes the letter-spaced short lines sections', () => {
    expect(doc.sections.map((s) => s.title)).toEqual(['综述', '重要会议']);
  });

  it('makes each bracketed entry an item headed by its title, and each named and dated meeting one too', () => {
    expect(doc.items.map((i) => i.headline)).toEqual(['政协委员及组织机构', '市政协工作概况', '政协青岚市八届三次会议', '市政协常委会议', null, null, null]);
  });
});

describe('an attachment announced by the item above', () => {
  it('stays in that item with its list, no headline of its own', () => {
    const doc = segment(
      linesFrom([
        '一、区人大常委会确定重点督办建议',
        '3月8日，经主任会议研究，区人大常委会确定4件代表建议为重点督办建议（目录附后）。',
        '附：2022年度重点督办代表建议目录',
        '1．关于加快某镇污水管网建设的建议（领衔代表：黄某某）',
        '2．关于提升农村公路养护水平的建议（领衔代表：陶某某）',
      ]),
      markers,
    );
    expect(doc.items).toHaveLength(1);
    expect(doc.items[0].paragraphs.join('')).toContain('附：2022年度重点督办代表建议目录');
  });
});

describe('a list the item announces with a colon', () => {
  it('stays in the item with its heading and titled roll lines, no headline among them', () => {
    const items = texts([
      '【民进青禾市委会召开全委会】',
      '9月3日上午，民进青禾市委会召开全体委员会议，增补郑永安为秘书长。调整后的领导班子成员名单如下：',
      '民进青禾市委会领导班子成员名单',
      '主\u3000委：林文彬',
      '副主委：马淑云\u3000杜国明\u3000邢晓梅（专职）',
      '秘书长：郑永安',
      '林文彬要求，各基层组织要围绕中心工作多出成果。',
      '【开明书香送书进校园】',
      '9月10日，副主委马淑云带领会员到青石中学开展送书活动。',
    ]);
    expect(items).toHaveLength(2);
    expect(items[0][0]).toBeNull();
    expect(items[0][1]).toContain('副主委：马淑云');
    expect(items[0][1]).toContain('多出成果');
  });
});

describe('a table copied one cell per line under an article', () => {
  it('stays in the article, no cell a headline or an item', () => {
    const items = texts([
      '全县政协系统捐款捐物情况',
      '6月2日，全县政协系统向灾区捐款捐物共计350万元。',
      '附：各乡镇捐款情况统计表',
      '单位名称 |',
      '捐款（万元） |',
      '青石镇政协联络组 |',
      '120.5 |',
      '柳河乡政协联络组 |',
      '86 |',
      '合 计 |',
      '206.5 |',
    ]);
    expect(items).toHaveLength(1);
    expect(items[0][1]).toContain('柳河乡政协联络组');
  });
});

describe('photo captions credited to their paper, under a headline', () => {
  it('stay in the article’s text and head no item of their own', () => {
    const items = texts([
      '青禾省政协开幕增台侨代表席位',
      '应邀列席会议的九位台胞代表起立。图中右起为：青禾集团董事长林瑞河、某协会会长高新民等（来源：青禾日报）',
      '一名身着民族服饰的省政协委员步入会场（来源：青禾日报）',
      '中新网1月23日电 青禾省政协九届五次会议22日在青禾开幕，162名港澳台侨代表组成的方阵引起关注。',
    ]);
    expect(items).toHaveLength(1);
    expect(items[0][0]).toBe('青禾省政协开幕增台侨代表席位');
    expect(items[0][1]).toContain('步入会场');
  });
});

describe('a list’s heading over its titled roll, after a paragraph that ends a sentence', () => {
  it('stays in the item with the roll, no headline', () => {
    const items = texts([
      '●6月25日，区人大常委会第十八次会议召开，表决通过了区人大常委会社会建设工作委员会组成人员名单。',
      '区人大常委会社会建设工作委员会组成人员名单',
      '主任：纳国强　　副主任：杨丽云',
      '委员：冯　斌　马晓燕　李振华',
      '●6月27日，区人大常委会副主任丁建明带领执法检查组开展检查。',
    ]);
    expect(items).toHaveLength(2);
    expect(items[0][1]).toContain('委员：冯');
  });
});

describe('a chronicle part titled with its month in a glyph bulletin', () => {
  it('dates its day lines by the title’s month', () => {
    const doc = segment(
      linesFrom([
        '工作动态',
        '青禾区人大常委会办公室　　2024年7月10日',
        '★ 常委会工作',
        '●6月25日，区人大常委会第十八次会议召开。',
        '★ 代表工作',
        '●7月8日，区人大常委会举办代表培训班。',
        '★ 6月工作纪事',
        '3日　区人大常委会党组召开会议。',
        '12日　区人大常委会机关开展消防演练。',
      ]),
      markers,
    );
    expect(doc.sections.map((s) => s.title)).toEqual(['常委会工作', '代表工作', '6月工作纪事']);
    expect(doc.items.slice(2).map((i) => i.headingDate?.text ?? null)).toEqual(['6月3日', '6月12日']);
  });
});

describe('a digest of teasers', () => {
  it('gives an item to a teaser led by a phrase cut off before its date, and to one led by a question', () => {
    const items = texts([
      '10月15日，青禾城市圈政协主席论坛在青禾举行，共商城市圈建设大计。',
      '推行城市圈旅游“一卡通”、住房公积金“一地办理”……10月16日，青禾、白鹭等9个成员市的政协主席齐......',
      '10月14日下午，省政协机关党支部开展主题党日活动。',
      '委员读书活动怎样扎实开展？建立读书群是个好方法。',
      '10月13日，省政协委员读书活动启动仪式在青禾举行。',
    ]);
    expect(items.map(([, t]) => t.slice(0, 6))).toEqual(['10月15日', '推行城市圈旅', '10月14日', '委员读书活动', '10月13日']);
  });
});

describe('a page that prints its title again over each photo', () => {
  it('keeps one item under the title, sections of parties as their own items, no repeated title as a headline', () => {
    const title = '青溪市各民主党派“两会”履职展风采';
    const items = texts([
      title,
      '12月26日至29日，青溪市两会在市文化中心召开。',
      title,
      '“两会”期间，各民主党派积极履行职责，认真参加大会各项议程。',
      '致公党青溪市委会',
      '主要由归侨、侨眷中的中上层人士组成。',
      title,
      '致公党青溪市委会共19名党员出席了“两会”。其中，副主委何红等3名党员出席人大会议。',
    ]);
    expect(items.map(([h]) => h)).toEqual([title, '致公党青溪市委会']);
    expect(items[1][1]).toContain('副主委何红');
  });
});

describe('titles of a weekly digest', () => {
  it('reads a question with the column’s period after it as the title over the first entry', () => {
    const items = texts(['【政协履职动态】上周，市政协在忙啥？（02.20-02.24）', '2月21日上午，市政协主席林某率队到某中心调研。', '2月23日上午，市政协主席林某带队走访委员企业。']);
    expect(items.map(([h]) => h)).toEqual(['【政协履职动态】上周，市政协在忙啥？（02.20-02.24）', null]);
  });

  it('reads a dated line without a full stop over the longer entry of the same date as that entry’s title', () => {
    const items = texts(['2月21日上午，市政协主席林某率队到某中心调研。', '2月21日下午，赖某率队赴某学院调研', '2月21日下午，市政协副主席赖某率队赴某学院，围绕产教融合开展专题调研。']);
    expect(items).toEqual([
      [null, '2月21日上午，市政协主席林某率队到某中心调研。'],
      ['2月21日下午，赖某率队赴某学院调研', '2月21日下午，市政协副主席赖某率队赴某学院，围绕产教融合开展专题调研。'],
    ]);
  });
});

describe('the story’s own day again, with no comma after it', () => {
  it('goes on with the story instead of opening an item', () => {
    const items = texts([
      '青禾网青石2月25日讯2月24日下午，政协青石市第十届委员会第四次会议胜利闭幕。',
      '2月24日在大会主席台前排就座的有市委书记林某、市长王某等。',
      '大会通过了政协青石市第十届委员会第四次会议决议和提案审查委员会的报告。',
      '市政协秘书长宣读了表彰决定，对优秀提案和社情民意信息撰写人进行了表彰。',
      '会议号召，全市各级政协组织和广大政协委员要团结奋进。',
    ]);
    expect(items).toHaveLength(1);
  });

  it('still opens an item with a comma after it', () => {
    expect(texts(['2月24日，市政协召开主席会议。', '2月24日，市政协召开常委会议。'])).toHaveLength(2);
  });
});

describe('an article opening with the period it sums up', () => {
  it('keeps its dated paragraphs in one story, dated by its first day', () => {
    const doc = segment(
      linesFrom([
        '青溪市人大常委会检查《山林防火条例》实施情况',
        '6月上旬以来，青溪市人大常委会开展《山林防火条例》执法检查，听取意见，推动条例落实。',
        '6月3—5日市人大常委会副主任柯望舒带队深入南岭县、石门县，实地察看防火设施建设和值守情况。',
        '6月19日召开执法检查工作会，副市长邝立言汇报条例实施情况，市人大常委会主任沈铁衣出席并讲话。',
      ]),
      markers,
    );
    expect(doc.items).toHaveLength(1);
  });

  it('is no chronicle for its paragraphs led by a day alone', () => {
    const doc = segment(linesFrom(['桂州市政协捐款支援灾区', '2月以来，桂州市政协积极组织委员为灾区捐款捐物，帮助群众重建家园。', '18日，桂州市政协召开专题会议，研究部署捐助工作。', '23日下午，市政协机关干部职工向灾区捐款3万元。']), markers);
    expect(doc.items).toHaveLength(1);
  });

  it('still makes a digest when the lead announces the entries under it', () => {
    const doc = segment(linesFrom(['11月以来，全县统一战线扎实开展各项工作，现将近期工作情况摘编如下。', '11月3日，县委统战部召开党外人士座谈会，听取意见建议。', '11月9日，县工商联组织企业家赴外地考察学习。', '11月20日，县政协召开主席会议，研究年度协商计划。']), markers);
    expect(doc.items.length).toBeGreaterThanOrEqual(3);
  });
});
