import { describe, expect, it } from 'vitest';
import { gridLocaleKeys, gridLocaleText } from '../../src-renderer/components/gridLocaleText';
import en from '../../src-shared/locales/en.json';
import zhCN from '../../src-shared/locales/zh-CN.json';

/** Every leaf key; plural suffixes are folded so that zh (one form) and en (two forms) compare equal. */
function keys(obj: unknown, prefix = ''): string[] {
  if (Array.isArray(obj)) return [`${prefix}[${obj.length}]`, ...obj.flatMap((v, i) => keys(v, `${prefix}[${i}]`))];
  if (obj && typeof obj === 'object')
    return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  return [prefix.replace(/_(zero|one|two|few|many|other)$/, '')];
}

describe('renderer locales', () => {
  it('zh-CN and en hold the same keys', () => {
    const a = new Set(keys(zhCN));
    const b = new Set(keys(en));
    expect([...a].filter((k) => !b.has(k))).toEqual([]);
    expect([...b].filter((k) => !a.has(k))).toEqual([]);
  });

  it('AG Grid gets Chinese text for every key it shows', () => {
    const zh = gridLocaleText('zh-CN');
    for (const k of gridLocaleKeys) expect(zh[k], k).toBeTruthy();
    expect(zh.contains).toBe('包含');
  });
});
