// builds guilin-2024-12.docx (Word-numbered ◆/◇ items, 【】 titles as Heading 2),
// shannan-2021-03.docx (-> .doc; typed ※ titles and ◆ items, one article) and zhoukou-2012-15.docx (-> .pdf; header + page numbers)
import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire('/work/main/node_modules/');
const d = require('docx');
const { Document, Packer, Paragraph, TextRun, HeadingLevel, AlignmentType, Header, Footer, PageNumber, LevelFormat } = d;
const out = '/tmp/heldout3/docs/';
const F = { ascii: 'Noto Serif CJK SC', eastAsia: 'Noto Serif CJK SC', hAnsi: 'Noto Serif CJK SC' };
const P = (t, o = {}) => new Paragraph({ ...o, children: [new TextRun({ text: t, font: F, size: o.size ?? 28, bold: o.bold })] });
const C = (t, size = 28, bold = false) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: t, font: F, size, bold })] });

// ---------- Guilin (docx) ----------
{
  const H = (t) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: t, font: F })] });
  const B = (ref, t) => new Paragraph({ numbering: { reference: ref, level: 0 }, children: [new TextRun({ text: t, font: F, size: 28 })] });
  const body = [
    C('政协信息', 56, true), C('第12期', 32),
    P('桂林市政协办公室　　　　　　　　二〇二四年六月十七日'),
    H('【协商议政】'),
    B('dia', '6月11日上午，市政协召开“推进漓江流域生态保护”专题协商会。市政协主席莫少华主持会议，副市长韦春燕到会听取意见。市生态环境局局长覃建军通报了漓江流域生态保护工作情况，市政协委员蓝天、黄海波，漓江风景名胜区管理委员会副主任唐志军先后发言。'),
    P('韦春燕表示，市政府将认真研究吸纳委员们提出的意见建议，进一步压实各方责任，推动漓江流域生态保护取得新成效。莫少华强调，要持续跟踪协商成果落实情况，切实做到协商于决策之前和决策实施之中。'),
    B('dia', '6月13日下午，市政协召开第二季度提案办理协商会，市政协副主席、民建桂林市委主委上官云主持。市政协提案委员会主任邓秋菊通报了重点提案办理情况，市住房城乡建设局、市交通运输局负责人作了办理答复。'),
    H('【视察调研】'),
    B('dia', '6月12日至14日，市政协副主席上官云带领调研组赴阳朔县、龙胜各族自治县，调研民族特色村寨保护与乡村旅游融合发展情况。龙胜各族自治县政协主席石永红陪同调研。'),
    P('调研组先后来到龙脊镇平安村、大寨村和阳朔县兴坪镇渔村，察看古建筑保护修缮和民宿经营情况，与村干部、民宿经营户座谈交流。上官云指出，要坚持保护优先、合理利用，守住民族文化的根与魂。'),
    H('【自身建设】'),
    B('dim', '6月14日晚上，市政协机关党支部组织党员干部观看警示教育片，市政协秘书长周正平主持并讲话，副秘书长梁丽萍、廖春生参加。'),
    B('dim', '6月15日，市政协机关举办“委员履职能力提升”专题讲座，邀请广西师范大学教授韦海英作辅导报告，市政协各专门委员会主任、机关干部80余人参加。'),
    P('报：自治区政协办公厅，市委、市人大常委会、市政府领导。'),
    P('送：市委办公室，市人大常委会办公室，市政府办公室，市委统战部。'),
    P('发：市政协各参加单位，各县（市、区）政协。'),
    P('编辑：韦 明 覃小燕'), P('审核：秦岭'), P('电话：0773-2825631　　邮箱：glzxxx@163.com'),
  ];
  const bullet = (ref, glyph) => ({ reference: ref, levels: [{ level: 0, format: LevelFormat.BULLET, text: glyph, alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 420, hanging: 420 } } } }] });
  const doc = new Document({ numbering: { config: [bullet('dia', '◆'), bullet('dim', '◇')] }, sections: [{ children: body }] });
  fs.writeFileSync(out + 'guilin-2024-12.docx', await Packer.toBuffer(doc));
}

// ---------- Shannan (-> doc) ----------
{
  const body = [
    C('山南市政协工作动态', 48, true), C('第3期', 32), C('山南市政协办公室', 28), C('2021年3月22日', 28),
    P('※学习贯彻※', { bold: true }),
    P('市政协党组理论学习中心组开展党史专题学习', { bold: true, alignment: AlignmentType.CENTER }),
    P('3月16日，市政协党组理论学习中心组召开2021年第一次集体学习会，围绕党史学习教育开展专题学习。市政协党组书记、主席次仁多吉主持会议并讲话，市政协党组副书记、副主席格桑卓玛，党组成员、秘书长李振东参加学习。'),
    P('次仁多吉指出，要把党史学习教育与履行政协职能结合起来，引导各族各界委员坚定听党话、跟党走。'),
    P('格桑卓玛在交流发言中表示，要以学促干，把学习成果转化为推动雅砻文化保护传承和乡村振兴的实际成效。'),
    P('※重要活动※', { bold: true }),
    P('◆3月17日，市政协副主席扎西平措带队深入乃东区昌珠镇克松社区、桑日县白堆乡，调研边境小康村建设和乡村振兴工作。乃东区政协主席边巴次仁陪同调研。'),
    P('扎西平措强调，要巩固拓展脱贫攻坚成果，加快发展青稞、牦牛等特色产业，确保群众稳定增收。'),
    P('◆3月18日至19日，市政协副主席王建华、德吉央宗带领部分委员赴错那县、隆子县，视察边境地区基础设施建设情况。错那县委副书记、县长尼玛顿珠介绍了有关情况。'),
    P('◆3月19日下午，市政协召开主席会议，审议市政协2021年工作要点。次仁多吉主持会议，格桑卓玛、扎西平措、王建华、德吉央宗出席。'),
    P('※委员风采※', { bold: true }),
    P('◆3月20日上午，市政协委员、山南市人民医院副院长拉巴卓嘎带领医疗队到扎囊县桑耶镇开展义诊活动，为农牧民群众免费检查身体300余人次，发放药品价值2万余元。'),
    P('报：自治区政协办公厅，市委常委，市人大常委会主任、副主任，市政府市长、副市长。'),
    P('送：市委办公室，市人大常委会办公室，市政府办公室，市委统战部。'),
    P('发：各县（区）政协，市政协各专门委员会。'),
    P('编辑：张 敏 李国强'), P('签发：罗布'), P('电话：0893-7822160'),
  ];
  const doc = new Document({ sections: [{ children: body }] });
  fs.writeFileSync(out + 'shannan-2021-03.docx', await Packer.toBuffer(doc));
}

