import { expect, test, type Workbench } from "../kit";
import { causesRun, exception, expectLines, expectNoException, fidelityApp, forEachHost, sharedWorkbench, stButton } from "./helpers";

// docs/semantics.md §11.4a–f with the rules they come from (§5 result, §6 session state writes and the
// stale frontend map, §7.2 per-rerun order). App: e2e/apps/fidelity/state-rules.{ts,py}; maps are
// printed as Python reprs with sorted keys.

const componentButton = (wb: Workbench, key: string, label: string) => wb.component(key).getByRole("button", { name: label, exact: true });
const clickComponent = (wb: Workbench, key: string, label: string) => causesRun(wb, () => componentButton(wb, key, label).click());
const clickSt = (wb: Workbench, label: string) => causesRun(wb, () => stButton(wb, label).click());

forEachHost((host) => {
  // One app for the whole file: every scenario starts from what the one before left. §11.4f goes
  // first (its writes raise before they apply, so everything stays fresh); each later scenario
  // drives only its own instance.
  const workbench = sharedWorkbench(fidelityApp("state-rules", host));

  test("§11.4f writes after the mount raise Streamlit's errors; the app recovers, with the state of what the cut-short run did not reach", async () => {
    const wb = workbench();
    const message = exception(wb).getByTestId("stExceptionMessage");
    await clickComponent(wb, "tail", "Set tail");
    await expectLines(wb, ["tail result: {'s': 1}"]);

    await clickSt(wb, "After mount: nested.s = 11");
    await expect(exception(wb)).toHaveCount(1);
    await expect(message).toContainText(
      "streamlit.errors.StreamlitAPIException: st.session_state.nested.s cannot be modified after the component with key nested is instantiated.",
    );
    await expect(wb.frame().getByText("end of script")).toHaveCount(0);
    // premature_stop (§6, docs/fidelity.md row 13): no stale-widget cleanup after a run cut short.
    expect((await wb.sessionState()).tail, "the state of the instance the run did not reach").toEqual({ s: 1 });

    await clickSt(wb, "Unrelated rerun");
    await expectNoException(wb);
    await expectLines(wb, ["nested result: {'s': None}", "nested session: {}", "nested s calls: 0", "end of script"]);

    await clickSt(wb, "After mount: whole = {}");
    await expect(exception(wb)).toHaveCount(1);
    await expect(message).toContainText(
      "streamlit.errors.StreamlitWidgetAlreadyInstantiatedError: st.session_state.whole cannot be modified after the widget with key whole is instantiated.",
    );

    await clickSt(wb, "Unrelated rerun");
    await expectNoException(wb);
    await expectLines(wb, ["end of script"]);
  });
  test("§11.4a the same trigger twice in one batch: callback ×2, value = the last payload, for that run only", async () => {
    const wb = workbench();
    await expectLines(wb, ["dup result: {'t': None}", "dup session: {}", "dup t calls: 0"]);

    await clickComponent(wb, "dup", "Fire t twice");
    await expectLines(wb, ["dup result: {'t': 2}", "dup session: {'t': 2}", "dup t calls: 2"]);
    expect((await wb.sessionState()).dup).toEqual({ t: 2 });

    await clickSt(wb, "Unrelated rerun");
    await expectLines(wb, ["dup result: {'t': None}", "dup session: {}", "dup t calls: 2"]);
  });
  test("§11.4b a trigger without a callback is in result and session state on its run only; a state key without one persists", async () => {
    const wb = workbench();
    await expectLines(wb, ["nocb result: {}", "nocb session: {}"]);

    await clickComponent(wb, "nocb", "Fire zz");
    await expectLines(wb, ["nocb result: {'zz': 'fired'}", "nocb session: {'zz': 'fired'}"]);

    await clickSt(wb, "Unrelated rerun");
    await expectLines(wb, ["nocb result: {}", "nocb session: {}"]);

    await clickComponent(wb, "nocb", "Set q");
    await expectLines(wb, ["nocb result: {'q': 'kept'}", "nocb session: {'q': 'kept'}"]);

    await clickSt(wb, "Unrelated rerun");
    await expectLines(wb, ["nocb result: {'q': 'kept'}", "nocb session: {'q': 'kept'}"]);
    expect((await wb.sessionState()).nocb).toEqual({ q: "kept" });
  });
  test("§11.4c a browser map lacking a defaulted key reads back the default and fires its callback", async () => {
    const wb = workbench();
    await expectLines(wb, [
      "dflt result: {'other': None, 's': 5}",
      "dflt session: {'s': 5}",
      "dflt s calls: 0",
      "dflt other calls: 0",
      "dflt s seen: None",
    ]);

    // The browser has never set anything for dflt, so it sends no map: a Python write survives (§6).
    await clickSt(wb, "Python: dflt.s = 9");
    await expectLines(wb, ["dflt result: {'other': None, 's': 9}", "dflt session: {'s': 9}", "dflt s calls: 0"]);
    await clickSt(wb, "Unrelated rerun");
    await expectLines(wb, ["dflt result: {'other': None, 's': 9}", "dflt session: {'s': 9}", "dflt s calls: 0"]);

    // The browser sends {other: 1}: it lacks s, so s reads back its default 5 (9 → 5 fires on_s_change,
    // and the callback already sees the new value, §7.2).
    await clickComponent(wb, "dflt", "Set other");
    await expectLines(wb, [
      "dflt result: {'other': 1, 's': 5}",
      "dflt session: {'other': 1, 's': 5}",
      "dflt s calls: 1",
      "dflt other calls: 1",
      "dflt s seen: 5",
    ]);

    // Again with a browser map that exists: the Python write lasts one run, the next message reverts it.
    await clickSt(wb, "Python: dflt.s = 9");
    await expectLines(wb, ["dflt result: {'other': 1, 's': 9}", "dflt s calls: 1"]);
    await clickSt(wb, "Unrelated rerun");
    await expectLines(wb, [
      "dflt result: {'other': 1, 's': 5}",
      "dflt session: {'other': 1, 's': 5}",
      "dflt s calls: 2",
      "dflt other calls: 1",
      "dflt s seen: 5",
    ]);
  });
  test("§11.4d nested writes before the mount: no callback, non-callback names ignored, reverted by the browser's stale map", async () => {
    const wb = workbench();
    await expectLines(wb, ["nested result: {'s': None}", "nested session: {}", "nested s calls: 0", "nested missing: None"]);

    await clickSt(wb, "Python: nested.s = 10");
    await expectLines(wb, ["nested result: {'s': 10}", "nested session: {'s': 10}", "nested s calls: 0"]);
    // The browser never set s: nothing reverts it.
    await clickSt(wb, "Unrelated rerun");
    await expectLines(wb, ["nested result: {'s': 10}", "nested session: {'s': 10}", "nested s calls: 0"]);

    // `junk` is not a callback name and the instance has callbacks: silently ignored.
    await clickSt(wb, "Python: nested.junk = 1");
    await expectLines(wb, ["nested result: {'s': 10}", "nested session: {'s': 10}", "nested s calls: 0", "nested missing: None"]);
    await expectNoException(wb);

    await clickComponent(wb, "nested", "Browser sets s");
    await expectLines(wb, ["nested result: {'s': 1}", "nested session: {'s': 1}", "nested s calls: 1", "nested s seen: 1"]);

    // Python writes s; the browser still holds {s: 1} and resends it with the next rerun (§6 gotcha).
    await clickSt(wb, "Python: nested.s = 10");
    await expectLines(wb, ["nested result: {'s': 10}", "nested session: {'s': 10}", "nested s calls: 1"]);
    await clickSt(wb, "Unrelated rerun");
    await expectLines(wb, ["nested result: {'s': 1}", "nested session: {'s': 1}", "nested s calls: 2", "nested s seen: 1"]);
    expect((await wb.sessionState()).nested).toEqual({ s: 1 });
  });
  test("§11.4e a whole-map assignment before the mount replaces the map (no key filtering, no callback)", async () => {
    const wb = workbench();
    await expectLines(wb, ["whole result: {'a': None}", "whole session: {}", "whole a calls: 0"]);

    await clickComponent(wb, "whole", "Browser sets a and z");
    await expectLines(wb, ["whole result: {'a': 1, 'z': 'old'}", "whole session: {'a': 1, 'z': 'old'}", "whole a calls: 1"]);

    await clickSt(wb, "Python: whole = {a: 7, b: 8}");
    await expectLines(wb, ["whole result: {'a': 7, 'b': 8}", "whole session: {'a': 7, 'b': 8}", "whole a calls: 1"]);

    // The browser's map {a: 1, z: 'old'} comes back with the next rerun: a 7 → 1 fires on_a_change.
    await clickSt(wb, "Unrelated rerun");
    await expectLines(wb, ["whole result: {'a': 1, 'z': 'old'}", "whole session: {'a': 1, 'z': 'old'}", "whole a calls: 2"]);
  });
});
