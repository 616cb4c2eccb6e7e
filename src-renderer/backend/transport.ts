import type { Input, OpName, Output } from '../../src-main/contract';
import type { Result } from '../../src-main/contract/define';
import type { UploadInfo } from '../../src-main/contract/files';
import i18n from '../i18n/i18n';
import { ApiError, TRANSPORT_BAD_RESPONSE, TRANSPORT_UNAUTHORIZED, TRANSPORT_UNREACHABLE } from './ApiError';
import { markUnauthorized } from './authState';
import { noteDamaged } from './recoveryState';
import { browserToken } from './browserToken';

interface InvokeOptions {
  /** Identifies a long job so that its progress events can be followed and it can be cancelled. */
  jobId?: string;
}

export const isDesktop = (): boolean => typeof window !== 'undefined' && !!window.workbench;

/** Calls one operation of the contract; returns its value or throws an ApiError. */
export async function invoke<K extends OpName>(name: K, input: Input<K>, opts: InvokeOptions = {}): Promise<Output<K>> {
  // The desktop's main process, like the browser-mode server, answers in the language this window shows.
  const result = window.workbench
    ? await window.workbench.invoke(name, input, { ...opts, lang: windowLang() })
    : await invokeOverHttp(name, input, opts);
  if (result.ok) return result.value as Output<K>;
  noteDamaged(result.error);
  throw new ApiError(result.error);
}

const windowLang = (): 'zh-CN' | 'en' => (/^zh/i.test(i18n.language) ? 'zh-CN' : 'en');

/**
 * Hands a picked or dropped file to the workbench and returns what to give as an operation's file input
 * (`{ upload: info.upload }`, contract/files.ts): the desktop passes the bytes to main, browser mode streams
 * them to POST /api/upload. Neither names a file on disk nor turns it into base64.
 */
export async function uploadFile(file: File): Promise<UploadInfo> {
  const result = window.workbench
    ? await window.workbench.upload(file.name, new Uint8Array(await file.arrayBuffer()))
    : await postOverHttp(`/api/upload?name=${encodeURIComponent(file.name)}`, 'application/octet-stream', file);
  if (result.ok) return result.value as UploadInfo;
  throw new ApiError(result.error);
}

function invokeOverHttp(name: string, input: unknown, opts: InvokeOptions): Promise<Result<unknown>> {
  return postOverHttp(
    `/api/invoke/${name}`,
    'application/json',
    JSON.stringify({ input: input ?? {}, ...(opts.jobId ? { jobId: opts.jobId } : {}) }),
  );
}

async function postOverHttp(url: string, contentType: string, body: BodyInit): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': contentType,
        'X-Workbench-Token': browserToken(),
        // The server words its messages in the language the user chose here (none yet for the start's
        // first calls, made before the language is known: the server's own then).
        ...(i18n.language ? { 'X-Workbench-Lang': i18n.language, 'Accept-Language': i18n.language } : {}),
      },
      body,
    });
  } catch {
    throw new ApiError({ code: TRANSPORT_UNREACHABLE, message: i18n.t('transport.unreachable') });
  }
  if (response.status === 401) {
    markUnauthorized();
    throw new ApiError({ code: TRANSPORT_UNAUTHORIZED, message: i18n.t('transport.unauthorized') });
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    throw new ApiError({
      code: TRANSPORT_BAD_RESPONSE,
      message: i18n.t('transport.badResponse', { status: response.status }),
    });
  }
}
