// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import type { AppElement, BlockElement } from "../../common";
import { keyClassName, keyFromId } from "../../renderer/preview/blocks";
import { mountPreview } from "./harness";

let preview: ReturnType<typeof mountPreview> | null = null;
afterEach(() => {
  preview?.destroy();
  preview = null;
});

const one = (selector: string) => preview!.root.querySelector(selector) as HTMLElement;
const text = (body: string): AppElement => ({ type: "markdown", variant: "markdown", body });
const container = (id: string, children: AppElement[], extra: Partial<BlockElement> = {}): BlockElement => ({
  type: "block",
  id,
  kind: "container",
  children,
  border: false,
  width: "stretch",
  height: "content",
  horizontal: false,
  horizontalAlignment: "left",
  verticalAlignment: "top",
  gap: "small",
  key: null,
  ...extra,
});
const nextTick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("Streamlit's st-key-<key> class", () => {
  it("derives the key from the element id and sanitizes it like convertKeyToClassName", () => {
    expect(keyFromId("$$ID-0a1b-my_panel")).toBe("my_panel");
    expect(keyFromId("$$ID-0a1b-with-dashes")).toBe("with-dashes");
    expect(keyFromId("$$ID-0a1b-None")).toBeNull();
    expect(keyFromId("main/0")).toBeNull();
    expect(keyClassName(" my key.v2/ü ")).toBe("st-key-my-key-v2--");
    expect(keyClassName("")).toBeNull();
  });

  it("puts stElementContainer element-container st-key-<key> on keyed elements, and st-key on a keyed container's block", async () => {
    preview = mountPreview();
    await preview.render([
      { type: "button", id: "$$ID-b1-go button", label: "Go", kind: "secondary", disabled: false },
      { type: "button", id: "$$ID-b2-None", label: "Unkeyed", kind: "secondary", disabled: false },
      container("main/2", [text("inside")], { key: "my_panel" }),
    ]);
    const containers = [...preview.root.querySelectorAll('[data-testid="stElementContainer"]')].map((c) => c.className);
    expect(containers).toEqual(["stElementContainer element-container st-key-go-button", "stElementContainer element-container", "stElementContainer element-container"]);
    const panel = one(".st-key-my_panel");
    expect(panel.dataset.testid).toBe("stVerticalBlock");
    expect(panel.parentElement!.dataset.testid).toBe("stLayoutWrapper");
    expect(panel.textContent).toBe("inside");
  });
});

describe("st.container layout (Streamlit's StyledFlexContainerBlock)", () => {
  it("lays a vertical container out as a column: justify by vertical_alignment, align by horizontal_alignment", async () => {
    preview = mountPreview();
    await preview.render([container("main/0", [text("a")], { horizontalAlignment: "center", verticalAlignment: "bottom", gap: "medium" })]);
    const block = one('[data-testid="stLayoutWrapper"] > [data-testid="stVerticalBlock"]');
    expect([block.style.flexDirection, block.style.flexWrap, block.style.justifyContent, block.style.alignItems, block.style.gap]).toEqual([
      "column",
      "nowrap",
      "end",
      "center",
      "2rem",
    ]);
  });

  it("renders horizontal=True as a wrapping stHorizontalBlock row with the alignments swapped", async () => {
    preview = mountPreview();
    await preview.render([
      container("main/0", [text("a"), text("b")], { horizontal: true, horizontalAlignment: "distribute", verticalAlignment: "center", gap: null }),
    ]);
    const row = one('[data-testid="stLayoutWrapper"] > [data-testid="stHorizontalBlock"]');
    expect(row.className).toBe("stHorizontalBlock");
    expect([row.style.flexDirection, row.style.flexWrap, row.style.justifyContent, row.style.alignItems, row.style.gap]).toEqual([
      "row",
      "wrap",
      "space-between",
      "center",
      "0rem",
    ]);
    expect(row.querySelectorAll(':scope > [data-testid="stElementContainer"]')).toHaveLength(2);
  });

  it("maps gap sizes to Streamlit's rem values, and sizes the wrapper by width and height", async () => {
    preview = mountPreview();
    await preview.render([
      container("main/0", [text("a")], { gap: "small" }),
      container("main/1", [text("b")], { gap: "large", width: 300, height: 200, border: true }),
      container("main/2", [text("c")], { gap: "xxsmall", width: "content" }),
    ]);
    const wrappers = [...preview.root.querySelectorAll('[data-testid="stLayoutWrapper"]')] as HTMLElement[];
    const blocks = wrappers.map((w) => w.firstElementChild as HTMLElement);
    expect(blocks.map((b) => b.style.gap)).toEqual(["1rem", "4rem", "0.25rem"]);
    expect(wrappers.map((w) => w.style.width)).toEqual(["100%", "300px", "fit-content"]);
    expect([blocks[1].style.height, blocks[1].style.overflow, blocks[1].classList.contains("lw-bordered")]).toEqual(["200px", "auto", true]);
  });
});

describe("st.markdown(unsafe_allow_html=True) in the page", () => {
  it("shows a skeleton while the HTML parser loads, then the HTML", async () => {
    preview = mountPreview();
    await preview.render([{ type: "markdown", variant: "markdown", body: '<div class="card">Hi <b>there</b></div>', allowHtml: true }]);
    const container = one('[data-testid="stMarkdownContainer"]');
    await preview.until(() => container.querySelector(".card") !== null);
    expect(container.innerHTML).toBe('<div class="card">Hi <b>there</b></div>');
  });
});

describe("the sidebar's collapse and expand controls", () => {
  it("renders headings in the sidebar bare, without Streamlit's anchor, as its sidebar does", async () => {
    preview = mountPreview();
    await preview.render([text("## Main heading")], [text("## Side heading")]);
    expect(one('[data-testid="stMain"] h2').id).toBe("main-heading");
    const side = one('[data-testid="stSidebarUserContent"] h2');
    expect([side.id, side.outerHTML]).toEqual(["", "<h2>Side heading</h2>"]);
  });

  it("starts expanded, collapses with stSidebarCollapseButton and expands with stExpandSidebarButton, keeping its content", async () => {
    preview = mountPreview();
    await preview.render([text("main")], [text("side")]);
    const sidebar = one('[data-testid="stSidebar"]');
    expect(sidebar.getAttribute("aria-expanded")).toBe("true");
    expect(one('[data-testid="stExpandSidebarButton"]')).toBeNull();
    const collapse = one('[data-testid="stSidebarContent"] > [data-testid="stSidebarHeader"] > [data-testid="stSidebarCollapseButton"] > button');
    collapse.click();
    await nextTick();
    expect(sidebar.getAttribute("aria-expanded")).toBe("false");
    expect(one('[data-testid="stSidebarUserContent"]').textContent).toBe("side");
    one('[data-testid="stExpandSidebarButton"]').click();
    await nextTick();
    expect(sidebar.getAttribute("aria-expanded")).toBe("true");
    expect(one('[data-testid="stExpandSidebarButton"]')).toBeNull();
  });
});
