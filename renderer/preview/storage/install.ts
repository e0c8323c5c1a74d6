import { CookieJar, streamlitXsrfCookie } from "./cookieJar";
import { createMemoryStorage } from "./memoryStorage";

export interface StorageStandIns {
  /** Forgets everything stored: a new session starts with empty storage. */
  clear(): void;
}

/**
 * In Streamlit a component runs in the app's own origin, where `localStorage`, `sessionStorage`
 * and `document.cookie` work. The preview frame is sandboxed without allow-same-origin, so the
 * browser's versions throw SecurityError there; this puts in-memory stand-ins in their place for
 * this app view, with the XSRF cookie Streamlit's server sets already in the jar. Call it before
 * any author code runs.
 */
export function installStorageStandIns(win: Window = window): StorageStandIns {
  const local = createMemoryStorage();
  const session = createMemoryStorage();
  const jar = new CookieJar();
  // Streamlit's server sets this cookie on the app's page (server.enableXsrfProtection, on by
  // default), so a component reading document.cookie finds it before its own.
  const xsrf = streamlitXsrfCookie();
  jar.write(xsrf);
  Object.defineProperty(win, "localStorage", { value: local, configurable: true, enumerable: true });
  Object.defineProperty(win, "sessionStorage", { value: session, configurable: true, enumerable: true });
  Object.defineProperty(win.document, "cookie", {
    get: () => jar.read(),
    set: (cookie: unknown) => jar.write(String(cookie)),
    configurable: true,
    enumerable: true,
  });
  return {
    clear() {
      local.clear();
      session.clear();
      jar.clear();
      jar.write(xsrf);
    },
  };
}
