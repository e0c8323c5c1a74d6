import { vi, type Mock } from "vitest";
import { createPinia, setActivePinia, type Pinia } from "pinia";
import { createApp, type App, type Component } from "vue";
import type { HostApi, HostEventName, HostEvents, HostMethod, HostResult, HostSnapshot, OnHostEvent } from "../../common";
import { Emitter } from "../../common";
import { HOST_METHOD_NAMES } from "../../common/host-api";
import { HOST_CLIENT, type HostClient } from "../../renderer/workbench/bridge/host-client";

export function snapshot(overrides: Partial<HostSnapshot> = {}): HostSnapshot {
  return {
    status: { state: "idle", runCount: 1, lastDurationMs: 12, appPath: "/apps/app.ts", appName: "app.ts", lastProblem: null, page: { layout: "centered", title: null } },
    lastRun: null,
    sessionState: { runId: 1, entries: [] },
    sessionId: "session-1",
    loop: { events: [], dropped: 0, cap: 20_000, recording: true, findings: [], reruns: { paused: false, queued: 0, reason: null } },
    projectTheme: null,
    ...overrides,
  };
}

/** What the fake answers when a test scripts nothing else; methods not listed resolve undefined. */
const ANSWERS: { [M in HostMethod]?: () => HostResult<M> } = {
  hello: () => snapshot(),
  editSessionState: () => ({ ok: true }),
};

/** A host client whose methods are spies (one per host method) and whose events the test fires by hand. */
export function fakeHost() {
  const events = new Emitter<HostEvents>();
  const connection = new Emitter<{ change: boolean; tokenRefused: void }>();
  const methods = Object.fromEntries(
    HOST_METHOD_NAMES.map((method) => [method, vi.fn(async (..._args: unknown[]): Promise<unknown> => ANSWERS[method]?.())]),
  ) as { [M in HostMethod]: Mock<HostApi[M]> };
  const on: OnHostEvent = (event, listener) => events.on(event, listener);
  const host = {
    ...methods,
    on,
    onConnectionChange: (listener: (connected: boolean) => void) => {
      return connection.on("change", listener);
    },
    onTokenRefused: (listener: () => void) => connection.on("tokenRefused", listener),
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
