import { describe, expect, it } from "vitest";
import type { BlockElement } from "../../common";
import type { St } from "../../common/api";
import { components, engineFor, jsonBodies, texts } from "./helpers";

/** Values below are the ones docs/semantics.md states (section in each title). */

const JS = "export default function () {}";

describe("result object and session state layout (§5, §6)", () => {
  it("first run: default + callbacks s,t,u → result {s:5, t:null, u:null}; session_state.k1 = {s:5}", async () => {
    const { browser } = engineFor((st: St) => {
      const c = st.components.v2.component("c", { js: JS });
      const noop = () => {};
      const result = c({ key: "k1", default: { s: 5 }, on_s_change: noop, on_t_change: noop, on_u_change: noop });
      st.json(result);
      st.json(st.session_state.k1);
    });
    const run = await browser.flush();
    expect(jsonBodies(run.tree.main)).toEqual([{ s: 5, t: null, u: null }, { s: 5 }]);
  });

  it("no callbacks and no default → result {}", async () => {
    const { browser } = engineFor((st: St) => st.json(st.components.v2.component("c", { js: JS })({ key: "k" })));
    expect(jsonBodies((await browser.flush()).tree.main)).toEqual([{}]);
  });

  it("missing attribute on the result raises AttributeError; on the session-state view it is null", async () => {
    const { browser } = engineFor((st: St) => {
      const result = st.components.v2.component("c", { js: JS })({ key: "k", on_a_change: () => {} });
      st.write(String(st.session_state.k.nothing));
      void result.nothing;
    });
    const run = await browser.flush();
    expect(texts(run.tree.main)).toEqual(["null"]);
    expect(run.tree.main[2]).toMatchObject({ type: "exception", name: "AttributeError", message: "'ComponentResult' object has no attribute 'nothing'" });
  });

  it("only keyed instances appear in session state; before the first mount the key is absent", async () => {
    const { browser } = engineFor((st: St) => {
      st.write(String("k" in st.session_state));
      const c = st.components.v2.component("c", { js: JS });
      c({ key: "k", default: { v: 1 }, on_v_change: () => {} });
      c({ data: 1 });
      st.write(JSON.stringify(st.session_state.keys()));
    });
    const run = await browser.flush();
    expect(texts(run.tree.main)).toEqual(["false", '["k"]']);
    expect(run.entries.map((e) => e.key)).toEqual(["k"]);
  });
});

