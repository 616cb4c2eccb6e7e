import dayjs from 'dayjs';
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
});
