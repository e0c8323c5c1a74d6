import type { ChatInputOptions } from "../../../common/api";
import { StreamlitAPIException } from "./errors";
import type { RunContext } from "./run-context";
import { widgetMeta } from "./widgets";

/**
 * `st.chat_input` (§15): a string trigger. The submitted text is returned in the run the submit
 * causes, then null again; on_submit runs before that run's body.
 */
export function chatInput(ctx: RunContext, placeholder = "Your message", options: ChatInputOptions = {}): string | null {
  if (ctx.target.formId !== null) throw StreamlitAPIException("`st.chat_input()` can't be used in a `st.form()`.");
  const maxChars = options.max_chars ?? null;
  const meta = widgetMeta(ctx, "chat_input", options.key ?? null, { placeholder: String(placeholder), max_chars: maxChars }, options.on_submit ?? null);
  const submitted = ctx.state.register(meta) as string | null;
  ctx.emit({
    type: "chat_input",
    id: meta.id,
    placeholder: String(placeholder),
    maxChars,
    disabled: options.disabled ?? false,
    bottom: ctx.target === ctx.mainTarget,
    fragmentId: meta.fragmentId,
  });
  return submitted;
}
