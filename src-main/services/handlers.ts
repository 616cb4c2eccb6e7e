import type { Contract } from '../contract';
import { careHandlers } from './care';
import { customerHandlers } from './customers';
import { demoHandlers } from './demo';
import { exportHandlers } from './export';
import type { HandlersOf } from './handler-types';
import { importHandlers } from './import';
import { pipelineHandlers } from './pipeline';
import { recordHandlers } from './records';
import { appraisalHandlers } from './appraisal';
import { salesReportHandlers } from './sales-report';
import { planHandlers } from './plans';
import { salesContractHandlers } from './contracts';
import { recruitHandlers } from './recruit';
import { surveyHandlers } from './survey';
import { systemHandlers } from './system';
import { targetHandlers } from './targets';
import { teamHandlers } from './team';
import { ticketHandlers } from './tickets';
import { trainingHandlers } from './training';

/** Every operation's service function, checked against the contract (a missing one fails to compile). */
export const handlers: HandlersOf<Contract> = {
  ...systemHandlers,
  ...demoHandlers,
  ...teamHandlers,
  ...recordHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...appraisalHandlers,
  ...surveyHandlers,
  ...targetHandlers,
  ...salesReportHandlers,
  ...planHandlers,
  ...customerHandlers,
  ...careHandlers,
  ...pipelineHandlers,
  ...salesContractHandlers,
  ...ticketHandlers,
  ...recruitHandlers,
  ...trainingHandlers,
};
