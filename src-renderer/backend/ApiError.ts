import type { ErrorPayload } from '../../src-main/contract/define';

/** A refused or failed call: `message` is already in the user's language. */
export class ApiError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.code = payload.code;
    this.details = payload.details ?? {};
  }
}

/** Codes the transport itself produces (the server never sends these). */
export const TRANSPORT_UNREACHABLE = 'transport/unreachable';
export const TRANSPORT_UNAUTHORIZED = 'transport/unauthorized';
export const TRANSPORT_BAD_RESPONSE = 'transport/bad-response';

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
