// Preload (sandboxed, CommonJS): the renderer's only bridge. It exposes exactly three things —
// invoke a contract method, listen to one of the contract's events, and the path of a dropped file —
// and nothing of Node or Electron itself. Every call is validated again on the main side.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, EVENT_NAMES, INVOKE_CHANNEL } from './events';

const known = new Set<string>(EVENT_NAMES);

contextBridge.exposeInMainWorld('tijian', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(INVOKE_CHANNEL, String(method), input),
  on: (event: string, cb: (payload: unknown) => void): (() => void) => {
    if (!known.has(event)) throw new Error(`unknown event ${event}`);
    const listener = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) cb(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
  platform: process.platform,
});
