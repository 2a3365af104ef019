/**
 * Web-page chrome in text: pages copied from office websites (as .txt, or read from .html) carry
 * the site's furniture along with the article. It is removed before segmentation, so that it never
 * becomes an item, a section, a masthead title or a person:
 * - breadcrumbs: `您当前的位置：首页 > 政协要闻 > 工作动态`, `当前位置：首页 >> 工作动态`, `首页 > 新闻中心`;
 * - meta lines: `发布日期：… 作者：… 来源：… 阅读：… 字体大小：[大][中][小]`, `信息来源：… 发布日期：… 被阅览数：…`,
 *   `来源：… 时间：… 浏览 人次`, `发布时间 2024/6/22 10:31`;
 * - tool lines made only of page tools: `【打印本页】【关闭窗口】`, `放大 缩小`, `[ 大 ] [ 中 ] [ 小 ]`, `分享到：`;
 * - neighbour links: `上一篇：…` / `下一篇：…` with their headline (also on the line after an empty label);
 * - site footers: `主办：… 技术支持：…`, `…ICP备…号`, `版权所有`, `网站标识码`, `举报电话`, a newspaper's `国内统一刊号 … 广告热线`
 *   (a bulletin's own footer, 编辑 审核 电话, stays);
 * - markup residue: a line opening or closing an HTML comment (`--> … /enpproperty-->`); the date widget `今天是`;
 * - the site's greeting and follow prompts (`欢迎访问某某政协门户网站！`, `请关注某某政协微信公众号`), a breadcrumb's
 *   second half on a line of its own (`>要闻动态>图片新闻`), a bare date-time line (`2015-07-27`, `某某日报 2019-05-30 09:08`);
 * - a related-news box (`新闻推荐`, `相关阅读`) with the dated teaser headlines under it; a keyword line (`关键词：…`);
 *   a source line standing alone (`来源：某市委`); an e-paper's page line (`第02版：要闻`); a block of weak meta lines
 *   (`• 来源：…` / `• 作者：…` / `• 编辑：…`), whose editor goes to the footer;
 * - image file names standing as a line (`微信图片_20230303170500.jpg`, `IMG_1234.JPG`);
 * - newspaper furniture, also inside a line: `（下转A2版）`, `（上接第一版）`.
 * And one repair of copied news text: a byline broken over two lines (`中国菏泽网消息（记者` / `王浩）8月12日，…`)
 * is joined, so that neither half is taken for a headline or a masthead.
 *
 * The publish date of a meta line is evidence (for the year of month-day dates and for 昨日/今日),
 * so it is kept as the document's `pageDate` rather than thrown away.
 */
import { message, type Message, type PageDate } from '../types.js';
import { creditsOf, metaCredits, type Credits } from './web-credits.js';
import { flattenedTableCells, joinBrokenBylines, splitFlatPages } from './web-page-shape.js';
import type { Line } from '../segment/lines.js';

export type { PageDate } from '../types.js';

export interface WebChromeResult {
  lines: Line[];
  /** Editors and reviewers a removed meta line named (`编辑：张某 审核人：李某 阅读次数：…`), for the footer. */
  credits: Credits;
  /** The page's publish date, from the first meta line that prints one (a publish label preferred). */
  pageDate: PageDate | null;
  /** Every date a meta line printed, in text order: a file holding several pages has one per page. */
  pageDates: PageDate[];
  /** Lines dropped whole, plus inline furniture cut out of a line. */
  removed: number;
  messages: Message[];
}

const COLON = '[:：]';
const SEP = '(?:-?>>?|»|＞|→|/|\\\\)';

/** `您当前的位置：`, `您的当前位置：`, `当前位置：`, `您现在的位置是：`, `所在位置：` (a bare `位置：` may be a meeting's venue), or `首页 >`. */
const BREADCRUMB = new RegExp(`^[|｜\\s]*(?:(?:[您你](?:所在的?|的?(?:当前|现在)?的?)|当前|现在|所在)(?:所在)?的?位置(?:是)?\\s*(?:${COLON}|${SEP})|(?:网站)?首页\\s*${SEP})`, 'u');

/** Labels that only a page's meta line uses: one of them opening a short line is enough. */
const STRONG_LABELS = [
  '发布日期', '发布时间', '发表时间', '发稿时间', '更新时间', '更新日期', '录入时间', '上传时间', '信息来源', '文章来源', '稿件来源', '新闻来源',
  '阅读次数', '浏览次数', '访问次数', '点击次数', '点击数', '点击量', '点击率', '浏览量', '阅读量', '被阅览数', '被浏览', '字体大小', '字号', '【字体',
  '发布者', '发布人', '发布单位', '发布机构', '录入者', '浏览人次', '访问量', '文章出处', '稿源', '编辑日期', '编辑时间', '提交者', '提交人',
  '阅读点击', '点击阅读', '阅读数', '浏览数', '访问数', '内容时间', '信息时间', '采编时间', '刊发日期', '刊发时间', '刊登日期', '见报日期', '语音阅读', '人工智能朗读', '语音播报',
];
/**
 * Labels ordinary text also uses (会议时间：, 作者：张三 is a byline): chrome only next to another label, or before a
 * bare date. A bulletin's own footer labels (编辑：… 审核：… 签发：…, 联系电话) are never chrome: footer.ts reads them.
 */
const WEAK_LABELS = ['来源', '作者', '时间', '日期', '阅读', '浏览', '点击', '发布', '字体', '人次', '访问', '录入'];
const ALL_LABELS = [...STRONG_LABELS, ...WEAK_LABELS].sort((a, b) => b.length - a.length);
const LABEL_AT = new RegExp(`(?:${ALL_LABELS.map(escape).join('|')})(?=\\s*${COLON}|\\s*\\d|\\s*$|\\s+[\\p{Script=Han}])`, 'gu');
const PUBLISH_LABEL = /^(?:发布|发表|发稿|更新|录入|上传|编辑)?(?:日期|时间)$/u;

/** A source line standing alone (`来源：某党某市委`, `（来源：某报）`): the page's credit, never text. */
const SOURCE_LINE = /^[\s\u3000]*[（(]?\s*(?:来源|稿源|文章来源|信息来源|消息来源|新闻来源)\s*[:：]\s*[^。，！？:：]{1,30}?[）)]?[\s\u3000]*$/u;
/** An e-paper's page line: `第02版：要闻`, `A2版`, `第3版`. */
const PAPER_PAGE = /^[\s\u3000]*(?:第\s*[A-Za-z]?\d{1,2}\s*版|[A-Za-z]\d{1,2}\s*版)\s*(?:[:：]\s*[\p{Script=Han}A-Za-z·]{0,10})?[\s\u3000]*$/u;
/** A page's keyword or tag line: `关键词：市政协 活动 开展`, `标签：政协 协商`. */
/**
 * A site's navigation menu copied as a line: 首页 and the columns after it, set apart by spaces or bars
 * (`首 页 新闻中心 学习园地 社务动态 基层动态`), read on the raw line (normalisation closes the gaps).
 */
