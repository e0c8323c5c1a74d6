import type { StreamlitTheme } from "@streamlit/component-v2-lib";

/**
 * The theme object Streamlit 1.64.0 hands to components (§8.4; the runtime's
 * `extractComponentsV2Theme`): the published `StreamlitTheme` plus the keys the 0.2.0 types lack.
 */
export type ComponentTheme = StreamlitTheme & {
  chartDivergingColors: string[];
  /** st.metric's value font (the base theme's fontSizes/fontWeights; a config may leave them unset). */
  metricValueFontSize: string | null;
  metricValueFontWeight: number | null;
};

/*
 * Values of Streamlit's default light and dark themes, read from its theme sources
 * (primitives/colors.ts, typography.ts, radii.ts, emotionBaseTheme/ and emotionDarkTheme/
 * themeColors.ts, getColors.ts) and evaluated the way the runtime evaluates them: derived colours
 * (borders, code background, faded text) are color2k's `transparentize`/`mix` output, verbatim.
 */

const headingFontSizes = ["2.75rem", "2.25rem", "1.75rem", "1.5rem", "1.25rem", "1rem"];
const headingFontWeights = [700, 600, 600, 600, 600, 600];

/** Everything that does not depend on light or dark. */
const shared = {
  primaryColor: "#ff4b4b",
  linkUnderline: true,
  headingFont: '"Source Sans", sans-serif',
  codeFont: '"Source Code Pro", monospace',
  baseRadius: "0.5rem",
  buttonRadius: "0.5rem",
  baseFontSize: "16px",
  baseFontWeight: 400,
  codeFontWeight: 400,
  codeFontSize: "0.875rem",
  headingFontSizes,
  headingFontSize1: headingFontSizes[0],
  headingFontSize2: headingFontSizes[1],
  headingFontSize3: headingFontSizes[2],
  headingFontSize4: headingFontSizes[3],
  headingFontSize5: headingFontSizes[4],
  headingFontSize6: headingFontSizes[5],
  headingFontWeights,
  headingFontWeight1: headingFontWeights[0],
  headingFontWeight2: headingFontWeights[1],
  headingFontWeight3: headingFontWeights[2],
  headingFontWeight4: headingFontWeights[3],
  headingFontWeight5: headingFontWeights[4],
  headingFontWeight6: headingFontWeights[5],
  font: '"Source Sans", sans-serif',
  // No theme sets a widget border; Streamlit then sends `transparent`.
  widgetBorderColor: "transparent",
  // Observed on a running 1.64.0 in both themes (not `unset`, as the theme sources suggested).
  metricValueFontSize: "2.25rem",
  metricValueFontWeight: 400,
} satisfies Partial<ComponentTheme>;

/** red100, red90, red70, red50, red30, blue30, blue50, blue70, blue90, blue100 in both themes. */
const chartDivergingColors = ["#7d353b", "#bd4043", "#ff4b4b", "#ff8c8c", "#ffc7c7", "#a6dcff", "#60b4ff", "#1c83e1", "#0054a3", "#004280"];

export const lightTheme: ComponentTheme = {
  ...shared,
  backgroundColor: "#ffffff",
  secondaryBackgroundColor: "#f0f2f6",
  // Streamlit spells gray85 with a capital F.
  textColor: "#31333F",
  headingColor: "#31333F",
  linkColor: "#0054a3",
  borderColor: "rgba(49, 51, 63, 0.2)",
  borderColorLight: "rgba(49, 51, 63, 0.1)",
  dataframeBorderColor: "rgba(49, 51, 63, 0.1)",
  dataframeHeaderBackgroundColor: "rgba(248, 249, 251, 1)",
  codeBackgroundColor: "rgba(248, 249, 251, 1)",
  codeTextColor: "#158237",
  chartCategoricalColors: ["#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700", "#ffd16a", "#6d3fc0", "#d5dae5"],
  chartSequentialColors: ["#e4f5ff", "#c7ebff", "#a6dcff", "#83c9ff", "#60b4ff", "#3d9df3", "#1c83e1", "#0068c9", "#0054a3", "#004280"],
  chartDivergingColors,
  redColor: "#ff4b4b",
  orangeColor: "#ffa421",
  yellowColor: "#faca2b",
  blueColor: "#1c83e1",
  greenColor: "#21c354",
  violetColor: "#803df5",
  grayColor: "#a3a8b8",
  redBackgroundColor: "rgba(255, 43, 43, 0.1)",
  orangeBackgroundColor: "rgba(255, 164, 33, 0.1)",
  yellowBackgroundColor: "rgba(255, 255, 18, 0.1)",
  blueBackgroundColor: "rgba(28, 131, 255, 0.1)",
  greenBackgroundColor: "rgba(33, 195, 84, 0.1)",
  violetBackgroundColor: "rgba(154, 93, 255, 0.1)",
  grayBackgroundColor: "rgba(49, 51, 63, 0.1)",
  redTextColor: "#bd4043",
  orangeTextColor: "#e2660c",
  yellowTextColor: "#926c05",
  blueTextColor: "#0054a3",
  greenTextColor: "#158237",
  violetTextColor: "#583f84",
  grayTextColor: "rgba(49, 51, 63, 0.6)",
};

export const darkTheme: ComponentTheme = {
  ...shared,
  backgroundColor: "#0e1117",
  secondaryBackgroundColor: "#262730",
  textColor: "#fafafa",
  headingColor: "#fafafa",
  linkColor: "#3d9df3",
  borderColor: "rgba(250, 250, 250, 0.2)",
  borderColorLight: "rgba(250, 250, 250, 0.1)",
  dataframeBorderColor: "rgba(250, 250, 250, 0.1)",
  dataframeHeaderBackgroundColor: "rgba(26, 28, 36, 1)",
  codeBackgroundColor: "rgba(26, 28, 36, 1)",
  codeTextColor: "#5ce488",
  chartCategoricalColors: ["#83c9ff", "#0068c9", "#ffabab", "#ff2b2b", "#7defa1", "#29b09d", "#ffd16a", "#ff8700", "#6d3fc0", "#d5dae5"],
  chartSequentialColors: ["#004280", "#0054a3", "#0068c9", "#1c83e1", "#3d9df3", "#60b4ff", "#83c9ff", "#a6dcff", "#c7ebff", "#e4f5ff"],
  chartDivergingColors,
  redColor: "#ff2b2b",
  orangeColor: "#ff8700",
  yellowColor: "#ffe312",
  blueColor: "#0068c9",
  greenColor: "#09ab3b",
  violetColor: "#803df5",
  grayColor: "#555867",
  redBackgroundColor: "rgba(255, 108, 108, 0.2)",
  orangeBackgroundColor: "rgba(255, 135, 0, 0.2)",
  yellowBackgroundColor: "rgba(255, 255, 18, 0.2)",
  blueBackgroundColor: "rgba(61, 157, 243, 0.2)",
  greenBackgroundColor: "rgba(61, 213, 109, 0.2)",
  violetBackgroundColor: "rgba(154, 93, 255, 0.2)",
  grayBackgroundColor: "rgba(128, 132, 149, 0.2)",
  redTextColor: "#ff6c6c",
  orangeTextColor: "#ffbd45",
  yellowTextColor: "#ffffc2",
  blueTextColor: "#3d9df3",
  greenTextColor: "#5ce488",
  violetTextColor: "#b27eff",
  grayTextColor: "rgba(250, 250, 250, 0.6)",
};
