import { writeXlsx } from '../../excel/xlsx-writer';
import { t, type Lang } from '../../i18n/messages';
import { columnFormat } from './field-format';
import type { ImportField, ImportKind } from './kinds/types';

/**
 * A fixed value as a template or an export in `lang` writes it: 在职, not "active", in a Chinese workbook
 * (issue 10 item 14). Every such word is one the import reads back (test/integration/export-roundtrip.test.ts).
 */
export function valueLabel(lang: Lang, field: ImportField, value: string): string {
  return t(lang, `importExport.values.${field.key}.${value}`, { defaultValue: value });
}

/** A blank import template: the kind's fields as headers (required ones marked *), one example row, drop-down lists in the template's language. */
export function templateWorkbook(kind: ImportKind<unknown>, lang: Lang): Uint8Array {
  const fields = kind.fields.filter((f) => !f.repeat);
  const yes = t(lang, 'importExport.template.yes');
  const no = t(lang, 'importExport.template.no');
  const columns = fields.map((f) => ({
    header: `${t(lang, f.label)}${f.required ? ' *' : ''}`,
    format: columnFormat(f),
    list: f.type === 'enum' ? f.values?.map((v) => valueLabel(lang, f, v)) : f.type === 'bool' ? [yes, no] : undefined,
  }));
  const example = fields.map((f) => {
    if (f.example === undefined || f.example === '') return null;
    if (f.type === 'bool') return yes;
    if (f.type === 'enum') return valueLabel(lang, f, String(f.example));
    return f.example;
  });
  return writeXlsx([{ name: t(lang, kind.label), columns, rows: [example] }]);
}