const NAV_MENU = /^[\s\u3000|｜]*(?:网站)?首[\s\u3000]*页(?:[\s\u3000|｜·]+[\p{Script=Han}](?:[\s\u3000]?[\p{Script=Han}]){1,7}){3,}[\s\u3000|｜]*$/u;

/** A site's pitch for its mobile and SMS services: `手机看新闻：进入某某手机报 短信看新闻：订阅…`. */
const MOBILE_PROMO = /^[\s\u3000]*(?:手机看新闻|短信看新闻|手机报|手机版|手机访问|移动端)\s*[:：]/u;
/** `立即打开`, `打开APP`, `下载客户端`: a news app's banner over a shared page. */
const APP_PROMPT = /^[\s\u3000]*(?:立即打开|打开\s*(?:APP|App|app|客户端)|(?:APP|App|app|客户端)内打开|下载\s*(?:APP|App|app|客户端)|在(?:APP|App|app|客户端)中?打开)[\s\u3000]*$/u;
/** `（来源：某某日报 记者：某某）`: the source and its reporter in brackets on a line of their own, closing the page. */
const SOURCE_AND_REPORTER = /^[\s\u3000]*[（(]\s*(?:来源|稿源)\s*[:：]\s*[^：:（）()]{1,20}?[\s\u3000]*(?:记者|作者|通讯员)\s*[:：]?\s*([\p{Script=Han}\s\u3000、]{2,16})[)）][\s\u3000]*$/u;
/** `打开某某新闻 查看更多图片`: a news app's prompt between an article's paragraphs. */
const APP_MORE = /^[\s\u3000]*打开[\p{Script=Han}A-Za-z]{1,10}[\s\u3000]*查看更多(?:图片|精彩内容|内容|精彩|视频)?[\s\u3000]*$/u;
/** An e-paper's navigation: `本版导航 各版导航 标题导航`, `选择其他日期报纸`, `历史数字报`, `往期回顾`. */
const EPAPER_MENU = /^[\s\u3000]*(?:(?:本版|各版|视觉|标题|版面)导航(?:[\s\u3000]*(?:本版|各版|视觉|标题|版面)导航)*|选择其他日期的?报纸|历史数字报|往期回顾|往期报纸|数字报刊?首页)[\s\u3000]*$/u;
/**
 * A library catalogue's record fields over a clipped article: `【类型】报纸`, `【作者】 某某`, `【关键词】…`, `【全文】`.
 * Its author is credited with the editors.
 */
const RECORD_FIELD = /^[\s\u3000]*【(类型|作者|责任者|关键词|主题词|地址|分类号|入库时间|全文|来源|出处|日期|版次|版名|刊名|期号|页码|摘要|题名|文献类型)】[\s\u3000]*([^【】]{0,60})$/u;

/**
 * A site's, paper's or office's name alone on a line (`某某网`, `某某日报`, `九三学社某市委`): next to the page's
 * meta line it says who published the page, and is no text. A name only: no verb of an event, no punctuation.
 */
const PUBLISHER_LINE = /^[\s\u3000]*(?:\p{Script=Han}{1,10}(?:网|日报|晚报|在线|客户端|电视台|融媒体中心|新闻中心)|(?:中共|中国)?\p{Script=Han}{2,14}?(?:委员会|市委会?|区委会?|县委会?|省委会?|政协|人大常委会|统战部|办公室|总支|支部|支社|工商联))[\s\u3000]*$/u;
const EVENT_VERB = /召开|举行|举办|开展|组织|参加|出席|调研|视察|走访|看望|慰问|座谈|学习|会议|活动|成立|当选|启动/u;

/** `附件下载：`, `相关附件：某某通知.docx`: a page's attachment box, empty or naming files. */
const ATTACHMENT_BOX = /^[\s\u3000【\[]*(?:附件下载|相关附件|下载附件|附件)[】\]]?\s*[:：]?\s*(?:[^\s。，；]{1,60}\.(?:docx?|pdf|xlsx?|wps|zip|rar|jpe?g|png|txt)\s*)*$/iu;

/** `本文链接：https://…`, `原文地址：…`, `Original URL: http://…`, or a web address standing alone as a line. */
const PAGE_LINK = /^[\s\u3000]*(?:(?:(?:本文|原文|文章|本页|网页)(?:链接|地址|网址)|(?:Original|Source|Page)\s*(?:URL|Link))\s*[:：]\s*(?:https?:\/\/|www\.)?[\x21-\x7e]*|(?:https?:\/\/|www\.)[\x21-\x7e]+)[\s\u3000]*$/iu;
const SITE_KEYWORDS = /^[\s\u3000【\[]*(?:关键词|关键字|标签|Tags?)[】\]]?\s*[:：]\s*[^。，！？]{0,60}$/iu;
/** The site greeting a page's header prints: `欢迎来到某某政协网站！`, `欢迎访问…门户网站`. */
const SITE_GREETING = /^[\s\u3000]*欢迎(?:您)?(?:来到|访问|光临|登录|浏览)[^。，；]{2,40}?(?:网站|网|门户|平台|主页|官网)[！!。.]?[\s\u3000]*$/u;
/** `关注某某网`, `关注我们`: a follow button's label standing as a line. */
const FOLLOW_BUTTON = /^[\s\u3000]*(?:关注|订阅)(?:我们|[\p{Script=Han}A-Za-z]{1,8}(?:网|微博|微信|公众号|客户端|号))[\s\u3000]*$/u;
/** A newsroom's tip line in brackets under the text: `（某某新闻热线：0396—…，传稿邮箱…）`. */
const TIP_LINE = /^[\s\u3000]*[（(][^（）()]{0,20}(?:新闻热线|报料热线|爆料热线|投稿邮箱|传稿邮箱|新闻线索)[^（）()]*[)）][\s\u3000]*$/u;
/**
 * Under a news site's tip line the article is over: what the page prints after it, every line opening with a
 * day (`3月23日，某省政协副主席…`), is the site's list of other reports, not the office's text. (Another page
 * copied into the same file opens with its headline or its dispatch, never with a bare date.)
 */
