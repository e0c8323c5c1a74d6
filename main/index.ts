/**
 * Desktop entry: one workbench window on one project (File → Open replaces it), the script host in this process (its
 * runs in a worker thread), the HostApi over IPC. Browser mode (server.ts) shares everything but
 * this file, main/electron/ and the IPC transport.
 *
 *   electron out/main/index.js [appPath]     (or LOOPWRIGHT_APP=appPath)
 */
import { basename, join, resolve } from "node:path";
import { app, type BrowserWindow, dialog, shell } from "electron";
import { openProject, projectRootOf } from "./core/project";
import { createProjectHost } from "./core/project-host";
import type { ScriptHost } from "./core/types";
import { APP_ORIGIN, registerSchemes, serveRenderer } from "./electron/protocols";
import { installMenu } from "./electron/menu";
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
    let detach = () => {};
    let opened: BrowserWindow | null = null;
    /**
     * One project at a time: the old host is disposed (worker and watchers stopped) before the
     * next one attaches; the window is made once the first host can answer its calls.
     */
    const open = async (path: string): Promise<BrowserWindow> => {
      const next = await createProjectHost(await openProject(path), {
        workerPath: WORKER_PATH,
        openFile,
        python: { explicit: null, companionDir: join(PACKAGE_ROOT, "companion"), frameAncestors: APP_ORIGIN, projectRoot: projectRootOf(path) },
      });
      detach();
      await host?.dispose();
      host = next;
      if (!opened) {
        opened = createWorkbenchWindow(PRELOAD_PATH, "Loopwright");
        opened.on("closed", () => detach());
      }
      const window = opened;
      detach = attachIpcTransport({ host: next, webContents: window.webContents, appOrigin: APP_ORIGIN });
      window.setTitle(`Loopwright — ${basename(path)}`);
      return window;
    };
    const window = await open(appPath);
    installMenu((path) => {
      const checked = findAppScript(path, PACKAGE_ROOT);
      const opening = checked.ok ? open(checked.path).then(() => window.webContents.reload()) : Promise.reject(new Error(checked.message));
      // The current project keeps running when the new one cannot be opened.
      opening.catch((error: unknown) => dialog.showErrorBox("Loopwright could not open it", error instanceof Error ? error.message : String(error)));
    });
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
