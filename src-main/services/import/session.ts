import { randomUUID } from 'node:crypto';
import { WorkbenchError } from '../../contract/errors';
import type { ServiceContext } from '../context';
import type { FileIn } from '../../contract/files';
import { readFileIn } from '../files/read';
import type { ImportKind } from './kinds/types';
import { readSource, type ImportSource } from './pipeline';

/**
 * Preview sessions (issue 10 item 15): the wizard sends its file once; the process that answers it keeps
 * the bytes and the tables read from them, so that choosing another column re-maps the table already in
 * memory instead of reading the workbook again (another kind, sheet or header row reads the held bytes).
 * A session lives in the process of the door (Electron's main process, the browser-mode server), never
 * in a job's worker, and only a few at a time: the least recently used is forgotten first, and any after
 * half an hour unused.
 */
interface Session {
  file: { name: string; bytes: Uint8Array };
  /** Tables by kind, sheet and header row as asked, and as found (the wizard asks again with what was found). */
  reads: Map<string, ImportSource>;
  usedAt: number;
}

const MAX_SESSIONS = 3;
const MAX_READS = 6;
const IDLE_MS = 30 * 60 * 1000;
const sessions = new Map<string, Session>();

function sweep(now: number): void {
  for (const [id, s] of sessions) if (now - s.usedAt > IDLE_MS) sessions.delete(id);
  while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
}

/** Reads the file once and keeps its bytes; returns the session's id. */
export function openSession(dataDir: string, file: FileIn): string {
  const id = randomUUID();
  const now = Date.now();
  sessions.set(id, { file: readFileIn(dataDir, file), reads: new Map(), usedAt: now });
  sweep(now);
  return id;
}

const readKey = (kind: string, sheet: string | undefined, headerRow: number | undefined) =>
  `${kind}\u0001${sheet ?? ''}\u0001${headerRow ?? ''}`;

/** The table source of a session for analyse(); an unknown or expired session is refused with its own code. */
export function sessionSource(
  ctx: ServiceContext,
  id: string,
  choice: { sheet?: string; headerRow?: number },
): (kind: ImportKind<unknown>) => ImportSource {
  const s = sessions.get(id);
  if (!s) throw new WorkbenchError('import/session-expired');
  s.usedAt = Date.now();
  sessions.delete(id);
  sessions.set(id, s);
  return (kind) => {
    const asked = readKey(kind.kind, choice.sheet, choice.headerRow);
    let source = s.reads.get(asked);
    if (!source) {
      source = readSource(ctx, kind, s.file, choice);
      s.reads.set(asked, source);
      s.reads.set(readKey(kind.kind, source.read.table.sheet, source.read.table.headerRow), source);
      while (s.reads.size > MAX_READS) s.reads.delete(s.reads.keys().next().value!);
    }
    return source;
  };
}
