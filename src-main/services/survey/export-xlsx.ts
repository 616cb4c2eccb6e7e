import type { Database } from 'better-sqlite3';
import type { FileOut, FileOutTarget } from '../../contract/files';
import { t, type Lang } from '../../i18n/messages';
import { checkFileOut, safeFileName, writeFileOut } from '../files/write';
import { analyzeSurvey } from './analysis';
import { listQuestions } from './plans';
import { DEFAULT_LIKERT_LABELS } from '../../contract/survey';

const round = (v: number | null | undefined, d = 1) =>
  v === null || v === undefined ? null : Math.round(v * 10 ** d) / 10 ** d;

/**
 * The analysis as a workbook (issue #5 item 11): a summary sheet, one sheet per question with its
 * distribution, and the raw answers (one row per response, one column per question).
 */
export async function exportSurvey(
  db: Database,
  surveyId: number,
  lang: Lang,
  out?: FileOutTarget,
): Promise<FileOut & { sheets: string[]; rows: number }> {
  if (out) checkFileOut(out, ['.xlsx']);
  const a = analyzeSurvey(db, surveyId);
  const questions = listQuestions(db, surveyId, false);
  const L = (k: string) => t(lang, `survey.export.${k}`);
  // exceljs is loaded on first use: every CLI command would otherwise pay for it at start-up.
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  const summary = wb.addWorksheet(L('summary'));
  summary.addRow([a.survey.name]).font = { bold: true, size: 14 };
  summary.addRow([L('responses'), a.responses]);
  summary.addRow(['NPS', round(a.nps.score), a.nps.ci95 ? `${round(a.nps.ci95[0])} … ${round(a.nps.ci95[1])}` : null]);
  summary.addRow([L('promoters'), a.nps.promoters, L('passives'), a.nps.passives, L('detractors'), a.nps.detractors]);
  summary.addRow(['CSAT %', round(a.csat)]);
  summary.addRow(['CES', round(a.ces, 2)]);
  summary.addRow([]);
  summary.addRow([L('question'), L('type'), 'n', L('mean'), 'CSAT %', 'Top-2 %']).font = { bold: true };
  for (const q of a.questions) summary.addRow([q.text, q.type, q.n, round(q.mean, 2), round(q.csat), round(q.top2)]);
  summary.addRow([]);
  summary.addRow([L('salesperson'), L('employeeNo'), 'n', 'NPS', L('ciLow'), L('ciHigh'), L('tooSmall')]).font = {
    bold: true,
  };
  for (const p of a.bySalesperson)
    summary.addRow([
      p.name,
      p.employeeNo,
      p.n,
      round(p.nps),
      round(p.ci95?.[0]),
      round(p.ci95?.[1]),
      p.tooSmall ? '✓' : '',
    ]);
  summary.getColumn(1).width = 40;

  const used = new Set<string>([summary.name]);
  const sheetName = (base: string) => {
    let name =
      base
        .replace(/[\\/?*[\]:]/g, ' ')
        .slice(0, 28)
        .trim() || 'Q';
    for (let i = 2; used.has(name); i++) name = `${name.slice(0, 25)} ${i}`;
    used.add(name);
    return name;
  };
  for (const q of a.questions) {
    if (!Object.keys(q.distribution).length) continue;
    const ws = wb.addWorksheet(sheetName(`${q.code} ${q.text}`));
    ws.addRow([q.text]).font = { bold: true };
    ws.addRow([L('answer'), L('count'), '%']).font = { bold: true };
    const labels = questions.find((x) => x.id === q.id)?.options.labels?.[lang] ?? DEFAULT_LIKERT_LABELS[lang];
    for (const [k, c] of Object.entries(q.distribution))
      ws.addRow([q.type === 'likert5' ? `${k} ${labels[Number(k) - 1]}` : k, c, q.n ? round((100 * c) / q.n) : null]);
    ws.getColumn(1).width = 30;
  }
  const raw = wb.addWorksheet(sheetName(L('raw')));
  raw.addRow([L('respondent'), L('submitted'), L('customer'), L('salesperson'), ...questions.map((q) => q.text)]).font =
    { bold: true };
  const col = new Map(questions.map((q, i) => [q.id, i]));
  const rows = db
    .prepare(
      `SELECT r.id, coalesce(r.respondent_key, r.id) AS k, r.submitted_at AS at, c.name AS customer, sp.name AS sp
       FROM survey_responses r LEFT JOIN customers c ON c.id = r.customer_id LEFT JOIN staff sp ON sp.id = r.salesperson_id
       WHERE r.survey_id = ? ORDER BY r.id`,
    )
    .raw()
    .all(surveyId) as [number, string, string | null, string | null, string | null][];
  const answers = db
    .prepare('SELECT a.question_id, a.value_num, a.value_text FROM survey_answers a WHERE a.response_id = ?')
    .raw();
  for (const [id, k, at, customer, sp] of rows) {
    const cells: (string | number | null)[] = questions.map(() => null);
    for (const [qid, num, text] of answers.all(id) as [number, number | null, string | null][]) {
      const q = questions[col.get(qid)!];
      cells[col.get(qid)!] = q.type === 'choice' || q.type === 'multi' ? text : (num ?? text);
    }
    raw.addRow([k, at, customer, sp, ...cells]);
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const sheets = wb.worksheets.map((w) => w.name);
  return {
    ...writeFileOut(out, safeFileName(`${a.survey.name}.xlsx`, 'survey.xlsx'), buffer),
    sheets,
    rows: rows.length,
  };
}
