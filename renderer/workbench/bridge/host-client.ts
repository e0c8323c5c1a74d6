import type { InjectionKey } from "vue";
import type { HostApi, HostArgs, HostEventSource, HostMethod, LoopwrightBridge, Wire } from "../../../common";
import { HOST_METHOD_NAMES } from "../../../common/host-api";
import type { ReconnectingBridge } from "./ws-bridge";

/** What stores see of the host: plain async methods that throw on failure, plus events. */
export interface HostClient extends HostApi, HostEventSource {
  /** Fires when the transport drops and when it is back (resync then); never over Electron IPC. */
  onConnectionChange(listener: (connected: boolean) => void): () => void;
  /** Fires once when the server refuses the page's token (browser mode): nothing will reconnect. */
  onTokenRefused(listener: () => void): () => void;
}

export const HOST_CLIENT: InjectionKey<HostClient> = Symbol("loopwright host client");

/** The host's error, rebuilt on this side with its original name so callers can tell kinds apart. */
export class HostError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

function unwrap<T>(wire: Wire<T>): T {
  if (wire.ok) return wire.value;
  throw new HostError(wire.error.name, wire.error.message);
}

/** One method per entry of the host's method table, each a bridge call that throws on failure. */
export function createHostClient(bridge: LoopwrightBridge | ReconnectingBridge): HostClient {
  const methods = Object.fromEntries(
    HOST_METHOD_NAMES.map((method) => [method, async (...args: HostArgs<HostMethod>) => unwrap(await bridge.call(method, ...args))]),
  ) as HostApi;
  return {
    ...methods,
    on: (event, listener) => bridge.on(event, listener),
    onConnectionChange: (listener) =>
      "onConnectionChange" in bridge ? bridge.onConnectionChange(listener) : () => {},
    onTokenRefused: (listener) => ("onTokenRefused" in bridge ? bridge.onTokenRefused(listener) : () => {}),
  };
}
