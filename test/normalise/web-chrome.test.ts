import { describe, expect, it } from 'vitest';
import { removeWebChrome } from '../../src/normalise/web-chrome.js';
import { linesFrom } from '../helpers/lines.js';

const ARTICLE = '4月9日上午，区政协召开主席会议，区政协主席祁建平主持。';
const kept = (texts: string[]) => removeWebChrome(linesFrom(texts)).lines.map((l) => l.text);

// Chrome in the variants office sites print (invented sites and headlines).
const CHROME: [string, string][] = [
  ['a breadcrumb with 您当前的位置', '您当前的位置：首页 > 政协要闻 > 工作动态'],
  ['a breadcrumb with 当前位置 and >>', '当前位置：首页 >> 委员风采'],
  ['a breadcrumb with 您现在的位置是', '您现在的位置是：网站首页 > 新闻中心'],
  ['a breadcrumb without a label', '首页 > 工作动态 > 正文'],
  ['a breadcrumb with 所在位置', '所在位置：网站首页 » 委员风采'],
  ['a bare date under a weak label', '时间：2021-05-12'],
  ['a meta line with labels run together', '发布日期：2024-04-09 16:20作者：网站编辑来源：本站阅读：字体大小：[ 大 ] [ 小 ]'],
  ['a meta line with source, date and view count', '信息来源：江城政协　发布日期：2019-11-05　被阅览数：2317'],
  ['a meta line with an empty label', '阅读次数： 发布时间：2021-06-18'],
  ['a meta line with 浏览 人次', '来源：区政协办公室 时间：2020-09-14 浏览 人次'],
  ['a publish time without a colon', '发布时间 2024/6/22 10:31'],
  ['a date first, then labels', '2022-08-30 09:15 来源：市政协'],
  ['a date-time, staff labels, then a view count', '2020-07-14 09:05:33 编辑： 韦晓东 审核人：林素芬 阅读次数：318 |'],
  ['an edit-date meta line with a view count and a close button', '编辑日期：2009/03/12  作者：县政协办    阅读次数： 次  [ 关 闭 ]'],
  ['a meta line after the page’s 正文 tab', '正文 发布时间：2019-12-06'],
  ['a site-search label', '站内搜索'],
  ['a search-form line', '文章检索'],
  ['a navigation menu opening with 首页', '首 页 新闻中心 学习讨论 参政议政 社务动态 基层动态'],
  ['a navigation menu with bars', '网站首页 | 机构概况 | 工作动态 | 委员风采 | 提案工作'],
  ['an empty attachment box', '附件下载：'],
  ['an image name with its size', 'xmzg-t.gif （5831 字节）'],
  ['a meta line after the site’s address', 'http://www.example.org时间：2022-03-18 17:59来源：某某新闻网'],
  ['a pitch for the site’s mobile news', '手机看新闻：进入某某手机报 短信看新闻：订阅某某特快'],
  ['an attachment box naming a file', '相关附件：关于开展调研活动的通知.docx'],
  ['a page-link line', '本文链接：https://news.example.cn/content/2019/05/07/1234.html'],
    ['a read counter under its compound label', '阅读点击:415'],
    ['a prompt to follow an account by tapping above', '↑点击上方“青禾新闻”关注我们'],
    ['a breadcrumb led by 您所在的位置', '您所在的位置：首页 > 政协动态'],
    ['an e-paper’s meta line with its reading and voice buttons', '刊发日期：2021-05-07 阅读次数： 作者：admin  语音阅读：'],
    ['a voice player’s label', '人工智能朗读：'],
    ['the staff credit in brackets, a site account as editor', '（责任编辑：系统管理员）'],
    ['the staff credit in square brackets', '[编辑：林小雨]'],
    ['a reprint notice', '本文为青禾在线原创文章，转载请附上原文出处链接和本声明。'],
    ['a breadcrumb with arrows made of a dash', '首页 -> 盟务动态 -> 要闻动态'],
    ['a staff label first, then the source and a site date with its time', '责任编辑：林小雨  来源：青禾网   时间：2018-07-02 16:17:05'],
    ['a CMS’s content-date line', '内容时间：2016-03-14'],
    ['a pager’s link copied as a line', '  2. 2'],
    ['a links box’s label alone', '友情链接'],
  ['a saved page’s address line in English', 'Original URL: http://lib.example.cn/bin/read.exe?K=b9&A=16&rec=64'],
  ['a web address alone', 'http://www.example.gov.cn/zxdt/2019/0507.html'],
  ['a font-size tool line', '【字体：大 中 小】【打印本页】【关闭窗口】'],
  ['print and close', '打印　关闭'],
  ['zoom tools', '放大 缩小 默认'],
  ['a share line', '分享到：'],
  ['a share line with its networks', '分享到：微信 新浪微博 QQ空间'],
  ['a meta line opening with the publisher', '发布者：管理员　发布时间：2021-05-12 09:30　浏览人次：86'],
  ['a meta line in brackets', '【发布时间：2021-05-12】【来源：区政协】【字号：大 中 小】'],
  ['a previous-page link with its headline', '上一篇：市政协主席祁建平率队调研乡村振兴工作'],
  ['a next-page link', '下一篇： 区政协副主席邬海平走访委员企业'],
  ['an empty neighbour link', '下篇：没有了'],
  ['a site footer', '主办：江城市政协办公室　技术支持：某某网络公司'],
  ['an ICP number', '苏ICP备12345678号-1'],
  ['an image file name', '微信图片_20240409162012.jpg'],
  ["an e-paper's page navigation", '下一版»本期共4版， 当前第1版 PDF'],
  ["an e-paper's previous and next page links", '上一版 下一版'],
  ['a camera file name', 'IMG_2041.JPG'],
  ['a site line of report telephone numbers', '违法举报电话：12345（某某执法队）、0123-4567890（某某局）'],
  ["a newspaper's imprint", '国内统一刊号:CN00-0000 某某日报社出版 广告热线:1234567 订阅热线:7654321'],
  ['the end of an HTML comment', '--> 2023-04-08 某某 1 1 某某日报 c1.html 1 某某会议召开 /enpproperty-->'],
  ['the start of an HTML comment', '<!-- enpproperty 某某'],
];

