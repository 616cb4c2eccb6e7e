import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkbenchError } from '../contract/errors';

export const LOCK_FILE = 'workbench.lock';

/** Who writes to the data folder: the desktop window, browser mode, or one command of the CLI. */
type LockOwnerKind = 'app' | 'web' | 'cli';

interface LockOwner {
  pid: number;
  host: string;
  kind: LockOwnerKind;
  since: string;
  /** When the process started (Linux: /proc), so that a PID reused by another program after a restart is not taken for the owner. */
  startTicks?: number;
}

export interface FolderLock {
  readonly file: string;
  release(): void;
}

/**
 * One writer per data folder at a time (issue 17, items 5 and 6). The owner is marked by a lock file
 * holding its PID; it is removed when the owner exits and taken over when that process is gone (a
 * crash or a kill -9). The window and browser mode hold it for as long as they run; a CLI command
 * that writes holds it for that command only, so a second command waits for the first, while a
 * command that meets an open window is refused with workspace/in-use rather than writing under it.
 */
export function tryLockFolder(dataDir: string, kind: LockOwnerKind): FolderLock | LockOwner {
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    kind,
    since: new Date().toISOString(),
    startTicks: startTicks(process.pid),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createExclusive(file, JSON.stringify(me))) return held(file, me);
    const owner = readOwner(file);
    if (owner === 'gone') continue;
    if (owner !== 'unreadable' && isAlive(owner)) return owner;
    // The owner is gone (or left half a file behind): move its mark away, then try again to create ours.
    // Two processes may both see it stale; the rename lets one of them win, and the other re-reads.
    const stale = `${file}.stale-${process.pid}-${attempt}`;
    try {
      fs.renameSync(file, stale);
    } catch {
      continue; // another process took it over first
    }
    const moved = readOwner(stale);
    // What was moved is a new owner's mark (it took over between our read and our rename): put it back.
    if (typeof moved === 'object' && owner !== 'unreadable' && (moved.pid !== owner.pid || moved.since !== owner.since))
      createExclusive(file, JSON.stringify(moved));
    fs.rmSync(stale, { force: true });
  }
  const owner = readOwner(file);
  if (typeof owner === 'object') return owner;
  throw new Error(`cannot take the lock file ${file}`);
}

/** Waits for a CLI owner to finish (polling); refuses at once when a window or browser mode owns the folder. */
export async function lockFolder(
  dataDir: string,
  kind: LockOwnerKind,
  opts: { waitMs?: number; onWait?: (owner: LockOwner) => void } = {},
): Promise<FolderLock> {
  const deadline = Date.now() + (opts.waitMs ?? 10 * 60_000);
  let told = false;
  for (;;) {
    const r = tryLockFolder(dataDir, kind);
    if ('release' in r) return r;
    if (r.kind !== 'cli')
      throw new WorkbenchError('workspace/in-use', {
        pid: r.pid,
        owner: r.kind,
        context: r.kind === 'web' ? 'web' : undefined,
      });
    if (Date.now() > deadline)
      throw new WorkbenchError('workspace/busy', {
        pid: r.pid,
        minutes: Math.round((opts.waitMs ?? 600_000) / 60_000),
      });
    if (!told) opts.onWait?.(r);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Written beside the lock, then linked into place: the lock never exists without its content. */
function createExclusive(file: string, content: string): boolean {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(temp, content);
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'EEXIST') return false;
    throw e;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function readOwner(file: string): LockOwner | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return 'gone';
    throw e;
  }
  try {
    const o = JSON.parse(text) as LockOwner;
    return typeof o.pid === 'number' ? o : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** A process on another computer (a shared folder) cannot be checked: it counts as alive. */
function isAlive(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true;
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
  const now = startTicks(owner.pid);
  return owner.startTicks === undefined || now === undefined || now === owner.startTicks;
}

function startTicks(pid: number): number | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    // Field 22 of /proc/PID/stat, counted after the command name (which may hold spaces) in parentheses.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const value = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const heldLocks = new Set<string>();
let exitHook = false;

function held(file: string, me: LockOwner): FolderLock {
  heldLocks.add(file);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const f of heldLocks) removeIfMine(f);
    });
  }
  return {
    file,
    release() {
      heldLocks.delete(file);
      removeIfMine(file);
    },
  };
  function removeIfMine(f: string) {
    const owner = readOwner(f);
    if (typeof owner === 'object' && owner.pid === me.pid && owner.since === me.since) fs.rmSync(f, { force: true });
  }
}
