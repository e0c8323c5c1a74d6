import { isAbsolute, relative } from "node:path";
import type { LogLocation } from "../../../common";
import { traceRows } from "../engine/exceptions";

/** `fn (file:line:col)` or `file:line:col`, as V8 writes a frame (after `at `). */
const FRAME = /^(?:.*? \()?(.+?):(\d+):(\d+)\)?$/;

/**
 * The author's frames of a stack (Loopwright's and Node's dropped, already source-mapped to the
 * `.ts` lines by the runner), with paths relative to the app's folder, and the innermost of them
 * as a location the Log can copy or open.
 */
export function authorFrames(stack: string | undefined, appDir: string): { rows: string[]; location: LogLocation | null } {
  const rows = traceRows(stack ?? "").map((row) => row.split(`${appDir}/`).join("").split(`${appDir}\\`).join(""));
  const match = rows.length ? FRAME.exec(rows[0]) : null;
  if (!match) return { rows, location: null };
  const file = isAbsolute(match[1]) ? relative(appDir, match[1]) : match[1];
  return { rows, location: { file, line: Number(match[2]), column: Number(match[3]), inline: false } };
}
