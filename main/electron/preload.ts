/**
 * The bridge between the sandboxed page and the main process. It exposes one named function per
 * channel of the contract (window.stride["patients.create"](request) and so on) and nothing else:
 * no ipcRenderer, no generic invoke(channel), no Electron objects. Bundled into one CommonJS file
 * because a sandboxed preload cannot load modules.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';

const api: Record<string, (request: unknown) => Promise<unknown>> = {};
for (const channel of CHANNEL_NAMES) {
  api[channel] = (request: unknown) => ipcRenderer.invoke(channel, request);
}

contextBridge.exposeInMainWorld('stride', Object.freeze(api));
