/**
 * Small, fast helpers for the OOXML parts: attribute values and text with XML entities and the
 * `_xHHHH_` escapes Excel uses for control characters. Written for speed on hundreds of thousands of
 * cells: they only allocate when an escape is present.
 */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (s.indexOf('&') >= 0) s = decodeEntities(s);
  if (s.indexOf('_x') >= 0)
    s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/**
 * Entities by hand rather than by a regular expression with a callback: openpyxl writes every
 * non-ASCII character as a numeric reference (&#35746;), so a Chinese sheet has millions of them.
 */
function decodeEntities(s: string): string {
  let out = '';
  let from = 0;
  for (let amp = s.indexOf('&'); amp >= 0; amp = s.indexOf('&', from)) {
    let ch: string | undefined;
    let end = -1;
    if (s.charCodeAt(amp + 1) === 35) {
      // &#NNNN; or &#xHHHH;, read digit by digit (no slice, no regular expression).
      const hex = (s.charCodeAt(amp + 2) | 32) === 120;
      let code = 0;
      let i = amp + (hex ? 3 : 2);
      const first = i;
      for (; i < s.length && i - first < 8; i++) {
        const c = s.charCodeAt(i);
        if (c >= 48 && c <= 57) code = code * (hex ? 16 : 10) + (c - 48);
        else if (hex && (c | 32) >= 97 && (c | 32) <= 102) code = code * 16 + ((c | 32) - 87);
        else break;
      }
      if (i > first && s.charCodeAt(i) === 59 && code <= 0x10ffff) {
        ch = String.fromCodePoint(code);
        end = i;
      }
    } else {
      const semi = s.indexOf(';', amp + 1);
      if (semi > 0 && semi - amp <= 5) {
        ch = NAMED[s.slice(amp + 1, semi)];
        end = semi;
      }
    }
    if (ch === undefined) {
      out += s.slice(from, amp + 1);
      from = amp + 1;
      continue;
    }
    out += s.slice(from, amp) + ch;
    from = end + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * The text of an inline string or shared-string item between `from` and `to` of `xml` (the `<t>`
 * runs joined, phonetic `<rPh>` runs left out) without copying the item first: each `<t>`'s text ends
 * at the next '<', since text never holds one.
 */
export function itemText(xml: string, from: number, to: number): string {
  let out = '';
  for (let lt = xml.indexOf('<', from); lt >= 0 && lt < to;) {
    let n = lt + 1;
    let start = n;
    let c = xml.charCodeAt(n);
    while (n < to && c !== 62 && c !== 32 && c !== 47 && c !== 9 && c !== 10 && c !== 13) {
      if (c === 58) start = n + 1;
      c = xml.charCodeAt(++n);
    }
    const name = xml.slice(start, n);
    if (name === 'rPh') return stringItemText(xml.slice(from, to));
    const gt = xml.indexOf('>', lt);
    if (gt < 0 || gt >= to) break;
    if (name === 't' && xml.charCodeAt(gt - 1) !== 47) {
      const end = xml.indexOf('<', gt + 1);
      if (end < 0 || end > to) break;
      out += xml.slice(gt + 1, end);
      lt = end;
      continue;
    }
    lt = xml.indexOf('<', gt + 1);
  }
  return decodeXml(out);
}

/**
 * itemText over UTF-8 bytes: the text of the item between `from` and `to` of `b`, read exactly as
 * itemText reads the same text decoded. The one `<t>` run nearly every item has goes to `run(s, e)`
 * (which must give decodeXml of the bytes' text: a cache, or a plain decoding); several runs are joined
 * first, and an item with phonetic runs is decoded whole and read as text.
 */
export function itemTextAt(b: Buffer, from: number, to: number, run: (s: number, e: number) => string): string {
  let first = -1;
  let firstEnd = -1;
  let more: string | null = null;
  const find = (c: number, i: number, end: number) => {
    for (; i < end; i++) if (b[i] === c) return i;
    return -1;
  };
  for (let lt = find(60, from, to); lt >= 0 && lt < to;) {
    let n = lt + 1;
    let start = n;
    let c = b[n];
    while (n < to && c !== 62 && c !== 32 && c !== 47 && c !== 9 && c !== 10 && c !== 13) {
      if (c === 58) start = n + 1;
      c = b[++n];
    }
    const nameLen = n - start;
    if (nameLen === 3 && b[start] === 114 && b[start + 1] === 80 && b[start + 2] === 104)
      return stringItemText(b.toString('utf8', from, to));
    const gt = find(62, lt, to);
    if (gt < 0) break;
    if (nameLen === 1 && b[start] === 116 && b[gt - 1] !== 47) {
      const end = find(60, gt + 1, to + 1);
      if (end < 0) break;
      if (first < 0) {
        first = gt + 1;
        firstEnd = end;
      } else more = (more ?? b.toString('utf8', first, firstEnd)) + b.toString('utf8', gt + 1, end);
      lt = end;
      continue;
    }
    lt = find(60, gt + 1, to);
  }
  if (more !== null) return decodeXml(more);
  return first < 0 ? '' : run(first, firstEnd);
}

/** The value of attribute `name` inside an opening tag's text, or undefined. */
export function attr(tag: string, name: string): string | undefined {
  let i = tag.indexOf(` ${name}=`);
  if (i < 0) {
    // Attributes may also be separated by tabs or new lines.
    const m = new RegExp(`\\s${name}=`).exec(tag);
    if (!m) return undefined;
    i = m.index;
  }
  const q = i + name.length + 2;
  const quote = tag[q];
  const end = tag.indexOf(quote, q + 1);
  return end < 0 ? undefined : tag.slice(q + 1, end);
}

/** Every opening (or empty) tag named `name` (with or without a namespace prefix), as raw text. */
export function tags(xml: string, name: string): string[] {
  const re = new RegExp(`<(?:[A-Za-z0-9_]+:)?${name}(?=[\\s/>])[^>]*>`, 'g');
  return xml.match(re) ?? [];
}

/** Concatenated text of all `<t>` elements of a string item, leaving out phonetic runs (`<rPh>`). */
export function stringItemText(si: string): string {
  if (si.indexOf('<rPh') >= 0 || si.indexOf(':rPh') >= 0)
    si = si.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>|<(?:\w+:)?t\s*\/>/g;
  for (let m = re.exec(si); m; m = re.exec(si)) out += m[1] ?? '';
  return decodeXml(out);
}
