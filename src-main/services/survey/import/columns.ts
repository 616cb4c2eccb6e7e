import type { CellValue } from '../../../excel/cell';
import { displayValue, isBlank } from '../../../excel/cell';
import type { ColumnRole, QuestionType } from '../../../contract/survey';
import type { Layout, SurveyColumn, SurveySheet } from './layouts';
import { WJX_META } from './layouts';
import { normaliseWord, satisfactionScore } from './satisfaction-words';

/**
 * Infers each column's role and question type from its header and values (issue #5 item 4). Roles:
 * 'question' (becomes a survey question), 'id' (respondent key), 'submitted' (submission time),
 * 'customer' / 'salesperson' (links, item 5), 'meta' (kept as a metadata question) and 'ignore'.
 */
export type Role = ColumnRole;

export interface ColumnPlan {
  /** Column indexes in the sheet (several for a one-column-per-option multiple choice). */
  indexes: number[];
  letter: string;
  header: string;
  text: string;
  code: string;
  role: Role;
  type: QuestionType;
  /** Options of choice/multi questions in natural order (1部, 2部 … 10部), or in the sub-headers' order (issue #10 item 13). */
  choices: string[];
  /** likert5 answers given as words: word (normalised) → 1–5. */
  wordMap: Record<string, number>;
  /** A confirmed code table: the cell's code → the option it stands for (null: no answer). Never guessed (issue #10 item 1). */
  codes?: Record<string, string | null>;
}

/** Names and employee numbers of the roster, to recognise the "which salesperson served you" answers by their values. */
export interface Roster {
  has(value: string): boolean;
}

/** 问卷星 writes (跳过) for a question its logic skipped and (空) for one left empty: no answer, not an answer (issue #10 item 2). */
const NO_ANSWER = /^[(（]\s*(跳过|空)\s*[)）]$/;
export function isNoAnswer(c: CellValue): boolean {
  return isBlank(c) || (typeof c === 'string' && NO_ANSWER.test(c.trim()));
}

/** Options in the order a person expects: 1部, 2部, 3部, 4部及以上, 10部 (numbers compared as numbers), never first-seen order. */
const collator = new Intl.Collator('zh-CN', { numeric: true });
export const naturalOrder = (a: string, b: string): number => collator.compare(a, b);

// issue #10 item 7: the platforms' and people's names for the respondent's number
const ID_HEADERS =
  /^(序号|问卷序号|答卷序号|答卷编号|问卷编号|答卷id|编号|id|respondent ?id|response ?id|respondent_id|response_id|response number|respondent number)$/i;
// bilingual Microsoft Forms headers put the other language first: match the last words
const TIME_HEADERS =
  /(^|\s)(提交答卷时间|timestamp|时间戳记|end date|enddate|completion time|end time|完成时间|submitted|提交时间)$/i;
const META_HEADERS = new Set(
  [
    ...WJX_META,
    'Collector ID',
    'Start Date',
    'IP Address',
    'Email Address',
    'First Name',
    'Last Name',
    'Custom Data 1',
    'StartDate',
    'Status',
    'RecordedDate',
    'ResponseId',
    'Start Date',
    'Start time',
    'Response Type',
    'Recorded Date',
    'IPAddress',
    'Progress',
    'Duration (in seconds)',
    'Finished',
    'RecipientLastName',
    'RecipientFirstName',
    'RecipientEmail',
    'ExternalReference',
    'LocationLatitude',
    'LocationLongitude',
    'DistributionChannel',
    'UserLanguage',
    'Start time',
    'Start Time',
    'Email',
    'Name',
    'Last modified time',
    '开始时间',
  ].map((h) => h.toLowerCase()),
);
const SALESPERSON =
  /(销售代表|销售人员|业务员|客户经理|销售顾问|为您服务|服务您的|salesperson|sales rep|account manager|served you|your sales)/i;
const CUSTOMER =
  /^(客户|客户名称|客户编号|公司名称|单位名称|company|customer|customer name|customer id|company name)$/i;
const NPS_HINT = /(推荐|recommend|0\s*[-–~到至]\s*10|nps)/i;
const TEXT_HINT = /(comment|suggestion|feedback|remarks|意见|建议|留言|评论)/i;
const CES_HINT = /(容易|费力|省力|easy|effort|ces)/i;
// a question asking how important / how much one agrees / how satisfied / how likely is a scale, whoever it names (issue #10 item 2)
const SCALE_HINT = /(重要|认同|同意|满意|可能|important|importance|agree|satisf|likely|likelihood|评分|打分)/i;
const SCALES = new Set<QuestionType>(['likert5', 'nps', 'ces7']);

