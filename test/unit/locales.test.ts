import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../src-shared/locales/en.json';
import zh from '../../src-shared/locales/zh-CN.json';

const flat = (o: object, p = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? flat(v, `${p}${k}.`) : [`${p}${k}`]));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

describe('languages kept in step (architecture: the renderer)', () => {
  it('has every key in both Simplified Chinese and English', () => {
    const a = new Set(flat(zh));
    const b = new Set(flat(en));
    expect([...a].filter((k) => !b.has(k))).toEqual([]);
    expect([...b].filter((k) => !a.has(k))).toEqual([]);
  });

  it('has a message in both languages for every error code the services raise', () => {
    const root = path.resolve(__dirname, '../../src-main');
    const codes = new Set<string>();
    for (const file of sources(root)) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/WorkbenchError\(\s*'([a-z0-9-]+\/[a-z0-9-]+)'/g))
        codes.add(m[1]);
    }
    expect(codes.size).toBeGreaterThan(5);
    const missing = [...codes].filter((c) => !(c in en.errors) || !(c in zh.errors));
    expect(missing).toEqual([]);
  });
});
