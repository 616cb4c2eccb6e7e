/**
 * Small, fast helpers for the OOXML parts: attribute values and text with XML entities and the
 * `_xHHHH_` escapes Excel uses for control characters. Written for speed on hundreds of thousands of
 * cells: they only allocate when an escape is present.
 */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (s.indexOf('&') >= 0) {
    s = s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
      if (e[0] !== '#') return NAMED[e];
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return String.fromCodePoint(code);
    });
  }
  if (s.indexOf('_x') >= 0) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
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
  if (si.indexOf('<rPh') >= 0 || si.indexOf(':rPh') >= 0) si = si.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>|<(?:\w+:)?t\s*\/>/g;
  for (let m = re.exec(si); m; m = re.exec(si)) out += m[1] ?? '';
  return decodeXml(out);
}
