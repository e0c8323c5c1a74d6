import { statSync } from "node:fs";
import { extname, isAbsolute, relative, resolve } from "node:path";

/** What the Log may open: the author's sources and assets, never an arbitrary file or program. */
const SOURCE_EXTENSIONS = new Set([".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".css", ".html", ".htm", ".json"]);

/**
 * The absolute path of a source file the Log names (relative to the app script's folder), or why
 * it cannot be opened. The name may come from the preview, which runs author code, so it must stay
 * inside the app's folder and be a source file that exists.
 */
export function appSourceFile(appDir: string, file: string): { ok: true; path: string } | { ok: false; error: string } {
  const path = resolve(appDir, file);
  const inside = relative(appDir, path);
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) return { ok: false, error: `${file} is not inside the app's folder ${appDir}` };
  if (!SOURCE_EXTENSIONS.has(extname(path).toLowerCase())) return { ok: false, error: `${file} is not a source file (${[...SOURCE_EXTENSIONS].join(", ")})` };
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    isFile = false;
  }
  return isFile ? { ok: true, path } : { ok: false, error: `${file} does not exist in ${appDir}` };
}
