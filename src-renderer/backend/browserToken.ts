/**
 * Browser mode: `npm run web` prints an address carrying a per-run token. The token is moved from the
 * address bar into sessionStorage at start-up so that it is not left in bookmarks or screenshots.
 */
const STORAGE_KEY = 'workbench.token';

export function captureToken(): void {
  if (typeof window === 'undefined' || window.workbench) return;
  const params = new URLSearchParams(window.location.search);
  const token = params.get('token');
  if (!token) return;
  sessionStorage.setItem(STORAGE_KEY, token);
  params.delete('token');
  const query = params.toString();
  const url = window.location.pathname + (query ? `?${query}` : '') + window.location.hash;
  window.history.replaceState(window.history.state, '', url);
}

export function browserToken(): string {
  return sessionStorage.getItem(STORAGE_KEY) ?? '';
}
