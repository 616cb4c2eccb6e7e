import { browserToken } from './browserToken';

/** Events the main process or the browser-mode server pushes to the window. */
export type WorkbenchEvent = 'job/progress' | 'menu/navigate' | 'data/changed';

let source: EventSource | undefined;

function eventSource(): EventSource {
  source ??= new EventSource(`/api/events?token=${encodeURIComponent(browserToken())}`);
  return source;
}

/** Subscribes to one named event; returns the unsubscribe function. */
export function onEvent<T>(event: WorkbenchEvent, cb: (payload: T) => void): () => void {
  if (window.workbench) return window.workbench.on(event, (payload) => cb(payload as T));
  if (typeof EventSource === 'undefined') return () => {};
  const es = eventSource();
  const listener = (e: MessageEvent<string>) => {
    try {
      cb(JSON.parse(e.data) as T);
    } catch {
      // a malformed event is ignored rather than breaking the window
    }
  };
  es.addEventListener(event, listener as EventListener);
  return () => es.removeEventListener(event, listener as EventListener);
}
