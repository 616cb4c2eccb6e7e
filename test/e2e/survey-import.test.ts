import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../src-main/db/workspace';
import { dispatch } from '../../src-main/runtime/dispatch';
import {
  PHONE_OPTIONS,
  ROSTER,
  WJX_CODED_ROWS,
  WJX_CODED_SERVICES,
  writeSurveyFixtures,
} from '../fixtures/survey/make-survey-fixtures';
import { readDatabase, workbenchInBrowser } from '../support/browser';
import { seedPeople } from '../support/survey-seed';
import { tmpDir } from '../support/workspace';

// Issue #10 items 1 and 13 (P4.7): a 问卷星 coded export into a questionnaire that numbers its options. The
// window shows the cells as the file has them, proposes the code table, and applies it only once confirmed.
const dataDir = tmpDir('wb-e2e-survey-import-');
const files = writeSurveyFixtures(tmpDir());
const db = readDatabase(dataDir);
let surveyId = 0;

const wb = workbenchInBrowser(dataDir, async (ws: Workspace) => {
  seedPeople(ws.db, ROSTER);
  const ctx = { lang: 'en' as const, actor: 'tester' };
  const plan = await dispatch(ws, 'survey/save-plan', { name: '手机调查', method: 'questionnaire' }, ctx);
  if (!plan.ok) throw new Error(plan.error.message);
  surveyId = (plan.value as { id: number }).id;
  const qs = await dispatch(
    ws,
    'survey/save-questions',
    {
      surveyId,
      questions: [
        { code: 'Q1', text: '您家有几部手机', type: 'choice', options: { choices: PHONE_OPTIONS } },
        { code: 'Q2', text: '您认为哪些服务重要', type: 'multi', options: { choices: WJX_CODED_SERVICES } },
        { code: 'Q3', text: '您对客户经理服务的满意程度', type: 'likert5' },
      ],
    },
    ctx,
  );
  if (!qs.ok) throw new Error(qs.error.message);
});

describe('survey import window: codes shown and confirmed (issue #10)', () => {
  it('proposes the option numbers, shows "3 → 3部" once confirmed, and writes the options', async () => {
    const page = await wb.open('#/surveys/import');
    await page.getByText('Into an existing survey').click();
    await page.locator('.ant-select').filter({ hasText: 'Choose the survey' }).click();
    await page.getByTitle('手机调查').click();
    await page.locator('.ant-upload input[type=file]').setInputFiles(files.wjxCoded);
    const suggestion = page.getByTestId('suggested-codes-G');
    await suggestion.waitFor();
    expect(await suggestion.innerText()).toContain('3→3部');
    // not confirmed: every row is invalid, nothing can be imported
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await suggestion.getByRole('button').click();
    await page.getByTestId('codes-G').waitFor();
    // the preview keeps the file's cell and says what is stored
    const preview = page.getByTestId('import-preview');
    await preview.getByText('3 → 3部').first().waitFor();
    await page.getByTestId('import-commit').click();
    await page.waitForURL(new RegExp(`#/surveys/${surveyId}$`));
    const stored = db((d) =>
      d
        .prepare(
          "SELECT a.value_text AS text FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id JOIN survey_responses r ON r.id = a.response_id WHERE q.code = 'Q1' AND r.survey_id = ? ORDER BY r.id",
        )
        .pluck()
        .all(surveyId),
    );
    expect(stored).toEqual(WJX_CODED_ROWS.filter((r) => r[2] !== 0).map((r) => PHONE_OPTIONS[Number(r[2]) - 1]));
    await page.context().close();
  });

  it('as a new survey: the manager types the code table, 0 marked as no answer; the numbers were kept as numbers before', async () => {
    const page = await wb.open('#/surveys/import');
    await page.locator('.ant-upload input[type=file]').setInputFiles(files.wjxCoded);
    // before any code table, the column offers the numbers the file holds
    expect(
      await page.getByTestId('import-columns').locator('tr', { hasText: '1、您家有几部手机' }).innerText(),
    ).toContain('0 / 1 / 2 / 3 / 4');
    await page.getByTestId('edit-codes-G').click();
    const dialog = page.getByRole('dialog');
    for (const [k, label] of PHONE_OPTIONS.entries())
      await dialog.getByLabel(String(k + 1), { exact: true }).fill(label);
    await dialog.locator('tr', { hasText: /^0/ }).getByRole('checkbox').check();
    await dialog.getByRole('button', { name: 'OK' }).click();
    expect(await page.getByTestId('codes-G').innerText()).toContain('0→∅');
    await page.getByTestId('import-preview').getByText('4 → 4部及以上').first().waitFor();
    await page.getByTestId('import-commit').click();
    await page.waitForURL(/#\/surveys\/\d+$/);
    const id = Number(/(\d+)$/.exec(page.url())![1]);
    const stored = db((d) =>
      d
        .prepare(
          "SELECT a.value_text AS text FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id JOIN survey_responses r ON r.id = a.response_id WHERE q.code = 'Q1' AND r.survey_id = ? ORDER BY r.id",
        )
        .pluck()
        .all(id),
    );
    expect(stored).toEqual(WJX_CODED_ROWS.filter((r) => r[2] !== 0).map((r) => PHONE_OPTIONS[Number(r[2]) - 1]));
    await page.context().close();
  });
});
