import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaticHandler } from "../../main/serving/http";

let dir: string;
let server: Server;
let port: number;

beforeAll(async () => {
  // A stand-in for out/renderer, with a secret next to it that must stay unreachable.
  dir = mkdtempSync(join(tmpdir(), "lw-static-"));
  const root = join(dir, "renderer");
  mkdirSync(join(root, "assets"), { recursive: true });
  mkdirSync(join(root, "preview"));
  writeFileSync(join(root, "index.html"), "<!doctype html><title>workbench</title>");
  writeFileSync(join(root, "preview", "index.html"), "<!doctype html><title>preview</title>");
  writeFileSync(join(root, "assets", "shared-abc.js"), "export const x = 1;");
  writeFileSync(join(root, "assets", "index-abc.css"), "body{}");
  writeFileSync(join(dir, "secret.txt"), "do not serve");

  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  server.on("request", createStaticHandler(root, port));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** A raw request: the path goes out exactly as written (no client-side normalisation of ".."). */
function get(path: string, method = "GET"): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject).end();
  });
}

describe("static handler", () => {
  it("serves the workbench at / with the workbench CSP", async () => {
    const res = await get("/?token=abc");
    expect(res.status).toBe(200);
    expect(res.body).toContain("workbench");
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
    expect(res.headers["content-security-policy"]).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}; frame-src 'self' http://127.0.0.1:*; object-src 'none'; ` +
        "base-uri 'none'; frame-ancestors 'none'",
    );
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("serves the preview with its own CSP and CORS open for the opaque-origin frame", async () => {
    const res = await get("/preview/index.html");
    expect(res.status).toBe(200);
    expect(res.body).toContain("preview");
    const anywhere = "'self' data: blob: http: https:";
    expect(res.headers["content-security-policy"]).toBe(
      [
        "default-src 'none'",
        `script-src ${anywhere} 'unsafe-inline' 'unsafe-eval'`,
        `style-src ${anywhere} 'unsafe-inline'`,
        `img-src ${anywhere}`,
        `media-src ${anywhere}`,
        `font-src ${anywhere}`,
        `connect-src ${anywhere} ws: wss:`,
        `worker-src ${anywhere}`,
        `frame-src ${anywhere}`,
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'self'",
      ].join("; "),
    );
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect((await get("/preview/")).body).toBe(res.body);
  });

  it("serves shared assets with CORS and the right content types", async () => {
    const js = await get("/assets/shared-abc.js");
    expect(js.status).toBe(200);
    expect(js.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(js.headers["access-control-allow-origin"]).toBe("*");
    const css = await get("/assets/index-abc.css");
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
  });

  it("answers HEAD without a body and other methods with 405", async () => {
    const head = await get("/index.html", "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    expect(Number(head.headers["content-length"])).toBeGreaterThan(0);
    expect((await get("/index.html", "POST")).status).toBe(405);
  });

  it("never serves files outside the root", async () => {
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/assets/..%2f..%2fsecret.txt", "/preview/%2e%2e%2f%2e%2e%2fsecret.txt"]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).toBe("");
    }
    expect((await get("/%E0%A4%A")).status).toBe(400);
    expect((await get("/index.html%00.js")).status).toBe(400);
  });

  it("picks headers by the file served, not by how the URL spells it", async () => {
    const viaPreview = await get("/preview/..%2findex.html");
    expect(viaPreview.body).toContain("workbench");
    expect(viaPreview.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(viaPreview.headers["access-control-allow-origin"]).toBeUndefined();
    const encoded = await get("/%70review/index.html");
    expect(encoded.headers["content-security-policy"]).toContain("'unsafe-eval'");
  });

  it("answers 404 for missing files and directories", async () => {
    expect((await get("/nope.js")).status).toBe(404);
    expect((await get("/assets")).status).toBe(404);
  });
});
