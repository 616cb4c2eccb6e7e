import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src-renderer/components/chartText';

// Issue 17 item 14: a salesperson's name in a chart tooltip is text, never HTML.
describe('chart tooltip text', () => {
  it('escapes markup, quotes and ampersands, and leaves other text alone', () => {
    expect(escapeHtml('<svg onload="alert(1)">')).toBe('&lt;svg onload=&quot;alert(1)&quot;&gt;');
    expect(escapeHtml("O'Brien & 张伟")).toBe('O&#39;Brien &amp; 张伟');
    expect(escapeHtml('<img src=x onerror=alert(1)>')).not.toMatch(/[<>]/);
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });

  it('is used by every chart formatter that returns HTML', () => {
    const root = path.resolve(__dirname, '../../src-renderer');
    const files = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) =>
          e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
        );
    // A formatter function whose first template string holds a tag.
    const builds = (text: string) =>
      [...text.matchAll(/formatter:\s*\([^)]*\)\s*=>\s*\{?[^`]{0,400}?`([^`]*)`/g)].some((m) =>
        /<(br|b|div|span|strong|p|table|tr|td)\b/.test(m[1]),
      );
    const html = { test: (text: string) => builds(text) };
    const offenders = files(root).filter(
      (f) => html.test(fs.readFileSync(f, 'utf8')) && !fs.readFileSync(f, 'utf8').includes('escapeHtml('),
    );
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
    // The guard finds the one formatter that builds HTML today.
    expect(
      files(root)
        .filter((f) => html.test(fs.readFileSync(f, 'utf8')))
        .map((f) => path.basename(f)),
    ).toContain('SalespersonNps.tsx');
  });
});
