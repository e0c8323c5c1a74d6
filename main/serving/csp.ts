import type { ContentPolicy } from "./static-files";

/**
 * Content-Security-Policy headers for the two documents. The workbench holds the host bridge, so it
 * runs only its own bundle. The preview runs author components (inline and blob: module scripts)
 * in an opaque-origin sandbox and may talk to nothing but the workbench, over its MessagePort.
 */

export function workbenchCsp(sources: { connect: string; frame: string }): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src ${sources.connect}`,
    `frame-src ${sources.frame}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function previewCsp(frameAncestors: string): string {
  return [
    "default-src 'none'",
    "script-src 'self' 'unsafe-inline' blob:",
    "style-src 'self' 'unsafe-inline' blob:",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

/** Browser mode: everything from http://127.0.0.1:PORT, plus the host WebSocket. */
export function browserModePolicy(port: number): ContentPolicy {
  return {
    workbench: workbenchCsp({ connect: `'self' ws://127.0.0.1:${port} ws://localhost:${port}`, frame: "'self'" }),
    preview: previewCsp("'self'"),
  };
}