const NOT_CHROME: [string, string][] = [
  ['a sentence that opens with 首页', '首页新闻中心将于近日改版，欢迎委员们提出意见。'],
  ['a meeting time line', '时间：4月9日上午9:00'],
  ['a sentence naming a source', '来源于基层的意见建议，是提案的重要基础。'],
  ['a sentence about print media', '会议要求，要打印分发学习材料，关闭不必要的会议。'],
  ['a headline that mentions 首页', '首页改版后，网站访问量明显增加'],
  ['a sentence with an author', '作者：委员们认真阅读了材料。'],
  ['a masthead date line', '日期：2021年3月5日'],
  ['a sentence opening with 上篇', '上篇文章介绍了委员履职情况'],
  ['a meeting venue', '位置：市政协三楼会议室'],
  ['a line about an edition', '本期共收录委员提案摘要12篇'],
  ['a dated footer line with staff labels and no clock time', '2021年3月5日 编辑：韦晓东 审核：林素芬 阅读次数'],
];

describe('removeWebChrome', () => {
  it.each(CHROME)('removes %s', (_why, line) => {
    expect(kept([line, ARTICLE])).toEqual([ARTICLE]);
  });

  it.each(NOT_CHROME)('keeps %s', (_why, line) => {
    expect(kept([line, ARTICLE])).toHaveLength(2);
  });

  it('removes a neighbour link whose headline stands on the next line, and the headline with it', () => {
    expect(kept([ARTICLE, '上一篇：', '市政协召开十届五次常委会议'])).toEqual([ARTICLE]);
  });

  it('cuts newspaper page jumps out of a line and drops lines that held only one', () => {
    expect(kept(['会议强调，要把各项工作落到实处。（下转A2版）', '（上接第一版）', ARTICLE])).toEqual(['会议强调，要把各项工作落到实处。', ARTICLE]);
  });

  it('joins a byline broken over two lines', () => {
    expect(kept(['市融媒体中心消息（记者', '柯文涛）8月12日，市政协召开主席会议。'])).toEqual(['市融媒体中心消息（记者柯文涛）8月12日，市政协召开主席会议。']);
  });

  it('keeps the publish date of the meta line as the page date', () => {
    const result = removeWebChrome(linesFrom(['当前位置：首页 > 工作动态', '发布日期：2024-04-09 16:20作者：网站编辑', ARTICLE]));
    expect(result.pageDate).toEqual({ date: '2024-04-09', time: '16:20', text: '2024-04-09 16:20', label: '发布日期', source: 'meta-line', at: 1 });
  });

  it('reads page dates printed with slashes, dots or 年月日', () => {
    const dateOf = (line: string) => removeWebChrome(linesFrom([line, ARTICLE])).pageDate?.date;
    expect(dateOf('发布时间 2024/6/22 10:31')).toBe('2024-06-22');
    expect(dateOf('信息来源：本站　发布日期：2016.12.6')).toBe('2016-12-06');
    expect(dateOf('发布时间：2023年3月3日　来源：区政协')).toBe('2023-03-03');
  });

  it.each([
    ['meta lines bulleted with a dash', ['- 信息来源：青岚民盟', '- 发布时间： 2015年05月20日'], '2015-05-20'],
    ['a submitter, time and views glued in one line', ['提交者：岚致宣时间：2023年06月12日浏览量：2381'], '2023-06-12'],
  ])('removes %s and reads the page date', (_why, meta, date) => {
    const result = removeWebChrome(linesFrom(['民盟青岚市委开展助学活动', ...meta, ARTICLE]));
    expect(result.lines.map((l) => l.text)).toEqual(['民盟青岚市委开展助学活动', ARTICLE]);
    expect(result.pageDate?.date).toBe(date);
  });

  it('removes the column label repeated under the text, and keeps it above', () => {
    const result = removeWebChrome(linesFrom(['新闻动态', '白石支部组织会员赴东岭调研', ARTICLE, '新闻动态']));
    expect(result.lines.map((l) => l.text)).toEqual(['新闻动态', '白石支部组织会员赴东岭调研', ARTICLE]);
  });

  it('keeps a short closing line the page did not print above its text', () => {
    expect(removeWebChrome(linesFrom(['白石支部组织会员赴东岭调研', ARTICLE, '白石支部宣'])).lines).toHaveLength(3);
  });

  it.each([
    ['a site name, its address, a date-time, a source and font buttons', '青石县人民政府 www.qingshi-example.gov.cn 2024-05-06 10:12 来源：青石县融媒体中心 放大 正常 缩小', '2024-05-06'],
    ['an address without its scheme and a date-time', '//www.qsxww-example.com  2022-11-03 16:20:41', '2022-11-03'],
  ])('removes a meta line of %s and reads its date', (_why, meta, date) => {
    const result = removeWebChrome(linesFrom(['青石县政协召开常委会议', meta, ARTICLE]));
    expect(result.lines.map((l) => l.text)).toEqual(['青石县政协召开常委会议', ARTICLE]);
    expect(result.pageDate?.date).toBe(date);
  });

  it('reads a page date printed day first on a line of its own, and removes the line', () => {
    const result = removeWebChrome(linesFrom(['县政协召开主席会议', '23.04.2019  08:15', ARTICLE]));
    expect(result.pageDate?.date).toBe('2019-04-23');
    expect(result.lines.map((l) => l.text)).not.toContain('23.04.2019 08:15');
    expect(result.lines).toHaveLength(2);
  });

  it('lists the date of every page in a file holding several, each with its source position', () => {
    const result = removeWebChrome(linesFrom(['发布日期：2022-03-01', ARTICLE, '上一篇：区政协召开常委会议', '发布日期：2023-05-12', ARTICLE]));
    expect(result.pageDates.map((d) => [d.date, d.at])).toEqual([
      ['2022-03-01', 0],
      ['2023-05-12', 3],
    ]);
    expect(result.pageDate?.date).toBe('2022-03-01');
  });

  it('prefers a publish date to an earlier date printed under another label', () => {
    const result = removeWebChrome(linesFrom(['更新：2024-05-01 阅读：12', '信息来源：本站 发布日期：2024-04-09', ARTICLE]));
    expect(result.pageDate?.date).toBe('2024-04-09');
  });

  it('removes meta lines behind list bullets, with the weak-label lines of the same block', () => {
    const block = ['  • 作者 :柯文涛、滕晓丽', '  • 来源 :本站原创', '  • 访问次数 :', '  • 发布时间 :2019-02-27 03:58'];
    expect(kept([...block, ARTICLE])).toEqual([ARTICLE]);
  });

  it('keeps a weak-label line that stands apart from any meta line', () => {
    expect(kept(['作者：柯文涛', ARTICLE])).toEqual(['作者：柯文涛', ARTICLE]);
  });

  it("removes a site's disclaimer heading and the terms under it, and keeps the text before", () => {
    const notice = ['江城市政协网站版权与免责声明：', '① 凡本网注明来源“江城市政协”的各类稿件，版权均属本网所有，如需转载，请注明摘自“江城市政协网站”。', '② 本网转载的稿件，不代表本网观点。'];
    expect(kept([ARTICLE, ...notice])).toEqual([ARTICLE]);
  });

  it('keeps a sentence about a declaration that is no site notice', () => {
    const line = '会议审议了关于免责声明制度的提案。';
    expect(kept([ARTICLE, line])).toEqual([ARTICLE, line]);
  });

  it('counts what it removed in one info message, and says nothing for text without chrome', () => {
    const result = removeWebChrome(linesFrom(['当前位置：首页 > 工作动态', ARTICLE, '【打印本页】【关闭窗口】', '会议强调，要落实。（下转2版）']));
    expect(result.removed).toBe(3);
    expect(result.messages.map((m) => [m.severity, m.code])).toEqual([['info', 'web-chrome-removed']]);
    expect(removeWebChrome(linesFrom([ARTICLE])).messages).toEqual([]);
  });
});

