import type { St } from "loopwright";
import { ctxComponent, init, repr } from "./lib";

// basics.py "Form context" (§11.1 test 4, §8.5): inside st.form, state waits for the submit and
// setTriggerValue is a no-op; the text callback runs on the submit rerun.
export default function app(st: St) {
  init(st, "runs", 0);
  st.session_state.runs += 1;

  st.container().with(() => {
    st.subheader("Form context (defer state; triggers ignored by CCv2 semantics)");
    init(st, "form_text_changes", 0);
    init(st, "form_clicked_changes", 0);

    let formResult: Record<string, unknown> = {};
    st.form("bidi_form", { clear_on_submit: false }).with(() => {
      formResult = ctxComponent(st, {
        key: "in_form",
        data: { contextName: "Form" },
        on_text_change: () => {
          st.session_state.form_text_changes += 1;
        },
        on_clicked_change: () => {
          // Must never run: CCv2 triggers are ignored inside forms.
          st.session_state.form_clicked_changes += 1;
        },
      });
      st.form_submit_button("Submit Form");
    });

    st.text(`Form Result: ${repr(formResult)}`);
    st.text(`Form session state: ${repr(st.session_state.get("in_form"))}`);
    st.text(`Form Text changes: ${st.session_state.form_text_changes}`);
    st.text(`Form Clicked count: ${st.session_state.form_clicked_changes}`);
  });
  st.text(`Runs: ${st.session_state.runs}`);
}
