import type { z } from 'zod';
import type { ErrorPayload } from '../contract/define';
import { t, type Lang } from '../i18n/messages';

type Issue = z.core.$ZodIssue;

/** Type names zod reports in `invalid_type` that have their own wording ("must be a number"). */
const TYPE_WORDS = new Set(['string', 'number', 'int', 'boolean', 'array', 'object', 'date']);

/** A key of the locale files: a refinement's own message such as 'email' or 'kpi-key'. */
const KEY_LIKE = /^[a-z][a-z0-9_-]*$/i;

/** The value the caller gave at a path, to tell a missing field from one of the wrong type. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/**
 * The reason of one zod issue in the user's language. Zod's own messages are English and contain ":",
 * which i18next reads as a namespace separator, so they are never looked up nor shown: only a
 * refinement's message that is a plain key (validation.<message>) and the issue's code with its numbers.
 */
function reason(issue: Issue, input: unknown, lang: Lang): string {
  const own = KEY_LIKE.test(issue.message) ? t(lang, `validation.${issue.message}`) : undefined;
  if (own !== undefined && own !== `validation.${issue.message}`) return own;
  const v = (key: string, params: Record<string, unknown> = {}) => t(lang, `validation.${key}`, params);
  switch (issue.code) {
    case 'too_small': {
      const params = { minimum: String(issue.minimum) };
      const exact = 'exact' in issue && issue.exact;
      if (issue.origin === 'string')
        return exact
          ? v('exact_string', params)
          : Number(issue.minimum) <= 1
            ? v('too_small')
            : v('too_small_string', params);
      if (issue.origin === 'array' || issue.origin === 'set')
        return exact
          ? v('exact_array', params)
          : Number(issue.minimum) <= 1
            ? v('too_small')
            : v('too_small_array', params);
      return v(issue.inclusive === false ? 'too_small_number_exclusive' : 'too_small_number', params);
    }
    case 'too_big': {
      const params = { maximum: String(issue.maximum) };
      const exact = 'exact' in issue && issue.exact;
      if (issue.origin === 'string')
        return v(exact ? 'exact_string' : 'too_big_string', { ...params, minimum: params.maximum });
      if (issue.origin === 'array' || issue.origin === 'set')
        return v(exact ? 'exact_array' : 'too_big_array', { ...params, minimum: params.maximum });
      return v(issue.inclusive === false ? 'too_big_number_exclusive' : 'too_big_number', params);
    }
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return v('required');
      return TYPE_WORDS.has(issue.expected) ? v(`type_${issue.expected}`) : v('invalid_type');
    case 'invalid_value':
      return v('invalid_value_list', { values: issue.values.map((x) => String(x)).join(', ') });
    case 'not_multiple_of':
      return v('not_multiple_of', { divisor: String(issue.divisor) });
    case 'unrecognized_keys':
      return v('unrecognized_keys', { keys: issue.keys.join(', ') });
    case 'invalid_key':
      return v('invalid_key', { key: String(issue.path.at(-1) ?? '') });
    case 'invalid_format':
    case 'invalid_union':
    case 'invalid_element':
      return v(issue.code);
    default:
      return v('custom');
  }
}

/** Names the first offending field in the user's language, e.g. "电子邮件不是有效的电子邮件地址。". */
export function invalidInput(error: z.ZodError, lang: Lang, input?: unknown): ErrorPayload {
  const issue = error.issues[0];
  // The last segment of an invalid_key issue is the refused key itself, not a field.
  const fieldPath = issue.code === 'invalid_key' ? issue.path.slice(0, -1) : issue.path;
  const field = fieldPath.filter((p) => typeof p === 'string').at(-1);
  const fieldLabel = field ? t(lang, `fields.${field}`) : '';
  const label = fieldLabel && fieldLabel !== `fields.${field}` ? fieldLabel : (field ?? '');
  const why = reason(issue, input, lang);
  const message = label ? t(lang, 'errors.request/invalid-input', { field: label, reason: why }) : why;
  return { code: 'request/invalid-input', message, details: { field: issue.path.join('.'), issue: issue.code } };
}