describe("state vs trigger values, per-rerun order (§7)", () => {
  function counterApp() {
    return (st: St) => {
      const c = st.components.v2.component("c", { js: JS });
      const bump = (name: string) => () => {
        st.session_state[name] = st.session_state.get(name, 0) + 1;
      };
      const seen: string[] = [];
      const result = c({
        key: "k",
        default: { range: null },
        on_range_change: () => {
          seen.push(`range:${st.session_state.k.range}`);
          bump("range_calls")();
        },
        on_foo_change: bump("foo_calls"),
        on_bar_change: bump("bar_calls"),
      });
      st.json({ result, calls: { range: st.session_state.get("range_calls", 0), foo: st.session_state.get("foo_calls", 0), bar: st.session_state.get("bar_calls", 0) } });
    };
  }

  it("a state callback fires only when its value changed; callbacks see the new value", async () => {
    const { browser } = engineFor(counterApp());
    const id = components((await browser.flush()).tree.main)[0].id;
    const first = await browser.setState(id, "range", "10").flush();
    expect(jsonBodies(first.tree.main)[0]).toEqual({ result: { range: "10", foo: null, bar: null }, calls: { range: 1, foo: 0, bar: 0 } });
    const again = await browser.flush(); // unrelated rerun: same map resent
    expect(jsonBodies(again.tree.main)[0]).toEqual({ result: { range: "10", foo: null, bar: null }, calls: { range: 1, foo: 0, bar: 0 } });
  });

  it("a trigger is set for exactly one run, then back to null; its callback fires once", async () => {
    const { browser } = engineFor(counterApp());
    const id = components((await browser.flush()).tree.main)[0].id;
    const fired = await browser.setTrigger(id, "foo", true).flush();
    expect(jsonBodies(fired.tree.main)[0]).toMatchObject({ result: { foo: true, bar: null }, calls: { foo: 1 } });
    const next = await browser.flush();
    expect(jsonBodies(next.tree.main)[0]).toMatchObject({ result: { foo: null, bar: null }, calls: { foo: 1 } });
  });

  it("two triggers in one flush: both set, both callbacks once (§7.3 'Trigger both')", async () => {
    const { browser } = engineFor(counterApp());
    const id = components((await browser.flush()).tree.main)[0].id;
    const run = await browser.setTrigger(id, "foo", true).setTrigger(id, "bar", true).flush();
    expect(jsonBodies(run.tree.main)[0]).toMatchObject({ result: { foo: true, bar: true }, calls: { foo: 1, bar: 1 } });
  });

  it("the same trigger twice in one batch: callback ×2, value is the last (§11.4a)", async () => {
    const { browser } = engineFor(counterApp());
    const id = components((await browser.flush()).tree.main)[0].id;
    const run = await browser.setTrigger(id, "foo", 1).setTrigger(id, "foo", 2).flush();
    expect(jsonBodies(run.tree.main)[0]).toMatchObject({ result: { foo: 2 }, calls: { foo: 2 } });
  });

  it("a trigger without a callback appears in result and session state for its run only (§11.4b)", async () => {
    const { browser } = engineFor((st: St) => {
      const result = st.components.v2.component("c", { js: JS })({ key: "k" });
      st.json({ result, state: st.session_state.k });
    });
    const id = components((await browser.flush()).tree.main)[0].id;
    const fired = await browser.setTrigger(id, "zz", 7).flush();
    expect(jsonBodies(fired.tree.main)[0]).toEqual({ result: { zz: 7 }, state: { zz: 7 } });
    expect(jsonBodies((await browser.flush()).tree.main)[0]).toEqual({ result: {}, state: {} });
  });

  it("a browser map without a defaulted key reads back the default and fires its callback (§11.4c)", async () => {
    let calls = 0;
    const { browser } = engineFor((st: St) => {
      const result = st.components.v2.component("c", { js: JS })({ key: "k", default: { s: 5 }, on_s_change: () => calls++ });
      st.json(result);
    });
    const id = components((await browser.flush()).tree.main)[0].id;
    await browser.setState(id, "s", 9).flush();
    expect(calls).toBe(1);
    browser.setMap(id, {}); // the browser's map lost "s"
    const run = await browser.flush();
    expect(jsonBodies(run.tree.main)[0]).toEqual({ s: 5 });
    expect(calls).toBe(2);
  });

  it("callbacks run before the body, in message order; st.rerun() in a callback is queued", async () => {
    const order: string[] = [];
    const { browser, engine } = engineFor((st: St) => {
      order.push("body");
      st.components.v2.component("c", { js: JS })({
        key: "k",
        on_a_change: () => order.push("a"),
        on_go_change: () => {
          order.push("go");
          st.rerun();
        },
      });
    });
    const id = components((await browser.flush()).tree.main)[0].id;
    order.length = 0;
    const run = await browser.setState(id, "a", 1).setTrigger(id, "go", true).flush();
    // This browser stand-in sends the state map before the trigger list: message order rules.
    expect(order).toEqual(["a", "go", "body"]);
    expect(run.rerunRequested).toBe(true);
    expect(engine.state["events"].size).toBe(0);
  });
});