const DATE_OPENED = /^[\s\u3000]*(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}[日号]/u;
const MAX_REPORTS_UNDER_TIP_LINE = 8;
const reportsUnderTipLine = (lines: Line[], tip: number): number => {
  // (only under an article: a tip line printed above the text closes nothing)
  if (!lines.slice(0, tip).some((l) => /[。！？]/u.test(l.text))) return 0;
  const rest = lines.slice(tip + 1).filter((l) => l.text.trim() !== '');
  return rest.length > 0 && rest.length <= MAX_REPORTS_UNDER_TIP_LINE && rest.every((l) => DATE_OPENED.test(l.text)) ? lines.length - (tip + 1) : 0;
};
/** A site's banner addressing the reader: `您正在浏览[某某]频道，这篇文章记录了…`. */
const READER_BANNER = /^[\s\u3000]*您(?:正在|现在|当前)(?:浏览|访问|阅读|查看)[^。！？]{0,60}(?:频道|栏目|网站|页面|文章)/u;
/** A prompt to follow the site's accounts: `请关注某某政协微信公众号`, `扫码关注“某某政协”`, `↑点击上方“某某新闻”关注我们`, `官方微博`. */
const FOLLOW_PROMPT = /^[\s\u3000]*(?:[↑↓☝👆]?[\s\u3000]*(?:点击|戳|轻触)(?:上方|下方|标题下|这里)?(?:蓝字)?[^。，；]{0,20}关注[^。，；]{0,12}|(?:请|欢迎)?(?:扫码|长按|扫描二维码)?关注[^。，；]{0,30}(?:公众号|微信|微博|抖音|视频号|客户端)[^。，；]{0,12}|(?:官方)?(?:微信公众号|公众号|微信|微博|客户端|手机版|移动版)(?:二维码)?)[！!。.：:]?[\s\u3000]*$/u;
/** The rest of a breadcrumb broken over lines: a short line that opens (or only ends) with its separator. */
/** A page's font-size buttons: 放大 正常 缩小, 大 中 小. */
const FONT_BUTTONS = /放大\s*(?:正常|默认)?\s*缩小|字号|字体/u;
/** A login box's lines: `账号+密码登录`, `手机+验证码登录`, `用户名：`. */
const LOGIN_WIDGET = /^[\s\u3000]*(?:(?:账号|帐号|手机|手机号|邮箱|用户名)\s*[+＋]\s*(?:密码|验证码)\s*登录|(?:用户名|密码|验证码)\s*[:：])[\s\u3000]*$/u;
/** A site footer's label with its value cut off (`主办：`), a links box's (`相关链接：`, `两个报告链接：`), or a photo box's (`领导照片：`). */
const BARE_SITE_LABEL = /^[\s\u3000]*(?:主办|承办|协办|主管|技术支持|运营|维护|[^。，；！？\s]{0,10}链接|[^。，；！？\s]{0,6}(?:照片|图片|图集|视频))\s*[:：][\s\u3000]*$/u;
/** 分享让更多人看到, 转发给朋友, 点击分享到朋友圈: a share button's prompt. */
const SHARE_PROMPT = /^[\s\u3000]*(?:点击|一键)?(?:分享|转发)(?:到|至|给|让)?[^。，；！？\d]{0,8}(?:更多人|朋友|好友|朋友圈|大家)[^。，；！？\d]{0,4}[！!。.]?[\s\u3000]*$/u;
/** `新闻中心 > 国内新闻 > 港澳台新闻`: three short column names or more set apart by `>`, with no 首页 before them. */
const BARE_BREADCRUMB = /^[\s\u3000]*[^。，；！？>＞»\s]{1,10}(?:[\s\u3000]*(?:-?>>?|»|＞)[\s\u3000]*[^。，；！？>＞»\s]{1,10}){2,}[\s\u3000]*$/u;
/**
 * A portal's bar of sister sites (`搜狐 ChinaRen 17173 焦点房地产 搜狗`): four short names or more set apart by
 * gaps, one of them in Latin letters or digits; and the site's name as a line (`搜狐网站`, `搜狐新闻-搜狐网站`).
 */
const PORTAL_BAR = /^(?=.*(?:^|\s)[A-Za-z0-9]{2,})[\s\u3000]*[\p{Script=Han}A-Za-z0-9]{2,10}(?:[\s\u3000]+[\p{Script=Han}A-Za-z0-9]{2,10}){3,}[\s\u3000]*$/u;
const SITE_NAME_LINE = /^[\s\u3000]*(?:[\p{Script=Han}A-Za-z0-9]{1,10}[-_－—|｜][\s\u3000]*)?[\p{Script=Han}A-Za-z0-9]{1,8}网站[\s\u3000]*$/u;
const BREADCRUMB_PART = /^[\s\u3000]*(?:>>?|»|＞)[^。，；！？]{1,40}$|^[^。，；！？]{1,40}(?:>>?|»|＞)[\s\u3000]*$/u;
/** A related-news box's heading; the teasers under it are headlines with their dates. */
const RELATED_HEADING = /^[\s\u3000【\[]*(?:新闻推荐|相关新闻|相关阅读|推荐阅读|相关链接|相关文章|延伸阅读|热点新闻|热门文章|猜你喜欢|最新文章|热点推荐|滚动资讯|滚动新闻|最新资讯|即时新闻)[】\]]?[\s\u3000:：]*$/u;

/** Page tools: a line made of these (with brackets, separators and 字体/字号 labels) is chrome. */
const TOOLS = [
  '打印本页', '打印此页', '打印文章', '打印正文', '打印', '关闭窗口', '关闭本页', '关闭', '放大', '缩小', '默认', '收藏本页', '加入收藏', '收藏', '返回顶部',
  '返回首页', '返回列表', '返回', '分享到', '分享', '设为主页', '设为首页', '正常', 'APP下载', 'App下载', '客户端下载', '立即注册', '还没有账号？', '还没有账号?', '忘记密码', '用户登录', '登录', '注册', '保存本页', '保存', '我要纠错', '纠错', '扫一扫在手机打开当前页', '扫一扫', '手机扫一扫', '微信扫一扫',
  '站内搜索', '全站搜索', '高级搜索', '站内检索', '文章检索', '全文检索', '信息检索', '搜索', '检索',
  '我要打印', '打印此文', '关闭此页', '分享至', '大字', '中字', '小字', '新浪微博', '腾讯微博', '微信', '微博', 'QQ空间', 'QQ', 'Qzone', '朋友圈', '复制链接',
  '字体大小', '字体', '字号', '大', '中', '小', '【', '】', '[', ']', '〖', '〗', '|', '｜', '丨', '/', '：', ':', '·', '、', '-', '—',
  // (an e-paper's article navigation: `3 上一篇  下一篇 4 放大 缩小 默认`, `标题导航`)
  '上一篇', '下一篇', '上一版', '下一版', '标题导航',
].sort((a, b) => b.length - a.length);
/** A page number standing between an e-paper's navigation buttons (`3 上一篇  下一篇 4`). */
const NAV_NUMBER = '(?<![\\d.])\\d{1,2}(?![\\d.])';
const TOOLS_ONLY = new RegExp(`^(?:[\\s|｜]|${NAV_NUMBER}|${TOOLS.map(escape).join('|')})+$`, 'u');
/** Page tools at the end of a line (`… 09:08 大字 中字 小字`). */
const TOOLS_ONLY_PART = new RegExp(`(?:\\s|大字|中字|小字|打印|关闭|【|】|\\[|\\])+$`, 'u');
/** A tools line must name a real tool, not be a stray `大` or `中` of ordinary text. */
const A_TOOL = /打印|关闭|登录|注册|账号|下载|放大|缩小|收藏|返回|分享|保存|纠错|扫一扫|搜索|检索|字体|字号|Qzone|[大中小]字|\[\s*大\s*\]|【\s*大\s*】|[上下]一[篇版]|标题导航/u;

