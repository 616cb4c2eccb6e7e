import type { Contract } from '../contract';
import { demoHandlers } from './demo';
import { exportHandlers } from './export';
import type { HandlersOf } from './handler-types';
import { importHandlers } from './import';
import { recordHandlers } from './records';
import { recruitHandlers } from './recruit';
import { reviewHandlers } from './review';
import { surveyHandlers } from './survey';
import { systemHandlers } from './system';
import { targetHandlers } from './targets';
import { teamHandlers } from './team';
import { trainingHandlers } from './training';

/** Every operation's service function, checked against the contract (a missing one fails to compile). */
export const handlers: HandlersOf<Contract> = {
  ...systemHandlers,
  ...demoHandlers,
  ...teamHandlers,
  ...recordHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...reviewHandlers,
  ...surveyHandlers,
  ...targetHandlers,
  ...recruitHandlers,
  ...trainingHandlers,
};
