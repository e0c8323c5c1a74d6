import type { St } from "../../contract/st";
import type { ComponentRegistry } from "./component";
import { button, json, markdown, textInput, write } from "./elements";
import { ControlSignal } from "./errors";
import { sessionStateProxy } from "./presenters";
import type { RunContext } from "./run-context";
import type { SessionState } from "./session-state";

/**
 * The `st` object handed to the app script. One per session; `ctx` is read lazily so a mount
 * function kept from an earlier run still renders into the current run.
 */
export function createSt(ctx: () => RunContext, state: SessionState, registry: ComponentRegistry): St {
  const st: St = {
    components: { v2: { component: (name, definition) => registry.register(ctx, name, definition) } },
    session_state: sessionStateProxy(state) as St["session_state"],
    button: (label, options) => button(ctx(), label, options),
    text_input: (label, options) => textInput(ctx(), label, options),
    write: (...values) => write(ctx(), values),
    markdown: (body) => markdown(ctx(), body),
    title: (body) => markdown(ctx(), body, "title"),
    json: (value, options) => json(ctx(), value, options?.expanded ?? true),
    rerun: () => {
      throw new ControlSignal("rerun");
    },
  };
  return st;
}
