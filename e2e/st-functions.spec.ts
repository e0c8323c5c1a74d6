import { join } from "node:path";
import { expect, test } from "./kit";

const APP = join(__dirname, "apps", "st-functions", "app.ts");

test.describe("st functions real component apps call (§15)", () => {
  test("tabs by role=tab, metric deltas, image, toast, status and chat_input drive as in Streamlit", async ({ workbench }) => {
    await workbench.open(APP);
    const app = workbench.frame();

    // st.status ends complete when its body finishes.
    const status = app.getByTestId("stExpander");
    await expect(status.getByTestId("stExpanderIconCheck")).toBeVisible();
    await expect(status.getByTestId("stExpanderDetails")).toHaveText("Searching for data...");

    // st.tabs: the first tab's metrics show; the other tab is picked by role.
    await expect(app.getByRole("tab", { name: "Metrics" })).toHaveAttribute("aria-selected", "true");
    const metrics = app.getByTestId("stMetric");
    await expect(metrics.nth(0).getByTestId("stMetricValue")).toHaveText("70 °F");
    await expect(metrics.nth(0).getByTestId("stMetricDelta")).toHaveText("1.2 °F");
    await expect(metrics.nth(0).getByTestId("stMetricDeltaIcon-Up")).toBeVisible();
    await expect(metrics.nth(1).getByTestId("stMetricDeltaIcon-Down")).toBeVisible();
    await expect(app.getByTestId("stImage")).toBeHidden();
    await app.getByRole("tab", { name: "Media" }).click();
    await expect(app.getByRole("tab", { name: "Media" })).toHaveAttribute("aria-selected", "true");
    await expect(metrics.first()).toBeHidden();
    const image = app.getByTestId("stImage").locator("img");
    await expect(image).toBeVisible();
    expect(await image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.getBoundingClientRect().width])).toEqual([2, 40]);
    await expect(app.getByTestId("stImageCaption")).toHaveText("A red square");

    // st.toast: in the toast container, for the run the button caused.
    await expect(app.getByTestId("stToast")).toHaveCount(0);
    await app.getByTestId("stButton").getByRole("button", { name: "Toast" }).click();
    const toast = app.getByTestId("stToastContainer").getByTestId("stToast");
    await expect(toast).toContainText("Hip hip hooray!");
    await expect(toast.getByTestId("stToastDynamicIcon")).toHaveText("🎉");

    // st.cache_data: the cached value is the first run's, across reruns.
    await expect(app.getByText("cached: loaded in run 1")).toBeVisible();

    // st.chat_input: Enter returns the text once; the next run reads None again.
    const input = app.getByTestId("stBottom").getByTestId("stChatInputTextArea");
    await input.fill("hello");
    await input.press("Enter");
    await expect(app.getByText("you said: hello")).toBeVisible();
    await expect(input).toHaveValue("");
    await workbench.rerun();
    await expect(app.getByText("no message")).toBeVisible();
    await expect(app.getByRole("tab", { name: "Media" })).toHaveAttribute("aria-selected", "true");
  });
});
