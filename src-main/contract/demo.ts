import { z } from 'zod';
import { isoDate } from './common';
import { op } from './define';

export interface DemoResult {
  size: 'small' | 'large';
  seed: number;
  today: string;
  teams: number;
  staff: number;
  customers: number;
  products: number;
  orders: number;
  surveyResponses: number;
  surveyAnswers: number;
  tickets: number;
  /** The quarter whose appraisal the demo leaves in progress. */
  reviewQuarter: string;
  targetYear: number;
}

export const demoOps = {
  'demo/create': op<DemoResult>()(
    z
      .object({
        size: z.enum(['small', 'large']).default('small'),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1)
          .default(42),
        /** The demo's "today" (defaults to the real date): orders run up to the month before it. */
        today: isoDate.optional(),
        companyName: z.string().trim().min(1).max(100).optional(),
      })
      .strict(),
    { long: true, mutates: true },
  ),
};