describe("callback, default and key rules (§2, §4)", () => {
  const mountWith = (options: Record<string, unknown>) => async () => {
    const { browser } = engineFor((st: St) => {
      st.components.v2.component("c", { js: JS })(options);
    });
    return (await browser.flush()).tree.main[0];
  };

  it("on_change and on__change raise BidiComponentInvalidCallbackNameError", async () => {
    expect(await mountWith({ on_change: () => {} })()).toMatchObject({ name: "BidiComponentInvalidCallbackNameError" });
    expect(await mountWith({ on__change: () => {} })()).toMatchObject({ name: "BidiComponentInvalidCallbackNameError" });
  });

  it("non-callable on_x_change and other names are ignored", async () => {
    expect(await mountWith({ on_x_change: "str", foo: 1 })()).toMatchObject({ type: "bidi_component" });
  });

  it("a default key without a matching callback raises with the available names", async () => {
    const element = await mountWith({ default: { b: 1 }, on_a_change: () => {} })();
    expect(element).toMatchObject({ name: "BidiComponentInvalidDefaultKeyError" });
    expect((element as { message: string }).message).toContain("Available state names: `['a']`");
    expect(((await mountWith({ default: { b: 1 } })()) as { message: string }).message).toContain("Available state names: `none`");
  });

  it("a key containing __ raises BidiComponentInvalidIdError", async () => {
    expect(await mountWith({ key: "a__b" })()).toMatchObject({ name: "BidiComponentInvalidIdError" });
  });

  it("width 'auto' raises StreamlitInvalidWidthError", async () => {
    expect(await mountWith({ width: "auto" })()).toMatchObject({ name: "StreamlitInvalidWidthError" });
  });

  it("duplicate keys and duplicate unkeyed mounts raise Streamlit's errors", async () => {
    const twice = (options: Record<string, unknown>) =>
      engineFor((st: St) => {
        const c = st.components.v2.component("c", { js: JS });
        c(options);
        c(options);
      }).browser.flush();
    expect((await twice({ key: "a" })).tree.main[1]).toMatchObject({ name: "StreamlitDuplicateElementKey", message: expect.stringContaining("`key='a'`") });
    expect((await twice({ data: 1 })).tree.main[1]).toMatchObject({ name: "StreamlitDuplicateElementId" });
  });

  it("keyed identity ignores data/default changes; unkeyed identity follows them", async () => {
    let data = 1;
    const { browser } = engineFor((st: St) => {
      const c = st.components.v2.component("c", { js: JS });
      c({ key: "k", data });
      c({ data });
    });
    const [keyed1, unkeyed1] = components((await browser.flush()).tree.main);
    data = 2;
    const [keyed2, unkeyed2] = components((await browser.flush()).tree.main);
    expect(keyed2.id).toBe(keyed1.id);
    expect(unkeyed2.id).not.toBe(unkeyed1.id);
    expect(keyed1.id).toMatch(/^\$\$ID-[0-9a-f]{32}-k$/);
  });
});

