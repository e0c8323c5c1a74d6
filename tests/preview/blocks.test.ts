// @vitest-environment happy-dom
import type { FrontendRendererArgs } from "@streamlit/component-v2-lib";
import { afterEach, describe, expect, it } from "vitest";
import type { AppElement, BlockElement } from "../../common";
import { component, mountPreview } from "./harness";

let preview: ReturnType<typeof mountPreview> | null = null;
afterEach(() => {
  preview?.destroy();
  preview = null;
});

const one = (selector: string) => preview!.root.querySelector(selector) as HTMLElement;
const all = (selector: string) => [...preview!.root.querySelectorAll(selector)] as HTMLElement[];
const block = (id: string, kind: BlockElement["kind"], children: AppElement[], extra: Partial<BlockElement> = {}): BlockElement => ({
  type: "block",
  id,
  kind,
  children,
  ...extra,
});
const text = (body: string): AppElement => ({ type: "markdown", variant: "markdown", body });

describe("layout blocks", () => {
  it("renders st.columns as stHorizontalBlock > stColumn with weights, gap and vertical alignment", async () => {
    preview = mountPreview();
    await preview.render([
      block(
        "main/0",
        "horizontal",
        [block("main/0/0", "column", [text("left")], { weight: 2 }), block("main/0/1", "column", [text("right")], { weight: 1 })],
        { gap: "medium", verticalAlignment: "center" },
      ),
    ]);
    const row = one('[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] > [data-testid="stHorizontalBlock"]');
    expect(row.style.gap).toBe("2rem");
    const columns = all('[data-testid="stHorizontalBlock"] > [data-testid="stColumn"]');
    expect(columns.map((c) => c.style.flex)).toEqual(["2 1 0%", "1 1 0%"]);
    const inner = columns.map((c) => c.querySelector(':scope > [data-testid="stVerticalBlock"]') as HTMLElement);
    expect(inner.map((v) => v.style.justifyContent)).toEqual(["center", "center"]);
    expect(inner.map((v) => v.querySelector('[data-testid="stElementContainer"]')!.textContent)).toEqual(["left", "right"]);
    // Blocks are not elements: only the two markdown elements have element containers.
    expect(all('[data-testid="stElementContainer"]')).toHaveLength(2);
  });

  it("wraps every st.container in stLayoutWrapper, bordering and scrolling one with a height", async () => {
    preview = mountPreview();
    await preview.render([
      block("main/0", "container", [text("boxed")], { border: true, height: 200 }),
      block("main/1", "container", [text("plain")]),
    ]);
    const boxed = one('[data-testid="stLayoutWrapper"] > [data-testid="stVerticalBlock"]');
    expect(boxed.classList.contains("lw-bordered")).toBe(true);
    expect([boxed.style.height, boxed.style.overflow]).toEqual(["200px", "auto"]);
    // Streamlit 1.64 renders every flex container (st.container) inside stLayoutWrapper.
    expect(all('[data-testid="stLayoutWrapper"]')).toHaveLength(2);
    expect(all('[data-testid="stLayoutWrapper"] > [data-testid="stVerticalBlock"]').map((v) => v.classList.contains("lw-bordered"))).toEqual([true, false]);
    expect(all('[data-testid="stVerticalBlock"]').map((v) => v.textContent)).toEqual(["boxedplain", "boxed", "plain"]);
  });

  it("renders st.expander as details/summary and keeps the user's open state across runs", async () => {
    preview = mountPreview();
    const tree = () => [block("main/0", "expander", [text("inside")], { label: "More **info**", expanded: false })];
    await preview.render(tree());
    const details = one('[data-testid="stExpander"] > details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector("summary")!.innerHTML).toContain("More <strong>info</strong>");
    expect(details.querySelector('[data-testid="stExpanderDetails"]')!.textContent).toBe("inside");
    details.open = true;
    await preview.render(tree());
    expect(details.open).toBe(true);
  });

  it("renders a form as stForm and a fragment as a plain stVerticalBlock", async () => {
    preview = mountPreview();
    await preview.render([
      block("main/0", "form", [text("in form")], { formId: "f" }),
      block("main/1", "fragment", [text("in fragment")], { fragmentId: "frag" }),
    ]);
    expect(one('[data-testid="stForm"] > [data-testid="stVerticalBlock"]').textContent).toBe("in form");
    expect(one('[data-testid="stForm"]').classList.contains("lw-bordered")).toBe(true);
    const top = one('[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"]');
    expect([...top.children].map((child) => child.getAttribute("data-testid"))).toEqual(["stForm", "stVerticalBlock"]);
  });

  it("sizes a component inside a column like anywhere else", async () => {
    preview = mountPreview({ "main.js": { default: () => undefined } });
    await preview.render([
      block("main/0", "horizontal", [
        block("main/0/0", "column", [component({ width: 300, height: 120 })]),
        block("main/0/1", "column", [component({ id: "$$ID-abc-k2", key: "k2", width: "content", height: "stretch" })]),
      ]),
    ]);
    const [fixed, stretched] = all('[data-testid="stColumn"] [data-testid="stElementContainer"]');
    expect([fixed.style.width, fixed.style.maxWidth, fixed.style.height, fixed.style.overflow]).toEqual(["300px", "100%", "120px", "auto"]);
    expect([stretched.style.width, stretched.style.flex]).toEqual(["fit-content", "1 1 auto"]);
  });
});

describe("keyed diffing across reruns", () => {
  it("leaves components outside the changed block mounted and uninvoked", async () => {
    const invocations = (calls: FrontendRendererArgs[]) => ({ default: (args: FrontendRendererArgs) => void calls.push(args) });
    const outsideCalls: FrontendRendererArgs[] = [];
    const insideCalls: FrontendRendererArgs[] = [];
    preview = mountPreview({ "out.js": invocations(outsideCalls), "in.js": invocations(insideCalls) });
    const outside = component({ id: "$$ID-out", key: "out", js: "out.js" });
    const inside = (label: string) =>
      component({ id: "$$ID-in", key: "in", js: "in.js", data: { kind: "json", json: JSON.stringify({ label }) }, fragmentId: "frag" });
    // A fragment rerun arrives as a full tree in which only the fragment's block changed.
    const tree = (label: string) => [outside, block("main/1", "fragment", [inside(label)], { fragmentId: "frag" })];

    await preview.render(tree("a"));
    const outsideNode = one('[data-lw-id="$$ID-out"]');
    await preview.render(tree("b"));
    await preview.render(tree("c"));

    expect(outsideCalls).toHaveLength(1);
    expect(one('[data-lw-id="$$ID-out"]')).toBe(outsideNode);
    expect(insideCalls.map((args) => args.data)).toEqual([{ label: "a" }, { label: "b" }, { label: "c" }]);
    expect(new Set(insideCalls.map((args) => args.key)).size).toBe(1);
    expect(new Set(insideCalls.map((args) => args.parentElement)).size).toBe(1);
  });
});
