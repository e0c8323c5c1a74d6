import { expect, test, type Workbench } from "../kit";
import { causesNoRun, causesRun, expectLines, fidelityApp, stButton } from "./helpers";

// Frontend lifecycle end to end (§4 identity, §6 not-rendered cleanup, §8.2 module evaluation,
// §8.3 re-invocation and cleanup, §8.4 theme; issue 3 items 1, 2, 6, 7). The app's component
// logs "evaluate N", "invoke <label> <n> <key>" and "cleanup <label> <n> <key>" into the page.

const APP = fidelityApp("lifecycle");
const KEY_FORMAT = /^st-bidi-component-[0-9a-z-]+$/i;

interface Entry {
  kind: string;
  label: string;
  n: string;
  key: string;
}

async function readLog(wb: Workbench): Promise<Entry[]> {
  const pre = wb.frame().locator("#lw-lifecycle-log");
  if ((await pre.count()) === 0) return [];
  const text = (await pre.textContent()) ?? "";
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [kind, label = "", n = "", key = ""] = line.split(" ");
      return { kind, label, n, key };
    });
}

const of = (log: Entry[], kind: string, label: string) => log.filter((e) => e.kind === kind && e.label === label);

test("identity: unkeyed change remounts (cleanup + new key + state reset); keyed change re-invokes in place; same JSON never re-invokes", async ({ workbench: wb }) => {
  await wb.open(APP);
  await expect.poll(async () => of(await readLog(wb), "invoke", "vanish").length).toBe(1);
  let log = await readLog(wb);
  expect(log.filter((e) => e.kind === "evaluate").map((e) => e.label), "module evaluated once for all instances").toEqual(["1"]);
  for (const label of ["unkeyed", "keyed", "nodata", "vanish"]) expect(of(log, "invoke", label), label).toHaveLength(1);
  const [unkeyed0, keyed0, vanish0] = ["unkeyed", "keyed", "vanish"].map((label) => of(log, "invoke", label)[0].key);
  for (const key of [unkeyed0, keyed0, vanish0]) expect(key).toMatch(KEY_FORMAT);
  expect(new Set([unkeyed0, keyed0, vanish0, of(log, "invoke", "nodata")[0].key]).size, "one frontend key per mount").toBe(4);
  await expectLines(wb, [
    "unkeyed result: {'v': None}",
    "keyed result: {'v': None}",
    "nodata result: {'v': None}",
    "vanish result: {'v': 'default'}",
  ]);

  for (const key of ["", "keyed", "vanish"]) {
    await causesRun(wb, () => wb.component(key).getByRole("button", { name: "Set v" }).click());
  }
  await expectLines(wb, ["unkeyed result: {'v': 'browser'}", "keyed result: {'v': 'browser'}", "vanish result: {'v': 'browser'}"]);

  // A rerun with identical JSON data (and with no data) calls no default export (§8.3).
  const invokesBefore = (await readLog(wb)).filter((e) => e.kind === "invoke").length;
  await causesRun(wb, () => stButton(wb, "Unrelated rerun").click());
  await wb.page.waitForTimeout(300);
  expect((await readLog(wb)).filter((e) => e.kind === "invoke").length, "no re-invocation on identical data").toBe(invokesBefore);

  // Change data: unkeyed → new element id; keyed → same id.
  const unkeyedHost = wb.frame().locator('.stBidiComponent[data-lw-key=""]');
  const keyedHost = wb.frame().locator('.stBidiComponent[data-lw-key="keyed"]');
  const unkeyedId0 = await unkeyedHost.getAttribute("data-lw-id");
  const keyedId0 = await keyedHost.getAttribute("data-lw-id");
  await causesRun(wb, () => stButton(wb, "Change data").click());
  await expect.poll(async () => of(await readLog(wb), "cleanup", "unkeyed").length, "the old unkeyed mount's cleanup ran").toBe(1);
  await expect.poll(async () => of(await readLog(wb), "invoke", "keyed").length).toBe(2);
  log = await readLog(wb);
  expect(of(log, "cleanup", "unkeyed")[0]).toEqual({ kind: "cleanup", label: "unkeyed", n: "0", key: unkeyed0 });
  const unkeyedInvokes = of(log, "invoke", "unkeyed");
  expect(unkeyedInvokes).toHaveLength(2);
  expect(unkeyedInvokes[1].n).toBe("1");
  expect(unkeyedInvokes[1].key, "a remount gets a new frontend key").not.toBe(unkeyed0);
  expect(unkeyedInvokes[1].key).toMatch(KEY_FORMAT);
  expect(await unkeyedHost.getAttribute("data-lw-id"), "unkeyed: data is part of the identity").not.toBe(unkeyedId0);

  expect(of(log, "invoke", "keyed")[1]).toEqual({ kind: "invoke", label: "keyed", n: "1", key: keyed0 });
  expect(of(log, "cleanup", "keyed"), "keyed: re-invoked without cleanup").toHaveLength(0);
  expect(await keyedHost.getAttribute("data-lw-id"), "keyed: the id ignores data").toBe(keyedId0);
  expect(of(log, "invoke", "nodata")).toHaveLength(1);
  expect(of(log, "invoke", "vanish")).toHaveLength(1);
  expect(log.filter((e) => e.kind === "evaluate")).toHaveLength(1);
  await expectLines(wb, ["unkeyed result: {'v': None}", "keyed result: {'v': 'browser'}", "vanish result: {'v': 'browser'}"]);
  await expect(wb.component("keyed").locator(".out")).toHaveText("label=keyed n=1 bg=#ffffff");

  // Not rendered in a run: unmounted (cleanup), its state removed at the end of that run.
  await causesRun(wb, () => stButton(wb, "Toggle vanish").click());
  await expect(wb.frame().locator('.stBidiComponent[data-lw-key="vanish"]')).toHaveCount(0);
  await expect.poll(async () => of(await readLog(wb), "cleanup", "vanish")).toEqual([{ kind: "cleanup", label: "vanish", n: "0", key: vanish0 }]);
  await expectLines(wb, ["vanish result: not rendered"]);
  // Soft: the rest of the scenario is still checked and reported when this fails.
  expect.soft(Object.keys(await wb.sessionState()), "state removed at the end of the run that did not render it").not.toContain("vanish");
  await causesRun(wb, () => stButton(wb, "Unrelated rerun").click());
  await expectLines(wb, ["session keys: jsv,jsver,keyed,n,nodata,show,storage"]);

  // Back: a new mount (new key) and `default` applies again.
  await causesRun(wb, () => stButton(wb, "Toggle vanish").click());
  await expect.poll(async () => of(await readLog(wb), "invoke", "vanish").length).toBe(2);
  const vanish1 = of(await readLog(wb), "invoke", "vanish")[1].key;
  expect(vanish1).toMatch(KEY_FORMAT);
  expect(vanish1).not.toBe(vanish0);
  await expectLines(wb, ["vanish result: {'v': 'default'}", "session keys: jsv,jsver,keyed,n,nodata,show,storage,vanish"]);
  expect((await wb.sessionState()).vanish).toEqual({ v: "default" });
});

