import { describe, expect, it } from "vitest";
import type { HostMethod } from "../../common";
import { createDispatcher } from "../../main/transports/dispatch";
import { FakeHost } from "./fake-host";

describe("createDispatcher", () => {
  it("rejects an unknown method without calling the host", async () => {
    const host = new FakeHost();
    const wire = await createDispatcher(host)("constructor", []);
    expect(wire).toEqual({ ok: false, error: { name: "TypeError", message: 'Unknown host method "constructor"' } });
    expect(host.calls).toEqual([]);
  });

  it("rejects a non-string method name", async () => {
    const wire = await createDispatcher(new FakeHost())(42, []);
    expect(wire.ok).toBe(false);
  });

  it("rejects bad arguments with a message naming the bad path", async () => {
    const host = new FakeHost();
    const dispatch = createDispatcher(host);

    const badState = await dispatch("rerun", [{ widgetStates: [{ id: "w", type: "json_value", value: 3 }] }]);
    expect(badState).toMatchObject({ ok: false, error: { name: "TypeError" } });
    expect(!badState.ok && badState.error.message).toMatch(/^Invalid arguments for rerun: 0\.widgetStates\.0\.value: /);

    const missing = await dispatch("editSessionState", []);
    expect(!missing.ok && missing.error.message).toMatch(/^Invalid arguments for editSessionState: 0: /);

    const notArray = await dispatch("stop", "now");
    expect(!notArray.ok && notArray.error.message).toMatch(/^Invalid arguments for stop: \(root\): /);
    expect(host.calls).toEqual([]);
  });

  it("calls the host with the validated arguments and wraps the value", async () => {
    const host = new FakeHost({ editSessionState: () => ({ ok: true }) });
    const edit = { key: "my_text_input_instance", field: "value", value: "Hello" };
    expect(await createDispatcher(host)("editSessionState", [edit])).toEqual({ ok: true, value: { ok: true } });
    expect(host.calls).toEqual([{ method: "editSessionState", args: [edit] }]);
  });

  it("keeps the host method bound to the host", async () => {
    class Counting extends FakeHost {
      count = 0;
      protected override invoke(method: HostMethod, args: unknown[]) {
        if (method === "stop") this.count++;
        return super.invoke(method, args);
      }
    }
    const host = new Counting();
    expect(await createDispatcher(host)("stop", [])).toEqual({ ok: true, value: undefined });
    expect(host.count).toBe(1);
  });

  it("turns a host throw into ok:false with the error's name and message", async () => {
    const host = new FakeHost({
      hello: () => {
        throw new RangeError("no session");
      },
      stop: () => Promise.reject("plain string"),
    });
    const dispatch = createDispatcher(host);
    expect(await dispatch("hello", [])).toEqual({ ok: false, error: { name: "RangeError", message: "no session" } });
    expect(await dispatch("stop", [])).toEqual({ ok: false, error: { name: "Error", message: "plain string" } });
  });
});
