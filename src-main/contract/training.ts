import { z } from 'zod';
import { id, isoDate, optionalText } from './common';
import { op } from './define';
import { fileOut, type FileOut } from './files';
import {
  surveyOps,
  type CommentRow,
  type ImportSurveyResult,
  type SurveyAnalysis,
  type SurveyPlan,
  type SurveyQuestion,
} from './survey';
import { quarter } from './appraisal-scheme';
import { employeeNo } from './team';

/** P5.4 development stages: new hire (probation), junior, senior, team lead. */
export const STAGES = ['onboarding', 'junior', 'senior', 'manager'] as const;
export type Stage = (typeof STAGES)[number];
/** P5.4 topics: product knowledge, selling skills, customer relationship management, the policy itself. */
export const TOPICS = ['product', 'sales-skill', 'crm', 'policy', 'other'] as const;
export type Topic = (typeof TOPICS)[number];

export interface Requirement {
  year: number;
  stage: Stage;
  hours: number;
  topics: Topic[];
}

export interface Course {
  id: number;
  title: string;
  stage: Stage;
  topic: Topic;
  passMark: number | null;
  description: string | null;
  sessions: number;
}

export interface TrainingSession {
  id: number;
  courseId: number;
  course: string;
  topic: Topic;
  date: string;
  trainer: string | null;
  trainerKind: 'internal' | 'external' | null;
  place: string | null;
  online: boolean;
  hours: number;
  cost: number;
  enrolled: number;
  attended: number;
  /** The session's day has come: attendance may be entered. */
  held: boolean;
  /** The survey that collects the participants' feedback (P5.5), and its answers so far. */
  feedbackSurveyId: number | null;
  feedbackResponses: number;
}

export interface Participant {
  employeeNo: string;
  name: string;
  team: string | null;
  attended: boolean;
  testScore: number | null;
  passed: boolean | null;
  mastery: number | null;
  feedback: string | null;
  enrolledReason: string | null;
}

export interface TrainingRecord {
  employeeNo: string;
  name: string;
  team: string | null;
  stage: Stage;
  year: number;
  hours: number;
  required: number | null;
  /** Hours short of the stage's requirement this year (0 when met). */
  short: number;
  passed: number;
  courses: {
    sessionId: number;
    course: string;
    date: string;
    hours: number;
    testScore: number | null;
    passed: boolean | null;
  }[];
}

export interface Suggestion {
  employeeNo: string;
  name: string;
  team: string | null;
  kpi: string;
  kpiLabel: string;
  /** The rated level, or the data KPI's value. */
  value: number | null;
  score: number | null;
  rated: boolean;
  topics: Topic[];
  courses: { courseId: number; title: string; sessions: { id: number; date: string }[] }[];
}

export interface EffectSide {
  n: number;
  before: number | null;
  after: number | null;
  change: number | null;
}
export interface Effect {
  course: { id: number; title: string; topic: Topic };
  kpi: string | null;
  trained: EffectSide;
  untrained: EffectSide;
  /** Either group under the minimum (5 people): too few to judge. */
  tooSmall: boolean;
  byKpi: { kpi: string; trained: EffectSide; untrained: EffectSide; tooSmall: boolean }[];
}

export interface ProbationReview {
  employeeNo: string;
  name: string;
  team: string | null;
  hireDate: string | null;
  probationEnd: string | null;
  /** The months worked: orders, sales (yuan) and customers served, from the start to the end of probation. */
  data: { from: string | null; to: string | null; orders: number; sales: number; customers: number };
  items: { key: string; label: string; levels: { level: number; label: string; description: string }[] }[];
  review: {
    date: string;
    ratings: Record<string, number>;
    decision: 'confirm' | 'extend' | 'end';
    extendedTo: string | null;
    note: string | null;
    decidedBy: string;
  } | null;
}

/**
 * P5.5: the participants' feedback on a session, collected by the survey engine: the session's
 * questionnaire is a survey (its questions, answers, import and analysis are the survey's own).
 */
export interface SessionFeedback {
  sessionId: number;
  survey: SurveyPlan | null;
  questions: SurveyQuestion[];
  /** Participants who attended: the people asked. */
  attended: number;
  responses: number;
  /** Employee numbers of the attendees who answered under their name (anonymous answers are not listed). */
  answeredBy: string[];
  /** The survey's analysis (per question: n, mean, distribution; CSAT of the 5-point items), null without answers. */
  analysis: SurveyAnalysis | null;
  comments: CommentRow[];
}

const surveyImport = surveyOps['survey/import'].input;

const attendanceRow = z
  .object({
    person: employeeNo,
    attended: z.boolean(),
    testScore: z.number().finite().min(0).max(100).nullish(),
    mastery: z.number().int().min(1).max(5).nullish(),
    feedback: optionalText(1000),
  })
  .strict();