// ---------- Zhoukou (-> pdf) ----------
{
  const header = new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '周口市政协工作周报', font: F, size: 20 })] })] });
  const footer = new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: F, size: 20 })] })] });
  const body = [
    C('工 作 周 报', 56, true), C('第 15 期', 32),
    P('周口市政协办公室　　　　　　　　　2012年5月21日'), P('内部资料　注意保存'),
    P('【重要会议】', { bold: true }),
    P('◆5月14日上午，市政协召开三届十六次主席会议，市政协主席李长河主持会议，市政协副主席诸葛明、孙秀英、郑国强，秘书长杜红旗出席会议。会议研究了市政协三届十次常委会议有关事项，审议了关于开展“周口农产品加工业发展”专题调研的工作方案。'),
    P('李长河强调，专题调研要深入基层、深入企业，摸清全市农产品加工业发展的真实情况，找准制约发展的突出问题，提出具有前瞻性和可操作性的意见建议，为市委、市政府科学决策提供参考。各专门委员会要加强协调配合，确保调研工作按时高质量完成。'),
    P('◆5月16日下午，市政协召开“加快中心城区棚户区改造”专题协商座谈会。市政协副主席孙秀英主持会议，副市长吴建设到会听取意见，市住房和城乡建设局局长段海峰通报了全市棚户区改造进展情况。市政协委员宋春来、任晓燕、常胜等先后发言，围绕拆迁安置、资金筹措、配套设施建设等提出意见建议。'),
    P('吴建设表示，市政府将认真梳理委员们提出的意见建议，加快推进棚户区改造工作，切实改善群众居住条件。'),
    P('【视察调研】', { bold: true }),
    P('◆5月15日至17日，市政协副主席诸葛明带领部分市政协委员深入项城市、沈丘县槐店回族镇、淮阳县太昊陵景区，视察文化旅游产业发展情况。项城市政协主席付建新、沈丘县政协主席马玉兰分别陪同视察。'),
    P('视察组先后察看了项城市袁寨古民居、沈丘县槐店回族镇清真寺和淮阳县太昊陵景区，听取了各地文化旅游产业发展情况汇报。诸葛明指出，周口历史文化资源丰富，要深入挖掘伏羲文化、姓氏文化等特色资源，加强文化旅游项目策划包装，加快景区基础设施建设，提升文化旅游产业的综合效益，把资源优势转化为发展优势。'),
    P('◆5月18日，市政协副主席郑国强带队到河南莲花味精股份有限公司、周口市中心医院调研，详细了解企业生产经营和医院改革发展情况。市工业和信息化局副局长黄金山陪同调研。'),
    P('郑国强指出，企业要坚持创新驱动，加快技术改造和产品结构调整，不断提升市场竞争力；医院要深化内部管理体制改革，优化服务流程，改善就医环境，努力为群众提供安全、有效、方便、价廉的医疗服务。'),
    P('【县区政协】', { bold: true }),
    P('◇5月17日，川汇区政协组织部分委员视察城区背街小巷改造工作，区政协主席王春生带队，区政协副主席刘洋、张伟参加视察。委员们先后察看了七一路街道、荷花路街道的改造现场，并提出了加强工程质量监管、同步完善排水设施等建议。'),
    P('◇5月18日，商水县政协召开常委会议，听取县政府关于全县“三夏”生产准备工作情况的通报。县政协主席周华主持会议，副县长范丽应邀通报情况。'),
    P('报：省政协办公厅，市委常委，市人大常委会主任、副主任，市政府市长、副市长。'),
    P('送：市委办公室，市人大常委会办公室，市政府办公室，市委统战部，各民主党派市委会，市工商联。'),
    P('发：各县（市、区）政协，市政协各专门委员会。'),
    P('编辑：王 丽 陈国栋'), P('审核：孔祥瑞'), P('电话：0394-8236172　　电子邮箱：zkszxbgs@126.com'),
  ];
  const doc = new Document({ sections: [{ headers: { default: header }, footers: { default: footer }, children: body }] });
  fs.writeFileSync(out + 'zhoukou-2012-15.docx', await Packer.toBuffer(doc));
}
