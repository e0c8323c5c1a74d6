import { describe, expect, it } from "vitest";
import { createCustomTheme, customThemeBase } from "../../renderer/preview/theme/custom";
import { darkTheme, lightTheme } from "../../renderer/preview/theme/defaults";
import { activeTheme, themeCssVars } from "../../renderer/preview/theme/index";
import { asEmotionWritesThem } from "../../renderer/preview/theme/names";

/** Every variable of Streamlit's default light theme as its page holds them (docs/semantics.md §8.4). */
const LIGHT_VARS = {
  "--st-background-color": "#ffffff",
  "--st-base-font-size": "16px",
  "--st-base-font-weight": "400",
  "--st-base-radius": "0.5rem",
  "--st-blue-background-color": "rgba(28, 131, 255, 0.1)",
  "--st-blue-color": "#1c83e1",
  "--st-blue-text-color": "#0054a3",
  "--st-border-color": "rgba(49, 51, 63, 0.2)",
  "--st-border-color-light": "rgba(49, 51, 63, 0.1)",
  "--st-button-radius": "0.5rem",
  "--st-chart-categorical-colors": "#0068c9,#83c9ff,#ff2b2b,#ffabab,#29b09d,#7defa1,#ff8700,#ffd16a,#6d3fc0,#d5dae5",
  "--st-chart-diverging-colors": "#7d353b,#bd4043,#ff4b4b,#ff8c8c,#ffc7c7,#a6dcff,#60b4ff,#1c83e1,#0054a3,#004280",
  "--st-chart-sequential-colors": "#e4f5ff,#c7ebff,#a6dcff,#83c9ff,#60b4ff,#3d9df3,#1c83e1,#0068c9,#0054a3,#004280",
  "--st-code-background-color": "rgba(248, 249, 251, 1)",
  "--st-code-font": '"Source Code Pro",monospace',
  "--st-code-font-size": "0.875rem",
  "--st-code-font-weight": "400",
  "--st-code-text-color": "#158237",
  "--st-dataframe-border-color": "rgba(49, 51, 63, 0.1)",
  "--st-dataframe-header-background-color": "rgba(248, 249, 251, 1)",
  "--st-font": '"Source Sans",sans-serif',
  "--st-gray-background-color": "rgba(49, 51, 63, 0.1)",
  "--st-gray-color": "#a3a8b8",
  "--st-gray-text-color": "rgba(49, 51, 63, 0.6)",
  "--st-green-background-color": "rgba(33, 195, 84, 0.1)",
  "--st-green-color": "#21c354",
  "--st-green-text-color": "#158237",
  "--st-heading-color": "#31333F",
  "--st-heading-font": '"Source Sans",sans-serif',
  "--st-heading-font-size-1": "2.75rem",
  "--st-heading-font-size-2": "2.25rem",
  "--st-heading-font-size-3": "1.75rem",
  "--st-heading-font-size-4": "1.5rem",
  "--st-heading-font-size-5": "1.25rem",
  "--st-heading-font-size-6": "1rem",
  "--st-heading-font-sizes": "2.75rem,2.25rem,1.75rem,1.5rem,1.25rem,1rem",
  "--st-heading-font-weight-1": "700",
  "--st-heading-font-weight-2": "600",
  "--st-heading-font-weight-3": "600",
  "--st-heading-font-weight-4": "600",
  "--st-heading-font-weight-5": "600",
  "--st-heading-font-weight-6": "600",
  "--st-heading-font-weights": "700,600,600,600,600,600",
  "--st-link-color": "#0054a3",
  "--st-link-underline": "1",
  "--st-metric-value-font-size": "2.25rem",
  "--st-metric-value-font-weight": "400",
  "--st-orange-background-color": "rgba(255, 164, 33, 0.1)",
  "--st-orange-color": "#ffa421",
  "--st-orange-text-color": "#e2660c",
  "--st-primary-color": "#ff4b4b",
  "--st-red-background-color": "rgba(255, 43, 43, 0.1)",
  "--st-red-color": "#ff4b4b",
  "--st-red-text-color": "#bd4043",
  "--st-secondary-background-color": "#f0f2f6",
  "--st-text-color": "#31333F",
  "--st-violet-background-color": "rgba(154, 93, 255, 0.1)",
  "--st-violet-color": "#803df5",
  "--st-violet-text-color": "#583f84",
  "--st-widget-border-color": "transparent",
  "--st-yellow-background-color": "rgba(255, 255, 18, 0.1)",
  "--st-yellow-color": "#faca2b",
  "--st-yellow-text-color": "#926c05",
};

