import type { AppElement, Height, Width } from "../../main/contract";

function widthStyle(width: Width): Record<string, string> {
  if (width === "stretch") return { width: "100%" };
  if (width === "content") return { width: "fit-content" };
  return { width: `${width}px` };
}

function heightStyle(height: Height): Record<string, string> {
  if (height === "content") return { height: "auto" };
  if (height === "stretch") return { height: "100%" };
  return { height: `${height}px`, overflow: "auto" };
}

/** The element container carries a component's size, as Streamlit's layout wrapper does. */
export function containerStyle(element: AppElement): Record<string, string> | undefined {
  if (element.type !== "bidi_component") return undefined;
  return { ...widthStyle(element.width), ...heightStyle(element.height) };
}

/**
 * Elements with an id keep their Vue instance across runs; the id changing remounts (§8.1).
 * A component's shadow root cannot be taken back, so switching isolation remounts too.
 */
export function elementKey(element: AppElement, index: number): string {
  if (element.type === "bidi_component") return `${element.id}:${element.isolateStyles ? "isolated" : "regular"}`;
  return "id" in element ? element.id : `${index}:${element.type}`;
}
