import type { StreamlitTheme } from "@streamlit/component-v2-lib";
import type { ThemeName } from "../../main/contract";

/**
 * A subset of Streamlit's default themes, exposed the way Streamlit exposes them to components:
 * `--st-*` custom properties on each component's theme wrapper (§8.4).
 */
type ThemeValues = Partial<StreamlitTheme>;

const headingFontSizes = ["2.75rem", "2.25rem", "1.75rem", "1.5rem", "1.25rem", "1rem"];
const headingFontWeights = [700, 600, 600, 600, 600, 600];

const shared: ThemeValues = {
  primaryColor: "#ff4b4b",
  linkUnderline: true,
  font: "Source Sans Pro, sans-serif",
  headingFont: "Source Sans Pro, sans-serif",
  codeFont: "Source Code Pro, monospace",
  baseRadius: "0.5rem",
  buttonRadius: "0.5rem",
  baseFontSize: "16px",
  baseFontWeight: 400,
  codeFontWeight: 400,
  codeFontSize: "0.875rem",
  headingFontSizes,
  headingFontWeights,
  ...Object.fromEntries(headingFontSizes.map((size, i) => [`headingFontSize${i + 1}`, size])),
  ...Object.fromEntries(headingFontWeights.map((weight, i) => [`headingFontWeight${i + 1}`, weight])),
  widgetBorderColor: "transparent",
};

const light: ThemeValues = {
  ...shared,
  backgroundColor: "#ffffff",
  secondaryBackgroundColor: "#f0f2f6",
  textColor: "#31333f",
  headingColor: "#31333f",
  linkColor: "#0068c9",
  borderColor: "rgba(49, 51, 63, 0.2)",
  borderColorLight: "rgba(49, 51, 63, 0.1)",
  codeBackgroundColor: "#f0f2f6",
  codeTextColor: "#09ab3b",
  redColor: "#ff4b4b",
  orangeColor: "#ffa421",
  yellowColor: "#faca2b",
  blueColor: "#1c83e1",
  greenColor: "#21c354",
  violetColor: "#803df5",
  grayColor: "#a3a8b8",
  redBackgroundColor: "rgba(255, 43, 43, 0.09)",
  orangeBackgroundColor: "rgba(255, 164, 33, 0.1)",
  yellowBackgroundColor: "rgba(255, 227, 18, 0.1)",
  blueBackgroundColor: "rgba(28, 131, 225, 0.1)",
  greenBackgroundColor: "rgba(33, 195, 84, 0.1)",
  violetBackgroundColor: "rgba(128, 61, 245, 0.1)",
  grayBackgroundColor: "rgba(49, 51, 63, 0.1)",
  redTextColor: "#bd4043",
  orangeTextColor: "#e2660c",
  yellowTextColor: "#926c05",
  blueTextColor: "#0054a3",
  greenTextColor: "#177233",
  violetTextColor: "#583f84",
  grayTextColor: "#31333f",
};

const dark: ThemeValues = {
  ...shared,
  backgroundColor: "#0e1117",
  secondaryBackgroundColor: "#262730",
  textColor: "#fafafa",
  headingColor: "#fafafa",
  linkColor: "#3d9df3",
  borderColor: "rgba(250, 250, 250, 0.2)",
  borderColorLight: "rgba(250, 250, 250, 0.1)",
  codeBackgroundColor: "#262730",
  codeTextColor: "#3dd56d",
  redColor: "#ff6c6c",
  orangeColor: "#ffbd45",
  yellowColor: "#ffe312",
  blueColor: "#3d9df3",
  greenColor: "#3dd56d",
  violetColor: "#9a5dff",
  grayColor: "#bfc5d3",
  redBackgroundColor: "rgba(255, 108, 108, 0.2)",
  orangeBackgroundColor: "rgba(255, 189, 69, 0.2)",
  yellowBackgroundColor: "rgba(255, 227, 18, 0.2)",
  blueBackgroundColor: "rgba(61, 157, 243, 0.2)",
  greenBackgroundColor: "rgba(61, 213, 109, 0.2)",
  violetBackgroundColor: "rgba(154, 93, 255, 0.2)",
  grayBackgroundColor: "rgba(250, 250, 250, 0.1)",
  redTextColor: "#ff6c6c",
  orangeTextColor: "#ffbd45",
  yellowTextColor: "#ffffc2",
  blueTextColor: "#3d9df3",
  greenTextColor: "#5ce488",
  violetTextColor: "#b27eff",
  grayTextColor: "#fafafa",
};

/** Streamlit's naming: lodash kebab-case with digits split off, `headingFontSize1` → `--st-heading-font-size-1`. */
function cssName(key: string): string {
  return `--st-${key.replace(/[A-Z]|\d+/g, (part) => `-${part.toLowerCase()}`)}`;
}

/** Streamlit's value rules: booleans "1"/"0", arrays comma-joined, anything else unusable → `unset`. */
function cssValue(value: unknown): string {
  if (typeof value === "boolean") return value ? "1" : "0";
  if (Array.isArray(value)) return value.join(",");
  if (typeof value === "string" || typeof value === "number") return String(value);
  return "unset";
}

function toCssVars(theme: ThemeValues): Record<string, string> {
  return Object.fromEntries(Object.entries(theme).map(([key, value]) => [cssName(key), cssValue(value)]));
}

const cssVars: Record<ThemeName, Record<string, string>> = { light: toCssVars(light), dark: toCssVars(dark) };

export function themeCssVars(theme: ThemeName): Record<string, string> {
  return cssVars[theme];
}
