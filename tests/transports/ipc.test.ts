import { beforeEach, describe, expect, it, vi } from "vitest";
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from "../../common";
import { FakeHost } from "./fake-host";

// The real module would try to download the Electron binary; these tests need only ipcMain's shape.
const handlers = new Map<string, (...args: unknown[]) => unknown>();
vi.mock("electron", () => ({
  ipcMain: {
    handle: (channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { attachIpcTransport } = await import("../../main/transports/ipc");

function fakeWebContents() {
  const mainFrame = { parent: null, url: "app://app/index.html" };
  return {
    mainFrame,
    sent: [] as unknown[][],
    destroyed: false,
    isDestroyed() {
      return this.destroyed;
    },
    send(...args: unknown[]) {
      this.sent.push(args);
    },
  };
}

let host: FakeHost;
let contents: ReturnType<typeof fakeWebContents>;
let detach: () => void;

beforeEach(() => {
  handlers.clear();
  host = new FakeHost({ hello: () => "snapshot" });
  contents = fakeWebContents();
  detach = attachIpcTransport({ host, webContents: contents as never, appOrigin: "app://app" });
});

const call = (event: object, method: unknown, args: unknown) => handlers.get(IPC_CALL_CHANNEL)!(event, method, args);

describe("IPC transport", () => {
  it("dispatches calls from the workbench's top frame", async () => {
    expect(await call({ sender: contents, senderFrame: contents.mainFrame }, "hello", [])).toEqual({ ok: true, value: "snapshot" });
  });

  it("refuses calls from subframes, other origins, other windows and vanished frames", async () => {
    const refusals = [
      { sender: contents, senderFrame: { parent: contents.mainFrame, url: "app://app/index.html" } },
      { sender: contents, senderFrame: { parent: null, url: "loopwright-preview://app/preview/index.html" } },
      { sender: contents, senderFrame: { parent: null, url: "https://app/index.html" } },
      { sender: fakeWebContents(), senderFrame: { parent: null, url: "app://app/index.html" } },
      { sender: contents, senderFrame: null },
    ];
    for (const event of refusals) {
      expect(await call(event, "hello", [])).toMatchObject({ ok: false, error: { name: "SecurityError" } });
    }
    expect(host.calls).toEqual([]);
  });

  it("forwards host events on the event channel until detached", () => {
    host.emit("log", { level: "info", message: "hi", at: 1, runId: 1 });
    expect(contents.sent).toEqual([[IPC_EVENT_CHANNEL, { name: "log", payload: { level: "info", message: "hi", at: 1, runId: 1 } }]]);
    contents.destroyed = true;
    host.emit("log", { level: "info", message: "gone", at: 2, runId: 1 });
    expect(contents.sent).toHaveLength(1);

    detach();
    expect(handlers.has(IPC_CALL_CHANNEL)).toBe(false);
    expect(host.listenerCount()).toBe(0);
  });
});
