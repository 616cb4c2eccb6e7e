/**
 * The three doors into the one dispatch (architecture.md) and what each lets a caller give.
 *
 * - cli: the person at the terminal, who names files on disk themselves.
 * - ipc: the desktop window. Its page is trusted only as far as its sandbox: a compromised page must
 *   not read or write the user's files, so it gives uploaded bytes, never a path (issue 17 item 11).
 * - http: browser mode, same rule; files arrive through POST /api/upload.
 *
 * An operation is reachable through every door unless its declaration names fewer (`doors` in
 * define.ts); dispatch refuses the rest with 'request/not-exposed'.
 */
export const DOORS = ['cli', 'ipc', 'http'] as const;
export type Door = (typeof DOORS)[number];

export interface DoorPolicy {
  /** May give `{ path }` for a file to read or write (contract/files.ts). */
  diskPaths: boolean;
}

export const DOOR_POLICY: Readonly<Record<Door, DoorPolicy>> = {
  cli: { diskPaths: true },
  ipc: { diskPaths: false },
  http: { diskPaths: false },
};
