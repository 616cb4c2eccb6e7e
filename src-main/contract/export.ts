import { z } from 'zod';
import { pageRequest } from './common';
import { op } from './define';
import { fileOut, type FileOut } from './files';

const format = z.enum(['xlsx', 'csv']).optional();

export type ExportResult = FileOut & { rows: number };

const cellValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);

export const exportOps = {
  /** A kind's data (cli.md "export"), in the import's canonical columns: it imports back unchanged. */
  'export/run': op<ExportResult>()(
    z
      .object({
        kind: z.string().trim().min(1).max(40),
        out: fileOut,
        format,
        year: z.number().int().min(1900).max(2200).optional(),
        quarter: z
          .string()
          .regex(/^\d{4}Q[1-4]$/)
          .optional(),
        survey: z.number().int().positive().optional(),
      })
      .strict(),
    { long: true },
  ),
  /** "Export what the grid shows" for the server-paged grids: the same filters, sort and search as customers/page or orders/page. */
  'export/grid': op<ExportResult>()(
    z
      .object({
        source: z.enum(['customers', 'orders']),
        request: pageRequest
          .omit({ offset: true, limit: true })
          .strict()
          .default({ sort: [], filters: {}, search: '' }),
        /** The grid's visible columns in their order, with the headers it shows. */
        columns: z
          .array(z.object({ field: z.string().max(40), header: z.string().max(200) }).strict())
          .max(60)
          .optional(),
        format,
        out: fileOut,
      })
      .strict(),
    { long: true },
  ),
  /** "Export what the grid shows" for grids that hold their rows in the window (roster, targets…). */
  'export/rows': op<ExportResult>()(
    z
      .object({
        name: z.string().trim().min(1).max(100),
        columns: z
          .array(
            z
              .object({
                header: z.string().max(200),
                format: z.enum(['text', 'int', 'number', 'money', 'date', 'percent', 'bool']).default('text'),
              })
              .strict(),
          )
          .min(1)
          .max(200),
        rows: z.array(z.array(cellValue).max(200)).max(200_000),
        format,
        out: fileOut,
      })
      .strict(),
    { long: true },
  ),
};
