import type { ContentPolicy } from "./static-files";

/**
 * Content-Security-Policy headers for the two documents. The workbench holds the host bridge, so it
 * runs only its own bundle. The preview runs author components in a sandbox without
 * allow-same-origin; what it may do is decided per directive in previewCsp.
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

/** Where a component may load from and talk to: its own frame, inline data, the network. */
const ANYWHERE = "'self' data: blob: http: https:";

/**
 * The preview page matches Streamlit's, which sends no CSP at all, wherever that grants nothing.
 * The frame's safety does not come from this policy but from the sandbox: an opaque origin (no
 * cookies, storage or same-origin access to the workbench), no popups, no top navigation, and a
 * single channel to the workbench, its MessagePort, whose messages the workbench validates. Code
 * that `eval`s, loads a CDN module or fetches a URL gets nothing the author's own inline script
 * does not already have, so:
 * - script-src adds 'unsafe-eval' (eval, new Function, WebAssembly compilation: charting and
 *   templating libraries need them) and network sources (components import libraries from CDNs);
 * - connect-src, img-src, media-src, font-src, style-src reach the network: a component fetches
 *   its own API on localhost or elsewhere and shows remote images. The host's WebSocket stays out
 *   of reach anyway: it requires the run's token and the workbench's origin, and the frame's
 *   requests carry `Origin: null`;
 * - worker-src and frame-src allow blob:/network workers and nested frames, which inherit the
 *   sandbox;
 * - object-src stays 'none' (plugins), base-uri 'self' (a `<base>` in unsafe HTML must not
 *   redirect the preview's own chunks), and frame-ancestors names the workbench alone.
 */
export function previewCsp(frameAncestors: string): string {
  return [
    "default-src 'none'",
    `script-src ${ANYWHERE} 'unsafe-inline' 'unsafe-eval'`,
    `style-src ${ANYWHERE} 'unsafe-inline'`,
    `img-src ${ANYWHERE}`,
    `media-src ${ANYWHERE}`,
    `font-src ${ANYWHERE}`,
    `connect-src ${ANYWHERE} ws: wss:`,
    `worker-src ${ANYWHERE}`,
    `frame-src ${ANYWHERE}`,
    "object-src 'none'",
    "base-uri 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

/** Browser mode: everything from http://127.0.0.1:PORT, plus the host WebSocket. */
export function browserModePolicy(port: number): ContentPolicy {
  return {
    // A Python app's view is real Streamlit's frontend on a loopback origin of its own (any port).
    workbench: workbenchCsp({ connect: `'self' ws://127.0.0.1:${port} ws://localhost:${port}`, frame: "'self' http://127.0.0.1:*" }),
    preview: previewCsp("'self'"),
  };
}
