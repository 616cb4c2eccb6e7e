import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Result } from '../contract/define';

// A sandboxed preload may load nothing but 'electron': type imports only, everything else inline.

/** The events main sends to the page; nothing else can be subscribed to. (Not exported: the bundle stays a plain script.) */
const WORKBENCH_EVENTS = ['job/progress', 'menu/navigate', 'data/changed'] as const;
export type WorkbenchEvent = (typeof WORKBENCH_EVENTS)[number];

/** `window.workbench` as the renderer sees it. */
export interface WorkbenchBridge {
  invoke(name: string, input?: unknown, opts?: { jobId?: string; lang?: 'zh-CN' | 'en' }): Promise<Result<unknown>>;
  on(event: WorkbenchEvent, callback: (payload: unknown) => void): () => void;
  platform: NodeJS.Platform;
}

const bridge: WorkbenchBridge = {
  invoke: (name, input, opts) =>
    ipcRenderer.invoke('workbench:invoke', {
      name,
      input,
      // The window's language travels with each call: its messages and the files a job writes follow it.
      opts: { ...(opts?.jobId !== undefined ? { jobId: opts.jobId } : {}), ...(opts?.lang !== undefined ? { lang: opts.lang } : {}) },
    }) as Promise<Result<unknown>>,
  on(event, callback) {
    if (!(WORKBENCH_EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown workbench event "${event}"`);
    // The page gets the payload only, never the IpcRendererEvent (which would expose ipcRenderer).
    const listener = (_e: IpcRendererEvent, payload: unknown) => callback(payload);
    ipcRenderer.on(event, listener);
    return () => {
      ipcRenderer.removeListener(event, listener);
    };
  },
  platform: process.platform,
};

contextBridge.exposeInMainWorld('workbench', bridge);
