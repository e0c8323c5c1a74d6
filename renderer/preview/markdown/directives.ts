import type { Root as MdastRoot, Text } from "mdast";
import { findAndReplace } from "mdast-util-find-and-replace";
import { visit } from "unist-util-visit";

/**
 * Streamlit's own markdown extensions (its StreamlitMarkdown's remark plugins): `:color[text]`,
 * `:color-background[text]`, `:color-badge[text]`, `:small[text]`, `:color[text]{foreground=…}`,
 * `:material/icon_name:`, the typographical arrows, and the cleanup that prints every other
 * `:name[…]` directive as text. Colours are the theme's own custom properties, so a dark theme
 * recolours them the way Streamlit's theme does.
 */

const PALETTE = ["red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "primary"] as const;
const themeKey = (color: string) => (color === "grey" ? "gray" : color);
const textColor = (color: string) => (color === "primary" ? "var(--st-primary-color)" : `var(--st-${themeKey(color)}-text-color)`);
const backgroundColor = (color: string) =>
  color === "primary" ? "color-mix(in srgb, var(--st-primary-color) 10%, transparent)" : `var(--st-${themeKey(color)}-background-color)`;
const RAINBOW = ["red", "orange", "yellow", "green", "blue", "violet"];

/** Directive name → inline style, as Streamlit's color mapping has it. */
const COLOR_STYLES = new Map<string, string>([
  ...PALETTE.map((color) => [color, `color: ${textColor(color)}`] as [string, string]),
  ...PALETTE.map((color) => [`${color}-background`, `background-color: ${backgroundColor(color)}`] as [string, string]),
  ["rainbow", `color: transparent; background-clip: text; -webkit-background-clip: text; background-image: linear-gradient(to right, ${RAINBOW.map(textColor).join(", ")})`],
  ["rainbow-background", `background: linear-gradient(to right, ${RAINBOW.map(backgroundColor).join(", ")})`],
]);

function asSpan(node: { data?: { hName?: string; hProperties?: Record<string, unknown> } }, properties: Record<string, string | string[]>): void {
  node.data = { ...node.data, hName: "span", hProperties: { ...(node.data?.hProperties ?? {}), ...properties } };
}

/** A CSS colour the browser accepts; where there is no CSSOM (unit tests), hex and functional forms. */
function isCssColor(value: string | null | undefined): value is string {
  if (!value) return false;
  if (typeof CSS !== "undefined" && typeof CSS.supports === "function") return CSS.supports("color", value);
  return /^(#[0-9a-f]{3,8}|(rgba?|hsla?)\([^)]*\)|[a-z]+)$/i.test(value.trim());
}

export function remarkStreamlitColors() {
  return (tree: MdastRoot) => {
    visit(tree, "textDirective", (node) => {
      const name = node.name;
      if (name === "small") return asSpan(node, { style: "font-size: 0.875rem;" });
      if (name === "color") {
        const foreground = node.attributes?.foreground;
        const background = node.attributes?.background;
        const styles = [isCssColor(foreground) ? `color: ${foreground}` : null, isCssColor(background) ? `background-color: ${background}` : null].filter(Boolean);
        if (!styles.length) return asSpan(node, {});
        return asSpan(node, { style: styles.join("; "), className: [isCssColor(background) ? "stMarkdownColoredBackground" : "stMarkdownColoredText"] });
      }
      const badge = /^(.+)-badge$/.exec(name);
      if (badge && badge[1] !== "rainbow" && COLOR_STYLES.has(badge[1])) {
        const color = badge[1];
        return asSpan(node, {
          className: ["stMarkdownBadge"],
          style: `background-color: ${backgroundColor(color)}; color: ${textColor(color)}; font-size: 0.875rem;`,
        });
      }
      const style = COLOR_STYLES.get(name);
      if (style) {
        const background = /background(-color)?:/.test(style);
        return asSpan(node, { style, className: [background ? "stMarkdownColoredBackground" : "stMarkdownColoredText"] });
      }
    });
  };
}

/**
 * `:material/name:` (the source's `:material/` is rewritten to `:material_` first, as Streamlit
 * does). The icon is its own node type: a text node would be merged with the text after it.
 */
export function remarkMaterialIcons() {
  return (tree: MdastRoot) => {
    findAndReplace(tree, [
      [
        /:material_(\w+):/g,
        (_match: string, icon: string) =>
          ({
            type: "materialIcon",
            data: {
              hName: "span",
              hProperties: { role: "img", ariaLabel: `${icon} icon`, translate: "no", className: ["lw-material-icon"] },
              hChildren: [{ type: "text", value: icon }],
            },
          }) as unknown as Text,
      ],
    ]);
  };
}

/** Arrows and dashes written with spaces around them become their symbols, except inside links. */
export function remarkTypographicalSymbols() {
  const replacements: [RegExp, string][] = [
    [/(^|\s)<->(\s|$)/g, "$1↔$2"],
    [/(^|\s)->(\s|$)/g, "$1→$2"],
    [/(^|\s)<-(\s|$)/g, "$1←$2"],
    [/(^|\s)--(\s|$)/g, "$1—$2"],
    [/(^|\s)>=(\s|$)/g, "$1≥$2"],
    [/(^|\s)<=(\s|$)/g, "$1≤$2"],
    [/(^|\s)~=(\s|$)/g, "$1≈$2"],
  ];
  return (tree: MdastRoot) => {
    visit(tree, "text", (node, _index, parent) => {
      if (parent && (parent.type === "link" || parent.type === "linkReference")) return;
      node.value = replacements.reduce((value, [pattern, symbol]) => value.replace(pattern, symbol), node.value);
    });
  };
}

/** Runs last: a directive no plugin claimed prints as `:name` (its label and attributes are dropped, as in Streamlit). */
export function remarkUnsupportedDirectivesAsText() {
  return (tree: MdastRoot) => {
    visit(tree, "textDirective", (node, index, parent) => {
      if (node.data?.hName || !parent || index === undefined) return;
      parent.children[index] = { type: "text", value: `:${node.name}` };
    });
  };
}
