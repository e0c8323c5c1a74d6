import { BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from "electron";
import { APP_SCRIPT_EXTENSIONS } from "../launch.mjs";

/**
 * The application menu: File → Open Script… / Open Folder… (a folder opens its
 * loopwright.config.ts scenarios or its one app script), plus the platform's standard menus.
 * Linux and Windows dialogs cannot pick files and folders at once, hence two items.
 */
export function installMenu(open: (path: string) => void): void {
  const pick = async (kind: "openFile" | "openDirectory") => {
    const window = BrowserWindow.getFocusedWindow();
    const options: Electron.OpenDialogOptions = {
      title: kind === "openFile" ? "Open an app script" : "Open a project folder",
      properties: [kind],
      filters: kind === "openFile" ? [{ name: "App scripts", extensions: APP_SCRIPT_EXTENSIONS.map((extension) => extension.slice(1)) }] : undefined,
    };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    if (!result.canceled && result.filePaths[0]) open(result.filePaths[0]);
  };
  const file: MenuItemConstructorOptions = {
    label: "File",
    submenu: [
      { label: "Open Script…", accelerator: "CmdOrCtrl+O", click: () => void pick("openFile") },
      { label: "Open Folder…", accelerator: "CmdOrCtrl+Shift+O", click: () => void pick("openDirectory") },
      { type: "separator" },
      { role: process.platform === "darwin" ? "close" : "quit" },
    ],
  };
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === "darwin" ? [{ role: "appMenu" } as MenuItemConstructorOptions] : []),
    file,
    { role: "editMenu" },
    { role: "viewMenu" },
    { role: "windowMenu" },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
