import dayjs from 'dayjs';
import type { z } from 'zod';
import { WorkbenchError } from '../../contract/errors';
import { exportOps } from '../../contract/export';
import type { WriteValue } from '../../excel/xlsx-writer';
import { t } from '../../i18n/messages';
import type { ServiceContext } from '../context';
import type { HandlersOf } from '../handler-types';
import { columnFormat, outputValue } from '../import/field-format';
import { valueLabel } from '../import/template';
import { customersPage, ordersPage } from '../records/lists';
import { getExportKind } from './kinds';
import { writeSheet } from './write';

/** Exports: a kind's data in import columns (imports back unchanged), a grid's view, or rows a grid holds. */
const MAX_GRID_ROWS = 500_000;

type RunInput = z.output<(typeof exportOps)['export/run']['input']>;
type GridInput = z.output<(typeof exportOps)['export/grid']['input']>;

function exportKind(ctx: ServiceContext, input: RunInput) {
  const kind = getExportKind(input.kind);
  ctx.progress(0, 1, 'progress.exportRead');
  const records = kind.exportRecords(ctx.db, { year: input.year, quarter: input.quarter, survey: input.survey });
  ctx.checkCancelled();
  const fields = kind.fields.filter((f) => !f.repeat);
  const rows: WriteValue[][] = new Array(records.length);
  // Each record is dropped as soon as its row is made, so the two never both exist in full.
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    // Fixed values in the words of the language asked for (在职, not "active"); they import back the same.
    rows[i] = fields.map((f) =>
      f.type === 'enum' && typeof r[f.key] === 'string'
        ? valueLabel(ctx.lang, f, r[f.key] as string)
        : (outputValue(f, r[f.key]) as WriteValue),
    );
    (records as unknown[])[i] = undefined;
  }
  ctx.progress(records.length, records.length, 'progress.exportWrite');
  const sheet = {
    name: t(ctx.lang, kind.label),
    columns: fields.map((f) => ({ header: t(ctx.lang, f.label), format: columnFormat(f) })),
    rows,
  };
  return writeSheet(sheet, `${t(ctx.lang, kind.label)}-${dayjs().format('YYYYMMDD')}`, input.out, input.format);
}

const GRID_FORMATS: Record<string, Record<string, 'money' | 'date' | 'number' | 'int'>> = {
  orders: { line: 'int', date: 'date', quantity: 'number', unitPrice: 'money', amount: 'money', profit: 'money' },
  customers: { orders: 'int', revenue: 'money', lastOrderDate: 'date' },
};
/** Columns holding codes the grid shows translated (stage 'lead' → 线索 / Lead): the file says what the grid says. */
const GRID_LABELS: Record<string, Record<string, string>> = {
  orders: { channel: 'records.channel' },
  customers: { stage: 'records.stage', segment: 'records.segment' },
};
const GRID_DEFAULT: Record<string, string[]> = {
  orders: [
    'orderNo',
    'line',
    'date',
    'customerName',
    'salespersonName',
    'teamName',
    'productName',
    'category',
    'channel',
    'quantity',
    'unitPrice',
    'amount',
    'profit',
  ],
  customers: [
    'code',
    'name',
    'stage',
    'segment',
    'industry',
    'province',
    'city',
    'ownerName',
    'orders',
    'revenue',
    'lastOrderDate',
  ],
};

function exportGrid(ctx: ServiceContext, input: GridInput) {
  ctx.progress(0, 1, 'progress.exportRead');
  const req = { ...input.request, offset: 0, limit: MAX_GRID_ROWS + 1 };
  const page = input.source === 'orders' ? ordersPage(ctx.db, req) : customersPage(ctx.db, req);
  if (page.total > MAX_GRID_ROWS)
    throw new WorkbenchError('export/too-many-rows', {
      rows: page.total.toLocaleString(ctx.lang),
      max: MAX_GRID_ROWS.toLocaleString(ctx.lang),
    });
  ctx.checkCancelled();
  const cols =
    input.columns ??
    GRID_DEFAULT[input.source].map((field) => ({ field, header: t(ctx.lang, `records.${input.source}.col.${field}`) }));
  const known = new Set(GRID_DEFAULT[input.source]);
  for (const c of cols) if (!known.has(c.field)) throw new WorkbenchError('export/unknown-column', { column: c.field });
  const formats = GRID_FORMATS[input.source];
  const labels = GRID_LABELS[input.source];
  const seen = new Map<string, string>(); // a few distinct codes in up to 500,000 rows: translate each once
  const label = (field: string, v: WriteValue): WriteValue => {
    if (!labels[field] || typeof v !== 'string' || v === '') return v;
    const key = `${labels[field]}.${v}`;
    let text = seen.get(key);
    if (text === undefined) seen.set(key, (text = t(ctx.lang, key, { defaultValue: v })));
    return text;
  };
  const rows = (page.rows as unknown as Record<string, WriteValue>[]).map((r) =>
    cols.map((c) => label(c.field, r[c.field])),
  );
  ctx.progress(rows.length, rows.length, 'progress.exportWrite');
  const name = t(ctx.lang, `records.${input.source}.tab`);
  return writeSheet(
    { name, columns: cols.map((c) => ({ header: c.header, format: formats[c.field] ?? 'text' })), rows },
    `${name}-${dayjs().format('YYYYMMDD')}`,
    input.out,
    input.format,
  );
}

export const exportHandlers = {
  'export/run': (ctx, input) => exportKind(ctx, input),
  'export/grid': (ctx, input) => exportGrid(ctx, input),
  'export/rows': (_ctx, input) =>
    writeSheet(
      { name: input.name, columns: input.columns, rows: input.rows },
      `${input.name}-${dayjs().format('YYYYMMDD')}`,
      input.out,
      input.format,
    ),
} satisfies HandlersOf<typeof exportOps>;
