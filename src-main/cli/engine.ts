// What a command needs beyond parsing its options, loaded by run.ts only when one runs.
export { removeLeftovers } from '../db/backup';
export { lockFolder } from '../db/folder-lock';
export { dispatch, errorPayload } from '../runtime/dispatch';
export { logInternalError } from '../runtime/error-log';
export { DB_FILE, RESTORE_TEMP_SUFFIX, Workspace, resolveDataDir } from '../db/workspace';
