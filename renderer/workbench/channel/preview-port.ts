import { Emitter, PREVIEW_HELLO, PREVIEW_PORT, type FromPreview, type ToPreview } from "../../../common";
import { FromPreviewSchema } from "../../../common/from-preview";
import { check } from "../../../common/validation";

export interface PreviewPortEvents {
  /** A message from the preview that passed the schema. */
  message: FromPreview;
  /** A message from the preview that did not; it went no further. */
  invalid: string;
  /**
   * A handshake finished. `true` when it replaced an earlier port: the frame loaded a new document,
   * which starts empty and must be sent the current state again.
   */
  connect: boolean;
}

/**
 * The workbench end of the preview channel (Storybook's postMessage channel, reduced): messages
 * wait in a queue until the frame has said hello and received its MessagePort, and everything the
 * frame sends back is schema-checked before anyone sees it, because the frame runs author code.
 */
export class PreviewPort {
  private port: MessagePort | null = null;
  private queue: ToPreview[] = [];
  private readonly events = new Emitter<PreviewPortEvents>();

  /** `frame` returns the iframe's window; only hellos from exactly that window are answered. */
  constructor(private readonly frame: () => Window | null | undefined) {}

  on<E extends keyof PreviewPortEvents>(event: E, listener: (payload: PreviewPortEvents[E]) => void): () => void {
    return this.events.on(event, listener);
  }

  send(message: ToPreview): void {
    if (this.port) this.port.postMessage(message);
    else this.queue.push(message);
  }

  /** Give it every `message` event of the workbench window. */
  handleWindowMessage(event: MessageEvent): void {
    const frame = this.frame();
    // The sandboxed frame's origin is "null", so its window object is the only trustworthy check.
    if (!frame || event.source !== frame) return;
    if ((event.data as { type?: unknown } | null)?.type !== PREVIEW_HELLO) return;
    this.handshake(frame);
  }

  close(): void {
    this.port?.close();
    this.port = null;
  }

  private handshake(frame: Window): void {
    const replaced = this.port !== null;
    this.close();
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => this.receive(event.data);
    // An opaque-origin frame cannot be addressed by origin; it is our own iframe's window anyway.
    frame.postMessage({ type: PREVIEW_PORT }, "*", [channel.port2]);
    this.port = channel.port1;
    const queued = this.queue;
    this.queue = [];
    for (const message of queued) this.port.postMessage(message);
    this.events.emit("connect", replaced);
  }

  private receive(data: unknown): void {
    const result = check(FromPreviewSchema, data);
    if (result.ok) this.events.emit("message", result.value);
    else this.events.emit("invalid", result.error);
  }
}
