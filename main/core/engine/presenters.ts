import { AttributeError, missingSessionKey } from "./errors";
import type { ComponentMeta, SessionState, StateMap } from "./session-state";

/**
 * The objects the script sees. JavaScript has no attribute/item distinction, so one Proxy per
 * object applies Streamlit's rules to both `x.k` and `x["k"]`.
 */

const passthrough = (prop: string | symbol) => typeof prop === "symbol" || prop === "then";

/** `st.session_state`: reads, `in`, assignment and `delete` with Streamlit's widget rules. */
export function sessionStateProxy(state: SessionState): Record<string, any> {
  const read = (key: string): unknown => {
    const found = state.read(key);
    if (!found) throw missingSessionKey(key);
    return "component" in found ? componentPresenter(state, found.component) : found.value;
  };
  const toDict = () => Object.fromEntries(state.keys().map((k) => [k, read(k)]));
  const methods: Record<string, unknown> = {
    get: (key: string, fallback: unknown = null) => (state.has(key) ? read(key) : fallback),
    has: (key: string) => state.has(key),
    keys: () => state.keys(),
    values: () => state.keys().map(read),
    items: () => state.keys().map((k) => [k, read(k)]),
    len: () => state.keys().length,
    // MutableMapping.clear: every key deleted in turn, with `del`'s rules.
    clear: () => state.keys().forEach((k) => state.remove(k)),
    to_dict: toDict,
    toJSON: toDict,
  };
  return new Proxy({} as Record<string, any>, {
    get: (_t, prop) => {
      // `for (const key of st.session_state)`: Python iterates a mapping's keys.
      if (prop === Symbol.iterator) return () => state.keys()[Symbol.iterator]();
      if (passthrough(prop)) return undefined;
      if (typeof prop === "string" && prop in methods) return methods[prop];
      return read(String(prop));
    },
    set: (_t, prop, value) => {
      state.assign(String(prop), value);
      return true;
    },
    has: (_t, prop) => state.has(String(prop)),
    deleteProperty: (_t, prop) => {
      if (!state.remove(String(prop))) throw missingSessionKey(String(prop));
      return true;
    },
    ownKeys: () => state.keys(),
    getOwnPropertyDescriptor: (_t, prop) =>
      state.has(String(prop)) ? { value: read(String(prop)), enumerable: true, configurable: true, writable: true } : undefined,
  });
}

/**
 * `st.session_state[key]` of a keyed component: a live, write-through view of
 * `{...this run's triggers, ...state}`. Missing names read as null (unlike the result object).
 */
export function componentPresenter(state: SessionState, meta: ComponentMeta): StateMap {
  const view = () => state.presentComponent(meta);
  return new Proxy({} as StateMap, {
    get: (_t, prop) => {
      if (passthrough(prop)) return undefined;
      const current = view();
      if (prop === "toJSON") return () => current;
      if (prop === "get" && !("get" in current)) return (name: string, fallback: unknown = null) => (name in current ? current[name] : fallback);
      return prop in current ? current[prop as string] : null;
    },
    set: (_t, prop, value) => {
      state.writeComponentField(meta, String(prop), { value });
      return true;
    },
    deleteProperty: (_t, prop) => {
      state.writeComponentField(meta, String(prop), "delete");
      return true;
    },
    has: (_t, prop) => String(prop) in view(),
    ownKeys: () => Object.keys(view()),
    getOwnPropertyDescriptor: (_t, prop) => {
      const current = view();
      return String(prop) in current
        ? { value: current[String(prop)], enumerable: true, configurable: true, writable: true }
        : undefined;
    },
  });
}

/** The component's result: attribute access on a missing name raises, as in Streamlit (§5). */
export function componentResult(values: StateMap): StateMap {
  return new Proxy({ ...values }, {
    get: (target, prop, receiver) => {
      if (passthrough(prop) || prop in target) return Reflect.get(target, prop, receiver);
      if (prop === "toJSON") return undefined;
      throw AttributeError(`'ComponentResult' object has no attribute '${String(prop)}'`);
    },
  });
}
