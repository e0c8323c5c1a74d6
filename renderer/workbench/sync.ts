import type { HostClient } from "./bridge/host-client";
import { useHostStatusStore } from "./stores/hostStatus";
import { useLogStore } from "./stores/log";
import { usePreviewStore } from "./stores/preview";
import { useSessionStateStore } from "./stores/sessionState";
import { useTimelineStore } from "./stores/timeline";

/**
 * Keeps the stores in step with the host: events as they come, plus a full `hello()` at start and
 * after every reconnect, since events sent while the socket was down are gone for good.
 * Call inside the app's context (the stores inject the host client).
 */
export function syncWithHost(host: HostClient): void {
  const hostStatus = useHostStatusStore();
  const session = useSessionStateStore();
  const preview = usePreviewStore();
  const log = useLogStore();
  const timeline = useTimelineStore();

  host.on("status", hostStatus.apply);
  host.on("status", (status) => preview.applyPageLayout(status.page.layout));
  host.on("render", preview.applyRun);
  host.on("stream", preview.applyStream);
  host.on("sessionState", session.apply);
  host.on("log", log.add);
  host.on("loop", timeline.applyDelta);
  host.on("theme", preview.applyProjectTheme);
  // Another scenario opened: everything shown belongs to the old session, so start over from a snapshot.
  host.on("session", () => void hello());

  async function hello(): Promise<void> {
    try {
      const snapshot = await host.hello();
      hostStatus.apply(snapshot.status);
      preview.applyPageLayout(snapshot.status.page.layout);
      session.apply(snapshot.sessionState);
      timeline.applySnapshot(snapshot.loop);
      preview.applyProjectTheme(snapshot.projectTheme);
      // Session first: a new session must reach the preview as a reset before its first run.
      preview.applySession(snapshot.sessionId);
      // A run that finished before we connected: its warnings went out as log events we missed.
      const missed = snapshot.lastRun && snapshot.lastRun.runId !== preview.lastRun?.runId ? snapshot.lastRun.warnings : [];
      for (const warning of missed) log.report("warn", warning);
      preview.applyRun(snapshot.lastRun);
    } catch (error) {
      log.report("error", `Could not reach the Loopwright host: ${(error as Error).message}`);
    }
  }

  host.onTokenRefused(() => hostStatus.setTokenRefused());
  host.onConnectionChange((connected) => {
    hostStatus.setConnected(connected);
    if (connected) void hello();
  });
  void hello();
}
