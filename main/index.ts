/**
 * Desktop entry: one workbench window on one app script, the script host in this process (its
 * runs in a worker thread), the HostApi over IPC. Browser mode (server.ts) shares everything but
 * this file, main/electron/ and the IPC transport.
 *
 *   electron out/main/index.js [appPath]     (or LOOPWRIGHT_APP=appPath)
 */
import { basename, join, resolve } from "node:path";
import { app, shell } from "electron";
import { openProject } from "./core/project";
import { createProjectHost } from "./core/project-host";
import type { ScriptHost } from "./core/types";
import { APP_ORIGIN, registerSchemes, serveRenderer } from "./electron/protocols";
import { enforceSecurityPolicy } from "./electron/security";
import { createWorkbenchWindow } from "./electron/window";
import { electronAppArgument, findAppScript } from "./launch.mjs";
import { attachIpcTransport } from "./transports/ipc";

// Built as out/main/index.js: siblings are the worker, ../preload and ../renderer.
const PACKAGE_ROOT = resolve(__dirname, "../..");
const RENDERER_DIR = resolve(__dirname, "../renderer");
const PRELOAD_PATH = resolve(__dirname, "../preload/index.cjs");
const WORKER_PATH = join(__dirname, "worker.js");

/** The Log's "open in editor": the system's default app for the file; shell.openPath answers an error text, empty on success. */
async function openFile(path: string): Promise<void> {
  const error = await shell.openPath(path);
  if (error) throw new Error(error);
}

function start(appPath: string): void {
  app.enableSandbox();
  registerSchemes();
  let host: ScriptHost | null = null;

  app.whenReady().then(async () => {
    enforceSecurityPolicy();
    serveRenderer(RENDERER_DIR);
    const scriptHost = await createProjectHost(await openProject(appPath), { workerPath: WORKER_PATH, openFile });
    host = scriptHost;
    const window = createWorkbenchWindow(PRELOAD_PATH, `Loopwright — ${basename(appPath)}`);
    window.on("closed", attachIpcTransport({ host: scriptHost, webContents: window.webContents, appOrigin: APP_ORIGIN }));
    app.on("second-instance", () => {
      if (window.isDestroyed()) return;
      if (window.isMinimized()) window.restore();
      window.focus();
    });
  }).catch((error: unknown) => {
    console.error(`Loopwright: ${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
  });

  // One window, one session: closing it ends the app on every platform.
  app.on("window-all-closed", () => app.quit());

  let disposed = false;
  app.on("will-quit", (event) => {
    if (disposed || host === null) return;
    // Let the host stop its worker and file watcher before the process goes away.
    event.preventDefault();
    disposed = true;
    void host.dispose().finally(() => app.quit());
  });
}

const script = findAppScript(electronAppArgument(process.argv.slice(1), [__filename, __dirname, PACKAGE_ROOT], process.env), PACKAGE_ROOT);
if (!script.ok) {
  console.error(`Loopwright: ${script.message}`);
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  // Another Loopwright window is open; it gets focused through "second-instance".
  app.exit(0);
} else {
  start(script.path);
}
