import { pick, pickSkewed, type Rng } from './random';

/** Common surnames, most frequent first, with their pinyin. */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤';
const SURNAME_PINYIN = (
  'wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang xu han ' +
  'feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai yu du ye cheng su wei lv ding ren shen yao lu jiang cui ' +
  'zhong tan lu wang fan jin shi liao jia xia wei fang bai zou meng xiong qin qiu jiang yin xue yan duan lei hou long shi ' +
  'tao li he gu mao hao gong shao wan qian yan wu dai mo kong xiang tang'
).split(' ');

/** Characters used in given names, with their pinyin. */
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉文辉建国红鹏飞婷雪琳慧宇浩晨欣博佳子梓晓思海波斌宁凯俊帅雨颖倩琪瑶晶志永春燕冰峰亮成东新梅兰嘉一天泽然轩航睿欢';
const GIVEN_PINYIN = (
  'wei fang na min jing li qiang lei jun yang yong yan jie juan tao ming chao xiu xia ping gang gui ying hua yu wen hui ' +
  'jian guo hong peng fei ting xue lin hui yu hao chen xin bo jia zi zi xiao si hai bo bin ning kai jun shuai yu ying qian ' +
  'qi yao jing zhi yong chun yan bing feng liang cheng dong xin mei lan jia yi tian ze ran xuan hang rui huan'
).split(' ');

if (SURNAMES.length !== SURNAME_PINYIN.length || GIVEN.length !== GIVEN_PINYIN.length) {
  throw new Error('demo names: pinyin tables out of step');
}

interface PersonName {
  name: string;
  /** e.g. "zhang.wei", for e-mail addresses */
  pinyin: string;
}

/** A Chinese full name not yet in `taken` (which it joins). */
export function personName(rng: Rng, taken: Set<string>): PersonName {
  for (;;) {
    const s = pickSkewed(rng, SURNAMES.length, 1.7);
    const g1 = Math.floor(rng() * GIVEN.length);
    const two = rng() < 0.6;
    const g2 = Math.floor(rng() * GIVEN.length);
    const name = SURNAMES[s] + GIVEN[g1] + (two ? GIVEN[g2] : '');
    if (taken.has(name)) continue;
    taken.add(name);
    return { name, pinyin: `${SURNAME_PINYIN[s]}.${GIVEN_PINYIN[g1]}${two ? GIVEN_PINYIN[g2] : ''}` };
  }
}

/** A mainland mobile number. */
export function mobile(rng: Rng): string {
  const prefix = pick(rng, [
    '130',
    '131',
    '132',
    '135',
    '136',
    '137',
    '138',
    '139',
    '150',
    '151',
    '152',
    '158',
    '159',
    '177',
    '180',
    '186',
    '187',
    '188',
    '189',
    '199',
  ]);
  return prefix + String(Math.floor(rng() * 1e8)).padStart(8, '0');
}

