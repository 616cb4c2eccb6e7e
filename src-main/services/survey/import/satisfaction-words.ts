/**
 * Satisfaction, agreement, importance and likelihood words in Chinese and English mapped to the 1–5 scale
 * (issue #5 item 4; issue #10 item 2: 重要…, 认同…, 同意…, 满意…, 可能… are scales).
 * Keys are compared after trimming, folding case and collapsing spaces; the manager can correct any
 * mapping in the import preview.
 */
const WORDS: [number, string[]][] = [
  [
    5,
    [
      '非常满意',
      '很满意',
      '十分满意',
      '非常同意',
      '完全同意',
      '非常认同',
      '完全认同',
      '非常重要',
      '极其重要',
      '非常可能',
      '极有可能',
      '肯定会',
      '非常好',
      'very satisfied',
      'extremely satisfied',
      'strongly agree',
      'extremely important',
      'extremely likely',
      'very likely',
      'definitely would',
      'excellent',
      'very good',
      'much better than expected',
    ],
  ],
  [
    4,
    [
      '满意',
      '比较满意',
      '较满意',
      '同意',
      '比较同意',
      '认同',
      '比较认同',
      '重要',
      '比较重要',
      '较重要',
      '可能',
      '比较可能',
      '很可能',
      '可能会',
      '好',
      '较好',
      'satisfied',
      'somewhat satisfied',
      'agree',
      'somewhat agree',
      'very important',
      'likely',
      'somewhat likely',
      'probably would',
      'good',
      'better than expected',
    ],
  ],
  [
    3,
    [
      '一般',
      '中立',
      '中等',
      '说不清',
      '不确定',
      '一般重要',
      '不好说',
      'neutral',
      'neither satisfied nor dissatisfied',
      'neither agree nor disagree',
      'neither likely nor unlikely',
      'moderately important',
      'not sure',
      'fair',
      'average',
      'okay',
      'as expected',
    ],
  ],
  [
    2,
    [
      '不满意',
      '比较不满意',
      '较不满意',
      '不同意',
      '比较不同意',
      '不认同',
      '不太认同',
      '比较不认同',
      '不太重要',
      '不重要',
      '不太可能',
      '不大可能',
      '不太满意',
      '不太同意',
      '较差',
      '差',
      'dissatisfied',
      'somewhat dissatisfied',
      'disagree',
      'somewhat disagree',
      'slightly important',
      'unlikely',
      'somewhat unlikely',
      'probably would not',
      'not likely',
      'not very likely',
      'not very important',
      'not satisfied',
      'poor',
      'worse than expected',
    ],
  ],
  [
    1,
    [
      '非常不满意',
      '很不满意',
      '十分不满意',
      '非常不同意',
      '完全不同意',
      '非常不认同',
      '完全不认同',
      '非常不重要',
      '完全不重要',
      '非常不可能',
      '完全不可能',
      '肯定不会',
      '非常差',
      'very dissatisfied',
      'extremely dissatisfied',
      'strongly disagree',
      'not at all important',
      'not important at all',
      'very unlikely',
      'extremely unlikely',
      'definitely would not',
      'not at all likely',
      'not at all satisfied',
      'very poor',
      'much worse than expected',
    ],
  ],
];

const MAP = new Map<string, number>();
for (const [score, words] of WORDS) for (const w of words) MAP.set(w, score);

export function normaliseWord(v: string): string {
  return v
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
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
  for (const [k, s] of MAP)
    if ((w.endsWith(` ${k}`) || w.startsWith(`${k} `)) && (!best || k.length > best[0])) best = [k.length, s];
  return best?.[1];
}
