import type { ThemeInput, ThemeName } from "../../../common";
import { createCustomTheme, customThemeBase, type ThemeWarn } from "./custom";
import { darkTheme, lightTheme } from "./defaults";
import { asEmotionWritesThem, toCssVars } from "./names";

/** The theme the app view shows: whether it is light or dark, and the `--st-*` properties on each theme wrapper. */
export interface ActiveTheme {
  base: ThemeName;
  vars: Record<string, string>;
  /** Equal for equal themes: a theme message that changes nothing re-invokes no component. */
  key: string;
}

function active(base: ThemeName, vars: Record<string, string>): ActiveTheme {
  return { base, vars, key: JSON.stringify(vars) };
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
  return active(customThemeBase(custom), asEmotionWritesThem(toCssVars(createCustomTheme(custom, warn))));
}

export { customThemeBase };
