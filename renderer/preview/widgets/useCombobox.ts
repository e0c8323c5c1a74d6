import { hasMatch, score } from "fzy.js";
import { computed, nextTick, ref, useId, type Ref } from "vue";

export interface ListedOption {
  /** The option's position in the widget's options (the wire value). */
  index: number;
  label: string;
}

/**
 * Streamlit's option filter (its frontend's fuzzyFilterSelectOptions): fzy matches on the labels,
 * best score first, ties kept in option order.
 */
export function filterOptions(labels: readonly string[], query: string): ListedOption[] {
  const listed = labels.map((label, index) => ({ index, label }));
  if (!query) return listed;
  return listed
    .filter((option) => hasMatch(query, option.label))
    .map((option) => ({ option, score: score(query, option.label) }))
    .sort((a, b) => b.score - a.score)
    .map(({ option }) => option);
}

/**
 * The headless part of Streamlit's baseweb select, shared by st.selectbox and st.multiselect: an
 * input with role=combobox that opens a listbox on click, filters it as the user types, moves the
 * highlighted option with the arrow keys and picks it with Enter or a click (a multiselect's list
 * stays open for the next pick).
 */
export function useCombobox(labels: () => readonly string[], pick: (index: number) => void, { closeOnPick = true } = {}) {
  const listboxId = `lw-listbox-${useId()}`;
  const open = ref(false);
  const query = ref("");
  /** Position of the highlighted option within `listed`. */
  const active = ref(0);
  const input: Ref<HTMLInputElement | null> = ref(null);
  /** The control the dropdown opens under. */
  const anchor: Ref<HTMLElement | null> = ref(null);
  const dropdownStyle = ref<Record<string, string>>({});

  const listed = computed(() => filterOptions(labels(), query.value));
  const optionId = (position: number) => `${listboxId}-${position}`;
  const activeId = computed(() => (open.value && listed.value[active.value] ? optionId(active.value) : undefined));

  /** The dropdown is fixed-positioned under the control, so a scrolling container cannot clip it. */
  function place(): void {
    const rect = anchor.value?.getBoundingClientRect();
    if (rect) dropdownStyle.value = { top: `${rect.bottom + 2}px`, left: `${rect.left}px`, width: `${rect.width}px` };
  }

  function show(): void {
    place();
    if (!open.value) active.value = 0;
    open.value = true;
  }

  function close(): void {
    open.value = false;
    query.value = "";
  }

  /** A press on the control toggles the list, except on the input itself, which only opens it (as baseweb does). */
  function onControlMousedown(event: MouseEvent): void {
    if (open.value && event.target !== input.value) close();
    else show();
    void nextTick(() => input.value?.focus());
  }

  function choose(position: number): void {
    const option = listed.value[position];
    if (!option) return;
    if (closeOnPick) close();
    else query.value = "";
    pick(option.index);
  }

  function onInput(event: Event): void {
    query.value = (event.target as HTMLInputElement).value;
    active.value = 0;
    show();
  }

  /** Keys baseweb's select handles; Escape and Backspace on an empty query are the widget's (`onEmptyKey`). */
  function onKeydown(event: KeyboardEvent, onEmptyKey: (key: "Escape" | "Backspace") => boolean = () => false): void {
    const count = listed.value.length;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open.value) show();
        else if (count) active.value = (active.value + 1) % count;
        break;
      case "ArrowUp":
        event.preventDefault();
        if (!open.value) show();
        else if (count) active.value = (active.value - 1 + count) % count;
        break;
      case "Enter":
        if (open.value) {
          event.preventDefault();
          choose(active.value);
        }
        break;
      case "Escape":
        if (open.value) close();
        else onEmptyKey("Escape");
        break;
      case "Backspace":
        if (query.value === "" && onEmptyKey("Backspace")) event.preventDefault();
        break;
    }
  }

  return { listboxId, open, query, active, input, anchor, dropdownStyle, listed, optionId, activeId, show, close, onControlMousedown, choose, onInput, onKeydown };
}

export type Combobox = ReturnType<typeof useCombobox>;
