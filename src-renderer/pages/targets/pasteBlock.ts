/**
 * A block copied from Excel arrives as text: rows separated by newlines, cells by tabs (AG Grid
 * Community has no clipboard module, so the grid handles the paste event itself). Returns the cells'
 * texts row by row; a trailing newline (Excel always adds one) is not an extra row.
 */
export function parseClipboardBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split('\t').map((c) => c.trim().replace(/^"(.*)"$/, '$1')));
}

interface PasteTarget<R> {
  row: R;
  period: string;
  text: string;
}

/**
 * Lays a pasted block onto the grid from the focused cell: the block's rows go to the visible rows
 * below, its columns to the editable period columns to the right. Cells falling outside are dropped;
 * blank cells change nothing.
 */
export function placeBlock<R>(
  block: string[][],
  rows: R[],
  startRow: number,
  periodColumns: string[],
  startColumn: number,
): PasteTarget<R>[] {
  const out: PasteTarget<R>[] = [];
  block.forEach((cells, i) => {
    const row = rows[startRow + i];
    if (!row) return;
    cells.forEach((text, j) => {
      const period = periodColumns[startColumn + j];
      if (period && text !== '') out.push({ row, period, text });
    });
  });
  return out;
}
