import type { ExceptionElement } from "../../../common";
import { pythonClassOf } from "./errors";

/**
 * An uncaught error as Streamlit's exception box shows it. Stack frames come already mapped to
 * the author's .ts files (the runner enables source maps); frames from Loopwright itself and
 * Node internals are dropped so the first row is the author's line.
 */
const INTERNAL_FRAME = /(node:internal|node:|[\\/]out[\\/]main[\\/]|[\\/]main[\\/]core[\\/]|[\\/]node_modules[\\/])/;

export function toExceptionElement(error: unknown): ExceptionElement {
  if (!(error instanceof Error)) {
    return { type: "exception", name: "Error", message: `A non-Error value was thrown: ${String(error)}`, trace: [] };
  }
  return { type: "exception", name: error.name || "Error", ...pythonClassOf(error), message: error.message, trace: traceRows(error.stack ?? "") };
}

export function traceRows(stack: string): string[] {
  return stack
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("at ") && !INTERNAL_FRAME.test(line))
    .map((line) => line.slice(3));
}
