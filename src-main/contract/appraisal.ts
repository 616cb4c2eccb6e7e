import { z } from 'zod';
import { isoDate } from './common';
import { op } from './define';
import { fileOut, type FileOut } from './files';
import { employeeNo } from './team';
import {
  quarter,
  schemeDefinition,
  type KpiDimension,
  type KpiSource,
  type OutcomeType,
  type SchemeDefinition,
} from './appraisal-scheme';

export * from './appraisal-scheme';

export type AppraisalStatus = 'draft' | 'rated' | 'submitted' | 'approved' | 'locked';
export type OutcomeStatus = 'proposed' | 'confirmed' | 'rejected';

export interface AppraisalKpiColumn {
  key: string;
  label: string;
  weight: number;
  source: KpiSource;
  dimension: KpiDimension;
}

export interface AppraisalKpiCell {
  value: number | null;
  score: number | null;
  /** completion: the quarter's sales target and actual sales, in yuan. */
  target?: number | null;
  actual?: number | null;
  /** rated KPIs: the manager's note */
  note?: string | null;
  /**
   * Rated KPIs with a peer weight (P6.1 teamwork): the manager's own level (`value` is the effective
   * rating that scores) and the peers' part: mean level, how many rated, the weight in percent, the
   * minimum that counts, and whether it counted.
   */
  rating?: number | null;
  peers?: { mean: number | null; count: number; weight: number; min: number; counted: boolean };
}

/** One colleague's rating of a person on a rated KPI with a peer weight (P6.1 teamwork). */
export interface PeerRating {
  id: number;
  quarter: string;
  employeeNo: string;
  name: string;
  kpi: string;
  raterNo: string;
  raterName: string;
  level: number;
  comment: string | null;
  ratedAt: string;
  ratedBy: string;
}

