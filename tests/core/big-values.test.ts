import { describe, expect, it } from "vitest";
import type { SessionStateEntry } from "../../common";
import { EDIT_VALUE_CAP, PRESENTED_VALUE_CAP, SUMMARY_PREFIX_CHARS, formatSize, summaryLabel } from "../../common/session";
import type { St } from "../../common/api";
import { validateEdit } from "../../main/core/edits";
import { diffSessionState } from "../../main/core/debugger/state-diff";
import { asJson, fullValuePath, prettyPrefix } from "../../main/core/engine/snapshot";
import { readSessionValue } from "../../main/core/session-value";
import { engineFor } from "./helpers";

/** An object whose JSON is a little over `size` characters: `count` keys of equal rows. */
function bigObject(count: number): Record<string, { name: string; tags: string[] }> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, { name: `row ${i}`, tags: ["a", "b"] }]));
}

describe("presented values: whole under the cap, summarised over it", () => {
  it("sends a value whose JSON fits the cap as itself", () => {
    expect(asJson({ a: [1, "x", null, true] })).toEqual({ value: { a: [1, "x", null, true] }, display: '{"a":[1,"x",null,true]}', editable: true });
  });

  it("summarises a bigger one with its size, type, key count and a bounded pretty prefix, keeping the whole JSON aside", () => {
    const value = bigObject(5_000);
    const text = JSON.stringify(value);
    expect(text.length).toBeGreaterThan(PRESENTED_VALUE_CAP);
    const presented = asJson(value);
    expect(presented.value).toBeNull();
    expect(presented.editable).toBe(true);
    expect(presented.json).toBe(text);
    expect(presented.summary).toMatchObject({ size: text.length, type: "object", count: 5_000 });
    expect(presented.summary!.prefix).toBe(`${JSON.stringify(value, null, 2).slice(0, SUMMARY_PREFIX_CHARS)}…`);
    expect(presented.display).toBe(`${formatSize(text.length)} object · 5,000 keys`);
  });

  it("labels sizes as an author reads them", () => {
    expect(summaryLabel({ size: 2_312_000, type: "object", count: 41_203 })).toBe("2.3 MB object · 41,203 keys");
    expect(summaryLabel({ size: 24_600_000, type: "array", count: 1 })).toBe("24.6 MB array · 1 item");
    expect(summaryLabel({ size: 150_000, type: "string", count: 150_000 })).toBe("150 KB string · 150,000 characters");
  });

  it("cuts the pretty prefix exactly where JSON.stringify(value, null, 2) would be cut, also inside a long string", () => {
    const nested = { list: [1, { deep: "x".repeat(50) }, []], empty: {}, n: null };
    expect(prettyPrefix(nested, 10_000)).toBe(JSON.stringify(nested, null, 2));
    expect(prettyPrefix(nested, 30)).toBe(`${JSON.stringify(nested, null, 2).slice(0, 30)}…`);
    expect(prettyPrefix("y".repeat(5_000), 100)).toBe(`"${"y".repeat(99)}…`);
  });

  it("keeps values JSON cannot hold read-only, big ones included", () => {
    const cyclic: Record<string, unknown> = { name: "x" };
    cyclic.self = cyclic;
    expect(asJson(cyclic)).toMatchObject({ value: null, editable: false });
    expect(asJson({ when: new Date(0) })).toMatchObject({ value: null, editable: false });
    expect(asJson([1, , 3])).toMatchObject({ value: null, editable: false }); // a hole JSON turns into null
    const bigOpaque = asJson({ rows: bigObject(5_000), missing: undefined });
    expect(bigOpaque).toMatchObject({ value: null, editable: false });
    expect(bigOpaque.summary).toBeUndefined();
    expect(bigOpaque.display).toHaveLength(SUMMARY_PREFIX_CHARS + 1);
    expect(asJson({ n: NaN }).editable).toBe(false);
  });

  it("summarises a component's big state value, and st.session_state still reads it whole", async () => {
    let seen = 0;
    const { browser } = engineFor((st: St) => {
      const big = st.components.v2.component("big", { js: "export default function () {}" });
      big({ key: "c", default: { rows: bigObject(5_000) }, on_rows_change: () => {} });
      seen = Object.keys(st.session_state.c.rows).length;
    });
    const outcome = await browser.flush();
    const entry = outcome.entries.find((e) => e.key === "c") as Extract<SessionStateEntry, { kind: "component" }>;
    expect(seen).toBe(5_000);
    expect(entry.state.rows).toBeNull();
    expect(entry.value.rows).toBeNull();
    expect(entry.stateSummaries?.rows).toMatchObject({ type: "object", count: 5_000 });
    expect(outcome.fullValues[fullValuePath("c", "rows", "state")]).toBe(JSON.stringify(bigObject(5_000)));
    expect(readSessionValue(outcome.entries, outcome.fullValues, { key: "c", field: "rows" })).toEqual({ ok: true, json: JSON.stringify(bigObject(5_000)) });
  });
});

