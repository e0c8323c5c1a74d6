import { compile, type Element } from "stylis";

/**
 * Streamlit's rules for turning its component theme into CSS custom properties (§8.4; the
 * runtime's `objectToCssCustomProperties`): `--st-` + lodash's kebabCase of the key.
 */

/**
 * The ASCII part of lodash's `words()` (theme keys are ASCII): a capitalised or lower-case word,
 * an acronym run, ordinals like `1st`, and digit runs, which is what splits `headingFontSize1`
 * into `heading font size 1`.
 */
const WORD =
  /[A-Z]?[a-z]+(?=[^A-Za-z0-9]|[A-Z]|$)|[A-Z]+(?=[^A-Za-z0-9]|[A-Z][a-z]|$)|[A-Z]?[a-z]+|[A-Z]+|\d*(?:1ST|2ND|3RD|(?![123])\dTH)(?=\b|[a-z_])|\d*(?:1st|2nd|3rd|(?![123])\dth)(?=\b|[A-Z_])|\d+/g;

/** lodash `kebabCase`: apostrophes dropped, words lower-cased and joined with `-`. */
export function kebabCase(key: string): string {
  return (key.replace(/['’]/g, "").match(WORD) ?? []).map((word) => word.toLowerCase()).join("-");
}

export function cssVarName(key: string, prefix = "--st"): string {
  return `${prefix}-${kebabCase(key)}`;
}

/** Booleans "1"/"0", arrays comma-joined, numbers and strings as text, anything else `unset`. */
export function cssVarValue(value: unknown): string {
  if (typeof value === "boolean") return value ? "1" : "0";
  if (Array.isArray(value)) return value.join(",");
  if (typeof value === "number" || typeof value === "string") return String(value);
  return "unset";
}

export function toCssVars(theme: object): Record<string, string> {
  return Object.fromEntries(Object.entries(theme).map(([key, value]) => [cssVarName(key), cssVarValue(value)]));
}

/**
 * The properties as the page holds them: Streamlit sets them through an emotion `styled.div`,
 * whose stylis pass drops the blanks around top-level commas (`"Source Sans",sans-serif`) and
 * keeps those inside parentheses (`rgba(49, 51, 63, 0.2)`) (§8.4). The same stylis does it here.
 */
export function asEmotionWritesThem(vars: Record<string, string>): Record<string, string> {
  const rule = Object.entries(vars)
    .map(([name, value]) => `${name}:${value};`)
    .join("");
  const [ruleset] = compile(`.lw-theme{${rule}}`);
  const declarations = Array.isArray(ruleset?.children) ? ruleset.children : [];
  return Object.fromEntries(
    declarations.flatMap((declaration: Element) => (declaration.type === "decl" ? [[String(declaration.props), String(declaration.children)]] : [])),
  );
}
