import type { ErrorPayload } from '../../src-main/contract/define';

/**
 * Whether the database is damaged (error db/damaged from any call, issue 17 item 2). Kept outside
 * React, like authState, so that the transport can raise it; the app then shows the recovery screen.
 */
export interface Damaged {
  message: string;
  file: string;
  /** The newest backup that passed the check, or null when there is none. */
  backup: string | null;
}

let damaged: Damaged | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export function noteDamaged(error: ErrorPayload): void {
  if (error.code !== 'db/damaged' || damaged) return;
  const d = error.details ?? {};
  damaged = {
    message: error.message,
    file: String(d.file ?? ''),
    backup: typeof d.backup === 'string' ? d.backup : null,
  };
  notify();
}

export function clearDamaged(): void {
  damaged = null;
  notify();
}

export function damagedState(): Damaged | null {
  return damaged;
}

export function subscribeDamaged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
