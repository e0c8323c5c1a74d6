import { describe, expect, it } from "vitest";
import type { AppElement, ExceptionElement, MultiselectElement, WidgetState } from "../../common";
import type { St } from "../../common/api";
import { RerunEngine } from "../../main/core/engine/rerun-engine";
import { jsonBodies } from "./helpers";

const ofType = <T extends AppElement["type"]>(elements: AppElement[], type: T) => elements.filter((e) => e.type === type) as Extract<AppElement, { type: T }>[];
const value = (id: string, v: unknown): WidgetState => ({ id, type: "value", value: v as never });
const run = (engine: RerunEngine, widgetStates: WidgetState[] = []) => engine.run({ widgetStates, fragmentId: null, edits: [] });

describe("st.multiselect (issue 9 item 6)", () => {
  it("returns the default options, then the user's selection in selection order, with on_change and session state", async () => {
    const calls: string[] = [];
    const engine = new RerunEngine((st: St) => {
      st.json(st.multiselect("Colors", ["Green", "Yellow", "Red", "Blue"], { default: ["Yellow", "Red"], key: "colors", on_change: () => calls.push("colors") }));
      st.json(st.multiselect("Numbers", [1, 2, 3], { format_func: (n) => `#${n}`, default: 2 }));
    }, process.cwd());
    const first = await run(engine);
    expect(jsonBodies(first.tree.main)).toEqual([["Yellow", "Red"], [2]]);
    const [colors, numbers] = ofType(first.tree.main, "multiselect") as MultiselectElement[];
    expect(colors).toMatchObject({ options: ["Green", "Yellow", "Red", "Blue"], indexes: [1, 2], placeholder: "Choose options", maxSelections: null });
    expect(numbers).toMatchObject({ options: ["#1", "#2", "#3"], indexes: [1] });

    const second = await run(engine, [value(colors.id, [3, 0]), value(numbers.id, [])]);
    expect(jsonBodies(second.tree.main)).toEqual([["Blue", "Green"], []]);
    expect(ofType(second.tree.main, "multiselect")[0].indexes).toEqual([3, 0]);
    expect(calls).toEqual(["colors"]);
  });

  it("raises Streamlit's errors for a default outside the options and for more than max_selections", async () => {
    const errors = async (app: (st: St) => void) => {
      const { tree } = await run(new RerunEngine(app, process.cwd()));
      return (ofType(tree.main, "exception") as ExceptionElement[]).map((e) => e.message);
    };
    expect(await errors((st) => void st.multiselect("M", ["a", "b"], { default: ["c"] }))).toEqual([
      "The default value 'c' is not part of the options. Please make sure that every default values also exists in the options.",
    ]);
    expect(await errors((st) => void st.multiselect("M", ["a", "b", "c"], { default: ["a", "b"], max_selections: 1 }))).toEqual([
      "Multiselect has 2 options selected but `max_selections` is set to 1. This happened because you either gave too many options to `default` or you manipulated the widget's state through `st.session_state`. Note that the latter can happen before the line indicating the error in the traceback. Please select at most 1 options.",
    ]);
  });
});
