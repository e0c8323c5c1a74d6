import { Table, tableToIPC } from "apache-arrow";
import type { ComponentData } from "../../../common";
import { StreamlitError } from "./errors";
import { digest, stableStringify } from "./ids";

/**
 * `data` → what the browser receives (§3). JSON for plain values; bytes for Uint8Array/ArrayBuffer;
 * Arrow IPC bytes for a top-level table; `mixed` for tables one level deep in an object.
 * Where Streamlit silently degrades (repr strings), Loopwright raises or warns with the path.
 */
export interface SerializedData {
  data: ComponentData;
  /** Lossy conversions, each naming the path (e.g. "data.when: Date sent as ISO string"). */
  warnings: string[];
  /** Content digest, part of an unkeyed element's identity. */
  digest: string;
}

const ARROW_REF = "__streamlit_arrow_ref__";

export function unserializable(path: string, what: string): StreamlitError {
  return new StreamlitError(
    "BidiComponentUnserializableDataError",
    `The \`data\` provided to the bidirectional component could not be serialized: ${path} is ${what}. Pass JSON-compatible values, bytes (Uint8Array) or Arrow tables.`,
  );
}

export function isArrowTable(value: unknown): value is Table {
  return value instanceof Table;
}

function toBytes(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return new Uint8Array(value);
  if (value instanceof ArrayBuffer) return new Uint8Array(value.slice(0));
  return null;
}

export function serializeData(data: unknown): SerializedData {
  if (data === null || data === undefined) return { data: { kind: "null" }, warnings: [], digest: "null" };
  const bytes = toBytes(data);
  if (bytes) return { data: { kind: "bytes", bytes }, warnings: [], digest: `bytes:${digest(bytes)}` };
  if (isArrowTable(data)) {
    const ipc = tableToIPC(data, "stream");
    return { data: { kind: "arrow", bytes: ipc }, warnings: [], digest: `arrow:${digest(ipc)}` };
  }
  const warnings: string[] = [];
  if (isPlainObject(data) && Object.values(data).some(isArrowTable)) {
    const blobs: Record<string, Uint8Array> = {};
    const withRefs: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data)) {
      if (isArrowTable(v)) {
        const ipc = tableToIPC(v, "stream");
        const ref = digest(ipc);
        blobs[ref] = ipc;
        withRefs[k] = { [ARROW_REF]: ref };
      } else {
        withRefs[k] = toJsonSafe(v, `data.${k}`, warnings, new Set());
      }
    }
    const json = JSON.stringify(withRefs);
    return { data: { kind: "mixed", json, blobs }, warnings, digest: `mixed:${digest(stableStringify(withRefs))}:${Object.keys(blobs).sort().join(",")}` };
  }
  const safe = toJsonSafe(data, "data", warnings, new Set());
  const json = JSON.stringify(safe);
  // Streamlit hashes key-sorted JSON: reordering a dict's keys keeps an unkeyed element's identity.
  return { data: { kind: "json", json }, warnings, digest: `json:${digest(stableStringify(safe))}` };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A JSON-safe copy, raising on what JSON cannot carry and warning on what it changes. */
function toJsonSafe(value: unknown, path: string, warnings: string[], seen: Set<object>): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value)) {
        warnings.push(`${path}: ${value} is sent as null (JSON has no NaN/Infinity)`);
        return null;
      }
      return value;
    case "bigint":
      throw unserializable(path, "a BigInt");
    case "symbol":
      throw unserializable(path, "a Symbol");
    case "function":
      throw unserializable(path, "a function");
    case "undefined":
      return undefined;
  }
  if (value === null) return null;
  const obj = value as object;
  if (seen.has(obj)) throw unserializable(path, "a circular reference");
  if (obj instanceof Date) {
    warnings.push(`${path}: Date is sent as the ISO string ${Number.isNaN(obj.getTime()) ? "null" : obj.toISOString()}`);
    return Number.isNaN(obj.getTime()) ? null : obj.toISOString();
  }
  if (toBytes(obj)) throw unserializable(path, "binary data (bytes are only supported as the whole `data`)");
  if (isArrowTable(obj)) throw unserializable(path, "an Arrow table nested too deep (tables are supported as `data` or one level deep in an object)");
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      return obj.map((item, i) => {
        if (item === undefined) warnings.push(`${path}[${i}]: undefined is sent as null`);
        const safe = toJsonSafe(item, `${path}[${i}]`, warnings, seen);
        return safe === undefined ? null : safe;
      });
    }
    if (obj instanceof Map || obj instanceof Set) {
      warnings.push(`${path}: ${obj.constructor.name} is sent as {} (JSON.stringify drops its entries)`);
      return {};
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) {
      if (v === undefined) {
        warnings.push(`${path}.${k}: undefined is dropped`);
        continue;
      }
      out[k] = toJsonSafe(v, `${path}.${k}`, warnings, seen);
    }
    return out;
  } finally {
    seen.delete(obj);
  }
}
