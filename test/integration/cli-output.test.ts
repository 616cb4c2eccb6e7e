import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/run';
import { BREAKDOWN_METHODS } from '../../src-main/contract/targets';
import { Workspace } from '../../src-main/db/workspace';
import { dispatch } from '../../src-main/runtime/dispatch';
import { seedAppraisalCompany } from '../support/appraisal-fixture';
import { seedSurvey } from '../support/survey-seed';
import { tmpDir } from '../support/workspace';

/** The command line's human output and usage, run in-process (issue 11 review, defects b–d). */
async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    out: { write: (s: string) => ((stdout += s), true) },
    err: { write: (s: string) => ((stderr += s), true), isTTY: false },
  };
  const status = await runCli(args, io as unknown as Parameters<typeof runCli>[1]);
  return { status, stdout, stderr };
}

/** The hand-computed company with its 2026Q3 appraisal computed, and a survey of three answers. */
async function folder(): Promise<{ dir: string; surveyId: number }> {
  const dir = tmpDir('wb-cli-output-');
  const ws = new Workspace(dir);
  seedAppraisalCompany(ws.db);
  const r = await dispatch(ws, 'appraisal/compute', { quarter: '2026Q3' }, { lang: 'en', actor: 'tester' });
  if (!r.ok) throw new Error(r.error.message);
  const { surveyId } = seedSurvey(
    ws.db,
    { name: 'Wave' },
    [{ code: 'nps', text: 'Recommend?', type: 'nps' }],
    [{ answers: { nps: 10 } }, { answers: { nps: 6 } }, { answers: { nps: 8 } }],
  );
  ws.close();
  return { dir, surveyId };
}

describe('command-line output', () => {
  it('export survey and export appraisal say how many rows they wrote, with and without --json', async () => {
    const { dir, surveyId } = await folder();
    const ws = new Workspace(dir);
    const people = (
      ws.db
        .prepare(
          "SELECT count(*) AS n FROM review_entries e JOIN reviews r ON r.id = e.review_id WHERE r.quarter = '2026Q3'",
        )
        .get() as { n: number }
    ).n;
    ws.close();
    expect(people).toBeGreaterThan(0);

    const survey = path.join(dir, 'survey.xlsx');
    const s = await cli(['--data-dir', dir, '--lang', 'en', 'export', 'survey', survey, '--survey', String(surveyId)]);
    expect(s.status, s.stderr).toBe(0);
    expect(s.stdout.trim()).toBe(`Exported 3 rows to ${survey}.`);
    expect(fs.existsSync(survey)).toBe(true);

    const appraisal = path.join(dir, 'appraisal.xlsx');
    const r = await cli(['--data-dir', dir, '--lang', 'en', 'export', 'review', appraisal, '--quarter', '2026Q3']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(`Exported ${people} rows to ${appraisal}.`);

    const json = await cli(['--data-dir', dir, '--json', 'export', 'review', appraisal, '--quarter', '2026Q3']);
    expect(JSON.parse(json.stdout)).toMatchObject({ rows: people, path: appraisal });
  });

  it('the appraisal usage lists appraisal incidents', async () => {
    const r = await cli(['--data-dir', tmpDir(), '--lang', 'en', 'review', 'frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('review incidents [--quarter Q]');
  });

  it('a survey import refuses --header-row, which its reader does not take, before opening anything', async () => {
    const dir = tmpDir();
    for (const args of [
      ['survey', 'import', 'answers.csv', '--header-row', '2'],
      ['import', 'survey', 'answers.csv', '--header-row', '2'],
    ]) {
      const en = await cli(['--data-dir', dir, '--lang', 'en', ...args]);
      expect(en.status, args.join(' ')).toBe(2);
      expect(en.stderr).toContain('does not take --header-row');
      const zh = await cli(['--data-dir', dir, '--lang', 'zh-CN', ...args]);
      expect(zh.stderr).toContain('不接受 --header-row');
    }
    expect(fs.existsSync(path.join(dir, 'workbench.db'))).toBe(false);
  });

  it('choices in usage errors are the contract enum options, before anything is opened', async () => {
    const dir = tmpDir();
    const bad = await cli([
      '--data-dir',
      dir,
      '--lang',
      'en',
      'targets',
      'breakdown',
      '--year',
      '2026',
      '--method',
      'magic',
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(BREAKDOWN_METHODS.join(', '));
    const missing = await cli(['--data-dir', dir, '--lang', 'zh-CN', 'targets', 'breakdown', '--year', '2026']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`--method ${BREAKDOWN_METHODS.join('|')}`);
    const size = await cli(['--data-dir', dir, '--lang', 'en', 'demo', '--size', 'huge']);
    expect(size.status).toBe(2);
    expect(size.stderr).toContain('small, large');
    expect(fs.existsSync(path.join(dir, 'workbench.db'))).toBe(false);
  });
});
