import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import { stamp, type DemoCalendar } from './calendar';
import { KPI_DIMENSIONS, type SchemeDefinition } from '../../contract/appraisal-scheme';
import { computeAppraisal } from '../appraisal/compute';
import { defaultScheme } from '../appraisal/default-scheme';
import type { ServiceContext } from '../context';
import type { Org } from './organisation';
import { TARGET_GROWTH_PCT } from './targets';

/** The demo's weights per P6.1 dimension: sales 50 (target completion alone 40), satisfaction 20, attitude and ability 20, teamwork 10. */
const DIMENSION_WEIGHT = { sales: 50, satisfaction: 20, attitude: 20, teamwork: 10 } as const;
const COMPLETION_WEIGHT = 40;

/**
 * The workbench's default scheme re-weighted for the demo: target completion 40%, the other sales KPIs
 * (revenue, profit) 10%, customer satisfaction 20% from the data, attitude and ability 20% and teamwork
 * 10% rated by the manager. Within a dimension the default's proportions are kept.
 */
function demoAppraisalScheme(): SchemeDefinition {
  const scheme = defaultScheme();
  const completion = scheme.kpis.find((k) => k.source === 'completion');
  for (const dimension of KPI_DIMENSIONS) {
    const kpis = scheme.kpis.filter((k) => k.dimension === dimension && k !== completion);
    const share = DIMENSION_WEIGHT[dimension] - (dimension === 'sales' && completion ? COMPLETION_WEIGHT : 0);
    const before = kpis.reduce((s, k) => s + k.weight, 0);
    for (const k of kpis) k.weight = before > 0 ? (share * k.weight) / before : share / kpis.length;
  }
  if (completion) completion.weight = COMPLETION_WEIGHT;
  return scheme;
}

/** How many quarters before the last completed one the demo appraises too, so that before/after comparisons (P5.5) have data. */
export const EARLIER_APPRAISALS = 2;

/** The quarter `n` quarters before 'YYYYQn'. */
const quarterBefore = (q: string, n: number) => {
  const i = Number(q.slice(0, 4)) * 4 + Number(q.slice(5)) - 1 - n;
  return `${Math.floor(i / 4)}Q${(i % 4) + 1}`;
};

/** The quarters the demo appraises, oldest first: the earlier ones, then the last completed quarter. */
export const demoAppraisalQuarters = (cal: DemoCalendar): string[] =>
  Array.from({ length: EARLIER_APPRAISALS + 1 }, (_, i) => quarterBefore(cal.reviewQuarter, EARLIER_APPRAISALS - i));

/** The day after a quarter's last day, when its appraisal is set up. */
const dayAfter = (q: string) =>
  dayjs(`${q.slice(0, 4)}-${String(Number(q.slice(5)) * 3).padStart(2, '0')}-01`)
    .endOf('month')
    .add(1, 'day')
    .format('YYYY-MM-DD');

/**
 * The appraisal of the last completed quarter, left in draft for the manager to compute, rate and approve
 * (P6.4), and the two quarters before it with the same scheme: computed from the data like the last one,
 * never rated, so that training's "did it work" (P5.5) has a quarter before and after to compare.
 */
export function createAppraisal(db: Database, cal: DemoCalendar): void {
  const scheme = JSON.stringify(demoAppraisalScheme());
  db.prepare('INSERT INTO review_schemes (id, quarter, version, definition, created_at) VALUES (1, ?, 1, ?, ?)').run(
    cal.reviewQuarter,
    scheme,
    stamp(dayAfter(cal.reviewQuarter)),
  );
  db.prepare("INSERT INTO reviews (id, quarter, scheme_id, status) VALUES (1, ?, 1, 'draft')").run(cal.reviewQuarter);
  for (const q of demoAppraisalQuarters(cal).slice(0, -1)) {
    const schemeId = db
      .prepare('INSERT INTO review_schemes (quarter, version, definition, created_at) VALUES (?, 1, ?, ?)')
      .run(q, scheme, stamp(dayAfter(q))).lastInsertRowid;
    db.prepare("INSERT INTO reviews (quarter, scheme_id, status) VALUES (?, ?, 'draft')").run(q, schemeId);
  }
}

/** Computes the demo's appraisals oldest first (a quarter's penalties read the quarters before it, P6.3), as of the demo's today. */
export function computeDemoAppraisals(ctx: ServiceContext, cal: DemoCalendar): void {
  for (const q of demoAppraisalQuarters(cal)) {
    computeAppraisal(ctx, q);
    // …as of the demo's own today, so that the same seed and date give the same database.
    ctx.db.prepare('UPDATE reviews SET computed_at = ? WHERE quarter = ?').run(stamp(cal.today), q);
  }
}

/** Market, competitor, strategy and assumption notes behind this year's targets (P2.3, P2.4). */
export function createMarketNotes(db: Database, cal: DemoCalendar, org: Org): number {
  const year = cal.targetYear;
  const [east, north] = org.teams;
  const notes: [number | null, string | null, string, string, string][] = [
    [
      null,
      'Y',
      'market',
      '智慧园区与智慧办公需求持续增长',
      '企业园区、写字楼改造项目增多，门禁、会议平板与园区平台的一体化方案更受欢迎。',
    ],
    [
      null,
      'Q1',
      'market',
      '政府项目预算收紧，招投标周期拉长',
      '部分地市财政预算压缩，政府类项目从立项到签约平均延长约一个月，上半年回款压力较大。',
    ],
    [
      east.id,
      'Y',
      'competitor',
      `竞争对手海视科技在${east.name}降价约10%`,
      '主要针对网络摄像机和录像机，中小企业客户对价格敏感，需要用服务与方案差异化应对。',
    ],
    [
      north?.id ?? null,
      'Y',
      'competitor',
      '新进入者推出低价人脸识别终端',
      '价格比我司F3低约15%，但稳定性和平台对接能力不足，可重点宣传三年延保和平台生态。',
    ],
    [
      null,
      'Y',
      'strategy',
      '主推智慧园区管理平台与AI行为分析盒子',
      '软件与新品毛利更高，目标占比从上年的约8%提升到12%；重点客户配套安装调试与延保服务。',
    ],
    [
      null,
      'Q4',
      'strategy',
      '四季度冲刺：年底采购季与渠道激励',
      '十一月、十二月为采购高峰，提前锁定重点客户预算；经销商达成季度目标额外返点2%。',
    ],
    [
      null,
      'Y',
      'assumption',
      `全年目标按上年实际增长${TARGET_GROWTH_PCT}%设定`,
      '按历史法分解到区域、个人和月份：一、二月受春节影响较低，六月有年中促销，第四季度为全年高峰。',
    ],
  ];
  const insert = db.prepare(
    'INSERT INTO market_notes (year, team_id, staff_id, period, kind, title, body, created_at) VALUES (?, ?, NULL, ?, ?, ?, ?, ?)',
  );
  for (const [team, period, kind, title, body] of notes)
    insert.run(year, team, period, kind, title, body, stamp(`${year - 1}-12-15`));
  return notes.length;
}
