import type { KpiDefinition, RuleDefinition, SchemeDefinition } from '../../contract/appraisal-scheme';

type L = { 'zh-CN': string; en: string };
const l = (zh: string, en: string): L => ({ 'zh-CN': zh, en });

const LEVELS: [number, number, L][] = [
  [1, 20, l('不合格', 'Unsatisfactory')],
  [2, 40, l('待改进', 'Needs improvement')],
  [3, 60, l('合格', 'Meets expectations')],
  [4, 80, l('良好', 'Exceeds expectations')],
  [5, 100, l('优秀', 'Outstanding')],
];

/** A five-level rubric: one description per level, worst first. */
function rubric(descriptions: L[]): NonNullable<KpiDefinition['rubric']> {
  return LEVELS.map(([level, score, label], i) => ({ level, score, label, description: descriptions[i] }));
}

const rated = (
  key: string,
  label: L,
  dimension: KpiDefinition['dimension'],
  weight: number,
  descriptions: L[],
): KpiDefinition => ({
  key,
  label,
  dimension,
  weight,
  source: 'rated',
  whenMissing: null,
  rubric: rubric(descriptions),
});

/**
 * The workbench's default scheme (P6.1 four dimensions; P6.2/P6.3 rules). Managers edit it per quarter;
 * a new quarter starts from the previous quarter's scheme.
 */
