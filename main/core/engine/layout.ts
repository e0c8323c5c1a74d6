import type { Height, Width } from "../../../common";
import { StreamlitError } from "./errors";

/** width/height as Streamlit validates them (§2): "stretch", "content", or whole pixels. */
function validateSize<T>(dimension: "width" | "height", value: unknown): T {
  if (value === "stretch" || value === "content") return value as T;
  if (typeof value === "number" && Number.isInteger(value) && value > 0) return value as T;
  const name = dimension === "width" ? "Width" : "Height";
  throw new StreamlitError(
    `StreamlitInvalid${name}Error`,
    `Invalid ${dimension} value: ${JSON.stringify(value)}. ${name} must be either an integer (pixels), 'stretch', or 'content'.`,
  );
}

export const validateWidth = (width: unknown) => validateSize<Width>("width", width);
export const validateHeight = (height: unknown) => validateSize<Height>("height", height);
