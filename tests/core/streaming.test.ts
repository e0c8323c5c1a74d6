import { describe, expect, it } from "vitest";
import type { BlockElement, Delta, RenderTree } from "../../common";
import type { St } from "../../common/api";
import { setAtPath } from "../../common/deltas";
import { DeltaQueue } from "../../main/core/engine/delta-queue";
import { RerunEngine } from "../../main/core/engine/rerun-engine";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function streamingEngine(app: (st: St) => void | Promise<void>) {
  const engine = new RerunEngine(app, process.cwd());
  const deltas: Delta[] = [];
  const run = () => engine.run({ widgetStates: [], fragmentId: null, edits: [] }, (delta) => void deltas.push(delta));
  return { engine, deltas, run };
}

/** What a preview shows after applying `deltas` to `tree` in order. */
function apply(tree: RenderTree, deltas: Delta[]): RenderTree {
  return deltas.reduce((page, delta) => setAtPath(page, delta.path, delta.element), tree);
}

const bodies = (deltas: Delta[]) => deltas.map((d) => ({ path: d.path, body: (d.element as { body?: string }).body ?? d.element.type }));

describe("delta paths (§14)", () => {
  it("addresses each element and block by [root, ...block indices, index]", async () => {
    const { deltas, run } = streamingEngine((st) => {
      st.markdown("a");
      const [left, right] = st.columns(2);
      right.markdown("r");
      left.markdown("l");
      st.sidebar.markdown("s");
      st.container().markdown("c");
    });
    const outcome = await run();
    expect(bodies(deltas)).toEqual([
      { path: [0, 0], body: "a" },
      { path: [0, 1], body: "block" },
      { path: [0, 1, 0], body: "block" },
      { path: [0, 1, 1], body: "block" },
      { path: [0, 1, 1, 0], body: "r" },
      { path: [0, 1, 0, 0], body: "l" },
      { path: [1, 0], body: "s" },
      { path: [0, 2], body: "block" },
      { path: [0, 2, 0], body: "c" },
    ]);
    // Blocks travel bare; applied in order, the deltas rebuild exactly the run's tree.
    expect(deltas.filter((d) => d.element.type === "block").every((d) => d.element.type === "block" && d.element.children.length === 0)).toBe(true);
    expect(apply({ main: [], sidebar: [] }, deltas)).toEqual(outcome.tree);
  });

  it("st.empty() holds one element: each write replaces it, .empty() clears it", async () => {
    const { deltas, run } = streamingEngine((st) => {
      const ph = st.empty();
      st.markdown("after");
      ph.markdown("one");
      ph.markdown("two");
      ph.with(() => st.markdown("three"));
      ph.container().markdown("inside");
      ph.empty();
    });
    const outcome = await run();
    expect(bodies(deltas)).toEqual([
      { path: [0, 0], body: "empty" },
      { path: [0, 1], body: "after" },
      { path: [0, 0], body: "one" },
      { path: [0, 0], body: "two" },
      { path: [0, 0], body: "three" },
      { path: [0, 0], body: "block" },
      { path: [0, 0, 0], body: "inside" },
      { path: [0, 0], body: "empty" },
    ]);
    expect(outcome.tree.main).toEqual([{ type: "empty" }, { type: "markdown", body: "after", variant: "markdown" }]);
  });

  it("a block replacing a block of the same kind keeps its children until they are re-sent (Streamlit's addBlock)", () => {
    const block: BlockElement = { type: "block", id: "main/0", kind: "container", children: [] };
    const old: RenderTree = { main: [{ ...block, children: [{ type: "markdown", body: "old", variant: "markdown" }] }], sidebar: [] };
    expect(setAtPath(old, [0, 0], block).main[0]).toMatchObject({ children: [{ body: "old" }] });
    expect(setAtPath(old, [0, 0], { ...block, kind: "expander" }).main[0]).toMatchObject({ children: [] });
    expect(() => setAtPath(old, [0, 3], block)).toThrow("Bad delta path index 3 (should be between [0, 1])");
  });
});

