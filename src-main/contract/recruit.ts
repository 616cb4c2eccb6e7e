import { z } from 'zod';
import { id, isoDate, optionalDate, optionalText } from './common';
import { op } from './define';
import { fileIn, fileOut, type FileOut } from './files';
import { email, employeeNo, phone, type StaffMember } from './team';

/** P5.1 channels: the job sites Chinese employers use, plus referrals, campus and agencies. */
export const CHANNELS = ['boss', 'zhilian', '51job', 'liepin', 'referral', 'campus', 'agency'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Lowest first: a criterion on education is met by this level or any above it. */
export const EDUCATION = ['highschool', 'college', 'bachelor', 'master', 'doctor'] as const;
export type Education = (typeof EDUCATION)[number];
export const ROUNDS = ['phone', 'first', 'second', 'final'] as const;
export type Round = (typeof ROUNDS)[number];
export const CRITERIA = [
  'education',
  'minYears',
  'experienceKinds',
  'industries',
  'skills',
  'languages',
  'locations',
] as const;
export type CriterionKey = (typeof CRITERIA)[number];
export const FUNNEL_STAGES = ['applied', 'screened', 'interviewed', 'offered', 'hired'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

const words = z.array(z.string().trim().min(1).max(60)).max(30);
const yuan = z.number().finite().min(0).max(1e9);

/** P5.1: what a candidate must bring; an absent criterion is not screened. */
export const criteria = z
  .object({
    education: z.enum(EDUCATION).optional(),
    minYears: z.number().finite().min(0).max(50).optional(),
    experienceKinds: words.optional(),
    industries: words.optional(),
    skills: words.optional(),
    languages: words.optional(),
    locations: words.optional(),
  })
  .strict();
export type Criteria = z.output<typeof criteria>;

/** What is known of a candidate, as the résumé or the job site gave it; blank = unknown. */
export const profile = z
  .object({
    education: z.enum(EDUCATION).nullish(),
    years: z.number().finite().min(0).max(60).nullish(),
    // what an import kept when the résumé's years were not one number: the cell's text, and its range
    // when it gives one ("3-5年" → 3…5, "10年以上" → from 10); screening compares the range (P5.2)
    yearsText: optionalText(60),
    yearsRange: z
      .object({
        min: z.number().finite().min(0).max(60).nullable(),
        max: z.number().finite().min(0).max(60).nullable(),
      })
      .strict()
      .nullish(),
    experienceKind: optionalText(60),
    industry: optionalText(60),
    skills: words.optional(),
    languages: words.optional(),
    location: optionalText(60),
  })
  .strict();
export type Profile = z.output<typeof profile>;

const interviewItem = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/, { message: 'kpi-key' }),
    label: z.string().trim().min(1).max(60),
  })
  .strict();

const planFields = z.object({
  title: z.string().trim().min(1).max(100),
  teamId: id.nullish(),
  jobTitle: optionalText(50),
  headcount: z.number().int().min(1).max(10000),
  criteria: criteria.default({}),
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).default([]),
  budget: yuan.default(0),
  startDate: optionalDate,
  endDate: optionalDate,
  requestedBy: employeeNo.nullish(),
  /** P5.3: items the plan adds to the appraisal's ability rubric on the scorecard. */
  interviewItems: z.array(interviewItem).max(10).default([]),
});

export const candidateFields = z.object({
  planId: id,
  name: z.string().trim().min(1).max(50),
  phone,
  email,
  channel: z.enum(CHANNELS),
  appliedDate: isoDate,
  profile: profile.default({}),
  notes: optionalText(2000),
});

export type Verdict = 'met' | 'not-met' | 'unknown';
export interface ScreeningResult {
  items: { criterion: CriterionKey; required: string; given: string | null; verdict: Verdict }[];
  /** Met criteria as a percent of the plan's criteria; null when the plan sets none. */
  score: number | null;
  suggested: 'pass' | 'hold' | 'reject';
}

export interface RecruitPlan {
  id: number;
  title: string;
  teamId: number | null;
  team: string | null;
  jobTitle: string | null;
  headcount: number;
  criteria: Criteria;
  channels: Channel[];
  budget: number;
  spent: number;
  startDate: string | null;
  endDate: string | null;
  requestedBy: string | null;
  approval: 'draft' | 'submitted' | 'approved' | 'rejected';
  approvedBy: string | null;
  approvedAt: string | null;
  status: 'open' | 'closed';
  interviewItems: { key: string; label: string }[];
  progress: { applied: number; hired: number; headcount: number };
}

export interface Candidate {
  id: number;
  planId: number | null;
  plan: string | null;
  name: string;
  phone: string | null;
  email: string | null;
  channel: string | null;
  appliedDate: string | null;
  status: 'new' | 'screened' | 'interview' | 'offer' | 'hired' | 'rejected';
  profile: Profile;
  screening: ScreeningResult | null;
  screenDecision: 'pass' | 'hold' | 'reject' | null;
  screenReason: string | null;
  offerDate: string | null;
  offerResponse: 'accepted' | 'declined' | null;
  offerReason: string | null;
  employeeNo: string | null;
  hiredDate: string | null;
  resume: string | null;
  /** Other candidates with the same phone or e-mail (P5.2: one person applying through several channels). */
  duplicates: { id: number; name: string; channel: string | null }[];
  notes: string | null;
}

