import { app, session } from "electron";
import { PREVIEW_SCHEME } from "./protocols";

/**
 * The Electron security baseline beyond the window's webPreferences: no navigation away from the
 * workbench, no new windows, subframes only on the preview scheme (or a Python app's view on
 * loopback), and every permission denied
 * (Electron grants them all unless a handler says otherwise). Call once ready, before any window.
 */
export function enforceSecurityPolicy(): void {
  app.on("web-contents-created", (_event, contents) => {
    contents.on("will-navigate", (event) => event.preventDefault());
    contents.on("will-frame-navigate", (event) => {
      if (event.isMainFrame || !isPreviewUrl(event.url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: "deny" }));
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

function isPreviewUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === `${PREVIEW_SCHEME}:` || (parsed.protocol === "http:" && parsed.hostname === "127.0.0.1");
}