/** And of the dark theme. */
const DARK_VARS = {
  "--st-background-color": "#0e1117",
  "--st-base-font-size": "16px",
  "--st-base-font-weight": "400",
  "--st-base-radius": "0.5rem",
  "--st-blue-background-color": "rgba(61, 157, 243, 0.2)",
  "--st-blue-color": "#0068c9",
  "--st-blue-text-color": "#3d9df3",
  "--st-border-color": "rgba(250, 250, 250, 0.2)",
  "--st-border-color-light": "rgba(250, 250, 250, 0.1)",
  "--st-button-radius": "0.5rem",
  "--st-chart-categorical-colors": "#83c9ff,#0068c9,#ffabab,#ff2b2b,#7defa1,#29b09d,#ffd16a,#ff8700,#6d3fc0,#d5dae5",
  "--st-chart-diverging-colors": "#7d353b,#bd4043,#ff4b4b,#ff8c8c,#ffc7c7,#a6dcff,#60b4ff,#1c83e1,#0054a3,#004280",
  "--st-chart-sequential-colors": "#004280,#0054a3,#0068c9,#1c83e1,#3d9df3,#60b4ff,#83c9ff,#a6dcff,#c7ebff,#e4f5ff",
  "--st-code-background-color": "rgba(26, 28, 36, 1)",
  "--st-code-font": '"Source Code Pro",monospace',
  "--st-code-font-size": "0.875rem",
  "--st-code-font-weight": "400",
  "--st-code-text-color": "#5ce488",
  "--st-dataframe-border-color": "rgba(250, 250, 250, 0.1)",
  "--st-dataframe-header-background-color": "rgba(26, 28, 36, 1)",
  "--st-font": '"Source Sans",sans-serif',
  "--st-gray-background-color": "rgba(128, 132, 149, 0.2)",
  "--st-gray-color": "#555867",
  "--st-gray-text-color": "rgba(250, 250, 250, 0.6)",
  "--st-green-background-color": "rgba(61, 213, 109, 0.2)",
  "--st-green-color": "#09ab3b",
  "--st-green-text-color": "#5ce488",
  "--st-heading-color": "#fafafa",
  "--st-heading-font": '"Source Sans",sans-serif',
  "--st-heading-font-size-1": "2.75rem",
  "--st-heading-font-size-2": "2.25rem",
  "--st-heading-font-size-3": "1.75rem",
  "--st-heading-font-size-4": "1.5rem",
  "--st-heading-font-size-5": "1.25rem",
  "--st-heading-font-size-6": "1rem",
  "--st-heading-font-sizes": "2.75rem,2.25rem,1.75rem,1.5rem,1.25rem,1rem",
  "--st-heading-font-weight-1": "700",
  "--st-heading-font-weight-2": "600",
  "--st-heading-font-weight-3": "600",
  "--st-heading-font-weight-4": "600",
  "--st-heading-font-weight-5": "600",
  "--st-heading-font-weight-6": "600",
  "--st-heading-font-weights": "700,600,600,600,600,600",
  "--st-link-color": "#3d9df3",
  "--st-link-underline": "1",
  "--st-metric-value-font-size": "2.25rem",
  "--st-metric-value-font-weight": "400",
  "--st-orange-background-color": "rgba(255, 135, 0, 0.2)",
  "--st-orange-color": "#ff8700",
  "--st-orange-text-color": "#ffbd45",
  "--st-primary-color": "#ff4b4b",
  "--st-red-background-color": "rgba(255, 108, 108, 0.2)",
  "--st-red-color": "#ff2b2b",
  "--st-red-text-color": "#ff6c6c",
  "--st-secondary-background-color": "#262730",
  "--st-text-color": "#fafafa",
  "--st-violet-background-color": "rgba(154, 93, 255, 0.2)",
  "--st-violet-color": "#803df5",
  "--st-violet-text-color": "#b27eff",
  "--st-widget-border-color": "transparent",
  "--st-yellow-background-color": "rgba(255, 255, 18, 0.2)",
  "--st-yellow-color": "#ffe312",
  "--st-yellow-text-color": "#ffffc2",
};

