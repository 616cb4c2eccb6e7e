/**
 * Whether the browser-mode server refused this tab's token (HTTP 401). Kept outside React so that the
 * transport can raise it; components read it with useSyncExternalStore.
 */
let unauthorized = false;
const listeners = new Set<() => void>();

export function markUnauthorized(): void {
  if (unauthorized) return;
  unauthorized = true;
  listeners.forEach((l) => l());
}

export function isUnauthorized(): boolean {
  return unauthorized;
}

export function subscribeUnauthorized(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