export const trainingOps = {
  'training/requirements': op<Requirement[]>()(z.object({ year: z.number().int().min(2000).max(2100) }).strict()),
  'training/set-requirement': op<Requirement>()(
    z
      .object({
        year: z.number().int().min(2000).max(2100),
        stage: z.enum(STAGES),
        hours: z.number().finite().min(0).max(1000),
        topics: z.array(z.enum(TOPICS)).max(5).default([]),
      })
      .strict(),
    { mutates: true },
  ),
  'training/courses': op<Course[]>()(z.object({}).strict().default({})),
  'training/course-save': op<Course>()(
    z
      .object({
        id: id.optional(),
        title: z.string().trim().min(1).max(100),
        stage: z.enum(STAGES),
        topic: z.enum(TOPICS),
        passMark: z.number().finite().min(0).max(100).nullish(),
        description: optionalText(1000),
      })
      .strict(),
    { mutates: true },
  ),
  'training/sessions': op<TrainingSession[]>()(
    z.object({ courseId: id.optional(), year: z.number().int().optional() }).strict().default({}),
  ),
  'training/session-save': op<TrainingSession>()(
    z
      .object({
        id: id.optional(),
        courseId: id,
        date: isoDate,
        trainer: optionalText(50),
        trainerKind: z.enum(['internal', 'external']).nullish(),
        place: optionalText(100),
        online: z.boolean().default(false),
        hours: z.number().finite().min(0.5).max(100),
        cost: z.number().finite().min(0).max(1e8).default(0),
      })
      .strict(),
    { mutates: true },
  ),
  'training/participants': op<Participant[]>()(z.object({ sessionId: id }).strict()),
  'training/enrol': op<{ enrolled: number; already: number }>()(
    z.object({ sessionId: id, people: z.array(employeeNo).min(1).max(1000), reason: optionalText(200) }).strict(),
    { mutates: true },
  ),
  /** P5.5: attendance, test scores, mastery and feedback, for a session that has taken place. */
  'training/attendance': op<Participant[]>()(
    z.object({ sessionId: id, rows: z.array(attendanceRow).min(1).max(1000) }).strict(),
    { mutates: true },
  ),
  'training/records': op<TrainingRecord[]>()(
    z.object({ year: z.number().int().min(2000).max(2100), person: employeeNo.optional() }).strict(),
  ),
  'training/kpi-topics': op<{ kpi: string; label: string | null; topics: Topic[] }[]>()(
    z.object({}).strict().default({}),
  ),
  'training/set-kpi-topics': op<{ kpi: string; topics: Topic[] }>()(
    z
      .object({
        kpi: z
          .string()
          .trim()
          .regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/, { message: 'kpi-key' }),
        topics: z.array(z.enum(TOPICS)).max(5),
      })
      .strict(),
    { mutates: true },
  ),
  /** Closing the loop: appraisal gaps (rated level ≤ 2, data KPI under its threshold) and the courses that address them. */
  'training/suggestions': op<{ quarter: string | null; items: Suggestion[] }>()(
    z.object({ quarter: quarter.optional() }).strict().default({}),
  ),
  'training/effect': op<Effect>()(z.object({ courseId: id, kpi: z.string().trim().max(32).optional() }).strict()),
  'training/effect-table': op<Effect[]>()(z.object({}).strict().default({})),
  /** Probation: people whose probation ends within `days` (or has ended) without a review yet. */
  'training/probation-due': op<ProbationReview[]>()(
    z
      .object({ days: z.number().int().min(0).max(365).default(30) })
      .strict()
      .default({ days: 30 }),
  ),
  'training/probation': op<ProbationReview>()(z.object({ person: employeeNo }).strict()),
  /** The review at the end of probation, on the appraisal's rubric; extend needs the new end, end and extend a note. */
  'training/probation-review': op<ProbationReview>()(
    z
      .object({
        person: employeeNo,
        ratings: z.record(z.string().max(32), z.number().int()),
        decision: z.enum(['confirm', 'extend', 'end']),
        extendTo: isoDate.optional(),
        note: optionalText(2000),
      })
      .strict(),
    { mutates: true },
  ),
  /** The session's feedback questionnaire and its results (P5.5), through the survey engine. */
  'training/feedback': op<SessionFeedback>()(z.object({ sessionId: id }).strict()),
  /** Makes the session's feedback survey: the standard short questionnaire, or another survey's questions. */
  'training/feedback-create': op<SessionFeedback>()(z.object({ sessionId: id, fromSurvey: id.optional() }).strict(), {
    mutates: true,
  }),
  /** One participant's answers, typed in from a paper form; `person` left out for an anonymous form. */
  'training/feedback-enter': op<SessionFeedback>()(
    z
      .object({
        sessionId: id,
        person: employeeNo.optional(),
        answers: surveyOps['survey/enter-response'].input.shape.answers,
      })
      .strict(),
    { mutates: true },
  ),
  /** The feedback answers exported by a questionnaire platform, read by the survey import into the session's survey. */
  'training/feedback-import': op<ImportSurveyResult>()(
    surveyImport.omit({ surveyId: true, name: true }).extend({ sessionId: id }).strict(),
    { long: true, mutates: true },
  ),
  'report/probation-review': op<FileOut>()(z.object({ person: employeeNo, out: fileOut }).strict()),
  /** P5.5: the session's sign-in sheet (签到表), one A4 page of names to sign. */
  'report/sign-in-sheet': op<FileOut>()(z.object({ sessionId: id, out: fileOut }).strict()),
};
