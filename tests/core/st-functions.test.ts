import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { BlockElement, Delta } from "../../common";
import type { St } from "../../common/api";
import { Caches } from "../../main/core/engine/cache";
import { RerunEngine } from "../../main/core/engine/rerun-engine";
import { engineFor, jsonBodies, texts } from "./helpers";

describe("st.cache_data / st.cache_resource (§15)", () => {
  it("a cached function runs once per argument value, across reruns, until .clear()", async () => {
    let calls = 0;
    const { browser } = engineFor((st: St) => {
      const load = st.cache_data(function load(n: number, options: { scale: number }) {
        calls++;
        return { rows: n * options.scale };
      });
      st.json([load(2, { scale: 10 }), load(2, { scale: 10 }), load(3, { scale: 10 })]);
      if (st.session_state.get("clear", false)) load.clear();
    });
    expect(jsonBodies((await browser.flush()).tree.main)[0]).toEqual([{ rows: 20 }, { rows: 20 }, { rows: 30 }]);
    expect(calls).toBe(2);
    await browser.flush();
    expect(calls).toBe(2);
    await browser.flush([{ key: "clear", value: true }]);
    await browser.flush();
    expect(calls).toBe(4);
  });

  it("cache_data hands out a copy each call; cache_resource the same object", () => {
    const caches = new Caches();
    const data = caches.wrap("cache_data", () => ({ list: [1] }));
    const first = data();
    first.list.push(2);
    expect(data()).toEqual({ list: [1] });
    const resource = caches.wrap("cache_resource", () => ({ list: [1] }));
    expect(resource()).toBe(resource());
  });

  it("equal values hit the same entry, different ones do not; object key order does not matter", () => {
    const caches = new Caches();
    let calls = 0;
    const f = caches.wrap("cache_data", (_value: unknown) => ++calls);
    expect([f({ a: 1, b: [1, 2] }), f({ b: [1, 2], a: 1 }), f({ a: 1, b: [2, 1] }), f(new Uint8Array([1])), f(new Uint8Array([1])), f("1"), f(1)]).toEqual([1, 1, 2, 3, 3, 4, 5]);
  });

  it("ttl expires entries; max_entries drops the oldest", () => {
    let now = 0;
    const caches = new Caches(() => now);
    let calls = 0;
    const f = caches.wrap("cache_data", (n: number) => (calls++, n), { ttl: 1, max_entries: 2 });
    f(1);
    now = 999;
    f(1);
    expect(calls).toBe(1);
    now = 1000;
    f(1);
    expect(calls).toBe(2);
    f(2);
    f(3);
    f(1);
    expect(calls).toBe(5);
  });

  it("an async function's resolved value is cached; a rejection is not", async () => {
    const caches = new Caches();
    let calls = 0;
    const f = caches.wrap("cache_data", async (fail: boolean) => {
      calls++;
      if (fail) throw new Error("no");
      return [calls];
    });
    expect(await f(false)).toEqual([1]);
    expect(await f(false)).toEqual([1]);
    await expect(f(true)).rejects.toThrow("no");
    await expect(f(true)).rejects.toThrow("no");
    expect(calls).toBe(3);
  });

  it("st.cache_data.clear() empties every cache_data function, not cache_resource", () => {
    const caches = new Caches();
    const data = caches.decorator("cache_data");
    const resource = caches.decorator("cache_resource");
    let calls = 0;
    const a = data(() => ++calls);
    const b = resource(() => ++calls);
    a();
    b();
    data.clear();
    expect([a(), b()]).toEqual([3, 2]);
  });

  it("an unhashable argument or an unclonable cache_data value raises Streamlit's errors", () => {
    const caches = new Caches();
    class Connection {}
    expect(() => caches.wrap("cache_data", function query(_c: unknown) { return 1; })(new Connection())).toThrow(
      expect.objectContaining({ name: "UnhashableParamError", message: expect.stringContaining("Cannot hash argument 0 (of type `Connection`) in 'query'") }),
    );
    expect(() => caches.wrap("cache_data", function connect() { return { send: () => {} }; })()).toThrow(
      expect.objectContaining({ name: "UnserializableReturnValueError", message: expect.stringContaining("Cannot serialize the return value (of type Object) in connect()") }),
    );
    const handle = { send: () => {} };
    expect(caches.wrap("cache_resource", () => handle)()).toBe(handle);
  });
});

