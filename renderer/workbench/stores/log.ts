import { defineStore } from "pinia";
import { computed, inject, ref, shallowRef } from "vue";
import type { LogEntry, LogInstance, LogLocation, LogOrigin } from "../../../common";
import { formatLocation } from "../../../common";
import { LOG_LEVELS } from "../../../common/status";
import { HOST_CLIENT } from "../bridge/host-client";
import { usePreviewStore } from "./preview";

/** Enough to see what led up to a problem without letting a chatty component grow memory forever. */
export const LOG_LIMIT = 500;

type Level = LogEntry["level"];

/** How the Log names an instance, and what its instance filter matches: `stars · rating`. */
export const instanceLabel = (instance: LogInstance) => `${instance.component} · ${instance.id}`;

export const useLogStore = defineStore("log", () => {
  const preview = usePreviewStore();
  const host = inject(HOST_CLIENT, null);
  const entries = shallowRef<LogEntry[]>([]);
  /** The levels shown; all by default. */
  const levels = ref<Level[]>([...LOG_LEVELS]);
  /** The instance shown (its label), or null for every entry. */
  const instance = ref<string | null>(null);

  /** The instances entries came from, for the filter, in the order they first logged. */
  const instances = computed(() => [...new Set(entries.value.flatMap((entry) => (entry.instance ? [instanceLabel(entry.instance)] : [])))]);
  const visible = computed(() =>
    entries.value.filter(
      (entry) => levels.value.includes(entry.level) && (instance.value === null || (entry.instance ? instanceLabel(entry.instance) === instance.value : false)),
    ),
  );

  function add(entry: LogEntry): void {
    entries.value = [...entries.value.slice(-(LOG_LIMIT - 1)), entry];
  }

  /** A workbench-side entry (a preview message, a failed call): it belongs to the run on screen. */
  function report(level: Level, message: string, origin: LogOrigin = {}): void {
    add({ level, message, at: Date.now(), runId: preview.lastRun?.runId ?? null, ...origin });
  }

  function clear(): void {
    entries.value = [];
  }

  function toggleLevel(level: Level): void {
    levels.value = levels.value.includes(level) ? levels.value.filter((shown) => shown !== level) : [...levels.value, level];
  }

  /** Copies `file:line:column` for the author's editor or terminal. */
  async function copyLocation(location: LogLocation): Promise<void> {
    try {
      await navigator.clipboard.writeText(formatLocation(location));
    } catch (error) {
      report("error", `Could not copy ${formatLocation(location)}: ${(error as Error).message}`);
    }
  }

  /** Opens the file in the system's editor (the desktop app only; the host refuses elsewhere). */
  async function openInEditor(location: LogLocation): Promise<void> {
    try {
      if (!host) throw new Error("no host");
      await host.openInEditor(location.file);
    } catch (error) {
      report("error", `Could not open ${location.file}: ${(error as Error).message}`);
    }
  }

  return { entries, levels, instance, instances, visible, add, report, clear, toggleLevel, copyLocation, openInEditor };
});
