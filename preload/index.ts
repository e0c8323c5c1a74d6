/**
 * The workbench's only door to the host: `window.loopwright`, a LoopwrightBridge over the two
 * fixed IPC channels. The page never sees ipcRenderer or an IPC event object, only payloads.
 * Built as one self-contained CJS file: a sandboxed preload can require nothing but electron.
 */
import { contextBridge, ipcRenderer } from "electron";
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type LoopwrightBridge } from "../common/bridge";
import type { HostEventName } from "../common/host-api";

type Listener = (payload: unknown) => void;

const listeners = new Map<HostEventName, Set<Listener>>();

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, message: { name: HostEventName; payload: unknown }) => {
  for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
});

const bridge: LoopwrightBridge = {
  call: (method, ...args) => ipcRenderer.invoke(IPC_CALL_CHANNEL, method, args),
  on: (event, listener) => {
    // One fresh entry per subscription, removed by the returned closure: contextBridge may or may not
    // hand us the same proxy for the same page function, so identity cannot be relied on.
    const entry: Listener = (payload) => (listener as Listener)(payload);
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set.add(entry));
    return () => {
      set.delete(entry);
    };
  },
};

contextBridge.exposeInMainWorld("loopwright", bridge);
