import { describe, expect, it } from "vitest";
import type { AppElement, BlockElement } from "../../common";
import type { St } from "../../common/api";
import { engineFor } from "./helpers";

const JS = "export default function () {}";

async function firstElement(app: (st: St) => void): Promise<AppElement> {
  return (await engineFor(app).browser.flush()).tree.main[0];
}

describe("component size (§2: only the width is validated)", () => {
  it("accepts height=0, the way invisible components mount, and keeps it as 0 pixels", async () => {
    const element = await firstElement((st) => void st.components.v2.component("cookie_manager", { js: JS })({ key: "cookies", height: 0 }));
    expect(element).toMatchObject({ type: "bidi_component", height: 0, width: "stretch" });
  });

  it("takes any height as Streamlit's layout config does: numbers as whole pixels, 'content', anything else 'stretch'", async () => {
    const heightOf = async (height: unknown) =>
      ((await firstElement((st) => void st.components.v2.component("c", { js: JS })({ height: height as never }))) as { height: unknown }).height;
    expect(await heightOf(120.7)).toBe(120);
    expect(await heightOf("content")).toBe("content");
    expect(await heightOf("stretch")).toBe("stretch");
    expect(await heightOf("auto")).toBe("stretch");
  });

  it("still rejects width 0 with StreamlitInvalidWidthError", async () => {
    expect(await firstElement((st) => void st.components.v2.component("c", { js: JS })({ width: 0 }))).toMatchObject({
      type: "exception",
      name: "StreamlitInvalidWidthError",
    });
  });
});

describe("st.container with Streamlit 1.64's layout options", () => {
  const containerOf = async (options: Record<string, unknown>) => (await firstElement((st) => void st.container(options as never))) as BlockElement;

  it("defaults to a vertical, left/top aligned, small-gap container without a border or key", async () => {
    expect(await containerOf({})).toMatchObject({
      type: "block",
      kind: "container",
      key: null,
      border: false,
      width: "stretch",
      height: "content",
      horizontal: false,
      horizontalAlignment: "left",
      verticalAlignment: "top",
      gap: "small",
    });
  });

  it("keeps every option, takes gap case-insensitively or null, and borders a fixed height by default", async () => {
    expect(
      await containerOf({ key: "row", horizontal: true, horizontal_alignment: "distribute", vertical_alignment: "center", gap: "LARGE", width: "content" }),
    ).toMatchObject({ key: "row", horizontal: true, horizontalAlignment: "distribute", verticalAlignment: "center", gap: "large", width: "content" });
    expect(await containerOf({ gap: null })).toMatchObject({ gap: null });
    expect(await containerOf({ height: 300 })).toMatchObject({ height: 300, border: true });
    expect(await containerOf({ height: 300, border: false })).toMatchObject({ height: 300, border: false });
  });

  it("raises Streamlit's errors for bad values, with its messages", async () => {
    expect(await containerOf({ gap: "tiny" })).toMatchObject({
      type: "exception",
      name: "StreamlitInvalidColumnGapError",
      message: 'The `gap` argument to `st.container` must be `"small"`, `"medium"`, `"large"`, or `"none"`. \nThe argument passed was tiny.',
    });
    expect(await containerOf({ horizontal_alignment: "middle" })).toMatchObject({
      name: "StreamlitInvalidHorizontalAlignmentError",
      message: 'The `horizontal_alignment` argument to `st.container` must be `"left"`, `"center"`, `"right"`, or `"distribute"`. \nThe argument passed was middle.',
    });
    expect(await containerOf({ vertical_alignment: "baseline" })).toMatchObject({
      name: "StreamlitInvalidVerticalAlignmentError",
      message: 'The `vertical_alignment` argument to `st.container` must be `"top"`, `"center"`, `"bottom"`, or `"distribute"`. \nThe argument passed was baseline.',
    });
    // Unlike a component's, a container's pixel height must be positive (validate_height).
    expect(await containerOf({ height: 0 })).toMatchObject({ name: "StreamlitInvalidHeightError" });
    expect(await containerOf({ width: "auto" })).toMatchObject({ name: "StreamlitInvalidWidthError" });
  });

  it("raises Python's TypeError for a keyword container() does not take, and renders nothing for it", async () => {
    const run = await engineFor((st) => void st.container({ bordr: true } as never)).browser.flush();
    expect(run.tree.main).toHaveLength(1);
    expect(run.tree.main[0]).toMatchObject({ type: "exception", name: "TypeError", message: "container() got an unexpected keyword argument 'bordr'" });
  });

  it("st.markdown takes unsafe_allow_html and rejects other keywords the same way", async () => {
    expect(await firstElement((st) => st.markdown("<b>x</b>", { unsafe_allow_html: true }))).toMatchObject({ type: "markdown", allowHtml: true });
    expect(await firstElement((st) => st.markdown("x"))).not.toHaveProperty("allowHtml");
    expect(await firstElement((st) => st.markdown("x", { unsafe_allow: true } as never))).toMatchObject({
      name: "TypeError",
      message: "markdown() got an unexpected keyword argument 'unsafe_allow'",
    });
  });
});
