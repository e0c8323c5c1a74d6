import { expect, test, type Workbench } from "../kit";
import { causesNoRun, causesRun, expectLines, fidelityApp, forEachHost, type Host, instance, sharedWorkbench, stButton } from "./helpers";

// Frontend lifecycle end to end (§4 identity, §6 not-rendered cleanup, §8.2 module evaluation,
// §8.3 re-invocation and cleanup, §8.4 theme; issue 3 items 1, 2, 6, 7). The app's component
// logs "evaluate N", "invoke <label> <n> <key>" and "cleanup <label> <n> <key>" into the page.

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

/** The mount (stBidiComponent* host) of the "lifecycle" instance whose output names `label`: the unkeyed one has no key to find it by. */
const mountOf = (wb: Workbench, label: string) =>
  wb.frame().locator('.stBidiComponent [data-testid^="stBidiComponent"]').filter({ hasText: `label=${label} ` });

/**
 * Switch the app's theme as a person would: the workbench's toggle for the emulator's preview;
 * on Streamlit's own page, its main menu's theme choice (the workbench toggle does not reach it).
 */
async function switchTheme(wb: Workbench, host: Host, to: "Light" | "Dark"): Promise<void> {
  if (host === "emulator") return wb.page.getByTestId("lw-theme-toggle").click();
  await wb.frame().getByTestId("stMainMenuButton").click();
  await wb.frame().getByRole("menuitemradio", { name: new RegExp(`${to}$`) }).click();
  await wb.page.keyboard.press("Escape");
}

/** Streamlit's XSRF cookie, which its server sets on the app's page (the emulator's preview has one of the same shape). */
const XSRF = "_streamlit_xsrf=2\\|[0-9a-f]{8}\\|[0-9a-f]{32}\\|\\d+";