describe('removeWebChrome and bulletin footers', () => {
  it.each(['编辑：韦婷　审核：陆海波　签发：覃立新', '联系电话：0771-3185612　电子邮箱：xxtzx@163.com', '主办单位：县政协办公室', '主办：县政协办公室'])('keeps the footer line %j for the footer parser', (line) => {
    expect(kept([ARTICLE, line])).toHaveLength(2);
  });
});

describe('font-size buttons copied one per line', () => {
  it('removes the 中 and 小 lines under a meta line ending in 大', () => {
    expect(kept(['文章来源：新华社 发布时间：2017-02-27 19:33 点击量：437 大', '中', '小', ARTICLE])).toEqual([ARTICLE]);
  });

  it('keeps a line of 中 that no chrome line precedes', () => {
    expect(kept([ARTICLE, '中', ARTICLE])).toHaveLength(3);
  });
});

describe('more site furniture', () => {
  it.each([
    ['a date widget alone', '今天是'],
    ['a date widget with its date', '今天是：2024年12月2日 星期一'],
    ['a breadcrumb between bars', '| 当前位置:首页 |'],
  ])('removes %s', (_why, line) => {
    expect(kept([line, ARTICLE])).toEqual([ARTICLE]);
  });

  it('keeps a sentence opening with 今天是', () => {
    expect(kept(['今天是政协成立七十五周年纪念日，委员们齐聚一堂。', ARTICLE])).toHaveLength(2);
  });
});

