import slugify from "@sindresorhus/slugify";
import type { Element, ElementContent, Root as HastRoot, RootContent } from "hast";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { remarkMaterialIcons, remarkStreamlitColors, remarkTypographicalSymbols, remarkUnsupportedDirectivesAsText } from "./directives";

/**
 * Markdown the way Streamlit's StreamlitMarkdown renders it: the same unified pipeline
 * (remark-gfm, remark-directive and Streamlit's directive plugins), raw HTML shown as text unless
 * `unsafe_allow_html`, links opening in a new tab except same-page `#anchors`, headings with
 * Streamlit's anchor ids and link icon. The result is a hast tree the Vue components render as
 * vnodes, never as an HTML string.
 */

export type Inline = ElementContent;

type RehypeRaw = typeof import("rehype-raw").default;
let rehypeRaw: RehypeRaw | null = null;
let loadingHtmlSupport: Promise<void> | null = null;

/**
 * rehype-raw carries a whole HTML parser, most of the markdown code's weight; as Streamlit does,
 * it is loaded only once a page uses `unsafe_allow_html`.
 */
export function loadHtmlSupport(): Promise<void> {
  return (loadingHtmlSupport ??= import("rehype-raw").then((module) => {
    rehypeRaw = module.default;
  }));
}

export const htmlSupportLoaded = (): boolean => rehypeRaw !== null;

export interface MarkdownOptions {
  /** `unsafe_allow_html=True`: raw HTML passes through, as in Streamlit. */
  allowHtml?: boolean;
  /** Widget labels: block syntax is escaped and block elements unwrapped (Streamlit's `isLabel`). */
  label?: boolean;
  /** In the sidebar Streamlit renders headings bare: no id, no link icon. */
  inSidebar?: boolean;
}

/** Provided by the sidebar, so markdown inside it renders its headings the sidebar's way. */
export const IN_SIDEBAR = Symbol("lw-in-sidebar");

/**
 * Without `unsafe_allow_html` nothing but markdown can produce markup, so the sanitizer only has
 * to keep URLs safe; it must let through what Streamlit's own plugins put on spans and inputs.
 */
const schema: SanitizeSchema = {
  ...defaultSchema,
  clobber: [],
  attributes: {
    ...defaultSchema.attributes,
    span: [...(defaultSchema.attributes?.span ?? []), "className", "style", "role", "ariaLabel", "translate"],
    code: [...(defaultSchema.attributes?.code ?? []), "className"],
  },
};

/** Elements a label cannot hold: they are replaced by their content (react-markdown's `unwrapDisallowed`). */
const LABEL_DISALLOWED = new Set(["table", "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "input", "hr", "blockquote"]);

/** react-markdown with no rehype-raw turns raw HTML into literal text. */
function rehypeRawAsText() {
  return (tree: HastRoot) => {
    visit(tree, "raw", (node, index, parent) => {
      if (!parent || index === undefined) return;
      parent.children[index] = { type: "text", value: node.value };
    });
  };
}

/**
 * React inserts `<script>` inert and ignores string event handlers; Vue would run both. Dropping
 * them keeps unsafe HTML as inert as it is in Streamlit.
 */
function rehypeInertHtml() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node, index, parent) => {
      if (node.tagName === "script" && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return index;
      }
      for (const name of Object.keys(node.properties)) if (/^on/i.test(name)) delete node.properties[name];
    });
  };
}

function rehypeUnwrap(disallowed: Set<string>) {
  return () => (tree: HastRoot) => {
    visit(tree, "element", (node, index, parent) => {
      if (!disallowed.has(node.tagName) || !parent || index === undefined) return;
      parent.children.splice(index, 1, ...node.children);
      return index;
    });
  };
}

/** Links open in a new tab, except same-page `#anchor` links (Streamlit's LinkWithTargetBlank). */
function rehypeLinkTargets() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node) => {
      if (node.tagName !== "a") return;
      const href = node.properties.href;
      if (typeof href !== "string" || href.startsWith("#")) return;
      node.properties.target ??= "_blank";
      node.properties.rel ??= ["noopener", "noreferrer"];
    });
  };
}

export function textContent(node: RootContent | HastRoot): string {
  if (node.type === "text") return node.value;
  if ("children" in node) return node.children.map((child) => textContent(child as RootContent)).join("");
  return "";
}

