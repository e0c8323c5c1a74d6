import { onScopeDispose } from "vue";
import { isRerunHotkey } from "../../shared/hotkeys";

/** Streamlit's `R` in the workbench; the preview forwards its own as a `hotkey` message. */
export function useRerunHotkey(rerun: () => void): void {
  const onKeydown = (event: KeyboardEvent) => {
    if (!isRerunHotkey(event)) return;
    event.preventDefault();
    rerun();
  };
  window.addEventListener("keydown", onKeydown);
  onScopeDispose(() => window.removeEventListener("keydown", onKeydown));
}
