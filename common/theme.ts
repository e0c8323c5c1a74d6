import * as v from "valibot";

/**
 * A project's `[theme]` from `.streamlit/config.toml`, as the host checked it (docs/semantics.md
 * §8.6): only the options Streamlit's `lib/streamlit/config.py` defines, each of its type. Colors,
 * sizes and radii are still the author's text: the preview interprets them the way Streamlit's
 * frontend does (and warns the same way when one is unusable).
 */
export const ThemeInputSchema = v.strictObject({
  base: v.optional(v.picklist(["light", "dark"])),
  primaryColor: v.optional(v.string()),
  backgroundColor: v.optional(v.string()),
  secondaryBackgroundColor: v.optional(v.string()),
  textColor: v.optional(v.string()),
  linkColor: v.optional(v.string()),
  linkUnderline: v.optional(v.boolean()),
  codeBackgroundColor: v.optional(v.string()),
  /** `theme.font`, which Streamlit sends to the frontend as `bodyFont`. */
  bodyFont: v.optional(v.string()),
  headingFont: v.optional(v.string()),
  codeFont: v.optional(v.string()),
  baseFontSize: v.optional(v.number()),
  baseFontWeight: v.optional(v.number()),
  codeFontSize: v.optional(v.union([v.string(), v.number()])),
  codeFontWeight: v.optional(v.number()),
  /** Always six entries once the host filled a shorter list (or a single value) like Streamlit. */
  headingFontSizes: v.optional(v.array(v.string())),
  headingFontWeights: v.optional(v.array(v.number())),
  baseRadius: v.optional(v.string()),
  buttonRadius: v.optional(v.string()),
  borderColor: v.optional(v.string()),
  dataframeBorderColor: v.optional(v.string()),
  dataframeHeaderBackgroundColor: v.optional(v.string()),
  showWidgetBorder: v.optional(v.boolean()),
  chartCategoricalColors: v.optional(v.array(v.string())),
  chartSequentialColors: v.optional(v.array(v.string())),
});
export type ThemeInput = v.InferOutput<typeof ThemeInputSchema>;

/** The theme the host found for the open app: the merged input and the files it came from, in order. */
export interface ProjectTheme {
  input: ThemeInput;
  files: string[];
}

/** Streamlit's page layouts (`st.set_page_config(layout=...)`): a 736 px column, or the full width. */
export const PageLayoutSchema = v.picklist(["centered", "wide"]);
export type PageLayout = v.InferOutput<typeof PageLayoutSchema>;

export const PreviewLayoutMessageSchema = v.object({ type: v.literal("layout"), layout: PageLayoutSchema });

/** What the workbench tells the preview to show: a preset, or the project's custom theme on top of its base. */
export const PreviewThemeMessageSchema = v.object({
  type: v.literal("theme"),
  theme: v.picklist(["light", "dark"]),
  custom: v.optional(ThemeInputSchema),
});
