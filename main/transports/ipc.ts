import { ipcMain, type IpcMainInvokeEvent, type WebContents } from "electron";
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type Wire } from "../../common/bridge";
import { HOST_EVENT_NAMES } from "../../common/host-api";
import type { ScriptHost } from "../core/types";
import { createDispatcher } from "./dispatch";

export interface IpcTransportOptions {
  host: ScriptHost;
  /** The workbench window's contents: the only sender accepted, and the receiver of events. */
  webContents: WebContents;
  /** Origin the workbench document is served from, e.g. "app://app". */
  appOrigin: string;
}

/**
 * Desktop transport: the HostApi over the two fixed IPC channels the preload exposes. Wire
 * envelopes cross as values because ipcMain.handle would keep only an error's message.
 */
export function attachIpcTransport({ host, webContents, appOrigin }: IpcTransportOptions): () => void {
  const dispatch = createDispatcher(host);

  ipcMain.handle(IPC_CALL_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, args: unknown): Promise<Wire> | Wire => {
    if (!isWorkbenchFrame(event, webContents, appOrigin)) {
      return { ok: false, error: { name: "SecurityError", message: "Host calls are accepted only from the workbench" } };
    }
    return dispatch(method, args);
  });

  const unsubscribes = HOST_EVENT_NAMES.map((name) =>
    host.on(name, (payload) => {
      if (!webContents.isDestroyed()) webContents.send(IPC_EVENT_CHANNEL, { name, payload });
    }),
  );

  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}

/** The top frame of our window, showing our app origin (a preview subframe never qualifies). */
function isWorkbenchFrame(event: IpcMainInvokeEvent, webContents: WebContents, appOrigin: string): boolean {
  const frame = event.senderFrame;
  if (event.sender !== webContents || frame === null || frame.parent !== null) return false;
  return URL.canParse(frame.url) && originOf(new URL(frame.url)) === appOrigin;
}

/** Node's URL reports "null" as the origin of non-special schemes like app:, so build it by hand. */
function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}
