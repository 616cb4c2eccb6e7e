import { WorkbenchError } from '../contract/errors';
import { MAX_SHARED_STRINGS, MAX_SHARED_TEXT_CHARS, mb } from './limits';
import { itemText } from './xml-text';
import type { ZipArchive, ZipEntry } from './zip-archive';

/**
 * The shared-strings table (`xl/sharedStrings.xml`) read in slices like a worksheet, never whole: the
 * items are counted and their text measured as they come, so that a table built to exhaust memory is
 * refused at its bound (issue #17 item 8) instead of after gigabytes.
 */
const ITEM_CHARS = 4 * 1024 * 1024;

export function readSharedStrings(zip: ZipArchive, entry: ZipEntry, file: string): string[] {
  const out: string[] = [];
  let chars = 0;
  let prefix: string | undefined;
  let open = '<si';
  let close = '</si>';
  const tooMany = () =>
    new WorkbenchError('import/too-many-texts', {
      file,
      max: MAX_SHARED_STRINGS.toLocaleString('en'),
      maxMb: mb(MAX_SHARED_TEXT_CHARS),
    });
  const damaged = () => new WorkbenchError('import/damaged-part', { file, part: entry.name });

  const add = (s: string) => {
    chars += s.length;
    if (out.length >= MAX_SHARED_STRINGS || chars > MAX_SHARED_TEXT_CHARS) throw tooMany();
    out.push(s);
  };

  const parse = (seg: string, final: boolean): number => {
    let pos = 0;
    for (;;) {
      const s = seg.indexOf(open, pos);
      // What follows the last item may be the start of the next one's tag, cut by the slice: kept.
      if (s < 0) return final ? seg.length : pos;
      if (s + open.length >= seg.length && !final) return s;
      const c = seg.charCodeAt(s + open.length);
      if (c !== 62 && c !== 32 && c !== 47 && c !== 9 && c !== 10 && c !== 13) {
        pos = s + 1;
        continue;
      }
      const te = seg.indexOf('>', s);
      if (te < 0) {
        if (final) throw damaged();
        return s;
      }
      if (seg.charCodeAt(te - 1) === 47) {
        add('');
        pos = te + 1;
        continue;
      }
      const e = seg.indexOf(close, te);
      if (e < 0) {
        if (final) throw damaged();
        return s;
      }
      add(itemText(seg, te + 1, e));
      pos = e + close.length;
    }
  };

  // Unparsed text is kept as pieces and joined only when an item's end arrives (linear time).
  let pending: string[] = [];
  let pendingChars = 0;
  const decoder = new TextDecoder('utf-8');
  zip.stream(entry, (chunk, final) => {
    const piece = decoder.decode(chunk, { stream: !final });
    if (prefix === undefined) {
      const head = pending.join('') + piece;
      const root = /<([A-Za-z0-9_]+:)?sst[\s>]/.exec(head);
      if (!root && head.length <= 4096 && !final) {
        pending = [head];
        pendingChars = head.length;
        return;
      }
      prefix = root?.[1] ?? '';
      open = `<${prefix}si`;
      close = `</${prefix}si>`;
    }
    // A cell holds at most 32,767 characters: an item far longer than that is a damaged or hostile part.
    if (!final && piece.lastIndexOf(close) < 0) {
      pending.push(piece);
      pendingChars += piece.length;
      if (pendingChars > ITEM_CHARS) throw damaged();
      return;
    }
    const text = pending.length ? pending.join('') + piece : piece;
    const rest = text.slice(parse(text, final));
    pending = rest ? [rest] : [];
    pendingChars = rest.length;
  });
  return out;
}
