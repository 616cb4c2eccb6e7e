/**
 * Satisfaction and agreement words in Chinese and English mapped to the 1–5 scale (issue #5 item 4).
 * Keys are compared after trimming, folding case and collapsing spaces; the manager can correct any
 * mapping in the import preview.
 */
const WORDS: [number, string[]][] = [
  [5, ['非常满意', '很满意', '十分满意', '非常同意', '完全同意', '非常好', 'very satisfied', 'extremely satisfied', 'strongly agree', 'excellent', 'very good', 'much better than expected']],
  [4, ['满意', '比较满意', '较满意', '同意', '比较同意', '好', '较好', 'satisfied', 'somewhat satisfied', 'agree', 'somewhat agree', 'good', 'better than expected']],
  [3, ['一般', '中立', '中等', '说不清', 'neutral', 'neither satisfied nor dissatisfied', 'neither agree nor disagree', 'fair', 'average', 'okay', 'as expected']],
  [2, ['不满意', '比较不满意', '较不满意', '不同意', '比较不同意', '较差', '差', 'dissatisfied', 'somewhat dissatisfied', 'disagree', 'somewhat disagree', 'poor', 'worse than expected']],
  [1, ['非常不满意', '很不满意', '十分不满意', '非常不同意', '完全不同意', '非常差', 'very dissatisfied', 'extremely dissatisfied', 'strongly disagree', 'very poor', 'much worse than expected']],
];

const MAP = new Map<string, number>();
for (const [score, words] of WORDS) for (const w of words) MAP.set(w, score);

export function normaliseWord(v: string): string {
  return v.replace(/[\u00a0\u3000]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The 1–5 score of a satisfaction word, or undefined. A bilingual answer such as
 * "افضل من المتوقع Better than expected" or "满意 Satisfied" is matched by its trailing or leading words.
 */
export function satisfactionScore(v: string): number | undefined {
  const w = normaliseWord(v);
  const exact = MAP.get(w);
  if (exact !== undefined) return exact;
  // longest known phrase at the end or start of the text (bilingual answers carry both languages)
  let best: [number, number] | undefined;
  for (const [k, s] of MAP) if ((w.endsWith(` ${k}`) || w.startsWith(`${k} `)) && (!best || k.length > best[0])) best = [k.length, s];
  return best?.[1];
}
