// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
import type { FrontendRendererArgs } from "@streamlit/component-v2-lib";
import { afterEach, describe, expect, it } from "vitest";
import type { AppElement, BlockElement, Delta } from "../../common";
import { component, mountPreview, nextMacrotask } from "./harness";

const md = (body: string): AppElement => ({ type: "markdown", body, variant: "markdown" });
const at = (path: number[], element: AppElement): Delta => ({ path, element });

/** A default export that records its frontend keys and its cleanups. */
function recorder() {
  const keys: string[] = [];
  const cleanups: string[] = [];
  const module = {
    default: (args: FrontendRendererArgs) => {
      keys.push(args.key);
      return () => void cleanups.push(args.key);
    },
  };
  return { keys, cleanups, module };
}

let preview: ReturnType<typeof mountPreview> | null = null;
afterEach(() => {
  preview?.destroy();
  preview = null;
});

function page(p: ReturnType<typeof mountPreview>) {
  const containers = () => [...p.root.querySelectorAll('[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]')] as HTMLElement[];
  return {
    texts: () => containers().map((c) => c.textContent!.trim()),
    stale: () => containers().map((c) => c.getAttribute("data-stale")),
  };
}

/** Until Vue rendered and the component invocations it caused settled. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await nextMacrotask();
}

describe("deltas applied in place (§14)", () => {
  it("shows a run's elements as they arrive, marks the previous run's stale, and the final render drops the leftovers", async () => {
    preview = mountPreview();
    const view = page(preview);
    await preview.render([md("a"), md("b"), md("c")]);
    expect(view.stale()).toEqual(["false", "false", "false"]);

    preview.handle({ type: "deltas", runId: 2, fragmentId: null, deltas: [] });
    await settle();
    // A run in progress that produced nothing yet: everything on the page is the previous run's.
    expect(view.stale()).toEqual(["true", "true", "true"]);

    preview.handle({ type: "deltas", runId: 2, fragmentId: null, deltas: [at([0, 0], md("A"))] });
    await settle();
    expect(view.texts()).toEqual(["A", "b", "c"]);
    expect(view.stale()).toEqual(["false", "true", "true"]);

    preview.handle({ type: "render", run: { runId: 2, tree: { main: [md("A"), md("B")], sidebar: [] }, warnings: [], causes: { run: null, elements: {} } } });
    await preview.until(() => preview!.sent.some((m) => m.type === "rendered" && m.runId === 2));
    expect(view.texts()).toEqual(["A", "B"]);
    expect(view.stale()).toEqual(["false", "false"]);
  });

  it("a Stop drops the leftovers; a preempted run keeps them for the next run", async () => {
    preview = mountPreview();
    const view = page(preview);
    await preview.render([md("a"), md("b")]);
    preview.handle({ type: "deltas", runId: 2, fragmentId: null, deltas: [at([0, 0], md("A"))] });
    preview.handle({ type: "run-ended", runId: 2, clearStale: false });
    await settle();
    expect(view.texts()).toEqual(["A", "b"]);
    expect(view.stale()).toEqual(["false", "false"]);

    preview.handle({ type: "deltas", runId: 3, fragmentId: null, deltas: [at([0, 0], md("A3"))] });
    preview.handle({ type: "run-ended", runId: 3, clearStale: true });
    await settle();
    expect(view.texts()).toEqual(["A3"]);
  });

  it("a block re-sent with the same kind keeps its children until they are re-produced", async () => {
    preview = mountPreview();
    const view = page(preview);
    const container: BlockElement = { type: "block", id: "main/0", kind: "container", children: [] };
    await preview.render([{ ...container, children: [md("old 1"), md("old 2")] }]);
    preview.handle({ type: "deltas", runId: 2, fragmentId: null, deltas: [at([0, 0], container), at([0, 0, 0], md("new 1"))] });
    await settle();
    expect(view.texts()).toEqual(["new 1", "old 2"]);
    expect(view.stale()).toEqual(["false", "true"]);
  });

  it("in a fragment run only the fragment's own elements are stale", async () => {
    preview = mountPreview();
    const view = page(preview);
    const fragment: BlockElement = { type: "block", id: "main/1", kind: "fragment", fragmentId: "f1", children: [] };
    await preview.render([md("outside"), { ...fragment, children: [md("in 1"), md("in 2")] }]);
    preview.handle({ type: "deltas", runId: 2, fragmentId: "f1", deltas: [at([0, 1], fragment)] });
    await settle();
    expect(view.stale()).toEqual(["false", "true", "true"]);
  });

  it("an st.empty placeholder rewritten during a run shows each value in turn; the empty element takes no room", async () => {
    preview = mountPreview();
    const view = page(preview);
    await preview.render([]);
    preview.handle({ type: "deltas", runId: 2, fragmentId: null, deltas: [at([0, 0], { type: "empty" })] });
    await settle();
    expect(preview.root.querySelector('[data-testid="stEmpty"]')).not.toBeNull();
    expect(preview.root.querySelector(".stElementContainer.lw-empty")).not.toBeNull();
    const seen: string[] = [];
    for (const value of ["0", "1", "2"]) {
      preview.handle({ type: "deltas", runId: 2, fragmentId: null, deltas: [at([0, 0], md(value))] });
      await settle();
      seen.push(...view.texts());
    }
    expect(seen).toEqual(["0", "1", "2"]);
  });

  it("refuses a delta whose path the page does not have, and changes nothing", async () => {
    preview = mountPreview();
    const view = page(preview);
    await preview.render([md("a")]);
    preview.handle({ type: "deltas", runId: 2, fragmentId: null, deltas: [at([0, 0], md("A")), at([0, 5], md("far"))] });
    preview.handle({ type: "deltas", runId: 2, fragmentId: null, deltas: [{ path: [7, 0], element: md("x") }] });
    await settle();
    expect(view.texts()).toEqual(["a"]);
    const errors = preview.ofType("console").map((m) => m.message);
    expect(errors[0]).toBe("Preview error: dropped run 2's deltas: Bad delta path index 5 (should be between [0, 1])");
    expect(errors[1]).toMatch(/^Preview error: dropped a malformed deltas message: deltas\.0\.path: a delta path starts with 0 \(main\) or 1 \(sidebar\)/);
  });
});

describe("component identity under deltas (§14)", () => {
  it("a component whose slot is taken mid-run is cleaned up, and mounted fresh with a new key when its own call comes", async () => {
    const { keys, cleanups, module } = recorder();
    preview = mountPreview({ "main.js": module });
    await preview.render([md("top"), component()]);
    await settle();
    expect(keys).toHaveLength(1);
    const first = keys[0];

    // The run inserts an element before the component: it lands in the component's slot.
    preview.handle({ type: "deltas", runId: 2, fragmentId: null, deltas: [at([0, 0], md("top")), at([0, 1], md("inserted"))] });
    await settle();
    expect(cleanups).toEqual([first]);
    expect(preview.root.querySelector(".stBidiComponent")).toBeNull();

    preview.handle({ type: "deltas", runId: 2, fragmentId: null, deltas: [at([0, 2], component())] });
    await settle();
    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(first);
    expect(cleanups).toEqual([first]);
  });

  it("a component moved within one batch keeps its DOM (keyed by id, the batch renders at once)", async () => {
    const { keys, cleanups, module } = recorder();
    preview = mountPreview({ "main.js": module });
    await preview.render([md("top"), component()]);
    await settle();
    preview.handle({ type: "deltas", runId: 2, fragmentId: null, deltas: [at([0, 1], md("inserted")), at([0, 2], component())] });
    await settle();
    expect(keys).toHaveLength(1);
    expect(cleanups).toEqual([]);
  });

  it("a component re-produced higher up renders once: the previous run's copy further down is not shown twice", async () => {
    const { keys, module } = recorder();
    preview = mountPreview({ "main.js": module });
    await preview.render([md("a"), md("b"), component()]);
    await settle();
    preview.handle({ type: "deltas", runId: 2, fragmentId: null, deltas: [at([0, 0], component())] });
    await settle();
    expect(preview.root.querySelectorAll(".stBidiComponent")).toHaveLength(1);
    expect(keys).toHaveLength(1);
  });
});

describe("the running indicator", () => {
  it("shows stStatusWidget after half a second of a streaming run, with Stop, and hides it when the run ends", async () => {
    preview = mountPreview();
    await preview.render([md("a")]);
    preview.handle({ type: "deltas", runId: 2, fragmentId: null, deltas: [] });
    await settle();
    expect(preview.root.querySelector('[data-testid="stStatusWidget"]')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 550));
    const widget = preview.root.querySelector('[data-testid="stStatusWidget"]')!;
    expect(widget.querySelector('[data-testid="stStatusWidgetRunningIcon"]')!.getAttribute("aria-label")).toBe("Running...");
    const stop = widget.querySelector("button")!;
    expect(stop.textContent).toBe("Stop");
    stop.click();
    await settle();
    expect(preview.ofType("stop")).toHaveLength(1);
    expect(stop.textContent).toBe("Stopping...");
    preview.handle({ type: "run-ended", runId: 2, clearStale: true });
    await settle();
    expect(preview.root.querySelector('[data-testid="stStatusWidget"]')).toBeNull();
  });
});