/** 上一篇/下一篇 (also without a colon); the shorter 上篇/下篇 (words of ordinary text too) only with a colon or brackets. */
const NEIGHBOUR_LINK = /^(?:[【\[]?(?:上一篇|下一篇|上一条|下一条)[】\]]?\s*(?:[:：]\s*)?|【(?:上篇|下篇|前一篇|后一篇)】\s*(?:[:：]\s*)?|(?:上篇|下篇|前一篇|后一篇)\s*[:：]\s*)/u;
/** A site footer names the web host or the site itself (主办： alone may be a bulletin's masthead: it needs one of these). */
const SITE_FOOTER = /技术支持\s*[:：]|版权所有|^[\s\u3000]*友情链接[\s\u3000:：]*$|(?:www\.|https?:\/\/)[\x21-\x7e]+\s*版权|举报电话|统一刊号|标准刊号|邮发代号|广告热线|订阅热线|不良信息举报|网站备案|备案号|网站标识码|联系我们|网站地图|访问总人数|最佳分辨率|ICP备|ICP证|公网安备|Copyright|©/iu;
const MAX_SITE_FOOTER = 100;
/** The heading of a site's copyright or disclaimer notice: a short line, no sentence in it. */
const SITE_STATEMENT_HEADING = /^[^。，！？]{0,24}(?:版权|免责|隐私)[^。，！？]{0,8}声明\s*[:：]?$/u;
/** A term of such a notice: what the site (本网, 本站) says of its copyright and of reprinting. */
const SITE_TERMS = /(?:本网|本站)[^。]{0,40}(?:版权|转载|注明|来源)|(?:转载|摘自)[^。]{0,30}(?:本网|本站|网站)/u;
/** `微信图片_20230303170500.jpg`, `IMG_2041.JPG`, a copy's `0 (2).jpg`; several on one line. */
// (with the size a page prints beside it: `xx-t.gif （5831 字节）`, `图片.jpg (12 KB)`)
const IMAGE_NAME = '[^\\s。，；！？]{1,80}(?: \\(\\d{1,3}\\))?\\.(?:jpe?g|png|gif|bmp|webp|tiff?)(?:\\s*[（(]\\s*[\\d.,]+\\s*(?:字节|bytes?|[KMG]B|K)\\s*[)）])?';
const IMAGE_FILE = new RegExp(`^${IMAGE_NAME}(?:\\s+${IMAGE_NAME})*$`, 'iu');
/** （下转A2版） （上接第一版） （转第3版） （紧接2版）, and unbracketed 下转◆5版 / 上接第1版: inside lines too. */
const NEWSPAPER_JUMP =
  /[（(]\s*(?:下转|上接|紧接|转|接)\s*[◆◇■●]?\s*(?:第\s*)?(?:[A-Za-z]?\s*\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:版|页|面)\s*[)）]|(?:下转|上接)\s*[◆◇■●]?\s*(?:第\s*)?(?:[A-Za-z]?\s*\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:版|页|面)/gu;

/** A printed date in a meta line: 2023-03-03, 2024/6/22, 2016.12.16, 2023年3月3日, with an optional time. */
const PRINTED_DATE = /((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})[:：](\d{2})(?:[:：]\d{2})?)?/u;
const LEADING_DATE = new RegExp(`^${PRINTED_DATE.source}`, 'u');
/** A page date printed day first, as some site systems print it: `14.01.2016 10:29` (a line of its own). */
const DAY_FIRST_DATE = /^(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?:\s+(\d{1,2}):(\d{2})(?::\d{2})?)?$/u;
/**
 * A meta line run into the article's first sentence (`2024/8/16 来源:不详9月6日，…`): a site date and short
 * labelled values, then a sentence that opens with its date or a news lead. The meta part is cut off.
 */
const GLUED_META = new RegExp(
  `^\\s*((?:19|20)\\d{2}\\s*[-/.]\\s*\\d{1,2}\\s*[-/.]\\s*\\d{1,2}(?:\\s+\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?)?)(?:\\s*(?:来源|作者|编辑|发布|点击|浏览|阅读)\\s*[:：]?\\s*[^\\s，。:：]{0,12}?)*\\s*(?=\\d{1,2}月\\d{1,2}[日号]|近日|日前|本报讯|本网讯|本刊讯)`,
  'u',
);
/**
 * The same with the labels first (`文章来源： 作者：某某 时间：2018-12-27 16:38:2712月18日，…`): the clock time's
 * seconds run into the sentence's month.
 */
const GLUED_LABELLED_META = new RegExp(
  `^\\s*(?:(?:文章来源|信息来源|来源|作者|编辑|发布者|点击数|点击|浏览|阅读)\\s*[:：]\\s*[^\\s，。:：]{0,20}\\s*)*(?:发布时间|发布日期|更新时间|时间|日期)\\s*[:：]\\s*((?:19|20)\\d{2}\\s*[-/.]\\s*\\d{1,2}\\s*[-/.]\\s*\\d{1,2}(?:\\s+\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?)?)\\s*(?=\\d{1,2}月\\d{1,2}[日号]|近日|日前|本报讯|本网讯|本刊讯)`,
  'u',
);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A line of nothing but bars or dots, or one dash (`|`, `-`, `·`): what is left of a page's layout. (A run of
 * dashes or rules is a bulletin's own rule line: segment reads it.)
 */
const EDGE_BARS = /^\s*[|｜]\s+|\s*[|｜]\s*$/gu;
const SEPARATORS_ONLY = /^(?:[\s|｜丨·•]+|\s*[-—–×✕✖]\s*)$/u;
/**
 * The browser's window title copied with the page: the headline, then its columns and the site, joined by
 * underscores (`某某副主席到某地调研_委员工作委员会_专委会工作动态_某省政协`).
 */
const WINDOW_TITLE = /^[\s\u3000]*([^_\s。！？，][^_。！？]{1,60}?)(?:[\s\u3000]*_[\s\u3000]*(?=[^_]*\p{Script=Han})[^_。！？，.]{2,40}){2,6}[\s\u3000]*$/u;
/** The site's name over the page (`某省政协履职服务综合平台`, `某某门户网站`): only above the text. */
const SITE_PLATFORM = /^[\s\u3000]*\p{Script=Han}{2,14}(?:平台|门户网站|门户)[\s\u3000]*$/u;

/** `2018年04月10日 星期二`: a newspaper page's date line, the date and its weekday alone. */
const NEWSPAPER_DATELINE = /^[\s\u3000]*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[\s\u3000]*(?:星期|礼拜|周)[一二三四五六日天][\s\u3000]*$/u;
/** An e-paper's date alone on a line (`2020年09月02日`): the paper's date when its page label (`第02版：`) follows. */
const BARE_FULL_DATE = /^[\s\u3000]*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[\s\u3000]*$/u;
/** An e-paper's index entry left as text: a web page's file name among its fields (`… content_48284.html …`). */
const PAGE_FILE_RESIDUE = /(?:^|[\s\u3000])[\w-]+\.s?html?(?=[\s\u3000]|$)/u;

