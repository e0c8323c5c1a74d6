import type { LogEntry, LogOrigin } from "../../common";

/** Sends a line to the workbench console (component errors, values that could not be sent), with the instance and author's line it is about. */
export type Report = (level: LogEntry["level"], message: string, origin?: LogOrigin) => void;

export interface ErrorInfo {
  message: string;
  stack: string | null;
}

/** Author code may throw anything, not only Errors. */
export function describeError(error: unknown): ErrorInfo {
  if (error instanceof Error) return { message: error.message, stack: error.stack ?? null };
  return { message: String(error), stack: null };
}
