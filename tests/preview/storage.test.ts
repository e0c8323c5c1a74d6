// @vitest-environment happy-dom
import type { FrontendRendererArgs } from "@streamlit/component-v2-lib";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CookieJar } from "../../renderer/preview/storage/cookieJar";
import { createMemoryStorage } from "../../renderer/preview/storage/memoryStorage";
import { component, mountPreview } from "./harness";

describe("in-memory Storage", () => {
  it("implements getItem/setItem/removeItem/clear/key/length with string values", () => {
    const storage = createMemoryStorage();
    storage.setItem("a", "1");
    storage.setItem("b", 2 as unknown as string);
    expect([storage.getItem("a"), storage.getItem("b"), storage.getItem("missing")]).toEqual(["1", "2", null]);
    expect([storage.length, storage.key(0), storage.key(1), storage.key(2)]).toEqual([2, "a", "b", null]);
    storage.removeItem("a");
    expect([storage.length, storage.key(0)]).toEqual([1, "b"]);
    storage.clear();
    expect(storage.length).toBe(0);
  });

  it("exposes items as properties, like the browser's storage", () => {
    const storage = createMemoryStorage() as Storage & Record<string, unknown>;
    storage.theme = "dark";
    storage.count = 3;
    expect([storage.getItem("theme"), storage.count, "theme" in storage, Object.keys(storage)]).toEqual(["dark", "3", true, ["theme", "count"]]);
    delete storage.theme;
    expect([storage.getItem("theme"), storage.length]).toEqual([null, 1]);
    expect(typeof storage.getItem).toBe("function");
  });
});

describe("cookie jar", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("keeps name=value pairs in creation order, replaces by name, and ignores other attributes", () => {
    const jar = new CookieJar();
    jar.write("a=1; path=/; SameSite=Lax");
    jar.write("b = two ; max-age=3600");
    jar.write("a=3");
    expect(jar.read()).toBe("a=3; b=two");
  });

  it("deletes on Max-Age<=0 or a past Expires, Max-Age winning over Expires", () => {
    const jar = new CookieJar();
    jar.write("a=1");
    jar.write("b=2");
    jar.write("c=3");
    jar.write("a=; max-age=0");
    jar.write("b=; expires=Thu, 01 Jan 1970 00:00:00 GMT");
    jar.write("c=4; max-age=60; expires=Thu, 01 Jan 1970 00:00:00 GMT");
    expect(jar.read()).toBe("c=4");
    jar.clear();
    expect(jar.read()).toBe("");
  });
});

describe("storage stand-ins in the preview", () => {
  let preview: ReturnType<typeof mountPreview> | null = null;
  afterEach(() => {
    preview?.destroy();
    preview = null;
  });

  it("work for component code and are emptied when the session resets", async () => {
    const seen: unknown[] = [];
    preview = mountPreview({
      "main.js": {
        default: ({ data }: FrontendRendererArgs) => {
          if (data) {
            localStorage.setItem("a", "1");
            sessionStorage.setItem("s", "x");
            document.cookie = "c=1; path=/";
          }
          seen.push([localStorage.getItem("a"), sessionStorage.getItem("s"), document.cookie]);
        },
      },
    });
    await preview.render([component({ data: { kind: "json", json: "true" } })]);
    // Streamlit's XSRF cookie is there first, as on Streamlit's page; it outlives a session reset.
    const xsrf = /^_streamlit_xsrf=2\|[0-9a-f]{8}\|[0-9a-f]{32}\|\d+$/;
    const [[local, session, cookies]] = seen as string[][];
    expect([local, session]).toEqual(["1", "x"]);
    const [streamlitCookie, ownCookie] = cookies.split("; ");
    expect(streamlitCookie).toMatch(xsrf);
    expect(ownCookie).toBe("c=1");

    preview.handle({ type: "reset", sessionId: "next" });
    await preview.render([component({ data: { kind: "json", json: "false" } })]);
    expect(seen[1]).toEqual([null, null, streamlitCookie]);
  });
});
