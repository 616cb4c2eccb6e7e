import { z } from 'zod';

/**
 * The one way files enter and leave the workbench, for every operation and every door.
 *
 * In: `{ path }` names a file on this computer's disk — only the CLI gives it (the person typed it);
 * the IPC and HTTP doors refuse it (see doors.ts), because a page must never choose what the main
 * process reads. `{ upload }` names bytes the door itself received: browser mode streams them to
 * `POST /api/upload`, the desktop window hands them to the preload's `upload()`; both keep them in
 * the data folder's uploads/ and answer with the id (services/files/uploads.ts).
 *
 * Out: `out: { path }` (CLI only, same rule) writes there; without it the bytes come back in the
 * answer and the page saves them as a download (the desktop asks where with its own save dialog).
 */

/** The largest file any import reads; an upload beyond it is refused while it streams. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** An upload's id: 16 random bytes, base64url. Nothing else can name a file under uploads/. */
export const UPLOAD_ID = /^[A-Za-z0-9_-]{22}$/;

let diskPathsParsed = 0;

/**
 * Counts the disk paths a synchronous parse accepted (zod parses without awaiting, so no other parse
 * can interleave): dispatch runs each input through this and refuses the path for a door that may not
 * give one, whatever field of whatever operation carried it.
 */
export function countDiskPaths<T>(parse: () => T): { result: T; diskPaths: number } {
  const before = diskPathsParsed;
  const result = parse();
  return { result, diskPaths: diskPathsParsed - before };
}

const onDisk = z
  .object({ path: z.string().trim().min(1).max(4096) })
  .strict()
  .transform((v) => {
    diskPathsParsed++;
    return v;
  });

export const uploadRef = z.object({ upload: z.string().regex(UPLOAD_ID, { message: 'upload-id' }) }).strict();

/** A file to read. */
export const fileIn = z.union([onDisk, uploadRef]);
export type FileIn = z.output<typeof fileIn>;

/** Where to write a file (CLI only); without it the bytes come back for a download. */
export const fileOut = onDisk.optional();
export type FileOutTarget = z.output<typeof fileOut>;

/** A file written or handed back: every export, template, problem file and report answers with this. */
export interface FileOut {
  /** The file's name (the one written, or the one the download should take). */
  name: string;
  /** Where it was written (absolute), or null when the bytes come back instead. */
  path: string | null;
  bytes: number;
  /** The bytes, when nothing was written. */
  base64?: string;
}

/** What an upload answers: the id to give as `{ upload }`, with what was received. */
export interface UploadInfo {
  upload: string;
  name: string;
  bytes: number;
}
