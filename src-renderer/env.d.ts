/// <reference types="vite/client" />
import type { Result } from '../src-main/contract/define';
import type { WorkbenchEvent, WorkbenchEvents } from '../src-main/contract/events';
import type { UploadInfo } from '../src-main/contract/files';

/** The bridge the Electron preload exposes (contextIsolation keeps ipcRenderer itself out of reach). */
export interface WorkbenchBridge {
  invoke(name: string, input: unknown, opts?: { jobId?: string; lang?: 'zh-CN' | 'en' }): Promise<Result<unknown>>;
  upload(name: string, bytes: Uint8Array): Promise<Result<UploadInfo>>;
  on<E extends WorkbenchEvent>(event: E, cb: (payload: WorkbenchEvents[E]) => void): () => void;
  platform: string;
}

declare global {
  interface Window {
    workbench?: WorkbenchBridge;
  }
}
