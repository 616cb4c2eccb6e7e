import type { ImportDefault } from '../../contract/import';
import { t, type Lang } from '../../i18n/messages';
import type { Analysis } from './pipeline';
import type { ImportField } from './kinds/types';

/**
 * What the answer says about fields stored with their default (ImportField.default): the sheet gave no
 * value, so what is written differs from the file, and the manager is told which value and for how many
 * records (rule: never store a value that differs from what the user gave without saying so).
 */
function defaultText(lang: Lang, f: ImportField): string {
  const v = f.default!.value;
  if (typeof v === 'boolean') return t(lang, v ? 'importExport.template.yes' : 'importExport.template.no');
  if (f.type === 'money' && typeof v === 'number') return String(v / 100);
  if (f.key === 'status' || f.key === 'stage') return t(lang, `importExport.values.${f.key}.${String(v)}`);
  return String(v);
}

/** `stored`: the records written with each default (a commit's or dry run's count), when known. */
export function describeDefaults(
  a: Pick<Analysis, 'kind' | 'defaulted'>,
  lang: Lang,
  stored?: Record<string, number>,
): ImportDefault[] {
  return a.defaulted.map((d) => {
    const f = a.kind.fields.find((x) => x.key === d.field)!;
    const value = defaultText(lang, f);
    const label = t(lang, f.label);
    const count = stored ? (stored[d.field] ?? (f.default!.newOnly ? 0 : d.blank)) : null;
    const params = { field: label, value, count: d.blank, n: d.blank.toLocaleString(lang) };
    const what = t(lang, `importExport.defaults.${d.noColumn ? 'noColumn' : 'blank'}`, params);
    const rule = t(lang, `importExport.defaults.${f.default!.newOnly ? 'newOnly' : 'all'}`, params);
    const done =
      count === null ? '' : t(lang, 'importExport.defaults.stored', { count, n: count.toLocaleString(lang), value });
    return {
      field: d.field,
      label,
      value,
      noColumn: d.noColumn,
      blank: d.blank,
      stored: count,
      message: [what, rule, done].filter(Boolean).join(lang === 'en' ? ' ' : ''),
    };
  });
}
