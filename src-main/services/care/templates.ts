import type { Database } from 'better-sqlite3';
import type { CareTemplate } from '../../contract/care';
import { WorkbenchError } from '../../contract/errors';
import { LANGS, t, type Lang } from '../../i18n/messages';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';

/** Occasions with a default greeting (locale key customers.care.templates.<occasion>); others once a template is saved. */
export const DEFAULT_OCCASIONS = [
  'yuandan',
  'chunjie',
  'yuanxiao',
  'duanwu',
  'zhongqiu',
  'guoqing',
  'birthday',
  'anniversary',
  'contract-anniversary',
  'company',
] as const;

/** Every occasion's greeting in both languages: the company's own where saved, otherwise the default. */
export function careTemplates(db: Database): CareTemplate[] {
  const saved = db.prepare('SELECT occasion, lang, body FROM care_templates').all() as {
    occasion: string;
    lang: Lang;
    body: string;
  }[];
  const out = new Map<string, CareTemplate>();
  for (const occasion of DEFAULT_OCCASIONS)
    for (const lang of LANGS)
      out.set(`${occasion}|${lang}`, {
        occasion,
        lang,
        body: t(lang, `customers.care.templates.${occasion}`),
        custom: false,
      });
  for (const s of saved) out.set(`${s.occasion}|${s.lang}`, { ...s, custom: true });
  return [...out.values()];
}

/** The greeting of an occasion in a language, or null when the occasion has none (it is then not on the care list). */
export function templateLookup(db: Database): (occasion: string, lang: Lang) => string | null {
  const all = new Map(careTemplates(db).map((x) => [`${x.occasion}|${x.lang}`, x.body]));
  return (occasion, lang) => all.get(`${occasion}|${lang}`) ?? null;
}

/** What a greeting may name (P4.3, issue 13 item 11); fillTemplate fills these and nothing else. */
export const PLACEHOLDERS = ['contact', 'title', 'company', 'salesperson', 'ourCompany', 'occasion', 'years'] as const;

/** Saves the company's greeting for an occasion in one language; a placeholder it cannot fill is refused, not sent as written. */
export function setTemplate(ctx: ServiceContext, input: { occasion: string; lang: Lang; body: string }): CareTemplate {
  for (const m of input.body.matchAll(/\{(\w*)\}/g))
    if (!(PLACEHOLDERS as readonly string[]).includes(m[1]))
      throw new WorkbenchError('care/unknown-placeholder', {
        placeholder: m[0],
        known: PLACEHOLDERS.map((p) => `{${p}}`).join(' '),
      });
  ctx.db.transaction(() => {
    const old = ctx.db
      .prepare('SELECT body FROM care_templates WHERE occasion = ? AND lang = ?')
      .pluck()
      .get(input.occasion, input.lang);
    ctx.db
      .prepare(
        'INSERT INTO care_templates (occasion, lang, body, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(occasion, lang) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at',
      )
      .run(input.occasion, input.lang, input.body, nowIso());
    audit(ctx.db, {
      actor: ctx.actor,
      entity: 'care-template',
      entityId: `${input.occasion}|${input.lang}`,
      oldValue: old,
      newValue: input.body,
    });
  })();
  return { ...input, custom: true };
}

/** Fills {contact} {title} {company} {salesperson} {occasion} {years}; an unknown placeholder stays as written. */
export function fillTemplate(body: string, values: Record<string, string | number | null | undefined>): string {
  return body.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = values[key];
    return v === undefined ? whole : v === null ? '' : String(v);
  });
}
