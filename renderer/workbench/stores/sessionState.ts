import { defineStore } from "pinia";
import { inject, shallowRef } from "vue";
import type { EditResult, Json, SessionStateEdit, SessionStateSnapshot, SessionValueRequest, SessionValueResult, ValueSummary } from "../../../common";
import { SUMMARY_PREFIX_CHARS } from "../../../common/session";
import { HOST_CLIENT } from "../bridge/host-client";

/**
 * A read-only mirror of the host's session state. The host owns the values: an edit goes to the
 * host and comes back as the next snapshot, so the panel never shows a value the script has not.
 */
export const useSessionStateStore = defineStore("sessionState", () => {
  const host = inject(HOST_CLIENT)!;
  const snapshot = shallowRef<SessionStateSnapshot>({ runId: 0, entries: [] });

  function apply(next: SessionStateSnapshot): void {
    snapshot.value = next;
  }

  /** Resolves with the host's verdict; transport failures become a failed result too. */
  async function edit(change: SessionStateEdit): Promise<EditResult> {
    try {
      return await host.editSessionState(change);
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }

  /** A value the snapshot only summarises, whole, as compact JSON. */
  async function wholeValue(request: SessionValueRequest): Promise<SessionValueResult> {
    try {
      return await host.sessionValue(request);
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }

  return { snapshot, apply, edit, wholeValue };
});

/** Pretty JSON longer than this is shown collapsed to its size, though the panel holds it whole. */
export const DISPLAY_CAP_CHARS = 10_000;

/** A summary as the panel shows it: the host's, or one made here for a value it holds whole. */
export type ShownSummary = Omit<ValueSummary, "digest"> & { digest?: string };

/**
 * How the panel shows one value: pretty JSON, collapsed to a summary past DISPLAY_CAP_CHARS, or
 * the host's summary when the value was too big to send (`remote`: the whole value is fetched).
 */
export function shownValue(value: Json, hostSummary: ValueSummary | undefined): { text: string; summary?: ShownSummary; remote: boolean } {
  if (hostSummary) return { text: "", summary: hostSummary, remote: true };
  const text = JSON.stringify(value, null, 2);
  if (text.length <= DISPLAY_CAP_CHARS) return { text, remote: false };
  const type = value === null ? "null" : Array.isArray(value) ? "array" : (typeof value as ShownSummary["type"]);
  const count = Array.isArray(value) ? value.length : typeof value === "string" ? value.length : type === "object" ? Object.keys(value as object).length : null;
  const prefix = `${text.slice(0, SUMMARY_PREFIX_CHARS)}…`;
  return { text, summary: { size: JSON.stringify(value).length, type, count, prefix }, remote: false };
}