export interface RubricLevel {
  level: number;
  label: string;
  description: string;
}
export interface ScorecardItem {
  key: string;
  label: string;
  /** From the appraisal's scheme, or added by the plan (then the plain level names apply). */
  fromAppraisal: boolean;
  levels: RubricLevel[];
}

export interface InterviewCard {
  id: number;
  round: Round | null;
  date: string;
  interviewer: string | null;
  interviewerName: string | null;
  scores: Record<string, number>;
  mean: number | null;
  recommendation: 'hire' | 'hold' | 'reject' | null;
  notes: string | null;
}
export interface InterviewPanel {
  candidateId: number;
  items: ScorecardItem[];
  cards: InterviewCard[];
  /** Per item: the panel's mean level, and the spread (highest − lowest) between interviewers. */
  summary: { key: string; mean: number | null; spread: number | null; n: number }[];
  overall: number | null;
  recommendations: Record<string, number>;
}

export interface FunnelRow {
  key: string;
  stages: { stage: FunnelStage; count: number }[];
  hired: number;
  timeToHireDays: number | null;
  cost: number;
  costPerHire: number | null;
}
export interface Funnel extends FunnelRow {
  planId: number | null;
  byChannel: FunnelRow[];
}

export interface Prediction {
  from: string;
  hires: number;
  items: { key: string; label: string; n: number; r: number | null }[];
  overall: { n: number; r: number | null };
  people: {
    employeeNo: string;
    name: string;
    quarter: string;
    total: number;
    scores: Record<string, number | null>;
    overall: number | null;
  }[];
}

const planRef = z.object({ id }).strict();
const candidateRef = z.object({ candidateId: id }).strict();

export const recruitOps = {
  'recruit/plans': op<RecruitPlan[]>()(
    z
      .object({ status: z.enum(['open', 'closed']).optional() })
      .strict()
      .default({}),
  ),
  'recruit/plan-save': op<RecruitPlan>()(planFields.extend({ id: id.optional() }).strict(), { mutates: true }),
  'recruit/plan-submit': op<RecruitPlan>()(planRef, { mutates: true }),
  /** P5.1: the requesting manager's own superior approves or rejects. */
  'recruit/plan-approve': op<RecruitPlan>()(
    z.object({ id, approver: employeeNo, approve: z.boolean(), reason: optionalText(500) }).strict(),
    { mutates: true },
  ),
  'recruit/plan-close': op<RecruitPlan>()(planRef, { mutates: true }),
  'recruit/cost-add': op<{ id: number }>()(
    z.object({ planId: id, channel: z.enum(CHANNELS), date: isoDate, amount: yuan, note: optionalText(200) }).strict(),
    { mutates: true },
  ),
  'recruit/candidates': op<Candidate[]>()(z.object({ planId: id.optional() }).strict().default({})),
  'recruit/candidate-save': op<Candidate>()(candidateFields.extend({ id: id.optional() }).strict(), { mutates: true }),
  'recruit/attach-resume': op<Candidate>()(z.object({ candidateId: id, file: fileIn }).strict(), { mutates: true }),
  'recruit/screening': op<ScreeningResult>()(candidateRef),
  'recruit/screen': op<Candidate>()(
    z
      .object({
        candidateId: id,
        decision: z.enum(['pass', 'hold', 'reject']),
        reason: optionalText(500),
        date: optionalDate,
      })
      .strict(),
    { mutates: true },
  ),
  'recruit/scorecard-items': op<ScorecardItem[]>()(candidateRef),
  'recruit/interviews': op<InterviewPanel>()(candidateRef),
  'recruit/interview-score': op<InterviewPanel>()(
    z
      .object({
        candidateId: id,
        round: z.enum(ROUNDS),
        date: isoDate,
        interviewer: employeeNo,
        scores: z.record(z.string().max(32), z.number().int()),
        recommendation: z.enum(['hire', 'hold', 'reject']).nullish(),
        notes: optionalText(2000),
      })
      .strict(),
    { mutates: true },
  ),
  'recruit/offer': op<Candidate>()(z.object({ candidateId: id, date: isoDate }).strict(), { mutates: true }),
  'recruit/offer-response': op<Candidate>()(
    z.object({ candidateId: id, response: z.enum(['accepted', 'declined']), reason: optionalText(500) }).strict(),
    { mutates: true },
  ),
  /** Hire: the accepted candidate becomes exactly one staff record, with nothing typed twice. */
  'recruit/hire': op<{ candidate: Candidate; staff: StaffMember }>()(
    z
      .object({
        candidateId: id,
        employeeNo,
        startDate: isoDate,
        probationMonths: z.number().int().min(0).max(6).default(3),
        title: optionalText(50),
        teamId: id.nullish(),
        manager: employeeNo.nullish(),
      })
      .strict(),
    { mutates: true },
  ),
  'recruit/funnel': op<Funnel>()(z.object({ planId: id.optional() }).strict().default({})),
  'recruit/prediction': op<Prediction>()(
    z
      .object({ years: z.number().int().min(1).max(10).default(2) })
      .strict()
      .default({ years: 2 }),
  ),
  /** P5.3: the blank scorecard for interviewers who score on paper (A4, the rubric's levels spelled out). */
  'report/interview-scorecard': op<FileOut>()(
    z.object({ candidateId: id, round: z.enum(ROUNDS).optional(), out: fileOut }).strict(),
  ),
};