describe('separator lines in a meta block', () => {
  it('removes a bar line and the author line after it together with the publish line', () => {
    expect(kept(['发布时间：2006-04-24 15:14:59', '|', '作者： 某某', ARTICLE])).toEqual([ARTICLE]);
  });

  it('removes a line of dashes', () => {
    expect(kept(['-', ARTICLE])).toEqual([ARTICLE]);
  });
});

describe('image file names of copies', () => {
  it('removes a copied image name with its number in brackets', () => {
    expect(kept(['0 (2).jpg', ARTICLE])).toEqual([ARTICLE]);
  });
});

describe('site header lines, split breadcrumbs and related-news boxes', () => {
  it.each([
    ['a site greeting', '欢迎访问青禾县政协门户网站！'],
    ['a greeting without its exclamation mark', '欢迎来到某某市政协网站'],
    ['a prompt to follow the site account', '请关注青禾县政协微信公众号'],
    ['a bare account label', '微信公众号'],
    ['a share button’s prompt', '分享让更多人看到'],
    ['a links box’s label', '两个报告链接：'],
    ['a site footer’s label cut off', '主办：'],
    ['a photo box’s label with nothing after it', '领导照片：'],
    ['an e-paper’s article navigation with its page numbers', '3 上一篇  下一篇 4 放大 缩小 默认'],
    ['the same navigation under the article', '3 上一篇  下一篇 4'],
    ['an e-paper’s page name with its page navigation', '第B2版：要闻 上一版1  3下一版'],
    ['an e-paper’s title navigation tab', '标题导航'],
    ['a site code standing as a line', 'qhrb'],
    ['an e-paper’s article code standing as a line', 'QHTB012'],
    ['a follow button’s label', '关注青禾网'],
    ['a share button standing as a line', 'Qzone'],
    ['a newsroom’s tip line in brackets', '（青禾新闻热线：0396—3599908，传稿邮箱qh@example.com。某网“帮办”电话180 0371 9699）'],
    ['a site’s banner addressing the reader', '您正在浏览[时光机]频道，这篇文章记录了从5807 天前开始的旅程，提醒您：时光易逝，但回忆永存。'],
    ['a breadcrumb label alone, 的 before 当前', '您的当前位置：'],
    ['a breadcrumb of column names with no 首页', '新闻中心 > 国内新闻 > 港澳台新闻'],
    ['a portal’s bar of sister sites', '青禾网 QingHe 2048 房产频道 青禾搜索'],
    ['the site’s name as a line', '青禾新闻-青禾网站'],
    ['a login box’s lines', '账号+密码登录'],
    ['a login box’s prompt', '还没有账号？'],
    ['a login box’s button', '立即注册'],
    ['site header buttons set apart by a bar', '设为主页 | 加入收藏'],
    ['an app download button', 'APP下载'],
    ['a prompt to forward to friends', '点击转发给朋友'],
    ['the second half of a breadcrumb', '>要闻动态>图片新闻'],
    ['a breadcrumb whose 您的位置 has no colon', '您的位置 >>首页>政协文史>历史回顾'],
    ['the first half of a breadcrumb ending in its separator', '首页 > 新闻中心 >'],
    ['a bare site date', '2015-07-27'],
    ['a bare site date with its time', '2019/5/30 09:08'],
    ['a newspaper meta line: source, date, time and font buttons', '某某日报 2019-05-30 09:08 大字'],
  ])('removes %s', (_why, line) => {
    expect(kept([line, ARTICLE])).toEqual([ARTICLE]);
  });

  it.each([
    ['a sentence that welcomes guests', '欢迎各位委员来到政协之家参加活动，大家畅所欲言。'],
    ['a masthead date written with 年月日', '2021年5月6日'],
    ['a sentence about following a public account', '区政协开通微信公众号，及时发布履职动态。'],
    ['a sentence about sharing with others', '委员们分享了基层履职的经验，让更多人看到政协的作为。'],
    ['a date inside a sentence', '会议定于2019-05-30召开，请各位委员准时参加。'],
  ])('keeps %s', (_why, line) => {
    expect(kept([line, ARTICLE])).toHaveLength(2);
  });

  it('keeps a bare site date as the page date', () => {
    expect(removeWebChrome(linesFrom(['2015-07-27', ARTICLE])).pageDate?.date).toBe('2015-07-27');
  });

  it('removes a related-news heading with the dated teasers under it, and keeps the next story', () => {
    const next = '县政协调研农村饮水安全工作';
    expect(kept(['新闻推荐', '县政协开展委员进社区活动 2016-04-08', '（2016-04-02）县政协机关召开党风廉政建设会议', next, ARTICLE])).toEqual([next, ARTICLE]);
  });
});

