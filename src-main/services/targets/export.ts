import type { FileOut, FileOutTarget } from '../../contract/files';
import { writeXlsx } from '../../excel/xlsx-writer';
import { t } from '../../i18n/messages';
import type { ServiceContext } from '../context';
import { writeFileOut } from '../files/write';
import { targetsKind } from '../import/kinds/targets';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The year's plan as the wide sheet managers keep (P2.2 item 9): one row per salesperson, a column per
 * month and the year total, amounts in yuan. It imports back unchanged with `import targets`.
 */
export function exportTargets(ctx: ServiceContext, input: { year: number; out?: FileOutTarget }): FileOut {
  const records = targetsKind.exportRecords!(ctx.db, { year: input.year });
  const label = (k: string) => t(ctx.lang, `targets.import.fields.${k}`);
  const monthHeader = (m: number) => (ctx.lang === 'zh-CN' ? `${m}月` : EN_MONTHS[m - 1]);
  const columns = [
    { header: label('salesperson'), format: 'text' as const, width: 12 },
    { header: label('name'), format: 'text' as const, width: 12 },
    { header: label('team'), format: 'text' as const, width: 14 },
    { header: label('year'), format: 'int' as const, width: 8 },
    ...Array.from({ length: 12 }, (_, k) => ({ header: monthHeader(k + 1), format: 'money' as const, width: 14 })),
    { header: label('yearTotal'), format: 'money' as const, width: 16 },
  ];
  const rows = records.map((r) => {
    const months = r.months as Record<string, number>;
    return [
      r.salesperson as string,
      r.name as string,
      r.team as string,
      r.year as number,
      ...Array.from({ length: 12 }, (_, k) => months[String(k + 1)] / 100),
      (r.yearTotal as number) / 100,
    ];
  });
  const bytes = writeXlsx([{ name: t(ctx.lang, 'targets.import.kind'), columns, rows }]);
  return writeFileOut(input.out, `${t(ctx.lang, 'targets.import.kind')}-${input.year}.xlsx`, bytes);
}
