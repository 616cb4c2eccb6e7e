import { trainingOps } from '../../contract/training';
import { t } from '../../i18n/messages';
import { writeFileOut } from '../files/write';
import type { HandlersOf } from '../handler-types';
import { signInSheetHtml } from '../report/sign-in-sheet-html';
import { getSetting } from '../system/settings';
import { enrol, participants, recordAttendance } from './attendance';
import {
  getSession,
  listCourses,
  listSessions,
  requirements,
  saveCourse,
  saveSession,
  setRequirement,
} from './courses';
import { courseEffect, effectTable } from './effect';
import { createFeedbackSurvey, enterFeedback, importFeedback, sessionFeedback } from './feedback';
import { probationDue, probationOf, saveProbationReview } from './probation';
import { probationReviewHtml } from '../report/probation-review-html';
import { kpiTopicList, setKpiTopics, suggestions } from './loop';
import { trainingRecords } from './records';

export const trainingHandlers = {
  'training/requirements': (ctx, input) => requirements(ctx.db, input.year),
  'training/set-requirement': (ctx, input) => setRequirement(ctx, input),
  'training/courses': (ctx) => listCourses(ctx.db),
  'training/course-save': (ctx, input) => saveCourse(ctx, input),
  'training/sessions': (ctx, input) => listSessions(ctx.db, input.courseId, input.year),
  'training/session-save': (ctx, input) => saveSession(ctx, input),
  'training/participants': (ctx, input) => participants(ctx.db, input.sessionId),
  'training/enrol': (ctx, input) => enrol(ctx, input),
  'training/attendance': (ctx, input) => recordAttendance(ctx, input),
  'training/records': (ctx, input) => trainingRecords(ctx.db, input.year, input.person),
  'training/kpi-topics': (ctx) => kpiTopicList(ctx.db, ctx.lang),
  'training/set-kpi-topics': (ctx, input) => setKpiTopics(ctx, input),
  'training/suggestions': (ctx, input) => suggestions(ctx.db, ctx.lang, input.quarter),
  'training/effect': (ctx, input) => courseEffect(ctx.db, input.courseId, input.kpi),
  'training/effect-table': (ctx) => effectTable(ctx.db),
  'training/probation-due': (ctx, input) => probationDue(ctx.db, ctx.lang, input.days),
  'training/probation': (ctx, input) => probationOf(ctx.db, ctx.lang, input.person),
  'training/probation-review': (ctx, input) => saveProbationReview(ctx, input),
  'training/feedback': (ctx, input) => sessionFeedback(ctx.db, input.sessionId),
  'training/feedback-create': (ctx, input) => createFeedbackSurvey(ctx, input),
  'training/feedback-enter': (ctx, input) => enterFeedback(ctx, input),
  'training/feedback-import': (ctx, input) => importFeedback(ctx, input),
  'report/probation-review': (ctx, input) => {
    const r = probationOf(ctx.db, ctx.lang, input.person);
    const company = getSetting(ctx.db, 'companyName') || t(ctx.lang, 'appraisal.report.companyFallback');
    return writeFileOut(
      input.out,
      `probation-${r.employeeNo}.html`,
      Buffer.from(probationReviewHtml(ctx.lang, company, r), 'utf8'),
      ['.html', '.htm'],
    );
  },
  'report/sign-in-sheet': (ctx, input) => {
    const s = getSession(ctx.db, input.sessionId);
    const company = getSetting(ctx.db, 'companyName') || t(ctx.lang, 'appraisal.report.companyFallback');
    const html = signInSheetHtml(ctx.lang, company, s, participants(ctx.db, s.id));
    return writeFileOut(input.out, `sign-in-${s.date}-${s.id}.html`, Buffer.from(html, 'utf8'), ['.html', '.htm']);
  },
} satisfies HandlersOf<typeof trainingOps>;
