// Preload (sandboxed): the only bridge between the renderer and the main process.
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('tijianShell', { platform: process.platform });
