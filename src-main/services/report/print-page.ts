/** The frame shared by the workbench's one-page printables: A4, inline styles, nothing fetched. */
export const esc = (s: string | number | null | undefined): string =>
  s === null || s === undefined
    ? ''
    : String(s).replace(
        /[&<>"']/g,
        (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
      );

export function a4Page(lang: string, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${esc(lang)}"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
@page { size: A4; margin: 14mm 12mm; }
body { font-family: "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif; font-size: 10.5pt; color: #111; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 4mm; }
.meta { display: flex; flex-wrap: wrap; gap: 2mm 8mm; margin-bottom: 4mm; }
.meta span b { font-weight: 600; }
table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
th, td { border: 1px solid #555; padding: 1.6mm 2mm; vertical-align: top; text-align: left; }
th { background: #eee; }
tr { page-break-inside: avoid; }
.box { display: inline-block; width: 3.5mm; height: 3.5mm; border: 1px solid #333; margin-right: 1mm; vertical-align: -0.5mm; }
.lines { height: 18mm; }
.sign { height: 9mm; }
.foot { margin-top: 6mm; font-size: 9pt; color: #555; }
</style></head><body>${body}</body></html>`;
}
