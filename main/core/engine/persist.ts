import type { PersistentState, SessionState, WidgetMeta } from "./session-state";

/**
 * Session state as structured-clone data, posted after every run so that a runner that is
 * killed or crashes can be replaced without losing what the session held. Callbacks are
 * functions and cannot travel: their names survive (so write rules stay right) and the next run
 * registers the real ones again.
 */
export type ExportedState = PersistentState<ExportedMeta>;

type ExportedMeta = Omit<WidgetMeta, "callbacks" | "onChange" | "fromWire"> & { callbackNames: string[]; hasOnChange: boolean };

const cloneable = (value: unknown) => {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
};

export function exportState(state: SessionState): ExportedState {
  const persistent = state.persistent();
  return {
    user: persistent.user.filter(([, v]) => cloneable(v)),
    values: persistent.values.filter(([, v]) => cloneable(v)),
    meta: persistent.meta.map((meta) => {
      const { callbacks, onChange, fromWire: _decoder, ...rest } = meta as WidgetMeta & { callbacks?: Map<string, unknown>; onChange?: unknown; fromWire?: unknown };
      return { ...rest, callbackNames: callbacks ? [...callbacks.keys()] : [], hasOnChange: Boolean(onChange) };
    }),
    keyToId: persistent.keyToId,
  };
}

const placeholder = () => undefined;

export function importState(state: SessionState, exported: ExportedState): void {
  state.restore({
    ...exported,
    meta: exported.meta.map(({ callbackNames, hasOnChange, ...rest }) => {
      const meta = rest as Record<string, unknown> & { id: string; kind: WidgetMeta["kind"] };
      const restored =
        meta.kind === "bidi_component"
          ? { ...meta, callbacks: new Map(callbackNames.map((n) => [n, placeholder])) }
          : { ...meta, onChange: hasOnChange ? placeholder : null };
      return restored as unknown as WidgetMeta;
    }),
  });
}
