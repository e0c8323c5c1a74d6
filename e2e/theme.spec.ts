import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "./kit";

// A component project with its own .streamlit/config.toml next to the app script: the theme
// Streamlit would apply (docs/semantics.md §8.4, §8.6), reloaded on save, and the layout presets.
const APP = `
export default function app(st) {
  const swatch = st.components.v2.component("swatch", {
    html: '<div class="swatch">Swatch</div>',
    css: ".swatch { padding: 8px; color: var(--st-primary-color); border: 1px solid var(--st-border-color); font-family: var(--st-font); }",
  });
  st.title("Themed app");
  swatch({ key: "swatch" });
  st.markdown("The page's width follows the toolbar's presets.");
}
`;

const THEME = (primary: string, extra = "") => `[theme]\nprimaryColor = "${primary}"\nbackgroundColor = "#fdf6e3"\n${extra}`;

let project: string;
let configFile: string;

test.beforeEach(async () => {
  project = await mkdtemp(join(tmpdir(), "lw-theme-e2e-"));
  await mkdir(join(project, ".streamlit"));
  configFile = join(project, ".streamlit", "config.toml");
  await writeFile(join(project, "app.ts"), APP);
  await writeFile(configFile, THEME("#7c3aed"));
});

test.afterEach(async () => {
  await rm(project, { recursive: true, force: true });
});

/** A custom property as the component's element computes it (inherited through the ShadowRoot). */
async function cssVar(locator: import("@playwright/test").Locator, name: string): Promise<string> {
  return locator.evaluate((element, property) => getComputedStyle(element).getPropertyValue(property), name);
}

test("the project's [theme] reaches the component's --st-* variables and the page", async ({ workbench }) => {
  await workbench.open(join(project, "app.ts"));
  const swatch = workbench.component("swatch").locator(".swatch");
  await expect(swatch).toHaveText("Swatch");

  expect(await cssVar(swatch, "--st-primary-color")).toBe("#7c3aed");
  expect(await cssVar(swatch, "--st-background-color")).toBe("#fdf6e3");
  expect(await cssVar(swatch, "--st-font")).toBe('"Source Sans",sans-serif');
  expect(await cssVar(swatch, "--st-code-font")).toBe('"Source Code Pro",monospace');
  expect(await cssVar(swatch, "--st-border-color")).toBe("rgba(49, 51, 63, 0.2)");
  await expect(swatch).toHaveCSS("color", "rgb(124, 58, 237)");
  await expect(workbench.frame().getByTestId("stApp")).toHaveCSS("background-color", "rgb(253, 246, 227)");
  await expect(workbench.page.getByTestId("lw-theme-toggle")).toHaveText("◐ Project theme");
  await workbench.page.screenshot({ path: test.info().outputPath("theme-light.png") });
});

test("saving config.toml hot-reloads the theme, and a bad value is warned about while the rest applies", async ({ workbench }) => {
  await workbench.open(join(project, "app.ts"));
  const swatch = workbench.component("swatch").locator(".swatch");
  await expect(swatch).toHaveText("Swatch");
  const runsBefore = (await workbench.status()).runCount;

  await writeFile(configFile, '[theme]\nbase = "dark"\nprimaryColor = "#0ea5e9"\ntextColor = "nonsense"\nprimaryColour = "#ff0000"\n');
  await expect.poll(() => cssVar(swatch, "--st-primary-color")).toBe("#0ea5e9");
  expect(await cssVar(swatch, "--st-background-color")).toBe("#0e1117");
  expect(await cssVar(swatch, "--st-text-color")).toBe("#fafafa");
  await expect(workbench.frame().getByTestId("stApp")).toHaveCSS("background-color", "rgb(14, 17, 23)");
  // The chrome follows the app view into dark.
  await expect(workbench.page.locator("html")).toHaveAttribute("data-lw-chrome", "dark");
  // A theme is not a script change: no rerun, and the session state stays.
  expect((await workbench.status()).runCount).toBe(runsBefore);

  const warnings = await workbench.logEntries("warn");
  await expect(warnings.filter({ hasText: 'Invalid color passed for textColor in theme: "nonsense"' })).toHaveCount(1);
  await expect(warnings.filter({ hasText: '"theme.primaryColour" is not a valid config option.' })).toHaveCount(1);
  await workbench.page.screenshot({ path: test.info().outputPath("theme-dark.png") });

  // The toggle still offers Streamlit's presets over the project's theme.
  await workbench.page.getByTestId("lw-theme-toggle").click();
  await expect.poll(() => cssVar(swatch, "--st-primary-color")).toBe("#ff4b4b");
  expect(await cssVar(swatch, "--st-background-color")).toBe("#ffffff");
});

test("width presets: Streamlit's 736 px centered column, the full width, a 375 px phone", async ({ workbench }) => {
  await workbench.open(join(project, "app.ts"));
  const container = workbench.frame().getByTestId("stMainBlockContainer");
  const main = workbench.frame().getByTestId("stMain");
  const width = async (locator: import("@playwright/test").Locator) => (await locator.boundingBox())!.width;
  await expect(workbench.page.getByTestId("lw-width-centered")).toHaveAttribute("aria-pressed", "true");
  expect(await width(main)).toBeGreaterThan(736 + 100);
  expect(await width(container)).toBe(736);

  await workbench.page.getByTestId("lw-width-wide").click();
  await expect.poll(() => width(container)).toBe(await width(main));

  await workbench.page.getByTestId("lw-width-mobile").click();
  await expect.poll(() => width(container)).toBe(375);
  const frameWidth = await workbench.page.getByTestId("lw-preview-frame").evaluate((frame: HTMLIFrameElement) => frame.clientWidth);
  expect(frameWidth).toBe(375);
  await workbench.page.screenshot({ path: test.info().outputPath("theme-mobile.png") });

  await workbench.page.getByTestId("lw-width-centered").click();
  await expect.poll(() => width(container)).toBe(736);
});

test('st.set_page_config(layout="wide") makes Wide the default, and page_title names the tab', async ({ workbench }) => {
  await writeFile(join(project, "app.ts"), APP.replace("export default function app(st) {", 'export default function app(st) {\n  st.set_page_config({ layout: "wide", page_title: "Stars" });'));
  await workbench.open(join(project, "app.ts"));
  await expect(workbench.page.getByTestId("lw-width-wide")).toHaveAttribute("aria-pressed", "true");
  const container = workbench.frame().getByTestId("stMainBlockContainer");
  const main = workbench.frame().getByTestId("stMain");
  await expect.poll(async () => (await container.boundingBox())!.width).toBe((await main.boundingBox())!.width);
  await expect(workbench.page).toHaveTitle("Stars · Loopwright");
});
