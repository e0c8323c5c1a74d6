import { existsSync } from "node:fs";
import type { LaunchOptions } from "@playwright/test";

/** Chromium flags for headless CI machines (no sandbox, no GPU, no background traffic). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
];

/**
 * The Chromium to drive: `CHROMIUM_PATH` if set, else `/usr/bin/chromium` if it exists, else
 * undefined (Playwright's own downloaded browser).
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`loopwright/test: CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

/** The author's launch options with Loopwright's executable and flags added (theirs win). */
export function withChromiumDefaults(options: LaunchOptions = {}): LaunchOptions {
  const executablePath = options.executablePath ?? chromiumExecutable();
  const args = [...CHROMIUM_ARGS, ...(options.args ?? []).filter((a) => !CHROMIUM_ARGS.includes(a))];
  return { ...options, ...(executablePath ? { executablePath } : {}), args };
}
