import { describe, expect, it } from 'vitest';
import { decodeXml, itemText, stringItemText } from '../../src-main/excel/xml-text';

describe('XML text of the readers (issue #10 item 16: openpyxl writes every non-ASCII character as a reference)', () => {
  it('decodes numeric references (decimal and hex), the five named entities and Excel’s _xHHHH_ escapes', () => {
    expect(decodeXml('&#35746;&#21333;&#32534;&#21495;')).toBe('\u8ba2\u5355\u7f16\u53f7');
    expect(decodeXml('&#x8BA2;&#X5355; X1')).toBe('\u8ba2\u5355 X1');
    expect(decodeXml('a&amp;b&lt;c&gt;&quot;&apos;')).toBe('a&b<c>"\'');
    expect(decodeXml('&#128512;!')).toBe(String.fromCodePoint(0x1f600) + '!');
    expect(decodeXml('x_x000D_y')).toBe('x\ry');
  });

  it('leaves what is not a reference as it is', () => {
    for (const s of ['&unknown;', 'A & B', '&#;', '&#xZZ;', '&#12', '&#99999999;', 'plain', ''])
      expect(decodeXml(s)).toBe(s);
  });

  it('joins the runs of a rich text item and leaves out phonetic runs, like the general path', () => {
    const xml =
      '<c><is><r><t>A&amp;</t></r><r><rPr/><t xml:space="preserve"> B</t></r><rPh><t>\u3075\u308a</t></rPh></is></c>';
    expect(itemText(xml, 3, xml.length - 4)).toBe('A& B');
    expect(stringItemText(xml.slice(3, -4))).toBe('A& B');
    const plain = '<is><t>&#23458;&#25143;2056</t></is>';
    expect(itemText(plain, 0, plain.length)).toBe('\u5ba2\u62372056');
    expect(itemText('<is><t/></is>', 0, 13)).toBe('');
  });
});
