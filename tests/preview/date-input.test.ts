// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import type { DateInputElement, WidgetState } from "../../common";
import { mountPreview, nextMacrotask } from "./harness";

let preview: ReturnType<typeof mountPreview> | null = null;
afterEach(() => {
  preview?.destroy();
  preview = null;
});

const one = <T extends Element = HTMLElement>(selector: string) => preview!.root.querySelector(selector) as T;
const all = (selector: string) => [...preview!.root.querySelectorAll(selector)] as HTMLElement[];

const dateInput = (value: string[], overrides: Partial<DateInputElement> = {}): DateInputElement => ({
  type: "date_input",
  id: "$$ID-date",
  label: "Single date",
  disabled: false,
  labelVisibility: "visible",
  value,
  isRange: false,
  min: "2014-01-31",
  max: "2034-01-31",
  format: "YYYY/MM/DD",
  ...overrides,
});

async function nextRerun(): Promise<WidgetState[]> {
  const count = preview!.ofType("rerun").length;
  await preview!.until(() => preview!.ofType("rerun").length > count);
  return preview!.ofType("rerun").at(-1)!.widgetStates!;
}

const field = () => one<HTMLInputElement>('[data-testid="stDateInput"] [data-baseweb="input"] input');
const day = (label: string) => one(`[data-baseweb="calendar"] [role="gridcell"][aria-label="${label}"]`);
async function openCalendar() {
  field().dispatchEvent(new Event("click"));
  await preview!.until(() => one('[data-baseweb="calendar"]') !== null);
}

describe("date_input", () => {
  it("shows the date in its format, opens a month calendar on click and sends the picked day", async () => {
    preview = mountPreview();
    await preview.render([dateInput(["2024-01-31"], { format: "DD.MM.YYYY" })]);
    expect(field().value).toBe("31.01.2024");
    expect(one('[data-baseweb="calendar"]')).toBeNull();

    await openCalendar();
    expect(one('[data-baseweb="calendar"]').textContent).toContain("January 2024");
    expect(all('[data-baseweb="calendar"] [role="gridcell"]')).toHaveLength(31);
    expect(day("Selected Wednesday, January 31st 2024. It's available.")).not.toBeNull();
    expect(day("Choose Tuesday, January 30th 2024. It's available.")).not.toBeNull();
    expect(day("Choose Monday, January 22nd 2024. It's available.")).not.toBeNull();

    day("Choose Monday, January 1st 2024. It's available.").dispatchEvent(new Event("click"));
    expect(await nextRerun()).toEqual([{ id: "$$ID-date", type: "value", value: ["2024-01-01"] }]);
    expect(field().value).toBe("01.01.2024");
    await nextMacrotask();
    expect(one('[data-baseweb="calendar"]')).toBeNull();
  });

  it("marks days outside min/max unavailable and turns months within them only", async () => {
    preview = mountPreview();
    await preview.render([dateInput(["2024-01-31"], { min: "2024-01-10", max: "2024-02-05" })]);
    await openCalendar();
    const unavailable = day("Choose Tuesday, January 9th 2024. It's not available.");
    unavailable.dispatchEvent(new Event("click"));
    await nextMacrotask();
    expect(preview.ofType("rerun")).toEqual([]);
    expect(one<HTMLButtonElement>('[aria-label="Previous month."]').disabled).toBe(true);
    one('[aria-label="Next month."]').dispatchEvent(new Event("click"));
    await nextMacrotask();
    expect(one('[data-baseweb="calendar"]').textContent).toContain("February 2024");
    expect(day("Choose Tuesday, February 6th 2024. It's not available.")).not.toBeNull();
    expect(one<HTMLButtonElement>('[aria-label="Next month."]').disabled).toBe(true);
  });

  it("commits a range's start, then the ordered [start, end]", async () => {
    preview = mountPreview();
    await preview.render([dateInput(["2019-07-06", "2019-07-08"], { isRange: true, label: "Range, two dates", min: "2009-07-06", max: "2029-07-08" })]);
    expect(field().value).toBe("2019/07/06 – 2019/07/08");
    await openCalendar();
    day("Choose Wednesday, July 10th 2019. It's available.").dispatchEvent(new Event("click"));
    expect(await nextRerun()).toEqual([{ id: "$$ID-date", type: "value", value: ["2019-07-10"] }]);
    day("Choose Friday, July 5th 2019. It's available.").dispatchEvent(new Event("click"));
    expect(await nextRerun()).toEqual([{ id: "$$ID-date", type: "value", value: ["2019-07-05", "2019-07-10"] }]);
    expect(field().value).toBe("2019/07/05 – 2019/07/10");
  });

  it("commits a date typed in its format on Enter and puts back one that is not a date in range", async () => {
    preview = mountPreview();
    await preview.render([dateInput(["1970-01-01"], { format: "MM-DD-YYYY", min: "1960-01-01", max: "1980-01-01" })]);
    const type = (value: string, key: "Enter" | "blur") => {
      field().value = value;
      field().dispatchEvent(new Event("input"));
      field().dispatchEvent(key === "blur" ? new Event("blur") : new KeyboardEvent("keydown", { key }));
    };
    type("03-15-1975", "Enter");
    expect(await nextRerun()).toEqual([{ id: "$$ID-date", type: "value", value: ["1975-03-15"] }]);
    expect(field().value).toBe("03-15-1975");

    type("01-01-1959", "blur");
    await nextMacrotask();
    type("1975/03/16", "blur");
    await nextMacrotask();
    type("02-30-1975", "Enter");
    await nextMacrotask();
    expect(preview.ofType("rerun")).toHaveLength(1);
    expect(field().value).toBe("03-15-1975");
  });

  it("does not open when disabled", async () => {
    preview = mountPreview();
    await preview.render([dateInput(["2024-01-31"], { disabled: true })]);
    expect(field().disabled).toBe(true);
    field().dispatchEvent(new Event("click"));
    await nextMacrotask();
    expect(one('[data-baseweb="calendar"]')).toBeNull();
  });
});
