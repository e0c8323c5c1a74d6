import type { HostApi, HostEventName, HostEvents, HostMethod, OnHostEvent } from "../../common";
import { Emitter } from "../../common";
import { HOST_METHOD_NAMES } from "../../common/host-api";
import type { ScriptHost } from "../../main/core/types";

type Behaviour = Partial<Record<HostMethod, (...args: unknown[]) => unknown>>;

/** The host methods, put on the prototype by the static block below. */
export interface FakeHost extends HostApi {}

/** A ScriptHost whose methods are scripted per test and whose events the test emits by hand. */
export class FakeHost implements ScriptHost {
  calls: { method: string; args: unknown[] }[] = [];
  disposed = false;
  private readonly events = new Emitter<HostEvents>();

  constructor(private readonly behaviour: Behaviour = {}) {}

  static {
    // One method per entry of the host's method table; each records its call on `this` and answers as scripted.
    for (const method of HOST_METHOD_NAMES) {
      FakeHost.prototype[method] = function (this: FakeHost, ...args: unknown[]) {
        return this.invoke(method, args);
      };
    }
  }

  protected async invoke(method: HostMethod, args: unknown[]): Promise<never> {
    this.calls.push({ method, args });
    return (await this.behaviour[method]?.(...args)) as never;
  }

  on: OnHostEvent = (event, listener) => this.events.on(event, listener);

  emit<E extends HostEventName>(event: E, payload: HostEvents[E]): void {
    this.events.emit(event, payload);
  }

  listenerCount(): number {
    return this.events.listenerCount();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }
}