export function defaultScheme(): SchemeDefinition {
  const kpis: KpiDefinition[] = [
    {
      key: 'completion',
      label: l('目标完成率', 'Target completion'),
      dimension: 'sales',
      weight: 30,
      source: 'completion',
      // 60% → 0, 100% → 100, capped at 120 points from 120% completion
      curve: [
        [60, 0],
        [100, 100],
        [120, 120],
      ],
      whenMissing: null,
      target: 100,
    },
    {
      key: 'salesGrowth',
      label: l('销售额同比增长', 'Sales growth (year on year)'),
      dimension: 'sales',
      weight: 10,
      source: 'salesGrowth',
      curve: [
        [-20, 0],
        [0, 60],
        [20, 100],
      ],
      whenMissing: null,
    },
    {
      key: 'profitMargin',
      label: l('毛利率', 'Gross margin'),
      dimension: 'sales',
      weight: 10,
      source: 'profitMargin',
      curve: [
        [30, 0],
        [40, 80],
        [50, 100],
      ],
      whenMissing: null,
    },
    {
      key: 'csat',
      label: l('客户满意度（满意率）', 'Customer satisfaction (CSAT)'),
      dimension: 'satisfaction',
      weight: 10,
      source: 'csat',
      curve: [
        [20, 0],
        [60, 60],
        [90, 100],
      ],
      whenMissing: null,
    },
    {
      key: 'complaintHandling',
      label: l('投诉按时处理率', 'Complaints resolved on time'),
      dimension: 'satisfaction',
      weight: 10,
      source: 'complaintHandling',
      // no complaints at all is as good as handling every one on time
      curve: [
        [0, 0],
        [100, 100],
      ],
      whenMissing: 100,
    },
    rated('initiative', l('积极性与主动性', 'Initiative'), 'attitude', 5, [
      l('需要反复督促才完成基本工作', 'Needs repeated prompting for basic work'),
      l('完成分配的工作，很少主动', 'Does assigned work, rarely takes initiative'),
      l('按计划主动跟进客户和商机', 'Follows up customers and leads as planned'),
      l('主动发掘机会，提出改进建议', 'Seeks out opportunities and proposes improvements'),
      l('持续超越计划，带动他人', 'Consistently goes beyond the plan and drives others'),
    ]),
    rated('communication', l('沟通能力', 'Communication'), 'attitude', 5, [
      l('沟通不清，常引起误解或投诉', 'Unclear, often causes misunderstandings or complaints'),
      l('基本能表达，但不够及时或准确', 'Gets the message across but not always timely or precise'),
      l('与客户和同事沟通清楚及时', 'Communicates clearly and on time with customers and colleagues'),
      l('善于倾听，能处理异议', 'Listens well and handles objections'),
      l('沟通出色，客户和同事高度认可', 'Excellent; highly regarded by customers and colleagues'),
    ]),
    rated('sellingSkill', l('销售技巧', 'Selling skill'), 'attitude', 10, [
      l('不熟悉产品，难以推进成交', 'Does not know the products; rarely closes'),
      l('了解主要产品，成交依赖他人', 'Knows the main products; relies on others to close'),
      l('能按需求推介方案并完成签约', 'Proposes fitting solutions and signs contracts'),
      l('谈判能力强，能拓展大客户', 'Negotiates well and grows key accounts'),
      l('方案与谈判能力突出，可作为标杆', 'Outstanding solution selling and negotiation; a role model'),
    ]),
    // P6.1 teamwork: the manager's rating, with the colleagues' mean at 30% once two or more have rated
    {
      ...rated('teamwork', l('团队协作', 'Teamwork'), 'teamwork', 10, [
        l('不配合团队，影响他人工作', 'Does not cooperate; hinders others'),
        l('被要求时才配合', 'Cooperates only when asked'),
        l('配合同事，完成团队分工', 'Works with colleagues and does their share'),
        l('主动分享经验，支持同事', 'Shares experience and supports colleagues'),
        l('团队核心，带动整体业绩', 'The heart of the team; lifts everyone'),
      ]),
      peerWeight: 30,
      peerMin: 2,
    },
  ];
  const rules: RuleDefinition[] = [
    {
      key: 'bonus',
      clause: 'P6.2',
      outcome: 'bonus',
      enabled: true,
      supersedes: [],
      label: l('达到或超过目标：季度奖金', 'Target met or beaten: quarterly bonus'),
      when: [{ kind: 'kpi', kpi: 'completion', op: 'gte', value: 100, consecutive: 1 }],
      amount: {
        kind: 'curve',
        kpi: 'completion',
        threshold: 100,
        base: 3000,
        perPoint: 200,
        acceleratorFrom: 110,
        acceleratorPerPoint: 400,
        cap: 12000,
      },
    },
    {
      key: 'honour',
      clause: 'P6.2',
      outcome: 'honour',
      enabled: true,
      supersedes: [],
      label: l('表现优秀：嘉奖表彰', 'Outstanding work: commendation'),
      when: [{ kind: 'grade', grades: ['S'] }, { kind: 'challenge' }],
    },
    {
      key: 'promotion',
      clause: 'P6.2',
      outcome: 'promotion',
      enabled: true,
      supersedes: [],
      label: l('表现优秀：晋升提名', 'Outstanding work: promotion nomination'),
      when: [{ kind: 'grade', grades: ['S'] }, { kind: 'challenge' }],
    },
    {
      key: 'deduction',
      clause: 'P6.3',
      outcome: 'deduction',
      enabled: true,
      supersedes: [],
      label: l('未达目标（完成率低于80%）：扣除奖金', 'Target missed (below 80%): bonus deduction'),
      when: [{ kind: 'kpi', kpi: 'completion', op: 'lt', value: 80, consecutive: 1 }],
      amount: { kind: 'fixed', yuan: 1000 },
    },
    {
      key: 'warning',
      clause: 'P6.3',
      outcome: 'warning',
      enabled: true,
      supersedes: [],
      label: l('连续两个季度未达目标：警告', 'Target missed two quarters running: warning'),
      when: [{ kind: 'kpi', kpi: 'completion', op: 'lt', value: 80, consecutive: 2 }],
    },
    {
      key: 'demotion',
      clause: 'P6.3',
      outcome: 'demotion',
      enabled: true,
      supersedes: ['warning'],
      label: l('连续三个季度未达目标：降职建议', 'Target missed three quarters running: demotion proposal'),
      when: [{ kind: 'kpi', kpi: 'completion', op: 'lt', value: 80, consecutive: 3 }],
    },
    {
      key: 'dismissal',
      clause: 'P6.3',
      outcome: 'dismissal-proposal',
      enabled: true,
      supersedes: [],
      label: l(
        '严重违规或造成重大损失：解雇建议（由经理决定）',
        "Serious violation or major loss: dismissal proposal (the manager's decision)",
      ),
      when: [{ kind: 'incident', kinds: ['violation', 'major-loss'] }],
    },
  ];
  return {
    kpis,
    grades: [
      { grade: 'S', min: 90 },
      { grade: 'A', min: 80 },
      { grade: 'B', min: 65 },
      { grade: 'C', min: 50 },
      { grade: 'D', min: 0 },
    ],
    distribution: {
      groups: [
        { grades: ['S', 'A'], pct: 20 },
        { grades: ['B'], pct: 70 },
        { grades: ['C', 'D'], pct: 10 },
      ],
      tolerance: 15,
    },
    rules,
  };
}
