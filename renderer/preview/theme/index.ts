import type { ThemeName } from "../../../common";
import { darkTheme, lightTheme } from "./defaults";
import { toCssVars } from "./names";

const cssVars: Record<ThemeName, Record<string, string>> = { light: toCssVars(lightTheme), dark: toCssVars(darkTheme) };

/** The `--st-*` custom properties Streamlit puts on a component's theme wrapper. */
export function themeCssVars(theme: ThemeName): Record<string, string> {
  return cssVars[theme];
}
