import type { Input } from '../../contract';
import { VISIT_TYPES } from '../../contract/care';
import { GRADES } from '../../contract/customers';
import { t, type Lang } from '../../i18n/messages';
import {
  call,
  choiceOption,
  command,
  intOption,
  noPositionals,
  oneOf,
  textOption,
  UsageError,
  type Values,
} from '../command';

/** `customers …`, `visits …` and `care …` (cli.md: visits due, care calendar, customers merge, and more). */

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

function required(values: Values, name: string): string {
  const v = textOption(values, name);
  if (v === undefined) throw new UsageError('customers.cli.missing-option', { option: `--${name}` });
  return v;
}

const person = (values: Values) => {
  const p = textOption(values, 'person');
  return p !== undefined ? { person: p } : {};
};
const asOf = (values: Values) => {
  const a = textOption(values, 'as-of');
  return a !== undefined ? { asOf: a } : {};
};

function buildCustomers(values: Values, pos: string[]) {
  const [sub, ...rest] = pos;
  noPositionals(`customers ${sub}`, rest);
  switch (sub) {
    case 'merge':
      return call('customers/merge', {
        keep: required(values, 'keep'),
        merge: required(values, 'merge'),
        reason: required(values, 'reason'),
      });
    case 'duplicates':
      return call('customers/duplicates', {});
    case 'regrade':
      return call('customers/regrade', asOf(values));
    case 'completeness':
      return call('customers/completeness', person(values));
    case 'hand-over': {
      const input: Input<'customers/hand-over'> = {
        from: required(values, 'from'),
        to: required(values, 'to')
          .split(/[,，\s]+/)
          .filter(Boolean),
        reason: required(values, 'reason'),
      };
      const grade = choiceOption(values, 'grade', GRADES);
      if (grade) input.grade = grade;
      return call('customers/hand-over', input);
    }
    default:
      throw new UsageError('customers.cli.usage-customers');
  }
}

function buildVisits(values: Values, pos: string[]) {
  const [sub, ...rest] = pos;
  noPositionals(`visits ${sub}`, rest);
  switch (sub) {
    case 'due':
      return call('visits/due', { ...person(values), ...asOf(values) });
    case 'compliance':
      return call('visits/compliance', { ...person(values), ...asOf(values) });
    case 'log': {
      const customerId = intOption(values, 'customer');
      if (customerId === undefined) throw new UsageError('customers.cli.missing-option', { option: '--customer' });
      const input: Input<'visits/log'> = {
        customerId,
        date: required(values, 'date'),
        status: values.planned ? 'planned' : 'done',
      };
      const type = choiceOption(values, 'type', VISIT_TYPES);
      if (type) input.type = type;
      for (const k of ['purpose', 'outcome'] as const) {
        const v = textOption(values, k);
        if (v !== undefined) input[k] = v;
      }
      return call('visits/log', input);
    }
    default:
      throw new UsageError('customers.cli.usage-visits');
  }
}

function buildCare(values: Values, pos: string[]) {
  const [sub, ...rest] = pos;
  noPositionals(`care ${sub}`, rest);
  const year = () => {
    const y = intOption(values, 'year');
    if (y === undefined) throw new UsageError('customers.cli.missing-option', { option: '--year' });
    return y;
  };
  switch (sub) {
    case 'calendar':
      return call('care/calendar', { year: year(), ...person(values), solarTerms: Boolean(values['solar-terms']) });
    case 'list': {
      const input: Input<'care/list'> = { ...person(values) };
      const date = textOption(values, 'date');
      if (date !== undefined) input.date = date;
      const days = intOption(values, 'days');
      if (days !== undefined) input.days = days;
      return call('care/list', input);
    }
    case 'coverage': {
      const occasion = textOption(values, 'occasion');
      return call('care/coverage', {
        year: year(),
        ...person(values),
        ...(occasion !== undefined ? { occasion } : {}),
      });
    }
    case 'templates':
      return call('care/templates', {});
    case 'set-template':
      return call('care/set-template', {
        occasion: required(values, 'occasion'),
        lang: oneOf('in', required(values, 'in'), ['zh-CN', 'en'] as const),
        body: required(values, 'body'),
      });
    case 'events':
      return call('care/events', {});
    case 'add-event':
      return call('care/save-event', {
        date: required(values, 'date'),
        name: required(values, 'name'),
        yearly: !values.once,
      });
    case 'delete-event': {
      const id = intOption(values, 'id');
      if (id === undefined) throw new UsageError('customers.cli.missing-option', { option: '--id' });
      return call('care/delete-event', { id });
    }
    default:
      throw new UsageError('customers.cli.usage-care');
  }
}

const line = (cols: (string | number | null | undefined)[]) =>
  cols.map((c) => (c === null || c === undefined ? '—' : String(c))).join('\t');

