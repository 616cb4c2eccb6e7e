import iconv from 'iconv-lite';

/**
 * "Excel" files that are web pages: many Chinese business systems export an HTML table (or Excel 2003's
 * XML Spreadsheet) under an .xls name, often in GBK (issue #17 item 10). The text is decoded by the
 * charset the page declares (<meta charset>, <meta http-equiv content="…; charset=gb2312">, or the
 * XML declaration's encoding); without one, the caller's detected decoding stands, as for CSV.
 */
export function isMarkupTable(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '');
  if (/^\s*<(!doctype html|html|table|head|body|meta|style)[\s>]/i.test(head)) return true;
  return (
    /^\s*<\?xml[^>]*>\s*(<\?mso-application[^>]*>\s*)?<(ss:)?Workbook[\s>]/i.test(head) ||
    /urn:schemas-microsoft-com:office:spreadsheet/.test(head)
  );
}

/** The charset the markup declares in its first bytes, as an iconv-lite name, or null. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const m =
    /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  if (!m) return null;
  const name = m[1].toLowerCase();
  // GB2312 and GBK pages routinely hold characters only GB18030 (their superset) names.
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn)$/.test(name)) return 'gb18030';
  return iconv.encodingExists(name) ? name : null;
}

/** The markup's text: by its declared charset when it has one, else as `detected` (BOM, UTF-8, chardet). */
export function decodeMarkup(bytes: Uint8Array, detected: string): string {
  const declared = declaredCharset(bytes);
  if (!declared || /^utf-?8$/.test(declared)) return detected;
  // A UTF-16 file (BOM) cannot have been read by a single-byte declaration: its detection stands.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return detected;
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), declared);
}