export interface AppraisalOutcome {
  id: number;
  type: OutcomeType;
  /** yuan (bonus, deduction); null for the others */
  amount: number | null;
  reason: string;
  clause: string;
  ruleKey: string | null;
  status: OutcomeStatus;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface AppraisalPerson {
  staffId: number;
  employeeNo: string;
  name: string;
  team: string | null;
  title: string | null;
  kpis: Record<string, AppraisalKpiCell>;
  /** The total that counts: the calibrated one when the manager adjusted it. */
  total: number | null;
  /** The computed total, kept beside an adjustment (P6.4 calibration). */
  originalTotal: number | null;
  adjustment: { total: number; reason: string; by: string; at: string } | null;
  grade: string | null;
  /** Every KPI has a score (all ratings entered). */
  complete: boolean;
  outcomes: AppraisalOutcome[];
  feedback: string | null;
  selfAssessment: string | null;
}

export interface AppraisalShow {
  quarter: string;
  status: AppraisalStatus;
  computedAt: string | null;
  scheme: { version: number; kpis: AppraisalKpiColumn[]; grades: { grade: string; min: number }[] };
  people: AppraisalPerson[];
  summary: {
    people: number;
    missingRatings: number;
    bonusCost: number;
    deductions: number;
    grades: Record<string, number>;
    proposedOutcomes: number;
  };
}

/**
 * What `appraisal/compute` answers (issue 12 item 12): the appraisal as `appraisal/show` would give it,
 * but with only the people whose figures the computation changed, so that a window showing the quarter
 * brings its copy up to date without moving every person again.
 */
export interface AppraisalComputed {
  quarter: string;
  status: AppraisalStatus;
  computedAt: string;
  /** When it had last been computed before (null: this was the first time). */
  previousComputedAt: string | null;
  scheme: AppraisalShow['scheme'];
  summary: AppraisalShow['summary'];
  /**
   * The people whose figures changed (the total, the grade, a KPI's value, score, target or actual, or a
   * proposed outcome), and the people new to the appraisal, as `appraisal/show` gives them and in its order.
   */
  changed: AppraisalPerson[];
  /** Employee numbers of the people no longer appraised in the quarter (left before its end, no target or sales). */
  removed: string[];
}

export interface AppraisalListItem {
  quarter: string;
  status: AppraisalStatus;
  people: number;
  computedAt: string | null;
  schemeVersion: number;
}

export interface AppraisalSchemeInfo {
  quarter: string;
  /** 0 when the quarter has no saved scheme yet (the one shown is copied forward). */
  version: number;
  copiedFrom: string | null;
  definition: SchemeDefinition;
  versions: { version: number; createdAt: string }[];
}

export interface WhatIfResult {
  current: WhatIfSide;
  proposed: WhatIfSide;
  changes: {
    employeeNo: string;
    name: string;
    team: string | null;
    fromGrade: string | null;
    toGrade: string | null;
    fromTotal: number | null;
    toTotal: number | null;
    fromBonus: number;
    toBonus: number;
  }[];
}
export interface WhatIfSide {
  bonusCost: number;
  deductions: number;
  grades: Record<string, number>;
  outcomes: Record<string, number>;
}

export interface CalibrationTeam {
  team: string;
  people: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  grades: Record<string, number>;
  /** Share (percent) of each distribution group, and whether the team departs from the target. */
  groups: { grades: string[]; target: number; actual: number }[];
  departs: boolean;
}
export interface CalibrationResult {
  quarter: string;
  grades: string[];
  teams: CalibrationTeam[];
  company: CalibrationTeam;
  /** Totals in 10-point bins for the histogram. */
  histogram: { from: number; to: number; count: number }[];
}

export interface AppraisalHistoryPoint {
  quarter: string;
  status: AppraisalStatus;
  total: number | null;
  grade: string | null;
  kpis: Record<string, { value: number | null; score: number | null }>;
}

export interface Incident {
  id: number;
  employeeNo: string;
  name: string;
  date: string;
  kind: 'violation' | 'major-loss';
  description: string;
  evidence: string | null;
  lossAmount: number | null;
  recordedBy: string;
}

const q = z.object({ quarter }).strict();
const person = employeeNo;
const reason = z.string().trim().max(500).optional();
const note = z.string().trim().max(2000);
const rating = z
  .object({ person, kpi: z.string().trim().min(1).max(32), score: z.number().finite(), note: note.nullish() })
  .strict();
const out = fileOut;

/** An appraisal's changes touch neither the settings nor the counts of the system's information. */
const APPRAISAL_KEEPS = ['settings/get', 'system/info'];

export const appraisalOps = {
  'appraisal/list': op<AppraisalListItem[]>()(z.object({}).strict().default({})),
  'appraisal/scheme': op<AppraisalSchemeInfo>()(q),
  'appraisal/save-scheme': op<AppraisalSchemeInfo>()(
    z.object({ quarter, definition: schemeDefinition, reason }).strict(),
    { mutates: true, keeps: APPRAISAL_KEEPS },
  ),
  'appraisal/compute': op<AppraisalComputed>()(q, { mutates: true, keeps: APPRAISAL_KEEPS }),
  'appraisal/show': op<AppraisalShow>()(z.object({ quarter, person: person.optional() }).strict()),
  'appraisal/rate': op<AppraisalPerson>()(z.object({ quarter, ...rating.shape }).strict(), {
    mutates: true,
    keeps: APPRAISAL_KEEPS,
  }),
  'appraisal/rate-many': op<{ rated: number }>()(
    z.object({ quarter, ratings: z.array(rating).min(1).max(50_000) }).strict(),
    { mutates: true, keeps: APPRAISAL_KEEPS },
  ),
  'appraisal/peer-rate': op<AppraisalPerson>()(
    z
      .object({
        quarter,
        person,
        rater: employeeNo,
        kpi: z.string().trim().min(1).max(32),
        level: z.number().finite(),
        comment: note.nullish(),
      })
      .strict(),
    { mutates: true, keeps: APPRAISAL_KEEPS },
  ),
  'appraisal/peer-ratings': op<PeerRating[]>()(z.object({ quarter, person: person.optional() }).strict()),
  'appraisal/delete-peer-rating': op<AppraisalPerson>()(z.object({ id: z.number().int().positive() }).strict(), {
    mutates: true,
    keeps: APPRAISAL_KEEPS,
  }),
  'appraisal/adjust': op<AppraisalPerson>()(
    z
      .object({
        quarter,
        person,
        total: z.number().finite().min(0).max(200).nullable(),
        reason: z.string().trim().min(1).max(500),
      })
      .strict(),
    { mutates: true, keeps: APPRAISAL_KEEPS },
  ),
  'appraisal/feedback': op<AppraisalPerson>()(
    z.object({ quarter, person, feedback: note.nullish(), selfAssessment: note.nullish() }).strict(),
    { mutates: true, keeps: APPRAISAL_KEEPS },
  ),
  'appraisal/decide-outcome': op<AppraisalOutcome>()(
    z
      .object({
        quarter,
        id: z.number().int().positive(),
        decision: z.enum(['confirmed', 'rejected', 'proposed']),
        reason,
      })
      .strict(),
    { mutates: true, keeps: APPRAISAL_KEEPS },
  ),
  'appraisal/submit': op<AppraisalListItem>()(z.object({ quarter, reason }).strict(), {
    mutates: true,
    keeps: APPRAISAL_KEEPS,
  }),
  'appraisal/approve': op<AppraisalListItem>()(z.object({ quarter, reason }).strict(), {
    mutates: true,
    keeps: APPRAISAL_KEEPS,
  }),
  'appraisal/lock': op<AppraisalListItem>()(z.object({ quarter, reason }).strict(), {
    mutates: true,
    keeps: APPRAISAL_KEEPS,
  }),
  'appraisal/reopen': op<AppraisalListItem>()(
    z.object({ quarter, reason: z.string().trim().min(1).max(500) }).strict(),
    { mutates: true, keeps: APPRAISAL_KEEPS },
  ),
  'appraisal/what-if': op<WhatIfResult>()(z.object({ quarter, definition: schemeDefinition }).strict()),
  'appraisal/calibration': op<CalibrationResult>()(q),
  'appraisal/history': op<AppraisalHistoryPoint[]>()(z.object({ person }).strict()),
  'appraisal/incidents': op<Incident[]>()(z.object({ quarter: quarter.optional() }).strict().default({})),
  'appraisal/record-incident': op<Incident>()(
    z
      .object({
        person,
        date: isoDate,
        kind: z.enum(['violation', 'major-loss']),
        description: z.string().trim().min(1).max(2000),
        evidence: z.string().trim().min(1).max(2000),
        lossAmount: z.number().finite().min(0).max(1e10).nullish(),
      })
      .strict(),
    { mutates: true, keeps: APPRAISAL_KEEPS },
  ),
  'appraisal/export': op<FileOut & { rows: number }>()(z.object({ quarter, out }).strict(), { long: true }),
  'report/appraisal-html': op<{ html: string; people: number }>()(
    z.object({ quarter, person: person.optional() }).strict(),
  ),
  'report/appraisal': op<FileOut & { people: number; format: 'html' | 'pdf' }>()(
    z.object({ quarter, person: person.optional(), format: z.enum(['html', 'pdf']), out }).strict(),
    { long: true },
  ),
  /** Desktop only: the system print dialog, or Electron's printToPDF with a save dialog (src-main/electron/print-report.ts). */
  'report/print': op<{ printed: boolean; file: string | null }>()(
    z.object({ quarter, person: person.optional(), mode: z.enum(['print', 'pdf']) }).strict(),
    { doors: ['ipc'] },
  ),
};
