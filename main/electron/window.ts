import { BrowserWindow } from "electron";
import { WORKBENCH_URL } from "./protocols";

/** The workbench window: sandboxed renderer, isolated preload, nothing of Node in the page. */
export function createWorkbenchWindow(preloadPath: string, title: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    title,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.once("ready-to-show", () => window.show());
  void window.loadURL(WORKBENCH_URL);
  return window;
}