test("theme switch re-invokes every default export in place and changes --st-background-color to the dark value", async ({ workbench: wb }) => {
  await wb.open(APP);
  const out = wb.component("keyed").locator(".out");
  await expect(out).toHaveText("label=keyed n=0 bg=#ffffff");
  await expect.poll(async () => of(await readLog(wb), "invoke", "keyed").length).toBe(1);
  const key = of(await readLog(wb), "invoke", "keyed")[0].key;

  // The theme is the frontend's business: no script run.
  await causesNoRun(wb, () => wb.page.getByTestId("lw-theme-toggle").click());
  await expect(out).toHaveText("label=keyed n=0 bg=#0e1117");
  for (const label of ["unkeyed", "nodata", "vanish"]) {
    await expect.poll(async () => of(await readLog(wb), "invoke", label).length, label).toBe(2);
  }
  let log = await readLog(wb);
  expect(of(log, "invoke", "keyed")).toEqual([
    { kind: "invoke", label: "keyed", n: "0", key },
    { kind: "invoke", label: "keyed", n: "0", key },
  ]);
  expect(log.filter((e) => e.kind === "cleanup"), "no cleanup on a theme change").toEqual([]);

  await causesNoRun(wb, () => wb.page.getByTestId("lw-theme-toggle").click());
  await expect(out).toHaveText("label=keyed n=0 bg=#ffffff");
  log = await readLog(wb);
  expect(of(log, "invoke", "keyed")).toHaveLength(3);
  expect(log.filter((e) => e.kind === "evaluate")).toHaveLength(1);
});