function build(input: Parameters<typeof createCustomTheme>[0]) {
  const warnings: string[] = [];
  return { theme: createCustomTheme(input, (warning) => warnings.push(warning)), warnings };
}

describe("the --st-* strings as Streamlit's page holds them (emotion's stylis pass)", () => {
  it("drops the blank after a top-level comma and keeps those inside parentheses", () => {
    expect(asEmotionWritesThem({ "--st-font": '"Source Sans", sans-serif', "--st-border-color": "rgba(49, 51, 63, 0.2)" })).toEqual({
      "--st-font": '"Source Sans",sans-serif',
      "--st-border-color": "rgba(49, 51, 63, 0.2)",
    });
    expect(asEmotionWritesThem({ "--st-font": "Inter , Arial, sans-serif" })).toEqual({ "--st-font": "Inter,Arial,sans-serif" });
  });

  it("pins every variable of the light and dark presets", () => {
    expect(themeCssVars("light")).toEqual(LIGHT_VARS);
    expect(themeCssVars("dark")).toEqual(DARK_VARS);
  });

  it.each([
    ["light", '"Source Sans",sans-serif', '"Source Code Pro",monospace', "rgba(49, 51, 63, 0.2)"],
    ["dark", '"Source Sans",sans-serif', '"Source Code Pro",monospace', "rgba(250, 250, 250, 0.2)"],
  ] as const)("the %s preset's fonts and borders", (theme, font, codeFont, border) => {
    const vars = themeCssVars(theme);
    expect(vars["--st-font"]).toBe(font);
    expect(vars["--st-heading-font"]).toBe(font);
    expect(vars["--st-code-font"]).toBe(codeFont);
    expect(vars["--st-border-color"]).toBe(border);
  });
});

