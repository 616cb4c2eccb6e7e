import { columnLetter, isoToSerial } from './cell';
import { zipFiles } from './zip-writer';

/**
 * A fast .xlsx writer for exports, templates and problem files: bold frozen header, column widths,
 * number formats for money (¥#,##0.00), dates and percentages, an autofilter and drop-down lists.
 * Text that starts with = + - or @ is written as text (with Excel's quote prefix), never as a formula.
 * exceljs needs over 3 s for 100,000 rows here; this writes the XML directly (see bench/suites/import-export.ts).
 */
/** 'general': as the cell is, numbers without a format (a problem file's copy of the user's cells). */
export type ColumnFormat = 'text' | 'int' | 'number' | 'money' | 'date' | 'percent' | 'bool' | 'general';

export interface WriteColumn {
  header: string;
  format: ColumnFormat;
  width?: number;
  /** A drop-down list of allowed values (templates). */
  list?: readonly string[];
  /** Shown in red (the problem column of a problem file). */
  alert?: boolean;
  /** A number format code of the source file (a problem file keeps the user's formats): numbers and dates get it. */
  numFmt?: string;
}

export type WriteValue = string | number | boolean | null | undefined;

export interface WriteSheet {
  name: string;
  columns: WriteColumn[];
  /** Dates as 'YYYY-MM-DD' text in date columns; money in yuan; percent as a fraction. */
  rows: WriteValue[][];
  hidden?: boolean;
  /** Cells to highlight (a problem file's invalid cells): [rowIndex, colIndex] into rows. */
  marks?: [number, number][];
}

// Style ids (cellXfs order below).
const S = {
  header: 1,
  money: 2,
  date: 3,
  percent: 4,
  int: 5,
  number: 6,
  text: 7,
  quoted: 8,
  alert: 9,
  mark: 10,
  alertHeader: 11,
  markDate: 12,
} as const;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="&quot;¥&quot;#,##0.00"/><numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="166" formatCode="#,##0.######"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><sz val="11"/><color rgb="FFC00000"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE8EEF7"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFE0E0"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color rgb="FF8EA9DB"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="13">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/>
<xf numFmtId="0" fontId="2" fillId="3" borderId="0" xfId="0" applyFont="1" applyFill="1"/>
<xf numFmtId="0" fontId="0" fillId="4" borderId="0" xfId="0" applyFill="1"/>
<xf numFmtId="0" fontId="1" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>
<xf numFmtId="165" fontId="0" fillId="4" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

// eslint-disable-next-line no-control-regex -- control characters are exactly what XML cannot hold
const INVALID_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g;

