import { spawn } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { descendants, isRunning, waitFor } from "../../tests/launch/processes";
import { SEED_PY_APP } from "../apps";
import { skipWithoutPython } from "../python";

// Everything Loopwright starts for a Python app ends with it, however it ends: the Streamlit
// process (and anything it started) is gone within seconds of the server.

const SERVER = join(__dirname, "..", "..", "out", "main", "server.js");
const READY = /Loopwright ready at (\S+)/;

test.beforeAll(() => {
  skipWithoutPython(test);
});

for (const signal of ["SIGTERM", "SIGKILL"] as const) {
  test(`${signal} to the server ends its Streamlit too`, async () => {
    const python = skipWithoutPython(test)!;
    const server = spawn(process.execPath, [SERVER, SEED_PY_APP, "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LOOPWRIGHT_PYTHON: python },
    });
    let output = "";
    server.stdout!.on("data", (chunk: Buffer) => (output += chunk));
    server.stderr!.on("data", (chunk: Buffer) => (output += chunk));
    try {
      await waitFor(() => READY.test(output), "the ready line", 30_000);
      const streamlit = descendants(server.pid!).filter((p) => p.cmdline.includes("loopwright_boot.py"));
      expect(streamlit, output).toHaveLength(1);
      process.kill(server.pid!, signal);
      await waitFor(() => !isRunning(streamlit[0].pid), `Streamlit (pid ${streamlit[0].pid}) to exit`, 8_000);
    } finally {
      if (isRunning(server.pid!)) server.kill("SIGKILL");
    }
  });
}

test("without a Python that has Streamlit, serve says what it tried and how to install, and exits", async () => {
  const server = spawn(process.execPath, [SERVER, SEED_PY_APP, "--python", "/nonexistent/python3", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => server.once("exit", resolve));
  expect(code).toBe(1);
  expect(output).toContain("No Python with Streamlit 1.51 or later");
  expect(output).toContain("--python /nonexistent/python3: not found");
  expect(output).toContain('pip install "streamlit>=1.51"');
  expect(output).not.toContain("Loopwright ready at");
});
