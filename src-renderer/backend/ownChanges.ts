/**
 * The window's own changes come back as `data/changed` events, after the mutation has already refreshed
 * what it changed. Refreshing again on the echo refetched the appraisal's whole review (a megabyte for
 * 1,000 people) a second time (issue 12 item 12), so the echo of an own change is recognised and dropped.
 * Each change is expected on its own: its expectation lapses a few seconds after its answer came (the
 * echo is sent just before the answer), so a change from another door is never lost for long, and an
 * earlier change's lapse never takes a later change's expectation with it.
 */
export interface OwnChange {
  readonly operation: string;
  /** Date.now() after which its echo is no longer expected; open until the answer is in. */
  until: number;
}

const expected: OwnChange[] = [];
const LAPSE_MS = 5_000;

function remove(change: OwnChange): void {
  const i = expected.indexOf(change);
  if (i >= 0) expected.splice(i, 1);
}

/** A change of ours is on its way: its echo will be dropped. */
export function expectOwnChange(operation: string): OwnChange {
  const change = { operation, until: Infinity };
  expected.push(change);
  return change;
}

/** Our change is done: its echo is expected for a few seconds more. */
export function ownChangeDone(change: OwnChange): void {
  change.until = Date.now() + LAPSE_MS;
}

/** Our change failed: no echo will come. */
export function cancelOwnChange(change: OwnChange): void {
  remove(change);
}

/** True (once) when a `data/changed` event is the echo of a change this window made. */
export function isOwnEcho(operation: string): boolean {
  const now = Date.now();
  for (const lapsed of expected.filter((c) => c.until < now)) remove(lapsed);
  const change = expected.find((c) => c.operation === operation);
  if (!change) return false;
  remove(change);
  return true;
}
