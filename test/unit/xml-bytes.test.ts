import { describe, expect, it } from 'vitest';
import { fastNumber, TextCache } from '../../src-main/excel/xml-bytes';
import { decodeXml } from '../../src-main/excel/xml-text';

/**
 * The worksheet scanner reads values from the sheet's bytes (issue 10 item 16): each shortcut must give
 * exactly what the decoded text gives, so that no imported value (P2.6's order lines among them) ever
 * differs from its cell. Checked against Number() and decodeXml() on the same text.
 */
let seed = 12345;
const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('numbers read from their digits are the numbers Number() reads', () => {
  it('every decimal form a writer puts in <v>, and the forms left to Number()', () => {
    const samples = [
      '0',
      '-0',
      '1700.92',
      '18710.12',
      '0.1',
      '.5',
      '5.',
      '-0.000123',
      '45995',
      '007',
      '123456789012345',
    ];
    for (let i = 0; i < 20_000; i++) {
      const digits = 1 + rnd(17);
      let s = rnd(5) === 0 ? '-' : '';
      const point = rnd(digits + 2);
      for (let k = 0; k < digits; k++) s += (k === point ? '.' : '') + String(rnd(10));
      samples.push(s);
    }
    for (const s of samples) {
      const n = fastNumber(bytes(s), 0, s.length);
      // NaN hands the text to Number(); any other answer must be Number()'s own, -0 included.
      if (!Number.isNaN(n)) expect(Object.is(n, Number(s)), s).toBe(true);
    }
    for (const s of ['', '-', '.', '1e5', '0x1A', ' 1', '1,5', 'Infinity', '1234567890123456'])
      expect(fastNumber(bytes(s), 0, s.length), s).toBeNaN();
  });
});

describe('texts decoded once per distinct byte string are the texts decodeXml gives', () => {
  it('plain, entities, _xHHHH_ escapes, UTF-8 and long texts, repeated in several columns', () => {
    const texts = [
      'BENCH-000001',
      '&#23458;&#25143;2056&#26377;&#38480;&#20844;&#21496;',
      '智能门锁 X1',
      'A&amp;B &lt;c&gt;',
      'line_x000D_break',
      'S0017',
      'x'.repeat(300),
      '&#20135;'.repeat(40),
      '',
    ];
    const cache = new TextCache();
    for (let i = 0; i < 5000; i++) {
      const t = i % 3 === 0 ? `ORDER-${i}` : texts[rnd(texts.length)];
      const b = bytes(`<t>${t}</t>`);
      expect(cache.text(b, 3, 3 + Buffer.byteLength(t), rnd(70))).toBe(decodeXml(t));
    }
  });
});