/** A site's date widget: `今天是`, `今天是：2024年12月2日 星期一`. */
/** A periodical's running head in capitals with its year and issue: `LINJIANGMINJIN 2009·2`, `MINMENG NEWS 2015.3`. */
const PERIODICAL_HEADER = /^[\s\u3000]*[A-Z]{4,}(?:[\s\u3000]+[A-Z]{2,})*[\s\u3000]+(?:19|20)\d{2}[\s\u3000]*[·•.．\-－第][\s\u3000]*\d{1,2}[\s\u3000]*期?[\s\u3000]*$/u;
const TODAY_WIDGET = /^今天是\s*[:：]?\s*(?:(?:19|20)\d{2}\s*[年/.-]\s*\d{1,2}\s*[月/.-]\s*\d{1,2}\s*日?)?\s*(?:星期.|周.)?\s*$/u;

/** A chrome line ending in a font-size button, and a line holding nothing but one. */
const FONT_SIZE_END = /[大中小]\s*[\]】]?$/u;
const FONT_SIZE_ONLY = /^[\[【]?\s*[大中小]\s*[\]】]?$/u;

const MAX_META_LINE = 120;
/** The longest frame label repeated under the text (`新闻动态`, `工作动态`) that is taken for chrome. */
const MAX_REPEATED_LABEL = 12;
const MAX_LINK_HEADLINE = 60;

interface Meta {
  labels: string[];
  /** The label whose value holds the date, when one does. */
  dateLabel: string | null;
}

/** The labels of a meta line, or null when the line is not one. */
const STAFF_FIRST = /^(?:责任编辑|责编|编辑)\s*[:：]/u;

/** A paper's or site's name, with its column, before a meta line's labels (`某某日报 新闻`, `某某网 要闻`). */
const SOURCE_NAME_FIRST = /^[\s\u3000]*\p{Script=Han}{2,10}(?:日报|晚报|报|网|在线|客户端|电视台)(?:[\s\u3000]*\p{Script=Han}{2,4})?[\s\u3000|｜]*$/u;

