import { createHash } from "node:crypto";
import type { CacheDecorator, CachedFunction, CacheOptions } from "../../../common/api";
import { StreamlitError } from "./errors";

/**
 * `st.cache_data` and `st.cache_resource` (§15): a memoized function whose cache lives in the
 * session's script host across reruns. A function is identified by its kind and source text (as
 * Streamlit keys a cached function by its code), so the wrapper a rerun creates anew finds the
 * values the previous run stored; a call's entry by the hashed value of its arguments.
 */

export type CacheKind = "cache_data" | "cache_resource";

interface Entry {
  value: unknown;
  storedAt: number;
}

export class Caches {
  private readonly byFunction = new Map<string, Map<string, Entry>>();

  constructor(private readonly now: () => number = Date.now) {}

  wrap<F extends (...args: any[]) => any>(kind: CacheKind, fn: F, options: CacheOptions = {}): CachedFunction<F> {
    if (typeof fn !== "function") throw new StreamlitError("TypeError", `st.${kind} needs a function to cache, got ${describeType(fn)}.`);
    const ttl = options.ttl ?? null;
    const maxEntries = options.max_entries ?? null;
    if (ttl !== null && !(typeof ttl === "number" && ttl >= 0)) throw new StreamlitError("StreamlitAPIException", `ttl must be a number of seconds or None, got ${JSON.stringify(ttl)}.`);
    if (maxEntries !== null && !(Number.isInteger(maxEntries) && maxEntries > 0)) {
      throw new StreamlitError("StreamlitAPIException", `max_entries must be a positive integer or None, got ${JSON.stringify(maxEntries)}.`);
    }
    const functionKey = `${kind}:${fn.toString()}`;
    const entries = () => {
      let map = this.byFunction.get(functionKey);
      if (!map) this.byFunction.set(functionKey, (map = new Map()));
      return map;
    };
    const name = fn.name || "<anonymous>";
    const now = this.now;
    // cache_data hands out copies (Streamlit pickles the value), cache_resource the stored object itself.
    const handOut = (value: unknown) => (kind === "cache_data" ? copyReturnValue(name, value) : value);
    const cached = function (this: unknown, ...args: unknown[]) {
      const map = entries();
      const argsKey = hashArguments(kind, name, args);
      const hit = map.get(argsKey);
      if (hit && (ttl === null || now() - hit.storedAt < ttl * 1000)) return hit.value instanceof Promise ? hit.value.then(handOut) : handOut(hit.value);
      if (hit) map.delete(argsKey);
      const store = (value: unknown) => {
        map.set(argsKey, { value: kind === "cache_data" ? copyReturnValue(name, value) : value, storedAt: now() });
        if (maxEntries !== null && map.size > maxEntries) map.delete(map.keys().next().value!);
      };
      const result = fn.apply(this, args);
      if (result instanceof Promise) {
        // An async function stores its resolved value; a rejection stores nothing.
        const settled = result.then((value) => (store(value), map.get(argsKey)!.value));
        map.set(argsKey, { value: settled, storedAt: now() });
        settled.catch(() => map.get(argsKey)?.value === settled && map.delete(argsKey));
        return settled.then(handOut);
      }
      store(result);
      return handOut(map.get(argsKey)!.value);
    } as CachedFunction<F>;
    cached.clear = () => this.byFunction.delete(functionKey);
    return cached;
  }

  /** `st.cache_data` / `st.cache_resource`; its `.clear()` empties every function of that kind. */
  decorator(kind: CacheKind): CacheDecorator {
    return Object.assign(<F extends (...args: any[]) => any>(fn: F, options?: CacheOptions) => this.wrap(kind, fn, options), {
      clear: () => {
        for (const key of [...this.byFunction.keys()]) if (key.startsWith(`${kind}:`)) this.byFunction.delete(key);
      },
    });
  }
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return value.constructor?.name ?? "object";
  return typeof value;
}

function copyReturnValue(name: string, value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    throw new StreamlitError(
      "UnserializableReturnValueError",
      `Cannot serialize the return value (of type ${describeType(value)}) in ${name}(). \`st.cache_data\` uses structured cloning to store the function's return value and safely store it in the cache without mutating the original object. Please convert the return value to a cloneable type. If you want to cache unserializable objects such as database connections, use \`st.cache_resource\` instead.`,
    );
  }
}

/** The arguments' value as one hash: equal values (not identities) find the same entry. */
function hashArguments(kind: CacheKind, name: string, args: unknown[]): string {
  const hash = createHash("sha256");
  args.forEach((arg, index) => {
    try {
      feed(hash, arg, []);
    } catch (error) {
      if (!(error instanceof Unhashable)) throw error;
      throw new StreamlitError(
        "UnhashableParamError",
        `Cannot hash argument ${index} (of type \`${describeType(error.value)}\`) in '${name}'. st.${kind} hashes arguments by value: pass plain data (strings, numbers, arrays, plain objects, Maps, Sets, Dates, bytes).`,
      );
    }
  });
  return hash.digest("hex");
}

class Unhashable extends Error {
  constructor(readonly value: unknown) {
    super("unhashable");
  }
}

type Hash = ReturnType<typeof createHash>;

function feed(hash: Hash, value: unknown, ancestors: object[]): void {
  const tag = (t: string, text = ""): void => void hash.update(`${t}${text.length}:${text};`);
  if (value === null || value === undefined) return tag(String(value));
  switch (typeof value) {
    case "string":
    case "boolean":
    case "bigint":
    case "symbol":
      return tag(typeof value, String(value));
    case "number":
      return tag("number", Object.is(value, -0) ? "0" : String(value));
    // A function argument hashes by its code, as Streamlit hashes a function.
    case "function":
      return tag("function", value.toString());
  }
  const object = value as object;
  if (ancestors.includes(object)) return tag("cycle", String(ancestors.indexOf(object)));
  const inner = [...ancestors, object];
  if (object instanceof Date) return tag("date", String(object.getTime()));
  if (object instanceof RegExp) return tag("regexp", String(object));
  if (ArrayBuffer.isView(object)) return tag(object.constructor.name, Buffer.from(object.buffer, object.byteOffset, object.byteLength).toString("base64"));
  if (Array.isArray(object)) {
    tag("array", String(object.length));
    return object.forEach((item) => feed(hash, item, inner));
  }
  if (object instanceof Map) {
    tag("map", String(object.size));
    return object.forEach((item, key) => (feed(hash, key, inner), feed(hash, item, inner)));
  }
  if (object instanceof Set) {
    tag("set", String(object.size));
    return object.forEach((item) => feed(hash, item, inner));
  }
  const proto = Object.getPrototypeOf(object);
  if (proto !== Object.prototype && proto !== null) throw new Unhashable(object);
  const keys = Object.keys(object).sort();
  tag("object", String(keys.length));
  for (const key of keys) (tag("key", key), feed(hash, (object as Record<string, unknown>)[key], inner));
}