describe('a related-news box closing the page', () => {
  it('drops the box’s teaser cut off with dots and the site’s slogan after it', () => {
    const teaser = '9月2日，县政府召开常务会议。县长周立平，副县长吴一凡、郑晓出席会议。周立平强调，一要抓好...';
    expect(kept([ARTICLE, '（本报记者林小禾）', '新闻推荐', teaser, '青溪新闻，天天有料。世界很大，期待相遇。'])).toEqual([ARTICLE, '（本报记者林小禾）']);
  });
});

describe('a browser window title copied with the page', () => {
  const WINDOW = '林海副主席到青溪调研_委员工作委员会_专委会工作动态_某省政协';
  it('goes when its headline is printed again over the text', () => {
    expect(kept([WINDOW, '林海副主席到青溪调研', ARTICLE])).toEqual(['林海副主席到青溪调研', ARTICLE]);
  });
  it('leaves its headline when the page prints it nowhere else', () => {
    expect(kept([WINDOW, ARTICLE])).toEqual(['林海副主席到青溪调研', ARTICLE]);
  });
  it('takes the site’s platform name and a close button above the text, not below', () => {
    expect(kept(['某省政协履职服务综合平台', '×', ARTICLE, '智慧政协履职平台'])).toEqual([ARTICLE, '智慧政协履职平台']);
  });
});

describe('an e-paper’s date over its page label', () => {
  it('is chrome, the page’s publish date, and the frame of a page', () => {
    const out = removeWebChrome(linesFrom([ARTICLE, '2020年09月02日', '第02版：', '青溪政协庆祝建会75周年', '本报青溪9月1日讯（记者 林某）今天上午，县政协召开大会。']));
    expect(out.lines.map((l) => l.text)).toEqual([ARTICLE, '青溪政协庆祝建会75周年', '本报青溪9月1日讯（记者　林某）今天上午，县政协召开大会。']);
    expect(out.pageDates.map((d) => d.date)).toEqual(['2020-09-02']);
    expect(out.lines[1].pageStart).toBe(1);
  });
  it('removes the e-paper’s index entry left as a line, with its page file name', () => {
    expect(kept([ARTICLE, '2020-09-02 县政协召开大会 1 1 青溪日报 content_48284.html 1 青溪政协庆祝建会'])).toEqual([ARTICLE]);
  });
});