test("localStorage, sessionStorage and document.cookie work inside a component and persist across invocations", async ({ workbench: wb }) => {
  await wb.open(APP);
  await expect(wb.component("storage")).toHaveText("visits=1 session=ok cookie=flavour=choc");
  await expect(wb.frame().getByTestId("stBidiComponentError")).toHaveCount(0);
  await causesRun(wb, () => stButton(wb, "Change data").click());
  await expect(wb.component("storage")).toHaveText("visits=2 session=ok cookie=flavour=choc");
});

test("a changed JS text is a new module; the same mount is re-invoked without cleanup", async ({ workbench: wb }) => {
  await wb.open(APP);
  await expect.poll(async () => of(await readLog(wb), "invoke", "jsver").length).toBe(1);
  const key = of(await readLog(wb), "invoke", "jsver")[0].key;
  await causesRun(wb, () => stButton(wb, "Change JS").click());
  await expect.poll(async () => of(await readLog(wb), "invoke", "jsver").length).toBe(2);
  const log = await readLog(wb);
  expect(log.filter((e) => e.kind === "evaluate-jsver").map((e) => e.label), "each distinct JS text evaluated once").toEqual(["0", "1"]);
  expect(of(log, "invoke", "jsver")).toEqual([
    { kind: "invoke", label: "jsver", n: "0", key },
    { kind: "invoke", label: "jsver", n: "1", key },
  ]);
  expect(of(log, "cleanup", "jsver"), "no early cleanup").toEqual([]);
  // Other instances' JS did not change: not re-invoked, not re-evaluated.
  expect(of(log, "invoke", "keyed")).toHaveLength(1);
  expect(log.filter((e) => e.kind === "evaluate")).toHaveLength(1);
});

// §8.4: the 1.64.0 theme keys, as --st-<kebab-case> on the theme wrapper (digits split: -1).
const THEME_KEYS = [
  "primary-color", "background-color", "secondary-background-color", "text-color", "link-color", "link-underline",
  "heading-font", "code-font", "base-radius", "button-radius", "base-font-size", "base-font-weight", "code-font-weight",
  "code-font-size", "heading-font-sizes", "heading-font-weights", "border-color", "dataframe-border-color",
  "dataframe-header-background-color", "code-background-color", "font", "chart-categorical-colors",
  "chart-sequential-colors", "chart-diverging-colors", "heading-color", "border-color-light", "code-text-color",
  "widget-border-color", "metric-value-font-size", "metric-value-font-weight",
  ...[1, 2, 3, 4, 5, 6].flatMap((i) => [`heading-font-size-${i}`, `heading-font-weight-${i}`]),
  ...["red", "orange", "yellow", "blue", "green", "violet", "gray"].flatMap((c) => [`${c}-color`, `${c}-background-color`, `${c}-text-color`]),
];

test("the theme wrapper carries every --st-* property of Streamlit 1.64.0 with its naming and value rules", async ({ workbench: wb }) => {
  await wb.open(APP);
  await expect(wb.component("keyed").locator(".out")).toHaveText("label=keyed n=0 bg=#ffffff");
  const vars = await wb.frame().locator('.stBidiComponent[data-lw-key="keyed"]').evaluate((outer) => {
    const wrapper = [...outer.querySelectorAll<HTMLElement>("*")].find((el) => el.style.cssText.includes("--st-"));
    if (!wrapper) return null;
    const out: Record<string, string> = {};
    for (let i = 0; i < wrapper.style.length; i++) {
      const name = wrapper.style.item(i);
      if (name.startsWith("--st-")) out[name] = wrapper.style.getPropertyValue(name).trim();
    }
    return out;
  });
  expect(vars, "a theme wrapper with inline --st-* properties").not.toBeNull();
  const missing = THEME_KEYS.filter((k) => !(`--st-${k}` in vars!));
  expect(missing, "theme properties missing").toEqual([]);
  expect(vars!["--st-heading-font-size1"], "digits are split: -1, not 1").toBeUndefined();
  expect(vars!["--st-background-color"]).toBe("#ffffff");
  expect(vars!["--st-link-underline"], "booleans are 1/0").toMatch(/^[01]$/);
  expect(vars!["--st-chart-categorical-colors"], "arrays are comma-joined").toContain(",");
  expect(vars!["--st-base-font-size"], "baseFontSize is a px string").toMatch(/^\d+(\.\d+)?px$/);
});
