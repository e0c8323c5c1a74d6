import { ref, toRaw, watch, type Ref } from "vue";
import type { Json, WidgetPlacement } from "../../../common";
import { useRuntime } from "../runtime";

interface ValueWidget extends WidgetPlacement {
  id: string;
  clearedTo?: object;
}

const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A native value widget's value, shared by every widget view. `shown` is what the widget
 * displays, which may be an edit not committed yet (typing, dragging); `settled` is the value the
 * host and the browser last agreed on: the user's value the host has not seen yet (a form's
 * pending change, an unsent change), otherwise the host's value from the latest run.
 */
export function useWidgetValue<E extends ValueWidget, T extends Json>(element: () => E, hostValue: (element: E) => T) {
  const { widgets } = useRuntime();
  const settledValue = (current: E): T => {
    const user = widgets.userValue(current.id, current.formId);
    return user ? (user.value as T) : hostValue(current);
  };
  const shown = ref(settledValue(element())) as Ref<T>;
  let settled = shown.value;

  // Every run brings the host's value, which may come from a script-side write. Show it, unless
  // the user is in the middle of an edit: a late render must not clobber it (Streamlit keeps it too).
  watch(element, (current) => {
    const next = settledValue(current);
    if (same(shown.value, settled)) shown.value = next;
    settled = next;
  });

  // clear_on_submit: after the submit the form's widgets show their defaults, which wait in the
  // form for its next submit (the script goes on seeing the submitted values until then).
  watch(
    () => element().formId,
    (formId, _, onCleanup) => {
      if (!formId) return;
      onCleanup(
        widgets.onFormCleared(formId, () => {
          const current = element();
          if (!current.clearedTo) return void (shown.value = settled = hostValue(current));
          const value = hostValue(current.clearedTo as E);
          widgets.clearInForm(current.id, toRaw(value), formId);
          shown.value = settled = value;
        }),
      );
    },
    { immediate: true },
  );

  /** Applies a value (default: the one shown); only a change reaches the widget states. */
  function commit(value: T = shown.value): void {
    shown.value = value;
    if (same(value, settled)) return;
    settled = value;
    const { id, formId, fragmentId } = element();
    // A value shown through the ref is a reactive proxy, which postMessage cannot clone.
    widgets.setValue(id, toRaw(value), { formId, fragmentId });
  }

  /** Enter (Ctrl+Enter in a text area): applies the value and, inside a form, submits it. */
  function commitAndSubmit(value: T = shown.value): void {
    commit(value);
    const { formId, fragmentId } = element();
    if (formId) widgets.submitFormWithEnter(formId, fragmentId ?? null);
  }

  return { shown, commit, commitAndSubmit };
}
