import type { WorkbenchEvent, WorkbenchEvents } from '../../src-main/contract/events';
import { browserToken } from './browserToken';

let source: EventSource | undefined;

function eventSource(): EventSource {
  source ??= new EventSource(`/api/events?token=${encodeURIComponent(browserToken())}`);
  return source;
}

/** Subscribes to one named event; returns the unsubscribe function. */
export function onEvent<E extends WorkbenchEvent>(event: E, cb: (payload: WorkbenchEvents[E]) => void): () => void {
  if (window.workbench) return window.workbench.on(event, cb);
  if (typeof EventSource === 'undefined') return () => {};
  const es = eventSource();
  const listener = (e: MessageEvent<string>) => {
    try {
      cb(JSON.parse(e.data) as WorkbenchEvents[E]);
    } catch {
      // a malformed event is ignored rather than breaking the window
    }
  };
  es.addEventListener(event, listener as EventListener);
  return () => es.removeEventListener(event, listener as EventListener);
}
