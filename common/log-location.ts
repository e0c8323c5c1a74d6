import type { LogLocation } from "./status";

/** `file:line:column`, as editors and terminals read it (what the Log's "copy location" copies). */
export function formatLocation(location: LogLocation): string {
  return `${location.file}:${location.line}${location.column === null ? "" : `:${location.column}`}`;
}
