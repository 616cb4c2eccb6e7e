import type { ProgressEvent } from './define';
import type { OpName } from './index';

// No run-time imports here: the sandboxed preload bundles this file, and may load nothing but 'electron'.

/** What the main process (desktop) or the browser-mode server pushes to the window: each event's payload. */
export interface WorkbenchEvents {
  /** A long job's progress. */
  'job/progress': ProgressEvent;
  /** A menu item asks the window to show a route, e.g. '/targets'. */
  'menu/navigate': string;
  /** A mutating operation succeeded: the window refreshes its queries. */
  'data/changed': { operation: OpName };
}
export type WorkbenchEvent = keyof WorkbenchEvents;

/** The events the window may subscribe to; nothing else is let through the preload. */
export const WORKBENCH_EVENTS = [
  'job/progress',
  'menu/navigate',
  'data/changed',
] as const satisfies readonly WorkbenchEvent[];

// An event added to WorkbenchEvents but not to the list fails to compile here.
const listed: [Exclude<WorkbenchEvent, (typeof WORKBENCH_EVENTS)[number]>] extends [never] ? true : never = true;
void listed;
