import type { Grade } from '../../contract/customers';

/** What completeness looks at: the customer row with its contacts' facts. */
export interface CompletenessInput {
  kind: string | null;
  industry: string | null;
  city: string | null;
  address: string | null;
  source: string | null;
  owner_id: number | null;
  phone: string | null;
  email: string | null;
  contacts: number;
  contactPhones: number;
  decisionMakers: number;
  birthdays: number;
}

/**
 * P4.1: the fields that matter grow with the grade. Every customer needs an owner, a city, a phone and a
 * contact; B customers also an address, a source and an industry (for a company); A customers also the
 * decision maker, an e-mail and a contact's birthday (care, P4.3, needs it).
 */
const FIELDS: Record<Grade, (keyof typeof CHECKS)[]> = {
  C: ['owner', 'city', 'phone', 'contact'],
  B: ['owner', 'city', 'phone', 'contact', 'address', 'source', 'industry'],
  A: ['owner', 'city', 'phone', 'contact', 'address', 'source', 'industry', 'decisionMaker', 'email', 'birthday'],
};

const filled = (v: string | null) => v !== null && v.trim() !== '';
const CHECKS = {
  owner: (c: CompletenessInput) => c.owner_id !== null,
  city: (c: CompletenessInput) => filled(c.city),
  phone: (c: CompletenessInput) => filled(c.phone) || c.contactPhones > 0,
  contact: (c: CompletenessInput) => c.contacts > 0,
  address: (c: CompletenessInput) => filled(c.address),
  source: (c: CompletenessInput) => filled(c.source),
  industry: (c: CompletenessInput) => c.kind === 'person' || filled(c.industry),
  decisionMaker: (c: CompletenessInput) => c.decisionMakers > 0,
  email: (c: CompletenessInput) => filled(c.email),
  birthday: (c: CompletenessInput) => c.birthdays > 0,
};

export function completenessOf(c: CompletenessInput, grade: Grade | null): { score: number; missing: string[] } {
  const fields = FIELDS[grade ?? 'C'];
  const missing = fields.filter((f) => !CHECKS[f](c));
  return { score: (fields.length - missing.length) / fields.length, missing };
}

/** The per-customer contact facts completeness reads, one query for all customers. */
export const CONTACT_FACTS_SQL = `SELECT customer_id AS id, count(*) AS contacts,
  sum(phone IS NOT NULL OR mobile IS NOT NULL) AS contactPhones,
  sum(role = 'decision-maker') AS decisionMakers,
  sum(birth_month IS NOT NULL) AS birthdays
  FROM contacts GROUP BY customer_id`;
