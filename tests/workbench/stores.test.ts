// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import type { SessionStateSnapshot } from "../../common";
import { HostError } from "../../renderer/workbench/bridge/host-client";
import { LOG_LIMIT, useLogStore } from "../../renderer/workbench/stores/log";
import { useSessionStateStore } from "../../renderer/workbench/stores/sessionState";
import { fakeHost, workbenchApp } from "./fakes";

const seedState: SessionStateSnapshot = {
  runId: 3,
  entries: [
    {
      key: "my_text_input_instance",
      kind: "component",
      component: "my_text_input",
      state: { value: "Hello" },
      triggers: {},
      callbackNames: ["value"],
      value: { value: "Hello" },
      editable: true,
    },
  ],
};

describe("sessionState store", () => {
  it("mirrors each snapshot the host sends, replacing the previous one", () => {
    const { host } = fakeHost();
    workbenchApp(host);
    const session = useSessionStateStore();
    expect(session.snapshot).toEqual({ runId: 0, entries: [] });

    session.apply(seedState);
    expect(session.snapshot.entries.map((e) => e.key)).toEqual(["my_text_input_instance"]);

    session.apply({ runId: 4, entries: [] });
    expect(session.snapshot).toEqual({ runId: 4, entries: [] });
  });

  it("sends edits to the host and returns its verdict without touching the mirror", async () => {
    const { host } = fakeHost();
    host.editSessionState.mockResolvedValueOnce({ ok: false, error: "Key is read-only" });
    workbenchApp(host);
    const session = useSessionStateStore();
    session.apply(seedState);

    const result = await session.edit({ key: "my_text_input_instance", field: "value", value: "Bye" });

    expect(host.editSessionState).toHaveBeenCalledWith({ key: "my_text_input_instance", field: "value", value: "Bye" });
    expect(result).toEqual({ ok: false, error: "Key is read-only" });
    expect(session.snapshot).toEqual(seedState);
  });

  it("reports a thrown host error as a failed edit", async () => {
    const { host } = fakeHost();
    host.editSessionState.mockRejectedValueOnce(new HostError("Error", "Lost the connection"));
    workbenchApp(host);

    const result = await useSessionStateStore().edit({ key: "k", value: 1 });
    expect(result).toEqual({ ok: false, error: "Lost the connection" });
  });
});

describe("log store", () => {
  it("keeps only the newest entries", () => {
    const { host } = fakeHost();
    workbenchApp(host);
    const log = useLogStore();
    for (let i = 0; i < LOG_LIMIT + 5; i++) log.report("info", `entry ${i}`);

    expect(log.entries).toHaveLength(LOG_LIMIT);
    expect(log.entries[0].message).toBe("entry 5");
    expect(log.entries.at(-1)!.message).toBe(`entry ${LOG_LIMIT + 4}`);
  });
});
