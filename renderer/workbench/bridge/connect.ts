import type { LoopwrightBridge } from "../../../common";
import { createHostClient, type HostClient } from "./host-client";
import { WsBridge, workbenchSocketUrl } from "./ws-bridge";

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    loopwright?: LoopwrightBridge;
  }
}

/** True in the Electron window, whose preload exposed the bridge. */
export function hasPreloadBridge(win: Window): boolean {
  return win.loopwright !== undefined;
}

/** Electron's preload bridge when it is there, else the loopback WebSocket of browser mode. */
export function connectHost(win: Window): HostClient {
  return createHostClient(win.loopwright ?? new WsBridge(workbenchSocketUrl(win.location)));
}