describe("a project's [theme] (createTheme / createEmotionTheme)", () => {
  it("with nothing set is exactly the light theme, and with base dark the dark one", () => {
    expect(build({}).theme).toEqual(lightTheme);
    expect(build({ base: "dark" }).theme).toEqual(darkTheme);
    expect(build({}).warnings).toEqual([]);
  });

  it("derives borders, code and dataframe backgrounds from the colors it is given", () => {
    const { theme, warnings } = build({ primaryColor: "#1e88e5", backgroundColor: "#fdf6e3", secondaryBackgroundColor: "#eee8d5", textColor: "#073642" });
    expect(warnings).toEqual([]);
    expect(theme).toMatchObject({
      primaryColor: "#1e88e5",
      backgroundColor: "#fdf6e3",
      secondaryBackgroundColor: "#eee8d5",
      textColor: "#073642",
      headingColor: "#073642",
      borderColor: "rgba(7, 54, 66, 0.2)",
      borderColorLight: "rgba(7, 54, 66, 0.1)",
      dataframeBorderColor: "rgba(7, 54, 66, 0.1)",
      codeBackgroundColor: "rgba(246, 239, 220, 1)",
      dataframeHeaderBackgroundColor: "rgba(246, 239, 220, 1)",
      linkColor: lightTheme.linkColor,
      redColor: lightTheme.redColor,
    });
  });

  it("takes its auxiliary palette from the background's lightness, not from base", () => {
    const { theme } = build({ base: "light", backgroundColor: "#000000" });
    expect(customThemeBase({ base: "light", backgroundColor: "#000000" })).toBe("dark");
    expect(theme.redColor).toBe(darkTheme.redColor);
    expect(theme.chartSequentialColors).toEqual(darkTheme.chartSequentialColors);
    expect(theme.textColor).toBe(lightTheme.textColor);
  });

  it("maps fonts, radii, sizes and weights as Streamlit's frontend does", () => {
    const { theme, warnings } = build({
      bodyFont: "serif",
      codeFont: "JetBrains Mono, monospace",
      baseRadius: "full",
      buttonRadius: "4px",
      baseFontSize: 14,
      baseFontWeight: 300,
      codeFontSize: "13",
      headingFontSizes: ["3rem", "28px"],
      headingFontWeights: [800],
      linkUnderline: false,
      showWidgetBorder: true,
      borderColor: "#ff0000",
    });
    expect(warnings).toEqual([]);
    expect(theme).toMatchObject({
      font: '"Source Serif", serif',
      headingFont: '"Source Serif", serif',
      codeFont: "JetBrains Mono, monospace",
      baseRadius: "1.4rem",
      buttonRadius: "4px",
      baseFontSize: "14px",
      baseFontWeight: 300,
      codeFontWeight: 300,
      codeFontSize: "13px",
      headingFontSize1: "3rem",
      headingFontSize2: "2rem",
      headingFontSize3: "1.75rem",
      headingFontWeight1: 800,
      headingFontWeight2: 600,
      linkUnderline: false,
      borderColor: "#ff0000",
      borderColorLight: "rgba(255, 0, 0, 0.45)",
      dataframeBorderColor: "rgba(255, 0, 0, 0.45)",
      widgetBorderColor: "#ff0000",
    });
    expect(theme.headingFontSizes).toEqual(["3rem", "2rem", "1.75rem", "1.5rem", "1.25rem", "1rem"]);
  });

  it("accepts a color without its #, and warns about an unusable value and keeps the default", () => {
    const { theme, warnings } = build({ primaryColor: "00ff00", textColor: "not-a-color", baseRadius: "round", baseFontWeight: 450, chartSequentialColors: ["#000"] });
    expect(theme.primaryColor).toBe("#00ff00");
    expect(theme.textColor).toBe(lightTheme.textColor);
    expect(theme.baseRadius).toBe(lightTheme.baseRadius);
    expect(theme.baseFontWeight).toBe(400);
    expect(theme.chartSequentialColors).toEqual(lightTheme.chartSequentialColors);
    expect(warnings).toEqual([
      'Invalid color passed for textColor in theme: "not-a-color"',
      "Invalid chartSequentialColors: #000. Falling back to default chartSequentialColors.",
      "Invalid base radius: round. Falling back to default base radius.",
      "Invalid baseFontWeight: 450 in theme. The baseFontWeight must be an integer 100-600, and an increment of 100. Falling back to default font weight.",
    ]);
  });

  it("reaches the page as --st-* strings, fonts without the blank", () => {
    const theme = activeTheme("light", { primaryColor: "#7c3aed", bodyFont: "Inter, sans-serif", base: "dark" }, () => {});
    expect(theme.base).toBe("dark");
    expect(theme.vars["--st-primary-color"]).toBe("#7c3aed");
    expect(theme.vars["--st-font"]).toBe("Inter,sans-serif");
    expect(theme.vars["--st-background-color"]).toBe("#0e1117");
    expect(activeTheme("dark", undefined, () => {})).toBe(activeTheme("dark", undefined, () => {}));
  });
});
