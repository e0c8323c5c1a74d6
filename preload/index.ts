/**
 * The workbench's only door to the host: `window.loopwright`, a LoopwrightBridge over the two
 * fixed IPC channels. The page never sees ipcRenderer or an IPC event object, only payloads.
 * Built as one self-contained CJS file: a sandboxed preload can require nothing but electron.
 */
import { contextBridge, ipcRenderer } from "electron";
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type LoopwrightBridge } from "../common/bridge";
import type { HostEventName, HostEvents } from "../common/host-api";
import { Emitter } from "../common/emitter";

const events = new Emitter<HostEvents>();

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, message: { name: HostEventName; payload: unknown }) => {
  events.emit(message.name, message.payload as never);
});

const bridge: LoopwrightBridge = {
  call: (method, ...args) => ipcRenderer.invoke(IPC_CALL_CHANNEL, method, args),
  // The emitter never compares listeners: contextBridge may hand over a new proxy for the same page function.
  on: (event, listener) => events.on(event, listener),
};

contextBridge.exposeInMainWorld("loopwright", bridge);