/** Streamlit's `createAnchorFromText`: the slug of the heading's text. */
export function headingAnchor(text: string): string {
  return slugify(text);
}

const LINK_ICON: Element = {
  type: "element",
  tagName: "svg",
  properties: { xmlns: "http://www.w3.org/2000/svg", width: "16", height: "16", viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", strokeWidth: "2", strokeLinecap: "round", strokeLinejoin: "round", ariaHidden: "true" },
  children: [
    { type: "element", tagName: "path", properties: { d: "M15 7h3a5 5 0 0 1 5 5 5 5 0 0 1-5 5h-3m-6 0H6a5 5 0 0 1-5-5 5 5 0 0 1 5-5h3" }, children: [] },
    { type: "element", tagName: "line", properties: { x1: "8", y1: "12", x2: "16", y2: "12" }, children: [] },
  ],
};

/**
 * Streamlit's HeadingWithActionElements: `stHeadingWithActionElements` around the heading, the
 * heading's id the slug of its text, the text in a span that names it, and a link icon to `#slug`.
 */
function rehypeHeadingAnchors() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node, index, parent) => {
      if (!/^h[1-6]$/.test(node.tagName) || !parent || index === undefined) return;
      const anchor = headingAnchor(textContent(node));
      if (!anchor) return;
      const textId = `${anchor}-heading-text`;
      const heading: Element = {
        ...node,
        properties: { ...node.properties, id: anchor, ariaLabelledBy: [textId] },
        children: [
          { type: "element", tagName: "span", properties: { id: textId }, children: node.children },
          {
            type: "element",
            tagName: "span",
            properties: { dataTestid: "stHeaderActionElements", className: ["lw-heading-actions"] },
            children: [{ type: "element", tagName: "a", properties: { href: `#${anchor}`, ariaLabel: "Link to heading" }, children: [LINK_ICON] }],
          },
        ],
      };
      parent.children[index] = { type: "element", tagName: "div", properties: { dataTestid: "stHeadingWithActionElements" }, children: [heading] };
      return "skip";
    });
  };
}

/** Streamlit's label preprocessing: list, heading and quote markers at a line start are escaped. */
function escapeLabelSyntax(source: string): string {
  return source.replace(/^(\s*)((?:[+\-*]|#+)(?=\s|$)|>)/gm, "$1\\$2").replace(/^(\s*)(\d+)([.)])(?=\s|$)/gm, "$1$2\\$3");
}

function pipeline(options: MarkdownOptions) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkTypographicalSymbols)
    .use(remarkStreamlitColors)
    .use(remarkMaterialIcons)
    .use(remarkUnsupportedDirectivesAsText)
    .use(remarkRehype, { allowDangerousHtml: true });
  if (options.allowHtml) {
    if (!rehypeRaw) throw new Error("unsafe_allow_html needs loadHtmlSupport() to have finished");
    processor.use(rehypeRaw).use(rehypeInertHtml);
  }
  else processor.use(rehypeRawAsText).use(rehypeSanitize, schema);
  if (options.label) processor.use(rehypeUnwrap(LABEL_DISALLOWED));
  return processor.use(rehypeLinkTargets).use(options.label || options.inSidebar ? [] : [rehypeHeadingAnchors]);
}

const processors = new Map<string, ReturnType<typeof pipeline>>();

export function parseMarkdown(source: string, options: MarkdownOptions = {}): HastRoot {
  const id = `${Boolean(options.allowHtml)}:${Boolean(options.label)}:${Boolean(options.inSidebar)}`;
  let processor = processors.get(id);
  if (!processor) processors.set(id, (processor = pipeline(options)));
  let text = source.replaceAll(":material/", ":material_");
  if (options.label) text = escapeLabelSyntax(text);
  return processor.runSync(processor.parse(text)) as HastRoot;
}

/** A label's inline content: the children of its one paragraph (callers supply the `<p>`). */
export function parseInline(text: string): Inline[] {
  const root = parseMarkdown(text, { label: true });
  const elements = root.children.filter((child) => child.type !== "text" || child.value.trim() !== "");
  if (elements.length === 1 && elements[0].type === "element" && elements[0].tagName === "p") return elements[0].children;
  return root.children as Inline[];
}
