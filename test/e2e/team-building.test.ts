import fs from 'node:fs';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/runtime/dispatch';
import { defaultScheme } from '../../src-main/services/appraisal/default-scheme';
import { readDatabase, workbenchInBrowser } from '../support/browser';
import { tmpDir } from '../support/workspace';

// Issue 16 in a browser: screen a candidate, score an interview, hire, enrol a weak performer in a
// suggested course, print a sign-in sheet — and the database holds each step.
const dataDir = tmpDir('wb-e2e-team-building-');
const db = readDatabase(dataDir);
let candidateId = 0;
let sessionId = 0;
let heldId = 0;

const wb = workbenchInBrowser(dataDir, async (ws) => {
  const call = async (name: string, input: unknown) => {
    const r = await dispatch(ws, name, input, { lang: 'en', actor: 'tester' });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { id: number };
  };
  const team = await call('teams/create', { name: 'East' });
  const director = await call('staff/create', { employeeNo: 'D01', name: 'Director', teamId: team.id });
  const manager = await call('staff/create', {
    employeeNo: 'M01',
    name: 'Manager',
    teamId: team.id,
    managerId: director.id,
  });
  await call('staff/create', {
    employeeNo: 'P01',
    name: 'Weak Performer',
    teamId: team.id,
    managerId: manager.id,
    hireDate: '2022-01-01',
  });
  const plan = await call('recruit/plan-save', {
    title: 'Sales reps 2026',
    teamId: team.id,
    jobTitle: 'Sales rep',
    headcount: 1,
    criteria: { education: 'bachelor', minYears: 2 },
    requestedBy: 'M01',
  });
  candidateId = (
    await call('recruit/candidate-save', {
      planId: plan.id,
      name: 'Candidate Jia',
      phone: '13800000001',
      channel: 'boss',
      appliedDate: dayjs().subtract(20, 'day').format('YYYY-MM-DD'),
      profile: { education: 'master', years: 4 },
    })
  ).id;
  const course = await call('training/course-save', {
    title: 'Consultative selling',
    stage: 'junior',
    topic: 'sales-skill',
    passMark: 60,
  });
  sessionId = (
    await call('training/session-save', {
      courseId: course.id,
      date: dayjs().add(7, 'day').format('YYYY-MM-DD'),
      trainer: 'Ms Wang',
      place: 'Room A',
      hours: 3,
    })
  ).id;
  // a session that took place, which P01 attended, for the participants' feedback (P5.5)
  heldId = (
    await call('training/session-save', {
      courseId: course.id,
      date: dayjs().subtract(10, 'day').format('YYYY-MM-DD'),
      trainer: 'Ms Wang',
      place: 'Room B',
      hours: 2,
    })
  ).id;
  ws.db
    .prepare(
      "INSERT INTO training_attendance (session_id, staff_id, attended) SELECT ?, id, 1 FROM staff WHERE employee_no = 'P01'",
    )
    .run(heldId);
  // a new hire whose probation ends in ten days
  await call('staff/create', {
    employeeNo: 'N01',
    name: 'New Hire',
    teamId: team.id,
    managerId: manager.id,
    hireDate: dayjs().subtract(80, 'day').format('YYYY-MM-DD'),
  });
  ws.db
    .prepare("UPDATE staff SET probation_end = ? WHERE employee_no = 'N01'")
    .run(dayjs().add(10, 'day').format('YYYY-MM-DD'));
  // P01's last appraisal rated communication at level 2: a gap that the selling course addresses
  ws.db
    .prepare(
      "INSERT INTO review_schemes (id, quarter, version, definition, created_at) VALUES (1, '2026Q1', 1, ?, 'x')",
    )
    .run(JSON.stringify(defaultScheme()));
  ws.db.prepare("INSERT INTO reviews (id, quarter, scheme_id, status) VALUES (1, '2026Q1', 1, 'approved')").run();
  ws.db
    .prepare(
      "INSERT INTO review_kpi_values (review_id, staff_id, kpi_key, value, score) SELECT 1, id, 'communication', 2, 40 FROM staff WHERE employee_no = 'P01'",
    )
    .run();
});

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option })
    .last()
    .click();
}

