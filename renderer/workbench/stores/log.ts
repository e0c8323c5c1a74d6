import { defineStore } from "pinia";
import { shallowRef } from "vue";
import type { LogEntry } from "../../../common";

/** Enough to see what led up to a problem without letting a chatty component grow memory forever. */
export const LOG_LIMIT = 500;

export const useLogStore = defineStore("log", () => {
  const entries = shallowRef<LogEntry[]>([]);

  function add(entry: LogEntry): void {
    entries.value = [...entries.value.slice(-(LOG_LIMIT - 1)), entry];
  }

  function report(level: LogEntry["level"], message: string): void {
    add({ level, message, at: Date.now() });
  }

  function clear(): void {
    entries.value = [];
  }

  return { entries, add, report, clear };
});
