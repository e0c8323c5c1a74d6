import { describe, expect, it } from "vitest";
import type { St } from "../../common/api";
import { Caches } from "../../main/core/engine/cache";
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
    expect(texts(wiped.tree.main)).toEqual(["0"]);
  });
});