describe('recruitment and training (P5.1–P5.5) in browser mode', () => {
  it('screens, scores, hires, enrols a weak performer in a suggested course and prints a sign-in sheet', async () => {
    const page = await wb.open('#/recruitment?tab=candidates', { width: 1600 });
    await page.getByTestId(`screen-${candidateId}`).click({ timeout: 120_000 });
    await expect.poll(() => page.getByTestId('screen-score').innerText(), { timeout: 20_000 }).toContain('100');
    await page.getByTestId('screen-save').click();
    await expect
      .poll(
        () => db((d) => d.prepare('SELECT screen_decision FROM candidates WHERE id = ?').pluck().get(candidateId)),
        { timeout: 20_000 },
      )
      .toBe('pass');

    await page.getByTestId(`interview-${candidateId}`).click();
    await pick(page, 'interviewer', 'Manager (M01)');
    for (const item of ['initiative', 'communication', 'sellingSkill', 'teamwork'])
      await pick(page, `level-${item}`, '4 · ');
    await page.getByTestId('score-save').click();
    await expect
      .poll(() => db((d) => d.prepare('SELECT count(*) FROM interview_scores').pluck().get()), { timeout: 20_000 })
      .toBe(4);
    expect(db((d) => d.prepare('SELECT DISTINCT level FROM interview_scores').pluck().all())).toEqual([4]);

    await page.getByTestId('make-offer').click();
    await expect
      .poll(() => db((d) => d.prepare('SELECT status FROM candidates WHERE id = ?').pluck().get(candidateId)), {
        timeout: 20_000,
      })
      .toBe('offer');
    await page.getByTestId('offer-accepted').click();
    await expect
      .poll(() => db((d) => d.prepare('SELECT offer_response FROM candidates WHERE id = ?').pluck().get(candidateId)), {
        timeout: 20_000,
      })
      .toBe('accepted');
    await page.getByTestId('hire-employee-no').fill('S100');
    await page.getByTestId('hire').click();
    await expect
      .poll(() => db((d) => d.prepare("SELECT count(*) FROM staff WHERE name = 'Candidate Jia'").pluck().get()), {
        timeout: 20_000,
      })
      .toBe(1);
    expect(
      db((d) => d.prepare("SELECT employee_no AS no, phone FROM staff WHERE name = 'Candidate Jia'").get()),
    ).toEqual({ no: 'S100', phone: '13800000001' });

    await page.goto(`${wb.web.url}#/training?tab=effect`);
    await page.getByTestId('enrol-P01-communication').click({ timeout: 60_000 });
    await expect
      .poll(
        () =>
          db((d) =>
            d
              .prepare(
                "SELECT a.enrolled_reason FROM training_attendance a JOIN staff s ON s.id = a.staff_id WHERE s.employee_no = 'P01' AND a.session_id = ?",
              )
              .pluck()
              .get(sessionId),
          ),
        { timeout: 20_000 },
      )
      .toContain('2026Q1');

    await page.goto(`${wb.web.url}#/training?tab=sessions`);
    await page.getByTestId(`sign-in-${sessionId}`).click({ timeout: 60_000 });
    const frame = page.frameLocator('[data-testid="print-frame"]');
    await frame.locator('text=Training sign-in sheet').first().waitFor({ timeout: 20_000 });
    expect(await frame.locator('body').innerText()).toContain('Weak Performer');
  });

  it('exports the candidates grid to Excel, takes a session’s feedback through the survey engine, and decides a probation on the rubric', async () => {
    const page = await wb.open('#/recruitment?tab=candidates', { width: 1600, downloads: true });
    await page.getByTestId('candidates-export').click({ timeout: 120_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('candidates-export-xlsx').click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['Name', 'Phone', 'E-mail']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell(2, 1).value).toBe('Candidate Jia');
    expect(sheet.getCell(2, 2).value).toBe('13800000001');
    expect(sheet.getCell(2, 5).value).toBeInstanceOf(Date);

    await page.goto(`${wb.web.url}#/training?tab=sessions`);
    await page.locator(`tr[data-row-key="${heldId}"] .ant-radio-input`).check({ timeout: 60_000 });
    await page.getByTestId('feedback-create').click({ timeout: 20_000 });
    await page.getByTestId('feedback-enter').click({ timeout: 20_000 });
    await pick(page, 'feedback-person', 'Weak Performer (P01)');
    await page.getByTestId('answer-overall').locator('.ant-radio-button-wrapper', { hasText: '4' }).first().click();
    await page.getByTestId('answer-comments').locator('textarea').fill('More role play, please');
    await page.getByTestId('feedback-save').click();
    await expect
      .poll(
        () =>
          db((d) =>
            d
              .prepare(
                "SELECT r.respondent_key AS k, a.value_num AS v FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id JOIN survey_questions q ON q.id = a.question_id WHERE q.code = 'overall'",
              )
              .all(),
          ),
        { timeout: 20_000 },
      )
      .toEqual([{ k: 'staff:p01', v: 4 }]);
    await expect.poll(() => page.getByTestId('feedback-count').innerText(), { timeout: 20_000 }).toContain('1 of 1');
    expect(await page.getByTestId('feedback-comments').innerText()).toContain('More role play, please');

    await page.goto(`${wb.web.url}#/training?tab=probation`);
    await page.getByTestId('probation-open-N01').click({ timeout: 60_000 });
    for (const item of ['initiative', 'communication', 'sellingSkill', 'teamwork'])
      await page.getByTestId(`probation-level-${item}`).locator('.ant-radio-wrapper').nth(3).click();
    await page.getByTestId('probation-decision').locator('.ant-radio-button-wrapper', { hasText: 'Confirm' }).click();
    await page.getByTestId('probation-save').click();
    await expect
      .poll(() => db((d) => d.prepare('SELECT decision, ratings FROM probation_reviews').get()), { timeout: 20_000 })
      .toEqual({
        decision: 'confirm',
        ratings: JSON.stringify({ initiative: 4, communication: 4, sellingSkill: 4, teamwork: 4 }),
      });
    await page.getByTestId('probation-print').click();
    const frame = page.frameLocator('[data-testid="print-frame"]');
    await frame.locator('text=Probation review').first().waitFor({ timeout: 20_000 });
    expect(await frame.locator('body').innerText()).toContain('New Hire');
  });

  it('P5.1 the requester submits the plan, their superior approves it, a channel’s cost counts against the budget', async () => {
    const page = await wb.open('#/recruitment?tab=plans', { width: 1600 });
    const planId = db((d) =>
      d.prepare("SELECT id FROM recruitment_plans WHERE title = 'Sales reps 2026'").pluck().get(),
    );
    await page.getByTestId('recruit-plans').getByRole('button', { name: 'Submit' }).first().click({ timeout: 60_000 });
    await page.getByTestId(`plan-approve-${planId}`).click({ timeout: 20_000 });
    await pick(page, 'plan-approver', 'Director (D01)');
    await page.getByTestId('plan-dialog-ok').click();
    await expect
      .poll(() => db((d) => d.prepare('SELECT approval FROM recruitment_plans WHERE id = ?').pluck().get(planId)), {
        timeout: 20_000,
      })
      .toBe('approved');
    await page.getByTestId(`plan-cost-${planId}`).click({ timeout: 20_000 });
    await pick(page, 'cost-channel', 'BOSS');
    await page.getByTestId('cost-amount').fill('6800');
    await page.getByTestId('plan-dialog-ok').click();
    await expect
      .poll(() => db((d) => d.prepare('SELECT channel, amount FROM recruitment_costs').all()), { timeout: 20_000 })
      .toEqual([{ channel: 'boss', amount: 680000 }]);
  });
});
