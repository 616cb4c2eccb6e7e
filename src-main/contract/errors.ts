/**
 * An expected failure with a stable code (e.g. 'staff/duplicate-employee-no'). The message shown to
 * the user is looked up from the code in the user's language (locales' `errors` section); `params`
 * fill its placeholders and travel to the caller as `details`.
 */
export class WorkbenchError extends Error {
  readonly code: string;
  readonly params: Record<string, unknown>;

  constructor(code: string, params: Record<string, unknown> = {}) {
    super(code);
    this.name = 'WorkbenchError';
    this.code = code;
    this.params = params;
  }
}

export function isWorkbenchError(e: unknown): e is WorkbenchError {
  return (
    e instanceof WorkbenchError ||
    (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'WorkbenchError')
  );
}