/** Provinces (short name, full name) and their main cities. */
export const PROVINCES: Record<string, { full: string; cities: string[] }> = {
  上海: { full: '上海市', cities: ['上海'] },
  北京: { full: '北京市', cities: ['北京'] },
  天津: { full: '天津市', cities: ['天津'] },
  重庆: { full: '重庆市', cities: ['重庆'] },
  江苏: { full: '江苏省', cities: ['南京', '苏州', '无锡', '常州', '南通', '扬州', '徐州'] },
  浙江: { full: '浙江省', cities: ['杭州', '宁波', '温州', '绍兴', '嘉兴', '金华', '台州'] },
  安徽: { full: '安徽省', cities: ['合肥', '芜湖', '蚌埠', '安庆'] },
  江西: { full: '江西省', cities: ['南昌', '赣州', '九江'] },
  山东: { full: '山东省', cities: ['济南', '青岛', '烟台', '潍坊', '临沂', '淄博'] },
  河北: { full: '河北省', cities: ['石家庄', '唐山', '保定', '廊坊'] },
  山西: { full: '山西省', cities: ['太原', '大同'] },
  内蒙古: { full: '内蒙古自治区', cities: ['呼和浩特', '包头'] },
  河南: { full: '河南省', cities: ['郑州', '洛阳', '新乡', '南阳'] },
  湖北: { full: '湖北省', cities: ['武汉', '宜昌', '襄阳'] },
  湖南: { full: '湖南省', cities: ['长沙', '株洲', '岳阳', '衡阳'] },
  广东: { full: '广东省', cities: ['广州', '深圳', '佛山', '东莞', '珠海', '中山', '惠州'] },
  广西: { full: '广西壮族自治区', cities: ['南宁', '柳州', '桂林'] },
  福建: { full: '福建省', cities: ['福州', '厦门', '泉州', '漳州'] },
  海南: { full: '海南省', cities: ['海口', '三亚'] },
  四川: { full: '四川省', cities: ['成都', '绵阳', '宜宾', '德阳'] },
  贵州: { full: '贵州省', cities: ['贵阳', '遵义'] },
  云南: { full: '云南省', cities: ['昆明', '曲靖', '大理'] },
  陕西: { full: '陕西省', cities: ['西安', '宝鸡', '咸阳'] },
  甘肃: { full: '甘肃省', cities: ['兰州', '天水'] },
  宁夏: { full: '宁夏回族自治区', cities: ['银川'] },
  青海: { full: '青海省', cities: ['西宁'] },
  新疆: { full: '新疆维吾尔自治区', cities: ['乌鲁木齐'] },
  辽宁: { full: '辽宁省', cities: ['沈阳', '大连', '鞍山'] },
  吉林: { full: '吉林省', cities: ['长春', '吉林'] },
  黑龙江: { full: '黑龙江省', cities: ['哈尔滨', '大庆'] },
};

/** Trade names used in company names. */
export const TRADE_NAMES = (
  '恒瑞 华泰 鑫源 宏达 金桥 海创 远航 东方 博远 天成 中联 汇通 瑞丰 德信 腾跃 嘉禾 万象 新锐 永安 启明 佳和 盛世 智远 同创 和顺 ' +
  '鼎信 安泰 正阳 旭日 锦程 云帆 九洲 长风 众合 润达 凯乐 明德 华晟 弘毅 星辰 信诚 华宇 金鹏 蓝海 恒通 立达 祥云 泰和 优联 卓越 ' +
  '富源 广源 兴业 合力 创新 北辰 南山 联创 耀华 致远'
).split(' ');

/** Roads for street addresses. */
export const ROADS =
  '人民路 中山路 解放路 建设路 长江路 黄河路 科技路 创新大道 学府路 新华路 迎宾大道 滨江路 工业大道 高新路 世纪大道 文化路'.split(
    ' ',
  );

/** Customer comments for the survey's free-text question, by how the customer feels. */
export const COMMENTS = {
  good: [
    '销售人员很专业，响应及时，值得信赖。',
    '产品稳定，安装团队效率高，整体很满意。',
    '合作多年，服务一直很到位，会继续合作。',
    '方案贴合我们的需求，交付准时。',
    '售后工程师上门很快，问题当天就解决了。',
    '价格合理，性价比高，推荐给了兄弟单位。',
  ],
  neutral: [
    '整体还可以，希望价格能再优惠一些。',
    '产品不错，但说明资料可以更详细。',
    '交付基本按时，个别配件到货稍晚。',
    '希望能多提供一些使用培训。',
    '服务中规中矩，期待更多增值服务。',
  ],
  bad: [
    '售后响应太慢，报修后三天才有人联系。',
    '交货延期，影响了我们的项目进度。',
    '设备故障率偏高，希望改进产品质量。',
    '销售承诺的功能与实际不符，沟通不够。',
    '发票开具多次出错，流程太繁琐。',
    '价格比同类产品高，优势不明显。',
  ],
} as const;
