import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Result } from '../contract/define';
// A sandboxed preload may load nothing but 'electron': this module's own imports are bundled in.
import { WORKBENCH_EVENTS, type WorkbenchEvent, type WorkbenchEvents } from '../contract/events';
import type { UploadInfo } from '../contract/files';

/** `window.workbench` as the renderer sees it. */
export interface WorkbenchBridge {
  invoke(name: string, input?: unknown, opts?: { jobId?: string; lang?: 'zh-CN' | 'en' }): Promise<Result<unknown>>;
  /** Hands a file the user picked or dropped to main; its answer's id is the `{ upload }` file input (contract/files.ts). */
  upload(name: string, bytes: Uint8Array): Promise<Result<UploadInfo>>;
  on<E extends WorkbenchEvent>(event: E, callback: (payload: WorkbenchEvents[E]) => void): () => void;
  platform: NodeJS.Platform;
}

const bridge: WorkbenchBridge = {
  invoke: (name, input, opts) =>
    ipcRenderer.invoke('workbench:invoke', {
      name,
      input,
      // The window's language travels with each call: its messages and the files a job writes follow it.
      opts: {
        ...(opts?.jobId !== undefined ? { jobId: opts.jobId } : {}),
        ...(opts?.lang !== undefined ? { lang: opts.lang } : {}),
      },
    }) as Promise<Result<unknown>>,
  upload: (name, bytes) => ipcRenderer.invoke('workbench:upload', { name, bytes }) as Promise<Result<UploadInfo>>,
  on(event, callback) {
    if (!(WORKBENCH_EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown workbench event "${event}"`);
    // The page gets the payload only, never the IpcRendererEvent (which would expose ipcRenderer).
    const listener = (_e: IpcRendererEvent, payload: WorkbenchEvents[typeof event]) => callback(payload);
    ipcRenderer.on(event, listener);
    return () => {
      ipcRenderer.removeListener(event, listener);
    };
  },
  platform: process.platform,
};

contextBridge.exposeInMainWorld('workbench', bridge);
