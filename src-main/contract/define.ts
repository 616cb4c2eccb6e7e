import type { z } from 'zod';
import { DOORS, type Door } from './doors';

/**
 * One operation of the workbench: its name ('domain/verb'), the zod schema of its input and the
 * type of its output. The renderer, the Electron IPC handler, the CLI and browser mode all derive
 * from these declarations; nothing is declared twice.
 */
export interface OperationSpec<S extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: S;
  /** Long work: run off the main thread with progress events and a cancel button. */
  readonly long: boolean;
  /** Changes data (used by the renderer to refresh its queries). */
  readonly mutates: boolean;
  /**
   * Reads whose answers this change never alters (operation names): the window does not fetch them again
   * after it (issue 12 item 12: an appraisal's recompute refetched the settings and the system's counts).
   */
  readonly keeps: readonly string[];
  /** The doors that expose it (doors.ts); all three unless the declaration says otherwise. */
  readonly doors: readonly Door[];
  /** Phantom field carrying the output type; never set at run time. */
  readonly _output?: O;
}

export function op<O>() {
  return <S extends z.ZodType>(
    input: S,
    options: { long?: boolean; mutates?: boolean; keeps?: readonly string[]; doors?: readonly Door[] } = {},
  ): OperationSpec<S, O> => ({
    input,
    long: options.long ?? false,
    mutates: options.mutates ?? false,
    keeps: options.keeps ?? [],
    doors: options.doors ?? DOORS,
  });
}

export type InputOf<T> = T extends OperationSpec<infer S, unknown> ? z.input<S> : never;
export type ParsedInputOf<T> = T extends OperationSpec<infer S, unknown> ? z.output<S> : never;
export type OutputOf<T> = T extends OperationSpec<z.ZodType, infer O> ? O : never;

export interface ErrorPayload {
  code: string;
  message: string;
  /** Values the message was built from (row, column, field…), for the renderer to show beside the field. */
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export interface ProgressEvent {
  jobId: string;
  operation: string;
  done: number;
  total: number;
  /** i18n key of the current phase, e.g. 'progress.orders'. */
  phase: string;
}
