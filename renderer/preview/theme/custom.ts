import { getLuminance, mix, parseToRgba, transparentize } from "color2k";
import type { ThemeInput, ThemeName } from "../../../common";
import { darkTheme, lightTheme, type ComponentTheme } from "./defaults";

/** A warning the theme produced, worded like Streamlit's frontend logs it. */
export type ThemeWarn = (message: string) => void;

const presets: Record<ThemeName, ComponentTheme> = { light: lightTheme, dark: darkTheme };

/** Streamlit's short font names (theme/utils.ts `parseFont`); anything else is a CSS font-family list used as given. */
const FONT_NAMES: Record<string, string> = {
  "sans-serif": '"Source Sans", sans-serif',
  serif: '"Source Serif", serif',
  monospace: '"Source Code Pro", monospace',
};

function parseFont(font: string): string {
  return FONT_NAMES[font.toLowerCase().replaceAll(" ", "-")] ?? font;
}

function isColor(color: string): boolean {
  try {
    parseToRgba(color);
    return true;
  } catch {
    return false;
  }
}

/** theme/utils.ts `parseColor`: as given, else with a `#` in front, else a warning and the default. */
function parseColor(color: string, key: string, warn: ThemeWarn): string | undefined {
  if (isColor(color)) return color;
  if (isColor(`#${color}`)) return `#${color}`;
  warn(`Invalid color passed for ${key} in theme: "${color}"`);
  return undefined;
}

const RADIUS_NAMES: Record<string, number> = { none: 0, small: 0.35, medium: 0.5, large: 1, full: 1.4 };

/** theme/utils.ts `parseRadius`: a name, rem, px, or a bare number taken as px. */
function parseRadius(radius: string): string | undefined {
  const text = radius.trim().toLowerCase();
  if (text in RADIUS_NAMES) return `${RADIUS_NAMES[text]}rem`;
  const value = parseFloat(text);
  if (Number.isNaN(value)) return undefined;
  return text.endsWith("rem") ? `${value}rem` : `${value}px`;
}

/** theme/utils.ts `parseFontSize`: rem or px as written (trimmed, lower-cased), a bare number as px. */
function parseFontSize(name: string, size: string | number, warn: ThemeWarn): string | undefined {
  if (typeof size === "string") {
    const text = size.trim().toLowerCase();
    const value = parseFloat(text);
    if (value && (text.endsWith("rem") || text.endsWith("px"))) return text;
    if (String(value) === text) return `${text}px`;
  }
  warn(`Invalid size passed for ${name} in theme: ${size}. Falling back to default ${name}.`);
  return undefined;
}

function validWeight(name: string, weight: number, min: number, max: number, warn: ThemeWarn): boolean {
  if (Number.isInteger(weight) && weight % 100 === 0 && weight >= min && weight <= max) return true;
  warn(
    `Invalid ${name}: ${weight} in theme. The ${name} must be an integer ${min}-${max}, and an increment of 100. Falling back to default font weight.`,
  );
  return false;
}

/** The light or dark theme the project's theme completes its missing colors from (`base`, light when unset). */
export function customThemeBase(input: ThemeInput): ThemeName {
  const preset = presets[input.base ?? "light"];
  const background = input.backgroundColor && isColor(input.backgroundColor) ? input.backgroundColor : preset.backgroundColor;
  // Streamlit picks its auxiliary colors (and we the page's color-scheme) by the background, not by `base`.
  return getLuminance(background) > 0.5 ? "light" : "dark";
}

/**
 * The theme a component sees for a project's `[theme]`, derived the way Streamlit's frontend
 * derives it (theme/utils.ts `createTheme` and `createEmotionTheme`, theme/getColors.ts
 * `createEmotionColors`; docs/semantics.md §8.6): missing colors come from `base`, the derived
 * ones (borders, code background, charts) from the result, the red…gray palette from the preset
 * whose lightness matches the background. An unusable value is warned about and left at its default.
 */
