import type { InjectionKey } from "vue";
import type { HostApi, HostEventName, HostEvents, HostMethod, LoopwrightBridge, Wire } from "../../../common";
import type { ReconnectingBridge } from "./ws-bridge";

/** What stores see of the host: plain async methods that throw on failure, plus events. */
export interface HostClient extends HostApi {
  on<E extends HostEventName>(event: E, listener: (payload: HostEvents[E]) => void): () => void;
  /** Fires when the transport drops and when it is back (resync then); never over Electron IPC. */
  onConnectionChange(listener: (connected: boolean) => void): () => void;
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

export function createHostClient(bridge: LoopwrightBridge | ReconnectingBridge): HostClient {
  const call = async <M extends HostMethod>(method: M, ...args: Parameters<HostApi[M]>): Promise<Awaited<ReturnType<HostApi[M]>>> =>
    unwrap(await bridge.call(method, ...args));
  return {
    hello: () => call("hello"),
    rerun: (request) => call("rerun", request),
    stop: () => call("stop"),
    editSessionState: (edit) => call("editSessionState", edit),
    on: (event, listener) => bridge.on(event, listener),
    onConnectionChange: (listener) =>
      "onConnectionChange" in bridge ? bridge.onConnectionChange(listener) : () => {},
  };
}
