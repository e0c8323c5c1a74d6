import type { SessionStateEdit, SessionStateEntry } from "../../common";
import { EDIT_VALUE_CAP, editTooLarge } from "../../common/session";

/**
 * Checks a Session State panel edit against the last snapshot before anything runs, so an edit
 * Streamlit would reject or silently ignore is refused with a reason and changes nothing.
 */
export function validateEdit(entries: SessionStateEntry[], edit: SessionStateEdit): string | null {
  const size = JSON.stringify(edit.value).length;
  if (size > EDIT_VALUE_CAP) return editTooLarge(size);
  const entry = entries.find((e) => e.key === edit.key);
  if (!entry) return `There is no key "${edit.key}" in session state.`;
  if (!entry.editable) return `"${edit.key}" cannot be edited (${entry.kind === "widget" ? `a ${entry.widget}'s value is set by clicking it` : "its value is not JSON"}).`;
  if (entry.kind !== "component") {
    return edit.field === undefined ? null : `"${edit.key}" is not a component; edit its whole value.`;
  }
  if (edit.field === undefined) {
    const value = edit.value;
    return value !== null && typeof value === "object" && !Array.isArray(value) ? null : `"${edit.key}" is a component's state map: it must be a JSON object.`;
  }
  if (entry.callbackNames.length > 0 && !entry.callbackNames.includes(edit.field)) {
    return `Streamlit ignores writes to "${edit.key}.${edit.field}": the component has callbacks and none is named on_${edit.field}_change.`;
  }
  return null;
}
