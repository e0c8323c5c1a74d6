import { onScopeDispose, toRaw, watch, type Ref } from "vue";
import { useHostStatusStore } from "../stores/hostStatus";
import { useLogStore } from "../stores/log";
import { usePreviewStore } from "../stores/preview";
import { useTimelineStore } from "../stores/timeline";
import { PreviewPort } from "./preview-port";

/** Connects the preview iframe to the stores: state flows down as ToPreview, widget events come up. */
export function usePreviewChannel(iframe: Readonly<Ref<HTMLIFrameElement | null>>): void {
  const preview = usePreviewStore();
  const hostStatus = useHostStatusStore();
  const log = useLogStore();
  const timeline = useTimelineStore();
  const port = new PreviewPort(() => iframe.value?.contentWindow);

  port.on("message", (message) => {
    if (message.type === "rerun") {
      const { type: _rerun, ...request } = message;
      timeline.beforeRerun();
      void hostStatus.rerun(request);
    } else if (message.type === "rendered") {
      hostStatus.acknowledge(message.runId);
      timeline.rendered(message.runId, message.hops);
    }
    else if (message.type === "hotkey") void hostStatus.rerunApp("hotkey");
    else if (message.type === "stop") void hostStatus.stop();
    else if (message.type === "loop") timeline.forward(message.events);
    else {
      const { type: _console, level, message: text, ...origin } = message;
      log.report(level, text, origin);
    }
  });
  port.on("invalid", (reason) => log.report("error", `Dropped a malformed message from the preview: ${reason}`));

  function sendTheme(): void {
    const custom = preview.custom;
    port.send(custom ? { type: "theme", theme: preview.preset, custom: toRaw(custom) } : { type: "theme", theme: preview.preset });
  }

  // Runs are posted raw: structured clone cannot copy Vue proxies.
  function sendCurrentState(): void {
    sendTheme();
    port.send({ type: "layout", layout: preview.pageLayout });
    port.send({ type: "recording", on: timeline.recording });
    if (preview.lastRun) port.send({ type: "render", run: toRaw(preview.lastRun) });
  }
  port.on("connect", (reloaded) => {
    if (reloaded) sendCurrentState();
  });
  sendCurrentState();

  // Synchronous watchers keep the frame's messages in the order the stores changed.
  watch(() => [preview.preset, preview.custom], sendTheme, { flush: "sync" });
  watch(() => preview.pageLayout, (layout) => port.send({ type: "layout", layout }), { flush: "sync" });
  watch(() => timeline.recording, (on) => port.send({ type: "recording", on }), { flush: "sync" });
  watch(
    () => preview.sessionId,
    (sessionId, previous) => {
      if (sessionId && previous) port.send({ type: "reset", sessionId });
    },
    { flush: "sync" },
  );
  watch(
    () => preview.stream,
    (message) => {
      if (message) port.send(message);
    },
    { flush: "sync" },
  );
  watch(
    () => preview.lastRun,
    (run) => {
      if (run) port.send({ type: "render", run: toRaw(run) });
    },
    { flush: "sync" },
  );

  const onMessage = (event: MessageEvent) => port.handleWindowMessage(event);
  window.addEventListener("message", onMessage);
  onScopeDispose(() => {
    window.removeEventListener("message", onMessage);
    port.close();
  });
}
