import { createHash } from 'node:crypto';
import path from 'node:path';
import { displayValue, isBlank, isDate, type CellValue } from '../../../excel/cell';
import { writeBackup } from '../../../db/backup';
import { WorkbenchError } from '../../../contract/errors';
import type { ParsedInput } from '../../../contract';
import { DEFAULT_LIKERT_LABELS, type ImportSurveyResult, type SurveyQuestion } from '../../../contract/survey';
import { t } from '../../../i18n/messages';
import { audit } from '../../audit';
import { nowIso, type ServiceContext, today } from '../../context';
import { getPlan, listQuestions } from '../plans';
import { storeOptions } from '../question-options';
import { findSalesperson, toStored, type StoredAnswer } from '../responses';
import { readFileIn } from '../../files/read';
import { openChangeLog } from '../../import/change-log';
import { cacheAddResponses, ensureSurveyCache } from '../score-cache';
import { choicesOf, codeKey, readAnswer, storedReading, suggestCodes } from './answers';
import { isNoAnswer, multiSeparator, planColumns, type ColumnPlan, type Roster } from './columns';
import { readSurveySheet, type SurveySheet } from './layouts';
import { contentOf, respondents } from './respondents';
import { normaliseWord } from './satisfaction-words';
import { allStaff } from '../../../db/access/staff';

/**
 * `import survey`: reads a platform export, shows how each column was understood (dry run), and writes
 * the answers in one transaction (issue #5 items 4–5; cli.md "Import"). Without skipInvalid a single bad
 * row writes nothing; re-importing the same file inserts nothing (respondent keys are unique per survey).
 */
type ImportSurveyInput = ParsedInput<'survey/import'>;

export type { ImportSurveyResult };

