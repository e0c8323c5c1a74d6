import { inspect } from "node:util";
import type { Json } from "../../../common";

/** JSON when the value round-trips through JSON unchanged; otherwise a description, read-only. */
export function asJson(value: unknown): { value: Json; display: string; editable: boolean } {
  try {
    const text = JSON.stringify(value);
    if (text !== undefined && roundTrips(value, JSON.parse(text))) {
      return { value: JSON.parse(text) as Json, display: text, editable: true };
    }
  } catch {
    // cycles and BigInt land here: shown by description below
  }
  return { value: null, display: inspect(value, { depth: 3, breakLength: Infinity }), editable: false };
}

function roundTrips(original: unknown, parsed: unknown): boolean {
  if (original === null || typeof original !== "object") return Object.is(original, parsed) || original === parsed;
  if (Array.isArray(original)) {
    return Array.isArray(parsed) && original.length === parsed.length && original.every((v, i) => roundTrips(v, parsed[i]));
  }
  const proto = Object.getPrototypeOf(original);
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(original);
  return (
    parsed !== null &&
    typeof parsed === "object" &&
    keys.length === Object.keys(parsed).length &&
    keys.every((k) => roundTrips((original as Record<string, unknown>)[k], (parsed as Record<string, unknown>)[k]))
  );
}

/** A map's values as JSON, one by one (a value JSON cannot hold becomes null). */
export function jsonFields(map: Record<string, unknown>): Record<string, Json> {
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name, asJson(value).value]));
}
