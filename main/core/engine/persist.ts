import type { SessionState, StateMap, TriggerEvent, WidgetMeta } from "./session-state";

/**
 * Session state as structured-clone data, posted after every run so that a runner that is
 * killed or crashes can be replaced without losing what the session held. Callbacks are
 * functions and cannot travel: their names survive (so write rules stay right) and the next run
 * registers the real ones again.
 */
export interface ExportedState {
  user: [string, unknown][];
  values: [string, unknown][];
  meta: (Omit<WidgetMeta, "callbacks" | "onChange" | "fromWire"> & { callbackNames: string[]; hasOnChange: boolean })[];
  keyToId: [string, string][];
}

const cloneable = (value: unknown) => {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
};

export function exportState(state: SessionState): ExportedState {
  return {
    user: [...state.user].filter(([, v]) => cloneable(v)),
    values: [...state.values].filter(([, v]) => cloneable(v)),
    meta: [...state.meta.values()].map((meta) => {
      const { callbacks, onChange, fromWire: _decoder, ...rest } = meta as WidgetMeta & { callbacks?: Map<string, unknown>; onChange?: unknown; fromWire?: unknown };
      return { ...rest, callbackNames: callbacks ? [...callbacks.keys()] : [], hasOnChange: Boolean(onChange) };
    }),
    keyToId: [...state.keyToId],
  };
}

const placeholder = () => undefined;

export function importState(state: SessionState, exported: ExportedState): void {
  for (const [k, v] of exported.user) state.user.set(k, v);
  for (const [k, v] of exported.values) state.values.set(k, v as StateMap);
  for (const [k, v] of exported.keyToId) state.keyToId.set(k, v);
  for (const { callbackNames, hasOnChange, ...rest } of exported.meta) {
    const meta = rest as Record<string, unknown> & { id: string; kind: WidgetMeta["kind"] };
    const restored =
      meta.kind === "bidi_component"
        ? { ...meta, callbacks: new Map(callbackNames.map((n) => [n, placeholder])) }
        : { ...meta, onChange: hasOnChange ? placeholder : null };
    state.meta.set(meta.id, restored as unknown as WidgetMeta);
  }
}

export type { TriggerEvent };
