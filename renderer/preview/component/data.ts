import type { Table } from "apache-arrow";
import type { ComponentData } from "../../../common";

const ARROW_REF_KEY = "__streamlit_arrow_ref__";

/** What the default export receives as `data` (Streamlit's parseBidiComponentData, §3). */
export async function decodeComponentData(data: ComponentData): Promise<unknown> {
  switch (data.kind) {
    case "null":
      return null;
    case "json":
      return JSON.parse(data.json);
    case "bytes":
    case "arrow":
      return data.bytes;
    case "mixed": {
      const parsed: unknown = JSON.parse(data.json);
      // Arrow is most of the preview's weight and only mixed data needs it: load it on first use.
      const { tableFromIPC } = await import("apache-arrow");
      return withArrowTables(parsed, data.blobs, tableFromIPC);
    }
  }
}

/**
 * The input that decides re-invocation. Streamlit memoizes JSON on its text, so identical JSON
 * does not re-run the component; binary kinds arrive as new buffers every run, so `null` means
 * "always changed".
 */
export function dataIdentity(data: ComponentData): string | null {
  if (data.kind === "null") return "null";
  return data.kind === "json" ? data.json : null;
}

function arrowRef(value: unknown): string | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const ref = (value as Record<string, unknown>)[ARROW_REF_KEY];
  return typeof ref === "string" ? ref : null;
}

type TableFromIPC = (bytes: Uint8Array) => Table;

/** Only the top level (and the value itself) may be a placeholder, like the Python side emits. */
function withArrowTables(parsed: unknown, blobs: Record<string, Uint8Array>, tableFromIPC: TableFromIPC): unknown {
  // A missing or unreadable blob becomes null, as in Streamlit's reconstructMixedData.
  const table = (ref: string): Table | null => {
    const bytes = blobs[ref];
    if (!bytes) return null;
    try {
      return tableFromIPC(bytes);
    } catch {
      return null;
    }
  };
  const ref = arrowRef(parsed);
  if (ref !== null) return table(ref);
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return parsed;
  return Object.fromEntries(
    Object.entries(parsed).map(([key, value]) => {
      const valueRef = arrowRef(value);
      return [key, valueRef === null ? value : table(valueRef)];
    }),
  );
}
