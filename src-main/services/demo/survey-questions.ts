import type { QuestionType } from '../../contract/survey';

/** One question of the demo's satisfaction questionnaire. */
interface DemoQuestion {
  text: string;
  type: QuestionType;
  /** likert5: how far this item sits above or below the average item. */
  bias?: number;
  choices?: string[];
  /** choice: relative frequency of each option */
  weights?: number[];
}

const L = (text: string, bias: number): DemoQuestion => ({ text, type: 'likert5', bias });

const SALESPERSON: DemoQuestion = { text: '为您服务的销售代表是？', type: 'salesperson' };
const CORE: DemoQuestion[] = [
  L('总体而言，您对我公司的产品和服务是否满意？', 0.1),
  L('产品质量与稳定性', 0.2),
  L('价格的合理性', -0.45),
  L('交付的及时性', -0.1),
  L('销售代表的专业程度', 0.15),
  L('销售代表的响应速度', 0),
  L('售后服务的质量', -0.2),
];
const NPS: DemoQuestion = { text: '您有多大可能向朋友或同行推荐我公司？（0–10分）', type: 'nps' };
const COMMENT: DemoQuestion = { text: '您对我们还有哪些意见和建议？', type: 'text' };
const EXTRA: DemoQuestion[] = [
  L('安装调试的规范程度', 0),
  L('技术支持的专业程度', 0.05),
  L('产品资料与演示的清晰程度', 0.1),
  L('合同与商务流程的便捷程度', -0.15),
  L('投诉处理的及时性与结果', -0.3),
  L('节日问候与客户关怀', 0.2),
  L('与我公司合作的整体体验', 0.05),
  { text: '解决您的问题有多容易？（1=非常困难，7=非常容易）', type: 'ces7' },
  {
    text: '您主要通过什么渠道了解我公司的产品？',
    type: 'choice',
    choices: ['销售代表拜访', '展会', '网站与公众号', '同行推荐', '招标信息'],
    weights: [40, 15, 20, 18, 7],
  },
  { text: '客户类型', type: 'meta' },
];

/** The questionnaire: 10 questions for the small demo, 20 for the large one. */
export function questionnaire(long: boolean): DemoQuestion[] {
  return long ? [SALESPERSON, ...CORE, ...EXTRA, NPS, COMMENT] : [SALESPERSON, ...CORE, NPS, COMMENT];
}
