import { statSync } from "node:fs";
import { join, resolve } from "node:path";

/** The bundled example both entries open when no app script is given. */
export const DEFAULT_APP = "examples/text-input/app.ts";

/** The app script to open: a path given by the user (relative to the cwd) or the bundled example. */
export function findAppScript(given: string | undefined, packageRoot: string): { ok: true; path: string } | { ok: false; message: string } {
  const path = given ? resolve(given) : join(packageRoot, DEFAULT_APP);
  return isFile(path) ? { ok: true, path } : { ok: false, message: `app script not found: ${path}` };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