describe("st.session_state mapping helpers", () => {
  it("keys, values, items, len, to_dict, iteration and clear, as Python's SessionStateProxy", async () => {
    const { browser } = engineFor((st: St) => {
      if (!st.session_state.has("a")) {
        st.session_state.a = 1;
        st.session_state.b = "two";
      }
      st.json({ keys: st.session_state.keys(), values: st.session_state.values(), items: st.session_state.items(), len: st.session_state.len(), iterated: [...st.session_state], dict: st.session_state.to_dict() });
      if (st.session_state.get("wipe", false)) st.session_state.clear();
      st.write(st.session_state.len());
    });
    const first = await browser.flush();
    expect(jsonBodies(first.tree.main)[0]).toEqual({ keys: ["a", "b"], values: [1, "two"], items: [["a", 1], ["b", "two"]], len: 2, iterated: ["a", "b"], dict: { a: 1, b: "two" } });
    const wiped = await browser.flush([{ key: "wipe", value: true }]);
    expect(texts(wiped.tree.main)).toEqual(["`0`"]);
  });
});

describe("st.metric (§15)", () => {
  it("formats the value and delta as Python's str() and derives colour and arrow from the sign", async () => {
    const { engine } = engineFor((st: St) => {
      st.metric("Temperature", "70 °F", { delta: "1.2 °F" });
      st.metric("Gas price", 4, { delta: -0.5, delta_color: "inverse" });
      st.metric("Active developers", 123, { delta: 123, delta_color: "off" });
      st.metric("Down", 1.5, { delta: "-2%" });
      st.metric("Nothing", null, { help: "why", label_visibility: "collapsed", border: true });
    });
    const { tree } = await engine.run({ widgetStates: [], fragmentId: null, edits: [] });
    expect(tree.main.map((e) => e.type === "metric" && [e.body, e.delta, e.color, e.direction])).toEqual([
      ["70 °F", "1.2 °F", "green", "up"],
      ["4", "-0.5", "green", "down"],
      ["123", "123", "gray", "up"],
      ["1.5", "-2%", "red", "down"],
      ["—", "", "gray", "none"],
    ]);
    expect(tree.main[4]).toMatchObject({ label: "Nothing", help: "why", labelVisibility: "collapsed", border: true });
  });

  it("a value or delta_color Streamlit does not accept raises its error", async () => {
    const run = async (body: (st: St) => void) => (await engineFor(body).engine.run({ widgetStates: [], fragmentId: null, edits: [] })).tree.main[0];
    expect(await run((st) => st.metric("x", 1, { delta_color: "blue" as never }))).toMatchObject({
      type: "exception",
      name: "StreamlitAPIException",
      message: "'blue' is not an accepted value. delta_color only accepts: 'normal', 'inverse', or 'off'",
    });
    expect(await run((st) => st.metric("x", [1] as never))).toMatchObject({
      name: "TypeError",
      message: "'1' is of type list, which is not an accepted type. value only accepts: int, float, str, or None. Please convert the value to an accepted type.",
    });
  });
});

describe("st.image (§15)", () => {
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  it("URLs pass through, bytes and files become data URLs, captions pair with images", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lw-image-"));
    writeFileSync(join(dir, "logo.gif"), Buffer.from("GIF89a"));
    const engine = new RerunEngine((st: St) => {
      st.image("https://example.com/a.png", { caption: "remote", width: 200 });
      st.image([PNG, "logo.gif"], { caption: ["bytes", "file"] });
    }, dir);
    const { tree } = await engine.run({ widgetStates: [], fragmentId: null, edits: [] });
    expect(tree.main[0]).toEqual({ type: "image", images: [{ url: "https://example.com/a.png", caption: "remote" }], width: 200 });
    expect(tree.main[1]).toEqual({
      type: "image",
      images: [
        { url: `data:image/png;base64,${Buffer.from(PNG).toString("base64")}`, caption: "bytes" },
        { url: `data:image/gif;base64,${Buffer.from("GIF89a").toString("base64")}`, caption: "file" },
      ],
      width: "content",
    });
  });

  it("mismatched captions and unknown bytes raise", async () => {
    const { engine } = engineFor((st: St) => {
      st.image([PNG, PNG], { caption: ["one"] });
    });
    expect((await engine.run({ widgetStates: [], fragmentId: null, edits: [] })).tree.main[0]).toMatchObject({ name: "StreamlitAPIException", message: "Cannot pair 1 captions with 2 images." });
    const other = engineFor((st: St) => st.image(new Uint8Array([1, 2, 3])));
    expect((await other.engine.run({ widgetStates: [], fragmentId: null, edits: [] })).tree.main[0]).toMatchObject({ name: "StreamlitAPIException" });
  });
});

