import type { ThemeInput, ThemeName } from "../../../common";
import { createCustomTheme, customThemeBase, type ThemeWarn } from "./custom";
import { darkTheme, lightTheme } from "./defaults";
import { asEmotionWritesThem, toCssVars } from "./names";

/** The theme the app view shows: whether it is light or dark, and the `--st-*` properties on each theme wrapper. */
export interface ActiveTheme {
  base: ThemeName;
  vars: Record<string, string>;
  /**
   * The page's own font stacks, set only by a project that names fonts: the presets keep the
   * stylesheet's stacks, which reach installed Source Sans/Code Pro files Streamlit would serve itself.
   */
  page: Record<string, string>;
  /** Equal for equal themes: a theme message that changes nothing re-invokes no component. */
  key: string;
}

function active(base: ThemeName, vars: Record<string, string>, page: Record<string, string> = {}): ActiveTheme {
  return { base, vars, page, key: JSON.stringify([vars, page]) };
}

const presets: Record<ThemeName, ActiveTheme> = {
  light: active("light", asEmotionWritesThem(toCssVars(lightTheme))),
  dark: active("dark", asEmotionWritesThem(toCssVars(darkTheme))),
};

export function presetTheme(theme: ThemeName): ActiveTheme {
  return presets[theme];
}

/** The `--st-*` custom properties Streamlit puts on a component's theme wrapper for a preset. */
export function themeCssVars(theme: ThemeName): Record<string, string> {
  return presets[theme].vars;
}

/** A preset, or the project's `[theme]` (`custom`), with the warnings Streamlit's frontend would log for it. */
export function activeTheme(theme: ThemeName, custom: ThemeInput | undefined, warn: ThemeWarn): ActiveTheme {
  if (!custom) return presetTheme(theme);
  const vars = asEmotionWritesThem(toCssVars(createCustomTheme(custom, warn)));
  const page: Record<string, string> = {};
  if (custom.bodyFont) page["--lw-font"] = vars["--st-font"]!;
  if (custom.headingFont || custom.bodyFont) page["--lw-heading-font"] = vars["--st-heading-font"]!;
  if (custom.codeFont) page["--lw-code-font"] = vars["--st-code-font"]!;
  return active(customThemeBase(custom), vars, page);
}

export { customThemeBase };
