import { describe, expect, it } from "vitest";
import { darkTheme, lightTheme } from "../../renderer/preview/theme/defaults";
import { themeCssVars } from "../../renderer/preview/theme/index";
import { cssVarName, cssVarValue, kebabCase, toCssVars } from "../../renderer/preview/theme/names";

/** The keys Streamlit 1.64.0 hands to components, in the order of its mapping (docs/semantics.md §8.4: extractComponentsV2Theme). */
const KEYS_1_64 = [
  "primaryColor", "backgroundColor", "secondaryBackgroundColor", "textColor", "linkColor", "linkUnderline",
  "headingFont", "codeFont", "baseRadius", "buttonRadius", "baseFontSize", "baseFontWeight", "codeFontWeight",
  "codeFontSize", "headingFontSizes", "headingFontSize1", "headingFontSize2", "headingFontSize3", "headingFontSize4",
  "headingFontSize5", "headingFontSize6", "headingFontWeights", "headingFontWeight1", "headingFontWeight2",
  "headingFontWeight3", "headingFontWeight4", "headingFontWeight5", "headingFontWeight6", "borderColor",
  "dataframeBorderColor", "dataframeHeaderBackgroundColor", "codeBackgroundColor", "font", "chartCategoricalColors",
  "chartSequentialColors", "chartDivergingColors", "headingColor", "borderColorLight", "codeTextColor",
  "widgetBorderColor", "redColor", "orangeColor", "yellowColor", "blueColor", "greenColor", "violetColor", "grayColor",
  "redBackgroundColor", "orangeBackgroundColor", "yellowBackgroundColor", "blueBackgroundColor",
  "greenBackgroundColor", "violetBackgroundColor", "grayBackgroundColor", "redTextColor", "orangeTextColor",
  "yellowTextColor", "blueTextColor", "greenTextColor", "violetTextColor", "grayTextColor", "metricValueFontSize",
  "metricValueFontWeight",
];

describe("theme variable names (lodash kebabCase, digits split)", () => {
  it.each([
    ["headingFontSize1", "--st-heading-font-size-1"],
    ["headingFontWeight6", "--st-heading-font-weight-6"],
    ["primaryColor", "--st-primary-color"],
    ["secondaryBackgroundColor", "--st-secondary-background-color"],
    ["chartCategoricalColors", "--st-chart-categorical-colors"],
    ["dataframeHeaderBackgroundColor", "--st-dataframe-header-background-color"],
    ["font", "--st-font"],
  ])("%s → %s", (key, name) => {
    expect(cssVarName(key)).toBe(name);
  });

  it("splits words like lodash: acronyms, leading digits, ordinals, separators", () => {
    expect(kebabCase("XMLHttpRequest")).toBe("xml-http-request");
    expect(kebabCase("h1FontSize")).toBe("h-1-font-size");
    expect(kebabCase("the21stCentury")).toBe("the-21st-century");
    expect(kebabCase("__FOO_BAR__")).toBe("foo-bar");
    expect(cssVarName("primaryColor", "--custom")).toBe("--custom-primary-color");
  });
});

describe("theme variable values", () => {
  it("writes booleans as 1/0, arrays comma-joined, numbers as text, and null, undefined or objects as unset", () => {
    expect(cssVarValue(true)).toBe("1");
    expect(cssVarValue(false)).toBe("0");
    expect(cssVarValue(["2.75rem", "2.25rem"])).toBe("2.75rem,2.25rem");
    expect(cssVarValue([700, 600])).toBe("700,600");
    expect(cssVarValue(400)).toBe("400");
    expect(cssVarValue("16px")).toBe("16px");
    expect(cssVarValue(null)).toBe("unset");
    expect(cssVarValue(undefined)).toBe("unset");
    expect(cssVarValue({ a: 1 })).toBe("unset");
  });

  it("maps a whole theme object", () => {
    expect(toCssVars({ linkUnderline: false, headingFontSize1: "3rem", borderColor: null })).toEqual({
      "--st-link-underline": "0",
      "--st-heading-font-size-1": "3rem",
      "--st-border-color": "unset",
    });
  });
});

describe("Streamlit's default themes", () => {
  it("define exactly the 1.64.0 keys, light and dark alike", () => {
    expect(Object.keys(lightTheme).sort()).toEqual([...KEYS_1_64].sort());
    expect(Object.keys(darkTheme).sort()).toEqual([...KEYS_1_64].sort());
    expect(Object.keys(themeCssVars("light"))).toHaveLength(KEYS_1_64.length);
  });

  it("has the light theme's values", () => {
    const vars = themeCssVars("light");
    expect(vars).toMatchObject({
      "--st-primary-color": "#ff4b4b",
      "--st-background-color": "#ffffff",
      "--st-secondary-background-color": "#f0f2f6",
      "--st-text-color": "#31333F",
      "--st-link-color": "#0054a3",
      "--st-link-underline": "1",
      "--st-code-background-color": "rgba(248, 249, 251, 1)",
      "--st-code-text-color": "#158237",
      "--st-border-color": "rgba(49, 51, 63, 0.2)",
      "--st-border-color-light": "rgba(49, 51, 63, 0.1)",
      "--st-widget-border-color": "transparent",
      "--st-red-color": "#ff4b4b",
      "--st-red-background-color": "rgba(255, 43, 43, 0.1)",
      "--st-red-text-color": "#bd4043",
      "--st-gray-text-color": "rgba(49, 51, 63, 0.6)",
      "--st-font": '"Source Sans",sans-serif',
      "--st-code-font": '"Source Code Pro",monospace',
      "--st-base-font-size": "16px",
      "--st-base-radius": "0.5rem",
      "--st-button-radius": "0.5rem",
      "--st-heading-font-sizes": "2.75rem,2.25rem,1.75rem,1.5rem,1.25rem,1rem",
      "--st-heading-font-size-1": "2.75rem",
      "--st-heading-font-weights": "700,600,600,600,600,600",
      "--st-heading-font-weight-1": "700",
      "--st-chart-categorical-colors": "#0068c9,#83c9ff,#ff2b2b,#ffabab,#29b09d,#7defa1,#ff8700,#ffd16a,#6d3fc0,#d5dae5",
      "--st-metric-value-font-size": "2.25rem",
      "--st-metric-value-font-weight": "400",
    });
  });

  it("has the dark theme's values", () => {
    expect(themeCssVars("dark")).toMatchObject({
      "--st-primary-color": "#ff4b4b",
      "--st-background-color": "#0e1117",
      "--st-secondary-background-color": "#262730",
      "--st-text-color": "#fafafa",
      "--st-link-color": "#3d9df3",
      "--st-code-background-color": "rgba(26, 28, 36, 1)",
      "--st-code-text-color": "#5ce488",
      "--st-border-color": "rgba(250, 250, 250, 0.2)",
      "--st-red-color": "#ff2b2b",
      "--st-red-background-color": "rgba(255, 108, 108, 0.2)",
      "--st-red-text-color": "#ff6c6c",
      "--st-chart-sequential-colors": "#004280,#0054a3,#0068c9,#1c83e1,#3d9df3,#60b4ff,#83c9ff,#a6dcff,#c7ebff,#e4f5ff",
    });
  });
});
