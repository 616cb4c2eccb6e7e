import { describe, expect, it } from 'vitest';
import { scanSheet } from '../../src-main/excel/xlsx-sheet-scanner';
import { readSharedStrings } from '../../src-main/excel/xlsx-shared-strings';
import type { ZipArchive, ZipEntry } from '../../src-main/excel/zip-archive';

/**
 * The readers get a part's text in slices (issue #17 item 8: never the whole sheet); a tag, an entity
 * or a character cut between two slices must read exactly as the whole text does. Every slice size
 * from 1 to 40 bytes puts a cut at every position of every tag below.
 */
const entry = { name: 'part.xml' } as ZipEntry;
const sliced = (xml: string, size: number) =>
  ({
    stream(_e: ZipEntry, onChunk: (c: Uint8Array, final: boolean) => boolean | void) {
      const bytes = Buffer.from(xml, 'utf8');
      for (let i = 0; i < bytes.length; i += size)
        if (onChunk(bytes.subarray(i, i + size), i + size >= bytes.length) === false) return;
    },
  }) as unknown as ZipArchive;

const SST = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6"><si><t>订单编号</t></si><si><t xml:space="preserve"> A&amp;B </t></si><si/><si><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r><rPh><t>ふ</t></rPh></si><si><t>&#23458;&#25143;</t></si><si><t>last</t></si></sst>`;
const EXPECTED_SST = ['订单编号', ' A&B ', '', '富文本', '客户', 'last'];

const SHEET = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:C4"/><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>&#37329;&#39069;</x:t></x:is></x:c></x:row><x:row r="2"/><x:row r="3" spans="1:3"><x:c r="A3" t="s"><x:v>4</x:v></x:c><x:c r="B3"><x:f>1+1</x:f><x:v>2.5</x:v></x:c><x:c r="C3" t="b"><x:v>1</x:v></x:c></x:row><x:row r="4"><x:c r="B4" t="str"><x:v>a&lt;b</x:v></x:c></x:row></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>`;

describe('slices cut anywhere read like the whole text (issue #17 item 8)', () => {
  it('shared strings', () => {
    for (let size = 1; size <= 40; size++)
      expect(readSharedStrings(sliced(SST, size), entry, 'f.xlsx'), `slice ${size}`).toEqual(EXPECTED_SST);
  });

  it('a worksheet with a namespace prefix, formulas, booleans, entities and merges', () => {
    const ctx = { sst: EXPECTED_SST, styles: { kinds: [] }, date1904: false, file: 'f.xlsx' };
    const whole = scanSheet(sliced(SHEET, 1 << 20), entry, 'S', ctx);
    expect(whole.rows).toEqual([
      { r: 1, cells: ['订单编号', '金额'] },
      { r: 3, cells: ['客户', 2.5, true] },
      { r: 4, cells: [null, 'a<b'] },
    ]);
    expect(whole.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
    for (let size = 1; size <= 40; size++)
      expect(scanSheet(sliced(SHEET, size), entry, 'S', ctx), `slice ${size}`).toEqual(whole);
  });

  it('an unclosed row or shared string is refused however it is sliced', () => {
    const ctx = { sst: [], styles: { kinds: [] }, date1904: false, file: 'f.xlsx' };
    const bad = SHEET.replace('</x:row><x:row r="4">', '<x:row r="4">');
    for (const size of [1, 7, 1 << 20]) {
      expect(() =>
        scanSheet(
          sliced(bad.replace(/<x:row r="4">[\s\S]*<\/x:row>/, '<x:row r="4"><x:c r="B4"><x:v>1</x:v></x:c>'), size),
          entry,
          'S',
          ctx,
        ),
      ).toThrow(expect.objectContaining({ code: 'import/damaged-sheet' }));
      expect(() =>
        readSharedStrings(sliced(SST.replace('<t>last</t></si>', '<t>last</t>'), size), entry, 'f.xlsx'),
      ).toThrow(expect.objectContaining({ code: 'import/damaged-part' }));
    }
  });
});
