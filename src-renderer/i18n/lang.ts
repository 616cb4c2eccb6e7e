export type Lang = 'zh-CN' | 'en';

/** Chinese for any zh locale of the OS/browser, English otherwise; a choice made in Settings wins. */
export function pickLang(chosen: Lang | null | undefined, systemLocale: string | undefined): Lang {
  if (chosen) return chosen;
  return /^zh/i.test(systemLocale ?? '') ? 'zh-CN' : 'en';
}

export function systemLocale(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}
