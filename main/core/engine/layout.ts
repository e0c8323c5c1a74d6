import type { Height, Width } from "../../contract";
import { StreamlitError } from "./errors";

/** width/height as Streamlit validates them (§2). */
export function validateWidth(width: unknown): Width {
  if (width === "stretch" || width === "content") return width;
  if (typeof width === "number" && Number.isInteger(width) && width > 0) return width;
  throw new StreamlitError(
    "StreamlitInvalidWidthError",
    `Invalid width value: ${JSON.stringify(width)}. Width must be either an integer (pixels), 'stretch', or 'content'.`,
  );
}

export function validateHeight(height: unknown): Height {
  if (height === "stretch" || height === "content") return height;
  if (typeof height === "number" && Number.isInteger(height) && height > 0) return height;
  throw new StreamlitError(
    "StreamlitInvalidHeightError",
    `Invalid height value: ${JSON.stringify(height)}. Height must be either an integer (pixels), 'stretch', or 'content'.`,
  );
}