function metaLine(text: string): Meta | null {
  if (text.length > MAX_META_LINE || /[。！？]/u.test(text)) return null;
  // (a list bullet before each meta line: `  • 发布时间 :2019-02-27 03:58`)
  // (and a page's 正文 tab before it: `正文 发布时间：2012-12-06`)
  // (or a dash standing for one: `- 信息来源：某某`)
  // (and each field in brackets: `【http://www.某某.com 】 【 2013-04-23 11:55 】 【来源： 某报 】`)
  const unbracketed = /^[\s\u3000]*【[^】]*】(?:[\s\u3000]*【[^】]*】)+[\s\u3000]*$/u.test(text) ? text.replace(/[【】]/gu, ' ') : text;
  const body = unbracketed.replace(/^(?:[\s【\[（(•·●▪]|[-－—](?=\s))+/u, '').replace(/^(?:正文|全文)[\s\u3000]*(?=\p{Script=Han}{2,4}\s*[:：])/u, '')
    // (and the site's address before it: `http://www.某某.org时间：2022-03-18 17:59来源：…`)
    .replace(/^(?:https?:\/\/|www\.)[\x21-\x7e]*?(?=\p{Script=Han}{2,4}\s*[:：])/u, '')
    // (or standing apart anywhere in it: `某县政府 www.某某.gov.cn 2025-03-21 09:27 来源：…`, `//www.某某.com  2023-12-21 08:38`)
    .replace(/(?:^|(?<=\s))(?:https?:)?(?:\/\/|www\.)[\x21-\x7e]+(?=\s|$)/gu, '')
    .trim();
  const labels: Array<{ label: string; at: number }> = [];
  for (const m of body.matchAll(LABEL_AT)) labels.push({ label: m[0], at: m.index ?? 0 });
  // a date-time first, then labels: `2023-03-03 10:31 来源：市政协`
  const lead = LEADING_DATE.exec(body);
  const opensWithLabel = labels.length > 0 && labels[0].at === 0;
  if (DAY_FIRST_DATE.test(body.trim())) return { labels: [], dateLabel: null };
  const printed = PRINTED_DATE.exec(body);
  // a date printed the way sites print them, alone or after a source name with its clock time
  // (`2015-07-27`, `某某日报 2019-05-30 09:08 大字`): a page's date line; a bulletin writes 年月日
  if (printed && labels.length === 0 && !printed[0].includes('年') && !/[，。；！？,]/u.test(body) && body.length <= 60) {
    const around = (body.slice(0, printed.index) + body.slice((printed.index ?? 0) + printed[0].length)).replace(TOOLS_ONLY_PART, '').trim();
    if (around === '' || (printed[4] !== undefined && /^[\p{Script=Han}A-Za-z·\s]{2,20}$/u.test(around))) return { labels: [], dateLabel: null };
  }
  const strong = labels.some((l) => STRONG_LABELS.includes(l.label));
  // a clock time, a label and the page's font buttons on one line (`某县政府 2025-03-21 09:27 来源：某中心 放大 正常 缩小`)
  if (printed?.[4] !== undefined && labels.length > 0 && FONT_BUTTONS.test(body) && !/[。！？]/u.test(body)) return { labels: labels.map((l) => l.label), dateLabel: null };
  // a date-time first and a page-only label further on (`2021-01-02 09:30 编辑：… 审核：… 阅读次数：12`): the
  // staff labels between are the site's, not a bulletin footer's (a footer never opens with a clock time)
  const leadThenStrong = lead !== null && strong && lead[4] !== undefined;
  // (only spaces or bars between the date-time and the first label: `2016年10月25日 15:00 | 作者：…`)
  const labelAfterLead = lead !== null && labels.length > 0 && /^[\s|｜丨/·]*$/u.test(body.slice(lead[0].length, labels[0].at));
  // (a site's staff label first, then its source and a site date: `责任编辑：某某  来源：某网  时间：2018-07-02 16:17:05`;
  // a bulletin's footer prints no clock time or dashed date beside its editor)
  const staffFirst = STAFF_FIRST.test(body) && labels.length > 0 && printed !== null && (printed[4] !== undefined || !printed[0].includes('年'));
  // (a paper's or site's name and column first, then its labels and a date: `某某日报 新闻　时间：2024年03月05日　来源：…`)
  const sourceFirst = labels.length >= 2 && printed !== null && SOURCE_NAME_FIRST.test(body.slice(0, labels[0].at));
  if (!opensWithLabel && !leadThenStrong && !labelAfterLead && !staffFirst && !sourceFirst) return null;
  const dated = PRINTED_DATE.exec(body);
  const dateLabel = dated ? (labels.filter((l) => l.at <= (dated.index ?? 0)).pop()?.label ?? null) : null;
  // one weak label alone is ordinary text (会议时间：…, 来源于…), unless its value is a bare date printed the way
  // sites print them (2023-03-03, 2024/6/22): `日期：2021年3月5日` is a bulletin masthead's date line, kept
  const bareDate =
    labels.length === 1 && dated !== null && !dated[0].includes('年') && body.replace(PRINTED_DATE, '').replace(LABEL_AT, '').replace(/[\s:：]/g, '') === '';
  if (labels.length < 2 && !strong && !bareDate && !lead) return null;
  // a sentence that happens to hold two labels: meta lines are short and comma-free
  if (/[，；]/u.test(text) && !strong) return null;
  return { labels: labels.map((l) => l.label), dateLabel };
}

/** A short line opening with one weak label and its colon (`• 作者 :某某`, `来源：本站`): chrome only beside a meta line. */
const WEAK_META = new RegExp(`^[\\s•·●▪【\\[]*(?:${WEAK_LABELS.map(escape).join('|')})\\s*${COLON}`, 'u');
function weakMetaLine(text: string): boolean {
  return text.length <= MAX_META_LINE / 2 && !/[。！？，]/u.test(text) && WEAK_META.test(text);
}
/** `• 编辑：某某` inside a block of weak meta lines: the site's staff line (a bulletin's footer has no 来源 beside it). */
const STAFF_META = /^[\s•·●▪【\[]*(?:责任编辑|编辑|责编)\s*[:：]\s*[^。，！？]{1,20}$/u;

/** `（责任编辑：某某）`, `[编辑：某某]` standing as a line: the site's staff credit. */
const BRACKETED_STAFF = /^[\s\u3000]*[（(\[【][\s\u3000]*(?:责任编辑|责编|编辑)[\s\u3000]*[:：][^（）()\[\]【】]{1,20}[)）\]】][\s\u3000]*$/u;
/** `本文为某某在线原创文章，转载请注明出处。`, `未经授权不得转载`: the site's reprint notice. */
const REPRINT_NOTICE = /^[\s\u3000]*(?:(?:本文|本稿|此文|该文)[^。]{0,30}(?:原创|版权)[^。]{0,40}(?:转载|引用|使用)|(?:转载请|如需转载|未经授权|未经许可)[^。]{0,40}(?:转载|注明|出处|使用))[^。]{0,40}[。.！!]?[\s\u3000]*$/u;

/** `（责任编辑：某某）` closing a paragraph (a layout bar after it): the site's staff credit, not the text's. */
const TRAILING_STAFF = /(?<=\S)[\s\u3000]*[（(](?:责任编辑|责编|编辑)\s*[:：][^（）()。]{1,20}[)）][\s\u3000|｜]*$/u;

function pageDateFrom(text: string, meta: Meta, at: number): PageDate | null {
  const dayFirst = DAY_FIRST_DATE.exec(text.trim());
  const m = dayFirst ? [dayFirst[0], dayFirst[3], dayFirst[2], dayFirst[1], dayFirst[4], dayFirst[5]] : PRINTED_DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const time = m[4] !== undefined ? `${m[4].padStart(2, '0')}:${m[5]}` : null;
  return { date: iso, time, text: m[0].trim(), label: meta.dateLabel, source: 'meta-line', at };
}

/** An e-paper's page navigation: `下一版» 本期共4版，当前第1版 PDF`, `上一版 下一版`. */
const EPAPER_NAV = /^(?:[上下]一[版期]\s*[»«>＞<＜]*\s*)*(?:本期共\s*\d+\s*版[\s，,]*)?(?:当前第\s*\d+\s*版)?\s*(?:PDF)?$/iu;
const isEpaperNav = (text: string) => text.trim() !== '' && /版/u.test(text) && text.length <= 40 && EPAPER_NAV.test(text.trim());
/** What is left of markup in copied text: an HTML comment's ends (`--> 2023-04-08 … /enpproperty-->`). */
const MARKUP_RESIDUE = /^\s*(?:-->|<!--)|(?:-->|<!--)\s*$/u;
/** A pager's links copied one per line: `1. 1`, `2. 2`. */
const PAGER_LINK = /^[\s\u3000]*(\d{1,2})\s*[.．]\s*\1[\s\u3000]*$/u;
const isPageFileResidue = (text: string) => !/[。！？，]/u.test(text) && PAGE_FILE_RESIDUE.test(text);
/** A street address alone on a line (`某省某市某区某某路70号`). */
const ADDRESS_LINE = /^[\s\u3000]*\p{Script=Han}{2,30}?(?:路|街|大道|大街|巷)\s*\d{1,5}\s*号(?:[\p{Script=Han}\d]{0,12})?[\s\u3000]*$/u;
const isSiteFooter = (text: string) => text.length <= MAX_SITE_FOOTER && !/[。！？]/u.test(text) && SITE_FOOTER.test(text);
/** An e-paper's page name before its navigation (`第A4版：城事 上一版3  4下一版`). */
const PAPER_PAGE_HEAD = /^[\s\u3000]*(?:第\s*[A-Za-z]?\d{1,2}\s*版|[A-Za-z]\d{1,2}\s*版)\s*(?:[:：]\s*[\p{Script=Han}A-Za-z·]{0,10})?/u;
const isToolsLine = (text: string) => {
  // (`上一篇：` alone is a neighbour link whose headline may stand on the next line: read below)
  if (/^[\s【\[]*[上下]一[篇条][】\]]?\s*[:：]?\s*$/u.test(text)) return false;
  const rest = text.replace(PAPER_PAGE_HEAD, '');
  return rest.trim() !== '' && TOOLS_ONLY.test(rest) && A_TOOL.test(rest);
};
/** A site code left standing as a line (`dlrb`), or an e-paper's article code (`QJTB012`): no word of the text. */
const SITE_CODE = /^[\s\u3000]*(?:[a-z]{2,12}|[A-Z]{2,6}\d{2,4})[\s\u3000]*$/u;
/**
 * A portal's promo links after the article: two or more `·`-led teasers on one line with no sentence
 * (`·春季出行指南 ·手机邮箱升级 ·有奖问卷等你来`), or a search box's name with its domain (`搜索（find.example.com）`).
 */
const PROMO_LINKS = /^[\s\u3000]*(?:[·•][^·•。，！？；]{2,24}[\s\u3000]*){2,}$/u;
const SEARCH_BOX = /^[\s\u3000]*\p{Script=Han}{1,8}[（(][A-Za-z0-9.-]+\.(?:com|cn|net|org)[)）][\s\u3000]*$/iu;
/** A teaser in a related-news box: a short headline with a printed date before or after it, no sentence. */
const isDatedTeaser = (text: string) =>
  text.length <= MAX_LINK_HEADLINE + 20 && !/[。！？，]/u.test(text) && new RegExp(`^[\\s•·]*[\\[(（]?${PRINTED_DATE.source}|${PRINTED_DATE.source}[\\])）]?\\s*$`, 'u').test(text);
/** A line of a related-news box: a dated teaser headline, or another story's opening cut off with dots (`…一要抓好...`). */
const CUT_TEASER = /(?:\.{3,}|…+)$/u;
const isTeaser = (text: string) => isDatedTeaser(text) || (CUT_TEASER.test(text.trim()) && text.length <= MAX_META_LINE * 2);
const MAX_SLOGAN_LINES = 2;
const isShortHeadline = (l: Line | undefined) => l !== undefined && l.text.length <= MAX_LINK_HEADLINE && !/[。！？]/u.test(l.text);

export function removeWebChrome(input: Line[]): WebChromeResult {
  const { lines, joined } = joinBrokenBylines(splitFlatPages(input));
  const drop = new Set<number>();
  /** The meta lines (publish date, source, author…) found: their neighbours may name the publisher. */
  const metaAt = new Set<number>();
  const credits: Credits = { editors: [], reviewers: [] };
  /** Lines whose opening (a meta part run into the first sentence) is cut: how many characters. */
  const cutHead = new Map<number, number>();
  /** Lines of which only a headline stays (a window title whose headline is printed nowhere else). */
  const cutTail = new Map<number, string>();
  /** Dropped lines that frame a page (its breadcrumb, its publish line): text after them is another page's. */
  const frame = new Set<number>();
  let pageDate: PageDate | null = null;
  let pageDateIsPublish = false;
  const pageDates: PageDate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    const glued = GLUED_META.exec(text) ?? GLUED_LABELLED_META.exec(text);
    if (glued && glued[0].length < text.length) {
      cutHead.set(i, glued[0].length);
      const date = pageDateFrom(glued[1], { labels: [], dateLabel: null }, lines[i].index);
      if (date) pageDates.push(date);
      if (date && pageDate === null) pageDate = date;
      continue;
    }
    // an e-paper's date alone over its page label (`2020年09月02日` / `第02版：`): the page's publish date
    // (a page of a file of several, dated like one under a publish line)
    const paperDate = PAPER_PAGE.test(lines[i + 1]?.text ?? '') ? BARE_FULL_DATE.exec(text) : null;
    if (paperDate) {
      drop.add(i);
      frame.add(i);
      const date = pageDateFrom(paperDate[1], { labels: [], dateLabel: null }, lines[i].index);
      if (date) pageDates.push(date);
      if (date && pageDate === null) pageDate = date;
      continue;
    }
    // a newspaper page's date with its weekday: the day its 昨日 and 今日 count from (a bulletin prints no weekday)
    const dateline = NEWSPAPER_DATELINE.exec(text);
    if (dateline && pageDate === null) {
      const date = pageDateFrom(dateline[1], { labels: [], dateLabel: null }, lines[i].index);
      if (date) {
        pageDate = { ...date, source: 'dateline' };
        pageDates.push(pageDate);
      }
      continue;
    }
    // (read on the raw line too, whose gaps still part a label from its value: `2020年09月23日 发布者 某某`)
    const meta = metaLine(text) ?? metaLine(lines[i].raw.trim());
    if (meta) {
      metaAt.add(i);
      drop.add(i);
      frame.add(i);
      metaCredits(lines[i], credits);
      const date = pageDateFrom(text, meta, lines[i].index);
      if (date) pageDates.push(date);
      const publish = date !== null && date.label !== null && PUBLISH_LABEL.test(date.label);
      // the first publish date wins; a date under another label only until one is found
      if (date && (pageDate === null || (publish && !pageDateIsPublish))) {
        pageDate = date;
        pageDateIsPublish = publish;
      }
    } else if (RELATED_HEADING.test(text)) {
      // the box's heading and the teasers under it that print their dates (`某某会议召开 2019-05-28`)
      drop.add(i);
      while (i + 1 < lines.length && isTeaser(lines[i + 1].text)) drop.add(++i);
      // (after a teaser cut off with dots, a line or two closing the page are the site's slogan)
      if (CUT_TEASER.test(lines[i].text.trim()) && lines.length - (i + 1) <= MAX_SLOGAN_LINES) while (i + 1 < lines.length) drop.add(++i);
    } else if (BRACKETED_STAFF.test(text)) {
      drop.add(i);
      creditsOf(text.replace(/[（()）\[\]【】]/gu, ' '), credits);
    } else if (REPRINT_NOTICE.test(text)) {
      drop.add(i);
    } else if (SOURCE_AND_REPORTER.test(lines[i].raw)) {
      // (its reporter wrote the page: credited with the editors)
      drop.add(i);
      creditsOf(`作者：${SOURCE_AND_REPORTER.exec(lines[i].raw)![1].replace(/、/gu, ' ').trim()}`, credits);
    } else if (RECORD_FIELD.test(text)) {
      drop.add(i);
      const [, field, value] = RECORD_FIELD.exec(text)!;
      if (field === '作者' || field === '责任者') creditsOf(`作者：${value.trim()}`, credits);
    } else if (WINDOW_TITLE.test(text) && !IMAGE_FILE.test(text)) {
      // (its headline is printed again over the text: the whole line goes; if not, the headline stays)
      const headline = WINDOW_TITLE.exec(text)![1].trim();
      if (lines.some((l, k) => k > i && l.text.trim() === headline)) drop.add(i);
      else cutTail.set(i, headline);
    } else if (TIP_LINE.test(text)) {
      drop.add(i);
      for (let n = reportsUnderTipLine(lines, i); n > 0; n--) drop.add(++i);
    } else if (NAV_MENU.test(lines[i].raw) || ATTACHMENT_BOX.test(text) || MOBILE_PROMO.test(text) || APP_PROMPT.test(text) || APP_MORE.test(text) || EPAPER_MENU.test(text) || SITE_GREETING.test(text) || READER_BANNER.test(text) || FOLLOW_BUTTON.test(text) || FOLLOW_PROMPT.test(text) || SHARE_PROMPT.test(text) || BARE_SITE_LABEL.test(text) || LOGIN_WIDGET.test(text) || BREADCRUMB_PART.test(text) || SITE_KEYWORDS.test(text) || PAGE_LINK.test(text) || SOURCE_LINE.test(text) || PAPER_PAGE.test(text)) {
      drop.add(i);
    } else if (PERIODICAL_HEADER.test(lines[i].raw)) {
      // a periodical's running head over each article it printed (`LINJIANGMINJIN 2009·2`): the next page
      drop.add(i);
      frame.add(i);
    } else if (BARE_BREADCRUMB.test(text) || BREADCRUMB.test(text)) {
      drop.add(i);
      frame.add(i);
    } else if (SITE_CODE.test(text) || PORTAL_BAR.test(lines[i].raw) || SITE_NAME_LINE.test(text) || isToolsLine(text) || isSiteFooter(text) || IMAGE_FILE.test(text) || isEpaperNav(text) || MARKUP_RESIDUE.test(text) || isPageFileResidue(text) || PAGER_LINK.test(text) || TODAY_WIDGET.test(text) || SEPARATORS_ONLY.test(text)) {
      drop.add(i);
    } else if (SITE_STATEMENT_HEADING.test(text)) {
      // 网站版权与免责声明： and the site's terms under it (凡本网注明来源…, 如需转载…)
      drop.add(i);
      while (i + 1 < lines.length && SITE_TERMS.test(lines[i + 1].text)) drop.add(++i);
    } else {
      const link = NEIGHBOUR_LINK.exec(text);
      const rest = link ? text.slice(link[0].length).trim() : '';
      if (!link || rest.length > MAX_LINK_HEADLINE || /[。！？]/u.test(rest)) continue;
      drop.add(i);
      frame.add(i);
      // `上一篇：` with its headline on the next line
      const next = lines[i + 1];
      if ((rest === '' || rest === '没有了') && isShortHeadline(next) && !NEIGHBOUR_LINK.test(next.text)) drop.add(++i);
    }
  }

  // `• 来源：某市委` / `• 作者：某某` / `• 编辑：某某`: two or more weak-label lines in a row are a meta block themselves
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && !drop.has(j) && (weakMetaLine(lines[j].text) || STAFF_META.test(lines[j].text))) j++;
    if (j - i >= 2 && lines.slice(i, j).some((l) => weakMetaLine(l.text))) {
      for (let k = i; k < j; k++) {
        drop.add(k);
        metaCredits(lines[k], credits);
      }
    }
    i = Math.max(j, i + 1);
  }
  // `• 作者 :…` and `• 来源 :本站原创` above or below a dropped meta line: a weak label alone is the same block
  for (let i = 0; i < lines.length; i++) {
    if (!drop.has(i)) continue;
    // (separator lines between them are the same block: `发布时间：…` / `|` / `作者：…`)
    for (let j = i - 1; j >= 0 && (SEPARATORS_ONLY.test(lines[j].text) || (!drop.has(j) && weakMetaLine(lines[j].text))); j--) {
      drop.add(j);
      metaCredits(lines[j], credits);
    }
    for (let j = i + 1; j < lines.length && (SEPARATORS_ONLY.test(lines[j].text) || (!drop.has(j) && (weakMetaLine(lines[j].text) || STAFF_META.test(lines[j].text)))); j++) {
      drop.add(j);
      metaCredits(lines[j], credits);
    }
    // `… 点击量:437 大` / `中` / `小`: the font-size buttons, copied one per line
    if (FONT_SIZE_END.test(lines[i].text)) for (let j = i + 1; j < lines.length && FONT_SIZE_ONLY.test(lines[j].text); j++) drop.add(j);
  }

  // `红网` under the publish time, `九三学社某市委` over 发布日期: the page's publisher, next to its meta line
  for (const i of metaAt) {
    for (const step of [-1, 1]) {
      let j = i + step;
      while (j >= 0 && j < lines.length && (drop.has(j) || lines[j].text.trim() === '') && !metaAt.has(j)) j += step;
      const t = lines[j]?.text ?? '';
      if (j >= 0 && j < lines.length && PUBLISHER_LINE.test(t) && !EVENT_VERB.test(t)) drop.add(j);
    }
  }

  // `新闻动态` repeated under the text: a short line after the last sentence that the page printed above its
  // first sentence too is the column's label (or another piece of the frame), not text
  const firstSentence = lines.findIndex((l, i) => !drop.has(i) && /[。！？]/u.test(l.text));
  let lastSentence = -1;
  lines.forEach((l, i) => {
    if (!drop.has(i) && /[。！？]/u.test(l.text)) lastSentence = i;
  });
  if (firstSentence >= 0) {
    const above = new Set(lines.slice(0, firstSentence).map((l) => l.text.trim()));
    lines.slice(0, firstSentence).forEach((l, i) => {
      if (SITE_PLATFORM.test(l.text)) drop.add(i);
    });
    for (let i = lastSentence + 1; i < lines.length; i++) {
      const t = lines[i].text.trim();
      if (lines[i].kind !== 'rule' && /\p{Script=Han}/u.test(t) && t.length <= MAX_REPEATED_LABEL && !/[。，；！？]/u.test(t) && above.has(t)) drop.add(i);
      // (and a portal's promo links or search box under the article)
      if (PROMO_LINKS.test(lines[i].raw) || SEARCH_BOX.test(t)) drop.add(i);
      // (and the site's street address over its copyright line)
      if (ADDRESS_LINE.test(t) && lines.slice(i + 1).some((l) => isSiteFooter(l.text))) drop.add(i);
    }
  }

  const cells = flattenedTableCells(lines, drop);
  const kept: Line[] = [];
  let inline = 0;
  /** Source index of the first frame line since the last kept line, or null. */
  let framedFrom: number | null = null;
  let textSoFar = false;
  lines.forEach((original, i) => {
    if (drop.has(i)) {
      if (frame.has(i)) framedFrom ??= original.index;
      return;
    }
    let line = cells.has(i) ? { ...original, kind: 'tableCell' as const } : original;
    // (a page's frame between two texts: the next page of the file starts here)
    // (a page's text holds a sentence: a line after the frame with none after it is the site's footer, no page)
    if (framedFrom !== null && textSoFar && i <= lastSentence) line = { ...line, pageStart: framedFrom };
    framedFrom = null;
    textSoFar ||= /[。！？]/u.test(original.text);
    let cut = 0;
    const tail = cutTail.get(i);
    if (tail !== undefined) {
      cut++;
      line = { ...line, text: tail, raw: tail };
    }
    const head = cutHead.get(i);
    if (head !== undefined) {
      cut++;
      line = { ...line, text: line.text.slice(head), raw: line.text.slice(head) };
    }
    // a layout bar left at a line's end or start (`某某考察调研 |`): the cell border of the page's table
    // (and the site's staff credit in brackets closing the last paragraph: `…圆满结束。（责任编辑：某某）`)
    const text = line.text
      .replace(TRAILING_STAFF, (credit) => (cut++, creditsOf(credit.replace(/[（()）|｜]/gu, ' '), credits), ''))
      .replace(NEWSPAPER_JUMP, () => (cut++, ''))
      .replace(EDGE_BARS, () => (cut++, ''));
    if (cut === 0) kept.push(line);
    else if (text.trim() === '') drop.add(i);
    else {
      inline += cut;
      kept.push({ ...line, text: text.trim(), raw: line.raw.replace(TRAILING_STAFF, '').replace(NEWSPAPER_JUMP, '').replace(EDGE_BARS, '').trim() });
    }
  });

  const messages: Message[] = [];
  if (drop.size + inline > 0) {
    const shown = [...drop].sort((a, b) => a - b).slice(0, 6).map((i) => `“${lines[i].text}”`);
    const inlineNote = inline > 0 ? ` and ${inline} piece(s) of furniture inside lines (newspaper page jumps, layout bars)` : '';
    messages.push(message('info', 'web-chrome-removed', `Removed ${drop.size} line(s) of web-page chrome${inlineNote}: ${shown.join(' ')}`));
  }
  if (joined > 0) messages.push(message('info', 'byline-rejoined', `Joined ${joined} byline(s) broken over two lines.`));
  if (pageDate) {
    messages.push(message('info', 'page-date-found', `The page prints its publish date ${pageDate.date} (“${pageDate.text}”); kept as the document's page date.`));
  }
  return { lines: kept, credits, pageDate, pageDates, removed: drop.size + inline, messages };
}
