import { WorkbenchError } from '../contract/errors';
import type { Sheet } from './cell';
import { scanSheet, type ScanOptions } from './xlsx-sheet-scanner';
import { readStyles, type CellStyles } from './xlsx-styles';
import { readSharedStrings } from './xlsx-shared-strings';
import { attr, decodeXml, tags } from './xml-text';
import { ZipArchive } from './zip-archive';

/**
 * An .xlsx (or .xlsm) workbook opened over its bytes: sheet names at once, each sheet read on demand.
 * Part locations come from the relationship files, so workbooks from Excel, WPS, LibreOffice, Apple
 * Numbers, openpyxl, exceljs and SheetJS (which name and place their parts differently) all open.
 */
export interface WorkbookReader {
  format: 'xlsx' | 'csv' | 'xls';
  sheetNames: string[];
  readSheet(index: number, opts?: ScanOptions): Sheet;
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function relationships(zip: ZipArchive, part: string): { id: string; type: string; target: string }[] {
  const dir = part.split('/').slice(0, -1).join('/');
  const file = part.split('/').pop();
  const xml = zip.text(`${dir ? `${dir}/` : ''}_rels/${file}.rels`);
  if (!xml) return [];
  return tags(xml, 'Relationship').map((t) => ({
    id: attr(t, 'Id') ?? '',
    type: attr(t, 'Type') ?? '',
    target: resolvePart(part, decodeXml(attr(t, 'Target') ?? '')),
  }));
}

export function openXlsx(bytes: Uint8Array, file: string): WorkbookReader {
  const zip = new ZipArchive(bytes, file);
  const root = relationships(zip, '').find((r) => r.type.endsWith('/officeDocument'));
  const wbPart = root && zip.find(root.target) ? root.target : 'xl/workbook.xml';
  const wbXml = zip.text(wbPart);
  if (!wbXml) {
    // An encrypted workbook is an OLE container, handled before; a ZIP without a workbook is something else (.docx, .zip…).
    throw new WorkbenchError('import/not-a-workbook', { file });
  }
  const rels = relationships(zip, wbPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets = tags(wbXml, 'sheet')
    .map((t) => {
      const rid = attr(t, 'r:id') ?? /\s[\w]+:id="([^"]+)"/.exec(t)?.[1] ?? '';
      const rel = byId.get(rid);
      return {
        name: decodeXml(attr(t, 'name') ?? ''),
        part: rel?.target,
        worksheet: !!rel && rel.type.endsWith('/worksheet'),
      };
    })
    .filter((s) => s.worksheet && s.part && zip.find(s.part!));
  const date1904 = /date1904="(1|true)"/.test(wbXml);
  let styles: CellStyles | undefined;
  let sst: string[] | undefined;
  const stylesPart = rels.find((r) => r.type.endsWith('/styles'))?.target ?? 'xl/styles.xml';
  const sstPart = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target ?? 'xl/sharedStrings.xml';

  const loadShared = () => {
    if (sst) return sst;
    const entry = zip.find(sstPart);
    sst = entry ? readSharedStrings(zip, entry, file) : [];
    return sst;
  };

  return {
    format: 'xlsx',
    sheetNames: sheets.map((s) => s.name),
    readSheet(index, opts) {
      const s = sheets[index];
      styles ??= readStyles(zip.text(stylesPart));
      return scanSheet(zip, zip.find(s.part!)!, s.name, { sst: loadShared(), styles, date1904, file }, opts);
    },
  };
}
