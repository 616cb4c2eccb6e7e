import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import type { DemoCalendar } from './calendar';
import { stamp } from './calendar';
import { mobile, personName } from './names';
import type { Org } from './organisation';
import { makeRng, normal, pick, randInt, type Rng } from './random';
import { demoAppraisalQuarters } from './appraisal';

const quarterOf = (iso: string) => `${iso.slice(0, 4)}Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * P5.1–P5.5 in the demo company: last year's closed recruitment plan whose hires are the newest
 * representatives (so the interview can be set beside their appraisals), a running plan with
 * candidates at every stage, and a year of training by stage with attendance and test scores.
 */
export function createTeamBuilding(db: Database, cal: DemoCalendar, org: Org, seed: number): void {
  const rng = makeRng(seed, 'team-building');
  const taken = new Set(org.people.map((p) => p.name));
  createTraining(db, cal, org, rng);
  createRecruitment(db, cal, org, rng, taken);
}

const COURSES: [string, string, string, string][] = [
  ['新员工入职培训：公司与销售制度', 'onboarding', 'other', 'policy'],
  ['产品知识：主力产品线', 'junior', 'product', 'product'],
  ['顾问式销售技巧', 'junior', 'sales-skill', 'sales-skill'],
  ['大客户关系管理', 'senior', 'crm', 'crm'],
  ['投诉处理与客户满意度', 'junior', 'crm', 'crm'],
  ['团队管理与销售辅导', 'manager', 'other', 'other'],
];
const TRAINERS = ['王志强（内部）', '刘芳（内部）', '陈老师（外部讲师）', '赵教授（外部讲师）'];
const PLACES = ['总部培训室', '上海分公司会议室', '北京分公司会议室'];

function createTraining(db: Database, cal: DemoCalendar, org: Org, rng: Rng): void {
  const req = db.prepare('INSERT INTO training_requirements (year, stage, hours, topics) VALUES (?, ?, ?, ?)');
  for (const year of [cal.targetYear - 1, cal.targetYear]) {
    req.run(year, 'onboarding', 40, JSON.stringify(['policy', 'product']));
    req.run(year, 'junior', 24, JSON.stringify(['product', 'sales-skill']));
    req.run(year, 'senior', 16, JSON.stringify(['crm']));
    req.run(year, 'manager', 20, JSON.stringify(['other', 'policy']));
  }
  const course = db.prepare(
    'INSERT INTO training_plans (title, stage, topic, topic_key, pass_mark, period) VALUES (?, ?, ?, ?, 60, ?)',
  );
  const session = db.prepare(
    'INSERT INTO training_sessions (plan_id, date, trainer, hours, trainer_kind, place, online, cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const attend = db.prepare(
    'INSERT INTO training_attendance (session_id, staff_id, attended, test_score, mastery, feedback, enrolled_reason) VALUES (?, ?, ?, ?, ?, ?, NULL)',
  );
  const today = cal.today;
  const active = org.people.filter((p) => !p.leftDate && p.role !== 'director');
  // about one session a month per course over the last year; bigger companies train in more groups
  const groups = Math.max(1, Math.round(active.length / 60));
  const mainQuarter = demoAppraisalQuarters(cal).at(-2);
  for (const [title, stage, topic, topicKey] of COURSES) {
    const courseId = Number(course.run(title, stage, topic, topicKey, String(cal.targetYear)).lastInsertRowid);
    const audience = active.filter((p) =>
      stage === 'manager' ? p.role === 'manager' || p.role === 'area' : p.role === 'rep' || p.role === 'senior',
    );
    const taken = new Set<number>();
    const mainRun = new Set<number>();
    for (let m = 11; m >= -1; m -= 2) {
      for (let g = 0; g < groups; g++) {
        const date = dayjs(today)
          .subtract(m, 'month')
          .date(randInt(rng, 5, 25))
          .format('YYYY-MM-DD');
        if (m === -1 && g > 0) continue;
        const external = rng() < 0.35;
        const online = rng() < 0.25;
        const hours = pick(rng, [2, 3, 4, 6]);
        const sessionId = Number(
          session.run(
            courseId,
            date,
            pick(rng, TRAINERS),
            hours,
            external ? 'external' : 'internal',
            online ? null : pick(rng, PLACES),
            online ? 1 : 0,
            external ? randInt(rng, 30, 120) * 10000 : 0,
          ).lastInsertRowid,
        );
        // A person takes a course once. Its main run (per group), in the quarter between two appraised ones,
        // takes 40% of the audience, the other runs 5% each, so that a third never take it: the
        // training-effect table (P5.5) then has trained and untrained people with a quarter before and after.
        const main = quarterOf(date) === mainQuarter && !mainRun.has(g);
        if (main) mainRun.add(g);
        const open = audience.filter((p) => !taken.has(p.id) && p.hireDate <= date);
        const size = Math.min(open.length, Math.max(1, Math.round(((main ? 0.4 : 0.05) * audience.length) / groups)));
        for (let i = 0; i < size; i++) {
          const [p] = open.splice(Math.floor(rng() * open.length), 1);
          taken.add(p.id);
          if (date > today) {
            attend.run(sessionId, p.id, 0, null, null, null);
            continue;
          }
          const came = rng() < 0.92;
          const score = came ? Math.max(20, Math.min(100, Math.round(74 + 8 * p.quality + 12 * normal(rng)))) : null;
          attend.run(
            sessionId,
            p.id,
            came ? 1 : 0,
            score,
            came ? Math.max(1, Math.min(5, Math.round(3 + p.quality + normal(rng) * 0.7))) : null,
            came && rng() < 0.3 ? pick(rng, ['内容实用', '案例很好', '时间有点紧', '希望多些练习']) : null,
          );
        }
      }
    }
  }
}

const CHANNELS = ['boss', 'zhilian', '51job', 'liepin', 'referral', 'campus', 'agency'];
const CRITERIA = {
  education: 'college',
  minYears: 1,
  experienceKinds: ['B2B', '渠道'],
  industries: ['工业设备', '自动化'],
  skills: ['CRM'],
  locations: [] as string[],
};

function createRecruitment(db: Database, cal: DemoCalendar, org: Org, rng: Rng, taken: Set<string>): void {
  const team = org.teams[0];
  const manager = org.people[team.manager];
  const superior = manager.manager >= 0 ? org.people[manager.manager] : org.people[org.director];
  const plan = db.prepare(
    `INSERT INTO recruitment_plans (title, team_id, job_title, headcount, criteria, channels, budget, start_date, end_date, requested_by, approval, approved_by, approved_at, status, interview_items, created_at, period)
     VALUES (?, ?, '销售代表', ?, ?, ?, ?, ?, ?, ?, 'approved', ?, ?, ?, '[]', ?, ?)`,
  );
  const candidate = db.prepare(
    `INSERT INTO candidates (plan_id, name, phone, email, source, status, applied_date, profile, screening, screen_score, screen_decision, screen_reason, screened_date, offer_date, offer_response, offer_reason, staff_id, hired_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const interview = db.prepare(
    'INSERT INTO interviews (candidate_id, date, interviewer_id, recommendation, round, entered_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const score = db.prepare('INSERT INTO interview_scores (interview_id, item_key, level) VALUES (?, ?, ?)');
  const cost = db.prepare(
    'INSERT INTO recruitment_costs (plan_id, channel, date, amount, note) VALUES (?, ?, ?, ?, ?)',
  );
  const items = ['initiative', 'communication', 'sellingSkill', 'teamwork'];
  const profile = (good: boolean) =>
    JSON.stringify({
      education: good ? 'bachelor' : pick(rng, ['highschool', 'college']),
      years: randInt(rng, good ? 2 : 0, good ? 8 : 2),
      experienceKind: pick(rng, ['B2B', '渠道', '零售']),
      industry: pick(rng, ['工业设备', '自动化', '快消']),
      skills: good ? ['CRM', '谈判'] : ['Excel'],
    });
  const scoreCard = (candidateId: number, date: string, quality: number) => {
    for (const [round, who] of [
      ['first', manager],
      ['final', superior],
    ] as const) {
      const id = Number(
        interview.run(candidateId, date, who.id, quality > -0.3 ? 'hire' : 'hold', round, stamp(date)).lastInsertRowid,
      );
      for (const k of items)
        score.run(id, k, Math.max(1, Math.min(5, Math.round(3 + quality * 1.5 + normal(rng) * 0.6))));
    }
  };
  const person = () => {
    const n = personName(rng, taken);
    return { name: n.name, phone: mobile(rng), email: `${n.pinyin}@example.cn` };
  };

  // Last year's plan, closed: its hires are the representatives who joined since (their interviews predate their start).
  const newest = org.people.filter(
    (p) => p.role === 'rep' && !p.leftDate && p.hireDate >= dayjs(cal.today).subtract(2, 'year').format('YYYY-MM-DD'),
  );
  if (newest.length) {
    const start = dayjs(newest.map((p) => p.hireDate).sort()[0])
      .subtract(2, 'month')
      .format('YYYY-MM-DD');
    const closed = Number(
      plan.run(
        `${start.slice(0, 4)} 销售代表扩编`,
        team.id,
        newest.length,
        JSON.stringify(CRITERIA),
        JSON.stringify(['boss', 'zhilian', 'referral']),
        newest.length * 500000,
        start,
        newest
          .map((p) => p.hireDate)
          .sort()
          .at(-1),
        manager.id,
        superior.id,
        stamp(start),
        'closed',
        stamp(start),
        start.slice(0, 4),
      ).lastInsertRowid,
    );
    for (const p of newest) {
      const applied = dayjs(p.hireDate)
        .subtract(randInt(rng, 25, 50), 'day')
        .format('YYYY-MM-DD');
      const screened = dayjs(applied).add(3, 'day').format('YYYY-MM-DD');
      const met = dayjs(applied).add(10, 'day').format('YYYY-MM-DD');
      const offer = dayjs(applied).add(18, 'day').format('YYYY-MM-DD');
      const id = Number(
        candidate.run(
          closed,
          p.name,
          null,
          null,
          pick(rng, ['boss', 'zhilian', 'referral']),
          'hired',
          applied,
          profile(true),
          100,
          'pass',
          null,
          screened,
          offer,
          'accepted',
          null,
          p.id,
          p.hireDate,
        ).lastInsertRowid,
      );
      scoreCard(id, met, p.quality);
    }
    cost.run(closed, 'boss', start, 680000, 'BOSS直聘 年度套餐');
    cost.run(closed, 'zhilian', start, 420000, '智联招聘 职位刷新');
  }

  // The running plan: approved a few weeks ago, candidates at every stage.
  const start = dayjs(cal.today).subtract(45, 'day').format('YYYY-MM-DD');
  const running = Number(
    plan.run(
      `${cal.targetYear} ${team.name} 销售代表招聘`,
      team.id,
      3,
      JSON.stringify(CRITERIA),
      JSON.stringify(CHANNELS),
      3000000,
      start,
      dayjs(cal.today).add(60, 'day').format('YYYY-MM-DD'),
      manager.id,
      superior.id,
      stamp(start),
      'open',
      stamp(start),
      String(cal.targetYear),
    ).lastInsertRowid,
  );
  const stages = [
    'new',
    'new',
    'new',
    'new',
    'rejected',
    'rejected',
    'new',
    'screened',
    'screened',
    'interview',
    'interview',
    'interview',
    'offer',
    'offer',
  ];
  let first: { name: string; phone: string; email: string } | null = null;
  stages.forEach((stage, i) => {
    const who = person();
    first ??= who;
    const applied = dayjs(start)
      .add(randInt(rng, 1, 30), 'day')
      .format('YYYY-MM-DD');
    const good = stage !== 'rejected' && (stage !== 'new' || i % 2 === 0);
    const screened = stage === 'new' ? null : dayjs(applied).add(2, 'day').format('YYYY-MM-DD');
    const decision = stage === 'new' ? (i === 6 ? 'hold' : null) : stage === 'rejected' ? 'reject' : 'pass';
    const reason = decision === 'reject' ? '行业经验不符' : decision === 'hold' ? '工作年限未注明' : null;
    const offered = stage === 'offer' ? dayjs(applied).add(12, 'day').format('YYYY-MM-DD') : null;
    const id = Number(
      candidate.run(
        running,
        who.name,
        who.phone,
        who.email,
        CHANNELS[i % CHANNELS.length],
        stage,
        applied,
        profile(good),
        decision === 'pass' ? 100 : decision ? 60 : null,
        decision,
        reason,
        screened,
        offered,
        stage === 'offer' && i === 13 ? 'accepted' : null,
        null,
        null,
        null,
      ).lastInsertRowid,
    );
    if (stage === 'interview' || stage === 'offer')
      scoreCard(id, dayjs(applied).add(7, 'day').format('YYYY-MM-DD'), normal(rng) * 0.5);
  });
  // the same person applying again through another channel (P5.2 duplicates)
  if (first) {
    const f = first as { name: string; phone: string; email: string };
    candidate.run(
      running,
      f.name,
      f.phone,
      null,
      'liepin',
      'new',
      dayjs(cal.today).subtract(3, 'day').format('YYYY-MM-DD'),
      profile(true),
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    );
  }
  cost.run(running, 'boss', start, 680000, 'BOSS直聘 职位套餐');
  cost.run(running, 'liepin', start, 350000, '猎聘 精英职位');
  cost.run(running, 'campus', start, 200000, '校园宣讲');
}