export function createCustomTheme(input: ThemeInput, warn: ThemeWarn): ComponentTheme {
  const color = (key: keyof ThemeInput): string | undefined => {
    const value = input[key];
    return typeof value === "string" ? parseColor(value, key, warn) : undefined;
  };
  const base = presets[input.base ?? "light"];
  const bodyText = color("textColor") ?? base.textColor;
  const bgColor = color("backgroundColor") ?? base.backgroundColor;
  const secondaryBg = color("secondaryBackgroundColor") ?? base.secondaryBackgroundColor;
  const primary = color("primaryColor") ?? base.primaryColor;
  const starting = presets[getLuminance(bgColor) > 0.5 ? "light" : "dark"];

  const bgMix = mix(bgColor, secondaryBg, 0.5);
  const fadedText05 = transparentize(bodyText, 0.9);
  const customBorder = color("borderColor");
  const borderColor = customBorder ?? transparentize(bodyText, 0.8);
  const borderColorLight = customBorder ? transparentize(customBorder, 0.55) : fadedText05;

  const theme: ComponentTheme = {
    ...starting,
    primaryColor: primary,
    backgroundColor: bgColor,
    secondaryBackgroundColor: secondaryBg,
    textColor: bodyText,
    headingColor: bodyText,
    linkColor: color("linkColor") ?? starting.linkColor,
    codeBackgroundColor: color("codeBackgroundColor") ?? bgMix,
    dataframeHeaderBackgroundColor: color("dataframeHeaderBackgroundColor") ?? bgMix,
    borderColor,
    borderColorLight,
    dataframeBorderColor: color("dataframeBorderColor") ?? borderColorLight,
    widgetBorderColor: input.showWidgetBorder ? borderColor : "transparent",
    linkUnderline: input.linkUnderline ?? starting.linkUnderline,
  };

  const validColors = (name: string, colors: string[]) =>
    colors.map((entry) => parseColor(entry, name, warn)).filter((entry): entry is string => entry !== undefined);
  if (input.chartCategoricalColors?.length) {
    const colors = validColors("chartCategoricalColors", input.chartCategoricalColors);
    if (colors.length) theme.chartCategoricalColors = colors;
  }
  if (input.chartSequentialColors?.length) {
    const colors = validColors("chartSequentialColors", input.chartSequentialColors);
    if (colors.length === 10) theme.chartSequentialColors = colors;
    else warn(`Invalid chartSequentialColors: ${input.chartSequentialColors.toString()}. Falling back to default chartSequentialColors.`);
  }

  if (input.baseRadius !== undefined) {
    const radius = parseRadius(input.baseRadius);
    if (radius) theme.baseRadius = theme.buttonRadius = radius;
    else warn(`Invalid base radius: ${input.baseRadius}. Falling back to default base radius.`);
  }
  if (input.buttonRadius !== undefined) {
    const radius = parseRadius(input.buttonRadius);
    if (radius) theme.buttonRadius = radius;
    else warn(`Invalid button radius: ${input.buttonRadius}. Falling back to default button radius.`);
  }

  const baseFontSize = input.baseFontSize && input.baseFontSize > 0 ? input.baseFontSize : parseInt(starting.baseFontSize, 10);
  theme.baseFontSize = `${baseFontSize}px`;
  if (input.codeFontSize !== undefined && input.codeFontSize !== "") {
    theme.codeFontSize = parseFontSize("codeFontSize", input.codeFontSize, warn) ?? theme.codeFontSize;
  }
  const headingFontSizes = [...starting.headingFontSizes];
  input.headingFontSizes?.forEach((size, index) => {
    const name = `h${index + 1}FontSize in headingFontSizes`;
    const parsed = parseFontSize(name, size, warn);
    // Headings are sized in rem: a px size is divided by the base font size.
    if (parsed?.endsWith("rem")) headingFontSizes[index] = parsed;
    else if (parsed) headingFontSizes[index] = `${parseFloat(parsed) / baseFontSize}rem`;
  });

  if (input.baseFontWeight && validWeight("baseFontWeight", input.baseFontWeight, 100, 600, warn)) {
    theme.baseFontWeight = theme.codeFontWeight = input.baseFontWeight;
  }
  if (input.codeFontWeight && validWeight("codeFontWeight", input.codeFontWeight, 100, 600, warn)) {
    theme.codeFontWeight = input.codeFontWeight;
  }
  const headingFontWeights = [...starting.headingFontWeights];
  input.headingFontWeights?.forEach((weight, index) => {
    if (validWeight(`h${index + 1}FontWeight in headingFontWeights`, weight, 100, 900, warn)) headingFontWeights[index] = weight;
  });
  Object.assign(theme, headingArrays(headingFontSizes, headingFontWeights));

  if (input.bodyFont) theme.font = parseFont(input.bodyFont);
  if (input.codeFont) theme.codeFont = parseFont(input.codeFont);
  const headingFont = input.headingFont || input.bodyFont;
  if (headingFont) theme.headingFont = parseFont(headingFont);
  return theme;
}

/** The list and its six single entries, as `extractComponentsV2Theme` spreads them. */
function headingArrays(sizes: string[], weights: number[]): Partial<ComponentTheme> {
  return {
    headingFontSizes: sizes,
    headingFontSize1: sizes[0],
    headingFontSize2: sizes[1],
    headingFontSize3: sizes[2],
    headingFontSize4: sizes[3],
    headingFontSize5: sizes[4],
    headingFontSize6: sizes[5],
    headingFontWeights: weights,
    headingFontWeight1: weights[0],
    headingFontWeight2: weights[1],
    headingFontWeight3: weights[2],
    headingFontWeight4: weights[3],
    headingFontWeight5: weights[4],
    headingFontWeight6: weights[5],
  };
}
