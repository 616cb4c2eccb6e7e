import { z } from 'zod';
import { id, optionalDate, optionalText } from './common';
import { op } from './define';
import { fileIn, fileOut, type FileOut } from './files';
import {
  COLUMN_ROLES,
  type ChiSquare,
  type ImportSurveyResult,
  type NpsSummary,
  type PersonSurveyResult,
  type WaveComparison,
} from './survey-results';

export * from './survey-results';

/** Survey operations (P4.5, P4.7): plans, questionnaires, phone entry, import, analysis, actions. */

export const QUESTION_TYPES = ['likert5', 'nps', 'ces7', 'choice', 'multi', 'text', 'salesperson', 'meta'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const BREAKDOWN_DIMENSIONS = [
  'salesperson',
  'team',
  'region',
  'product',
  'period',
  'segment',
  'channel',
] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export interface SurveyAudience {
  teamIds: number[];
  staffIds: number[];
  segments: string[];
  /** Free description (e.g. "customers who bought this quarter"). */
  note: string | null;
}

export interface SurveyPlan {
  id: number;
  name: string;
  purpose: string | null;
  method: 'questionnaire' | 'phone' | 'after-sales';
  startDate: string | null;
  endDate: string | null;
  status: 'planned' | 'running' | 'closed';
  audience: SurveyAudience;
  previousWaveId: number | null;
  responses: number;
  questions: number;
  nps: number | null;
}

/** likert5: labels low→high per language; choice/multi: the options. */
export interface QuestionOptions {
  labels?: { 'zh-CN': string[]; en: string[] };
  choices?: string[];
}

export interface SurveyQuestion {
  id: number;
  position: number;
  code: string;
  text: string;
  type: QuestionType;
  options: QuestionOptions;
  answers: number;
}

export interface SurveyDetail extends SurveyPlan {
  questionList: SurveyQuestion[];
}

export interface QuestionStats {
  id: number;
  code: string;
  text: string;
  type: QuestionType;
  n: number;
  mean: number | null;
  /** Share of 4–5 answers in percent (likert5 only). */
  csat: number | null;
  /** Share of the two best answers in percent (likert5, ces7, nps). */
  top2: number | null;
  sd: number | null;
  /** Value (or option) → count. */
  distribution: Record<string, number>;
  nps?: NpsSummary;
  tooSmall: boolean;
}

export interface GroupStats {
  key: string;
  label: string;
  employeeNo?: string;
  name?: string;
  n: number;
  nps: number | null;
  ci95: [number, number] | null;
  promoters: number;
  detractors: number;
  csat: number | null;
  mean: number | null;
  tooSmall: boolean;
}

export interface SurveyAnalysis {
  survey: { id: number; name: string };
  responses: number;
  nps: NpsSummary;
  /** Mean of the CES (1–7) answers, null without a CES question. */
  ces: number | null;
  csat: number | null;
  questions: QuestionStats[];
  bySalesperson: (GroupStats & { employeeNo: string; name: string })[];
}

export interface Crosstab {
  question: { id: number; text: string; type: QuestionType };
  dimension: BreakdownDimension;
  rows: { key: string; label: string; counts: number[]; n: number; tooSmall: boolean }[];
  columns: string[];
  test: ChiSquare;
}

export interface WaveTrendPoint {
  surveyId: number;
  name: string;
  endDate: string | null;
  nps: NpsSummary;
  csat: number | null;
  /** Against the wave before. */
  change: WaveComparison | null;
}

export interface Driver {
  questionId: number;
  text: string;
  n: number;
  mean: number | null;
  /** Pearson correlation with the outcome. */
  r: number | null;
  /** Standardized regression weight among all items. */
  beta: number | null;
}

export interface CommentRow {
  responseId: number;
  questionId: number;
  question: string;
  text: string;
  npsScore: number | null;
  salesperson: string | null;
  customer: string | null;
  submittedAt: string | null;
}

export interface ImprovementAction {
  id: number;
  surveyId: number | null;
  kind: 'improvement' | 'callback';
  responseId: number | null;
  questionId: number | null;
  ownerId: number | null;
  ownerName: string | null;
  customerName: string | null;
  finding: string;
  action: string;
  dueDate: string | null;
  status: 'open' | 'in_progress' | 'done' | 'cancelled';
  note: string | null;
}

const labels5 = z.array(z.string().trim().min(1).max(40)).length(5);
export const questionInput = z
  .object({
    id: id.optional(),
    code: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .regex(/^[\p{L}\p{N}_.-]+$/u)
      .optional(),
    text: z.string().trim().min(1).max(500),
    type: z.enum(QUESTION_TYPES),
    options: z
      .object({
        labels: z.object({ 'zh-CN': labels5, en: labels5 }).strict().optional(),
        choices: z.array(z.string().trim().min(1).max(200)).min(2).max(50).optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

export const audienceInput = z
  .object({
    teamIds: z.array(id).default([]),
    staffIds: z.array(id).default([]),
    segments: z.array(z.string().trim().min(1).max(40)).default([]),
    note: optionalText(500),
  })
  .strict();

export const planInput = z
  .object({
    id: id.optional(),
    name: z.string().trim().min(1).max(100),
    purpose: optionalText(1000),
    method: z.enum(['questionnaire', 'phone', 'after-sales']),
    startDate: optionalDate,
    endDate: optionalDate,
    status: z.enum(['planned', 'running', 'closed']).default('planned'),
    audience: audienceInput.default({ teamIds: [], staffIds: [], segments: [], note: null }),
    previousWaveId: id.nullish(),
  })
  .strict();

const answerValue = z.union([z.number(), z.string().max(4000), z.array(z.string().max(200)).max(50), z.null()]);
const surveyRef = z.object({ surveyId: id }).strict();

export interface EnteredResponse {
  responseId: number;
  answers: number;
}

export const surveyOps = {
  'survey/list': op<SurveyPlan[]>()(z.object({}).strict().default({})),
  'survey/get': op<SurveyDetail>()(surveyRef),
  'survey/save-plan': op<SurveyPlan>()(planInput, { mutates: true }),
  'survey/delete': op<{ deleted: number }>()(surveyRef, { mutates: true }),
  'survey/save-questions': op<SurveyQuestion[]>()(
    z.object({ surveyId: id, questions: z.array(questionInput).min(1).max(200) }).strict(),
    { mutates: true },
  ),
  'survey/audience': op<
    {
      customerId: number;
      code: string | null;
      name: string;
      contact: string | null;
      phone: string | null;
      ownerId: number | null;
      ownerName: string | null;
      answered: boolean;
    }[]
  >()(surveyRef),
  'survey/enter-response': op<EnteredResponse>()(
    z
      .object({
        surveyId: id,
        customerId: id.nullish(),
        salespersonId: id.nullish(),
        submittedAt: optionalDate,
        channel: optionalText(40),
        answers: z.array(z.object({ questionId: id, value: answerValue }).strict()).max(200),
      })
      .strict(),
    { mutates: true },
  ),
  'survey/delete-response': op<{ deleted: number }>()(z.object({ responseId: id }).strict(), { mutates: true }),
  'survey/analyze': op<SurveyAnalysis>()(surveyRef),
  'survey/breakdown': op<GroupStats[]>()(z.object({ surveyId: id, dimension: z.enum(BREAKDOWN_DIMENSIONS) }).strict()),
  'survey/crosstab': op<Crosstab>()(
    z.object({ surveyId: id, questionId: id, dimension: z.enum(BREAKDOWN_DIMENSIONS) }).strict(),
  ),
  'survey/trend': op<WaveTrendPoint[]>()(surveyRef),
  'survey/compare': op<{ earlier: WaveTrendPoint; later: WaveTrendPoint; change: WaveComparison }>()(
    z.object({ earlierId: id, laterId: id }).strict(),
  ),
  'survey/drivers': op<{ outcome: { questionId: number; text: string } | null; drivers: Driver[] }>()(
    z.object({ surveyId: id, outcomeQuestionId: id.optional() }).strict(),
  ),
  'survey/comments': op<{ rows: CommentRow[]; total: number }>()(
    z
      .object({
        surveyId: id,
        search: z.string().trim().max(200).default(''),
        questionId: id.optional(),
        salespersonId: id.optional(),
        npsClass: z.enum(['promoter', 'passive', 'detractor']).optional(),
        scoreMin: z.number().min(0).max(10).optional(),
        scoreMax: z.number().min(0).max(10).optional(),
        limit: z.number().int().min(1).max(2000).default(500),
      })
      .strict(),
  ),
  'survey/by-person': op<PersonSurveyResult[]>()(
    z
      .object({ quarter: z.string().regex(/^\d{4}Q[1-4]$/, { message: 'quarter' }), surveyIds: z.array(id).optional() })
      .strict(),
  ),
  'survey/actions': op<ImprovementAction[]>()(z.object({ surveyId: id.optional() }).strict().default({})),
  'survey/save-action': op<ImprovementAction>()(
    z
      .object({
        id: id.optional(),
        surveyId: id.nullish(),
        questionId: id.nullish(),
        ownerId: id.nullish(),
        finding: z.string().trim().min(1).max(1000),
        action: z.string().trim().min(1).max(1000),
        dueDate: optionalDate,
        status: z.enum(['open', 'in_progress', 'done', 'cancelled']).default('open'),
        note: optionalText(1000),
      })
      .strict(),
    { mutates: true },
  ),
  'survey/create-callbacks': op<{ created: number; existing: number; withoutSalesperson: number }>()(
    z.object({ surveyId: id, responseIds: z.array(id).max(100_000).optional(), dueDate: optionalDate }).strict(),
    { mutates: true },
  ),
  'survey/import': op<ImportSurveyResult>()(
    z
      .object({
        file: fileIn,
        surveyId: id.optional(),
        name: optionalText(100),
        sheet: z.string().max(100).optional(),
        dryRun: z.boolean().default(false),
        skipInvalid: z.boolean().default(false),
        columns: z
          .array(
            z
              .object({
                column: z.string().min(1).max(500),
                role: z.enum(COLUMN_ROLES).optional(),
                type: z.enum(QUESTION_TYPES).optional(),
                wordMap: z.record(z.string().max(200), z.number().int().min(1).max(5)).optional(),
                // a code table the manager confirmed: code → option (null: no answer), issue #10 item 1
                codes: z
                  .record(z.string().trim().min(1).max(100), z.string().trim().min(1).max(500).nullable())
                  .refine((o) => Object.keys(o).length <= 500)
                  .optional(),
              })
              .strict(),
          )
          .max(500)
          .optional(),
      })
      .strict(),
    { long: true, mutates: true },
  ),
  'survey/export': op<FileOut & { sheets: string[]; rows: number }>()(
    z.object({ surveyId: id, out: fileOut }).strict(),
    { long: true },
  ),
};
