import type { InjectionKey, Ref } from "vue";
import type { AppElement, Height, Width } from "../../common";

/** A pixel width never overflows its container (a column, the sidebar), as in Streamlit. */
function widthStyle(width: Width): Record<string, string> {
  if (width === "stretch") return { width: "100%" };
  if (width === "content") return { width: "fit-content", maxWidth: "100%" };
  return { width: `${width}px`, maxWidth: "100%" };
}

/**
 * "stretch" fills what the parent block leaves (a column stretched to its row's height, a
 * container with a fixed height); a pixel height scrolls when the content is taller.
 */
function heightStyle(height: Height): Record<string, string> {
  if (height === "content") return { height: "auto" };
  if (height === "stretch") return { flex: "1 1 auto", display: "flex", flexDirection: "column" };
  return { height: `${height}px`, overflow: "auto" };
}

/** The element container carries a component's size, as Streamlit's layout wrapper does. */
export function containerStyle(element: AppElement): Record<string, string> | undefined {
  if (element.type !== "bidi_component") return undefined;
  return { ...widthStyle(element.width), ...heightStyle(element.height) };
}

/**
 * Elements and blocks with an id keep their Vue instance across runs (a component's key is its
 * element id), so a fragment rerun or a change elsewhere never remounts them; the id changing
 * remounts (§8.1). A component's shadow root cannot be taken back, so switching isolation
 * remounts too. Id-less elements (markdown, json…) hold no state and are keyed by position.
 */
export function elementKey(element: AppElement, index: number): string {
  if (element.type === "bidi_component") return `${element.id}:${element.isolateStyles ? "isolated" : "regular"}`;
  return "id" in element ? element.id : `${index}:${element.type}`;
}

/**
 * The list as Streamlit's RenderNodeVisitor renders it: an element whose key is already taken
 * renders once, the first time. A run that moves an element up leaves the previous run's copy
 * further down until a delta replaces it; the copy in page order first is the current one.
 */
export function renderedOnce(elements: AppElement[]): { element: AppElement; key: string }[] {
  const seen = new Set<string>();
  return elements.flatMap((element, index) => {
    const key = elementKey(element, index);
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ element, key }];
  });
}

/** The fragment an element list sits in (its nearest fragment block), for a fragment run's stale marks. */
export const enclosingFragmentKey: InjectionKey<Ref<string | null>> = Symbol("loopwright-enclosing-fragment");