/** '1、手机部数' → '手机部数'; Qualtrics/SurveyMonkey texts are kept. */
function questionText(header: string): string {
  return (
    header
      .replace(/^\s*\d+\s*[、.．]\s*/, '')
      .replace(/^第\d+题\s*/, '')
      .trim() || header.trim()
  );
}

const isInt = (v: string) => /^-?\d+(\.0+)?$/.test(v);

function valuesOf(sheet: SurveySheet, index: number): string[] {
  const out: string[] = [];
  for (const r of sheet.rows) {
    const c: CellValue = r.cells[index] ?? null;
    if (!isNoAnswer(c)) out.push(displayValue(c).trim());
  }
  return out;
}

/** The multiple-answer separator an export uses: 问卷星 '┋', Google/Microsoft Forms ';'. */
export function multiSeparator(layout: Layout): RegExp {
  return layout === 'wjx-text' ? /┋/ : /┋|;/;
}

function inferType(
  header: string,
  values: string[],
  layout: Layout,
  openEnded: boolean,
): { type: QuestionType; choices: string[]; wordMap: Record<string, number> } {
  const none = { choices: [] as string[], wordMap: {} as Record<string, number> };
  if (!values.length || openEnded) return { type: 'text', ...none };
  const freeText = TEXT_HINT.test(header);
  const ints = values.filter(isInt).map(Number);
  const intShare = ints.length / values.length;
  if (intShare >= 0.8) {
    const max = Math.max(...ints);
    const min = Math.min(...ints);
    // 问卷星's coded export gives single choices as option numbers: kept as the numbers the file holds (0 included)
    // until a code table says what they stand for (issue #10 item 1); a question worded as a scale stays a scale
    if (layout === 'wjx-coded' && !(SCALE_HINT.test(header) || NPS_HINT.test(header) || CES_HINT.test(header)))
      return { type: 'choice', choices: [...new Set(values)].sort(naturalOrder), wordMap: {} };
    // most answers are numbers: the other ones are reported as invalid rows (e.g. text in a 0–10 column)
    if (NPS_HINT.test(header) && min >= 0 && max <= 10) return { type: 'nps', ...none };
    if (CES_HINT.test(header) && min >= 1 && max <= 7) return { type: 'ces7', ...none };
    if (min >= 0 && max <= 10 && max > 7) return { type: 'nps', ...none };
    if (min >= 1 && max <= 5) {
      // A satisfaction word among the numbers ("very dissatisfied" beside 1–5) is read as its score: that
      // reading is shown in the mapping like any other word's, never applied unseen (issue #10).
      const wordMap: Record<string, number> = {};
      for (const v of values) {
        const score = isInt(v) ? undefined : satisfactionScore(v);
        if (score !== undefined) wordMap[normaliseWord(v)] = score;
      }
      return { type: 'likert5', choices: [], wordMap };
    }
    if (min >= 1 && max <= 7) return { type: 'ces7', ...none };
  }
  const words = values.map((v) => satisfactionScore(v));
  if (words.filter((w) => w !== undefined).length / values.length >= 0.8) {
    const wordMap: Record<string, number> = {};
    values.forEach((v, i) => {
      if (words[i] !== undefined) wordMap[normaliseWord(v)] = words[i]!;
    });
    return { type: 'likert5', choices: [], wordMap };
  }
  const sep = multiSeparator(layout);
  if (values.some((v) => sep.test(v))) {
    const choices = [
      ...new Set(
        values.flatMap((v) =>
          v
            .split(sep)
            .map((x) => x.trim())
            .filter(Boolean),
        ),
      ),
    ].sort(naturalOrder);
    if (choices.length <= 50) return { type: 'multi', choices, wordMap: {} };
  }
  const distinct = [...new Set(values)].sort(naturalOrder);
  // a choice repeats its options: at most 12 of them, each seen twice on average
  if (
    !freeText &&
    distinct.length <= 12 &&
    distinct.length * 2 <= values.length &&
    distinct.every((d) => d.length <= 60)
  )
    return { type: 'choice', choices: distinct, wordMap: {} };
  return { type: 'text', ...none };
}

