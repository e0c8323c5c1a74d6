import { readFile } from "node:fs/promises";
import { protocol } from "electron";
import { previewCsp, workbenchCsp } from "../serving/csp";
import { ASSETS_DIR, PREVIEW_DIR, lookupStatic, type ContentPolicy } from "../serving/static-files";

/**
 * Two custom schemes instead of file://: the workbench (app://app) and the preview
 * (loopwright-preview://app), so each document gets its own origin and its own CSP header.
 */
export const APP_SCHEME = "app";
export const PREVIEW_SCHEME = "loopwright-preview";
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const WORKBENCH_URL = `${APP_ORIGIN}/index.html`;

const POLICY: ContentPolicy = {
  // A Python app's view is real Streamlit's frontend, served by the host on a loopback origin of its own.
  workbench: workbenchCsp({ connect: "'self'", frame: `${PREVIEW_SCHEME}: http://127.0.0.1:*` }),
  preview: previewCsp(`${APP_SCHEME}:`),
};

/** Must run before app "ready". */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    // corsEnabled: the sandboxed preview loads its module scripts with CORS (Origin: null).
    { scheme: PREVIEW_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** Serve out/renderer on both schemes; the preview scheme only reaches the preview and its assets. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respond(rendererDir, new URL(request.url), () => true));
  protocol.handle(PREVIEW_SCHEME, (request) =>
    respond(rendererDir, new URL(request.url), (topDir) => topDir === PREVIEW_DIR || topDir === ASSETS_DIR),
  );
}

async function respond(rendererDir: string, url: URL, reachable: (topDir: string) => boolean): Promise<Response> {
  if (url.host !== "app") return new Response(null, { status: 404 });
  const found = await lookupStatic(rendererDir, url.pathname, POLICY);
  if (found.status !== 200) return new Response(null, { status: found.status, headers: found.headers });
  if (!reachable(found.topDir)) return new Response(null, { status: 404 });
  return new Response(await readFile(found.file), { headers: found.headers });
}