describe('the frame between two pages of one file', () => {
  it('marks the first line after it as the start of another page', () => {
    const out = removeWebChrome(linesFrom([ARTICLE, '首页 -> 盟务动态 -> 要闻动态', '字号：', '携手共进，喜迎新年', '[发布日期： 2016-01-11 ]', '1月9日上午，民盟某委员会举行新春联欢会。'])).lines;
    // (each marked with where its frame began: the breadcrumb's line, the publish line's)
    expect(out.map((l) => [l.text.slice(0, 5), l.pageStart ?? null])).toEqual([
      ['4月9日上', null],
      ['携手共进，', 1],
      ['1月9日上', 4],
    ]);
  });
  it('marks nothing above the first text', () => {
    expect(removeWebChrome(linesFrom(['首页 > 政协动态', ARTICLE])).lines[0].pageStart).toBeUndefined();
  });
  it('reads a site account as no editor', () => {
    expect(removeWebChrome(linesFrom([ARTICLE, '（责任编辑：管理员）'])).credits.editors).toEqual([]);
  });
});

describe('a page flattened onto one line', () => {
  it('is cut at its layout gaps: the breadcrumb goes, the title and the text stay', () => {
    const title = '县政协举办流域联谊会';
    const flat = `${title}  您所在的位置：首页 > 政协动态 ${title} 2014-05-06 10:12  ${title}   5月3日至5日，流域政协联谊会在青禾县举行，来自四省的三十余家县政协负责人汇聚一起，围绕流域粮食生产进行广泛交流讨论，会议形成了关于流域粮食生产的建议，并以联谊会名义上报有关部门，促进流域广大地区的粮食生产和经济发展。`;
    const out = kept([flat]);
    expect(out[0]).toBe(title);
    expect(out.some((t) => t.includes('您所在的位置'))).toBe(false);
    expect(out.at(-1)).toMatch(/^5月3日至5日/u);
  });
});

describe('the site’s staff credit closing the last paragraph', () => {
  it('is cut off the paragraph and its name credited as editor', () => {
    const result = removeWebChrome(linesFrom(['会议圆满结束。（韩小雨） （责任编辑：林小雨） |']));
    expect(result.lines.map((l) => l.text)).toEqual(['会议圆满结束。（韩小雨）']);
    expect(result.credits.editors).toEqual(['林小雨']);
  });
});

describe('other reports under a news site’s tip line', () => {
  const TIP = '（青禾新闻热线：0396—3599908，传稿邮箱qh@example.com）';
  it('drops the dated reports the site lists after its tip line', () => {
    const others = ['3月2日，省政协副主席林远山到青溪县调研春耕生产工作。', '2月6日上午，省政协主席郑和平到北湾县督导防汛工作'];
    expect(kept([ARTICLE, TIP, ...others])).toEqual([ARTICLE]);
  });
  it('keeps another page copied after the tip line, which opens with its headline', () => {
    const page = ['县政协调研农村饮水安全工作', '3月2日，县政协主席祁建平带队调研农村饮水安全工作。'];
    expect(kept([ARTICLE, TIP, ...page])).toEqual([ARTICLE, ...page]);
  });
});

describe('layout bars at the edges of a line', () => {
  it('removes a bar closing a title line and one opening a line, and keeps bars inside a line', () => {
    expect(kept(['青山市政协来金水区考察调研 |', '| 4月17日，市政协调研。', '区政协 | 工作动态栏目介绍'])).toEqual([
      '青山市政协来金水区考察调研',
      '4月17日，市政协调研。',
      '区政协 | 工作动态栏目介绍',
    ]);
  });
});

describe('a meta line run into the first sentence', () => {
  it('cuts the site date and labelled values off the sentence and keeps the date as the page date', () => {
    const result = removeWebChrome(linesFrom(['2024/8/16 来源:不详9月6日，省政协采访团走进青禾县。']));
    expect(result.lines.map((l) => l.text)).toEqual(['9月6日，省政协采访团走进青禾县。']);
    expect(result.pageDate?.date).toBe('2024-08-16');
  });

  it('keeps a sentence that opens with a site date and goes on without a new dated sentence', () => {
    expect(kept(['2024/8/16是全县开展政协委员活动日的日子，委员们积极参加。'])).toHaveLength(1);
    expect(kept(['2024/8/16是全县开展政协委员活动日的日子，委员们积极参加。'])[0]).toContain('2024/8/16');
  });
});

describe('unbracketed page jumps and keyword lines', () => {
  it('cuts an unbracketed page jump with a bullet out of a line', () => {
    expect(kept(['市政协将开展活动。下转◆5版（上接第1版）在纪念日前夕，代表们走进市政协。'])).toEqual(['市政协将开展活动。在纪念日前夕，代表们走进市政协。']);
  });

  it('removes a keyword line', () => {
    expect(kept(['关键词：市政协 活动 开展', ARTICLE])).toEqual([ARTICLE]);
  });

  it('keeps a sentence about keywords', () => {
    expect(kept(['关键词：协商，是本次会议的主题。', ARTICLE])).toHaveLength(2);
  });
});

