import type { ParsedInput } from '../../contract';
import type { FileOut } from '../../contract/files';
import { writeCsv } from '../../excel/csv-writer';
import { writeXlsx, type WriteSheet } from '../../excel/xlsx-writer';
import { t } from '../../i18n/messages';
import type { ServiceContext } from '../context';
import { writeFileOut } from '../files/write';
import { careList } from './list';

/** P4.3: the day's (or week's) care list with the greetings filled in, for an SMS or e-mail tool. */
export function exportCareList(ctx: ServiceContext, input: ParsedInput<'care/export'>): FileOut & { rows: number } {
  const list = careList(
    ctx.db,
    { date: input.date, days: input.days, person: input.person, team: input.team },
    ctx.lang,
  );
  const h = (k: string) => t(ctx.lang, `customers.care.columns.${k}`);
  const text = (header: string, width = 14) => ({ header, format: 'text' as const, width });
  const sheet: WriteSheet = {
    name: t(ctx.lang, 'customers.care.export-sheet'),
    columns: [
      { header: h('date'), format: 'date', width: 12 },
      text(h('occasion')),
      text(h('customer'), 28),
      text(h('contact')),
      text(h('title')),
      text(h('mobile')),
      text(h('email'), 24),
      text(h('wechat')),
      text(h('salesperson')),
      text(h('text'), 60),
      text(h('sent')),
    ],
    rows: list.items.map((i) => [
      i.date,
      i.occasion,
      i.customer ?? '',
      i.contact ?? '',
      i.title,
      i.mobile,
      i.email,
      i.wechat,
      i.salespersonName,
      i.text,
      i.sent ? `${i.sent.date} ${i.sent.channel ?? ''}`.trim() : '',
    ]),
  };
  const bytes = input.format === 'csv' ? writeCsv(sheet) : writeXlsx([sheet]);
  const name = `${t(ctx.lang, 'customers.care.export-sheet')}-${list.from}.${input.format}`;
  return { ...writeFileOut(input.out, name, bytes), rows: list.items.length };
}
