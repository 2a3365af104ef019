import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetOfContentType, declaredCharset, decodePage } from '../../src/extract/html-charset.js';
import { extractHtml } from '../../src/extract/html.js';
import { extract } from '../../src/extract/index.js';
import { IngestError } from '../../src/types.js';

const page = (body: string, head = '<meta charset="utf-8">') => Buffer.from(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, 'utf8');
const texts = (bytes: Buffer) => extractHtml(bytes).blocks.map((b) => b.text);

describe('decodePage', () => {
  const body = '<p>区政协召开主席会议，副主席邬海平出席。</p>';

  it('reads the charset of <meta charset> and of <meta http-equiv> content', () => {
    expect(declaredCharset(Buffer.from('<html><head><meta charset="GBK"></head>'))).toBe('gbk');
    expect(declaredCharset(Buffer.from('<HTML><HEAD><META http-equiv=Content-Type content="text/html; charset=gb2312"></HEAD>'))).toBe('gb2312');
    expect(declaredCharset(Buffer.from('<html><head><title>x</title></head>'))).toBeNull();
    expect(charsetOfContentType("text/html; charset='UTF-8'")).toBe('utf-8');
  });

  it('decodes a GB2312-declared page as GB18030, and a GBK page without any declaration by sniffing', () => {
    const declared = iconv.encode(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>${body}</body></html>`, 'gbk');
    expect(decodePage(declared)).toMatchObject({ encoding: 'gb18030', messages: [] });
    expect(decodePage(declared).text).toContain('副主席邬海平');
    const undeclared = iconv.encode(`<html><body>${body}</body></html>`, 'gbk');
    expect(decodePage(undeclared).encoding).toBe('gb18030');
    expect(decodePage(undeclared).text).toContain('区政协召开主席会议');
  });

  it('follows a byte-order mark over the declaration', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), page(body, '<meta charset="gb2312">')]);
    expect(decodePage(bytes).encoding).toBe('utf-8');
    expect(decodePage(bytes).text).toContain('副主席邬海平');
  });

  it('overrules a declaration the bytes contradict, with a message', () => {
    const resaved = page(body, '<meta charset="gb2312">');
    expect(decodePage(resaved)).toMatchObject({ encoding: 'utf-8', messages: [{ code: 'html-charset-overruled' }] });
    const mislabelled = iconv.encode(`<html><head><meta charset="utf-8"></head><body>${body}</body></html>`, 'gbk');
    expect(decodePage(mislabelled)).toMatchObject({ encoding: 'gb18030', messages: [{ code: 'html-charset-overruled', severity: 'warning' }] });
  });

  it('refuses a page in an encoding it cannot read instead of guessing', () => {
    const shiftJis = iconv.encode('<html><body><p>東京都議会の会議録です。議員の発言を記録します。</p></body></html>', 'shift_jis');
    expect(() => decodePage(shiftJis)).toThrow(IngestError);
  });
});

describe('extractHtml', () => {
  it('makes paragraphs of block elements and of <br>', () => {
    expect(texts(page('<div><p>第一段。</p><p>第二段<br>第三段</p>第四段</div>'))).toEqual(['第一段。', '第二段', '第三段', '第四段']);
  });

  it('collapses markup whitespace but keeps entities and ideographic spaces', () => {
    expect(texts(page('<p>\n  区政协&nbsp;召开\n  会议&amp;座谈　会</p>'))).toEqual(['区政协\u00a0召开 会议&座谈　会']);
  });

  it('reads a data table row by row, cells apart, as table blocks', () => {
    const blocks = extractHtml(page('<table><tr><th>事项</th><th>单位</th></tr><tr><td>协商计划</td><td>提案委员会</td></tr></table>')).blocks;
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['tableCell', '事项　单位'],
      ['tableCell', '协商计划　提案委员会'],
    ]);
  });

  it('reads a page laid out in a table as ordinary paragraphs', () => {
    const blocks = extractHtml(page('<table><tr><td><p>区政协召开会议。</p><p>会议强调。</p></td></tr><tr><td>（莫雅琴）</td></tr></table>')).blocks;
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', '区政协召开会议。'],
      ['paragraph', '会议强调。'],
      ['paragraph', '（莫雅琴）'],
    ]);
  });

  it('leaves out scripts, styles, forms and the page chrome, and says how many chrome elements went', () => {
    const e = extractHtml(
      page(
        '<header><a>网站首页</a></header><nav><a>政协要闻</a></nav><div id="breadcrumb">首页 &gt; 工作动态</div>' +
          '<article><header><h1>区政协召开主席会议</h1></header><p>正文。</p><footer>（责任编辑：聂婉清）</footer></article>' +
          '<div class="top-nav">导航</div><aside>热点</aside><script>document.write("x")</script><style>p{}</style><form><select><option>友情链接</option></select></form>' +
          '<footer><p>版权所有</p></footer>',
      ),
    );
    expect(e.blocks.map((b) => b.text)).toEqual(['区政协召开主席会议', '正文。', '（责任编辑：聂婉清）']);
    expect(e.messages).toMatchObject([{ code: 'html-chrome-dropped', severity: 'info' }]);
  });

  it('keeps an article header, a content div and class names that only contain a chrome word', () => {
    expect(texts(page('<div class="article-header">标题行</div><div class="content main-body">正文。</div>'))).toEqual(['标题行', '正文。']);
    expect(texts(page('<div class="header">网站首页</div><article><div class="header">标题行</div><p>正文。</p><div class="share">分享</div></article>'))).toEqual(['标题行', '正文。']);
  });

  it('marks headings and wholly bold paragraphs as bold (headlines), not partly bold ones', () => {
    const blocks = extractHtml(page('<h2>区政协召开主席会议</h2><p><strong>委员风采</strong></p><p><b>会议</b>强调。</p>')).blocks;
    expect(blocks.map((b) => [b.text, b.bold ?? false, b.kind])).toEqual([
      ['区政协召开主席会议', true, 'paragraph'],
      ['委员风采', true, 'paragraph'],
      ['会议强调。', false, 'paragraph'],
    ]);
  });

  it('adds the page title as the first paragraph only when the body does not print it', () => {
    const titled = (title: string, body: string) => texts(page(body, `<meta charset="utf-8"><title>${title}</title>`));
    expect(titled('区政协召开主席会议_某某区政协网', '<p>正文。</p>')).toEqual(['区政协召开主席会议', '正文。']);
    expect(titled('区政协召开主席会议 - 某某区政协网', '<h1>区政协召开主席会议</h1><p>正文。</p>')).toEqual(['区政协召开主席会议', '正文。']);
  });

  it('reads a Word document saved as a web page (Office namespaces, conditional comments, empty <o:p>)', () => {
    const word =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8">' +
      '<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]--><style><!-- p.MsoNormal {margin:0} --></style></head>' +
      "<body lang=ZH-CN><div class=WordSection1><p class=MsoNormal align=center><b><span style='font-size:22pt'>政协工作动态<o:p></o:p></span></b></p>" +
      '<p class=MsoNormal><span>第<span lang=EN-US>5</span>期</span></p><p class=MsoNormal><span>◆<span lang=EN-US>5</span>月6日，市政协召开会议。<o:p></o:p></span></p>' +
      '<p class=MsoNormal><o:p>&nbsp;</o:p></p></div></body></html>';
    expect(extractHtml(Buffer.from(word)).blocks.map((b) => [b.text, b.bold ?? false])).toEqual([
      ['政协工作动态', true],
      ['第5期', false],
      ['◆5月6日，市政协召开会议。', false],
    ]);
  });

  it('reads unclosed paragraphs and cells as a browser would', () => {
    expect(texts(page('<div><p>未闭合的段落<p>第二段<table><tr><td>甲<td>乙</table><div>尾'))).toEqual(['未闭合的段落', '第二段', '甲　乙', '尾']);
  });

  it('keeps the lines of <pre> text', () => {
    expect(texts(page('<pre>第一行\n第二行</pre>'))).toEqual(['第一行', '第二行']);
  });

  it('takes the publish date from the page metadata', () => {
    const e = extractHtml(page('<p>正文。</p>', '<meta charset="utf-8"><meta name="PubDate" content="2024-04-09 16:20">'));
    expect(e.pageDate).toEqual({ date: '2024-04-09', time: '16:20', text: '2024-04-09 16:20', label: null, source: 'html-meta', at: null });
    expect(extractHtml(page('<p>正文。</p>')).pageDate).toBeNull();
  });

  it('refuses a page with no text outside scripts and chrome as empty', () => {
    expect(() => extractHtml(page('<nav>首页</nav><script>var a = 1;</script>'))).toThrow(expect.objectContaining({ code: 'empty-file' }));
  });

  it('is what extract() uses for a web page, with the format and encoding recorded', async () => {
    const e = await extract(page('<p>区政协召开主席会议。</p>'), { limits: { maxFileBytes: 1e6, maxInflatedBytes: 1e6, timeoutMs: 1000 } });
    expect(e).toMatchObject({ format: 'html', encoding: 'utf-8', pages: null });
  });
});

describe('the article of a page laid out with unnamed menus and lists', () => {
  const layout = (article: string) =>
    page(`<div class="dh"><ul><li><a>首页</a></li><li><a>政协概况</a></li><li><a>新闻中心</a></li></ul></div>
<div class="left"><div class="lmmc">新闻中心</div><ul><li><a>县政协开展委员进社区活动</a><span>2021-03-01</span></li></ul></div>
<div class="right"><div class="wz">您当前的位置：首页 &gt; 工作动态</div>${article}</div>`);
  const article = `<div class="article"><h1>县政协召开主席会议</h1><div class="info">发布时间：2021-03-04 10:21</div>
<div class="content"><p>3月2日上午，县政协召开主席会议。县政协主席郑国华主持会议并讲话。副主席钱丽萍、孙建国参加会议。</p>
<p>会议审议了年度工作安排，听取了提案委员会的汇报，协商决定召开常委会议。</p></div>
<div class="sxp">上一篇：县政协机关召开动员会</div></div>`;

  it('keeps the element holding most of the running text, lifted to its heading, and leaves menus and column lists out', () => {
    expect(texts(layout(article))).toEqual([
      '县政协召开主席会议',
      '发布时间：2021-03-04 10:21',
      '3月2日上午，县政协召开主席会议。县政协主席郑国华主持会议并讲话。副主席钱丽萍、孙建国参加会议。',
      '会议审议了年度工作安排，听取了提案委员会的汇报，协商决定召开常委会议。',
      '上一篇：县政协机关召开动员会',
    ]);
  });

  it('says how many paragraphs were left out', () => {
    const m = extractHtml(layout(article)).messages.find((x) => x.code === 'html-outside-article');
    expect(m?.message).toMatch(/Left out \d+ paragraph/);
  });

  it('keeps a labelled date line printed outside the article', () => {
    const outside = `<div class="info">发布时间：2021-03-04</div><div class="article"><div class="content"><p>3月2日上午，县政协召开主席会议。县政协主席郑国华主持会议并讲话。副主席钱丽萍、孙建国参加会议。</p><p>会议审议了年度工作安排，听取了提案委员会的汇报，协商决定召开常委会议。</p></div></div>`;
    expect(texts(layout(outside))).toContain('发布时间：2021-03-04');
  });

  it('keeps every paragraph of a page whose text no single element holds (a page of several articles)', () => {
    const two = `<div><p>3月2日，县政协召开主席会议，审议工作安排，听取汇报。</p></div><div><p>3月5日，县政协召开常委会议，协商有关事项，通过决议。</p></div>`;
    expect(texts(page(two))).toHaveLength(2);
  });
});

describe('text outside the article', () => {
  it('keeps a paragraph with a sentence outside the article, and drops the menu lines', () => {
    const long = '<p>3月2日上午，县政协召开主席会议。县政协主席郑国华主持会议并讲话。副主席钱丽萍、孙建国参加会议。会议审议了年度工作安排，听取了提案委员会的汇报，协商决定召开常委会议，部署近期重点工作。</p>';
    const bytes = page(`<div class="dh"><ul><li><a>首页</a></li><li><a>新闻中心</a></li></ul></div><div class="a"><h1>县政协召开主席会议</h1>${long}</div><div class="b"><p>3月5日，县政协开展委员活动。</p></div>`);
    expect(texts(bytes)).toEqual(['县政协召开主席会议', expect.stringContaining('3月2日上午'), '3月5日，县政协开展委员活动。']);
  });
});
