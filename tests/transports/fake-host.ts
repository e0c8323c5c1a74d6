import type { HostEventName, HostEvents, HostSnapshot } from "../../common";
import { Emitter } from "../../common";
import type { ScriptHost } from "../../main/core/types";

/** A ScriptHost whose methods are scripted per test and whose events the test emits by hand. */
export class FakeHost implements ScriptHost {
  calls: { method: string; args: unknown[] }[] = [];
  disposed = false;
  private readonly events = new Emitter<HostEvents>();

  constructor(private readonly behaviour: Partial<Record<"hello" | "rerun" | "stop" | "editSessionState", (...args: unknown[]) => unknown>> = {}) {}

  private async invoke(method: "hello" | "rerun" | "stop" | "editSessionState", args: unknown[]): Promise<never> {
    this.calls.push({ method, args });
    return (await this.behaviour[method]?.(...args)) as never;
  }

  hello(): Promise<HostSnapshot> {
    return this.invoke("hello", []);
  }
  rerun(...args: unknown[]) {
    return this.invoke("rerun", args);
  }
  stop() {
    return this.invoke("stop", []);
  }
  editSessionState(...args: unknown[]) {
    return this.invoke("editSessionState", args);
  }

  on<E extends HostEventName>(event: E, listener: (payload: HostEvents[E]) => void): () => void {
    return this.events.on(event, listener);
  }

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
