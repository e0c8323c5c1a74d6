import { defineStore } from "pinia";
import { ref, shallowRef } from "vue";
import type { RenderedRun, RunStream, ThemeName } from "../../../common";

const THEME_KEY = "loopwright:preview-theme";

function storedTheme(): ThemeName {
  return globalThis.localStorage?.getItem(THEME_KEY) === "dark" ? "dark" : "light";
}

/** What the preview frame should show. Shallow refs: runs are posted to the frame as they are. */
export const usePreviewStore = defineStore("preview", () => {
  const lastRun = shallowRef<RenderedRun | null>(null);
  /** The latest message of the run in progress, passed on to the frame as it comes. */
  const stream = shallowRef<RunStream | null>(null);
  const sessionId = ref<string | null>(null);
  const theme = ref<ThemeName>(storedTheme());

  function applyRun(run: RenderedRun | null): void {
    lastRun.value = run;
  }

  function applyStream(message: RunStream): void {
    stream.value = message;
  }

  function applySession(id: string): void {
    sessionId.value = id;
  }

  function toggleTheme(): void {
    theme.value = theme.value === "light" ? "dark" : "light";
    globalThis.localStorage?.setItem(THEME_KEY, theme.value);
  }

  return { lastRun, stream, sessionId, theme, applyRun, applyStream, applySession, toggleTheme };
});
