import { describe, expect, it } from 'vitest';
import en from '../../src-shared/locales/en.json';
import zh from '../../src-shared/locales/zh-CN.json';
import i18n from '../../src-renderer/i18n/i18n';
import { t } from '../../src-main/i18n/messages';

/** Numbers in messages use the language's separators: "删除 20,259 行", not "删除 20259 行". */

const flat = (o: object, p = ''): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? flat(v, `${p}${k}.`) : [[`${p}${k}`, String(v)] as [string, string]],
  );

/** Placeholder names that carry a count or a quantity wherever they appear (ids, years, rows and versions do not). */
const COUNTS = [
  'count',
  'n',
  'total',
  'rows',
  'skipped',
  'invalid',
  'valid',
  'shown',
  'inserted',
  'done',
  'updated',
  'unchanged',
  'deleted',
  'created',
  'restored',
  'cells',
  'responses',
  'questions',
  'answers',
  'customers',
  'orders',
  'products',
  'staff',
  'changes',
  'withoutSalesperson',
  'existing',
  'read',
  'maxMb',
  'totalMb',
  'seconds',
  'minutes',
];

describe('numbers in messages (locale separators)', () => {
  it('every count placeholder in both locale files is formatted as a number', () => {
    const bare: string[] = [];
    for (const [file, data] of [
      ['en', en],
      ['zh-CN', zh],
    ] as const) {
      for (const [key, text] of flat(data)) {
        for (const m of text.matchAll(/\{\{\s*([A-Za-z]+)\s*\}\}/g))
          if (COUNTS.includes(m[1])) bare.push(`${file}: ${key} {{${m[1]}}}`);
      }
    }
    expect(bare).toEqual([]);
  });

  it('both languages format the same placeholders the same way', () => {
    const zhMap = new Map(flat(zh));
    const differ: string[] = [];
    const placeholders = (s: string) => [...s.matchAll(/\{\{([^}]+)\}\}/g)].map((m) => m[1].replace(/\s+/g, '')).sort();
    for (const [key, text] of flat(en)) {
      const other = zhMap.get(key.replace(/_(one|other)$/, '_other')) ?? zhMap.get(key);
      if (other === undefined) continue;
      const a = [...new Set(placeholders(text))].filter((p) => p.includes(','));
      const b = new Set(placeholders(other));
      for (const p of a) if (!b.has(p) && b.has(p.split(',')[0])) differ.push(`${key}: ${p}`);
    }
    expect(differ).toEqual([]);
  });

  it('the main process writes 20,259 in both languages (CLI and error messages)', () => {
    expect(t('zh-CN', 'importExport.cli.undone', { id: 12, deleted: 20259, restored: 3848, backup: 'b.db' })).toBe(
      '已撤销导入 #12：删除 20,259 行，恢复 3,848 行（备份 b.db）。',
    );
    expect(t('en', 'importExport.cli.undone', { id: 12, deleted: 20259, restored: 0, backup: 'b.db' })).toContain(
      '20,259',
    );
    // A value given already formatted, or a list of names, stays as it is (not NaN).
    expect(t('en', 'targets.cli.prorated', { people: 'Li Lei (E002)' })).toContain('Li Lei (E002)');
    expect(
      t('en', 'errors.targets/base-incomplete', {
        year: 2026,
        missing: '12',
        lastOrder: '2026-12-02',
        today: '2026-12-03',
      }),
    ).toContain('month(s) 12 have');
  });

  it('the window writes 3,848 in both languages', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('appraisal.ui.provisional', { count: 3848 })).toMatch(/^还有 3,848 项评分未完成/);
    await i18n.changeLanguage('en');
    expect(i18n.t('appraisal.ui.provisional', { count: 3848 })).toContain('3,848');
    expect(i18n.t('importExport.ui.undone', { id: 7, deleted: 20259, restored: 1 })).toContain('20,259');
  });
});
