import { tableFromArrays, tableToIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { dataIdentity, decodeComponentData } from "../../renderer/preview/component/data";

describe("component data decoding", () => {
  it("decodes null, JSON, bytes and raw Arrow bytes the way Streamlit hands them over", async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await decodeComponentData({ kind: "null" })).toBeNull();
    expect(await decodeComponentData({ kind: "json", json: '{"a":[1,"x"]}' })).toEqual({ a: [1, "x"] });
    expect(await decodeComponentData({ kind: "bytes", bytes })).toBe(bytes);
    expect(await decodeComponentData({ kind: "arrow", bytes })).toBe(bytes);
  });

  it("replaces top-level Arrow placeholders in mixed data with Tables, and unknown refs with null", async () => {
    const ipc = tableToIPC(tableFromArrays({ n: Int32Array.from([1, 2, 3]) }));
    const decoded = (await decodeComponentData({
      kind: "mixed",
      json: JSON.stringify({
        df: { __streamlit_arrow_ref__: "h1" },
        missing: { __streamlit_arrow_ref__: "nope" },
        nested: { deeper: { __streamlit_arrow_ref__: "h1" } },
        label: "x",
      }),
      blobs: { h1: ipc },
    })) as Record<string, any>;
    expect(decoded.df.schema.fields.map((f: { name: string }) => f.name)).toEqual(["n"]);
    expect(Array.from(decoded.df.getChild("n").toArray())).toEqual([1, 2, 3]);
    expect(decoded.missing).toBeNull();
    expect(decoded.nested).toEqual({ deeper: { __streamlit_arrow_ref__: "h1" } });
    expect(decoded.label).toBe("x");
  });

  it("throws on JSON that JSON.parse rejects (the component then shows its error)", async () => {
    await expect(decodeComponentData({ kind: "json", json: "NaN" })).rejects.toThrow(SyntaxError);
  });

  it("identifies JSON data by its text and treats binary data as always new", () => {
    expect(dataIdentity({ kind: "json", json: '{"a":1}' })).toBe('{"a":1}');
    expect(dataIdentity({ kind: "null" })).toBe("null");
    expect(dataIdentity({ kind: "bytes", bytes: new Uint8Array() })).toBeNull();
    expect(dataIdentity({ kind: "mixed", json: "{}", blobs: {} })).toBeNull();
  });
});
