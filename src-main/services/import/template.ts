import { writeXlsx } from '../../excel/xlsx-writer';
import { t, type Lang } from '../../i18n/messages';
import { columnFormat } from './field-format';
import type { ImportKind } from './kinds/types';

/** A blank import template: the kind's fields as headers (required ones marked *), one example row, drop-down lists for fixed values. */
export function templateWorkbook(kind: ImportKind<unknown>, lang: Lang): Uint8Array {
  const fields = kind.fields.filter((f) => !f.repeat);
  const yes = t(lang, 'importExport.template.yes');
  const no = t(lang, 'importExport.template.no');
  const columns = fields.map((f) => ({
    header: `${t(lang, f.label)}${f.required ? ' *' : ''}`,
    format: columnFormat(f),
    list: f.type === 'enum' ? f.values : f.type === 'bool' ? [yes, no] : undefined,
  }));
  const example = fields.map((f) => {
    if (f.example === undefined || f.example === '') return null;
    if (f.type === 'bool') return yes;
    return f.example;
  });
  return writeXlsx([{ name: t(lang, kind.label), columns, rows: [example] }]);
}
