import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workspace } from '../../src-main/db/workspace';
import type { Lang } from '../../src-main/i18n/messages';
import { dispatch } from '../../src-main/runtime/dispatch';

export function tmpDir(prefix = 'wb-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh workspace in a temporary data folder, plus a `call` that goes through the same dispatch as every door. */
export function tmpWorkspace(lang: Lang = 'en') {
  const dir = tmpDir();
  const ws = new Workspace(dir);
  const call = async <T = unknown>(name: string, input: unknown = {}) => {
    const r = await dispatch(ws, name, input, { lang, actor: 'tester' });
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as T;
  };
  const attempt = (name: string, input: unknown = {}, l: Lang = lang) => dispatch(ws, name, input, { lang: l, actor: 'tester' });
  return { dir, ws, call, attempt };
}