describe("the delta queue", () => {
  it("coalesces a rewritten element in place, never a block", () => {
    const queue = new DeltaQueue();
    const md = (body: string) => ({ type: "markdown", body, variant: "markdown" }) as const;
    queue.push({ path: [0, 0], element: md("0") });
    queue.push({ path: [0, 1], element: md("x") });
    queue.push({ path: [0, 0], element: md("1") });
    queue.push({ path: [0, 2], element: { type: "block", id: "main/2", kind: "container", children: [] } satisfies BlockElement });
    queue.push({ path: [0, 2], element: md("y") });
    expect(bodies(queue.take())).toEqual([
      { path: [0, 0], body: "1" },
      { path: [0, 1], body: "x" },
      { path: [0, 2], body: "block" },
      { path: [0, 2], body: "y" },
    ]);
    expect(queue.take()).toEqual([]);
  });
});

describe("async scripts", () => {
  it("an async default export and async with bodies keep their container across awaits", async () => {
    const { run } = streamingEngine(async (st) => {
      const [a, b] = st.columns(2);
      await Promise.all([
        a.with(async () => {
          await sleep(20);
          st.markdown("in a");
        }),
        b.with(async () => {
          await sleep(5);
          st.markdown("in b");
          await sleep(30);
          st.markdown("in b again");
        }),
      ]);
      st.markdown("after");
    });
    const { tree, status } = await run();
    expect(status).toBe("ok");
    const row = tree.main[0];
    expect(row.type === "block" && row.children.map((c) => c.type === "block" && c.children.map((e) => (e as { body: string }).body))).toEqual([["in a"], ["in b", "in b again"]]);
    expect(tree.main[1]).toMatchObject({ body: "after" });
  });

  it("the run waits for an async with body the script did not await", async () => {
    const { run } = streamingEngine((st) => {
      void st.container().with(async () => {
        await sleep(10);
        st.markdown("late");
      });
    });
    const { tree } = await run();
    expect(tree.main[0]).toMatchObject({ type: "block", children: [{ body: "late" }] });
  });

  it("an async fragment body can be awaited", async () => {
    const { run } = streamingEngine(async (st) => {
      const f = st.fragment(async () => {
        await sleep(5);
        st.markdown("frag");
      });
      await f();
      st.markdown("after");
    });
    const { tree } = await run();
    expect(tree.main).toMatchObject([{ kind: "fragment", children: [{ body: "frag" }] }, { body: "after" }]);
  });

  it("an interrupt ends a run that is awaiting, and its later st calls reach no run", async () => {
    let resumed: unknown = null;
    const { engine, run } = streamingEngine(async (st) => {
      st.markdown("before");
      await sleep(50);
      try {
        st.markdown("after");
      } catch (error) {
        resumed = error;
      }
    });
    const pending = run();
    await sleep(5);
    engine.interrupt();
    const outcome = await pending;
    expect(outcome.status).toBe("interrupted");
    const next = await engine.run({ widgetStates: [], fragmentId: null, edits: [] });
    await sleep(60);
    expect(resumed).toMatchObject({ kind: "interrupted" });
    // The preempted run's late call landed nowhere: the next run holds only its own two elements.
    expect(next.tree.main.map((e) => (e as { body: string }).body)).toEqual(["before", "after"]);
  });

  it("a run that ends for st.rerun() keeps the previous run's leftovers; a complete run drops them", async () => {
    let calls = 0;
    const { run } = streamingEngine((st) => {
      calls++;
      st.markdown("top");
      if (calls === 2) st.rerun();
      st.markdown("middle");
      st.markdown("bottom");
    });
    await run();
    const rerun = await run();
    expect(rerun.tree.main.map((e) => (e as { body: string }).body)).toEqual(["top", "middle", "bottom"]);
    expect(rerun.rerunRequested).toBe(true);
  });
});