/** Plans every column of an export: what it is, which question type, which options. */
export function planColumns(sheet: SurveySheet, roster?: Roster): ColumnPlan[] {
  const plans: ColumnPlan[] = [];
  const groups = new Map<string, SurveyColumn[]>();
  // one-column-per-option multiple choice: SurveyMonkey sub-headers, 问卷星 coded '第6题(运动)'
  for (const c of sheet.columns) {
    const coded = /^第(\d+)题\((.+)\)$/.exec(c.header);
    const key = coded ? `wjx:${coded[1]}` : sheet.layout === 'surveymonkey' && c.sub ? `sm:${c.header}` : '';
    if (key) groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const grouped = new Set([...groups.values()].filter((g) => g.length > 1 || sheet.layout === 'wjx-coded').flat());
  const done = new Set<string>();
  let n = 0;
  for (const c of sheet.columns) {
    if (grouped.has(c)) {
      const coded = /^第(\d+)题\((.+)\)$/.exec(c.header);
      const key = coded ? `wjx:${coded[1]}` : `sm:${c.header}`;
      if (done.has(key)) continue;
      done.add(key);
      const cols = groups.get(key)!;
      const choices = cols.map((x) => (coded ? /^第\d+题\((.+)\)$/.exec(x.header)![1] : x.sub!));
      n++;
      plans.push({
        indexes: cols.map((x) => x.index),
        letter: c.letter,
        header: c.header,
        text: coded ? `第${coded[1]}题` : c.header,
        code: coded ? `Q${coded[1]}` : `Q${n}`,
        role: 'question',
        type: 'multi',
        choices,
        wordMap: {},
      });
      continue;
    }
    const h = c.header;
    // Qualtrics names its metadata in the first header row (StartDate, ResponseId…): test both rows
    const names = c.sub ? [h, c.sub] : [h];
    const base = {
      indexes: [c.index],
      letter: c.letter,
      header: h,
      text: questionText(h),
      choices: [] as string[],
      wordMap: {} as Record<string, number>,
    };
    const qNo = /^\s*(\d+)\s*[、.．]/.exec(h)?.[1] ?? /^Q(\d+)/i.exec(c.sub ?? '')?.[1];
    const code = (role: string) => (qNo ? `Q${qNo}` : `${role}${c.index + 1}`);
    if (names.some((x) => ID_HEADERS.test(x)) && !plans.some((p) => p.role === 'id'))
      plans.push({ ...base, code: 'id', role: 'id', type: 'meta' });
    else if (names.some((x) => TIME_HEADERS.test(x)) && !plans.some((p) => p.role === 'submitted'))
      plans.push({ ...base, code: 'submitted', role: 'submitted', type: 'meta' });
    else if (CUSTOMER.test(h.trim())) plans.push({ ...base, code: 'customer', role: 'customer', type: 'meta' });
    else if (
      names.some((x) => META_HEADERS.has(x.toLowerCase()) || /(^|\s)(start time|开始时间)$/i.test(x)) ||
      /_NPS_GROUP$/i.test(c.sub ?? '') ||
      /_NPS_GROUP$/i.test(h)
    )
      plans.push({ ...base, code: `M${c.index + 1}`, role: 'ignore', type: 'meta' });
    else {
      const values = valuesOf(sheet, c.index);
      const t = inferType(h, values, sheet.layout, c.openEnded);
      // the answers decide (issue #10 item 2): scores are a scale even under "客户经理…满意度"; names of the
      // roster are the salesperson link; the header alone names the salesperson only when it asks no scale question
      const isScale = SCALES.has(t.type);
      const named =
        values.length > 0 && roster !== undefined && values.filter((v) => roster.has(v)).length >= 0.8 * values.length;
      const namesSalesperson = SALESPERSON.test(h) && !SCALE_HINT.test(h);
      // small employee numbers (1–5) under "为您服务的客户经理" are people, not scores
      if ((named && namesSalesperson) || (!isScale && (named || namesSalesperson)))
        plans.push({ ...base, code: code('SP'), role: 'salesperson', type: 'salesperson' });
      else {
        n++;
        plans.push({
          ...base,
          code: code('Q'),
          role: 'question',
          type: t.type,
          choices: t.choices,
          wordMap: t.wordMap,
        });
      }
    }
  }
  // codes must be unique within a survey
  const seen = new Map<string, number>();
  for (const p of plans) {
    const k = p.code.toLowerCase();
    const times = (seen.get(k) ?? 0) + 1;
    seen.set(k, times);
    if (times > 1) p.code = `${p.code}_${times}`;
  }
  return plans;
}
