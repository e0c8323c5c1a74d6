import { createReadStream } from "node:fs";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { browserModePolicy } from "./csp";
import { lookupStatic } from "./static-files";

/** Browser mode's static file server for out/renderer, with the headers the port's CSP names. */
export function createStaticHandler(rootDir: string, port: number): RequestListener {
  const policy = browserModePolicy(port);
  return (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD", "Content-Length": 0 }).end();
      return;
    }
    // Only the path matters; the workbench's `?token=` is for the WebSocket, not for files.
    const pathname = (request.url ?? "/").split("?")[0];
    lookupStatic(rootDir, pathname, policy).then(
      (found) => {
        if (found.status !== 200) {
          response.writeHead(found.status, { ...found.headers, "Content-Length": 0 }).end();
          return;
        }
        response.writeHead(200, { ...found.headers, "Content-Length": found.size });
        if (request.method === "HEAD") response.end();
        else createReadStream(found.file).on("error", () => response.destroy()).pipe(response);
      },
      () => response.destroy(),
    );
  };
}
