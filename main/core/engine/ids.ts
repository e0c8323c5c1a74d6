import { createHash } from "node:crypto";

/**
 * Element ids as Streamlit computes them (§4): keyed elements depend only on the element type
 * and the key (`$$ID-<hash>-<key>`); unkeyed ones hash their identity parameters, so changing
 * any of them yields a new element (state reset, remount).
 */
export function elementId(elementType: string, userKey: string | null, identity: Record<string, unknown>): string {
  const hash = createHash("md5");
  hash.update(elementType);
  if (userKey !== null) {
    hash.update(`key:${userKey}`);
  } else {
    hash.update(stableStringify(identity));
  }
  return `$$ID-${hash.digest("hex")}-${userKey ?? "None"}`;
}

/** JSON with sorted object keys, so `{a, b}` and `{b, a}` hash the same (Streamlit sorts keys). */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Uint8Array)) {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
    }
    return v;
  });
}

export function digest(text: string | Uint8Array): string {
  return createHash("md5").update(text).digest("hex");
}
