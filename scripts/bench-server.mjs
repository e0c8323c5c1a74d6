// What the browser-mode benchmarks share: a built server on a free port and the system Chromium.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

/** Starts `node out/main/server.js <app> --port 0`; resolves with its URL (token included) and the child. */
export async function serveApp(server, appPath) {
  if (!existsSync(server)) throw new Error(`${server} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [server, appPath, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = /Loopwright ready at (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, child };
}

/**
 * The Chromium the tests use (CHROMIUM_PATH, else Debian's), with CI's flags. `options` go to
 * Playwright's launch (e.g. `handleSIGINT: false` for a caller that ends its own processes first).
 */
export function launchChromium(options = {}) {
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  return chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"], ...options });
}
