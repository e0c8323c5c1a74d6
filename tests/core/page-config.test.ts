import { describe, expect, it } from "vitest";
import type { St } from "../../common/api";
import { engineFor } from "./helpers";

describe("st.set_page_config (§8.6)", () => {
  it("records the layout and title the run set, and nothing when it sets none", async () => {
    let config: Parameters<St["set_page_config"]>[0] | null = { layout: "wide", page_title: "Stars" };
    const { browser } = engineFor((st: St) => {
      if (config) st.set_page_config(config);
      st.write("body");
    });
    expect((await browser.flush()).page).toEqual({ layout: "wide", title: "Stars" });
    config = { page_title: "Only a title" };
    expect((await browser.flush()).page).toEqual({ title: "Only a title" });
    config = null;
    expect((await browser.flush()).page).toEqual({});
  });

  it("refuses a layout other than centered or wide with Streamlit's message", async () => {
    const { browser } = engineFor((st: St) => {
      st.set_page_config({ layout: "full" as "wide" });
    });
    const run = await browser.flush();
    expect(run.status).toBe("error");
    expect(run.tree.main[0]).toMatchObject({ type: "exception", name: "StreamlitAPIException", message: '`layout` must be `"centered"` or `"wide"` (got `"full"`)' });
  });
});
