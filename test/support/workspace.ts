import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Input, OpName, Output } from '../../src-main/contract';
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
  /** Calls an operation with an input of its contract type, and answers its contract output (throws on refusal). */
  const call = async <K extends OpName>(
    name: K,
    ...[input]: undefined extends Input<K>
      ? [input?: Input<K>]
      : Partial<Input<K>> extends Input<K>
        ? [input?: Input<K>]
        : [input: Input<K>]
  ): Promise<Output<K>> => {
    const r = await dispatch(ws, name, input ?? {}, { lang, actor: 'tester' });
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    // dispatch ran the handler of `name`, which the contract types as Output<K>
    return r.value as Output<K>;
  };
  const attempt = (name: string, input: unknown = {}, l: Lang = lang) =>
    dispatch(ws, name, input, { lang: l, actor: 'tester' });
  return { dir, ws, call, attempt };
}
