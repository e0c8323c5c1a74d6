import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppElement, DateInputElement, ExceptionElement, WidgetState } from "../../common";
import type { St } from "../../common/api";
import { RerunEngine } from "../../main/core/engine/rerun-engine";
import { jsonBodies } from "./helpers";

const ofType = <T extends AppElement["type"]>(elements: AppElement[], type: T) => elements.filter((e) => e.type === type) as Extract<AppElement, { type: T }>[];
const value = (id: string, v: unknown): WidgetState => ({ id, type: "value", value: v as never });
const run = (engine: RerunEngine, widgetStates: WidgetState[] = []) => engine.run({ widgetStates, fragmentId: null, edits: [] });

afterEach(() => {
  vi.useRealTimers();
});

describe("st.date_input", () => {
  it("defaults to today with 10 years either side, in YYYY/MM/DD", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date(2024, 1, 29, 12) });
    const { tree } = await run(new RerunEngine((st: St) => st.json(st.date_input("When")), process.cwd()));
    expect(jsonBodies(tree.main)).toEqual(["2024-02-29"]);
    expect(ofType(tree.main, "date_input")[0]).toMatchObject({ value: ["2024-02-29"], isRange: false, min: "2014-02-28", max: "2034-02-28", format: "YYYY/MM/DD", label: "When" });
  });

  it("returns the picked date, a range as a list, null for an empty input, and calls on_change", async () => {
    const calls: string[] = [];
    const engine = new RerunEngine((st: St) => {
      st.json(st.date_input("Single", { value: "2019-07-06", key: "single", on_change: () => calls.push("single") }));
      st.json(st.date_input("Range", { value: ["2019-07-06", new Date(2019, 6, 8)], min_value: "2019-01-01", format: "DD.MM.YYYY" }));
      st.json(st.date_input("Empty", { value: null }));
    }, process.cwd());
    const first = await run(engine);
    expect(jsonBodies(first.tree.main)).toEqual(["2019-07-06", ["2019-07-06", "2019-07-08"], null]);
    const [single, range, empty] = ofType(first.tree.main, "date_input") as DateInputElement[];
    expect(range).toMatchObject({ value: ["2019-07-06", "2019-07-08"], isRange: true, min: "2019-01-01", max: "2029-07-08", format: "DD.MM.YYYY" });
    expect(empty).toMatchObject({ value: [], isRange: false });

    const second = await run(engine, [value(single.id, ["2019-07-10"]), value(range.id, ["2019-07-10"]), value(empty.id, ["2025-01-02"])]);
    expect(jsonBodies(second.tree.main)).toEqual(["2019-07-10", ["2019-07-10"], "2025-01-02"]);
    expect(ofType(second.tree.main, "date_input").map((e) => e.value)).toEqual([["2019-07-10"], ["2019-07-10"], ["2025-01-02"]]);
    expect(calls).toEqual(["single"]);
  });

  it("takes its value from session state under its key", async () => {
    const engine = new RerunEngine((st: St) => {
      if (!st.session_state.has("day")) st.session_state.day = "1970-02-03";
      st.json(st.date_input("From state", { key: "day" }));
    }, process.cwd());
    const { tree } = await run(engine);
    expect(jsonBodies(tree.main)).toEqual(["1970-02-03"]);
    expect(ofType(tree.main, "date_input")[0].value).toEqual(["1970-02-03"]);
  });

  it("raises Streamlit's errors for a bad format, a value out of bounds and a bad value", async () => {
    const errors = async (app: (st: St) => void) => {
      const { tree } = await run(new RerunEngine(app, process.cwd()));
      return [ofType(tree.main, "date_input").length, ...(ofType(tree.main, "exception") as ExceptionElement[]).map((e) => e.message)];
    };
    expect(await errors((st) => void st.date_input("D", { format: "YYYY:MM:DD" }))).toEqual([
      0,
      "The provided format (`YYYY:MM:DD`) is not valid. DateInput format should be one of `YYYY/MM/DD`, `DD/MM/YYYY`, or `MM/DD/YYYY` and can also use a period (.) or hyphen (-) as separators.",
    ]);
    expect(await errors((st) => void st.date_input("D", { value: "2019-07-06", min_value: "2020-01-01" }))).toEqual([
      0,
      "The default `value` of [datetime.date(2019, 7, 6)] must lie between the `min_value` of 2020-01-01 and the `max_value` of 2029-07-06, inclusively.",
    ]);
    expect(await errors((st) => void st.date_input("D", { min_value: "2030-01-01", max_value: "2020-01-01", value: null }))).toEqual([
      0,
      "The `min_value`, set to 2030-01-01, shouldn't be larger than the `max_value`, set to 2020-01-01.",
    ]);
    expect(await errors((st) => void st.date_input("D", { value: "2024-02-30" }))).toEqual([
      0,
      "DateInput value should either be an date/datetime or a list/tuple of 0 - 2 date/datetime values",
    ]);
    expect(await errors((st) => void st.date_input("D", { format: "MM-DD.YYYY" }))).toEqual([1]);
  });
});
