import type { QuestionType } from './survey';

/** Survey results and import vocabulary (P4.5, P4.7), declared here so that services import them from the contract. */

/**
 * What an imported column is: a question, the respondent key, the submission time, the customer or the
 * salesperson it links to, metadata kept as a question, or ignored (issue #5 item 4).
 */
export const COLUMN_ROLES = ['question', 'id', 'submitted', 'customer', 'salesperson', 'meta', 'ignore'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];
/** The export layouts a survey import recognises. */
export type SurveyLayout =
  'wjx-text' | 'wjx-coded' | 'ms-forms' | 'google-forms' | 'surveymonkey' | 'qualtrics' | 'generic';
/** Default 5-point labels, low → high; the manager may edit them per survey (issue #5 item 2). */
export const DEFAULT_LIKERT_LABELS: { 'zh-CN': string[]; en: string[] } = {
  'zh-CN': ['非常不满意', '不满意', '一般', '满意', '非常满意'],
  en: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
};

export interface NpsSummary {
  /** −100…100, null without answers. */
  score: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  n: number;
  /** 95% interval of the score, clipped to −100…100. */
  ci95: [number, number] | null;
  /** Standard error of the score (in NPS points). */
  se: number | null;
}

export interface WaveComparison {
  /** Later wave minus earlier wave, in NPS points. */
  change: number | null;
  z: number | null;
  /** Two-sided p-value of "the NPS did not change". */
  p: number | null;
  significant: boolean;
  /** Either wave has fewer than MIN_GROUP (services/survey/stats.ts) answers. */
  tooSmall: boolean;
}

export interface ChiSquare {
  chi2: number;
  df: number;
  p: number | null;
  /** Share of cells whose expected count is below 5 (the test is unreliable above 20%). */
  lowExpectedShare: number;
  n: number;
  tooSmall: boolean;
}

/**
 * Survey results per salesperson for a date range (issue #5 item 13; feeds the customer-satisfaction KPI
 * of the quarterly appraisal, P6.1).
 */
export interface PersonSurveyResult {
  staffId: number;
  employeeNo: string;
  name: string;
  teamId: number | null;
  /** Responses attributed to this salesperson in the range. */
  responses: number;
  /** Responses that answered the NPS question. */
  npsN: number;
  /** Net Promoter Score −100…100 (promoters 9–10 minus detractors 0–6, in %); null without NPS answers. */
  nps: number | null;
  /** 95% interval of the NPS (normal approximation, see stats.ts npsFromCounts). */
  ci95: [number, number] | null;
  promoters: number;
  passives: number;
  /** Customers who answered 0–6: each one is a call-back candidate. */
  detractors: number;
  /** likert5 answers counted for CSAT and the mean. */
  satisfactionN: number;
  /** CSAT in percent 0–100: share of 4–5 answers over all 5-point satisfaction items; null without any. */
  csat: number | null;
  /** Mean of all 5-point satisfaction answers (1–5); null without any. */
  mean: number | null;
  /** Fewer than 30 responses: too few to judge (show, but do not rank on it). */
  tooSmall: boolean;
}

export interface ImportedQuestion {
  id: number | null;
  code: string;
  column: string;
  header: string;
  text: string;
  type: QuestionType;
  role: ColumnRole;
  choices: string[];
  wordMap: Record<string, number>;
  /** The confirmed code table applied to this column (code → option, null: no answer). */
  codes: Record<string, string | null> | null;
  /** Cells that look like option numbers of the questionnaire: proposed, applied only once confirmed (issue #10 item 1). */
  suggestedCodes: Record<string, string | null> | null;
}

export interface ImportSurveyResult {
  kind: 'survey';
  file: string;
  sheet: string;
  layout: SurveyLayout;
  headerRow: number;
  survey: number | null;
  questions: ImportedQuestion[];
  rows: { read: number; valid: number; invalid: number; skipped: number; inserted: number; updated: number };
  errors: { row: number; column: string; value: string; message: string }[];
  warnings: { row: number; column: string; value: string; message: string }[];
  /** Cells holding 问卷星's (跳过) or (空), read as no answer. */
  noAnswerCells: number;
  committed: boolean;
  /** The import's number in the import history (`import undo ID` takes it back), once committed. */
  importId: number | null;
  /**
   * With a dry run: every response to be written. `answers` shows each answer as the file has it (issue #10
   * item 13); `mapped` gives, for the answers stored differently (a word's score, a code's option), what is stored.
   */
  records?: {
    row: number;
    key: string;
    customer: string | null;
    salesperson: string | null;
    submittedAt: string | null;
    answers: Record<string, string | null>;
    mapped: Record<string, string>;
  }[];
}