forEachHost((host) => {
  test("identity: unkeyed change remounts (cleanup + new key + state reset); keyed change re-invokes in place; same JSON never re-invokes", async ({ workbench: wb }) => {
    await wb.open(fidelityApp("lifecycle", host));
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

    for (const label of ["unkeyed", "keyed", "vanish"]) {
      await causesRun(wb, () => mountOf(wb, label).getByRole("button", { name: "Set v" }).click());
    }
    await expectLines(wb, ["unkeyed result: {'v': 'browser'}", "keyed result: {'v': 'browser'}", "vanish result: {'v': 'browser'}"]);

    // A rerun with identical JSON data (and with no data) calls no default export (§8.3).
    const invokesBefore = (await readLog(wb)).filter((e) => e.kind === "invoke").length;
    await causesRun(wb, () => stButton(wb, "Unrelated rerun").click());
    await wb.page.waitForTimeout(300);
    expect((await readLog(wb)).filter((e) => e.kind === "invoke").length, "no re-invocation on identical data").toBe(invokesBefore);

    // Change data: unkeyed → a new element (new id, new mount); keyed → the same one. The element id
    // is on the emulator's page only (data-lw-id); on both, the frontend key in the log tells the mounts apart.
    const unkeyedHost = wb.frame().locator('.stBidiComponent[data-lw-key=""]');
    const keyedHost = instance(wb, "keyed");
    const unkeyedId0 = host === "emulator" ? await unkeyedHost.getAttribute("data-lw-id") : null;
    const keyedId0 = host === "emulator" ? await keyedHost.getAttribute("data-lw-id") : null;
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
    if (host === "emulator") expect(await unkeyedHost.getAttribute("data-lw-id"), "unkeyed: data is part of the identity").not.toBe(unkeyedId0);

    expect(of(log, "invoke", "keyed")[1]).toEqual({ kind: "invoke", label: "keyed", n: "1", key: keyed0 });
    expect(of(log, "cleanup", "keyed"), "keyed: re-invoked without cleanup").toHaveLength(0);
    if (host === "emulator") expect(await keyedHost.getAttribute("data-lw-id"), "keyed: the id ignores data").toBe(keyedId0);
    expect(of(log, "invoke", "nodata")).toHaveLength(1);
    expect(of(log, "invoke", "vanish")).toHaveLength(1);
    expect(log.filter((e) => e.kind === "evaluate")).toHaveLength(1);
    await expectLines(wb, ["unkeyed result: {'v': None}", "keyed result: {'v': 'browser'}", "vanish result: {'v': 'browser'}"]);
    await expect(wb.component("keyed").locator(".out")).toHaveText("label=keyed n=1 bg=#ffffff");

    // Not rendered in a run: unmounted (cleanup), its state removed at the end of that run.
    await causesRun(wb, () => stButton(wb, "Toggle vanish").click());
    await expect(instance(wb, "vanish")).toHaveCount(0);
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
    await wb.open(fidelityApp("lifecycle", host));
    const out = wb.component("keyed").locator(".out");
    await expect(out).toHaveText("label=keyed n=0 bg=#ffffff");
    await expect.poll(async () => of(await readLog(wb), "invoke", "keyed").length).toBe(1);
    const key = of(await readLog(wb), "invoke", "keyed")[0].key;

    // The theme is the frontend's business: no script run.
    await causesNoRun(wb, () => switchTheme(wb, host, "Dark"));
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

    await causesNoRun(wb, () => switchTheme(wb, host, "Light"));
    await expect(out).toHaveText("label=keyed n=0 bg=#ffffff");
    log = await readLog(wb);
    expect(of(log, "invoke", "keyed")).toHaveLength(3);
    expect(log.filter((e) => e.kind === "evaluate")).toHaveLength(1);
  });

  test.describe("one app", () => {
    // These read the page or change only what the next one does not count, so they share an app.
    const workbench = sharedWorkbench(fidelityApp("lifecycle", host));

    // §8.4: the 1.64.0 theme keys, as --st-<kebab-case> properties a component reads (digits split: -1).
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

    test("a component's host inherits every --st-* property of Streamlit 1.64.0 with its naming and value rules", async () => {
      const wb = workbench();
      await expect(wb.component("keyed").locator(".out")).toHaveText("label=keyed n=0 bg=#ffffff");
      // Streamlit sets them through a class on a wrapper, the emulator inline: read them as the component does.
      const vars = await wb.component("keyed").evaluate((el, names) => {
        const style = getComputedStyle(el);
        return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name).trim()]));
      }, [...THEME_KEYS.map((k) => `--st-${k}`), "--st-heading-font-size1"]);
      const missing = THEME_KEYS.filter((k) => vars[`--st-${k}`] === "");
      expect(missing, "theme properties missing").toEqual([]);
      expect(vars["--st-heading-font-size1"], "digits are split: -1, not 1").toBe("");
      expect(vars["--st-background-color"]).toBe("#ffffff");
      expect(vars["--st-link-underline"], "booleans are 1/0").toMatch(/^[01]$/);
      expect(vars["--st-chart-categorical-colors"], "arrays are comma-joined").toContain(",");
      expect(vars["--st-base-font-size"], "baseFontSize is a px string").toMatch(/^\d+(\.\d+)?px$/);
    });

    test("localStorage, sessionStorage and document.cookie work inside a component and persist across invocations", async () => {
      const wb = workbench();
      await expect(wb.component("storage")).toHaveText(new RegExp(`^visits=1 session=ok cookie=${XSRF}; flavour=choc$`));
      await expect(wb.frame().locator(".stBidiComponent").getByTestId("stAlertContentError")).toHaveCount(0);
      await causesRun(wb, () => stButton(wb, "Change data").click());
      await expect(wb.component("storage")).toHaveText(new RegExp(`^visits=2 session=ok cookie=${XSRF}; flavour=choc$`));
    });

    test("a changed JS text is a new module; the same mount is re-invoked without cleanup", async () => {
      const wb = workbench();
      await expect.poll(async () => of(await readLog(wb), "invoke", "jsver").length).toBe(1);
      const key = of(await readLog(wb), "invoke", "jsver")[0].key;
      const keyedInvokes = of(await readLog(wb), "invoke", "keyed").length;
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
      expect(of(log, "invoke", "keyed")).toHaveLength(keyedInvokes);
      expect(log.filter((e) => e.kind === "evaluate")).toHaveLength(1);
    });
  });
});