describe("script-side writes before and after the mount (§6)", () => {
  function writerApp(write: (st: St) => void, position: "before" | "after") {
    return (st: St) => {
      const c = st.components.v2.component("c", { js: JS });
      if (position === "before") write(st);
      const result = c({ key: "k", default: { s: 1 }, on_s_change: () => st.write("callback") });
      if (position === "after") write(st);
      st.json(result);
    };
  }

  it("a nested write before the mount persists without firing the callback", async () => {
    let armed = false;
    const { browser } = engineFor(writerApp((st) => {
      if (armed) st.session_state.k.s = 10;
    }, "before"));
    await browser.flush();
    armed = true;
    const run = await browser.flush();
    expect(texts(run.tree.main)).toEqual([]);
    expect(jsonBodies(run.tree.main)).toEqual([{ s: 10 }]);
  });

  it("a write to a non-callback name is ignored when the instance has callbacks (§11.4d)", async () => {
    let armed = false;
    const { browser } = engineFor(writerApp((st) => {
      if (armed) st.session_state.k.other = 1;
    }, "before"));
    await browser.flush();
    armed = true;
    expect(jsonBodies((await browser.flush()).tree.main)).toEqual([{ s: 1 }]);
  });

  it("whole-map assignment before the mount replaces the map (§11.4e)", async () => {
    let armed = false;
    const { browser } = engineFor(writerApp((st) => {
      if (armed) st.session_state.k = { s: 3, extra: true };
    }, "before"));
    await browser.flush();
    armed = true;
    expect(jsonBodies((await browser.flush()).tree.main)).toEqual([{ s: 3, extra: true }]);
  });

  it("a nested write after the mount raises 'cannot be modified after the component…' (§11.4f)", async () => {
    const { browser } = engineFor(writerApp((st) => {
      st.session_state.k.s = 2;
    }, "after"));
    const run = await browser.flush();
    expect(run.tree.main[1]).toMatchObject({
      type: "exception",
      name: "StreamlitAPIException",
      message: "`st.session_state.k.s` cannot be modified after the component with key `k` is instantiated.",
    });
  });

  it("a component not rendered in a run loses its state; default applies when it comes back", async () => {
    let show = true;
    const { browser } = engineFor((st: St) => {
      if (show) st.json(st.components.v2.component("c", { js: JS })({ key: "k", default: { s: 1 }, on_s_change: () => {} }));
      else st.write(String("k" in st.session_state));
    });
    const id = components((await browser.flush()).tree.main)[0].id;
    await browser.setState(id, "s", 42).flush();
    show = false;
    // Stale widgets are removed at the end of the run that did not render them.
    const without = await browser.flush();
    expect(texts(without.tree.main)).toEqual(["true"]);
    expect(without.entries.map((e) => e.key)).toEqual([]);
    expect(texts((await browser.flush()).tree.main)).toEqual(["false"]);
    show = true;
    expect(jsonBodies((await browser.flush()).tree.main)).toEqual([{ s: 1 }]);
  });

  it("inside blocks too, the browser's map reverts a nested write on its next rerun, and is dropped when not rendered (§11.4d)", async () => {
    let write = false;
    let show = true;
    const { browser } = engineFor((st: St) => {
      const [column] = st.columns(1);
      column.with(() =>
        st.expander("More").with(() => {
          if (write) st.session_state.k.s = 10;
          if (show) st.json(st.components.v2.component("c", { js: JS })({ key: "k", default: { s: 1 }, on_s_change: () => {} }));
        }),
      );
    });
    const nested = async () => {
      const [row] = (await browser.flush()).tree.main as BlockElement[];
      const [expander] = (row.children[0] as BlockElement).children as BlockElement[];
      return expander.children;
    };
    const id = components(await nested())[0].id;
    browser.setState(id, "s", 42);
    expect(jsonBodies(await nested())).toEqual([{ s: 42 }]);
    write = true;
    expect(jsonBodies(await nested())).toEqual([{ s: 10 }]);
    write = false;
    expect(jsonBodies(await nested())).toEqual([{ s: 42 }]);
    show = false;
    await nested();
    show = true;
    expect(jsonBodies(await nested())).toEqual([{ s: 1 }]);
  });
});

describe("Session State panel rows for a component", () => {
  it("a callback name is listed as a trigger once it has fired; before that it is neither state nor trigger", async () => {
    const { browser } = engineFor((st: St) => {
      st.components.v2.component("c", { js: JS })({ key: "k", default: { s: 1 }, on_s_change: () => {}, on_t_change: () => {}, on_u_change: () => {} });
    });
    const first = await browser.flush();
    expect(first.entries[0]).toMatchObject({ state: { s: 1 }, triggers: {}, callbackNames: ["s", "t", "u"] });
    const id = components(first.tree.main)[0].id;
    expect((await browser.setTrigger(id, "t", 7).flush()).entries[0]).toMatchObject({ triggers: { t: 7 } });
    expect((await browser.flush()).entries[0]).toMatchObject({ state: { s: 1 }, triggers: { t: null } });
  });

  it("a row's value is what st.session_state[key] presents: this run's fired triggers, then state, which wins (§5–§6)", async () => {
    let presented: unknown;
    const { browser } = engineFor((st: St) => {
      st.components.v2.component("c", { js: JS })({ key: "k", default: { s: 1 }, on_s_change: () => {}, on_t_change: () => {}, on_u_change: () => {} });
      presented = JSON.parse(JSON.stringify(st.session_state.k));
    });
    const id = components((await browser.flush()).tree.main)[0].id;
    const fired = await browser.setTrigger(id, "t", 7).setTrigger(id, "zz", "x").setTrigger(id, "s", 99).flush();
    expect(fired.entries[0].value).toEqual({ t: 7, zz: "x", s: 1 });
    expect(fired.entries[0].value).toEqual(presented);
    const quiet = await browser.flush();
    expect(quiet.entries[0]).toMatchObject({ triggers: { t: null } });
    expect(quiet.entries[0].value).toEqual({ s: 1 });
    expect(quiet.entries[0].value).toEqual(presented);
  });
});
