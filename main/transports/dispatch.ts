import type { Wire } from "../../common/bridge";
import { HOST_METHODS, type HostApi, type HostMethod } from "../../common/host-api";
import { check } from "../../common/validation";

/** One host call as both transports carry it: never throws, always answers with a Wire. */
export type Dispatch = (method: unknown, args: unknown) => Promise<Wire>;

/**
 * The only place a call from the workbench reaches the host. Method names and arguments come from
 * a renderer (or a local WebSocket client), so both are validated against the contract first.
 */
export function createDispatcher(host: HostApi): Dispatch {
  return async (method, args) => {
    if (!isHostMethod(method)) {
      return failure("TypeError", `Unknown host method ${JSON.stringify(String(method))}`);
    }
    const parsed = check(HOST_METHODS[method].args, args);
    if (!parsed.ok) return failure("TypeError", `Invalid arguments for ${method}: ${parsed.error}`);
    try {
      const call = host[method] as (...callArgs: unknown[]) => Promise<unknown>;
      return { ok: true, value: await call.apply(host, parsed.value) };
    } catch (error) {
      return { ok: false, error: toWireError(error) };
    }
  };
}

/** Own keys only: "constructor" or "toString" must not pass for a method. */
function isHostMethod(method: unknown): method is HostMethod {
  return typeof method === "string" && Object.hasOwn(HOST_METHODS, method);
}

function failure(name: string, message: string): Wire {
  return { ok: false, error: { name, message } };
}

function toWireError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: "Error", message: String(error) };
}
