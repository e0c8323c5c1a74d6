/**
 * The WebSocket wire codec: JSON, plus Uint8Array (component data bytes, Arrow tables), which
 * JSON.stringify would turn into `{"0":…,"1":…}`. Bytes travel as `{"$lwBytes": "<base64>"}`.
 * Both ends use this module (the host's transport and the workbench's bridge), so it uses only
 * what both environments have.
 *
 * A plain object that happens to look like a marker (its one key is `$lwBytes`, `$lwBytes$`, …)
 * is escaped by appending one `$` to that key and unescaped on decode, so session-state values
 * written by an app script round-trip unchanged.
 */

const BYTES = "$lwBytes";
const MARKER_LIKE = /^\$lwBytes\$*$/;
const ESCAPED = /^\$lwBytes\$+$/;

export function encode(value: unknown): string {
  return JSON.stringify(value, function (_key, v: unknown) {
    if (v instanceof Uint8Array) return { [BYTES]: bytesToBase64(v) };
    const only = soleKey(v);
    if (only !== null && MARKER_LIKE.test(only)) return { [`${only}$`]: (v as Record<string, unknown>)[only] };
    return v;
  });
}

export function decode(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    const only = soleKey(v);
    if (only === null) return v;
    const inner = (v as Record<string, unknown>)[only];
    if (only === BYTES && typeof inner === "string") return base64ToBytes(inner);
    if (ESCAPED.test(only)) return { [only.slice(0, -1)]: inner };
    return v;
  });
}

/** The key of a plain object with exactly one own key, else null. */
function soleKey(v: unknown): string | null {
  if (typeof v !== "object" || v === null || Array.isArray(v) || v instanceof Uint8Array) return null;
  let found: string | null = null;
  for (const key in v) {
    if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
    if (found !== null) return null;
    found = key;
  }
  return found;
}

// String.fromCharCode(...bytes) overflows the argument limit on large arrays; go in chunks.
const CHUNK = 0x8000;

// common/ is typed for no environment; the browser and Node (16 and later) both have these globals.
const { btoa, atob } = globalThis as unknown as { btoa(binary: string): string; atob(base64: string): string };

function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return btoa(binary);
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