describe("st.toast (§15)", () => {
  it("emits a toast with its icon and duration in seconds; `.toast()` on the result rewrites the same toast", async () => {
    const { engine } = engineFor((st: St) => {
      const message = st.toast("Gathering ingredients...", { icon: "🥞" });
      st.write("after");
      message.toast("Ready!", { duration: "long" });
      st.toast("Sticky", { duration: "infinite" });
      st.toast("Three", { duration: 3 });
    });
    const { tree } = await engine.run({ widgetStates: [], fragmentId: null, edits: [] });
    expect(tree.main).toEqual([
      { type: "toast", body: "Ready!", icon: null, duration: 10 },
      { type: "markdown", body: "after", variant: "markdown" },
      { type: "toast", body: "Sticky", icon: null, duration: null },
      { type: "toast", body: "Three", icon: null, duration: 3 },
    ]);
  });

  it("a blank body raises Streamlit's error", async () => {
    const { engine } = engineFor((st: St) => void st.toast(""));
    expect((await engine.run({ widgetStates: [], fragmentId: null, edits: [] })).tree.main[0]).toMatchObject({
      name: "StreamlitAPIException",
      message: "Toast body cannot be blank - please provide a message.",
    });
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function streamed(app: (st: St) => void | Promise<void>) {
  const engine = new RerunEngine(app, process.cwd());
  const deltas: Delta[] = [];
  const run = () => engine.run({ widgetStates: [], fragmentId: null, edits: [] }, (delta) => void deltas.push(delta));
  return { deltas, run };
}

describe("st.spinner (§15)", () => {
  it("shows its text after half a second of an async body, then empties its slot; the body's elements go to the current container", async () => {
    const { deltas, run } = streamed(async (st) => {
      await st.spinner("Wait for it...").with(async () => {
        await sleep(650);
        st.write("inside");
      });
      st.success("Done!");
    });
    const { tree } = await run();
    expect(deltas.map((d) => [d.path, d.element.type])).toEqual([
      [[0, 0], "empty"],
      [[0, 0], "spinner"],
      [[0, 1], "markdown"],
      [[0, 0], "empty"],
      [[0, 2], "alert"],
    ]);
    expect(deltas[1].element).toEqual({ type: "spinner", text: "Wait for it..." });
    expect(tree.main.map((e) => e.type)).toEqual(["empty", "markdown", "alert"]);
  });

  it("a quick body never shows the spinner; an error in the body still empties it and reaches the script", async () => {
    const { deltas, run } = streamed((st) => {
      st.spinner().with(() => st.write("quick"));
      st.spinner().with(() => {
        throw new Error("boom");
      });
    });
    const { tree } = await run();
    expect(deltas.some((d) => d.element.type === "spinner")).toBe(false);
    expect(tree.main.map((e) => e.type)).toEqual(["empty", "markdown", "empty", "exception"]);
  });
});

describe("st.status (§15)", () => {
  it("is an expander block with a state; update() rewrites it in place; `with` ends it complete, or error when the body throws", async () => {
    const { deltas, run } = streamed(async (st) => {
      const status = st.status("Downloading data...", { expanded: true });
      await status.with(async () => {
        st.write("Searching for data...");
        await sleep(1);
        status.update({ label: "Almost" });
      });
      try {
        st.status("Failing").with(() => {
          throw new Error("no");
        });
      } catch {
        st.write("caught");
      }
      const stays = st.status("Stays", { state: "error" });
      stays.with(() => st.write("x"));
    });
    const { tree } = await run();
    const blocks = tree.main.filter((e) => e.type === "block");
    expect(blocks.map((b) => b.type === "block" && [b.kind, b.label, b.state, b.expanded])).toEqual([
      ["status", "Almost", "complete", true],
      ["status", "Failing", "error", false],
      ["status", "Stays", "error", false],
    ]);
    expect(deltas.filter((d) => d.path.join() === "0,0").map((d) => d.element.type === "block" && [d.element.label, d.element.state])).toEqual([
      ["Downloading data...", "running"],
      ["Almost", "running"],
      ["Almost", "complete"],
    ]);
    expect(texts((blocks[0] as BlockElement).children)).toEqual(["Searching for data..."]);
  });

  it("an unknown state raises Streamlit's error", async () => {
    const { engine } = engineFor((st: St) => void st.status("x", { state: "done" as never }));
    expect((await engine.run({ widgetStates: [], fragmentId: null, edits: [] })).tree.main[0]).toMatchObject({
      name: "StreamlitAPIException",
      message: "Unknown state (done). Must be one of 'running', 'complete', or 'error'.",
    });
  });
});

describe("st.tabs (§15)", () => {
  it("a tab container block holds one tab block per label; each returned container renders into its tab", async () => {
    const { engine } = engineFor((st: St) => {
      const [cat, dog] = st.tabs(["Cat", "Dog"]);
      dog.write("woof");
      cat.with(() => st.write("meow"));
    });
    const { tree } = await engine.run({ widgetStates: [], fragmentId: null, edits: [] });
    const container = tree.main[0] as BlockElement;
    expect(container.kind).toBe("tab_container");
    expect(container.children.map((tab) => tab.type === "block" && [tab.kind, tab.label, texts(tab.children)])).toEqual([
      ["tab", "Cat", ["meow"]],
      ["tab", "Dog", ["woof"]],
    ]);
  });

  it("an empty list or a non-string label raises Streamlit's errors", async () => {
    const first = async (app: (st: St) => void) => (await engineFor(app).engine.run({ widgetStates: [], fragmentId: null, edits: [] })).tree.main[0];
    expect(await first((st) => void st.tabs([]))).toMatchObject({ message: "The input argument to st.tabs must contain at least one tab label." });
    expect(await first((st) => void st.tabs(["a", 1 as never]))).toMatchObject({ message: "The tabs input list to st.tabs is only allowed to contain strings." });
  });
});

describe("st.chat_input (§15)", () => {
  it("returns the submitted text in the run the submit causes, then null; on_submit runs first; top level pins it to the bottom", async () => {
    const seen: unknown[] = [];
    const { engine, browser } = engineFor((st: St) => {
      const prompt = st.chat_input("Say something", {
        key: "chat",
        on_submit: () => seen.push(["callback", st.session_state.chat]),
      });
      seen.push(["body", prompt, st.session_state.chat]);
      st.container().chat_input("Inline");
    });
    const first = await browser.flush();
    const [pinned, inner] = [first.tree.main[0], (first.tree.main[1] as BlockElement).children[0]];
    expect(pinned).toMatchObject({ type: "chat_input", placeholder: "Say something", bottom: true, maxChars: null, disabled: false });
    expect(inner).toMatchObject({ type: "chat_input", placeholder: "Inline", bottom: false });
    const id = (pinned as { id: string }).id;
    await engine.run({ widgetStates: [{ id, type: "string_trigger_value", value: "hello" }], fragmentId: null, edits: [] });
    await engine.run({ widgetStates: [], fragmentId: null, edits: [] });
    expect(seen).toEqual([
      ["body", null, null],
      ["callback", "hello"],
      ["body", "hello", "hello"],
      ["body", null, null],
    ]);
  });

  it("inside a form it raises Streamlit's error", async () => {
    const { engine } = engineFor((st: St) => void st.form("f").chat_input());
    const { tree } = await engine.run({ widgetStates: [], fragmentId: null, edits: [] });
    expect(tree.main.find((e) => e.type === "exception")).toMatchObject({ name: "StreamlitAPIException", message: "`st.chat_input()` can't be used in a `st.form()`." });
  });
});

describe("st._event (§15)", () => {
  it("one event block per run holds what renders into it, whichever way it is reached", async () => {
    const { engine } = engineFor((st: St) => {
      st.write("page");
      st._event.toast("Saved");
      st._event.with(() => st.write("invisible helper"));
      st.write("after");
    });
    const { tree } = await engine.run({ widgetStates: [], fragmentId: null, edits: [] });
    expect(tree.main.map((e) => e.type)).toEqual(["markdown", "block", "markdown"]);
    const event = tree.main[1] as BlockElement;
    expect(event.kind).toBe("event");
    expect(event.children).toEqual([
      { type: "toast", body: "Saved", icon: null, duration: 4 },
      { type: "markdown", body: "invisible helper", variant: "markdown" },
    ]);
  });
});
