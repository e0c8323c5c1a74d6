import { defineStore } from "pinia";
import { shallowRef } from "vue";
import type { LogEntry } from "../../../common";
import { usePreviewStore } from "./preview";

/** Enough to see what led up to a problem without letting a chatty component grow memory forever. */
export const LOG_LIMIT = 500;

export const useLogStore = defineStore("log", () => {
  const preview = usePreviewStore();
  const entries = shallowRef<LogEntry[]>([]);

  function add(entry: LogEntry): void {
    entries.value = [...entries.value.slice(-(LOG_LIMIT - 1)), entry];
  }

  /** A workbench-side entry (a preview message, a failed call): it belongs to the run on screen. */
  function report(level: LogEntry["level"], message: string): void {
    add({ level, message, at: Date.now(), runId: preview.lastRun?.runId ?? null });
  }

  function clear(): void {
    entries.value = [];
  }

  return { entries, add, report, clear };
});
