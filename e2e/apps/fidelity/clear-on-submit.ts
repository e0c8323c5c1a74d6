import type { St } from "loopwright";
import { repr } from "./lib";

// st.form(clear_on_submit): the submit run sees what was typed, then the form resets.
export default function app(st: St) {
  const form = st.form("signup", { clear_on_submit: true });
  const name = form.text_input("Name", { value: "anonymous" });
  const submitted = form.form_submit_button("Sign up");
  st.text(`Submitted: ${repr(submitted)}, name: ${name}`);
}
