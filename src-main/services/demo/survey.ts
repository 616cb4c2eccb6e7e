import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import { BulkInsert, type DemoProgress } from './bulk-insert';
import { stamp, type DemoCalendar } from './calendar';
import type { CustomerBook } from './customers';
import { COMMENTS } from './names';
import type { Org } from './organisation';
import { orderRange, type SalesLedger } from './orders';
import { storeOptions } from '../survey/question-options';
import { cumulative, makeRng, normal, pick, pickWeighted, randInt } from './random';
import { SEGMENTS } from './segments';
import { questionnaire } from './survey-questions';

const CHANNELS = ['微信问卷', '电话回访', '邮件问卷'];
const CHANNEL_CUM = cumulative([6, 3, 1]);
/** How a segment's customers tend to rate, on the latent satisfaction scale. */
const SEGMENT_MOOD = [0, 0.05, -0.05, -0.15, 0.1];
const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);

interface SurveyCounts {
  responses: number;
  answers: number;
}

/**
 * The satisfaction survey of the appraisal quarter (P4.7): customers who bought in the quarter answer a
 * questionnaire about the order's salesperson, products and service. A latent satisfaction per response
 * (higher for people customers rate well, lower after a complaint) drives every scored answer.
 * The small survey asks each customer once; the large one several contacts per customer.
 */
export function createSurvey(
  db: Database,
  cal: DemoCalendar,
  org: Org,
  book: CustomerBook,
  ledger: SalesLedger,
  complaintDay: Int16Array,
  wanted: { responses: number; long: boolean },
  seed: number,
  progress: DemoProgress,
): SurveyCounts {
  const rng = makeRng(seed, 'survey');
  const firstMonth = (cal.appraisalQ - 1) * 3 + 1;
  const qStart = cal.months.findIndex((m) => m.year === cal.appraisalYear && m.month === firstMonth);
  const fromDay = cal.months[qStart].firstDay;
  const toDay = cal.months[qStart + 2].lastDay;
  const [first, last] = orderRange(ledger, fromDay, toDay);

  db.prepare(
    `INSERT INTO surveys (id, name, purpose, method, start_date, end_date, status, audience, previous_wave_id, created_at)
     VALUES (1, ?, ?, 'questionnaire', ?, ?, 'closed', ?, NULL, ?)`,
  ).run(
    `${cal.appraisalYear}年第${cal.appraisalQ}季度客户满意度调查`,
    '了解客户对产品、交付、售后与销售服务的满意度，找出问题并提出改进措施。',
    cal.days[fromDay],
    cal.days[toDay],
    '本季度有成交的客户',
    stamp(cal.days[fromDay]),
  );
  const questions = questionnaire(wanted.long);
  const question = db.prepare(
    'INSERT INTO survey_questions (id, survey_id, position, code, text, type, options) VALUES (?, 1, ?, ?, ?, ?, ?)',
  );
  questions.forEach((q, i) =>
    question.run(
      i + 1,
      i + 1,
      `q${String(i + 1).padStart(2, '0')}`,
      q.text,
      q.type,
      storeOptions(q.type, { choices: q.choices }),
    ),
  );
  const choiceCum = questions.map((q) => (q.weights ? cumulative(q.weights) : null));

  const responses = new BulkInsert(
    db,
    'survey_responses',
    ['id', 'survey_id', 'respondent_key', 'customer_id', 'salesperson_id', 'order_id', 'submitted_at', 'channel'],
    progress,
  );
  const answers = new BulkInsert(
    db,
    'survey_answers',
    ['response_id', 'question_id', 'value_num', 'value_text'],
    progress,
    200,
    responses,
  );
  const rp = responses.p;
  const ap = answers.p;
  const asked = new Uint8Array(book.n);
  const oncePerCustomer = !wanted.long;
  let id = 0;
  for (let attempt = 0; id < wanted.responses && attempt < wanted.responses * 50 && last >= first; attempt++) {
    const order = first + Math.floor(rng() * (last - first + 1));
    const c = ledger.customer[order];
    if (oncePerCustomer && asked[c]) continue;
    asked[c] = 1;
    const s = ledger.seller[order];
    const seller = org.people[s];
    const submitted = Math.min(ledger.day[order] + randInt(rng, 1, 20), toDay);
    const complained = complaintDay[c] >= 0 && complaintDay[c] <= submitted;
    const mood = 0.45 * seller.quality + SEGMENT_MOOD[book.segment[c]] - (complained ? 0.7 : 0) + 0.45 * normal(rng);
    id++;
    const o = responses.row();
    rp[o] = id;
    rp[o + 1] = 1;
    rp[o + 2] = `R${String(id).padStart(6, '0')}`;
    rp[o + 3] = c + 1;
    rp[o + 4] = seller.id;
    rp[o + 5] = order + 1;
    rp[o + 6] = cal.days[submitted];
    rp[o + 7] = CHANNELS[pickWeighted(rng, CHANNEL_CUM)];

    for (let qi = 0; qi < questions.length; qi++) {
      const q = questions[qi];
      let num: number | null = null;
      let text: string | null = null;
      switch (q.type) {
        case 'likert5':
          num = clamp(Math.round(4 + (q.bias ?? 0) + 1.1 * mood + 0.55 * normal(rng)), 1, 5);
          break;
        case 'nps':
          num = clamp(Math.round(8 + 2 * mood + 1.1 * normal(rng)), 0, 10);
          break;
        case 'ces7':
          num = clamp(Math.round(5 + mood + 0.8 * normal(rng)), 1, 7);
          break;
        case 'choice': {
          const k = pickWeighted(rng, choiceCum[qi]!);
          num = k + 1;
          text = q.choices![k];
          break;
        }
        case 'meta':
          text = SEGMENTS[book.segment[c]].name;
          break;
        case 'salesperson':
          text = seller.name;
          break;
        case 'text':
          if (rng() >= 0.25) continue;
          text = pick(rng, mood > 0.35 ? COMMENTS.good : mood < -0.35 ? COMMENTS.bad : COMMENTS.neutral);
          break;
      }
      const a = answers.row();
      ap[a] = id;
      ap[a + 1] = qi + 1;
      ap[a + 2] = num;
      ap[a + 3] = text;
    }
  }
  const counts = { responses: responses.end(), answers: answers.end() };
  insertImprovementActions(db, cal, org, toDay);
  return counts;
}

/** The manager's follow-up of the survey's findings (P4.7: find problems, propose improvements). */
function insertImprovementActions(db: Database, cal: DemoCalendar, org: Org, quarterEnd: number): void {
  const due = (days: number) => dayjs(cal.days[quarterEnd]).add(days, 'day').format('YYYY-MM-DD');
  const managerOf = (k: number) => org.people[org.teams[k % org.teams.length].manager].id;
  const action = db.prepare(
    'INSERT INTO improvement_actions (survey_id, owner_id, finding, action, due_date, status) VALUES (1, ?, ?, ?, ?, ?)',
  );
  action.run(
    org.people[org.director].id,
    '“价格的合理性”得分最低，部分客户认为价格偏高。',
    '梳理报价策略，为续购客户和批量订单制定阶梯优惠。',
    due(45),
    'in_progress',
  );
  action.run(
    managerOf(0),
    '售后服务响应偏慢，投诉集中在报修后的首次联系。',
    '与售后服务部建立24小时首次响应机制，每周通报超时工单。',
    due(30),
    'open',
  );
  action.run(
    managerOf(1),
    '交付及时性评分低于上季度，物流延误工单增多。',
    '与物流部核对承运商时效，重点项目提前备货。',
    due(60),
    'open',
  );
}
