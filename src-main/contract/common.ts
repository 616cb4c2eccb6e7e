import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { z } from 'zod';

dayjs.extend(customParseFormat);

export const isoDate = z
  .string()
  .trim()
  .refine((s) => dayjs(s, 'YYYY-MM-DD', true).isValid(), { message: 'date' });

/** An optional text field: blank means "not given". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullish();

export const optionalDate = z
  .union([z.literal(''), isoDate])
  .transform((s) => (s === '' ? null : s))
  .nullish();

export const id = z.number().int().positive();
export const empty = z.object({}).strict().default({});

export const pageRequest = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
  sort: z
    .array(z.object({ field: z.string().max(40), dir: z.enum(['asc', 'desc']) }))
    .max(4)
    .default([]),
  /** Column filters from the grid: text contains / equals, number and date ranges. */
  filters: z
    .record(
      z.string().max(40),
      z.object({
        type: z.enum(['contains', 'equals', 'gte', 'lte', 'between', 'in']),
        value: z.union([z.string().max(200), z.number()]).optional(),
        valueTo: z.union([z.string().max(200), z.number()]).optional(),
        values: z.array(z.string().max(200)).max(200).optional(),
      }),
    )
    .default({}),
  search: z.string().trim().max(200).default(''),
});
export type PageRequest = z.output<typeof pageRequest>;

export interface Page<T> {
  rows: T[];
  total: number;
}
