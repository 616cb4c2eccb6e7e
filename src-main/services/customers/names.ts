/**
 * The same company under two spellings (issue 13 item 4): full- and half-width characters, brackets, the
 * legal form (有限公司 / 有限责任公司 / 股份有限公司 / Co., Ltd.) and a branch suffix (北京分公司, (上海办事处),
 * Beijing Branch) do not make another company.
 */
const BRANCH_AFTER_FORM = /(有限责任公司|股份有限公司|有限公司|集团公司|公司)(.{1,12}?(分公司|办事处|分厂|营业部))$/u;
const BRANCH_IN_BRACKETS = /\(([^()]*(分公司|办事处|分厂|营业部|branch|office)[^()]*)\)$/u;
const BRANCH_EN = /[,\s]+[a-z\s]*\bbranch( office)?$/u;
const FORMS =
  /(股份有限公司|有限责任公司|有限公司|集团公司|公司|co\.?,?\s*ltd\.?|company\s+limited|co\.|ltd\.?|limited|inc\.?|corp(oration)?\.?|llc)/gu;

export function normaliseName(name: string): string {
  let s = name.normalize('NFKC').toLowerCase().trim();
  s = s.replace(BRANCH_IN_BRACKETS, '').trim();
  s = s.replace(BRANCH_AFTER_FORM, '$1');
  s = s.replace(BRANCH_EN, '');
  s = s.replace(FORMS, '');
  return s.replace(/[\s()[\]{}.,，。·、'"&-]/gu, '');
}

/** Digits only, without the +86/0086 country code or the trunk 0 of an area code; too short to identify anyone gives null. */
export function normalisePhone(phone: string | null): string | null {
  if (!phone) return null;
  let d = phone.replace(/\D/g, '');
  if (d.startsWith('0086')) d = d.slice(4);
  else if (d.startsWith('86') && d.length >= 11) d = d.slice(2);
  d = d.replace(/^0+/, '');
  return d.length >= 7 ? d : null;
}