describe("sessionValue: the whole value, or what exists", () => {
  const entries: SessionStateEntry[] = [
    { key: "small", kind: "value", value: { a: 1 }, display: '{"a":1}', editable: true },
    { key: "big", kind: "value", value: null, display: "…", editable: true, summary: { size: 9, type: "array", count: 2, prefix: "[", digest: "d" } },
    { key: "c", kind: "component", component: "x", state: { v: 1 }, triggers: { clicked: 2 }, callbackNames: ["clicked"], value: { clicked: 2, v: 1 }, editable: true },
  ];
  const full = { [fullValuePath("big")]: '["a","b"]' };

  it("answers from the kept JSON, or the entry's own value", () => {
    expect(readSessionValue(entries, full, { key: "big" })).toEqual({ ok: true, json: '["a","b"]' });
    expect(readSessionValue(entries, full, { key: "small" })).toEqual({ ok: true, json: '{"a":1}' });
    expect(readSessionValue(entries, full, { key: "c" })).toEqual({ ok: true, json: '{"clicked":2,"v":1}' });
    expect(readSessionValue(entries, full, { key: "c", field: "clicked", kind: "trigger" })).toEqual({ ok: true, json: "2" });
  });

  it("names the keys or fields that exist when one does not", () => {
    expect(readSessionValue(entries, full, { key: "nope" })).toEqual({ ok: false, error: 'There is no key "nope" in session state. Keys: "small", "big", "c".' });
    expect(readSessionValue(entries, full, { key: "c", field: "w" })).toEqual({ ok: false, error: '"c" has no state value "w". State names: "v".' });
  });
});

describe("edit size cap", () => {
  const entries: SessionStateEntry[] = [{ key: "n", kind: "value", value: 1, display: "1", editable: true }];

  it("refuses an edit over the cap with the limit, before anything else", () => {
    const value = "x".repeat(EDIT_VALUE_CAP);
    expect(validateEdit(entries, { key: "n", value })).toBe(
      `This value is ${formatSize(EDIT_VALUE_CAP + 2)} of JSON; the Session State panel accepts edits up to 1.0 MB. Write bigger values from the app script.`,
    );
    expect(validateEdit(entries, { key: "n", value: "x".repeat(EDIT_VALUE_CAP - 2) })).toBeNull();
  });
});

describe("state diffs of summarised values", () => {
  const summarised = (digest: string): SessionStateEntry => ({ key: "big", kind: "value", value: null, display: "", editable: true, summary: { size: 2_300_000, type: "object", count: 41_203, prefix: "{", digest } });

  it("tell a change by digest and show the summary, not the value", () => {
    expect(diffSessionState([summarised("a")], [summarised("a")])).toBeNull();
    expect(diffSessionState([summarised("a")], [summarised("b")])).toEqual({
      kind: "state-diff",
      added: [],
      removed: [],
      changed: [{ key: "big", before: { preview: "2.3 MB object · 41,203 keys", size: 2_300_000 }, after: { preview: "2.3 MB object · 41,203 keys", size: 2_300_000 } }],
    });
  });
});
