/// <reference types="vite/client" />
import type { Result } from '../src-main/contract/define';

/** The bridge the Electron preload exposes (contextIsolation keeps ipcRenderer itself out of reach). */
export interface WorkbenchBridge {
  invoke(name: string, input: unknown, opts?: { jobId?: string; lang?: 'zh-CN' | 'en' }): Promise<Result<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
  platform: string;
}

declare global {
  interface Window {
    workbench?: WorkbenchBridge;
  }
}
