import { shell } from 'electron';
import path from 'node:path';
import { contract } from '../contract';
import type { Result } from '../contract/define';
import { t, type Lang } from '../i18n/messages';
import type { Invoke } from './ipc';

const OPEN_OP = 'contracts/open-scan';

/** What `shell.openPath` needs: the adapter's one use of Electron, replaceable in tests. */
export type OpenPath = (file: string) => Promise<string>;

/**
 * P3.3: opens a contract's signed scan with the system's viewer. The page names the contract and the
 * scan's id, never a path: the service reads the stored file and checks its SHA-256 (`contracts/scan`,
 * refused when it changed or is gone), and only then is that same stored file, inside the data folder's
 * contracts/, handed to `shell.openPath`. Wraps the invoker so that `contracts/open-scan` never reaches
 * the services, which know no Electron.
 */
export function withScanViewer(
  invoke: Invoke,
  dataDir: string,
  appLang: () => Lang,
  openPath: OpenPath = (file) => shell.openPath(file),
): Invoke {
  return async (name, input, jobId, callerLang) => {
    if (name !== OPEN_OP) return invoke(name, input, jobId, callerLang);
    const lang = callerLang ?? appLang();
    const parsed = contract[OPEN_OP].input.safeParse(input ?? {});
    if (!parsed.success) return invoke(name, input, jobId, callerLang); // dispatch words the validation error
    const checked = await invoke('contracts/scan', parsed.data, undefined, lang);
    if (!checked.ok) return checked;
    const { stored, name: file } = checked.value as { stored: string; name: string };
    const root = path.resolve(dataDir, 'contracts');
    const abs = path.resolve(dataDir, stored);
    if (!abs.startsWith(root + path.sep)) return failed(lang, file, 'outside the data folder');
    const reason = await openPath(abs);
    if (reason) return failed(lang, file, reason);
    return { ok: true, value: { opened: true, name: file } };
  };
}

function failed(lang: Lang, file: string, reason: string): Result<unknown> {
  return {
    ok: false,
    error: {
      code: 'contracts/open-failed',
      message: t(lang, 'errors.contracts/open-failed', { file, reason }),
      details: { file, reason },
    },
  };
}