describe('a meta line with bars between its fields', () => {
  it('removes a date-time followed by bar-separated 作者 and 来源 fields, and keeps its date', () => {
    const result = removeWebChrome(linesFrom(['2016年10月25日 15:00 | 作者：香山 | 来源：某党某市委会', ARTICLE]));
    expect(result.lines.map((l) => l.text)).toEqual([ARTICLE]);
    expect(result.pageDate?.date).toBe('2016-10-25');
  });
});

describe('staff named in a meta line', () => {
  it('reads the editor and reviewer of a removed meta line', () => {
    const result = removeWebChrome(linesFrom(['2021-12-29 16:00:51 编辑： 杨小娟 审核人：叶小玲 阅读次数：2287 |', ARTICLE]));
    expect(result.credits).toEqual({ editors: ['杨小娟'], reviewers: ['叶小玲'] });
  });

  it('reads no names from a value that is not a name', () => {
    const result = removeWebChrome(linesFrom(['发布时间：2021-12-29 编辑：网站管理员办公室 阅读次数：12', ARTICLE]));
    expect(result.credits).toEqual({ editors: [], reviewers: [] });
  });
});

describe('source lines, e-paper page lines and blocks of weak meta lines', () => {
  it.each([
    ['a source line', '来源：某党某市委'],
    ['a bracketed source line', '（来源：某日报）'],
    ['an e-paper page line with its column', '第02版：要闻'],
    ['an e-paper page line', 'A2版'],
  ])('removes %s', (_why, line) => {
    expect(kept([ARTICLE, line])).toEqual([ARTICLE]);
  });

  it('keeps a sentence about sources', () => {
    expect(kept(['来源：据调查，委员提案多来源于基层。', ARTICLE])).toHaveLength(2);
  });

  it('removes a block of bulleted weak meta lines and reads its writer and editor', () => {
    const result = removeWebChrome(linesFrom(['  • 来源：某市委', '  • 作者：胡小云', '  • 编辑：陈小成', ARTICLE]));
    expect(result.lines.map((l) => l.text)).toEqual([ARTICLE]);
    expect(result.credits.editors).toEqual(['胡小云', '陈小成']);
  });

  it('reads two writers set apart by a gap, and no body as a writer', () => {
    expect(removeWebChrome(linesFrom(['来源：青溪县新闻中心', '作者：林秋白 许远山', '编辑：韩晓', ARTICLE])).credits.editors).toEqual(['林秋白', '许远山', '韩晓']);
    expect(removeWebChrome(linesFrom(['来源：青溪县新闻中心', '作者：县政协办', '编辑：韩晓', ARTICLE])).credits.editors).toEqual(['韩晓']);
  });

  it('keeps a flattened table’s cells as cells, their borders cut', () => {
    const result = removeWebChrome(linesFrom([ARTICLE, '单位名称 |', '沙袋（条） |', '|', '青石镇 |', '1200 |', '柳河乡 |', '900 |']));
    expect(result.lines.slice(1).map((l) => [l.kind, l.text])).toEqual([
      ['tableCell', '单位名称'], ['tableCell', '沙袋（条）'], ['tableCell', '青石镇'], ['tableCell', '1200'], ['tableCell', '柳河乡'], ['tableCell', '900'],
    ]);
  });

  it('keeps a bulletin footer of an editor and a reviewer', () => {
    expect(kept([ARTICLE, '编辑：张三', '审核：李四'])).toHaveLength(3);
  });
});

describe('a labelled meta line run into the first sentence', () => {
  it('cuts the meta line off where its clock time runs into the date', () => {
    const r = removeWebChrome(linesFrom(['文章来源： 作者：admin 时间：2018-12-27 16:38:2712月18日，某党中央某部来某市调研。']));
    expect(r.lines.map((l) => l.text)).toEqual(['12月18日，某党中央某部来某市调研。']);
    expect(r.pageDate?.date).toBe('2018-12-27');
  });
});

describe('a portal’s furniture under the article', () => {
  it('drops promo links and a search box after the last sentence, and keeps them above it', () => {
    const promo = '·春季出行指南 ·手机邮箱升级 ·有奖问卷等你来';
    expect(kept([ARTICLE, '搜索（find.example.com）', promo])).toEqual([ARTICLE]);
    expect(kept(['·春季出行指南 ·手机邮箱升级', ARTICLE])).toHaveLength(2);
  });
});

