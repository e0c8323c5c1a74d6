import { vi } from "vitest";
import { createPinia, setActivePinia, type Pinia } from "pinia";
import { createApp, type App, type Component } from "vue";
import type { EditResult, HostEventName, HostEvents, HostSnapshot, SessionStateEdit } from "../../common";
import { Emitter } from "../../common";
import { HOST_CLIENT, type HostClient } from "../../renderer/workbench/bridge/host-client";

export function snapshot(overrides: Partial<HostSnapshot> = {}): HostSnapshot {
  return {
    status: { state: "idle", runCount: 1, lastDurationMs: 12, appPath: "/apps/app.ts", appName: "app.ts", lastProblem: null },
    lastRun: null,
    sessionState: { runId: 1, entries: [] },
    sessionId: "session-1",
    ...overrides,
  };
}

/** A host client whose methods are spies and whose events the test fires by hand. */
export function fakeHost() {
  const events = new Emitter<HostEvents>();
  const connection = new Emitter<{ change: boolean }>();
  const host = {
    hello: vi.fn(async () => snapshot()),
    rerun: vi.fn(async () => {}),
    stop: vi.fn(async () => {}),
    editSessionState: vi.fn(async (_edit: SessionStateEdit): Promise<EditResult> => ({ ok: true })),
    on: (event: HostEventName, listener: (payload: never) => void) => {
      return events.on(event, listener as (payload: HostEvents[typeof event]) => void);
    },
    onConnectionChange: (listener: (connected: boolean) => void) => {
      return connection.on("change", listener);
    },
  } satisfies HostClient;
  return {
    host: host as typeof host & HostClient,
    emit<E extends HostEventName>(event: E, payload: HostEvents[E]) {
      events.emit(event, payload);
    },
    setConnected(connected: boolean) {
      connection.emit("change", connected);
    },
  };
}

/** An app with Pinia and the host client provided, the way main.ts wires them. */
export function workbenchApp(host: HostClient, root: Component = { render: () => null }): { app: App; pinia: Pinia } {
  const pinia = createPinia();
  const app = createApp(root).use(pinia).provide(HOST_CLIENT, host);
  setActivePinia(pinia);
  return { app, pinia };
}

/** Lets pending promise callbacks run. */
export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
