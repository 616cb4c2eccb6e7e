const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for the HTML an ECharts tooltip formatter returns. ECharts escapes names in its default tooltips but
 * not in a formatter's string: every name from the data (a salesperson, a team, a customer) goes through
 * this, so a name such as `<svg onload=…>` shows as text (issue 17 item 14).
 */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
