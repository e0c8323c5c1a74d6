// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { PREVIEW_HELLO, PREVIEW_PORT, type FromPreview, type ToPreview } from "../../common";
import { PreviewPort } from "../../renderer/workbench/channel/preview-port";

/** The preview's side: a window that receives the handshake and keeps the port it was given. */
function fakeFrame() {
  const received: ToPreview[] = [];
  const frame = {
    port: null as MessagePort | null,
    received,
    postMessage: vi.fn((message: unknown, _origin: string, transfer: MessagePort[]) => {
      expect(message).toEqual({ type: PREVIEW_PORT });
      frame.port = transfer[0];
      frame.port.onmessage = (event) => received.push(event.data);
    }),
  };
  return frame;
}

function hello(port: PreviewPort, source: unknown, data: unknown = { type: PREVIEW_HELLO }) {
  port.handleWindowMessage({ source, data } as MessageEvent);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));
const theme: ToPreview = { type: "theme", theme: "dark" };
const reset: ToPreview = { type: "reset", sessionId: "s2" };

describe("PreviewPort", () => {
  it("queues messages until the frame says hello, then delivers them in order", async () => {
    const frame = fakeFrame();
    const port = new PreviewPort(() => frame as unknown as Window);
    port.send(theme);
    port.send(reset);
    expect(frame.postMessage).not.toHaveBeenCalled();

    hello(port, frame);
    port.send({ type: "theme", theme: "light" });
    await tick();

    expect(frame.postMessage).toHaveBeenCalledWith({ type: PREVIEW_PORT }, "*", [expect.anything()]);
    expect(frame.received).toEqual([theme, reset, { type: "theme", theme: "light" }]);
    port.close();
  });

  it("answers only hellos from its own frame", () => {
    const frame = fakeFrame();
    const port = new PreviewPort(() => frame as unknown as Window);
    hello(port, {});
    hello(port, frame, { type: "something-else" });
    expect(frame.postMessage).not.toHaveBeenCalled();
  });

  it("passes valid messages on and drops malformed ones with the reason", async () => {
    const frame = fakeFrame();
    const port = new PreviewPort(() => frame as unknown as Window);
    const messages: FromPreview[] = [];
    const dropped: string[] = [];
    port.on("message", (message) => messages.push(message));
    port.on("invalid", (reason) => dropped.push(reason));
    hello(port, frame);

    frame.port!.postMessage({ type: "rendered", runId: 2, hops: [] });
    frame.port!.postMessage({ type: "rerun", widgetStates: [{ id: "", type: "value", value: 1 }], fragmentId: null });
    frame.port!.postMessage({ type: "launch-missiles" });
    await tick();

    expect(messages).toEqual([{ type: "rendered", runId: 2, hops: [] }]);
    expect(dropped).toHaveLength(2);
    expect(dropped[0]).toMatch(/^widgetStates\.0\.id: /);
    port.close();
  });

  it("hands a reloaded frame a fresh port and says it was a reload", async () => {
    const frame = fakeFrame();
    const port = new PreviewPort(() => frame as unknown as Window);
    const connects: boolean[] = [];
    port.on("connect", (reloaded) => connects.push(reloaded));

    hello(port, frame);
    const first = frame.port!;
    hello(port, frame);
    port.send(theme);
    await tick();

    expect(connects).toEqual([false, true]);
    expect(frame.port).not.toBe(first);
    expect(frame.received).toEqual([theme]);
    port.close();
  });
});