describe('a meta line with each field in brackets', () => {
  const META = '【http://www.example-news.cn 】 【 2016-05-12 09:30 】 【来源： 江岭日报 】';

  it('is chrome, and its date the page’s date', () => {
    const result = removeWebChrome(linesFrom([META, ARTICLE]));
    expect(result.lines.map((l) => l.text)).toEqual([ARTICLE]);
    expect(result.pageDate?.date).toBe('2016-05-12');
  });
});

describe('a newspaper page’s date line with its weekday', () => {
  it('stays in the text and gives the page date its 昨日 counts from', () => {
    const result = removeWebChrome(linesFrom(['2021年09月14日 星期二', '本报讯（记者 林晓）昨日上午，青禾市政协召开界别活动座谈会。']));
    expect(result.lines).toHaveLength(2);
    expect(result.pageDate).toMatchObject({ date: '2021-09-14', source: 'dateline' });
  });
});

describe('the publisher named next to a page’s meta line', () => {
  it.each([
    ['a news site under the publish time', ['某某市政协召开主席会议', '2015-03-25 09:54:03', '临江网', ARTICLE]],
    ['an office over 发布日期', ['临湖市召开议政会', '临湖市召开议政会', '民进临湖市委', '发布日期：2017-04-01', ARTICLE]],
  ])('is chrome: %s', (_why, texts) => {
    expect(kept(texts)).not.toContain(texts.find((t) => /网$|市委$/u.test(t)));
    expect(kept(texts)).toContain(ARTICLE);
  });

  it('stays when the line reports an event', () => {
    expect(kept(['民进临湖市委召开全委会', '发布日期：2017-04-01', ARTICLE])).toContain('民进临湖市委召开全委会');
  });
});

describe('a news app’s banner and a site’s address', () => {
  it('drops the app’s open-now prompt over the page', () => {
    expect(kept(['立即打开', '某某市政协召开主席会议', ARTICLE])).toEqual(['某某市政协召开主席会议', ARTICLE]);
  });

  it('drops the street address over the site’s copyright line, not one the text names', () => {
    expect(kept([ARTICLE, '江南省临湖市青松路18号', '电话：0123-4567890', 'Copyright ©2019 民进临湖市委 | 江ICP备12345678号'])).toEqual([ARTICLE, '电话：0123-4567890']);
    expect(kept([ARTICLE, '江南省临湖市青松路18号'])).toEqual([ARTICLE, '江南省临湖市青松路18号']);
  });
});

describe('a news app’s and an e-paper’s navigation, and a catalogue record’s fields', () => {
  it.each([
    ['an app’s more-pictures prompt', '打开某某新闻 查看更多图片'],
    ['an e-paper’s menus', '本版导航 各版导航 视觉导航 标题导航'],
    ['an e-paper’s date picker', '选择其他日期报纸'],
    ['an e-paper’s archive link', '历史数字报'],
    ['a record’s type field', '【类型】报纸'],
    ['a record’s keywords', '【关键词】 工作报告 常委会'],
    ['a record’s full-text label', '【全文】'],
  ])('drops %s', (_why, line) => {
    expect(kept([line, ARTICLE])).toEqual([ARTICLE]);
  });

  it('credits a record’s author with the editors', () => {
    expect(removeWebChrome(linesFrom(['【作者】 林舟', '【全文】', ARTICLE])).credits.editors).toEqual(['林舟']);
  });

  it('drops a paper’s name and column before its meta labels, and reads its date', () => {
    const result = removeWebChrome(linesFrom(['临湖日报 新闻　　时间：2024年03月05日　　来源：临湖日报', ARTICLE]));
    expect(result.lines.map((l) => l.text)).toEqual([ARTICLE]);
    expect(result.pageDate?.date).toBe('2024-03-05');
  });

  it('drops a closing source-and-reporter line and credits the reporter', () => {
    const result = removeWebChrome(linesFrom([ARTICLE, '（来源：安澜日报 记者：韩知远）']));
    expect(result.lines.map((l) => l.text)).toEqual([ARTICLE]);
    expect(result.credits.editors).toEqual(['韩知远']);
  });
});

describe('a periodical’s running head', () => {
  it('is chrome, and marks the start of the next article', () => {
    const result = removeWebChrome(linesFrom([ARTICLE, 'LINJIANGMINJIN 2009·2', '市委会春节前走访慰问老会员', '今年春节前，市委会分成两个慰问组走访老会员。']));
    expect(result.lines.map((l) => l.text)).toEqual([ARTICLE, '市委会春节前走访慰问老会员', '今年春节前，市委会分成两个慰问组走访老会员。']);
    expect(result.lines[1].pageStart).toBeDefined();
  });
});
