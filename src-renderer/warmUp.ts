/**
 * The browser's own one-time costs that the first screen would otherwise pay while drawing: the first
 * Intl number format of a page loads ICU's data (about 50 ms here, whatever the language), and the first
 * text a canvas measures loads its fonts (the charts' labels, CJK included). The start runs them while
 * the code is still on its way, when the page has nothing else to do (issue 12 item 11).
 */
export function warmUpWhileLoading(): void {
  setTimeout(() => {
    new Intl.NumberFormat('en').format(0);
    new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' }).format(0);
  }, 0);
  setTimeout(() => {
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return;
    context.font = '12px sans-serif'; // ECharts' default
    context.measureText('Jan 1月 ¥1,234.5 万');
  }, 0);
}
