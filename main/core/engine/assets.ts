import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { StreamlitAPIException, StreamlitError } from "./errors";

/**
 * html/css/js given as a path relative to the app script. Streamlit's heuristic (§1): one line
 * with a path separator, glob character or a known extension is a path; anything else is inline.
 * Unlike Streamlit (which needs an asset_dir manifest), Loopwright reads the file next to the
 * script, so authors can iterate on a component without packaging it (see docs/fidelity.md).
 */
const EXTENSIONS: Record<AssetKind, RegExp> = {
  html: /\.html?$/i,
  css: /\.css$/i,
  js: /\.(m|c)?js$/i,
};

export type AssetKind = "html" | "css" | "js";

export function looksLikePath(value: string, kind: AssetKind): boolean {
  const text = value.trim();
  if (text.includes("\n") || text === "") return false;
  if (kind === "html") return EXTENSIONS.html.test(text);
  return /[*?[\]]/.test(text) || /^(\.\/|\/|\\)/.test(text) || /[/\\]/.test(text) || EXTENSIONS[kind].test(text);
}

/** The inline text, or the file's text and its path (as the author wrote it) for a path. */
export function readAsset(componentName: string, kind: AssetKind, value: unknown, appDir: string): { text: string; path: string | null } | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") {
    throw new StreamlitError(
      "StreamlitInvalidParameterTypeError",
      `Invalid \`${kind}\` type. Expected one of: str, None. Got ${typeof value}. Pass a string path or glob.`,
    );
  }
  if (!looksLikePath(value, kind)) return { text: value, path: null };
  const path = isAbsolute(value.trim()) ? value.trim() : resolve(appDir, value.trim());
  if (!existsSync(path)) {
    throw StreamlitAPIException(`Component '${componentName}': the ${kind} file \`${value.trim()}\` was not found (looked at ${path}).`);
  }
  return { text: readFileSync(path, "utf8"), path: value.trim() };
}
