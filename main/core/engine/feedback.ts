import type { ToastOptions } from "../../../common/api";
import { StreamlitAPIException } from "./errors";
import type { RunContext, Target } from "./run-context";

/** Elements that tell the user what the app is doing: st.toast, st.spinner, st.status (§15). */

const TOAST_SECONDS = { short: 4, long: 10, infinite: null } as const;

/** Returns the toast's placeholder: Python returns its DeltaGenerator, whose `.toast()` rewrites the same toast. */
export function toast(ctx: RunContext, body: unknown, options: ToastOptions = {}): Target {
  ctx.checkpoint();
  const text = String(body ?? "");
  if (text === "") throw StreamlitAPIException("Toast body cannot be blank - please provide a message.");
  const duration = options.duration ?? "short";
  const seconds = typeof duration === "number" ? duration : TOAST_SECONDS[duration];
  if (seconds === undefined || (typeof duration === "number" && !(Number.isFinite(duration) && duration > 0))) {
    throw StreamlitAPIException(`\`duration\` must be one of "short", "long", "infinite", or a positive number of seconds, got ${JSON.stringify(duration)}.`);
  }
  const slot = ctx.placeholder();
  ctx.within(slot, () => ctx.emit({ type: "toast", body: text, icon: options.icon ?? null, duration: seconds }));
  return slot;
}