/** A submission time as YYYY-MM-DD from a date cell or the platforms' texts (2017/11/24 12:39:58 PM GMT+4, 6/6/2025 6:00:00AM). */
function submittedDate(v: CellValue): string | null {
  if (isDate(v)) return v.iso.slice(0, 10);
  const s = displayValue(v).trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(s);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(s);
  if (m) return `${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
  return null;
}

function applyCorrections(sheet: SurveySheet, plans: ColumnPlan[], fixes: ImportSurveyInput['columns']): void {
  const sep = multiSeparator(sheet.layout);
  for (const f of fixes ?? []) {
    const p = plans.find((x) => x.letter === f.column.toUpperCase() || x.header === f.column || x.text === f.column);
    if (!p) throw new WorkbenchError('survey/unknown-column', { column: f.column });
    if (f.role) p.role = f.role;
    if (f.type) {
      p.type = f.type;
      if (p.role === 'ignore') p.role = 'question';
    }
    if (f.wordMap) for (const [w, s] of Object.entries(f.wordMap)) p.wordMap[normaliseWord(w)] = s;
    if (f.codes)
      p.codes = Object.fromEntries(Object.entries(f.codes).map(([k, v]) => [codeKey(k), v === null ? null : v.trim()]));
    // options follow the answers (and the code table), for a column the manager made a choice question
    if ((f.type || f.codes) && (p.type === 'choice' || p.type === 'multi') && p.indexes.length === 1)
      p.choices = choicesOf(sheet, p, sep);
  }
}

/** The roster's employee numbers and names, to tell the salesperson column by its values (issue #10 item 2). */
function roster(ctx: ServiceContext): Roster {
  const known = new Set(
    allStaff(ctx.db)
      .flatMap((s) => [s.employeeNo.toLowerCase(), s.name])
      .filter((x): x is string => !!x),
  );
  return { has: (v) => known.has(v) || known.has(v.toLowerCase()) };
}

/** The question a column fills: an existing one (importing into a survey) or one made from the column. */
function targetQuestions(
  ctx: ServiceContext,
  plans: ColumnPlan[],
  surveyId: number | undefined,
): Map<ColumnPlan, SurveyQuestion> {
  const out = new Map<ColumnPlan, SurveyQuestion>();
  const existing = surveyId === undefined ? [] : listQuestions(ctx.db, surveyId);
  let pos = existing.length;
  for (const p of plans) {
    if (p.role !== 'question' && p.role !== 'salesperson' && p.role !== 'meta') continue;
    if (surveyId !== undefined) {
      const q = existing.find(
        (e) => e.text === p.text || e.text === p.header || e.code.toLowerCase() === p.code.toLowerCase(),
      );
      if (!q) throw new WorkbenchError('survey/unknown-column', { column: `${p.letter} ${p.header}` });
      out.set(p, q);
      continue;
    }
    out.set(p, {
      id: -++pos,
      position: pos,
      code: p.code,
      text: p.text,
      type: p.type,
      options:
        p.type === 'choice' || p.type === 'multi'
          ? { choices: p.choices }
          : p.type === 'likert5'
            ? { labels: undefined }
            : {},
      answers: 0,
    });
  }
  if (surveyId === undefined)
    for (const q of out.values()) if (q.type === 'likert5') q.options = { labels: DEFAULT_LIKERT_LABELS };
  return out;
}

export function importSurvey(ctx: ServiceContext, input: ImportSurveyInput): ImportSurveyResult {
  const { db, lang } = ctx;
  const { bytes, name } = readFileIn(ctx.ws.dataDir, input.file);
  const sheet = readSurveySheet(bytes, name, input.sheet);
  if (input.surveyId !== undefined) {
    getPlan(db, input.surveyId);
    // P5.5: a training session's feedback survey takes answers once the session has taken place, whichever
    // import brings them (training feedback import checks the same before calling this).
    const session = db
      .prepare(
        'SELECT s.date, p.title AS course FROM training_sessions s JOIN training_plans p ON p.id = s.plan_id WHERE s.feedback_survey_id = ?',
      )
      .get(input.surveyId) as { date: string; course: string } | undefined;
    if (session && session.date > today()) throw new WorkbenchError('training/session-not-held', session);
  }
  const plans = planColumns(sheet, roster(ctx));
  applyCorrections(sheet, plans, input.columns);
  if (sheet.rows.length === 0) throw new WorkbenchError('survey/no-answers-in-file', { file: name });
  const questions = targetQuestions(ctx, plans, input.surveyId);
  if (![...questions.keys()].some((p) => p.role === 'question'))
    throw new WorkbenchError('survey/no-questions-in-file', { file: name });
  const idCol = plans.find((p) => p.role === 'id');
  const timeCol = plans.find((p) => p.role === 'submitted');
  const customerCol = plans.find((p) => p.role === 'customer');
  const sep = multiSeparator(sheet.layout);
  const who = respondents(db, input.surveyId, sheet.layout);
  const suggested = new Map<ColumnPlan, Record<string, string | null>>();
  for (const [p, q] of questions) {
    const s = input.surveyId === undefined ? null : suggestCodes(sheet, p, q, sep);
    if (s) suggested.set(p, s);
  }
  const errors: ImportSurveyResult['errors'] = [];
  const warnings: ImportSurveyResult['warnings'] = [];
  const records: NonNullable<ImportSurveyResult['records']> = [];
  const valid: {
    key: string;
    customerId: number | null;
    salespersonId: number | null;
    submitted: string | null;
    answers: [ColumnPlan, StoredAnswer][];
  }[] = [];
  let skipped = 0;
  let invalid = 0;
  let noAnswerCells = 0;
  const customerBy = db.prepare(
    'SELECT id, owner_id AS owner FROM customers WHERE code = ? OR name = ? ORDER BY code = ? DESC LIMIT 2',
  );
  for (const row of sheet.rows) {
    const cell = (i: number) => row.cells[i] ?? null;
    const rowErrors: ImportSurveyResult['errors'] = [];
    const idText = idCol ? displayValue(cell(idCol.indexes[0])).trim() : '';
    const same = who.sameAs(row.cells);
    if (same !== undefined)
      rowErrors.push({
        row: row.r,
        column: idCol?.header ?? '',
        value: idText,
        message: t(lang, 'errors.survey/duplicate-response', { row: same }),
      });
    else if (who.numberSeenAt(idText) !== undefined)
      warnings.push({
        row: row.r,
        column: idCol!.header,
        value: idText,
        message: t(lang, 'errors.survey/repeated-id', { value: idText, row: who.numberSeenAt(idText) }),
      });
    who.note(row.r, idText, row.cells);
    const answers: [ColumnPlan, StoredAnswer][] = [];
    const shown: Record<string, string | null> = {};
    const mapped: Record<string, string> = {};
    let salespersonId: number | null = null;
    let salespersonName: string | null = null;
    for (const [p, q] of questions) {
      for (const i of p.indexes) if (!isBlank(cell(i)) && isNoAnswer(cell(i))) noAnswerCells++;
      let read: ReturnType<typeof readAnswer> = { value: null, shown: null };
      try {
        read = readAnswer(
          p,
          q,
          row.cells,
          sep,
          p.indexes.length > 1 || (p.type === 'multi' && sheet.layout === 'wjx-coded'),
        );
        shown[p.code] = read.shown;
        const s = toStored(q, read.value);
        if (!s) continue;
        answers.push([p, s]);
        const differs = storedReading(s, read.shown, sep);
        if (differs !== null) mapped[p.code] = differs;
        if (q.type === 'salesperson' && s.text) {
          salespersonName = s.text;
          salespersonId = findSalesperson(db, s.text);
          if (salespersonId === null)
            warnings.push({
              row: row.r,
              column: p.header,
              value: s.text,
              message: t(lang, 'errors.survey/unknown-salesperson', { value: s.text }),
            });
        }
      } catch (e) {
        const err = e as WorkbenchError;
        const hint = suggested.has(p) ? ` ${t(lang, 'errors.survey/codes-hint', { column: p.letter })}` : '';
        rowErrors.push({
          row: row.r,
          column: `${p.letter} ${p.header}`.trim(),
          value: read.shown ?? String(err.params?.value ?? ''),
          message: t(lang, `errors.${err.code}`, err.params) + hint,
        });
      }
    }
    let customerId: number | null = null;
    const customerText = customerCol ? displayValue(cell(customerCol.indexes[0])).trim() : '';
    if (customerText) {
      const found = customerBy.all(customerText, customerText, customerText) as { id: number; owner: number | null }[];
      if (found.length >= 1) {
        customerId = found[0].id;
        salespersonId ??= found[0].owner;
      } else
        warnings.push({
          row: row.r,
          column: customerCol!.header,
          value: customerText,
          message: t(lang, 'errors.survey/customer-unknown', { value: customerText }),
        });
    }
    if (!rowErrors.length && !answers.some(([p]) => p.role === 'question')) {
      rowErrors.push({ row: row.r, column: '', value: '', message: t(lang, 'errors.survey/empty-response') });
    }
    if (rowErrors.length) {
      invalid++;
      errors.push(...rowErrors);
      continue;
    }
    const submitted = timeCol ? submittedDate(cell(timeCol.indexes[0])) : null;
    if (
      input.surveyId !== undefined &&
      who.known(
        idText,
        row.cells,
        contentOf(
          customerId,
          submitted,
          answers.map(([p, s]) => [questions.get(p)!.id, s]),
        ),
      )
    ) {
      skipped++;
      continue;
    }
    const key = who.keyFor(idText, row.cells);
    valid.push({ key, customerId, salespersonId, submitted, answers });
    if (input.dryRun)
      records.push({
        row: row.r,
        key,
        customer: customerText || null,
        salesperson: salespersonName,
        submittedAt: submitted,
        answers: shown,
        mapped,
      });
  }
  const result: ImportSurveyResult = {
    kind: 'survey',
    file: 'path' in input.file ? input.file.path : name,
    sheet: sheet.sheet,
    layout: sheet.layout,
    headerRow: sheet.headerRow,
    survey: input.surveyId ?? null,
    questions: plans.map((p) => {
      const q = questions.get(p);
      // importing into a survey, the options are the questionnaire's
      const choices = q && (q.type === 'choice' || q.type === 'multi') ? (q.options.choices ?? []) : p.choices;
      return {
        id: q?.id ?? null,
        code: p.code,
        column: p.letter,
        header: p.header,
        text: p.text,
        type: q?.type ?? p.type,
        role: p.role,
        choices,
        wordMap: p.wordMap,
        codes: p.codes ?? null,
        suggestedCodes: suggested.get(p) ?? null,
      };
    }),
    rows: { read: sheet.rows.length, valid: valid.length + skipped, invalid, skipped, inserted: 0, updated: 0 },
    errors,
    warnings,
    noAnswerCells,
    committed: false,
    importId: null,
  };
  for (const q of result.questions) if (q.id !== null && q.id < 0) q.id = null;
  if (input.dryRun) return { ...result, records };
  if (invalid > 0 && !input.skipInvalid) {
    const first = errors[0];
    throw new WorkbenchError('survey/invalid-rows', {
      count: invalid,
      row: first.row,
      column: first.column,
      value: first.value,
      message: first.message,
      errors: errors.slice(0, 200),
    });
  }
  writeBackup(db, ctx.ws.dataDir, 'before-import');
  db.transaction(() => {
    // The history record first: everything below is logged against it, so that `import undo` removes it all.
    const importId = Number(
      db
        .prepare(
          "INSERT INTO imports (kind, file_name, file_hash, sheet, at, rows_read, inserted, updated, skipped, invalid, mapping, status) VALUES ('survey', ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 'committed')",
        )
        .run(
          result.file,
          createHash('sha256').update(bytes).digest('hex'),
          sheet.sheet,
          nowIso(),
          sheet.rows.length,
          valid.length,
          skipped,
          invalid,
          JSON.stringify(
            result.questions.map((q) => (q.codes ? [q.column, q.role, q.type, q.codes] : [q.column, q.role, q.type])),
          ),
        ).lastInsertRowid,
    );
    const changes = openChangeLog(db, importId);
    let surveyId = input.surveyId;
    if (surveyId === undefined) {
      const dates = valid
        .map((v) => v.submitted)
        .filter((d): d is string => d !== null)
        .sort();
      surveyId = Number(
        db
          .prepare(
            "INSERT INTO surveys (name, purpose, method, start_date, end_date, status, audience, created_at) VALUES (?, NULL, 'questionnaire', ?, ?, 'closed', NULL, ?)",
          )
          .run(input.name ?? path.parse(result.file).name, dates[0] ?? null, dates.at(-1) ?? null, nowIso())
          .lastInsertRowid,
      );
      changes.inserted('surveys', surveyId);
      const insQ = db.prepare(
        'INSERT INTO survey_questions (survey_id, position, code, text, type, options) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const q of questions.values()) {
        q.id = Number(
          insQ.run(surveyId, q.position, q.code, q.text, q.type, storeOptions(q.type, q.options)).lastInsertRowid,
        );
        changes.inserted('survey_questions', q.id);
      }
      for (const rq of result.questions)
        rq.id = [...questions.entries()].find(([p]) => p.code === rq.code)?.[1].id ?? null;
      audit(db, {
        actor: ctx.actor,
        entity: 'survey',
        entityId: surveyId,
        newValue: { name: result.file, layout: sheet.layout },
        reason: 'created by import',
      });
    }
    const insR = db.prepare(
      'INSERT INTO survey_responses (survey_id, respondent_key, customer_id, salesperson_id, submitted_at, channel, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const insA = db.prepare(
      'INSERT INTO survey_answers (response_id, question_id, value_num, value_text) VALUES (?, ?, ?, ?)',
    );
    ensureSurveyCache(db, surveyId);
    let firstId: number | null = null;
    for (const v of valid) {
      const rid = Number(
        insR.run(surveyId, v.key, v.customerId, v.salespersonId, v.submitted, sheet.layout, importId).lastInsertRowid,
      );
      firstId ??= rid;
      changes.inserted('survey_responses', rid);
      for (const [p, s] of v.answers) insA.run(rid, questions.get(p)!.id, s.num, s.text);
    }
    if (firstId !== null) cacheAddResponses(db, surveyId, firstId);
    changes.flush();
    result.survey = surveyId;
    result.rows.inserted = valid.length;
    result.committed = true;
    result.importId = importId;
  })();
  return result;
}
