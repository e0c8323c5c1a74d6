// The author's own @playwright/test (a peer dependency): one Playwright instance in their project.
import { _electron, type ElectronApplication, type Page } from "@playwright/test";
import { APP_ENV, findElectronBinary } from "../../main/launch.mjs";
import { builtFile, packageRoot } from "./paths";

/** The Electron executable from node_modules/electron, or null when the binary was never downloaded. */
export function electronExecutable(): string | null {
  const found = findElectronBinary(packageRoot());
  return found.ok ? found.path : null;
}

/** True when the Electron binary is installed, so Electron mode can run. */
export function hasElectronBinary(): boolean {
  return electronExecutable() !== null;
}

/** A running Electron workbench. */
export interface ElectronHandle {
  app: ElectronApplication;
  /** The workbench window. */
  page: Page;
  log(): string;
  stop(): Promise<void>;
}

/** Launch `electron out/main/index.js <app>` through Playwright and wait for its first window. */
export async function launchElectron(appPath: string): Promise<ElectronHandle> {
  const executablePath = electronExecutable();
  if (!executablePath) throw new Error("loopwright/test: Electron binary not available (cannot be downloaded here)");
  const app = await _electron.launch({
    executablePath,
    args: [builtFile("out/main/index.js"), appPath],
    cwd: packageRoot(),
    env: { ...process.env, [APP_ENV]: appPath } as Record<string, string>,
  });
  let output = "";
  const proc = app.process();
  proc.stdout?.on("data", (c: Buffer) => (output = (output + c.toString("utf8")).slice(-20_000)));
  proc.stderr?.on("data", (c: Buffer) => (output = (output + c.toString("utf8")).slice(-20_000)));
  const page = await app.firstWindow();
  return { app, page, log: () => output, stop: () => app.close().catch(() => undefined) };
}
