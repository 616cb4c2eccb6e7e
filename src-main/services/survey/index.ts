import { surveyOps } from '../../contract/survey';
import type { HandlersOf } from '../handler-types';
import { createCallbacks, listActions, saveAction } from './actions';
import { analyzeSurvey } from './analysis';
import { breakdown, crosstab } from './breakdown';
import { surveyResultsForQuarter } from './by-person';
import { listComments } from './comments';
import { keyDrivers } from './drivers';
import { exportSurvey } from './export-xlsx';
import { importSurvey } from './import/import-survey';
import { deleteSurvey, getSurvey, listSurveys, savePlan } from './plans';
import { saveQuestions } from './questions';
import { audienceCustomers, deleteResponse, enterResponse } from './responses';
import { compareWaves, waveTrend } from './waves';

/** Customer satisfaction surveys (P4.5, P4.7; issue #5). */
export const surveyHandlers = {
  'survey/list': (ctx) => listSurveys(ctx.db),
  'survey/get': (ctx, input) => getSurvey(ctx.db, input.surveyId),
  'survey/save-plan': (ctx, input) => savePlan(ctx, input),
  'survey/delete': (ctx, input) => deleteSurvey(ctx, input.surveyId),
  'survey/save-questions': (ctx, input) => saveQuestions(ctx, input.surveyId, input.questions),
  'survey/audience': (ctx, input) => audienceCustomers(ctx.db, input.surveyId),
  'survey/enter-response': (ctx, input) => enterResponse(ctx, input),
  'survey/delete-response': (ctx, input) => deleteResponse(ctx, input.responseId),
  'survey/analyze': (ctx, input) => analyzeSurvey(ctx.db, input.surveyId),
  'survey/breakdown': (ctx, input) => breakdown(ctx.db, input.surveyId, input.dimension),
  'survey/crosstab': (ctx, input) => crosstab(ctx.db, input.surveyId, input.questionId, input.dimension, ctx.lang),
  'survey/trend': (ctx, input) => waveTrend(ctx.db, input.surveyId),
  'survey/compare': (ctx, input) => compareWaves(ctx.db, input.earlierId, input.laterId),
  'survey/drivers': (ctx, input) => keyDrivers(ctx.db, input.surveyId, input.outcomeQuestionId),
  'survey/comments': (ctx, input) => listComments(ctx.db, input),
  'survey/by-person': (ctx, input) => surveyResultsForQuarter(ctx.db, input.quarter, input.surveyIds),
  'survey/actions': (ctx, input) => listActions(ctx.db, input.surveyId),
  'survey/save-action': (ctx, input) => saveAction(ctx, input),
  'survey/create-callbacks': (ctx, input) => createCallbacks(ctx, input.surveyId, input.responseIds, input.dueDate),
  'survey/import': (ctx, input) => importSurvey(ctx, input),
  'survey/export': (ctx, input) => exportSurvey(ctx.db, input.surveyId, ctx.lang, input.out),
} satisfies HandlersOf<typeof surveyOps>;
