import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isRunning, waitFor } from "./processes";

const LAUNCH = resolve(__dirname, "../../main/launch.mjs");
const scratch = mkdtempSync(join(tmpdir(), "loopwright-ancestors-"));
const started: number[] = [];
afterAll(() => {
  // A failed test leaves its leaf (and the shell above it) running: end them here.
  for (const pid of started) if (isRunning(pid)) process.kill(pid, "SIGKILL");
  rmSync(scratch, { recursive: true, force: true });
});

/**
 * A process that records its pid, then waits for onAncestorExit; the file says when it fired.
 * It runs under `middle`, a node process, either directly or through `sh -c` as npx runs a bin.
 */
function startChain(name: string, throughShell: boolean) {
  const marker = join(scratch, name);
  const leaf = [
    `import { writeFileSync, appendFileSync } from "node:fs";`,
    `import { onAncestorExit } from ${JSON.stringify(LAUNCH)};`,
    `writeFileSync(${JSON.stringify(marker)}, process.pid + "\\n");`,
    `onAncestorExit(() => { appendFileSync(${JSON.stringify(marker)}, "gone\\n"); process.exit(0); });`,
    `setInterval(() => {}, 1000);`,
  ].join("\n");
  const leafArgs = ["--input-type=module", "-e", leaf];
  const leafCommand = throughShell
    ? ["sh", ["-c", `"$0" "$@"; true`, process.execPath, ...leafArgs]]
    : [process.execPath, leafArgs];
  const middle = spawn(
    process.execPath,
    ["-e", `require("node:child_process").spawn(${JSON.stringify(leafCommand[0])}, ${JSON.stringify(leafCommand[1])}, { stdio: "ignore" }); setInterval(() => {}, 1000);`],
    { stdio: "ignore" },
  );
  return { middle, marker };
}

describe.skipIf(process.platform !== "linux")("onAncestorExit", () => {
  for (const throughShell of [false, true]) {
    it(`fires when ${throughShell ? "the process above the shell that runs us" : "our parent"} dies without a signal to us`, async () => {
      const { middle, marker } = startChain(`leaf-${throughShell}`, throughShell);
      await waitFor(() => existsSync(marker) && readFileSync(marker, "utf8").endsWith("\n"), "the leaf to start");
      const leafPid = Number(readFileSync(marker, "utf8").split("\n")[0]);
      started.push(leafPid);
      // Give the watch a few rounds with everyone alive: it must not fire.
      await new Promise((r) => setTimeout(r, 600));
      expect(readFileSync(marker, "utf8")).toBe(`${leafPid}\n`);
      expect(isRunning(leafPid)).toBe(true);

      middle.kill("SIGKILL");
      await waitFor(() => !isRunning(leafPid), "the leaf to exit");
      expect(readFileSync(marker, "utf8")).toBe(`${leafPid}\ngone\n`);
    });
  }
});
