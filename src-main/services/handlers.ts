import type { Contract } from '../contract';
import { demoHandlers } from './demo';
import type { HandlersOf } from './handler-types';
import { recordHandlers } from './records';
import { systemHandlers } from './system';
import { teamHandlers } from './team';

/** Every operation's service function, checked against the contract (a missing one fails to compile). */
export const handlers: HandlersOf<Contract> = {
  ...systemHandlers,
  ...demoHandlers,
  ...teamHandlers,
  ...recordHandlers,
};
