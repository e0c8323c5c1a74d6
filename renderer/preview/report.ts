import type { FromPreview } from "../../common";

type ConsoleLevel = Extract<FromPreview, { type: "console" }>["level"];

/** Sends a line to the workbench console (component errors, values that could not be sent). */
export type Report = (level: ConsoleLevel, message: string) => void;

export interface ErrorInfo {
  message: string;
  stack: string | null;
}

/** Author code may throw anything, not only Errors. */
export function describeError(error: unknown): ErrorInfo {
  if (error instanceof Error) return { message: error.message, stack: error.stack ?? null };
  return { message: String(error), stack: null };
}
