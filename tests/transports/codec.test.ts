import { describe, expect, it } from "vitest";
import { decode, encode } from "../../common/codec";

describe("wire codec", () => {
  it("round-trips Uint8Array values nested in JSON", () => {
    const bytes = new Uint8Array([0, 1, 127, 128, 255]);
    const value = { data: { kind: "mixed", json: "{}", blobs: { a: bytes } }, list: [bytes, 1, "x", null] };
    const back = decode(encode(value)) as typeof value;
    expect(back.data.blobs.a).toBeInstanceOf(Uint8Array);
    expect([...back.data.blobs.a]).toEqual([0, 1, 127, 128, 255]);
    expect(back).toEqual(value);
  });

  it("encodes bytes as base64 text, not as an index map", () => {
    expect(encode(new Uint8Array([104, 105]))).toBe('{"$lwBytes":"aGk="}');
  });

  it("handles large and empty arrays", () => {
    const big = new Uint8Array(300_000).map((_, i) => i % 251);
    const back = decode(encode(big));
    expect(back).toBeInstanceOf(Uint8Array);
    // Compare as Buffers: a deep toEqual over 300k indices takes seconds.
    expect(Buffer.from(back as Uint8Array).equals(big)).toBe(true);
    expect(decode(encode(new Uint8Array()))).toEqual(new Uint8Array());
  });

  it("leaves plain objects that look like markers alone", () => {
    const lookalikes = [{ $lwBytes: "aGk=" }, { $lwBytes$: 1 }, { $lwBytes$$: { $lwBytes: "x" } }, { $lwBytes: "aGk=", other: 1 }];
    expect(decode(encode(lookalikes))).toEqual(lookalikes);
  });
});
