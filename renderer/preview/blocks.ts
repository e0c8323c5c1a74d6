import type { AppElement, BlockElement } from "../../common";

/**
 * Streamlit's frontend rules for keyed elements and flex containers (Block/utils.ts,
 * Block/styled-components.ts), as plain functions so the templates only bind their results.
 */

/** `getKeyFromId`: the user key is what follows the second `-` of a `$$ID-<hash>-<key>` id; "None" is no key. */
export function keyFromId(id: string | null | undefined): string | null {
  if (!id || !id.startsWith("$$ID-")) return null;
  const key = id.split("-").slice(2).join("-");
  return key === "None" ? null : key;
}

/** `convertKeyToClassName`: `st-key-` + the trimmed key with every character outside [a-zA-Z0-9_-] made `-`. */
export function keyClassName(key: string | null | undefined): string | null {
  if (!key) return null;
  return `st-key-${key.trim().replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

/** The classes of an element's stElementContainer: Streamlit's two, plus the key's. */
export function elementContainerClasses(element: AppElement): string[] {
  const key = "id" in element && element.type !== "block" ? keyClassName(keyFromId(element.id)) : null;
  return key ? ["element-container", key] : ["element-container"];
}

/** `translateGapWidth`: the theme spacing of each gap size. */
export const GAP_WIDTHS: Record<NonNullable<BlockElement["gap"]>, string> = {
  xxsmall: "0.25rem",
  xsmall: "0.5rem",
  small: "1rem",
  medium: "2rem",
  large: "4rem",
  xlarge: "6rem",
  xxlarge: "8rem",
};

export const gapWidth = (gap: BlockElement["gap"] | undefined): string => (gap === null ? "0rem" : GAP_WIDTHS[gap ?? "small"]);

/** layouts.py maps alignments to flex terms (`map_to_flex_terminology`, get_justify/get_align); the frontend to CSS. */
const JUSTIFY = { left: "start", top: "start", center: "center", right: "end", bottom: "end", distribute: "space-between" } as const;
/** "distribute" has no align-items counterpart: ALIGN_UNDEFINED, which the frontend renders as "stretch". */
const ALIGN = { left: "start", top: "start", center: "center", right: "end", bottom: "end", distribute: "stretch" } as const;

/** The stLayoutWrapper around an st.container: its width and height (useLayoutStyles). */
export function containerWrapperStyle(block: BlockElement): Record<string, string> {
  const style: Record<string, string> = {};
  const width = block.width ?? "stretch";
  style.width = width === "stretch" ? "100%" : width === "content" ? "fit-content" : `${width}px`;
  const height = block.height ?? "content";
  if (typeof height === "number") style.height = `${height}px`;
  else if (height === "stretch") style.flex = "1 1 auto";
  return style;
}

/** StyledFlexContainerBlock for an st.container: direction, wrap, justify/align, gap, scrolling. */
export function flexContainerStyle(block: BlockElement): Record<string, string> {
  const horizontal = Boolean(block.horizontal);
  const horizontalAlignment = block.horizontalAlignment ?? "left";
  const verticalAlignment = block.verticalAlignment ?? "top";
  const style: Record<string, string> = {
    display: "flex",
    flexDirection: horizontal ? "row" : "column",
    flexWrap: horizontal ? "wrap" : "nowrap",
    justifyContent: JUSTIFY[horizontal ? horizontalAlignment : verticalAlignment],
    alignItems: ALIGN[horizontal ? verticalAlignment : horizontalAlignment],
    gap: gapWidth(block.gap),
    flex: "1",
  };
  if (typeof block.height === "number") Object.assign(style, { height: `${block.height}px`, overflow: "auto" });
  return style;
}
