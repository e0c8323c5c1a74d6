import { defineStore } from "pinia";
import { computed, ref, shallowRef } from "vue";
import type { PageLayout, ProjectTheme, RenderedRun, RunStream, ThemeInput, ThemeName } from "../../../common";
import { customThemeBase } from "../../preview/theme/custom";

const THEME_KEY = "loopwright:preview-theme";

/** The app view's theme menu, like Streamlit's settings: the project's theme when it has one, or a preset. */
export type ThemeChoice = ThemeName | "custom";
/** Streamlit's centered layout, its wide layout, or a phone-sized viewport (with the page's layout). */
export type WidthPreset = "centered" | "wide" | "mobile";

export const WIDTH_PRESETS: readonly WidthPreset[] = ["centered", "wide", "mobile"];
/** The viewport a phone gives the page, in CSS pixels. */
export const MOBILE_WIDTH_PX = 375;

function storedChoice(): ThemeChoice | null {
  const stored = globalThis.localStorage?.getItem(THEME_KEY);
  return stored === "light" || stored === "dark" || stored === "custom" ? stored : null;
}

/** With no choice stored, Streamlit's default: the system's light or dark setting. */
function systemTheme(): ThemeName {
  return globalThis.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** What the preview frame should show. Shallow refs: runs are posted to the frame as they are. */
export const usePreviewStore = defineStore("preview", () => {
  const lastRun = shallowRef<RenderedRun | null>(null);
  /** The latest message of the run in progress, passed on to the frame as it comes. */
  const stream = shallowRef<RunStream | null>(null);
  const sessionId = ref<string | null>(null);
  const projectTheme = shallowRef<ProjectTheme | null>(null);
  const chosen = ref<ThemeChoice | null>(storedChoice());
  /** The layout the app set with `st.set_page_config` (centered until it does). */
  const appLayout = ref<PageLayout>("centered");
  /** A preset picked in the toolbar; null: the app's layout decides. */
  const pickedWidth = ref<WidthPreset | null>(null);
  const width = computed<WidthPreset>(() => pickedWidth.value ?? appLayout.value);
  /** The layout the preview lays the page out with: a phone shows the app's own layout. */
  const pageLayout = computed<PageLayout>(() => (width.value === "mobile" ? appLayout.value : width.value));

  /** The choice in effect: a stored "custom" means nothing once the project has no theme. */
  const choice = computed<ThemeChoice>(() => {
    if (chosen.value === "custom" || chosen.value === null) return projectTheme.value ? "custom" : systemTheme();
    return chosen.value;
  });
  /** The project's theme when the app view shows it. */
  const custom = computed<ThemeInput | undefined>(() => (choice.value === "custom" ? projectTheme.value?.input : undefined));
  /** Light or dark, as the app view looks: a custom theme is dark when its background is. */
  const theme = computed<ThemeName>(() => (custom.value ? customThemeBase(custom.value) : (choice.value as ThemeName)));
  /** The preset the preview starts from (the custom theme's own base decides when one is shown). */
  const preset = computed<ThemeName>(() => (choice.value === "custom" ? theme.value : (choice.value as ThemeName)));

  function applyRun(run: RenderedRun | null): void {
    lastRun.value = run;
  }

  function applyStream(message: RunStream): void {
    stream.value = message;
  }

  function applySession(id: string): void {
    sessionId.value = id;
  }

  function applyProjectTheme(next: ProjectTheme | null): void {
    projectTheme.value = next;
  }

  /** Cycles through the themes there are: the project's (if any), light, dark. */
  function toggleTheme(): void {
    const order: ThemeChoice[] = projectTheme.value ? ["custom", "light", "dark"] : ["light", "dark"];
    chosen.value = order[(order.indexOf(choice.value) + 1) % order.length]!;
    globalThis.localStorage?.setItem(THEME_KEY, chosen.value);
  }

  function setWidth(preset: WidthPreset): void {
    pickedWidth.value = preset;
  }

  /** A new layout from the app is the author's decision: it replaces a centered/wide pick, not the phone view. */
  function applyPageLayout(layout: PageLayout): void {
    if (layout === appLayout.value) return;
    appLayout.value = layout;
    if (pickedWidth.value !== "mobile") pickedWidth.value = null;
  }

  return {
    lastRun,
    stream,
    sessionId,
    projectTheme,
    choice,
    custom,
    theme,
    preset,
    width,
    pageLayout,
    applyRun,
    applyStream,
    applySession,
    applyProjectTheme,
    applyPageLayout,
    toggleTheme,
    setWidth,
  };
});
