/**
 * The window's own changes come back as `data/changed` events, after the mutation has already refreshed
 * what it changed. Refreshing again on the echo refetched the appraisal's whole review (a megabyte for
 * 1,000 people) a second time (issue 12 item 12), so the echo of an own change is recognised and dropped.
 * An expectation lapses after a few seconds, so a change from another door is never lost for long.
 */
const expected = new Map<string, number>();
const LAPSE_MS = 5_000;

function release(operation: string): void {
  const n = (expected.get(operation) ?? 0) - 1;
  if (n > 0) expected.set(operation, n);
  else expected.delete(operation);
}

/** A change of ours is on its way: its echo will be dropped. */
export function expectOwnChange(operation: string): void {
  expected.set(operation, (expected.get(operation) ?? 0) + 1);
  window.setTimeout(() => release(operation), LAPSE_MS);
}

/** Our change failed: no echo will come. */
export function cancelOwnChange(operation: string): void {
  release(operation);
}

/** True (once) when a `data/changed` event is the echo of a change this window made. */
export function isOwnEcho(operation: string): boolean {
  if (!expected.has(operation)) return false;
  release(operation);
  return true;
}
