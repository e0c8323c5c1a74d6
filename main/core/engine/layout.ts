import type { BlockElement, Height, Width } from "../../../common";
import type { ContainerOptions } from "../../../common/api";
import { StreamlitError } from "./errors";
import { checkKeywords } from "./keywords";

/** width/height as Streamlit validates them (layout_utils' validate_width/validate_height): "stretch", "content", or whole pixels. */
function validateSize<T>(dimension: "width" | "height", value: unknown): T {
  if (value === "stretch" || value === "content") return value as T;
  if (typeof value === "number" && Number.isInteger(value) && value > 0) return value as T;
  const name = dimension === "width" ? "Width" : "Height";
  throw new StreamlitError(
    `StreamlitInvalid${name}Error`,
    `Invalid ${dimension} value: ${pyRepr(value)}. ${name} must be either a positive integer (pixels), 'stretch', or 'content'.`,
  );
}

export const validateWidth = (width: unknown) => validateSize<Width>("width", width);
export const validateHeight = (height: unknown) => validateSize<Height>("height", height);

/**
 * A component's height is never validated (§2): the layout config takes any number as pixels
 * (truncated, as Python's `int()`), "content" as content, and anything else as "stretch". This is
 * how `height=0` mounts an invisible component.
 */
export function componentHeight(height: unknown): Height {
  if (typeof height === "number" && Number.isFinite(height)) return Math.trunc(height);
  return height === "content" ? "content" : "stretch";
}

/** Python's repr() of a plain value (`'auto'`, `-1`, `None`), as Streamlit's messages quote it. */
export function pyRepr(value: unknown): string {
  if (typeof value === "string") return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  return pyStr(value);
}

/** Python's str() of a value, for error messages that quote what the script passed. */
function pyStr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  return typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);
}

const GAPS = ["xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge"] as const;
export type Gap = (typeof GAPS)[number];

/** layout_utils' get_gap_size: a size name in any case, or null for no gap. */
export function validateGap(gap: unknown, elementType: string): Gap | null {
  if (gap === null) return null;
  if (typeof gap === "string" && (GAPS as readonly string[]).includes(gap.toLowerCase())) return gap.toLowerCase() as Gap;
  throw new StreamlitError(
    "StreamlitInvalidColumnGapError",
    `The \`gap\` argument to \`${elementType}\` must be \`"small"\`, \`"medium"\`, \`"large"\`, or \`"none"\`. \nThe argument passed was ${pyStr(gap)}.`,
  );
}

const HORIZONTAL_ALIGNMENTS = ["left", "center", "right", "distribute"] as const;
const VERTICAL_ALIGNMENTS = ["top", "center", "bottom", "distribute"] as const;

function validateAlignment<T extends string>(axis: "horizontal" | "vertical", value: unknown, allowed: readonly T[], elementType: string): T {
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  const name = axis === "horizontal" ? "Horizontal" : "Vertical";
  const choices = allowed.map((choice) => `\`"${choice}"\``);
  throw new StreamlitError(
    `StreamlitInvalid${name}AlignmentError`,
    `The \`${axis}_alignment\` argument to \`${elementType}\` must be ${choices.slice(0, -1).join(", ")}, or ${choices.at(-1)}. \nThe argument passed was ${pyStr(value)}.`,
  );
}

const CONTAINER_KEYWORDS = ["border", "key", "width", "height", "horizontal", "horizontal_alignment", "vertical_alignment", "gap"] as const;

/**
 * `st.container(...)` as Streamlit 1.64 validates it (layouts.py): gap, then the alignments,
 * width and height (both allowing "content"; a pixel height must be positive here, unlike a
 * component's), and a border by default only for a fixed height.
 */
export function containerBlock(options: ContainerOptions | undefined): Omit<BlockElement, "type" | "id" | "children"> {
  const given = checkKeywords("container", options, CONTAINER_KEYWORDS);
  const key = given.key === undefined || given.key === null ? null : String(given.key);
  const gap = validateGap(given.gap === undefined ? "small" : given.gap, "st.container");
  const horizontalAlignment = validateAlignment("horizontal", given.horizontal_alignment ?? "left", HORIZONTAL_ALIGNMENTS, "st.container");
  const verticalAlignment = validateAlignment("vertical", given.vertical_alignment ?? "top", VERTICAL_ALIGNMENTS, "st.container");
  const width = validateWidth(given.width ?? "stretch");
  const height = validateHeight(given.height ?? "content");
  const border = given.border ?? typeof height === "number";
  return { kind: "container", key, border: Boolean(border), width, height, horizontal: Boolean(given.horizontal), horizontalAlignment, verticalAlignment, gap };
}
