import { stat } from "node:fs/promises";
import { extname, relative, resolve, sep } from "node:path";

/**
 * Serving the built renderer (out/renderer), shared by the browser-mode HTTP server and Electron's
 * protocol handlers: which file a URL path names, and the headers it goes out with.
 */

/** The two documents' Content-Security-Policy headers (see csp.ts). */
export interface ContentPolicy {
  workbench: string;
  preview: string;
}

export type HeaderMap = Record<string, string>;

export type StaticLookup =
  /** topDir: the file's top-level directory in the bundle ("" for files at its root). */
  | { status: 200; file: string; size: number; topDir: string; headers: HeaderMap }
  | { status: 400 | 404; headers: HeaderMap };

/** Top-level directories of out/renderer: the preview document, and the chunks both apps load. */
export const PREVIEW_DIR = "preview";
export const ASSETS_DIR = "assets";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

/** Map a URL pathname (still percent-encoded) to a file under rootDir, never outside it. */
export async function lookupStatic(rootDir: string, pathname: string, policy: ContentPolicy): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400, headers: headersFor("", policy) };
  }
  if (decoded.includes("\0")) return { status: 400, headers: headersFor("", policy) };

  const root = resolve(rootDir);
  const file = resolve(root, `.${decoded.endsWith("/") ? `${decoded}index.html` : decoded}`);
  if (!file.startsWith(root + sep)) return { status: 404, headers: headersFor("", policy) };
  // Headers follow the file actually served, not the spelling of the URL ("/preview/..%2findex.html").
  const parts = relative(root, file).split(sep);
  const topDir = parts.length > 1 ? parts[0] : "";
  const headers = headersFor(topDir, policy);

  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return { status: 404, headers };
  const contentType = CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
  return { status: 200, file, size: info.size, topDir, headers: { ...headers, "Content-Type": contentType } };
}

/** Headers for a file in this top-level directory of the renderer bundle ("" for the root). */
function headersFor(topDir: string, policy: ContentPolicy): HeaderMap {
  const preview = topDir === PREVIEW_DIR;
  const headers: HeaderMap = {
    "Content-Security-Policy": preview ? policy.preview : policy.workbench,
    "X-Content-Type-Options": "nosniff",
    // The workbench URL carries the token; without this the preview frame would see it in document.referrer.
    "Referrer-Policy": "no-referrer",
  };
  // The preview runs in an opaque-origin sandbox, so its module scripts and stylesheets (its own and
  // the chunks it shares with the workbench under assets/) are CORS requests with `Origin: null`.
  if (preview || topDir === ASSETS_DIR) headers["Access-Control-Allow-Origin"] = "*";
  return headers;
}