function esc(s: string): string {
  // eslint-disable-next-line no-control-regex -- see INVALID_XML
  if (/[&<>"\x00-\x1f_]/.test(s)) {
    s = s
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(INVALID_XML, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`);
  }
  return s;
}

const visualWidth = (s: string) => {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
};

export const safeSheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';

const FORMAT_STYLE: Record<ColumnFormat, number> = {
  text: S.text,
  int: S.int,
  number: S.number,
  money: S.money,
  date: S.date,
  percent: S.percent,
  bool: 0,
  general: 0,
};

/** The fixed style sheet plus one number format and cell style for each source format code (`numFmt`). */
function stylesXml(codes: string[]): string {
  if (!codes.length) return STYLES;
  const attr = (c: string) =>
    c.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return STYLES.replace(
    /<numFmts count="3">(.*?)<\/numFmts>/,
    (_m, fmts: string) =>
      `<numFmts count="${3 + codes.length}">${fmts}${codes.map((c, k) => `<numFmt numFmtId="${BASE_FMT + k}" formatCode="${attr(c)}"/>`).join('')}</numFmts>`,
  )
    .replace('<cellXfs count="13">', `<cellXfs count="${BASE_STYLE + codes.length}">`)
    .replace(
      '</cellXfs>',
      `${codes.map((_c, k) => `<xf numFmtId="${BASE_FMT + k}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('')}</cellXfs>`,
    );
}
const BASE_FMT = 167;
const BASE_STYLE = 13;

export function writeXlsx(sheets: WriteSheet[]): Uint8Array {
  // The source formats the columns ask for, each one style appended after the fixed ones.
  const codes: string[] = [];
  const codeStyle = new Map<string, number>();
  for (const sh of sheets)
    for (const c of sh.columns)
      if (c.numFmt && !codeStyle.has(c.numFmt)) codeStyle.set(c.numFmt, BASE_STYLE + codes.push(c.numFmt) - 1);
  const sst: string[] = [];
  const sstIndex = new Map<string, number>();
  let sstCount = 0;
  const str = (s: string) => {
    sstCount++;
    let i = sstIndex.get(s);
    if (i === undefined) sstIndex.set(s, (i = sst.push(s) - 1));
    return i;
  };
  const lists: string[][] = [];
  const files: { name: string; data: Uint8Array }[] = [];
  const definedNames: string[] = [];

  const sheetXml = (sheet: WriteSheet, sheetIndex: number, withHeader = true): Buffer => {
    const cols = sheet.columns;
    const last = columnLetter(Math.max(cols.length, 1) - 1);
    const first = withHeader ? 2 : 1;
    const lastRow = sheet.rows.length + first - 1;
    const marks = new Set((sheet.marks ?? []).map(([r, c]) => r * 16384 + c));
    // Encoded to UTF-8 every few thousand rows: the XML of 100,000 rows never exists as one JS string.
    const chunks: Buffer[] = [];
    let parts: string[] = [];
    const spill = () => {
      chunks.push(Buffer.from(parts.join(''), 'utf8'));
      parts = [];
    };
    parts.push(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`,
      `<dimension ref="A1:${last}${lastRow}"/>`,
      withHeader
        ? `<sheetViews><sheetView workbookViewId="0"${sheetIndex === 0 ? ' tabSelected="1"' : ''}><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`
        : '',
      `<sheetFormatPr defaultRowHeight="15"/><cols>`,
    );
    cols.forEach((c, i) => {
      let w = c.width ?? visualWidth(c.header) + 4;
      if (c.width === undefined)
        for (const r of sheet.rows.slice(0, 200))
          w = Math.max(w, visualWidth(String(r[i] ?? '')) + 2 + (c.format === 'money' ? 3 : 0));
      parts.push(`<col min="${i + 1}" max="${i + 1}" width="${Math.min(60, Math.max(8, w))}" customWidth="1"/>`);
    });
    parts.push('</cols><sheetData>');
    if (withHeader) {
      parts.push('<row r="1">');
      cols.forEach((c, i) =>
        parts.push(
          `<c r="${columnLetter(i)}1" s="${c.alert ? S.alertHeader : S.header}" t="s"><v>${str(c.header)}</v></c>`,
        ),
      );
      parts.push('</row>');
    }
    const letters = cols.map((_c, i) => columnLetter(i));
    const styles = cols.map((c) => (c.alert ? S.alert : c.numFmt ? codeStyle.get(c.numFmt)! : FORMAT_STYLE[c.format]));
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      const rn = r + first;
      let out = `<row r="${rn}">`;
      for (let i = 0; i < cols.length; i++) {
        const v = row[i];
        if (v === null || v === undefined || v === '') continue;
        const mark = marks.size > 0 && marks.has(r * 16384 + i);
        const ref = letters[i] + rn;
        const fmt = cols[i].format;
        if (typeof v === 'number' && Number.isFinite(v)) {
          // A highlighted date stays a date (a problem file's invalid cells are marked).
          out += `<c r="${ref}" s="${mark ? (fmt === 'date' ? S.markDate : S.mark) : styles[i]}"><v>${v}</v></c>`;
        } else if (typeof v === 'boolean') {
          out += `<c r="${ref}" t="b"${mark ? ` s="${S.mark}"` : ''}><v>${v ? 1 : 0}</v></c>`;
        } else if (fmt === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v as string)) {
          out += `<c r="${ref}" s="${mark ? S.markDate : cols[i].numFmt ? styles[i] : S.date}"><v>${isoToSerial(v as string)}</v></c>`;
        } else {
          const s = String(v);
          // Text that a spreadsheet would take for a formula stays text (quote prefix), never evaluated.
          const style = mark
            ? S.mark
            : /^[=+\-@\t\r]/.test(s)
              ? S.quoted
              : cols[i].alert
                ? S.alert
                : fmt === 'text'
                  ? S.text
                  : 0;
          out += `<c r="${ref}" s="${style}" t="s"><v>${str(s)}</v></c>`;
        }
      }
      parts.push(`${out}</row>`);
      if (parts.length >= 2000) spill();
    }
    parts.push('</sheetData>');
    if (cols.length && withHeader) {
      parts.push(`<autoFilter ref="A1:${last}${lastRow}"/>`);
      definedNames.push(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${sheetIndex}" hidden="1">'${esc(sheet.name.replace(/'/g, "''"))}'!$A$1:$${last}$${lastRow}</definedName>`,
      );
    }
    const validations = cols
      .map((c, i) => {
        if (!c.list?.length) return '';
        const inline = `"${c.list.join(',')}"`;
        let formula = esc(inline);
        if (inline.length > 250 || c.list.some((x) => x.includes(',') || x.includes('"'))) {
          lists.push([...c.list]);
          formula = `'_lists'!$${columnLetter(lists.length - 1)}$1:$${columnLetter(lists.length - 1)}$${c.list.length}`;
        }
        return `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${letters[i]}2:${letters[i]}${Math.max(lastRow, 1000)}"><formula1>${formula}</formula1></dataValidation>`;
      })
      .filter(Boolean);
    if (validations.length)
      parts.push(`<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`);
    parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
    spill();
    return Buffer.concat(chunks);
  };

  const all: WriteSheet[] = sheets.map((s) => ({ ...s, name: safeSheetName(s.name) }));
  const xmls = all.map((s, i) => sheetXml(s, i));
  if (lists.length) {
    const width = Math.max(...lists.map((l) => l.length));
    const rows: WriteValue[][] = Array.from({ length: width }, (_v, r) => lists.map((l) => l[r] ?? null));
    const listSheet: WriteSheet = {
      name: '_lists',
      columns: lists.map(() => ({ header: '', format: 'text' })),
      rows,
      hidden: true,
    };
    // The list sheet has no header row: its values start in row 1.
    xmls.push(sheetXml(listSheet, all.length, false));
    all.push(listSheet);
  }
  xmls.forEach((xml, i) => files.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: xml }));
  const enc = (s: string) => Buffer.from(s, 'utf8');
  const sheetEntries = all
    .map(
      (s, i) =>
        `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
    )
    .join('');
  files.unshift(
    {
      name: '[Content_Types].xml',
      data: enc(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${all.map((_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: enc(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: enc(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>${sheetEntries}</sheets>${definedNames.length ? `<definedNames>${definedNames.join('')}</definedNames>` : ''}</workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: enc(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${all.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${all.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${all.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/styles.xml', data: enc(stylesXml(codes)) },
  );
  const sstParts = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sstCount}" uniqueCount="${sst.length}">`,
  ];
  for (const s of sst)
    sstParts.push(/^\s|\s$/.test(s) ? `<si><t xml:space="preserve">${esc(s)}</t></si>` : `<si><t>${esc(s)}</t></si>`);
  sstParts.push('</sst>');
  files.push({ name: 'xl/sharedStrings.xml', data: enc(sstParts.join('')) });
  return zipFiles(files);
}
