/**
 * Streamlit's `R` (rerun): any plain r/R keypress on the page, unless it is text being typed or
 * part of a shortcut. Shared by the workbench and the preview, where the target may sit inside a
 * component's ShadowRoot: the event is retargeted to the host, so the real target is read from
 * the composed path (§11.1.7: typing in a component's <input> must not rerun).
 */
export function isRerunHotkey(event: KeyboardEvent): boolean {
  if (event.key !== "r" && event.key !== "R") return false;
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return false;
  return !isTyping(event.composedPath()[0] ?? event.target);
}

function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== "string") return false;
  const element = target as HTMLElement;
  return element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName);
}
