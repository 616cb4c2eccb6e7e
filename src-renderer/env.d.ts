/// <reference types="vite/client" />
import type { Result } from '../src-main/contract/define';
import type { UploadInfo } from '../src-main/contract/files';

/** The bridge the Electron preload exposes (contextIsolation keeps ipcRenderer itself out of reach). */
export interface WorkbenchBridge {
  invoke(name: string, input: unknown, opts?: { jobId?: string }): Promise<Result<unknown>>;
  upload(name: string, bytes: Uint8Array): Promise<Result<UploadInfo>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
  platform: string;
}

declare global {
  interface Window {
    workbench?: WorkbenchBridge;
  }
}
