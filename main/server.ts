/**
 * Browser-mode entry: the same script host as the desktop app, reached over a loopback WebSocket,
 * plus a static server for the built renderer. Runs in plain Node, so it must never import
 * electron (tests/boundaries checks that).
 *
 *   node out/main/server.js [appPath | projectFolder] [--port N]
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { openProject, ProjectError, projectRootOf } from "./core/project";
import { createProjectHost } from "./core/project-host";
import { findAppScript, onAncestorExit, parseServeArgs, SERVE_USAGE, STOP_SIGNALS } from "./launch.mjs";
import { createStaticHandler } from "./serving/http";
import { attachWebSocketTransport } from "./transports/ws";

// Built as out/main/server.js: the package root is two levels up, the renderer bundle a sibling.
const PACKAGE_ROOT = resolve(__dirname, "../..");
const RENDERER_DIR = resolve(__dirname, "../renderer");
const WORKER_PATH = join(__dirname, "worker.js");
/** The Python side of Loopwright, run inside the author's Streamlit (shipped as source in the package). */
const COMPANION_DIR = join(PACKAGE_ROOT, "companion");

/** Used when no --port is given; if it is taken, any free port is. */
const DEFAULT_PORT = 5183;

/** How long a shutdown may take before the process exits anyway (a run stuck in dispose must not keep the port). */
const SHUTDOWN_GRACE_MS = 3_000;

async function main(): Promise<void> {
  const cli = parseServeArgs(process.argv.slice(2));
  if (cli.kind === "help") {
    console.log(SERVE_USAGE);
    process.exit(0);
  }
  if (cli.kind === "error") fail(cli.message);
  const app = findAppScript(cli.app, PACKAGE_ROOT);
  if (!app.ok) fail(app.message);
  if (!existsSync(join(RENDERER_DIR, "index.html"))) fail(`renderer bundle missing in ${RENDERER_DIR}; run "npx electron-vite build"`);

  const project = await openProject(app.path).catch((error: unknown) => (error instanceof ProjectError ? fail(error.message) : Promise.reject(error)));
  // Listening first: a Python app's view must know the workbench's origin, the only one that may frame it.
  const server = createServer();
  const port = await listen(server, cli.port ?? DEFAULT_PORT).catch((error: NodeJS.ErrnoException) => {
    if (cli.port === undefined && error.code === "EADDRINUSE") return listen(server, 0);
    throw error;
  });
  const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  const host = await createProjectHost(project, {
    workerPath: WORKER_PATH,
    python: { explicit: cli.python ?? null, companionDir: COMPANION_DIR, frameAncestors: origins.join(" "), projectRoot: projectRootOf(app.path) },
  }).catch((error: unknown) => (error instanceof Error && ["PythonAppError", "StartError", "ProtocolError"].includes(error.name) ? fail(error.message) : Promise.reject(error)));

  const token = randomBytes(24).toString("base64url");
  server.on("request", createStaticHandler(RENDERER_DIR, port));
  const transport = attachWebSocketTransport({
    server,
    host,
    token,
    allowedOrigins: origins,
  });

  let stopping = false;
  const shutdown = async () => {
    // Ctrl-C under `loopwright serve` arrives twice (terminal and parent); shut down once.
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      console.error(`Loopwright: shutdown took over ${SHUTDOWN_GRACE_MS} ms; exiting`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    await host.dispose().catch(() => {});
    await transport.close();
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  for (const signal of STOP_SIGNALS) process.on(signal, shutdown);
  // Whoever started us (the CLI, the kit, a shell script) may die without signalling: the server,
  // and esbuild's service process with it, must not outlive it and keep the port.
  onAncestorExit(shutdown);

  // Last: whoever reads this line may signal us at once.
  console.log(`Loopwright ready at http://127.0.0.1:${port}/?token=${token}`);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolvePort((server.address() as AddressInfo).port);
    });
  });
}

function fail(message: string): never {
  console.error(`Loopwright: ${message}`);
  process.exit(1);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