export const customerCommands = [
  command({
    name: 'customers',
    summary: 'customers.cli.help-customers',
    usage: 'customers merge|duplicates|regrade|completeness|hand-over …',
    options: {
      keep: { type: 'string' },
      merge: { type: 'string' },
      reason: { type: 'string' },
      'as-of': { type: 'string' },
      person: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      grade: { type: 'string' },
    },
    build: buildCustomers,
    render: {
      'customers/merge': (r, lang) =>
        t(lang, 'customers.cli.merged', {
          kept: `${r.kept.code} ${r.kept.name}`,
          merged: `${r.merged.code} ${r.merged.name}`,
          moved: Object.values(r.moved).reduce((a, b) => a + b, 0),
        }),
      'customers/duplicates': (groups, lang) =>
        [
          t(lang, 'customers.cli.duplicates', { groups: groups.length }),
          ...groups.map((g) => `${g.reason}: ${g.customers.map((c) => `${c.code ?? c.id} ${c.name}`).join(' | ')}`),
        ].join('\n'),
      'customers/regrade': (r, lang) =>
        t(lang, 'customers.cli.regraded', {
          customers: r.customers,
          asOf: r.asOf,
          a: r.byGrade.A,
          b: r.byGrade.B,
          c: r.byGrade.C,
        }),
      'customers/completeness': (r, lang) =>
        [
          t(lang, 'customers.cli.completeness', { score: pct(r.company), incomplete: r.worklist.length }),
          ...r.people.map((p) => line([p.employeeNo, p.name, pct(p.score), p.incomplete])),
        ].join('\n'),
      'customers/hand-over': (r, lang) =>
        [
          t(lang, 'customers.cli.handed-over', { count: r.moved.length, from: r.from }),
          ...r.moved.map((m) => line([m.code, '→', m.to])),
        ].join('\n'),
    },
  }),
  command({
    name: 'visits',
    summary: 'customers.cli.help-visits',
    usage: 'visits due|compliance|log …',
    options: {
      person: { type: 'string' },
      'as-of': { type: 'string' },
      customer: { type: 'string' },
      date: { type: 'string' },
      type: { type: 'string' },
      planned: { type: 'boolean' },
      purpose: { type: 'string' },
      outcome: { type: 'string' },
    },
    build: buildVisits,
    render: {
      'visits/due': (r, lang: Lang) =>
        [
          t(lang, 'customers.cli.due-header', {
            asOf: r.asOf,
            overdue: r.items.filter((i) => i.status === 'overdue').length,
            due: r.items.filter((i) => i.status === 'due').length,
          }),
          ...r.items.map((i) =>
            line([i.grade, i.code, i.customer, i.salesperson, i.lastVisit, i.dueDate, i.daysOverdue]),
          ),
        ].join('\n'),
      'visits/compliance': (r, lang) =>
        [
          t(lang, 'customers.cli.compliance-header', { asOf: r.asOf, share: pct(r.company) }),
          ...r.rows.map((x) => line([x.employeeNo, x.name, x.onTime, x.aCustomers, pct(x.share)])),
        ].join('\n'),
      'visits/log': (v, lang) =>
        t(lang, 'customers.cli.visit-logged', { id: v.id, customer: v.customerName, date: v.date }),
    },
  }),
  command({
    name: 'care',
    summary: 'customers.cli.help-care',
    usage: 'care calendar|list|coverage|templates|set-template|events|add-event|delete-event …',
    options: {
      year: { type: 'string' },
      in: { type: 'string' },
      body: { type: 'string' },
      name: { type: 'string' },
      once: { type: 'boolean' },
      id: { type: 'string' },
      person: { type: 'string' },
      'solar-terms': { type: 'boolean' },
      date: { type: 'string' },
      days: { type: 'string' },
      occasion: { type: 'string' },
    },
    build: buildCare,
    render: {
      'care/calendar': (c, lang) =>
        [
          t(lang, 'customers.cli.calendar-header', { year: c.year, events: c.events.length }),
          ...(c.officialSchedule ? [] : [t(lang, 'customers.cli.not-official', { year: c.year })]),
          ...c.events.map((e) => line([e.date, e.kind, e.occasion, e.customer, e.contact])),
        ].join('\n'),
      'care/list': (l, lang) =>
        [
          t(lang, 'customers.cli.list-header', {
            from: l.from,
            to: l.to,
            items: l.items.length,
            sent: l.items.filter((i) => i.sent).length,
          }),
          ...l.items.map((i) => line([i.date, i.occasion, i.customer, i.contact, i.mobile, i.text])),
        ].join('\n'),
      'care/templates': (list, lang) =>
        list.map((x) => line([x.occasion, x.lang, x.custom ? t(lang, 'customers.cli.custom') : '', x.body])).join('\n'),
      'care/set-template': (x, lang) => t(lang, 'customers.cli.template-saved', { occasion: x.occasion, lang: x.lang }),
      'care/events': (list, lang) =>
        list.length
          ? list.map((e) => line([e.id, e.date, e.name, e.yearly ? t(lang, 'customers.cli.yearly') : ''])).join('\n')
          : t(lang, 'customers.cli.no-events'),
      'care/save-event': (e, lang) => t(lang, 'customers.cli.event-saved', { id: e.id, name: e.name, date: e.date }),
      'care/delete-event': (_r, lang) => t(lang, 'customers.cli.event-deleted'),
      'care/coverage': (c, lang) =>
        [
          t(lang, 'customers.cli.coverage-header', {
            year: c.year,
            occasion: c.occasion,
            covered: c.covered,
            aCustomers: c.aCustomers,
            from: c.window.from,
            to: c.window.to,
          }),
          ...c.uncovered.map((u) => line([u.salesperson, u.salespersonName, u.code, u.customer])),
        ].join('\n'),
    },
  }),
];
