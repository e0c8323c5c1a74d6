import { onScopeDispose } from "vue";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Streamlit's `R`: rerun, unless the key is meant as text or part of a shortcut. */
export function useRerunHotkey(rerun: () => void): void {
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== "r" && event.key !== "R") return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || event.repeat) return;
    if (isTyping(event.target)) return;
    event.preventDefault();
    rerun();
  };
  window.addEventListener("keydown", onKeydown);
  onScopeDispose(() => window.removeEventListener("keydown", onKeydown));
}
