import type { GenericSchema } from "valibot";
import { HOST_METHODS, type HostApi, type HostMethod, type Wire } from "../../common/bridge";
import { HostArgsSchemas, check } from "../../common/schemas";

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
    const schema: GenericSchema<unknown[]> = HostArgsSchemas[method];
    const parsed = check(schema, args);
    if (!parsed.ok) return failure("TypeError", `Invalid arguments for ${method}: ${parsed.error}`);
    try {
      const call = host[method] as (...callArgs: unknown[]) => Promise<unknown>;
      return { ok: true, value: await call.apply(host, parsed.value) };
    } catch (error) {
      return { ok: false, error: toWireError(error) };
    }
  };
}

function isHostMethod(method: unknown): method is HostMethod {
  return (HOST_METHODS as readonly unknown[]).includes(method);
}

function failure(name: string, message: string): Wire {
  return { ok: false, error: { name, message } };
}

function toWireError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: "Error", message: String(error) };
}
